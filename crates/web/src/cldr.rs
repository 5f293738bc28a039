//! Numbers, dates and times as CLDR writes them in each locale, and the order it sorts
//! names in, through ICU4X's compiled data: "1,234,567" and "1 234 567", "Nov 22, 2026"
//! and "2026年11月22日", "2:05 PM" and "14:05". One formatter (or collator) per locale and
//! kind, made on first use.

use std::sync::LazyLock;

use icu_calendar::Gregorian;
use icu_collator::CollatorBorrowed;
use icu_datetime::fieldsets::{T, YMD, YMDT};
use icu_datetime::input::{Date, DateTime, Time};
use icu_datetime::options::YearStyle;
use icu_datetime::{FixedCalendarDateTimeFormatter, NoCalendarFormatter};
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use partnerdesk_domain::Locale;
use time::{OffsetDateTime, PrimitiveDateTime};

/// One value per locale, in the order of `Locale::ALL`; none where ICU4X's data lacks the
/// locale (its compiled data has all five).
struct PerLocale<F>(Vec<Option<F>>);

impl<F> PerLocale<F> {
    fn new<E>(make: impl Fn(icu_locale_core::Locale) -> Result<F, E>) -> Self {
        Self(
            Locale::ALL
                .iter()
                .map(|l| l.tag().parse().ok().and_then(|tag| make(tag).ok()))
                .collect(),
        )
    }

    fn get(&self, locale: Locale) -> Option<&F> {
        self.0.get(locale as usize)?.as_ref()
    }
}

static NUMBERS: LazyLock<PerLocale<DecimalFormatter>> =
    LazyLock::new(|| PerLocale::new(|l| DecimalFormatter::try_new((&l).into(), Default::default())));
static DATES: LazyLock<PerLocale<FixedCalendarDateTimeFormatter<Gregorian, YMD>>> =
    LazyLock::new(|| PerLocale::new(|l| FixedCalendarDateTimeFormatter::try_new((&l).into(), YMD::medium())));
static NUMERIC_DATES: LazyLock<PerLocale<FixedCalendarDateTimeFormatter<Gregorian, YMD>>> =
    LazyLock::new(|| {
        PerLocale::new(|l| {
            FixedCalendarDateTimeFormatter::try_new(
                (&l).into(),
                YMD::short().with_year_style(YearStyle::Full),
            )
        })
    });
static DATE_TIMES: LazyLock<PerLocale<FixedCalendarDateTimeFormatter<Gregorian, YMDT>>> =
    LazyLock::new(|| {
        PerLocale::new(|l| FixedCalendarDateTimeFormatter::try_new((&l).into(), YMD::medium().with_time_hm()))
    });
static TIMES: LazyLock<PerLocale<NoCalendarFormatter<T>>> =
    LazyLock::new(|| PerLocale::new(|l| NoCalendarFormatter::try_new((&l).into(), T::hm())));
static COLLATORS: LazyLock<PerLocale<CollatorBorrowed<'static>>> =
    LazyLock::new(|| PerLocale::new(|l| CollatorBorrowed::try_new((&l).into(), Default::default())));

/// The collator of `locale` (CLDR's order: "Égypte" before "Espagne", pinyin in Simplified
/// Chinese, strokes in Traditional Chinese, Cyrillic first in Russian).
pub fn collator(locale: Locale) -> Option<&'static CollatorBorrowed<'static>> {
    COLLATORS.get(locale)
}

/// A whole number with the locale's digit grouping: "1,234,567" or "1 234 567".
pub fn format_number(locale: Locale, n: i64) -> String {
    match NUMBERS.get(locale) {
        Some(f) => f.format(&Decimal::from(n)).to_string(),
        None => n.to_string(),
    }
}

/// A decimal written as `digits` ("-1234.50", its fraction digits kept) with the locale's
/// grouping, decimal separator and minus sign: "-1,234.50", "-1 234,50".
pub fn format_decimal(locale: Locale, digits: &str) -> String {
    match (NUMBERS.get(locale), digits.parse::<Decimal>()) {
        (Some(f), Ok(d)) => f.format(&d).to_string(),
        _ => digits.to_owned(),
    }
}

/// A medium date: "Nov 22, 2026", "22 nov. 2026", "22 нояб. 2026\u{202f}г.", "2026年11月22日".
pub fn format_date(locale: Locale, at: OffsetDateTime) -> String {
    match (DATES.get(locale), date(at)) {
        (Some(f), Some(d)) => f.format(&d).to_string(),
        _ => at.date().to_string(),
    }
}

/// A date in numbers, for narrow columns: "12/1/2026", "01/12/2026", "01.12.2026",
/// "2026/12/1".
pub fn format_numeric_date(locale: Locale, at: OffsetDateTime) -> String {
    match (NUMERIC_DATES.get(locale), date(at)) {
        (Some(f), Some(d)) => f.format(&d).to_string(),
        _ => at.date().to_string(),
    }
}

/// A medium date and the time of day in UTC: "Nov 22, 2026, 2:05 PM UTC",
/// "22 nov. 2026, 14:05 UTC".
pub fn format_date_time(locale: Locale, at: OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    let local = PrimitiveDateTime::new(at.date(), at.time());
    match (DATE_TIMES.get(locale), date(at), time_of_day(local)) {
        (Some(f), Some(date), Some(time)) => format!("{} UTC", f.format(&DateTime { date, time })),
        _ => format!("{local} UTC"),
    }
}

/// The hour and minute of `at` in its own offset: "2:05 PM", "14:05".
pub fn format_time(locale: Locale, at: OffsetDateTime) -> String {
    match (
        TIMES.get(locale),
        time_of_day(PrimitiveDateTime::new(at.date(), at.time())),
    ) {
        (Some(f), Some(t)) => f.format(&t).to_string(),
        _ => format!("{:02}:{:02}", at.hour(), at.minute()),
    }
}

fn date(at: OffsetDateTime) -> Option<Date<Gregorian>> {
    Date::try_new_gregorian(at.year(), u8::from(at.month()), at.day()).ok()
}

fn time_of_day(at: PrimitiveDateTime) -> Option<Time> {
    Time::try_new(at.hour(), at.minute(), 0, 0).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_follow_cldr() {
        assert_eq!(format_number(Locale::EnUs, 10_000_000), "10,000,000");
        assert_eq!(format_number(Locale::FrFr, 1234), "1\u{202f}234");
        assert_eq!(format_number(Locale::RuRu, 12345), "12\u{a0}345");
        assert_eq!(format_number(Locale::RuRu, 300), "300");
        assert_eq!(format_number(Locale::ZhTw, -12345), "-12,345");
        assert_eq!(format_decimal(Locale::EnUs, "-1234.50"), "-1,234.50");
        assert_eq!(format_decimal(Locale::FrFr, "1234.50"), "1\u{202f}234,50");
        assert_eq!(format_decimal(Locale::RuRu, "0.10"), "0,10");
    }

    #[test]
    fn dates_and_times_follow_cldr() {
        let at = time::macros::datetime!(2026-11-22 14:05 UTC);
        assert_eq!(format_date(Locale::EnUs, at), "Nov 22, 2026");
        assert_eq!(format_date(Locale::FrFr, at), "22 nov. 2026");
        assert_eq!(format_date(Locale::RuRu, at), "22 нояб. 2026\u{202f}г.");
        assert_eq!(format_date(Locale::ZhCn, at), "2026年11月22日");
        assert_eq!(format_date(Locale::ZhTw, at), "2026年11月22日");
        assert_eq!(
            format_date_time(Locale::EnUs, at),
            "Nov 22, 2026, 2:05\u{202f}PM UTC"
        );
        assert_eq!(format_date_time(Locale::FrFr, at), "22 nov. 2026, 14:05 UTC");
        assert_eq!(format_time(Locale::EnUs, at), "2:05\u{202f}PM");
        assert_eq!(format_time(Locale::RuRu, at), "14:05");
        assert_eq!(format_time(Locale::ZhTw, at), "下午2:05");
    }
}
