//! The use cases: one function per thing a person or a program does, shared by the REST
//! API and both portals. Each takes the caller and a typed command, checks permissions and
//! rules once (the rules themselves are the domain's), calls the store, and returns
//! [`AppError`]. Nothing here knows JSON bodies or HTML: the API and the portals render.

pub mod activity;
pub mod agreements;
mod attempts;
pub mod billing;
mod caller;
pub mod customer_users;
pub mod customers;
pub mod drafts;
mod error;
pub mod idempotency;
pub mod orders;
pub mod passwords;
pub mod relationships;
pub mod sellers;
pub mod sessions;
pub mod subscriptions;
pub mod support;
pub mod users;

pub use caller::{Caller, CustomerCaller};
pub use error::{AppError, UNAVAILABLE_RETRY_AFTER_SECONDS};
