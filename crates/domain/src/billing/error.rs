//! The errors of the billing rules. Like [`crate::Rule`], each has a stable name (the
//! Fluent message id derives from it), numeric arguments, and Partner Center's error code
//! where Partner Center has one (the 7-day windows: 900214 and 900213); never an English
//! sentence built here.

use std::fmt;

use crate::Arg;

/// Why a billing computation or change was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BillingError {
    /// Not an ISO 4217 code of a currency in use (funds, metals and superseded codes
    /// are refused too).
    CurrencyUnknown,
    /// Two amounts in different currencies met in one sum.
    CurrencyMismatch { left: String, right: String },
    /// An amount beyond what an exact decimal holds (about 7.9 × 10²⁸).
    AmountOverflow,
    /// Not a decimal amount (`10.08`), or a negative one where a price is asked for.
    AmountInvalid,
    /// Not `P1M`, `P1Y` or `P3Y`.
    TermUnknown,
    /// Not a billing plan Partnerdesk offers (`monthly`, `annual`, `triennial`).
    BillingPlanUnknown,
    /// The billing plan can't be chosen with this term (e.g. `annual` with `P1M`).
    BillingPlanNotForTerm { term: &'static str, plan: &'static str },
    /// No price of the price list is in effect on that date.
    NoPriceInEffect,
    /// Two prices of one market × term × plan are in effect on a same day.
    PricesOverlap,
    /// A price whose effective end comes before its start.
    PriceDatesReversed,
    /// A markup outside 0–1000 percent.
    MarkupOutOfRange { max_percent: i64 },
    /// An offer without a suggested retail price, for a rule that takes the ERP.
    ErpMissing,
    /// A tax rate outside 0–100 percent.
    TaxRateOutOfRange,
    /// Partner Center 900214: passed the window for reducing seats ("You have passed your
    /// {0}-hour window for reducing seats"); `refundable` seats could still be removed.
    SeatReductionWindowPassed { hours: i64, refundable: u32 },
    /// Partner Center 900213: passed the cancellation window ("You have passed your
    /// {0}-hour cancellation window").
    CancellationWindowPassed { hours: i64 },
    /// A seat change that changes nothing, or a removal of every seat (that is a
    /// cancellation).
    QuantityChangeInvalid,
    /// The event falls outside the charge cycle it is priced in.
    DateOutsideCycle,
    /// An invoice number prefix that is not 1–8 upper-case letters or digits.
    InvoicePrefixInvalid,
    /// The sequence no longer fits the invoice number's digits.
    InvoiceSequenceExhausted { digits: i64 },
    /// Not an invoice number of this prefix and width.
    InvoiceNumberInvalid,
    /// A date out of the calendar's range (year 9999 and beyond).
    DateOutOfRange,
}

impl BillingError {
    /// Partner Center's code where it has one; otherwise 3000, its generic "invalid
    /// property", as for [`crate::Rule`].
    pub fn code(&self) -> u32 {
        match self {
            BillingError::SeatReductionWindowPassed { .. } => 900214,
            BillingError::CancellationWindowPassed { .. } => 900213,
            _ => 3000,
        }
    }

    /// A stable, PascalCase name (the API's `errorName`).
    pub fn name(&self) -> &'static str {
        match self {
            BillingError::CurrencyUnknown => "CurrencyUnknown",
            BillingError::CurrencyMismatch { .. } => "CurrencyMismatch",
            BillingError::AmountOverflow => "AmountOverflow",
            BillingError::AmountInvalid => "AmountInvalid",
            BillingError::TermUnknown => "TermUnknown",
            BillingError::BillingPlanUnknown => "BillingPlanUnknown",
            BillingError::BillingPlanNotForTerm { .. } => "BillingPlanNotForTerm",
            BillingError::NoPriceInEffect => "NoPriceInEffect",
            BillingError::PricesOverlap => "PricesOverlap",
            BillingError::PriceDatesReversed => "PriceDatesReversed",
            BillingError::MarkupOutOfRange { .. } => "MarkupOutOfRange",
            BillingError::ErpMissing => "ErpMissing",
            BillingError::TaxRateOutOfRange => "TaxRateOutOfRange",
            BillingError::SeatReductionWindowPassed { .. } => "SeatReductionWindowPassed",
            BillingError::CancellationWindowPassed { .. } => "CancellationWindowPassed",
            BillingError::QuantityChangeInvalid => "QuantityChangeInvalid",
            BillingError::DateOutsideCycle => "DateOutsideCycle",
            BillingError::InvoicePrefixInvalid => "InvoicePrefixInvalid",
            BillingError::InvoiceSequenceExhausted { .. } => "InvoiceSequenceExhausted",
            BillingError::InvoiceNumberInvalid => "InvoiceNumberInvalid",
            BillingError::DateOutOfRange => "DateOutOfRange",
        }
    }

    /// The Fluent message id: `error-` and the kebab-case [`BillingError::name`].
    pub fn message_id(&self) -> String {
        crate::error::message_id(self.name())
    }

    /// The message arguments, as `(name, value)` pairs.
    pub fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            BillingError::CurrencyMismatch { left, right } => vec![
                ("left", Arg::Text(left.clone())),
                ("right", Arg::Text(right.clone())),
            ],
            BillingError::BillingPlanNotForTerm { term, plan } => vec![
                ("term", Arg::Text((*term).to_owned())),
                ("plan", Arg::Text((*plan).to_owned())),
            ],
            BillingError::MarkupOutOfRange { max_percent } => {
                vec![("max", Arg::Number(*max_percent))]
            }
            BillingError::SeatReductionWindowPassed { hours, refundable } => vec![
                ("hours", Arg::Number(*hours)),
                ("refundable", Arg::Number(i64::from(*refundable))),
            ],
            BillingError::CancellationWindowPassed { hours } => vec![("hours", Arg::Number(*hours))],
            BillingError::InvoiceSequenceExhausted { digits } => {
                vec![("digits", Arg::Number(*digits))]
            }
            _ => Vec::new(),
        }
    }
}

impl fmt::Display for BillingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.name(), self.code())
    }
}

impl std::error::Error for BillingError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_errors_carry_partner_centers_codes_and_the_hour_count() {
        let reduce = BillingError::SeatReductionWindowPassed {
            hours: 168,
            refundable: 2,
        };
        assert_eq!(reduce.code(), 900214);
        assert_eq!(reduce.message_id(), "error-seat-reduction-window-passed");
        assert_eq!(reduce.args()[0], ("hours", Arg::Number(168)));
        let cancel = BillingError::CancellationWindowPassed { hours: 168 };
        assert_eq!(cancel.code(), 900213);
        assert_eq!(cancel.args(), vec![("hours", Arg::Number(168))]);
    }

    #[test]
    fn other_errors_use_the_generic_code() {
        assert_eq!(BillingError::CurrencyUnknown.code(), 3000);
        assert_eq!(BillingError::PricesOverlap.to_string(), "PricesOverlap (3000)");
    }
}
