//! Sign-in attempts, counted before the password is checked. Each attempt is one atomic
//! statement (an insert that updates the account's row if there is one, returning the
//! count), so that parallel guesses are counted one after the other: the first `limit` are
//! let through to the password check and the `limit`th arms a lockout, which a success
//! clears. The row is keyed by the digest of the account name and the kind of account,
//! whether or not such an account exists, so that an unknown name is answered like a
//! known one, "locked" included.

use time::{Duration, OffsetDateTime};

use crate::Store;
use crate::db::Value;
use crate::error::StoreError;

/// Whose sign-in an attempt is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInKind {
    /// A partner user, by email, in the partner portal.
    Partner,
    /// A customer's admin, by user name, in the customer portal.
    Customer,
}

impl SignInKind {
    fn as_str(self) -> &'static str {
        match self {
            SignInKind::Partner => "partner",
            SignInKind::Customer => "customer",
        }
    }
}

/// What counting an attempt decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInAttempt {
    /// Check the password.
    Allowed,
    /// Refuse without checking: too many attempts since the last success.
    Locked { until: OffsetDateTime },
}

/// How long a count with no attempt and no running lockout is kept.
const IDLE: Duration = Duration::days(1);

impl Store {
    /// Counts an attempt to sign in to the account whose name's digest is
    /// `account_hash`. The first `limit` attempts since the last success (or since a
    /// lockout ended) are allowed, and the `limit`th locks the account until
    /// `now + lockout` unless it succeeds; later ones are refused until then.
    pub async fn count_sign_in_attempt(
        &self,
        kind: SignInKind,
        account_hash: Vec<u8>,
        now: OffsetDateTime,
        limit: u32,
        lockout: Duration,
    ) -> Result<SignInAttempt, StoreError> {
        let until = now + lockout;
        self.write_with(account_hash, move |c, hash| {
            Box::pin(async move {
                // A lockout that has ended starts the count again; one that runs is kept
                // (not extended) while the attempts go on being counted.
                let row = c
                    .fetch_one(
                        "INSERT INTO sign_in_attempts (kind, account_hash, attempts, locked_until, updated_at) \
                         VALUES ($1, $2, 1, CASE WHEN 1 >= $4 THEN $5 END, $3) \
                         ON CONFLICT (kind, account_hash) DO UPDATE SET \
                         attempts = CASE WHEN sign_in_attempts.locked_until <= $3 THEN 1 \
                             ELSE sign_in_attempts.attempts + 1 END, \
                         locked_until = CASE \
                             WHEN sign_in_attempts.locked_until <= $3 THEN CASE WHEN 1 >= $4 THEN $5 END \
                             WHEN sign_in_attempts.locked_until IS NOT NULL THEN sign_in_attempts.locked_until \
                             WHEN sign_in_attempts.attempts + 1 >= $4 THEN $5 END, \
                         updated_at = $3 \
                         RETURNING attempts, locked_until",
                        &[
                            kind.as_str().into(),
                            Value::from(hash.as_slice()),
                            now.into(),
                            limit.into(),
                            until.into(),
                        ],
                    )
                    .await?;
                let attempts = row.int("attempts")?;
                match row.opt_time("locked_until")? {
                    Some(until) if attempts > i64::from(limit) => Ok(SignInAttempt::Locked { until }),
                    _ => Ok(SignInAttempt::Allowed),
                }
            })
        })
        .await
    }

    /// Forgets the attempts at an account after a successful sign-in.
    pub async fn clear_sign_in_attempts(
        &self,
        kind: SignInKind,
        account_hash: Vec<u8>,
    ) -> Result<(), StoreError> {
        self.write_with(account_hash, move |c, hash| {
            Box::pin(async move {
                c.execute(
                    "DELETE FROM sign_in_attempts WHERE kind = $1 AND account_hash = $2",
                    &[kind.as_str().into(), Value::from(hash.as_slice())],
                )
                .await?;
                Ok(())
            })
        })
        .await
    }
}

/// Deletes the counts of accounts nobody tried for a day and that aren't locked (unknown
/// names would otherwise pile up). Runs with the sweep of expired sessions.
pub(crate) async fn sweep(c: &mut crate::db::Conn<'_>, now: OffsetDateTime) -> Result<u64, StoreError> {
    c.execute(
        "DELETE FROM sign_in_attempts WHERE updated_at < $1 AND (locked_until IS NULL OR locked_until <= $2)",
        &[(now - IDLE).into(), now.into()],
    )
    .await
}
