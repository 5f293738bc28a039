//! Currencies: an ISO 4217 code and its minor units (2 for EUR, 0 for JPY, 3 for KWD),
//! from the `iso_currency` crate's copy of the ISO table rather than a hand-kept list.

use std::fmt;
use std::str::FromStr;

use super::BillingError;

/// A currency in which prices are set and invoices are billed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency {
    code: [u8; 3],
    minor_units: u8,
}

impl Currency {
    /// Parses an ISO 4217 alphabetic code in any case. Funds (`CLF`), precious metals and
    /// other codes without minor units (`XAU`), and superseded codes (`HRK`) are refused:
    /// nobody is billed in them.
    pub fn parse(input: &str) -> Result<Self, BillingError> {
        let upper = input.trim().to_ascii_uppercase();
        let iso = iso_currency::Currency::from_code(&upper).ok_or(BillingError::CurrencyUnknown)?;
        if iso.is_fund() || iso.is_special() || iso.is_superseded().is_some() {
            return Err(BillingError::CurrencyUnknown);
        }
        let minor_units = iso
            .exponent()
            .and_then(|e| u8::try_from(e).ok())
            .ok_or(BillingError::CurrencyUnknown)?;
        let code = <[u8; 3]>::try_from(upper.as_bytes()).map_err(|_| BillingError::CurrencyUnknown)?;
        Ok(Self { code, minor_units })
    }

    /// The upper-case code, e.g. `EUR`.
    pub fn code(&self) -> &str {
        // Always three ASCII letters from the parse above.
        std::str::from_utf8(&self.code).unwrap_or("XXX")
    }

    /// How many decimals an amount billed in this currency has.
    pub fn minor_units(&self) -> u32 {
        u32::from(self.minor_units)
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Currency {
    type Err = BillingError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Currency::parse(s)
    }
}

#[cfg(test)]
#[expect(clippy::unwrap_used, reason = "a test fails loudly on an unexpected error")]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_in_any_case_with_their_minor_units() {
        let eur = Currency::parse(" eur ").unwrap();
        assert_eq!(eur.code(), "EUR");
        assert_eq!(eur.minor_units(), 2);
        assert_eq!(Currency::parse("JPY").unwrap().minor_units(), 0);
        assert_eq!(Currency::parse("KWD").unwrap().minor_units(), 3);
    }

    #[test]
    fn unknown_special_and_superseded_codes_are_refused() {
        for code in ["", "EU", "EURO", "ZZZ", "XAU", "CLF", "HRK"] {
            assert_eq!(
                Currency::parse(code),
                Err(BillingError::CurrencyUnknown),
                "{code}"
            );
        }
    }
}
