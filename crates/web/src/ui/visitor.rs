//! A visitor who isn't signed in (yet): the sign-in forms and the set-password page. Its
//! forms' CSRF tokens derive from a secret in the sign-in cookie, set on the first visit.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum_extra::extract::CookieJar;
use partnerdesk_domain::Locale;
use time::Duration;

use crate::app::sessions::new_secret;
use crate::state::AppState;
use crate::ui::cookies::Jar;
use crate::ui::csrf::{self, FormSecrets};
use crate::ui::layout::page_locale;

/// How long the sign-in cookie lasts.
const SIGN_IN_COOKIE: Duration = Duration::hours(2);

pub struct Visitor {
    pub locale: Locale,
    /// The cookies to send back: the sign-in cookie when it was just made.
    pub jar: CookieJar,
    secret: String,
}

impl Visitor {
    /// The CSRF token of this visitor's forms.
    pub fn csrf(&self) -> String {
        csrf::token(&self.secret)
    }
}

impl FromRequestParts<AppState> for Visitor {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let secure = state.settings.secure_cookies;
        let mut jar = CookieJar::from_headers(&parts.headers);
        let secret = match Jar::SignIn.read(&jar, secure) {
            Some(secret) => secret,
            None => {
                let secret = new_secret();
                jar = jar.add(Jar::SignIn.set(secret.clone(), SIGN_IN_COOKIE, secure));
                secret
            }
        };
        parts.extensions.insert(FormSecrets(vec![secret.clone()]));
        let locale = page_locale(&jar, &parts.headers, secure, None);
        Ok(Visitor { locale, jar, secret })
    }
}
