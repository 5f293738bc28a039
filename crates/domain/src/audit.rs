//! The activity log: who changed what, when and from where. Every change is recorded in
//! the transaction that makes it; secrets (passwords, tokens) never appear in it.

use std::str::FromStr;

use strum::{Display, IntoStaticStr, VariantArray};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{CustomerId, PartnerId};

/// Where a change came from. Its name (`customer-portal`) is stored, sent in the API and
/// part of a Fluent message id (`activity-channel-customer-portal`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, IntoStaticStr, VariantArray)]
#[strum(serialize_all = "kebab-case")]
pub enum Channel {
    Api,
    Portal,
    CustomerPortal,
    Cli,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl FromStr for Channel {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        Channel::VARIANTS
            .iter()
            .copied()
            .find(|c| c.as_str() == s)
            .ok_or(())
    }
}

/// Who makes a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The partner user's or the customer user's id; none for an operator at the CLI.
    pub user_id: Option<Uuid>,
    /// The user's email, or `operator` at the CLI.
    pub name: String,
    pub channel: Channel,
    /// The client's IP address, when the change came over the network.
    pub address: Option<String>,
}

impl Actor {
    /// An operator running a `partnerdesk` command on the server.
    pub fn operator() -> Self {
        Actor {
            user_id: None,
            name: "operator".into(),
            channel: Channel::Cli,
            address: None,
        }
    }
}

/// What happened. The names (`order-placed`) are stable: they are stored, filters and CSV
/// exports use them, and they are part of Fluent message ids (`activity-order-placed`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Display, IntoStaticStr, VariantArray)]
#[strum(serialize_all = "kebab-case")]
pub enum Action {
    CustomerCreated,
    BillingProfileUpdated,
    AgreementAttested,
    OrderPlaced,
    SubscriptionQuantityChanged,
    SubscriptionSuspended,
    SubscriptionReactivated,
    SubscriptionCancelled,
    SubscriptionRenewed,
    SubscriptionExpired,
    SubscriptionAutoRenewChanged,
    SubscriptionNextTermChanged,
    SignedIn,
    UserCreated,
    PasswordSet,
    TokenCreated,
    TokenRevoked,
    UserInvited,
    UserRoleChanged,
    UserDeactivated,
    UserReactivated,
    RelationshipRequested,
    RelationshipAccepted,
    RelationshipDeclined,
    ResellerInvited,
    CustomerPriceRuleChanged,
    SupportProfileUpdated,
    ServiceRequestOpened,
    ServiceRequestNoteAdded,
    ServiceRequestStatusChanged,
    ServiceRequestAssigned,
    ServiceRequestEscalated,
    UserInvitationResent,
    UserInvitationRevoked,
    CustomerPasswordReset,
}

impl Action {
    /// Every action, in declaration order (the activity filter's order).
    pub const ALL: &[Action] = Action::VARIANTS;

    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl FromStr for Action {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        Action::ALL.iter().copied().find(|a| a.as_str() == s).ok_or(())
    }
}

/// A change to record: in whose log, about which customer, and what changed, as
/// `(name, value)` pairs that never hold a secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub partner_id: PartnerId,
    /// The indirect reseller a customer's change also concerns; it sees the entry too.
    pub reseller_id: Option<PartnerId>,
    pub customer_id: Option<CustomerId>,
    pub action: Action,
    pub details: Vec<(&'static str, String)>,
}

impl Change {
    pub fn new(partner_id: PartnerId, action: Action) -> Self {
        Change {
            partner_id,
            reseller_id: None,
            customer_id: None,
            action,
            details: Vec::new(),
        }
    }

    pub fn customer(mut self, customer: CustomerId, reseller: Option<PartnerId>) -> Self {
        self.customer_id = Some(customer);
        self.reseller_id = reseller;
        self
    }

    pub fn detail(mut self, name: &'static str, value: impl ToString) -> Self {
        self.details.push((name, value.to_string()));
        self
    }
}

/// An entry of the activity log as read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub id: Uuid,
    pub at: OffsetDateTime,
    pub partner_id: PartnerId,
    pub customer_id: Option<CustomerId>,
    /// The customer's name now (read with the entry, not stored in it).
    pub customer_name: Option<String>,
    pub action: Action,
    /// The partner user or customer user who made the change; none for an operator.
    pub actor_id: Option<Uuid>,
    /// The actor's email when the entry was written, or `operator`.
    pub actor_name: String,
    pub channel: Channel,
    pub address: Option<String>,
    pub details: Vec<(String, String)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_and_channels_keep_their_stored_names() {
        let channels: Vec<_> = Channel::VARIANTS.iter().map(|c| c.as_str()).collect();
        assert_eq!(channels, ["api", "portal", "customer-portal", "cli"]);
        let actions: Vec<_> = Action::ALL.iter().map(|a| a.as_str()).collect();
        assert_eq!(
            actions,
            [
                "customer-created",
                "billing-profile-updated",
                "agreement-attested",
                "order-placed",
                "subscription-quantity-changed",
                "subscription-suspended",
                "subscription-reactivated",
                "subscription-cancelled",
                "subscription-renewed",
                "subscription-expired",
                "subscription-auto-renew-changed",
                "subscription-next-term-changed",
                "signed-in",
                "user-created",
                "password-set",
                "token-created",
                "token-revoked",
                "user-invited",
                "user-role-changed",
                "user-deactivated",
                "user-reactivated",
                "relationship-requested",
                "relationship-accepted",
                "relationship-declined",
                "reseller-invited",
                "customer-price-rule-changed",
                "support-profile-updated",
                "service-request-opened",
                "service-request-note-added",
                "service-request-status-changed",
                "service-request-assigned",
                "service-request-escalated",
                "user-invitation-resent",
                "user-invitation-revoked",
                "customer-password-reset",
            ]
        );
    }

    #[test]
    fn actions_and_channels_round_trip_through_their_names() {
        for &action in Action::ALL {
            assert_eq!(action.to_string(), action.as_str());
            assert_eq!(action.as_str().parse(), Ok(action));
        }
        for &channel in Channel::VARIANTS {
            assert_eq!(channel.as_str().parse(), Ok(channel));
        }
        assert!("deleted-everything".parse::<Action>().is_err());
    }
}
