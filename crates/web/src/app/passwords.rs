//! Passwords people choose: an invited partner user's, set from a one-time link, and a
//! customer admin's, changed after the first sign-in with the temporary one. Both are
//! stored as Argon2id hashes, made on the password workers; both are attempts to prove
//! who one is, throttled per client address and per account ([`super::attempts`]).

use partnerdesk_domain::partner::{PartnerUser, check_new_password, check_password};
use partnerdesk_domain::{Field, FieldError, Rule};
use partnerdesk_secrets as secrets;
use partnerdesk_store::StoreError;
use time::OffsetDateTime;

use crate::app::attempts::{self, Account};
use crate::app::{AppError, CustomerCaller, sessions};
use crate::state::AppState;

const LINK_NOT_FOUND: &str = "api-link-not-found";

async fn hash(state: &AppState, password: String) -> Result<String, AppError> {
    state
        .passwords()
        .hash(password)
        .await?
        .ok_or_else(|| AppError::Internal("hashing a password failed".into()))
}

/// How a one-time link's token is looked up.
pub(crate) fn link_digest(token: &str) -> Vec<u8> {
    secrets::sha256(token.trim().as_bytes())
}

fn link_error(e: StoreError) -> AppError {
    AppError::not_found_as(LINK_NOT_FOUND)(e)
}

/// The user a set-password link is for, while it is unused and unexpired.
pub async fn link_user(state: &AppState, token: &str) -> Result<PartnerUser, AppError> {
    state
        .store
        .password_link_user(link_digest(token), OffsetDateTime::now_utc())
        .await
        .map_err(link_error)
}

/// Sets the password of a link's user (typed twice), uses the link up and ends the
/// user's sessions.
pub async fn set_by_link(
    state: &AppState,
    token: &str,
    password: String,
    again: &str,
    address: Option<std::net::IpAddr>,
) -> Result<PartnerUser, AppError> {
    let user = link_user(state, token).await?;
    attempts::throttle(state, address, &Account::partner(&user.email))?;
    check_new_password(&password, again).map_err(AppError::Invalid)?;
    let hash = hash(state, password).await?;
    let now = OffsetDateTime::now_utc();
    state
        .store
        .use_password_link(link_digest(token), hash, now, address.map(|a| a.to_string()))
        .await
        .map_err(link_error)
}

/// Changes a customer admin's password: the current one must be right, the new one long
/// enough and different. Every other session of the admin ends with the change;
/// `session` (the secret of the one that changed it) goes on.
pub async fn change_customer(
    state: &AppState,
    caller: &CustomerCaller,
    session: &str,
    current: String,
    new: String,
) -> Result<(), AppError> {
    let name = &caller.user.user_name;
    attempts::throttle(state, caller.address, &Account::customer(name))?;
    let (_, stored) = state.store.customer_user_by_name(name).await?;
    let same = current == new;
    let verified = state.passwords().verify(current, Some(stored)).await?;
    if !verified {
        return Err(AppError::field(FieldError::new(
            Field::CurrentPassword,
            Rule::PasswordWrong,
        )));
    }
    check_password(&new).map_err(|rule| AppError::field(FieldError::new(Field::NewPassword, rule)))?;
    if same {
        return Err(AppError::field(FieldError::new(
            Field::NewPassword,
            Rule::PasswordSame,
        )));
    }
    let hash = hash(state, new).await?;
    let keep = Some(sessions::digest(session));
    Ok(state
        .store
        .set_customer_password(caller.user.id, hash, keep)
        .await?)
}
