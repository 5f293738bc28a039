//! The links Partnerdesk hands out (a set-password link, a relationship invitation),
//! built on the address the client reached the server at. Shared by the API and the
//! partner portal.

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
    format!("{}/set-password/{}", origin(state, headers), token.0)
}

/// Where a customer's admin answers a relationship invitation.
pub fn invitation(state: &AppState, headers: &HeaderMap, token: &LinkToken) -> String {
    format!("{}/customer/invitations/{}", origin(state, headers), token.0)
}
