-- A walk of the name order tests `search_key` in the index itself when it reads keys
-- only (an index-only scan where the table's pages are all visible), rather than reading
-- each row. Kept in step with ../sqlite/0022_search_indexes.sql, whose FTS table also
-- needs an index by `search_rowid`; PostgreSQL's trigram index needs none.
-- The new index is built before the old one is dropped, so reads go on during the build.

CREATE INDEX partner_customers_name_searched ON partner_customers (partner_id, name_key, customer_id) INCLUDE (search_key);
DROP INDEX partner_customers_name;
ALTER INDEX partner_customers_name_searched RENAME TO partner_customers_name;
