//! The links Partnerdesk hands out (a set-password link, a relationship invitation),
//! built on the address the client reached the server at, or on `public_url` in mail.
//! Shared by the API, the partner portal and the mail worker.

use axum::http::{HeaderMap, header};

use crate::app::users::LinkToken;
use crate::state::AppState;

/// `http(s)://host` as the client reached the server.
pub fn origin(state: &AppState, headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
        })
        .unwrap_or("localhost");
    let scheme = if state.settings.secure_cookies {
        "https"
    } else {
        "http"
    };
    format!("{scheme}://{host}")
}

/// Where an invited user sets a password.
pub fn set_password(state: &AppState, headers: &HeaderMap, token: &LinkToken) -> String {
    set_password_at(&origin(state, headers), token)
}

/// Where a customer's admin answers a relationship invitation.
pub fn invitation(state: &AppState, headers: &HeaderMap, token: &LinkToken) -> String {
    invitation_at(&origin(state, headers), token)
}

/// [`set_password`] on the server at `origin` (mail uses `public_url`).
pub fn set_password_at(origin: &str, token: &LinkToken) -> String {
    format!("{origin}/set-password/{}", token.0)
}

/// [`invitation`] on the server at `origin`.
pub fn invitation_at(origin: &str, token: &LinkToken) -> String {
    format!("{origin}/customer/invitations/{}", token.0)
}
