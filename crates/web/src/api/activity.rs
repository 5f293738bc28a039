//! `GET /v1/auditrecords`: the partner's activity log, as Partner Center's audit records.

use axum::Json;
use axum::extract::{Query, State};
use partnerdesk_domain::CustomerId;
use partnerdesk_domain::audit::{Action, Event};
use partnerdesk_domain::partner::Permission;
use partnerdesk_store::ActivityQuery;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use utoipa::ToSchema;

use crate::api::auth::ApiCaller;
use crate::api::error::ApiError;
use crate::api::resources::{Attributes, Collection};
use crate::state::AppState;

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default, rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub(crate) struct AuditParams {
    /// Entries at or after this time (RFC 3339 or a date).
    start_date: Option<String>,
    /// Entries before this time (RFC 3339 or a date).
    end_date: Option<String>,
    /// Entries per page, 1–1000 (100 when absent).
    size: Option<u32>,
    /// Only entries about this customer.
    customer_id: Option<String>,
    /// Only entries of this operation type, such as `subscription-suspended`.
    operation_type: Option<String>,
}

/// One entry of the activity log. Secrets (passwords, tokens) never appear in it.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct AuditRecordResource {
    id: String,
    partner_id: String,
    customer_id: Option<String>,
    /// What happened, such as `customer-created` or `subscription-quantity-changed`.
    operation_type: &'static str,
    operation_status: &'static str,
    #[serde(with = "time::serde::rfc3339")]
    operation_date: OffsetDateTime,
    /// Who: the user's email, or `operator` for a server command.
    user_principal_name: String,
    /// `api`, `portal`, `customer-portal` or `cli`.
    channel: &'static str,
    client_address: Option<String>,
    /// What changed, as key/value pairs.
    customized_data: Vec<KeyValue>,
    attributes: Attributes,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct KeyValue {
    key: String,
    value: String,
}

impl AuditRecordResource {
    fn new(e: &Event) -> Self {
        Self {
            id: e.id.to_string(),
            partner_id: e.partner_id.to_string(),
            customer_id: e.customer_id.map(|c| c.to_string()),
            operation_type: e.action.as_str(),
            operation_status: "succeeded",
            operation_date: e.at,
            user_principal_name: e.actor_name.clone(),
            channel: e.channel.as_str(),
            client_address: e.address.clone(),
            customized_data: e
                .details
                .iter()
                .map(|(key, value)| KeyValue {
                    key: key.clone(),
                    value: value.clone(),
                })
                .collect(),
            attributes: Attributes::of("AuditRecord"),
        }
    }
}

fn time_param(raw: Option<&str>, parameter: &'static str) -> Result<Option<OffsetDateTime>, ApiError> {
    let Some(raw) = raw.map(str::trim).filter(|r| !r.is_empty()) else {
        return Ok(None);
    };
    let invalid = ApiError::Query {
        parameter,
        message: "query-date",
    };
    if let Ok(at) = OffsetDateTime::parse(raw, &Rfc3339) {
        return Ok(Some(at));
    }
    let date = time::Date::parse(raw, time::macros::format_description!("[year]-[month]-[day]"))
        .map_err(|_| invalid)?;
    Ok(Some(date.midnight().assume_utc()))
}

/// Get the activity log
///
/// The calling partner's audit records, newest first: every change (customers, agreement
/// acceptances, orders, license counts, suspensions, users, tokens) and every sign-in,
/// with who, when and from where. For older entries, send the oldest `operationDate` you
/// have as `endDate`.
#[utoipa::path(
    get,
    path = "/v1/auditrecords",
    tag = "Activity",
    params(AuditParams),
    responses(
        (status = 200, description = "Newest first", body = Collection<AuditRecordResource>),
        (status = 400, description = "A parameter is invalid", body = crate::api::error::ErrorBody),
        (status = 403, description = "Only admin agents read the activity log", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn list(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Query(params): Query<AuditParams>,
) -> Result<Json<Collection<AuditRecordResource>>, ApiError> {
    caller.require(Permission::ViewActivity)?;
    let customer = match params
        .customer_id
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        Some(raw) => Some(raw.parse::<CustomerId>().map_err(|_| ApiError::Query {
            parameter: "customerId",
            message: "query-customer-id",
        })?),
        None => None,
    };
    let action = match params
        .operation_type
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
    {
        Some(raw) => Some(raw.parse::<Action>().map_err(|()| ApiError::Query {
            parameter: "operationType",
            message: "query-operation-type",
        })?),
        None => None,
    };
    let size = params.size.unwrap_or(100);
    if !(1..=1000).contains(&size) {
        return Err(ApiError::Query {
            parameter: "size",
            message: "query-size",
        });
    }
    let query = ActivityQuery {
        customer,
        action,
        actor: None,
        since: time_param(params.start_date.as_deref(), "startDate")?,
        until: time_param(params.end_date.as_deref(), "endDate")?,
        before: None,
        limit: size,
    };
    let events = crate::app::activity::list(&state, &caller, query).await?;
    let items = events.iter().map(AuditRecordResource::new).collect();
    Ok(Json(Collection::new(items, "/auditrecords")))
}
