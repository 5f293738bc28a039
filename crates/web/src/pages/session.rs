//! Who is signed in. A session's id is 256 random bits in an HttpOnly cookie; the database
//! keeps only its SHA-256. The CSRF token of a form is derived from the session id (or, on
//! the sign-in form, from a one-off cookie), so it is never stored and can't be guessed
//! without the cookie.

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use partnerdesk_domain::Locale;
use partnerdesk_store::{Principal, secrets};
use time::{Duration, OffsetDateTime};

use crate::state::AppState;

pub const SESSION_COOKIE: &str = "pd_session";
/// The customer portal's session.
pub const CUSTOMER_COOKIE: &str = "pd_customer";
/// Carries the sign-in form's CSRF secret before there is a session.
pub const SIGN_IN_COOKIE: &str = "pd_signin";
/// The language chosen before signing in.
pub const LANGUAGE_COOKIE: &str = "pd_lang";

/// A session ends this long after the last request.
pub const IDLE: Duration = Duration::hours(12);
/// Activity is recorded at most this often.
const TOUCH_EVERY: Duration = Duration::minutes(5);

/// The value of a cookie of the request.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, for the whole site; `Secure` when the
/// server is reached over HTTPS. `max_age` 0 deletes the cookie.
pub fn set_cookie(name: &str, value: &str, max_age: Duration, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    let text = format!(
        "{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
        max_age.whole_seconds().max(0)
    );
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static("pd_invalid=1"))
}

/// A new random secret for a cookie: 256 bits, URL-safe.
pub fn new_secret() -> String {
    secrets::generate_token().trim_start_matches("pd_").to_owned()
}

/// The CSRF token of forms rendered for the holder of `secret`.
pub fn csrf_token(secret: &str) -> String {
    let digest = secrets::sha256(format!("partnerdesk csrf\n{secret}").as_bytes());
    URL_SAFE_NO_PAD.encode(&digest[..18])
}

/// Whether a submitted CSRF token is the one derived from `secret`.
pub fn csrf_matches(secret: &str, submitted: &str) -> bool {
    let expected = csrf_token(secret);
    expected.len() == submitted.len()
        && expected
            .bytes()
            .zip(submitted.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

/// The interface language: the user's choice, else the language cookie, else the
/// browser's `Accept-Language`, else English.
pub fn page_locale(headers: &HeaderMap, user_choice: Option<&str>) -> Locale {
    user_choice
        .and_then(Locale::from_tag)
        .or_else(|| cookie(headers, LANGUAGE_COOKIE).and_then(Locale::from_tag))
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Locale::from_accept_language)
        })
        .unwrap_or_default()
}

/// A signed-in partner user, for pages that need one. Without a live session the request
/// is sent to the sign-in page.
#[derive(Clone)]
pub struct SignedIn {
    pub principal: Arc<Principal>,
    /// The cookie's value: what CSRF tokens and sealed passwords are derived from.
    pub secret: String,
    pub locale: Locale,
    pub address: Option<std::net::IpAddr>,
}

impl SignedIn {
    /// Whether the user's role and partner type allow `permission`.
    pub fn can(&self, permission: partnerdesk_domain::partner::Permission) -> bool {
        let p = &self.principal;
        partnerdesk_domain::partner::allowed(p.partner.kind, p.user.role, permission)
    }

    /// Fails with 403, as the API does, unless the user [`SignedIn::can`] do `permission`.
    pub fn require(
        &self,
        permission: partnerdesk_domain::partner::Permission,
    ) -> Result<(), crate::error::ApiError> {
        crate::api::auth::require(&self.principal, permission)
    }

    /// Who the activity log names for this user's changes.
    pub fn actor(&self) -> partnerdesk_domain::audit::Actor {
        partnerdesk_domain::audit::Actor {
            user_id: Some(self.principal.user.id.as_uuid()),
            name: self.principal.user.email.clone(),
            channel: partnerdesk_domain::audit::Channel::Portal,
            address: self.address.map(|a| a.to_string()),
        }
    }

    pub fn csrf(&self) -> String {
        csrf_token(&self.secret)
    }
}

/// Sends the browser to the sign-in page.
pub struct SignInFirst;

impl IntoResponse for SignInFirst {
    fn into_response(self) -> Response {
        Redirect::to("/sign-in").into_response()
    }
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let Some(secret) = cookie(&parts.headers, SESSION_COOKIE).filter(|s| !s.is_empty()) else {
            return Err(SignInFirst.into_response());
        };
        let secret = secret.to_owned();
        let hash = secrets::sha256(secret.as_bytes());
        let now = OffsetDateTime::now_utc();
        let session = match state.store.session(hash.clone(), now).await {
            Ok(Some(session)) => session,
            Ok(None) => return Err(SignInFirst.into_response()),
            Err(e) => return Err(crate::error::ApiError::from(e).into_response()),
        };
        if now - session.seen_at > TOUCH_EVERY {
            let expires = (now + IDLE).min(session.created_at + Duration::days(7));
            if let Err(e) = state.store.touch_session(hash, now, expires).await {
                tracing::warn!(error = %e, "recording session activity failed");
            }
        }
        let locale = page_locale(&parts.headers, session.principal.user.locale.as_deref());
        Ok(SignedIn {
            principal: Arc::new(session.principal),
            secret,
            locale,
            address: crate::api::auth::client_address(parts),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; pd_session=abc; b=2"),
        );
        assert_eq!(cookie(&headers, "pd_session"), Some("abc"));
        assert_eq!(cookie(&headers, "pd"), None);
    }

    #[test]
    fn csrf_tokens_depend_on_the_secret() {
        let token = csrf_token("secret-a");
        assert!(csrf_matches("secret-a", &token));
        assert!(!csrf_matches("secret-b", &token));
        assert!(!csrf_matches("secret-a", ""));
        assert!(!token.contains("secret"));
    }

    #[test]
    fn the_users_choice_wins_over_the_browser() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_LANGUAGE,
            HeaderValue::from_static("fr-FR,fr;q=0.9"),
        );
        assert_eq!(page_locale(&headers, None), Locale::FrFr);
        assert_eq!(page_locale(&headers, Some("ru-RU")), Locale::RuRu);
        headers.insert(header::COOKIE, HeaderValue::from_static("pd_lang=zh-TW"));
        assert_eq!(page_locale(&headers, None), Locale::ZhTw);
    }
}
