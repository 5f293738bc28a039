//! The "Add customer" wizard: Account info, Subscriptions, Review, then the confirmation.
//! The draft lives on the server, one per user; Submit is the API's one-transaction
//! onboarding, made idempotent by the draft's submission key.

pub mod account;
pub mod confirmation;
pub mod fields;
pub mod review;
pub mod subscriptions;

use axum::response::{IntoResponse, Redirect, Response};
use partnerdesk_domain::PartnerId;
use partnerdesk_domain::draft::{Draft, Step};
use partnerdesk_domain::partner::Permission;
use partnerdesk_store::{StoredResponse, secrets};

use crate::error::ApiError;
use crate::pages::form::FormData;
use crate::pages::session::{SignedIn, csrf_matches};
use crate::state::AppState;

/// The user's draft (a new one when there is none), if they may add customers.
pub async fn load(state: &AppState, user: &SignedIn) -> Result<Draft, Response> {
    let principal = &user.principal;
    user.require(Permission::AddCustomer)
        .map_err(IntoResponse::into_response)?;
    let changed_since = time::OffsetDateTime::now_utc() - state.settings.draft_max_age;
    match state.store.draft(principal.user.id, changed_since).await {
        Ok(Some(draft)) => Ok(draft),
        Ok(None) => Ok(Draft::new(uuid::Uuid::new_v4().to_string())),
        Err(e) => Err(ApiError::from(e).into_response()),
    }
}

pub async fn save(state: &AppState, user: &SignedIn, draft: &Draft) -> Result<(), Response> {
    let principal = &user.principal;
    state
        .store
        .save_draft(principal.user.id, principal.partner.id, draft)
        .await
        .map_err(|e| ApiError::from(e).into_response())
}

/// Whether the form carries this session's CSRF token.
pub fn csrf_ok(user: &SignedIn, form: &FormData) -> bool {
    csrf_matches(&user.secret, form.get("csrf"))
}

/// The idempotency key of the draft's submission, as stored.
pub fn submission_key(draft: &Draft) -> Vec<u8> {
    secrets::sha256(format!("portal draft\n{}", draft.submit_key).as_bytes())
}

/// The answer to the draft's submission, if it was submitted.
pub async fn submission(
    state: &AppState,
    partner: PartnerId,
    draft: &Draft,
) -> Result<Option<StoredResponse>, Response> {
    state
        .store
        .stored_response(partner, submission_key(draft))
        .await
        .map_err(|e| ApiError::from(e).into_response())
}

/// Where the wizard is.
pub fn step_path(step: Step) -> &'static str {
    match step {
        Step::Account => "/customers/new/account",
        Step::Subscriptions => "/customers/new/subscriptions",
        Step::Review => "/customers/new/review",
    }
}

/// `/customers/new`: resumes the draft where it was left, or shows its confirmation.
pub async fn resume(axum::extract::State(state): axum::extract::State<AppState>, user: SignedIn) -> Response {
    let draft = match load(&state, &user).await {
        Ok(draft) => draft,
        Err(response) => return response,
    };
    match submission(&state, user.principal.partner.id, &draft).await {
        Ok(Some(_)) => Redirect::to("/customers/new/confirmation").into_response(),
        Ok(None) => Redirect::to(step_path(draft.step)).into_response(),
        Err(response) => response,
    }
}

/// Sends a submitted draft to its confirmation instead of its steps.
pub async fn guard_submitted(state: &AppState, user: &SignedIn, draft: &Draft) -> Result<(), Response> {
    match submission(state, user.principal.partner.id, draft).await? {
        Some(_) => Err(Redirect::to("/customers/new/confirmation").into_response()),
        None => Ok(()),
    }
}
