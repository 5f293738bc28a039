//! The flash: what one request tells the page that follows it (Post/Redirect/Get), held
//! in a cookie sealed with the session's secret, and deleted once shown. A message says
//! what happened; a one-time secret (an API token, a set-password or invitation link, a
//! new customer's temporary password) is shown once and never travels in a URL.

use axum::extract::{Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::Response;
use axum_extra::extract::CookieJar;
use partnerdesk_secrets as secrets;
use serde::{Deserialize, Serialize};
use time::Duration;

use crate::app::drafts::Submitted;
use crate::state::AppState;
use crate::ui::cookies::Jar;

/// How long a flash waits to be shown.
const LIFETIME: Duration = Duration::minutes(15);
const PURPOSE: &[u8] = b"flash";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Flash {
    /// A message id saying what happened, with its text arguments.
    Notice {
        id: String,
        #[serde(default)]
        args: Vec<(String, String)>,
    },
    /// A secret to show once: an API token, or a link with one in it.
    Secret { value: String },
    /// A customer just created by the wizard's draft with `key`, with its admin's
    /// temporary password until it has been shown.
    Created {
        key: String,
        submitted: Submitted,
        password: Option<String>,
    },
}

impl Flash {
    pub fn notice(id: &str) -> Self {
        Flash::Notice {
            id: id.to_owned(),
            args: Vec::new(),
        }
    }

    /// The jar with this flash in it, sealed with `secret`.
    pub fn put(&self, jar: CookieJar, secret: &str, secure: bool) -> CookieJar {
        let sealed = serde_json::to_vec(self)
            .ok()
            .and_then(|plain| secrets::lock(&plain, secret, PURPOSE));
        match sealed {
            Some(value) => jar.add(Jar::Flash.set(value, LIFETIME, secure)),
            None => jar,
        }
    }

    /// The flash the browser carries, if it was sealed with `secret`.
    pub fn read(jar: &CookieJar, secret: &str, secure: bool) -> Option<Flash> {
        let sealed = Jar::Flash.read(jar, secure)?;
        let plain = secrets::unlock(&sealed, secret, PURPOSE)?;
        serde_json::from_slice(&plain).ok()
    }
}

/// Deletes the flash once a page has shown it: after any successful page answering a
/// `GET` that carried one.
pub async fn forget_shown(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let secure = state.settings.secure_cookies;
    let carried = request.method() == Method::GET
        && Jar::Flash
            .read(&CookieJar::from_headers(request.headers()), secure)
            .is_some();
    let mut response = next.run(request).await;
    let page = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"text/html"));
    // A page that put a flash of its own keeps it.
    let name = Jar::Flash.name(secure);
    let replaced = response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .any(|c| c.as_bytes().starts_with(name.as_bytes()));
    if carried && response.status().is_success() && page && !replaced {
        let cookie = Jar::Flash.clear(secure).to_string();
        if let Ok(value) = cookie.parse() {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}
