//! The partner's mail (admin agents): what its changes wrote to the outbox, sent or
//! waiting, with the last error of a message that couldn't be sent yet.

use askama::Template;
use axum::extract::State;
use axum::response::Response;

use crate::app::support;
use crate::cldr::format_date_time;
use crate::portal::session::{Can, guard};
use crate::state::AppState;
use crate::ui::{Page, PageError, ok};

/// Messages shown.
const SHOWN: u32 = 200;

struct MailRow {
    created: String,
    recipient: String,
    subject: String,
    sent: String,
    attempts: i64,
    error: String,
}

#[derive(Template)]
#[template(path = "support/mail.html")]
struct MailPage {
    page: Page,
    rows: Vec<MailRow>,
    smtp: bool,
}

pub async fn page(
    State(state): State<AppState>,
    user: Can<guard::ManageSupportProfile>,
) -> Result<Response, PageError> {
    let locale = user.locale;
    let messages = support::outbox(&state, &user.caller, SHOWN).await?;
    Ok(ok(&MailPage {
        page: user.page("support-mail-title", "/support/mail"),
        rows: messages
            .iter()
            .map(|m| MailRow {
                created: format_date_time(locale, m.created_at),
                recipient: m.recipient.clone(),
                subject: crate::mail::render(m).subject,
                sent: m.sent_at.map(|t| format_date_time(locale, t)).unwrap_or_default(),
                attempts: m.attempts,
                error: m.last_error.clone().unwrap_or_default(),
            })
            .collect(),
        smtp: state.settings.smtp_url.is_some(),
    }))
}
