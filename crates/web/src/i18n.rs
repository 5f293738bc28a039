//! Messages in the user's language, from the Fluent files in `locales/`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use partnerdesk_domain::{Arg, Locale, Rule};
use unic_langid::LanguageIdentifier;

static_loader! {
    static LOCALES = {
        locales: "../../locales",
        fallback_language: "en-US",
        customise: |bundle| {
            // No Unicode isolation marks: messages end up in JSON and in HTML attributes.
            bundle.set_use_isolating(false);
            let locale = bundle.locales.first().and_then(|l| Locale::from_tag(&l.to_string()));
            bundle.set_formatter(Some(match locale.unwrap_or(Locale::EnUs) {
                Locale::EnUs => grouped::<{ Locale::EnUs as usize }, _>,
                Locale::ZhTw => grouped::<{ Locale::ZhTw as usize }, _>,
                Locale::ZhCn => grouped::<{ Locale::ZhCn as usize }, _>,
                Locale::FrFr => grouped::<{ Locale::FrFr as usize }, _>,
                Locale::RuRu => grouped::<{ Locale::RuRu as usize }, _>,
            }));
        },
    };
}

/// Whole numbers in messages ("Use at most 5,000 characters") grouped as the locale
/// writes them; Fluent's own formatting has no grouping. One instance per locale, as a
/// formatter is a plain function.
fn grouped<const LOCALE: usize, M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) if n.value.fract() == 0.0 && n.value.abs() < 1e15 => {
            #[allow(clippy::cast_possible_truncation)] // whole and within i64, checked above
            Some(crate::cldr::format_number(Locale::ALL[LOCALE], n.value as i64))
        }
        _ => None,
    }
}

static IDS: LazyLock<[LanguageIdentifier; 5]> =
    LazyLock::new(|| Locale::ALL.map(|l| l.tag().parse().unwrap_or_default()));

fn language(locale: Locale) -> &'static LanguageIdentifier {
    &IDS[locale as usize]
}

/// The message `id` in `locale` (English when the locale lacks it).
pub fn text(locale: Locale, id: &str) -> String {
    LOCALES.lookup(language(locale), id)
}

/// The message `id` with arguments.
pub fn text_with(locale: Locale, id: &str, args: &[(&str, Arg)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
        .iter()
        .map(|(name, value)| {
            let value = match value {
                Arg::Text(t) => FluentValue::from(t.clone()),
                Arg::Number(n) => FluentValue::from(*n),
            };
            (Cow::Owned((*name).to_owned()), value)
        })
        .collect();
    LOCALES.lookup_with_args(language(locale), id, &args)
}

/// The message that explains a refused value.
pub fn rule(locale: Locale, rule: &Rule) -> String {
    text_with(locale, &rule.message_id(), &rule.args())
}

/// `items` in the order of `locale`'s collation of their `name` (CLDR's, through ICU4X:
/// "Égypte" before "Espagne" in French, stroke order in Traditional Chinese, pinyin in
/// Simplified Chinese).
pub fn sort_by_name<T>(locale: Locale, items: &mut [T], name: impl Fn(&T) -> &str) {
    match crate::cldr::collator(locale) {
        Some(collator) => items.sort_by(|a, b| collator.compare(name(a), name(b))),
        None => items.sort_by_cached_key(|item| partnerdesk_domain::names::fold(name(item))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(locale: Locale, names: &[&'static str]) -> Vec<&'static str> {
        let mut names = names.to_vec();
        sort_by_name(locale, &mut names, |n| n);
        names
    }

    #[test]
    fn names_sort_in_each_locales_collation() {
        assert_eq!(
            sorted(
                Locale::FrFr,
                &["Woodgrove", "Espagne", "Électricité Dupont", "école"]
            ),
            ["école", "Électricité Dupont", "Espagne", "Woodgrove"]
        );
        assert_eq!(
            sorted(Locale::RuRu, &["Ёлка", "Яблоко", "Ель", "Абрикос", "Zeta"]),
            ["Абрикос", "Ёлка", "Ель", "Яблоко", "Zeta"],
            "Cyrillic first, in its alphabet's order; Ё sorts as Е"
        );
        // Pinyin: bā (八) before yī (一); by strokes 一 (one) before 八 (two).
        assert_eq!(sorted(Locale::ZhCn, &["一", "八"]), ["八", "一"]);
        assert_eq!(sorted(Locale::ZhTw, &["八", "一"]), ["一", "八"]);
    }

    #[test]
    fn numbers_in_messages_are_grouped_too() {
        let max = Rule::QuantityOutOfRange { min: 1, max: 5000 };
        assert_eq!(
            rule(Locale::EnUs, &max),
            "Enter a number of licenses from 1 to 5,000."
        );
        assert!(
            rule(Locale::FrFr, &max).contains("5\u{202f}000"),
            "{}",
            rule(Locale::FrFr, &max)
        );
        assert!(
            rule(Locale::RuRu, &max).contains("5\u{a0}000"),
            "{}",
            rule(Locale::RuRu, &max)
        );
    }

    #[test]
    fn messages_take_arguments_and_plural_forms() {
        assert_eq!(
            rule(Locale::EnUs, &Rule::TooLong { max: 1 }),
            "Use at most 1 character."
        );
        assert_eq!(
            rule(Locale::EnUs, &Rule::TooLong { max: 50 }),
            "Use at most 50 characters."
        );
        assert_eq!(
            rule(
                Locale::EnUs,
                &Rule::CountryUnknown {
                    suggestion: Some("GB")
                }
            ),
            "Use the ISO 3166 code GB for this country."
        );
        assert!(rule(Locale::EnUs, &Rule::CountryUnknown { suggestion: None }).contains("such as US"));
    }
}
