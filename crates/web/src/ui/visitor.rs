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
use crate::ui::{Flash, Page};

/// How long the sign-in cookie lasts.
const SIGN_IN_COOKIE: Duration = Duration::hours(2);

pub struct Visitor {
    pub locale: Locale,
    /// The cookies to send back: the sign-in cookie when it was just made.
    pub jar: CookieJar,
    secret: String,
    /// What the previous request left to show.
    pub flash: Option<Flash>,
}

impl Visitor {
    /// The CSRF token of this visitor's forms.
    pub fn csrf(&self) -> String {
        csrf::token(&self.secret)
    }

    /// A page for this visitor, with the flash's message.
    pub fn page(&self, title: &str, path: &str) -> Page {
        Page::anonymous(self.locale, title, self.csrf(), path).with_flash(self.flash.as_ref())
    }

    /// The jar (`jar`, usually the request's) with `flash` in it for the next page, and the
    /// sign-in cookie that opens it.
    pub fn flash(jar: CookieJar, flash: &Flash, secure: bool) -> CookieJar {
        let (jar, secret) = match Jar::SignIn.read(&jar, secure) {
            Some(secret) => (jar, secret),
            None => {
                let secret = new_secret();
                (
                    jar.add(Jar::SignIn.set(secret.clone(), SIGN_IN_COOKIE, secure)),
                    secret,
                )
            }
        };
        flash.put(jar, &secret, secure)
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
        let flash = Flash::read(&jar, &secret, secure);
        Ok(Visitor {
            locale,
            jar,
            secret,
            flash,
        })
    }
}
