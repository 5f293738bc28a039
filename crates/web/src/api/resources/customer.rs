//! Customers and their profiles.

use partnerdesk_domain::address::Address;
use partnerdesk_domain::customer::{BillingProfile, Customer, CustomerSummary};
use serde::Serialize;
use time::OffsetDateTime;
use utoipa::ToSchema;

use super::commerce::{AgreementResource, OrderResource};
use super::{Attributes, Link, SelfLink};

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AddressResource {
    pub country: String,
    pub region: Option<String>,
    pub city: String,
    pub state: Option<String>,
    pub address_line1: String,
    pub address_line2: Option<String>,
    pub postal_code: Option<String>,
    pub first_name: String,
    pub last_name: String,
    pub phone_number: Option<String>,
}

impl AddressResource {
    fn new(address: &Address, billing: &BillingProfile) -> Self {
        Self {
            country: address.country.to_string(),
            region: None,
            city: address.city.clone(),
            state: address.state.clone(),
            address_line1: address.address_line1.clone(),
            address_line2: address.address_line2.clone(),
            postal_code: address.postal_code.clone(),
            first_name: billing.first_name.clone(),
            last_name: billing.last_name.clone(),
            phone_number: billing.phone_number.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CompanyProfileResource {
    /// The customer's tenant id (equal to its customer id).
    pub tenant_id: String,
    pub domain: String,
    pub company_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_registration_number: Option<String>,
    /// Absent in lists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<AddressResource>,
    /// Absent in lists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    pub links: SelfLink,
    pub attributes: Attributes,
}

impl CompanyProfileResource {
    pub fn new(customer: &Customer) -> Self {
        Self {
            tenant_id: customer.id.to_string(),
            domain: customer.domain.clone(),
            company_name: customer.company_name.clone(),
            organization_registration_number: customer.organization_registration_number.clone(),
            address: Some(AddressResource::new(&customer.billing.address, &customer.billing)),
            email: Some(customer.billing.email.clone()),
            links: SelfLink {
                self_link: Link::get(format!("/customers/{}/profiles/company", customer.id)),
            },
            attributes: Attributes::of("CustomerCompanyProfile"),
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BillingProfileResource {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub culture: String,
    pub language: String,
    pub company_name: String,
    pub default_address: AddressResource,
    pub links: SelfLink,
    /// `etag` is what `If-Match` must send to change the profile.
    pub attributes: Attributes,
}

impl BillingProfileResource {
    pub fn new(customer: &Customer) -> Self {
        let b = &customer.billing;
        Self {
            id: customer.commerce_id.to_string(),
            first_name: b.first_name.clone(),
            last_name: b.last_name.clone(),
            email: b.email.clone(),
            culture: b.culture.clone(),
            language: b.language.clone(),
            company_name: b.company_name.clone(),
            default_address: AddressResource::new(&b.address, b),
            links: SelfLink {
                self_link: Link::get(format!("/customers/{}/profiles/billing", customer.id)),
            },
            attributes: Attributes::versioned("CustomerBillingProfile", b.version),
        }
    }
}

/// The customer's admin account, in the creation response only.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UserCredentials {
    /// `admin@<domain>`.
    pub user_name: String,
    /// The temporary password: shown this once (and to a retry with the same
    /// `MS-RequestId` within 15 minutes); null afterwards.
    pub password: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CustomerResource {
    pub id: String,
    pub commerce_id: String,
    pub company_profile: CompanyProfileResource,
    /// Absent in lists, as in Partner Center's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_profile: Option<BillingProfileResource>,
    /// Always `reseller`: the relationship of the calling partner to the customer.
    pub relationship_to_partner: String,
    /// The indirect reseller the customer is associated with (for its indirect provider).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub associated_partner_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_credentials: Option<UserCredentials>,
    pub custom_domains: Vec<String>,
    /// Partnerdesk extension, creation response only: the recorded agreement acceptance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agreement: Option<AgreementResource>,
    /// Partnerdesk extension, creation response only: the first order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<OrderResource>,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub creation_date: OffsetDateTime,
    pub links: SelfLink,
    pub attributes: Attributes,
}

impl CustomerResource {
    /// The customer as `show_associated` decides: an indirect provider sees the reseller
    /// the customer is associated with; a reseller doesn't see its provider there.
    pub fn new(customer: &Customer, show_associated: bool) -> Self {
        Self {
            id: customer.id.to_string(),
            commerce_id: customer.commerce_id.to_string(),
            company_profile: CompanyProfileResource::new(customer),
            billing_profile: Some(BillingProfileResource::new(customer)),
            relationship_to_partner: customer.relationship.clone(),
            associated_partner_id: customer
                .associated_partner_id
                .filter(|_| show_associated)
                .map(|p| p.to_string()),
            user_credentials: None,
            custom_domains: Vec::new(),
            agreement: None,
            order: None,
            creation_date: customer.created_at,
            links: SelfLink {
                self_link: Link::get(format!("/customers/{}", customer.id)),
            },
            attributes: Attributes::of("Customer"),
        }
    }
}

impl CustomerResource {
    /// A list item: the customer without its billing profile and address.
    pub fn summary(customer: CustomerSummary, show_associated: bool) -> Self {
        let id = customer.id;
        let tenant_id = id.to_string();
        Self {
            id: tenant_id.clone(),
            commerce_id: customer.commerce_id.to_string(),
            company_profile: CompanyProfileResource {
                tenant_id,
                domain: customer.domain,
                company_name: customer.company_name,
                organization_registration_number: None,
                address: None,
                email: None,
                links: SelfLink {
                    self_link: Link::get(format!("/customers/{id}/profiles/company")),
                },
                attributes: Attributes::of("CustomerCompanyProfile"),
            },
            billing_profile: None,
            relationship_to_partner: customer.relationship,
            associated_partner_id: customer
                .associated_partner_id
                .filter(|_| show_associated)
                .map(|p| p.to_string()),
            user_credentials: None,
            custom_domains: Vec::new(),
            agreement: None,
            order: None,
            creation_date: customer.created_at,
            links: SelfLink {
                self_link: Link::get(format!("/customers/{id}")),
            },
            attributes: Attributes::of("Customer"),
        }
    }
}
