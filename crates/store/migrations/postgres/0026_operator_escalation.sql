-- Escalation to the operator: the partner at the top of a request (a direct partner or an
-- indirect provider) hands it to the deployment's operator, who works it from the command
-- line. Its notes are written by the party 'operator'. Kept in step with
-- ../sqlite/0026_operator_escalation.sql.

ALTER TABLE service_requests ADD COLUMN operator_escalated_at TIMESTAMPTZ;
CREATE INDEX service_requests_operator ON service_requests (id) WHERE operator_escalated_at IS NOT NULL;
