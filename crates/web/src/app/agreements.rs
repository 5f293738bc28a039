//! The customer agreement: recording that a customer accepted it, attested by the
//! caller's user, once per key.

use partnerdesk_domain::CustomerId;
use partnerdesk_domain::agreement::{Agreement, AgreementAcceptance, AgreementInput};
use partnerdesk_domain::onboarding::agreement_record;
use partnerdesk_domain::partner::Permission;
use partnerdesk_store::{Conflict, StoreError};
use serde::Serialize;
use time::OffsetDateTime;

use crate::app::idempotency::{Created, RequestKey, lost_race, replay};
use crate::app::{AppError, Caller};
use crate::state::AppState;

/// Records an acceptance for a customer of the caller's. `render` makes the answer kept
/// for retries, from the record and the agreement's link.
pub async fn record<R: Serialize>(
    state: &AppState,
    caller: &Caller,
    customer: CustomerId,
    input: &AgreementInput<'_>,
    key: Option<RequestKey>,
    render: impl FnOnce(&Agreement, &str) -> R,
) -> Result<Created<R>, AppError> {
    caller.require(Permission::AttestAgreement)?;
    let partner = caller.partner_id();
    if let Some(replayed) = replay(state, partner, key.as_ref()).await? {
        return Ok(Created::Replayed(replayed));
    }
    let current = state.store.customer(partner, customer).await?;
    let now = OffsetDateTime::now_utc();
    let country = current.billing.address.country;
    let acceptance = AgreementAcceptance::parse(input, &state.settings.profile, country, now)
        .map_err(AppError::Invalid)?;
    let link = acceptance.template.link.clone();
    let agreement = agreement_record(acceptance, customer, caller.seller(), now);
    let answer = render(&agreement, &link);
    let record = key
        .as_ref()
        .map(|k| k.record(partner, 201, &answer, None))
        .transpose()?;
    match state
        .store
        .record_agreement(partner, agreement, record, caller.actor())
        .await
    {
        Ok(()) => Ok(Created::New(answer)),
        Err(StoreError::Conflict(Conflict::RequestId)) => lost_race(state, partner, key.as_ref()).await,
        Err(e) => Err(e.into()),
    }
}
