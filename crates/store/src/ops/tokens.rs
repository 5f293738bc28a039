//! API tokens: created for a partner user and shown once (only their SHA-256 digest is
//! kept), listed, revoked, and looked up to authenticate an API request. Creating and
//! revoking one is in the activity log.

use partnerdesk_domain::audit::{Action, Actor, Change};
use partnerdesk_domain::partner::PartnerUser;
use partnerdesk_domain::{PartnerId, PartnerUserId, TokenId};
use time::OffsetDateTime;

use crate::Store;
use crate::db::{Value, id};
use crate::error::StoreError;
use crate::ops::activity;
use crate::ops::partners::{
    PARTNER_COLUMNS, Principal, USER_COLUMNS, partner_domains, partner_from, user_from,
};

/// An API token as its list shows it; the token itself is never kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenInfo {
    pub id: TokenId,
    pub user_id: PartnerUserId,
    pub user_email: String,
    pub name: String,
    pub created_at: OffsetDateTime,
    pub revoked_at: Option<OffsetDateTime>,
    /// After this, the token is refused as a revoked one is.
    pub expires_at: Option<OffsetDateTime>,
    /// When it last authenticated a request, to within [`USE_RECORDED_EVERY`].
    pub last_used_at: Option<OffsetDateTime>,
}

/// The holder of a token that authenticated, and when the token was last recorded in use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenHolder {
    pub principal: Principal,
    pub last_used_at: Option<OffsetDateTime>,
}

impl TokenHolder {
    /// Is the recorded use older than [`USE_RECORDED_EVERY`], so that this use is worth a
    /// write ([`Store::token_used`])?
    pub fn use_unrecorded(&self, now: OffsetDateTime) -> bool {
        self.last_used_at.is_none_or(|at| at < now - USE_RECORDED_EVERY)
    }
}

/// How stale a token's `last_used_at` may get before a use writes it again: one write a
/// minute at most, however busy the token.
pub const USE_RECORDED_EVERY: time::Duration = time::Duration::minutes(1);

impl Store {
    /// Records a new API token for a user; only the token's digest is kept.
    pub async fn create_api_token(
        &self,
        user: &PartnerUser,
        name: &str,
        token_hash: Vec<u8>,
        expires_at: Option<OffsetDateTime>,
        actor: Actor,
    ) -> Result<TokenId, StoreError> {
        let token = TokenId::new();
        self.write_with(
            (user.clone(), name.to_owned(), token_hash, actor),
            move |c, (user, name, hash, actor)| {
                Box::pin(async move {
                    c.execute(
                        "INSERT INTO api_tokens (id, user_id, token_hash, name, created_at, expires_at) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                        &[
                            id(token),
                            id(user.id),
                            Value::from(hash.as_slice()),
                            Value::from(name),
                            OffsetDateTime::now_utc().into(),
                            expires_at.into(),
                        ],
                    )
                    .await?;
                    let mut change = Change::new(user.partner_id, Action::TokenCreated)
                        .detail("tokenId", token)
                        .detail("name", name)
                        .detail("user", &user.email);
                    if let Some(expires) = expires_at {
                        change = change.detail("expiresAt", expires.date());
                    }
                    activity::record(c, actor, &change).await
                })
            },
        )
        .await?;
        Ok(token)
    }

    /// The active user and partner behind an API token (by its digest), if the token is
    /// known, not revoked and not expired.
    pub async fn authenticate_token(&self, token_hash: Vec<u8>) -> Result<Option<TokenHolder>, StoreError> {
        self.read_with(token_hash, move |c, hash| {
            Box::pin(async move {
                let sql = format!(
                    "SELECT {USER_COLUMNS}, {PARTNER_COLUMNS}, t.last_used_at FROM api_tokens t \
                     JOIN partner_users u ON u.id = t.user_id JOIN partners p ON p.id = u.partner_id \
                     WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2)"
                );
                let now = OffsetDateTime::now_utc();
                let Some(row) = c.fetch_optional(&sql, &[Value::from(hash.as_slice()), now.into()]).await? else {
                    return Ok(None);
                };
                let user = user_from(&row)?;
                if !user.active {
                    return Ok(None);
                }
                let partner = partner_from(&row)?;
                let partner_domains = partner_domains(c, partner.id).await?;
                Ok(Some(TokenHolder {
                    principal: Principal {
                        user,
                        partner,
                        partner_domains,
                    },
                    last_used_at: row.opt_time("last_used_at")?,
                }))
            })
        })
        .await
    }

    /// The partner's API tokens, newest first; only `user`'s when given.
    pub async fn api_tokens(
        &self,
        partner: PartnerId,
        user: Option<PartnerUserId>,
    ) -> Result<Vec<TokenInfo>, StoreError> {
        self.read(move |c| {
            Box::pin(async move {
                let mut sql = String::from(
                    "SELECT t.id, t.user_id, u.email AS user_email, t.name, t.created_at, t.revoked_at, t.expires_at, \
                     t.last_used_at FROM api_tokens t \
                     JOIN partner_users u ON u.id = t.user_id WHERE u.partner_id = $1",
                );
                let mut params = vec![id(partner)];
                if let Some(user) = user {
                    sql.push_str(" AND t.user_id = $2");
                    params.push(id(user));
                }
                sql.push_str(" ORDER BY t.created_at DESC, t.id DESC");
                let rows = c.fetch_all(&sql, &params).await?;
                rows.iter()
                    .map(|r| {
                        Ok(TokenInfo {
                            id: r.uuid("id")?,
                            user_id: r.uuid("user_id")?,
                            user_email: r.text("user_email")?,
                            name: r.text("name")?,
                            created_at: r.time("created_at")?,
                            revoked_at: r.opt_time("revoked_at")?,
                            expires_at: r.opt_time("expires_at")?,
                            last_used_at: r.opt_time("last_used_at")?,
                        })
                    })
                    .collect()
            })
        })
        .await
    }

    /// Records that a token (by its digest) authenticated a request at `now`, unless that
    /// was recorded less than [`USE_RECORDED_EVERY`] before.
    pub async fn token_used(&self, token_hash: Vec<u8>, now: OffsetDateTime) -> Result<(), StoreError> {
        self.write_with(token_hash, move |c, hash| {
            Box::pin(async move {
                c.execute(
                    "UPDATE api_tokens SET last_used_at = $2 WHERE token_hash = $1 \
                     AND (last_used_at IS NULL OR last_used_at < $3)",
                    &[
                        Value::from(hash.as_slice()),
                        now.into(),
                        (now - USE_RECORDED_EVERY).into(),
                    ],
                )
                .await?;
                Ok(())
            })
        })
        .await
    }

    /// The partner whose user holds a token.
    pub async fn token_partner(&self, token: TokenId) -> Result<PartnerId, StoreError> {
        self.read(move |c| {
            Box::pin(async move {
                c.fetch_optional(
                    "SELECT u.partner_id FROM api_tokens t JOIN partner_users u ON u.id = t.user_id WHERE t.id = $1",
                    &[id(token)],
                )
                .await?
                .ok_or(StoreError::NotFound)?
                .uuid("partner_id")
            })
        })
        .await
    }

    /// Revokes a token of `partner` (of `user` only, when given). Revoking a revoked token
    /// changes nothing.
    pub async fn revoke_api_token(
        &self,
        partner: PartnerId,
        token: TokenId,
        user: Option<PartnerUserId>,
        actor: Actor,
    ) -> Result<(), StoreError> {
        self.write_with(actor, move |c, actor| {
            Box::pin(async move {
                let row = c
                    .fetch_optional(
                        "SELECT t.user_id, u.email, t.name, t.revoked_at FROM api_tokens t \
                         JOIN partner_users u ON u.id = t.user_id WHERE t.id = $1 AND u.partner_id = $2",
                        &[id(token), id(partner)],
                    )
                    .await?
                    .ok_or(StoreError::NotFound)?;
                let owner: PartnerUserId = row.uuid("user_id")?;
                if user.is_some_and(|u| u != owner) {
                    return Err(StoreError::NotFound);
                }
                if row.opt_time("revoked_at")?.is_some() {
                    return Ok(());
                }
                c.execute(
                    "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2",
                    &[OffsetDateTime::now_utc().into(), id(token)],
                )
                .await?;
                let change = Change::new(partner, Action::TokenRevoked)
                    .detail("tokenId", token)
                    .detail("name", row.text("name")?)
                    .detail("user", row.text("email")?);
                activity::record(c, actor, &change).await
            })
        })
        .await
    }
}
