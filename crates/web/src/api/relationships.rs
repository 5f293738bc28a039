//! `GET /v1/relationships`: an indirect provider's resellers, or a reseller's providers.

use axum::Json;
use axum::extract::{Query, State};
use partnerdesk_domain::partner::{PartnerKind, Permission};
use serde::Deserialize;

use crate::api::auth::ApiCaller;
use crate::api::error::ApiError;
use crate::api::resources::Collection;
use crate::api::resources::catalog::PartnerRelationshipResource;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub(crate) struct RelationshipParams {
    /// `IsIndirectCloudSolutionProviderOf` (a provider's resellers) or
    /// `IsIndirectResellerOf` (a reseller's providers).
    relationship_type: Option<String>,
}

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
    Query(params): Query<RelationshipParams>,
) -> Result<Json<Collection<PartnerRelationshipResource>>, ApiError> {
    caller.require(Permission::ViewCustomers)?;
    let kind = params
        .relationship_type
        .as_deref()
        .map(str::trim)
        .unwrap_or("")
        .to_ascii_lowercase();
    let partners = match kind.as_str() {
        "isindirectcloudsolutionproviderof" if caller.kind() == PartnerKind::IndirectProvider => {
            let resellers = state.store.resellers_of(caller.partner_id()).await?;
            resellers
                .iter()
                .map(|p| PartnerRelationshipResource::new(p, "is_indirect_cloud_solution_provider_of"))
                .collect()
        }
        "isindirectresellerof" if caller.kind() == PartnerKind::IndirectReseller => {
            let providers = state.store.providers_of(caller.partner_id()).await?;
            providers
                .iter()
                .map(|p| PartnerRelationshipResource::new(p, "is_indirect_reseller_of"))
                .collect()
        }
        "isindirectcloudsolutionproviderof" | "isindirectresellerof" => Vec::new(),
        _ => {
            return Err(ApiError::Query {
                parameter: "relationship_type",
                message: "query-relationship-type",
            });
        }
    };
    Ok(Json(Collection::new(partners, "/relationships")))
}
