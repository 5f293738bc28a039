//! Company and person names.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::Rule;

/// A company's legal name: 2–255 characters, with at least one letter or digit, and more
/// than a bare legal form ("LLC", "GmbH", "ООО", "有限公司" ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CompanyName(String);

/// Legal-form words and abbreviations that are not a company name on their own, compared
/// after lower-casing and removing everything but letters and digits.
const LEGAL_FORMS: &[&str] = &[
    "llc",
    "inc",
    "incorporated",
    "ltd",
    "limited",
    "corp",
    "corporation",
    "co",
    "company",
    "plc",
    "llp",
    "lp",
    "pllc",
    "gmbh",
    "ag",
    "kg",
    "ug",
    "ev",
    "sa",
    "sas",
    "sarl",
    "sasu",
    "eurl",
    "snc",
    "sl",
    "srl",
    "spa",
    "bv",
    "nv",
    "ab",
    "as",
    "asa",
    "oy",
    "aps",
    "kft",
    "zrt",
    "spzoo",
    "sro",
    "as",
    "pty",
    "ptyltd",
    "pvtltd",
    "pte",
    "pteltd",
    "bhd",
    "sdnbhd",
    "kk",
    "gk",
    "ооо",
    "ooo",
    "zao",
    "oao",
    "pao",
    "оао",
    "зао",
    "пао",
    "ао",
    "ип",
    "тов",
    "пат",
    "ат",
    "有限公司",
    "股份有限公司",
    "有限责任公司",
    "有限責任公司",
    "公司",
    "集团",
    "集團",
    "株式会社",
    "合同会社",
    "有限会社",
];

impl CompanyName {
    /// The longest company name.
    pub const MAX: usize = 255;

    pub fn parse(input: &str) -> Result<Self, Rule> {
        let name = collapse_spaces(input);
        let length = name.chars().count();
        if length == 0 {
            return Err(Rule::Required);
        }
        if length > Self::MAX {
            return Err(Rule::TooLong { max: Self::MAX });
        }
        let essential: String = name
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        if essential.is_empty() {
            return Err(Rule::NoLettersOrDigits);
        }
        if length == 1 {
            return Err(Rule::SingleCharacter);
        }
        if LEGAL_FORMS.contains(&essential.as_str()) {
            return Err(Rule::LegalFormOnly);
        }
        Ok(Self(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The key that name searches compare against: lower-case, spaces collapsed.
    pub fn search_key(&self) -> String {
        search_key(&self.0)
    }
}

impl fmt::Display for CompanyName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The key names are sorted and searched by: spaces collapsed, then [`fold`]ed, so
/// `"  acme   CORP"` finds `"Acme Corp"`, and "École" sorts and matches with "ecole".
pub fn search_key(input: &str) -> String {
    fold(&collapse_spaces(input))
}

/// Text as a search compares it: compatibility forms unified (full-width "ｃｏｎｔｏｓｏ" is
/// "contoso"), accents and other combining marks removed, lower case.
pub fn fold(input: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    input
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .nfc()
        .collect()
}

/// A person's first or last name: 1–50 characters with at least one letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PersonName(String);

impl PersonName {
    /// The longest first or last name.
    pub const MAX: usize = 50;

    pub fn parse(input: &str) -> Result<Self, Rule> {
        let name = collapse_spaces(input);
        let length = name.chars().count();
        if length == 0 {
            return Err(Rule::Required);
        }
        if length > Self::MAX {
            return Err(Rule::TooLong { max: Self::MAX });
        }
        if !name.chars().any(char::is_alphabetic) {
            return Err(Rule::NoLettersOrDigits);
        }
        Ok(Self(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PersonName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Optional free text such as an address line: trimmed, spaces collapsed, at most `max`
/// characters, no control characters. Empty input is `None`.
pub fn optional_text(input: &str, max: usize) -> Result<Option<String>, Rule> {
    let text = collapse_spaces(input);
    if text.is_empty() {
        return Ok(None);
    }
    if text.chars().count() > max {
        return Err(Rule::TooLong { max });
    }
    Ok(Some(text))
}

/// Required free text: as [`optional_text`], but empty input is [`Rule::Required`].
pub fn required_text(input: &str, max: usize) -> Result<String, Rule> {
    optional_text(input, max)?.ok_or(Rule::Required)
}

/// Trims, turns every run of white space or control characters into one space.
fn collapse_spaces(input: &str) -> String {
    input
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn company_names_follow_partner_centers_rules() {
        assert_eq!(
            CompanyName::parse("  Fabrikam   Ltd ").map(|n| n.0),
            Ok("Fabrikam Ltd".into())
        );
        assert_eq!(
            CompanyName::parse("臺灣科技有限公司").map(|n| n.0),
            Ok("臺灣科技有限公司".into())
        );
        assert_eq!(CompanyName::parse("X"), Err(Rule::SingleCharacter));
        assert_eq!(CompanyName::parse("貓"), Err(Rule::SingleCharacter));
        assert_eq!(CompanyName::parse(" "), Err(Rule::Required));
        assert_eq!(CompanyName::parse("!!! ..."), Err(Rule::NoLettersOrDigits));
        assert_eq!(CompanyName::parse("-"), Err(Rule::NoLettersOrDigits));
        for bare in [
            "LLC",
            "Inc.",
            "l.t.d",
            "GmbH",
            "ООО",
            "OOO",
            "有限公司",
            "S.A.R.L.",
            "Pty Ltd",
        ] {
            assert_eq!(CompanyName::parse(bare), Err(Rule::LegalFormOnly), "{bare}");
        }
        assert!(CompanyName::parse("3M").is_ok(), "two characters are a name");
        assert_eq!(
            CompanyName::parse(&"a".repeat(256)),
            Err(Rule::TooLong { max: 255 })
        );
        assert!(CompanyName::parse(&"a".repeat(255)).is_ok());
    }

    #[test]
    fn folding_ignores_case_accents_and_width() {
        assert_eq!(fold("École Électricité"), "ecole electricite");
        assert_eq!(fold("ｃｏｎｔｏｓｏ"), "contoso");
        assert_eq!(fold("ЁЛКА"), "елка");
        assert_eq!(fold("臺灣"), "臺灣");
        assert_eq!(search_key("  Straße  ÅB "), "straße ab");
    }

    #[test]
    fn search_keys_ignore_case_and_spacing() {
        let name = CompanyName::parse("Acme  Corp").ok();
        assert_eq!(name.map(|n| n.search_key()), Some("acme corp".into()));
        assert_eq!(search_key("  ACME   c"), "acme c");
    }

    #[test]
    fn person_names_are_1_to_50_characters_with_a_letter() {
        assert!(PersonName::parse("Ana").is_ok());
        assert!(PersonName::parse("李").is_ok(), "one character is a name");
        assert_eq!(PersonName::parse(""), Err(Rule::Required));
        assert_eq!(PersonName::parse("123"), Err(Rule::NoLettersOrDigits));
        assert_eq!(PersonName::parse(&"é".repeat(51)), Err(Rule::TooLong { max: 50 }));
        assert!(PersonName::parse(&"é".repeat(50)).is_ok());
    }

    #[test]
    fn free_text_is_trimmed_and_bounded() {
        assert_eq!(optional_text("  a\tb\n ", 10), Ok(Some("a b".into())));
        assert_eq!(optional_text("   ", 10), Ok(None));
        assert_eq!(required_text("", 10), Err(Rule::Required));
        assert_eq!(required_text("abcdef", 5), Err(Rule::TooLong { max: 5 }));
    }
}
