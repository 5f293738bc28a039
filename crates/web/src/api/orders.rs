//! Orders and the subscriptions they create.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

use partnerdesk_domain::catalog::Catalog;
use partnerdesk_domain::onboarding::{PlacedOrder, Seller, place_order};
use partnerdesk_domain::order::parse_line_items;
use partnerdesk_domain::partner::Permission;
use partnerdesk_domain::{CustomerId, Field, FieldError, Rule};
use partnerdesk_store::{Conflict, StoreError};
use time::OffsetDateTime;

use crate::api::auth::Caller;
use crate::api::idempotency::{RequestKey, replay};
use crate::api::json::ApiJson;
use crate::api::requests::{self, CREATE_CUSTOMER, CreateOrderRequest};
use crate::api::resources::Collection;
use crate::api::resources::commerce::OrderResource;
use crate::api::{customer_id, order_id, sellers};
use crate::error::ApiError;
use crate::state::AppState;

/// Place an order
///
/// One subscription per line item, in one transaction. Where the cloud requires it, the
/// customer must have accepted the customer agreement first (13605). Add-ons name their
/// parent subscription in `parentSubscriptionId`.
#[utoipa::path(
    post,
    path = "/v1/customers/{customer}/orders",
    tag = "Orders",
    request_body = CreateOrderRequest,
    params(
        ("customer" = String, Path, description = "Customer id"),
        ("MS-RequestId" = Option<String>, Header, description = "Idempotency key"),
    ),
    responses(
        (status = 201, description = "Placed", body = OrderResource),
        (status = 400, description = "A line item is invalid (800004, 800070, 900275, 800029)", body = crate::error::ErrorBody),
        (status = 403, description = "No agreement acceptance (13605), or the role can't order", body = crate::error::ErrorBody),
        (status = 409, description = "The parent subscription isn't active (27009)", body = crate::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn create(
    State(state): State<AppState>,
    caller: Caller,
    Path(customer): Path<String>,
    headers: HeaderMap,
    body: ApiJson<CreateOrderRequest>,
) -> Result<Response, ApiError> {
    caller.require(Permission::PlaceOrder)?;
    let id = customer_id(&customer)?;
    let key = RequestKey::new(&headers, &format!("POST /v1/customers/{id}/orders"), &body.digest);
    if let Some(replayed) = replay(&state, caller.partner_id(), key.as_ref()).await? {
        return Ok(replayed);
    }
    let (placed, catalog) = checked_order(&state, &caller, id, &body.value, false).await?;
    let resource = OrderResource::new(&placed.order);
    let record = key
        .as_ref()
        .map(|k| k.record(caller.partner_id(), StatusCode::CREATED, &resource, None))
        .transpose()?;
    let required = state.settings.profile.agreement_required;
    match state
        .store
        .place_order(
            caller.partner_id(),
            placed,
            required,
            catalog,
            record,
            caller.actor(),
        )
        .await
    {
        Ok(()) => {}
        Err(StoreError::Conflict(Conflict::RequestId)) => {
            return replay(&state, caller.partner_id(), key.as_ref())
                .await?
                .ok_or_else(|| ApiError::Internal("a claimed request id without a response".into()));
        }
        Err(StoreError::Invalid(errors)) => {
            return Err(ApiError::fields(errors, |f| requests::path(f, CREATE_CUSTOMER)));
        }
        Err(e) => return Err(e.into()),
    }
    metrics::counter!("orders_placed_total").increment(1);
    let location = format!("/v1/customers/{id}/orders/{}", resource.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(resource),
    )
        .into_response())
}

/// Buy add-ons for an order's subscriptions
///
/// Partner Center's add-on purchase: the order is the parent subscription's, and each
/// line item names its parent in `parentSubscriptionId` (800029 when the add-on isn't for
/// the parent's offer, 27009 when the parent isn't active). Answers the order with its
/// new lines.
#[utoipa::path(
    patch,
    path = "/v1/customers/{customer}/orders/{order}",
    tag = "Orders",
    request_body = CreateOrderRequest,
    params(("customer" = String, Path, description = "Customer id"), ("order" = String, Path, description = "The parent subscription's order id")),
    responses(
        (status = 200, description = "The order with the add-ons", body = OrderResource),
        (status = 400, description = "A line item is invalid (800004, 900275, 800029) or isn't an add-on of this order's subscriptions", body = crate::error::ErrorBody),
        (status = 404, description = "No such order of yours", body = crate::error::ErrorBody),
        (status = 409, description = "The parent subscription isn't active (27009)", body = crate::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn add_add_ons(
    State(state): State<AppState>,
    caller: Caller,
    Path((customer, order)): Path<(String, String)>,
    body: ApiJson<CreateOrderRequest>,
) -> Result<Json<OrderResource>, ApiError> {
    caller.require(Permission::PlaceOrder)?;
    let id = customer_id(&customer)?;
    let order = order_id(&order)?;
    let (placed, catalog) = checked_order(&state, &caller, id, &body.value, true).await?;
    let updated = state
        .store
        .add_to_order(caller.partner_id(), order, placed, catalog, None, caller.actor())
        .await
        .map_err(|e| match e {
            StoreError::NotFound => ApiError::NotFound("api-order-not-found"),
            StoreError::Invalid(errors) => ApiError::fields(errors, |f| requests::path(f, CREATE_CUSTOMER)),
            other => other.into(),
        })?;
    metrics::counter!("orders_placed_total").increment(1);
    Ok(Json(OrderResource::new(&updated)))
}

/// The request's line items checked against the catalog, the customer's country and the
/// caller's resellers, as an order to place. With `add_ons_only`, every line must be an
/// add-on.
async fn checked_order(
    state: &AppState,
    caller: &Caller,
    id: CustomerId,
    request: &CreateOrderRequest,
    add_ons_only: bool,
) -> Result<(PlacedOrder, Arc<Catalog>), ApiError> {
    let current = state.store.customer(caller.partner_id(), id).await?;
    let catalog = state.store.catalog().await?;
    let place = |f| requests::path(f, CREATE_CUSTOMER);
    let country = current.billing.address.country;
    let items = parse_line_items(&requests::line_items(&request.line_items), &catalog, country)
        .map_err(|e| ApiError::fields(e, place))?;
    if add_ons_only {
        let errors: Vec<FieldError> = (0..)
            .zip(&items)
            .filter(|(_, item)| item.parent_subscription_id.is_none())
            .map(|(i, _)| FieldError::new(Field::Offer(i), Rule::OnlyAddOns))
            .collect();
        if !errors.is_empty() {
            return Err(ApiError::fields(errors, place));
        }
    }
    let resellers = sellers::resellers(state, caller).await?;
    let lines = sellers::resolve(items, current.associated_partner_id, caller, &resellers)
        .map_err(|e| ApiError::fields(e, place))?;
    let seller = Seller {
        partner_id: caller.partner_id(),
        user_id: caller.0.user.id,
    };
    let placed = place_order(
        id,
        &country.info().currency_code,
        seller,
        lines,
        &catalog,
        OffsetDateTime::now_utc(),
    );
    Ok((placed, catalog))
}

/// List a customer's orders
#[utoipa::path(
    get,
    path = "/v1/customers/{customer}/orders",
    tag = "Orders",
    params(("customer" = String, Path, description = "Customer id")),
    responses((status = 200, description = "Oldest first", body = Collection<OrderResource>)),
    security(("bearer" = []))
)]
pub(crate) async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Path(customer): Path<String>,
) -> Result<Json<Collection<OrderResource>>, ApiError> {
    caller.require(Permission::ViewCustomers)?;
    let id = customer_id(&customer)?;
    let orders = state.store.orders(caller.partner_id(), id).await?;
    let items = orders.iter().map(OrderResource::new).collect();
    Ok(Json(Collection::new(items, format!("/customers/{id}/orders"))))
}

/// Get an order
#[utoipa::path(
    get,
    path = "/v1/customers/{customer}/orders/{order}",
    tag = "Orders",
    params(("customer" = String, Path, description = "Customer id"), ("order" = String, Path, description = "Order id")),
    responses((status = 200, description = "The order", body = OrderResource)),
    security(("bearer" = []))
)]
pub(crate) async fn get(
    State(state): State<AppState>,
    caller: Caller,
    Path((customer, order)): Path<(String, String)>,
) -> Result<Json<OrderResource>, ApiError> {
    caller.require(Permission::ViewCustomers)?;
    let id = customer_id(&customer)?;
    let order = order_id(&order)?;
    let order = state
        .store
        .order(caller.partner_id(), id, order)
        .await
        .map_err(ApiError::not_found_as("api-order-not-found"))?;
    Ok(Json(OrderResource::new(&order)))
}
