//! `GET /v1/auditrecords`: the partner's activity log, as Partner Center's audit records.

use axum::Json;
use axum::extract::State;
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
use crate::api::query::{self, ApiQuery};
use crate::api::resources::{Attributes, Collection};
use crate::state::AppState;

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default, rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub(crate) struct AuditParams {
    /// Entries at or after this time: RFC 3339, or a date (midnight UTC).
    start_date: Option<String>,
    /// Entries before this time: RFC 3339, or a date (midnight UTC).
    end_date: Option<String>,
    /// Entries per page.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 1000)]
    size: Option<String>,
    /// Only entries about this customer.
    #[param(format = Uuid)]
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
    query::optional(raw, parameter, "query-date", |raw| {
        OffsetDateTime::parse(raw, &Rfc3339).ok().or_else(|| {
            time::Date::parse(raw, time::macros::format_description!("[year]-[month]-[day]"))
                .ok()
                .map(|date| date.midnight().assume_utc())
        })
    })
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
    ApiQuery(params): ApiQuery<AuditParams>,
) -> Result<Json<Collection<AuditRecordResource>>, ApiError> {
    caller.require(Permission::ViewActivity)?;
    let events = crate::app::activity::list(&state, &caller, activity_query(&params)?).await?;
    let items = events.iter().map(AuditRecordResource::new).collect();
    Ok(Json(Collection::new(items, "/auditrecords")))
}

/// The store query the parameters ask for, or the first invalid one.
pub(crate) fn activity_query(params: &AuditParams) -> Result<ActivityQuery, ApiError> {
    let customer = query::optional(
        params.customer_id.as_deref(),
        "customerId",
        "query-customer-id",
        |raw| raw.parse::<CustomerId>().ok(),
    )?;
    let action = query::optional(
        params.operation_type.as_deref(),
        "operationType",
        "query-operation-type",
        |raw| raw.parse::<Action>().ok(),
    )?;
    let size = query::number(params.size.as_deref(), 100, (1, 1000), "size", "query-size")?;
    Ok(ActivityQuery {
        customer,
        action,
        actor: None,
        since: time_param(params.start_date.as_deref(), "startDate")?,
        until: time_param(params.end_date.as_deref(), "endDate")?,
        before: None,
        limit: size,
    })
}
