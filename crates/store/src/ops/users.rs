//! A partner's users as its admin agents manage them: invitations with a one-time
//! set-password link (also of a new reseller with its admin agent), role changes and
//! deactivation (never of the last active admin agent). Each change is in the activity
//! log. Their API tokens are in [`super::tokens`].

use partnerdesk_domain::audit::{Action, Actor, Change};
use partnerdesk_domain::mail::{Mail, SUBJECT};
use partnerdesk_domain::onboarding::truncate_to_micros;
use partnerdesk_domain::partner::{Partner, PartnerKind, PartnerUser, Role};
use partnerdesk_domain::{Field, FieldError, PartnerId, PartnerUserId, Rule};
use time::OffsetDateTime;

use crate::Store;
use crate::db::{Conn, Value, id};
use crate::error::StoreError;
use crate::ops::partners::{USER_COLUMNS, end_sessions, insert_user, new_mpn_id, partner_by_id, user_from};
use crate::ops::{activity, outbox};

/// A one-time link as it is kept: its token's digest, and until when it works.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkDigest {
    pub digest: Vec<u8>,
    pub expires_at: OffsetDateTime,
}

/// Who is invited: their email, name (if given) and role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitee<'a> {
    pub email: &'a str,
    pub name: Option<String>,
    pub role: Role,
}

impl Store {
    /// The partner's users by email.
    pub async fn partner_users(&self, partner: PartnerId) -> Result<Vec<PartnerUser>, StoreError> {
        self.read(move |c| {
            Box::pin(async move {
                let sql = format!(
                    "SELECT {USER_COLUMNS} FROM partner_users u WHERE u.partner_id = $1 ORDER BY u.email"
                );
                let rows = c.fetch_all(&sql, &[id(partner)]).await?;
                rows.iter().map(user_from).collect()
            })
        })
        .await
    }

    /// Adds a user who can't sign in until they set a password with the link whose digest
    /// is `link`'s.
    pub async fn invite_partner_user(
        &self,
        partner: PartnerId,
        invitee: Invitee<'_>,
        link: LinkDigest,
        mail: Mail,
        actor: Actor,
    ) -> Result<PartnerUser, StoreError> {
        let user = PartnerUser {
            id: PartnerUserId::new(),
            partner_id: partner,
            email: invitee.email.trim().to_lowercase(),
            name: invitee.name,
            role: invitee.role,
            active: true,
            locale: None,
            time_zone: None,
            last_signed_in_at: None,
        };
        let mail = mail.arg(SUBJECT, user.id);
        self.write_with(
            (user.clone(), link, mail, actor),
            move |c, (u, link, mail, actor)| {
                Box::pin(async move {
                    let now = OffsetDateTime::now_utc();
                    insert_invited(c, u, link, now).await?;
                    let mut change = Change::new(u.partner_id, Action::UserInvited)
                        .detail("email", &u.email)
                        .detail("role", u.role);
                    if let Some(name) = &u.name {
                        change = change.detail("name", name);
                    }
                    activity::record(c, actor, &change).await?;
                    outbox::enqueue(c, std::slice::from_ref(mail)).await
                })
            },
        )
        .await?;
        Ok(user)
    }

    /// Creates an indirect reseller of `provider`, linked to it, with an admin agent who
    /// sets a password with `link`: all in one transaction.
    pub async fn invite_reseller(
        &self,
        provider: PartnerId,
        name: &str,
        admin_email: &str,
        link: LinkDigest,
        mail: Mail,
        actor: Actor,
    ) -> Result<Partner, StoreError> {
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
        let email = admin_email.trim().to_lowercase();
        self.write_with((name, email, link, mail, actor), move |c, (name, email, link, mail, actor)| {
            Box::pin(async move {
                let kind = partner_by_id(c, provider).await?.kind;
                if kind != PartnerKind::IndirectProvider {
                    return Err(StoreError::Invalid(vec![FieldError::new(Field::AssociatedPartnerId, Rule::IndirectModelUnavailable)]));
                }
                let now = truncate_to_micros(OffsetDateTime::now_utc());
                let mut reseller = None;
                for _ in 0..8 {
                    let candidate = Partner {
                        id: PartnerId::new(),
                        name: name.clone(),
                        kind: PartnerKind::IndirectReseller,
                        mpn_id: new_mpn_id(),
                        created_at: now,
                    };
                    let taken = c
                        .fetch_optional("SELECT 1 FROM partners WHERE mpn_id = $1", &[Value::from(&candidate.mpn_id)])
                        .await?;
                    if taken.is_none() {
                        reseller = Some(candidate);
                        break;
                    }
                }
                let reseller = reseller.ok_or_else(|| StoreError::Internal("no free partner id".into()))?;
                c.execute(
                    "INSERT INTO partners (id, name, kind, mpn_id, created_at) VALUES ($1, $2, $3, $4, $5)",
                    &[
                        id(reseller.id),
                        Value::from(&reseller.name),
                        reseller.kind.as_str().into(),
                        Value::from(&reseller.mpn_id),
                        now.into(),
                    ],
                )
                .await?;
                c.execute(
                    "INSERT INTO reseller_links (provider_id, reseller_id, state, created_at) VALUES ($1, $2, 'active', $3)",
                    &[id(provider), id(reseller.id), now.into()],
                )
                .await?;
                let admin = PartnerUser {
                    id: PartnerUserId::new(),
                    partner_id: reseller.id,
                    email: email.clone(),
                    name: None,
                    role: Role::AdminAgent,
                    active: true,
                    locale: None,
                    time_zone: None,
                    last_signed_in_at: None,
                };
                insert_invited(c, &admin, link, now).await?;
                let mut change = Change::new(provider, Action::ResellerInvited)
                    .detail("reseller", &reseller.name)
                    .detail("mpnId", &reseller.mpn_id)
                    .detail("adminEmail", email);
                change.reseller_id = Some(reseller.id);
                activity::record(c, actor, &change).await?;
                outbox::enqueue(c, &[mail.clone().arg(SUBJECT, admin.id)]).await?;
                Ok(reseller)
            })
        })
        .await
    }

    /// The user a set-password link (by its token's digest) is for, if it is unused and
    /// unexpired.
    pub async fn password_link_user(
        &self,
        token_hash: Vec<u8>,
        now: OffsetDateTime,
    ) -> Result<PartnerUser, StoreError> {
        self.read_with(token_hash, move |c, hash| {
            Box::pin(async move { link_user(c, hash, now).await })
        })
        .await
    }

    /// Sets the password of the link's user, uses the link up and ends the user's sessions,
    /// in one transaction.
    pub async fn use_password_link(
        &self,
        token_hash: Vec<u8>,
        password_hash: String,
        now: OffsetDateTime,
        address: Option<String>,
    ) -> Result<PartnerUser, StoreError> {
        self.write_with(
            (token_hash, password_hash, address),
            move |c, (link, password, address)| {
                Box::pin(async move {
                    let user = link_user(c, link, now).await?;
                    // Unused is checked again as the row is written: of two uses at once,
                    // the second finds the link used.
                    let used = c
                        .execute(
                            "UPDATE password_links SET used_at = $1 \
                             WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1",
                            &[now.into(), Value::from(link.as_slice())],
                        )
                        .await?;
                    if used == 0 {
                        return Err(StoreError::NotFound);
                    }
                    c.execute(
                        "UPDATE partner_users SET password_hash = $1 WHERE id = $2",
                        &[Value::from(password), id(user.id)],
                    )
                    .await?;
                    end_sessions(c, user.id).await?;
                    let actor = Actor {
                        user_id: Some(user.id.as_uuid()),
                        name: user.email.clone(),
                        channel: partnerdesk_domain::audit::Channel::Portal,
                        address: address.clone(),
                    };
                    let change =
                        Change::new(user.partner_id, Action::PasswordSet).detail("email", &user.email);
                    activity::record(c, &actor, &change).await?;
                    Ok(user)
                })
            },
        )
        .await
    }

    /// The partner's users who haven't set a password yet, with until when their newest
    /// unused link works (`None`: every link has expired or was revoked).
    pub async fn pending_invitations(
        &self,
        partner: PartnerId,
    ) -> Result<Vec<(PartnerUserId, Option<OffsetDateTime>)>, StoreError> {
        self.read(move |c| {
            Box::pin(async move {
                let rows = c
                    .fetch_all(
                        "SELECT u.id, MAX(l.expires_at) AS until FROM partner_users u \
                         LEFT JOIN password_links l ON l.user_id = u.id AND l.used_at IS NULL AND l.expires_at > $2 \
                         WHERE u.partner_id = $1 AND u.password_hash = '!' GROUP BY u.id",
                        &[id(partner), OffsetDateTime::now_utc().into()],
                    )
                    .await?;
                rows.iter()
                    .map(|r| Ok((r.uuid("id")?, r.opt_time("until")?)))
                    .collect()
            })
        })
        .await
    }

    /// Invites again a user of `partner` who hasn't set a password: active again, with a
    /// new `link` and its `mail` (whose subject is the user). Anyone else is
    /// [`StoreError::NotFound`].
    pub async fn resend_invitation(
        &self,
        partner: PartnerId,
        user: PartnerUserId,
        link: LinkDigest,
        mail: Mail,
        actor: Actor,
    ) -> Result<(), StoreError> {
        let mail = mail.arg(SUBJECT, user);
        self.write_with((link, mail, actor), move |c, (link, mail, actor)| {
            Box::pin(async move {
                let email = invited(c, partner, user).await?;
                let now = OffsetDateTime::now_utc();
                c.execute("UPDATE partner_users SET active = $2 WHERE id = $1", &[id(user), true.into()])
                    .await?;
                c.execute(
                    "INSERT INTO password_links (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
                    &[Value::from(link.digest.as_slice()), id(user), now.into(), link.expires_at.into()],
                )
                .await?;
                let change = Change::new(partner, Action::UserInvitationResent).detail("email", &email);
                activity::record(c, actor, &change).await?;
                outbox::enqueue(c, std::slice::from_ref(mail)).await
            })
        })
        .await
    }

    /// Revokes the invitation of a user of `partner` who hasn't set a password: every link
    /// of theirs stops working, and the user is deactivated (a mail still waiting sends
    /// nothing).
    pub async fn revoke_invitation(
        &self,
        partner: PartnerId,
        user: PartnerUserId,
        actor: Actor,
    ) -> Result<(), StoreError> {
        self.write_with(actor, move |c, actor| {
            Box::pin(async move {
                let email = invited(c, partner, user).await?;
                let now = OffsetDateTime::now_utc();
                c.execute(
                    "UPDATE password_links SET expires_at = $2 WHERE user_id = $1 AND used_at IS NULL AND expires_at > $2",
                    &[id(user), now.into()],
                )
                .await?;
                c.execute("UPDATE partner_users SET active = $2 WHERE id = $1", &[id(user), false.into()])
                    .await?;
                let change = Change::new(partner, Action::UserInvitationRevoked).detail("email", &email);
                activity::record(c, actor, &change).await
            })
        })
        .await
    }

    /// Gives a user of `partner` a role and an active state. A partner keeps at least one
    /// active admin agent ([`Rule::LastAdmin`]).
    pub async fn change_partner_user(
        &self,
        partner: PartnerId,
        user: PartnerUserId,
        role: Role,
        active: bool,
        actor: Actor,
    ) -> Result<PartnerUser, StoreError> {
        self.write_with(actor, move |c, actor| {
            Box::pin(async move {
                // Concurrent changes to one partner's users wait for each other here, so
                // that two demotions can't both see the other admin still active.
                c.execute("UPDATE partners SET name = name WHERE id = $1", &[id(partner)])
                    .await?;
                let sql = format!("SELECT {USER_COLUMNS} FROM partner_users u WHERE u.id = $1 AND u.partner_id = $2");
                let row = c
                    .fetch_optional(&sql, &[id(user), id(partner)])
                    .await?
                    .ok_or(StoreError::NotFound)?;
                let current = user_from(&row)?;
                c.execute(
                    "UPDATE partner_users SET role = $1, active = $2 WHERE id = $3",
                    &[role.as_str().into(), active.into(), id(user)],
                )
                .await?;
                let admins = c
                    .fetch_one(
                        "SELECT COUNT(*) AS admins FROM partner_users WHERE partner_id = $1 AND role = 'admin-agent' AND active = $2",
                        &[id(partner), true.into()],
                    )
                    .await?
                    .int("admins")?;
                if admins == 0 {
                    let field = if active { Field::Role } else { Field::Email };
                    return Err(StoreError::Invalid(vec![FieldError::new(field, Rule::LastAdmin)]));
                }
                let change = |action| Change::new(partner, action).detail("email", &current.email);
                if role != current.role {
                    let detail = format!("{} → {role}", current.role);
                    activity::record(c, actor, &change(Action::UserRoleChanged).detail("role", detail)).await?;
                }
                if active != current.active {
                    let action = if active {
                        Action::UserReactivated
                    } else {
                        Action::UserDeactivated
                    };
                    activity::record(c, actor, &change(action)).await?;
                }
                Ok(PartnerUser { role, active, ..current })
            })
        })
        .await
    }
}

/// The email of `partner`'s user `user` if they haven't set a password yet, locking the
/// row for the change.
async fn invited(c: &mut Conn<'_>, partner: PartnerId, user: PartnerUserId) -> Result<String, StoreError> {
    let sql = format!(
        "SELECT email FROM partner_users WHERE id = $1 AND partner_id = $2 AND password_hash = '!'{}",
        c.for_update()
    );
    c.fetch_optional(&sql, &[id(user), id(partner)])
        .await?
        .ok_or(StoreError::NotFound)?
        .text("email")
}

/// Inserts a user who can't sign in until they set a password with the link whose
/// digest is `link`.
async fn insert_invited(
    c: &mut Conn<'_>,
    user: &PartnerUser,
    link: &LinkDigest,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    insert_user(c, user, "!", now).await?;
    c.execute(
        "INSERT INTO password_links (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
        &[
            Value::from(link.digest.as_slice()),
            id(user.id),
            now.into(),
            link.expires_at.into(),
        ],
    )
    .await?;
    Ok(())
}

async fn link_user(c: &mut Conn<'_>, hash: &[u8], now: OffsetDateTime) -> Result<PartnerUser, StoreError> {
    let sql = format!(
        "SELECT {USER_COLUMNS} FROM password_links l JOIN partner_users u ON u.id = l.user_id \
         WHERE l.token_hash = $1 AND l.used_at IS NULL AND l.expires_at > $2 AND u.active = $3"
    );
    let row = c
        .fetch_optional(&sql, &[Value::from(hash), now.into(), true.into()])
        .await?
        .ok_or(StoreError::NotFound)?;
    user_from(&row)
}
