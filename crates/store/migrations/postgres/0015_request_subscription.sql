-- The subscription a service request is about, if its opener named one, and that
-- subscription's offer (Partner Center's product). Kept in step with
-- ../sqlite/0015_request_subscription.sql.

ALTER TABLE service_requests ADD COLUMN subscription_id UUID REFERENCES subscriptions (id);
ALTER TABLE service_requests ADD COLUMN product_id TEXT;
