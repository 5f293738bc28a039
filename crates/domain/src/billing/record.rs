//! A charge line as recorded: the domain's [`Charge`] with what it was for and when.

use time::OffsetDateTime;
use uuid::Uuid;

use super::{BillingPlan, Charge};
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
