//! Offers, their categories, and partner relationships.

use partnerdesk_domain::Locale;
use partnerdesk_domain::catalog::{Catalog, Category, Offer};
use partnerdesk_domain::country::CountryCode;
use partnerdesk_domain::partner::Partner;
use serde::Serialize;
use utoipa::ToSchema;

use super::{Attributes, Link};

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CategoryResource {
    pub id: String,
    pub name: String,
    pub rank: u32,
    pub locale: String,
    pub country: String,
    pub attributes: Attributes,
}

impl CategoryResource {
    pub fn new(category: &Category, locale: Locale, country: CountryCode) -> Self {
        Self {
            id: category.id.clone(),
            name: category.name(locale).to_owned(),
            rank: category.rank,
            locale: locale.tag().to_owned(),
            country: country.to_string(),
            attributes: Attributes::of("OfferCategory"),
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProductResource {
    pub id: String,
    pub name: String,
    pub unit: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OfferLinks {
    #[serde(rename = "self")]
    pub self_link: Link,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub learn_more: Option<Link>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OfferResource {
    pub id: String,
    /// In the language of `X-Locale`, or English.
    pub name: String,
    pub description: String,
    pub minimum_quantity: u32,
    pub maximum_quantity: u32,
    pub rank: u32,
    pub uri: String,
    pub locale: String,
    pub country: String,
    pub category: CategoryResource,
    pub limit_unit_of_measure: &'static str,
    pub limit: u32,
    pub prerequisite_offers: Vec<String>,
    pub is_add_on: bool,
    pub has_add_ons: bool,
    pub is_available_for_purchase: bool,
    pub billing: &'static str,
    pub supported_billing_cycles: Vec<&'static str>,
    pub is_auto_renewable: bool,
    pub upgrade_target_offers: Vec<String>,
    pub resellee_qualifications: Vec<String>,
    pub is_trial: bool,
    pub term_duration: String,
    pub product: ProductResource,
    pub unit_type: String,
    pub links: OfferLinks,
    pub attributes: Attributes,
}

impl OfferResource {
    pub fn new(offer: &Offer, catalog: &Catalog, locale: Locale, country: CountryCode) -> Self {
        let category = catalog
            .category(&offer.category)
            .map(|c| CategoryResource::new(c, locale, country))
            .unwrap_or_else(|| CategoryResource {
                id: offer.category.clone(),
                name: offer.category.clone(),
                rank: 0,
                locale: locale.tag().to_owned(),
                country: country.to_string(),
                attributes: Attributes::of("OfferCategory"),
            });
        let uri = format!("/offers/{}?country={country}", offer.id);
        Self {
            id: offer.id.to_string(),
            name: offer.name(locale).to_owned(),
            description: offer.description(locale).to_owned(),
            minimum_quantity: offer.minimum_quantity,
            maximum_quantity: offer.maximum_quantity,
            rank: offer.rank,
            uri: uri.clone(),
            locale: locale.tag().to_owned(),
            country: country.to_string(),
            category,
            limit_unit_of_measure: "None",
            limit: 0,
            prerequisite_offers: offer
                .prerequisite_offers
                .iter()
                .map(ToString::to_string)
                .collect(),
            is_add_on: offer.is_add_on,
            has_add_ons: catalog.has_add_ons(&offer.id),
            is_available_for_purchase: offer.is_available_for_purchase,
            billing: "license",
            supported_billing_cycles: vec!["monthly"],
            is_auto_renewable: offer.is_auto_renewable,
            upgrade_target_offers: Vec::new(),
            resellee_qualifications: Vec::new(),
            is_trial: offer.is_trial,
            term_duration: offer.term_duration.clone(),
            product: ProductResource {
                id: offer.id.to_string(),
                name: offer.name(locale).to_owned(),
                unit: offer.unit_type.clone(),
            },
            unit_type: offer.unit_type.clone(),
            links: OfferLinks {
                self_link: Link::get(uri),
                learn_more: offer.learn_more_url.as_ref().map(|u| Link::get(u.clone())),
            },
            attributes: Attributes::of("Offer"),
        }
    }
}

/// An indirect reseller of the calling provider, or an indirect provider of the calling
/// reseller.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PartnerRelationshipResource {
    /// The partner's tenant id: what `associatedPartnerId` takes.
    pub id: String,
    pub name: String,
    pub relationship_type: &'static str,
    pub state: &'static str,
    /// The partner's id on record (`partnerIdOnRecord` takes it).
    pub mpn_id: String,
    pub attributes: Attributes,
}

impl PartnerRelationshipResource {
    pub fn new(partner: &Partner, relationship_type: &'static str) -> Self {
        Self {
            id: partner.id.to_string(),
            name: partner.name.clone(),
            relationship_type,
            state: "active",
            mpn_id: partner.mpn_id.clone(),
            attributes: Attributes::of("PartnerRelationship"),
        }
    }
}
