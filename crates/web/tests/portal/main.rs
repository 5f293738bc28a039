//! The portal over HTTP, as a browser without JavaScript uses it: on SQLite by default and
//! on PostgreSQL when `PD_TEST_DATABASE_URL` is set.

mod attachments;
mod billing;
mod browser;
mod customer_page;
mod mail;
mod matrix;
mod relationships;
mod security;
mod service_requests;
mod sessions;
mod subscriptions;
#[path = "../support/mod.rs"]
mod support;
mod users;
mod wizard;
mod workspace;
