//! The error model shared by every parser: a [`FieldError`] says which input is wrong
//! ([`Field`]) and why ([`Rule`]). Rules carry Partner Center's numeric error code where it
//! has one and a stable name; the English text lives in Fluent files, never here.

use std::fmt;

/// Which input a problem is about. [`Field::name`] is the API's property name, which is
/// also the portal's form field name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    CompanyName,
    Country,
    AddressLine1,
    AddressLine2,
    City,
    State,
    PostalCode,
    PhoneNumber,
    OrganizationRegistrationNumber,
    Culture,
    Language,
    FirstName,
    LastName,
    Email,
    DomainPrefix,
    AgreementAccepted,
    SignerFirstName,
    SignerLastName,
    SignerEmail,
    SignerPhoneNumber,
    DateAgreed,
    TemplateId,
    AgreementType,
    AssociatedPartnerId,
    /// The order as a whole (no line items, too many line items).
    LineItems,
    /// The offer of the line item at this index.
    Offer(usize),
    /// The license count of the line item at this index.
    Quantity(usize),
    /// The parent subscription of the add-on at this index.
    ParentSubscription(usize),
    /// The partner of record of the line item at this index.
    PartnerIdOnRecord(usize),
    /// The friendly name of the line item at this index.
    FriendlyName(usize),
    /// A subscription's license count.
    SubscriptionQuantity,
    /// A subscription's status.
    SubscriptionStatus,
    /// A partner user's role.
    Role,
    /// The password in use, typed to change it.
    CurrentPassword,
    /// A new password.
    NewPassword,
    /// The new password, typed again.
    ConfirmPassword,
    /// The name of an API token.
    TokenName,
    /// A partner user's name.
    UserName,
    /// The term (`P1M`, `P1Y`, `P3Y`) of the line item at this index.
    TermDuration(usize),
    /// The billing plan (`monthly`, `annual`, `triennial`) of the line item at this index.
    BillingCycle(usize),
    /// Whether a subscription renews at its term's end.
    AutoRenew,
    /// A customer price rule's percent over cost.
    MarkupPercent,
    /// A service request's title.
    Title,
    /// A service request's description.
    Description,
    /// A service request's severity.
    Severity,
    /// A service request's support topic.
    SupportTopic,
    /// A note added to a service request.
    Note,
    /// A service request's status.
    RequestStatus,
    /// The agent a service request is assigned to.
    Assignee,
    /// The partner a customer addresses a service request to.
    Partner,
    /// Escalating a service request to the next level.
    Escalate,
    /// The customer a service request is about.
    Customer,
    /// The support profile's telephone number.
    Telephone,
    /// The support profile's website.
    Website,
    /// The support profile's hours.
    SupportHours,
    /// What the partner's support costs, as the support profile says.
    SupportPricing,
    /// A service request's attached files.
    Attachments,
    /// The subscription a service request is about.
    Subscription,
    /// The license count a subscription's next term is scheduled to have.
    NextTermQuantity,
    /// The billing plan a subscription's next term is scheduled to have.
    NextTermPlan,
}

impl Field {
    /// The property name, as the API and the portal's forms spell it.
    pub fn name(self) -> &'static str {
        match self {
            Field::CompanyName => "companyName",
            Field::Country => "country",
            Field::AddressLine1 => "addressLine1",
            Field::AddressLine2 => "addressLine2",
            Field::City => "city",
            Field::State => "state",
            Field::PostalCode => "postalCode",
            Field::PhoneNumber => "phoneNumber",
            Field::OrganizationRegistrationNumber => "organizationRegistrationNumber",
            Field::Culture => "culture",
            Field::Language => "language",
            Field::FirstName => "firstName",
            Field::LastName => "lastName",
            Field::Email => "email",
            Field::DomainPrefix => "domainPrefix",
            Field::AgreementAccepted => "agreementAccepted",
            Field::SignerFirstName => "signerFirstName",
            Field::SignerLastName => "signerLastName",
            Field::SignerEmail => "signerEmail",
            Field::SignerPhoneNumber => "signerPhoneNumber",
            Field::DateAgreed => "dateAgreed",
            Field::TemplateId => "templateId",
            Field::AgreementType => "agreementType",
            Field::AssociatedPartnerId => "associatedPartnerId",
            Field::LineItems => "lineItems",
            Field::Offer(_) => "offerId",
            Field::Quantity(_) => "quantity",
            Field::ParentSubscription(_) => "parentSubscriptionId",
            Field::PartnerIdOnRecord(_) => "partnerIdOnRecord",
            Field::FriendlyName(_) => "friendlyName",
            Field::SubscriptionQuantity => "quantity",
            Field::SubscriptionStatus => "status",
            Field::Role => "role",
            Field::CurrentPassword => "currentPassword",
            Field::NewPassword => "newPassword",
            Field::ConfirmPassword => "confirmPassword",
            Field::TokenName => "name",
            Field::UserName => "displayName",
            Field::TermDuration(_) => "termDuration",
            Field::BillingCycle(_) => "billingCycle",
            Field::AutoRenew => "autoRenewEnabled",
            Field::MarkupPercent => "markupPercent",
            Field::Title => "title",
            Field::Description => "description",
            Field::Severity => "severity",
            Field::SupportTopic => "supportTopicId",
            Field::Note => "newNote",
            Field::RequestStatus => "status",
            Field::Assignee => "assignee",
            Field::Partner => "partner",
            Field::Escalate => "escalate",
            Field::Customer => "customerId",
            Field::NextTermQuantity => "nextQuantity",
            Field::NextTermPlan => "nextPlan",
            Field::Telephone => "telephone",
            Field::Website => "website",
            Field::SupportHours => "hours",
            Field::SupportPricing => "pricing",
            Field::Attachments => "attachments",
            Field::Subscription => "subscriptionId",
        }
    }

    /// The most characters the rules accept, for the fields of free text.
    pub fn max_length(self) -> Option<usize> {
        use crate::{address, customer, email::Email, names, tenant_domain::DomainPrefix};
        match self {
            Field::CompanyName => Some(names::CompanyName::MAX),
            Field::AddressLine1 | Field::AddressLine2 => Some(address::LINE_MAX),
            Field::City => Some(address::CITY_MAX),
            Field::State => Some(address::STATE_MAX),
            Field::PostalCode => Some(address::POSTAL_CODE_MAX),
            Field::OrganizationRegistrationNumber => Some(customer::REGISTRATION_MAX),
            Field::FirstName | Field::LastName | Field::SignerFirstName | Field::SignerLastName => {
                Some(names::PersonName::MAX)
            }
            Field::Email | Field::SignerEmail => Some(Email::MAX),
            Field::DomainPrefix => Some(DomainPrefix::MAX_LENGTH),
            Field::Title => Some(crate::support::TITLE_MAX),
            Field::Description | Field::Note => Some(crate::support::TEXT_MAX),
            Field::SupportHours | Field::SupportPricing => Some(crate::support::PROFILE_TEXT_MAX),
            Field::Website => Some(crate::support::WEBSITE_MAX),
            Field::UserName => Some(crate::partner::USER_NAME_MAX),
            _ => None,
        }
    }

    /// The index of the line item this field belongs to, if any.
    pub fn line_item(self) -> Option<usize> {
        match self {
            Field::Offer(i)
            | Field::Quantity(i)
            | Field::ParentSubscription(i)
            | Field::PartnerIdOnRecord(i)
            | Field::FriendlyName(i)
            | Field::TermDuration(i)
            | Field::BillingCycle(i) => Some(i),
            _ => None,
        }
    }
}

/// Why an input was refused. Each rule has a stable [`Rule::name`] (the Fluent message id
/// is derived from it) and a [`Rule::code`]: Partner Center's where it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    Required,
    TooLong {
        max: usize,
    },
    SingleCharacter,
    NoLettersOrDigits,
    LegalFormOnly,
    /// Not an ISO 3166 alpha-2 code; `suggestion` is the right code for a common mistake.
    CountryUnknown {
        suggestion: Option<&'static str>,
    },
    StateUnknown,
    PostalCodeFormat {
        /// A postal code in the country's format.
        example: String,
    },
    PhoneInvalid,
    /// Partner Center 600051: the country requires the organization's phone number.
    PhoneRequiredInCountry,
    EmailInvalid,
    EmailAtPartnerDomain,
    /// Partner Center 600049.
    RegistrationNumberRequired,
    /// Partner Center 600050; `pattern` is the expected format, `sample` a number in it.
    RegistrationNumberInvalid {
        pattern: &'static str,
        sample: &'static str,
    },
    /// Partner Center 600002: the country doesn't take a registration number.
    RegistrationNumberNotAccepted,
    CultureUnsupported,
    LanguageUnsupported,
    DomainPrefixCharacters,
    DomainSuffix {
        suffix: String,
    },
    DomainTaken,
    AgreementNotAccepted,
    /// Partner Center 600002 (the code is shared with an unrelated rule).
    DateInFuture,
    DateInvalid,
    AgreementTemplateUnknown,
    AgreementTypeUnknown,
    /// Partner Center 600061.
    AgreementAlreadyConfirmed,
    /// Partner Center 13605: ordering needs the customer's agreement acceptance first.
    AgreementRequired,
    AgreementNotOffered,
    /// Partner Center 800004.
    OfferUnknown,
    /// Partner Center 800070.
    OfferNotInCountry,
    OfferNotPurchasable,
    /// Partner Center 900275.
    QuantityOutOfRange {
        min: u32,
        max: u32,
    },
    QuantityNotANumber,
    NoLineItems,
    TooManyLineItems {
        max: usize,
    },
    AddonNeedsParent,
    /// Partner Center 800029.
    AddonNotRelated,
    /// Partner Center 27009.
    ParentNotActive,
    ParentNotFound,
    NotAnAddon,
    /// Partner Center 800016.
    ResellerUnknown,
    IndirectModelUnavailable,
    /// Partner Center 2072.
    PartnerOnRecordIsProvider,
    InvalidId,
    /// A billing profile's country can't change after the customer was created.
    CountryCannotChange,
    /// Partner Center 2002: a subscription's license count outside the offer's range.
    SubscriptionQuantityOutOfRange {
        min: u32,
        max: u32,
    },
    /// Partner Center 2001: the license count can't change in the request that suspends.
    QuantityWhileSuspending,
    /// Partner Center 800091: a suspended subscription's license count can't change.
    SubscriptionSuspended,
    /// The license count can't change in the request that cancels the subscription.
    QuantityWhileCancelling,
    /// Auto-renewal asked for a subscription of an offer that doesn't renew.
    AutoRenewNotOffered,
    /// A status other than `active` or `suspended` was asked for.
    StatusUnsupported,
    SubscriptionDeleted,
    /// A subscription whose term ended unrenewed can't change: a new order buys it again.
    SubscriptionExpired,
    /// A change at the next term is scheduled only for a subscription that renews.
    NextTermNeedsAutoRenew,
    /// An add-on added to an order must be for a subscription of that order.
    ParentNotInOrder,
    /// Only add-ons can be added to an existing order.
    OnlyAddOns,
    /// A partner keeps at least one active admin agent.
    LastAdmin,
    RoleUnknown,
    PasswordTooShort {
        min: usize,
    },
    PasswordMismatch,
    /// The current password, typed to change it, is wrong.
    PasswordWrong,
    /// An admin agent deactivating their own account.
    SelfDeactivation,
    /// A new password the same as the current one.
    PasswordSame,
    EmailTaken,
    SeverityUnknown,
    SupportTopicUnknown,
    RequestStatusUnknown,
    /// A status change to the status the request has.
    RequestStatusSame,
    /// A customer asking for `attention_needed`, which only partners set.
    RequestStatusUnsupported,
    /// A telephone number without its country code.
    PhoneNotInternational,
    WebsiteInvalid,
    /// A support profile without an email or a telephone number.
    SupportContactRequired,
    /// An assignee who isn't an active agent of the partner.
    AssigneeUnknown,
    /// A partner the customer has no relationship with.
    PartnerUnknown,
    /// A request that can't go further up: no provider above, or there already.
    EscalationUnavailable,
    /// An attached file larger than the configured size.
    AttachmentTooLarge {
        max_mb: usize,
    },
    /// An attached file of a type not accepted, or whose content isn't what its name says.
    AttachmentTypeRefused {
        types: String,
    },
    AttachmentEmpty,
    /// A subscription that isn't the customer's, or (for a partner) not one it sells.
    SubscriptionUnknown,
    /// A subscription sold by another partner than the one chosen.
    SubscriptionOfOtherPartner,
    TooManyAttachments {
        max: usize,
    },
    /// A billing rule: a term, a plan, a price, or a 7-day window (Partner Center 900214,
    /// 900213).
    Billing(crate::billing::BillingError),
}

impl Rule {
    /// Partner Center's error code for this rule, or Partnerdesk's own (see
    /// `docs/API-DESIGN.md`): 3000 is Partner Center's generic "invalid property".
    pub fn code(&self) -> u32 {
        match self {
            Rule::PhoneRequiredInCountry => 600051,
            Rule::RegistrationNumberRequired => 600049,
            Rule::RegistrationNumberInvalid { .. } => 600050,
            Rule::RegistrationNumberNotAccepted | Rule::DateInFuture => 600002,
            Rule::AgreementAlreadyConfirmed => 600061,
            Rule::AgreementRequired => 13605,
            Rule::OfferUnknown => 800004,
            Rule::OfferNotInCountry => 800070,
            Rule::QuantityOutOfRange { .. } => 900275,
            Rule::AddonNotRelated => 800029,
            Rule::ParentNotActive => 27009,
            Rule::ResellerUnknown => 800016,
            Rule::PartnerOnRecordIsProvider => 2072,
            Rule::DomainTaken => 770409,
            Rule::SubscriptionQuantityOutOfRange { .. } => 2002,
            Rule::QuantityWhileSuspending => 2001,
            Rule::SubscriptionSuspended => 800091,
            Rule::Billing(e) => e.code(),
            _ => 3000,
        }
    }

    /// A stable, PascalCase name (the API's `errorName`); the Fluent message id is
    /// `error-` followed by its kebab-case form.
    pub fn name(&self) -> &'static str {
        match self {
            Rule::Required => "Required",
            Rule::TooLong { .. } => "TooLong",
            Rule::SingleCharacter => "SingleCharacter",
            Rule::NoLettersOrDigits => "NoLettersOrDigits",
            Rule::LegalFormOnly => "LegalFormOnly",
            Rule::CountryUnknown { .. } => "CountryUnknown",
            Rule::StateUnknown => "StateUnknown",
            Rule::PostalCodeFormat { .. } => "PostalCodeFormat",
            Rule::PhoneInvalid => "PhoneInvalid",
            Rule::PhoneRequiredInCountry => "PhoneRequiredInCountry",
            Rule::EmailInvalid => "EmailInvalid",
            Rule::EmailAtPartnerDomain => "EmailAtPartnerDomain",
            Rule::RegistrationNumberRequired => "RegistrationNumberRequired",
            Rule::RegistrationNumberInvalid { .. } => "RegistrationNumberInvalid",
            Rule::RegistrationNumberNotAccepted => "RegistrationNumberNotAccepted",
            Rule::CultureUnsupported => "CultureUnsupported",
            Rule::LanguageUnsupported => "LanguageUnsupported",
            Rule::DomainPrefixCharacters => "DomainPrefixCharacters",
            Rule::DomainSuffix { .. } => "DomainSuffix",
            Rule::DomainTaken => "DomainTaken",
            Rule::AgreementNotAccepted => "AgreementNotAccepted",
            Rule::DateInFuture => "DateInFuture",
            Rule::DateInvalid => "DateInvalid",
            Rule::AgreementTemplateUnknown => "AgreementTemplateUnknown",
            Rule::AgreementTypeUnknown => "AgreementTypeUnknown",
            Rule::AgreementAlreadyConfirmed => "AgreementAlreadyConfirmed",
            Rule::AgreementRequired => "AgreementRequired",
            Rule::AgreementNotOffered => "AgreementNotOffered",
            Rule::OfferUnknown => "OfferUnknown",
            Rule::OfferNotInCountry => "OfferNotInCountry",
            Rule::OfferNotPurchasable => "OfferNotPurchasable",
            Rule::QuantityOutOfRange { .. } => "QuantityOutOfRange",
            Rule::QuantityNotANumber => "QuantityNotANumber",
            Rule::NoLineItems => "NoLineItems",
            Rule::TooManyLineItems { .. } => "TooManyLineItems",
            Rule::AddonNeedsParent => "AddonNeedsParent",
            Rule::AddonNotRelated => "AddonNotRelated",
            Rule::ParentNotActive => "ParentNotActive",
            Rule::ParentNotFound => "ParentNotFound",
            Rule::NotAnAddon => "NotAnAddon",
            Rule::ResellerUnknown => "ResellerUnknown",
            Rule::IndirectModelUnavailable => "IndirectModelUnavailable",
            Rule::PartnerOnRecordIsProvider => "PartnerOnRecordIsProvider",
            Rule::InvalidId => "InvalidId",
            Rule::CountryCannotChange => "CountryCannotChange",
            Rule::SubscriptionQuantityOutOfRange { .. } => "SubscriptionQuantityOutOfRange",
            Rule::QuantityWhileSuspending => "QuantityWhileSuspending",
            Rule::SubscriptionSuspended => "SubscriptionSuspended",
            Rule::QuantityWhileCancelling => "QuantityWhileCancelling",
            Rule::AutoRenewNotOffered => "AutoRenewNotOffered",
            Rule::StatusUnsupported => "StatusUnsupported",
            Rule::SubscriptionDeleted => "SubscriptionDeleted",
            Rule::SubscriptionExpired => "SubscriptionExpired",
            Rule::NextTermNeedsAutoRenew => "NextTermNeedsAutoRenew",
            Rule::ParentNotInOrder => "ParentNotInOrder",
            Rule::OnlyAddOns => "OnlyAddOns",
            Rule::LastAdmin => "LastAdmin",
            Rule::RoleUnknown => "RoleUnknown",
            Rule::PasswordTooShort { .. } => "PasswordTooShort",
            Rule::PasswordMismatch => "PasswordMismatch",
            Rule::PasswordWrong => "PasswordWrong",
            Rule::SelfDeactivation => "SelfDeactivation",
            Rule::PasswordSame => "PasswordSame",
            Rule::EmailTaken => "EmailTaken",
            Rule::SeverityUnknown => "SeverityUnknown",
            Rule::SupportTopicUnknown => "SupportTopicUnknown",
            Rule::RequestStatusUnknown => "RequestStatusUnknown",
            Rule::RequestStatusSame => "RequestStatusSame",
            Rule::RequestStatusUnsupported => "RequestStatusUnsupported",
            Rule::PhoneNotInternational => "PhoneNotInternational",
            Rule::WebsiteInvalid => "WebsiteInvalid",
            Rule::SupportContactRequired => "SupportContactRequired",
            Rule::AssigneeUnknown => "AssigneeUnknown",
            Rule::PartnerUnknown => "PartnerUnknown",
            Rule::EscalationUnavailable => "EscalationUnavailable",
            Rule::AttachmentTooLarge { .. } => "AttachmentTooLarge",
            Rule::AttachmentTypeRefused { .. } => "AttachmentTypeRefused",
            Rule::AttachmentEmpty => "AttachmentEmpty",
            Rule::SubscriptionUnknown => "SubscriptionUnknown",
            Rule::SubscriptionOfOtherPartner => "SubscriptionOfOtherPartner",
            Rule::TooManyAttachments { .. } => "TooManyAttachments",
            Rule::Billing(e) => e.name(),
        }
    }

    /// The Fluent message id: `error-` and the kebab-case [`Rule::name`].
    pub fn message_id(&self) -> String {
        message_id(self.name())
    }

    /// The message arguments, as `(name, value)` pairs.
    pub fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            Rule::TooLong { max } | Rule::TooManyLineItems { max } | Rule::TooManyAttachments { max } => {
                vec![("max", Arg::number(*max))]
            }
            Rule::AttachmentTooLarge { max_mb } => vec![("max", Arg::number(*max_mb))],
            Rule::AttachmentTypeRefused { types } => vec![("types", Arg::Text(types.clone()))],
            Rule::PasswordTooShort { min } => vec![("min", Arg::number(*min))],
            Rule::CountryUnknown { suggestion } => {
                vec![("suggestion", Arg::Text(suggestion.unwrap_or("none").to_owned()))]
            }
            Rule::RegistrationNumberInvalid { pattern, sample } => vec![
                ("pattern", Arg::Text((*pattern).to_owned())),
                ("sample", Arg::Text((*sample).to_owned())),
            ],
            Rule::PostalCodeFormat { example } => vec![("example", Arg::Text(example.clone()))],
            Rule::DomainSuffix { suffix } => vec![("suffix", Arg::Text(suffix.clone()))],
            Rule::QuantityOutOfRange { min, max } | Rule::SubscriptionQuantityOutOfRange { min, max } => {
                vec![
                    ("min", Arg::Number(i64::from(*min))),
                    ("max", Arg::Number(i64::from(*max))),
                ]
            }
            Rule::Billing(e) => e.args(),
            _ => Vec::new(),
        }
    }
}

impl From<crate::billing::BillingError> for Rule {
    fn from(error: crate::billing::BillingError) -> Self {
        Rule::Billing(error)
    }
}

/// A message argument: numbers stay numbers so that messages can choose plural forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl Arg {
    fn number(n: usize) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// One refused input: which field and which rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub rule: Rule,
}

impl FieldError {
    pub fn new(field: Field, rule: Rule) -> Self {
        Self { field, rule }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field.name(), self.rule.name())
    }
}

/// Collects the errors of several parsers so that a form reports all of them at once.
#[derive(Debug, Default)]
pub struct Errors(Vec<FieldError>);

impl Errors {
    /// Keeps the value of a parse, or records its error against `field`.
    pub fn field<T>(&mut self, field: Field, result: Result<T, Rule>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(rule) => {
                self.0.push(FieldError::new(field, rule));
                None
            }
        }
    }

    pub fn push(&mut self, field: Field, rule: Rule) {
        self.0.push(FieldError::new(field, rule));
    }

    pub fn extend(&mut self, errors: Vec<FieldError>) {
        self.0.extend(errors);
    }

    pub fn has(&self, field: Field) -> bool {
        self.0.iter().any(|e| e.field == field)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_vec(self) -> Vec<FieldError> {
        self.0
    }
}

/// The Fluent message id of an error named `name`: `error-` and its kebab case
/// (`DomainTaken` → `error-domain-taken`).
pub(crate) fn message_id(name: &str) -> String {
    let mut id = String::from("error");
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            id.push('-');
        }
        id.push(c.to_ascii_lowercase());
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_ids_are_kebab_case_of_the_rule_name() {
        assert_eq!(Rule::Required.message_id(), "error-required");
        assert_eq!(
            Rule::QuantityOutOfRange { min: 1, max: 3 }.message_id(),
            "error-quantity-out-of-range"
        );
    }

    #[test]
    fn partner_center_codes_are_kept() {
        assert_eq!(Rule::RegistrationNumberRequired.code(), 600049);
        assert_eq!(Rule::AgreementAlreadyConfirmed.code(), 600061);
        assert_eq!(
            Rule::PostalCodeFormat {
                example: String::new()
            }
            .code(),
            3000
        );
    }
}
