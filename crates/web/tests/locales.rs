//! Every message exists in every locale, and no translation is still the English text.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const LOCALES: [&str; 5] = ["en-US", "zh-TW", "zh-CN", "fr-FR", "ru-RU"];

/// Messages whose text is the same in every language: the product's name, and messages
/// made only of their arguments.
const SAME_EVERYWHERE: &[&str] = &[
    "app-name",
    "page-title",
    "review-domain",
    "none-value",
    "activity-channel-api",
];

/// Messages that a language writes exactly as English does: Russian punctuates
/// "label: message" and "licenses, plan" the same way, French too; French says "Action"
/// and "Invitations" too.
const SAME_AS_ENGLISH: &[(&str, &str)] = &[
    ("ru-RU", "error-summary-item"),
    ("fr-FR", "activity-action"),
    ("fr-FR", "customer-invitations"),
    ("fr-FR", "charge-convert"),
    ("fr-FR", "billing-total"),
    ("fr-FR", "billing-dates"),
    ("zh-TW", "support-attachment-size"),
    ("zh-CN", "support-attachment-size"),
    ("fr-FR", "subscription-next-term-words"),
    ("ru-RU", "subscription-next-term-words"),
];

fn locales_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales")
}

/// `id → text` of every message of every `.ftl` file of a locale, by file.
fn messages(locale: &str) -> BTreeMap<(String, String), String> {
    let mut out = BTreeMap::new();
    let dir = locales_dir().join(locale);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    files.sort();
    for file in files {
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let mut current: Option<String> = None;
        for line in text.lines() {
            let starts_message =
                line.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) && line.contains(" =");
            if starts_message {
                let (id, value) = line.split_once(" =").unwrap_or_default();
                current = Some(id.trim().to_owned());
                out.insert((name.clone(), id.trim().to_owned()), value.trim().to_owned());
            } else if line.starts_with(' ')
                && let Some(id) = &current
                && let Some(value) = out.get_mut(&(name.clone(), id.clone()))
            {
                value.push('\n');
                value.push_str(line.trim());
            } else if !line.starts_with(' ') {
                current = None;
            }
        }
    }
    out
}

#[test]
fn every_locale_has_every_message_and_no_other() {
    let english = messages("en-US");
    assert!(english.len() > 50);
    for locale in &LOCALES[1..] {
        let translated = messages(locale);
        let missing: Vec<_> = english.keys().filter(|k| !translated.contains_key(*k)).collect();
        let extra: Vec<_> = translated.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{locale} lacks {missing:?}");
        assert!(extra.is_empty(), "{locale} has unknown {extra:?}");
    }
}

#[test]
fn no_translation_is_still_english() {
    let english = messages("en-US");
    for locale in &LOCALES[1..] {
        let translated = messages(locale);
        for (key, text) in &english {
            if SAME_EVERYWHERE.contains(&key.1.as_str())
                || SAME_AS_ENGLISH.contains(&(*locale, key.1.as_str()))
            {
                continue;
            }
            assert_ne!(
                translated.get(key),
                Some(text),
                "{locale} {key:?} is the English text"
            );
        }
    }
}

/// The ids of every locale's messages, whatever their file.
fn ids(locale: &str) -> std::collections::BTreeSet<String> {
    messages(locale).into_keys().map(|(_, id)| id).collect()
}

/// Every file under `dir` with extension `ext`.
fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        if path.is_dir() {
            out.extend(files(&path, ext));
        } else if path.extension().is_some_and(|x| x == ext) {
            out.push(path);
        }
    }
    out
}

/// Literals in the code that aren't message ids although they look like one.
const NOT_MESSAGES: &[&str] = &["order-placed", "date-time"];

/// The message ids the web crate names: every kebab-case string literal of its Rust code
/// whose first word is one that message ids begin with (`api-`, `page-`, `error-`, …),
/// and every id its templates pass to `t`, `t1` or `count`.
fn named_ids(known_prefixes: &std::collections::BTreeSet<String>) -> Vec<(String, PathBuf)> {
    let web = Path::new(env!("CARGO_MANIFEST_DIR"));
    let literal = regex::Regex::new(r#""([a-z]+(?:-[a-z0-9]+)+)""#).unwrap_or_else(|e| panic!("{e}"));
    let call = regex::Regex::new(r#"\b(?:t|t1|count)\("([a-z0-9-]+)""#).unwrap_or_else(|e| panic!("{e}"));
    let mut named = Vec::new();
    for file in files(&web.join("src"), "rs") {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for id in literal.captures_iter(&text).map(|c| c[1].to_owned()) {
            let prefix = id.split('-').next().unwrap_or_default();
            if known_prefixes.contains(prefix) && !NOT_MESSAGES.contains(&id.as_str()) {
                named.push((id, file.clone()));
            }
        }
    }
    for file in files(&web.join("templates"), "html") {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        named.extend(call.captures_iter(&text).map(|c| (c[1].to_owned(), file.clone())));
    }
    named
}

#[test]
fn every_message_the_code_names_exists_in_every_locale() {
    let english = ids("en-US");
    let prefixes = english
        .iter()
        .filter_map(|id| id.split('-').next())
        .map(str::to_owned)
        .collect();
    let named = named_ids(&prefixes);
    assert!(named.len() > 300, "found only {} ids", named.len());
    for locale in LOCALES {
        let known = ids(locale);
        let missing: Vec<_> = named.iter().filter(|(id, _)| !known.contains(id)).collect();
        assert!(missing.is_empty(), "{locale} lacks {missing:?}");
    }
}
