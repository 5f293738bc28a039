//! A partner's people: inviting users (with a one-time set-password link), changing their
//! role or deactivating them, inviting indirect resellers (a provider's), and API tokens.

use partnerdesk_domain::email::Email;
use partnerdesk_domain::mail::{Mail, MailKind};
use partnerdesk_domain::partner::{Partner, PartnerKind, PartnerUser, Permission, Role, parse_user_name};
use partnerdesk_domain::{Field, FieldError, Locale, PartnerUserId, Rule, TokenId};
use partnerdesk_secrets as secrets;
use partnerdesk_store::{Conflict, Invitee, LinkDigest, StoreError, TokenInfo};
use time::{Duration, OffsetDateTime};

use crate::app::sessions::new_secret;
use crate::app::{AppError, Caller};
use crate::state::AppState;

/// How long a set-password link works.
pub const LINK_VALID: Duration = Duration::days(7);
/// What a user the caller can't see answers.
const USER_NOT_FOUND: &str = "api-user-not-found";
/// The longest API token name.
pub const MAX_TOKEN_NAME: usize = 100;

/// A one-time link's secret: shown once (in the link), stored as its digest.
pub struct LinkToken(pub String);

fn email_taken(e: StoreError) -> AppError {
    match e {
        StoreError::Conflict(Conflict::UserEmail) => {
            AppError::field(FieldError::new(Field::Email, Rule::EmailTaken))
        }
        other => other.into(),
    }
}

fn parse_email(typed: &str) -> Result<Email, FieldError> {
    Email::parse(typed.trim()).map_err(|rule| FieldError::new(Field::Email, rule))
}

/// The invitation mailed to a new user, with a set-password link of its own (minted when
/// it is sent, see [`MailKind::secret_link`]).
fn invitation_mail(caller: &Caller, email: &Email, locale: Locale) -> Mail {
    Mail::new(
        MailKind::UserInvitation,
        email.as_str(),
        locale,
        caller.partner_id(),
    )
    .arg("partner", &caller.principal.partner.name)
    .arg("email", email.as_str())
    .arg("days", LINK_VALID.whole_days())
}

/// The partner's users, for its admin agents.
pub async fn list(state: &AppState, caller: &Caller) -> Result<Vec<PartnerUser>, AppError> {
    caller.require(Permission::ManageUsers)?;
    Ok(state.store.partner_users(caller.partner_id()).await?)
}

/// Invites a user with `role` (and `name`, if given); returns the token of their
/// set-password link.
pub async fn invite(
    state: &AppState,
    caller: &Caller,
    email: &str,
    name: &str,
    role: Role,
    locale: Locale,
) -> Result<LinkToken, AppError> {
    caller.require(Permission::ManageUsers)?;
    let name = parse_user_name(name).map_err(|rule| FieldError::new(Field::UserName, rule));
    let (email, name) = match (parse_email(email), name) {
        (Ok(email), Ok(name)) => (email, name),
        (email, name) => {
            return Err(AppError::Invalid(
                email.err().into_iter().chain(name.err()).collect(),
            ));
        }
    };
    let mail = invitation_mail(caller, &email, locale);
    let token = new_secret();
    let expires = OffsetDateTime::now_utc() + LINK_VALID;
    state
        .store
        .invite_partner_user(
            caller.partner_id(),
            Invitee {
                email: email.as_str(),
                name,
                role,
            },
            LinkDigest {
                digest: secrets::sha256(token.as_bytes()),
                expires_at: expires,
            },
            mail,
            caller.actor(),
        )
        .await
        .map_err(email_taken)?;
    Ok(LinkToken(token))
}

/// The partner's users who haven't set a password, with until when their newest link
/// works (`None`: expired or revoked).
pub async fn invitations(
    state: &AppState,
    caller: &Caller,
) -> Result<Vec<(PartnerUserId, Option<OffsetDateTime>)>, AppError> {
    caller.require(Permission::ManageUsers)?;
    Ok(state.store.pending_invitations(caller.partner_id()).await?)
}

/// Invites again a user who hasn't set a password: a new link, shown (the token returned)
/// and mailed (another link of its own), valid [`LINK_VALID`].
pub async fn resend(
    state: &AppState,
    caller: &Caller,
    user: PartnerUserId,
    locale: Locale,
) -> Result<LinkToken, AppError> {
    caller.require(Permission::ManageUsers)?;
    let email = list(state, caller)
        .await?
        .into_iter()
        .find(|u| u.id == user)
        .map(|u| u.email)
        .ok_or(AppError::NotFound(USER_NOT_FOUND))?;
    let email = parse_email(&email).map_err(AppError::field)?;
    let token = new_secret();
    let link = LinkDigest {
        digest: secrets::sha256(token.as_bytes()),
        expires_at: OffsetDateTime::now_utc() + LINK_VALID,
    };
    state
        .store
        .resend_invitation(
            caller.partner_id(),
            user,
            link,
            invitation_mail(caller, &email, locale),
            caller.actor(),
        )
        .await
        .map_err(AppError::not_found_as(USER_NOT_FOUND))?;
    Ok(LinkToken(token))
}

/// Revokes the invitation of a user who hasn't set a password.
pub async fn revoke(state: &AppState, caller: &Caller, user: PartnerUserId) -> Result<(), AppError> {
    caller.require(Permission::ManageUsers)?;
    state
        .store
        .revoke_invitation(caller.partner_id(), user, caller.actor())
        .await
        .map_err(AppError::not_found_as(USER_NOT_FOUND))
}

/// What an admin agent does to a user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserChange {
    Role(Role),
    Deactivate,
    Reactivate,
}

/// Changes a user's role or active state. A partner keeps an active admin agent.
pub async fn change(
    state: &AppState,
    caller: &Caller,
    target: PartnerUserId,
    change: UserChange,
) -> Result<(), AppError> {
    if change == UserChange::Deactivate && target == caller.user_id() {
        return Err(AppError::field(FieldError::new(
            Field::Role,
            Rule::SelfDeactivation,
        )));
    }
    let users = list(state, caller).await?;
    let current = users
        .iter()
        .find(|u| u.id == target)
        .ok_or(AppError::NotFound(USER_NOT_FOUND))?;
    let (role, active) = match change {
        UserChange::Role(role) => (role, current.active),
        UserChange::Deactivate => (current.role, false),
        UserChange::Reactivate => (current.role, true),
    };
    state
        .store
        .change_partner_user(caller.partner_id(), target, role, active, caller.actor())
        .await?;
    Ok(())
}

/// A provider's indirect resellers.
pub async fn resellers(state: &AppState, caller: &Caller) -> Result<Vec<Partner>, AppError> {
    if caller.kind() != PartnerKind::IndirectProvider {
        return Err(AppError::NotFound("api-route-not-found"));
    }
    caller.require(Permission::ViewCustomers)?;
    Ok(state.store.resellers_of(caller.partner_id()).await?)
}

/// Creates an indirect reseller of the caller's, linked to it, with a first admin agent;
/// returns the token of that agent's set-password link.
pub async fn invite_reseller(
    state: &AppState,
    caller: &Caller,
    name: &str,
    email: &str,
    locale: Locale,
) -> Result<LinkToken, AppError> {
    resellers(state, caller).await?;
    caller.require(Permission::ManageUsers)?;
    let name = name.trim();
    let mut errors = Vec::new();
    if name.is_empty() {
        errors.push(FieldError::new(Field::CompanyName, Rule::Required));
    }
    let email = parse_email(email).map_err(|e| errors.push(e)).ok();
    let Some(email) = email.filter(|_| errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    let token = new_secret();
    state
        .store
        .invite_reseller(
            caller.partner_id(),
            name,
            email.as_str(),
            LinkDigest {
                digest: secrets::sha256(token.as_bytes()),
                expires_at: OffsetDateTime::now_utc() + LINK_VALID,
            },
            invitation_mail(caller, &email, locale).arg("company", name),
            caller.actor(),
        )
        .await
        .map_err(email_taken)?;
    Ok(LinkToken(token))
}

/// Whose tokens the caller manages: an admin agent's, every user's of the partner; anyone
/// else's, their own.
fn token_scope(caller: &Caller) -> Option<PartnerUserId> {
    (!caller.can(Permission::ManageUsers)).then_some(caller.user_id())
}

/// The tokens the caller manages, and whether they are every user's.
pub async fn tokens(state: &AppState, caller: &Caller) -> Result<(Vec<TokenInfo>, bool), AppError> {
    let scope = token_scope(caller);
    let tokens = state.store.api_tokens(caller.partner_id(), scope).await?;
    Ok((tokens, scope.is_none()))
}

/// How long a new API token may be valid, in days, when it isn't valid until revoked.
pub const TOKEN_LIFETIMES: [i64; 4] = [30, 90, 180, 365];

/// Creates an API token for the caller, valid until revoked or for `days` (the portal
/// offers [`TOKEN_LIFETIMES`]); returns it, to be shown this once.
pub async fn create_token(
    state: &AppState,
    caller: &Caller,
    name: &str,
    days: Option<i64>,
) -> Result<String, AppError> {
    let name = name.trim();
    let rule = match name.chars().count() {
        0 => Some(Rule::Required),
        n if n > MAX_TOKEN_NAME => Some(Rule::TooLong { max: MAX_TOKEN_NAME }),
        _ => None,
    };
    if let Some(rule) = rule {
        return Err(AppError::field(FieldError::new(Field::TokenName, rule)));
    }
    let token = secrets::generate_token();
    state
        .store
        .create_api_token(
            &caller.principal.user,
            name,
            secrets::sha256(token.as_bytes()),
            days.map(|d| OffsetDateTime::now_utc() + Duration::days(d)),
            caller.actor(),
        )
        .await?;
    Ok(token)
}

/// Revokes a token the caller manages.
pub async fn revoke_token(state: &AppState, caller: &Caller, token: TokenId) -> Result<(), AppError> {
    state
        .store
        .revoke_api_token(caller.partner_id(), token, token_scope(caller), caller.actor())
        .await
        .map_err(AppError::not_found_as("api-token-not-found"))
}
