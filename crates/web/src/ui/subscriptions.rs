//! The table of subscriptions that a customer's page, a subscription's add-ons and the
//! customer portal's home all show: one builder, one template macro
//! (`subscriptions_table.html`).

use partnerdesk_domain::Locale;
use partnerdesk_domain::billing::BillingPlan;
use partnerdesk_domain::catalog::Catalog;
use partnerdesk_domain::subscription::Subscription;

use crate::i18n;
use crate::i18n::format_number;
use crate::ui::billing::plan_words;
use crate::ui::layout::format_date;

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
