//! Signing in to the partner portal and out.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use serde::Deserialize;

use crate::app::sessions::{self, IDLE};
use crate::middleware::ClientAddress;
use crate::state::AppState;
use crate::ui::cookies::Jar;
use crate::ui::form::local_path;
use crate::ui::sign_in::{self, Credentials, Shown, SignInForm};
use crate::ui::{Empty, Form, PageError, Posted, Visitor};

use super::session::SignedIn;

const FORM: SignInForm = SignInForm {
    action: "/sign-in",
    title: "sign-in-title",
    intro: "sign-in-intro",
    name_label: "sign-in-email",
};

#[derive(Debug, Default, Deserialize)]
pub struct SignInQuery {
    /// Where to go after signing in.
    next: Option<String>,
}

/// The sign-in form; a signed-in user goes on to the customers.
pub async fn page(
    State(state): State<AppState>,
    jar: CookieJar,
    visitor: Visitor,
    Query(query): Query<SignInQuery>,
) -> Result<Response, PageError> {
    if let Some(secret) = Jar::Session.read(&jar, state.settings.secure_cookies)
        && sessions::partner_session(&state, &secret).await?.is_some()
    {
        return Ok(Redirect::to("/customers").into_response());
    }
    let shown = Shown {
        next: query.next.map(|n| local_path(&n).to_owned()).unwrap_or_default(),
        ..Shown::default()
    };
    Ok(sign_in::page(visitor, &FORM, shown, StatusCode::OK))
}

/// Signs in, under a new session id (never the one the browser came with), and goes on
/// to where the user was headed.
pub async fn submit(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    jar: CookieJar,
    visitor: Visitor,
    form: Posted<Credentials>,
) -> Response {
    let secure = state.settings.secure_cookies;
    let next = match form.value.next.as_str() {
        "" => String::new(),
        next => local_path(next).to_owned(),
    };
    let (typed, shown) = match sign_in::received(form, address, next) {
        Ok(received) => received,
        Err(shown) => return sign_in::refused(visitor, &FORM, shown, None),
    };
    let previous = Jar::Session.read(&jar, secure);
    match sessions::sign_in_partner(&state, typed, previous.as_deref()).await {
        Ok(session) => {
            let to = if shown.next.is_empty() {
                "/customers"
            } else {
                &shown.next
            };
            sign_in::signed_in(jar, (Jar::Session, session.secret), IDLE, secure, to)
        }
        Err(e) => sign_in::refused(visitor, &FORM, shown, Some(e)),
    }
}

pub async fn sign_out(
    State(state): State<AppState>,
    jar: CookieJar,
    user: SignedIn,
    Form(Empty {}): Form<Empty>,
) -> Result<Response, PageError> {
    sessions::sign_out_partner(&state, &user.secret).await?;
    let secure = state.settings.secure_cookies;
    Ok(sign_in::signed_out(jar, Jar::Session, secure, "/sign-in"))
}
