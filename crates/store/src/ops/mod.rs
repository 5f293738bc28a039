//! The use cases, each an `impl Store` block with the SQL it runs.

pub(crate) mod activity;
pub(crate) mod agreements;
pub(crate) mod billing_run;
pub(crate) mod catalog;
pub(crate) mod charges;
pub(crate) mod customer_users;
pub(crate) mod customer_view;
pub(crate) mod customers;
pub(crate) mod drafts;
pub(crate) mod idempotency;
pub(crate) mod invoices;
pub(crate) mod markups;
pub(crate) mod next_term;
pub(crate) mod orders;
pub(crate) mod outbox;
pub(crate) mod partners;
pub(crate) mod relationships;
pub(crate) mod server_secret;
pub(crate) mod sessions;
pub(crate) mod sign_ins;
pub(crate) mod support;
pub(crate) mod tax_rates;
pub(crate) mod tokens;
pub(crate) mod users;
