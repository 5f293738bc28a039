-- Invoices: at a month's close, a party's charges up to the month's end in one currency.
-- The operator bills each selling partner its cost (side 'cost': Partner Center's partner
-- invoice); each selling partner bills each customer its price (side 'customer'). An
-- invoice never changes once written; a charge that arrives after its month was closed
-- goes on the next one. Kept in step with ../sqlite/0009_invoices.sql.

CREATE TABLE invoices (
    id UUID PRIMARY KEY,
    -- 'operator', or the id of the partner that bills its customer.
    issuer TEXT NOT NULL,
    number TEXT NOT NULL,
    side TEXT NOT NULL CHECK (side IN ('cost', 'customer')),
    partner_id UUID NOT NULL REFERENCES partners (id),
    customer_id UUID REFERENCES customers (id),
    currency TEXT NOT NULL,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    invoice_date TEXT NOT NULL,
    subtotal TEXT NOT NULL,
    tax TEXT NOT NULL,
    total TEXT NOT NULL,
    line_count BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (issuer, number)
);
CREATE INDEX invoices_partner ON invoices (partner_id, side, period_start, number);
CREATE INDEX invoices_customer ON invoices (customer_id, period_start, number) WHERE customer_id IS NOT NULL;

-- Each issuer's last invoice number: numbers are gapless.
CREATE TABLE invoice_sequences (
    issuer TEXT PRIMARY KEY,
    last BIGINT NOT NULL
);

-- The customer invoice a charge is on (charges.invoice_id is the partner invoice).
ALTER TABLE charges ADD COLUMN customer_invoice_id UUID;
CREATE INDEX charges_customer_unbilled ON charges (partner_id, customer_id, currency, id) WHERE customer_invoice_id IS NULL;
CREATE INDEX charges_invoice ON charges (invoice_id, id) WHERE invoice_id IS NOT NULL;
CREATE INDEX charges_customer_invoice ON charges (customer_invoice_id, id) WHERE customer_invoice_id IS NOT NULL;
