-- When each customer user last signed in, for the partner's Users tab of the customer.
ALTER TABLE customer_users ADD COLUMN last_signed_in_at TIMESTAMPTZ;
