//! Is a tenant domain free? `HEAD /v1/domains/{domain}` (200 taken, 404 free) and the
//! older `GET /v1/validations/checkdomainavailability/{prefix}` (true = free).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use partnerdesk_domain::Field;
use partnerdesk_domain::partner::Permission;
use partnerdesk_domain::tenant_domain::TenantDomain;

use crate::api::auth::ApiCaller;
use crate::api::error::ApiError;
use crate::state::AppState;

/// Check whether a domain exists
///
/// 200 when a customer has the domain, 404 when it is free. No body.
#[utoipa::path(
    head,
    path = "/v1/domains/{domain}",
    tag = "Domains",
    params(("domain" = String, Path, pattern = r"^[A-Za-z0-9]{1,27}(\.[A-Za-z0-9-]+)*$", description = "A prefix (`contoso`) or a full domain with this cloud's suffix (`contoso.onmicrosoft.com`)")),
    responses(
        (status = 200, description = "Taken"),
        (status = 404, description = "Free"),
        (status = 400, description = "A domain with another suffix than this cloud's"),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn exists(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(domain): Path<String>,
) -> Result<StatusCode, ApiError> {
    caller.require(Permission::ViewCustomers)?;
    let domain = parse(&domain, &state)?;
    if state.store.domain_taken(domain.as_str()).await? {
        Ok(StatusCode::OK)
    } else {
        Err(ApiError::NotFound("api-not-found"))
    }
}

/// Check whether a domain prefix is available
///
/// `true` when the prefix is free with this cloud's suffix.
#[utoipa::path(
    get,
    path = "/v1/validations/checkdomainavailability/{prefix}",
    tag = "Domains",
    params(("prefix" = String, Path, pattern = "^[A-Za-z0-9]{1,27}$", description = "Domain prefix, such as contoso")),
    responses(
        (status = 200, description = "true when free", body = bool, content_type = "application/json"),
        (status = 400, description = "Not a valid prefix", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn check_availability(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(prefix): Path<String>,
) -> Result<Json<bool>, ApiError> {
    caller.require(Permission::ViewCustomers)?;
    let domain = parse(&prefix, &state)?;
    Ok(Json(!state.store.domain_taken(domain.as_str()).await?))
}

fn parse(raw: &str, state: &AppState) -> Result<TenantDomain, ApiError> {
    TenantDomain::parse(raw, &state.settings.profile.domain_suffix)
        .map_err(|rule| ApiError::Invalid(vec![(Field::DomainPrefix.name().to_owned(), rule)]))
}
