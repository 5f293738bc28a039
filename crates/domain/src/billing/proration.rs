//! Charge cycles and Partner Center's proration (facts file A6). A cycle starts on the
//! term's start day and lasts one billing cycle (a month, a year, or the whole term when
//! paid upfront); its "charge cycle days" are its calendar days, which for a monthly cycle
//! is the day count of the month it starts in (28, 30 or 31) and for an annual one 365 or
//! 366. `Effective unit price = unit price / charge cycle days × billing days`, where
//! billing days run from the event to the cycle's last day, both included; a line's total
//! is that times the quantity, rounded toward zero to the currency's minor units.

use rust_decimal::Decimal;
use time::Date;

use super::{BillingError, BillingPlan, Money, Rounding, calendar};

/// One charge cycle of a term, its last day included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChargeCycle {
    pub start: Date,
    pub end: Date,
}

impl ChargeCycle {
    /// The `n`th cycle (from 0) of a term that started on `term_start`. A term bought on
    /// a 31st has its monthly cycles start on the last day of shorter months.
    pub fn nth(plan: BillingPlan, term_start: Date, n: u32) -> Result<Self, BillingError> {
        if n >= plan.cycles_per_term() {
            return Err(BillingError::DateOutsideCycle);
        }
        let months = plan.cycle().months();
        let start = calendar::add_months(term_start, n * months)?;
        let next = calendar::add_months(term_start, (n + 1) * months)?;
        Ok(Self {
            start,
            end: calendar::day_before(next)?,
        })
    }

    /// The cycle of the term started on `term_start` that `date` falls in, with its index.
    pub fn containing(plan: BillingPlan, term_start: Date, date: Date) -> Result<(u32, Self), BillingError> {
        for n in 0..plan.cycles_per_term() {
            let cycle = Self::nth(plan, term_start, n)?;
            if cycle.contains(date) {
                return Ok((n, cycle));
            }
        }
        Err(BillingError::DateOutsideCycle)
    }

    pub fn contains(&self, date: Date) -> bool {
        self.start <= date && date <= self.end
    }

    /// The charge cycle days.
    pub fn days(&self) -> i64 {
        calendar::days_between(self.start, self.end) + 1
    }

    /// The billing days from `date` to the cycle's end, both included.
    pub fn billing_days_from(&self, date: Date) -> Result<i64, BillingError> {
        if !self.contains(date) {
            return Err(BillingError::DateOutsideCycle);
        }
        Ok(calendar::days_between(date, self.end) + 1)
    }
}

/// The effective unit price of a unit priced `cycle_price` for the whole cycle, charged
/// from `from` to the cycle's end. Multiplied before dividing so that an exact result
/// (10.08 × 28 / 30 = 9.408) stays exact; otherwise 28 significant digits, unrounded.
pub fn effective_unit_price(
    cycle_price: Money,
    cycle: &ChargeCycle,
    from: Date,
) -> Result<Money, BillingError> {
    let billing_days = cycle.billing_days_from(from)?;
    let price = cycle_price
        .checked_mul(Decimal::from(billing_days))?
        .checked_div(Decimal::from(cycle.days()))?;
    Ok(Money::new(price.amount().normalize(), price.currency()))
}

/// The total for `quantity` units from `from` to the cycle's end: the prorated price
/// times the quantity, divided last and rounded toward zero (Partner Center's
/// `ROUNDDOWN`: 9.408 × 12 = 112.896 → 112.89).
pub fn prorated_total(
    cycle_price: Money,
    cycle: &ChargeCycle,
    from: Date,
    quantity: u32,
) -> Result<Money, BillingError> {
    let billing_days = cycle.billing_days_from(from)?;
    let exact = cycle_price
        .checked_mul(Decimal::from(billing_days))?
        .checked_mul(Decimal::from(quantity))?
        .checked_div(Decimal::from(cycle.days()))?;
    Ok(exact.round(Rounding::TowardZero))
}

#[cfg(test)]
#[expect(clippy::unwrap_used, reason = "a test fails loudly on an unexpected error")]
mod tests {
    use time::macros::date;

    use super::*;
    use crate::billing::testing::{eur, plan};

    #[test]
    fn a_monthly_cycle_has_the_day_count_of_the_month_it_starts_in() {
        // Facts file A6, "Charge cycle": a cycle starting Feb 21 runs to Mar 20 (28 days).
        let (n, feb) = ChargeCycle::containing(
            plan("P1M", "monthly"),
            date!(2023 - 02 - 21),
            date!(2023 - 03 - 01),
        )
        .unwrap();
        assert_eq!(
            (n, feb.start, feb.end, feb.days()),
            (0, date!(2023 - 02 - 21), date!(2023 - 03 - 20), 28)
        );
        let june = ChargeCycle::nth(plan("P1Y", "monthly"), date!(2024 - 06 - 18), 0).unwrap();
        assert_eq!((june.end, june.days()), (date!(2024 - 07 - 17), 30));
        let july = ChargeCycle::nth(plan("P1Y", "monthly"), date!(2024 - 06 - 18), 1).unwrap();
        assert_eq!((july.start, july.days()), (date!(2024 - 07 - 18), 31));
    }

    #[test]
    fn an_annual_cycle_has_365_or_366_days() {
        let leap = ChargeCycle::nth(plan("P3Y", "annual"), date!(2024 - 01 - 01), 0).unwrap();
        assert_eq!(leap.days(), 366);
        let next = ChargeCycle::nth(plan("P3Y", "annual"), date!(2024 - 01 - 01), 1).unwrap();
        assert_eq!((next.start, next.days()), (date!(2025 - 01 - 01), 365));
        assert_eq!(
            ChargeCycle::nth(plan("P3Y", "annual"), date!(2024 - 01 - 01), 3),
            Err(BillingError::DateOutsideCycle)
        );
        let upfront = ChargeCycle::nth(plan("P3Y", "triennial"), date!(2024 - 01 - 01), 0).unwrap();
        assert_eq!((upfront.end, upfront.days()), (date!(2026 - 12 - 31), 1096));
    }

    #[test]
    fn a_term_bought_on_the_31st_cycles_on_month_ends() {
        let p = plan("P1Y", "monthly");
        let jan = ChargeCycle::nth(p, date!(2023 - 01 - 31), 0).unwrap();
        assert_eq!((jan.end, jan.days()), (date!(2023 - 02 - 27), 28));
        let feb = ChargeCycle::nth(p, date!(2023 - 01 - 31), 1).unwrap();
        assert_eq!(
            (feb.start, feb.end),
            (date!(2023 - 02 - 28), date!(2023 - 03 - 30))
        );
        assert!(ChargeCycle::containing(p, date!(2023 - 01 - 31), date!(2024 - 01 - 31)).is_err());
        assert!(ChargeCycle::containing(p, date!(2023 - 01 - 31), date!(2023 - 01 - 30)).is_err());
    }

    #[test]
    fn the_facts_files_seat_change_example_prorates_to_the_cent() {
        // Facts file A6, "Seat change = wipe and recreate": 10 seats at EUR 10.08 bought
        // Jun 18; 2 added Jun 20 (28 of 30 days remaining): −9.408 × 10 = −94.08, then
        // +9.408 × 12 = 112.89.
        let cycle = ChargeCycle::nth(plan("P1M", "monthly"), date!(2024 - 06 - 18), 0).unwrap();
        assert_eq!(cycle.billing_days_from(date!(2024 - 06 - 20)), Ok(28));
        let eup = effective_unit_price(eur("10.08"), &cycle, date!(2024 - 06 - 20)).unwrap();
        assert_eq!(eup.amount().to_string(), "9.408");
        let refund = prorated_total(eur("10.08"), &cycle, date!(2024 - 06 - 20), 10).unwrap();
        assert_eq!(refund.negated().amount().to_string(), "-94.08");
        let charge = prorated_total(eur("10.08"), &cycle, date!(2024 - 06 - 20), 12).unwrap();
        assert_eq!(charge.amount().to_string(), "112.89");
    }

    #[test]
    fn the_facts_files_line_item_example_adds_up() {
        // Facts file A4, "Example arithmetic": unitPrice 16, effectiveUnitPrice 14.4 × 50 →
        // subtotal 720 (14.4 = 16 / 30 × 27).
        let cycle = ChargeCycle::nth(plan("P1M", "monthly"), date!(2024 - 06 - 01), 0).unwrap();
        let from = date!(2024 - 06 - 04);
        assert_eq!(
            effective_unit_price(eur("16"), &cycle, from).unwrap(),
            eur("14.4")
        );
        assert_eq!(prorated_total(eur("16"), &cycle, from, 50).unwrap(), eur("720"));
    }

    #[test]
    fn a_whole_cycle_costs_exactly_its_price_and_inexact_shares_round_down() {
        let cycle = ChargeCycle::nth(plan("P1M", "monthly"), date!(2024 - 07 - 01), 0).unwrap();
        assert_eq!(
            prorated_total(eur("10"), &cycle, cycle.start, 3)
                .unwrap()
                .amount()
                .to_string(),
            "30.00"
        );
        // 10 / 31 × 28 × 1 = 9.0322… → 9.03; the division comes last, so 10 × 31 / 31 is 10.
        assert_eq!(
            prorated_total(eur("10"), &cycle, date!(2024 - 07 - 04), 1).unwrap(),
            eur("9.03")
        );
        let eup = effective_unit_price(eur("10"), &cycle, date!(2024 - 07 - 04)).unwrap();
        assert!(eup.amount().to_string().starts_with("9.032258064516129"));
        assert_eq!(
            prorated_total(eur("10"), &cycle, date!(2024 - 08 - 01), 1),
            Err(BillingError::DateOutsideCycle)
        );
    }
}
