//! Email: what a change tells someone. A [`Mail`] is written to the outbox in the change's
//! own transaction, as its kind, recipient, language and arguments; it is rendered and sent
//! afterwards, so that nothing is sent for a change that rolled back and nothing is lost
//! when the process stops before sending.

use serde::{Deserialize, Serialize};
use strum::{Display, EnumString, IntoStaticStr, VariantArray};

use crate::{Locale, PartnerId};

/// What a message says. The names are stored and name its texts (`mail-<kind>-subject`).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    Display,
    EnumString,
    IntoStaticStr,
    VariantArray,
)]
#[strum(serialize_all = "kebab-case")]
pub enum MailKind {
    /// To the partner: a customer opened a request.
    ServiceRequestOpened,
    /// To the customer: the partner answered.
    ServiceRequestAnswered,
    /// To the customer: the partner waits for the customer.
    ServiceRequestWaiting,
    /// To the customer: the partner closed the request.
    ServiceRequestClosed,
    /// To an indirect provider's support address: its reseller escalated a request to it.
    ServiceRequestEscalated,
    /// To the operator's support address: a partner escalated a request to it.
    ServiceRequestEscalatedToOperator,
    /// To those working a request (its partners' support addresses, the operator's once
    /// escalated to it): the customer answered.
    ServiceRequestCustomerAnswered,
    /// To those working a request: the customer reopened it.
    ServiceRequestReopened,
    /// To an invited partner user: a link to set a password (minted when it is sent).
    UserInvitation,
    /// To a customer's admin: a partner asks to become its reseller, with the link to
    /// accept (minted when it is sent).
    RelationshipRequest,
    /// To a customer: its partner's invoice for a month is ready.
    InvoiceReady,
}

impl MailKind {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// What the message's one-time link opens, if it carries one. Its secret is never
    /// stored: the link is minted when the message is sent, for the record named by the
    /// argument [`SUBJECT`], and only while that record still waits for it.
    pub fn secret_link(self) -> Option<SecretLink> {
        match self {
            Self::UserInvitation => Some(SecretLink::SetPassword),
            Self::RelationshipRequest => Some(SecretLink::Invitation),
            _ => None,
        }
    }
}

/// The argument naming the record a message's one-time link is for.
pub const SUBJECT: &str = "subject";

/// A one-time link a message carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretLink {
    /// An invited user's set-password link (the subject is the user).
    SetPassword,
    /// A relationship invitation's link (the subject is the invitation).
    Invitation,
}

/// A message to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub kind: MailKind,
    /// The recipient's address.
    pub to: String,
    /// The language it is written in.
    pub locale: Locale,
    /// The partner whose change it is about: whose outbox shows it.
    pub partner: PartnerId,
    /// What its texts say, by name (`number`, `title`, `link`, ...); never a secret.
    pub args: Vec<(String, String)>,
}

impl Mail {
    pub fn new(kind: MailKind, to: &str, locale: Locale, partner: PartnerId) -> Self {
        Self {
            kind,
            to: to.to_owned(),
            locale,
            partner,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &str, value: impl ToString) -> Self {
        self.args.push((name.to_owned(), value.to_string()));
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_keep_their_stored_names() {
        let names: Vec<_> = MailKind::VARIANTS.iter().map(|k| k.as_str()).collect();
        assert_eq!(
            names,
            [
                "service-request-opened",
                "service-request-answered",
                "service-request-waiting",
                "service-request-closed",
                "service-request-escalated",
                "service-request-escalated-to-operator",
                "service-request-customer-answered",
                "service-request-reopened",
                "user-invitation",
                "relationship-request",
                "invoice-ready"
            ]
        );
        assert_eq!(
            "service-request-closed".parse(),
            Ok(MailKind::ServiceRequestClosed)
        );
    }
}
