//! A charge line as recorded: the domain's [`Charge`] with what it was for and when.

use time::OffsetDateTime;
use uuid::Uuid;

use super::{BillingPeriod, BillingPlan, Charge, Currency, InvoiceTotals, Side};
use crate::{CustomerId, OfferId, OrderId, PartnerId, SubscriptionId};

/// A charge line as the store keeps it (a line of the reconciliation file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChargeRecord {
    /// Time-ordered: lines page in the order they were written.
    pub id: Uuid,
    /// The partner that sold the subscription (billed for the cost side).
    pub partner_id: PartnerId,
    /// The indirect reseller it was sold through, if any.
    pub reseller_id: Option<PartnerId>,
    pub customer_id: CustomerId,
    pub subscription_id: SubscriptionId,
    pub order_id: OrderId,
    pub offer_id: OfferId,
    pub plan: BillingPlan,
    pub charge: Charge,
    pub created_at: OffsetDateTime,
}

/// An invoice as written at a month's close: never changed afterwards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceRecord {
    pub id: Uuid,
    /// Its issuer's number, such as `G000000012`.
    pub number: String,
    /// `Cost`: the operator bills the partner (Partner Center's invoice); `Customer`: the
    /// partner bills its customer.
    pub side: Side,
    /// The partner billed (cost side) or billing (customer side).
    pub partner_id: PartnerId,
    /// The customer billed, on the customer side.
    pub customer_id: Option<CustomerId>,
    pub currency: Currency,
    pub period: BillingPeriod,
    pub invoice_date: time::Date,
    pub totals: InvoiceTotals,
    pub line_count: u64,
    pub created_at: OffsetDateTime,
}
