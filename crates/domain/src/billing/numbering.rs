//! Invoice numbers: each issuer (the operator, or a partner billing its customers) numbers
//! its invoices in one sequence without gaps, as a prefix and a zero-padded sequence
//! number (Partner Center's look: `G000024130`). The store keeps the last number per
//! issuer; these functions only make and read the text.

use std::fmt;

use super::BillingError;

/// Digits of the sequence part unless the issuer chooses otherwise: Partner Center's
/// `G000024130` has nine.
pub const DEFAULT_DIGITS: u32 = 9;

/// An issuer's invoice number prefix: 1–8 upper-case ASCII letters or digits, starting
/// with a letter.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct InvoicePrefix(String);

impl InvoicePrefix {
    pub fn parse(input: &str) -> Result<Self, BillingError> {
        let input = input.trim();
        let ok = (1..=8).contains(&input.len())
            && input.starts_with(|c: char| c.is_ascii_uppercase())
            && input
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        if ok {
            Ok(Self(input.to_owned()))
        } else {
            Err(BillingError::InvoicePrefixInvalid)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A formatted invoice number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct InvoiceNumber(String);

impl InvoiceNumber {
    /// The number of the `sequence`th invoice (from 1) of an issuer, its sequence padded
    /// with zeros to `digits`; refused once the sequence needs more digits than that.
    pub fn format(prefix: &InvoicePrefix, sequence: u64, digits: u32) -> Result<Self, BillingError> {
        let exhausted = BillingError::InvoiceSequenceExhausted {
            digits: i64::from(digits),
        };
        let limit = 10u64.checked_pow(digits);
        if sequence == 0 || digits == 0 || limit.is_some_and(|l| sequence >= l) {
            return Err(exhausted);
        }
        let width = usize::try_from(digits).map_err(|_| exhausted)?;
        Ok(Self(format!("{}{:0width$}", prefix.as_str(), sequence)))
    }

    /// The sequence number of `text`, if it is a number of this prefix and width.
    pub fn sequence_of(text: &str, prefix: &InvoicePrefix, digits: u32) -> Result<u64, BillingError> {
        let rest = text
            .strip_prefix(prefix.as_str())
            .ok_or(BillingError::InvoiceNumberInvalid)?;
        let width_ok = usize::try_from(digits).is_ok_and(|d| rest.len() == d);
        if !width_ok || !rest.bytes().all(|b| b.is_ascii_digit()) {
            return Err(BillingError::InvoiceNumberInvalid);
        }
        match rest.parse::<u64>() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(BillingError::InvoiceNumberInvalid),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for InvoiceNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The sequence number after `last` (the issuer's latest), 1 for its first invoice.
pub fn next_sequence(last: Option<u64>) -> Result<u64, BillingError> {
    match last {
        None => Ok(1),
        Some(n) => n
            .checked_add(1)
            .ok_or(BillingError::InvoiceSequenceExhausted { digits: 20 }),
    }
}

#[cfg(test)]
#[expect(clippy::unwrap_used, reason = "a test fails loudly on an unexpected error")]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_the_prefix_and_a_zero_padded_sequence() {
        let g = InvoicePrefix::parse("G").unwrap();
        assert_eq!(
            InvoiceNumber::format(&g, 24130, DEFAULT_DIGITS).unwrap().as_str(),
            "G000024130"
        );
        let pd = InvoicePrefix::parse("PD2024").unwrap();
        assert_eq!(
            InvoiceNumber::format(&pd, 1, 4).unwrap().to_string(),
            "PD20240001"
        );
        assert_eq!(
            InvoiceNumber::format(&pd, 9999, 4).unwrap().to_string(),
            "PD20249999"
        );
    }

    #[test]
    fn a_sequence_too_long_for_its_digits_is_refused() {
        let pd = InvoicePrefix::parse("PD").unwrap();
        assert_eq!(
            InvoiceNumber::format(&pd, 10000, 4),
            Err(BillingError::InvoiceSequenceExhausted { digits: 4 })
        );
        assert!(InvoiceNumber::format(&pd, 0, 4).is_err());
        assert!(InvoiceNumber::format(&pd, u64::MAX, 20).is_ok());
        assert!(InvoiceNumber::format(&pd, 5, 0).is_err());
    }

    #[test]
    fn numbers_read_back_to_their_sequence() {
        let g = InvoicePrefix::parse("G").unwrap();
        let n = InvoiceNumber::format(&g, 42, DEFAULT_DIGITS).unwrap();
        assert_eq!(InvoiceNumber::sequence_of(n.as_str(), &g, DEFAULT_DIGITS), Ok(42));
        for bad in ["D000000042", "G42", "G00000004x", "G000000000", "G0000000042"] {
            assert_eq!(
                InvoiceNumber::sequence_of(bad, &g, DEFAULT_DIGITS),
                Err(BillingError::InvoiceNumberInvalid)
            );
        }
    }

    #[test]
    fn sequences_follow_one_another_from_one() {
        assert_eq!(next_sequence(None), Ok(1));
        assert_eq!(next_sequence(Some(41)), Ok(42));
        assert!(next_sequence(Some(u64::MAX)).is_err());
        let g = InvoicePrefix::parse("G").unwrap();
        let a = InvoiceNumber::format(&g, 9, 9).unwrap();
        let b = InvoiceNumber::format(&g, 10, 9).unwrap();
        assert!(a < b, "numbers of one width sort in sequence order");
    }

    #[test]
    fn prefixes_are_short_upper_case_words() {
        for ok in ["G", "PD", "INV2024", "ABCDEFGH"] {
            assert!(InvoicePrefix::parse(ok).is_ok(), "{ok}");
        }
        for bad in ["", "g", "1A", "PD-", "ABCDEFGHI", "É"] {
            assert_eq!(
                InvoicePrefix::parse(bad),
                Err(BillingError::InvoicePrefixInvalid),
                "{bad}"
            );
        }
    }
}
