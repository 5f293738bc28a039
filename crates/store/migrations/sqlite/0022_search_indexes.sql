-- A match in the FTS table finds its row's sort keys through `search_rowid` without
-- reading the row; a walk of the name order tests `search_key` in the index itself before
-- reading the row. Kept in step with ../postgres/0022_search_indexes.sql.

CREATE INDEX partner_customers_search_entry ON partner_customers (search_rowid, partner_id, name_key, customer_id);
DROP INDEX partner_customers_name;
CREATE INDEX partner_customers_name ON partner_customers (partner_id, name_key, customer_id, search_key);
