-- Partnerdesk's schema for SQLite. Ids are UUID text, times are microseconds since the
-- Unix epoch (UTC), booleans are 0 or 1. Kept in step with ../postgres/0001_init.sql.

CREATE TABLE partners (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('direct', 'indirect-provider', 'indirect-reseller')),
    mpn_id TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
) STRICT;

-- An indirect provider sells through the indirect resellers linked to it.
CREATE TABLE reseller_links (
    provider_id TEXT NOT NULL REFERENCES partners (id),
    reseller_id TEXT NOT NULL REFERENCES partners (id),
    state TEXT NOT NULL CHECK (state IN ('active', 'inactive')),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (provider_id, reseller_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX reseller_links_reseller ON reseller_links (reseller_id);

CREATE TABLE partner_users (
    id TEXT PRIMARY KEY,
    partner_id TEXT NOT NULL REFERENCES partners (id),
    email TEXT NOT NULL UNIQUE,
    email_domain TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin-agent', 'sales-agent', 'helpdesk-agent', 'billing-admin')),
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL,
    locale TEXT,
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX partner_users_partner_domain ON partner_users (partner_id, email_domain);

-- API tokens are random; only their SHA-256 is kept.
CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES partner_users (id),
    token_hash BLOB NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
) STRICT;
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- A customer tenant with its company and billing profiles.
CREATE TABLE customers (
    id TEXT PRIMARY KEY,
    commerce_id TEXT NOT NULL,
    domain TEXT NOT NULL UNIQUE,
    company_name TEXT NOT NULL,
    organization_registration_number TEXT,
    created_by TEXT NOT NULL REFERENCES partners (id),
    created_at INTEGER NOT NULL,
    billing_company_name TEXT NOT NULL,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    email TEXT NOT NULL,
    phone_number TEXT,
    culture TEXT NOT NULL,
    language TEXT NOT NULL,
    country TEXT NOT NULL,
    address_line1 TEXT NOT NULL,
    address_line2 TEXT,
    city TEXT NOT NULL,
    state TEXT,
    postal_code TEXT,
    billing_version INTEGER NOT NULL
) STRICT;

-- Users of customer tenants: the admin account created with the customer. Its
-- temporary password is random; only its SHA-256 is kept.
CREATE TABLE customer_users (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customers (id),
    user_name TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    must_change_password INTEGER NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX customer_users_customer ON customer_users (customer_id);

-- Which partners see which customers. An indirect provider's row names the reseller the
-- customer is associated with; the reseller's row names the provider. What a list shows of
-- a customer (all of it immutable) is repeated here, so that a page of a partner's list or
-- of a search is one index range over this table alone.
CREATE TABLE partner_customers (
    partner_id TEXT NOT NULL REFERENCES partners (id),
    customer_id TEXT NOT NULL REFERENCES customers (id),
    relationship TEXT NOT NULL,
    associated_partner_id TEXT REFERENCES partners (id),
    name_key TEXT NOT NULL,
    domain TEXT NOT NULL,
    company_name TEXT NOT NULL,
    country TEXT NOT NULL,
    commerce_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (partner_id, customer_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX partner_customers_name ON partner_customers (partner_id, name_key, customer_id);
CREATE INDEX partner_customers_domain ON partner_customers (partner_id, domain);
CREATE INDEX partner_customers_reseller ON partner_customers (partner_id, associated_partner_id, name_key, customer_id);
CREATE INDEX partner_customers_customer ON partner_customers (customer_id);

-- Acceptances of the customer agreement, attested by a partner user. contact_key is the
-- signer's lower-cased first name, last name, email and phone: the same contact can't
-- confirm the same agreement twice.
CREATE TABLE agreements (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customers (id),
    partner_id TEXT NOT NULL REFERENCES partners (id),
    user_id TEXT NOT NULL REFERENCES partner_users (id),
    agreement_type TEXT NOT NULL,
    template_id TEXT NOT NULL,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    email TEXT NOT NULL,
    phone_number TEXT NOT NULL,
    contact_key TEXT NOT NULL,
    date_agreed INTEGER NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX agreements_contact ON agreements (customer_id, agreement_type, contact_key);

CREATE TABLE orders (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customers (id),
    partner_id TEXT NOT NULL REFERENCES partners (id),
    created_by TEXT REFERENCES partner_users (id),
    billing_cycle TEXT NOT NULL,
    currency_code TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX orders_customer ON orders (customer_id, partner_id, created_at);

CREATE TABLE subscriptions (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customers (id),
    partner_id TEXT NOT NULL REFERENCES partners (id),
    reseller_id TEXT REFERENCES partners (id),
    order_id TEXT NOT NULL REFERENCES orders (id),
    offer_id TEXT NOT NULL,
    friendly_name TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    status TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'deleted')),
    parent_subscription_id TEXT REFERENCES subscriptions (id),
    partner_id_on_record TEXT,
    billing_cycle TEXT NOT NULL,
    term_duration TEXT NOT NULL,
    auto_renew INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    commitment_end INTEGER NOT NULL,
    version INTEGER NOT NULL
) STRICT;
CREATE INDEX subscriptions_customer ON subscriptions (customer_id, created_at);
CREATE INDEX subscriptions_order ON subscriptions (order_id);
CREATE INDEX subscriptions_parent ON subscriptions (parent_subscription_id);

CREATE TABLE order_line_items (
    order_id TEXT NOT NULL REFERENCES orders (id),
    line_number INTEGER NOT NULL,
    offer_id TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    subscription_id TEXT NOT NULL REFERENCES subscriptions (id),
    friendly_name TEXT NOT NULL,
    partner_id_on_record TEXT,
    parent_subscription_id TEXT REFERENCES subscriptions (id),
    PRIMARY KEY (order_id, line_number)
) STRICT, WITHOUT ROWID;

-- Responses to requests that carried an MS-RequestId, replayed for retries. key_hash is
-- the SHA-256 of the request id; sealed_secret holds a created customer's temporary
-- password encrypted with a key derived from the request id, erased after 15 minutes.
CREATE TABLE idempotency_keys (
    partner_id TEXT NOT NULL,
    key_hash BLOB NOT NULL,
    fingerprint BLOB NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    sealed_secret BLOB,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (partner_id, key_hash)
) STRICT, WITHOUT ROWID;
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- The offer catalog, as one document (see partnerdesk_domain::catalog).
CREATE TABLE catalog (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL,
    document TEXT NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;
