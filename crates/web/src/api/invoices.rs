//! `GET /v1/invoices/unbilled/lineitems`: the charges of the current or the previous
//! month not yet on an invoice, as Partner Center's `OneTimeInvoiceLineItem`s (the partner's
//! cost side), a seek page at a time.

use axum::extract::State;
use axum::http::{HeaderMap, HeaderName};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use partnerdesk_domain::billing::{
    BillingPeriod, Currency, InvoiceLineItem, Money, Rounding, Side, TaxRate, round_decimal,
};
use partnerdesk_domain::partner::Permission;
use partnerdesk_store::{ChargeLine, MAX_CHARGE_PAGE};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::api::auth::ApiCaller;
use crate::api::error::ApiError;
use crate::api::json::LargeJson;
use crate::api::query::{self, ApiQuery};
use crate::api::resources::{Attributes, Collection, Link, LinkHeader};
use crate::state::AppState;

const CONTINUATION: HeaderName = HeaderName::from_static("ms-continuationtoken");

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub(crate) struct UnbilledParams {
    /// `onetime`: new-commerce license charges (the only provider Partnerdesk bills).
    #[param(required = true, value_type = String)]
    provider: Option<String>,
    /// `billinglineitems`.
    #[param(required = true, value_type = String)]
    invoicelineitemtype: Option<String>,
    /// The currency of the charges (a customer's country's), such as `EUR`.
    #[param(required = true, value_type = String)]
    currencycode: Option<String>,
    /// `current` (this calendar month, UTC) or `previous`.
    #[param(required = true, value_type = String)]
    period: Option<String>,
    /// Lines per page (2000 when absent).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 2000)]
    size: Option<String>,
    /// `Next`, with the `MS-ContinuationToken` header of the previous page.
    #[serde(rename = "seekOperation")]
    #[param(rename = "seekOperation")]
    seek_operation: Option<String>,
}

/// One charge line, as Partner Center's reconciliation line item. Amounts are decimal
/// strings in the currency's units; refunds are negative.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct OneTimeInvoiceLineItem {
    partner_id: String,
    mpn_id: String,
    /// The indirect reseller's partner id, `0` when sold directly.
    reseller_mpn_id: String,
    customer_id: String,
    customer_name: String,
    customer_domain_name: String,
    customer_country: String,
    /// Empty while unbilled.
    invoice_number: String,
    order_id: String,
    #[schema(format = Date)]
    order_date: String,
    product_id: String,
    product_name: String,
    /// `new`, `renew`, `cycleCharge`, `addQuantity`, `removeQuantity`, `cancelImmediate`...
    charge_type: &'static str,
    unit_price: String,
    effective_unit_price: String,
    unit_type: String,
    quantity: u32,
    billable_quantity: u32,
    subtotal: String,
    tax_total: String,
    total_for_customer: String,
    currency: String,
    pricing_currency: String,
    pc_to_bc_exchange_rate: u32,
    subscription_id: String,
    subscription_description: String,
    #[schema(format = Date)]
    subscription_start_date: String,
    #[schema(format = Date)]
    subscription_end_date: String,
    #[schema(format = Date)]
    charge_start_date: String,
    #[schema(format = Date)]
    charge_end_date: String,
    /// Such as `One-Year commitment for monthly billing`.
    term_and_billing_cycle: String,
    /// `Monthly`, `Annual`, or empty when paid upfront.
    billing_frequency: &'static str,
    billing_provider: &'static str,
    invoice_line_item_type: &'static str,
    attributes: Attributes,
}

impl OneTimeInvoiceLineItem {
    fn new(line: &ChargeLine) -> Result<Self, ApiError> {
        let item = InvoiceLineItem::new(
            line.context.clone(),
            &line.record.charge,
            Side::Cost,
            TaxRate::NONE,
        )
        .map_err(|e| ApiError::Internal(e.to_string()))?;
        let c = &item.context;
        let money = |m: Money| m.amount().to_string();
        Ok(Self {
            partner_id: c.partner_id.to_string(),
            mpn_id: line.mpn_id.clone(),
            reseller_mpn_id: line.reseller_mpn_id.clone().unwrap_or_else(|| "0".into()),
            customer_id: c.customer_id.to_string(),
            customer_name: c.customer_name.clone(),
            customer_domain_name: c.customer_domain_name.clone(),
            customer_country: c.customer_country.as_str().to_owned(),
            invoice_number: String::new(),
            order_id: c.order_id.to_string(),
            order_date: c.order_date.to_string(),
            product_id: c.product_id.as_str().to_owned(),
            product_name: c.product_name.clone(),
            charge_type: item.charge_type.as_str(),
            unit_price: unit(item.unit_price),
            effective_unit_price: unit(item.effective_unit_price),
            unit_type: c.unit_type.clone(),
            quantity: item.quantity,
            billable_quantity: item.quantity,
            subtotal: money(item.subtotal),
            tax_total: money(item.tax_total),
            total_for_customer: money(item.total),
            currency: item.currency().code().to_owned(),
            pricing_currency: item.currency().code().to_owned(),
            pc_to_bc_exchange_rate: 1,
            subscription_id: c.subscription_id.to_string(),
            subscription_description: c.subscription_description.clone(),
            subscription_start_date: c.subscription_start_date.to_string(),
            subscription_end_date: c.subscription_end_date.to_string(),
            charge_start_date: item.charge_start_date.to_string(),
            charge_end_date: item.charge_end_date.to_string(),
            term_and_billing_cycle: term_and_billing_cycle(&item),
            billing_frequency: item.billing_frequency(),
            billing_provider: "one_time",
            invoice_line_item_type: "billing_line_items",
            attributes: Attributes::of("OneTimeInvoiceLineItem"),
        })
    }
}

/// A unit price as shown: exact up to 6 decimals (a year's price billed monthly is 1/12 of
/// it, which rarely ends), rounded half up beyond. Subtotals are computed from the exact
/// price, and a price shown this way gives the same subtotal.
fn unit(price: Money) -> String {
    let amount = price.amount();
    if amount.scale() > UNIT_DECIMALS {
        round_decimal(amount, UNIT_DECIMALS, Rounding::HalfUp).to_string()
    } else {
        amount.to_string()
    }
}

/// The most decimals a unit price shows.
const UNIT_DECIMALS: u32 = 6;

fn term_and_billing_cycle(item: &InvoiceLineItem) -> String {
    use partnerdesk_domain::billing::{BillingCycle, TermDuration};
    let term = match item.context.plan.term() {
        TermDuration::P1M => "One-Month commitment",
        TermDuration::P1Y => "One-Year commitment",
        TermDuration::P3Y => "Three-Year commitment",
    };
    let cycle = match item.context.plan.cycle() {
        BillingCycle::Monthly => "monthly billing",
        BillingCycle::Annual => "yearly billing",
        BillingCycle::Triennial => "upfront billing",
    };
    format!("{term} for {cycle}")
}

/// What a continuation token carries: the query and the last line of the page.
#[derive(Debug, Serialize, Deserialize)]
struct Token {
    c: String,
    p: bool,
    a: Uuid,
    s: usize,
}

/// The page asked for: currency, whether the previous month, the line after which it
/// starts, and its size.
struct Page {
    currency: Currency,
    previous: bool,
    after: Option<Uuid>,
    size: usize,
}

/// Get unbilled line items
///
/// The calling partner's charges of the current (or previous) calendar month in one
/// currency that no invoice holds yet, in the order they were written: its cost of every
/// purchase, seat change, cycle, renewal and cancellation. Admin agents and billing
/// admins only.
#[utoipa::path(
    get,
    path = "/v1/invoices/unbilled/lineitems",
    tag = "Billing",
    params(UnbilledParams, ("MS-ContinuationToken" = Option<String>, Header, description = "With seekOperation=Next")),
    responses(
        (status = 200, description = "A page", body = Collection<OneTimeInvoiceLineItem>),
        (status = 400, description = "A parameter is invalid", body = crate::api::error::ErrorBody),
        (status = 403, description = "Only admin agents and billing admins read billing", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn unbilled(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    headers: HeaderMap,
    ApiQuery(params): ApiQuery<UnbilledParams>,
) -> Result<LargeJson<Collection<OneTimeInvoiceLineItem>>, ApiError> {
    caller.require(Permission::ViewBilling)?;
    let page = page(&headers, &params)?;
    let today = OffsetDateTime::now_utc().date();
    let month = BillingPeriod::calendar_month(today);
    let month = if page.previous {
        month
            .previous_month()
            .map_err(|e| ApiError::Internal(e.to_string()))?
    } else {
        month
    };
    let range = (
        midnight(month.start),
        midnight(month.end.next_day().unwrap_or(month.end)),
    );
    let lines = state
        .store
        .unbilled_charges(caller.partner_id(), page.currency, range, page.after, page.size)
        .await?;
    let items = lines
        .iter()
        .map(OneTimeInvoiceLineItem::new)
        .collect::<Result<Vec<_>, _>>()?;
    let period = if page.previous { "previous" } else { "current" };
    let uri = format!(
        "/invoices/unbilled/lineitems?provider=onetime&invoicelineitemtype=billinglineitems&currencycode={}&period={period}&size={}",
        page.currency.code(),
        page.size
    );
    let mut collection = Collection::new(items, uri.clone());
    if let (true, Some(last)) = (lines.len() == page.size, lines.last()) {
        let token = Token {
            c: page.currency.code().to_owned(),
            p: page.previous,
            a: last.record.id,
            s: page.size,
        };
        let token = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&token).unwrap_or_default());
        collection.links.next = Some(Link {
            uri: format!("{uri}&seekOperation=Next"),
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

fn midnight(date: Date) -> OffsetDateTime {
    date.midnight().assume_utc()
}

/// The currencies charges can be in: those of the customers' countries, upper case.
pub(crate) fn currencies() -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = partnerdesk_domain::country::all()
        .map(|c| c.currency_code.as_str())
        .filter(|code| Currency::parse(code).is_ok())
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes
}

/// The page the parameters ask for. Values are taken exactly as the contract lists them
/// (Partner Center's query values are lower case; `one_time` is refused as it is there).
fn page(headers: &HeaderMap, params: &UnbilledParams) -> Result<Page, ApiError> {
    let is = |raw: &Option<String>, value: &str| raw.as_deref() == Some(value);
    if !is(&params.provider, "onetime") {
        return Err(query_error("provider", "query-provider"));
    }
    if !is(&params.invoicelineitemtype, "billinglineitems") {
        return Err(query_error("invoicelineitemtype", "query-invoice-line-item-type"));
    }
    let currency = params
        .currencycode
        .as_deref()
        .filter(|code| currencies().contains(code))
        .and_then(|code| Currency::parse(code).ok())
        .ok_or_else(|| query_error("currencycode", "query-currency-code"))?;
    let previous = match params.period.as_deref() {
        Some("current") => false,
        Some("previous") => true,
        _ => return Err(query_error("period", "query-period")),
    };
    let size = query::number(
        params.size.as_deref(),
        MAX_CHARGE_PAGE,
        (1, MAX_CHARGE_PAGE),
        "size",
        "query-line-size",
    )?;
    match params.seek_operation.as_deref() {
        None => Ok(Page {
            currency,
            previous,
            after: None,
            size,
        }),
        Some("Next") => {
            let token = headers
                .get(&CONTINUATION)
                .and_then(|v| v.to_str().ok())
                .ok_or_else(|| query_error("MS-ContinuationToken", "query-seek-operation"))?;
            let token: Token = URL_SAFE_NO_PAD
                .decode(token.trim())
                .ok()
                .and_then(|bytes| serde_json::from_slice(&bytes).ok())
                .filter(|t: &Token| t.c == currency.code() && t.p == previous)
                .ok_or_else(|| query_error("MS-ContinuationToken", "query-continuation"))?;
            Ok(Page {
                currency,
                previous,
                after: Some(token.a),
                size: token.s.clamp(1, MAX_CHARGE_PAGE),
            })
        }
        Some(_) => Err(query_error("seekOperation", "query-seek-operation")),
    }
}

fn query_error(parameter: &'static str, message: &'static str) -> ApiError {
    ApiError::Query { parameter, message }
}
