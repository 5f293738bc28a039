//! Customer price rules through the API (a Partnerdesk extension: Partner Center leaves
//! customer prices to the partner): how the caller's cost becomes its customers' prices,
//! the same rules as the portal's Billing → Price list and customer prices.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use partnerdesk_domain::billing::{CustomerPriceRule, MarkupRule};
use partnerdesk_domain::{CustomerId, Field, FieldError, OfferId};
use partnerdesk_store::MarkupScope;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::api::auth::ApiCaller;
use crate::api::error::ApiError;
use crate::api::json::ApiJson;
use crate::api::query::ApiQuery;
use crate::api::requests;
use crate::api::resources::{Attributes, Collection};
use crate::app::AppError;
use crate::app::billing::{self, PriceRuleInput};
use crate::state::AppState;

/// How one rule prices: the price list's suggested retail price, or a percent over cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum PriceRuleKind {
    Erp,
    Percent,
    /// Removes the rule: the next more general one applies.
    None,
}

/// A customer price rule: for every customer or one, every offer or one.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PriceRuleResource {
    /// The customer it is for; absent for every customer.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(format = Uuid)]
    customer_id: Option<String>,
    /// The offer it is for; absent for every offer.
    #[serde(skip_serializing_if = "Option::is_none")]
    offer_id: Option<String>,
    /// `erp` or `percent`.
    #[schema(value_type = String)]
    kind: PriceRuleKind,
    /// For `percent`: the percent over cost, a decimal string.
    #[serde(skip_serializing_if = "Option::is_none")]
    markup_percent: Option<String>,
    attributes: Attributes,
}

impl PriceRuleResource {
    fn new(rule: &MarkupRule) -> Self {
        let (kind, markup_percent) = match rule.rule {
            CustomerPriceRule::Erp => (PriceRuleKind::Erp, None),
            CustomerPriceRule::PercentOverCost(p) => (PriceRuleKind::Percent, Some(p.to_string())),
        };
        Self {
            customer_id: rule.customer.map(|c| c.to_string()),
            offer_id: rule.offer.as_ref().map(|o| o.as_str().to_owned()),
            kind,
            markup_percent,
            attributes: Attributes::of("CustomerPriceRule"),
        }
    }
}

/// `PUT /v1/pricerules`: the rule of one scope.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PriceRuleRequest {
    /// One of your customers; every customer when absent.
    #[schema(value_type = Option<String>, format = Uuid)]
    pub customer_id: Option<CustomerId>,
    /// An offer with prices; every offer when absent.
    #[schema(min_length = 1, max_length = 64, pattern = r"^[A-Za-z0-9._-]+$")]
    pub offer_id: Option<String>,
    /// `erp` (the offer's list has a suggested retail price), `percent` (with
    /// `markupPercent`), or `none` to remove the rule.
    pub kind: PriceRuleKind,
    /// For `percent`: 0 to 1000, a decimal string such as `15` or `12.5`. Checked with
    /// any kind, used only with `percent`.
    #[schema(pattern = r"^[0-9]+(\.[0-9]+)?$")]
    pub markup_percent: Option<String>,
}

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub(crate) struct RulesQuery {
    /// One of your customers: its own rules too.
    #[param(value_type = Option<String>, format = Uuid)]
    customer_id: Option<CustomerId>,
}

/// List your customer price rules
///
/// Your rules for every customer (the default and per offer), and with `customerId` also
/// those you set for that customer. The most specific one applies: customer and offer,
/// customer, offer, then the default; without any, customers pay the suggested retail
/// price where the list has one, else your cost. Admin agents, sales agents and billing
/// admins. A Partnerdesk extension.
#[utoipa::path(
    get,
    path = "/v1/pricerules",
    tag = "Billing",
    params(RulesQuery),
    responses(
        (status = 200, description = "The rules", body = Collection<PriceRuleResource>),
        (status = 403, description = "Helpdesk agents don't see prices", body = crate::api::error::ErrorBody),
        (status = 404, description = "Not one of your customers", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn list(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    ApiQuery(query): ApiQuery<RulesQuery>,
) -> Result<Json<Collection<PriceRuleResource>>, ApiError> {
    let rules = billing::customer_prices(&state, &caller, query.customer_id).await?;
    let items = rules.0.iter().map(PriceRuleResource::new).collect();
    Ok(Json(Collection::new(items, "/pricerules")))
}

/// Set a customer price rule
///
/// Sets, or with `kind: none` removes, your rule for every customer or one, every offer or
/// one; answers the rule set (204 when removed). Admin agents and billing admins. A rule
/// applies to orders placed and terms renewed afterwards: a term keeps its price. A
/// Partnerdesk extension.
#[utoipa::path(
    put,
    path = "/v1/pricerules",
    tag = "Billing",
    request_body = PriceRuleRequest,
    responses(
        (status = 200, description = "The rule as set", body = PriceRuleResource),
        (status = 204, description = "The rule was removed (or there was none)"),
        (status = 400, description = "The percent is out of range (0 to 1000) or missing, or `erp` for an offer whose list has no suggested retail price", body = crate::api::error::ErrorBody),
        (status = 403, description = "Only admin agents and billing admins set prices", body = crate::api::error::ErrorBody),
        (status = 404, description = "Not one of your customers, or no offer with prices", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn put(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    body: ApiJson<PriceRuleRequest>,
) -> Result<Response, ApiError> {
    let request = &body.value;
    let offer = match request.offer_id.as_deref() {
        Some(text) => Some(OfferId::parse(text).ok_or(ApiError::NotFound("api-offer-not-found"))?),
        None => None,
    };
    let scope = MarkupScope {
        customer: request.customer_id,
        offer,
    };
    let kind = match request.kind {
        PriceRuleKind::Erp => "erp",
        PriceRuleKind::Percent => "percent",
        PriceRuleKind::None => "none",
    };
    let place = |e: AppError| ApiError::placed(e, |f| requests::path(f, requests::FLAT));
    // A percent given with another kind is checked too, though unused: what the contract
    // refuses is refused whatever the kind.
    if let (Some(percent), false) = (&request.markup_percent, request.kind == PriceRuleKind::Percent) {
        CustomerPriceRule::percent_over_cost(percent).map_err(|e| {
            place(AppError::Invalid(vec![FieldError::new(
                Field::MarkupPercent,
                e.into(),
            )]))
        })?;
    }
    let input = PriceRuleInput {
        kind,
        percent: request.markup_percent.as_deref().unwrap_or(""),
    };
    billing::set_customer_price(&state, &caller, scope.clone(), input)
        .await
        .map_err(place)?;
    let rules = billing::customer_prices(&state, &caller, scope.customer).await?;
    match rules
        .0
        .iter()
        .find(|r| r.customer == scope.customer && r.offer == scope.offer)
    {
        Some(rule) => Ok(Json(PriceRuleResource::new(rule)).into_response()),
        None => Ok(StatusCode::NO_CONTENT.into_response()),
    }
}
