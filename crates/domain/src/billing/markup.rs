//! Customer prices: how a partner turns its cost into the price its customer pays. A rule
//! is a percent over cost or the suggested retail (ERP) price; the partner sets a default
//! and may override it per offer, per customer, and per customer and offer. The margin is
//! what the partner keeps, shown to the partner and never to the customer.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::{BillingError, Money, Rounding, parse_decimal};
use crate::{CustomerId, OfferId};

/// The largest markup accepted, in percent: a typo guard (10 times the cost).
pub const MAX_MARKUP_PERCENT: i64 = 1000;

/// How a customer's price follows from the partner's cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CustomerPriceRule {
    /// The cost plus this many percent (0 sells at cost). Never below cost.
    PercentOverCost(Decimal),
    /// The price list's suggested retail price.
    Erp,
}

impl CustomerPriceRule {
    /// A percent-over-cost rule from its text (`15`, `12.5`), 0 to
    /// [`MAX_MARKUP_PERCENT`].
    pub fn percent_over_cost(input: &str) -> Result<Self, BillingError> {
        let percent = parse_decimal(input)?;
        if percent.is_sign_negative() && !percent.is_zero() || percent > Decimal::from(MAX_MARKUP_PERCENT) {
            return Err(BillingError::MarkupOutOfRange {
                max_percent: MAX_MARKUP_PERCENT,
            });
        }
        Ok(CustomerPriceRule::PercentOverCost(percent.normalize()))
    }

    /// The customer's unit price for a unit that costs `cost`, whose ERP is `erp`. A
    /// marked-up price is rounded half up to the currency's minor units, since it is a
    /// price shown and sold as such; the ERP is taken as listed.
    pub fn customer_price(&self, cost: Money, erp: Option<Money>) -> Result<Money, BillingError> {
        match self {
            CustomerPriceRule::PercentOverCost(percent) => {
                let factor = Decimal::ONE
                    .checked_add(
                        percent
                            .checked_div(Decimal::ONE_HUNDRED)
                            .ok_or(BillingError::AmountOverflow)?,
                    )
                    .ok_or(BillingError::AmountOverflow)?;
                Ok(cost.checked_mul(factor)?.round(Rounding::HalfUp))
            }
            CustomerPriceRule::Erp => {
                let erp = erp.ok_or(BillingError::ErpMissing)?;
                // Refuses an ERP in another currency than the cost.
                erp.checked_sub(cost)?;
                Ok(erp)
            }
        }
    }
}

/// Where the rule that applies was set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RuleSource {
    /// No rule set: the ERP where listed, else the cost ([`default_rule`]).
    Default,
    PartnerDefault,
    Offer,
    Customer,
    CustomerOffer,
}

/// One rule a partner set: its default (no customer, no offer), for an offer, for a
/// customer, or for a customer and offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkupRule {
    pub customer: Option<CustomerId>,
    pub offer: Option<OfferId>,
    pub rule: CustomerPriceRule,
}

/// A partner's rules, or the part of them that can apply to one customer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Markups(pub Vec<MarkupRule>);

impl Markups {
    /// The rule set exactly for `customer` and `offer` (`None`: any), if one is.
    pub fn set_for(
        &self,
        customer: Option<CustomerId>,
        offer: Option<&OfferId>,
    ) -> Option<CustomerPriceRule> {
        self.0
            .iter()
            .find(|m| m.customer == customer && m.offer.as_ref() == offer)
            .map(|m| m.rule)
    }

    /// The rule that applies to a sale of `offer` to `customer` (to any customer: `None`),
    /// most specific first:
    /// the one set for this customer and offer, then the customer's (a deal with a
    /// customer covers all it buys, and so outranks an offer's general markup), then the
    /// offer's, then the partner's default; `None` when the partner set none of them.
    pub fn rule_for(
        &self,
        customer: Option<CustomerId>,
        offer: &OfferId,
    ) -> Option<(CustomerPriceRule, RuleSource)> {
        self.0
            .iter()
            .filter_map(|m| {
                let source = match (m.customer, m.offer.as_ref()) {
                    (Some(c), Some(o)) if Some(c) == customer && o == offer => RuleSource::CustomerOffer,
                    (Some(c), None) if Some(c) == customer => RuleSource::Customer,
                    (None, Some(o)) if o == offer => RuleSource::Offer,
                    (None, None) => RuleSource::PartnerDefault,
                    _ => return None,
                };
                Some((m.rule, source))
            })
            .max_by_key(|(_, source)| *source)
    }
}

/// The customer's price of a unit that costs `cost`, whose ERP is `erp`, by `rule`, or
/// by [`default_rule`] where the partner set none.
pub fn customer_price(
    rule: Option<CustomerPriceRule>,
    cost: Money,
    erp: Option<Money>,
) -> Result<Money, BillingError> {
    rule.unwrap_or_else(|| default_rule(erp))
        .customer_price(cost, erp)
}

/// The customer price rule of a partner that set none: the suggested retail price where
/// the price list has one, else the partner's cost.
pub fn default_rule(erp: Option<Money>) -> CustomerPriceRule {
    match erp {
        Some(_) => CustomerPriceRule::Erp,
        None => CustomerPriceRule::PercentOverCost(Decimal::ZERO),
    }
}

impl fmt::Display for CustomerPriceRule {
    /// The stored form: `erp`, or the percent over cost (`12.5`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CustomerPriceRule::Erp => f.write_str("erp"),
            CustomerPriceRule::PercentOverCost(p) => write!(f, "{p}"),
        }
    }
}

impl FromStr for CustomerPriceRule {
    type Err = BillingError;

    /// The stored form back: `erp`, or a percent over cost.
    fn from_str(s: &str) -> Result<Self, BillingError> {
        if s == "erp" {
            Ok(CustomerPriceRule::Erp)
        } else {
            CustomerPriceRule::percent_over_cost(s)
        }
    }
}

/// What the partner keeps: the customer's price less the partner's cost.
pub fn margin(cost: Money, customer_price: Money) -> Result<Money, BillingError> {
    customer_price.checked_sub(cost)
}

/// The margin as a percent of the customer's price, rounded half up to two decimals;
/// `None` for a free unit.
pub fn margin_percent(cost: Money, customer_price: Money) -> Result<Option<Decimal>, BillingError> {
    if customer_price.is_zero() {
        return Ok(None);
    }
    let m = margin(cost, customer_price)?;
    let ratio = m
        .amount()
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|v| v.checked_div(customer_price.amount()))
        .ok_or(BillingError::AmountOverflow)?;
    Ok(Some(super::round_decimal(ratio, 2, Rounding::HalfUp)))
}

#[cfg(test)]
#[expect(clippy::unwrap_used, reason = "a test fails loudly on an unexpected error")]
mod tests {
    use super::*;

    fn usd(text: &str) -> Money {
        Money::parse(text, "USD".parse().unwrap()).unwrap()
    }

    fn pct(text: &str) -> CustomerPriceRule {
        CustomerPriceRule::percent_over_cost(text).unwrap()
    }

    #[test]
    fn a_percent_over_cost_is_rounded_half_up_to_cents() {
        assert_eq!(pct("15").customer_price(usd("115.2"), None), Ok(usd("132.48")));
        // 10.08 × 1.125 = 11.34; 9.99 × 1.125 = 11.23875 → 11.24.
        assert_eq!(pct("12.5").customer_price(usd("10.08"), None), Ok(usd("11.34")));
        assert_eq!(pct("12.5").customer_price(usd("9.99"), None), Ok(usd("11.24")));
        assert_eq!(pct("0").customer_price(usd("9.99"), None), Ok(usd("9.99")));
    }

    #[test]
    fn the_erp_rule_takes_the_listed_retail_price() {
        // Facts file A8's row: UnitPrice 115.2, ERP 144 → the partner keeps 28.8 (20%).
        let price = CustomerPriceRule::Erp
            .customer_price(usd("115.2"), Some(usd("144")))
            .unwrap();
        assert_eq!(price, usd("144"));
        assert_eq!(margin(usd("115.2"), price), Ok(usd("28.8")));
        assert_eq!(
            margin_percent(usd("115.2"), price).unwrap().unwrap().to_string(),
            "20.00"
        );
        assert_eq!(
            CustomerPriceRule::Erp.customer_price(usd("1"), None),
            Err(BillingError::ErpMissing)
        );
    }

    #[test]
    fn markups_outside_the_range_are_refused() {
        for bad in ["-1", "1000.01", "abc", ""] {
            assert!(CustomerPriceRule::percent_over_cost(bad).is_err(), "{bad}");
        }
        assert!(CustomerPriceRule::percent_over_cost("1000").is_ok());
    }

    #[test]
    fn the_most_specific_rule_wins() {
        let (alice, bob) = (CustomerId::new(), CustomerId::new());
        let rule = |customer, offer: Option<&str>, r| MarkupRule {
            customer,
            offer: offer.and_then(OfferId::parse),
            rule: r,
        };
        let (o1, o2) = (OfferId::parse("o1").unwrap(), OfferId::parse("o2").unwrap());
        let mut markups = Markups::default();
        assert_eq!(markups.rule_for(Some(alice), &o1), None);
        assert_eq!(
            customer_price(None, usd("10"), Some(usd("12"))),
            Ok(usd("12")),
            "the ERP"
        );
        assert_eq!(
            customer_price(None, usd("10"), None),
            Ok(usd("10")),
            "else the cost"
        );
        markups.0.push(rule(None, None, pct("10")));
        assert_eq!(
            markups.rule_for(Some(alice), &o1),
            Some((pct("10"), RuleSource::PartnerDefault))
        );
        markups.0.push(rule(None, Some("o1"), pct("20")));
        markups.0.push(rule(Some(bob), None, pct("1")));
        assert_eq!(
            markups.rule_for(Some(alice), &o1),
            Some((pct("20"), RuleSource::Offer))
        );
        assert_eq!(
            markups.rule_for(Some(alice), &o2),
            Some((pct("10"), RuleSource::PartnerDefault))
        );
        markups.0.push(rule(Some(alice), None, CustomerPriceRule::Erp));
        assert_eq!(
            markups.rule_for(Some(alice), &o1),
            Some((CustomerPriceRule::Erp, RuleSource::Customer))
        );
        markups.0.push(rule(Some(alice), Some("o1"), pct("5")));
        assert_eq!(
            markups.rule_for(Some(alice), &o1),
            Some((pct("5"), RuleSource::CustomerOffer))
        );
        assert_eq!(
            markups.rule_for(Some(bob), &o1),
            Some((pct("1"), RuleSource::Customer))
        );
        assert_eq!(
            markups.rule_for(None, &o1),
            Some((pct("20"), RuleSource::Offer)),
            "any customer"
        );
        assert_eq!(markups.set_for(Some(alice), None), Some(CustomerPriceRule::Erp));
        assert_eq!(
            markups.set_for(None, Some(&o2)),
            None,
            "o2 has no rule of its own"
        );
    }

    #[test]
    fn a_rule_reads_back_from_its_stored_form() {
        for rule in [CustomerPriceRule::Erp, pct("12.5"), pct("0"), pct("1000")] {
            assert_eq!(rule.to_string().parse::<CustomerPriceRule>(), Ok(rule));
        }
        assert_eq!(pct("15.0").to_string(), "15");
        assert!("ERP".parse::<CustomerPriceRule>().is_err());
    }

    #[test]
    fn a_free_unit_has_no_margin_percent() {
        assert_eq!(margin_percent(usd("0"), usd("0")), Ok(None));
        assert_eq!(margin(usd("10"), usd("8")), Ok(usd("-2")));
    }
}
