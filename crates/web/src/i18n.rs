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
        // No Unicode isolation marks: messages end up in JSON and in HTML attributes.
        customise: |bundle| bundle.set_use_isolating(false),
    };
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

#[cfg(test)]
mod tests {
    use super::*;

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
