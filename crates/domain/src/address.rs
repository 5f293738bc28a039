//! Postal addresses, checked against the country's rules.

use serde::{Deserialize, Serialize};

use crate::country::CountryCode;
use crate::error::Errors;
use crate::names::{optional_text, required_text};

/// The longest address line.
pub const LINE_MAX: usize = 200;
/// The longest city name.
pub const CITY_MAX: usize = 100;
/// The longest state or region typed as free text.
pub const STATE_MAX: usize = 100;
/// The longest postal code.
pub const POSTAL_CODE_MAX: usize = 20;
use crate::{Field, FieldError, Rule};

/// The raw text of an address as a form or a request gives it.
#[derive(Debug, Clone, Default)]
pub struct AddressInput<'a> {
    pub country: &'a str,
    pub address_line1: &'a str,
    pub address_line2: &'a str,
    pub city: &'a str,
    pub state: &'a str,
    pub postal_code: &'a str,
}

/// A checked address: ISO country, 1–200 character first line, state from the country's
/// list where it has one, postal code in the country's format where it has one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub country: CountryCode,
    pub address_line1: String,
    pub address_line2: Option<String>,
    pub city: String,
    pub state: Option<String>,
    pub postal_code: Option<String>,
}

impl Address {
    pub fn parse(input: &AddressInput<'_>) -> Result<Self, Vec<FieldError>> {
        let mut errors = Errors::default();
        let country = errors.field(Field::Country, CountryCode::parse(input.country));
        let line1 = errors.field(Field::AddressLine1, required_text(input.address_line1, LINE_MAX));
        let line2 = errors.field(Field::AddressLine2, optional_text(input.address_line2, LINE_MAX));
        let city = errors.field(Field::City, required_text(input.city, CITY_MAX));
        let (state, postal_code) = match country {
            Some(country) => (
                errors.field(Field::State, parse_state(input.state, country)),
                errors.field(Field::PostalCode, parse_postal_code(input.postal_code, country)),
            ),
            None => (None, None),
        };
        match (country, line1, line2, city, state, postal_code) {
            (
                Some(country),
                Some(address_line1),
                Some(address_line2),
                Some(city),
                Some(state),
                Some(postal_code),
            ) if errors.is_empty() => Ok(Self {
                country,
                address_line1,
                address_line2,
                city,
                state,
                postal_code,
            }),
            _ => Err(errors.into_vec()),
        }
    }
}

/// A state from the country's list (by code or English name, returned as the code), or
/// free text up to 100 characters where the country has no list.
pub fn parse_state(input: &str, country: CountryCode) -> Result<Option<String>, Rule> {
    let info = country.info();
    if !info.state_required() {
        return optional_text(input, STATE_MAX);
    }
    if input.trim().is_empty() {
        return Err(Rule::Required);
    }
    info.state(input)
        .map(|s| Some(s.code.to_owned()))
        .ok_or(Rule::StateUnknown)
}

/// A postal code in the country's format, normalized to upper case with single spaces;
/// optional text up to 20 characters where the country has no format.
pub fn parse_postal_code(input: &str, country: CountryCode) -> Result<Option<String>, Rule> {
    let normalized = optional_text(input, POSTAL_CODE_MAX)?.map(|p| p.to_uppercase());
    let info = country.info();
    match normalized {
        None if info.postal_code_required() => Err(Rule::Required),
        None => Ok(None),
        Some(code) if info.postal_code_matches(&code) => Ok(Some(code)),
        Some(_) => Err(Rule::PostalCodeFormat {
            example: info.postal_code_example().unwrap_or_default().to_owned(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn us() -> AddressInput<'static> {
        AddressInput {
            country: "us",
            address_line1: "1 Microsoft Way",
            address_line2: "",
            city: "Redmond",
            state: "wa",
            postal_code: "98052",
        }
    }

    #[test]
    fn a_valid_address_is_normalized() {
        let address = Address::parse(&us()).ok();
        let Some(address) = address else { panic!("valid") };
        assert_eq!(address.country.as_str(), "US");
        assert_eq!(address.state.as_deref(), Some("WA"));
        assert_eq!(address.address_line2, None);
    }

    #[test]
    fn every_wrong_field_is_reported_at_once() {
        let input = AddressInput {
            address_line1: "",
            city: " ",
            state: "ZZ",
            postal_code: "ABCDE",
            ..us()
        };
        let errors = Address::parse(&input).err().unwrap_or_default();
        let fields: Vec<_> = errors.iter().map(|e| (e.field, e.rule.clone())).collect();
        assert_eq!(
            fields,
            vec![
                (Field::AddressLine1, Rule::Required),
                (Field::City, Rule::Required),
                (Field::State, Rule::StateUnknown),
                (
                    Field::PostalCode,
                    Rule::PostalCodeFormat {
                        example: "12345".into()
                    }
                ),
            ]
        );
    }

    #[test]
    fn countries_without_a_state_list_take_free_text_or_nothing() {
        let input = AddressInput {
            country: "FR",
            state: "",
            postal_code: "75008",
            city: "Paris",
            ..us()
        };
        assert!(Address::parse(&input).is_ok());
    }

    #[test]
    fn lines_are_limited_to_200_characters() {
        let long = "a".repeat(201);
        let input = AddressInput {
            address_line1: &long,
            address_line2: &long,
            ..us()
        };
        let errors = Address::parse(&input).err().unwrap_or_default();
        assert_eq!(errors.len(), 2);
        assert!(errors.iter().all(|e| e.rule == Rule::TooLong { max: 200 }));
    }

    #[test]
    fn postal_codes_are_required_only_where_the_country_has_them() {
        let gb = CountryCode::parse("GB").ok();
        let hk = CountryCode::parse("HK").ok();
        let (Some(gb), Some(hk)) = (gb, hk) else {
            panic!("known countries")
        };
        assert_eq!(parse_postal_code("sw1a  1aa", gb), Ok(Some("SW1A 1AA".into())));
        assert_eq!(parse_postal_code("", gb), Err(Rule::Required));
        assert_eq!(parse_postal_code("", hk), Ok(None));
    }
}
