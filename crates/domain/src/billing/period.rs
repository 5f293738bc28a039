//! Billing periods (facts file A1): new commerce bills one calendar month at a time;
//! legacy billing started the month on the partner's billing anniversary day. A charge
//! belongs to the period containing the day it was recorded, and is invoiced when that
//! period closes.

use time::Date;

use super::{BillingError, calendar};

/// A billing period, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct BillingPeriod {
    pub start: Date,
    pub end: Date,
}

impl BillingPeriod {
    /// The calendar month containing `date`: new commerce's period, and Partnerdesk's.
    pub fn calendar_month(date: Date) -> Self {
        Self {
            start: calendar::first_of_month(date),
            end: calendar::last_of_month(date),
        }
    }

    /// The period containing `date` for a billing anniversary on day `anniversary_day`
    /// (1–31) of each month; in shorter months the period starts on the last day.
    pub fn anniversary(anniversary_day: u8, date: Date) -> Result<Self, BillingError> {
        if !(1..=31).contains(&anniversary_day) {
            return Err(BillingError::DateOutOfRange);
        }
        let anchor_in = |month_of: Date| {
            let day = anniversary_day.min(month_of.month().length(month_of.year()));
            month_of
                .replace_day(day)
                .map_err(|_| BillingError::DateOutOfRange)
        };
        let this_month = anchor_in(date)?;
        let start = if date >= this_month {
            this_month
        } else {
            let last_month = calendar::day_before(calendar::first_of_month(date))?;
            anchor_in(last_month)?
        };
        let next_month = calendar::add_months(calendar::first_of_month(start), 1)?;
        let end = calendar::day_before(anchor_in(next_month)?)?;
        Ok(Self { start, end })
    }

    pub fn contains(&self, date: Date) -> bool {
        self.start <= date && date <= self.end
    }

    pub fn days(&self) -> i64 {
        calendar::days_between(self.start, self.end) + 1
    }

    /// The first day after the period: the day it can be closed and invoiced, and the
    /// invoice's date.
    pub fn closes_on(&self) -> Result<Date, BillingError> {
        self.end.next_day().ok_or(BillingError::DateOutOfRange)
    }

    /// The calendar month after this one.
    pub fn next_month(&self) -> Result<Self, BillingError> {
        Ok(Self::calendar_month(self.closes_on()?))
    }

    /// The calendar month before this one.
    pub fn previous_month(&self) -> Result<Self, BillingError> {
        Ok(Self::calendar_month(calendar::day_before(self.start)?))
    }
}

#[cfg(test)]
#[expect(clippy::unwrap_used, reason = "a test fails loudly on an unexpected error")]
mod tests {
    use time::macros::date;

    use super::*;

    #[test]
    fn a_calendar_month_runs_from_the_first_to_the_last_day() {
        let feb = BillingPeriod::calendar_month(date!(2024 - 02 - 10));
        assert_eq!(
            (feb.start, feb.end, feb.days()),
            (date!(2024 - 02 - 01), date!(2024 - 02 - 29), 29)
        );
        assert_eq!(feb.closes_on(), Ok(date!(2024 - 03 - 01)));
        assert_eq!(feb.next_month().unwrap().end, date!(2024 - 03 - 31));
        assert_eq!(feb.previous_month().unwrap().start, date!(2024 - 01 - 01));
        let dec = BillingPeriod::calendar_month(date!(2024 - 12 - 31));
        assert_eq!(dec.next_month().unwrap().start, date!(2025 - 01 - 01));
        assert!(feb.contains(date!(2024 - 02 - 29)) && !feb.contains(date!(2024 - 03 - 01)));
    }

    #[test]
    fn an_anniversary_period_starts_on_the_anniversary_day() {
        let p = BillingPeriod::anniversary(15, date!(2024 - 06 - 20)).unwrap();
        assert_eq!((p.start, p.end), (date!(2024 - 06 - 15), date!(2024 - 07 - 14)));
        let p = BillingPeriod::anniversary(15, date!(2024 - 06 - 14)).unwrap();
        assert_eq!((p.start, p.end), (date!(2024 - 05 - 15), date!(2024 - 06 - 14)));
        let p = BillingPeriod::anniversary(15, date!(2024 - 01 - 03)).unwrap();
        assert_eq!((p.start, p.end), (date!(2023 - 12 - 15), date!(2024 - 01 - 14)));
    }

    #[test]
    fn an_anniversary_past_a_months_end_falls_on_its_last_day() {
        let p = BillingPeriod::anniversary(31, date!(2024 - 02 - 29)).unwrap();
        assert_eq!((p.start, p.end), (date!(2024 - 02 - 29), date!(2024 - 03 - 30)));
        let p = BillingPeriod::anniversary(31, date!(2024 - 02 - 28)).unwrap();
        assert_eq!((p.start, p.end), (date!(2024 - 01 - 31), date!(2024 - 02 - 28)));
        assert!(BillingPeriod::anniversary(0, date!(2024 - 02 - 28)).is_err());
        assert!(BillingPeriod::anniversary(32, date!(2024 - 02 - 28)).is_err());
    }
}
