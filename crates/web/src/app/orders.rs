//! Orders: placing one for a customer (one subscription per line, once per key), and
//! buying add-ons into the order of their parent subscriptions.

use std::sync::Arc;

use partnerdesk_domain::catalog::Catalog;
use partnerdesk_domain::country::CountryCode;
use partnerdesk_domain::onboarding::{OrderLine, PlacedOrder, ResellerRef, place_order};
use partnerdesk_domain::order::{LineItemInput, Order, parse_line_items};
use partnerdesk_domain::partner::Permission;
use partnerdesk_domain::{CustomerId, Field, FieldError, OrderId, Rule};
use partnerdesk_store::{Conflict, StoreError};
use serde::Serialize;
use time::OffsetDateTime;

use crate::app::idempotency::{Created, RequestKey, lost_race, replay};
use crate::app::{AppError, Caller, sellers};
use crate::state::AppState;

/// Places an order of `items` for a customer of the caller's, once per `key`. Where the
/// cloud requires it, the customer must have accepted the agreement (13605). `render`
/// makes the answer kept for retries.
pub async fn place<R: Serialize>(
    state: &AppState,
    caller: &Caller,
    customer: CustomerId,
    items: &[LineItemInput],
    key: Option<RequestKey>,
    render: impl FnOnce(&PlacedOrder) -> R,
) -> Result<Created<R>, AppError> {
    caller.require(Permission::PlaceOrder)?;
    let partner = caller.partner_id();
    if let Some(replayed) = replay(state, partner, key.as_ref()).await? {
        return Ok(Created::Replayed(replayed));
    }
    let (lines, country, catalog) = checked(state, caller, customer, items, false).await?;
    let placed = placed(state, caller, customer, country, lines, &catalog).await?;
    let answer = render(&placed);
    let record = key
        .as_ref()
        .map(|k| k.record(partner, 201, &answer, None))
        .transpose()?;
    let required = state.settings.profile.agreement_required;
    match state
        .store
        .place_order(partner, placed, required, catalog, record, caller.actor())
        .await
    {
        Ok(()) => {
            metrics::counter!("orders_placed_total").increment(1);
            Ok(Created::New(answer))
        }
        Err(StoreError::Conflict(Conflict::RequestId)) => lost_race(state, partner, key.as_ref()).await,
        Err(e) => Err(e.into()),
    }
}

/// Buys add-ons into `order`: each line names its parent, a subscription of that order
/// (800029 when the add-on isn't for the parent's offer, 27009 when the parent isn't
/// active). A line without a partner of record is sold through its parent's. Once per
/// `key`; answers the order with its new lines as `render` makes it, which is also the
/// answer kept for a retry.
pub async fn buy_add_ons<R: Serialize>(
    state: &AppState,
    caller: &Caller,
    customer: CustomerId,
    order: OrderId,
    items: &[LineItemInput],
    key: Option<RequestKey>,
    render: impl Fn(&Order) -> R + Send + Sync + 'static,
) -> Result<Created<R>, AppError> {
    caller.require(Permission::PlaceOrder)?;
    let partner = caller.partner_id();
    if let Some(replayed) = replay(state, partner, key.as_ref()).await? {
        return Ok(Created::Replayed(replayed));
    }
    let (mut lines, country, catalog) = checked(state, caller, customer, items, true).await?;
    inherit_resellers(state, caller, customer, order, &mut lines).await?;
    let placed = placed(state, caller, customer, country, lines, &catalog).await?;
    let render = Arc::new(render);
    let claim = match &key {
        Some(k) => {
            let render = render.clone();
            Some(k.claim(partner, 200, move |o: &Order| render(o))?)
        }
        None => None,
    };
    match state
        .store
        .add_to_order(partner, order, placed, catalog, claim, caller.actor())
        .await
    {
        Ok(updated) => {
            metrics::counter!("orders_placed_total").increment(1);
            Ok(Created::New(render(&updated)))
        }
        Err(StoreError::NotFound) => Err(AppError::NotFound("api-order-not-found")),
        Err(StoreError::Conflict(Conflict::RequestId)) => lost_race(state, partner, key.as_ref()).await,
        Err(e) => Err(e.into()),
    }
}

/// Add-on lines that name no partner of record are sold through their parent's reseller.
async fn inherit_resellers(
    state: &AppState,
    caller: &Caller,
    customer: CustomerId,
    order: OrderId,
    lines: &mut [OrderLine],
) -> Result<(), AppError> {
    let parents = state
        .store
        .subscriptions(caller.partner_id(), customer, Some(order))
        .await?;
    for line in lines.iter_mut().filter(|l| l.item.partner_id_on_record.is_none()) {
        let parent = parents
            .iter()
            .find(|p| Some(p.id) == line.item.parent_subscription_id);
        if let Some(parent) = parent {
            line.reseller = parent.reseller_id.map(|id| ResellerRef {
                id,
                mpn_id: parent.partner_id_on_record.clone().unwrap_or_default(),
            });
        }
    }
    Ok(())
}

/// The order of `lines`, priced by the caller's customer prices for `customer`.
async fn placed(
    state: &AppState,
    caller: &Caller,
    customer: CustomerId,
    country: CountryCode,
    lines: Vec<OrderLine>,
    catalog: &Catalog,
) -> Result<PlacedOrder, AppError> {
    let markups = state.store.markups(caller.partner_id(), Some(customer)).await?;
    place_order(
        customer,
        country,
        caller.seller(),
        lines,
        (catalog, &markups),
        OffsetDateTime::now_utc(),
    )
    .map_err(AppError::Invalid)
}

/// The request's line items checked against the catalog, the customer's country and the
/// caller's resellers, with the customer's country (its market). With `add_ons_only`, every line must
/// be an add-on.
async fn checked(
    state: &AppState,
    caller: &Caller,
    customer: CustomerId,
    items: &[LineItemInput],
    add_ons_only: bool,
) -> Result<(Vec<OrderLine>, CountryCode, Arc<Catalog>), AppError> {
    let current = state.store.customer(caller.partner_id(), customer).await?;
    let catalog = state.store.catalog().await?;
    let country = current.billing.address.country;
    let items = parse_line_items(items, &catalog, country).map_err(AppError::Invalid)?;
    if add_ons_only {
        let errors: Vec<FieldError> = (0..)
            .zip(&items)
            .filter(|(_, item)| item.parent_subscription_id.is_none())
            .map(|(i, _)| FieldError::new(Field::Offer(i), Rule::OnlyAddOns))
            .collect();
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
    }
    let resellers = sellers::resellers(state, caller).await?;
    let lines = sellers::resolve(items, current.associated_partner_id, caller, &resellers)
        .map_err(AppError::Invalid)?;
    Ok((lines, country, catalog))
}
