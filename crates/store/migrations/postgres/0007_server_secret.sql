-- Keys of this installation, made at random once (by the first start: see the store's
-- server_secret) and never shown: the sealing of a temporary password for an idempotent
-- replay mixes one in. Kept in step with ../sqlite/0007_server_secret.sql.

CREATE TABLE server_secrets (
    name TEXT PRIMARY KEY,
    value BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
