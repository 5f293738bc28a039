-- Support: each partner's published support contact, and service requests between a
-- customer and the partners that serve it. A request is addressed to one partner and may
-- be escalated to that partner's indirect provider; each partner on it is a row of
-- service_request_parties, which is what a partner's queue reads. A note is visible to
-- everyone on the request ('public'), to its partners only ('partners'), or to its
-- author's party only ('internal'). Kept in step with ../sqlite/0011_support.sql.

CREATE TABLE support_profiles (
    partner_id UUID PRIMARY KEY REFERENCES partners (id),
    email TEXT NOT NULL,
    telephone TEXT NOT NULL,
    website TEXT NOT NULL,
    hours TEXT NOT NULL,
    pricing TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE service_requests (
    id BIGINT PRIMARY KEY,
    customer_id UUID NOT NULL REFERENCES customers (id),
    partner_id UUID NOT NULL REFERENCES partners (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    severity TEXT NOT NULL CHECK (severity IN ('critical', 'moderate', 'minimal')),
    topic_id BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'attention_needed', 'closed')),
    opened_by TEXT NOT NULL,
    contact_email TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    first_response_at TIMESTAMPTZ,
    closed_at TIMESTAMPTZ,
    first_response_due TIMESTAMPTZ NOT NULL,
    resolution_due TIMESTAMPTZ NOT NULL
);
CREATE INDEX service_requests_customer ON service_requests (customer_id, id);

CREATE TABLE service_request_parties (
    partner_id UUID NOT NULL REFERENCES partners (id),
    request_id BIGINT NOT NULL REFERENCES service_requests (id),
    escalated BOOLEAN NOT NULL,
    assignee_id UUID REFERENCES partner_users (id),
    PRIMARY KEY (partner_id, request_id)
);
CREATE INDEX service_request_parties_request ON service_request_parties (request_id);

CREATE TABLE service_request_notes (
    request_id BIGINT NOT NULL REFERENCES service_requests (id),
    seq INTEGER NOT NULL,
    -- 'customer', or the id of the partner whose agent wrote it.
    party TEXT NOT NULL,
    author_name TEXT NOT NULL,
    visibility TEXT NOT NULL CHECK (visibility IN ('public', 'partners', 'internal')),
    text TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (request_id, seq)
);

-- The last service request number given.
CREATE TABLE service_request_sequence (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    last BIGINT NOT NULL
);
INSERT INTO service_request_sequence (one, last) VALUES (1, 100000);
