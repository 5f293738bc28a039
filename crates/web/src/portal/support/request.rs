//! A service request as an agent works it: its details and due times, the thread as the
//! partner may read it, and the forms to add a note, change the status, assign it and
//! escalate it: an indirect reseller to its provider, the partner at the top to the
//! operator.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use partnerdesk_domain::partner::Permission;
use partnerdesk_domain::support::{RequestStatus, Visibility};
use partnerdesk_domain::{FieldError, Locale};
use serde::Deserialize;

use crate::app::support::{self, EscalationTarget, Reader as AppReader};
use crate::app::{AppError, customers};
use crate::i18n;
use crate::portal::session::{Can, SignedIn, guard};
use crate::state::AppState;
use crate::ui::support::{
    FileView, NoteView, Reader, RequestRow, files, notes, product, request_row, status_words,
    visibility_words,
};
use crate::ui::{Flash, Form, Page, PageError, ok, refused};

#[derive(Template)]
#[template(path = "support/request.html")]
struct RequestPage {
    page: Page,
    r: RequestRow,
    description: String,
    product: Option<String>,
    files: Vec<FileView>,
    notes: Vec<NoteView>,
    can_work: bool,
    visibilities: Vec<(String, String)>,
    statuses: Vec<(String, String)>,
    agents: Vec<(String, String)>,
    assignee: String,
    escalate_to: Option<EscalateView>,
    form: Outcome,
}

/// The escalation form's heading and what it does.
struct EscalateView {
    title: String,
    hint: String,
}

impl EscalateView {
    fn new(locale: Locale, target: EscalationTarget) -> Self {
        match target {
            EscalationTarget::Provider { name: provider, .. } => Self {
                title: i18n::text_with(
                    locale,
                    "support-escalate-title",
                    &[("provider", partnerdesk_domain::Arg::Text(provider))],
                ),
                hint: i18n::text(locale, "support-escalate-hint"),
            },
            EscalationTarget::Operator => Self {
                title: i18n::text(locale, "support-escalate-operator-title"),
                hint: i18n::text(locale, "support-escalate-operator-hint"),
            },
        }
    }
}

/// A refused form's values and its message, shown again.
#[derive(Default)]
struct Outcome {
    note: String,
    visibility: String,
    note_error: Option<String>,
    status_error: Option<String>,
    assign_error: Option<String>,
    reason: String,
    escalate_error: Option<String>,
}

type Viewer = Can<guard::ViewSupport>;
type Agent = Can<guard::WorkSupport>;

fn number(raw: &str) -> Result<i64, PageError> {
    raw.parse().map_err(|_| PageError::not_found(support::NOT_FOUND))
}

pub async fn page(
    State(state): State<AppState>,
    user: Viewer,
    Path(raw): Path<String>,
) -> Result<Response, PageError> {
    Ok(ok(
        &render(&state, &user, number(&raw)?, Outcome::default()).await?
    ))
}

/// A file attached to the request, downloaded.
pub async fn file(
    State(state): State<AppState>,
    user: Viewer,
    Path((raw, seq)): Path<(String, String)>,
) -> Result<Response, PageError> {
    crate::ui::support::download(&state, AppReader::Partner(&user.caller), &raw, &seq).await
}

async fn render(state: &AppState, user: &SignedIn, id: i64, form: Outcome) -> Result<RequestPage, PageError> {
    let locale = user.locale;
    let caller = &user.caller;
    let found = support::request(state, AppReader::Partner(caller), id).await?;
    let can_work = user.can(Permission::WorkSupport);
    let escalate_to = support::escalation_target(state, caller, &found)
        .await?
        .map(|target| EscalateView::new(locale, target));
    let mut shown = vec![Visibility::Public, Visibility::Internal];
    if found.escalated_to.is_some() || found.escalated_to_operator.is_some() {
        shown.insert(1, Visibility::Partners);
    }
    let agents = if can_work {
        support::agents(state, caller).await?
    } else {
        Vec::new()
    };
    let mut page = user.page("support-title", &format!("/support/{id}"));
    page.title = i18n::text_with(
        locale,
        "support-request-title",
        &[("number", partnerdesk_domain::Arg::Text(id.to_string()))],
    );
    Ok(RequestPage {
        page,
        assignee: found
            .assignee
            .as_ref()
            .map(|(a, _)| a.to_string())
            .unwrap_or_default(),
        r: request_row(locale, &found, Reader::Partner),
        description: found.description.clone(),
        product: product(locale, customers::catalog(state).await?.as_ref(), &found),
        files: files(locale, &found, &format!("/support/{id}")),
        notes: notes(locale, &found),
        can_work,
        visibilities: shown
            .into_iter()
            .map(|v| (v.as_str().to_owned(), visibility_words(locale, v)))
            .collect(),
        statuses: RequestStatus::ALL
            .iter()
            .filter(|s| **s != found.status)
            .map(|s| (s.as_str().to_owned(), status_words(locale, *s, Reader::Partner)))
            .collect(),
        agents: agents
            .into_iter()
            .map(|(id, email)| (id.to_string(), email))
            .collect(),
        escalate_to,
        form,
    })
}

/// After a change: back to the request with `notice`; a refused change shows the page
/// again with the message where `place` puts it.
async fn answer(
    state: &AppState,
    jar: CookieJar,
    user: &SignedIn,
    id: i64,
    outcome: Result<(), AppError>,
    notice: &str,
    place: impl FnOnce(&mut Outcome, String),
) -> Result<Response, PageError> {
    match outcome {
        Ok(()) => {
            let jar = user.flash(jar, &Flash::notice(notice));
            Ok((jar, Redirect::to(&format!("/support/{id}"))).into_response())
        }
        Err(AppError::Invalid(errors)) => {
            let message = first_message(user, &errors);
            let mut form = Outcome::default();
            place(&mut form, message);
            Ok(refused(&render(state, user, id, form).await?))
        }
        Err(e) => Err(e.into()),
    }
}

fn first_message(user: &SignedIn, errors: &[FieldError]) -> String {
    errors
        .first()
        .map(|e| i18n::rule(user.locale, &e.rule))
        .unwrap_or_default()
}

#[derive(Deserialize)]
pub struct NoteForm {
    #[serde(default, rename = "newNote")]
    note: String,
    #[serde(default)]
    visibility: String,
}

pub async fn add_note(
    State(state): State<AppState>,
    jar: CookieJar,
    user: Agent,
    Path(raw): Path<String>,
    Form(form): Form<NoteForm>,
) -> Result<Response, PageError> {
    let id = number(&raw)?;
    let visibility = form.visibility.parse().unwrap_or(Visibility::Public);
    let outcome = support::add_note(
        &state,
        AppReader::Partner(&user.caller),
        id,
        &form.note,
        visibility,
    )
    .await
    .map(|_| ());
    answer(
        &state,
        jar,
        &user,
        id,
        outcome,
        "support-note-added",
        |o, message| {
            o.note = form.note;
            o.visibility = form.visibility;
            o.note_error = Some(message);
        },
    )
    .await
}

#[derive(Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    status: String,
}

pub async fn set_status(
    State(state): State<AppState>,
    jar: CookieJar,
    user: Agent,
    Path(raw): Path<String>,
    Form(form): Form<StatusForm>,
) -> Result<Response, PageError> {
    let id = number(&raw)?;
    let outcome = support::set_status(&state, AppReader::Partner(&user.caller), id, &form.status)
        .await
        .map(|_| ());
    answer(
        &state,
        jar,
        &user,
        id,
        outcome,
        "support-status-changed",
        |o, m| {
            o.status_error = Some(m);
        },
    )
    .await
}

#[derive(Deserialize)]
pub struct AssignForm {
    #[serde(default)]
    assignee: String,
}

pub async fn assign(
    State(state): State<AppState>,
    jar: CookieJar,
    user: Agent,
    Path(raw): Path<String>,
    Form(form): Form<AssignForm>,
) -> Result<Response, PageError> {
    let id = number(&raw)?;
    let outcome = support::assign(&state, &user.caller, id, &form.assignee)
        .await
        .map(|_| ());
    answer(&state, jar, &user, id, outcome, "support-assigned", |o, m| {
        o.assign_error = Some(m);
    })
    .await
}

#[derive(Deserialize)]
pub struct EscalateForm {
    #[serde(default)]
    reason: String,
}

pub async fn escalate(
    State(state): State<AppState>,
    jar: CookieJar,
    user: Agent,
    Path(raw): Path<String>,
    Form(form): Form<EscalateForm>,
) -> Result<Response, PageError> {
    let id = number(&raw)?;
    let outcome = support::escalate(&state, &user.caller, id, &form.reason)
        .await
        .map(|_| ());
    answer(&state, jar, &user, id, outcome, "support-escalated", |o, m| {
        o.reason = form.reason;
        o.escalate_error = Some(m);
    })
    .await
}
