//! The portals' cookies, through axum-extra's cookie jar. Every one is HttpOnly,
//! SameSite=Lax and for the whole site; when the server is reached over HTTPS
//! (`secure_cookies`) they are `Secure` and carry the `__Host-` prefix, which a sibling
//! domain can't set (no login CSRF by cookie tossing).

use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};
use time::Duration;

/// What a cookie holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Jar {
    /// A partner user's session.
    Session,
    /// A customer admin's session, in the customer portal.
    Customer,
    /// The secret the sign-in forms' CSRF tokens derive from, before there is a session.
    SignIn,
    /// The language chosen before signing in.
    Language,
    /// What a form tells the page after it, sealed with the session's secret.
    Flash,
}

impl Jar {
    fn base(self) -> &'static str {
        match self {
            Jar::Session => "pd_session",
            Jar::Customer => "pd_customer",
            Jar::SignIn => "pd_signin",
            Jar::Language => "pd_lang",
            Jar::Flash => "pd_flash",
        }
    }

    /// The cookie's name: with the `__Host-` prefix when cookies are secure.
    pub fn name(self, secure: bool) -> String {
        if secure {
            format!("__Host-{}", self.base())
        } else {
            self.base().to_owned()
        }
    }

    /// The cookie's non-empty value in `jar`.
    pub fn read(self, jar: &CookieJar, secure: bool) -> Option<String> {
        jar.get(&self.name(secure))
            .map(|c| c.value().to_owned())
            .filter(|v| !v.is_empty())
    }

    /// The cookie set to `value` for `max_age`.
    pub fn set(self, value: String, max_age: Duration, secure: bool) -> Cookie<'static> {
        Cookie::build((self.name(secure), value))
            .path("/")
            .http_only(true)
            .same_site(SameSite::Lax)
            .secure(secure)
            .max_age(max_age)
            .build()
    }

    /// The cookie deleted.
    pub fn clear(self, secure: bool) -> Cookie<'static> {
        self.set(String::new(), Duration::ZERO, secure)
    }
}
