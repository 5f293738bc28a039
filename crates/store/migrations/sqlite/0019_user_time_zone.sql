-- The time zone a partner user reads times in (an IANA name), when chosen; otherwise the
-- browser's.
ALTER TABLE partner_users ADD COLUMN time_zone TEXT;
