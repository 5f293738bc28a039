//! Customer prices: how a partner turns its cost into the price its customer pays. A rule
//! is a percent over cost or the suggested retail (ERP) price; the partner sets a default
//! and may override it per offer, per customer, and per customer and offer. The margin is
//! what the partner keeps, shown to the partner and never to the customer.

use rust_decimal::Decimal;

use super::{BillingError, Money, Rounding, parse_decimal};

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
    PartnerDefault,
    Offer,
    Customer,
    CustomerOffer,
}

/// A partner's rules for one customer and one offer, as the store finds them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkupRules {
    pub partner_default: CustomerPriceRule,
    pub offer: Option<CustomerPriceRule>,
    pub customer: Option<CustomerPriceRule>,
    pub customer_offer: Option<CustomerPriceRule>,
}

impl MarkupRules {
    /// The rule that applies, most specific first: the one set for this customer and
    /// offer, then the customer's (a deal with a customer covers all it buys, and so
    /// outranks an offer's general markup), then the offer's, then the partner's default.
    pub fn resolve(&self) -> (CustomerPriceRule, RuleSource) {
        self.customer_offer
            .map(|r| (r, RuleSource::CustomerOffer))
            .or(self.customer.map(|r| (r, RuleSource::Customer)))
            .or(self.offer.map(|r| (r, RuleSource::Offer)))
            .unwrap_or((self.partner_default, RuleSource::PartnerDefault))
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
        let mut rules = MarkupRules {
            partner_default: pct("10"),
            offer: None,
            customer: None,
            customer_offer: None,
        };
        assert_eq!(rules.resolve(), (pct("10"), RuleSource::PartnerDefault));
        rules.offer = Some(pct("20"));
        assert_eq!(rules.resolve(), (pct("20"), RuleSource::Offer));
        rules.customer = Some(CustomerPriceRule::Erp);
        assert_eq!(rules.resolve(), (CustomerPriceRule::Erp, RuleSource::Customer));
        rules.customer_offer = Some(pct("5"));
        assert_eq!(rules.resolve(), (pct("5"), RuleSource::CustomerOffer));
    }

    #[test]
    fn a_free_unit_has_no_margin_percent() {
        assert_eq!(margin_percent(usd("0"), usd("0")), Ok(None));
        assert_eq!(margin(usd("10"), usd("8")), Ok(usd("-2")));
    }
}
