//! Creates that happen once however often they are sent. The API's key is the caller's
//! `MS-RequestId`; a portal form's is a random key the form carried. A key is stored only
//! as its digest, beside a fingerprint of the request (the same key with another request
//! is refused) and the answer given, which a retry gets back. A secret the answer carried
//! (a customer's temporary password) is kept sealed for a few minutes, with a key derived
//! from the server's key (in the database) and the request's key (which the database
//! doesn't hold): neither alone opens it.

use std::sync::Arc;

use partnerdesk_domain::PartnerId;
use partnerdesk_secrets as secrets;
use partnerdesk_store::{Claim, IdempotencyRecord};
use serde::Serialize;
use time::OffsetDateTime;

use crate::app::AppError;
use crate::state::AppState;

/// The longest `MS-RequestId` taken as a key.
const MAX_KEY: usize = 200;

/// A request's idempotency key.
#[derive(Clone)]
pub struct RequestKey {
    /// What a secret in the answer is sealed with; never stored.
    sealing: String,
    hash: Vec<u8>,
    fingerprint: Vec<u8>,
}

impl RequestKey {
    /// The key of an API request carrying `MS-RequestId: raw`; `operation` names the method
    /// and path, `body` is the digest of the body. `None` without a usable id.
    pub fn api(raw: &str, operation: &str, body: &[u8]) -> Option<Self> {
        let raw = raw.trim();
        if raw.is_empty() || raw.len() > MAX_KEY {
            return None;
        }
        let mut fingerprint = operation.as_bytes().to_vec();
        fingerprint.push(b'\n');
        fingerprint.extend_from_slice(body);
        Some(Self {
            sealing: raw.to_owned(),
            hash: secrets::sha256(raw.as_bytes()),
            fingerprint: secrets::sha256(&fingerprint),
        })
    }

    /// The key of a portal form: `purpose` names the form, `scope` what it acts on, `key`
    /// the random key the form was rendered with. A secret in the answer is sealed with
    /// `sealing` (the session's secret, so that only that browser can see it again).
    pub fn form(purpose: &str, scope: &str, key: &str, sealing: String) -> Self {
        let hash = secrets::sha256(format!("{purpose}\n{scope}\n{key}").as_bytes());
        Self {
            sealing,
            fingerprint: hash.clone(),
            hash,
        }
    }

    /// The digest the answer is stored under.
    pub fn hash(&self) -> &[u8] {
        &self.hash
    }

    fn context(partner: PartnerId) -> Vec<u8> {
        partner.to_string().into_bytes()
    }

    /// `secret` sealed for a replay of this key's answer: with the server's key, this
    /// key's sealing and the partner.
    pub(crate) async fn seal(
        &self,
        state: &AppState,
        partner: PartnerId,
        secret: &str,
    ) -> Result<Vec<u8>, AppError> {
        let server = state.store.server_secret().await?;
        secrets::seal(secret, &server, &self.sealing, &Self::context(partner))
            .ok_or_else(|| AppError::Internal("sealing a secret failed".into()))
    }

    /// The record that answers this key: `status`, `body`, and a secret [`Self::seal`]ed.
    pub(crate) fn record(
        &self,
        partner: PartnerId,
        status: u16,
        body: &impl Serialize,
        sealed: Option<Vec<u8>>,
    ) -> Result<IdempotencyRecord, AppError> {
        Ok(IdempotencyRecord {
            partner_id: partner,
            key_hash: self.hash.clone(),
            fingerprint: self.fingerprint.clone(),
            status,
            body: serde_json::to_string(body).map_err(|e| AppError::Internal(e.to_string()))?,
            sealed_secret: sealed,
            created_at: OffsetDateTime::now_utc(),
        })
    }
}

impl RequestKey {
    /// The claim of this key for a change whose answer is rendered, by `render`, from
    /// what the change made inside its transaction: the answer kept is the one given.
    pub(crate) fn claim<T, R: Serialize>(
        &self,
        partner: PartnerId,
        status: u16,
        render: impl Fn(&T) -> R + Send + Sync + 'static,
    ) -> Result<Claim<T>, AppError> {
        let record = self.record(partner, status, &(), None)?;
        Ok(Claim {
            record,
            render: Arc::new(move |outcome| {
                serde_json::to_string(&render(outcome)).map_err(|e| e.to_string())
            }),
        })
    }
}

/// An answer given before, as kept.
#[derive(Debug, Clone)]
pub struct Replay {
    pub status: u16,
    /// The answer's JSON, without its secret.
    pub body: String,
    /// The secret, while it is kept and for the same sealing key only.
    pub secret: Option<String>,
}

/// What an idempotent create did: made something new, or found the answer to the same
/// request.
#[derive(Debug)]
pub enum Created<T> {
    New(T),
    Replayed(Replay),
}

/// The answer kept for `key`, if it was answered before; the same key with another
/// request is refused.
pub async fn replay(
    state: &AppState,
    partner: PartnerId,
    key: Option<&RequestKey>,
) -> Result<Option<Replay>, AppError> {
    let Some(key) = key else { return Ok(None) };
    let Some(stored) = state.store.stored_response(partner, key.hash.clone()).await? else {
        return Ok(None);
    };
    if stored.fingerprint != key.fingerprint {
        return Err(AppError::RequestIdReused);
    }
    let secret = match stored.sealed_secret {
        Some(sealed) => {
            let server = state.store.server_secret().await?;
            secrets::open(&sealed, &server, &key.sealing, &RequestKey::context(partner))
        }
        None => None,
    };
    Ok(Some(Replay {
        status: stored.status,
        body: stored.body,
        secret,
    }))
}

/// Finishes a create whose write failed because another request with the same key
/// committed first: that request's answer is this one's.
pub(crate) async fn lost_race<T>(
    state: &AppState,
    partner: PartnerId,
    key: Option<&RequestKey>,
) -> Result<Created<T>, AppError> {
    replay(state, partner, key)
        .await?
        .map(Created::Replayed)
        .ok_or_else(|| AppError::Internal("a claimed request key without an answer".into()))
}

/// Forgets the secret kept with `key`'s answer, once it has been shown for good.
pub async fn forget_secret(state: &AppState, partner: PartnerId, key: &RequestKey) -> Result<(), AppError> {
    Ok(state
        .store
        .forget_sealed_secret(partner, key.hash.clone())
        .await?)
}
