-- The portal: signed-in sessions, the "Add customer" wizard's drafts, and throttling of
-- failed sign-ins. Kept in step with ../postgres/0002_portal.sql.

-- A session's id lives only in the browser's cookie; the table keeps its SHA-256.
CREATE TABLE sessions (
    id_hash BLOB PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES partner_users (id),
    created_at INTEGER NOT NULL,
    seen_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- One draft per user: a reload, another tab or another sign-in resumes it.
CREATE TABLE drafts (
    user_id TEXT PRIMARY KEY REFERENCES partner_users (id),
    partner_id TEXT NOT NULL REFERENCES partners (id),
    data TEXT NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX drafts_updated ON drafts (updated_at);

ALTER TABLE partner_users ADD COLUMN failed_sign_ins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE partner_users ADD COLUMN locked_until INTEGER;
