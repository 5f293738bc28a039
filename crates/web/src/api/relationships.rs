//! `GET /v1/relationships`: an indirect provider's resellers, or a reseller's providers.

use axum::Json;
use axum::extract::State;
use partnerdesk_domain::partner::{PartnerKind, Permission};
use serde::Deserialize;

use crate::api::CustomerPath;
use crate::api::auth::ApiCaller;
use crate::api::error::ApiError;
use crate::api::query::ApiQuery;
use crate::api::resources::Collection;
use crate::api::resources::catalog::PartnerRelationshipResource;
use crate::app::customers;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub(crate) struct RelationshipParams {
    /// `IsIndirectCloudSolutionProviderOf` (a provider's resellers) or
    /// `IsIndirectResellerOf` (a reseller's providers).
    #[param(required = true)]
    relationship_type: Option<String>,
}

/// The values of `relationship_type`, as Partner Center spells them.
pub(crate) const PROVIDER_OF: &str = "IsIndirectCloudSolutionProviderOf";
pub(crate) const RESELLER_OF: &str = "IsIndirectResellerOf";

/// List partner relationships
#[utoipa::path(
    get,
    path = "/v1/relationships",
    tag = "Partners",
    params(RelationshipParams),
    responses(
        (status = 200, description = "The related partners", body = Collection<PartnerRelationshipResource>),
        (status = 400, description = "Unknown relationship type", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn list(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    ApiQuery(params): ApiQuery<RelationshipParams>,
) -> Result<Json<Collection<PartnerRelationshipResource>>, ApiError> {
    caller.require(Permission::ViewCustomers)?;
    let partners = match params.relationship_type.as_deref() {
        Some(PROVIDER_OF) if caller.kind() == PartnerKind::IndirectProvider => {
            let resellers = state.store.resellers_of(caller.partner_id()).await?;
            resellers
                .iter()
                .map(|p| PartnerRelationshipResource::new(p, "is_indirect_cloud_solution_provider_of"))
                .collect()
        }
        Some(RESELLER_OF) if caller.kind() == PartnerKind::IndirectReseller => {
            let providers = state.store.providers_of(caller.partner_id()).await?;
            providers
                .iter()
                .map(|p| PartnerRelationshipResource::new(p, "is_indirect_reseller_of"))
                .collect()
        }
        Some(PROVIDER_OF | RESELLER_OF) => Vec::new(),
        _ => {
            return Err(ApiError::Query {
                parameter: "relationship_type",
                message: "query-relationship-type",
            });
        }
    };
    Ok(Json(Collection::new(partners, "/relationships")))
}

/// List a customer's indirect resellers
///
/// The indirect resellers the customer is associated with: for an indirect provider, its
/// reseller of the customer; for that reseller, itself; for a direct partner, none.
#[utoipa::path(
    get,
    path = "/v1/customers/{customer}/relationships",
    tag = "Customers",
    params(("customer" = String, Path, format = Uuid, description = "Customer id")),
    responses((status = 200, description = "The customer's indirect resellers", body = Collection<PartnerRelationshipResource>)),
    security(("bearer" = []))
)]
pub(crate) async fn of_customer(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    CustomerPath(id): CustomerPath,
) -> Result<Json<Collection<PartnerRelationshipResource>>, ApiError> {
    let resellers = customers::resellers(&state, &caller, id).await?;
    let items = resellers
        .iter()
        .map(|p| PartnerRelationshipResource::new(p, "is_indirect_reseller_of"))
        .collect();
    Ok(Json(Collection::new(
        items,
        format!("/customers/{id}/relationships"),
    )))
}
