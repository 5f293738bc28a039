//! The "Add customer" wizard: Account info, Subscriptions, Review, then the confirmation.
//! The draft lives on the server, one per user (`app::drafts`); Submit is the API's
//! one-transaction onboarding, once per draft; after it the wizard starts a new customer.

pub mod account;
pub mod confirmation;
pub mod review;
pub mod subscriptions;

use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use partnerdesk_domain::draft::{Draft, Step};
use serde::Deserialize;

use crate::app::drafts;
use crate::i18n;
use crate::portal::session::{Can, guard};
use crate::state::AppState;
use crate::ui::confirm::{self, Question};
use crate::ui::{Flash, Form, PageError};

/// Where the wizard is.
pub fn step_path(step: Step) -> &'static str {
    match step {
        Step::Account => "/customers/new/account",
        Step::Subscriptions => "/customers/new/subscriptions",
        Step::Review => "/customers/new/review",
    }
}

const CONFIRMATION: &str = "/customers/new/confirmation";

/// A user who may add customers, with the draft they work on.
pub struct Drafting {
    pub user: Can<guard::AddCustomer>,
    pub draft: Draft,
}

impl Drafting {
    pub async fn save(&self, state: &AppState) -> Result<(), PageError> {
        Ok(drafts::save(state, &self.user.caller, &self.draft).await?)
    }

    /// Saves the draft at `step` and goes there.
    pub async fn go(mut self, state: &AppState, step: Step) -> Result<Response, PageError> {
        self.draft.step = step;
        self.save(state).await?;
        Ok(Redirect::to(step_path(step)).into_response())
    }
}

impl FromRequestParts<AppState> for Drafting {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let user = Can::<guard::AddCustomer>::from_request_parts(parts, state).await?;
        let draft = drafts::load(state, &user.caller, &user.secret)
            .await
            .map_err(|e| PageError::from(e).into_response())?;
        Ok(Drafting { user, draft })
    }
}

/// `/customers/new`: resumes the draft where it was left, or starts a new one.
pub async fn resume(State(_): State<AppState>, wizard: Drafting) -> Response {
    Redirect::to(step_path(wizard.draft.step)).into_response()
}

#[derive(Deserialize)]
pub struct CancelForm {
    #[serde(default)]
    confirmed: String,
}

/// Cancel: once confirmed, the draft is discarded and the customers are shown again.
pub async fn cancel(
    State(state): State<AppState>,
    jar: CookieJar,
    user: Can<guard::AddCustomer>,
    Form(form): Form<CancelForm>,
) -> Result<Response, PageError> {
    if !confirm::confirmed(&form.confirmed) {
        let question = Question {
            text: i18n::text(user.locale, "confirm-discard"),
            button: i18n::text(user.locale, "confirm-discard-button"),
            action: "/customers/new/cancel".into(),
            fields: Vec::new(),
            cancel: "/customers/new".into(),
        };
        return Ok(confirm::ask(
            user.page("wizard-title", "/customers/new"),
            question,
        ));
    }
    drafts::discard(&state, &user.caller).await?;
    let jar = user.flash(jar, &Flash::notice("wizard-cancelled"));
    Ok((jar, Redirect::to("/customers")).into_response())
}
