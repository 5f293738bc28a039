//! The table of subscriptions that a customer's page, a subscription's add-ons and the
//! customer portal's home all show: one builder, one template macro
//! (`subscriptions_table.html`).

use partnerdesk_domain::billing::BillingPlan;
use partnerdesk_domain::catalog::Catalog;
use partnerdesk_domain::country::CountryCode;
use partnerdesk_domain::subscription::{NextTerm, Subscription};
use partnerdesk_domain::{Arg, Locale};

use crate::cldr::format_date;
use crate::cldr::format_number;
use crate::i18n;
use crate::ui::billing::plan_words;

/// The term and billing plan in words (`One year, billed monthly`); a term new commerce
/// doesn't sell (a trial's) as the catalog writes it.
pub fn plan(locale: Locale, s: &Subscription) -> String {
    BillingPlan::parse(&s.term_duration, &s.billing_cycle)
        .map_or_else(|_| s.term_duration.clone(), |plan| plan_words(locale, plan))
}

pub struct SubscriptionRow {
    /// The subscription's page, where the reader has one.
    pub href: Option<String>,
    pub offer: String,
    /// Shown when it differs from the offer's name.
    pub friendly_name: Option<String>,
    pub licenses: String,
    pub status: String,
    pub created: String,
    pub commitment_end: String,
    pub seller: String,
}

pub struct SubscriptionTable {
    pub rows: Vec<SubscriptionRow>,
    /// With the created and commitment-end columns.
    pub dates: bool,
    /// With the partner that sold each.
    pub sellers: bool,
}

impl SubscriptionTable {
    /// `link` gives a subscription's page, if the reader has one.
    pub fn new<'a>(
        subscriptions: impl IntoIterator<Item = (&'a Subscription, Option<&'a str>)>,
        catalog: &Catalog,
        locale: Locale,
        link: impl Fn(&Subscription) -> Option<String>,
    ) -> Self {
        let mut sellers = false;
        let rows = subscriptions
            .into_iter()
            .map(|(s, seller)| {
                sellers |= seller.is_some();
                let offer = catalog
                    .offer(&s.offer_id)
                    .map_or_else(|| s.offer_id.to_string(), |o| o.name(locale).to_owned());
                SubscriptionRow {
                    href: link(s),
                    friendly_name: (s.friendly_name != offer).then(|| s.friendly_name.clone()),
                    offer,
                    licenses: format_number(locale, i64::from(s.quantity)),
                    status: i18n::text(locale, &format!("status-{}", s.status)),
                    created: format_date(locale, s.created_at),
                    commitment_end: format_date(locale, s.commitment_end),
                    seller: seller.unwrap_or_default().to_owned(),
                }
            })
            .collect();
        Self {
            rows,
            dates: !sellers,
            sellers,
        }
    }

    /// Without the dates (a subscription's add-ons).
    pub fn brief(mut self) -> Self {
        self.dates = false;
        self
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// "15 licenses, One year, billed annually": a change scheduled for the next term.
pub fn next_term_words(locale: Locale, next: NextTerm) -> String {
    let licenses = i18n::text_with(
        locale,
        "review-licenses",
        &[("count", Arg::Number(i64::from(next.quantity)))],
    );
    i18n::text_with(
        locale,
        "subscription-next-term-words",
        &[
            ("licenses", Arg::Text(licenses)),
            ("plan", Arg::Text(plan_words(locale, next.plan))),
        ],
    )
}

/// A subscription page's next-term panel: what is scheduled, and the form to change it,
/// offering the plans the offer's price list has in the customer's market.
pub struct NextTermView {
    /// What is scheduled, in words.
    pub scheduled: Option<String>,
    pub quantity: String,
    /// Each plan offered: its form value (`P1Y/annual`), its words, whether selected.
    pub plans: Vec<(String, String, bool)>,
    pub quantity_error: Option<String>,
    pub plan_error: Option<String>,
}

impl NextTermView {
    /// The panel of `sub`, sold in `market`; `entered` what a refused form held (count,
    /// plan) and `errors` the messages beside each field.
    pub fn new(
        locale: Locale,
        (sub, market): (&Subscription, CountryCode),
        catalog: &Catalog,
        entered: Option<(String, String)>,
        (quantity_error, plan_error): (Option<String>, Option<String>),
    ) -> Self {
        let current = BillingPlan::parse(&sub.term_duration, &sub.billing_cycle).ok();
        let scheduled = sub.next_term.or(current.map(|plan| NextTerm {
            quantity: sub.quantity,
            plan,
        }));
        let (quantity, chosen) = entered.unwrap_or_else(|| {
            (
                scheduled.map_or_else(String::new, |n| n.quantity.to_string()),
                scheduled.map_or_else(String::new, |n| plan_value(n.plan)),
            )
        });
        let mut offered: Vec<BillingPlan> = catalog
            .prices(&sub.offer_id)
            .map(|list| {
                list.points()
                    .iter()
                    .filter(|p| p.market.is_none_or(|m| m == market))
                    .map(|p| p.plan)
                    .collect()
            })
            .unwrap_or_default();
        offered.sort_by_key(|p| (p.term().months(), p.cycle().months()));
        offered.dedup();
        Self {
            scheduled: sub.next_term.map(|n| next_term_words(locale, n)),
            quantity,
            plans: offered
                .into_iter()
                .map(|p| (plan_value(p), plan_words(locale, p), plan_value(p) == chosen))
                .collect(),
            quantity_error,
            plan_error,
        }
    }
}

/// A plan as a form value, `P1Y/annual`.
pub fn plan_value(plan: BillingPlan) -> String {
    format!("{}/{}", plan.term().as_str(), plan.cycle().as_str())
}
