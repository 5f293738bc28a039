//! Invoices through the API, shaped like Partner Center's: the partner's invoices from the
//! operator (`GET /v1/invoices`, one by number, its line items), the charges not yet
//! invoiced (`GET /v1/invoices/unbilled/lineitems`), and, as a Partnerdesk extension, the
//! partner's invoices to one customer (`GET /v1/customers/{id}/invoices...`). Line items
//! page by seek: `size`, then `seekOperation=Next` with the `MS-ContinuationToken` of the
//! previous page.

use axum::Json;
use axum::extract::{FromRequestParts, RawPathParams, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderName};
use axum::response::Response;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use partnerdesk_domain::CustomerId;
use partnerdesk_domain::billing::{BillingPeriod, Currency, Side};
use partnerdesk_store::{ChargeLine, MAX_CHARGE_PAGE};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::api::auth::{ApiCaller, Lang};
use crate::api::error::ApiError;
use crate::api::json::LargeJson;
use crate::api::query::{self, ApiQuery};
use crate::api::resources::Collection;
use crate::api::resources::billing::{InvoiceResource, OneTimeInvoiceLineItem};
use crate::api::{CustomerPath, param, params};
use crate::app::billing;
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

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub(crate) struct LineItemParams {
    /// `onetime`: new-commerce license charges (the only provider Partnerdesk bills).
    #[param(required = true, value_type = String)]
    provider: Option<String>,
    /// `billinglineitems`.
    #[param(required = true, value_type = String)]
    invoicelineitemtype: Option<String>,
    /// Lines per page (2000 when absent).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 2000)]
    size: Option<String>,
    /// `Next`, with the `MS-ContinuationToken` header of the previous page.
    #[serde(rename = "seekOperation")]
    #[param(rename = "seekOperation")]
    seek_operation: Option<String>,
}

/// The invoice a path names (`invoices/{invoice}`, or under `customers/{customer}/`).
pub(crate) struct InvoicePath(Option<CustomerId>, String);

impl<S: Send + Sync> FromRequestParts<S> for InvoicePath {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let params: RawPathParams = params(parts, state).await?;
        let customer = match params.iter().any(|(key, _)| key == "customer") {
            true => Some(param(&params, "customer", "api-customer-not-found")?),
            false => None,
        };
        Ok(InvoicePath(
            customer,
            param(&params, "invoice", "api-invoice-not-found")?,
        ))
    }
}

/// What a continuation token carries: which list, its last line and the page size.
#[derive(Debug, Serialize, Deserialize)]
struct Token {
    q: String,
    a: Uuid,
    s: usize,
}

/// Where a page of lines starts: after which line, and how many.
type Page = (Option<Uuid>, usize);

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
    provider(params.provider.as_deref(), params.invoicelineitemtype.as_deref())?;
    let currency = params
        .currencycode
        .as_deref()
        .filter(|code| currencies().contains(code))
        .and_then(|code| Currency::parse(code).ok())
        .ok_or_else(|| query_error("currencycode", "query-currency-code"))?;
    let (previous, period) = match params.period.as_deref() {
        Some("current") => (false, "current"),
        Some("previous") => (true, "previous"),
        _ => return Err(query_error("period", "query-period")),
    };
    let list = format!("unbilled:{}:{period}", currency.code());
    let page = page(
        &headers,
        &list,
        params.size.as_deref(),
        params.seek_operation.as_deref(),
    )?;
    let month = BillingPeriod::calendar_month(OffsetDateTime::now_utc().date());
    let month = match previous {
        true => month
            .previous_month()
            .map_err(|e| ApiError::Internal(e.to_string()))?,
        false => month,
    };
    let range = (
        midnight(month.start),
        midnight(month.end.next_day().unwrap_or(month.end)),
    );
    let lines = billing::unbilled(&state, &caller, currency, range, page).await?;
    let uri = format!(
        "/invoices/unbilled/lineitems?provider=onetime&invoicelineitemtype=billinglineitems&currencycode={}&period={period}",
        currency.code()
    );
    lines_page(&lines, Side::Cost, "", (&uri, &list, page.1))
}

/// Get invoices
///
/// The calling partner's invoices from the operator, newest first: one per month and
/// currency, written when the month closes. Admin agents and billing admins only.
#[utoipa::path(
    get,
    path = "/v1/invoices",
    tag = "Billing",
    responses(
        (status = 200, description = "Newest first", body = Collection<InvoiceResource>),
        (status = 403, description = "Only admin agents and billing admins read billing", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn list(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
) -> Result<Json<Collection<InvoiceResource>>, ApiError> {
    let invoices = billing::invoices(&state, &caller, None).await?;
    let items = invoices
        .iter()
        .map(|i| InvoiceResource::new(i, "/invoices"))
        .collect();
    Ok(Json(Collection::new(items, "/invoices")))
}

/// Get an invoice
#[utoipa::path(
    get,
    path = "/v1/invoices/{invoice}",
    tag = "Billing",
    params(("invoice" = String, Path, description = "The invoice number, such as G000000001")),
    responses(
        (status = 200, description = "The invoice", body = InvoiceResource),
        (status = 403, description = "Only admin agents and billing admins read billing", body = crate::api::error::ErrorBody),
        (status = 404, description = "No invoice of yours has this number", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn get(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    path: InvoicePath,
) -> Result<Json<InvoiceResource>, ApiError> {
    let invoice = billing::invoice(&state, &caller, None, &path.1).await?;
    Ok(Json(InvoiceResource::new(&invoice, "/invoices")))
}

/// Get an invoice's line items
///
/// The invoice's lines in the order they were written, each as Partner Center's
/// `OneTimeInvoiceLineItem`.
#[utoipa::path(
    get,
    path = "/v1/invoices/{invoice}/lineitems",
    tag = "Billing",
    params(
        ("invoice" = String, Path, description = "The invoice number"),
        LineItemParams,
        ("MS-ContinuationToken" = Option<String>, Header, description = "With seekOperation=Next"),
    ),
    responses(
        (status = 200, description = "A page", body = Collection<OneTimeInvoiceLineItem>),
        (status = 400, description = "A parameter is invalid", body = crate::api::error::ErrorBody),
        (status = 403, description = "Only admin agents and billing admins read billing", body = crate::api::error::ErrorBody),
        (status = 404, description = "No invoice of yours has this number", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn line_items(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    path: InvoicePath,
    headers: HeaderMap,
    ApiQuery(params): ApiQuery<LineItemParams>,
) -> Result<LargeJson<Collection<OneTimeInvoiceLineItem>>, ApiError> {
    let InvoicePath(customer, number) = path;
    provider(params.provider.as_deref(), params.invoicelineitemtype.as_deref())?;
    let invoice = billing::invoice(&state, &caller, customer, &number).await?;
    let base = invoices_uri(customer);
    let list = format!("{base}/{number}");
    let page = page(
        &headers,
        &list,
        params.size.as_deref(),
        params.seek_operation.as_deref(),
    )?;
    let lines = billing::invoice_lines(&state, &caller, &invoice, page).await?;
    let uri = format!("{list}/lineitems?provider=onetime&invoicelineitemtype=billinglineitems");
    lines_page(&lines, invoice.side, &invoice.number, (&uri, &list, page.1))
}

/// Get a customer's invoices (Partnerdesk)
///
/// The invoices the calling partner wrote to this customer at its own prices, newest
/// first: one per month and currency. Partner Center has no such resource.
#[utoipa::path(
    get,
    path = "/v1/customers/{customer}/invoices",
    tag = "Billing",
    params(("customer" = String, Path, description = "Customer id")),
    responses(
        (status = 200, description = "Newest first", body = Collection<InvoiceResource>),
        (status = 403, description = "Only admin agents and billing admins read billing", body = crate::api::error::ErrorBody),
        (status = 404, description = "No such customer for you", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn customer_list(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    CustomerPath(customer): CustomerPath,
) -> Result<Json<Collection<InvoiceResource>>, ApiError> {
    let invoices = billing::invoices(&state, &caller, Some(customer)).await?;
    let base = invoices_uri(Some(customer));
    let items = invoices.iter().map(|i| InvoiceResource::new(i, &base)).collect();
    Ok(Json(Collection::new(items, base)))
}

/// Get a customer's invoice (Partnerdesk)
#[utoipa::path(
    get,
    path = "/v1/customers/{customer}/invoices/{invoice}",
    tag = "Billing",
    params(("customer" = String, Path, description = "Customer id"), ("invoice" = String, Path, description = "The invoice number, such as C000000001")),
    responses(
        (status = 200, description = "The invoice", body = InvoiceResource),
        (status = 403, description = "Only admin agents and billing admins read billing", body = crate::api::error::ErrorBody),
        (status = 404, description = "No such customer or invoice for you", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn customer_get(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    path: InvoicePath,
) -> Result<Json<InvoiceResource>, ApiError> {
    let InvoicePath(customer, number) = path;
    let invoice = billing::invoice(&state, &caller, customer, &number).await?;
    Ok(Json(InvoiceResource::new(&invoice, &invoices_uri(customer))))
}

/// Get a customer's invoice's line items (Partnerdesk)
#[utoipa::path(
    get,
    path = "/v1/customers/{customer}/invoices/{invoice}/lineitems",
    tag = "Billing",
    params(
        ("customer" = String, Path, description = "Customer id"),
        ("invoice" = String, Path, description = "The invoice number"),
        LineItemParams,
        ("MS-ContinuationToken" = Option<String>, Header, description = "With seekOperation=Next"),
    ),
    responses(
        (status = 200, description = "A page, at the customer's prices", body = Collection<OneTimeInvoiceLineItem>),
        (status = 400, description = "A parameter is invalid", body = crate::api::error::ErrorBody),
        (status = 403, description = "Only admin agents and billing admins read billing", body = crate::api::error::ErrorBody),
        (status = 404, description = "No such customer or invoice for you", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn customer_line_items(
    state: State<AppState>,
    caller: ApiCaller,
    path: InvoicePath,
    headers: HeaderMap,
    params: ApiQuery<LineItemParams>,
) -> Result<LargeJson<Collection<OneTimeInvoiceLineItem>>, ApiError> {
    line_items(state, caller, path, headers, params).await
}

/// Get an invoice's reconciliation file (Partnerdesk)
///
/// Every line of the invoice as CSV with the columns of Partner Center's new-commerce
/// reconciliation file, streamed. Under `/v1/customers/{customer}/invoices/...`, the
/// customer invoice's lines at the customer's prices.
#[utoipa::path(
    get,
    path = "/v1/invoices/{invoice}/reconciliation",
    tag = "Billing",
    params(("invoice" = String, Path, description = "The invoice number")),
    responses(
        (status = 200, description = "The reconciliation file", content_type = "text/csv", body = String, headers(("Content-Disposition" = String, description = "`attachment` with the file name"))),
        (status = 403, description = "Only admin agents and billing admins read billing", body = crate::api::error::ErrorBody),
        (status = 404, description = "No invoice of yours has this number", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn reconciliation(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    path: InvoicePath,
) -> Result<Response, ApiError> {
    let InvoicePath(customer, number) = path;
    let invoice = billing::invoice(&state, &caller, customer, &number).await?;
    Ok(crate::reconciliation::file(state, invoice))
}

/// Get a customer's invoice's reconciliation file (Partnerdesk)
#[utoipa::path(
    get,
    path = "/v1/customers/{customer}/invoices/{invoice}/reconciliation",
    tag = "Billing",
    params(("customer" = String, Path, description = "Customer id"), ("invoice" = String, Path, description = "The invoice number")),
    responses(
        (status = 200, description = "The reconciliation file, at the customer's prices", content_type = "text/csv", body = String, headers(("Content-Disposition" = String, description = "`attachment` with the file name"))),
        (status = 403, description = "Only admin agents and billing admins read billing", body = crate::api::error::ErrorBody),
        (status = 404, description = "No such customer or invoice for you", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn customer_reconciliation(
    state: State<AppState>,
    caller: ApiCaller,
    path: InvoicePath,
) -> Result<Response, ApiError> {
    reconciliation(state, caller, path).await
}

/// Get an invoice statement
///
/// The invoice as PDF (Partner Center's `documents/statement`): who it is from and to,
/// its period and totals, and its lines grouped by customer, labelled in the language of
/// `X-Locale` (English by default). Under `/v1/customers/{customer}/invoices/...`, the
/// partner's invoice to its customer at the customer's prices. 503 when the server has no
/// font to write it in.
#[utoipa::path(
    get,
    path = "/v1/invoices/{invoice}/documents/statement",
    tag = "Billing",
    params(("invoice" = String, Path, description = "The invoice number")),
    responses(
        (status = 200, description = "The invoice as PDF", content_type = "application/pdf", body = String, headers(("Content-Disposition" = String, description = "`attachment` with the file name"))),
        (status = 403, description = "Only admin agents and billing admins read billing", body = crate::api::error::ErrorBody),
        (status = 404, description = "No invoice of yours has this number", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn statement(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Lang(locale): Lang,
    path: InvoicePath,
) -> Result<Response, ApiError> {
    let InvoicePath(customer, number) = path;
    let statement = billing::statement(&state, &caller, customer, &number).await?;
    Ok(crate::invoice_pdf::file(&state, locale, statement).await?)
}

/// Get a customer's invoice statement (Partnerdesk)
#[utoipa::path(
    get,
    path = "/v1/customers/{customer}/invoices/{invoice}/documents/statement",
    tag = "Billing",
    params(("customer" = String, Path, description = "Customer id"), ("invoice" = String, Path, description = "The invoice number")),
    responses(
        (status = 200, description = "The invoice as PDF, at the customer's prices", content_type = "application/pdf", body = String, headers(("Content-Disposition" = String, description = "`attachment` with the file name"))),
        (status = 403, description = "Only admin agents and billing admins read billing", body = crate::api::error::ErrorBody),
        (status = 404, description = "No such customer or invoice for you", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn customer_statement(
    state: State<AppState>,
    caller: ApiCaller,
    lang: Lang,
    path: InvoicePath,
) -> Result<Response, ApiError> {
    statement(state, caller, lang, path).await
}

fn invoices_uri(customer: Option<CustomerId>) -> String {
    match customer {
        None => "/invoices".to_owned(),
        Some(customer) => format!("/customers/{customer}/invoices"),
    }
}

/// A page of `lines` on `side` of the invoice numbered `invoice`, with the link to the
/// next one when full: `(uri of the list, its token key, page size)`.
fn lines_page(
    lines: &[ChargeLine],
    side: Side,
    invoice: &str,
    (uri, list, size): (&str, &str, usize),
) -> Result<LargeJson<Collection<OneTimeInvoiceLineItem>>, ApiError> {
    let items = lines
        .iter()
        .map(|l| OneTimeInvoiceLineItem::new(l, side, invoice))
        .collect::<Result<Vec<_>, _>>()?;
    let uri = format!("{uri}&size={size}");
    let mut collection = Collection::new(items, uri);
    if let (true, Some(last)) = (lines.len() == size, lines.last()) {
        let token = Token {
            q: list.to_owned(),
            a: last.record.id,
            s: size,
        };
        collection =
            collection.with_next(URL_SAFE_NO_PAD.encode(serde_json::to_vec(&token).unwrap_or_default()));
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

/// Checks `provider` and `invoicelineitemtype`, taken exactly as the contract lists them
/// (Partner Center's query values are lower case; `one_time` is refused as it is there).
fn provider(provider: Option<&str>, line_type: Option<&str>) -> Result<(), ApiError> {
    if provider != Some("onetime") {
        return Err(query_error("provider", "query-provider"));
    }
    if line_type != Some("billinglineitems") {
        return Err(query_error("invoicelineitemtype", "query-invoice-line-item-type"));
    }
    Ok(())
}

/// The page of the list `list` asked for: the first (`size`), or the next one
/// (`seekOperation=Next` with a token of this list).
fn page(headers: &HeaderMap, list: &str, size: Option<&str>, seek: Option<&str>) -> Result<Page, ApiError> {
    let size = query::number(
        size,
        MAX_CHARGE_PAGE,
        (1, MAX_CHARGE_PAGE),
        "size",
        "query-line-size",
    )?;
    match seek {
        None => Ok((None, size)),
        Some("Next") => {
            let token = headers
                .get(&CONTINUATION)
                .and_then(|v| v.to_str().ok())
                .ok_or_else(|| query_error("MS-ContinuationToken", "query-seek-operation"))?;
            let token: Token = URL_SAFE_NO_PAD
                .decode(token.trim())
                .ok()
                .and_then(|bytes| serde_json::from_slice(&bytes).ok())
                .filter(|t: &Token| t.q == list)
                .ok_or_else(|| query_error("MS-ContinuationToken", "query-continuation"))?;
            Ok((Some(token.a), token.s.clamp(1, MAX_CHARGE_PAGE)))
        }
        Some(_) => Err(query_error("seekOperation", "query-seek-operation")),
    }
}

fn query_error(parameter: &'static str, message: &'static str) -> ApiError {
    ApiError::Query { parameter, message }
}
