//! The offer catalog: categories and offers with their license ranges, the countries they
//! are sold in, their add-ons, and their names in every interface language. Operators
//! import and export it as a JSON document ([`CatalogDocument`]).

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use time::Date;

use crate::billing::{BillingPlan, Currency, Money, PriceList, PricePoint};
use crate::country::CountryCode;
use crate::{Locale, OfferId, Rule};

/// The catalog as a file: what `partnerdesk catalog import` reads and `export` writes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CatalogDocument {
    pub categories: Vec<Category>,
    pub offers: Vec<Offer>,
}

/// A group of offers in the portal and in `GET /v1/offercategories`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub rank: u32,
    /// The category's name per locale tag; `en-US` is required.
    pub names: BTreeMap<String, String>,
}

/// An offer's name and description in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OfferText {
    pub name: String,
    pub description: String,
}

/// Something a partner can order for a customer, with a license count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Offer {
    pub id: OfferId,
    pub category: String,
    pub rank: u32,
    pub minimum_quantity: u32,
    pub maximum_quantity: u32,
    #[serde(default)]
    pub is_add_on: bool,
    /// For an add-on: the offers whose subscriptions it can be bought for.
    #[serde(default)]
    pub prerequisite_offers: Vec<OfferId>,
    /// Alpha-2 codes of the countries it is sold in, or `["*"]` for every country.
    pub countries: Vec<String>,
    #[serde(default = "default_unit_type")]
    pub unit_type: String,
    #[serde(default)]
    pub is_trial: bool,
    #[serde(default = "yes")]
    pub is_auto_renewable: bool,
    #[serde(default = "yes")]
    pub is_available_for_purchase: bool,
    /// `P1M`, `P1Y`...
    #[serde(default = "default_term")]
    pub term_duration: String,
    #[serde(default)]
    pub learn_more_url: Option<String>,
    /// Name and description per locale tag; `en-US` is required.
    pub texts: BTreeMap<String, OfferText>,
    /// The price list's rows. An offer without prices is free (trials); one with prices
    /// can be ordered only on a plan and in a currency it has a price for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prices: Vec<OfferPrice>,
}

/// One row of an offer's price list as the catalog file writes it (the columns of
/// Partner Center's license price list, facts file A8). Amounts are decimal strings so
/// that no price passes through a floating-point number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OfferPrice {
    /// An alpha-2 market, or `*` for every market the offer is sold in.
    pub market: String,
    pub currency: String,
    pub term_duration: String,
    pub billing_cycle: String,
    /// The partner's price of one unit for the whole term, tax-exclusive.
    pub unit_price: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub erp_price: Option<String>,
    /// `YYYY-MM-DD`.
    pub effective_start_date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_end_date: Option<String>,
}

impl OfferPrice {
    /// The row as a checked price point; the error names the column at fault.
    pub fn point(&self) -> Result<PricePoint, String> {
        let market = match self.market.as_str() {
            "*" => None,
            code => Some(CountryCode::parse(code).map_err(|_| format!("market {code:?} is not a country"))?),
        };
        let currency = Currency::parse(&self.currency)
            .map_err(|_| format!("currency {:?} is unknown", self.currency))?;
        let plan = BillingPlan::parse(&self.term_duration, &self.billing_cycle).map_err(|e| {
            format!(
                "termDuration {:?} with billingCycle {:?}: {}",
                self.term_duration,
                self.billing_cycle,
                e.name()
            )
        })?;
        let money = |column: &str, text: &str| {
            Money::parse(text, currency).map_err(|_| format!("{column} {text:?} is not a decimal amount"))
        };
        let unit_price = money("unitPrice", &self.unit_price)?;
        let erp = self
            .erp_price
            .as_deref()
            .map(|e| money("erpPrice", e))
            .transpose()?;
        let date = |column: &str, text: &str| {
            Date::parse(text, DATE).map_err(|_| format!("{column} {text:?} is not a YYYY-MM-DD date"))
        };
        let start = date("effectiveStartDate", &self.effective_start_date)?;
        let end = self
            .effective_end_date
            .as_deref()
            .map(|e| date("effectiveEndDate", e))
            .transpose()?;
        PricePoint::new(market, plan, unit_price, erp, start, end).map_err(|e| e.name().to_owned())
    }
}

const DATE: &[time::format_description::FormatItem<'_>] =
    time::macros::format_description!("[year]-[month]-[day]");

fn default_unit_type() -> String {
    "Licenses".into()
}

fn default_term() -> String {
    "P1M".into()
}

fn yes() -> bool {
    true
}

impl Offer {
    /// The offer's name in `locale`, or in English where it has none.
    pub fn name(&self, locale: Locale) -> &str {
        &self.text(locale).name
    }

    pub fn description(&self, locale: Locale) -> &str {
        &self.text(locale).description
    }

    fn text(&self, locale: Locale) -> &OfferText {
        self.texts
            .get(locale.tag())
            .or_else(|| self.texts.get(Locale::EnUs.tag()))
            .or_else(|| self.texts.values().next())
            .unwrap_or(&EMPTY_TEXT)
    }

    pub fn available_in(&self, country: CountryCode) -> bool {
        self.countries
            .iter()
            .any(|c| c == "*" || c.eq_ignore_ascii_case(country.as_str()))
    }

    /// Checks a license count against the offer's range (Partner Center 900275).
    pub fn check_quantity(&self, quantity: i64) -> Result<u32, Rule> {
        u32::try_from(quantity)
            .ok()
            .filter(|q| (self.minimum_quantity..=self.maximum_quantity).contains(q))
            .ok_or(Rule::QuantityOutOfRange {
                min: self.minimum_quantity,
                max: self.maximum_quantity,
            })
    }

    /// Whether this add-on can be bought for a subscription of `parent`.
    pub fn is_add_on_for(&self, parent: &OfferId) -> bool {
        self.is_add_on && self.prerequisite_offers.contains(parent)
    }
}

/// An offer's price list, its rows checked one by one (a problem names the row, from 1).
fn price_list(offer: &Offer, problems: &mut Vec<String>) -> Option<PriceList> {
    if offer.prices.is_empty() {
        return None;
    }
    let id = offer.id.as_str();
    let mut points = Vec::with_capacity(offer.prices.len());
    for (row, price) in (1..).zip(&offer.prices) {
        match price.point() {
            Ok(point) => points.push(point),
            Err(why) => problems.push(format!("offer {id:?} price row {row}: {why}")),
        }
    }
    if points.len() < offer.prices.len() {
        return None;
    }
    PriceList::new(offer.id.clone(), points)
        .map_err(|e| problems.push(format!("offer {id:?} prices: {}", e.name())))
        .ok()
}

static EMPTY_TEXT: OfferText = OfferText {
    name: String::new(),
    description: String::new(),
};

impl Category {
    pub fn name(&self, locale: Locale) -> &str {
        self.names
            .get(locale.tag())
            .or_else(|| self.names.get(Locale::EnUs.tag()))
            .map_or(self.id.as_str(), String::as_str)
    }
}

/// A checked catalog with its lookups.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    document: CatalogDocument,
    by_id: HashMap<OfferId, usize>,
    prices: HashMap<OfferId, PriceList>,
}

impl Catalog {
    /// Checks a document: unique ids, known categories, sensible ranges, valid countries,
    /// English texts, add-ons whose prerequisites are base offers of the catalog. Every
    /// problem is listed (in English: this is for the operator's terminal).
    pub fn new(document: CatalogDocument) -> Result<Self, Vec<String>> {
        let mut problems = Vec::new();
        let mut categories = HashMap::new();
        for category in &document.categories {
            if categories.insert(category.id.as_str(), category).is_some() {
                problems.push(format!("category {:?} appears twice", category.id));
            }
            if !category.names.contains_key("en-US") {
                problems.push(format!("category {:?} has no en-US name", category.id));
            }
            problems.extend(unknown_locales(&category.id, category.names.keys()));
        }
        let mut by_id = HashMap::new();
        let mut prices = HashMap::new();
        for (index, offer) in document.offers.iter().enumerate() {
            let id = offer.id.as_str();
            if by_id.insert(offer.id.clone(), index).is_some() {
                problems.push(format!("offer {id:?} appears twice"));
            }
            if !categories.contains_key(offer.category.as_str()) {
                problems.push(format!(
                    "offer {id:?} names unknown category {:?}",
                    offer.category
                ));
            }
            if offer.minimum_quantity == 0 || offer.minimum_quantity > offer.maximum_quantity {
                problems.push(format!(
                    "offer {id:?} needs 1 <= minimumQuantity <= maximumQuantity"
                ));
            }
            if offer.countries.is_empty() {
                problems.push(format!("offer {id:?} is sold in no country"));
            }
            for country in &offer.countries {
                if country != "*" && CountryCode::parse(country).is_err() {
                    problems.push(format!("offer {id:?} names unknown country {country:?}"));
                }
            }
            match offer.texts.get("en-US") {
                Some(text) if !text.name.trim().is_empty() => {}
                _ => problems.push(format!("offer {id:?} has no en-US name")),
            }
            problems.extend(unknown_locales(id, offer.texts.keys()));
            if offer.is_add_on && offer.prerequisite_offers.is_empty() {
                problems.push(format!("add-on {id:?} lists no prerequisite offers"));
            }
            if !offer.is_add_on && !offer.prerequisite_offers.is_empty() {
                problems.push(format!("offer {id:?} has prerequisites but is not an add-on"));
            }
            if let Some(list) = price_list(offer, &mut problems) {
                prices.insert(offer.id.clone(), list);
            }
        }
        for offer in &document.offers {
            for parent in &offer.prerequisite_offers {
                match by_id.get(parent).map(|&i| &document.offers[i]) {
                    None => problems.push(format!(
                        "add-on {:?} needs unknown offer {:?}",
                        offer.id.as_str(),
                        parent.as_str()
                    )),
                    Some(p) if p.is_add_on => problems.push(format!(
                        "add-on {:?} needs add-on {:?}",
                        offer.id.as_str(),
                        parent.as_str()
                    )),
                    Some(_) => {}
                }
            }
        }
        if problems.is_empty() {
            Ok(Self {
                document,
                by_id,
                prices,
            })
        } else {
            Err(problems)
        }
    }

    pub fn document(&self) -> &CatalogDocument {
        &self.document
    }

    pub fn offer(&self, id: &OfferId) -> Option<&Offer> {
        self.by_id.get(id).map(|&i| &self.document.offers[i])
    }

    /// The offer's prices; `None` for an offer sold free of charge.
    pub fn prices(&self, id: &OfferId) -> Option<&PriceList> {
        self.prices.get(id)
    }

    /// The price list of `market`: the rows of every offer sold there, the market's own
    /// rows in place of the every-market rows of the same plan and currency, in the order
    /// [`Catalog::offers_in`] lists the offers.
    pub fn price_sheet(&self, market: CountryCode) -> Vec<(&Offer, &PricePoint)> {
        let mut rows = Vec::new();
        for offer in self.offers_in(market) {
            let Some(list) = self.prices(&offer.id) else {
                continue;
            };
            let own = |p: &PricePoint| p.market == Some(market);
            let overridden = |p: &PricePoint| {
                p.market.is_none()
                    && list
                        .points()
                        .iter()
                        .any(|q| own(q) && q.plan == p.plan && q.currency() == p.currency())
            };
            rows.extend(
                list.points()
                    .iter()
                    .filter(|p| (own(p) || p.market.is_none()) && !overridden(p))
                    .map(|p| (offer, p)),
            );
        }
        rows
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.document.categories.iter().find(|c| c.id == id)
    }

    /// The offers sold in `country`, by category rank, then offer rank.
    pub fn offers_in(&self, country: CountryCode) -> Vec<&Offer> {
        let mut offers: Vec<_> = self
            .document
            .offers
            .iter()
            .filter(|o| o.available_in(country))
            .collect();
        offers.sort_by_key(|o| {
            (
                self.category(&o.category).map_or(u32::MAX, |c| c.rank),
                o.rank,
                o.id.clone(),
            )
        });
        offers
    }

    /// The categories that have at least one offer in `country`, by rank.
    pub fn categories_in(&self, country: CountryCode) -> Vec<&Category> {
        let mut categories: Vec<_> = self
            .document
            .categories
            .iter()
            .filter(|c| {
                self.document
                    .offers
                    .iter()
                    .any(|o| o.category == c.id && o.available_in(country))
            })
            .collect();
        categories.sort_by_key(|c| (c.rank, c.id.clone()));
        categories
    }

    /// The add-ons that can be bought for a subscription of `offer` in `country`.
    pub fn add_ons_of(&self, offer: &OfferId, country: CountryCode) -> Vec<&Offer> {
        self.offers_in(country)
            .into_iter()
            .filter(|o| o.is_add_on_for(offer))
            .collect()
    }

    /// Whether any add-on of the catalog can be bought for `offer`.
    pub fn has_add_ons(&self, offer: &OfferId) -> bool {
        self.document.offers.iter().any(|o| o.is_add_on_for(offer))
    }
}

fn unknown_locales<'a>(owner: &str, tags: impl Iterator<Item = &'a String>) -> Vec<String> {
    tags.filter(|t| Locale::from_tag(t).map(|l| l.tag()) != Some(t.as_str()))
        .map(|t| format!("{owner:?} has texts in unsupported locale {t:?}"))
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn sample() -> Catalog {
        let json = r#"{
          "categories": [
            {"id": "mail", "rank": 1, "names": {"en-US": "Mail", "fr-FR": "Messagerie"}},
            {"id": "security", "rank": 2, "names": {"en-US": "Security"}}
          ],
          "offers": [
            {"id": "MAIL-BASIC", "category": "mail", "rank": 1, "minimumQuantity": 1, "maximumQuantity": 300,
             "countries": ["*"], "texts": {"en-US": {"name": "Mail Basic", "description": "50 GB mailbox"},
             "fr-FR": {"name": "Messagerie Basique", "description": "Boîte de 50 Go"}}},
            {"id": "ARCHIVE", "category": "mail", "rank": 2, "minimumQuantity": 1, "maximumQuantity": 300,
             "isAddOn": true, "prerequisiteOffers": ["MAIL-BASIC"], "countries": ["*"],
             "texts": {"en-US": {"name": "Archive", "description": "Unlimited archive"}}},
            {"id": "GUARD-US", "category": "security", "rank": 1, "minimumQuantity": 5, "maximumQuantity": 1000,
             "countries": ["US", "CA"], "texts": {"en-US": {"name": "Guard", "description": "Endpoint protection"}}}
          ]
        }"#;
        let document: CatalogDocument = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}"));
        Catalog::new(document).unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn id(s: &str) -> OfferId {
        OfferId::parse(s).unwrap_or_else(|| unreachable!())
    }

    fn country(s: &str) -> CountryCode {
        CountryCode::parse(s).unwrap_or_else(|_| unreachable!())
    }

    fn with_prices(prices: &str) -> Result<Catalog, Vec<String>> {
        let json = format!(
            r#"{{"categories": [{{"id": "mail", "rank": 1, "names": {{"en-US": "Mail"}}}}],
              "offers": [{{"id": "MAIL", "category": "mail", "rank": 1, "minimumQuantity": 1, "maximumQuantity": 9,
                "countries": ["*"], "texts": {{"en-US": {{"name": "Mail", "description": "Mail"}}}}, "prices": {prices}}}]}}"#
        );
        Catalog::new(serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}")))
    }

    #[test]
    fn price_rows_are_checked_one_by_one_and_read_per_market() {
        let row = |market: &str, price: &str, start: &str| {
            format!(
                r#"{{"market": "{market}", "currency": "EUR", "termDuration": "P1Y", "billingCycle": "monthly",
                    "unitPrice": "{price}", "effectiveStartDate": "{start}"}}"#
            )
        };
        let problems = with_prices(&format!(
            "[{}, {}, {}]",
            row("*", "120", "2026-01-01"),
            row("XX", "1,5", "2026-13-01"),
            row("FR", "-1", "2026-01-01"),
        ))
        .err()
        .unwrap_or_default();
        assert_eq!(
            problems,
            [
                r#"offer "MAIL" price row 2: market "XX" is not a country"#,
                r#"offer "MAIL" price row 3: AmountInvalid"#,
            ]
        );
        let overlap = with_prices(&format!(
            "[{}, {}]",
            row("*", "1", "2026-01-01"),
            row("*", "2", "2026-06-01")
        ));
        assert_eq!(
            overlap.err().unwrap_or_default(),
            [r#"offer "MAIL" prices: PricesOverlap"#]
        );

        let catalog = with_prices(&format!(
            "[{}, {}]",
            row("*", "120", "2026-01-01"),
            row("FR", "96", "2026-01-01")
        ))
        .unwrap_or_else(|e| panic!("{e:?}"));
        let list = catalog.prices(&id("MAIL")).unwrap_or_else(|| unreachable!());
        let plan = BillingPlan::parse("P1Y", "monthly").unwrap_or_else(|_| unreachable!());
        let eur = Currency::parse("EUR").unwrap_or_else(|_| unreachable!());
        let on = time::macros::date!(2026 - 06 - 01);
        let price = |c| {
            list.price_on(country(c), eur, plan, on)
                .map(|p| p.unit_price.amount().to_string())
        };
        assert_eq!(price("FR"), Ok("96".into()));
        assert_eq!(price("DE"), Ok("120".into()));
        assert!(sample().prices(&id("MAIL-BASIC")).is_none());
        // Export writes the rows back as they were read.
        let again = serde_json::to_string(catalog.document()).unwrap_or_default();
        assert!(again.contains(r#""unitPrice":"96""#), "{again}");
    }

    #[test]
    fn names_fall_back_to_english() {
        let catalog = sample();
        let Some(mail) = catalog.offer(&id("MAIL-BASIC")) else {
            panic!()
        };
        assert_eq!(mail.name(Locale::FrFr), "Messagerie Basique");
        assert_eq!(mail.name(Locale::RuRu), "Mail Basic");
        assert_eq!(
            catalog.category("mail").map(|c| c.name(Locale::FrFr)),
            Some("Messagerie")
        );
    }

    #[test]
    fn offers_are_filtered_by_country_and_ordered_by_category() {
        let catalog = sample();
        let in_fr: Vec<_> = catalog
            .offers_in(country("FR"))
            .iter()
            .map(|o| o.id.as_str())
            .collect();
        assert_eq!(in_fr, vec!["MAIL-BASIC", "ARCHIVE"]);
        assert_eq!(catalog.offers_in(country("US")).len(), 3);
        assert_eq!(catalog.categories_in(country("FR")).len(), 1);
    }

    #[test]
    fn quantities_must_be_within_the_offer_range() {
        let catalog = sample();
        let Some(guard) = catalog.offer(&id("GUARD-US")) else {
            panic!()
        };
        assert_eq!(guard.check_quantity(5), Ok(5));
        assert_eq!(guard.check_quantity(1000), Ok(1000));
        let range = Err(Rule::QuantityOutOfRange { min: 5, max: 1000 });
        assert_eq!(guard.check_quantity(4), range);
        assert_eq!(guard.check_quantity(1001), range);
        assert_eq!(guard.check_quantity(-1), range);
        assert_eq!(guard.check_quantity(i64::MAX), range);
    }

    #[test]
    fn add_ons_belong_to_their_prerequisites() {
        let catalog = sample();
        let add_ons = catalog.add_ons_of(&id("MAIL-BASIC"), country("FR"));
        assert_eq!(add_ons.len(), 1);
        assert!(catalog.has_add_ons(&id("MAIL-BASIC")));
        assert!(!catalog.has_add_ons(&id("GUARD-US")));
        assert!(catalog.add_ons_of(&id("GUARD-US"), country("US")).is_empty());
    }

    #[test]
    fn a_broken_document_lists_every_problem() {
        let mut document = sample().document().clone();
        document.offers[0].minimum_quantity = 0;
        document.offers[1].prerequisite_offers = vec![id("NOPE")];
        document.offers[2].countries = vec!["UK".into()];
        document.offers[2].category = "unknown".into();
        document.offers.push(document.offers[0].clone());
        let problems = Catalog::new(document).err().unwrap_or_default();
        assert_eq!(problems.len(), 6, "{problems:#?}");
    }
}
