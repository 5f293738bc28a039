-- The portal: signed-in sessions, the "Add customer" wizard's drafts, and throttling of
-- failed sign-ins. Kept in step with ../sqlite/0002_portal.sql.

CREATE TABLE sessions (
    id_hash BYTEA PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES partner_users (id),
    created_at TIMESTAMPTZ NOT NULL,
    seen_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE drafts (
    user_id UUID PRIMARY KEY REFERENCES partner_users (id),
    partner_id UUID NOT NULL REFERENCES partners (id),
    data TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX drafts_updated ON drafts (updated_at);

ALTER TABLE partner_users ADD COLUMN failed_sign_ins BIGINT NOT NULL DEFAULT 0;
ALTER TABLE partner_users ADD COLUMN locked_until TIMESTAMPTZ;
