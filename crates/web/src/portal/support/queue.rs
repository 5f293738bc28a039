//! The queue: the requests addressed or escalated to the partner, newest first, filtered
//! by status, severity, assignee, customer and overdue, a page at a time. The URL holds
//! the whole view, so that it can be bookmarked and shared.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use partnerdesk_domain::CustomerId;
use partnerdesk_domain::support::{RequestStatus, Severity};
use partnerdesk_store::{AssigneeFilter, RequestQuery};
use serde::Deserialize;
use time::OffsetDateTime;

use crate::app::support;
use crate::portal::session::{Can, guard};
use crate::state::AppState;
use crate::ui::support::{Reader, RequestRow, request_row, severity_words, status_words};
use crate::ui::{Page, PageError, ok};

/// Requests per page.
const PAGE: u32 = 50;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Filters {
    status: String,
    severity: String,
    assignee: String,
    customer: String,
    overdue: String,
    before: String,
}

impl Filters {
    /// The store's query; a value that isn't one of the choices is ignored.
    fn query(&self, me: partnerdesk_domain::PartnerUserId) -> RequestQuery {
        RequestQuery {
            status: RequestStatus::parse(&self.status).ok(),
            severity: Severity::parse(&self.severity).ok(),
            customer: self.customer.parse::<CustomerId>().ok(),
            assignee: match self.assignee.as_str() {
                "me" => Some(AssigneeFilter::User(me)),
                "none" => Some(AssigneeFilter::Nobody),
                _ => None,
            },
            overdue_at: (self.overdue == "yes").then(OffsetDateTime::now_utc),
            before: self.before.parse().ok(),
            limit: PAGE,
        }
    }

    /// The query string of this view without its page.
    fn view(&self) -> String {
        let pairs = [
            ("status", &self.status),
            ("severity", &self.severity),
            ("assignee", &self.assignee),
            ("customer", &self.customer),
            ("overdue", &self.overdue),
        ];
        form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs.iter().filter(|(_, v)| !v.is_empty()))
            .finish()
    }
}

#[derive(Template)]
#[template(path = "support/queue.html")]
struct QueuePage {
    page: Page,
    rows: Vec<RequestRow>,
    statuses: Vec<(String, String)>,
    severities: Vec<(String, String)>,
    status: String,
    severity: String,
    assignee: String,
    customer: String,
    overdue: bool,
    next: Option<String>,
    first: Option<String>,
    can_manage_profile: bool,
}

pub async fn page(
    State(state): State<AppState>,
    user: Can<guard::ViewSupport>,
    Query(filters): Query<Filters>,
) -> Result<Response, PageError> {
    let locale = user.locale;
    let query = filters.query(user.caller.user_id());
    let found = support::queue(&state, &user.caller, query).await?;
    let view = filters.view();
    let next = (found.len() == PAGE as usize)
        .then(|| found.last())
        .flatten()
        .map(|last| format!("/support?{view}&before={}", last.id));
    let first = (!filters.before.is_empty()).then(|| format!("/support?{view}"));
    Ok(ok(&QueuePage {
        page: user.page("support-title", &format!("/support?{view}")),
        rows: found
            .iter()
            .map(|r| request_row(locale, r, Reader::Partner))
            .collect(),
        statuses: RequestStatus::ALL
            .iter()
            .map(|s| (s.as_str().to_owned(), status_words(locale, *s, Reader::Partner)))
            .collect(),
        severities: Severity::ALL
            .iter()
            .map(|s| (s.as_str().to_owned(), severity_words(locale, *s)))
            .collect(),
        status: filters.status,
        severity: filters.severity,
        assignee: filters.assignee,
        customer: filters.customer,
        overdue: filters.overdue == "yes",
        next,
        first,
        can_manage_profile: user.can(partnerdesk_domain::partner::Permission::ManageSupportProfile),
    }))
}
