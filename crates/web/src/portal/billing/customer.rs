//! A customer's **Billing** tab: the price rule the partner set for it, what each of its
//! subscriptions costs the partner and earns it this term, and the partner's invoices to
//! it, each with its lines at the customer's price.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use partnerdesk_domain::billing::{BillingPlan, margin_percent};
use partnerdesk_domain::partner::Permission;
use partnerdesk_domain::{CustomerId, Locale};
use partnerdesk_store::MarkupScope;
use serde::Deserialize;

use crate::app::billing::{self, PriceRuleInput};
use crate::app::{AppError, customers, subscriptions};
use crate::cldr::format_number;
use crate::i18n;
use crate::invoice_pdf;
use crate::portal::billing::invoices::first_lines;
use crate::portal::billing::prices::{kind_of, shown};
use crate::portal::session::{Can, SignedIn, guard};
use crate::state::AppState;
use crate::ui::billing::{
    CustomerLines, InvoiceRow, Side, by_customer, format_money, format_percent, invoice_row, plan_words,
};
use crate::ui::{Flash, Form, Page, PageError, html, ok};

struct MarginRow {
    offer: String,
    plan: String,
    licenses: String,
    cost: String,
    price: String,
    margin: String,
    percent: String,
}

#[derive(Template)]
#[template(path = "billing/customer.html")]
struct CustomerBillingPage {
    page: Page,
    id: String,
    company: String,
    kind: &'static str,
    percent: String,
    error: Option<String>,
    can_manage: bool,
    margins: Vec<MarginRow>,
    invoices: Vec<InvoiceRow>,
}

fn customer_id(raw: &str) -> Result<CustomerId, PageError> {
    raw.parse()
        .map_err(|_| PageError::not_found("api-customer-not-found"))
}

pub async fn page(
    State(state): State<AppState>,
    user: Can<guard::ViewBilling>,
    Path(raw): Path<String>,
) -> Result<Response, PageError> {
    let page = render(&state, &user, customer_id(&raw)?, None).await?;
    Ok(ok(&page))
}

async fn render(
    state: &AppState,
    user: &SignedIn,
    id: CustomerId,
    refused: Option<(&RuleInput, String)>,
) -> Result<CustomerBillingPage, AppError> {
    let locale = user.locale;
    let overview = customers::overview(state, &user.caller, id).await?;
    let catalog = customers::catalog(state).await?;
    let terms = subscriptions::terms(state, &overview.subscriptions).await?;
    let markups = billing::customer_prices(state, &user.caller, Some(id)).await?;
    let (mut kind, mut percent) = shown(markups.set_for(Some(id), None));
    let mut error = None;
    if let Some((input, message)) = refused {
        kind = kind_of(&input.kind);
        percent.clone_from(&input.percent);
        error = Some(message);
    }
    let margins = overview
        .subscriptions
        .iter()
        .filter_map(|s| terms.get(&s.id).map(|t| (s, t)))
        .map(|(s, term)| margin_row(locale, s, &term.prices, &catalog))
        .collect();
    let invoices = billing::invoices(state, &user.caller, Some(id)).await?;
    Ok(CustomerBillingPage {
        page: user.page("customer-billing-title", &format!("/customers/{id}/billing")),
        id: id.to_string(),
        company: overview.customer.company_name.clone(),
        kind,
        percent,
        error,
        can_manage: user.can(Permission::ManagePrices),
        margins,
        invoices: invoices.iter().map(|i| invoice_row(locale, i)).collect(),
    })
}

/// A subscription's cost and price for its whole term at its license count.
fn margin_row(
    locale: Locale,
    s: &partnerdesk_domain::subscription::Subscription,
    prices: &partnerdesk_domain::billing::TermPrices,
    catalog: &partnerdesk_domain::catalog::Catalog,
) -> MarginRow {
    let totals = prices.totals(s.quantity).ok();
    let money = |m: Option<_>| m.map(|m| format_money(locale, m)).unwrap_or_default();
    MarginRow {
        offer: catalog
            .offer(&s.offer_id)
            .map_or_else(|| s.offer_id.to_string(), |o| o.name(locale).to_owned()),
        plan: BillingPlan::parse(&s.term_duration, &s.billing_cycle)
            .map_or_else(|_| s.term_duration.clone(), |p| plan_words(locale, p)),
        licenses: format_number(locale, i64::from(s.quantity)),
        cost: money(totals.map(|t| t.cost)),
        price: money(totals.map(|t| t.customer)),
        margin: money(totals.map(|t| t.margin)),
        percent: margin_percent(prices.cost, prices.customer)
            .ok()
            .flatten()
            .map(|p| format_percent(locale, p))
            .unwrap_or_default(),
    }
}

#[derive(Deserialize)]
pub struct RuleInput {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    percent: String,
}

/// Sets or removes the customer's own price rule.
pub async fn set(
    State(state): State<AppState>,
    jar: CookieJar,
    user: Can<guard::ManagePrices>,
    Path(raw): Path<String>,
    Form(form): Form<RuleInput>,
) -> Result<Response, PageError> {
    let id = customer_id(&raw)?;
    let scope = MarkupScope {
        customer: Some(id),
        offer: None,
    };
    let input = PriceRuleInput {
        kind: &form.kind,
        percent: &form.percent,
    };
    match billing::set_customer_price(&state, &user.caller, scope, input).await {
        Ok(()) => {
            let jar = user.flash(jar, &Flash::notice("prices-saved-notice"));
            Ok((jar, Redirect::to(&format!("/customers/{id}/billing"))).into_response())
        }
        Err(AppError::Invalid(errors)) => {
            let message = errors
                .first()
                .map(|e| i18n::rule(user.locale, &e.rule))
                .unwrap_or_default();
            let page = render(&state, &user, id, Some((&form, message))).await?;
            Ok(html(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "billing/customer_invoice.html")]
struct CustomerInvoicePage {
    page: Page,
    id: String,
    company: String,
    invoice: InvoiceRow,
    groups: Vec<CustomerLines>,
    more: bool,
}

/// The partner's invoice to its customer, its lines at the customer's price.
pub async fn invoice(
    State(state): State<AppState>,
    user: Can<guard::ViewBilling>,
    Path((raw, number)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let id = customer_id(&raw)?;
    let record = billing::invoice(&state, &user.caller, Some(id), &number).await?;
    let customer = customers::customer(&state, &user.caller, id).await?;
    let (lines, more) = first_lines(&state, &user, &record).await?;
    let page = CustomerInvoicePage {
        page: user.page(
            "billing-invoice-title",
            &format!("/customers/{id}/invoices/{number}"),
        ),
        id: id.to_string(),
        company: customer.company_name,
        invoice: invoice_row(user.locale, &record),
        groups: by_customer(user.locale, &lines, Side::Customer),
        more,
    };
    Ok(ok(&page))
}

/// The partner's invoice to its customer as a reconciliation file, at the customer's
/// prices.
pub async fn file(
    State(state): State<AppState>,
    user: Can<guard::ViewBilling>,
    Path((raw, number)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let record = billing::invoice(&state, &user.caller, Some(customer_id(&raw)?), &number).await?;
    Ok(crate::reconciliation::file(state, record))
}

/// The partner's invoice to its customer as PDF, at the customer's prices.
pub async fn pdf(
    State(state): State<AppState>,
    user: Can<guard::ViewBilling>,
    Path((raw, number)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let statement = billing::statement(&state, &user.caller, Some(customer_id(&raw)?), &number).await?;
    Ok(invoice_pdf::file(&state, user.locale, statement).await?)
}
