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
    let housekeeping = tokio::spawn(housekeeping(state.clone()));
    let result = axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown)
        .await;
    housekeeping.abort();
    result
}

async fn housekeeping(state: AppState) {
    let mut ticks = tokio::time::interval(Duration::from_secs(10));
    let mut count: u64 = 0;
    loop {
        ticks.tick().await;
        count += 1;
        state.metrics_upkeep();
        if count % 6 != 1 {
            continue;
        }
        match state
            .store
            .sweep_idempotency(time::OffsetDateTime::now_utc())
            .await
        {
            Ok((erased, deleted)) if erased + deleted > 0 => {
                tracing::debug!(erased, deleted, "swept idempotency records");
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "sweeping idempotency records failed"),
        }
        state.forget_idle_callers();
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
