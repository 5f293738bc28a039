//! Recorded acceptances of the customer agreement.

use partnerdesk_domain::agreement::Agreement;
use partnerdesk_domain::audit::{Action, Actor, Change};
use partnerdesk_domain::{CustomerId, PartnerId};

use crate::Store;
use crate::db::{Conn, Row, Value, id};
use crate::error::StoreError;
use crate::ops::activity;
use crate::ops::customers::ensure_visible;
use crate::ops::idempotency::{self, IdempotencyRecord};

const AGREEMENT_COLUMNS: &str = "id, customer_id, partner_id, user_id, agreement_type, template_id, first_name, \
    last_name, email, phone_number, date_agreed, created_at";

fn agreement_from(row: &Row) -> Result<Agreement, StoreError> {
    Ok(Agreement {
        id: row.uuid("id")?,
        customer_id: row.uuid("customer_id")?,
        partner_id: row.uuid("partner_id")?,
        user_id: row.uuid("user_id")?,
        agreement_type: row.text("agreement_type")?,
        template_id: row.text("template_id")?,
        first_name: row.text("first_name")?,
        last_name: row.text("last_name")?,
        email: row.text("email")?,
        phone_number: row.text("phone_number")?,
        date_agreed: row.time("date_agreed")?,
        created_at: row.time("created_at")?,
    })
}

impl Store {
    /// Records an acceptance for a customer of `viewer`. The same contact confirming the
    /// same agreement again is [`crate::Conflict::AgreementContact`] (Partner Center 600061).
    pub async fn record_agreement(
        &self,
        viewer: PartnerId,
        agreement: Agreement,
        idempotency: Option<IdempotencyRecord>,
        actor: Actor,
    ) -> Result<(), StoreError> {
        self.write_with(
            (agreement, idempotency, actor),
            move |c, (agreement, idempotency, actor)| {
                Box::pin(async move {
                    let associated = ensure_visible(c, viewer, agreement.customer_id).await?;
                    if let Some(record) = idempotency {
                        idempotency::claim(c, record).await?;
                    }
                    insert(c, agreement, actor, associated).await
                })
            },
        )
        .await
    }

    /// A customer's recorded acceptances, oldest first, optionally of one type.
    pub async fn agreements(
        &self,
        viewer: PartnerId,
        customer: CustomerId,
        agreement_type: Option<String>,
    ) -> Result<Vec<Agreement>, StoreError> {
        self.read_with(agreement_type, move |c, agreement_type| {
            Box::pin(async move {
                ensure_visible(c, viewer, customer).await?;
                let rows = match &agreement_type {
                    Some(t) => {
                        let sql = format!(
                            "SELECT {AGREEMENT_COLUMNS} FROM agreements WHERE customer_id = $1 AND lower(agreement_type) = lower($2) \
                             ORDER BY created_at, id"
                        );
                        c.fetch_all(&sql, &[id(customer), Value::from(t)]).await?
                    }
                    None => {
                        let sql = format!("SELECT {AGREEMENT_COLUMNS} FROM agreements WHERE customer_id = $1 ORDER BY created_at, id");
                        c.fetch_all(&sql, &[id(customer)]).await?
                    }
                };
                rows.iter().map(agreement_from).collect()
            })
        })
        .await
    }
}

/// The signer's identity for the one-record-per-contact rule: names and email in lower
/// case, the phone in E.164.
fn contact_key(a: &Agreement) -> String {
    format!(
        "{}\u{1f}{}\u{1f}{}\u{1f}{}",
        a.first_name.to_lowercase(),
        a.last_name.to_lowercase(),
        a.email.to_lowercase(),
        a.phone_number
    )
}

/// Inserts an acceptance and records it, with the signer's data, in the activity log.
pub(crate) async fn insert(
    c: &mut Conn<'_>,
    a: &Agreement,
    actor: &Actor,
    reseller: Option<PartnerId>,
) -> Result<(), StoreError> {
    let key = contact_key(a);
    c.insert(
        "INSERT INTO agreements (id, customer_id, partner_id, user_id, agreement_type, template_id, first_name, last_name, \
         email, phone_number, contact_key, date_agreed, created_at)",
        1,
        &[
            id(a.id),
            id(a.customer_id),
            id(a.partner_id),
            id(a.user_id),
            Value::from(&a.agreement_type),
            Value::from(&a.template_id),
            Value::from(&a.first_name),
            Value::from(&a.last_name),
            Value::from(&a.email),
            Value::from(&a.phone_number),
            Value::from(&key),
            a.date_agreed.into(),
            a.created_at.into(),
        ],
    )
    .await?;
    let change = Change::new(a.partner_id, Action::AgreementAttested)
        .customer(a.customer_id, reseller)
        .detail("agreementType", &a.agreement_type)
        .detail("templateId", &a.template_id)
        .detail("signerFirstName", &a.first_name)
        .detail("signerLastName", &a.last_name)
        .detail("signerEmail", &a.email)
        .detail("signerPhoneNumber", &a.phone_number)
        .detail("dateAgreed", a.date_agreed.date());
    activity::record(c, actor, &change).await
}

/// Whether the customer has accepted any agreement.
pub(crate) async fn has_any(c: &mut Conn<'_>, customer: CustomerId) -> Result<bool, StoreError> {
    Ok(c.fetch_optional(
        "SELECT 1 FROM agreements WHERE customer_id = $1 LIMIT 1",
        &[id(customer)],
    )
    .await?
    .is_some())
}
