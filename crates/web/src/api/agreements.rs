//! The customer agreement: its metadata, and the acceptances partners record for their
//! customers (`POST` needs an admin or sales agent; the attesting user is recorded).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use partnerdesk_domain::partner::Permission;
use partnerdesk_domain::profile::{AgreementTemplate, CLOUD_AGREEMENT_TYPE, CUSTOMER_AGREEMENT_TYPE};
use serde::Deserialize;

use crate::api::CustomerPath;
use crate::api::auth::ApiCaller;
use crate::api::created::{IdempotencyKey, replayed};
use crate::api::error::ApiError;
use crate::api::json::ApiJson;
use crate::api::query::ApiQuery;
use crate::api::requests::{self, AGREEMENT, AgreementRequest, ContactRequest};
use crate::api::resources::Collection;
use crate::api::resources::commerce::{AgreementMetadataResource, AgreementResource};
use crate::app::agreements;
use crate::app::idempotency::Created;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub(crate) struct TypeParams {
    /// `MicrosoftCustomerAgreement`, `MicrosoftCloudAgreement` (the default, as in
    /// Partner Center) or `*` for all.
    #[serde(rename = "agreementType")]
    agreement_type: Option<String>,
}

/// The values of `agreementType`: every type Partnerdesk knows, and `*`.
pub(crate) const AGREEMENT_TYPES: [&str; 3] = ["*", CUSTOMER_AGREEMENT_TYPE, CLOUD_AGREEMENT_TYPE];

/// The agreements of the cloud that `agreementType` selects: none for a type this cloud
/// doesn't offer, an error for a value that isn't a type.
fn selected<'a>(state: &'a AppState, params: &TypeParams) -> Result<Vec<&'a AgreementTemplate>, ApiError> {
    let profile = &state.settings.profile;
    let wanted = params.agreement_type.as_deref();
    if wanted.is_some_and(|t| !AGREEMENT_TYPES.contains(&t)) {
        return Err(ApiError::Query {
            parameter: "agreementType",
            message: "query-agreement-type",
        });
    }
    let default_type = if profile.agreement_of_type(CLOUD_AGREEMENT_TYPE).is_some() {
        Some(CLOUD_AGREEMENT_TYPE)
    } else {
        profile.primary_agreement().map(|a| a.agreement_type.as_str())
    };
    Ok(match wanted.or(default_type) {
        Some("*") | None => profile.agreements.iter().collect(),
        Some(t) => profile.agreement_of_type(t).into_iter().collect(),
    })
}

/// Get agreement metadata
///
/// The agreements customers accept in this cloud (none where the cloud doesn't offer
/// confirmation).
#[utoipa::path(
    get,
    path = "/v1/agreements",
    tag = "Agreements",
    params(TypeParams),
    responses((status = 200, description = "The agreements", body = Collection<AgreementMetadataResource>)),
    security(("bearer" = []))
)]
pub(crate) async fn metadata(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    ApiQuery(params): ApiQuery<TypeParams>,
) -> Result<Json<Collection<AgreementMetadataResource>>, ApiError> {
    caller.require(Permission::ViewCustomers)?;
    let items = selected(&state, &params)?
        .into_iter()
        .map(AgreementMetadataResource::new)
        .collect();
    Ok(Json(Collection::new(items, "/agreements")))
}

/// Confirm a customer's acceptance of the customer agreement
///
/// Records who accepted (the primary contact), when (not in the future) and which version,
/// attested by the calling user. The same contact can't confirm the same agreement twice
/// (600061).
#[utoipa::path(
    post,
    path = "/v1/customers/{customer}/agreements",
    tag = "Agreements",
    request_body = AgreementRequest,
    params(
        ("customer" = String, Path, description = "Customer id"),
        ("MS-RequestId" = Option<String>, Header, description = "Idempotency key"),
    ),
    responses(
        (status = 201, description = "Recorded", body = AgreementResource),
        (status = 400, description = "A value is invalid (600002: date in the future)", body = crate::api::error::ErrorBody),
        (status = 409, description = "Already confirmed by this contact (600061)", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn create(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    CustomerPath(id): CustomerPath,
    key: IdempotencyKey,
    body: ApiJson<AgreementRequest>,
) -> Result<Response, ApiError> {
    let key = key.for_body(&body.digest);
    let blank = ContactRequest::default();
    let input = body.value.input(&blank);
    let outcome = agreements::record(&state, &caller, id, &input, key, |agreement, link| {
        AgreementResource::new(agreement, Some(link))
    })
    .await
    .map_err(|e| ApiError::placed(e, |f| requests::path(f, AGREEMENT)))?;
    match outcome {
        Created::New(resource) => Ok((StatusCode::CREATED, Json(resource)).into_response()),
        Created::Replayed(replay) => replayed(replay),
    }
}

/// Get a customer's agreement acceptances
#[utoipa::path(
    get,
    path = "/v1/customers/{customer}/agreements",
    tag = "Agreements",
    params(("customer" = String, Path, description = "Customer id"), TypeParams),
    responses((status = 200, description = "The acceptances", body = Collection<AgreementResource>)),
    security(("bearer" = []))
)]
pub(crate) async fn list(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    CustomerPath(id): CustomerPath,
    ApiQuery(params): ApiQuery<TypeParams>,
) -> Result<Json<Collection<AgreementResource>>, ApiError> {
    caller.require(Permission::ViewCustomers)?;
    let types: Vec<String> = selected(&state, &params)?
        .iter()
        .map(|a| a.agreement_type.clone())
        .collect();
    let all = state.store.agreements(caller.partner_id(), id, None).await?;
    let profile = &state.settings.profile;
    let items = all
        .iter()
        .filter(|a| types.iter().any(|t| t.eq_ignore_ascii_case(&a.agreement_type)))
        .map(|a| {
            AgreementResource::new(
                a,
                profile
                    .agreement_of_type(&a.agreement_type)
                    .map(|t| t.link.as_str()),
            )
        })
        .collect();
    Ok(Json(Collection::new(
        items,
        format!("/customers/{id}/agreements"),
    )))
}
