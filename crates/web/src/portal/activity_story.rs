//! An activity entry told as a sentence in the reader's language ("Ana Lee changed the
//! license count of Business Mail Standard for Contoso from 10 to 12."), with names instead
//! of ids and links to what it names. Entries are stored as data (an action and its
//! details); the sentence is made when the entry is read, so entries written before a
//! template changed read in its current words.

use std::collections::HashMap;

use partnerdesk_domain::audit::{Action, Event};
use partnerdesk_domain::billing::BillingPlan;
use partnerdesk_domain::catalog::Catalog;
use partnerdesk_domain::subscription::NextTerm;
use partnerdesk_domain::{Arg, Locale, OfferId};
use time::Date;
use time::macros::format_description;

use crate::cldr::format_date;
use crate::cldr::format_number;
use crate::i18n;
use crate::ui::subscriptions::next_term_words;

/// A piece of a sentence: text, or a link to what it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub text: String,
    pub href: Option<String>,
}

/// What the sentences name besides the entry itself.
pub struct Names<'a> {
    pub catalog: &'a Catalog,
    /// The partner's users' names by id (their email when they gave none): the agent of
    /// an entry, the assignee of a service request.
    pub users: &'a HashMap<String, String>,
}

/// Where links sit in a formatted message: a private-use character, the link's index, and
/// another private-use character. No locale's text holds these.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

#[derive(Default)]
struct Sentence {
    args: Vec<(&'static str, Arg)>,
    links: Vec<Part>,
}

impl Sentence {
    fn text(&mut self, name: &'static str, value: impl Into<String>) {
        self.args.push((name, Arg::Text(unmarked(value.into()))));
    }

    fn link(&mut self, name: &'static str, text: String, href: Option<String>) {
        let marker = format!("{OPEN}{}{CLOSE}", self.links.len());
        self.links.push(Part {
            text: unmarked(text),
            href,
        });
        self.args.push((name, Arg::Text(marker)));
    }

    fn render(self, locale: Locale, id: &str) -> Vec<Part> {
        split(&i18n::text_with(locale, id, &self.args), &self.links)
    }
}

/// `text` without the characters that mark links, so that a name someone typed can't
/// pose as a link.
fn unmarked(text: String) -> String {
    if text.contains([OPEN, CLOSE]) {
        text.replace([OPEN, CLOSE], "")
    } else {
        text
    }
}

/// A formatted message cut at its link markers.
fn split(message: &str, links: &[Part]) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut rest = message;
    while let Some(start) = rest.find(OPEN) {
        let (before, marked) = rest.split_at(start);
        let Some(end) = marked.find(CLOSE) else { break };
        push_text(&mut parts, before);
        match marked[OPEN.len_utf8()..end]
            .parse::<usize>()
            .ok()
            .and_then(|i| links.get(i))
        {
            Some(link) => parts.push(link.clone()),
            None => push_text(&mut parts, &marked[..end + CLOSE.len_utf8()]),
        }
        rest = &marked[end + CLOSE.len_utf8()..];
    }
    push_text(&mut parts, rest);
    parts
}

fn push_text(parts: &mut Vec<Part>, text: &str) {
    if !text.is_empty() {
        parts.push(Part {
            text: text.to_owned(),
            href: None,
        });
    }
}

/// The details a sentence shows as they were recorded.
const PLAIN_DETAILS: [&str; 8] = [
    "email",
    "name",
    "user",
    "userName",
    "reseller",
    "adminEmail",
    "rule",
    "visibility",
];

/// The entry as a sentence.
pub fn story(locale: Locale, e: &Event, names: &Names<'_>) -> Vec<Part> {
    let detail = |name: &str| e.details.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let t = |id: &str| i18n::text(locale, id);
    let mut s = Sentence::default();
    // Every name a template may use has a value, so that an entry lacking a detail (one
    // written before it was recorded) still reads; the entry's own values come after and
    // win.
    for name in PLAIN_DETAILS
        .iter()
        .chain(&["offer", "request", "role", "direction"])
    {
        s.text(name, "?");
    }
    s.args.push(("count", Arg::Number(0)));
    let actor = e.actor_id.and_then(|a| names.users.get(&a.to_string()));
    s.text("actor", actor.unwrap_or(&e.actor_name).clone());
    let customer = e.customer_name.clone().unwrap_or_else(|| t("story-a-customer"));
    s.link(
        "customer",
        customer,
        e.customer_id.map(|c| format!("/customers/{c}")),
    );
    if let Some(offer) = detail("offerId") {
        let href = e
            .customer_id
            .zip(detail("subscriptionId"))
            .map(|(c, sub)| format!("/customers/{c}/subscriptions/{sub}"));
        s.link("offer", offer_name(names.catalog, offer, locale), href);
    }
    if let Some(request) = detail("requestId") {
        let title = detail("title").unwrap_or_default();
        s.link(
            "request",
            format!("#{request} {title}"),
            Some(format!("/support/{request}")),
        );
    }
    let (from, to) = change(detail(from_to_detail(e.action)).unwrap_or_default());
    if let (Ok(before), Ok(after)) = (from.parse::<i64>(), to.parse::<i64>()) {
        s.text("direction", if after > before { "up" } else { "down" });
        s.args.push(("count", Arg::Number(after)));
    }
    let (from, to) = match e.action {
        Action::SubscriptionQuantityChanged => (number(locale, from), number(locale, to)),
        Action::UserRoleChanged => (t(&format!("role-{from}")), t(&format!("role-{to}"))),
        Action::ServiceRequestStatusChanged => {
            let status = |s: &str| t(&format!("request-status-{}", s.replace('_', "-")));
            (
                status(detail("from").unwrap_or_default()),
                status(detail("to").unwrap_or_default()),
            )
        }
        _ => (from.to_owned(), to.to_owned()),
    };
    s.text("from", from);
    s.text("to", to);
    if let Some(role) = detail("role").filter(|r| !r.contains('→')) {
        s.text("role", t(&format!("role-{role}")));
    }
    let scope = match (e.customer_id, detail("offerId")) {
        (Some(_), _) => "customer",
        (None, Some(_)) => "offer",
        (None, None) => "default",
    };
    s.text("scope", scope);
    for name in PLAIN_DETAILS {
        if let Some(value) = detail(name) {
            s.text(name, value.to_owned());
        }
    }
    let signer = [detail("signerFirstName"), detail("signerLastName")];
    s.text(
        "signer",
        signer.into_iter().flatten().collect::<Vec<_>>().join(" "),
    );
    s.text("on", detail("autoRenew").unwrap_or("false").to_owned());
    s.text("dap", detail("delegatedAdmin").unwrap_or("false").to_owned());
    s.text(
        "start",
        detail("termStart").map(|d| date(locale, d)).unwrap_or_default(),
    );
    s.text(
        "end",
        detail("expiredOn").map(|d| date(locale, d)).unwrap_or_default(),
    );
    let next = detail("nextQuantity")
        .and_then(|q| q.parse().ok())
        .zip(
            detail("nextTermDuration")
                .zip(detail("nextBillingCycle"))
                .and_then(|(term, cycle)| BillingPlan::parse(term, cycle).ok()),
        )
        .map(|(quantity, plan)| NextTerm { quantity, plan });
    s.text("scheduled", if next.is_some() { "yes" } else { "no" });
    s.text(
        "next",
        next.map(|n| next_term_words(locale, n)).unwrap_or_default(),
    );
    s.text(
        "items",
        detail("lineItems")
            .map(|i| items(locale, names.catalog, i))
            .unwrap_or_default(),
    );
    let assignee = detail("assignee").and_then(|a| names.users.get(a));
    s.text("assigned", if assignee.is_some() { "yes" } else { "no" });
    s.text("assignee", assignee.cloned().unwrap_or_default());
    s.text("fields", changed_fields(locale, e));
    s.render(locale, &format!("story-{}", e.action.as_str()))
}

/// The detail that holds an action's "before → after".
fn from_to_detail(action: Action) -> &'static str {
    match action {
        Action::SubscriptionQuantityChanged => "quantity",
        _ => "role",
    }
}

/// "10 → 12" as its two sides.
fn change(value: &str) -> (&str, &str) {
    value
        .split_once(" → ")
        .map_or(("", value), |(a, b)| (a.trim(), b.trim()))
}

fn number(locale: Locale, text: &str) -> String {
    text.parse()
        .map_or_else(|_| text.to_owned(), |n| format_number(locale, n))
}

fn offer_name(catalog: &Catalog, id: &str, locale: Locale) -> String {
    OfferId::parse(id)
        .and_then(|id| catalog.offer(&id).map(|o| o.name(locale).to_owned()))
        .unwrap_or_else(|| id.to_owned())
}

fn date(locale: Locale, text: &str) -> String {
    Date::parse(text, format_description!("[year]-[month]-[day]")).map_or_else(
        |_| text.to_owned(),
        |d| format_date(locale, d.midnight().assume_utc()),
    )
}

/// An order's lines ("PDC-MAIL-STD × 10, …") by the offers' names.
fn items(locale: Locale, catalog: &Catalog, lines: &str) -> String {
    let separator = match locale {
        Locale::ZhTw | Locale::ZhCn => "、",
        _ => ", ",
    };
    lines
        .split(", ")
        .map(|line| match line.split_once(" × ") {
            Some((offer, rest)) => {
                let quantity = rest.split(' ').next().unwrap_or_default();
                format!(
                    "{} × {}",
                    offer_name(catalog, offer, locale),
                    number(locale, quantity)
                )
            }
            None => line.to_owned(),
        })
        .collect::<Vec<_>>()
        .join(separator)
}

/// The billing profile's fields a change touched, by their labels.
pub fn changed_fields(locale: Locale, e: &Event) -> String {
    field_changes(locale, e)
        .into_iter()
        .map(|(label, _)| label)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A billing profile change's fields, each by its label with "before → after".
pub fn field_changes(locale: Locale, e: &Event) -> Vec<(String, String)> {
    if e.action != Action::BillingProfileUpdated {
        return Vec::new();
    }
    e.details
        .iter()
        .filter_map(|(name, value)| {
            let label = match name.as_str() {
                "companyName" => "label-company-name",
                "firstName" => "label-first-name",
                "lastName" => "label-last-name",
                "email" => "label-email",
                "phoneNumber" => "label-phone",
                "culture" => "label-culture",
                "language" => "label-language",
                "addressLine1" => "label-address-line1",
                "addressLine2" => "label-address-line2",
                "city" => "label-city",
                "state" => "label-state",
                "postalCode" => "label-postal-code",
                _ => return None,
            };
            Some((i18n::text(locale, label), value.clone()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_become_links_and_stray_ones_stay_text() {
        let link = Part {
            text: "Contoso".into(),
            href: Some("/customers/1".into()),
        };
        let parts = split(&format!("Ana added {OPEN}0{CLOSE}."), std::slice::from_ref(&link));
        let text = |t: &str| Part {
            text: t.into(),
            href: None,
        };
        assert_eq!(parts, [text("Ana added "), link, text(".")]);
        let stray = format!("{OPEN}9{CLOSE} and {OPEN}");
        assert_eq!(
            split(&stray, &[])
                .iter()
                .map(|p| p.text.as_str())
                .collect::<String>(),
            stray
        );
    }

    fn event(action: Action, details: &[(&str, &str)]) -> Event {
        Event {
            id: uuid::Uuid::nil(),
            at: time::OffsetDateTime::UNIX_EPOCH,
            partner_id: partnerdesk_domain::PartnerId::default(),
            customer_id: Some(partnerdesk_domain::CustomerId::default()),
            customer_name: Some("Contoso Bikes".into()),
            action,
            actor_id: None,
            actor_name: "ana@provider.example".into(),
            channel: partnerdesk_domain::audit::Channel::Portal,
            address: None,
            details: details
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        }
    }

    fn told(locale: Locale, e: &Event) -> String {
        let catalog = Catalog::new(Default::default()).unwrap_or_else(|e| panic!("{e:?}"));
        let users = HashMap::new();
        let names = Names {
            catalog: &catalog,
            users: &users,
        };
        story(locale, e, &names).into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn every_action_tells_a_story_in_every_language() {
        let details = [
            ("offerId", "MAIL"),
            ("subscriptionId", "1"),
            ("quantity", "10 → 12"),
            ("role", "admin-agent"),
            ("email", "bo@provider.example"),
            ("requestId", "7"),
            ("title", "Mail down"),
        ];
        for locale in Locale::ALL {
            for &action in Action::ALL {
                let text = told(locale, &event(action, &details));
                assert!(
                    !text.contains("story-")
                        && !text.contains('{')
                        && !text.contains(OPEN)
                        && text.len() > 10,
                    "{locale:?} {action:?}: {text}"
                );
                // An entry without its details still reads.
                let bare = told(locale, &event(action, &[]));
                assert!(
                    !bare.contains("story-") && !bare.contains('{'),
                    "{locale:?} {action:?}: {bare}"
                );
            }
        }
    }

    #[test]
    fn a_license_change_says_which_way_with_numbers_per_locale() {
        let raised = event(
            Action::SubscriptionQuantityChanged,
            &[("offerId", "MAIL"), ("quantity", "1 → 5000")],
        );
        assert_eq!(
            told(Locale::EnUs, &raised),
            "ana@provider.example raised MAIL for Contoso Bikes from 1 to 5,000 licenses."
        );
        let lowered = event(
            Action::SubscriptionQuantityChanged,
            &[("offerId", "MAIL"), ("quantity", "2 → 1")],
        );
        assert_eq!(
            told(Locale::FrFr, &lowered),
            "ana@provider.example a réduit MAIL pour Contoso Bikes de 2 à 1 licence."
        );
        assert!(
            told(Locale::RuRu, &raised)
                .contains("увеличил(а) число лицензий MAIL для Contoso Bikes с 1 до 5")
        );
    }

    #[test]
    fn a_name_typed_with_link_markers_stays_text() {
        let forged = format!("{OPEN}0{CLOSE}");
        let e = event(
            Action::TokenCreated,
            &[("name", &forged), ("user", "bo@provider.example")],
        );
        let catalog = Catalog::new(Default::default()).unwrap_or_else(|e| panic!("{e:?}"));
        let users = HashMap::new();
        let names = Names {
            catalog: &catalog,
            users: &users,
        };
        let parts = story(Locale::EnUs, &e, &names);
        assert!(
            parts
                .iter()
                .all(|p| p.href.is_none() || p.text == "Contoso Bikes"),
            "{parts:?}"
        );
        assert!(!parts.iter().any(|p| p.text.contains(OPEN)));
    }

    #[test]
    fn before_and_after_are_read_from_arrows() {
        assert_eq!(change("10 → 12"), ("10", "12"));
        assert_eq!(change("sales-agent"), ("", "sales-agent"));
    }
}
