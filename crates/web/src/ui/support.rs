//! Service requests as both portals show them: severities, statuses, due times and the
//! thread, in the reader's language.

use partnerdesk_domain::attachment::AttachmentLimits;
use partnerdesk_domain::catalog::Catalog;
use partnerdesk_domain::subscription::Subscription;
use partnerdesk_domain::support::{self, RequestStatus, Severity, TOPICS, Visibility};
use partnerdesk_domain::{Arg, Locale, OfferId};
use partnerdesk_store::ServiceRequest;
use time::OffsetDateTime;

use partnerdesk_domain::Field;

use crate::cldr::format_date_time;
use crate::cldr::format_number;
use crate::i18n;
use crate::ui::fields::{FieldView, Kind};

/// Whose eyes a request is shown to: the customer calls `attention_needed` "waiting for
/// you", a partner "waiting for the customer".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    Partner,
    Customer,
}

pub fn severity_words(locale: Locale, severity: Severity) -> String {
    i18n::text(locale, &format!("severity-{severity}"))
}

pub fn status_words(locale: Locale, status: RequestStatus, reader: Reader) -> String {
    let id = match (status, reader) {
        (RequestStatus::Open, _) => "request-status-open",
        (RequestStatus::AttentionNeeded, Reader::Partner) => "request-status-attention-needed",
        (RequestStatus::AttentionNeeded, Reader::Customer) => "customer-request-status-attention-needed",
        (RequestStatus::Closed, _) => "request-status-closed",
    };
    i18n::text(locale, id)
}

/// A request in a list or at the head of its page.
pub struct RequestRow {
    pub id: String,
    pub title: String,
    pub customer: String,
    pub partner: String,
    pub severity: Severity,
    pub severity_text: String,
    pub status_text: String,
    pub topic: String,
    pub assignee: String,
    pub opened_by: String,
    pub opened: String,
    pub updated: String,
    pub first_response_due: String,
    pub first_response: String,
    pub resolution_due: String,
    pub escalated_to: String,
    pub overdue: bool,
    pub waiting_for_customer: bool,
    pub closed: bool,
}

pub fn request_row(locale: Locale, r: &ServiceRequest, reader: Reader) -> RequestRow {
    let now = OffsetDateTime::now_utc();
    let date = |t: OffsetDateTime| format_date_time(locale, t);
    RequestRow {
        id: r.id.to_string(),
        title: r.title.clone(),
        customer: r.company_name.clone(),
        partner: r.partner_name.clone(),
        severity: r.severity,
        severity_text: severity_words(locale, r.severity),
        status_text: status_words(locale, r.status, reader),
        topic: i18n::text(locale, &format!("support-topic-{}", r.topic.key)),
        assignee: r
            .assignee
            .as_ref()
            .map(|(_, email)| email.clone())
            .unwrap_or_default(),
        opened_by: r.opened_by.clone(),
        opened: date(r.created_at),
        updated: date(r.updated_at),
        first_response_due: date(r.first_response_due),
        first_response: r.first_response_at.map(date).unwrap_or_default(),
        resolution_due: date(r.resolution_due),
        escalated_to: r
            .escalated_to
            .iter()
            .map(|(_, name)| name.clone())
            .chain(
                r.escalated_to_operator
                    .map(|_| i18n::text(locale, "support-operator")),
            )
            .collect::<Vec<_>>()
            .join(", "),
        overdue: support::is_overdue(
            r.status,
            r.first_response_due,
            r.first_response_at.is_some(),
            r.resolution_due,
            now,
        ),
        waiting_for_customer: r.status == RequestStatus::AttentionNeeded,
        closed: r.status == RequestStatus::Closed,
    }
}

/// A note of the thread.
pub struct NoteView {
    pub author: String,
    pub by_customer: bool,
    pub at: String,
    pub text: String,
    pub visibility: Visibility,
    pub visibility_text: String,
}

/// A file attached to a request the reader sees, as a download; the request's number and
/// the file's as the path gives them (either unreadable: not found).
pub async fn download(
    state: &crate::state::AppState,
    reader: crate::app::support::Reader<'_>,
    request: &str,
    seq: &str,
) -> Result<axum::response::Response, crate::ui::PageError> {
    use crate::app::support::{FILE_NOT_FOUND, NOT_FOUND, file};
    use crate::ui::PageError;
    let request = request.parse().map_err(|_| PageError::not_found(NOT_FOUND))?;
    let seq = seq.parse().map_err(|_| PageError::not_found(FILE_NOT_FOUND))?;
    let (found, bytes) = file(state, reader, request, seq).await?;
    Ok(crate::attachment::download(&found, bytes))
}

/// An attached file as a link to download it.
pub struct FileView {
    pub href: String,
    pub name: String,
    pub size: String,
}

/// The request's files, downloaded under `base` (the request's page).
pub fn files(locale: Locale, r: &ServiceRequest, base: &str) -> Vec<FileView> {
    r.files
        .iter()
        .map(|f| FileView {
            href: format!("{base}/files/{}", f.seq),
            name: f.name.clone(),
            size: i18n::text_with(
                locale,
                "support-attachment-size",
                &[("kb", Arg::Text(format_number(locale, (f.size + 1023) / 1024)))],
            ),
        })
        .collect()
}

pub fn notes(locale: Locale, r: &ServiceRequest) -> Vec<NoteView> {
    r.notes
        .iter()
        .map(|n| NoteView {
            author: if n.by_operator {
                i18n::text_with(
                    locale,
                    "support-note-by-operator",
                    &[("name", partnerdesk_domain::Arg::Text(n.author_name.clone()))],
                )
            } else {
                n.author_name.clone()
            },
            by_customer: n.by_customer,
            at: format_date_time(locale, n.created_at),
            text: n.text.clone(),
            visibility: n.visibility,
            visibility_text: visibility_words(locale, n.visibility),
        })
        .collect()
}

pub fn visibility_words(locale: Locale, visibility: Visibility) -> String {
    i18n::text(locale, &format!("support-visibility-{visibility}"))
}

/// The severities, each with its meaning and first-response target, for a form's select.
pub fn severity_options(locale: Locale, targets: &support::Targets) -> Vec<(String, String)> {
    let now = OffsetDateTime::UNIX_EPOCH;
    Severity::ALL
        .iter()
        .map(|s| {
            let hours = (targets.first_response_due(*s, now) - now).whole_hours();
            let hint = i18n::text_with(
                locale,
                &format!("severity-{s}-hint"),
                &[("hours", partnerdesk_domain::Arg::Number(hours))],
            );
            (s.as_str().to_owned(), hint)
        })
        .collect()
}

/// The support topics, for a form's select.
pub fn topic_options(locale: Locale) -> Vec<(String, String)> {
    TOPICS
        .iter()
        .map(|t| {
            (
                t.id.to_string(),
                i18n::text(locale, &format!("support-topic-{}", t.key)),
            )
        })
        .collect()
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// The fields of a new request, as typed: title, severity, topic, description, files.
pub fn request_fields(
    locale: Locale,
    targets: &support::Targets,
    attachments: &AttachmentLimits,
    subscriptions: Vec<(String, String)>,
    input: &support::NewRequestInput,
) -> Vec<FieldView> {
    let choose = || (String::new(), i18n::text(locale, "support-choose"));
    let files_hint = i18n::text_with(
        locale,
        "support-field-attachments-hint",
        &[
            ("max", Arg::Number(count(attachments.max_files))),
            ("mb", Arg::Number(count(attachments.max_mb))),
            ("types", Arg::Text(attachments.accept().replace(',', ", "))),
        ],
    );
    let mut fields = vec![
        FieldView::of(
            Field::Title,
            i18n::text(locale, "support-field-title"),
            Kind::Text,
            &input.title,
        ),
        FieldView::of(
            Field::Severity,
            i18n::text(locale, "support-field-severity"),
            Kind::Select,
            &input.severity,
        )
        .options(std::iter::once(choose()).chain(severity_options(locale, targets))),
        FieldView::of(
            Field::SupportTopic,
            i18n::text(locale, "support-field-topic"),
            Kind::Select,
            &input.topic,
        )
        .options(std::iter::once(choose()).chain(topic_options(locale))),
    ];
    if !subscriptions.is_empty() {
        let none = (String::new(), i18n::text(locale, "support-choose"));
        fields.push(
            FieldView::of(
                Field::Subscription,
                i18n::text(locale, "support-field-subscription"),
                Kind::Select,
                &input.subscription,
            )
            .optional()
            .hint(i18n::text(locale, "support-field-subscription-hint"))
            .options(std::iter::once(none).chain(subscriptions)),
        );
    }
    fields.extend([
        FieldView::of(
            Field::Description,
            i18n::text(locale, "support-field-description"),
            Kind::TextArea,
            &input.description,
        ),
        FieldView::of(
            Field::Attachments,
            i18n::text(locale, "support-field-attachments"),
            Kind::File,
            "",
        )
        .optional()
        .hint(files_hint)
        .accept(attachments.accept()),
    ]);
    fields
}

/// Subscriptions as a select offers them: the offer's name, the subscription's own name
/// if it has one, and (for a customer with several partners) who sells it.
pub fn subscription_options(
    locale: Locale,
    catalog: &Catalog,
    subscriptions: &[(Subscription, String)],
    with_seller: bool,
) -> Vec<(String, String)> {
    subscriptions
        .iter()
        .map(|(s, seller)| {
            let mut label = offer_name(locale, catalog, &s.offer_id);
            if !s.friendly_name.is_empty() && s.friendly_name != label {
                label = format!("{label} · {}", s.friendly_name);
            }
            if with_seller {
                label = format!("{label} ({seller})");
            }
            (s.id.to_string(), label)
        })
        .collect()
}

/// The name of the offer of the subscription `r` is about, in the reader's language.
pub fn product(locale: Locale, catalog: &Catalog, r: &ServiceRequest) -> Option<String> {
    r.subscription
        .as_ref()
        .map(|(_, offer)| offer_name(locale, catalog, offer))
}

fn offer_name(locale: Locale, catalog: &Catalog, offer: &OfferId) -> String {
    catalog
        .offer(offer)
        .map_or_else(|| offer.to_string(), |o| o.name(locale).to_owned())
}
