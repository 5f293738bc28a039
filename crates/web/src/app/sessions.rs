//! Signing in and out, and finding who a session belongs to: partner users (the partner
//! portal) and customer admins (the customer portal). A session's id is 256 random bits
//! that only the browser holds; the database keeps its SHA-256. Sign-ins are throttled and
//! counted before the password is checked ([`super::attempts`]): too many in a row lock
//! an account for a while, the same way for both kinds of user and for names that aren't
//! anyone's. Every checked sign-in costs one Argon2 computation on the password workers,
//! whatever the account (known or not, with a chosen or a generated password, or none
//! yet), so that how long an answer takes says nothing of it.

use std::net::IpAddr;
use std::sync::Arc;

use partnerdesk_domain::audit::{Actor, Channel};
use partnerdesk_domain::partner::{PartnerUser, parse_user_name};
use partnerdesk_domain::{Field, FieldError};
use partnerdesk_secrets as secrets;
use partnerdesk_store::{CustomerUser, Principal, StoreError};
use time::{Duration, OffsetDateTime};

use crate::app::attempts::{self, Account};
use crate::app::{AppError, Caller};
use crate::state::AppState;
use crate::time_zone::Zone;

/// Sign-in attempts since the last success that lock an account (the last of them is
/// still checked), and for how long.
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

/// How a session is looked up: the SHA-256 of its secret.
pub(crate) fn digest(secret: &str) -> Vec<u8> {
    secrets::sha256(secret.as_bytes())
}

/// Whether `password` matches `stored`: one Argon2 computation on the password workers,
/// also for an account that doesn't exist (`None`) or has no password yet.
async fn verify(state: &AppState, password: String, stored: Option<String>) -> Result<bool, AppError> {
    Ok(state.passwords().verify(password, stored).await?)
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
    let account = Account::partner(&name);
    attempts::admit_sign_in(state, address, &account).await?;
    let record = state.store.sign_in_record(&name).await?;
    let stored = record.as_ref().map(|r| r.password_hash.clone());
    let verified = verify(state, password, stored).await?;
    let record = match record {
        Some(record) if verified && record.user.active => record,
        _ => return Err(AppError::SignInFailed),
    };
    attempts::signed_in(state, account).await?;
    let now = OffsetDateTime::now_utc();
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
    let Credentials {
        name,
        password,
        address,
    } = credentials;
    let account = Account::customer(&name);
    attempts::admit_sign_in(state, address, &account).await?;
    let found = match state.store.customer_user_by_name(&name).await {
        Ok(found) => Some(found),
        Err(StoreError::NotFound) => None,
        Err(e) => return Err(e.into()),
    };
    let stored = found.as_ref().map(|(_, hash)| hash.clone());
    let verified = verify(state, password, stored).await?;
    let user = match found {
        Some((user, _)) if verified => user,
        _ => return Err(AppError::SignInFailed),
    };
    attempts::signed_in(state, account).await?;
    let now = OffsetDateTime::now_utc();
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

/// Remembers what the caller chose for themselves: their name, and the time zone to read
/// times in (`None`: the browser's).
pub async fn save_settings(
    state: &AppState,
    caller: &Caller,
    name: &str,
    zone: Option<Zone>,
) -> Result<(), AppError> {
    let name =
        parse_user_name(name).map_err(|rule| AppError::field(FieldError::new(Field::UserName, rule)))?;
    state
        .store
        .set_partner_user_settings(caller.user_id(), name, zone.map(|z| z.name))
        .await?;
    Ok(())
}
