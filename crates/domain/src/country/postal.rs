//! An example postal code for a country, made from its format, so that an error can show
//! what a right one looks like ("such as 98052").

use regex_syntax::hir::{Class, Hir, HirKind};

/// A postal code that `pattern` matches: the shortest form, digits counting up from 1,
/// letters the first their position allows; an optional single character (the space in
/// "A1A 1A1") is kept. `None` when the pattern can't be read.
pub(super) fn example(pattern: &str) -> Option<String> {
    let hir = regex_syntax::parse(pattern).ok()?;
    let mut out = String::new();
    let mut digits = (1..=9).chain(std::iter::once(0)).cycle();
    write(&hir, &mut out, &mut digits);
    Some(out)
}

fn write(hir: &Hir, out: &mut String, digits: &mut impl Iterator<Item = u32>) {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => {}
        HirKind::Literal(literal) => out.push_str(&String::from_utf8_lossy(&literal.0)),
        HirKind::Class(Class::Unicode(class)) => {
            let ranges = class.ranges();
            let holds = |c: char| ranges.iter().any(|r| r.start() <= c && c <= r.end());
            // The next counting digit the class allows, else its first character.
            let digit = digits
                .take(10)
                .filter_map(|d| char::from_digit(d, 10))
                .find(|c| holds(*c));
            out.extend(digit.or_else(|| ranges.first().map(|r| r.start())));
        }
        HirKind::Class(Class::Bytes(class)) => {
            out.extend(class.ranges().first().map(|r| char::from(r.start())));
        }
        HirKind::Repetition(repetition) => {
            let single = matches!(repetition.sub.kind(), HirKind::Literal(l) if l.0.len() == 1);
            let times = if repetition.min == 0 && repetition.max == Some(1) && single {
                1
            } else {
                repetition.min
            };
            for _ in 0..times {
                write(&repetition.sub, out, digits);
            }
        }
        HirKind::Capture(capture) => write(&capture.sub, out, digits),
        HirKind::Concat(parts) => parts.iter().for_each(|part| write(part, out, digits)),
        // The most general alternative: special cases ("GIR 0AA", "BFPO 1") are literals.
        HirKind::Alternation(alternatives) => {
            let general = alternatives.iter().rev().max_by_key(|a| classes(a));
            if let Some(general) = general {
                write(general, out, digits);
            }
        }
    }
}

/// How many character classes `hir` holds: how general a form it describes.
fn classes(hir: &Hir) -> usize {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) | HirKind::Literal(_) => 0,
        HirKind::Class(_) => 1,
        HirKind::Repetition(repetition) => classes(&repetition.sub),
        HirKind::Capture(capture) => classes(&capture.sub),
        HirKind::Concat(parts) | HirKind::Alternation(parts) => parts.iter().map(classes).sum(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::COUNTRIES;
    use super::*;

    #[test]
    fn examples_read_as_real_codes() {
        assert_eq!(example(r"\d{5}(?:[ \-]\d{4})?").as_deref(), Some("12345"));
        assert_eq!(
            example(r"GIR ?0AA|(?:AB|AL)\d[\dA-Z]? ?\d[ABD-HJLN-UW-Z]{2}|BFPO ?\d{1,4}").as_deref(),
            Some("AB1 2AA")
        );
        assert_eq!(
            example(r"[ABCEGHJKLMNPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d").as_deref(),
            Some("A1A 2A3")
        );
    }

    #[test]
    fn every_countrys_example_fits_its_format() {
        for info in COUNTRIES.values() {
            let Some(pattern) = info.postal_pattern else {
                continue;
            };
            let example = example(pattern).unwrap_or_default();
            assert!(
                info.postal_code_matches(&example),
                "{}: {example:?} for {pattern}",
                info.code.as_str()
            );
        }
    }
}
