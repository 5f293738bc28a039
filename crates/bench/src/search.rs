//! The Customers search at scale: `seed-sql` writes the SQL that adds customers with
//! made-up but varied names straight into a database (minutes, where the API takes an
//! hour), and `search` loads the portal's Customers page with searches of every kind.
//!
//! A name is a word of three syllables (consonant and vowel, 108 of them: 1,259,712
//! words, each customer its own), a trade and, for a third of them, a second word:
//! "Kovale Bank", "Ruzami Foods Tesobi". So a whole word matches one name or a few (rare),
//! four letters a few hundred (some), a trade one name in 20 (frequent), and two letters
//! thousands (short).

use std::sync::Arc;

use crate::{load, signed_in};

const CONSONANTS: &str = "bcdfghjklmnprstvwz";
const VOWELS: &str = "aeiouy";
/// Three syllables of 108.
const WORDS: u64 = 108 * 108 * 108;
/// Multipliers that shuffle customer numbers over the words (prime to `WORDS`).
const FIRST: u64 = 48_271;
const SECOND: u64 = 65_537;
const TRADES: [&str; 20] = [
    "Bank",
    "Bikes",
    "Labs",
    "Foods",
    "Health",
    "Logistics",
    "Partners",
    "Systems",
    "Ventures",
    "Studio",
    "Consulting",
    "Energy",
    "Retail",
    "Legal",
    "Dental",
    "Motors",
    "Media",
    "Farms",
    "Travel",
    "Builders",
];

/// The first word of customer `g`'s name, as the seeding SQL makes it.
fn word(g: u64) -> String {
    let k = g.wrapping_mul(FIRST) % WORDS;
    (0..3)
        .map(|i| {
            let s = usize::try_from(k / 108u64.pow(i) % 108).unwrap_or_default();
            format!("{}{}", &CONSONANTS[s / 6..s / 6 + 1], &VOWELS[s % 6..s % 6 + 1])
        })
        .collect()
}

/// SQL that adds `count` customers of `partner` (an indirect provider's id) on
/// `backend` (`sqlite` or `postgres`), as onboarding would have written them: folded
/// keys in lower case, which is the fold of these ASCII names.
pub fn seed_sql(backend: &str, count: u64, partner: &str) -> String {
    let postgres = backend == "postgres";
    // The `i`th syllable of the word of number `k` (an SQL expression).
    let syllable = |k: &str, i: u32| {
        let s = format!("(({k}) / {} % 108)", 108u64.pow(i));
        format!(
            "substr('{CONSONANTS}', CAST(1 + {s} / 6 AS INTEGER), 1) || substr('{VOWELS}', CAST(1 + {s} % 6 AS INTEGER), 1)"
        )
    };
    let word = |multiplier: u64| {
        let k = format!("(g * {multiplier} % {WORDS})");
        (0..3).map(|i| syllable(&k, i)).collect::<Vec<_>>().join(" || ")
    };
    let capital = |w: String| format!("upper(substr({w}, 1, 1)) || substr({w}, 2)");
    let trades = TRADES
        .iter()
        .enumerate()
        .map(|(i, t)| format!("WHEN {i} THEN '{t}'"))
        .collect::<Vec<_>>()
        .join(" ");
    let name = format!(
        "{} || ' ' || CASE (g / 7 + g) % 20 {trades} END || CASE WHEN g % 3 = 0 THEN ' ' || {} ELSE '' END",
        capital(word(FIRST)),
        capital(word(SECOND)),
    );
    let (series, id, now, newline) = if postgres {
        (
            format!("generate_series(1::bigint, {count}) AS n(g)"),
            "('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid",
            "now() - g * interval '1 second'",
            "chr(10)",
        )
    } else {
        (
            format!(
                "(WITH RECURSIVE n(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM n WHERE g < {count}) SELECT g FROM n) AS n"
            ),
            "printf('00000000-0000-4000-8000-%012x', g)",
            "(CAST(strftime('%s', 'now') AS INTEGER) - g) * 1000000",
            "char(10)",
        )
    };
    format!(
        "CREATE TEMP TABLE seeded AS SELECT {id} AS id, {name} AS name, \
           {w} || g || '.onmicrosoft.com' AS domain, {now} AS created FROM {series};\n\
         INSERT INTO customers (id, commerce_id, domain, company_name, created_by, created_at, \
           billing_company_name, first_name, last_name, email, culture, language, country, address_line1, city, \
           state, postal_code, billing_version) \
         SELECT id, id, domain, name, '{partner}', created, name, 'Ana', 'Lee', 'ana@bench.example', 'en-US', \
           'en', 'US', '1 Main St', 'Redmond', 'WA', '98052', 1 FROM seeded;\n\
         INSERT INTO partner_customers (partner_id, customer_id, relationship, name_key, domain, company_name, \
           country, commerce_id, created_at, search_key) \
         SELECT '{partner}', id, 'reseller', lower(name), domain, name, 'US', id, created, \
           lower(name) || {newline} || domain FROM seeded;\n",
        w = word(FIRST),
    )
}

/// Signed-in clients loading the Customers page with searches: a whole word (rare), two
/// syllables (some), a trade (frequent), two letters, and a word typed with an accent
/// and in full width, which finds what the plain word finds.
pub async fn run(
    base: &str,
    email: &str,
    password: &str,
    customers: u64,
    concurrency: usize,
    seconds: u64,
) -> anyhow::Result<()> {
    let client = signed_in(base, email, password).await?;
    let path_for = move |n: usize| -> (&'static str, String) {
        let g = 1 + (n as u64).wrapping_mul(2_654_435_761) % customers;
        let w = word(g);
        let (kind, text) = match n % 6 {
            0 | 1 => ("rare", w.clone()),
            2 => ("some", w[1..5].to_owned()),
            3 => ("frequent", TRADES[n / 6 % 20].to_lowercase()),
            4 => ("short", w[..2].to_owned()),
            _ => ("folded", fancy(&w)),
        };
        let text: String = form_urlencoded(&text);
        (kind, format!("/customers?q={text}"))
    };
    load(
        &client,
        base,
        &["rare", "some", "frequent", "short", "folded"],
        Arc::new(path_for),
        concurrency,
        seconds,
    )
    .await;
    Ok(())
}

/// `word` as a user might type it: the first letter accented, the rest in full width.
fn fancy(word: &str) -> String {
    word.chars()
        .enumerate()
        .map(|(i, c)| match (i, c) {
            (0, 'a') => 'á',
            (0, 'e') => 'é',
            (0, 'o') => 'ô',
            (_, c) if c.is_ascii_lowercase() => char::from_u32(u32::from(c) - 0x61 + 0xFF41).unwrap_or(c),
            (_, c) => c,
        })
        .collect()
}

/// Percent-encodes a query value.
fn form_urlencoded(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_their_typed_forms() {
        assert_eq!(word(0), "bababa");
        // 48,271 = 446 × 108 + 103: syllables 103 (ze), 446 % 108 = 14 (di), 4 (bu).
        assert_eq!(word(1), "zedibu");
        assert_eq!(fancy("ober"), "ôｂｅｒ");
        assert_eq!(form_urlencoded("a b"), "a%20b");
    }
}
