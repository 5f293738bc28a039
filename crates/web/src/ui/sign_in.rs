//! The sign-in form both portals show: the partner portal's (email) and the customer
//! portal's (the admin's user name), with what a refusal says.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use partnerdesk_domain::Arg;
use serde::Deserialize;
use time::Duration;

use std::net::IpAddr;

use crate::app::AppError;
use crate::app::sessions::Credentials as Typed;
use crate::i18n;
use crate::ui::cookies::Jar;
use crate::ui::{Flash, Page, PageError, Posted, Visitor, html};

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
}

/// What the page shows besides the form.
#[derive(Default)]
pub struct Shown {
    pub email: String,
    pub next: String,
    pub error: Option<String>,
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
        page: visitor.page(form.title, &path),
        form,
        email: shown.email,
        next: shown.next,
        error: shown.error,
    };
    (visitor.jar, html(status, &template)).into_response()
}

/// Signed in: the new session's cookie set for `lifetime`, the sign-in cookie deleted,
/// and on to `to`.
pub fn signed_in(
    jar: CookieJar,
    session: (Jar, String),
    lifetime: Duration,
    secure: bool,
    to: &str,
) -> Response {
    let jar = jar
        .add(session.0.set(session.1, lifetime, secure))
        .add(Jar::SignIn.clear(secure));
    (jar, Redirect::to(to)).into_response()
}

/// Signed out: the session's cookie deleted, and on to `to`.
pub fn signed_out(jar: CookieJar, session: Jar, secure: bool, to: &str) -> Response {
    let jar = Visitor::flash(
        jar.add(session.clear(secure)),
        &Flash::notice("sign-in-signed-out"),
        secure,
    );
    (jar, Redirect::to(to)).into_response()
}

/// A submitted form: the credentials to check and what to show again if they are
/// refused; only what to show again when its token is wrong.
pub fn received(
    posted: Posted<Credentials>,
    address: Option<IpAddr>,
    next: String,
) -> Result<(Typed, Shown), Shown> {
    let Posted { value, trusted } = posted;
    let name = value.email.trim().to_owned();
    let shown = Shown {
        email: name.clone(),
        next,
        ..Shown::default()
    };
    if !trusted {
        return Err(shown);
    }
    let typed = Typed {
        name,
        password: value.password,
        address,
    };
    Ok((typed, shown))
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
