-- Customer prices: each partner's rules turning its cost into its customers' prices. A
-- rule is `erp` or a percent over cost; '' in customer_id or offer_id means "any", so a
-- partner's default is the row with both empty. Kept in step with
-- ../sqlite/0010_markups.sql.

CREATE TABLE markup_rules (
    partner_id UUID NOT NULL REFERENCES partners (id),
    customer_id TEXT NOT NULL DEFAULT '',
    offer_id TEXT NOT NULL DEFAULT '',
    rule TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (partner_id, customer_id, offer_id)
);
