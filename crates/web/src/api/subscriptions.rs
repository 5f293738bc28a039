//! Subscriptions: reading them, changing their license count and status, and their
//! add-ons.

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use partnerdesk_domain::Locale;
use partnerdesk_domain::partner::Permission;
use partnerdesk_domain::subscription::Subscription;
use serde::Deserialize;
use time::OffsetDateTime;

use crate::api::auth::{ApiCaller, Lang};
use crate::api::error::ApiError;
use crate::api::json::ApiJson;
use crate::api::query::{self, ApiQuery};
use crate::api::requests::{self, UpdateSubscriptionRequest};
use crate::api::resources::commerce::SubscriptionResource;
use crate::api::resources::{Collection, expected_version, with_etag};
use crate::api::{CustomerPath, SubscriptionPath};
use crate::app::subscriptions;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub(crate) struct SubscriptionParams {
    /// Only the subscriptions of this order.
    #[param(format = Uuid)]
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
pub(crate) async fn list(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Lang(locale): Lang,
    CustomerPath(id): CustomerPath,
    ApiQuery(params): ApiQuery<SubscriptionParams>,
) -> Result<Json<Collection<SubscriptionResource>>, ApiError> {
    caller.require(Permission::ViewCustomers)?;
    let order = query::optional(params.order_id.as_deref(), "order_id", "query-order-id", |raw| {
        raw.parse().ok()
    })?;
    let subscriptions = state.store.subscriptions(caller.partner_id(), id, order).await?;
    let items = resources(&state, &subscriptions, locale).await?;
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
    responses((status = 200, description = "The subscription; `ETag` is its version, for `If-Match`", body = SubscriptionResource)),
    security(("bearer" = []))
)]
pub(crate) async fn get(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Lang(locale): Lang,
    SubscriptionPath(id, subscription): SubscriptionPath,
) -> Result<Response, ApiError> {
    caller.require(Permission::ViewCustomers)?;
    let found = subscriptions::get(&state, &caller, id, subscription).await?;
    let version = found.version;
    Ok(with_etag(one(&state, found, locale).await?, version))
}

/// Change a subscription
///
/// Partner Center sends the whole subscription; `quantity`, `status` (`active`,
/// `suspended`, or `deleted` to cancel), `autoRenewEnabled` and
/// `scheduledNextTermInstructions` (the count and plan from the renewal on; `null`
/// removes it) are what change. A priced subscription's seats can be removed only within
/// 168 hours of when they were added (900214), and it can be cancelled only within 168
/// hours of its purchase or renewal (900213). `If-Match` (or `attributes.etag`) must name
/// the version read: a stale one is answered 412 and changes nothing. Suspending a
/// subscription suspends its add-ons; an add-on is reactivated only while its parent is
/// active. A cancelled or expired subscription (its term ended without a renewal) changes
/// no more.
#[utoipa::path(
    patch,
    path = "/v1/customers/{customer}/subscriptions/{subscription}",
    tag = "Subscriptions",
    request_body = UpdateSubscriptionRequest,
    params(
        ("customer" = String, Path, description = "Customer id"),
        ("subscription" = String, Path, description = "Subscription id"),
        ("If-Match" = Option<String>, Header, description = "The etag of the subscription you read"),
    ),
    responses(
        (status = 200, description = "The subscription afterwards", body = SubscriptionResource),
        (status = 400, description = "License count out of range (2002), changed while suspending (2001) or while suspended (800091), seats removed (900214) or cancelled (900213) past their window, unknown status, a cancelled or expired subscription; for scheduledNextTermInstructions: a count out of range, an unknown term or plan, a plan not priced on the renewal day (NoPriceInEffect), or auto-renewal off (NextTermNeedsAutoRenew)", body = crate::api::error::ErrorBody),
        (status = 409, description = "Reactivating an add-on whose parent isn't active (27009)", body = crate::api::error::ErrorBody),
        (status = 412, description = "The etag is stale", body = crate::api::error::ErrorBody),
        (status = 428, description = "No etag given", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn update(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Lang(locale): Lang,
    SubscriptionPath(id, subscription): SubscriptionPath,
    headers: HeaderMap,
    body: ApiJson<UpdateSubscriptionRequest>,
) -> Result<Response, ApiError> {
    caller.require(Permission::ManageSubscriptions)?;
    let request = &body.value;
    let version = expected_version(
        &headers,
        request.attributes.as_ref().and_then(|a| a.etag.as_deref()),
    )?;
    let input = request.input();
    let updated = subscriptions::change(&state, &caller, id, subscription, input, Some(version))
        .await
        .map_err(|e| ApiError::placed(e, |f| requests::path(f, requests::FLAT)))?;
    let version = updated.version;
    Ok(with_etag(one(&state, updated, locale).await?, version))
}

/// List a subscription's add-ons
#[utoipa::path(
    get,
    path = "/v1/customers/{customer}/subscriptions/{subscription}/addons",
    tag = "Subscriptions",
    params(("customer" = String, Path, description = "Customer id"), ("subscription" = String, Path, description = "The parent subscription's id")),
    responses(
        (status = 200, description = "Oldest first", body = Collection<SubscriptionResource>),
        (status = 404, description = "No such subscription for you", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn add_ons(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Lang(locale): Lang,
    SubscriptionPath(id, subscription): SubscriptionPath,
) -> Result<Json<Collection<SubscriptionResource>>, ApiError> {
    caller.require(Permission::ViewCustomers)?;
    let parent = subscription;
    let add_ons = subscriptions::add_ons(&state, &caller, id, parent).await?;
    let items = resources(&state, &add_ons, locale).await?;
    Ok(Json(Collection::new(
        items,
        format!("/customers/{id}/subscriptions/{parent}/addons"),
    )))
}

/// The resources of `subscriptions`, with their terms' windows as of now.
async fn resources(
    state: &AppState,
    subscriptions: &[Subscription],
    locale: Locale,
) -> Result<Vec<SubscriptionResource>, ApiError> {
    let catalog = state.store.catalog().await?;
    let terms = subscriptions::terms(state, subscriptions).await?;
    let now = OffsetDateTime::now_utc();
    Ok(subscriptions
        .iter()
        .map(|s| SubscriptionResource::new(s, terms.get(&s.id), now, &catalog, locale))
        .collect())
}

async fn one(
    state: &AppState,
    subscription: Subscription,
    locale: Locale,
) -> Result<SubscriptionResource, ApiError> {
    let mut one = resources(state, std::slice::from_ref(&subscription), locale).await?;
    one.pop()
        .ok_or_else(|| ApiError::Internal("no resource of a subscription".into()))
}
