//! The invoices the customer received from its partners: listed on the home page, each
//! with its lines at the customer's prices. A partner's cost and margin never appear.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use partnerdesk_domain::Locale;
use partnerdesk_domain::billing::InvoiceRecord;
use uuid::Uuid;

use super::session::CustomerSignedIn;
use crate::app::billing;
use crate::invoice_pdf;
use crate::state::AppState;
use crate::ui::billing::{CustomerLines, InvoiceRow, Side, by_customer, invoice_row};
use crate::ui::{Page, PageError, ok};

/// An invoice in the customer's list: its row, its id and who sent it.
pub struct ReceivedInvoice {
    pub id: String,
    pub partner: String,
    pub row: InvoiceRow,
}

pub fn received(locale: Locale, invoices: &[(InvoiceRecord, String)]) -> Vec<ReceivedInvoice> {
    invoices
        .iter()
        .map(|(record, partner)| ReceivedInvoice {
            id: record.id.to_string(),
            partner: partner.clone(),
            row: invoice_row(locale, record),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "customer/invoice.html")]
struct InvoicePage {
    page: Page,
    id: String,
    partner: String,
    invoice: InvoiceRow,
    groups: Vec<CustomerLines>,
    more: bool,
}

/// One invoice from a partner, its lines at the customer's prices.
pub async fn invoice(
    State(state): State<AppState>,
    user: CustomerSignedIn,
    Path(raw): Path<String>,
) -> Result<Response, PageError> {
    let path = format!("/customer/invoices/{raw}");
    if let Some(first) = user.password_first(Some(&path)) {
        return Ok(first);
    }
    let id = invoice_id(&raw)?;
    let (record, partner) = billing::invoice_received(&state, &user.caller, id).await?;
    let lines = billing::invoice_received_lines(&state, &record).await?;
    let locale = user.locale;
    Ok(ok(&InvoicePage {
        page: user.page("billing-invoice-title", &path),
        id: raw,
        partner,
        more: u64::try_from(lines.len()).unwrap_or(u64::MAX) < record.line_count,
        groups: by_customer(locale, &lines, Side::Customer),
        invoice: invoice_row(locale, &record),
    }))
}

/// An invoice received, as a reconciliation file at the customer's prices.
pub async fn file(
    State(state): State<AppState>,
    user: CustomerSignedIn,
    Path(raw): Path<String>,
) -> Result<Response, PageError> {
    if let Some(first) = user.password_first(None) {
        return Ok(first);
    }
    let (record, _) = billing::invoice_received(&state, &user.caller, invoice_id(&raw)?).await?;
    Ok(crate::reconciliation::file(state, record))
}

/// An invoice received, as PDF.
pub async fn pdf(
    State(state): State<AppState>,
    user: CustomerSignedIn,
    Path(raw): Path<String>,
) -> Result<Response, PageError> {
    if let Some(first) = user.password_first(None) {
        return Ok(first);
    }
    let statement = billing::statement_received(&state, &user.caller, invoice_id(&raw)?).await?;
    Ok(invoice_pdf::file(&state, user.locale, statement).await?)
}

/// The invoice a path names; anything but an id is not found.
fn invoice_id(raw: &str) -> Result<Uuid, PageError> {
    raw.parse()
        .map_err(|_| PageError::not_found("api-invoice-not-found"))
}
