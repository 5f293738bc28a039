//! The one error type of the use cases. It says what went wrong in terms of the rules, never
//! how to show it: the API renders it as Partner Center's JSON error body
//! (`api::error::ApiError`), the portals as a page or a form's messages
//! (`ui::PageError`).

use partnerdesk_domain::FieldError;
use partnerdesk_domain::partner::Role;
use partnerdesk_secrets::PoolError;
use partnerdesk_store::{Conflict, StoreError};

#[derive(Debug, Clone, PartialEq)]
pub enum AppError {
    /// Values the rules refused, each with its field.
    Invalid(Vec<FieldError>),
    /// The caller's role may not do this.
    Forbidden { role: Role },
    /// An indirect reseller asked for what only its provider may do.
    ResellerForbidden,
    /// Nothing the caller may see goes by that id; the message id says what wasn't found.
    NotFound(&'static str),
    /// No rules are known for this country.
    CountryRulesNotFound(String),
    /// The tenant domain belongs to another customer.
    DomainTaken(String),
    /// This contact already confirmed the agreement for this customer (600061).
    AgreementAlreadyConfirmed,
    /// An idempotency key was used before for a different request.
    RequestIdReused,
    /// Changed since the caller read it (a stale etag or version).
    Stale,
    /// The cloud doesn't offer reseller relationship requests.
    RelationshipRequestsUnavailable,
    /// A sign-in refused: the user, the password or the account's state. Which of these is
    /// deliberately not said.
    SignInFailed,
    /// Too many failed sign-ins: the account is locked for this many minutes.
    Locked { minutes: i64 },
    /// Too many requests from this caller: wait this many seconds.
    TooManyRequests { seconds: u64 },
    /// The server has as much of this work (hashing passwords) under way as it takes on:
    /// try again in this many seconds.
    Busy { seconds: u64 },
    /// The database or another dependency is down; retrying later may succeed.
    Unavailable(String),
    /// A fault: the detail is logged, never shown.
    Internal(String),
}

/// The `Retry-After` of a 503 whose cause names no wait (the database out of reach, a full
/// or read-only disk, an answer that took too long): soon, as such outages are short or
/// need an operator, and a client that retries sooner only adds load.
pub const UNAVAILABLE_RETRY_AFTER_SECONDS: u64 = 2;

impl AppError {
    /// Field errors of one field.
    pub fn field(error: FieldError) -> Self {
        AppError::Invalid(vec![error])
    }

    /// Maps a store error, saying `message` when what wasn't found is not the customer.
    pub fn not_found_as(message: &'static str) -> impl Fn(StoreError) -> AppError {
        move |e| match e {
            StoreError::NotFound => AppError::NotFound(message),
            other => other.into(),
        }
    }
}

impl From<StoreError> for AppError {
    /// The store outcomes that have one meaning everywhere; use cases map the others (a
    /// conflict means different things for a customer and for an agreement) first.
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::NotFound("api-customer-not-found"),
            StoreError::VersionMismatch => AppError::Stale,
            StoreError::Invalid(errors) => AppError::Invalid(errors),
            StoreError::Conflict(Conflict::RequestId) => AppError::RequestIdReused,
            StoreError::Conflict(Conflict::AgreementContact) => AppError::AgreementAlreadyConfirmed,
            StoreError::Conflict(other) => AppError::Internal(format!("unexpected conflict {other:?}")),
            StoreError::Unavailable(m) | StoreError::Contention(m) => AppError::Unavailable(m),
            StoreError::Internal(m) => AppError::Internal(m),
        }
    }
}

impl From<PoolError> for AppError {
    /// The password workers' refusal: busy for a second, or a fault.
    fn from(e: PoolError) -> Self {
        match e {
            PoolError::Busy => AppError::Busy { seconds: 1 },
            PoolError::Stopped => AppError::Internal(e.to_string()),
        }
    }
}
