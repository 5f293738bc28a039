//! The "Add customer" wizard: Account info, Subscriptions, Review, then the confirmation.
//! The draft lives on the server, one per user (`app::drafts`); Submit is the API's
//! one-transaction onboarding, once per draft.

pub mod account;
pub mod confirmation;
pub mod fields;
pub mod review;
pub mod subscriptions;

use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use partnerdesk_domain::draft::{Draft, Step};

use crate::app::drafts;
use crate::portal::session::{Can, guard};
use crate::state::AppState;
use crate::ui::PageError;

/// Where the wizard is.
pub fn step_path(step: Step) -> &'static str {
    match step {
        Step::Account => "/customers/new/account",
        Step::Subscriptions => "/customers/new/subscriptions",
        Step::Review => "/customers/new/review",
    }
}

const CONFIRMATION: &str = "/customers/new/confirmation";

/// A user who may add customers, with their draft. A draft that was submitted already
/// sends the browser to its confirmation instead.
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
        let fail = |e| PageError::from(e).into_response();
        let draft = drafts::load(state, &user.caller).await.map_err(fail)?;
        let submitted = drafts::submission(state, &user.caller, &draft, &user.secret)
            .await
            .map_err(fail)?;
        if submitted.is_some() {
            return Err(Redirect::to(CONFIRMATION).into_response());
        }
        Ok(Drafting { user, draft })
    }
}

/// `/customers/new`: resumes the draft where it was left.
pub async fn resume(State(_): State<AppState>, wizard: Drafting) -> Response {
    Redirect::to(step_path(wizard.draft.step)).into_response()
}
