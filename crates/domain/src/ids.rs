//! Identifier newtypes, so that a customer id can never be passed where a partner id is
//! expected. UUID ids are version 7 (time-ordered, which keeps indexes compact).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! uuid_id {
    ($($(#[$meta:meta])* $name:ident),* $(,)?) => {$(
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A new, time-ordered id.
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }

            pub fn as_uuid(&self) -> Uuid {
                self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s.trim()).map(Self)
            }
        }

        impl From<Uuid> for $name {
            fn from(id: Uuid) -> Self {
                Self(id)
            }
        }

        impl From<$name> for Uuid {
            fn from(id: $name) -> Self {
                id.0
            }
        }
    )*};
}

uuid_id!(
    /// A partner organization (its "tenant id" in Partner Center terms).
    PartnerId,
    /// A person who works for a partner.
    PartnerUserId,
    /// A customer tenant (Partner Center's customer id, equal to its tenant id).
    CustomerId,
    /// A user of a customer tenant (the admin account created with the customer).
    CustomerUserId,
    /// A recorded acceptance of the customer agreement.
    AgreementId,
    /// An order.
    OrderId,
    /// A subscription; one per order line item.
    SubscriptionId,
    /// An API token.
    TokenId,
);

/// A catalog offer's id: 1–64 letters, digits, `-`, `_` or `.`, compared as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OfferId(String);

impl OfferId {
    pub fn parse(input: &str) -> Option<Self> {
        let input = input.trim();
        let ok = !input.is_empty()
            && input.len() <= 64
            && input
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        ok.then(|| Self(input.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for OfferId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_text() {
        let id = CustomerId::new();
        assert_eq!(id.to_string().parse::<CustomerId>().ok(), Some(id));
        assert!("not-a-uuid".parse::<CustomerId>().is_err());
    }

    #[test]
    fn new_ids_are_time_ordered() {
        let a = OrderId::new();
        let b = OrderId::new();
        assert!(a < b);
    }

    #[test]
    fn offer_ids_allow_only_safe_characters() {
        assert!(OfferId::parse("CFQ7TTC0LH18").is_some());
        assert!(OfferId::parse("031C9E47-4802-4248-838E-778FB1D2CC05").is_some());
        assert!(OfferId::parse("").is_none());
        assert!(OfferId::parse("a b").is_none());
        assert!(OfferId::parse("<script>").is_none());
        assert!(OfferId::parse(&"x".repeat(65)).is_none());
    }
}
