-- Reseller relationship requests to existing customers, and the customer portal's
-- sessions. Kept in step with ../sqlite/0005_relationships.sql.

-- An invitation link: only its token's SHA-256 is kept. It is addressed to the customer
-- whose admin first opens it, and answered once.
CREATE TABLE relationship_invitations (
    id UUID PRIMARY KEY,
    partner_id UUID NOT NULL REFERENCES partners (id),
    reseller_id UUID REFERENCES partners (id),
    token_hash BYTEA NOT NULL UNIQUE,
    delegated_admin BOOLEAN NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    customer_id UUID REFERENCES customers (id),
    status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'declined')),
    answered_at TIMESTAMPTZ
);
CREATE INDEX relationship_invitations_customer ON relationship_invitations (customer_id, status);

CREATE TABLE customer_sessions (
    id_hash BYTEA PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES customer_users (id),
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX customer_sessions_expires ON customer_sessions (expires_at);

-- The customer portal's sign-in throttling, as the partners'.
ALTER TABLE customer_users ADD COLUMN failed_sign_ins BIGINT NOT NULL DEFAULT 0;
ALTER TABLE customer_users ADD COLUMN locked_until TIMESTAMPTZ;
