//! Subscriptions: what a customer has, one per order line item.

use std::fmt;
use std::str::FromStr;

use time::OffsetDateTime;

use crate::{CustomerId, OfferId, OrderId, PartnerId, SubscriptionId};

/// Partner Center's subscription states that Partnerdesk uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubscriptionStatus {
    Active,
    Suspended,
    Deleted,
}

impl SubscriptionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            SubscriptionStatus::Active => "active",
            SubscriptionStatus::Suspended => "suspended",
            SubscriptionStatus::Deleted => "deleted",
        }
    }
}

impl fmt::Display for SubscriptionStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for SubscriptionStatus {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "active" => Ok(SubscriptionStatus::Active),
            "suspended" => Ok(SubscriptionStatus::Suspended),
            "deleted" => Ok(SubscriptionStatus::Deleted),
            _ => Err(()),
        }
    }
}

/// A subscription as read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    pub id: SubscriptionId,
    pub customer_id: CustomerId,
    /// The partner that sold it.
    pub partner_id: PartnerId,
    /// The indirect reseller it was sold through, if any.
    pub reseller_id: Option<PartnerId>,
    pub order_id: OrderId,
    pub offer_id: OfferId,
    pub friendly_name: String,
    pub quantity: u32,
    pub status: SubscriptionStatus,
    pub parent_subscription_id: Option<SubscriptionId>,
    pub partner_id_on_record: Option<String>,
    pub billing_cycle: String,
    pub term_duration: String,
    pub auto_renew: bool,
    pub created_at: OffsetDateTime,
    pub commitment_end: OffsetDateTime,
    /// Incremented by every change; the API's etag.
    pub version: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_parse_in_any_case() {
        assert_eq!("Suspended".parse(), Ok(SubscriptionStatus::Suspended));
        assert_eq!(
            "active".parse::<SubscriptionStatus>().map(|s| s.to_string()),
            Ok("active".into())
        );
        assert!("paused".parse::<SubscriptionStatus>().is_err());
    }
}
