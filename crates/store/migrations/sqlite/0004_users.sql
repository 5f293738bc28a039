-- One-time links with which an invited partner user sets a password: only the token's
-- SHA-256 is kept. Kept in step with ../postgres/0004_users.sql.

CREATE TABLE password_links (
    token_hash BLOB PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES partner_users (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
) STRICT;
CREATE INDEX password_links_user ON password_links (user_id);
