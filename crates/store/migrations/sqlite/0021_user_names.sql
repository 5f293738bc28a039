-- A partner user's name, as they or the admin who invited them gave it; the Users page
-- lists it. Kept in step with ../postgres/0021_user_names.sql.
ALTER TABLE partner_users ADD COLUMN name TEXT;
