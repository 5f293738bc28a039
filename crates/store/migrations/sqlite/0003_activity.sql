-- The activity log: one row per change, written in the change's transaction. Kept in
-- step with ../postgres/0003_activity.sql.

CREATE TABLE activity (
    id TEXT PRIMARY KEY,
    at INTEGER NOT NULL,
    partner_id TEXT NOT NULL REFERENCES partners (id),
    reseller_id TEXT REFERENCES partners (id),
    customer_id TEXT REFERENCES customers (id),
    action TEXT NOT NULL,
    actor_id TEXT,
    actor_name TEXT NOT NULL,
    channel TEXT NOT NULL,
    address TEXT,
    details TEXT NOT NULL
) STRICT;
CREATE INDEX activity_partner ON activity (partner_id, at, id);
CREATE INDEX activity_reseller ON activity (reseller_id, at, id) WHERE reseller_id IS NOT NULL;
CREATE INDEX activity_customer ON activity (customer_id, at, id) WHERE customer_id IS NOT NULL;
