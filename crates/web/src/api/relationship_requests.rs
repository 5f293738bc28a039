//! `GET /v1/customers/relationshiprequests`: a link with which a customer that exists
//! already accepts the calling partner (or its indirect reseller) as a reseller.

use axum::Json;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, header};
use partnerdesk_domain::PartnerId;
use partnerdesk_domain::audit::Actor;
use partnerdesk_domain::partner::{PartnerKind, Permission};
use partnerdesk_store::{StoreError, secrets};
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};
use utoipa::ToSchema;

use crate::api::auth::Caller;
use crate::api::resources::Attributes;
use crate::error::ApiError;
use crate::state::AppState;

/// How long an invitation link works.
pub const INVITATION_VALID: Duration = Duration::days(30);

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default, rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub(crate) struct RequestParams {
    /// An indirect provider's reseller (tenant id) the customer is to be associated with.
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

/// `http(s)://host` as the client reached the server.
pub(crate) fn origin(state: &AppState, headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
        })
        .unwrap_or("localhost");
    let scheme = if state.settings.secure_cookies {
        "https"
    } else {
        "http"
    };
    format!("{scheme}://{host}")
}

/// Creates an invitation of `partner` and returns its link.
pub(crate) async fn invitation_link(
    state: &AppState,
    headers: &HeaderMap,
    partner: PartnerId,
    reseller: Option<PartnerId>,
    delegated_admin: bool,
    actor: Actor,
) -> Result<String, StoreError> {
    let token = secrets::generate_token().trim_start_matches("pd_").to_owned();
    let expires = OffsetDateTime::now_utc() + INVITATION_VALID;
    state
        .store
        .request_relationship(
            partner,
            reseller,
            delegated_admin,
            secrets::sha256(token.as_bytes()),
            expires,
            actor,
        )
        .await?;
    Ok(format!("{}/customer/invitations/{token}", origin(state, headers)))
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
        (status = 400, description = "indirectResellerId isn't one of your active resellers", body = crate::error::ErrorBody),
        (status = 403, description = "The role can't request relationships, or the cloud doesn't offer them", body = crate::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn request(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    Query(params): Query<RequestParams>,
) -> Result<Json<RelationshipRequestResource>, ApiError> {
    caller.require(Permission::RequestRelationship)?;
    if !state.settings.profile.relationship_requests {
        return Err(ApiError::RelationshipRequestsUnavailable);
    }
    let reseller = match params
        .indirect_reseller_id
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
    {
        Some(_) if caller.kind() != PartnerKind::IndirectProvider => {
            return Err(ApiError::Query {
                parameter: "indirectResellerId",
                message: "query-reseller-not-provider",
            });
        }
        Some(raw) => Some(raw.parse::<PartnerId>().map_err(|_| ApiError::Query {
            parameter: "indirectResellerId",
            message: "query-reseller-unknown",
        })?),
        None => None,
    };
    let url = invitation_link(
        &state,
        &headers,
        caller.partner_id(),
        reseller,
        params.delegated_admin.unwrap_or(false),
        caller.actor(),
    )
    .await
    .map_err(|e| match e {
        StoreError::Invalid(_) => ApiError::Query {
            parameter: "indirectResellerId",
            message: "query-reseller-unknown",
        },
        other => other.into(),
    })?;
    Ok(Json(RelationshipRequestResource {
        url,
        attributes: Attributes::of("RelationshipRequest"),
    }))
}
