//! Submitted forms: decoded into a typed form (serde; a repeated name, as ticked
//! checkboxes send, fills a `Vec`) after checking the CSRF token against the secret the
//! request's signed-in (or visitor) extractor named. Where forms send their user back.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::app::AppError;
use crate::state::AppState;
use crate::ui::PageError;
use crate::ui::csrf::FormSecrets;

/// A form whose CSRF token is right; otherwise nothing is done and the answer is 400.
pub struct Form<T>(pub T);

/// A form decoded whatever its CSRF token, for the handlers that answer a wrong token
/// themselves (the sign-in forms show the form again).
pub struct Posted<T> {
    pub value: T,
    /// Whether the CSRF token was right.
    pub trusted: bool,
}

#[derive(Deserialize)]
struct Token {
    #[serde(default)]
    csrf: String,
}

impl<T: DeserializeOwned> FromRequest<AppState> for Posted<T> {
    type Rejection = PageError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, PageError> {
        let Some(secrets) = request.extensions().get::<FormSecrets>().cloned() else {
            return Err(AppError::Internal("a form read before its sender".into()).into());
        };
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|_| PageError::BadForm)?;
        let token: Token = serde_html_form::from_bytes(&bytes).map_err(|_| PageError::BadForm)?;
        let value = serde_html_form::from_bytes(&bytes).map_err(|_| PageError::BadForm)?;
        Ok(Posted {
            value,
            trusted: secrets.accept(&token.csrf),
        })
    }
}

impl<T: DeserializeOwned> FromRequest<AppState> for Form<T> {
    type Rejection = PageError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, PageError> {
        match Posted::from_request(request, state).await? {
            Posted { value, trusted: true } => Ok(Form(value)),
            Posted { trusted: false, .. } => Err(PageError::BadForm),
        }
    }
}

/// A form whose fields vary (the offers of a catalog, one license count each): the
/// fields as sent, a name repeating as ticked checkboxes do.
#[derive(Deserialize)]
#[serde(transparent)]
pub struct Fields(Vec<(String, String)>);

impl Fields {
    /// The fields but those named `name`.
    pub fn without(mut self, name: &str) -> Self {
        self.0.retain(|(k, _)| k != name);
        self
    }

    /// The first value of a field.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// Every value of a field.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .iter()
            .filter(move |(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every field, in the order sent.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

/// A form that sends nothing but its token (a button).
#[derive(Deserialize)]
pub struct Empty {}

/// A form's request key: the one it was sent with when it is one of ours, a new one
/// otherwise (the form shown the first time, or a key someone made up).
pub fn form_key(sent: &str) -> String {
    let sent = sent.trim();
    let ours = (20..=100).contains(&sent.len())
        && sent
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ours {
        sent.to_owned()
    } else {
        crate::app::sessions::new_secret()
    }
}

/// A local path to return to after a form: never another site.
pub fn local_path(next: &str) -> &str {
    let dangerous = |c: char| c == '\\' || c.is_control() || c.is_whitespace();
    if next.starts_with('/') && !next[1..].starts_with(['/', '\\']) && !next.contains(dangerous) {
        next
    } else {
        "/customers"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(local_path("/customers/new"), "/customers/new");
        assert_eq!(local_path("//evil.example"), "/customers");
        assert_eq!(local_path("https://evil.example"), "/customers");
        assert_eq!(local_path("/\\evil.example"), "/customers");
        // Browsers drop tabs and newlines from URLs: `/\t/evil.example` is `//evil.example`.
        assert_eq!(local_path("/\t/evil.example"), "/customers");
        assert_eq!(local_path("/\n/evil.example"), "/customers");
        assert_eq!(local_path("/ /evil.example"), "/customers");
    }
}
