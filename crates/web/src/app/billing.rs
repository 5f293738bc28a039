//! Billing: the charges not yet invoiced and the invoices, for admin agents and billing
//! admins; a partner sees its own side only (its cost from the operator, its prices to its
//! customers).

use std::sync::Arc;

use partnerdesk_domain::billing::{Currency, CustomerPriceRule, InvoiceRecord, Markups};
use partnerdesk_domain::catalog::Catalog;
use partnerdesk_domain::partner::Permission;
use partnerdesk_domain::{CustomerId, Field, FieldError, Rule};
use partnerdesk_store::{ChargeLine, MarkupScope, StoreError};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::app::{AppError, Caller, CustomerCaller, customers};
use crate::state::AppState;

const NOT_FOUND: &str = "api-invoice-not-found";

fn not_found(e: StoreError) -> AppError {
    AppError::not_found_as(NOT_FOUND)(e)
}

/// The catalog whose price list the caller may read (admin agents, sales agents, billing
/// admins; not indirect resellers, who buy from their provider).
pub async fn price_list(state: &AppState, caller: &Caller) -> Result<Arc<Catalog>, AppError> {
    caller.require(Permission::ViewPrices)?;
    Ok(state.store.catalog().await?)
}

/// A page of the caller's uninvoiced charges in `currency` written in `range`, after the
/// line `after`.
pub async fn unbilled(
    state: &AppState,
    caller: &Caller,
    currency: Currency,
    range: (OffsetDateTime, OffsetDateTime),
    page: (Option<Uuid>, usize),
) -> Result<Vec<ChargeLine>, AppError> {
    caller.require(Permission::ViewBilling)?;
    let (after, size) = page;
    Ok(state
        .store
        .unbilled_charges(caller.partner_id(), currency, range, after, size)
        .await?)
}

/// The invoice the caller has from the operator (`customer` `None`), or wrote to its
/// `customer`, by its number.
pub async fn invoice(
    state: &AppState,
    caller: &Caller,
    customer: Option<CustomerId>,
    number: &str,
) -> Result<InvoiceRecord, AppError> {
    caller.require(Permission::ViewBilling)?;
    let partner = caller.partner_id();
    let found = match customer {
        None => state.store.partner_invoice(partner, number.to_owned()).await,
        Some(customer) => {
            customers::customer(state, caller, customer).await?;
            state
                .store
                .customer_invoice(partner, customer, number.to_owned())
                .await
        }
    };
    found.map_err(not_found)
}

/// The caller's invoices from the operator (`customer` `None`), or to its `customer`,
/// newest first.
pub async fn invoices(
    state: &AppState,
    caller: &Caller,
    customer: Option<CustomerId>,
) -> Result<Vec<InvoiceRecord>, AppError> {
    caller.require(Permission::ViewBilling)?;
    let partner = caller.partner_id();
    match customer {
        None => Ok(state.store.partner_invoices(partner).await?),
        Some(customer) => {
            customers::customer(state, caller, customer).await?;
            Ok(state.store.customer_invoices(partner, customer).await?)
        }
    }
}

/// A page of an invoice's lines, after the line `after`.
pub async fn invoice_lines(
    state: &AppState,
    caller: &Caller,
    invoice: &InvoiceRecord,
    page: (Option<Uuid>, usize),
) -> Result<Vec<ChargeLine>, AppError> {
    caller.require(Permission::ViewBilling)?;
    let (after, size) = page;
    Ok(state.store.invoice_lines(invoice, after, size).await?)
}

/// The caller's customer price rules that apply to every customer, with those it set for
/// `customer` (one of its own).
pub async fn customer_prices(
    state: &AppState,
    caller: &Caller,
    customer: Option<CustomerId>,
) -> Result<Markups, AppError> {
    caller.require(Permission::ViewPrices)?;
    if let Some(customer) = customer {
        customers::customer(state, caller, customer).await?;
    }
    Ok(state.store.markups(caller.partner_id(), customer).await?)
}

/// A customer price rule as a form or a request gives it: `kind` is `erp`, `percent` (a
/// percent over cost, in `percent`) or `none` (no rule of its own: the next general one
/// applies).
#[derive(Debug, Clone, Copy)]
pub struct PriceRuleInput<'a> {
    pub kind: &'a str,
    pub percent: &'a str,
}

impl PriceRuleInput<'_> {
    fn rule(&self) -> Result<Option<CustomerPriceRule>, AppError> {
        let invalid = |rule: Rule| AppError::Invalid(vec![FieldError::new(Field::MarkupPercent, rule)]);
        match self.kind {
            "erp" => Ok(Some(CustomerPriceRule::Erp)),
            "percent" => CustomerPriceRule::percent_over_cost(self.percent)
                .map(Some)
                .map_err(|e| invalid(e.into())),
            "none" => Ok(None),
            _ => Err(invalid(Rule::Required)),
        }
    }
}

/// Sets the caller's customer price rule for `scope` (its default, an offer with prices,
/// one of its customers, or a customer and offer), or removes it. The ERP rule needs an
/// offer whose prices list one.
pub async fn set_customer_price(
    state: &AppState,
    caller: &Caller,
    scope: MarkupScope,
    input: PriceRuleInput<'_>,
) -> Result<(), AppError> {
    caller.require(Permission::ManagePrices)?;
    let rule = input.rule()?;
    if let Some(customer) = scope.customer {
        customers::customer(state, caller, customer).await?;
    }
    if let Some(offer) = &scope.offer {
        let catalog = state.store.catalog().await?;
        let list = catalog
            .prices(offer)
            .ok_or(AppError::NotFound("api-offer-not-found"))?;
        if rule == Some(CustomerPriceRule::Erp) && list.points().iter().all(|p| p.erp.is_none()) {
            let missing = partnerdesk_domain::billing::BillingError::ErpMissing;
            return Err(AppError::Invalid(vec![FieldError::new(
                Field::MarkupPercent,
                missing.into(),
            )]));
        }
    }
    state
        .store
        .set_markup(caller.partner_id(), scope, rule, caller.actor())
        .await?;
    Ok(())
}

/// The invoices the signed-in customer received from its partners, with each partner's
/// name: at the customer's prices, never a cost.
pub async fn invoices_received(
    state: &AppState,
    caller: &CustomerCaller,
) -> Result<Vec<(InvoiceRecord, String)>, AppError> {
    Ok(state
        .store
        .invoices_to_customer(caller.user.customer_id, None)
        .await?)
}

/// One invoice the signed-in customer received, and its partner's name.
pub async fn invoice_received(
    state: &AppState,
    caller: &CustomerCaller,
    invoice: Uuid,
) -> Result<(InvoiceRecord, String), AppError> {
    let found = state
        .store
        .invoices_to_customer(caller.user.customer_id, Some(invoice))
        .await?;
    found.into_iter().next().ok_or(AppError::NotFound(NOT_FOUND))
}

/// The first lines (up to [`partnerdesk_store::MAX_CHARGE_PAGE`]) of an invoice the
/// customer received, as [`invoice_received`] found it.
pub async fn invoice_received_lines(
    state: &AppState,
    invoice: &InvoiceRecord,
) -> Result<Vec<ChargeLine>, AppError> {
    Ok(state
        .store
        .invoice_lines(invoice, None, partnerdesk_store::MAX_CHARGE_PAGE)
        .await?)
}

/// What an invoice's PDF prints: the invoice, who it is from (`None`: the operator) and
/// to, and every line.
pub struct Statement {
    pub invoice: InvoiceRecord,
    pub from: Option<String>,
    pub to: String,
    pub lines: Vec<ChargeLine>,
}

/// The statement of the caller's invoice from the operator (`customer` `None`), or of its
/// invoice to its `customer`, by its number.
pub async fn statement(
    state: &AppState,
    caller: &Caller,
    customer: Option<CustomerId>,
    number: &str,
) -> Result<Statement, AppError> {
    let invoice = invoice(state, caller, customer, number).await?;
    let partner = caller.principal.partner.name.clone();
    let (from, to) = match customer {
        None => (None, partner),
        Some(id) => (
            Some(partner),
            customers::customer(state, caller, id).await?.company_name,
        ),
    };
    let lines = every_line(state, &invoice).await?;
    Ok(Statement {
        invoice,
        from,
        to,
        lines,
    })
}

/// The statement of an invoice the signed-in customer received.
pub async fn statement_received(
    state: &AppState,
    caller: &CustomerCaller,
    invoice: Uuid,
) -> Result<Statement, AppError> {
    let (invoice, partner) = invoice_received(state, caller, invoice).await?;
    let lines = every_line(state, &invoice).await?;
    Ok(Statement {
        invoice,
        from: Some(partner),
        to: caller.user.company_name.clone(),
        lines,
    })
}

/// Every line of an invoice, page after page.
async fn every_line(state: &AppState, invoice: &InvoiceRecord) -> Result<Vec<ChargeLine>, AppError> {
    let page = partnerdesk_store::MAX_CHARGE_PAGE;
    let mut lines: Vec<ChargeLine> = Vec::new();
    loop {
        let after = lines.last().map(|l| l.record.id);
        let next = state.store.invoice_lines(invoice, after, page).await?;
        let done = next.len() < page;
        lines.extend(next);
        if done {
            return Ok(lines);
        }
    }
}
