//! The **Users** page (admin agents): the partner's users, invitations with a one-time
//! set-password link, role changes and deactivation; and the page where an invited user
//! sets a password from that link.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use partnerdesk_domain::partner::Role;
use partnerdesk_domain::{Arg, Field, FieldError, Locale, PartnerUserId};
use serde::Deserialize;

use crate::app::users::{self, UserChange};
use crate::app::{AppError, passwords};
use crate::cldr::format_date;
use crate::i18n;
use crate::links;
use crate::middleware::ClientAddress;
use crate::portal::session::{Can, guard};
use crate::state::AppState;
use crate::ui::confirm::{self, Question};
use crate::ui::{Flash, Form, Page, PageError, Visitor, html, ok, refused};

struct UserRow {
    id: String,
    name: Option<String>,
    email: String,
    role: Role,
    active: bool,
    is_self: bool,
    /// When the user last signed in, or "Never".
    last_sign_in: String,
    /// For a user who hasn't set a password: the invitation's state, in words.
    invitation: Option<String>,
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
    /// One line on what each role may do.
    role_help: Vec<String>,
    email: String,
    name: String,
    role: String,
    email_error: Option<String>,
    name_error: Option<String>,
    error: Option<String>,
    link: Option<String>,
}

type Admin = Can<guard::ManageUsers>;

/// What the page shows besides the users: a form's values and messages, or a new link.
#[derive(Default)]
struct Outcome {
    email: String,
    name: String,
    role: String,
    email_error: Option<String>,
    name_error: Option<String>,
    error: Option<String>,
    link: Option<String>,
}

pub async fn page(State(state): State<AppState>, user: Admin) -> Result<Response, PageError> {
    let link = match &user.flash {
        Some(Flash::Secret { value }) => Some(value.clone()),
        _ => None,
    };
    Ok(ok(&render(
        &state,
        &user,
        Outcome {
            link,
            ..Outcome::default()
        },
    )
    .await?))
}

async fn render(state: &AppState, user: &Admin, outcome: Outcome) -> Result<UsersPage, PageError> {
    let people = users::list(state, &user.caller).await?;
    let invitations = users::invitations(state, &user.caller).await?;
    let locale = user.locale;
    let me = user.caller.user_id();
    let invitation = |id: PartnerUserId, active: bool| {
        let (_, until) = invitations.iter().find(|(user, _)| *user == id)?;
        Some(match (active, until) {
            (false, _) => i18n::text(locale, "users-invitation-revoked"),
            (true, Some(until)) => i18n::text_with(
                locale,
                "users-invited-until",
                &[("date", Arg::Text(format_date(locale, *until)))],
            ),
            (true, None) => i18n::text(locale, "users-invitation-expired"),
        })
    };
    Ok(UsersPage {
        page: user.page("users-title", "/users"),
        users: people
            .into_iter()
            .map(|u| UserRow {
                id: u.id.to_string(),
                invitation: invitation(u.id, u.active),
                is_self: u.id == me,
                last_sign_in: u.last_signed_in_at.map_or_else(
                    || i18n::text(locale, "customer-user-never"),
                    |at| format_date(locale, user.zone.local(at)),
                ),
                name: u.name,
                email: u.email,
                role: u.role,
                active: u.active,
            })
            .collect(),
        roles: Role::ALL
            .iter()
            .copied()
            .map(|r| RoleChoice {
                value: r.as_str(),
                label: i18n::text(locale, &format!("role-{r}")),
            })
            .collect(),
        role_help: Role::ALL
            .iter()
            .map(|r| i18n::text(locale, &format!("users-role-help-{r}")))
            .collect(),
        email: outcome.email,
        name: outcome.name,
        name_error: outcome.name_error,
        // The least powerful role unless another was chosen.
        role: if outcome.role.is_empty() {
            Role::HelpdeskAgent.as_str().to_owned()
        } else {
            outcome.role
        },
        email_error: outcome.email_error,
        error: outcome.error,
        link: outcome.link,
    })
}

#[derive(Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    email: String,
    #[serde(default, rename = "displayName")]
    name: String,
    role: String,
}

/// Invites a user: the page then shows the one-time link to send them.
pub async fn invite(
    State(state): State<AppState>,
    jar: CookieJar,
    user: Admin,
    headers: HeaderMap,
    Form(form): Form<InviteForm>,
) -> Result<Response, PageError> {
    let role: Role = form.role.parse().map_err(|_| PageError::BadForm)?;
    match users::invite(&state, &user.caller, &form.email, &form.name, role, user.locale).await {
        Ok(token) => {
            let value = links::set_password(&state, &headers, &token);
            let jar = user.flash(jar, &Flash::Secret { value });
            Ok((jar, Redirect::to("/users")).into_response())
        }
        Err(AppError::Invalid(errors)) => {
            let message = |field| {
                let error = errors.iter().find(|e| e.field == field);
                error.map(|e| i18n::rule(user.locale, &e.rule))
            };
            let outcome = Outcome {
                email: form.email.trim().to_owned(),
                name: form.name.trim().to_owned(),
                role: form.role,
                email_error: message(Field::Email),
                name_error: message(Field::UserName),
                ..Outcome::default()
            };
            Ok(refused(&render(&state, &user, outcome).await?))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct ChangeForm {
    action: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    confirmed: String,
}

/// Asks before deactivating someone, saying who.
async fn deactivation(state: &AppState, user: &Admin, target: PartnerUserId) -> Result<Question, PageError> {
    let people = users::list(state, &user.caller).await?;
    let found = people.into_iter().find(|u| u.id == target);
    let email = found
        .ok_or_else(|| PageError::not_found("api-user-not-found"))?
        .email;
    Ok(Question {
        text: i18n::text_with(user.locale, "confirm-deactivate", &[("email", Arg::Text(email))]),
        button: i18n::text(user.locale, "confirm-deactivate-button"),
        action: format!("/users/{target}"),
        fields: vec![("action", "deactivate".to_owned())],
        cancel: "/users".into(),
    })
}

/// Saves a user's role, or deactivates (once confirmed) or reactivates them.
pub async fn change(
    State(state): State<AppState>,
    jar: CookieJar,
    user: Admin,
    Path(target): Path<String>,
    Form(form): Form<ChangeForm>,
) -> Result<Response, PageError> {
    let target: PartnerUserId = target
        .parse()
        .map_err(|_| PageError::not_found("api-user-not-found"))?;
    let (change, done) = match form.action.as_str() {
        "save" => {
            let role = form.role.parse().map_err(|_| PageError::BadForm)?;
            (UserChange::Role(role), "users-role-saved")
        }
        "deactivate" => (UserChange::Deactivate, "users-deactivated-notice"),
        "reactivate" => (UserChange::Reactivate, "users-reactivated-notice"),
        _ => return Err(PageError::BadForm),
    };
    let me = target == user.caller.user_id();
    if change == UserChange::Deactivate && !me && !confirm::confirmed(&form.confirmed) {
        let question = deactivation(&state, &user, target).await?;
        return Ok(confirm::ask(user.page("users-title", "/users"), question));
    }
    match users::change(&state, &user.caller, target, change).await {
        Ok(()) => Ok((user.flash(jar, &Flash::notice(done)), Redirect::to("/users")).into_response()),
        Err(AppError::Invalid(errors)) => {
            let outcome = Outcome {
                error: errors.first().map(|e| i18n::rule(user.locale, &e.rule)),
                ..Outcome::default()
            };
            Ok(refused(&render(&state, &user, outcome).await?))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct InvitationForm {
    action: String,
}

/// Sends an invitation again (a new link, shown and mailed) or revokes it.
pub async fn invitation(
    State(state): State<AppState>,
    jar: CookieJar,
    user: Admin,
    headers: HeaderMap,
    Path(target): Path<String>,
    Form(form): Form<InvitationForm>,
) -> Result<Response, PageError> {
    let target: PartnerUserId = target
        .parse()
        .map_err(|_| PageError::not_found("api-user-not-found"))?;
    let flash = match form.action.as_str() {
        "resend" => {
            let token = users::resend(&state, &user.caller, target, user.locale).await?;
            Flash::Secret {
                value: links::set_password(&state, &headers, &token),
            }
        }
        "revoke" => {
            users::revoke(&state, &user.caller, target).await?;
            Flash::notice("users-revoked")
        }
        _ => return Err(PageError::BadForm),
    };
    Ok((user.flash(jar, &flash), Redirect::to("/users")).into_response())
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

/// The set-password page (its forms' tokens derive from the visitor's cookie, so that
/// the language switcher works on it too); a used, expired or unknown link says so.
fn link_page(visitor: Visitor, token: &str, email: Option<String>, errors: &[FieldError]) -> Response {
    let locale: Locale = visitor.locale;
    let message = |field| {
        let error = errors.iter().find(|e| e.field == field);
        error.map(|e| i18n::rule(locale, &e.rule))
    };
    let status = match (&email, errors.is_empty()) {
        (None, _) => StatusCode::NOT_FOUND,
        (Some(_), true) => StatusCode::OK,
        (Some(_), false) => StatusCode::UNPROCESSABLE_ENTITY,
    };
    let template = SetPasswordPage {
        page: Page::anonymous(
            locale,
            "set-password-title",
            visitor.csrf(),
            &format!("/set-password/{token}"),
        ),
        valid: email.is_some(),
        email: email.unwrap_or_default(),
        password_error: message(Field::NewPassword),
        confirm_error: message(Field::ConfirmPassword),
    };
    (visitor.jar, html(status, &template)).into_response()
}

pub async fn set_password_page(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    match passwords::link_user(&state, &token).await {
        Ok(user) => Ok(link_page(visitor, &token, Some(user.email), &[])),
        Err(AppError::NotFound(_)) => Ok(link_page(visitor, &token, None, &[])),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(rename = "newPassword", default)]
    new_password: String,
    #[serde(rename = "confirmPassword", default)]
    confirm_password: String,
}

pub async fn set_password(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    jar: CookieJar,
    visitor: Visitor,
    Path(token): Path<String>,
    Form(form): Form<PasswordForm>,
) -> Result<Response, PageError> {
    let set =
        passwords::set_by_link(&state, &token, form.new_password, &form.confirm_password, address).await;
    match set {
        Ok(_) => {
            let notice = Flash::notice("sign-in-password-set");
            let jar = Visitor::flash(jar, &notice, state.settings.secure_cookies);
            Ok((jar, Redirect::to("/sign-in")).into_response())
        }
        Err(AppError::NotFound(_)) => Ok(link_page(visitor, &token, None, &[])),
        Err(AppError::Invalid(errors)) => {
            let email = passwords::link_user(&state, &token).await.ok().map(|u| u.email);
            Ok(link_page(visitor, &token, email, &errors))
        }
        Err(e) => Err(e.into()),
    }
}
