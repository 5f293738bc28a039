//! Phone numbers, checked against libphonenumber's data and stored in E.164.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::Rule;
use crate::country::CountryCode;

/// A phone number valid for its country, in E.164 (`+14255550100`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PhoneNumber(String);

impl PhoneNumber {
    /// Parses a national number of `country`, or an international one (`+…`), which must
    /// then be valid in its own country.
    pub fn parse(input: &str, country: CountryCode) -> Result<Self, Rule> {
        let input = input.trim();
        if input.is_empty() {
            return Err(Rule::Required);
        }
        if input.chars().count() > 40 {
            return Err(Rule::TooLong { max: 40 });
        }
        // An international number is parsed without a default country: given one, the
        // phonenumber crate strips that country's trunk prefix from the foreign number
        // ("+33 1 42…" read for US loses its "1").
        let id = if input.starts_with('+') {
            None
        } else {
            country.as_str().parse::<phonenumber::country::Id>().ok()
        };
        let number = phonenumber::parse(id, input).map_err(|_| Rule::PhoneInvalid)?;
        if !phonenumber::is_valid(&number) {
            return Err(Rule::PhoneInvalid);
        }
        let e164 = number.format().mode(phonenumber::Mode::E164).to_string();
        Ok(Self(e164))
    }

    /// Restores a number this type produced earlier (read back from storage).
    pub fn from_e164(stored: String) -> Self {
        Self(stored)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number as people of `country` write it: in its national format when it is a
    /// number of that country ("(425) 555-0100"), else in the international one
    /// ("+33 1 42 68 53 00"); as stored when it can't be read.
    pub fn for_display(&self, country: CountryCode) -> String {
        display(&self.0, country)
    }
}

/// A stored (E.164) number as [`PhoneNumber::for_display`] shows it.
pub fn display(stored: &str, country: CountryCode) -> String {
    let Ok(number) = phonenumber::parse(None, stored) else {
        return stored.to_owned();
    };
    let home = country.as_str().parse::<phonenumber::country::Id>().ok();
    let mode = if home.is_some() && number.country().id() == home {
        phonenumber::Mode::National
    } else {
        phonenumber::Mode::International
    };
    number.format().mode(mode).to_string()
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(input: &str, country: &str) -> Result<String, Rule> {
        let country = CountryCode::parse(country).map_err(|_| Rule::InvalidId)?;
        PhoneNumber::parse(input, country).map(|p| p.0)
    }

    #[test]
    fn national_and_international_numbers_become_e164() {
        assert_eq!(parse("(206) 555-0182", "US"), Ok("+12065550182".into()));
        assert_eq!(parse("02 2345 6789", "TW"), Ok("+886223456789".into()));
        assert_eq!(parse("01 42 68 53 00", "FR"), Ok("+33142685300".into()));
        assert_eq!(parse("+33 1 42 68 53 00", "US"), Ok("+33142685300".into()));
        assert_eq!(parse("8 (495) 123-45-67", "RU"), Ok("+74951234567".into()));
    }

    #[test]
    fn numbers_are_shown_as_their_reader_writes_them() {
        let country = |c: &str| CountryCode::parse(c).unwrap_or_else(|_| panic!("{c}"));
        assert_eq!(display("+14255550100", country("US")), "(425) 555-0100");
        assert_eq!(display("+33142685300", country("FR")), "01 42 68 53 00");
        assert_eq!(display("+33142685300", country("US")), "+33 1 42 68 53 00");
        assert_eq!(display("+74951234567", country("RU")), "8 (495) 123-45-67");
        assert_eq!(display("not stored by us", country("US")), "not stored by us");
    }

    #[test]
    fn numbers_that_cannot_exist_are_refused() {
        assert_eq!(parse("12345", "US"), Err(Rule::PhoneInvalid));
        assert_eq!(parse("not a phone", "FR"), Err(Rule::PhoneInvalid));
        assert_eq!(parse("+1 000 000 0000", "US"), Err(Rule::PhoneInvalid));
        assert_eq!(parse("", "US"), Err(Rule::Required));
    }
}
