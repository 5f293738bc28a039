//! Bearer-token authentication and per-partner throttling for every `/v1` call, and the
//! [`Caller`] handlers receive.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::header;
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use partnerdesk_domain::PartnerId;
use partnerdesk_domain::audit::{Actor, Channel};
use partnerdesk_domain::partner::{PartnerKind, Permission, allowed};
use partnerdesk_store::Principal;

use crate::error::ApiError;
use crate::middleware::request_locale;
use crate::state::AppState;
use partnerdesk_domain::Locale;

/// The partner user a request acts for, and the client's address.
#[derive(Debug, Clone)]
pub struct Caller(pub Arc<Principal>, pub Option<IpAddr>);

/// The client's IP address: the peer of the connection (behind a reverse proxy, the
/// proxy's address).
pub fn client_address(parts: &Parts) -> Option<IpAddr> {
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip())
}

/// The client's address as an extractor; absent when the server wasn't told peers'
/// addresses.
#[derive(Debug, Clone, Copy)]
pub struct ClientAddress(pub Option<IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddress(client_address(parts)))
    }
}

impl Caller {
    /// Who the activity log names for this request's changes.
    pub fn actor(&self) -> Actor {
        Actor {
            user_id: Some(self.0.user.id.as_uuid()),
            name: self.0.user.email.clone(),
            channel: Channel::Api,
            address: self.1.map(|a| a.to_string()),
        }
    }

    pub fn partner_id(&self) -> PartnerId {
        self.0.partner.id
    }

    pub fn kind(&self) -> PartnerKind {
        self.0.partner.kind
    }

    /// Fails with 403 unless the caller's role and partner type allow `permission`.
    pub fn require(&self, permission: Permission) -> Result<(), ApiError> {
        require(&self.0, permission)
    }
}

/// Fails with 403 unless the principal's role and partner type allow `permission`: the
/// one check the API and the portal's pages both make.
pub fn require(principal: &Principal, permission: Permission) -> Result<(), ApiError> {
    if allowed(principal.partner.kind, principal.user.role, permission) {
        return Ok(());
    }
    if principal.partner.kind == PartnerKind::IndirectReseller
        && allowed(PartnerKind::IndirectProvider, principal.user.role, permission)
    {
        return Err(ApiError::ResellerForbidden);
    }
    Err(ApiError::Forbidden {
        role: principal.user.role.to_string(),
    })
}

impl<S: Send + Sync> FromRequestParts<S> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        parts
            .extensions
            .get::<Caller>()
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

/// Requires `Authorization: Bearer <token>` of an active partner user, then takes one
/// request from the partner's rate limit.
pub async fn authenticate(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let token = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim().to_owned());
    let Some(token) = token.filter(|t| !t.is_empty()) else {
        return ApiError::Unauthorized.into_response();
    };
    let principal = match state.principals.get(&token) {
        Some(principal) => principal,
        None => match state.store.authenticate_token(&token).await {
            Ok(Some(principal)) => state.principals.insert(&token, principal),
            Ok(None) => return ApiError::TokenInvalid.into_response(),
            Err(e) => return ApiError::from(e).into_response(),
        },
    };
    if let Err(seconds) = state.throttle(principal.partner.id) {
        return ApiError::TooManyRequests { seconds }.into_response();
    }
    let (mut parts, body) = request.into_parts();
    let address = client_address(&parts);
    parts.extensions.insert(Caller(principal, address));
    let request = Request::from_parts(parts, body);
    next.run(request).await
}
