//! Partners, the links between indirect providers and resellers, and partner users:
//! creating one, setting its password, finding it by email. Also [`Principal`], who an API
//! token or a portal session belongs to, and the column lists and decoders of partners
//! and users that the other modules share.

use partnerdesk_domain::audit::{Action, Actor, Change};
use partnerdesk_domain::partner::{Partner, PartnerKind, PartnerUser, Role};
use partnerdesk_domain::{Field, FieldError, PartnerId, PartnerUserId, Rule};
use rand::RngExt;
use time::OffsetDateTime;

use crate::Store;
use crate::db::{Conn, Row, Value, id};
use crate::error::StoreError;
use crate::ops::activity;

/// The advisory lock [`Store::create_first_partner`] takes on PostgreSQL ("pdfirstp").
const FIRST_PARTNER_LOCK: i64 = 0x7064_6669_7273_7470;

/// Who an API token or a session belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub user: PartnerUser,
    pub partner: Partner,
    /// The email domains of the partner's users: a customer's contact can't be at one.
    pub partner_domains: Vec<String>,
}

/// The columns [`partner_from`] reads, from `partners p`, aliased so that they can share a
/// select list with [`USER_COLUMNS`].
pub(crate) const PARTNER_COLUMNS: &str = "p.id AS partner_id, p.name AS partner_name, p.kind AS partner_kind, \
    p.mpn_id AS partner_mpn_id, p.created_at AS partner_created_at";
/// The columns [`user_from`] reads, from `partner_users u`, aliased so that they can share
/// a select list with [`PARTNER_COLUMNS`].
pub(crate) const USER_COLUMNS: &str = "u.id AS user_id, u.partner_id AS user_partner_id, u.email AS user_email, u.name AS user_name, \
    u.role AS user_role, u.active AS user_active, u.locale AS user_locale, u.time_zone AS user_time_zone, \
    u.last_signed_in_at AS user_last_signed_in_at";

pub(crate) fn partner_from(row: &Row) -> Result<Partner, StoreError> {
    Ok(Partner {
        id: row.uuid("partner_id")?,
        name: row.text("partner_name")?,
        kind: row
            .text("partner_kind")?
            .parse()
            .map_err(|e: String| StoreError::Internal(e))?,
        mpn_id: row.text("partner_mpn_id")?,
        created_at: row.time("partner_created_at")?,
    })
}

pub(crate) fn user_from(row: &Row) -> Result<PartnerUser, StoreError> {
    Ok(PartnerUser {
        id: row.uuid("user_id")?,
        partner_id: row.uuid("user_partner_id")?,
        email: row.text("user_email")?,
        name: row.opt_text("user_name")?,
        role: row
            .text("user_role")?
            .parse()
            .map_err(|e: String| StoreError::Internal(e))?,
        active: row.bool("user_active")?,
        locale: row.opt_text("user_locale")?,
        time_zone: row.opt_text("user_time_zone")?,
        last_signed_in_at: row.opt_time("user_last_signed_in_at")?,
    })
}

impl Store {
    /// Creates a partner with a new random 7-digit partner id (its "MPN id").
    pub async fn create_partner(&self, name: &str, kind: PartnerKind) -> Result<Partner, StoreError> {
        self.insert_partner(name, kind, false)
            .await?
            .ok_or_else(|| StoreError::Internal("a partner insert without an answer".into()))
    }

    /// Creates the first partner of an empty database, or answers `None` when the database
    /// has a partner already: what decides which of several instances starting together
    /// on a new database makes the demo. On PostgreSQL the check and the insert hold an
    /// advisory lock, so that two transactions can't both find the database empty.
    pub async fn create_first_partner(
        &self,
        name: &str,
        kind: PartnerKind,
    ) -> Result<Option<Partner>, StoreError> {
        self.insert_partner(name, kind, true).await
    }

    async fn insert_partner(
        &self,
        name: &str,
        kind: PartnerKind,
        first: bool,
    ) -> Result<Option<Partner>, StoreError> {
        let name = name.trim().to_owned();
        let rule = match name.chars().count() {
            0 => Some(Rule::Required),
            256.. => Some(Rule::TooLong { max: 255 }),
            _ => None,
        };
        if let Some(rule) = rule {
            return Err(StoreError::Invalid(vec![FieldError::new(
                Field::CompanyName,
                rule,
            )]));
        }
        for _ in 0..8 {
            let partner = Partner {
                id: PartnerId::new(),
                name: name.clone(),
                kind,
                mpn_id: new_mpn_id(),
                created_at: partnerdesk_domain::onboarding::truncate_to_micros(OffsetDateTime::now_utc()),
            };
            let inserted = self
                .write_with(partner.clone(), move |c, p| {
                    Box::pin(async move {
                        if first {
                            if !c.is_sqlite() {
                                // Held until the transaction ends: the check below reads
                                // what an instance that held it before committed.
                                c.execute("SELECT pg_advisory_xact_lock($1)", &[FIRST_PARTNER_LOCK.into()])
                                    .await?;
                            }
                            if c.fetch_optional("SELECT 1 FROM partners LIMIT 1", &[]).await?.is_some() {
                                return Ok(None);
                            }
                        }
                        let changed = c
                            .execute(
                                "INSERT INTO partners (id, name, kind, mpn_id, created_at) VALUES ($1, $2, $3, $4, $5) \
                                 ON CONFLICT (mpn_id) DO NOTHING",
                                &[id(p.id), Value::from(&p.name), p.kind.as_str().into(), Value::from(&p.mpn_id), p.created_at.into()],
                            )
                            .await?;
                        Ok(Some(changed == 1))
                    })
                })
                .await?;
            match inserted {
                None => return Ok(None),
                Some(true) => return Ok(Some(partner)),
                Some(false) => {}
            }
        }
        Err(StoreError::Internal("no free partner id after 8 attempts".into()))
    }

    pub async fn partner(&self, partner: PartnerId) -> Result<Partner, StoreError> {
        self.read(move |c| Box::pin(async move { partner_by_id(c, partner).await }))
            .await
    }

    /// Whether any partner exists (an empty database gets the demo).
    pub async fn has_partners(&self) -> Result<bool, StoreError> {
        self.read(|c| {
            Box::pin(async move {
                Ok(c.fetch_optional("SELECT 1 FROM partners LIMIT 1", &[])
                    .await?
                    .is_some())
            })
        })
        .await
    }

    /// Links an indirect reseller to an indirect provider.
    pub async fn link_reseller(&self, provider: PartnerId, reseller: PartnerId) -> Result<(), StoreError> {
        self.write(move |c| {
            Box::pin(async move {
                let p = partner_by_id(c, provider).await?;
                let r = partner_by_id(c, reseller).await?;
                if p.kind != PartnerKind::IndirectProvider || r.kind != PartnerKind::IndirectReseller {
                    return Err(StoreError::Invalid(vec![FieldError::new(
                        Field::AssociatedPartnerId,
                        Rule::ResellerUnknown,
                    )]));
                }
                c.execute(
                    "INSERT INTO reseller_links (provider_id, reseller_id, state, created_at) VALUES ($1, $2, 'active', $3)",
                    &[id(provider), id(reseller), OffsetDateTime::now_utc().into()],
                )
                .await?;
                Ok(())
            })
        })
        .await
    }

    /// The active indirect resellers of a provider, by name.
    pub async fn resellers_of(&self, provider: PartnerId) -> Result<Vec<Partner>, StoreError> {
        self.read(move |c| {
            Box::pin(async move {
                let sql = format!(
                    "SELECT {PARTNER_COLUMNS} FROM reseller_links l JOIN partners p ON p.id = l.reseller_id \
                     WHERE l.provider_id = $1 AND l.state = 'active' ORDER BY p.name, p.id"
                );
                let rows = c.fetch_all(&sql, &[id(provider)]).await?;
                rows.iter().map(partner_from).collect()
            })
        })
        .await
    }

    /// The indirect providers a reseller sells through, by name.
    pub async fn providers_of(&self, reseller: PartnerId) -> Result<Vec<Partner>, StoreError> {
        self.read(move |c| {
            Box::pin(async move {
                let sql = format!(
                    "SELECT {PARTNER_COLUMNS} FROM reseller_links l JOIN partners p ON p.id = l.provider_id \
                     WHERE l.reseller_id = $1 AND l.state = 'active' ORDER BY p.name, p.id"
                );
                let rows = c.fetch_all(&sql, &[id(reseller)]).await?;
                rows.iter().map(partner_from).collect()
            })
        })
        .await
    }

    /// Adds a user to a partner. `email` must be checked and lower-case.
    pub async fn create_partner_user(
        &self,
        partner: PartnerId,
        email: &str,
        role: Role,
        password_hash: String,
        actor: Actor,
    ) -> Result<PartnerUser, StoreError> {
        let email = email.to_lowercase();
        let user = PartnerUser {
            id: PartnerUserId::new(),
            partner_id: partner,
            email: email.clone(),
            name: None,
            role,
            active: true,
            locale: None,
            time_zone: None,
            last_signed_in_at: None,
        };
        self.write_with((user.clone(), password_hash, actor), |c, (u, hash, actor)| {
            Box::pin(async move {
                partner_by_id(c, u.partner_id).await?;
                insert_user(c, u, hash, OffsetDateTime::now_utc()).await?;
                let change = Change::new(u.partner_id, Action::UserCreated)
                    .detail("email", &u.email)
                    .detail("role", u.role);
                activity::record(c, actor, &change).await
            })
        })
        .await?;
        Ok(user)
    }

    /// Replaces a partner user's password hash and ends the user's sessions, in one
    /// transaction.
    pub async fn set_partner_user_password(
        &self,
        email: &str,
        password_hash: String,
        actor: Actor,
    ) -> Result<PartnerUser, StoreError> {
        self.write_with(
            (email.trim().to_lowercase(), password_hash, actor),
            move |c, (email, hash, actor)| {
                Box::pin(async move {
                    let user = user_by_email(c, email).await?;
                    c.execute(
                        "UPDATE partner_users SET password_hash = $1 WHERE id = $2",
                        &[Value::from(hash), id(user.id)],
                    )
                    .await?;
                    end_sessions(c, user.id).await?;
                    let change =
                        Change::new(user.partner_id, Action::PasswordSet).detail("email", &user.email);
                    activity::record(c, actor, &change).await?;
                    Ok(user)
                })
            },
        )
        .await
    }

    /// A partner user by email, with the stored password hash (for signing in).
    pub async fn partner_user_by_email(&self, email: &str) -> Result<(PartnerUser, String), StoreError> {
        let email = email.trim().to_lowercase();
        self.read_with(email, move |c, email| {
            Box::pin(async move {
                let user = user_by_email(c, email).await?;
                let hash = c
                    .fetch_one(
                        "SELECT password_hash FROM partner_users WHERE id = $1",
                        &[id(user.id)],
                    )
                    .await?
                    .text("password_hash")?;
                Ok((user, hash))
            })
        })
        .await
    }
}

/// Inserts an active user; `password_hash` `!` is one nobody can sign in with (yet).
pub(crate) async fn insert_user(
    c: &mut Conn<'_>,
    u: &PartnerUser,
    password_hash: &str,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let domain = u.email.rsplit_once('@').map_or("", |(_, d)| d);
    c.execute(
        "INSERT INTO partner_users (id, partner_id, email, email_domain, role, password_hash, active, created_at, name) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        &[
            id(u.id),
            id(u.partner_id),
            Value::from(&u.email),
            Value::from(domain),
            u.role.as_str().into(),
            Value::from(password_hash),
            u.active.into(),
            now.into(),
            Value::from(u.name.as_deref()),
        ],
    )
    .await?;
    Ok(())
}

/// A random 7-digit public partner id ("MPN id"); callers retry on a collision.
pub(crate) fn new_mpn_id() -> String {
    rand::rng().random_range(1_000_000..10_000_000u32).to_string()
}

pub(crate) async fn partner_by_id(c: &mut Conn<'_>, partner: PartnerId) -> Result<Partner, StoreError> {
    let sql = format!("SELECT {PARTNER_COLUMNS} FROM partners p WHERE p.id = $1");
    let row = c
        .fetch_optional(&sql, &[id(partner)])
        .await?
        .ok_or(StoreError::NotFound)?;
    partner_from(&row)
}

async fn user_by_email(c: &mut Conn<'_>, email: &str) -> Result<PartnerUser, StoreError> {
    let sql = format!("SELECT {USER_COLUMNS} FROM partner_users u WHERE u.email = $1");
    let row = c
        .fetch_optional(&sql, &[email.into()])
        .await?
        .ok_or(StoreError::NotFound)?;
    user_from(&row)
}

pub(crate) async fn partner_domains(c: &mut Conn<'_>, partner: PartnerId) -> Result<Vec<String>, StoreError> {
    let rows = c
        .fetch_all(
            "SELECT DISTINCT email_domain FROM partner_users WHERE partner_id = $1 ORDER BY email_domain",
            &[id(partner)],
        )
        .await?;
    rows.iter().map(|r| r.text("email_domain")).collect()
}

/// Ends every session of a user whose password changed.
pub(crate) async fn end_sessions(c: &mut Conn<'_>, user: PartnerUserId) -> Result<(), StoreError> {
    c.execute("DELETE FROM sessions WHERE user_id = $1", &[id(user)])
        .await?;
    Ok(())
}
