//! Opening a service request on a customer's behalf, from the customer's page.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use partnerdesk_domain::support::NewRequestInput;
use partnerdesk_domain::{CustomerId, FieldError};

use crate::app::idempotency::Created;
use crate::app::support;
use crate::app::{AppError, customers};
use crate::i18n;
use crate::portal::session::{Can, SignedIn, guard};
use crate::state::AppState;
use crate::ui::fields::{ErrorLink, FieldView, FieldsetView, attach};
use crate::ui::support::request_fields;
use crate::ui::{Flash, Form, Page, PageError, ok, refused};

#[derive(Template)]
#[template(path = "support/new.html")]
struct NewPage {
    page: Page,
    customer_id: String,
    company: String,
    errors: Vec<ErrorLink>,
    fields: Vec<FieldView>,
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
    Ok(ok(
        &render(&state, &user, id, &NewRequestInput::default(), &[]).await?
    ))
}

async fn render(
    state: &AppState,
    user: &SignedIn,
    id: CustomerId,
    input: &NewRequestInput,
    errors: &[FieldError],
) -> Result<NewPage, PageError> {
    let customer = customers::customer(state, &user.caller, id).await?;
    let locale = user.locale;
    let mut sets = vec![FieldsetView {
        id: "request",
        legend: String::new(),
        fields: request_fields(locale, &state.settings.support_targets, input),
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
    })
}

pub async fn submit(
    State(state): State<AppState>,
    jar: CookieJar,
    user: Agent,
    Path(raw): Path<String>,
    Form(input): Form<NewRequestInput>,
) -> Result<Response, PageError> {
    let id = customer_id(&raw)?;
    let opened = support::open_as_partner(&state, &user.caller, id, &input, None, |r| r.id).await;
    match opened {
        Ok(Created::New(number)) => {
            let jar = user.flash(jar, &Flash::notice("support-opened-notice"));
            Ok((jar, Redirect::to(&format!("/support/{number}"))).into_response())
        }
        Ok(Created::Replayed(_)) => Err(AppError::Internal("a form replayed".into()).into()),
        Err(AppError::Invalid(errors)) => Ok(refused(&render(&state, &user, id, &input, &errors).await?)),
        Err(e) => Err(e.into()),
    }
}
