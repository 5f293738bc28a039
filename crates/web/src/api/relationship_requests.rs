//! `GET /v1/customers/relationshiprequests`: a link with which a customer that exists
//! already accepts the calling partner (or its indirect reseller) as a reseller.

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use partnerdesk_domain::{PartnerId, Rule};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::api::auth::ApiCaller;
use crate::api::error::ApiError;
use crate::api::query::{self, ApiQuery};
use crate::api::resources::Attributes;
use crate::app::{AppError, relationships};
use crate::links;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default, rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub(crate) struct RequestParams {
    /// An indirect provider's reseller (tenant id) the customer is to be associated with.
    #[param(format = Uuid)]
    indirect_reseller_id: Option<String>,
    /// Also ask for delegated admin access (Partnerdesk records the customer's answer).
    delegated_admin: Option<bool>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct RelationshipRequestResource {
    /// The invitation link to send to the customer's admin; it works for 30 days.
    url: String,
    attributes: Attributes,
}

/// Request a reseller relationship
///
/// A link for the admin of a customer that exists already: signed in at this server's
/// customer portal, they accept or decline, and on acceptance the customer appears in
/// the calling partner's list with `relationshipToPartner: reseller`. Not offered in clouds
/// without relationship requests (`usgov`).
#[utoipa::path(
    get,
    path = "/v1/customers/relationshiprequests",
    tag = "Customers",
    params(RequestParams),
    responses(
        (status = 200, description = "The invitation link", body = RelationshipRequestResource),
        (status = 400, description = "indirectResellerId isn't one of your active resellers", body = crate::api::error::ErrorBody),
        (status = 403, description = "The role can't request relationships, or the cloud doesn't offer them", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn request(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    headers: HeaderMap,
    ApiQuery(params): ApiQuery<RequestParams>,
) -> Result<Json<RelationshipRequestResource>, ApiError> {
    let reseller = params.indirect_reseller_id.as_deref();
    query::optional(reseller, "indirectResellerId", "query-reseller-unknown", |r| {
        r.parse::<PartnerId>().ok()
    })?;
    let delegated_admin = params.delegated_admin.unwrap_or(false);
    let token = relationships::request(&state, &caller, reseller, delegated_admin, None)
        .await
        .map_err(|e| match e {
            AppError::Invalid(errors) => ApiError::Query {
                parameter: "indirectResellerId",
                message: match errors.first().map(|e| &e.rule) {
                    Some(Rule::IndirectModelUnavailable) => "query-reseller-not-provider",
                    _ => "query-reseller-unknown",
                },
            },
            other => other.into(),
        })?;
    let url = links::invitation(&state, &headers, &token);
    Ok(Json(RelationshipRequestResource {
        url,
        attributes: Attributes::of("RelationshipRequest"),
    }))
}
