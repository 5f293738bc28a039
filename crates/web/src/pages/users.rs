//! The **Users** page (admin agents): the partner's users, invitations with a one-time
//! set-password link, role changes and deactivation; and the page where an invited user
//! sets a password from that link.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use partnerdesk_domain::email::Email;
use partnerdesk_domain::partner::{Permission, Role, check_new_password};
use partnerdesk_domain::{Field, FieldError, Locale, PartnerUserId, Rule};
use partnerdesk_store::{Conflict, StoreError, secrets};
use time::{Duration, OffsetDateTime};

use crate::api::auth::ClientAddress;
use crate::error::ApiError;
use crate::i18n;
use crate::pages::form::FormData;
use crate::pages::layout::{Page, html};
use crate::pages::session::{
    SIGN_IN_COOKIE, SignedIn, cookie, csrf_matches, csrf_token, new_secret, page_locale, set_cookie,
};
use crate::pages::wizard::csrf_ok;
use crate::state::AppState;

/// How long an invitation's link works.
const LINK_VALID: Duration = Duration::days(7);

struct UserRow {
    id: String,
    email: String,
    role: Role,
    active: bool,
    is_self: bool,
}

struct RoleChoice {
    value: &'static str,
    label: String,
}

#[derive(Template)]
#[template(path = "users.html")]
struct UsersPage {
    page: Page,
    users: Vec<UserRow>,
    roles: Vec<RoleChoice>,
    email: String,
    role: String,
    email_error: Option<String>,
    error: Option<String>,
    link: Option<String>,
}

fn role_label(locale: Locale, role: Role) -> String {
    i18n::text(locale, &format!("role-{role}"))
}

pub async fn page(State(state): State<AppState>, user: SignedIn) -> Response {
    render(&state, &user, Outcome::default(), StatusCode::OK).await
}

#[derive(Default)]
struct Outcome {
    email: String,
    role: String,
    email_error: Option<String>,
    error: Option<String>,
    link: Option<String>,
}

async fn render(state: &AppState, user: &SignedIn, outcome: Outcome, status: StatusCode) -> Response {
    if let Err(e) = user.require(Permission::ManageUsers) {
        return e.into_response();
    }
    let users = match state.store.partner_users(user.principal.partner.id).await {
        Ok(users) => users,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let locale = user.locale;
    let template = UsersPage {
        page: Page::new(user, "users-title", "/users"),
        users: users
            .into_iter()
            .map(|u| UserRow {
                id: u.id.to_string(),
                is_self: u.id == user.principal.user.id,
                email: u.email,
                role: u.role,
                active: u.active,
            })
            .collect(),
        roles: Role::ALL
            .into_iter()
            .map(|r| RoleChoice {
                value: r.as_str(),
                label: role_label(locale, r),
            })
            .collect(),
        email: outcome.email,
        role: outcome.role,
        email_error: outcome.email_error,
        error: outcome.error,
        link: outcome.link,
    };
    html(status, &template)
}

/// Invites a user: the page then shows the one-time link to send them.
pub async fn invite(
    State(state): State<AppState>,
    user: SignedIn,
    headers: HeaderMap,
    form: FormData,
) -> Response {
    if !csrf_ok(&user, &form) {
        return ApiError::BadRequest.into_response();
    }
    if let Err(e) = user.require(Permission::ManageUsers) {
        return e.into_response();
    }
    let locale = user.locale;
    let typed = form.get("email").trim().to_owned();
    let refuse = |rule: Rule| Outcome {
        email: typed.clone(),
        role: form.get("role").to_owned(),
        email_error: Some(i18n::rule(locale, &rule)),
        ..Outcome::default()
    };
    let Ok(role) = form.get("role").parse::<Role>() else {
        return ApiError::BadRequest.into_response();
    };
    let email = match Email::parse(&typed) {
        Ok(email) => email,
        Err(rule) => {
            return render(&state, &user, refuse(rule), StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let token = new_secret();
    let expires = OffsetDateTime::now_utc() + LINK_VALID;
    let invited = state
        .store
        .invite_partner_user(
            user.principal.partner.id,
            email.as_str(),
            role,
            secrets::sha256(token.as_bytes()),
            expires,
            user.actor(),
        )
        .await;
    match invited {
        Ok(_) => {
            let outcome = Outcome {
                link: Some(format!(
                    "{}/set-password/{token}",
                    crate::api::relationship_requests::origin(&state, &headers)
                )),
                ..Outcome::default()
            };
            render(&state, &user, outcome, StatusCode::OK).await
        }
        Err(StoreError::Conflict(Conflict::UserEmail)) => {
            render(
                &state,
                &user,
                refuse(Rule::EmailTaken),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => ApiError::from(e).into_response(),
    }
}

/// Saves a user's role, or deactivates or reactivates them.
pub async fn change(
    State(state): State<AppState>,
    user: SignedIn,
    Path(target): Path<String>,
    form: FormData,
) -> Response {
    if !csrf_ok(&user, &form) {
        return ApiError::BadRequest.into_response();
    }
    if let Err(e) = user.require(Permission::ManageUsers) {
        return e.into_response();
    }
    let Ok(target) = target.parse::<PartnerUserId>() else {
        return ApiError::NotFound("api-user-not-found").into_response();
    };
    let partner = user.principal.partner.id;
    let users = match state.store.partner_users(partner).await {
        Ok(users) => users,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let Some(current) = users.iter().find(|u| u.id == target) else {
        return ApiError::NotFound("api-user-not-found").into_response();
    };
    let (role, active) = match form.get("action") {
        "save" => match form.get("role").parse::<Role>() {
            Ok(role) => (role, current.active),
            Err(_) => return ApiError::BadRequest.into_response(),
        },
        "deactivate" => (current.role, false),
        "reactivate" => (current.role, true),
        _ => return ApiError::BadRequest.into_response(),
    };
    match state
        .store
        .change_partner_user(partner, target, role, active, user.actor())
        .await
    {
        Ok(_) => Redirect::to("/users").into_response(),
        Err(StoreError::Invalid(errors)) => {
            let outcome = Outcome {
                error: errors.first().map(|e| i18n::rule(user.locale, &e.rule)),
                ..Outcome::default()
            };
            render(&state, &user, outcome, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => ApiError::from(e).into_response(),
    }
}

#[derive(Template)]
#[template(path = "set_password.html")]
struct SetPasswordPage {
    page: Page,
    email: String,
    valid: bool,
    password_error: Option<String>,
    confirm_error: Option<String>,
}

/// The set-password page. Its forms' CSRF tokens derive from the pre-session cookie, as
/// the sign-in page's do, so that the language switcher works on it too.
fn link_page(
    state: &AppState,
    headers: &HeaderMap,
    token: &str,
    email: String,
    errors: &[FieldError],
    status: StatusCode,
) -> Response {
    let locale = page_locale(headers, None);
    let existing = cookie(headers, SIGN_IN_COOKIE)
        .filter(|s| !s.is_empty())
        .map(str::to_owned);
    let secret = existing.clone().unwrap_or_else(new_secret);
    let message = |field| {
        errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| i18n::rule(locale, &e.rule))
    };
    let template = SetPasswordPage {
        page: Page::anonymous(
            locale,
            "set-password-title",
            csrf_token(&secret),
            &format!("/set-password/{token}"),
        ),
        valid: status != StatusCode::NOT_FOUND,
        email,
        password_error: message(Field::NewPassword),
        confirm_error: message(Field::ConfirmPassword),
    };
    let mut response = html(status, &template);
    if existing.is_none() {
        let value = set_cookie(
            SIGN_IN_COOKIE,
            &secret,
            Duration::hours(2),
            state.settings.secure_cookies,
        );
        response
            .headers_mut()
            .append(axum::http::header::SET_COOKIE, value);
    }
    response
}

/// The form an invited user sets a password with; a used, expired or unknown link says so.
pub async fn set_password_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Response {
    match state
        .store
        .password_link_user(&token, OffsetDateTime::now_utc())
        .await
    {
        Ok(user) => link_page(&state, &headers, &token, user.email, &[], StatusCode::OK),
        Err(StoreError::NotFound) => link_page(
            &state,
            &headers,
            &token,
            String::new(),
            &[],
            StatusCode::NOT_FOUND,
        ),
        Err(e) => ApiError::from(e).into_response(),
    }
}

pub async fn set_password(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    Path(token): Path<String>,
    form: FormData,
) -> Response {
    let secret = cookie(&headers, SIGN_IN_COOKIE).unwrap_or_default();
    if secret.is_empty() || !csrf_matches(secret, form.get("csrf")) {
        return ApiError::BadRequest.into_response();
    }
    let now = OffsetDateTime::now_utc();
    let user = match state.store.password_link_user(&token, now).await {
        Ok(user) => user,
        Err(StoreError::NotFound) => {
            return link_page(
                &state,
                &headers,
                &token,
                String::new(),
                &[],
                StatusCode::NOT_FOUND,
            );
        }
        Err(e) => return ApiError::from(e).into_response(),
    };
    let password = form.get("newPassword").to_owned();
    if let Err(errors) = check_new_password(&password, form.get("confirmPassword")) {
        return link_page(
            &state,
            &headers,
            &token,
            user.email,
            &errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let hash = match tokio::task::spawn_blocking(move || secrets::hash_chosen_password(&password)).await {
        Ok(Ok(hash)) => hash,
        _ => return ApiError::Internal("hashing a password failed".into()).into_response(),
    };
    let address = address.map(|a| a.to_string());
    match state.store.use_password_link(&token, hash, now, address).await {
        Ok(_) => Redirect::to("/sign-in?password=set").into_response(),
        Err(StoreError::NotFound) => link_page(
            &state,
            &headers,
            &token,
            String::new(),
            &[],
            StatusCode::NOT_FOUND,
        ),
        Err(e) => ApiError::from(e).into_response(),
    }
}
