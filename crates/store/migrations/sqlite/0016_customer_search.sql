-- Search anywhere in a customer's name or domain, and the orders a list can be sorted in.
-- `search_key` is the folded company name and the domain (see `names::fold`); Partnerdesk
-- fills it for rows written before this migration as it starts. Kept in step with
-- ../postgres/0016_customer_search.sql.
--
-- SQLite's index for it is an FTS5 trigram table, one row per `partner_customers` row,
-- kept by the triggers below; `search_rowid` finds a row's entry again when its key changes.

ALTER TABLE partner_customers ADD COLUMN search_key TEXT;
ALTER TABLE partner_customers ADD COLUMN search_rowid INTEGER;

CREATE VIRTUAL TABLE customer_search USING fts5 (
    search_key, partner_id UNINDEXED, customer_id UNINDEXED, tokenize = 'trigram'
);

CREATE TRIGGER partner_customers_search_insert AFTER INSERT ON partner_customers
WHEN new.search_key IS NOT NULL
BEGIN
    INSERT INTO customer_search (search_key, partner_id, customer_id)
    VALUES (new.search_key, new.partner_id, new.customer_id);
    UPDATE partner_customers SET search_rowid = last_insert_rowid()
    WHERE partner_id = new.partner_id AND customer_id = new.customer_id;
END;

CREATE TRIGGER partner_customers_search_update AFTER UPDATE OF search_key ON partner_customers
WHEN new.search_key IS NOT old.search_key
BEGIN
    DELETE FROM customer_search WHERE rowid = old.search_rowid;
    INSERT INTO customer_search (search_key, partner_id, customer_id)
    VALUES (new.search_key, new.partner_id, new.customer_id);
    UPDATE partner_customers SET search_rowid = last_insert_rowid()
    WHERE partner_id = new.partner_id AND customer_id = new.customer_id;
END;

CREATE TRIGGER partner_customers_search_delete AFTER DELETE ON partner_customers
BEGIN
    DELETE FROM customer_search WHERE rowid = old.search_rowid;
END;

-- Finds the rows still to fill at once (an empty index once they are all filled).
CREATE INDEX partner_customers_unfilled ON partner_customers (partner_id) WHERE search_key IS NULL;
CREATE INDEX partner_customers_created ON partner_customers (partner_id, created_at, customer_id);
CREATE INDEX partner_customers_country ON partner_customers (partner_id, country, name_key, customer_id);
