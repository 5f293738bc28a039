//! What the store answers when a change can't be made, and how driver errors become that.

use partnerdesk_domain::FieldError;

/// Why a store call failed. Business outcomes ([`StoreError::Invalid`],
/// [`StoreError::Conflict`], [`StoreError::NotFound`], [`StoreError::VersionMismatch`])
/// are answers for the user; the rest are faults to log.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A rule that needs the database refused the change (an unknown reseller, a suspended
    /// parent subscription, a missing agreement ...).
    #[error("invalid: {0:?}")]
    Invalid(Vec<FieldError>),
    /// A unique key is taken.
    #[error("conflict: {0:?}")]
    Conflict(Conflict),
    #[error("not found")]
    NotFound,
    /// The row changed since the caller read it (a stale etag).
    #[error("stale version")]
    VersionMismatch,
    /// The transaction kept colliding with concurrent ones; trying again later may work.
    #[error("contention: {0}")]
    Contention(String),
    /// The database can't be reached or is shutting down.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// A fault: a bug, corrupt data, a failed disk. Details are for the log only.
    #[error("internal store error: {0}")]
    Internal(String),
}

/// Which unique key a change collided with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conflict {
    /// The tenant domain belongs to another customer.
    Domain,
    /// The same contact already confirmed this agreement (Partner Center 600061).
    AgreementContact,
    /// A partner user with this email exists.
    UserEmail,
    /// The `MS-RequestId` was used already; replay the stored response.
    RequestId,
    /// The partner is already linked to that reseller.
    ResellerLink,
}

impl StoreError {
    pub fn is_fault(&self) -> bool {
        matches!(
            self,
            StoreError::Unavailable(_) | StoreError::Internal(_) | StoreError::Contention(_)
        )
    }
}

/// A driver error, classified.
#[derive(Debug)]
pub(crate) enum DbError {
    Unique(String),
    /// Serialization failure or deadlock: retry the transaction.
    Retry(String),
    Unavailable(String),
    Other(String),
}

impl DbError {
    pub(crate) fn into_store(self, sql: &str) -> StoreError {
        match self {
            DbError::Unique(key) => match unique_conflict(&key) {
                Some(conflict) => StoreError::Conflict(conflict),
                None => StoreError::Internal(format!("unique violation {key} in {sql}")),
            },
            DbError::Retry(m) => StoreError::Contention(m),
            DbError::Unavailable(m) => StoreError::Unavailable(m),
            DbError::Other(m) => StoreError::Internal(format!("{m} in {sql}")),
        }
    }
}

/// Maps a violated key to the conflict it means. SQLite names the columns
/// (`customers.domain`); PostgreSQL names the constraint (`customers_domain_key`).
fn unique_conflict(key: &str) -> Option<Conflict> {
    let table = key.split(['.', ',']).next().unwrap_or(key);
    match (key, table) {
        ("customers.domain" | "customers_domain_key", _) => Some(Conflict::Domain),
        ("partner_users.email" | "partner_users_email_key", _) => Some(Conflict::UserEmail),
        ("agreements_contact", _) | (_, "agreements") => Some(Conflict::AgreementContact),
        ("idempotency_keys_pkey", _) | (_, "idempotency_keys") => Some(Conflict::RequestId),
        ("reseller_links_pkey", _) | (_, "reseller_links") => Some(Conflict::ResellerLink),
        _ => None,
    }
}

impl From<rusqlite::Error> for DbError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode;
        match &e {
            rusqlite::Error::SqliteFailure(f, message) => match f.code {
                ErrorCode::ConstraintViolation
                    if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                        || f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY =>
                {
                    let key = message
                        .as_deref()
                        .and_then(|m| m.split_once(": "))
                        .map_or("", |(_, cols)| cols);
                    DbError::Unique(key.to_owned())
                }
                ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => DbError::Retry(e.to_string()),
                ErrorCode::CannotOpen | ErrorCode::ReadOnly | ErrorCode::DiskFull => {
                    DbError::Unavailable(e.to_string())
                }
                _ => DbError::Other(e.to_string()),
            },
            _ => DbError::Other(e.to_string()),
        }
    }
}

impl From<sqlx::Error> for DbError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::Database(db) => match db.code().as_deref() {
                Some("23505") => DbError::Unique(db.constraint().unwrap_or_default().to_owned()),
                Some("40001" | "40P01") => DbError::Retry(e.to_string()),
                Some(code) if code.starts_with("08") || code.starts_with("57P") => {
                    DbError::Unavailable(e.to_string())
                }
                _ => DbError::Other(e.to_string()),
            },
            sqlx::Error::Io(_)
            | sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Tls(_) => DbError::Unavailable(e.to_string()),
            _ => DbError::Other(e.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_backends_name_the_same_conflicts() {
        assert_eq!(unique_conflict("customers.domain"), Some(Conflict::Domain));
        assert_eq!(unique_conflict("customers_domain_key"), Some(Conflict::Domain));
        assert_eq!(
            unique_conflict("agreements.customer_id, agreements.agreement_type, agreements.contact_key"),
            Some(Conflict::AgreementContact)
        );
        assert_eq!(
            unique_conflict("agreements_contact"),
            Some(Conflict::AgreementContact)
        );
        assert_eq!(
            unique_conflict("idempotency_keys.partner_id, idempotency_keys.key_hash"),
            Some(Conflict::RequestId)
        );
        assert_eq!(
            unique_conflict("idempotency_keys_pkey"),
            Some(Conflict::RequestId)
        );
        assert_eq!(
            unique_conflict("reseller_links_pkey"),
            Some(Conflict::ResellerLink)
        );
        assert_eq!(
            unique_conflict("partner_users_email_key"),
            Some(Conflict::UserEmail)
        );
        assert_eq!(unique_conflict("something_else"), None);
    }
}
