-- A walk of the name order tests `search_key` in the index itself (an index-only scan
-- where the table's pages are all visible), rather than reading each row. Kept in step
-- with ../sqlite/0022_search_indexes.sql, whose FTS table also needs an index by
-- `search_rowid`; PostgreSQL's trigram index needs none.

DROP INDEX partner_customers_name;
CREATE INDEX partner_customers_name ON partner_customers (partner_id, name_key, customer_id) INCLUDE (search_key);
