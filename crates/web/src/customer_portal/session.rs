//! Who is signed in to the customer portal. Without a live session the browser goes to
//! the sign-in, and comes back afterwards.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use partnerdesk_domain::Locale;

use crate::app::{CustomerCaller, sessions};
use crate::middleware::client_address;
use crate::state::AppState;
use crate::ui::cookies::Jar;
use crate::ui::csrf::{self, FormSecrets};
use crate::ui::layout::page_locale;
use crate::ui::{Flash, Page, PageError};

pub struct CustomerSignedIn {
    pub caller: CustomerCaller,
    pub secret: String,
    pub locale: Locale,
    /// What the previous request left to show.
    pub flash: Option<Flash>,
    secure: bool,
}

impl CustomerSignedIn {
    pub fn page(&self, title: &str, path: &str) -> Page {
        Page::anonymous(self.locale, title, csrf::token(&self.secret), path).with_flash(self.flash.as_ref())
    }

    /// The jar with `flash` in it, for the page the browser goes to next.
    pub fn flash(&self, jar: CookieJar, flash: &Flash) -> CookieJar {
        flash.put(jar, &self.secret, self.secure)
    }

    /// Until the temporary password is replaced, every page leads to choosing one, then
    /// back to `next`.
    pub fn password_first(&self, next: Option<&str>) -> Option<Response> {
        let to = match next {
            Some(next) => format!("/customer/password?next={next}"),
            None => "/customer/password".to_owned(),
        };
        self.caller
            .user
            .must_change_password
            .then(|| Redirect::to(&to).into_response())
    }
}

/// Where to go after signing in or changing the password: a customer portal path only.
pub fn next_path(next: &str) -> String {
    let ok = next.starts_with("/customer/")
        && !next.contains("//")
        && !next.contains(|c: char| c == '\\' || c.is_control() || c.is_whitespace());
    if ok {
        next.to_owned()
    } else {
        "/customer".to_owned()
    }
}

impl FromRequestParts<AppState> for CustomerSignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let back = || Redirect::to(&format!("/customer/sign-in?next={}", parts.uri.path())).into_response();
        let secure = state.settings.secure_cookies;
        let jar = CookieJar::from_headers(&parts.headers);
        let Some(secret) = Jar::Customer.read(&jar, secure) else {
            return Err(back());
        };
        let user = match sessions::customer_session(state, &secret).await {
            Ok(Some(user)) => user,
            Ok(None) => return Err(back()),
            Err(e) => return Err(PageError::from(e).into_response()),
        };
        parts.extensions.insert(FormSecrets(vec![secret.clone()]));
        Ok(Self {
            caller: CustomerCaller {
                user,
                address: client_address(parts),
            },
            flash: Flash::read(&jar, &secret, secure),
            secret,
            locale: page_locale(&jar, &parts.headers, secure, None),
            secure,
        })
    }
}
