//! Calendar arithmetic that billing needs and `time` leaves out: adding months with the
//! day clamped to the month's end (a term bought on January 31 has a cycle starting on
//! February 28), and counting days.

use time::Date;

use super::BillingError;

/// `date` moved by `months` calendar months, keeping its day of the month where the
/// target month has it and taking the month's last day where it hasn't.
pub fn add_months(date: Date, months: u32) -> Result<Date, BillingError> {
    let index = i64::from(date.year()) * 12 + i64::from(u8::from(date.month())) - 1 + i64::from(months);
    let year = i32::try_from(index.div_euclid(12)).map_err(|_| BillingError::DateOutOfRange)?;
    let month = u8::try_from(index.rem_euclid(12) + 1)
        .ok()
        .and_then(|m| time::Month::try_from(m).ok())
        .ok_or(BillingError::DateOutOfRange)?;
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).map_err(|_| BillingError::DateOutOfRange)
}

/// The number of days from `from` to `to` (negative if `to` is earlier).
pub fn days_between(from: Date, to: Date) -> i64 {
    i64::from(to.to_julian_day()) - i64::from(from.to_julian_day())
}

/// The day before `date`.
pub fn day_before(date: Date) -> Result<Date, BillingError> {
    date.previous_day().ok_or(BillingError::DateOutOfRange)
}

/// The first day of `date`'s month.
pub fn first_of_month(date: Date) -> Date {
    date.replace_day(1).unwrap_or(date)
}

/// The last day of `date`'s month.
pub fn last_of_month(date: Date) -> Date {
    date.replace_day(date.month().length(date.year())).unwrap_or(date)
}

#[cfg(test)]
#[expect(clippy::unwrap_used, reason = "a test fails loudly on an unexpected error")]
mod tests {
    use time::macros::date;

    use super::*;

    #[test]
    fn months_keep_the_day_or_clamp_to_the_months_end() {
        assert_eq!(
            add_months(date!(2024 - 06 - 18), 1).unwrap(),
            date!(2024 - 07 - 18)
        );
        assert_eq!(
            add_months(date!(2024 - 01 - 31), 1).unwrap(),
            date!(2024 - 02 - 29)
        );
        assert_eq!(
            add_months(date!(2023 - 01 - 31), 1).unwrap(),
            date!(2023 - 02 - 28)
        );
        assert_eq!(
            add_months(date!(2024 - 01 - 31), 2).unwrap(),
            date!(2024 - 03 - 31)
        );
        assert_eq!(
            add_months(date!(2024 - 12 - 15), 1).unwrap(),
            date!(2025 - 01 - 15)
        );
        assert_eq!(
            add_months(date!(2024 - 02 - 29), 12).unwrap(),
            date!(2025 - 02 - 28)
        );
        assert_eq!(
            add_months(date!(2024 - 03 - 01), 36).unwrap(),
            date!(2027 - 03 - 01)
        );
        assert_eq!(
            add_months(date!(2024 - 03 - 01), 0).unwrap(),
            date!(2024 - 03 - 01)
        );
    }

    #[test]
    fn the_end_of_the_calendar_is_an_error() {
        assert_eq!(
            add_months(date!(9999 - 12 - 01), 1),
            Err(BillingError::DateOutOfRange)
        );
    }

    #[test]
    fn days_are_counted_between_dates() {
        assert_eq!(days_between(date!(2024 - 06 - 18), date!(2024 - 07 - 18)), 30);
        assert_eq!(days_between(date!(2023 - 02 - 21), date!(2023 - 03 - 21)), 28);
        assert_eq!(days_between(date!(2024 - 01 - 01), date!(2025 - 01 - 01)), 366);
        assert_eq!(days_between(date!(2024 - 07 - 18), date!(2024 - 06 - 18)), -30);
        assert_eq!(first_of_month(date!(2024 - 02 - 10)), date!(2024 - 02 - 01));
        assert_eq!(last_of_month(date!(2024 - 02 - 10)), date!(2024 - 02 - 29));
        assert_eq!(day_before(date!(2024 - 03 - 01)).unwrap(), date!(2024 - 02 - 29));
    }
}
