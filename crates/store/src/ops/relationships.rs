//! Reseller relationship requests to customers that exist already: recorded for a partner,
//! then opened and accepted or declined in the customer portal; and what that portal lists
//! of the customer's relationships: its partners and the subscriptions they sold. The
//! portal's accounts and sessions are in [`super::customer_users`].

use partnerdesk_domain::audit::{Action, Actor, Change};
use partnerdesk_domain::mail::{Mail, SUBJECT};
use partnerdesk_domain::subscription::Subscription;
use partnerdesk_domain::{CustomerId, Field, FieldError, PartnerId, Rule};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::Store;
use crate::db::{Conn, Row, Value, id, opt_id};
use crate::error::StoreError;
use crate::ops::orders::{SUBSCRIPTION_COLUMNS, subscription_from};
use crate::ops::users::LinkDigest;
use crate::ops::{activity, outbox};

/// Where an invitation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvitationStatus {
    Pending,
    Accepted,
    Declined,
}

/// A reseller relationship request as the customer sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub id: Uuid,
    pub partner_id: PartnerId,
    pub partner_name: String,
    pub reseller_name: Option<String>,
    pub delegated_admin: bool,
    pub expires_at: OffsetDateTime,
    pub status: InvitationStatus,
}

/// A relationship request as the partner that sent it lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentRequest {
    pub id: Uuid,
    pub created_at: OffsetDateTime,
    pub reseller_name: Option<String>,
    pub delegated_admin: bool,
    /// Where its link was mailed, if anywhere.
    pub sent_to: Option<String>,
    pub expires_at: OffsetDateTime,
    pub status: InvitationStatus,
    pub answered_at: Option<OffsetDateTime>,
    /// The customer that accepted it: only then is it the partner's to know.
    pub customer: Option<(CustomerId, String)>,
}

impl SentRequest {
    /// Pending past its expiry: its link no longer works.
    pub fn expired(&self, now: OffsetDateTime) -> bool {
        self.status == InvitationStatus::Pending && self.expires_at <= now
    }

    /// Where it stands — `sent`, `accepted`, `declined` or `expired` — and the date that
    /// goes with it: until when it works, when it was answered, or when it expired.
    pub fn stands(&self, now: OffsetDateTime) -> (&'static str, OffsetDateTime) {
        let answered = self.answered_at.unwrap_or(self.expires_at);
        match self.status {
            _ if self.expired(now) => ("expired", self.expires_at),
            InvitationStatus::Pending => ("sent", self.expires_at),
            InvitationStatus::Accepted => ("accepted", answered),
            InvitationStatus::Declined => ("declined", answered),
        }
    }
}

/// A partner of the customer, as the customer portal lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerPartner {
    pub name: String,
    pub relationship: String,
    pub since: OffsetDateTime,
}

const INVITATION_SELECT: &str = "SELECT i.id, i.partner_id, p.name AS partner_name, r.name AS reseller_name, \
    i.delegated_admin, i.expires_at, i.status, i.customer_id FROM relationship_invitations i JOIN partners p ON p.id = i.partner_id \
    LEFT JOIN partners r ON r.id = i.reseller_id";

fn invitation_from(row: &Row) -> Result<Invitation, StoreError> {
    Ok(Invitation {
        id: row.uuid("id")?,
        partner_id: row.uuid("partner_id")?,
        partner_name: row.text("partner_name")?,
        reseller_name: row.opt_text("reseller_name")?,
        delegated_admin: row.bool("delegated_admin")?,
        expires_at: row.time("expires_at")?,
        status: status_from(row)?,
    })
}

fn status_from(row: &Row) -> Result<InvitationStatus, StoreError> {
    Ok(match row.text("status")?.as_str() {
        "pending" => InvitationStatus::Pending,
        "accepted" => InvitationStatus::Accepted,
        "declined" => InvitationStatus::Declined,
        other => return Err(StoreError::Internal(format!("invitation status {other:?}"))),
    })
}

impl Store {
    /// Records a relationship request of `partner` (through its indirect reseller
    /// `reseller`, when given) with `link`, and the `mail`
    /// that sends it, if any (its subject is the invitation).
    pub async fn request_relationship(
        &self,
        partner: PartnerId,
        reseller: Option<PartnerId>,
        delegated_admin: bool,
        link: LinkDigest,
        mail: Option<Mail>,
        actor: Actor,
    ) -> Result<(), StoreError> {
        self.write_with((link, mail, actor), move |c, (link, mail, actor)| {
            Box::pin(async move {
                if let Some(reseller) = reseller {
                    let linked = c
                        .fetch_optional(
                            "SELECT 1 FROM reseller_links WHERE provider_id = $1 AND reseller_id = $2 AND state = 'active'",
                            &[id(partner), id(reseller)],
                        )
                        .await?;
                    if linked.is_none() {
                        return Err(StoreError::Invalid(vec![FieldError::new(
                            Field::AssociatedPartnerId,
                            Rule::ResellerUnknown,
                        )]));
                    }
                }
                let invitation = Uuid::now_v7();
                c.execute(
                    "INSERT INTO relationship_invitations (id, partner_id, reseller_id, token_hash, delegated_admin, \
                     created_at, expires_at, status, sent_to) VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8)",
                    &[
                        Value::Uuid(Some(invitation)),
                        id(partner),
                        opt_id(reseller),
                        Value::from(link.digest.as_slice()),
                        delegated_admin.into(),
                        OffsetDateTime::now_utc().into(),
                        link.expires_at.into(),
                        Value::from(mail.as_ref().map(|m| m.to.as_str())),
                    ],
                )
                .await?;
                let mut change = Change::new(partner, Action::RelationshipRequested)
                    .detail("invitationId", invitation)
                    .detail("delegatedAdmin", delegated_admin);
                change.reseller_id = reseller;
                activity::record(c, actor, &change).await?;
                if let Some(mail) = mail {
                    outbox::enqueue(c, &[mail.clone().arg(SUBJECT, invitation)]).await?;
                }
                Ok(())
            })
        })
        .await
    }

    /// The partner's relationship requests, newest first, at most `limit`.
    pub async fn sent_requests(
        &self,
        partner: PartnerId,
        limit: u32,
    ) -> Result<Vec<SentRequest>, StoreError> {
        self.read(move |c| {
            Box::pin(async move {
                let rows = c
                    .fetch_all(
                        "SELECT i.id, i.created_at, r.name AS reseller_name, i.delegated_admin, i.sent_to, \
                         i.expires_at, i.status, i.answered_at, i.customer_id, c.company_name \
                         FROM relationship_invitations i LEFT JOIN partners r ON r.id = i.reseller_id \
                         LEFT JOIN customers c ON c.id = i.customer_id \
                         WHERE i.partner_id = $1 ORDER BY i.created_at DESC, i.id DESC LIMIT $2",
                        &[id(partner), i64::from(limit).into()],
                    )
                    .await?;
                rows.iter()
                    .map(|row| {
                        let status = status_from(row)?;
                        let customer = match row.opt_uuid("customer_id")? {
                            Some(customer) if status == InvitationStatus::Accepted => {
                                Some((customer, row.text("company_name")?))
                            }
                            _ => None,
                        };
                        Ok(SentRequest {
                            id: row.uuid("id")?,
                            created_at: row.time("created_at")?,
                            reseller_name: row.opt_text("reseller_name")?,
                            delegated_admin: row.bool("delegated_admin")?,
                            sent_to: row.opt_text("sent_to")?,
                            expires_at: row.time("expires_at")?,
                            status,
                            answered_at: row.opt_time("answered_at")?,
                            customer,
                        })
                    })
                    .collect()
            })
        })
        .await
    }

    /// The invitation whose link's token digest is `token_hash`, addressed to `customer`
    /// if it wasn't addressed yet. Unknown and expired links, and links addressed to
    /// another customer, are [`StoreError::NotFound`].
    pub async fn open_invitation(
        &self,
        token_hash: Vec<u8>,
        customer: CustomerId,
        now: OffsetDateTime,
    ) -> Result<Invitation, StoreError> {
        self.write_with(token_hash, move |c, hash| {
            Box::pin(async move {
                let invitation = invitation_for(c, hash, customer, now).await?;
                // Checked again as the row is written: of two customers opening a new
                // link at once, the second finds it addressed to the first.
                let addressed = c
                    .execute(
                        "UPDATE relationship_invitations SET customer_id = $1 \
                         WHERE id = $2 AND (customer_id IS NULL OR customer_id = $1)",
                        &[id(customer), Value::Uuid(Some(invitation.id))],
                    )
                    .await?;
                if addressed == 0 {
                    return Err(StoreError::NotFound);
                }
                Ok(invitation)
            })
        })
        .await
    }

    /// The pending invitations addressed to the customer, newest first.
    pub async fn customer_invitations(
        &self,
        customer: CustomerId,
        now: OffsetDateTime,
    ) -> Result<Vec<Invitation>, StoreError> {
        self.read(move |c| {
            Box::pin(async move {
                let sql = format!(
                    "{INVITATION_SELECT} WHERE i.customer_id = $1 AND i.status = 'pending' AND i.expires_at > $2 \
                     ORDER BY i.created_at DESC"
                );
                let rows = c.fetch_all(&sql, &[id(customer), now.into()]).await?;
                rows.iter().map(invitation_from).collect()
            })
        })
        .await
    }

    /// Accepts or declines a pending invitation addressed to `customer`. On acceptance
    /// the inviting partner (and its reseller) gain the customer, as `reseller`, in the
    /// same transaction; a partner that had it already keeps its relationship.
    pub async fn answer_invitation(
        &self,
        invitation: Uuid,
        customer: CustomerId,
        accept: bool,
        actor: Actor,
    ) -> Result<Invitation, StoreError> {
        self.write_with(actor, move |c, actor| {
            Box::pin(async move {
                let now = OffsetDateTime::now_utc();
                let sql = format!(
                    "{INVITATION_SELECT} WHERE i.id = $1 AND i.customer_id = $2 AND i.status = 'pending' AND i.expires_at > $3"
                );
                let row = c
                    .fetch_optional(&sql, &[Value::Uuid(Some(invitation)), id(customer), now.into()])
                    .await?
                    .ok_or(StoreError::NotFound)?;
                let mut found = invitation_from(&row)?;
                let reseller: Option<PartnerId> = c
                    .fetch_one(
                        "SELECT reseller_id FROM relationship_invitations WHERE id = $1",
                        &[Value::Uuid(Some(invitation))],
                    )
                    .await?
                    .opt_uuid("reseller_id")?;
                let status = if accept { "accepted" } else { "declined" };
                // Pending is checked again as the row is written: of two answers at once,
                // the second finds it answered (at READ COMMITTED it waits for the first
                // and reads the row anew).
                let answered = c
                    .execute(
                        "UPDATE relationship_invitations SET status = $1, answered_at = $2 \
                         WHERE id = $3 AND status = 'pending'",
                        &[status.into(), now.into(), Value::Uuid(Some(invitation))],
                    )
                    .await?;
                if answered == 0 {
                    return Err(StoreError::NotFound);
                }
                if accept {
                    add_relationship(c, found.partner_id, customer, reseller, now).await?;
                    if let Some(reseller) = reseller {
                        add_relationship(c, reseller, customer, Some(found.partner_id), now).await?;
                    }
                }
                let action = if accept {
                    Action::RelationshipAccepted
                } else {
                    Action::RelationshipDeclined
                };
                let change = Change::new(found.partner_id, action)
                    .customer(customer, reseller)
                    .detail("invitationId", invitation)
                    .detail("delegatedAdmin", found.delegated_admin);
                activity::record(c, actor, &change).await?;
                found.status = if accept {
                    InvitationStatus::Accepted
                } else {
                    InvitationStatus::Declined
                };
                Ok(found)
            })
        })
        .await
    }

    /// The customer's partners, oldest relationship first.
    pub async fn customer_partners(&self, customer: CustomerId) -> Result<Vec<CustomerPartner>, StoreError> {
        self.read(move |c| {
            Box::pin(async move {
                let rows = c
                    .fetch_all(
                        "SELECT p.name, pc.relationship, pc.created_at FROM partner_customers pc \
                         JOIN partners p ON p.id = pc.partner_id WHERE pc.customer_id = $1 ORDER BY pc.created_at, p.name",
                        &[id(customer)],
                    )
                    .await?;
                rows.iter()
                    .map(|r| {
                        Ok(CustomerPartner {
                            name: r.text("name")?,
                            relationship: r.text("relationship")?,
                            since: r.time("created_at")?,
                        })
                    })
                    .collect()
            })
        })
        .await
    }

    /// Every subscription of the customer, whoever sold it, with the seller's name.
    pub async fn customer_subscriptions(
        &self,
        customer: CustomerId,
    ) -> Result<Vec<(Subscription, String)>, StoreError> {
        self.read(move |c| {
            Box::pin(async move {
                let sql = format!(
                    "SELECT {SUBSCRIPTION_COLUMNS}, p.name AS seller_name FROM subscriptions s JOIN partners p ON p.id = s.partner_id \
                     WHERE s.customer_id = $1 ORDER BY s.created_at, s.id"
                );
                let rows = c.fetch_all(&sql, &[id(customer)]).await?;
                rows.iter()
                    .map(|r| Ok((subscription_from(r)?, r.text("seller_name")?)))
                    .collect()
            })
        })
        .await
    }
}

async fn invitation_for(
    c: &mut Conn<'_>,
    hash: &[u8],
    customer: CustomerId,
    now: OffsetDateTime,
) -> Result<Invitation, StoreError> {
    let sql = format!(
        "{INVITATION_SELECT} WHERE (i.token_hash = $1 OR i.id IN (SELECT invitation_id FROM invitation_links WHERE token_hash = $1)) \
         AND i.expires_at > $2 AND (i.customer_id IS NULL OR i.customer_id = $3)"
    );
    let row = c
        .fetch_optional(&sql, &[Value::from(hash), now.into(), id(customer)])
        .await?
        .ok_or(StoreError::NotFound)?;
    invitation_from(&row)
}

/// Gives `partner` the customer, copying what its list shows; nothing if it has it.
async fn add_relationship(
    c: &mut Conn<'_>,
    partner: PartnerId,
    customer: CustomerId,
    associated: Option<PartnerId>,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let existing = c
        .fetch_optional(
            "SELECT 1 FROM partner_customers WHERE partner_id = $1 AND customer_id = $2",
            &[id(partner), id(customer)],
        )
        .await?;
    if existing.is_some() {
        return Ok(());
    }
    c.execute(
        "INSERT INTO partner_customers (partner_id, customer_id, relationship, associated_partner_id, name_key, domain, \
         company_name, country, commerce_id, created_at, search_key) \
         SELECT $1, customer_id, 'reseller', $2, name_key, domain, company_name, country, commerce_id, $3, search_key \
         FROM partner_customers WHERE customer_id = $4 ORDER BY created_at LIMIT 1",
        &[id(partner), opt_id(associated), now.into(), id(customer)],
    )
    .await?;
    Ok(())
}
