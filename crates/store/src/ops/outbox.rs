//! The outbox (`outbox`): messages a change writes in its own transaction ([`enqueue`]),
//! claimed by the mail worker for a while, then marked sent or failed with the time of the
//! next attempt. A worker that dies after claiming loses nothing: the claim runs out and
//! another worker sends the message (at least once).

use partnerdesk_domain::mail::{Mail, MailKind, SecretLink};
use partnerdesk_domain::{Locale, PartnerId};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::Store;
use crate::db::{Conn, Row, Value, id};
use crate::error::StoreError;
use crate::ops::charges::corrupt;

/// A message as the outbox holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxMessage {
    pub id: Uuid,
    pub partner_id: PartnerId,
    pub kind: MailKind,
    pub recipient: String,
    pub locale: Locale,
    pub args: Vec<(String, String)>,
    pub created_at: OffsetDateTime,
    pub attempts: i64,
    pub next_attempt_at: OffsetDateTime,
    pub sent_at: Option<OffsetDateTime>,
    pub last_error: Option<String>,
}

const COLUMNS: &str = "id, partner_id, kind, recipient, locale, args, created_at, attempts, next_attempt_at, sent_at, last_error";

/// Writes `mails` to the outbox, in the caller's transaction.
pub(crate) async fn enqueue(c: &mut Conn<'_>, mails: &[Mail]) -> Result<(), StoreError> {
    let now = OffsetDateTime::now_utc();
    for mail in mails {
        let args: serde_json::Map<String, serde_json::Value> = mail
            .args
            .iter()
            .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
            .collect();
        let args = serde_json::Value::Object(args).to_string();
        c.insert(
            "INSERT INTO outbox (id, partner_id, kind, recipient, locale, args, created_at, next_attempt_at)",
            1,
            &[
                Value::Uuid(Some(Uuid::now_v7())),
                id(mail.partner),
                mail.kind.as_str().into(),
                Value::from(&mail.to),
                mail.locale.tag().into(),
                Value::from(&args),
                now.into(),
                now.into(),
            ],
        )
        .await?;
    }
    Ok(())
}

impl Store {
    /// Claims up to `limit` messages due at `now` for `lease`: no other worker takes them
    /// until then. Each claim counts as an attempt.
    pub async fn claim_mail(
        &self,
        now: OffsetDateTime,
        lease: Duration,
        limit: u32,
    ) -> Result<Vec<OutboxMessage>, StoreError> {
        self.write(move |c| {
            Box::pin(async move {
                // PostgreSQL: instances skip the rows another one is claiming. One statement
                // claims the whole batch.
                let lock = if c.is_sqlite() {
                    ""
                } else {
                    " FOR UPDATE SKIP LOCKED"
                };
                let sql = format!(
                    "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $2 WHERE id IN \
                     (SELECT id FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= $1 \
                      ORDER BY next_attempt_at LIMIT {limit}{lock}) RETURNING {COLUMNS}"
                );
                let rows = c.fetch_all(&sql, &[now.into(), (now + lease).into()]).await?;
                let mut claimed = rows.iter().map(message_from).collect::<Result<Vec<_>, _>>()?;
                // Oldest first.
                claimed.sort_by_key(|m| m.created_at);
                Ok(claimed)
            })
        })
        .await
    }

    /// Marks claimed messages sent, in one write.
    pub async fn mails_sent(&self, messages: Vec<Uuid>, at: OffsetDateTime) -> Result<(), StoreError> {
        if messages.is_empty() {
            return Ok(());
        }
        self.write_with(messages, move |c, messages| {
            Box::pin(async move {
                let mut params = vec![at.into()];
                params.extend(messages.iter().map(|m| Value::Uuid(Some(*m))));
                let list = (2..=params.len())
                    .map(|n| format!("${n}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let sql = format!("UPDATE outbox SET sent_at = $1, last_error = NULL WHERE id IN ({list})");
                c.execute(&sql, &params).await.map(|_| ())
            })
        })
        .await
    }

    /// Records a failed attempt and when to try again.
    pub async fn mail_failed(
        &self,
        message: Uuid,
        error: String,
        retry_at: OffsetDateTime,
    ) -> Result<(), StoreError> {
        self.write_with(error, move |c, error| {
            Box::pin(async move {
                c.execute(
                    "UPDATE outbox SET last_error = $2, next_attempt_at = $3 WHERE id = $1 AND sent_at IS NULL",
                    &[Value::Uuid(Some(message)), Value::from(error), retry_at.into()],
                )
                .await
                .map(|_| ())
            })
        })
        .await
    }

    /// Mints the one-time link of a message being sent: a set-password link for the user
    /// `subject` if they have not set a password yet (valid for `valid`), or a link to the
    /// invitation `subject` while it is pending (valid as long as it). Stores the link's
    /// digest `token_hash`; answers until when it works, or `None` when its subject no
    /// longer waits for it (the message then has nothing to say).
    pub async fn mint_mail_link(
        &self,
        link: SecretLink,
        subject: Uuid,
        token_hash: Vec<u8>,
        now: OffsetDateTime,
        valid: Duration,
    ) -> Result<Option<OffsetDateTime>, StoreError> {
        self.write_with(token_hash, move |c, hash| {
            Box::pin(async move {
                let subject_id = Value::Uuid(Some(subject));
                let until = match link {
                    SecretLink::SetPassword => c
                        .fetch_optional(
                            "SELECT 1 FROM partner_users WHERE id = $1 AND active = $2 AND password_hash = '!'",
                            &[subject_id, true.into()],
                        )
                        .await?
                        .map(|_| now + valid),
                    SecretLink::Invitation => c
                        .fetch_optional(
                            "SELECT expires_at FROM relationship_invitations WHERE id = $1 AND status = 'pending' AND expires_at > $2",
                            &[subject_id, now.into()],
                        )
                        .await?
                        .map(|row| row.time("expires_at"))
                        .transpose()?,
                };
                let Some(until) = until else {
                    return Ok(None);
                };
                let hash = Value::from(hash.as_slice());
                let (insert, params) = match link {
                    SecretLink::SetPassword => (
                        "INSERT INTO password_links (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
                        vec![hash, subject_id, now.into(), until.into()],
                    ),
                    SecretLink::Invitation => (
                        "INSERT INTO invitation_links (token_hash, invitation_id, created_at) VALUES ($1, $2, $3)",
                        vec![hash, subject_id, now.into()],
                    ),
                };
                c.execute(insert, &params).await?;
                Ok(Some(until))
            })
        })
        .await
    }

    /// The newest messages, of one partner or of all (`None`), unsent ones only if asked.
    pub async fn outbox(
        &self,
        partner: Option<PartnerId>,
        unsent_only: bool,
        limit: u32,
    ) -> Result<Vec<OutboxMessage>, StoreError> {
        self.read(move |c| {
            Box::pin(async move {
                let mut sql = format!("SELECT {COLUMNS} FROM outbox WHERE 1 = 1");
                let mut params = Vec::new();
                if let Some(partner) = partner {
                    params.push(id(partner));
                    sql.push_str(" AND partner_id = $1");
                }
                if unsent_only {
                    sql.push_str(" AND sent_at IS NULL");
                }
                sql.push_str(&format!(
                    " ORDER BY created_at DESC, id DESC LIMIT {}",
                    limit.clamp(1, 1000)
                ));
                let rows = c.fetch_all(&sql, &params).await?;
                rows.iter().map(message_from).collect()
            })
        })
        .await
    }
}

fn message_from(row: &Row) -> Result<OutboxMessage, StoreError> {
    let args: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&row.text("args")?).map_err(|_| corrupt("outbox.args"))?;
    Ok(OutboxMessage {
        id: row.uuid("id")?,
        partner_id: row.uuid("partner_id")?,
        kind: row.text("kind")?.parse().map_err(|_| corrupt("outbox.kind"))?,
        recipient: row.text("recipient")?,
        locale: Locale::from_tag(&row.text("locale")?).ok_or_else(|| corrupt("outbox.locale"))?,
        args: args
            .into_iter()
            .map(|(k, v)| (k, v.as_str().unwrap_or_default().to_owned()))
            .collect(),
        created_at: row.time("created_at")?,
        attempts: row.int("attempts")?,
        next_attempt_at: row.time("next_attempt_at")?,
        sent_at: row.opt_time("sent_at")?,
        last_error: row.opt_text("last_error")?,
    })
}
