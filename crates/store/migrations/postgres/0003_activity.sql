-- The activity log: one row per change, written in the change's transaction. Kept in
-- step with ../sqlite/0003_activity.sql.

CREATE TABLE activity (
    id UUID PRIMARY KEY,
    at TIMESTAMPTZ NOT NULL,
    partner_id UUID NOT NULL REFERENCES partners (id),
    reseller_id UUID REFERENCES partners (id),
    customer_id UUID REFERENCES customers (id),
    action TEXT NOT NULL,
    actor_id UUID,
    actor_name TEXT NOT NULL,
    channel TEXT NOT NULL,
    address TEXT,
    details TEXT NOT NULL
);
CREATE INDEX activity_partner ON activity (partner_id, at, id);
CREATE INDEX activity_reseller ON activity (reseller_id, at, id) WHERE reseller_id IS NOT NULL;
CREATE INDEX activity_customer ON activity (customer_id, at, id) WHERE customer_id IS NOT NULL;
