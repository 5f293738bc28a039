//! Request plumbing: correlation ids (`MS-CorrelationId`, echoed or generated, with
//! `MS-RequestId` echoed too), the request's language, and metrics.

use std::time::Instant;

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, MatchedPath, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use partnerdesk_domain::Locale;

pub const CORRELATION_ID: HeaderName = HeaderName::from_static("ms-correlationid");
pub const REQUEST_ID: HeaderName = HeaderName::from_static("ms-requestid");
pub const X_LOCALE: HeaderName = HeaderName::from_static("x-locale");

/// The id that ties a request to its log lines.
#[derive(Debug, Clone)]
pub struct CorrelationId(pub String);

/// Takes the caller's `MS-CorrelationId` (if it is a sane token) or makes one, logs the
/// request under it, and echoes it and `MS-RequestId` on the response.
pub async fn correlate(mut request: Request, next: Next) -> Response {
    let correlation = request
        .headers()
        .get(&CORRELATION_ID)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| {
            !v.is_empty()
                && v.len() <= 128
                && v.chars().all(|c| c.is_ascii_alphanumeric() || "-_.:".contains(c))
        })
        .map_or_else(|| uuid::Uuid::new_v4().to_string(), str::to_owned);
    let request_id = request.headers().get(&REQUEST_ID).cloned();
    request
        .extensions_mut()
        .insert(CorrelationId(correlation.clone()));
    // The route's template, never the path itself: one-time links carry secrets.
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", MatchedPath::as_str)
        .to_owned();
    let span = tracing::info_span!("request", correlation_id = %correlation, method = %request.method(), route = %route);
    let started = Instant::now();
    let mut response = tracing::Instrument::instrument(next.run(request), span.clone()).await;
    let status = response.status().as_u16();
    span.in_scope(|| {
        tracing::info!(
            status,
            elapsed_ms = started.elapsed().as_secs_f64() * 1000.0,
            "answered"
        );
    });
    if let Ok(value) = HeaderValue::from_str(&correlation) {
        response.headers_mut().insert(CORRELATION_ID, value);
    }
    if let Some(value) = request_id {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    response
}

/// Counts requests and records their duration by route and status.
pub async fn measure(request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let method = request.method().to_string();
    let started = Instant::now();
    let response = next.run(request).await;
    let labels = [
        ("method", method),
        ("route", route),
        ("status", response.status().as_u16().to_string()),
    ];
    metrics::counter!("http_requests_total", &labels).increment(1);
    metrics::histogram!("http_request_duration_seconds", &labels).record(started.elapsed().as_secs_f64());
    response
}

/// The language of an API request: `X-Locale`, else `Accept-Language`, else en-US.
pub fn request_locale(headers: &HeaderMap) -> Locale {
    let header = |name| headers.get(name).and_then(|v: &HeaderValue| v.to_str().ok());
    header(&X_LOCALE)
        .and_then(Locale::closest)
        .or_else(|| header(&axum::http::header::ACCEPT_LANGUAGE).and_then(Locale::from_accept_language))
        .unwrap_or_default()
}

/// The client's IP address: the peer of the connection (behind a reverse proxy, the
/// proxy's address); absent when the server wasn't told peers' addresses.
pub fn client_address(parts: &Parts) -> Option<IpAddr> {
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip())
}

/// The client's address as an extractor.
#[derive(Debug, Clone, Copy)]
pub struct ClientAddress(pub Option<IpAddr>);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddress(client_address(parts)))
    }
}
