//! Signing in to the customer portal and out, and changing the password (which the first
//! sign-in with the temporary one requires).

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use partnerdesk_domain::{Field, FieldError};
use serde::Deserialize;

use super::session::{CustomerSignedIn, next_path};
use crate::app::sessions::{self, CUSTOMER_SESSION};
use crate::app::{AppError, passwords};
use crate::i18n;
use crate::middleware::ClientAddress;
use crate::state::AppState;
use crate::ui::cookies::Jar;
use crate::ui::sign_in::{self, Credentials, Shown, SignInForm};
use crate::ui::{Empty, Flash, Form, Page, PageError, Posted, Visitor, html};

const FORM: SignInForm = SignInForm {
    action: "/customer/sign-in",
    title: "customer-sign-in-title",
    intro: "customer-sign-in-intro",
    name_label: "customer-sign-in-user-name",
};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Next {
    next: String,
}

pub async fn page(visitor: Visitor, Query(next): Query<Next>) -> Response {
    let shown = Shown {
        next: next_path(&next.next),
        ..Shown::default()
    };
    sign_in::page(visitor, &FORM, shown, StatusCode::OK)
}

pub async fn submit(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    jar: CookieJar,
    visitor: Visitor,
    form: Posted<Credentials>,
) -> Response {
    let secure = state.settings.secure_cookies;
    let next = next_path(&form.value.next);
    let (typed, shown) = match sign_in::received(form, address, next) {
        Ok(received) => received,
        Err(shown) => return sign_in::refused(visitor, &FORM, shown, None),
    };
    let previous = Jar::Customer.read(&jar, secure);
    match sessions::sign_in_customer(&state, typed, previous.as_deref()).await {
        Ok(session) => {
            let to = if session.user.must_change_password {
                format!("/customer/password?next={}", shown.next)
            } else {
                shown.next
            };
            sign_in::signed_in(
                jar,
                (Jar::Customer, session.secret),
                CUSTOMER_SESSION,
                secure,
                &to,
            )
        }
        Err(e) => sign_in::refused(visitor, &FORM, shown, Some(e)),
    }
}

pub async fn sign_out(
    State(state): State<AppState>,
    jar: CookieJar,
    user: CustomerSignedIn,
    Form(Empty {}): Form<Empty>,
) -> Result<Response, PageError> {
    sessions::sign_out_customer(&state, &user.secret).await?;
    let secure = state.settings.secure_cookies;
    Ok(sign_in::signed_out(
        jar,
        Jar::Customer,
        secure,
        "/customer/sign-in",
    ))
}

#[derive(Template)]
#[template(path = "customer/password.html")]
struct PasswordPage {
    page: Page,
    user_name: String,
    forced: bool,
    next: String,
    current_error: Option<String>,
    new_error: Option<String>,
}

fn password_page(user: &CustomerSignedIn, next: &str, errors: &[FieldError]) -> Response {
    let message = |field| {
        let error = errors.iter().find(|e| e.field == field);
        error.map(|e| i18n::rule(user.locale, &e.rule))
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let template = PasswordPage {
        page: user.page("customer-password-title", "/customer/password"),
        user_name: user.caller.user.user_name.clone(),
        forced: user.caller.user.must_change_password,
        next: next_path(next),
        current_error: message(Field::CurrentPassword),
        new_error: message(Field::NewPassword),
    };
    html(status, &template)
}

pub async fn password_form(user: CustomerSignedIn, Query(next): Query<Next>) -> Response {
    password_page(&user, &next.next, &[])
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    next: String,
    #[serde(rename = "currentPassword", default)]
    current_password: String,
    #[serde(rename = "newPassword", default)]
    new_password: String,
}

pub async fn change_password(
    State(state): State<AppState>,
    jar: CookieJar,
    user: CustomerSignedIn,
    Form(form): Form<PasswordForm>,
) -> Result<Response, PageError> {
    let changed = passwords::change_customer(
        &state,
        &user.caller,
        &user.secret,
        form.current_password,
        form.new_password,
    )
    .await;
    match changed {
        Ok(()) => {
            let jar = user.flash(jar, &Flash::notice("customer-password-changed"));
            Ok((jar, Redirect::to(&next_path(&form.next))).into_response())
        }
        Err(AppError::Invalid(errors)) => Ok(password_page(&user, &form.next, &errors)),
        Err(e) => Err(e.into()),
    }
}
