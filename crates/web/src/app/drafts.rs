//! The "Add customer" wizard's draft, one per user, kept on the server so that a reload,
//! another tab or another sign-in resumes it; and its submission: the same onboarding as
//! the API's, once per draft.

use partnerdesk_domain::draft::Draft;
use partnerdesk_domain::onboarding::Onboarding;
use partnerdesk_domain::partner::Permission;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::app::customers::{self, NewCustomerRequest};
use crate::app::idempotency::{self, Replay, RequestKey};
use crate::app::{AppError, Caller};
use crate::state::AppState;

/// The caller's draft, a new one when there is none.
pub async fn load(state: &AppState, caller: &Caller) -> Result<Draft, AppError> {
    caller.require(Permission::AddCustomer)?;
    let changed_since = OffsetDateTime::now_utc() - state.settings.draft_max_age;
    Ok(state
        .store
        .draft(caller.user_id(), changed_since)
        .await?
        .unwrap_or_else(|| Draft::new(uuid::Uuid::new_v4().to_string())))
}

pub async fn save(state: &AppState, caller: &Caller, draft: &Draft) -> Result<(), AppError> {
    Ok(state
        .store
        .save_draft(caller.user_id(), caller.partner_id(), draft)
        .await?)
}

/// What a submission keeps for its confirmation (the password, sealed, beside it).
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Submitted {
    pub customer_id: String,
    pub company_name: String,
    pub domain: String,
    pub user_name: String,
}

/// The key of the draft's submission. Its password is sealed with the session's secret
/// and the draft's key, neither of which the database holds: only this browser sees it.
fn key(draft: &Draft, session: &str) -> RequestKey {
    let sealing = format!("{session}\n{}", draft.submit_key);
    RequestKey::form("portal draft", "", &draft.submit_key, sealing)
}

/// The draft's submission, with its password while it is kept, if it was submitted.
pub async fn submission(
    state: &AppState,
    caller: &Caller,
    draft: &Draft,
    session: &str,
) -> Result<Option<(Submitted, Option<String>)>, AppError> {
    let Some(Replay { body, secret, .. }) =
        idempotency::replay(state, caller.partner_id(), Some(&key(draft, session))).await?
    else {
        return Ok(None);
    };
    let submitted = serde_json::from_str(&body).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(Some((submitted, secret)))
}

/// Creates the customer the draft describes, once.
pub async fn submit(state: &AppState, caller: &Caller, draft: &Draft, session: &str) -> Result<(), AppError> {
    let catalog = customers::catalog(state).await?;
    let now = OffsetDateTime::now_utc();
    let (customer, acceptance) = match draft.account.check(&customers::context(state, caller), now) {
        Ok((customer, acceptance)) => (Ok(customer), Ok(acceptance)),
        Err(errors) => (Err(errors), Ok(None)),
    };
    let request = NewCustomerRequest {
        customer,
        acceptance,
        items: draft.check_offers(&catalog),
        ordering: true,
    };
    let render = |o: &Onboarding| Submitted {
        customer_id: o.customer.id.to_string(),
        company_name: o.customer.company_name.clone(),
        domain: o.customer.domain.clone(),
        user_name: o.admin_user_name.clone(),
    };
    customers::onboard(state, caller, request, Some(key(draft, session)), render).await?;
    Ok(())
}

/// Done: forgets the submission's password and the draft.
pub async fn finish(state: &AppState, caller: &Caller, draft: &Draft, session: &str) -> Result<(), AppError> {
    idempotency::forget_secret(state, caller.partner_id(), &key(draft, session)).await?;
    Ok(state.store.delete_draft(caller.user_id()).await?)
}
