//! Billing: the charges not yet invoiced and the invoices, for admin agents and billing
//! admins; a partner sees its own side only (its cost from the operator, its prices to its
//! customers).

use std::sync::Arc;

use partnerdesk_domain::CustomerId;
use partnerdesk_domain::billing::{Currency, InvoiceRecord};
use partnerdesk_domain::catalog::Catalog;
use partnerdesk_domain::partner::Permission;
use partnerdesk_store::{ChargeLine, StoreError};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::app::{AppError, Caller, customers};
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
