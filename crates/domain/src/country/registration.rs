//! Organization registration numbers. Partner Center requires one (and the organization's
//! phone number) for companies in 24 countries, and refuses one everywhere else. The
//! formats are each country's common company tax or registration identifier.

use regex::Regex;

/// The registration number a country requires, with its format.
#[derive(Debug)]
pub struct RegistrationRule {
    /// The anchored regex, shown to users as the expected format (Partner Center 600050).
    pub pattern: &'static str,
    /// An example that matches.
    pub sample: &'static str,
    regex: Regex,
}

impl RegistrationRule {
    /// Normalizes (trims, removes inner spaces, upper-cases) and checks `input`.
    pub fn parse(&self, input: &str) -> Result<String, crate::Rule> {
        let normalized: String = input
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_uppercase();
        if normalized.is_empty() {
            return Err(crate::Rule::RegistrationNumberRequired);
        }
        if self.regex.is_match(&normalized) {
            Ok(normalized)
        } else {
            Err(crate::Rule::RegistrationNumberInvalid {
                pattern: self.pattern,
                sample: self.sample,
            })
        }
    }
}

/// `(country, pattern, sample)` for the 24 countries of Partner Center's list.
const RULES: &[(&str, &str, &str)] = &[
    ("AE", r"^\d{15}$", "100123456700003"),
    ("AM", r"^\d{8}$", "02512345"),
    ("AZ", r"^\d{10}$", "1701234561"),
    (
        "BR",
        r"^\d{2}\.?\d{3}\.?\d{3}/?\d{4}-?\d{2}$",
        "12.345.678/0001-95",
    ),
    ("BY", r"^\d{9}$", "190123456"),
    ("HU", r"^\d{8}(-?\d-?\d{2})?$", "12345678-2-41"),
    (
        "IN",
        r"^([A-Z]{5}\d{4}[A-Z]|\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z])$",
        "27AAPFU0939F1ZV",
    ),
    ("IQ", r"^[A-Z0-9][A-Z0-9/-]{3,19}$", "B-123456"),
    ("KG", r"^\d{14}$", "01234567890123"),
    ("KZ", r"^\d{12}$", "123456789012"),
    ("MD", r"^\d{13}$", "1003600012345"),
    ("MM", r"^\d{9}$", "123456789"),
    ("PL", r"^\d{3}-?\d{3}-?\d{2}-?\d{2}$", "123-456-32-18"),
    ("RU", r"^(\d{10}|\d{12})$", "7707083893"),
    ("SA", r"^\d{10}$", "1010123456"),
    ("SS", r"^[A-Z0-9][A-Z0-9/-]{3,19}$", "JUB-12345"),
    ("TH", r"^\d{13}$", "0105551234567"),
    ("TJ", r"^\d{9}$", "010123456"),
    ("TR", r"^\d{10}$", "1234567890"),
    ("UA", r"^(\d{8}|\d{10})$", "12345678"),
    ("UZ", r"^\d{9}$", "301234567"),
    ("VE", r"^[JGVEP]-?\d{8}-?\d$", "J-12345678-9"),
    ("VN", r"^\d{10}(-?\d{3})?$", "0101234567"),
    ("ZA", r"^\d{4}/\d{6}/\d{2}$", "2001/123456/07"),
];

pub(super) fn rule_for(alpha2: &str) -> Option<RegistrationRule> {
    let &(_, pattern, sample) = RULES.iter().find(|(c, _, _)| *c == alpha2)?;
    Some(RegistrationRule {
        pattern,
        sample,
        regex: Regex::new(pattern).ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Rule;
    use crate::country::CountryCode;

    #[test]
    fn exactly_the_24_countries_require_a_number() {
        assert_eq!(RULES.len(), 24);
        let required = crate::country::all().filter(|c| c.registration.is_some()).count();
        assert_eq!(required, 24);
    }

    #[test]
    fn every_sample_matches_its_own_pattern() {
        for (country, _, sample) in RULES {
            let rule = rule_for(country).unwrap_or_else(|| panic!("{country}"));
            assert!(rule.parse(sample).is_ok(), "{country} {sample}");
        }
    }

    #[test]
    fn numbers_are_normalized_and_checked() {
        let ru = CountryCode::parse("RU").map(|c| c.info()).ok();
        let rule = ru.and_then(|r| r.registration.as_ref());
        let Some(rule) = rule else {
            panic!("RU requires a number")
        };
        assert_eq!(rule.parse(" 7707 083893 "), Ok("7707083893".to_owned()));
        assert_eq!(
            rule.parse("12345"),
            Err(Rule::RegistrationNumberInvalid {
                pattern: r"^(\d{10}|\d{12})$",
                sample: "7707083893",
            })
        );
        assert_eq!(rule.parse("  "), Err(Rule::RegistrationNumberRequired));
    }
}
