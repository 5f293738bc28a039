//! The five languages Partnerdesk speaks, and how a request's language is chosen.

use strum::{Display, IntoStaticStr};

/// A supported interface language, named by its BCP 47 tag. The order of [`Locale::ALL`]
/// is the switcher's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord, Display, IntoStaticStr)]
pub enum Locale {
    #[default]
    #[strum(serialize = "en-US")]
    EnUs,
    #[strum(serialize = "zh-TW")]
    ZhTw,
    #[strum(serialize = "zh-CN")]
    ZhCn,
    #[strum(serialize = "fr-FR")]
    FrFr,
    #[strum(serialize = "ru-RU")]
    RuRu,
}

impl Locale {
    pub const ALL: [Locale; 5] = [
        Locale::EnUs,
        Locale::ZhTw,
        Locale::ZhCn,
        Locale::FrFr,
        Locale::RuRu,
    ];

    /// The BCP 47 tag: `en-US`, `zh-TW`, `zh-CN`, `fr-FR`, `ru-RU`.
    pub fn tag(self) -> &'static str {
        self.into()
    }

    /// The language's own name, for the language switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::EnUs => "English",
            Locale::ZhTw => "繁體中文",
            Locale::ZhCn => "简体中文",
            Locale::FrFr => "Français",
            Locale::RuRu => "Русский",
        }
    }

    /// Parses a tag exactly (case-insensitive, `_` or `-`): `fr-fr` and `FR_FR` are French.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let tag = tag.trim().replace('_', "-");
        Locale::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(&tag))
    }

    /// The closest supported locale for any language tag: `fr-CA` is French, `zh-Hant-HK`
    /// and `zh-HK` are Traditional Chinese, `zh` and `zh-Hans` Simplified, `ru-UA` Russian.
    pub fn closest(tag: &str) -> Option<Locale> {
        if let Some(exact) = Locale::from_tag(tag) {
            return Some(exact);
        }
        let lower = tag.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = lower.split('-');
        match parts.next()? {
            "en" => Some(Locale::EnUs),
            "fr" => Some(Locale::FrFr),
            "ru" => Some(Locale::RuRu),
            "zh" => {
                let traditional = lower
                    .split('-')
                    .skip(1)
                    .any(|p| matches!(p, "hant" | "tw" | "hk" | "mo"));
                Some(if traditional { Locale::ZhTw } else { Locale::ZhCn })
            }
            _ => None,
        }
    }

    /// The best match for an `Accept-Language` header, honouring q-values; `None` when the
    /// header names no language Partnerdesk speaks.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut best: Option<(f32, usize, Locale)> = None;
        for (position, item) in header.split(',').enumerate() {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or("").trim();
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok());
            // A weight is a number from 0 to 1 (RFC 9110 § 12.4.2); an item with any other
            // weight ("nan", "2", "x") is malformed and ignored, as is a refused (0) one.
            let Some(q) = q.filter(|q| *q > 0.0 && *q <= 1.0) else {
                continue;
            };
            if tag.is_empty() || tag == "*" {
                continue;
            }
            if let Some(locale) = Locale::closest(tag) {
                let better = match best {
                    None => true,
                    Some((bq, bp, _)) => q > bq || (q == bq && position < bp),
                };
                if better {
                    best = Some((q, position, locale));
                }
            }
        }
        best.map(|(_, _, l)| l)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_keep_their_tags() {
        let tags = Locale::ALL.map(Locale::tag);
        assert_eq!(tags, ["en-US", "zh-TW", "zh-CN", "fr-FR", "ru-RU"]);
        for locale in Locale::ALL {
            assert_eq!(locale.to_string(), locale.tag());
            assert_eq!(Locale::from_tag(locale.tag()), Some(locale));
        }
    }

    #[test]
    fn exact_tags_parse_in_any_case() {
        assert_eq!(Locale::from_tag("zh-tw"), Some(Locale::ZhTw));
        assert_eq!(Locale::from_tag("FR_FR"), Some(Locale::FrFr));
        assert_eq!(Locale::from_tag("de-DE"), None);
    }

    #[test]
    fn chinese_scripts_and_regions_pick_the_right_variant() {
        assert_eq!(Locale::closest("zh-Hant"), Some(Locale::ZhTw));
        assert_eq!(Locale::closest("zh-HK"), Some(Locale::ZhTw));
        assert_eq!(Locale::closest("zh-Hans-SG"), Some(Locale::ZhCn));
        assert_eq!(Locale::closest("zh"), Some(Locale::ZhCn));
    }

    #[test]
    fn accept_language_honours_q_values_and_skips_unknown_languages() {
        assert_eq!(
            Locale::from_accept_language("de-DE,fr;q=0.8,en;q=0.5"),
            Some(Locale::FrFr)
        );
        assert_eq!(
            Locale::from_accept_language("en;q=0.4, ru-RU;q=0.9"),
            Some(Locale::RuRu)
        );
        assert_eq!(Locale::from_accept_language("de, ja"), None);
        assert_eq!(Locale::from_accept_language("fr;q=0, ru"), Some(Locale::RuRu));
    }

    #[test]
    fn malformed_weights_do_not_win() {
        for weight in ["nan", "NaN", "2", "1.5", "-1", "inf", "x", ""] {
            let header = format!("fr;q={weight}, ru;q=0.1");
            assert_eq!(
                Locale::from_accept_language(&header),
                Some(Locale::RuRu),
                "{header}"
            );
        }
        assert_eq!(Locale::from_accept_language("fr;q=1, ru"), Some(Locale::FrFr));
    }
}
