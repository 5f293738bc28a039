//! The REST API, end to end over HTTP, on SQLite by default and on PostgreSQL when
//! `PD_TEST_DATABASE_URL` is set (see `scripts/test`).

mod activity;
mod billing;
mod catalog;
mod commerce;
mod contract;
mod customers;
mod errors;
mod isolation;
mod onboarding;
mod security;
mod service;
mod service_requests;
mod subscriptions;
#[path = "../support/mod.rs"]
mod support;
