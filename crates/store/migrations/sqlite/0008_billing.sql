-- Billing: each priced subscription's term prices, its seat batches (for the 7-day
-- windows) and the charge lines every billable change writes in its own transaction.
-- Amounts are exact decimal text as the domain writes them (never floating point);
-- dates are YYYY-MM-DD. Kept in step with ../postgres/0008_billing.sql.

-- The prices of a subscription's current term, locked when the term started.
CREATE TABLE subscription_terms (
    subscription_id TEXT PRIMARY KEY REFERENCES subscriptions (id),
    term_duration TEXT NOT NULL,
    billing_cycle TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    term_start TEXT NOT NULL,
    currency TEXT NOT NULL,
    cost_price TEXT NOT NULL,
    erp_price TEXT,
    customer_price TEXT NOT NULL,
    -- How many of the term's cycles are charged, and the day the next charge (a cycle or
    -- the renewal) falls due; NULL once nothing more will (the term ends unrenewed).
    charged_cycles INTEGER NOT NULL,
    next_due TEXT
) STRICT;

CREATE INDEX subscription_terms_due ON subscription_terms (next_due) WHERE next_due IS NOT NULL;

-- Seats added together (at purchase, renewal or midterm): each batch can be removed
-- within 168 hours of added_at.
CREATE TABLE seat_batches (
    subscription_id TEXT NOT NULL REFERENCES subscriptions (id),
    added_at INTEGER NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (subscription_id, added_at)
) STRICT, WITHOUT ROWID;

-- One charge line: the seller's cost (what the operator bills it) and its customer's
-- price. invoice_id stays empty until the month that holds the line is closed.
CREATE TABLE charges (
    id TEXT PRIMARY KEY,
    partner_id TEXT NOT NULL REFERENCES partners (id),
    reseller_id TEXT REFERENCES partners (id),
    customer_id TEXT NOT NULL REFERENCES customers (id),
    subscription_id TEXT NOT NULL REFERENCES subscriptions (id),
    order_id TEXT NOT NULL,
    offer_id TEXT NOT NULL,
    charge_type TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    charge_start TEXT NOT NULL,
    charge_end TEXT NOT NULL,
    term_duration TEXT NOT NULL,
    billing_cycle TEXT NOT NULL,
    currency TEXT NOT NULL,
    unit_price TEXT NOT NULL,
    effective_unit_price TEXT NOT NULL,
    subtotal TEXT NOT NULL,
    customer_unit_price TEXT NOT NULL,
    customer_effective_unit_price TEXT NOT NULL,
    customer_subtotal TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    invoice_id TEXT
) STRICT;
CREATE INDEX charges_unbilled ON charges (partner_id, currency, id) WHERE invoice_id IS NULL;
CREATE INDEX charges_subscription ON charges (subscription_id, id);
