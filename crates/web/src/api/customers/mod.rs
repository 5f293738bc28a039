//! `/v1/customers`: create (the atomic onboarding), list and search, read, profiles.

pub(crate) mod create;
pub(crate) mod list;
pub(crate) mod profiles;

pub(crate) use create::create_customer;
pub(crate) use list::list_customers;
pub(crate) use profiles::{get_billing_profile, get_company_profile, get_customer, update_billing_profile};
