//! Opening a service request on a customer's behalf, from the customer's page.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use partnerdesk_domain::support::NewRequestInput;
use partnerdesk_domain::{CustomerId, FieldError};
use serde::Deserialize;

use crate::app::idempotency::{Created, RequestKey};
use crate::app::support;
use crate::app::{AppError, customers};
use crate::i18n;
use crate::portal::session::{Can, SignedIn, guard};
use crate::state::AppState;
use crate::ui::fields::{ErrorLink, FieldView, FieldsetView, attach};
use crate::ui::form::form_key;
use crate::ui::support::{request_fields, subscription_options};
use crate::ui::upload::Uploaded;
use crate::ui::{Flash, Page, PageError, ok, refused};

#[derive(Template)]
#[template(path = "support/new.html")]
struct NewPage {
    page: Page,
    customer_id: String,
    company: String,
    errors: Vec<ErrorLink>,
    fields: Vec<FieldView>,
    /// What makes a second press of the button open nothing more.
    request_key: String,
}

/// The form: the request, and the key of this form's request.
#[derive(Debug, Default, Deserialize)]
pub struct NewForm {
    #[serde(flatten)]
    request: NewRequestInput,
    #[serde(rename = "requestKey", default)]
    request_key: String,
}

type Agent = Can<guard::WorkSupport>;

fn customer_id(raw: &str) -> Result<CustomerId, PageError> {
    raw.parse()
        .map_err(|_| PageError::not_found("api-customer-not-found"))
}

pub async fn page(
    State(state): State<AppState>,
    user: Agent,
    Path(raw): Path<String>,
) -> Result<Response, PageError> {
    let id = customer_id(&raw)?;
    Ok(ok(&render(&state, &user, id, &NewForm::default(), &[]).await?))
}

async fn render(
    state: &AppState,
    user: &SignedIn,
    id: CustomerId,
    form: &NewForm,
    errors: &[FieldError],
) -> Result<NewPage, PageError> {
    let customer = customers::customer(state, &user.caller, id).await?;
    let locale = user.locale;
    let catalog = customers::catalog(state).await?;
    let subscriptions = support::sold_subscriptions(state, &user.caller, id).await?;
    let mut sets = vec![FieldsetView {
        id: "request",
        legend: String::new(),
        fields: request_fields(
            locale,
            &state.settings.support_targets,
            &state.settings.attachments,
            subscription_options(locale, &catalog, &subscriptions, false),
            &form.request,
        ),
        link: None,
    }];
    let errors = attach(&mut sets, errors, locale);
    let mut page = user.page("support-new-title", &format!("/customers/{id}/support/new"));
    page.title = format!(
        "{} · {}",
        i18n::text(locale, "support-new-title"),
        customer.company_name
    );
    Ok(NewPage {
        page,
        customer_id: id.to_string(),
        company: customer.company_name,
        errors,
        fields: sets.remove(0).fields,
        request_key: form_key(&form.request_key),
    })
}

pub async fn submit(
    State(state): State<AppState>,
    jar: CookieJar,
    user: Agent,
    Path(raw): Path<String>,
    form: Uploaded<NewForm>,
) -> Result<Response, PageError> {
    let id = customer_id(&raw)?;
    let Uploaded { value: form, files } = form;
    let key = RequestKey::form(
        "portal service request",
        &id.to_string(),
        &form_key(&form.request_key),
        String::new(),
    );
    let opened = support::open_as_partner(&state, &user.caller, id, &form.request, files, Some(key), |r| {
        r.id
    })
    .await;
    let number = match opened {
        Ok(Created::New(number)) => number,
        Ok(Created::Replayed(replay)) => serde_json::from_str(&replay.body)
            .map_err(|_| AppError::Internal("a kept answer that isn't a request number".into()))?,
        Err(AppError::Invalid(errors)) => {
            return Ok(refused(&render(&state, &user, id, &form, &errors).await?));
        }
        Err(e) => return Err(e.into()),
    };
    let jar = user.flash(jar, &Flash::notice("support-opened-notice"));
    Ok((jar, Redirect::to(&format!("/support/{number}"))).into_response())
}
