//! The partner portal's sessions, sign-in throttling, and what a signed-in user prefers.
//! The sweep of expired sessions covers the customer portal's too.

use partnerdesk_domain::PartnerUserId;
use partnerdesk_domain::audit::{Action, Actor, Change};
use partnerdesk_domain::partner::PartnerUser;
use time::{Duration, OffsetDateTime};

use crate::db::{Value, id};
use crate::error::StoreError;
use crate::ops::partners::{PARTNER_COLUMNS, USER_COLUMNS, partner_domains, partner_from, user_from};
use crate::ops::{activity, sign_ins};
use crate::{Principal, Store};

/// A signed-in session, as a request finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub principal: Principal,
    pub created_at: OffsetDateTime,
    pub seen_at: OffsetDateTime,
    pub expires_at: OffsetDateTime,
}

/// What signing in checks: the user, the password hash, and the throttling state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignInRecord {
    pub user: PartnerUser,
    pub password_hash: String,
    pub failed_sign_ins: u32,
    pub locked_until: Option<OffsetDateTime>,
}

impl Store {
    /// Starts a session; `id_hash` is the SHA-256 of the cookie's value.
    pub async fn create_session(
        &self,
        user: PartnerUserId,
        id_hash: Vec<u8>,
        now: OffsetDateTime,
        expires_at: OffsetDateTime,
    ) -> Result<(), StoreError> {
        self.write_with(id_hash, move |c, hash| {
            Box::pin(async move {
                c.execute(
                    "INSERT INTO sessions (id_hash, user_id, created_at, seen_at, expires_at) VALUES ($1, $2, $3, $3, $4)",
                    &[Value::from(hash.as_slice()), id(user), now.into(), expires_at.into()],
                )
                .await?;
                Ok(())
            })
        })
        .await
    }

    /// The live session with this id digest, if it hasn't expired and its user is active.
    pub async fn session(
        &self,
        id_hash: Vec<u8>,
        now: OffsetDateTime,
    ) -> Result<Option<Session>, StoreError> {
        self.read_with(id_hash, move |c, hash| {
            Box::pin(async move {
                let sql = format!(
                    "SELECT {USER_COLUMNS}, {PARTNER_COLUMNS}, s.created_at, s.seen_at, s.expires_at FROM sessions s \
                     JOIN partner_users u ON u.id = s.user_id JOIN partners p ON p.id = u.partner_id \
                     WHERE s.id_hash = $1 AND s.expires_at > $2"
                );
                let Some(row) = c.fetch_optional(&sql, &[Value::from(hash.as_slice()), now.into()]).await? else {
                    return Ok(None);
                };
                let user = user_from(&row)?;
                if !user.active {
                    return Ok(None);
                }
                let partner = partner_from(&row)?;
                let partner_domains = partner_domains(c, partner.id).await?;
                Ok(Some(Session {
                    principal: Principal {
                        user,
                        partner,
                        partner_domains,
                    },
                    created_at: row.time("created_at")?,
                    seen_at: row.time("seen_at")?,
                    expires_at: row.time("expires_at")?,
                }))
            })
        })
        .await
    }

    /// Records activity and moves the expiry.
    pub async fn touch_session(
        &self,
        id_hash: Vec<u8>,
        now: OffsetDateTime,
        expires_at: OffsetDateTime,
    ) -> Result<(), StoreError> {
        self.write_with(id_hash, move |c, hash| {
            Box::pin(async move {
                c.execute(
                    "UPDATE sessions SET seen_at = $2, expires_at = $3 WHERE id_hash = $1",
                    &[Value::from(hash.as_slice()), now.into(), expires_at.into()],
                )
                .await?;
                Ok(())
            })
        })
        .await
    }

    pub async fn end_session(&self, id_hash: Vec<u8>) -> Result<(), StoreError> {
        self.write_with(id_hash, move |c, hash| {
            Box::pin(async move {
                c.execute(
                    "DELETE FROM sessions WHERE id_hash = $1",
                    &[Value::from(hash.as_slice())],
                )
                .await?;
                Ok(())
            })
        })
        .await
    }

    /// Deletes expired sessions, the partners' and the customer portal's; returns how many.
    /// Also forgets idle counts of sign-in attempts ([`crate::SignInAttempt`]).
    pub async fn sweep_sessions(&self, now: OffsetDateTime) -> Result<u64, StoreError> {
        self.write(move |c| {
            Box::pin(async move {
                let partners = c
                    .execute("DELETE FROM sessions WHERE expires_at <= $1", &[now.into()])
                    .await?;
                let customers = c
                    .execute(
                        "DELETE FROM customer_sessions WHERE expires_at <= $1",
                        &[now.into()],
                    )
                    .await?;
                sign_ins::sweep(c, now).await?;
                Ok(partners + customers)
            })
        })
        .await
    }

    /// What signing in with this email needs to check, if such a user exists.
    pub async fn sign_in_record(&self, email: &str) -> Result<Option<SignInRecord>, StoreError> {
        let email = email.trim().to_lowercase();
        self.read_with(email, move |c, email| {
            Box::pin(async move {
                let sql = format!(
                    "SELECT {USER_COLUMNS}, u.password_hash, u.failed_sign_ins, u.locked_until FROM partner_users u WHERE u.email = $1"
                );
                let Some(row) = c.fetch_optional(&sql, &[Value::from(email)]).await? else {
                    return Ok(None);
                };
                Ok(Some(SignInRecord {
                    user: user_from(&row)?,
                    password_hash: row.text("password_hash")?,
                    failed_sign_ins: row.u32("failed_sign_ins")?,
                    locked_until: row.opt_time("locked_until")?,
                }))
            })
        })
        .await
    }

    /// Counts a failed sign-in; the `limit`th in a row locks the user out until
    /// `now + lockout` and starts the count again. Superseded by
    /// [`Store::count_sign_in_attempt`], which counts before the password is checked and
    /// for unknown names too: the portals no longer call this.
    pub async fn record_failed_sign_in(
        &self,
        user: PartnerUserId,
        now: OffsetDateTime,
        limit: u32,
        lockout: Duration,
    ) -> Result<(), StoreError> {
        self.write(move |c| {
            Box::pin(async move {
                c.execute(
                    "UPDATE partner_users SET \
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

    /// Clears the failed sign-ins after a successful one and records the sign-in.
    pub async fn record_sign_in(&self, user: &PartnerUser, actor: Actor) -> Result<(), StoreError> {
        let (user_id, partner) = (user.id, user.partner_id);
        self.write_with(actor, move |c, actor| {
            Box::pin(async move {
                c.execute(
                    "UPDATE partner_users SET failed_sign_ins = 0, locked_until = NULL, last_signed_in_at = $2 WHERE id = $1",
                    &[id(user_id), OffsetDateTime::now_utc().into()],
                )
                .await?;
                activity::record(c, actor, &Change::new(partner, Action::SignedIn)).await
            })
        })
        .await
    }

    /// Remembers the interface language a user chose (`None` to follow the browser).
    pub async fn set_partner_user_locale(
        &self,
        user: PartnerUserId,
        locale: Option<String>,
    ) -> Result<(), StoreError> {
        self.write_with(locale, move |c, locale| {
            Box::pin(async move {
                c.execute(
                    "UPDATE partner_users SET locale = $2 WHERE id = $1",
                    &[id(user), Value::from(locale)],
                )
                .await?;
                Ok(())
            })
        })
        .await
    }

    /// Remembers what a user chose for themselves: their name, and the time zone to read
    /// times in (`None` to follow the browser).
    pub async fn set_partner_user_settings(
        &self,
        user: PartnerUserId,
        name: Option<String>,
        time_zone: Option<String>,
    ) -> Result<(), StoreError> {
        self.write_with((name, time_zone), move |c, (name, zone)| {
            Box::pin(async move {
                c.execute(
                    "UPDATE partner_users SET name = $2, time_zone = $3 WHERE id = $1",
                    &[
                        id(user),
                        Value::from(name.as_deref()),
                        Value::from(zone.as_deref()),
                    ],
                )
                .await?;
                Ok(())
            })
        })
        .await
    }
}
