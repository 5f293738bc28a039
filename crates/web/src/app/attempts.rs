//! Attempts to prove who one is: signing in, setting a password with a link, changing a
//! password. Each is throttled per client address and per account (429 with the seconds
//! to wait); a sign-in is also counted per account before the password is checked, which
//! locks the account after [`ATTEMPTS`] in a row, whether or not the account exists (see
//! the store's `count_sign_in_attempt`).

use std::net::IpAddr;

use partnerdesk_secrets as secrets;
use partnerdesk_store::{SignInAttempt, SignInKind};
use time::OffsetDateTime;

use crate::app::AppError;
use crate::app::sessions::{ATTEMPTS, LOCKOUT};
use crate::state::AppState;

/// An account as attempts know it: the kind, and the digest of the name as typed
/// (trimmed, lowercased), which need not name anyone.
pub(crate) struct Account {
    kind: SignInKind,
    digest: Vec<u8>,
}

impl Account {
    /// A partner user, by email.
    pub(crate) fn partner(email: &str) -> Self {
        Self::new(SignInKind::Partner, email)
    }

    /// A customer's admin, by user name.
    pub(crate) fn customer(user_name: &str) -> Self {
        Self::new(SignInKind::Customer, user_name)
    }

    fn new(kind: SignInKind, name: &str) -> Self {
        Self {
            kind,
            digest: secrets::sha256(name.trim().to_lowercase().as_bytes()),
        }
    }

    /// The account's key among the allowances of both kinds.
    fn key(&self) -> Vec<u8> {
        let mut key = vec![match self.kind {
            SignInKind::Partner => b'p',
            SignInKind::Customer => b'c',
        }];
        key.extend_from_slice(&self.digest);
        key
    }
}

/// Takes an attempt from the allowances of the client's address and of the account.
pub(crate) fn throttle(state: &AppState, address: Option<IpAddr>, account: &Account) -> Result<(), AppError> {
    state
        .throttle_attempt(address, &account.key())
        .map_err(|seconds| AppError::TooManyRequests { seconds })
}

/// Takes a sign-in attempt from the allowances, then counts it: [`AppError::Locked`]
/// when the account has had too many since its last success. Known and unknown
/// accounts are answered alike.
pub(crate) async fn admit_sign_in(
    state: &AppState,
    address: Option<IpAddr>,
    account: &Account,
) -> Result<(), AppError> {
    throttle(state, address, account)?;
    let now = OffsetDateTime::now_utc();
    let counted = state
        .store
        .count_sign_in_attempt(account.kind, account.digest.clone(), now, ATTEMPTS, LOCKOUT)
        .await?;
    match counted {
        SignInAttempt::Allowed => Ok(()),
        SignInAttempt::Locked { until } => Err(AppError::Locked {
            minutes: ((until - now).whole_seconds() + 59) / 60,
        }),
    }
}

/// Forgets the account's attempts after a successful sign-in.
pub(crate) async fn signed_in(state: &AppState, account: Account) -> Result<(), AppError> {
    Ok(state
        .store
        .clear_sign_in_attempts(account.kind, account.digest)
        .await?)
}
