//! Bearer-token authentication and per-partner throttling for every `/v1` call (and
//! per-address throttling of tokens that don't authenticate), and the extractors handlers
//! receive: the caller, and the language of the request.

use std::net::IpAddr;
use std::sync::Arc;

use axum::extract::{FromRequestParts, Request, State};
use axum::http::header;
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use partnerdesk_domain::Locale;
use partnerdesk_domain::audit::Channel;
use partnerdesk_secrets as secrets;
use partnerdesk_store::Principal;

use crate::api::error::ApiError;
use crate::app::Caller;
use crate::middleware::{client_address, request_locale};
use crate::state::AppState;

/// The partner user an API request acts for.
#[derive(Debug, Clone)]
pub struct ApiCaller(pub Caller);

impl<S: Send + Sync> FromRequestParts<S> for ApiCaller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        parts
            .extensions
            .get::<ApiCaller>()
            .cloned()
            .ok_or_else(|| ApiError::Internal("a /v1 route without authentication".into()))
    }
}

/// The language of the request (`X-Locale`, else `Accept-Language`, else en-US).
#[derive(Debug, Clone, Copy)]
pub struct Lang(pub Locale);

impl<S: Send + Sync> FromRequestParts<S> for Lang {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        Ok(Lang(request_locale(&parts.headers)))
    }
}

/// The bearer token of a request, if it carries one.
fn bearer(request: &Request) -> Option<&str> {
    request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim())
        .filter(|t| !t.is_empty())
}

/// Requires `Authorization: Bearer <token>` of an active partner user, then takes one
/// request from the partner's rate limit. Tokens that don't authenticate are throttled per
/// client address: past the allowance the address waits (429) without its tokens being
/// looked up, and a token found bad a moment ago is refused without looking again.
pub async fn authenticate(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let Some(token) = bearer(&request).map(str::to_owned) else {
        return ApiError::Unauthorized.into_response();
    };
    let (mut parts, body) = request.into_parts();
    let address = client_address(&parts);
    let principal = match state.principals.get(&token) {
        Some(principal) => principal,
        None => match look_up(&state, &token, address).await {
            Ok(principal) => principal,
            Err(e) => return e.into_response(),
        },
    };
    if let Err(seconds) = state.throttle(principal.partner.id) {
        return ApiError::TooManyRequests { seconds }.into_response();
    }
    let caller = Caller::new(Arc::clone(&principal), Channel::Api, address);
    parts.extensions.insert(ApiCaller(caller));
    next.run(Request::from_parts(parts, body)).await
}

/// The principal of a token that isn't cached, unless the client's address must wait or
/// the token was found bad a moment ago.
async fn look_up(state: &AppState, token: &str, address: Option<IpAddr>) -> Result<Arc<Principal>, ApiError> {
    let bad = &state.bad_tokens;
    if let Some(seconds) = bad.waits(address) {
        return Err(ApiError::TooManyRequests { seconds });
    }
    let digest = secrets::sha256(token.as_bytes());
    if !bad.known(&digest) {
        match state.store.authenticate_token(digest.clone()).await {
            Ok(Some(holder)) => {
                // When it was last used is the token page's, not this request's: written
                // aside, at most once a minute, and a failure to write costs nothing.
                let now = time::OffsetDateTime::now_utc();
                if holder.use_unrecorded(now) {
                    let store = state.store.clone();
                    tokio::spawn(async move {
                        if let Err(e) = store.token_used(digest, now).await {
                            tracing::debug!(error = %e, "could not record a token's use");
                        }
                    });
                }
                return Ok(state.principals.insert(token, holder.principal));
            }
            Ok(None) => {}
            Err(e) => return Err(ApiError::from(e)),
        }
    }
    match bad.failed(digest, address) {
        Ok(()) => Err(ApiError::TokenInvalid),
        Err(seconds) => Err(ApiError::TooManyRequests { seconds }),
    }
}
