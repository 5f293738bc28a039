-- The outbox: messages written in the same transaction as the change that causes them,
-- sent afterwards by a worker that claims due ones for a while (next_attempt_at moves
-- forward), then marks them sent, or failed until the next attempt. args is a JSON object
-- of the message's texts; never a secret. Kept in step with ../sqlite/0012_outbox.sql.

CREATE TABLE outbox (
    id UUID PRIMARY KEY,
    partner_id UUID NOT NULL REFERENCES partners (id),
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    locale TEXT NOT NULL,
    args TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    sent_at TIMESTAMPTZ,
    last_error TEXT
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL;
CREATE INDEX outbox_partner ON outbox (partner_id, created_at);

-- Where and in which language a request's customer is written to.
ALTER TABLE service_requests ADD COLUMN contact_locale TEXT NOT NULL DEFAULT 'en-US';

-- Request numbers from a sequence: concurrent openings don't wait on one counter row.
CREATE SEQUENCE service_request_ids;
SELECT setval('service_request_ids', (SELECT last FROM service_request_sequence WHERE one = 1));
