//! Email: the outbox's messages rendered in their recipient's language (plain text and
//! HTML) and sent over SMTP by a worker with retries and backoff. Without `smtp_url`
//! nothing is sent: messages wait in the outbox, which `partnerdesk outbox list` shows.

use std::time::Duration;

use askama::Template;
use futures_util::StreamExt;
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use partnerdesk_domain::Arg;
use partnerdesk_domain::billing::{Currency, Money, parse_decimal};
use partnerdesk_domain::mail::{MailKind, SUBJECT, SecretLink};
use partnerdesk_secrets as secrets;
use partnerdesk_store::{OutboxMessage, StoreError};
use time::Date;
use time::OffsetDateTime;
use time::format_description::well_known::Iso8601;

use crate::app::sessions::new_secret;
use crate::app::users::{LINK_VALID, LinkToken};
use crate::cldr::format_date;
use crate::i18n;
use crate::links;
use crate::state::AppState;
use crate::ui::billing::format_money;

/// How long a worker holds the messages it claimed before another may send them.
const LEASE: time::Duration = time::Duration::minutes(2);
/// Messages claimed at once.
const BATCH: u32 = 500;
/// Messages sent at the same time.
const PARALLEL: usize = 32;
/// How often the worker looks for due messages.
const POLL: Duration = Duration::from_secs(2);

/// A message as it is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

#[derive(Template)]
#[template(path = "mail.html")]
struct MailHtml<'a> {
    lang: &'a str,
    subject: &'a str,
    paragraphs: &'a [String],
    quote: Option<&'a str>,
    link: Option<&'a str>,
    link_text: String,
    footer: String,
}

/// The arguments as the locale writes them: an amount with its currency, dates.
fn localized(message: &OutboxMessage) -> Vec<(String, String)> {
    let locale = message.locale;
    let get = |name: &str| {
        message
            .args
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let mut args = message.args.clone();
    let money = get("total").zip(get("currency")).and_then(|(amount, code)| {
        Some(Money::new(
            parse_decimal(amount).ok()?,
            Currency::parse(code).ok()?,
        ))
    });
    if let Some(money) = money {
        args.push(("amount".into(), format_money(locale, money)));
    }
    for name in ["start", "end"] {
        let day = get(name).and_then(|d| Date::parse(d, &Iso8601::DATE).ok());
        if let Some(day) = day {
            args.push((
                format!("{name}-date"),
                format_date(locale, day.midnight().assume_utc()),
            ));
        }
    }
    args
}

/// The text naming the message's link.
fn link_text_key(kind: MailKind) -> &'static str {
    match kind {
        MailKind::UserInvitation => "mail-set-password-link",
        MailKind::RelationshipRequest => "mail-invitation-link",
        MailKind::InvoiceReady => "mail-invoice-link",
        _ => "mail-open-link",
    }
}

/// The message's subject and bodies in its language, from its kind's texts.
pub fn render(message: &OutboxMessage) -> Rendered {
    let locale = message.locale;
    let localized = localized(message);
    let args: Vec<(&str, Arg)> = localized
        .iter()
        .map(|(k, v)| (k.as_str(), Arg::Text(v.clone())))
        .collect();
    let text = |suffix: &str| i18n::text_with(locale, &format!("mail-{}-{suffix}", message.kind), &args);
    let arg = |name: &str| {
        message
            .args
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    };
    let subject = text("subject");
    let mut paragraphs = vec![text("body")];
    if let Some(contact) = arg("contact") {
        paragraphs.push(i18n::text_with(
            locale,
            "mail-support-contact",
            &[
                (
                    "partner",
                    Arg::Text(arg("partner").unwrap_or_default().to_owned()),
                ),
                ("contact", Arg::Text(contact.to_owned())),
            ],
        ));
    }
    let link_text = i18n::text(locale, link_text_key(message.kind));
    let footer = i18n::text(locale, "mail-footer");
    let quote = arg("note");
    let link = arg("link");
    let mut plain = paragraphs[0].clone();
    if let Some(note) = quote {
        plain.push_str("\n\n");
        plain.push_str(&note.lines().map(|l| format!("> {l}\n")).collect::<String>());
    }
    if let Some(link) = link {
        plain.push_str(&format!("\n\n{link_text}\n{link}"));
    }
    for p in &paragraphs[1..] {
        plain.push_str(&format!("\n\n{p}"));
    }
    plain.push_str(&format!("\n\n-- \n{footer}\n"));
    let html = MailHtml {
        lang: locale.tag(),
        subject: &subject,
        paragraphs: &paragraphs,
        quote,
        link,
        link_text,
        footer,
    }
    .render()
    .unwrap_or_else(|_| plain.clone());
    Rendered {
        subject,
        text: plain,
        html,
    }
}

/// Sends messages over SMTP.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    /// A sender for `smtp_url` (`smtp://host:port` in clear, `?tls=required` for STARTTLS,
    /// `smtps://` for TLS, credentials as `user:password@`), writing as `from`.
    pub fn new(smtp_url: &str, from: &str) -> Result<Self, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)
            .map_err(|e| format!("smtp_url: {e}"))?
            .timeout(Some(Duration::from_secs(20)))
            .build();
        let from = from.parse().map_err(|e| format!("mail_from: {e}"))?;
        Ok(Self { transport, from })
    }

    async fn send(&self, message: &OutboxMessage) -> Result<(), String> {
        let to: Mailbox = message.recipient.parse().map_err(|e| format!("recipient: {e}"))?;
        let rendered = render(message);
        let email = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(rendered.subject)
            .multipart(MultiPart::alternative_plain_html(rendered.text, rendered.html))
            .map_err(|e| e.to_string())?;
        self.transport
            .send(email)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

/// When to try again after `attempts` failed ones: 30 s, doubling, at most an hour.
pub fn backoff(attempts: i64) -> time::Duration {
    let exponent = u32::try_from(attempts.clamp(1, 8) - 1).unwrap_or(0);
    time::Duration::seconds((30 * 2i64.pow(exponent)).min(3600))
}

/// The message as it is sent: with its link on `public_url`, a one-time link minted now
/// for what it is about (stored as a digest only), or `None` when that no longer waits
/// for it (the user set a password, the invitation was answered).
async fn prepare(state: &AppState, mut message: OutboxMessage) -> Result<Option<OutboxMessage>, StoreError> {
    let base = state.settings.public_url.trim_end_matches('/');
    let arg =
        |args: &[(String, String)], name: &str| args.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    if let Some(path) = arg(&message.args, "path") {
        message.args.push(("link".into(), format!("{base}{path}")));
    }
    let Some(link) = message.kind.secret_link() else {
        return Ok(Some(message));
    };
    let Some(subject) = arg(&message.args, SUBJECT).and_then(|s| s.parse().ok()) else {
        return Err(StoreError::Internal(format!(
            "mail {} names no subject",
            message.id
        )));
    };
    let token = LinkToken(new_secret());
    let minted = state
        .store
        .mint_mail_link(
            link,
            subject,
            secrets::sha256(token.0.as_bytes()),
            OffsetDateTime::now_utc(),
            LINK_VALID,
        )
        .await?;
    let Some(until) = minted else {
        return Ok(None);
    };
    let url = match link {
        SecretLink::SetPassword => links::set_password_at(base, &token),
        SecretLink::Invitation => links::invitation_at(base, &token),
    };
    message.args.push(("link".into(), url));
    message
        .args
        .push(("until".into(), format_date(message.locale, until)));
    Ok(Some(message))
}

/// Sends what is due at `now`; answers how many were sent. A message that can't be sent
/// (the server down, a refused recipient) waits for its next attempt.
pub async fn deliver_due(
    state: &AppState,
    mailer: &Mailer,
    now: OffsetDateTime,
) -> Result<usize, StoreError> {
    let store = &state.store;
    let due = store.claim_mail(now, LEASE, BATCH).await?;
    let mut outcomes = futures_util::stream::iter(due)
        .map(|message| async move {
            let id = message.id;
            let Some(message) = prepare(state, message).await? else {
                tracing::info!(message = %id, "mail no longer needed");
                return Ok::<_, StoreError>(Some((id, false)));
            };
            match mailer.send(&message).await {
                Ok(()) => Ok(Some((id, true))),
                Err(error) => {
                    tracing::warn!(message = %id, kind = %message.kind, attempts = message.attempts, %error, "mail not sent");
                    let retry = now + backoff(message.attempts);
                    store.mail_failed(id, error, retry).await?;
                    Ok(None)
                }
            }
        })
        .buffer_unordered(PARALLEL)
        // Messages done with (sent, or no longer needed) are marked in groups: one write
        // for up to PARALLEL of them.
        .ready_chunks(PARALLEL);
    let mut sent = 0;
    while let Some(chunk) = outcomes.next().await {
        let done = chunk
            .into_iter()
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .flatten()
            .collect::<Vec<_>>();
        sent += done.iter().filter(|(_, delivered)| *delivered).count();
        let done = done.into_iter().map(|(id, _)| id).collect();
        store.mails_sent(done, OffsetDateTime::now_utc()).await?;
    }
    Ok(sent)
}

/// Starts the worker when `smtp_url` is set.
pub fn spawn(state: AppState) -> Result<Option<tokio::task::JoinHandle<()>>, String> {
    let Some(url) = state.settings.smtp_url.clone() else {
        return Ok(None);
    };
    let mailer = Mailer::new(&url, &state.settings.mail_from)?;
    Ok(Some(tokio::spawn(async move {
        loop {
            match deliver_due(&state, &mailer, OffsetDateTime::now_utc()).await {
                // A full batch: more may be due at once.
                Ok(n) if n >= BATCH as usize => continue,
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "the mail worker can't read the outbox"),
            }
            tokio::time::sleep(POLL).await;
        }
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_from_thirty_seconds_to_an_hour() {
        let waits: Vec<i64> = [1, 2, 3, 8, 20]
            .iter()
            .map(|a| backoff(*a).whole_seconds())
            .collect();
        assert_eq!(waits, [30, 60, 120, 3600, 3600]);
    }
}
