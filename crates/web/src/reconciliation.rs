//! Partner Center's reconciliation file: an invoice's lines as CSV with its column names,
//! streamed a page of lines at a time. The API serves it, and so do both portals (the
//! partner's invoices and its invoices to a customer; the customer's invoices received).

use axum::body::Body;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use partnerdesk_domain::billing::{
    BillingCycle, BillingError, InvoiceLineItem, InvoiceRecord, Money, Rounding, Side, TermDuration,
    round_decimal,
};
use partnerdesk_store::{ChargeLine, MAX_CHARGE_PAGE};
use serde::Serialize;
use utoipa::ToSchema;

use crate::state::AppState;

/// `invoice` as a downloaded file, `Reconciliation_<number>.csv`.
pub fn file(state: AppState, invoice: InvoiceRecord) -> Response {
    let disposition = format!("attachment; filename=\"Reconciliation_{}.csv\"", invoice.number);
    // Fused: the response's compression polls a stream once more after its end.
    let body = Body::from_stream(rows(state, invoice).fuse());
    let headers = [
        (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
        (header::CONTENT_DISPOSITION, disposition),
    ];
    (headers, body).into_response()
}

/// The header, then each page of the invoice's lines as CSV rows, one chunk a page: the
/// file never sits whole in memory. The next page is read while this one is written out
/// (one page ahead at most).
fn rows(
    state: AppState,
    invoice: InvoiceRecord,
) -> impl futures_util::Stream<Item = Result<String, std::io::Error>> {
    let (side, number) = (invoice.side, invoice.number.clone());
    let (pages, next) = tokio::sync::mpsc::channel(1);
    tokio::spawn(async move {
        let mut after = None;
        loop {
            let page = state.store.invoice_lines(&invoice, after, MAX_CHARGE_PAGE).await;
            let full = matches!(&page, Ok(lines) if lines.len() == MAX_CHARGE_PAGE);
            after = page
                .as_ref()
                .ok()
                .and_then(|lines| lines.last())
                .map(|l| l.record.id);
            // A closed channel: the client went away.
            if pages.send(page).await.is_err() || !full {
                return;
            }
        }
    });
    let header = Some(crate::csv::line(&COLUMNS));
    futures_util::stream::unfold(Some((next, header)), move |state| {
        let number = number.clone();
        async move {
            let (mut next, header) = state?;
            let lines = match next.recv().await {
                Some(Ok(lines)) => lines,
                Some(Err(e)) => return Some((Err(std::io::Error::other(e.to_string())), None)),
                // The reading stopped before its last page: the file must not end as if whole.
                None => return Some((Err(std::io::Error::other("the lines stopped coming")), None)),
            };
            let mut chunk = header.unwrap_or_default();
            for line in &lines {
                match ReconciliationLine::new(line, side, &number) {
                    Ok(item) => chunk.push_str(&item.csv_row()),
                    Err(_) => return Some((Err(std::io::Error::other("a line can't be rendered")), None)),
                }
            }
            // A page short of full is the last.
            let more = lines.len() == MAX_CHARGE_PAGE;
            Some((Ok(chunk), more.then_some((next, None))))
        }
    })
}

/// One charge line with what Partner Center's reconciliation file says of it (the API's
/// `OneTimeInvoiceLineItem` adds its type). Amounts are decimal strings in the
/// currency's units; refunds are negative.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReconciliationLine {
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
}

impl ReconciliationLine {
    /// The line of `line` on `side`, on the invoice numbered `invoice` (empty while
    /// unbilled).
    pub fn new(line: &ChargeLine, side: Side, invoice: &str) -> Result<Self, BillingError> {
        let item = InvoiceLineItem::new(line.context.clone(), &line.record.charge, side, line.tax)?;
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
            invoice_number: invoice.to_owned(),
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
        })
    }
}

/// The reconciliation file's columns, Partner Center's names (facts file A5).
pub const COLUMNS: [&str; 46] = [
    "PartnerId",
    "CustomerId",
    "CustomerName",
    "CustomerDomainName",
    "CustomerCountry",
    "InvoiceNumber",
    "MPNID",
    "ResellerMPNID",
    "OrderId",
    "OrderDate",
    "ProductId",
    "SkuId",
    "AvailabilityId",
    "SkuName",
    "ProductName",
    "ChargeType",
    "UnitPrice",
    "Quantity",
    "Subtotal",
    "TaxTotal",
    "Total",
    "Currency",
    "PriceAdjustmentDescription",
    "PublisherName",
    "PublisherId",
    "SubscriptionDescription",
    "SubscriptionId",
    "ChargeStartDate",
    "ChargeEndDate",
    "TermAndBillingCycle",
    "EffectiveUnitPrice",
    "UnitType",
    "AlternateId",
    "BillableQuantity",
    "BillingFrequency",
    "PricingCurrency",
    "PCToBCExchangeRate",
    "PCToBCExchangeRateDate",
    "MeterDescription",
    "ReservationOrderId",
    "CreditReasonCode",
    "SubscriptionStartDate",
    "SubscriptionEndDate",
    "ReferenceID",
    "ProductQualifiers",
    "PromotionID",
];

impl ReconciliationLine {
    /// The line as a row of the reconciliation file, in [`COLUMNS`]' order.
    pub fn csv_row(&self) -> String {
        use crate::csv::text;
        let number = |n: &str| n.to_owned();
        let cells: [String; 46] = [
            text(&self.partner_id),
            text(&self.customer_id),
            text(&self.customer_name),
            text(&self.customer_domain_name),
            text(&self.customer_country),
            text(&self.invoice_number),
            text(&self.mpn_id),
            text(&self.reseller_mpn_id),
            text(&self.order_id),
            text(&self.order_date),
            text(&self.product_id),
            String::new(),
            String::new(),
            text(&self.product_name),
            text(&self.product_name),
            text(self.charge_type),
            number(&self.unit_price),
            self.quantity.to_string(),
            number(&self.subtotal),
            number(&self.tax_total),
            number(&self.total_for_customer),
            text(&self.currency),
            String::new(),
            String::new(),
            String::new(),
            text(&self.subscription_description),
            text(&self.subscription_id),
            text(&self.charge_start_date),
            text(&self.charge_end_date),
            text(&self.term_and_billing_cycle),
            number(&self.effective_unit_price),
            text(&self.unit_type),
            String::new(),
            self.billable_quantity.to_string(),
            text(self.billing_frequency),
            text(&self.pricing_currency),
            self.pc_to_bc_exchange_rate.to_string(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            text(&self.subscription_start_date),
            text(&self.subscription_end_date),
            String::new(),
            String::new(),
            String::new(),
        ];
        crate::csv::line(&cells)
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
