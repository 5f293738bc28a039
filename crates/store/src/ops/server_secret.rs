//! The installation's own key: 32 random bytes made once, when the first start migrates
//! the database, and kept there, so that every instance on the database uses the same.
//! It is mixed into keys that what a client sends must not be enough to derive (the
//! sealing of a temporary password for an idempotent replay). Read once per `Store`.

use std::sync::Arc;

use rand::RngExt;
use time::OffsetDateTime;

use crate::Store;
use crate::db::Value;
use crate::error::StoreError;

/// The row's name: one key per purpose.
const SEALING: &str = "sealing";

impl Store {
    /// The server's sealing key, made if the database has none yet (two instances making
    /// one at once keep the first). Read from the database once, then kept.
    pub async fn server_secret(&self) -> Result<Arc<[u8]>, StoreError> {
        if let Some(secret) = self.inner.server_secret.get() {
            return Ok(secret.clone());
        }
        // Read first: a database on a read-only disk has its key already and takes no write.
        let kept = self
            .read(|c| {
                Box::pin(async move {
                    c.fetch_optional(
                        "SELECT value FROM server_secrets WHERE name = $1",
                        &[SEALING.into()],
                    )
                    .await?
                    .map(|row| row.bytes("value"))
                    .transpose()
                })
            })
            .await?;
        if let Some(secret) = kept {
            return Ok(self.inner.server_secret.get_or_init(|| secret.into()).clone());
        }
        let mut candidate = [0u8; 32];
        rand::rng().fill(&mut candidate);
        let secret = self
            .write_with(candidate.to_vec(), |c, candidate| {
                Box::pin(async move {
                    c.execute(
                        "INSERT INTO server_secrets (name, value, created_at) VALUES ($1, $2, $3) \
                         ON CONFLICT (name) DO NOTHING",
                        &[
                            SEALING.into(),
                            Value::from(candidate.as_slice()),
                            OffsetDateTime::now_utc().into(),
                        ],
                    )
                    .await?;
                    c.fetch_one(
                        "SELECT value FROM server_secrets WHERE name = $1",
                        &[SEALING.into()],
                    )
                    .await?
                    .bytes("value")
                })
            })
            .await?;
        Ok(self.inner.server_secret.get_or_init(|| secret.into()).clone())
    }
}
