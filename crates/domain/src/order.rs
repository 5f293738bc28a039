//! Orders: line items checked against the catalog, and the records read back.

use time::OffsetDateTime;

use crate::billing::{BillingCycle, BillingPlan, TermDuration};
use crate::catalog::{Catalog, Offer};
use crate::country::CountryCode;
use crate::error::Errors;
use crate::names::optional_text;
use crate::subscription::SubscriptionStatus;
use crate::{CustomerId, Field, FieldError, OfferId, OrderId, PartnerId, Rule, SubscriptionId};

/// More line items than this in one order is a mistake, not a purchase.
pub const MAX_LINE_ITEMS: usize = 50;

/// A license count as given: a form's text or a JSON value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RawQuantity {
    Missing,
    Integer(i64),
    NotANumber,
}

impl RawQuantity {
    /// Reads a form field: digits, optionally surrounded by spaces.
    pub fn from_text(text: &str) -> Self {
        let text = text.trim();
        if text.is_empty() {
            return RawQuantity::Missing;
        }
        text.parse().map_or(RawQuantity::NotANumber, RawQuantity::Integer)
    }
}

/// One line of an order as given.
#[derive(Debug, Clone)]
pub struct LineItemInput {
    pub offer_id: String,
    pub quantity: RawQuantity,
    pub friendly_name: String,
    pub partner_id_on_record: String,
    pub parent_subscription_id: String,
    /// `P1M`, `P1Y` or `P3Y`; empty for the offer's own term.
    pub term_duration: String,
    /// `monthly`, `annual` or `triennial`; empty for monthly.
    pub billing_cycle: String,
}

/// A checked line item. Its partner of record and its parent subscription are checked
/// where the partner's resellers and the customer's subscriptions are known (the store).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLineItem {
    pub offer_id: OfferId,
    pub quantity: u32,
    pub friendly_name: Option<String>,
    pub partner_id_on_record: Option<String>,
    pub parent_subscription_id: Option<SubscriptionId>,
    /// The term and billing plan; `None` only for an offer without prices whose term is
    /// not one new commerce sells (a 30-day trial).
    pub plan: Option<BillingPlan>,
}

/// Checks an order's line items for a customer in `country`: at least one and at most
/// [`MAX_LINE_ITEMS`], known offers (800004) sold in the country (800070), license counts
/// within range (900275), add-ons only with a parent subscription.
pub fn parse_line_items(
    items: &[LineItemInput],
    catalog: &Catalog,
    country: CountryCode,
) -> Result<Vec<NewLineItem>, Vec<FieldError>> {
    let mut errors = Errors::default();
    if items.is_empty() {
        errors.push(Field::LineItems, Rule::NoLineItems);
    }
    if items.len() > MAX_LINE_ITEMS {
        errors.push(Field::LineItems, Rule::TooManyLineItems { max: MAX_LINE_ITEMS });
    }
    let mut lines = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let offer = errors.field(Field::Offer(i), offer(item, catalog, country));
        let quantity = match (offer, item.quantity) {
            (_, RawQuantity::Missing) => errors.field::<u32>(Field::Quantity(i), Err(Rule::Required)),
            (_, RawQuantity::NotANumber) => {
                errors.field::<u32>(Field::Quantity(i), Err(Rule::QuantityNotANumber))
            }
            (Some(offer), RawQuantity::Integer(q)) => {
                errors.field(Field::Quantity(i), offer.check_quantity(q))
            }
            (None, RawQuantity::Integer(_)) => None,
        };
        let friendly_name = errors.field(Field::FriendlyName(i), optional_text(&item.friendly_name, 128));
        let parent = errors.field(Field::ParentSubscription(i), parent(item, offer));
        let partner_on_record = errors.field(
            Field::PartnerIdOnRecord(i),
            optional_text(&item.partner_id_on_record, 64),
        );
        let plan = plan(item, offer, i, &mut errors);
        if let (
            Some(offer),
            Some(quantity),
            Some(friendly_name),
            Some(parent_subscription_id),
            Some(partner_id_on_record),
            Some(plan),
        ) = (offer, quantity, friendly_name, parent, partner_on_record, plan)
        {
            lines.push(NewLineItem {
                offer_id: offer.id.clone(),
                quantity,
                friendly_name,
                partner_id_on_record,
                parent_subscription_id,
                plan,
            });
        }
    }
    if errors.is_empty() {
        Ok(lines)
    } else {
        Err(errors.into_vec())
    }
}

fn offer<'c>(item: &LineItemInput, catalog: &'c Catalog, country: CountryCode) -> Result<&'c Offer, Rule> {
    if item.offer_id.trim().is_empty() {
        return Err(Rule::Required);
    }
    let offer = OfferId::parse(&item.offer_id)
        .and_then(|id| catalog.offer(&id))
        .ok_or(Rule::OfferUnknown)?;
    if !offer.available_in(country) {
        return Err(Rule::OfferNotInCountry);
    }
    if !offer.is_available_for_purchase {
        return Err(Rule::OfferNotPurchasable);
    }
    Ok(offer)
}

/// The line's term and billing plan: as given, else the offer's term billed monthly. An
/// offer with prices needs one it has a price for (checked when it is priced); an offer
/// without may have a term outside new commerce's (`None`). `None` outside means an error.
#[expect(clippy::option_option, reason = "outer: refused; inner: no plan")]
fn plan(
    item: &LineItemInput,
    offer: Option<&Offer>,
    i: usize,
    errors: &mut Errors,
) -> Option<Option<BillingPlan>> {
    let term = item.term_duration.trim();
    let cycle = item.billing_cycle.trim();
    let term = if term.is_empty() {
        match offer.map(|o| TermDuration::parse(&o.term_duration)) {
            Some(Ok(term)) => Some(term),
            Some(Err(_)) if cycle.is_empty() && offer.is_some_and(|o| o.prices.is_empty()) => {
                return Some(None);
            }
            Some(Err(_)) => errors.field(Field::TermDuration(i), Err(Rule::Required)),
            None => None,
        }
    } else {
        errors.field(
            Field::TermDuration(i),
            TermDuration::parse(term).map_err(Rule::from),
        )
    };
    let cycle = if cycle.is_empty() {
        Some(BillingCycle::Monthly)
    } else {
        errors.field(
            Field::BillingCycle(i),
            BillingCycle::parse(cycle).map_err(Rule::from),
        )
    };
    let plan = BillingPlan::new(term?, cycle?);
    errors
        .field(Field::BillingCycle(i), plan.map_err(Rule::from))
        .map(Some)
}

fn parent(item: &LineItemInput, offer: Option<&Offer>) -> Result<Option<SubscriptionId>, Rule> {
    let given = item.parent_subscription_id.trim();
    let is_add_on = offer.is_some_and(|o| o.is_add_on);
    match (given.is_empty(), is_add_on) {
        (true, true) => Err(Rule::AddonNeedsParent),
        (true, false) => Ok(None),
        (false, false) if offer.is_some() => Err(Rule::NotAnAddon),
        (false, _) => given.parse().map(Some).map_err(|_| Rule::InvalidId),
    }
}

/// Whether `add_on` may be bought for a parent subscription of `parent_offer` in
/// `parent_status` (Partner Center 800029 and 27009).
pub fn check_add_on_parent(
    add_on: &Offer,
    parent_offer: &OfferId,
    parent_status: SubscriptionStatus,
) -> Result<(), Rule> {
    if !add_on.is_add_on_for(parent_offer) {
        return Err(Rule::AddonNotRelated);
    }
    if parent_status != SubscriptionStatus::Active {
        return Err(Rule::ParentNotActive);
    }
    Ok(())
}

/// An order as read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Order {
    pub id: OrderId,
    pub customer_id: CustomerId,
    pub partner_id: PartnerId,
    pub billing_cycle: String,
    pub currency_code: String,
    pub status: String,
    pub created_at: OffsetDateTime,
    pub line_items: Vec<LineItem>,
}

/// A line item as read back; each one produced a subscription.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineItem {
    pub line_number: u32,
    pub offer_id: OfferId,
    pub quantity: u32,
    pub subscription_id: SubscriptionId,
    pub friendly_name: String,
    pub partner_id_on_record: Option<String>,
    pub parent_subscription_id: Option<SubscriptionId>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::tests::sample;

    fn line(offer: &str, quantity: RawQuantity) -> LineItemInput {
        LineItemInput {
            offer_id: offer.into(),
            quantity,
            friendly_name: String::new(),
            partner_id_on_record: String::new(),
            parent_subscription_id: String::new(),
            term_duration: String::new(),
            billing_cycle: String::new(),
        }
    }

    fn country(s: &str) -> CountryCode {
        CountryCode::parse(s).unwrap_or_else(|_| unreachable!())
    }

    fn rules(result: Result<Vec<NewLineItem>, Vec<FieldError>>) -> Vec<(Field, Rule)> {
        result
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| (e.field, e.rule))
            .collect()
    }

    #[test]
    fn a_valid_order_keeps_its_lines_in_order() {
        let items = [
            line("MAIL-BASIC", RawQuantity::Integer(10)),
            line("GUARD-US", RawQuantity::Integer(5)),
        ];
        let parsed = parse_line_items(&items, &sample(), country("US"));
        let Ok(lines) = parsed else { panic!("{parsed:?}") };
        assert_eq!(lines.len(), 2);
        assert_eq!((lines[1].offer_id.as_str(), lines[1].quantity), ("GUARD-US", 5));
    }

    #[test]
    fn unknown_offers_offers_of_other_countries_and_bad_counts_are_refused() {
        let items = [
            line("NOPE", RawQuantity::Integer(1)),
            line("GUARD-US", RawQuantity::Integer(5)),
            line("MAIL-BASIC", RawQuantity::Integer(301)),
            line("MAIL-BASIC", RawQuantity::NotANumber),
            line("MAIL-BASIC", RawQuantity::Missing),
        ];
        assert_eq!(
            rules(parse_line_items(&items, &sample(), country("FR"))),
            vec![
                (Field::Offer(0), Rule::OfferUnknown),
                (Field::Offer(1), Rule::OfferNotInCountry),
                (Field::Quantity(2), Rule::QuantityOutOfRange { min: 1, max: 300 }),
                (Field::Quantity(3), Rule::QuantityNotANumber),
                (Field::Quantity(4), Rule::Required),
            ]
        );
    }

    #[test]
    fn an_order_needs_lines() {
        assert_eq!(
            rules(parse_line_items(&[], &sample(), country("FR"))),
            vec![(Field::LineItems, Rule::NoLineItems)]
        );
    }

    #[test]
    fn add_ons_need_a_parent_and_base_offers_must_not_have_one() {
        let add_on = line("ARCHIVE", RawQuantity::Integer(1));
        let mut base = line("MAIL-BASIC", RawQuantity::Integer(1));
        base.parent_subscription_id = SubscriptionId::new().to_string();
        assert_eq!(
            rules(parse_line_items(&[add_on, base], &sample(), country("FR"))),
            vec![
                (Field::ParentSubscription(0), Rule::AddonNeedsParent),
                (Field::ParentSubscription(1), Rule::NotAnAddon)
            ]
        );
    }

    #[test]
    fn an_add_on_needs_an_active_parent_of_a_prerequisite_offer() {
        let catalog = sample();
        let Some(archive) = catalog.offer(&OfferId::parse("ARCHIVE").unwrap_or_else(|| unreachable!()))
        else {
            panic!()
        };
        let mail = OfferId::parse("MAIL-BASIC").unwrap_or_else(|| unreachable!());
        let guard = OfferId::parse("GUARD-US").unwrap_or_else(|| unreachable!());
        assert_eq!(
            check_add_on_parent(archive, &mail, SubscriptionStatus::Active),
            Ok(())
        );
        assert_eq!(
            check_add_on_parent(archive, &guard, SubscriptionStatus::Active),
            Err(Rule::AddonNotRelated)
        );
        assert_eq!(
            check_add_on_parent(archive, &mail, SubscriptionStatus::Suspended),
            Err(Rule::ParentNotActive)
        );
    }

    #[test]
    fn quantities_from_forms_are_read_as_integers() {
        assert_eq!(RawQuantity::from_text(" 12 "), RawQuantity::Integer(12));
        assert_eq!(RawQuantity::from_text("1.5"), RawQuantity::NotANumber);
        assert_eq!(RawQuantity::from_text(""), RawQuantity::Missing);
    }
}
