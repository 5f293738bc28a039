//! Orders and the subscriptions they create.

use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use partnerdesk_domain::partner::Permission;

use crate::api::auth::ApiCaller;
use crate::api::created::{IdempotencyKey, created, replayed};
use crate::api::error::ApiError;
use crate::api::json::ApiJson;
use crate::api::requests::{self, CREATE_CUSTOMER, CreateOrderRequest};
use crate::api::resources::Collection;
use crate::api::resources::commerce::OrderResource;
use crate::api::{CustomerPath, OrderPath};
use crate::app::AppError;
use crate::app::idempotency::Created;
use crate::app::orders;
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
        (status = 400, description = "A line item is invalid (800004, 800070, 900275, 800029)", body = crate::api::error::ErrorBody),
        (status = 403, description = "No agreement acceptance (13605), or the role can't order", body = crate::api::error::ErrorBody),
        (status = 409, description = "The parent subscription isn't active (27009)", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn create(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    CustomerPath(id): CustomerPath,
    key: IdempotencyKey,
    body: ApiJson<CreateOrderRequest>,
) -> Result<Response, ApiError> {
    let key = key.for_body(&body.digest);
    let items = requests::line_items(&body.value.line_items);
    let outcome = orders::place(&state, &caller, id, &items, key, |placed| {
        OrderResource::new(&placed.order)
    })
    .await
    .map_err(placed)?;
    created(outcome, |r| format!("/v1/customers/{id}/orders/{}", r.id))
}

/// Line items' errors, placed in the request body.
fn placed(e: AppError) -> ApiError {
    ApiError::placed(e, |f| requests::path(f, CREATE_CUSTOMER))
}

/// Buy add-ons for an order's subscriptions
///
/// Partner Center's add-on purchase: the order is the parent subscription's, and each
/// line item names its parent in `parentSubscriptionId` (800029 when the add-on isn't for
/// the parent's offer, 27009 when the parent isn't active). Answers the order with its
/// new lines; once per `MS-RequestId`, whose retries get the same answer.
#[utoipa::path(
    patch,
    path = "/v1/customers/{customer}/orders/{order}",
    tag = "Orders",
    request_body = CreateOrderRequest,
    params(
        ("customer" = String, Path, description = "Customer id"),
        ("order" = String, Path, description = "The parent subscription's order id"),
        ("MS-RequestId" = Option<String>, Header, description = "Idempotency key: a retry gets the first answer"),
    ),
    responses(
        (status = 200, description = "The order with the add-ons", body = OrderResource),
        (status = 400, description = "A line item is invalid (800004, 900275, 800029) or isn't an add-on of this order's subscriptions", body = crate::api::error::ErrorBody),
        (status = 404, description = "No such order of yours", body = crate::api::error::ErrorBody),
        (status = 409, description = "The parent subscription isn't active (27009)", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn add_add_ons(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    OrderPath(id, order): OrderPath,
    key: IdempotencyKey,
    body: ApiJson<CreateOrderRequest>,
) -> Result<Response, ApiError> {
    let key = key.for_body(&body.digest);
    let items = requests::line_items(&body.value.line_items);
    match orders::buy_add_ons(&state, &caller, id, order, &items, key, OrderResource::new)
        .await
        .map_err(placed)?
    {
        Created::New(resource) => Ok(Json(resource).into_response()),
        Created::Replayed(replay) => replayed(replay),
    }
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
    ApiCaller(caller): ApiCaller,
    CustomerPath(id): CustomerPath,
) -> Result<Json<Collection<OrderResource>>, ApiError> {
    caller.require(Permission::ViewCustomers)?;
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
    ApiCaller(caller): ApiCaller,
    OrderPath(id, order): OrderPath,
) -> Result<Json<OrderResource>, ApiError> {
    caller.require(Permission::ViewCustomers)?;
    let order = state
        .store
        .order(caller.partner_id(), id, order)
        .await
        .map_err(ApiError::not_found_as("api-order-not-found"))?;
    Ok(Json(OrderResource::new(&order)))
}
