//! Money: an exact decimal amount with its currency. Sums refuse to mix currencies and
//! report overflow instead of wrapping; rounding to the currency's minor units names its
//! rule, because Partner Center rounds charges down and taxes are rounded half up (see
//! `docs/API-DESIGN.md`, "Billing").

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};

use super::{BillingError, Currency};

/// How an amount is brought to the currency's minor units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    /// Drop the extra digits (Excel's `ROUNDDOWN`): Partner Center's rule for charges,
    /// 112.896 → 112.89 and −112.896 → −112.89, so a refund mirrors its charge.
    TowardZero,
    /// Halves away from zero (0.125 → 0.13, −0.125 → −0.13): commercial rounding, used
    /// for tax and for prices derived from a markup.
    HalfUp,
    /// Halves to the even neighbour (banker's rounding, 0.125 → 0.12); offered for
    /// callers that need it, unused by Partnerdesk's own rules.
    HalfEven,
}

impl Rounding {
    fn strategy(self) -> RoundingStrategy {
        match self {
            Rounding::TowardZero => RoundingStrategy::ToZero,
            Rounding::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            Rounding::HalfEven => RoundingStrategy::MidpointNearestEven,
        }
    }
}

/// Parses a plain decimal (`10.08`, `-94.08`); no exponent, no thousands separator.
pub fn parse_decimal(input: &str) -> Result<Decimal, BillingError> {
    let input = input.trim();
    if input.is_empty()
        || !input
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
    {
        return Err(BillingError::AmountInvalid);
    }
    Decimal::from_str_exact(input).map_err(|_| BillingError::AmountInvalid)
}

/// Rounds `value` to `decimals` places with `rule`, keeping trailing zeros (`94.00`).
pub fn round_decimal(value: Decimal, decimals: u32, rule: Rounding) -> Decimal {
    let mut rounded = value.round_dp_with_strategy(decimals, rule.strategy());
    if rounded.scale() < decimals {
        rounded.rescale(decimals);
    }
    rounded
}

/// An amount of money. The amount may carry more decimals than the currency's minor
/// units (a unit price or an effective unit price often does); [`Money::round`] makes a
/// billable amount of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Money {
    amount: Decimal,
    currency: Currency,
}

impl Money {
    pub fn new(amount: Decimal, currency: Currency) -> Self {
        Self { amount, currency }
    }

    pub fn zero(currency: Currency) -> Self {
        Self::new(Decimal::ZERO, currency)
    }

    /// Parses an amount written as a plain decimal, in `currency`.
    pub fn parse(input: &str, currency: Currency) -> Result<Self, BillingError> {
        parse_decimal(input).map(|amount| Self::new(amount, currency))
    }

    pub fn amount(&self) -> Decimal {
        self.amount
    }

    pub fn currency(&self) -> Currency {
        self.currency
    }

    pub fn is_zero(&self) -> bool {
        self.amount.is_zero()
    }

    pub fn is_negative(&self) -> bool {
        self.amount.is_sign_negative() && !self.amount.is_zero()
    }

    fn same_currency(&self, other: &Money) -> Result<(), BillingError> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(BillingError::CurrencyMismatch {
                left: self.currency.code().to_owned(),
                right: other.currency.code().to_owned(),
            })
        }
    }

    /// The sum, refused for two currencies or on overflow.
    pub fn checked_add(self, other: Money) -> Result<Money, BillingError> {
        self.same_currency(&other)?;
        let amount = self
            .amount
            .checked_add(other.amount)
            .ok_or(BillingError::AmountOverflow)?;
        Ok(Self::new(amount, self.currency))
    }

    /// The difference, refused for two currencies or on overflow.
    pub fn checked_sub(self, other: Money) -> Result<Money, BillingError> {
        self.same_currency(&other)?;
        let amount = self
            .amount
            .checked_sub(other.amount)
            .ok_or(BillingError::AmountOverflow)?;
        Ok(Self::new(amount, self.currency))
    }

    /// The amount times a decimal factor (a quantity, a fraction of a term).
    pub fn checked_mul(self, factor: Decimal) -> Result<Money, BillingError> {
        let amount = self
            .amount
            .checked_mul(factor)
            .ok_or(BillingError::AmountOverflow)?;
        Ok(Self::new(amount, self.currency))
    }

    /// The amount divided by a decimal; refused for zero.
    pub fn checked_div(self, divisor: Decimal) -> Result<Money, BillingError> {
        let amount = self
            .amount
            .checked_div(divisor)
            .ok_or(BillingError::AmountOverflow)?;
        Ok(Self::new(amount, self.currency))
    }

    /// The same amount with the opposite sign (a refund of a charge).
    pub fn negated(self) -> Money {
        Self::new(-self.amount, self.currency)
    }

    /// The amount in the currency's minor units, by `rule`.
    pub fn round(self, rule: Rounding) -> Money {
        Self::new(
            round_decimal(self.amount, self.currency.minor_units(), rule),
            self.currency,
        )
    }

    /// Whether the amount has no more decimals than the currency's minor units.
    pub fn is_billable(&self) -> bool {
        self.amount.normalize().scale() <= self.currency.minor_units()
    }

    /// The sum of `amounts`, all in `currency` (zero when there are none).
    pub fn sum<I: IntoIterator<Item = Money>>(currency: Currency, amounts: I) -> Result<Money, BillingError> {
        amounts
            .into_iter()
            .try_fold(Money::zero(currency), Money::checked_add)
    }
}

impl fmt::Display for Money {
    /// `EUR 10.08`: for logs and tests; pages format money from CLDR.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.currency, self.amount)
    }
}

#[cfg(test)]
#[expect(clippy::unwrap_used, reason = "a test fails loudly on an unexpected error")]
mod tests {
    use super::*;
    use crate::billing::testing::eur;

    #[test]
    fn sums_refuse_to_mix_currencies() {
        let usd = Money::parse("1", "USD".parse().unwrap()).unwrap();
        assert_eq!(
            eur("1").checked_add(usd),
            Err(BillingError::CurrencyMismatch {
                left: "EUR".into(),
                right: "USD".into()
            })
        );
        assert!(eur("1").checked_sub(usd).is_err());
        assert!(Money::sum("EUR".parse().unwrap(), [eur("1"), usd]).is_err());
    }

    #[test]
    fn sums_are_exact() {
        let total = Money::sum("EUR".parse().unwrap(), [eur("0.1"), eur("0.2")]).unwrap();
        assert_eq!(total, eur("0.3"));
        assert_eq!(eur("0.3").checked_sub(eur("0.1")).unwrap(), eur("0.2"));
    }

    #[test]
    fn overflow_is_an_error_not_a_wrap() {
        let big = Money::new(Decimal::MAX, "EUR".parse().unwrap());
        assert_eq!(big.checked_add(eur("1")), Err(BillingError::AmountOverflow));
        assert_eq!(big.checked_mul(Decimal::TWO), Err(BillingError::AmountOverflow));
        assert_eq!(
            eur("1").checked_div(Decimal::ZERO),
            Err(BillingError::AmountOverflow)
        );
    }

    #[test]
    fn rounding_rules_differ_only_where_they_should() {
        assert_eq!(
            eur("112.896").round(Rounding::TowardZero).amount().to_string(),
            "112.89"
        );
        assert_eq!(
            eur("-112.896").round(Rounding::TowardZero).amount().to_string(),
            "-112.89"
        );
        assert_eq!(eur("0.125").round(Rounding::HalfUp).amount().to_string(), "0.13");
        assert_eq!(
            eur("-0.125").round(Rounding::HalfUp).amount().to_string(),
            "-0.13"
        );
        assert_eq!(
            eur("0.125").round(Rounding::HalfEven).amount().to_string(),
            "0.12"
        );
        assert_eq!(
            eur("0.135").round(Rounding::HalfEven).amount().to_string(),
            "0.14"
        );
    }

    #[test]
    fn rounding_keeps_the_currencys_decimals() {
        assert_eq!(
            eur("94").round(Rounding::TowardZero).amount().to_string(),
            "94.00"
        );
        let yen = Money::parse("1234.5", "JPY".parse().unwrap()).unwrap();
        assert_eq!(yen.round(Rounding::HalfUp).amount().to_string(), "1235");
        let dinar = Money::parse("1.23456", "KWD".parse().unwrap()).unwrap();
        assert_eq!(dinar.round(Rounding::TowardZero).amount().to_string(), "1.234");
    }

    #[test]
    fn billable_means_no_more_decimals_than_the_currency_has() {
        assert!(eur("10.08").is_billable());
        assert!(eur("10.080").is_billable());
        assert!(!eur("9.408").is_billable());
    }

    #[test]
    fn only_plain_decimals_parse() {
        assert_eq!(parse_decimal("10.08").unwrap().to_string(), "10.08");
        for bad in ["", "1e3", "1,000.00", "ten", "1.2.3", "0x10"] {
            assert_eq!(parse_decimal(bad), Err(BillingError::AmountInvalid), "{bad}");
        }
    }

    #[test]
    fn display_names_the_currency_first() {
        assert_eq!(eur("-94.08").to_string(), "EUR -94.08");
        assert!(eur("-94.08").is_negative());
        assert!(!eur("0").is_negative());
        assert_eq!(eur("94.08").negated(), eur("-94.08"));
    }
}
