//! The activity log: who changed what, when and from where. Every change is recorded in
//! the transaction that makes it; secrets (passwords, tokens) never appear in it.

use std::fmt;
use std::str::FromStr;

use time::OffsetDateTime;
use uuid::Uuid;

use crate::{CustomerId, PartnerId};

/// Where a change came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Api,
    Portal,
    CustomerPortal,
    Cli,
}

impl Channel {
    pub const ALL: [Channel; 4] = [
        Channel::Api,
        Channel::Portal,
        Channel::CustomerPortal,
        Channel::Cli,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Api => "api",
            Channel::Portal => "portal",
            Channel::CustomerPortal => "customer-portal",
            Channel::Cli => "cli",
        }
    }
}

impl FromStr for Channel {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        Channel::ALL.into_iter().find(|c| c.as_str() == s).ok_or(())
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

/// What happened. The names are stable: filters and CSV exports use them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    CustomerCreated,
    BillingProfileUpdated,
    AgreementAttested,
    OrderPlaced,
    SubscriptionQuantityChanged,
    SubscriptionSuspended,
    SubscriptionReactivated,
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
}

impl Action {
    pub const ALL: [Action; 20] = [
        Action::CustomerCreated,
        Action::BillingProfileUpdated,
        Action::AgreementAttested,
        Action::OrderPlaced,
        Action::SubscriptionQuantityChanged,
        Action::SubscriptionSuspended,
        Action::SubscriptionReactivated,
        Action::SignedIn,
        Action::UserCreated,
        Action::PasswordSet,
        Action::TokenCreated,
        Action::TokenRevoked,
        Action::UserInvited,
        Action::UserRoleChanged,
        Action::UserDeactivated,
        Action::UserReactivated,
        Action::RelationshipRequested,
        Action::RelationshipAccepted,
        Action::RelationshipDeclined,
        Action::ResellerInvited,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::CustomerCreated => "customer-created",
            Action::BillingProfileUpdated => "billing-profile-updated",
            Action::AgreementAttested => "agreement-attested",
            Action::OrderPlaced => "order-placed",
            Action::SubscriptionQuantityChanged => "subscription-quantity-changed",
            Action::SubscriptionSuspended => "subscription-suspended",
            Action::SubscriptionReactivated => "subscription-reactivated",
            Action::SignedIn => "signed-in",
            Action::UserCreated => "user-created",
            Action::PasswordSet => "password-set",
            Action::TokenCreated => "token-created",
            Action::TokenRevoked => "token-revoked",
            Action::UserInvited => "user-invited",
            Action::UserRoleChanged => "user-role-changed",
            Action::UserDeactivated => "user-deactivated",
            Action::UserReactivated => "user-reactivated",
            Action::RelationshipRequested => "relationship-requested",
            Action::RelationshipAccepted => "relationship-accepted",
            Action::RelationshipDeclined => "relationship-declined",
            Action::ResellerInvited => "reseller-invited",
        }
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Action {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        Action::ALL.into_iter().find(|a| a.as_str() == s.trim()).ok_or(())
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
    pub action: Action,
    pub actor_name: String,
    pub channel: Channel,
    pub address: Option<String>,
    pub details: Vec<(String, String)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_and_channels_round_trip_through_their_names() {
        for action in Action::ALL {
            assert_eq!(action.as_str().parse(), Ok(action));
        }
        for channel in Channel::ALL {
            assert_eq!(channel.as_str().parse(), Ok(channel));
        }
        assert!("deleted-everything".parse::<Action>().is_err());
    }
}
