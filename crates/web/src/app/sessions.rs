//! Signing in and out, and finding who a session belongs to: partner users (the partner
//! portal) and customer admins (the customer portal). A session's id is 256 random bits
//! that only the browser holds; the database keeps its SHA-256. Failed sign-ins in a row
//! lock an account for a while, the same way for both kinds of user, and an unknown
//! account costs as much to refuse as a known one.

use std::net::IpAddr;
use std::sync::{Arc, LazyLock};

use partnerdesk_domain::audit::{Actor, Channel};
use partnerdesk_domain::partner::PartnerUser;
use partnerdesk_secrets as secrets;
use partnerdesk_store::{CustomerUser, Principal, StoreError};
use time::{Duration, OffsetDateTime};

use crate::app::AppError;
use crate::state::AppState;

/// Failed sign-ins in a row that lock an account, and for how long.
pub const ATTEMPTS: u32 = 5;
pub const LOCKOUT: Duration = Duration::minutes(15);
/// A partner session ends this long after its last request, and a week after it began.
pub const IDLE: Duration = Duration::hours(12);
pub const LONGEST: Duration = Duration::days(7);
/// A customer session lasts this long.
pub const CUSTOMER_SESSION: Duration = Duration::hours(8);
/// A partner session's activity is recorded at most this often.
const TOUCH_EVERY: Duration = Duration::minutes(5);

/// What a person typed to sign in.
pub struct Credentials {
    pub name: String,
    pub password: String,
    pub address: Option<IpAddr>,
}

/// A session just started: the secret for the browser's cookie, shown only to it.
pub struct NewSession<U> {
    pub secret: String,
    pub user: U,
}

/// A new random secret for a cookie: 256 bits, URL-safe.
pub fn new_secret() -> String {
    secrets::generate_token().trim_start_matches("pd_").to_owned()
}

fn digest(secret: &str) -> Vec<u8> {
    secrets::sha256(secret.as_bytes())
}

/// A hash to check the passwords of unknown accounts against, so that refusing them takes
/// as long as refusing a known account.
static UNKNOWN_ACCOUNT: LazyLock<String> =
    LazyLock::new(|| secrets::hash_chosen_password("partnerdesk: no such account").unwrap_or_default());

/// Whether `password` matches `stored` (or, for an unknown account, the same work).
async fn verify(password: String, stored: Option<String>) -> bool {
    let stored = stored.unwrap_or_else(|| UNKNOWN_ACCOUNT.clone());
    tokio::task::spawn_blocking(move || secrets::verify_password(&password, &stored))
        .await
        .unwrap_or(false)
}

/// The lockout still running at `now`, as whole minutes.
fn locked(until: Option<OffsetDateTime>, now: OffsetDateTime) -> Result<(), AppError> {
    match until.filter(|until| *until > now) {
        Some(until) => Err(AppError::Locked {
            minutes: ((until - now).whole_seconds() + 59) / 60,
        }),
        None => Ok(()),
    }
}

/// Signs a partner user in; `previous` is a session the browser still carried, ended
/// first so that a planted id is never the one used after.
pub async fn sign_in_partner(
    state: &AppState,
    credentials: Credentials,
    previous: Option<&str>,
) -> Result<NewSession<PartnerUser>, AppError> {
    let Credentials {
        name,
        password,
        address,
    } = credentials;
    if name.is_empty() || password.is_empty() {
        return Err(AppError::SignInFailed);
    }
    let record = state.store.sign_in_record(&name).await?;
    let now = OffsetDateTime::now_utc();
    locked(record.as_ref().and_then(|r| r.locked_until), now)?;
    let verified = verify(password, record.as_ref().map(|r| r.password_hash.clone())).await;
    let record = match record {
        Some(record) if verified && record.user.active => record,
        other => {
            if let Some(known) = other {
                let user = known.user.id;
                state
                    .store
                    .record_failed_sign_in(user, now, ATTEMPTS, LOCKOUT)
                    .await?;
            }
            return Err(AppError::SignInFailed);
        }
    };
    if let Some(old) = previous {
        state.store.end_session(digest(old)).await?;
    }
    let secret = new_secret();
    let user = record.user;
    state
        .store
        .create_session(user.id, digest(&secret), now, now + IDLE)
        .await?;
    let actor = Actor {
        user_id: Some(user.id.as_uuid()),
        name: user.email.clone(),
        channel: Channel::Portal,
        address: address.map(|a| a.to_string()),
    };
    state.store.record_sign_in(&user, actor).await?;
    tracing::info!(user = %user.id, "signed in");
    Ok(NewSession { secret, user })
}

/// The partner user of a live session, if there is one; records activity now and then.
pub async fn partner_session(state: &AppState, secret: &str) -> Result<Option<Arc<Principal>>, AppError> {
    let hash = digest(secret);
    let now = OffsetDateTime::now_utc();
    let Some(session) = state.store.session(hash.clone(), now).await? else {
        return Ok(None);
    };
    if now - session.seen_at > TOUCH_EVERY {
        let expires = (now + IDLE).min(session.created_at + LONGEST);
        if let Err(e) = state.store.touch_session(hash, now, expires).await {
            tracing::warn!(error = %e, "recording session activity failed");
        }
    }
    Ok(Some(Arc::new(session.principal)))
}

/// Ends a partner session.
pub async fn sign_out_partner(state: &AppState, secret: &str) -> Result<(), AppError> {
    Ok(state.store.end_session(digest(secret)).await?)
}

/// Signs a customer admin in with the user name from the customer's creation.
pub async fn sign_in_customer(
    state: &AppState,
    credentials: Credentials,
    previous: Option<&str>,
) -> Result<NewSession<CustomerUser>, AppError> {
    let Credentials { name, password, .. } = credentials;
    let found = match state.store.customer_user_by_name(&name).await {
        Ok(found) => Some(found),
        Err(StoreError::NotFound) => None,
        Err(e) => return Err(e.into()),
    };
    let now = OffsetDateTime::now_utc();
    locked(found.as_ref().and_then(|(u, _)| u.locked_until), now)?;
    let verified = verify(password, found.as_ref().map(|(_, hash)| hash.clone())).await;
    let user = match found {
        Some((user, _)) if verified => user,
        other => {
            if let Some((known, _)) = other {
                let user = known.id;
                state
                    .store
                    .record_failed_customer_sign_in(user, now, ATTEMPTS, LOCKOUT)
                    .await?;
            }
            return Err(AppError::SignInFailed);
        }
    };
    if let Some(old) = previous {
        state.store.end_customer_session(digest(old)).await?;
    }
    let secret = new_secret();
    state
        .store
        .create_customer_session(user.id, digest(&secret), now, now + CUSTOMER_SESSION)
        .await?;
    Ok(NewSession { secret, user })
}

/// The customer admin of a live session, if there is one.
pub async fn customer_session(state: &AppState, secret: &str) -> Result<Option<CustomerUser>, AppError> {
    Ok(state
        .store
        .customer_session(digest(secret), OffsetDateTime::now_utc())
        .await?)
}

/// Ends a customer session.
pub async fn sign_out_customer(state: &AppState, secret: &str) -> Result<(), AppError> {
    Ok(state.store.end_customer_session(digest(secret)).await?)
}

/// Remembers the interface language the user of a partner session chose.
pub async fn remember_language(state: &AppState, secret: &str, tag: &str) -> Result<(), AppError> {
    if let Some(found) = state
        .store
        .session(digest(secret), OffsetDateTime::now_utc())
        .await?
    {
        let user = found.principal.user.id;
        state
            .store
            .set_partner_user_locale(user, Some(tag.to_owned()))
            .await?;
    }
    Ok(())
}
