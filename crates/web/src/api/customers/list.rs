//! `GET /v1/customers`: seek-based pages (`size`, then `seekOperation=Next` with the
//! `MS-ContinuationToken` of the previous page) and `starts_with` and `contains` filters
//! on company name and domain, and the indirect reseller filter.

use axum::extract::State;
use axum::http::{HeaderMap, HeaderName};
use partnerdesk_domain::PartnerId;
use partnerdesk_domain::partner::{PartnerKind, Permission};
use partnerdesk_store::{CustomerFilter, CustomerQuery, SearchField};
use serde::Deserialize;

use crate::api::auth::ApiCaller;
use crate::api::error::ApiError;
use crate::api::json::{self, LargeJson};
use crate::api::query::{self, ApiQuery};
use crate::api::resources::customer::CustomerResource;
use crate::api::resources::{Collection, Link, LinkHeader};
use crate::paging;
use crate::state::AppState;

const CONTINUATION: HeaderName = HeaderName::from_static("ms-continuationtoken");
const DEFAULT_SIZE: u32 = 100;
const MAX_SIZE: u32 = paging::MAX_SIZE;

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(rename_all = "camelCase", default)]
#[into_params(parameter_in = Query)]
pub(crate) struct ListParams {
    /// Customers per page (100 when absent or 0).
    #[param(value_type = Option<u32>, minimum = 0, maximum = 1000)]
    size: Option<String>,
    /// `Next`, with the `MS-ContinuationToken` header of the previous page.
    seek_operation: Option<String>,
    /// Customers whose company name or domain starts with `Value` (`starts_with`) or holds
    /// it anywhere (`contains`), in any case and with or without accents, or those of one
    /// indirect reseller:
    /// `{"Field":"CompanyName"|"Domain","Value":"…","Operator":"starts_with"|"contains"}`,
    /// `{"Field":"IndirectReseller","Value":"<id>","Operator":"starts_with"}`.
    filter: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct FilterRequest {
    field: String,
    value: String,
    operator: String,
}

/// List customers
///
/// The calling partner's customers by company name (by domain for a domain filter), a
/// page at a time. Items carry the company profile without address; read a customer for
/// its billing profile.
#[utoipa::path(
    get,
    path = "/v1/customers",
    tag = "Customers",
    params(ListParams, ("MS-ContinuationToken" = Option<String>, Header, description = "With seekOperation=Next")),
    responses(
        (status = 200, description = "A page", body = Collection<CustomerResource>),
        (status = 400, description = "A parameter is invalid", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn list_customers(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    headers: HeaderMap,
    ApiQuery(params): ApiQuery<ListParams>,
) -> Result<LargeJson<Collection<CustomerResource>>, ApiError> {
    caller.require(Permission::ViewCustomers)?;
    let (query, size) = query(&headers, &params)?;
    let filter_for_token = query.filter.clone();
    let page = crate::app::customers::list(&state, &caller, query).await?;
    let provider_view = caller.kind() != PartnerKind::IndirectReseller;
    let items = page
        .customers
        .into_iter()
        .map(|c| CustomerResource::summary(c, provider_view))
        .collect();
    let mut collection = Collection::new(items, format!("/customers?size={size}"));
    if let Some(next) = page.next {
        let token = paging::to_token(&filter_for_token, &next, size);
        collection.links.next = Some(Link {
            uri: format!("/customers?size={size}&seekOperation=Next"),
            method: "GET",
            headers: vec![LinkHeader {
                key: "MS-ContinuationToken".into(),
                value: token.clone(),
            }],
        });
        collection.continuation_token = Some(token);
    }
    Ok(LargeJson(collection))
}

/// The page asked for: the first of a search (`size`, `filter`), or the next one
/// (`seekOperation=Next` with the previous page's `MS-ContinuationToken`).
pub(crate) fn query(headers: &HeaderMap, params: &ListParams) -> Result<(CustomerQuery, u32), ApiError> {
    Ok(match params.seek_operation.as_deref() {
        Some("Next") => {
            let token = headers
                .get(&CONTINUATION)
                .and_then(|v| v.to_str().ok())
                .ok_or(ApiError::Query {
                    parameter: "MS-ContinuationToken",
                    message: "query-seek-operation",
                })?;
            paging::from_token(token).ok_or(ApiError::Query {
                parameter: "MS-ContinuationToken",
                message: "query-continuation",
            })?
        }
        Some(_) => {
            return Err(ApiError::Query {
                parameter: "seekOperation",
                message: "query-seek-operation",
            });
        }
        None => {
            let size = size(params.size.as_deref())?;
            let filter = filter(params.filter.as_deref())?;
            (
                CustomerQuery {
                    filter,
                    after: None,
                    limit: size,
                },
                size,
            )
        }
    })
}

fn size(raw: Option<&str>) -> Result<u32, ApiError> {
    match query::number(raw, 0, (0, MAX_SIZE), "size", "query-size")? {
        0 => Ok(DEFAULT_SIZE),
        n => Ok(n),
    }
}

fn filter(raw: Option<&str>) -> Result<CustomerFilter, ApiError> {
    let invalid = || ApiError::Query {
        parameter: "filter",
        message: "query-filter",
    };
    let Some(raw) = raw else {
        return Ok(CustomerFilter::All);
    };
    let request: FilterRequest = json::parse(raw.as_bytes()).map_err(|_| invalid())?;
    let operator = request.operator.to_ascii_lowercase();
    let value = request.value;
    match (request.field.to_ascii_lowercase().as_str(), operator.as_str()) {
        ("companyname", "starts_with") => Ok(CustomerFilter::CompanyName(value)),
        ("domain", "starts_with") => Ok(CustomerFilter::Domain(value)),
        ("companyname", "contains") => Ok(CustomerFilter::Contains(SearchField::Name, value)),
        ("domain", "contains") => Ok(CustomerFilter::Contains(SearchField::Domain, value)),
        ("indirectreseller", "starts_with") => value
            .trim()
            .parse::<PartnerId>()
            .map(CustomerFilter::Reseller)
            .map_err(|_| invalid()),
        _ => Err(invalid()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_parse_in_any_case_and_refuse_other_operators() {
        let parsed = filter(Some(
            r#"{"field":"companyname","value":"Con","operator":"STARTS_WITH"}"#,
        ))
        .ok();
        assert_eq!(parsed, Some(CustomerFilter::CompanyName("Con".into())));
        let anywhere = filter(Some(r#"{"Field":"Domain","Value":"oso","Operator":"contains"}"#)).ok();
        assert_eq!(
            anywhere,
            Some(CustomerFilter::Contains(SearchField::Domain, "oso".into()))
        );
        assert!(
            filter(Some(
                r#"{"Field":"CompanyName","Value":"Con","Operator":"equals"}"#
            ))
            .is_err()
        );
        assert!(
            filter(Some(
                r#"{"Field":"IndirectReseller","Value":"nope","Operator":"starts_with"}"#
            ))
            .is_err()
        );
        assert!(filter(Some("not json")).is_err());
        assert_eq!(filter(None).ok(), Some(CustomerFilter::All));
        assert!(filter(Some("")).is_err(), "present and empty is not absent");
    }

    #[test]
    fn sizes_are_1_to_1000_and_0_means_the_default() {
        assert_eq!(size(Some("0")).ok(), Some(DEFAULT_SIZE));
        assert_eq!(size(None).ok(), Some(DEFAULT_SIZE));
        assert!(size(Some("")).is_err());
        assert_eq!(size(Some("1000")).ok(), Some(1000));
        assert!(size(Some("1001")).is_err());
        assert!(size(Some("-1")).is_err());
        assert!(size(Some("ten")).is_err());
    }
}
