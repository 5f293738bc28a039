-- A change scheduled for a subscription's next term (Partner Center's
-- scheduledNextTermInstructions): its license count and billing plan from the renewal on,
-- all three set or none. The renewal applies it and clears it. Kept in step with
-- ../sqlite/0025_next_term.sql.

ALTER TABLE subscriptions ADD COLUMN next_quantity BIGINT;
ALTER TABLE subscriptions ADD COLUMN next_term_duration TEXT;
ALTER TABLE subscriptions ADD COLUMN next_billing_cycle TEXT;
