//! Reseller relationship requests to customers that exist already, and what the customer
//! portal reads and changes: the customer admin's sign-in and password, the invitations
//! addressed to the tenant, its partners and its subscriptions.

use partnerdesk_domain::audit::{Action, Actor, Change};
use partnerdesk_domain::subscription::Subscription;
use partnerdesk_domain::{CustomerId, CustomerUserId, Field, FieldError, PartnerId, Rule};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::db::{Conn, Row, Value, id, opt_id};
use crate::error::StoreError;
use crate::ops::activity;
use crate::ops::orders::{SUBSCRIPTION_COLUMNS, subscription_from};
use crate::{Store, secrets};

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

/// The customer's admin account as its sign-in reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerUser {
    pub id: CustomerUserId,
    pub customer_id: CustomerId,
    pub user_name: String,
    pub company_name: String,
    pub must_change_password: bool,
    /// Set after too many failed sign-ins in a row.
    pub locked_until: Option<OffsetDateTime>,
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
        status: match row.text("status")?.as_str() {
            "pending" => InvitationStatus::Pending,
            "accepted" => InvitationStatus::Accepted,
            "declined" => InvitationStatus::Declined,
            other => return Err(StoreError::Internal(format!("invitation status {other:?}"))),
        },
    })
}

const CUSTOMER_USER_SELECT: &str = "SELECT u.id, u.customer_id, u.user_name, c.company_name, u.must_change_password, \
    u.password_hash, u.locked_until FROM customer_users u JOIN customers c ON c.id = u.customer_id";

fn customer_user_from(row: &Row) -> Result<CustomerUser, StoreError> {
    Ok(CustomerUser {
        id: row.uuid("id")?,
        customer_id: row.uuid("customer_id")?,
        user_name: row.text("user_name")?,
        company_name: row.text("company_name")?,
        must_change_password: row.bool("must_change_password")?,
        locked_until: row.opt_time("locked_until")?,
    })
}

impl Store {
    /// Records a relationship request of `partner` (through its indirect reseller
    /// `reseller`, when given) whose link's token digest is `token_hash`.
    pub async fn request_relationship(
        &self,
        partner: PartnerId,
        reseller: Option<PartnerId>,
        delegated_admin: bool,
        token_hash: Vec<u8>,
        expires_at: OffsetDateTime,
        actor: Actor,
    ) -> Result<(), StoreError> {
        self.write_with((token_hash, actor), move |c, (hash, actor)| {
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
                     created_at, expires_at, status) VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending')",
                    &[
                        Value::Uuid(Some(invitation)),
                        id(partner),
                        opt_id(reseller),
                        Value::from(hash.as_slice()),
                        delegated_admin.into(),
                        OffsetDateTime::now_utc().into(),
                        expires_at.into(),
                    ],
                )
                .await?;
                let mut change = Change::new(partner, Action::RelationshipRequested)
                    .detail("invitationId", invitation)
                    .detail("delegatedAdmin", delegated_admin);
                change.reseller_id = reseller;
                activity::record(c, actor, &change).await
            })
        })
        .await
    }

    /// The invitation a link names, addressed to `customer` if it wasn't addressed yet.
    /// Unknown and expired links, and links addressed to another customer, are
    /// [`StoreError::NotFound`].
    pub async fn open_invitation(
        &self,
        token: &str,
        customer: CustomerId,
        now: OffsetDateTime,
    ) -> Result<Invitation, StoreError> {
        let hash = secrets::sha256(token.trim().as_bytes());
        self.write_with(hash, move |c, hash| {
            Box::pin(async move {
                let invitation = invitation_for(c, hash, customer, now).await?;
                c.execute(
                    "UPDATE relationship_invitations SET customer_id = $1 WHERE id = $2 AND customer_id IS NULL",
                    &[id(customer), Value::Uuid(Some(invitation.id))],
                )
                .await?;
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
                c.execute(
                    "UPDATE relationship_invitations SET status = $1, answered_at = $2 WHERE id = $3",
                    &[status.into(), now.into(), Value::Uuid(Some(invitation))],
                )
                .await?;
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

    /// The customer admin account with this user name, and its stored password hash.
    pub async fn customer_user_by_name(&self, user_name: &str) -> Result<(CustomerUser, String), StoreError> {
        let name = user_name.trim().to_lowercase();
        self.read_with(name, move |c, name| {
            Box::pin(async move {
                let sql = format!("{CUSTOMER_USER_SELECT} WHERE u.user_name = $1");
                let row = c
                    .fetch_optional(&sql, &[Value::from(name)])
                    .await?
                    .ok_or(StoreError::NotFound)?;
                Ok((customer_user_from(&row)?, row.text("password_hash")?))
            })
        })
        .await
    }

    /// Replaces the customer admin's password (after the first sign-in's forced change).
    pub async fn set_customer_password(
        &self,
        user: CustomerUserId,
        password_hash: String,
    ) -> Result<(), StoreError> {
        self.write_with(password_hash, move |c, hash| {
            Box::pin(async move {
                c.execute(
                    "UPDATE customer_users SET password_hash = $1, must_change_password = $2 WHERE id = $3",
                    &[Value::from(hash), false.into(), id(user)],
                )
                .await?;
                Ok(())
            })
        })
        .await
    }

    /// Counts a failed sign-in; the `limit`th in a row locks the account for `lockout`.
    pub async fn record_failed_customer_sign_in(
        &self,
        user: CustomerUserId,
        now: OffsetDateTime,
        limit: u32,
        lockout: time::Duration,
    ) -> Result<(), StoreError> {
        self.write(move |c| {
            Box::pin(async move {
                c.execute(
                    "UPDATE customer_users SET \
                     locked_until = CASE WHEN failed_sign_ins + 1 >= $2 THEN $3 ELSE locked_until END, \
                     failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= $2 THEN 0 ELSE failed_sign_ins + 1 END \
                     WHERE id = $1",
                    &[id(user), i64::from(limit).into(), (now + lockout).into()],
                )
                .await?;
                Ok(())
            })
        })
        .await
    }

    /// Starts a session after a successful sign-in, which clears the failed ones.
    pub async fn create_customer_session(
        &self,
        user: CustomerUserId,
        id_hash: Vec<u8>,
        now: OffsetDateTime,
        expires_at: OffsetDateTime,
    ) -> Result<(), StoreError> {
        self.write_with(id_hash, move |c, hash| {
            Box::pin(async move {
                c.execute(
                    "INSERT INTO customer_sessions (id_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
                    &[Value::from(hash.as_slice()), id(user), now.into(), expires_at.into()],
                )
                .await?;
                c.execute(
                    "UPDATE customer_users SET failed_sign_ins = 0, locked_until = NULL WHERE id = $1",
                    &[id(user)],
                )
                .await?;
                Ok(())
            })
        })
        .await
    }

    /// The customer user of a live session.
    pub async fn customer_session(
        &self,
        id_hash: Vec<u8>,
        now: OffsetDateTime,
    ) -> Result<Option<CustomerUser>, StoreError> {
        self.read_with(id_hash, move |c, hash| {
            Box::pin(async move {
                let sql = format!(
                    "{CUSTOMER_USER_SELECT} JOIN customer_sessions s ON s.user_id = u.id WHERE s.id_hash = $1 AND s.expires_at > $2"
                );
                let row = c.fetch_optional(&sql, &[Value::from(hash.as_slice()), now.into()]).await?;
                row.as_ref().map(customer_user_from).transpose()
            })
        })
        .await
    }

    pub async fn end_customer_session(&self, id_hash: Vec<u8>) -> Result<(), StoreError> {
        self.write_with(id_hash, move |c, hash| {
            Box::pin(async move {
                c.execute(
                    "DELETE FROM customer_sessions WHERE id_hash = $1",
                    &[Value::from(hash.as_slice())],
                )
                .await?;
                Ok(())
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
        "{INVITATION_SELECT} WHERE i.token_hash = $1 AND i.expires_at > $2 AND (i.customer_id IS NULL OR i.customer_id = $3)"
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
         company_name, country, commerce_id, created_at) \
         SELECT $1, customer_id, 'reseller', $2, name_key, domain, company_name, country, commerce_id, $3 \
         FROM partner_customers WHERE customer_id = $4 ORDER BY created_at LIMIT 1",
        &[id(partner), opt_id(associated), now.into(), id(customer)],
    )
    .await?;
    Ok(())
}
