//! Subscriptions after the order: reading them, and changing a license count or
//! suspending and reactivating (with the add-ons that follow their parent).

use std::collections::HashMap;

use partnerdesk_domain::billing::SubscriptionTerm;
use partnerdesk_domain::partner::Permission;
use partnerdesk_domain::subscription::{Subscription, SubscriptionUpdateInput};
use partnerdesk_domain::{CustomerId, SubscriptionId};
use partnerdesk_store::StoreError;

use time::OffsetDateTime;

use crate::app::{AppError, Caller};
use crate::state::AppState;

const NOT_FOUND: &str = "api-subscription-not-found";

fn not_found(e: StoreError) -> AppError {
    AppError::not_found_as(NOT_FOUND)(e)
}

/// Changes a subscription the caller sold, if it is still at `expected_version` (when
/// given). Returns it as it is afterwards.
pub async fn change(
    state: &AppState,
    caller: &Caller,
    customer: CustomerId,
    subscription: SubscriptionId,
    input: SubscriptionUpdateInput,
    expected_version: Option<i64>,
) -> Result<Subscription, AppError> {
    caller.require(Permission::ManageSubscriptions)?;
    state
        .store
        .update_subscription(
            caller.partner_id(),
            customer,
            subscription,
            input,
            expected_version,
            caller.actor(),
            OffsetDateTime::now_utc(),
        )
        .await
        .map_err(not_found)
}

/// The current terms of the priced ones of `subscriptions` (which the caller has read).
pub async fn terms(
    state: &AppState,
    subscriptions: &[Subscription],
) -> Result<HashMap<SubscriptionId, SubscriptionTerm>, AppError> {
    let ids = subscriptions.iter().map(|s| s.id).collect();
    Ok(state.store.subscription_terms(ids).await?)
}

/// A subscription the caller may see.
pub async fn get(
    state: &AppState,
    caller: &Caller,
    customer: CustomerId,
    subscription: SubscriptionId,
) -> Result<Subscription, AppError> {
    caller.require(Permission::ViewCustomers)?;
    state
        .store
        .subscription(caller.partner_id(), customer, subscription)
        .await
        .map_err(not_found)
}

/// A subscription's add-ons the caller may see.
pub async fn add_ons(
    state: &AppState,
    caller: &Caller,
    customer: CustomerId,
    parent: SubscriptionId,
) -> Result<Vec<Subscription>, AppError> {
    caller.require(Permission::ViewCustomers)?;
    state
        .store
        .add_ons(caller.partner_id(), customer, parent)
        .await
        .map_err(not_found)
}
