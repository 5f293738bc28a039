-- Sign-in attempts, counted per account name (its SHA-256, after trimming and lowercasing)
-- and kind of account before the password is checked, whether or not such an account
-- exists: parallel guesses can't overtake the count, and an unknown name is locked out
-- like a known one. A success deletes the row. Kept in step with
-- ../sqlite/0006_sign_in_attempts.sql. (The failed_sign_ins and locked_until columns of
-- partner_users and customer_users are no longer used.)

CREATE TABLE sign_in_attempts (
    kind TEXT NOT NULL CHECK (kind IN ('partner', 'customer')),
    account_hash BYTEA NOT NULL,
    attempts BIGINT NOT NULL,
    locked_until TIMESTAMPTZ,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (kind, account_hash)
);
CREATE INDEX sign_in_attempts_updated ON sign_in_attempts (updated_at);
