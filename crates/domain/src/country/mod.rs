//! Countries and their address rules: ISO 3166 alpha-2 codes, localized names, which
//! states exist, the postal-code format, supported cultures and languages, and whether the
//! organization registration number is required. Built once from keshvar's data.

mod postal;
mod registration;
mod states;

use std::collections::HashMap;
use std::fmt;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::{Locale, Rule};
pub use registration::RegistrationRule;

/// An ISO 3166-1 alpha-2 country code, upper-case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// Parses an alpha-2 code in any case. `UK` is refused with the suggestion `GB`, as
    /// are the other frequent non-ISO codes.
    pub fn parse(input: &str) -> Result<Self, Rule> {
        let input = input.trim();
        if input.is_empty() {
            return Err(Rule::Required);
        }
        let upper = input.to_ascii_uppercase();
        if let Ok(bytes) = <[u8; 2]>::try_from(upper.as_bytes())
            && let Some(info) = COUNTRIES.get(&bytes)
        {
            return Ok(info.code);
        }
        let suggestion = match upper.as_str() {
            "UK" | "EN" => Some("GB"),
            "EL" => Some("GR"),
            _ => None,
        };
        Err(Rule::CountryUnknown { suggestion })
    }

    pub fn as_str(&self) -> &str {
        // The bytes are always two ASCII upper-case letters from the parse above.
        std::str::from_utf8(&self.0).unwrap_or("ZZ")
    }

    /// This country's rules and names.
    pub fn info(&self) -> &'static CountryInfo {
        // Every CountryCode comes from COUNTRIES, so the lookup always succeeds.
        &COUNTRIES[&self.0]
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl TryFrom<String> for CountryCode {
    type Error = String;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        CountryCode::parse(&value).map_err(|_| format!("unknown country code {value:?}"))
    }
}

impl From<CountryCode> for String {
    fn from(code: CountryCode) -> Self {
        code.as_str().to_owned()
    }
}

/// A state, province or prefecture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct State {
    pub code: &'static str,
    pub name: &'static str,
}

/// Everything Partnerdesk knows about one country.
#[derive(Debug)]
pub struct CountryInfo {
    pub code: CountryCode,
    english_name: &'static str,
    names: [Option<&'static str>; 5],
    /// The states to choose from; empty where the country's addresses take free text.
    pub states: Vec<State>,
    postal: Option<Regex>,
    /// The pattern of `postal`, unanchored (Google's address data, via keshvar).
    pub postal_pattern: Option<&'static str>,
    /// A postal code in that format, shown with errors and hints.
    postal_example: Option<String>,
    /// Cultures (`ll-CC`) in order of preference; the first is the default.
    pub cultures: Vec<String>,
    /// Two-letter language codes in order of preference; the first is the default.
    pub languages: Vec<String>,
    pub registration: Option<RegistrationRule>,
    /// Calling codes, without `+`.
    pub calling_code: String,
    /// ISO 4217 code of the country's currency, which its orders are placed in.
    pub currency_code: String,
}

impl CountryInfo {
    /// The country's name in `locale`, falling back to English.
    pub fn name(&self, locale: Locale) -> &'static str {
        self.names[locale as usize].unwrap_or(self.english_name)
    }

    pub fn state_required(&self) -> bool {
        !self.states.is_empty()
    }

    pub fn postal_code_required(&self) -> bool {
        self.postal.is_some()
    }

    /// The anchored regex a postal code must match, if the country has one.
    pub fn postal_code_regex(&self) -> Option<String> {
        self.postal_pattern.map(|p| format!("^(?:{p})$"))
    }

    /// A postal code in the country's format, such as "98052".
    pub fn postal_code_example(&self) -> Option<&str> {
        self.postal_example.as_deref()
    }

    /// Finds a state by code or English name, in any case.
    pub fn state(&self, input: &str) -> Option<State> {
        let input = input.trim();
        self.states
            .iter()
            .find(|s| s.code.eq_ignore_ascii_case(input) || s.name.eq_ignore_ascii_case(input))
            .copied()
    }

    /// Does `postal_code` (already trimmed and upper-cased) fit the country's format?
    pub fn postal_code_matches(&self, postal_code: &str) -> bool {
        self.postal.as_ref().is_none_or(|re| re.is_match(postal_code))
    }

    pub fn default_culture(&self) -> &str {
        &self.cultures[0]
    }

    pub fn default_language(&self) -> &str {
        &self.languages[0]
    }
}

/// All countries, sorted by code.
pub fn all() -> impl Iterator<Item = &'static CountryInfo> {
    SORTED.iter().copied()
}

static COUNTRIES: LazyLock<HashMap<[u8; 2], CountryInfo>> = LazyLock::new(|| {
    keshvar::CountryIterator::new()
        .filter_map(|country| build(&country).map(|info| (info.code.0, info)))
        .collect()
});

static SORTED: LazyLock<Vec<&'static CountryInfo>> = LazyLock::new(|| {
    let mut all: Vec<_> = COUNTRIES.values().collect();
    all.sort_by_key(|c| c.code);
    all
});

fn build(country: &keshvar::Country) -> Option<CountryInfo> {
    let alpha2 = country.alpha2().to_string();
    let alpha2 = alpha2.as_str();
    let bytes: [u8; 2] = alpha2.as_bytes().try_into().ok()?;
    let translations = country.translations();
    let name_in = |keys: &[&str]| keys.iter().find_map(|k| translations.get(k).copied());
    let names = [
        name_in(&["en"]),
        name_in(&["zh_TW", "zh_HK"]),
        name_in(&["zh_CN", "zh"]),
        name_in(&["fr"]),
        name_in(&["ru"]),
    ];
    let states = states::STATES
        .iter()
        .find(|(c, _)| *c == alpha2)
        .map(|(_, list)| list.iter().map(|&(code, name)| State { code, name }).collect())
        .unwrap_or_default();
    let postal_pattern = country.postal_code_format().filter(|_| country.postal_code());
    let postal = postal_pattern.and_then(|p| Regex::new(&format!("^(?:{p})$")).ok());
    let (cultures, languages) = cultures_and_languages(alpha2, country.maybe_official_language_list());
    Some(CountryInfo {
        code: CountryCode(bytes),
        english_name: names[0].unwrap_or(country.iso_short_name()),
        names,
        states,
        postal,
        postal_example: postal_pattern.and_then(postal::example),
        postal_pattern,
        cultures,
        languages,
        registration: registration::rule_for(alpha2),
        calling_code: country.country_code().to_string(),
        currency_code: country.currency_code().to_string(),
    })
}

/// A country's cultures are its official languages with its own region, then `en-US`;
/// its languages are those languages, then English.
fn cultures_and_languages(alpha2: &str, official: Option<&[&str]>) -> (Vec<String>, Vec<String>) {
    let mut cultures = Vec::new();
    let mut languages = Vec::new();
    for lang in official.unwrap_or_default() {
        let lang = lang.to_ascii_lowercase();
        if lang.len() != 2 || !lang.bytes().all(|b| b.is_ascii_lowercase()) {
            continue;
        }
        let culture = format!("{lang}-{alpha2}");
        if !cultures.contains(&culture) {
            cultures.push(culture);
        }
        if !languages.contains(&lang) {
            languages.push(lang);
        }
    }
    if !cultures.iter().any(|c| c == "en-US") {
        cultures.push("en-US".to_owned());
    }
    if !languages.iter().any(|l| l == "en") {
        languages.push("en".to_owned());
    }
    (cultures, languages)
}

/// Parses a culture such as `EN-us` into `en-US` if `country` supports it.
pub fn parse_culture(input: &str, country: &CountryInfo) -> Result<String, Rule> {
    let input = input.trim().replace('_', "-");
    country
        .cultures
        .iter()
        .find(|c| c.eq_ignore_ascii_case(&input))
        .cloned()
        .ok_or(Rule::CultureUnsupported)
}

/// Parses a two-letter language code if `country` supports it.
pub fn parse_language(input: &str, country: &CountryInfo) -> Result<String, Rule> {
    let input = input.trim();
    country
        .languages
        .iter()
        .find(|l| l.eq_ignore_ascii_case(input))
        .cloned()
        .ok_or(Rule::LanguageUnsupported)
}

/// How a culture (`fr-CA`) or a language (`fr`) is shown in a list: the language's own name
/// with the code, as in "français (fr-CA)". Names in the language itself need no
/// translation and are what its speakers look for.
pub fn language_label(code: &str) -> String {
    /// Official languages of some country that ISO 639's table names in English only.
    const AUTONYMS: &[(&str, &str)] = &[
        ("ay", "Aymar aru"),
        ("fj", "vosa Vakaviti"),
        ("gn", "Avañe'ẽ"),
        ("kg", "Kikongo"),
        ("la", "Latina"),
        ("mh", "Kajin M̧ajeļ"),
        ("na", "Dorerin Naoero"),
    ];
    let language = code.split('-').next().unwrap_or_default();
    let name = isolang::Language::from_639_1(language)
        .and_then(|l| l.to_autonym())
        .or_else(|| AUTONYMS.iter().find(|(c, _)| *c == language).map(|(_, n)| *n));
    match name {
        Some(name) => format!("{name} ({code})"),
        None => code.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_of_every_country_has_its_own_name() {
        assert_eq!(language_label("fr-CA"), "français (fr-CA)");
        assert_eq!(language_label("ru"), "русский (ru)");
        assert_eq!(language_label("xx"), "xx");
        let unnamed: Vec<_> = all()
            .flat_map(|c| c.languages.iter())
            .filter(|l| language_label(l) == **l)
            .collect();
        assert!(unnamed.is_empty(), "{unnamed:?}");
    }

    fn code(s: &str) -> CountryCode {
        CountryCode::parse(s).unwrap_or_else(|e| panic!("{s}: {e:?}"))
    }

    #[test]
    fn codes_parse_in_any_case_and_uk_suggests_gb() {
        assert_eq!(code("gb").as_str(), "GB");
        assert_eq!(
            CountryCode::parse("UK"),
            Err(Rule::CountryUnknown {
                suggestion: Some("GB")
            })
        );
        assert_eq!(
            CountryCode::parse("XX"),
            Err(Rule::CountryUnknown { suggestion: None })
        );
        assert_eq!(
            CountryCode::parse("USA"),
            Err(Rule::CountryUnknown { suggestion: None })
        );
        assert_eq!(CountryCode::parse(" "), Err(Rule::Required));
    }

    #[test]
    fn there_are_about_250_countries() {
        assert!(all().count() >= 245);
    }

    #[test]
    fn names_are_localized() {
        let tw = code("TW").info();
        assert_eq!(tw.name(Locale::ZhTw), "臺灣");
        assert_eq!(tw.name(Locale::ZhCn), "台湾");
        assert_eq!(code("FR").info().name(Locale::RuRu), "Франция");
        assert_eq!(code("DE").info().name(Locale::FrFr), "Allemagne");
    }

    #[test]
    fn the_eight_state_countries_have_lists() {
        for (cc, count) in [
            ("US", 51),
            ("CA", 13),
            ("AU", 8),
            ("BR", 27),
            ("CN", 31),
            ("IN", 36),
            ("MX", 32),
            ("JP", 47),
        ] {
            let info = code(cc).info();
            assert!(info.state_required(), "{cc}");
            assert_eq!(info.states.len(), count, "{cc}");
        }
        assert!(!code("FR").info().state_required());
        let us = code("US").info();
        assert_eq!(us.state("wa").map(|s| s.code), Some("WA"));
        assert_eq!(us.state("washington").map(|s| s.code), Some("WA"));
        assert_eq!(us.state("PR"), None, "Puerto Rico is a country of its own");
    }

    #[test]
    fn postal_codes_follow_the_country_format() {
        let us = code("US").info();
        assert!(us.postal_code_matches("98052"));
        assert!(us.postal_code_matches("98052-6399"));
        assert!(!us.postal_code_matches("9805"));
        assert!(!us.postal_code_matches("98052 x"));
        assert!(code("TW").info().postal_code_matches("10617"));
        assert!(code("FR").info().postal_code_matches("75008"));
        assert!(!code("RU").info().postal_code_matches("1234"));
        assert!(code("GB").info().postal_code_matches("SW1A 1AA"));
        assert!(code("CA").info().postal_code_matches("K1A 0B1"));
        let hk = code("HK").info();
        assert!(!hk.postal_code_required(), "Hong Kong has no postal codes");
    }

    #[test]
    fn cultures_and_languages_come_from_the_country() {
        let fr = code("FR").info();
        assert_eq!(fr.default_culture(), "fr-FR");
        assert_eq!(fr.default_language(), "fr");
        assert!(fr.cultures.iter().any(|c| c == "en-US"));
        assert_eq!(code("US").info().default_culture(), "en-US");
        assert_eq!(code("TW").info().default_culture(), "zh-TW");
        assert_eq!(parse_culture("EN-us", code("US").info()), Ok("en-US".to_owned()));
        assert_eq!(
            parse_culture("de-DE", code("US").info()),
            Err(Rule::CultureUnsupported)
        );
        assert_eq!(parse_language("FR", fr), Ok("fr".to_owned()));
        assert_eq!(parse_language("ja", fr), Err(Rule::LanguageUnsupported));
        assert_eq!(fr.currency_code, "EUR");
        assert_eq!(code("TW").info().currency_code, "TWD");
    }
}
