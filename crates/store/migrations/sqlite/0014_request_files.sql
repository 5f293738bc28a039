-- Files attached to a service request when it is opened, numbered from 1 within it. Seen
-- by whoever sees the request; their content is checked against their type before it is
-- written. Kept in step with ../postgres/0014_request_files.sql.

CREATE TABLE service_request_files (
    request_id INTEGER NOT NULL REFERENCES service_requests (id),
    seq INTEGER NOT NULL,
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (request_id, seq)
) STRICT;
