//! Partnerdesk's rules and types: who partners and customers are, what makes an address,
//! a tenant domain, an agreement acceptance or an order valid, and which cloud profile
//! applies. Pure: no I/O, no HTTP, no SQL. Every parser returns typed values or
//! [`FieldError`]s carrying stable codes that the API and the portal render in the user's
//! language.

pub mod address;
pub mod agreement;
pub mod attachment;
pub mod audit;
pub mod billing;
pub mod catalog;
pub mod country;
pub mod customer;
pub mod draft;
pub mod email;
pub mod error;
pub mod ids;
pub mod locale;
pub mod mail;
pub mod names;
pub mod onboarding;
pub mod order;
pub mod partner;
pub mod phone;
pub mod profile;
pub mod subscription;
pub mod support;
pub mod tenant_domain;

pub use error::{Arg, Field, FieldError, Rule};
pub use ids::*;
pub use locale::Locale;
