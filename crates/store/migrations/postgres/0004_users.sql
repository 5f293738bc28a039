-- One-time links with which an invited partner user sets a password: only the token's
-- SHA-256 is kept. Kept in step with ../sqlite/0004_users.sql.

CREATE TABLE password_links (
    token_hash BYTEA PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES partner_users (id),
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at TIMESTAMPTZ
);
CREATE INDEX password_links_user ON password_links (user_id);
