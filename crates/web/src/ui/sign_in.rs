//! The sign-in form both portals show: the partner portal's (email) and the customer
//! portal's (the admin's user name), with what a refusal says.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use partnerdesk_domain::Arg;
use serde::Deserialize;

use crate::app::AppError;
use crate::i18n;
use crate::ui::{Page, PageError, Visitor, html};

/// Which portal's form: where it posts, and its words (message ids).
pub struct SignInForm {
    pub action: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub name_label: &'static str,
}

/// What the form sends.
#[derive(Deserialize)]
pub struct Credentials {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub next: String,
}

#[derive(Template)]
#[template(path = "sign_in.html")]
struct SignInPage<'a> {
    page: Page,
    form: &'a SignInForm,
    email: String,
    next: String,
    error: Option<String>,
    notice: Option<String>,
}

/// What the page shows besides the form.
#[derive(Default)]
pub struct Shown {
    pub email: String,
    pub next: String,
    pub error: Option<String>,
    pub notice: Option<String>,
}

/// The form; the visitor's cookie comes with it when it was just made.
pub fn page(visitor: Visitor, form: &SignInForm, shown: Shown, status: StatusCode) -> Response {
    // The language switcher comes back here, with where to go after signing in.
    let path = if shown.next.is_empty() {
        form.action.to_owned()
    } else {
        format!("{}?next={}", form.action, shown.next)
    };
    let template = SignInPage {
        page: Page::anonymous(visitor.locale, form.title, visitor.csrf(), &path),
        form,
        email: shown.email,
        next: shown.next,
        error: shown.error,
        notice: shown.notice,
    };
    (visitor.jar, html(status, &template)).into_response()
}

/// The form again after a refused sign-in, saying why: a wrong token, wrong credentials
/// (which of them is not said), or a lockout. Other errors are pages of their own.
pub fn refused(visitor: Visitor, form: &SignInForm, mut shown: Shown, error: Option<AppError>) -> Response {
    let locale = visitor.locale;
    let (status, message) = match error {
        None => (StatusCode::FORBIDDEN, i18n::text(locale, "form-expired")),
        Some(AppError::SignInFailed) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            i18n::text(locale, "sign-in-failed"),
        ),
        Some(AppError::Locked { minutes }) => (
            StatusCode::TOO_MANY_REQUESTS,
            i18n::text_with(locale, "sign-in-locked", &[("minutes", Arg::Number(minutes))]),
        ),
        Some(other) => return PageError::from(other).into_response(),
    };
    shown.error = Some(message);
    page(visitor, form, shown, status)
}
