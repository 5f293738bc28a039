//! The partner's invoices from the operator, newest first, with this month's charges not
//! yet invoiced; an invoice's page with its lines grouped by customer.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use partnerdesk_domain::Locale;
use partnerdesk_domain::billing::{Currency, InvoiceRecord, Money, calendar};
use partnerdesk_store::{ChargeLine, MAX_CHARGE_PAGE};
use serde::Deserialize;
use time::OffsetDateTime;

use crate::app::{AppError, billing};
use crate::portal::session::{Can, guard};
use crate::state::AppState;
use crate::ui::billing::{charge_words, format_money, plan_words};
use crate::ui::layout::{format_date, format_number};
use crate::ui::{Page, PageError, ok};

pub(crate) struct InvoiceRow {
    pub number: String,
    pub period: String,
    pub date: String,
    pub subtotal: String,
    pub tax: String,
    pub total: String,
    pub lines: String,
}

pub(crate) struct LineRow {
    pub product: String,
    pub plan: String,
    pub charge: String,
    pub dates: String,
    pub quantity: String,
    pub amount: String,
}

pub(crate) struct CustomerLines {
    pub name: String,
    pub lines: Vec<LineRow>,
}

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

pub(crate) fn invoice_row(locale: Locale, i: &InvoiceRecord) -> InvoiceRow {
    let day = |d: time::Date| format_date(locale, d.midnight().assume_utc());
    InvoiceRow {
        number: i.number.clone(),
        period: format!("{} – {}", day(i.period.start), day(i.period.end)),
        date: day(i.invoice_date),
        subtotal: format_money(locale, i.totals.subtotal),
        tax: format_money(locale, i.totals.tax),
        total: format_money(locale, i.totals.total),
        lines: format_number(locale, i64::try_from(i.line_count).unwrap_or(i64::MAX)),
    }
}

/// Which price a line shows: the partner's cost, or its customer's price.
#[derive(Clone, Copy)]
pub(crate) enum Side {
    Cost,
    Customer,
}

/// `lines` grouped by customer, in the order each customer first appears.
pub(crate) fn by_customer(locale: Locale, lines: &[ChargeLine], side: Side) -> Vec<CustomerLines> {
    let mut groups: Vec<(partnerdesk_domain::CustomerId, CustomerLines)> = Vec::new();
    for line in lines {
        let row = line_row(locale, line, side);
        let customer = line.context.customer_id;
        match groups.iter_mut().find(|(id, _)| *id == customer) {
            Some((_, group)) => group.lines.push(row),
            None => groups.push((
                customer,
                CustomerLines {
                    name: line.context.customer_name.clone(),
                    lines: vec![row],
                },
            )),
        }
    }
    groups.into_iter().map(|(_, group)| group).collect()
}

fn line_row(locale: Locale, line: &ChargeLine, side: Side) -> LineRow {
    let charge = &line.record.charge;
    let amounts = match side {
        Side::Cost => &charge.cost,
        Side::Customer => &charge.customer,
    };
    let day = |d: time::Date| format_date(locale, d.midnight().assume_utc());
    LineRow {
        product: line.context.product_name.clone(),
        plan: plan_words(locale, line.record.plan),
        charge: charge_words(locale, charge.charge_type),
        dates: format!("{} – {}", day(charge.charge_start), day(charge.charge_end)),
        quantity: format_number(locale, i64::from(charge.quantity)),
        amount: format_money(locale, amounts.subtotal),
    }
}

#[derive(Template)]
#[template(path = "billing/invoice.html")]
struct InvoicePage {
    page: Page,
    number: String,
    period: String,
    date: String,
    subtotal: String,
    tax: String,
    total: String,
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
        number: row.number,
        period: row.period,
        date: row.date,
        subtotal: row.subtotal,
        tax: row.tax,
        total: row.total,
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
