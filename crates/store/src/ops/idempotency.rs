//! Idempotency records: the response to a request that carried an `MS-RequestId`, kept so
//! that a retry gets the same answer instead of a second customer or order. A record is
//! written in the same transaction as the change it answers for.

use std::sync::Arc;

use partnerdesk_domain::PartnerId;
use time::{Duration, OffsetDateTime};

use crate::Store;
use crate::db::{Conn, Value, id};
use crate::error::{Conflict, StoreError};

/// How long a created customer's sealed password stays replayable.
pub const SECRET_LIFETIME: Duration = Duration::minutes(15);
/// How long a response stays replayable at all.
pub const RECORD_LIFETIME: Duration = Duration::hours(24);

/// A response to keep for retries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotencyRecord {
    pub partner_id: PartnerId,
    /// SHA-256 of the request id: the id itself is never stored.
    pub key_hash: Vec<u8>,
    /// SHA-256 of the request (method, path, body): a reused id with another request is
    /// refused rather than answered with the wrong response.
    pub fingerprint: Vec<u8>,
    pub status: u16,
    pub body: String,
    /// A secret the response carried, sealed with a key derived from the request id.
    pub sealed_secret: Option<Vec<u8>>,
    pub created_at: OffsetDateTime,
}

/// Renders the answer to keep from what a change made, as the caller will answer it.
pub type Render<T> = Arc<dyn Fn(&T) -> Result<String, String> + Send + Sync>;

/// A request id to claim for a change whose answer is known only inside its transaction
/// (buying add-ons answers the order with its new lines): the record's `body` is the
/// answer `render` makes of the change's outcome.
#[derive(Clone)]
pub struct Claim<T> {
    pub record: IdempotencyRecord,
    pub render: Render<T>,
}

impl<T> Claim<T> {
    /// Claims the request id with the answer rendered from `outcome`.
    pub(crate) async fn claim(&self, c: &mut Conn<'_>, outcome: &T) -> Result<(), StoreError> {
        let body = (self.render)(outcome).map_err(StoreError::Internal)?;
        claim(
            c,
            &IdempotencyRecord {
                body,
                ..self.record.clone()
            },
        )
        .await
    }
}

/// A kept response, as read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredResponse {
    pub fingerprint: Vec<u8>,
    pub status: u16,
    pub body: String,
    /// Present for at most [`SECRET_LIFETIME`].
    pub sealed_secret: Option<Vec<u8>>,
    pub created_at: OffsetDateTime,
}

impl Store {
    /// The response kept for this request id, if it is still fresh.
    pub async fn stored_response(
        &self,
        partner: PartnerId,
        key_hash: Vec<u8>,
    ) -> Result<Option<StoredResponse>, StoreError> {
        self.read_with(key_hash, move |c, key_hash| {
            Box::pin(async move {
                let row = c
                    .fetch_optional(
                        "SELECT fingerprint, status, body, sealed_secret, created_at FROM idempotency_keys \
                         WHERE partner_id = $1 AND key_hash = $2",
                        &[id(partner), Value::from(key_hash.as_slice())],
                    )
                    .await?;
                let Some(row) = row else { return Ok(None) };
                let created_at = row.time("created_at")?;
                let now = OffsetDateTime::now_utc();
                if now - created_at > RECORD_LIFETIME {
                    return Ok(None);
                }
                let status =
                    u16::try_from(row.int("status")?).map_err(|e| StoreError::Internal(e.to_string()))?;
                Ok(Some(StoredResponse {
                    fingerprint: row.bytes("fingerprint")?,
                    status,
                    body: row.text("body")?,
                    sealed_secret: row
                        .opt_bytes("sealed_secret")?
                        .filter(|_| now - created_at <= SECRET_LIFETIME),
                    created_at,
                }))
            })
        })
        .await
    }

    /// Erases sealed secrets older than [`SECRET_LIFETIME`] and records older than
    /// [`RECORD_LIFETIME`]; returns how many of each.
    pub async fn sweep_idempotency(&self, now: OffsetDateTime) -> Result<(u64, u64), StoreError> {
        self.write(move |c| {
            Box::pin(async move {
                let erased = c
                    .execute(
                        "UPDATE idempotency_keys SET sealed_secret = NULL WHERE sealed_secret IS NOT NULL AND created_at < $1",
                        &[(now - SECRET_LIFETIME).into()],
                    )
                    .await?;
                let deleted = c
                    .execute("DELETE FROM idempotency_keys WHERE created_at < $1", &[(now - RECORD_LIFETIME).into()])
                    .await?;
                Ok((erased, deleted))
            })
        })
        .await
    }
}

impl Store {
    /// Erases the sealed secret of a response once it has been shown for good.
    pub async fn forget_sealed_secret(
        &self,
        partner: PartnerId,
        key_hash: Vec<u8>,
    ) -> Result<(), StoreError> {
        self.write_with(key_hash, move |c, key_hash| {
            Box::pin(async move {
                c.execute(
                    "UPDATE idempotency_keys SET sealed_secret = NULL WHERE partner_id = $1 AND key_hash = $2",
                    &[id(partner), Value::from(key_hash.as_slice())],
                )
                .await?;
                Ok(())
            })
        })
        .await
    }
}

/// Claims the request id inside the change's transaction; a taken id means another
/// request with it committed first ([`Conflict::RequestId`]). A record older than
/// [`RECORD_LIFETIME`] that the sweep hasn't deleted yet answers nothing any more
/// ([`Store::stored_response`]), so the claim replaces it.
pub(crate) async fn claim(c: &mut Conn<'_>, record: &IdempotencyRecord) -> Result<(), StoreError> {
    let expired = OffsetDateTime::now_utc() - RECORD_LIFETIME;
    let inserted = c
        .execute(
            "INSERT INTO idempotency_keys (partner_id, key_hash, fingerprint, status, body, sealed_secret, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (partner_id, key_hash) DO UPDATE SET \
             fingerprint = excluded.fingerprint, status = excluded.status, body = excluded.body, \
             sealed_secret = excluded.sealed_secret, created_at = excluded.created_at \
             WHERE idempotency_keys.created_at < $8",
            &[
                id(record.partner_id),
                Value::from(record.key_hash.as_slice()),
                Value::from(record.fingerprint.as_slice()),
                i64::from(record.status).into(),
                Value::from(&record.body),
                Value::from(record.sealed_secret.as_deref()),
                record.created_at.into(),
                expired.into(),
            ],
        )
        .await?;
    if inserted == 1 {
        Ok(())
    } else {
        Err(StoreError::Conflict(Conflict::RequestId))
    }
}
