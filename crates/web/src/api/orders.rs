//! Orders and the subscriptions they create.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use partnerdesk_domain::onboarding::{Seller, place_order};
use partnerdesk_domain::order::parse_line_items;
use partnerdesk_domain::partner::Permission;
use partnerdesk_store::{Conflict, StoreError};
use serde::Deserialize;
use time::OffsetDateTime;

use crate::api::auth::{Caller, Lang};
use crate::api::idempotency::{RequestKey, replay};
use crate::api::json::ApiJson;
use crate::api::requests::{self, CREATE_CUSTOMER, CreateOrderRequest};
use crate::api::resources::Collection;
use crate::api::resources::commerce::{OrderResource, SubscriptionResource};
use crate::api::{customer_id, order_id, sellers, subscription_id};
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
    let current = state.store.customer(caller.partner_id(), id).await?;
    let catalog = state.store.catalog().await?;
    let place = |f| requests::path(f, CREATE_CUSTOMER);
    let country = current.billing.address.country;
    let items = parse_line_items(&requests::line_items(&body.value.line_items), &catalog, country)
        .map_err(|e| ApiError::fields(e, place))?;
    let resellers = sellers::resellers(&state, &caller).await?;
    let lines = sellers::resolve(items, current.associated_partner_id, &caller, &resellers)
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
            seller.user_id,
            placed,
            required,
            catalog,
            record,
        )
        .await
    {
        Ok(()) => {}
        Err(StoreError::Conflict(Conflict::RequestId)) => {
            return replay(&state, caller.partner_id(), key.as_ref())
                .await?
                .ok_or_else(|| ApiError::Internal("a claimed request id without a response".into()));
        }
        Err(StoreError::Invalid(errors)) => return Err(ApiError::fields(errors, place)),
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
        .map_err(|e| match e {
            StoreError::NotFound => ApiError::NotFound("api-order-not-found"),
            other => other.into(),
        })?;
    Ok(Json(OrderResource::new(&order)))
}

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub(crate) struct SubscriptionParams {
    /// Only the subscriptions of this order.
    order_id: Option<String>,
}

/// List a customer's subscriptions
#[utoipa::path(
    get,
    path = "/v1/customers/{customer}/subscriptions",
    tag = "Subscriptions",
    params(("customer" = String, Path, description = "Customer id"), SubscriptionParams),
    responses((status = 200, description = "Oldest first", body = Collection<SubscriptionResource>)),
    security(("bearer" = []))
)]
pub(crate) async fn list_subscriptions(
    State(state): State<AppState>,
    caller: Caller,
    Lang(locale): Lang,
    Path(customer): Path<String>,
    Query(params): Query<SubscriptionParams>,
) -> Result<Json<Collection<SubscriptionResource>>, ApiError> {
    caller.require(Permission::ViewCustomers)?;
    let id = customer_id(&customer)?;
    let order = match params
        .order_id
        .as_deref()
        .map(str::trim)
        .filter(|o| !o.is_empty())
    {
        Some(raw) => Some(raw.parse().map_err(|_| ApiError::Query {
            parameter: "order_id",
            message: "query-order-id",
        })?),
        None => None,
    };
    let subscriptions = state.store.subscriptions(caller.partner_id(), id, order).await?;
    let catalog = state.store.catalog().await?;
    let items = subscriptions
        .iter()
        .map(|s| SubscriptionResource::new(s, &catalog, locale))
        .collect();
    Ok(Json(Collection::new(
        items,
        format!("/customers/{id}/subscriptions"),
    )))
}

/// Get a subscription
#[utoipa::path(
    get,
    path = "/v1/customers/{customer}/subscriptions/{subscription}",
    tag = "Subscriptions",
    params(("customer" = String, Path, description = "Customer id"), ("subscription" = String, Path, description = "Subscription id")),
    responses((status = 200, description = "The subscription", body = SubscriptionResource)),
    security(("bearer" = []))
)]
pub(crate) async fn get_subscription(
    State(state): State<AppState>,
    caller: Caller,
    Lang(locale): Lang,
    Path((customer, subscription)): Path<(String, String)>,
) -> Result<Json<SubscriptionResource>, ApiError> {
    caller.require(Permission::ViewCustomers)?;
    let id = customer_id(&customer)?;
    let subscription = subscription_id(&subscription)?;
    let found = state
        .store
        .subscription(caller.partner_id(), id, subscription)
        .await
        .map_err(|e| match e {
            StoreError::NotFound => ApiError::NotFound("api-subscription-not-found"),
            other => other.into(),
        })?;
    let catalog = state.store.catalog().await?;
    Ok(Json(SubscriptionResource::new(&found, &catalog, locale)))
}
