-- Reseller relationship requests to existing customers, and the customer portal's
-- sessions. Kept in step with ../postgres/0005_relationships.sql.

-- An invitation link: only its token's SHA-256 is kept. It is addressed to the customer
-- whose admin first opens it, and answered once.
CREATE TABLE relationship_invitations (
    id TEXT PRIMARY KEY,
    partner_id TEXT NOT NULL REFERENCES partners (id),
    reseller_id TEXT REFERENCES partners (id),
    token_hash BLOB NOT NULL UNIQUE,
    delegated_admin INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    customer_id TEXT REFERENCES customers (id),
    status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'declined')),
    answered_at INTEGER
) STRICT;
CREATE INDEX relationship_invitations_customer ON relationship_invitations (customer_id, status);

CREATE TABLE customer_sessions (
    id_hash BLOB PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES customer_users (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX customer_sessions_expires ON customer_sessions (expires_at);

-- The customer portal's sign-in throttling, as the partners'.
ALTER TABLE customer_users ADD COLUMN failed_sign_ins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE customer_users ADD COLUMN locked_until INTEGER;
