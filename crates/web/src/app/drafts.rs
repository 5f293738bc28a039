//! The "Add customer" wizard's draft, one per user, kept on the server so that a reload,
//! another tab or another sign-in resumes it; and its submission: the same onboarding as
//! the API's, once per draft. Once a draft is submitted, the next visit to the wizard
//! starts a new one.

use partnerdesk_domain::draft::Draft;
use partnerdesk_domain::onboarding::Onboarding;
use partnerdesk_domain::partner::Permission;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::app::customers::{self, NewCustomerRequest};
use crate::app::idempotency::{self, Created, Replay, RequestKey};
use crate::app::{AppError, Caller};
use crate::state::AppState;

/// The caller's draft to work on: the unfinished one, or a new one when there is none or
/// the last was submitted.
pub async fn load(state: &AppState, caller: &Caller, session: &str) -> Result<Draft, AppError> {
    caller.require(Permission::AddCustomer)?;
    let changed_since = OffsetDateTime::now_utc() - state.settings.draft_max_age;
    let current = state.store.draft(caller.user_id(), changed_since).await?;
    match current {
        Some(draft)
            if submission(state, caller, &draft.submit_key, session)
                .await?
                .is_none() =>
        {
            Ok(draft)
        }
        _ => Ok(Draft::new(uuid::Uuid::new_v4().to_string())),
    }
}

pub async fn save(state: &AppState, caller: &Caller, draft: &Draft) -> Result<(), AppError> {
    Ok(state
        .store
        .save_draft(caller.user_id(), caller.partner_id(), draft)
        .await?)
}

/// Cancel: forgets the unfinished draft.
pub async fn discard(state: &AppState, caller: &Caller) -> Result<(), AppError> {
    caller.require(Permission::AddCustomer)?;
    Ok(state.store.delete_draft(caller.user_id()).await?)
}

/// What a submission answers: the customer, and its admin's temporary password while it
/// may still be shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Submitted {
    pub customer_id: String,
    pub company_name: String,
    pub domain: String,
    pub user_name: String,
    #[serde(skip)]
    pub password: Option<String>,
}

/// The key of a draft's submission. Its password is sealed with the session's secret
/// and the draft's key, neither of which the database holds: only this browser sees it.
fn key(submit_key: &str, session: &str) -> RequestKey {
    let sealing = format!("{session}\n{submit_key}");
    RequestKey::form("portal draft", "", submit_key, sealing)
}

fn answered(replay: Replay) -> Result<Submitted, AppError> {
    let mut submitted: Submitted =
        serde_json::from_str(&replay.body).map_err(|e| AppError::Internal(e.to_string()))?;
    submitted.password = replay.secret;
    Ok(submitted)
}

/// The submission of the draft with `submit_key`, if it was submitted.
pub async fn submission(
    state: &AppState,
    caller: &Caller,
    submit_key: &str,
    session: &str,
) -> Result<Option<Submitted>, AppError> {
    let replay = idempotency::replay(state, caller.partner_id(), Some(&key(submit_key, session))).await?;
    replay.map(answered).transpose()
}

/// Creates the customer the draft describes, once; a second submission of the same draft
/// gets the first's answer.
pub async fn submit(
    state: &AppState,
    caller: &Caller,
    draft: &Draft,
    session: &str,
) -> Result<Submitted, AppError> {
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
        password: None,
    };
    let key = key(&draft.submit_key, session);
    match customers::onboard(state, caller, request, Some(key), render).await? {
        Created::New(onboarded) => Ok(Submitted {
            password: Some(onboarded.password),
            ..onboarded.answer
        }),
        Created::Replayed(replay) => answered(replay),
    }
}

/// The password was shown: it is not kept for a resubmission any longer.
pub async fn forget_password(
    state: &AppState,
    caller: &Caller,
    submit_key: &str,
    session: &str,
) -> Result<(), AppError> {
    idempotency::forget_secret(state, caller.partner_id(), &key(submit_key, session)).await
}
