//! The partner's invoices from the operator, newest first, with this month's charges not
//! yet invoiced; an invoice's page with its lines grouped by customer.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use partnerdesk_domain::billing::{Currency, InvoiceRecord, Money, calendar};
use partnerdesk_store::{ChargeLine, MAX_CHARGE_PAGE};
use serde::Deserialize;
use time::OffsetDateTime;

use crate::app::{AppError, billing};
use crate::invoice_pdf;
use crate::portal::session::{Can, guard};
use crate::state::AppState;
use crate::ui::billing::{CustomerLines, InvoiceRow, Side, by_customer, format_money, invoice_row};
use crate::ui::{Page, PageError, ok};

#[derive(Template)]
#[template(path = "billing/invoices.html")]
struct InvoicesPage {
    page: Page,
    invoices: Vec<InvoiceRow>,
    currency: String,
    currencies: Vec<String>,
    unbilled: Vec<CustomerLines>,
    unbilled_total: String,
    more_unbilled: bool,
}

#[derive(Deserialize)]
pub struct UnbilledQuery {
    #[serde(default)]
    currency: String,
}

/// The invoices, and the charges of the current month in `currency` not yet invoiced.
pub async fn page(
    State(state): State<AppState>,
    user: Can<guard::ViewBilling>,
    Query(query): Query<UnbilledQuery>,
) -> Result<Response, PageError> {
    let locale = user.locale;
    let invoices = billing::invoices(&state, &user.caller, None).await?;
    let mut currencies: Vec<String> = invoices.iter().map(|i| i.currency.code().to_owned()).collect();
    let currency = Currency::parse(&query.currency)
        .or_else(|_| Currency::parse(currencies.first().map_or("USD", String::as_str)))
        .map_err(|_| PageError::not_found("api-route-not-found"))?;
    currencies.push(currency.code().to_owned());
    currencies.sort();
    currencies.dedup();
    let now = OffsetDateTime::now_utc();
    let month = calendar::first_of_month(now.date()).midnight().assume_utc();
    let lines = billing::unbilled(
        &state,
        &user.caller,
        currency,
        (month, now),
        (None, MAX_CHARGE_PAGE),
    )
    .await?;
    let total = Money::sum(currency, lines.iter().map(|l| l.record.charge.cost.subtotal))
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let page = InvoicesPage {
        page: user.page("billing-title", "/billing"),
        invoices: invoices.iter().map(|i| invoice_row(locale, i)).collect(),
        currency: currency.code().to_owned(),
        currencies,
        more_unbilled: lines.len() >= MAX_CHARGE_PAGE,
        unbilled: by_customer(locale, &lines, Side::Cost),
        unbilled_total: format_money(locale, total),
    };
    Ok(ok(&page))
}

#[derive(Template)]
#[template(path = "billing/invoice.html")]
struct InvoicePage {
    page: Page,
    invoice: InvoiceRow,
    groups: Vec<CustomerLines>,
    /// Whether the invoice has more lines than the page shows.
    more: bool,
}

/// An invoice from the operator, its lines grouped by customer.
pub async fn invoice(
    State(state): State<AppState>,
    user: Can<guard::ViewBilling>,
    Path(number): Path<String>,
) -> Result<Response, PageError> {
    let locale = user.locale;
    let record = billing::invoice(&state, &user.caller, None, &number).await?;
    let (lines, more) = first_lines(&state, &user, &record).await?;
    let row = invoice_row(locale, &record);
    let page = InvoicePage {
        page: user.page(
            "billing-invoice-title",
            &format!("/billing/invoices/{}", record.number),
        ),
        invoice: row,
        groups: by_customer(locale, &lines, Side::Cost),
        more,
    };
    Ok(ok(&page))
}

/// The first [`MAX_CHARGE_PAGE`] of an invoice's lines, and whether it has more.
pub(crate) async fn first_lines(
    state: &AppState,
    user: &crate::portal::session::SignedIn,
    record: &InvoiceRecord,
) -> Result<(Vec<ChargeLine>, bool), AppError> {
    let lines = billing::invoice_lines(state, &user.caller, record, (None, MAX_CHARGE_PAGE)).await?;
    let more = u64::try_from(lines.len()).unwrap_or(u64::MAX) < record.line_count;
    Ok((lines, more))
}

/// An invoice from the operator as Partner Center's reconciliation file.
pub async fn file(
    State(state): State<AppState>,
    user: Can<guard::ViewBilling>,
    Path(number): Path<String>,
) -> Result<Response, PageError> {
    let record = billing::invoice(&state, &user.caller, None, &number).await?;
    Ok(crate::reconciliation::file(state, record))
}

/// An invoice from the operator as PDF, labelled in the user's language.
pub async fn pdf(
    State(state): State<AppState>,
    user: Can<guard::ViewBilling>,
    Path(number): Path<String>,
) -> Result<Response, PageError> {
    let statement = billing::statement(&state, &user.caller, None, &number).await?;
    Ok(invoice_pdf::file(&state, user.locale, statement).await?)
}
