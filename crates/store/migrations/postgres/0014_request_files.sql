-- Files attached to a service request when it is opened, numbered from 1 within it. Seen
-- by whoever sees the request; their content is checked against their type before it is
-- written. Kept in step with ../sqlite/0014_request_files.sql.

CREATE TABLE service_request_files (
    request_id BIGINT NOT NULL REFERENCES service_requests (id),
    seq INTEGER NOT NULL,
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (request_id, seq)
);
