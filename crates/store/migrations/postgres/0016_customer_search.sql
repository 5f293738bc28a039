-- Search anywhere in a customer's name or domain, and the orders a list can be sorted in.
-- `search_key` is the folded company name and the domain (see `names::fold`); Partnerdesk
-- fills it for rows written before this migration as it starts. Kept in step with
-- ../sqlite/0016_customer_search.sql (whose `search_rowid` PostgreSQL doesn't need).
--
-- PostgreSQL's index for it is a trigram index, which answers `LIKE '%text%'`. The
-- extension goes in `public` (the database's, whatever schema Partnerdesk's tables are in).

CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;

ALTER TABLE partner_customers ADD COLUMN search_key TEXT COLLATE "C";
ALTER TABLE partner_customers ADD COLUMN search_rowid BIGINT;

CREATE INDEX partner_customers_search ON partner_customers USING gin (search_key public.gin_trgm_ops);
-- Finds the rows still to fill at once (an empty index once they are all filled).
CREATE INDEX partner_customers_unfilled ON partner_customers (partner_id) WHERE search_key IS NULL;
CREATE INDEX partner_customers_created ON partner_customers (partner_id, created_at, customer_id);
CREATE INDEX partner_customers_country ON partner_customers (partner_id, country, name_key, customer_id);
