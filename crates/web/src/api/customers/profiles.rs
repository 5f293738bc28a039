//! One customer, its company profile and its billing profile (read, and replace with
//! `If-Match`).

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use partnerdesk_domain::customer::BillingDetails;
use partnerdesk_domain::partner::{PartnerKind, Permission};

use crate::api::CustomerPath;
use crate::api::auth::ApiCaller;
use crate::api::error::ApiError;
use crate::api::json::ApiJson;
use crate::api::requests::{self, AddressRequest, BILLING_PROFILE, BillingProfileRequest};
use crate::api::resources::customer::{BillingProfileResource, CompanyProfileResource, CustomerResource};
use crate::api::resources::{expected_version, with_etag};
use crate::app::customers;
use crate::state::AppState;

/// Get a customer
#[utoipa::path(
    get,
    path = "/v1/customers/{customer}",
    tag = "Customers",
    params(("customer" = String, Path, description = "Customer id")),
    responses(
        (status = 200, description = "The customer", body = CustomerResource),
        (status = 404, description = "Not one of your customers", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn get_customer(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    CustomerPath(id): CustomerPath,
) -> Result<Json<CustomerResource>, ApiError> {
    let customer = customers::customer(&state, &caller, id).await?;
    let provider_view = caller.kind() != PartnerKind::IndirectReseller;
    Ok(Json(CustomerResource::new(&customer, provider_view)))
}

/// Get a customer's company profile
#[utoipa::path(
    get,
    path = "/v1/customers/{customer}/profiles/company",
    tag = "Customers",
    params(("customer" = String, Path, description = "Customer id")),
    responses((status = 200, description = "The company profile", body = CompanyProfileResource)),
    security(("bearer" = []))
)]
pub(crate) async fn get_company_profile(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    CustomerPath(id): CustomerPath,
) -> Result<Json<CompanyProfileResource>, ApiError> {
    let customer = customers::customer(&state, &caller, id).await?;
    Ok(Json(CompanyProfileResource::new(&customer)))
}

/// Get a customer's billing profile
///
/// The `ETag` header and `attributes.etag` carry the version that `If-Match` must name to
/// replace it.
#[utoipa::path(
    get,
    path = "/v1/customers/{customer}/profiles/billing",
    tag = "Customers",
    params(("customer" = String, Path, description = "Customer id")),
    responses((status = 200, description = "The billing profile", body = BillingProfileResource)),
    security(("bearer" = []))
)]
pub(crate) async fn get_billing_profile(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    CustomerPath(id): CustomerPath,
) -> Result<Response, ApiError> {
    let customer = customers::customer(&state, &caller, id).await?;
    Ok(with_etag(
        BillingProfileResource::new(&customer),
        customer.billing.version,
    ))
}

/// Replace a customer's billing profile
///
/// Requires the current etag in `If-Match` (or in `attributes.etag`): a stale one is
/// answered 412 and changes nothing. The country can't change.
#[utoipa::path(
    put,
    path = "/v1/customers/{customer}/profiles/billing",
    tag = "Customers",
    request_body = BillingProfileRequest,
    params(
        ("customer" = String, Path, description = "Customer id"),
        ("If-Match" = Option<String>, Header, description = "The etag of the profile you read"),
    ),
    responses(
        (status = 200, description = "The new profile", body = BillingProfileResource),
        (status = 400, description = "A value is invalid", body = crate::api::error::ErrorBody),
        (status = 412, description = "The profile changed since you read it", body = crate::api::error::ErrorBody),
        (status = 428, description = "No etag given", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn update_billing_profile(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    CustomerPath(id): CustomerPath,
    headers: HeaderMap,
    body: ApiJson<BillingProfileRequest>,
) -> Result<Response, ApiError> {
    caller.require(Permission::EditBillingProfile)?;
    let current = customers::customer(&state, &caller, id).await?;
    let etag = body.value.attributes.as_ref().and_then(|a| a.etag.as_deref());
    let version = expected_version(&headers, etag)?;
    let country = current.billing.address.country.to_string();
    let blank = AddressRequest::default();
    let input = body.value.input(&blank, &country);
    let details = BillingDetails::parse(&input, &caller.principal.partner_domains);
    let updated = customers::update_billing_profile(&state, &caller, id, details, version)
        .await
        .map_err(|e| ApiError::placed(e, |f| requests::path(f, BILLING_PROFILE)))?;
    Ok(with_etag(
        BillingProfileResource::new(&updated),
        updated.billing.version,
    ))
}
