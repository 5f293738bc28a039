//! The customer portal's accounts: the customer admin's sign-in (with a lockout after
//! failed attempts in a row), the password it must change at first, and its sessions.

use partnerdesk_domain::{CustomerId, CustomerUserId};
use time::OffsetDateTime;

use partnerdesk_domain::PartnerId;
use partnerdesk_domain::audit::{Action, Actor, Change};

use crate::Store;
use crate::db::{Row, Value, id};
use crate::error::StoreError;
use crate::ops::activity;
use crate::ops::customers::customer_for;

/// The customer's admin account as its sign-in reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerUser {
    pub id: CustomerUserId,
    pub customer_id: CustomerId,
    pub user_name: String,
    pub company_name: String,
    pub must_change_password: bool,
    /// Set by [`Store::record_failed_customer_sign_in`]; sign-ins are now locked by
    /// [`Store::count_sign_in_attempt`].
    pub locked_until: Option<OffsetDateTime>,
}

/// A customer user as its partner's Users tab shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerAccount {
    pub id: CustomerUserId,
    pub user_name: String,
    /// Still on a temporary password, which must be changed at the next sign-in.
    pub must_change_password: bool,
    pub created_at: OffsetDateTime,
    pub last_signed_in_at: Option<OffsetDateTime>,
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

    /// Replaces the customer admin's password (after the first sign-in's forced change)
    /// and ends the admin's sessions but `keep` (the digest of the session that changed
    /// it), in one transaction.
    pub async fn set_customer_password(
        &self,
        user: CustomerUserId,
        password_hash: String,
        keep: Option<Vec<u8>>,
    ) -> Result<(), StoreError> {
        self.write_with((password_hash, keep), move |c, (hash, keep)| {
            Box::pin(async move {
                c.execute(
                    "UPDATE customer_users SET password_hash = $1, must_change_password = $2 WHERE id = $3",
                    &[Value::from(hash), false.into(), id(user)],
                )
                .await?;
                match keep {
                    Some(keep) => {
                        c.execute(
                            "DELETE FROM customer_sessions WHERE user_id = $1 AND id_hash <> $2",
                            &[id(user), Value::from(keep.as_slice())],
                        )
                        .await?
                    }
                    None => {
                        c.execute("DELETE FROM customer_sessions WHERE user_id = $1", &[id(user)])
                            .await?
                    }
                };
                Ok(())
            })
        })
        .await
    }

    /// Counts a failed sign-in; the `limit`th in a row locks the account for `lockout`.
    /// Superseded by [`Store::count_sign_in_attempt`]: the customer portal no longer calls
    /// this.
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
                    "UPDATE customer_users SET failed_sign_ins = 0, locked_until = NULL, last_signed_in_at = $2 WHERE id = $1",
                    &[id(user), now.into()],
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

    /// The users of a customer the viewer sees, by user name.
    pub async fn customer_accounts(
        &self,
        viewer: PartnerId,
        customer: CustomerId,
    ) -> Result<Vec<CustomerAccount>, StoreError> {
        self.read(move |c| {
            Box::pin(async move {
                customer_for(c, viewer, customer).await?;
                let rows = c
                    .fetch_all(
                        "SELECT id, user_name, must_change_password, created_at, last_signed_in_at \
                         FROM customer_users WHERE customer_id = $1 ORDER BY user_name",
                        &[id(customer)],
                    )
                    .await?;
                rows.iter()
                    .map(|row| {
                        Ok(CustomerAccount {
                            id: row.uuid("id")?,
                            user_name: row.text("user_name")?,
                            must_change_password: row.bool("must_change_password")?,
                            created_at: row.time("created_at")?,
                            last_signed_in_at: row.opt_time("last_signed_in_at")?,
                        })
                    })
                    .collect()
            })
        })
        .await
    }

    /// Gives a user of a customer the viewer sees a new temporary password, to be changed
    /// at the next sign-in: unlocks it, ends its sessions and records who did it, in one
    /// transaction.
    pub async fn reset_customer_password(
        &self,
        viewer: PartnerId,
        customer: CustomerId,
        user: CustomerUserId,
        password_hash: String,
        actor: Actor,
    ) -> Result<(), StoreError> {
        self.write_with((password_hash, actor), move |c, (hash, actor)| {
            Box::pin(async move {
                let current = customer_for(c, viewer, customer).await?;
                let row = c
                    .fetch_optional(
                        "SELECT user_name FROM customer_users WHERE id = $1 AND customer_id = $2",
                        &[id(user), id(customer)],
                    )
                    .await?
                    .ok_or(StoreError::NotFound)?;
                c.execute(
                    "UPDATE customer_users SET password_hash = $1, must_change_password = $2, failed_sign_ins = 0, \
                     locked_until = NULL WHERE id = $3",
                    &[Value::from(hash), true.into(), id(user)],
                )
                .await?;
                c.execute("DELETE FROM customer_sessions WHERE user_id = $1", &[id(user)])
                    .await?;
                let change = Change::new(viewer, Action::CustomerPasswordReset)
                    .customer(customer, current.associated_partner_id)
                    .detail("userName", row.text("user_name")?);
                activity::record(c, actor, &change).await?;
                Ok(())
            })
        })
        .await
    }
}
