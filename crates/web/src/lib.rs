//! Partnerdesk's HTTP layer: the REST API shaped like Microsoft Partner Center's under
//! `/v1`, its OpenAPI document and reference page, health and metrics. Handlers are short:
//! extract, authorize, call the domain and the store, render.

pub mod api;
pub mod error;
pub mod i18n;
pub mod middleware;
pub mod openapi;
pub mod pages;
pub mod paging;
pub mod state;

use std::future::Future;
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::sensitive_headers::SetSensitiveRequestHeadersLayer;

pub use state::{AppState, Settings};

use crate::error::ApiError;

/// The whole application.
pub fn app(state: AppState) -> Router {
    let max_body = state.settings.max_body_bytes;
    Router::new()
        .nest("/v1", api::router(state.clone()))
        .route("/healthz", get(health))
        .route("/metrics", get(metrics))
        .merge(openapi::router())
        .merge(pages::router())
        .fallback(|| async { ApiError::NotFound("api-route-not-found") })
        .layer(DefaultBodyLimit::max(max_body))
        .layer(CatchPanicLayer::custom(|_| {
            ApiError::Internal("a handler panicked".into()).into_response()
        }))
        .layer(axum::middleware::from_fn(error::render_errors))
        .layer(axum::middleware::from_fn(middleware::measure))
        .layer(axum::middleware::from_fn(middleware::correlate))
        .layer(axum::middleware::from_fn(pages::security_headers))
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
    let (stop, stopped) = tokio::sync::watch::channel(());
    let housekeeping = tokio::spawn(housekeeping(state.clone(), stopped));
    let result = axum::serve(
        listener,
        app(state).into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await;
    // A sweep under way finishes first.
    drop(stop);
    let _ = housekeeping.await;
    result
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

/// Prometheus metrics.
async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    state.metrics.run_upkeep();
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        state.metrics.render(),
    )
}
