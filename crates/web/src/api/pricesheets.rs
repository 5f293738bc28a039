//! `GET /v1/pricesheets/{market}`: a market's price list as CSV, with the columns of
//! Partner Center's new-commerce license price list (facts file A8).

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use partnerdesk_domain::Locale;
use partnerdesk_domain::catalog::Offer;
use partnerdesk_domain::country::CountryCode;

use crate::api::auth::ApiCaller;
use crate::api::error::ApiError;
use crate::csv::{line, text};
use crate::state::AppState;

/// Partner Center's license price-list columns.
const COLUMNS: [&str; 18] = [
    "ProductTitle",
    "ProductId",
    "SkuId",
    "SkuTitle",
    "Publisher",
    "SkuDescription",
    "UnitOfMeasure",
    "TermDuration",
    "BillingPlan",
    "Market",
    "Currency",
    "UnitPrice",
    "PricingTierRangeMin",
    "PricingTierRangeMax",
    "EffectiveStartDate",
    "EffectiveEndDate",
    "Tags",
    "ERP Price",
];

/// Get a market's price list
///
/// Every price of the offers sold in the market: the partner's unit price for the whole
/// term and the suggested retail (ERP) price, per currency, term and billing plan, with
/// the dates each is in effect. Prices are tax-exclusive. Admin agents, sales agents and
/// billing admins; indirect resellers buy from their provider and don't see it.
#[utoipa::path(
    get,
    path = "/v1/pricesheets/{market}",
    tag = "Billing",
    params(("market" = String, Path, description = "ISO 3166 alpha-2 code of the customers' country")),
    responses(
        (status = 200, description = "The price list", content_type = "text/csv", body = String, headers(("Content-Disposition" = String, description = "`attachment` with the file name"))),
        (status = 403, description = "Helpdesk agents and indirect resellers don't see prices", body = crate::api::error::ErrorBody),
        (status = 404, description = "Not an ISO 3166 alpha-2 code (UK is GB)", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn get(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(market): Path<String>,
) -> Result<Response, ApiError> {
    let catalog = crate::app::billing::price_list(&state, &caller).await?;
    let code = CountryCode::parse(&market)
        .map_err(|_| ApiError::CountryRulesNotFound(market.chars().take(8).collect()))?;
    let mut out = line(&COLUMNS);
    for (offer, price) in catalog.price_sheet(code) {
        let cells = [
            text(offer.name(Locale::EnUs)),
            text(offer.id.as_str()),
            "0001".to_owned(),
            text(offer.name(Locale::EnUs)),
            String::new(),
            text(offer.description(Locale::EnUs)),
            text(&offer.unit_type),
            price.plan.term().as_str().to_owned(),
            price.plan.cycle().price_list_name().to_owned(),
            code.as_str().to_owned(),
            price.currency().code().to_owned(),
            price.unit_price.amount().to_string(),
            offer.minimum_quantity.to_string(),
            offer.maximum_quantity.to_string(),
            price.effective_start.to_string(),
            price.effective_end.map(|d| d.to_string()).unwrap_or_default(),
            text(&tags(offer)),
            price.erp.map(|e| e.amount().to_string()).unwrap_or_default(),
        ];
        out.push_str(&line(&cells));
    }
    let disposition = format!("attachment; filename=\"pricelist_{}.csv\"", code.as_str());
    let headers = [
        (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
        (header::CONTENT_DISPOSITION, disposition),
    ];
    Ok((headers, out).into_response())
}

/// The price list's `Tags`: `License`, with `AddOn` or `Trial` where they apply.
fn tags(offer: &Offer) -> String {
    let mut tags = vec!["License"];
    if offer.is_add_on {
        tags.push("AddOn");
    }
    if offer.is_trial {
        tags.push("Trial");
    }
    tags.join("; ")
}
