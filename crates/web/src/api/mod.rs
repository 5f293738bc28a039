//! The REST API under `/v1`, shaped like Microsoft Partner Center's; deviations are
//! recorded in `docs/API-DESIGN.md`.

pub(crate) mod activity;
pub(crate) mod agreements;
pub mod auth;
pub(crate) mod contract;
mod created;
pub(crate) mod customers;
pub(crate) mod domains;
pub mod error;
pub(crate) mod invoices;
pub mod json;
pub(crate) mod offers;
pub(crate) mod orders;
pub(crate) mod price_rules;
pub(crate) mod pricesheets;
mod query;
pub(crate) mod relationship_requests;
pub(crate) mod relationships;
pub mod requests;
pub mod resources;
pub(crate) mod subscriptions;
pub(crate) mod support;
pub(crate) mod validations;

use std::str::FromStr;

use axum::Router;
use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::request::Parts;
use axum::response::IntoResponse;
use axum::routing::{get, head, post};
use partnerdesk_domain::{CustomerId, OrderId, SubscriptionId};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::timeout::TimeoutLayer;

use crate::api::error::ApiError;
use crate::state::AppState;

pub(crate) use customers::{
    create_customer, get_billing_profile, get_company_profile, get_customer, list_customers,
    update_billing_profile,
};

/// Every `/v1` route, behind authentication, with errors rendered as JSON.
pub fn router(state: AppState) -> Router<AppState> {
    let timeout = state.settings.request_timeout;
    Router::new()
        .route("/customers", post(create_customer).get(list_customers))
        .route(
            "/customers/relationshiprequests",
            get(relationship_requests::request),
        )
        .route("/customers/{customer}", get(get_customer))
        .route(
            "/customers/{customer}/relationships",
            get(relationships::of_customer),
        )
        .route("/customers/{customer}/profiles/company", get(get_company_profile))
        .route(
            "/customers/{customer}/profiles/billing",
            get(get_billing_profile).put(update_billing_profile),
        )
        .route(
            "/customers/{customer}/agreements",
            get(agreements::list).post(agreements::create),
        )
        .route(
            "/customers/{customer}/orders",
            get(orders::list).post(orders::create),
        )
        .route(
            "/customers/{customer}/orders/{order}",
            get(orders::get).patch(orders::add_add_ons),
        )
        .route("/customers/{customer}/subscriptions", get(subscriptions::list))
        .route(
            "/customers/{customer}/subscriptions/{subscription}",
            get(subscriptions::get).patch(subscriptions::update),
        )
        .route(
            "/customers/{customer}/subscriptions/{subscription}/addons",
            get(subscriptions::add_ons),
        )
        .route("/domains/{domain}", head(domains::exists))
        .route(
            "/validations/checkdomainavailability/{prefix}",
            get(domains::check_availability),
        )
        .route("/validations/address", post(validations::address))
        .route(
            "/countryvalidationrules/{country}",
            get(validations::country_rules),
        )
        .route("/agreements", get(agreements::metadata))
        .route("/offers", get(offers::list))
        .route("/offers/{offer}", get(offers::get))
        .route("/offers/{offer}/addons", get(offers::add_ons))
        .route("/offercategories", get(offers::categories))
        .route("/relationships", get(relationships::list))
        .route("/auditrecords", get(activity::list))
        .route("/pricesheets/{market}", get(pricesheets::get))
        .route("/pricerules", get(price_rules::list).put(price_rules::put))
        .route("/invoices", get(invoices::list))
        .route("/invoices/unbilled/lineitems", get(invoices::unbilled))
        .route("/invoices/{invoice}", get(invoices::get))
        .route("/invoices/{invoice}/lineitems", get(invoices::line_items))
        .route(
            "/invoices/{invoice}/reconciliation",
            get(invoices::reconciliation),
        )
        .route(
            "/customers/{customer}/invoices/{invoice}/reconciliation",
            get(invoices::customer_reconciliation),
        )
        .route(
            "/invoices/{invoice}/documents/statement",
            get(invoices::statement),
        )
        .route(
            "/customers/{customer}/invoices/{invoice}/documents/statement",
            get(invoices::customer_statement),
        )
        .route("/customers/{customer}/invoices", get(invoices::customer_list))
        .route(
            "/customers/{customer}/invoices/{invoice}",
            get(invoices::customer_get),
        )
        .route(
            "/customers/{customer}/invoices/{invoice}/lineitems",
            get(invoices::customer_line_items),
        )
        .route(
            "/profiles/support",
            get(support::get_profile).put(support::put_profile),
        )
        .route("/servicerequests", get(support::list))
        .route("/servicerequests/supporttopics", get(support::topics))
        .route(
            "/servicerequests/{request}",
            get(support::get).patch(support::update).post(support::create),
        )
        .route("/servicerequests/{request}/files/{file}", get(support::file))
        .route(
            "/customers/{customer}/servicerequests",
            get(support::customer_list),
        )
        .route(
            "/customers/{customer}/servicerequests/{request}",
            get(support::customer_get).patch(support::customer_update),
        )
        .fallback(|| async { ApiError::NotFound("api-route-not-found") })
        .layer(axum::middleware::from_fn_with_state(state, auth::authenticate))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            timeout,
        ))
        .layer(CatchPanicLayer::custom(|_| {
            ApiError::Internal("a handler panicked".into()).into_response()
        }))
        .layer(axum::middleware::from_fn(error::render))
}

/// The customer a path names (`{customer}`). An id that isn't a GUID can't exist: 404.
pub(crate) struct CustomerPath(pub CustomerId);

/// A customer's order a path names (`{customer}/orders/{order}`).
pub(crate) struct OrderPath(pub CustomerId, pub OrderId);

/// A customer's subscription a path names (`{customer}/subscriptions/{subscription}`).
pub(crate) struct SubscriptionPath(pub CustomerId, pub SubscriptionId);

/// The path parameter `name`, parsed; 404 saying `message` when it can't be.
pub(crate) fn param<T: FromStr>(
    params: &RawPathParams,
    name: &str,
    message: &'static str,
) -> Result<T, ApiError> {
    params
        .iter()
        .find(|(key, _)| *key == name)
        .and_then(|(_, value)| value.parse().ok())
        .ok_or(ApiError::NotFound(message))
}

pub(crate) async fn params<S: Send + Sync>(parts: &mut Parts, state: &S) -> Result<RawPathParams, ApiError> {
    RawPathParams::from_request_parts(parts, state)
        .await
        .map_err(|_| ApiError::NotFound("api-route-not-found"))
}

const CUSTOMER: &str = "api-customer-not-found";

impl<S: Send + Sync> FromRequestParts<S> for CustomerPath {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let params = params(parts, state).await?;
        Ok(CustomerPath(param(&params, "customer", CUSTOMER)?))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for OrderPath {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let params = params(parts, state).await?;
        let customer = param(&params, "customer", CUSTOMER)?;
        Ok(OrderPath(
            customer,
            param(&params, "order", "api-order-not-found")?,
        ))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for SubscriptionPath {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let params = params(parts, state).await?;
        let customer = param(&params, "customer", CUSTOMER)?;
        let subscription = param(&params, "subscription", "api-subscription-not-found")?;
        Ok(SubscriptionPath(customer, subscription))
    }
}
