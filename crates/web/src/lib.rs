//! Partnerdesk's HTTP layer, in three parts that meet only here: `app`, the use cases
//! (one function per thing a person or program does, shared by everything else); `api`,
//! the REST API shaped like Microsoft Partner Center's under `/v1`, which renders their
//! errors as JSON; and the two portals (`portal` for partners, `customer_portal` for
//! customers' admins), built with the page kit in `ui`, which render them as pages. The
//! API and the portals never import each other. Handlers are short: extract, call one use
//! case, render. `fuzzing` feeds arbitrary bytes to every parser of outside input, for the
//! cargo-fuzz targets in `fuzz/`.

pub mod api;
pub mod app;
mod attachment;
pub mod cldr;
mod csv;
pub mod customer_export;
mod customer_portal;
pub mod fuzzing;
pub mod i18n;
mod invoice_pdf;
mod links;
pub mod mail;
pub mod middleware;
pub mod openapi;
pub mod paging;
mod portal;
mod reconciliation;
pub mod server;
pub mod state;
pub mod time_zone;
mod ui;

use std::future::Future;
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_http::sensitive_headers::SetSensitiveRequestHeadersLayer;
use tower_http::set_header::SetResponseHeaderLayer;

pub use state::{
    ATTEMPTS_PER_ACCOUNT_PER_MINUTE, ATTEMPTS_PER_ADDRESS_PER_MINUTE, AppState,
    FAILED_TOKENS_PER_ADDRESS_PER_MINUTE, Metrics, PASSWORD_QUEUE, Settings,
};

/// What pages may load: their own scripts and styles, nothing inline, no framing.
const PAGE_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
    connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

/// The whole application: the API under `/v1`, its document and reference page, both
/// portals, health and metrics; security headers on every response.
pub fn app(state: AppState) -> Router {
    let max_body = state.settings.max_body_bytes;
    let fixed = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
    };
    Router::new()
        .nest("/v1", api::router(state.clone()))
        .route("/healthz", get(health))
        .route("/metrics", get(metrics))
        .merge(openapi::router())
        .merge(customer_portal::router(state.clone()))
        .merge(portal::router(state.clone()))
        .layer(DefaultBodyLimit::max(max_body))
        .layer(CompressionLayer::new())
        .layer(axum::middleware::from_fn(middleware::measure))
        .layer(axum::middleware::from_fn(middleware::correlate))
        .layer(fixed(header::CONTENT_SECURITY_POLICY, PAGE_POLICY))
        .layer(fixed(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(fixed(header::REFERRER_POLICY, "same-origin"))
        .layer(fixed(header::X_FRAME_OPTIONS, "DENY"))
        .layer(fixed(
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ))
        .layer(SetSensitiveRequestHeadersLayer::new([
            header::AUTHORIZATION,
            header::COOKIE,
        ]))
        .with_state(state)
}

/// Serves the application on a bound listener until `shutdown` completes, then finishes
/// the requests in flight. Also runs the periodic housekeeping: metrics upkeep every 10
/// seconds; expired idempotency records and idle rate-limit state every minute.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    serve_with(listener, state, server::Limits::default(), shutdown).await
}

/// [`serve`] with these limits on connections.
pub async fn serve_with(
    listener: TcpListener,
    state: AppState,
    limits: server::Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let (stop, stopped) = tokio::sync::watch::channel(());
    let housekeeping = tokio::spawn(housekeeping(state.clone(), stopped));
    server::run(listener, app(state), limits, shutdown).await;
    // A sweep under way finishes first.
    drop(stop);
    let _ = housekeeping.await;
    Ok(())
}

/// Every 10 s: metrics upkeep; every minute (the first a minute after startup): expired
/// idempotency records, sessions and drafts go, and so do idle callers' cached principals.
/// Returns when `stopped`'s sender is dropped.
async fn housekeeping(state: AppState, mut stopped: tokio::sync::watch::Receiver<()>) {
    let mut ticks = tokio::time::interval(Duration::from_secs(10));
    let mut count: u64 = 0;
    loop {
        tokio::select! {
            _ = ticks.tick() => {}
            _ = stopped.changed() => return,
        }
        count += 1;
        state.metrics_upkeep();
        if count.is_multiple_of(6) {
            sweep(&state).await;
            state.forget_idle_callers();
        }
    }
}

async fn sweep(state: &AppState) {
    let now = time::OffsetDateTime::now_utc();
    let store = &state.store;
    match store.sweep_idempotency(now).await {
        Ok((erased, deleted)) if erased + deleted > 0 => {
            tracing::debug!(erased, deleted, "swept idempotency records");
        }
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e, "sweeping idempotency records failed"),
    }
    match store.sweep_sessions(now).await {
        Ok(0) => {}
        Ok(deleted) => tracing::debug!(deleted, "swept expired sessions"),
        Err(e) => tracing::warn!(error = %e, "sweeping sessions failed"),
    }
    match store.sweep_drafts(now - state.settings.draft_max_age).await {
        Ok(0) => {}
        Ok(deleted) => tracing::debug!(deleted, "swept stale drafts"),
        Err(e) => tracing::warn!(error = %e, "sweeping drafts failed"),
    }
}

/// 200 when the database answers, 503 when it doesn't.
async fn health(State(state): State<AppState>) -> impl IntoResponse {
    match state.store.ping().await {
        Ok(()) => (StatusCode::OK, "ok"),
        Err(e) => {
            tracing::warn!(error = %e, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}

/// Prometheus metrics, for whom the settings allow.
async fn metrics(State(state): State<AppState>, headers: axum::http::HeaderMap) -> axum::response::Response {
    let allowed = match &state.settings.metrics {
        Metrics::Off => return StatusCode::NOT_FOUND.into_response(),
        Metrics::Public => true,
        Metrics::Token(digest) => headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .is_some_and(|token| {
                use subtle::ConstantTimeEq;
                bool::from(partnerdesk_secrets::sha256(token.trim().as_bytes()).ct_eq(digest))
            }),
    };
    if !allowed {
        return (StatusCode::UNAUTHORIZED, [(header::WWW_AUTHENTICATE, "Bearer")]).into_response();
    }
    state.metrics.run_upkeep();
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        state.metrics.render(),
    )
        .into_response()
}
