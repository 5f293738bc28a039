//! Support resources: Partner Center's `SupportProfile`, `ServiceRequest` and
//! `SupportTopic`, with Partnerdesk's additions (the customer, the targets, escalation,
//! assignment, each note's visibility) marked as such.

use partnerdesk_domain::Locale;
use partnerdesk_domain::catalog::Catalog;
use partnerdesk_domain::support::{self, RequestStatus, Severity, SupportProfile, SupportTopic, Visibility};
use partnerdesk_store::ServiceRequest;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

use crate::api::resources::{Attributes, Link};
use crate::i18n;

/// A partner's support profile: how its customers reach its support.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", default)]
pub struct SupportProfileResource {
    /// Where customers write; an email or a telephone number is required.
    #[schema(format = Email, max_length = 254)]
    pub email: String,
    /// In international form (`+` and the country code).
    #[schema(max_length = 40)]
    pub telephone: String,
    /// An `https://` or `http://` address.
    #[schema(max_length = 2000)]
    pub website: String,
    /// When support answers (Partnerdesk).
    #[schema(max_length = 1000)]
    pub hours: String,
    /// What support costs (Partnerdesk).
    #[schema(max_length = 1000)]
    pub pricing: String,
    /// `support_profile`.
    #[serde(skip_deserializing)]
    #[schema(read_only)]
    pub profile_type: &'static str,
    #[serde(skip_deserializing)]
    #[schema(read_only)]
    pub links: Option<ProfileLinks>,
    #[serde(skip_deserializing)]
    #[schema(read_only)]
    pub attributes: Option<Attributes>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProfileLinks {
    #[serde(rename = "self")]
    pub self_link: Link,
}

impl SupportProfileResource {
    pub fn new(profile: SupportProfile) -> Self {
        Self {
            email: profile.email,
            telephone: profile.telephone,
            website: profile.website,
            hours: profile.hours,
            pricing: profile.pricing,
            profile_type: "support_profile",
            links: Some(ProfileLinks {
                self_link: Link::get("profiles/support"),
            }),
            attributes: Some(Attributes::of("SupportProfile")),
        }
    }

    /// The profile as typed, for the domain's checks.
    pub fn input(&self) -> SupportProfile {
        SupportProfile {
            email: self.email.clone(),
            telephone: self.telephone.clone(),
            website: self.website.clone(),
            hours: self.hours.clone(),
            pricing: self.pricing.clone(),
        }
    }
}

/// A support topic: what a request is about.
#[derive(Debug, Serialize, ToSchema)]
pub struct SupportTopicResource {
    pub id: u32,
    /// In the language of `X-Locale`.
    pub name: String,
    pub description: String,
    pub attributes: Attributes,
}

impl SupportTopicResource {
    pub fn new(topic: SupportTopic, locale: Locale) -> Self {
        Self {
            id: topic.id,
            name: topic_name(topic, locale),
            description: i18n::text(locale, &format!("support-topic-{}-description", topic.key)),
            attributes: Attributes::of("SupportTopic"),
        }
    }
}

pub fn topic_name(topic: SupportTopic, locale: Locale) -> String {
    i18n::text(locale, &format!("support-topic-{}", topic.key))
}

/// The partner a request is addressed or escalated to.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Organization {
    pub id: String,
    pub name: String,
}

/// Whom the partner answers: the customer's contact (its billing profile's email).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    pub email: String,
}

/// An agent of the reading partner.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Agent {
    pub id: String,
    pub email: String,
}

/// One message of the thread.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NoteResource {
    pub created_by_name: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_date: OffsetDateTime,
    pub text: String,
    /// Who reads it (Partnerdesk): everyone, the partners only, or the author's organization.
    #[schema(value_type = String, example = "public")]
    pub visibility: Visibility,
}

/// A service request.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ServiceRequestResource {
    /// The request's number, as text.
    pub id: String,
    pub title: String,
    pub description: String,
    #[schema(value_type = String, example = "critical")]
    pub severity: Severity,
    pub support_topic_id: u32,
    pub support_topic_name: String,
    /// `open`, `attention_needed` (waiting for the customer) or `closed`.
    #[schema(value_type = String, example = "open")]
    pub status: RequestStatus,
    /// The partner it is addressed to.
    pub organization: Organization,
    /// The customer's contact, whom mail about the request goes to.
    pub primary_contact: Contact,
    /// Who opened it: the customer's admin or a partner's agent (Partnerdesk).
    pub opened_by: String,
    /// The customer (Partnerdesk).
    pub customer_id: String,
    pub company_name: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_date: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub last_modified_date: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub last_closed_date: Option<OffsetDateTime>,
    /// When a partner first answered the customer (Partnerdesk).
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub first_response_date: Option<OffsetDateTime>,
    /// When the first answer is due (Partnerdesk).
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub first_response_due_date: OffsetDateTime,
    /// When it must be resolved (Partnerdesk).
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub resolution_due_date: OffsetDateTime,
    /// Past a target and not closed (Partnerdesk).
    pub overdue: bool,
    /// The indirect provider it was escalated to (Partnerdesk).
    pub escalated_to: Option<Organization>,
    /// When it was escalated to the deployment's operator (Partnerdesk).
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub escalated_to_operator_date: Option<OffsetDateTime>,
    /// The reading partner's agent working on it (Partnerdesk).
    pub assignee: Option<Agent>,
    /// The thread, oldest first, as the caller may read it.
    pub notes: Vec<NoteResource>,
    /// The offer of the subscription it is about (Partner Center's product).
    pub product_id: Option<String>,
    /// That offer's name, in the language of `X-Locale`.
    pub product_name: Option<String>,
    /// The subscription it is about (Partnerdesk).
    pub subscription_id: Option<String>,
    /// The files attached when it was opened, with where to download each.
    pub file_links: Vec<FileLink>,
    pub links: ProfileLinks,
    pub attributes: Attributes,
}

/// A file attached to a request.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FileLink {
    pub name: String,
    /// Its size in bytes.
    pub size: i64,
    pub content_type: String,
    pub link: Link,
}

impl ServiceRequestResource {
    /// `r` as `locale` reads it, its product named from `catalog`.
    pub fn new(r: &ServiceRequest, locale: Locale, catalog: &Catalog) -> Self {
        let now = OffsetDateTime::now_utc();
        let product = r.subscription.as_ref().map(|(_, offer)| offer);
        Self {
            product_id: product.map(|o| o.to_string()),
            product_name: product.map(|o| {
                catalog
                    .offer(o)
                    .map_or_else(|| o.to_string(), |offer| offer.name(locale).to_owned())
            }),
            subscription_id: r.subscription.as_ref().map(|(id, _)| id.to_string()),
            id: r.id.to_string(),
            title: r.title.clone(),
            description: r.description.clone(),
            severity: r.severity,
            support_topic_id: r.topic.id,
            support_topic_name: topic_name(r.topic, locale),
            status: r.status,
            organization: Organization {
                id: r.partner_id.to_string(),
                name: r.partner_name.clone(),
            },
            primary_contact: Contact {
                email: r.contact_email.clone(),
            },
            opened_by: r.opened_by.clone(),
            customer_id: r.customer_id.to_string(),
            company_name: r.company_name.clone(),
            created_date: r.created_at,
            last_modified_date: r.updated_at,
            last_closed_date: r.closed_at,
            first_response_date: r.first_response_at,
            first_response_due_date: r.first_response_due,
            resolution_due_date: r.resolution_due,
            overdue: support::is_overdue(
                r.status,
                r.first_response_due,
                r.first_response_at.is_some(),
                r.resolution_due,
                now,
            ),
            escalated_to: r.escalated_to.as_ref().map(|(id, name)| Organization {
                id: id.to_string(),
                name: name.clone(),
            }),
            escalated_to_operator_date: r.escalated_to_operator,
            assignee: r.assignee.as_ref().map(|(id, email)| Agent {
                id: id.to_string(),
                email: email.clone(),
            }),
            notes: r
                .notes
                .iter()
                .map(|n| NoteResource {
                    created_by_name: n.author_name.clone(),
                    created_date: n.created_at,
                    text: n.text.clone(),
                    visibility: n.visibility,
                })
                .collect(),
            file_links: r
                .files
                .iter()
                .map(|f| FileLink {
                    name: f.name.clone(),
                    size: f.size,
                    content_type: f.content_type.clone(),
                    link: Link::get(format!("servicerequests/{}/files/{}", r.id, f.seq)),
                })
                .collect(),
            links: ProfileLinks {
                self_link: Link::get(format!("servicerequests/{}", r.id)),
            },
            attributes: Attributes::of("ServiceRequest"),
        }
    }
}
