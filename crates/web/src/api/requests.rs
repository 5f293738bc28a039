//! Request bodies. Every property is optional here so that a missing value is reported by
//! the domain rules, with its path, like any other wrong value.

use partnerdesk_domain::Field;
use partnerdesk_domain::address::AddressInput;
use partnerdesk_domain::agreement::AgreementInput;
use partnerdesk_domain::customer::{BillingInput, CustomerInput};
use partnerdesk_domain::order::{LineItemInput, RawQuantity};
use partnerdesk_domain::subscription::{NextTermInput, SubscriptionUpdateInput};
use serde::Deserialize;
use serde_json::Value;
use utoipa::ToSchema;

fn text(value: &Option<String>) -> &str {
    value.as_deref().unwrap_or("")
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AddressRequest {
    /// ISO 3166 alpha-2, such as `US` (not `UK`: `GB`).
    pub country: Option<String>,
    pub region: Option<String>,
    pub city: Option<String>,
    /// From the country's list where it has one (US, CA, AU, BR, CN, IN, MX, JP).
    pub state: Option<String>,
    pub address_line1: Option<String>,
    pub address_line2: Option<String>,
    pub postal_code: Option<String>,
    /// The primary contact's first name.
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub phone_number: Option<String>,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct EtagRequest {
    pub etag: Option<String>,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BillingProfileRequest {
    pub email: Option<String>,
    /// Such as `en-US`; defaults to the country's first culture.
    pub culture: Option<String>,
    /// Such as `en`; defaults to the country's first language.
    pub language: Option<String>,
    pub company_name: Option<String>,
    /// Used when `defaultAddress.firstName` is absent.
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub default_address: Option<AddressRequest>,
    pub attributes: Option<EtagRequest>,
}

impl BillingProfileRequest {
    /// The profile as domain input; `country` fills a missing country (for updates).
    pub fn input<'a>(&'a self, empty: &'a AddressRequest, country: &'a str) -> BillingInput<'a> {
        let address = self.default_address.as_ref().unwrap_or(empty);
        let or = |first: &'a Option<String>, second: &'a Option<String>| match first.as_deref() {
            Some(v) if !v.trim().is_empty() => v,
            _ => text(second),
        };
        BillingInput {
            company_name: text(&self.company_name),
            first_name: or(&address.first_name, &self.first_name),
            last_name: or(&address.last_name, &self.last_name),
            email: text(&self.email),
            phone_number: text(&address.phone_number),
            culture: text(&self.culture),
            language: text(&self.language),
            address: AddressInput {
                country: match address.country.as_deref() {
                    Some(c) if !c.trim().is_empty() => c,
                    _ => country,
                },
                address_line1: text(&address.address_line1),
                address_line2: text(&address.address_line2),
                city: text(&address.city),
                state: text(&address.state),
                postal_code: text(&address.postal_code),
            },
        }
    }
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CompanyProfileRequest {
    /// The tenant domain (`contoso.onmicrosoft.com`) or only its prefix (`contoso`).
    pub domain: Option<String>,
    pub company_name: Option<String>,
    /// Required in the 24 countries of Partner Center's list, refused elsewhere.
    pub organization_registration_number: Option<String>,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ContactRequest {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub email: Option<String>,
    pub phone_number: Option<String>,
}

/// Confirms that the customer accepted the customer agreement.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AgreementRequest {
    /// The person who accepted on the customer's behalf.
    pub primary_contact: Option<ContactRequest>,
    /// UTC date-time or date; not in the future.
    pub date_agreed: Option<String>,
    /// Defaults to the current template of `type`.
    pub template_id: Option<String>,
    /// `MicrosoftCustomerAgreement` (default) or `MicrosoftCloudAgreement`.
    #[serde(rename = "type")]
    pub agreement_type: Option<String>,
}

impl AgreementRequest {
    pub fn input<'a>(&'a self, empty: &'a ContactRequest) -> AgreementInput<'a> {
        let contact = self.primary_contact.as_ref().unwrap_or(empty);
        AgreementInput {
            agreement_type: text(&self.agreement_type),
            template_id: text(&self.template_id),
            first_name: text(&contact.first_name),
            last_name: text(&contact.last_name),
            email: text(&contact.email),
            phone_number: text(&contact.phone_number),
            date_agreed: text(&self.date_agreed),
        }
    }
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct LineItemRequest {
    /// 0 to the number of line items − 1; lines are kept in this order.
    pub line_item_number: Option<i64>,
    pub offer_id: Option<String>,
    /// The number of licenses, within the offer's minimum and maximum.
    #[schema(value_type = u32)]
    pub quantity: Option<Value>,
    pub friendly_name: Option<String>,
    /// An indirect reseller's partner id (MPN id); defaults to the customer's reseller.
    pub partner_id_on_record: Option<String>,
    /// For an add-on: the subscription it is bought for.
    pub parent_subscription_id: Option<String>,
    /// The term; the offer's own when absent.
    pub term_duration: Option<String>,
    /// The billing plan: `monthly`, `annual` (with `P1Y` or `P3Y`) or `triennial` (`P3Y`
    /// paid upfront); `monthly` when absent.
    pub billing_cycle: Option<String>,
}

/// A license count as given: a number, or a string of digits.
pub fn quantity(value: Option<&Value>) -> RawQuantity {
    match value {
        None | Some(Value::Null) => RawQuantity::Missing,
        Some(Value::Number(n)) => n.as_i64().map_or(RawQuantity::NotANumber, RawQuantity::Integer),
        Some(Value::String(s)) => RawQuantity::from_text(s),
        Some(_) => RawQuantity::NotANumber,
    }
}

/// `PATCH /v1/customers/{id}/subscriptions/{id}`: Partner Center sends the whole
/// subscription; `quantity`, `status`, `autoRenewEnabled` and
/// `scheduledNextTermInstructions` change, the rest is ignored.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UpdateSubscriptionRequest {
    /// The new number of licenses, within the offer's minimum and maximum (2002).
    #[schema(value_type = Option<u32>)]
    pub quantity: Option<Value>,
    /// `active`, `suspended`, or `deleted` to cancel (within 168 hours of the purchase or
    /// renewal, else 900213; the unused days are refunded and the add-ons cancelled).
    pub status: Option<String>,
    /// Whether it renews at its term's end; suspending turns it off.
    pub auto_renew_enabled: Option<bool>,
    /// A change at the next term, or `null` to remove the one scheduled. Only for a
    /// subscription that renews; cancelling, turning auto-renewal off or changing the
    /// license count removes it.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<ScheduledNextTermRequest>)]
    pub scheduled_next_term_instructions: Option<Option<ScheduledNextTermRequest>>,
    /// `etag` may stand in for the `If-Match` header.
    pub attributes: Option<EtagRequest>,
}

impl UpdateSubscriptionRequest {
    /// The change asked for, as domain input.
    pub fn input(&self) -> SubscriptionUpdateInput {
        let next_term = match &self.scheduled_next_term_instructions {
            None => NextTermInput::Unchanged,
            Some(None) => NextTermInput::Clear,
            Some(Some(next)) => {
                let product = next.product.as_ref();
                NextTermInput::Set {
                    quantity: quantity(next.quantity.as_ref()),
                    term: product.and_then(|p| p.term_duration.clone()),
                    cycle: product.and_then(|p| p.billing_cycle.clone()),
                }
            }
        };
        SubscriptionUpdateInput {
            quantity: quantity(self.quantity.as_ref()),
            status: self.status.clone(),
            auto_renew: self.auto_renew_enabled,
            next_term,
        }
    }
}

/// Partner Center's `scheduledNextTermInstructions`: what the subscription has from its
/// renewal on. What is missing stays as it is now.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ScheduledNextTermRequest {
    /// The next term's plan; its price list must price it in the customer's market on the
    /// renewal day. The product stays the subscription's (`productId`, `skuId` and
    /// `availabilityId` are ignored).
    pub product: Option<NextTermProductRequest>,
    /// The next term's license count, within the offer's minimum and maximum.
    #[schema(value_type = Option<u32>)]
    pub quantity: Option<Value>,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NextTermProductRequest {
    /// `P1M`, `P1Y` or `P3Y`; the current term's when absent.
    pub term_duration: Option<String>,
    /// `monthly`, `annual` (with `P1Y` or `P3Y`), or `triennial` (`P3Y` paid upfront);
    /// the current plan's when absent.
    pub billing_cycle: Option<String>,
}

/// Tells a property given as `null` (`Some(None)`) from one left out (`None`, by
/// `#[serde(default)]`).
fn present<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// Line items in their `lineItemNumber` order, as domain input.
pub fn line_items(items: &[LineItemRequest]) -> Vec<LineItemInput> {
    let mut ordered: Vec<&LineItemRequest> = items.iter().collect();
    ordered.sort_by_key(|l| l.line_item_number.unwrap_or(i64::MAX));
    ordered
        .into_iter()
        .map(|l| LineItemInput {
            offer_id: text(&l.offer_id).to_owned(),
            quantity: quantity(l.quantity.as_ref()),
            friendly_name: text(&l.friendly_name).to_owned(),
            partner_id_on_record: text(&l.partner_id_on_record).to_owned(),
            parent_subscription_id: text(&l.parent_subscription_id).to_owned(),
            term_duration: text(&l.term_duration).to_owned(),
            billing_cycle: text(&l.billing_cycle).to_owned(),
        })
        .collect()
}

/// `POST /v1/customers`: Partner Center's customer, plus Partnerdesk's optional
/// agreement acceptance and first order, all created in one transaction.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CreateCustomerRequest {
    pub company_profile: Option<CompanyProfileRequest>,
    pub billing_profile: Option<BillingProfileRequest>,
    /// An indirect provider's reseller (its tenant id) to associate the customer with.
    pub associated_partner_id: Option<String>,
    /// Partnerdesk extension: the customer's acceptance of the customer agreement.
    pub agreement: Option<AgreementRequest>,
    /// Partnerdesk extension: the first order's line items.
    pub line_items: Option<Vec<LineItemRequest>>,
}

/// Empty parts for absent objects, so that inputs can borrow them.
#[derive(Default)]
pub struct Blanks {
    pub company: CompanyProfileRequest,
    pub billing: BillingProfileRequest,
    pub address: AddressRequest,
    pub contact: ContactRequest,
}

impl CreateCustomerRequest {
    pub fn input<'a>(&'a self, blanks: &'a Blanks) -> CustomerInput<'a> {
        let company = self.company_profile.as_ref().unwrap_or(&blanks.company);
        let billing = self.billing_profile.as_ref().unwrap_or(&blanks.billing);
        let mut billing_input = billing.input(&blanks.address, "");
        if billing_input.company_name.trim().is_empty() {
            billing_input.company_name = text(&company.company_name);
        }
        CustomerInput {
            billing: billing_input,
            organization_registration_number: text(&company.organization_registration_number),
            domain: text(&company.domain),
            associated_partner_id: text(&self.associated_partner_id),
        }
    }
}

/// `POST /v1/customers/{id}/orders`.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CreateOrderRequest {
    pub reference_customer_id: Option<String>,
    /// Only `monthly` is offered.
    pub billing_cycle: Option<String>,
    #[serde(default)]
    pub line_items: Vec<LineItemRequest>,
}

/// Where each request's properties are, for error paths.
#[derive(Debug, Clone, Copy)]
pub struct Paths {
    /// Prefix of billing profile properties: `billingProfile.` or nothing.
    pub billing: &'static str,
    /// Prefix of agreement properties: `agreement.` or nothing.
    pub agreement: &'static str,
}

pub const CREATE_CUSTOMER: Paths = Paths {
    billing: "billingProfile.",
    agreement: "agreement.",
};
pub const BILLING_PROFILE: Paths = Paths {
    billing: "",
    agreement: "",
};
pub const AGREEMENT: Paths = Paths {
    billing: "",
    agreement: "",
};
/// A body whose properties are all at its top level (support's).
pub const FLAT: Paths = Paths {
    billing: "",
    agreement: "",
};

/// The JSON path of a field in a request of shape `paths`.
pub fn path(field: Field, paths: Paths) -> String {
    let Paths { billing, agreement } = paths;
    match field {
        Field::CompanyName | Field::Email | Field::Culture | Field::Language => {
            format!("{billing}{}", field.name())
        }
        Field::Country
        | Field::AddressLine1
        | Field::AddressLine2
        | Field::City
        | Field::State
        | Field::PostalCode
        | Field::PhoneNumber
        | Field::FirstName
        | Field::LastName => format!("{billing}defaultAddress.{}", field.name()),
        Field::OrganizationRegistrationNumber => "companyProfile.organizationRegistrationNumber".into(),
        Field::DomainPrefix => "companyProfile.domain".into(),
        Field::AssociatedPartnerId => "associatedPartnerId".into(),
        Field::SubscriptionQuantity
        | Field::SubscriptionStatus
        | Field::Role
        | Field::CurrentPassword
        | Field::NewPassword
        | Field::ConfirmPassword
        | Field::TokenName
        | Field::UserName
        | Field::AutoRenew
        | Field::MarkupPercent
        | Field::Title
        | Field::Description
        | Field::Severity
        | Field::SupportTopic
        | Field::RequestStatus
        | Field::Assignee
        | Field::Partner
        | Field::Escalate
        | Field::Customer
        | Field::Telephone
        | Field::Website
        | Field::SupportHours
        | Field::SupportPricing
        | Field::Attachments
        | Field::Subscription => field.name().into(),
        Field::Note => "newNote.text".into(),
        Field::NextTermQuantity => "scheduledNextTermInstructions.quantity".into(),
        Field::NextTermPlan => "scheduledNextTermInstructions.product".into(),
        Field::SignerFirstName => format!("{agreement}primaryContact.firstName"),
        Field::SignerLastName => format!("{agreement}primaryContact.lastName"),
        Field::SignerEmail => format!("{agreement}primaryContact.email"),
        Field::SignerPhoneNumber => format!("{agreement}primaryContact.phoneNumber"),
        Field::DateAgreed => format!("{agreement}dateAgreed"),
        Field::TemplateId => format!("{agreement}templateId"),
        Field::AgreementType => format!("{agreement}type"),
        Field::AgreementAccepted => agreement.trim_end_matches('.').to_owned(),
        Field::LineItems => "lineItems".into(),
        Field::Offer(i)
        | Field::Quantity(i)
        | Field::ParentSubscription(i)
        | Field::PartnerIdOnRecord(i)
        | Field::FriendlyName(i)
        | Field::TermDuration(i)
        | Field::BillingCycle(i) => {
            format!("lineItems[{i}].{}", field.name())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_follow_the_request_shape() {
        assert_eq!(
            path(Field::PostalCode, CREATE_CUSTOMER),
            "billingProfile.defaultAddress.postalCode"
        );
        assert_eq!(
            path(Field::PostalCode, BILLING_PROFILE),
            "defaultAddress.postalCode"
        );
        assert_eq!(
            path(Field::SignerEmail, CREATE_CUSTOMER),
            "agreement.primaryContact.email"
        );
        assert_eq!(path(Field::SignerEmail, AGREEMENT), "primaryContact.email");
        assert_eq!(path(Field::Quantity(2), CREATE_CUSTOMER), "lineItems[2].quantity");
        assert_eq!(
            path(Field::DomainPrefix, CREATE_CUSTOMER),
            "companyProfile.domain"
        );
    }

    #[test]
    fn quantities_arrive_as_numbers_or_text() {
        let items = [
            LineItemRequest {
                line_item_number: Some(1),
                quantity: Some(Value::from(2.5)),
                ..Default::default()
            },
            LineItemRequest {
                line_item_number: Some(0),
                quantity: Some(Value::from(3)),
                ..Default::default()
            },
            LineItemRequest {
                quantity: Some(Value::from("4")),
                ..Default::default()
            },
        ];
        let quantities: Vec<_> = line_items(&items).into_iter().map(|l| l.quantity).collect();
        assert_eq!(
            quantities,
            vec![
                RawQuantity::Integer(3),
                RawQuantity::NotANumber,
                RawQuantity::Integer(4)
            ]
        );
    }
}
