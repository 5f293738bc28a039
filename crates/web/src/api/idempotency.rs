//! `MS-RequestId`: a retry of a create with the same id gets the original response, not a
//! second customer, agreement or order. The id itself is never stored, only its digest;
//! a created customer's password is kept sealed with a key derived from it, for at most
//! 15 minutes.

use axum::Json;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use partnerdesk_domain::PartnerId;
use partnerdesk_store::{IdempotencyRecord, secrets};
use serde::Serialize;
use serde_json::Value;
use time::OffsetDateTime;

use crate::error::ApiError;
use crate::middleware::REQUEST_ID;
use crate::state::AppState;

/// A request's idempotency key and fingerprint.
pub struct RequestKey {
    raw: String,
    hash: Vec<u8>,
    fingerprint: Vec<u8>,
}

impl RequestKey {
    /// The key of a request that carries `MS-RequestId`; `operation` names the method and
    /// path, `body` is the digest of the body.
    pub fn new(headers: &HeaderMap, operation: &str, body: &[u8]) -> Option<Self> {
        let raw = headers.get(&REQUEST_ID)?.to_str().ok()?.trim();
        if raw.is_empty() || raw.len() > 200 {
            return None;
        }
        let mut fingerprint = operation.as_bytes().to_vec();
        fingerprint.push(b'\n');
        fingerprint.extend_from_slice(body);
        Some(Self {
            raw: raw.to_owned(),
            hash: secrets::sha256(raw.as_bytes()),
            fingerprint: secrets::sha256(&fingerprint),
        })
    }

    /// The record that answers this request: `body` without secrets, and `secret` (a
    /// customer's temporary password) sealed.
    pub fn record(
        &self,
        partner: PartnerId,
        status: StatusCode,
        body: &impl Serialize,
        secret: Option<&str>,
    ) -> Result<IdempotencyRecord, ApiError> {
        let body = serde_json::to_string(body).map_err(|e| ApiError::Internal(e.to_string()))?;
        Ok(IdempotencyRecord {
            partner_id: partner,
            key_hash: self.hash.clone(),
            fingerprint: self.fingerprint.clone(),
            status: status.as_u16(),
            body,
            sealed_secret: secret.and_then(|s| secrets::seal(s, &self.raw, partner.to_string().as_bytes())),
            created_at: OffsetDateTime::now_utc(),
        })
    }
}

/// The stored response to this request, if it was answered before; a different request
/// with the same id is refused.
pub async fn replay(
    state: &AppState,
    partner: PartnerId,
    key: Option<&RequestKey>,
) -> Result<Option<Response>, ApiError> {
    let Some(key) = key else { return Ok(None) };
    let Some(stored) = state.store.stored_response(partner, key.hash.clone()).await? else {
        return Ok(None);
    };
    if stored.fingerprint != key.fingerprint {
        return Err(ApiError::RequestIdReused);
    }
    let mut body: Value =
        serde_json::from_str(&stored.body).map_err(|e| ApiError::Internal(e.to_string()))?;
    let password = stored
        .sealed_secret
        .and_then(|sealed| secrets::open(&sealed, &key.raw, partner.to_string().as_bytes()));
    if let (Some(password), Some(credentials)) = (password, body.get_mut("userCredentials")) {
        credentials["password"] = Value::String(password);
    }
    let status = StatusCode::from_u16(stored.status).map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(Some((status, Json(body)).into_response()))
}
