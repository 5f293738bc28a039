//! Support: the contact a partner publishes to its customers (its support profile), and
//! service requests between a customer and the partners that serve it, with Partner
//! Center's severities and statuses and the first-response and resolution targets that
//! make a request overdue.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use strum::{Display, EnumString, IntoStaticStr, VariantArray};
use time::OffsetDateTime;

use crate::Locale;
use crate::email::Email;
use crate::error::{Errors, Field, FieldError, Rule};
use crate::partner::{PartnerKind, PartnerUser, Permission, allowed};
use crate::phone::PhoneNumber;

/// The longest a request's title may be.
pub const TITLE_MAX: usize = 200;
/// The longest a request's description or a note may be.
pub const TEXT_MAX: usize = 10_000;
/// The longest the support profile's free texts (hours, what support costs) may be.
pub const PROFILE_TEXT_MAX: usize = 1_000;
/// The longest website address the support profile takes.
pub const WEBSITE_MAX: usize = 2_000;

/// How badly a customer is affected (Partner Center's severities, lowercase on the wire).
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
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Severity {
    /// Production down.
    Critical,
    /// Production partly affected.
    Moderate,
    /// Services still available, or not production.
    Minimal,
}

impl Severity {
    /// Every severity, the gravest first.
    pub const ALL: &[Severity] = Severity::VARIANTS;

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Parses the wire form: the lowercase name, or Partner Center's number (1–3).
    pub fn parse(input: &str) -> Result<Self, Rule> {
        match input.trim() {
            "" => Err(Rule::Required),
            "1" => Ok(Severity::Critical),
            "2" => Ok(Severity::Moderate),
            "3" => Ok(Severity::Minimal),
            s => Severity::VARIANTS
                .iter()
                .copied()
                .find(|v| v.as_str().eq_ignore_ascii_case(s))
                .ok_or(Rule::SeverityUnknown),
        }
    }
}

/// Where a request stands (Partner Center's statuses, lowercase on the wire).
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
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum RequestStatus {
    /// Waiting for the partner.
    Open,
    /// Waiting for the customer.
    AttentionNeeded,
    Closed,
}

impl RequestStatus {
    /// Every status, in a request's usual order.
    pub const ALL: &[RequestStatus] = RequestStatus::VARIANTS;

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Parses the wire form: the name in any case (`AttentionNeeded` too), or Partner
    /// Center's number (1–3).
    pub fn parse(input: &str) -> Result<Self, Rule> {
        let key: String = input.trim().chars().filter(|c| *c != '_').collect();
        match key.as_str() {
            "" => Err(Rule::Required),
            "1" => Ok(RequestStatus::Open),
            "2" => Ok(RequestStatus::Closed),
            "3" => Ok(RequestStatus::AttentionNeeded),
            k if k.eq_ignore_ascii_case("open") => Ok(RequestStatus::Open),
            k if k.eq_ignore_ascii_case("closed") => Ok(RequestStatus::Closed),
            k if k.eq_ignore_ascii_case("attentionneeded") => Ok(RequestStatus::AttentionNeeded),
            _ => Err(Rule::RequestStatusUnknown),
        }
    }
}

/// Which side of a request someone is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Customer,
    Partner,
}

impl RequestStatus {
    /// Whether `side` may move a request from `self` to `to`. A customer closes or
    /// reopens; a partner also asks the customer for something (`attention_needed`).
    pub fn can_become(self, to: RequestStatus, side: Side) -> Result<(), Rule> {
        if self == to {
            return Err(Rule::RequestStatusSame);
        }
        if side == Side::Customer && to == RequestStatus::AttentionNeeded {
            return Err(Rule::RequestStatusUnsupported);
        }
        Ok(())
    }
}

/// Who may read a note.
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
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Visibility {
    /// Everyone on the request, the customer included.
    Public,
    /// The partners on the request, not the customer.
    Partners,
    /// The author's own organization.
    Internal,
}

impl Visibility {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// What a request is about: a fixed list, named per language (`support-topic-<key>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SupportTopic {
    pub id: u32,
    pub key: &'static str,
}

/// The topics a request can be filed under.
pub const TOPICS: &[SupportTopic] = &[
    SupportTopic {
        id: 32444601,
        key: "sign-in",
    },
    SupportTopic {
        id: 32444602,
        key: "licenses",
    },
    SupportTopic {
        id: 32444603,
        key: "billing",
    },
    SupportTopic {
        id: 32444604,
        key: "service-outage",
    },
    SupportTopic {
        id: 32444605,
        key: "configuration",
    },
    SupportTopic {
        id: 32444606,
        key: "other",
    },
];

impl SupportTopic {
    /// The topic with `id`.
    pub fn find(id: u32) -> Option<SupportTopic> {
        TOPICS.iter().copied().find(|t| t.id == id)
    }

    fn parse(input: &str) -> Result<SupportTopic, Rule> {
        match input.trim() {
            "" => Err(Rule::Required),
            s => s
                .parse()
                .ok()
                .and_then(Self::find)
                .ok_or(Rule::SupportTopicUnknown),
        }
    }
}

/// A free text that must be given and fit in `max` characters.
fn required_text(input: &str, max: usize) -> Result<String, Rule> {
    let text = input.trim();
    if text.is_empty() {
        return Err(Rule::Required);
    }
    optional_text(text, max)
}

fn optional_text(input: &str, max: usize) -> Result<String, Rule> {
    let text = input.trim();
    if text.chars().count() > max {
        return Err(Rule::TooLong { max });
    }
    Ok(text.to_owned())
}

/// A new request as typed: what every channel hands to [`NewRequest::parse`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct NewRequestInput {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub severity: String,
    #[serde(default, rename = "supportTopicId")]
    pub topic: String,
    /// The subscription it is about, if any: an id among the customer's.
    #[serde(default, rename = "subscriptionId")]
    pub subscription: String,
}

/// A new request, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRequest {
    pub title: String,
    pub description: String,
    pub severity: Severity,
    pub topic: SupportTopic,
}

impl NewRequest {
    /// Checks every field, reporting all problems at once.
    pub fn parse(input: &NewRequestInput) -> Result<Self, Vec<FieldError>> {
        let mut errors = Errors::default();
        let title = errors.field(Field::Title, required_text(&input.title, TITLE_MAX));
        let description = errors.field(Field::Description, required_text(&input.description, TEXT_MAX));
        let severity = errors.field(Field::Severity, Severity::parse(&input.severity));
        let topic = errors.field(Field::SupportTopic, SupportTopic::parse(&input.topic));
        match (title, description, severity, topic) {
            (Some(title), Some(description), Some(severity), Some(topic)) if errors.is_empty() => {
                Ok(NewRequest {
                    title,
                    description,
                    severity,
                    topic,
                })
            }
            _ => Err(errors.into_vec()),
        }
    }
}

/// A note's text, checked.
pub fn parse_note(input: &str) -> Result<String, Vec<FieldError>> {
    required_text(input, TEXT_MAX).map_err(|rule| vec![FieldError::new(Field::Note, rule)])
}

/// How a partner tells its customers to reach its support (Partner Center's
/// `SupportProfile`, with the hours and the price that the partner must publish).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SupportProfile {
    pub email: String,
    pub telephone: String,
    pub website: String,
    pub hours: String,
    pub pricing: String,
}

impl SupportProfile {
    /// Checks a profile as typed: an email or a telephone number is required (a customer
    /// must be able to reach someone); the telephone in international form; the website an
    /// `https://` or `http://` address.
    pub fn parse(input: &SupportProfile) -> Result<Self, Vec<FieldError>> {
        let mut errors = Errors::default();
        let email = match input.email.trim() {
            "" => Some(String::new()),
            e => errors.field(Field::Email, Email::parse(e).map(|e| e.as_str().to_owned())),
        };
        let telephone = match input.telephone.trim() {
            "" => Some(String::new()),
            t if !t.starts_with('+') => errors.field(Field::Telephone, Err(Rule::PhoneNotInternational)),
            t => errors.field(
                Field::Telephone,
                crate::country::CountryCode::parse("US")
                    .and_then(|us| PhoneNumber::parse(t, us))
                    .map(|p| p.as_str().to_owned()),
            ),
        };
        let website = errors.field(Field::Website, parse_website(&input.website));
        let hours = errors.field(Field::SupportHours, optional_text(&input.hours, PROFILE_TEXT_MAX));
        let pricing = errors.field(
            Field::SupportPricing,
            optional_text(&input.pricing, PROFILE_TEXT_MAX),
        );
        if input.email.trim().is_empty() && input.telephone.trim().is_empty() {
            errors.push(Field::Email, Rule::SupportContactRequired);
        }
        match (email, telephone, website, hours, pricing) {
            (Some(email), Some(telephone), Some(website), Some(hours), Some(pricing))
                if errors.is_empty() =>
            {
                Ok(SupportProfile {
                    email,
                    telephone,
                    website,
                    hours,
                    pricing,
                })
            }
            _ => Err(errors.into_vec()),
        }
    }

    /// Whether the partner has published nothing yet.
    pub fn is_empty(&self) -> bool {
        self.email.is_empty() && self.telephone.is_empty() && self.website.is_empty()
    }
}

fn parse_website(input: &str) -> Result<String, Rule> {
    let text = optional_text(input, WEBSITE_MAX)?;
    if text.is_empty() {
        return Ok(text);
    }
    let lower = text.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .ok_or(Rule::WebsiteInvalid)?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let valid_host = host.contains('.')
        && !host.starts_with('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'));
    if !valid_host || text.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Rule::WebsiteInvalid);
    }
    Ok(text)
}

/// How soon a partner answers and resolves a request of each severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Targets {
    /// First response, in hours: critical, moderate, minimal.
    pub first_response_hours: [u32; 3],
    /// Resolution, in hours: critical, moderate, minimal.
    pub resolution_hours: [u32; 3],
}

impl Default for Targets {
    /// Partner Center's first-response targets (2 h, 4 h, 8 h); resolution within one,
    /// three and five days.
    fn default() -> Self {
        Targets {
            first_response_hours: [2, 4, 8],
            resolution_hours: [24, 72, 120],
        }
    }
}

impl Targets {
    fn index(severity: Severity) -> usize {
        match severity {
            Severity::Critical => 0,
            Severity::Moderate => 1,
            Severity::Minimal => 2,
        }
    }

    /// When a request of `severity` opened at `opened` needs its first answer.
    pub fn first_response_due(&self, severity: Severity, opened: OffsetDateTime) -> OffsetDateTime {
        opened + hours(self.first_response_hours[Self::index(severity)])
    }

    /// When a request of `severity` opened at `opened` must be resolved.
    pub fn resolution_due(&self, severity: Severity, opened: OffsetDateTime) -> OffsetDateTime {
        opened + hours(self.resolution_hours[Self::index(severity)])
    }
}

fn hours(h: u32) -> Duration {
    Duration::from_secs(u64::from(h) * 3600)
}

/// Whether a request is late at `now`: not closed, and past its first-response time
/// without an answer, or past its resolution time.
pub fn is_overdue(
    status: RequestStatus,
    first_response_due: OffsetDateTime,
    answered: bool,
    resolution_due: OffsetDateTime,
    now: OffsetDateTime,
) -> bool {
    status != RequestStatus::Closed && ((!answered && now > first_response_due) || now > resolution_due)
}

/// The language mail to a partner's support address is written in: that of the user whose
/// address it is, else the one most of its support staff (active users who work requests)
/// read, those who chose none counted as English readers; English on a tie.
pub fn support_staff_locale(kind: PartnerKind, users: &[PartnerUser], address: &str) -> Locale {
    let chosen = |u: &PartnerUser| u.locale.as_deref().and_then(Locale::from_tag);
    if let Some(locale) = users
        .iter()
        .find(|u| u.email.eq_ignore_ascii_case(address))
        .and_then(chosen)
    {
        return locale;
    }
    let mut counts = [0_usize; Locale::ALL.len()];
    for user in users
        .iter()
        .filter(|u| u.active && allowed(kind, u.role, Permission::WorkSupport))
    {
        counts[chosen(user).unwrap_or(Locale::EnUs) as usize] += 1;
    }
    // The first of the most read, in Locale::ALL's order (English first) on a tie.
    Locale::ALL
        .into_iter()
        .rev()
        .max_by_key(|l| counts[*l as usize])
        .filter(|l| counts[*l as usize] > 0)
        .unwrap_or(Locale::EnUs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused<T: std::fmt::Debug>(result: Result<T, Vec<FieldError>>) -> Vec<FieldError> {
        match result {
            Ok(value) => panic!("accepted {value:?}"),
            Err(errors) => errors,
        }
    }

    fn parsed<T>(result: Result<T, Vec<FieldError>>) -> T {
        result.unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn input(title: &str, description: &str, severity: &str, topic: &str) -> NewRequestInput {
        NewRequestInput {
            title: title.into(),
            description: description.into(),
            severity: severity.into(),
            topic: topic.into(),
            subscription: String::new(),
        }
    }

    #[test]
    fn a_request_needs_every_field_and_names_each_missing_one() {
        let errors = refused(NewRequest::parse(&input(" ", "", "urgent", "1")));
        let got: Vec<_> = errors.iter().map(|e| (e.field, e.rule.clone())).collect();
        assert_eq!(
            got,
            [
                (Field::Title, Rule::Required),
                (Field::Description, Rule::Required),
                (Field::Severity, Rule::SeverityUnknown),
                (Field::SupportTopic, Rule::SupportTopicUnknown),
            ]
        );
        let ok = parsed(NewRequest::parse(&input(
            " Mail is down ",
            "Since 9:00",
            "Critical",
            "32444604",
        )));
        assert_eq!(ok.title, "Mail is down");
        assert_eq!(ok.severity, Severity::Critical);
        assert_eq!(ok.topic.key, "service-outage");
        let long = "x".repeat(TITLE_MAX + 1);
        let errors = refused(NewRequest::parse(&input(&long, "d", "3", "32444606")));
        assert_eq!(errors[0].rule, Rule::TooLong { max: TITLE_MAX });
    }

    #[test]
    fn severities_and_statuses_read_partner_centers_names_and_numbers() {
        assert_eq!(Severity::parse("2"), Ok(Severity::Moderate));
        assert_eq!(Severity::parse("MINIMAL"), Ok(Severity::Minimal));
        assert_eq!(
            RequestStatus::parse("AttentionNeeded"),
            Ok(RequestStatus::AttentionNeeded)
        );
        assert_eq!(
            RequestStatus::parse("attention_needed"),
            Ok(RequestStatus::AttentionNeeded)
        );
        assert_eq!(RequestStatus::parse("2"), Ok(RequestStatus::Closed));
        assert_eq!(RequestStatus::parse("none"), Err(Rule::RequestStatusUnknown));
        assert_eq!(RequestStatus::AttentionNeeded.as_str(), "attention_needed");
    }

    #[test]
    fn customers_close_and_reopen_partners_also_ask_for_attention() {
        use RequestStatus::*;
        assert!(Open.can_become(Closed, Side::Customer).is_ok());
        assert!(Closed.can_become(Open, Side::Customer).is_ok());
        assert_eq!(
            Open.can_become(AttentionNeeded, Side::Customer),
            Err(Rule::RequestStatusUnsupported)
        );
        assert!(Open.can_become(AttentionNeeded, Side::Partner).is_ok());
        assert_eq!(
            Closed.can_become(Closed, Side::Partner),
            Err(Rule::RequestStatusSame)
        );
    }

    #[test]
    fn the_support_profile_needs_a_way_to_reach_someone() {
        let blank = SupportProfile::default();
        let errors = refused(SupportProfile::parse(&blank));
        assert_eq!(errors[0].rule, Rule::SupportContactRequired);
        let bad = SupportProfile {
            email: "nope".into(),
            telephone: "425 555 0100".into(),
            website: "javascript:alert(1)".into(),
            ..SupportProfile::default()
        };
        let fields: Vec<_> = refused(SupportProfile::parse(&bad))
            .into_iter()
            .map(|e| (e.field, e.rule))
            .collect();
        assert_eq!(
            fields,
            [
                (Field::Email, Rule::EmailInvalid),
                (Field::Telephone, Rule::PhoneNotInternational),
                (Field::Website, Rule::WebsiteInvalid),
            ]
        );
        let good = SupportProfile {
            email: "help@contoso.example".into(),
            telephone: "+1 425 555 0100".into(),
            website: "https://contoso.example/support".into(),
            hours: "Mon–Fri 8–18 CET".into(),
            pricing: "Included".into(),
        };
        let parsed = parsed(SupportProfile::parse(&good));
        assert_eq!(parsed.telephone, "+14255550100");
    }

    #[test]
    fn a_request_is_overdue_when_unanswered_or_unresolved_in_time() {
        let t = Targets::default();
        let opened = time::macros::datetime!(2026-11-30 08:00 UTC);
        let first = t.first_response_due(Severity::Critical, opened);
        assert_eq!(first, time::macros::datetime!(2026-11-30 10:00 UTC));
        let resolve = t.resolution_due(Severity::Minimal, opened);
        assert_eq!(resolve, time::macros::datetime!(2026-12-05 08:00 UTC));
        let later = time::macros::datetime!(2026-11-30 10:01 UTC);
        assert!(is_overdue(RequestStatus::Open, first, false, resolve, later));
        assert!(!is_overdue(RequestStatus::Open, first, true, resolve, later));
        assert!(!is_overdue(RequestStatus::Closed, first, false, resolve, later));
    }

    #[test]
    fn mail_to_support_staff_is_in_their_language() {
        use crate::partner::Role;
        use crate::{PartnerId, PartnerUserId};
        let user = |email: &str, role, locale: Option<&str>| PartnerUser {
            id: PartnerUserId::new(),
            partner_id: PartnerId::new(),
            email: email.into(),
            name: None,
            role,
            active: true,
            locale: locale.map(str::to_owned),
            time_zone: None,
            last_signed_in_at: None,
        };
        let kind = PartnerKind::Direct;
        let users = vec![
            user("desk@p.example", Role::HelpdeskAgent, Some("ru-RU")),
            user("a@p.example", Role::AdminAgent, Some("fr-FR")),
            user("b@p.example", Role::HelpdeskAgent, Some("fr-FR")),
            user("sales@p.example", Role::SalesAgent, Some("zh-TW")),
            user("c@p.example", Role::HelpdeskAgent, None),
        ];
        assert_eq!(support_staff_locale(kind, &users, "DESK@p.example"), Locale::RuRu);
        assert_eq!(
            support_staff_locale(kind, &users, "support@p.example"),
            Locale::FrFr
        );
        assert_eq!(
            support_staff_locale(kind, &users[3..], "support@p.example"),
            Locale::EnUs
        );
        let mostly_unchosen = [
            user("a@p.example", Role::HelpdeskAgent, Some("fr-FR")),
            user("b@p.example", Role::HelpdeskAgent, None),
            user("c@p.example", Role::HelpdeskAgent, None),
        ];
        assert_eq!(
            support_staff_locale(kind, &mostly_unchosen, "support@p.example"),
            Locale::EnUs
        );
        let tie = [
            user("x@p.example", Role::AdminAgent, Some("zh-CN")),
            user("y@p.example", Role::AdminAgent, Some("en-US")),
        ];
        assert_eq!(
            support_staff_locale(kind, &tie, "support@p.example"),
            Locale::EnUs
        );
    }
}
