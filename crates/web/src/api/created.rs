//! The opening and the answer of the API's creates: `MS-RequestId` as the idempotency
//! key, and the answer — the new resource with `Location`, or the answer given to the
//! same request before.

use axum::Json;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::Value;

use crate::api::error::ApiError;
use crate::app::idempotency::{Created, Replay, RequestKey};
use crate::middleware::REQUEST_ID;

/// The request's `MS-RequestId`, if it carries a usable one, and its method and path.
pub struct IdempotencyKey {
    raw: Option<String>,
    operation: String,
}

impl IdempotencyKey {
    /// The key of this request: its method, path and body's digest make its fingerprint.
    pub fn for_body(&self, body: &[u8]) -> Option<RequestKey> {
        self.raw
            .as_deref()
            .and_then(|raw| RequestKey::api(raw, &self.operation, body))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for IdempotencyKey {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        let raw = parts
            .headers
            .get(&REQUEST_ID)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let operation = format!("{} {}", parts.method, parts.uri.path());
        Ok(IdempotencyKey { raw, operation })
    }
}

/// 201 with the new resource and its `Location`, or the answer given before.
pub fn created<R: Serialize>(
    outcome: Created<R>,
    location: impl Fn(&R) -> String,
) -> Result<Response, ApiError> {
    match outcome {
        Created::New(resource) => {
            let location = location(&resource);
            Ok((
                StatusCode::CREATED,
                [(header::LOCATION, location)],
                Json(resource),
            )
                .into_response())
        }
        Created::Replayed(replay) => replayed(replay),
    }
}

/// The answer kept for a request, with the secret it carried while that is kept.
pub fn replayed(replay: Replay) -> Result<Response, ApiError> {
    let mut body: Value =
        serde_json::from_str(&replay.body).map_err(|e| ApiError::Internal(e.to_string()))?;
    if let (Some(password), Some(credentials)) = (replay.secret, body.get_mut("userCredentials")) {
        credentials["password"] = Value::String(password);
    }
    let status = StatusCode::from_u16(replay.status).map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok((status, Json(body)).into_response())
}
