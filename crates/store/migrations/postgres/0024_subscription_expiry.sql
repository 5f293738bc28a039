-- A subscription whose term ended without a renewal (auto-renewal off, suspended, or no
-- price in force) expires: Partner Center's status `expired`. `expired_on` is the day its
-- term ended; from then on the subscription reads as expired whatever `status` holds (the
-- status it had then), since SQLite can't widen `status`'s CHECK without rebuilding a table
-- that others reference. Kept in step with ../sqlite/0024_subscription_expiry.sql.

ALTER TABLE subscriptions ADD COLUMN expired_on TEXT;

-- Terms that ended unrenewed before this migration (their billing stopped: no next due
-- day) expired the day their commitment ended.
UPDATE subscriptions SET expired_on = to_char(commitment_end AT TIME ZONE 'UTC', 'YYYY-MM-DD'),
    version = version + 1
WHERE status <> 'deleted'
  AND id IN (SELECT subscription_id FROM subscription_terms WHERE next_due IS NULL);
