-- The time zone a partner user reads times in (an IANA name), when chosen; otherwise the
-- browser's. And when the user last signed in, for the Users page.
ALTER TABLE partner_users ADD COLUMN time_zone TEXT;
ALTER TABLE partner_users ADD COLUMN last_signed_in_at TIMESTAMPTZ;
