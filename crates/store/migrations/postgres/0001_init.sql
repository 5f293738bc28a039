-- Partnerdesk's schema for PostgreSQL (and the PostgreSQL-compatible distributed SQL
-- databases: no extensions, no PostgreSQL-only types). Kept in step with
-- ../sqlite/0001_init.sql. Search keys use the "C" collation so that a prefix search is a
-- plain byte-range scan of the index.

CREATE TABLE partners (
    id UUID PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('direct', 'indirect-provider', 'indirect-reseller')),
    mpn_id TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE reseller_links (
    provider_id UUID NOT NULL REFERENCES partners (id),
    reseller_id UUID NOT NULL REFERENCES partners (id),
    state TEXT NOT NULL CHECK (state IN ('active', 'inactive')),
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (provider_id, reseller_id)
);
CREATE INDEX reseller_links_reseller ON reseller_links (reseller_id);

CREATE TABLE partner_users (
    id UUID PRIMARY KEY,
    partner_id UUID NOT NULL REFERENCES partners (id),
    email TEXT NOT NULL UNIQUE,
    email_domain TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin-agent', 'sales-agent', 'helpdesk-agent', 'billing-admin')),
    password_hash TEXT NOT NULL,
    active BOOLEAN NOT NULL,
    locale TEXT,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX partner_users_partner_domain ON partner_users (partner_id, email_domain);

CREATE TABLE api_tokens (
    id UUID PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES partner_users (id),
    token_hash BYTEA NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE customers (
    id UUID PRIMARY KEY,
    commerce_id UUID NOT NULL,
    domain TEXT NOT NULL UNIQUE,
    company_name TEXT NOT NULL,
    organization_registration_number TEXT,
    created_by UUID NOT NULL REFERENCES partners (id),
    created_at TIMESTAMPTZ NOT NULL,
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
    billing_version BIGINT NOT NULL
);

CREATE TABLE customer_users (
    id UUID PRIMARY KEY,
    customer_id UUID NOT NULL REFERENCES customers (id),
    user_name TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    must_change_password BOOLEAN NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX customer_users_customer ON customer_users (customer_id);

CREATE TABLE partner_customers (
    partner_id UUID NOT NULL REFERENCES partners (id),
    customer_id UUID NOT NULL REFERENCES customers (id),
    relationship TEXT NOT NULL,
    associated_partner_id UUID REFERENCES partners (id),
    name_key TEXT COLLATE "C" NOT NULL,
    domain TEXT COLLATE "C" NOT NULL,
    company_name TEXT NOT NULL,
    country TEXT NOT NULL,
    commerce_id UUID NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (partner_id, customer_id)
);
CREATE INDEX partner_customers_name ON partner_customers (partner_id, name_key, customer_id);
CREATE INDEX partner_customers_domain ON partner_customers (partner_id, domain);
CREATE INDEX partner_customers_reseller ON partner_customers (partner_id, associated_partner_id, name_key, customer_id);
CREATE INDEX partner_customers_customer ON partner_customers (customer_id);

CREATE TABLE agreements (
    id UUID PRIMARY KEY,
    customer_id UUID NOT NULL REFERENCES customers (id),
    partner_id UUID NOT NULL REFERENCES partners (id),
    user_id UUID NOT NULL REFERENCES partner_users (id),
    agreement_type TEXT NOT NULL,
    template_id TEXT NOT NULL,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    email TEXT NOT NULL,
    phone_number TEXT NOT NULL,
    contact_key TEXT NOT NULL,
    date_agreed TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX agreements_contact ON agreements (customer_id, agreement_type, contact_key);

CREATE TABLE orders (
    id UUID PRIMARY KEY,
    customer_id UUID NOT NULL REFERENCES customers (id),
    partner_id UUID NOT NULL REFERENCES partners (id),
    created_by UUID REFERENCES partner_users (id),
    billing_cycle TEXT NOT NULL,
    currency_code TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX orders_customer ON orders (customer_id, partner_id, created_at);

CREATE TABLE subscriptions (
    id UUID PRIMARY KEY,
    customer_id UUID NOT NULL REFERENCES customers (id),
    partner_id UUID NOT NULL REFERENCES partners (id),
    reseller_id UUID REFERENCES partners (id),
    order_id UUID NOT NULL REFERENCES orders (id),
    offer_id TEXT NOT NULL,
    friendly_name TEXT NOT NULL,
    quantity BIGINT NOT NULL CHECK (quantity > 0),
    status TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'deleted')),
    parent_subscription_id UUID REFERENCES subscriptions (id),
    partner_id_on_record TEXT,
    billing_cycle TEXT NOT NULL,
    term_duration TEXT NOT NULL,
    auto_renew BOOLEAN NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    commitment_end TIMESTAMPTZ NOT NULL,
    version BIGINT NOT NULL
);
CREATE INDEX subscriptions_customer ON subscriptions (customer_id, created_at);
CREATE INDEX subscriptions_order ON subscriptions (order_id);
CREATE INDEX subscriptions_parent ON subscriptions (parent_subscription_id);

CREATE TABLE order_line_items (
    order_id UUID NOT NULL REFERENCES orders (id),
    line_number BIGINT NOT NULL,
    offer_id TEXT NOT NULL,
    quantity BIGINT NOT NULL CHECK (quantity > 0),
    subscription_id UUID NOT NULL REFERENCES subscriptions (id),
    friendly_name TEXT NOT NULL,
    partner_id_on_record TEXT,
    parent_subscription_id UUID REFERENCES subscriptions (id),
    PRIMARY KEY (order_id, line_number)
);

CREATE TABLE idempotency_keys (
    partner_id UUID NOT NULL,
    key_hash BYTEA NOT NULL,
    fingerprint BYTEA NOT NULL,
    status BIGINT NOT NULL,
    body TEXT NOT NULL,
    sealed_secret BYTEA,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (partner_id, key_hash)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

CREATE TABLE catalog (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL,
    document TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
