//! Customers: the account info a partner enters for a new customer, checked as a whole,
//! and the customer records read back.

use time::OffsetDateTime;
use uuid::Uuid;

use crate::address::{Address, AddressInput};
use crate::country::{CountryCode, parse_culture, parse_language};
use crate::email::Email;
use crate::error::Errors;
use crate::names::{CompanyName, PersonName};
use crate::partner::PartnerKind;
use crate::phone::PhoneNumber;
use crate::profile::CloudProfile;
use crate::tenant_domain::TenantDomain;
use crate::{CustomerId, Field, FieldError, PartnerId, Rule};

/// The raw text of the account info, as the wizard's form or the API's JSON gives it.
/// Empty strings are missing values.
#[derive(Debug, Clone, Default)]
pub struct CustomerInput<'a> {
    pub billing: BillingInput<'a>,
    pub organization_registration_number: &'a str,
    /// A bare prefix, or a full domain with the profile's suffix.
    pub domain: &'a str,
    pub associated_partner_id: &'a str,
}

/// The raw text of a billing profile: company, primary contact, address and preferences.
#[derive(Debug, Clone, Default)]
pub struct BillingInput<'a> {
    pub company_name: &'a str,
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub email: &'a str,
    pub phone_number: &'a str,
    pub culture: &'a str,
    pub language: &'a str,
    pub address: AddressInput<'a>,
}

/// Who is asking, and where: what checking a customer depends on besides its own fields.
#[derive(Debug, Clone, Copy)]
pub struct CustomerContext<'a> {
    pub profile: &'a CloudProfile,
    pub partner_kind: PartnerKind,
    /// The email domains of the partner's own users; a customer contact can't be at one.
    pub partner_domains: &'a [String],
}

/// A checked billing profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BillingDetails {
    pub company_name: CompanyName,
    pub first_name: PersonName,
    pub last_name: PersonName,
    pub email: Email,
    pub phone_number: Option<PhoneNumber>,
    pub culture: String,
    pub language: String,
    pub address: Address,
}

impl BillingDetails {
    /// Checks every field and reports every problem. The phone number is required in the
    /// countries that require a registration number (Partner Center 600051); culture and
    /// language default to the country's.
    pub fn parse(input: &BillingInput<'_>, partner_domains: &[String]) -> Result<Self, Vec<FieldError>> {
        let mut errors = Errors::default();
        let company_name = errors.field(Field::CompanyName, CompanyName::parse(input.company_name));
        let address = match Address::parse(&input.address) {
            Ok(address) => Some(address),
            Err(address_errors) => {
                errors.extend(address_errors);
                None
            }
        };
        let country = CountryCode::parse(input.address.country).ok();
        let first_name = errors.field(Field::FirstName, PersonName::parse(input.first_name));
        let last_name = errors.field(Field::LastName, PersonName::parse(input.last_name));
        let email = errors.field(Field::Email, parse_contact_email(input.email, partner_domains));
        let phone_number =
            country.and_then(|c| errors.field(Field::PhoneNumber, parse_phone(input.phone_number, c)));
        let culture =
            country.and_then(|c| errors.field(Field::Culture, or_default(input.culture, c, Pref::Culture)));
        let language = country
            .and_then(|c| errors.field(Field::Language, or_default(input.language, c, Pref::Language)));
        match (
            company_name,
            address,
            first_name,
            last_name,
            email,
            phone_number,
            culture,
            language,
        ) {
            (
                Some(company_name),
                Some(address),
                Some(first_name),
                Some(last_name),
                Some(email),
                Some(phone_number),
                Some(culture),
                Some(language),
            ) if errors.is_empty() => Ok(Self {
                company_name,
                first_name,
                last_name,
                email,
                phone_number,
                culture,
                language,
                address,
            }),
            _ => Err(errors.into_vec()),
        }
    }
}

/// A contact email that is valid and not at the partner's own domain.
pub fn parse_contact_email(input: &str, partner_domains: &[String]) -> Result<Email, Rule> {
    let email = Email::parse(input)?;
    if partner_domains.iter().any(|d| email.is_at(d)) {
        return Err(Rule::EmailAtPartnerDomain);
    }
    Ok(email)
}

fn parse_phone(input: &str, country: CountryCode) -> Result<Option<PhoneNumber>, Rule> {
    if input.trim().is_empty() {
        return if country.info().registration.is_some() {
            Err(Rule::PhoneRequiredInCountry)
        } else {
            Ok(None)
        };
    }
    PhoneNumber::parse(input, country).map(Some)
}

enum Pref {
    Culture,
    Language,
}

fn or_default(input: &str, country: CountryCode, pref: Pref) -> Result<String, Rule> {
    let info = country.info();
    match (input.trim().is_empty(), pref) {
        (true, Pref::Culture) => Ok(info.default_culture().to_owned()),
        (true, Pref::Language) => Ok(info.default_language().to_owned()),
        (false, Pref::Culture) => parse_culture(input, info),
        (false, Pref::Language) => parse_language(input, info),
    }
}

/// A checked new customer, ready to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCustomer {
    pub billing: BillingDetails,
    pub organization_registration_number: Option<String>,
    pub domain: TenantDomain,
    /// The indirect reseller the customer is associated with.
    pub associated_partner_id: Option<PartnerId>,
}

impl NewCustomer {
    /// Checks the whole account info and reports every problem at once.
    pub fn parse(input: &CustomerInput<'_>, context: &CustomerContext<'_>) -> Result<Self, Vec<FieldError>> {
        let mut errors = Errors::default();
        let billing = match BillingDetails::parse(&input.billing, context.partner_domains) {
            Ok(billing) => Some(billing),
            Err(billing_errors) => {
                errors.extend(billing_errors);
                None
            }
        };
        let registration = match CountryCode::parse(input.billing.address.country) {
            Ok(country) => errors.field(
                Field::OrganizationRegistrationNumber,
                parse_registration(input.organization_registration_number, country),
            ),
            Err(_) => None,
        };
        let domain = errors.field(
            Field::DomainPrefix,
            TenantDomain::parse(input.domain, &context.profile.domain_suffix),
        );
        let associated = errors.field(
            Field::AssociatedPartnerId,
            parse_associated(input.associated_partner_id, context),
        );
        match (billing, registration, domain, associated) {
            (
                Some(billing),
                Some(organization_registration_number),
                Some(domain),
                Some(associated_partner_id),
            ) if errors.is_empty() => Ok(Self {
                billing,
                organization_registration_number,
                domain,
                associated_partner_id,
            }),
            _ => Err(errors.into_vec()),
        }
    }
}

/// The longest organization registration number.
pub const REGISTRATION_MAX: usize = 40;

/// Required and checked in the 24 countries that take one (600049, 600050); refused in
/// every other country (600002).
pub fn parse_registration(input: &str, country: CountryCode) -> Result<Option<String>, Rule> {
    if input.trim().chars().count() > REGISTRATION_MAX {
        return Err(Rule::TooLong {
            max: REGISTRATION_MAX,
        });
    }
    match (&country.info().registration, input.trim().is_empty()) {
        (Some(rule), _) => rule.parse(input).map(Some),
        (None, true) => Ok(None),
        (None, false) => Err(Rule::RegistrationNumberNotAccepted),
    }
}

fn parse_associated(input: &str, context: &CustomerContext<'_>) -> Result<Option<PartnerId>, Rule> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(None);
    }
    if !context.profile.indirect_model {
        return Err(Rule::IndirectModelUnavailable);
    }
    if context.partner_kind != PartnerKind::IndirectProvider {
        return Err(Rule::ResellerUnknown);
    }
    input.parse().map(Some).map_err(|_| Rule::ResellerUnknown)
}

/// A customer's billing profile as read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BillingProfile {
    pub company_name: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone_number: Option<String>,
    pub culture: String,
    pub language: String,
    pub address: Address,
    /// Incremented by every change; the API's etag.
    pub version: i64,
}

/// A customer as one partner sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Customer {
    pub id: CustomerId,
    pub commerce_id: Uuid,
    pub company_name: String,
    pub domain: String,
    pub organization_registration_number: Option<String>,
    pub created_at: OffsetDateTime,
    pub billing: BillingProfile,
    /// The indirect reseller this customer is associated with, for its provider; the
    /// provider, for the reseller.
    pub associated_partner_id: Option<PartnerId>,
    /// Partner Center's `relationshipToPartner`.
    pub relationship: String,
}

/// What a list of customers shows of each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerSummary {
    pub id: CustomerId,
    pub commerce_id: Uuid,
    pub company_name: String,
    pub domain: String,
    pub country: CountryCode,
    pub created_at: OffsetDateTime,
    /// As in [`Customer::associated_partner_id`].
    pub associated_partner_id: Option<PartnerId>,
    pub relationship: String,
}

impl From<&Customer> for CustomerSummary {
    fn from(c: &Customer) -> Self {
        Self {
            id: c.id,
            commerce_id: c.commerce_id,
            company_name: c.company_name.clone(),
            domain: c.domain.clone(),
            country: c.billing.address.country,
            created_at: c.created_at,
            associated_partner_id: c.associated_partner_id,
            relationship: c.relationship.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::ProfileName;

    fn global() -> CloudProfile {
        CloudProfile::builtin(ProfileName::Global).unwrap_or_else(|| unreachable!())
    }

    fn input() -> CustomerInput<'static> {
        CustomerInput {
            billing: BillingInput {
                company_name: "Fabrikam Ltd",
                first_name: "Ana",
                last_name: "Lee",
                email: "ana@fabrikam.example",
                phone_number: "",
                culture: "",
                language: "",
                address: AddressInput {
                    country: "US",
                    address_line1: "1 Main St",
                    address_line2: "",
                    city: "Seattle",
                    state: "WA",
                    postal_code: "98101",
                },
            },
            organization_registration_number: "",
            domain: "fabrikam",
            associated_partner_id: "",
        }
    }

    fn parse(input: &CustomerInput<'_>, kind: PartnerKind) -> Result<NewCustomer, Vec<(Field, Rule)>> {
        let profile = global();
        let domains = vec!["partner.example".to_owned()];
        let context = CustomerContext {
            profile: &profile,
            partner_kind: kind,
            partner_domains: &domains,
        };
        NewCustomer::parse(input, &context).map_err(|e| e.into_iter().map(|e| (e.field, e.rule)).collect())
    }

    #[test]
    fn a_valid_customer_gets_the_countrys_culture_and_the_profiles_suffix() {
        let parsed = parse(&input(), PartnerKind::Direct);
        let Ok(customer) = parsed else {
            panic!("{parsed:?}")
        };
        assert_eq!(customer.domain.as_str(), "fabrikam.onmicrosoft.com");
        assert_eq!(customer.billing.culture, "en-US");
        assert_eq!(customer.billing.language, "en");
        assert_eq!(customer.organization_registration_number, None);
    }

    #[test]
    fn the_contact_email_cannot_be_at_the_partners_domain() {
        let mut i = input();
        i.billing.email = "ana@Partner.example";
        assert_eq!(
            parse(&i, PartnerKind::Direct).err(),
            Some(vec![(Field::Email, Rule::EmailAtPartnerDomain)])
        );
    }

    #[test]
    fn registration_countries_need_a_number_and_a_phone() {
        let mut i = input();
        i.billing.address = AddressInput {
            country: "PL",
            address_line1: "ul. Marszałkowska 1",
            address_line2: "",
            city: "Warszawa",
            state: "",
            postal_code: "00-001",
        };
        assert_eq!(
            parse(&i, PartnerKind::Direct).err(),
            Some(vec![
                (Field::PhoneNumber, Rule::PhoneRequiredInCountry),
                (
                    Field::OrganizationRegistrationNumber,
                    Rule::RegistrationNumberRequired
                ),
            ])
        );
        i.billing.phone_number = "22 123 45 67";
        i.organization_registration_number = "123-456-32-18";
        assert!(parse(&i, PartnerKind::Direct).is_ok());
        i.organization_registration_number = "12";
        let errors = parse(&i, PartnerKind::Direct).err().unwrap_or_default();
        assert_eq!(errors[0].1.code(), 600050);
    }

    #[test]
    fn other_countries_refuse_a_registration_number() {
        let mut i = input();
        i.organization_registration_number = "123456";
        assert_eq!(
            parse(&i, PartnerKind::Direct).err(),
            Some(vec![(
                Field::OrganizationRegistrationNumber,
                Rule::RegistrationNumberNotAccepted
            )])
        );
    }

    #[test]
    fn only_indirect_providers_associate_a_reseller() {
        let mut i = input();
        let reseller = PartnerId::new().to_string();
        i.associated_partner_id = &reseller;
        let parsed = parse(&i, PartnerKind::IndirectProvider).map(|c| c.associated_partner_id);
        assert_eq!(parsed, Ok(reseller.parse().ok()));
        assert_eq!(
            parse(&i, PartnerKind::Direct).err(),
            Some(vec![(Field::AssociatedPartnerId, Rule::ResellerUnknown)])
        );
        i.associated_partner_id = "not-an-id";
        assert_eq!(
            parse(&i, PartnerKind::IndirectProvider).err(),
            Some(vec![(Field::AssociatedPartnerId, Rule::ResellerUnknown)])
        );
    }

    #[test]
    fn an_empty_form_reports_every_required_field() {
        let errors = parse(&CustomerInput::default(), PartnerKind::Direct)
            .err()
            .unwrap_or_default();
        let fields: Vec<_> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            vec![
                Field::CompanyName,
                Field::Country,
                Field::AddressLine1,
                Field::City,
                Field::FirstName,
                Field::LastName,
                Field::Email,
                Field::DomainPrefix,
            ]
        );
        assert!(errors.iter().all(|(_, r)| *r == Rule::Required));
    }

    #[test]
    fn culture_and_language_must_be_the_countrys() {
        let mut i = input();
        i.billing.culture = "fr-FR";
        i.billing.language = "de";
        assert_eq!(
            parse(&i, PartnerKind::Direct).err(),
            Some(vec![
                (Field::Culture, Rule::CultureUnsupported),
                (Field::Language, Rule::LanguageUnsupported)
            ])
        );
    }
}
