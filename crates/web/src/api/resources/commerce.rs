//! Agreements, orders and subscriptions.

use partnerdesk_domain::agreement::Agreement;
use partnerdesk_domain::billing::SubscriptionTerm;
use partnerdesk_domain::catalog::Catalog;
use partnerdesk_domain::order::Order;
use partnerdesk_domain::profile::AgreementTemplate;
use partnerdesk_domain::subscription::Subscription;
use partnerdesk_domain::{CustomerId, Locale};
use serde::Serialize;
use time::OffsetDateTime;
use utoipa::ToSchema;

use super::{Attributes, Link, SelfLink};

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ContactResource {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone_number: String,
}

/// A recorded acceptance of the customer agreement.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AgreementResource {
    pub id: String,
    /// The partner user who attested the acceptance.
    pub user_id: String,
    pub primary_contact: ContactResource,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub date_agreed: OffsetDateTime,
    pub template_id: String,
    #[serde(rename = "type")]
    pub agreement_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agreement_link: Option<String>,
    pub attributes: Attributes,
}

impl AgreementResource {
    pub fn new(a: &Agreement, link: Option<&str>) -> Self {
        Self {
            id: a.id.to_string(),
            user_id: a.user_id.to_string(),
            primary_contact: ContactResource {
                first_name: a.first_name.clone(),
                last_name: a.last_name.clone(),
                email: a.email.clone(),
                phone_number: a.phone_number.clone(),
            },
            date_agreed: a.date_agreed,
            template_id: a.template_id.clone(),
            agreement_type: a.agreement_type.clone(),
            agreement_link: link.map(str::to_owned),
            attributes: Attributes::of("Agreement"),
        }
    }
}

/// An agreement customers accept, in its current version.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AgreementMetadataResource {
    pub template_id: String,
    pub agreement_type: String,
    pub agreement_link: String,
    pub version_rank: u32,
    pub attributes: Attributes,
}

impl AgreementMetadataResource {
    pub fn new(t: &AgreementTemplate) -> Self {
        Self {
            template_id: t.template_id.clone(),
            agreement_type: t.agreement_type.clone(),
            agreement_link: t.link.clone(),
            version_rank: t.version_rank,
            attributes: Attributes::of("AgreementMetaData"),
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LineItemLinks {
    pub subscription: Link,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct LineItemResource {
    pub line_item_number: u32,
    pub offer_id: String,
    pub subscription_id: String,
    pub quantity: u32,
    pub friendly_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner_id_on_record: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_subscription_id: Option<String>,
    pub links: LineItemLinks,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrderResource {
    pub id: String,
    pub reference_customer_id: String,
    pub billing_cycle: String,
    pub line_items: Vec<LineItemResource>,
    pub currency_code: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub creation_date: OffsetDateTime,
    pub status: String,
    pub links: SelfLink,
    pub attributes: Attributes,
}

impl OrderResource {
    pub fn new(order: &Order) -> Self {
        let customer = order.customer_id;
        Self {
            id: order.id.to_string(),
            reference_customer_id: customer.to_string(),
            billing_cycle: order.billing_cycle.clone(),
            line_items: order
                .line_items
                .iter()
                .map(|l| LineItemResource {
                    line_item_number: l.line_number,
                    offer_id: l.offer_id.to_string(),
                    subscription_id: l.subscription_id.to_string(),
                    quantity: l.quantity,
                    friendly_name: l.friendly_name.clone(),
                    partner_id_on_record: l.partner_id_on_record.clone(),
                    parent_subscription_id: l.parent_subscription_id.map(|p| p.to_string()),
                    links: LineItemLinks {
                        subscription: Link::get(format!(
                            "/customers/{customer}/subscriptions/{}",
                            l.subscription_id
                        )),
                    },
                })
                .collect(),
            currency_code: order.currency_code.clone(),
            creation_date: order.created_at,
            status: order.status.clone(),
            links: SelfLink {
                self_link: Link::get(format!("/customers/{customer}/orders/{}", order.id)),
            },
            attributes: Attributes::of("Order"),
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionLinks {
    pub offer: Link,
    #[serde(rename = "self")]
    pub self_link: Link,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_subscription: Option<Link>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionResource {
    pub id: String,
    pub offer_id: String,
    /// The offer's name in the language of `X-Locale`.
    pub offer_name: String,
    pub friendly_name: String,
    pub quantity: u32,
    pub unit_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_subscription_id: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub creation_date: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub effective_start_date: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub commitment_end_date: OffsetDateTime,
    /// `active`, `suspended`, `deleted` (cancelled) or `expired` (its term ended without a
    /// renewal: auto-renewal off, suspended, an add-on's parent not active, or no price in
    /// force).
    pub status: String,
    pub auto_renew_enabled: bool,
    pub billing_type: &'static str,
    pub billing_cycle: String,
    pub has_purchasable_addons: bool,
    pub is_trial: bool,
    /// The indirect reseller's partner id (MPN id) on record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner_id: Option<String>,
    pub order_id: String,
    pub term_duration: String,
    pub contract_type: &'static str,
    /// Seats that can still be removed now, and until when, per batch added (priced
    /// subscriptions).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refundable_quantity: Option<RefundableQuantityResource>,
    /// Until when `status: deleted` cancels with a refund (priced subscriptions).
    #[serde(
        skip_serializing_if = "Option::is_none",
        with = "time::serde::rfc3339::option"
    )]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub cancellation_allowed_until_date: Option<OffsetDateTime>,
    /// The change scheduled for the next term, when one is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheduled_next_term_instructions: Option<ScheduledNextTermResource>,
    pub links: SubscriptionLinks,
    pub attributes: Attributes,
}

/// Partner Center's `scheduledNextTermInstructions`: the license count and plan the
/// subscription has from its renewal on.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ScheduledNextTermResource {
    pub product: NextTermProductResource,
    pub quantity: u32,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NextTermProductResource {
    /// The subscription's offer.
    pub product_id: String,
    pub term_duration: &'static str,
    pub billing_cycle: &'static str,
}

/// Partner Center's `refundableQuantity`.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RefundableQuantityResource {
    pub total_quantity: u32,
    pub details: Vec<RefundableDetailResource>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RefundableDetailResource {
    pub quantity: u32,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub allowed_until_date_time: OffsetDateTime,
}

impl SubscriptionResource {
    /// The resource of `s`, with the windows of its current `term` (if priced) at `now`.
    pub fn new(
        s: &Subscription,
        term: Option<&SubscriptionTerm>,
        now: OffsetDateTime,
        catalog: &Catalog,
        locale: Locale,
    ) -> Self {
        let refundable = term.map(|t| t.refundable(now));
        let offer = catalog.offer(&s.offer_id);
        let customer: CustomerId = s.customer_id;
        Self {
            id: s.id.to_string(),
            offer_id: s.offer_id.to_string(),
            offer_name: offer.map_or_else(|| s.friendly_name.clone(), |o| o.name(locale).to_owned()),
            friendly_name: s.friendly_name.clone(),
            quantity: s.quantity,
            unit_type: offer.map_or_else(|| "Licenses".to_owned(), |o| o.unit_type.clone()),
            parent_subscription_id: s.parent_subscription_id.map(|p| p.to_string()),
            creation_date: s.created_at,
            effective_start_date: s.created_at,
            commitment_end_date: s.commitment_end,
            status: s.status.to_string(),
            auto_renew_enabled: s.auto_renew,
            billing_type: "license",
            billing_cycle: s.billing_cycle.clone(),
            has_purchasable_addons: catalog.has_add_ons(&s.offer_id),
            is_trial: offer.is_some_and(|o| o.is_trial),
            partner_id: s.partner_id_on_record.clone(),
            order_id: s.order_id.to_string(),
            term_duration: s.term_duration.clone(),
            contract_type: "subscription",
            refundable_quantity: refundable.map(|r| RefundableQuantityResource {
                total_quantity: r.total_quantity,
                details: r
                    .details
                    .iter()
                    .map(|d| RefundableDetailResource {
                        quantity: d.quantity,
                        allowed_until_date_time: d.allowed_until,
                    })
                    .collect(),
            }),
            cancellation_allowed_until_date: term.map(SubscriptionTerm::cancellation_allowed_until),
            scheduled_next_term_instructions: s.next_term.map(|n| ScheduledNextTermResource {
                product: NextTermProductResource {
                    product_id: s.offer_id.to_string(),
                    term_duration: n.plan.term().as_str(),
                    billing_cycle: n.plan.cycle().as_str(),
                },
                quantity: n.quantity,
            }),
            links: SubscriptionLinks {
                offer: Link::get(format!("/offers/{}", s.offer_id)),
                self_link: Link::get(format!("/customers/{customer}/subscriptions/{}", s.id)),
                parent_subscription: s
                    .parent_subscription_id
                    .map(|p| Link::get(format!("/customers/{customer}/subscriptions/{p}"))),
            },
            attributes: Attributes::versioned("Subscription", s.version),
        }
    }
}
