//! The portal in a real browser: Debian's Chromium, headless, against the real server on
//! a loopback port, on SQLite by default and on PostgreSQL when `PD_TEST_DATABASE_URL` is
//! set. Every page of the wizard is checked with axe-core; screenshots of each step in each
//! language go to `ci-output/screenshots/`.

mod after_onboarding;
mod billing;
mod customer_page;
mod customers;
mod driver;
mod journeys;
mod service_requests;
#[path = "../support/mod.rs"]
mod support;
mod wizard;
