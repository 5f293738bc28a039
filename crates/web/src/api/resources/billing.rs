//! Billing resources: Partner Center's invoice and its `OneTimeInvoiceLineItem`s.

use partnerdesk_domain::billing::{InvoiceRecord, Money, Side};
use partnerdesk_store::ChargeLine;
use serde::Serialize;
use time::OffsetDateTime;
use utoipa::ToSchema;

use super::{Attributes, Link};
use crate::api::error::ApiError;
use crate::reconciliation::ReconciliationLine;

/// One charge line, as Partner Center's reconciliation line item. Amounts are decimal
/// strings in the currency's units; refunds are negative.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OneTimeInvoiceLineItem {
    #[serde(flatten)]
    line: ReconciliationLine,
    billing_provider: &'static str,
    invoice_line_item_type: &'static str,
    attributes: Attributes,
}

impl OneTimeInvoiceLineItem {
    /// The line of `line` on `side`, on the invoice numbered `invoice` (empty while
    /// unbilled).
    pub fn new(line: &ChargeLine, side: Side, invoice: &str) -> Result<Self, ApiError> {
        Ok(Self {
            line: ReconciliationLine::new(line, side, invoice)
                .map_err(|e| ApiError::Internal(e.to_string()))?,
            billing_provider: "one_time",
            invoice_line_item_type: "billing_line_items",
            attributes: Attributes::of("OneTimeInvoiceLineItem"),
        })
    }
}

/// An invoice: Partner Center's `Invoice` (new commerce, `invoiceType` `OneTime`).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceResource {
    /// The invoice number.
    id: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    invoice_date: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    billing_period_start_date: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    billing_period_end_date: OffsetDateTime,
    /// The total with tax, a decimal string.
    total_charges: String,
    /// What was paid against it: payments are not recorded yet.
    paid_amount: String,
    currency_code: String,
    /// How many line items it has.
    line_item_count: u64,
    invoice_details: Vec<InvoiceDetail>,
    /// `invoice`.
    document_type: &'static str,
    /// `OneTime`.
    invoice_type: &'static str,
    links: InvoiceLinks,
    attributes: Attributes,
}

/// Where an invoice's line items are.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceDetail {
    /// `billing_line_items`.
    invoice_line_item_type: &'static str,
    /// `one_time`.
    billing_provider: &'static str,
    links: InvoiceLinks,
    attributes: Attributes,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InvoiceLinks {
    #[serde(rename = "self")]
    self_link: Link,
}

impl InvoiceResource {
    /// The resource of `invoice`, at `base` (`/invoices` or `/customers/{id}/invoices`).
    pub fn new(invoice: &InvoiceRecord, base: &str) -> Self {
        let day = |d: time::Date| d.midnight().assume_utc();
        let uri = format!("{base}/{}", invoice.number);
        Self {
            id: invoice.number.clone(),
            invoice_date: day(invoice.invoice_date),
            billing_period_start_date: day(invoice.period.start),
            billing_period_end_date: day(invoice.period.end),
            total_charges: invoice.totals.total.amount().to_string(),
            paid_amount: Money::zero(invoice.currency).amount().to_string(),
            currency_code: invoice.currency.code().to_owned(),
            line_item_count: invoice.line_count,
            invoice_details: vec![InvoiceDetail {
                invoice_line_item_type: "billing_line_items",
                billing_provider: "one_time",
                links: InvoiceLinks {
                    self_link: Link::get(format!(
                        "{uri}/lineitems?provider=onetime&invoicelineitemtype=billinglineitems"
                    )),
                },
                attributes: Attributes::of("InvoiceDetail"),
            }],
            document_type: "invoice",
            invoice_type: "OneTime",
            links: InvoiceLinks {
                self_link: Link::get(uri),
            },
            attributes: Attributes::of("Invoice"),
        }
    }
}
