//! The "Add customer" wizard's drafts: one per user, kept until the customer is created
//! and acknowledged, or until it is older than the configured age.

use partnerdesk_domain::draft::Draft;
use partnerdesk_domain::{PartnerId, PartnerUserId};
use time::OffsetDateTime;

use crate::Store;
use crate::db::{Value, id};
use crate::error::StoreError;

impl Store {
    /// The user's draft, unless there is none or it was last changed before `changed_since`.
    pub async fn draft(
        &self,
        user: PartnerUserId,
        changed_since: OffsetDateTime,
    ) -> Result<Option<Draft>, StoreError> {
        self.read(move |c| {
            Box::pin(async move {
                let row = c
                    .fetch_optional(
                        "SELECT data FROM drafts WHERE user_id = $1 AND updated_at >= $2",
                        &[id(user), changed_since.into()],
                    )
                    .await?;
                row.map(|r| {
                    serde_json::from_str(&r.text("data")?)
                        .map_err(|e| StoreError::Internal(format!("stored draft: {e}")))
                })
                .transpose()
            })
        })
        .await
    }

    /// Creates or replaces the user's draft.
    pub async fn save_draft(
        &self,
        user: PartnerUserId,
        partner: PartnerId,
        draft: &Draft,
    ) -> Result<(), StoreError> {
        let data = serde_json::to_string(draft).map_err(|e| StoreError::Internal(e.to_string()))?;
        self.write_with(data, move |c, data| {
            Box::pin(async move {
                c.execute(
                    "INSERT INTO drafts (user_id, partner_id, data, updated_at) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT (user_id) DO UPDATE SET data = $3, updated_at = $4",
                    &[
                        id(user),
                        id(partner),
                        Value::from(data),
                        OffsetDateTime::now_utc().into(),
                    ],
                )
                .await?;
                Ok(())
            })
        })
        .await
    }

    pub async fn delete_draft(&self, user: PartnerUserId) -> Result<(), StoreError> {
        self.write(move |c| {
            Box::pin(async move {
                c.execute("DELETE FROM drafts WHERE user_id = $1", &[id(user)])
                    .await?;
                Ok(())
            })
        })
        .await
    }

    /// Deletes drafts last changed before `before`; returns how many.
    pub async fn sweep_drafts(&self, before: OffsetDateTime) -> Result<u64, StoreError> {
        self.write(move |c| {
            Box::pin(async move {
                c.execute("DELETE FROM drafts WHERE updated_at < $1", &[before.into()])
                    .await
            })
        })
        .await
    }
}
