//! Support in the customer portal: how to reach each partner's support (its published
//! profile), the customer's service requests, opening one, and following its thread —
//! adding notes, closing and reopening.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use partnerdesk_domain::support::{NewRequestInput, RequestStatus, SupportProfile, Visibility};
use partnerdesk_domain::{Field, FieldError, Rule};
use partnerdesk_store::RequestQuery;
use serde::Deserialize;

use super::session::CustomerSignedIn;
use crate::app::idempotency::RequestKey;
use crate::app::support::{self, Reader as AppReader};
use crate::app::{AppError, customers};
use crate::i18n;
use crate::state::AppState;
use crate::ui::fields::{ErrorLink, FieldView, FieldsetView, Kind, attach};
use crate::ui::form::form_key;
use crate::ui::support::{
    FileView, NoteView, Reader, RequestRow, files, notes, product, request_fields, request_row,
    subscription_options,
};
use crate::ui::upload::Uploaded;
use crate::ui::{Flash, Form, Page, PageError, ok, refused};

/// Requests the page lists.
const SHOWN: u32 = 100;

struct Contact {
    name: String,
    profile: Option<SupportProfile>,
}

#[derive(Template)]
#[template(path = "customer/support.html")]
struct SupportPage {
    page: Page,
    contacts: Vec<Contact>,
    rows: Vec<RequestRow>,
}

pub async fn page(State(state): State<AppState>, user: CustomerSignedIn) -> Result<Response, PageError> {
    if let Some(first) = user.password_first(Some("/customer/support")) {
        return Ok(first);
    }
    let locale = user.locale;
    let contacts = support::contacts(&state, &user.caller).await?;
    let query = RequestQuery {
        limit: SHOWN,
        ..RequestQuery::default()
    };
    let found = support::customer_requests(&state, &user.caller, query).await?;
    Ok(ok(&SupportPage {
        page: user.page("customer-support-title", "/customer/support"),
        contacts: contacts
            .into_iter()
            .map(|(_, name, profile)| Contact { name, profile })
            .collect(),
        rows: found
            .iter()
            .map(|r| request_row(locale, r, Reader::Customer))
            .collect(),
    }))
}

#[derive(Template)]
#[template(path = "customer/support_new.html")]
struct NewPage {
    page: Page,
    errors: Vec<ErrorLink>,
    fields: Vec<FieldView>,
    /// What makes a second press of the button open nothing more.
    request_key: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct NewForm {
    #[serde(default)]
    partner: String,
    #[serde(flatten)]
    request: NewRequestInput,
    #[serde(rename = "requestKey", default)]
    request_key: String,
}

pub async fn new_page(State(state): State<AppState>, user: CustomerSignedIn) -> Result<Response, PageError> {
    if let Some(first) = user.password_first(Some("/customer/support/new")) {
        return Ok(first);
    }
    Ok(ok(&render_new(&state, &user, &NewForm::default(), &[]).await?))
}

async fn render_new(
    state: &AppState,
    user: &CustomerSignedIn,
    form: &NewForm,
    errors: &[FieldError],
) -> Result<NewPage, PageError> {
    let locale = user.locale;
    let partners = support::contacts(state, &user.caller).await?;
    let mut fields = Vec::new();
    // With one partner there is nobody to choose.
    if partners.len() > 1 {
        let choose = (String::new(), i18n::text(locale, "support-choose"));
        let options = partners
            .iter()
            .map(|(id, name, _)| (id.to_string(), name.clone()));
        fields.push(
            FieldView::of(
                Field::Partner,
                i18n::text(locale, "support-field-partner"),
                Kind::Select,
                &form.partner,
            )
            .hint(i18n::text(locale, "support-field-partner-hint"))
            .options(std::iter::once(choose).chain(options)),
        );
    }
    let catalog = customers::catalog(state).await?;
    let subscriptions = support::customer_subscriptions(state, &user.caller).await?;
    let subscriptions = subscription_options(locale, &catalog, &subscriptions, partners.len() > 1);
    fields.extend(request_fields(
        locale,
        &state.settings.support_targets,
        &state.settings.attachments,
        subscriptions,
        &form.request,
    ));
    let mut sets = vec![FieldsetView {
        id: "request",
        legend: String::new(),
        fields,
        link: None,
    }];
    let errors = attach(&mut sets, errors, locale);
    Ok(NewPage {
        page: user.page("support-new-title", "/customer/support/new"),
        errors,
        fields: sets.remove(0).fields,
        request_key: form_key(&form.request_key),
    })
}

pub async fn open(
    State(state): State<AppState>,
    jar: CookieJar,
    user: CustomerSignedIn,
    form: Uploaded<NewForm>,
) -> Result<Response, PageError> {
    if let Some(first) = user.password_first(None) {
        return Ok(first);
    }
    let Uploaded { value: form, files } = form;
    let scope = user.caller.user.customer_id.to_string();
    let key = RequestKey::form(
        "customer service request",
        &scope,
        &form_key(&form.request_key),
        String::new(),
    );
    match support::open_as_customer(
        &state,
        &user.caller,
        &form.request,
        &form.partner,
        files,
        Some(key),
    )
    .await
    {
        Ok(number) => {
            let jar = user.flash(jar, &Flash::notice("support-opened-notice"));
            Ok((jar, Redirect::to(&format!("/customer/support/{number}"))).into_response())
        }
        Err(AppError::Invalid(errors)) => Ok(refused(&render_new(&state, &user, &form, &errors).await?)),
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "customer/support_request.html")]
struct RequestPage {
    page: Page,
    r: RequestRow,
    description: String,
    product: Option<String>,
    files: Vec<FileView>,
    notes: Vec<NoteView>,
    note: String,
    note_error: Option<String>,
}

fn number(raw: &str) -> Result<i64, PageError> {
    raw.parse().map_err(|_| PageError::not_found(support::NOT_FOUND))
}

pub async fn request(
    State(state): State<AppState>,
    user: CustomerSignedIn,
    Path(raw): Path<String>,
) -> Result<Response, PageError> {
    let path = format!("/customer/support/{raw}");
    if let Some(first) = user.password_first(Some(&path)) {
        return Ok(first);
    }
    Ok(ok(&render_request(
        &state,
        &user,
        number(&raw)?,
        String::new(),
        None,
    )
    .await?))
}

/// A file attached to one of the customer's requests, downloaded.
pub async fn file(
    State(state): State<AppState>,
    user: CustomerSignedIn,
    Path((raw, seq)): Path<(String, String)>,
) -> Result<Response, PageError> {
    crate::ui::support::download(&state, AppReader::Customer(&user.caller), &raw, &seq).await
}

async fn render_request(
    state: &AppState,
    user: &CustomerSignedIn,
    id: i64,
    note: String,
    note_error: Option<String>,
) -> Result<RequestPage, PageError> {
    let locale = user.locale;
    let found = support::request(state, AppReader::Customer(&user.caller), id).await?;
    let mut page = user.page("customer-support-title", &format!("/customer/support/{id}"));
    page.title = i18n::text_with(
        locale,
        "support-request-title",
        &[("number", partnerdesk_domain::Arg::Text(id.to_string()))],
    );
    Ok(RequestPage {
        page,
        r: request_row(locale, &found, Reader::Customer),
        description: found.description.clone(),
        product: product(locale, customers::catalog(state).await?.as_ref(), &found),
        files: files(locale, &found, &format!("/customer/support/{id}")),
        notes: notes(locale, &found),
        note,
        note_error,
    })
}

#[derive(Deserialize)]
pub struct NoteForm {
    #[serde(default, rename = "newNote")]
    note: String,
}

pub async fn add_note(
    State(state): State<AppState>,
    jar: CookieJar,
    user: CustomerSignedIn,
    Path(raw): Path<String>,
    Form(form): Form<NoteForm>,
) -> Result<Response, PageError> {
    if let Some(first) = user.password_first(None) {
        return Ok(first);
    }
    let id = number(&raw)?;
    let reader = AppReader::Customer(&user.caller);
    match support::add_note(&state, reader, id, &form.note, Visibility::Public).await {
        Ok(_) => {
            let jar = user.flash(jar, &Flash::notice("support-note-added"));
            Ok((jar, Redirect::to(&format!("/customer/support/{id}"))).into_response())
        }
        Err(AppError::Invalid(errors)) => {
            let message = errors.first().map(|e| i18n::rule(user.locale, &e.rule));
            Ok(refused(
                &render_request(&state, &user, id, form.note, message).await?,
            ))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    status: String,
}

/// Closes or reopens a request.
pub async fn set_status(
    State(state): State<AppState>,
    jar: CookieJar,
    user: CustomerSignedIn,
    Path(raw): Path<String>,
    Form(form): Form<StatusForm>,
) -> Result<Response, PageError> {
    if let Some(first) = user.password_first(None) {
        return Ok(first);
    }
    let id = number(&raw)?;
    let reader = AppReader::Customer(&user.caller);
    let back = Redirect::to(&format!("/customer/support/{id}"));
    match support::set_status(&state, reader, id, &form.status).await {
        Ok(changed) => {
            let notice = if changed.status == RequestStatus::Closed {
                "customer-support-closed-notice"
            } else {
                "customer-support-reopened-notice"
            };
            Ok((user.flash(jar, &Flash::notice(notice)), back).into_response())
        }
        // A second click of the same button: the request is as asked already.
        Err(AppError::Invalid(errors)) if errors.iter().all(|e| e.rule == Rule::RequestStatusSame) => {
            Ok(back.into_response())
        }
        Err(e) => Err(e.into()),
    }
}
