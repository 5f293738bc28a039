-- Tax: the operator's rate per customer country, in percent (prices are tax-exclusive; a
-- country without a rate is taxed at none). An invoice keeps the rates it was closed with,
-- per country of its lines, so that a later change of rate never changes it; unbilled
-- lines are shown at the rates of today. Kept in step with ../postgres/0023_tax_rates.sql.

CREATE TABLE tax_rates (
    country TEXT PRIMARY KEY,
    percent TEXT NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE invoice_tax_rates (
    invoice_id TEXT NOT NULL REFERENCES invoices (id),
    country TEXT NOT NULL,
    percent TEXT NOT NULL,
    PRIMARY KEY (invoice_id, country)
) STRICT;
