//! Price points and price lists (facts file A8): per offer, a partner unit price and a
//! suggested retail (ERP) price per market × currency × term × billing plan, each in
//! effect between two dates. Prices are tax-exclusive and for the whole term; a
//! subscription's price is locked at the start of its term and changes only at renewal.

use time::Date;

use super::{BillingError, BillingPlan, Currency, Money};
use crate::OfferId;
use crate::country::CountryCode;

/// One row of a price list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PricePoint {
    /// The market it applies in; `None` for every market the offer is sold in (a price
    /// of the customer's own market comes first).
    pub market: Option<CountryCode>,
    pub plan: BillingPlan,
    /// What the partner pays for one unit for the whole term (the price list's
    /// `UnitPrice`), tax-exclusive.
    pub unit_price: Money,
    /// The estimated retail price for the whole term (`ERP Price`), if the list has one.
    pub erp: Option<Money>,
    /// The first day the price applies (`EffectiveStartDate`).
    pub effective_start: Date,
    /// The last day the price applies (`EffectiveEndDate`, inclusive), or open-ended.
    pub effective_end: Option<Date>,
}

impl PricePoint {
    /// Checks a row: prices not negative, the ERP in the unit price's currency, the end
    /// not before the start.
    pub fn new(
        market: Option<CountryCode>,
        plan: BillingPlan,
        unit_price: Money,
        erp: Option<Money>,
        effective_start: Date,
        effective_end: Option<Date>,
    ) -> Result<Self, BillingError> {
        if unit_price.is_negative() || erp.is_some_and(|e| e.is_negative()) {
            return Err(BillingError::AmountInvalid);
        }
        if let Some(erp) = erp {
            // Refuses a mixed row with the same error a sum would give.
            erp.checked_sub(unit_price)?;
        }
        if effective_end.is_some_and(|end| end < effective_start) {
            return Err(BillingError::PriceDatesReversed);
        }
        Ok(Self {
            market,
            plan,
            unit_price,
            erp,
            effective_start,
            effective_end,
        })
    }

    pub fn currency(&self) -> Currency {
        self.unit_price.currency()
    }

    /// Whether the price applies on `date`.
    pub fn is_effective_on(&self, date: Date) -> bool {
        self.effective_start <= date && self.effective_end.is_none_or(|end| date <= end)
    }

    fn same_slot(&self, other: &PricePoint) -> bool {
        self.market == other.market && self.plan == other.plan && self.currency() == other.currency()
    }

    fn overlaps(&self, other: &PricePoint) -> bool {
        let starts_before_other_ends = other.effective_end.is_none_or(|end| self.effective_start <= end);
        let other_starts_before_end = self.effective_end.is_none_or(|end| other.effective_start <= end);
        starts_before_other_ends && other_starts_before_end
    }
}

/// An offer's prices. At most one price of a market × currency × plan is in effect on
/// any day, so that the price at a date is never ambiguous.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriceList {
    offer: OfferId,
    points: Vec<PricePoint>,
}

impl PriceList {
    pub fn new(offer: OfferId, points: Vec<PricePoint>) -> Result<Self, BillingError> {
        for (i, a) in points.iter().enumerate() {
            if points[i + 1..].iter().any(|b| a.same_slot(b) && a.overlaps(b)) {
                return Err(BillingError::PricesOverlap);
            }
        }
        Ok(Self { offer, points })
    }

    pub fn offer(&self) -> &OfferId {
        &self.offer
    }

    pub fn points(&self) -> &[PricePoint] {
        &self.points
    }

    /// The price in effect on `date` for a market, currency and plan: the market's own
    /// price, or else the price for every market.
    pub fn price_on(
        &self,
        market: CountryCode,
        currency: Currency,
        plan: BillingPlan,
        date: Date,
    ) -> Result<&PricePoint, BillingError> {
        let in_effect = |m: Option<CountryCode>| {
            self.points.iter().find(|p| {
                p.market == m && p.currency() == currency && p.plan == plan && p.is_effective_on(date)
            })
        };
        in_effect(Some(market))
            .or_else(|| in_effect(None))
            .ok_or(BillingError::NoPriceInEffect)
    }

    /// Locks the price in effect on `term_start` for the term that starts then.
    pub fn lock(
        &self,
        market: CountryCode,
        currency: Currency,
        plan: BillingPlan,
        term_start: Date,
    ) -> Result<LockedPrice, BillingError> {
        let point = self.price_on(market, currency, plan, term_start)?;
        Ok(LockedPrice {
            plan,
            unit_price: point.unit_price,
            erp: point.erp,
            term_start,
            term_end: plan.term().end_date(term_start)?,
        })
    }
}

/// A subscription's price for one term: fixed at the term's start, whatever the price
/// list says later ("Price changes during the term don't affect billing plan charges").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LockedPrice {
    pub plan: BillingPlan,
    /// The partner's unit price for the whole term.
    pub unit_price: Money,
    pub erp: Option<Money>,
    pub term_start: Date,
    /// The term's last day (`commitmentEndDate`).
    pub term_end: Date,
}

impl LockedPrice {
    /// What one unit costs per charge cycle: the term's price divided by its cycles
    /// (1/12 a month on `P1Y` monthly). Not rounded: charges round their totals.
    pub fn cycle_price(&self) -> Result<Money, BillingError> {
        self.unit_price.checked_div(self.plan.cycles_per_term().into())
    }

    /// The price of the next term, which starts the day after this one ends: the price
    /// list's price then in force, for `next_plan` (a scheduled change) or the same plan.
    pub fn renew(
        &self,
        list: &PriceList,
        market: CountryCode,
        next_plan: Option<BillingPlan>,
    ) -> Result<LockedPrice, BillingError> {
        let start = self.term_end.next_day().ok_or(BillingError::DateOutOfRange)?;
        list.lock(
            market,
            self.unit_price.currency(),
            next_plan.unwrap_or(self.plan),
            start,
        )
    }
}

#[cfg(test)]
#[expect(clippy::unwrap_used, reason = "a test fails loudly on an unexpected error")]
mod tests {
    use time::macros::date;

    use super::*;

    fn us() -> CountryCode {
        CountryCode::parse("US").unwrap()
    }

    fn usd(text: &str) -> Money {
        Money::parse(text, "USD".parse().unwrap()).unwrap()
    }

    fn p1y_annual() -> BillingPlan {
        BillingPlan::parse("P1Y", "annual").unwrap()
    }

    fn point(price: &str, start: Date, end: Option<Date>) -> PricePoint {
        PricePoint::new(Some(us()), p1y_annual(), usd(price), Some(usd("144")), start, end).unwrap()
    }

    fn list() -> PriceList {
        // The facts file's example row (A8): Advanced Communications, P1Y, Annual, US, USD,
        // UnitPrice 115.2, ERP 144; then a price rise from 2025.
        PriceList::new(
            OfferId::parse("advanced-communications").unwrap(),
            vec![
                point("115.2", date!(2024 - 01 - 01), Some(date!(2024 - 12 - 31))),
                point("120", date!(2025 - 01 - 01), None),
            ],
        )
        .unwrap()
    }

    #[test]
    fn the_price_in_effect_is_chosen_by_date_with_inclusive_ends() {
        let list = list();
        let usd_ = "USD".parse().unwrap();
        let on = |d| list.price_on(us(), usd_, p1y_annual(), d).map(|p| p.unit_price);
        assert_eq!(on(date!(2024 - 12 - 31)), Ok(usd("115.2")));
        assert_eq!(on(date!(2025 - 01 - 01)), Ok(usd("120")));
        assert_eq!(on(date!(2030 - 06 - 01)), Ok(usd("120")));
        assert_eq!(on(date!(2023 - 12 - 31)), Err(BillingError::NoPriceInEffect));
        let eur = "EUR".parse().unwrap();
        assert!(
            list.price_on(us(), eur, p1y_annual(), date!(2024 - 06 - 01))
                .is_err()
        );
        let monthly = BillingPlan::parse("P1Y", "monthly").unwrap();
        assert!(list.price_on(us(), usd_, monthly, date!(2024 - 06 - 01)).is_err());
    }

    #[test]
    fn overlapping_prices_of_one_slot_are_refused() {
        let offer = OfferId::parse("x").unwrap();
        let overlapping = vec![
            point("1", date!(2024 - 01 - 01), Some(date!(2024 - 06 - 30))),
            point("2", date!(2024 - 06 - 30), None),
        ];
        assert_eq!(
            PriceList::new(offer.clone(), overlapping),
            Err(BillingError::PricesOverlap)
        );
        let open_ended_twice = vec![
            point("1", date!(2024 - 01 - 01), None),
            point("2", date!(2026 - 01 - 01), None),
        ];
        assert!(PriceList::new(offer.clone(), open_ended_twice).is_err());
        let other_plan = PricePoint::new(
            Some(us()),
            BillingPlan::parse("P1Y", "monthly").unwrap(),
            usd("1"),
            None,
            date!(2024 - 01 - 01),
            None,
        )
        .unwrap();
        assert!(PriceList::new(offer, vec![point("1", date!(2024 - 01 - 01), None), other_plan]).is_ok());
    }

    #[test]
    fn bad_rows_are_refused() {
        let d = date!(2024 - 01 - 01);
        assert_eq!(
            PricePoint::new(Some(us()), p1y_annual(), usd("-1"), None, d, None),
            Err(BillingError::AmountInvalid)
        );
        let eur = Money::parse("1", "EUR".parse().unwrap()).unwrap();
        assert!(matches!(
            PricePoint::new(Some(us()), p1y_annual(), usd("1"), Some(eur), d, None),
            Err(BillingError::CurrencyMismatch { .. })
        ));
        assert_eq!(
            PricePoint::new(
                Some(us()),
                p1y_annual(),
                usd("1"),
                None,
                d,
                Some(date!(2023 - 12 - 31))
            ),
            Err(BillingError::PriceDatesReversed)
        );
    }

    #[test]
    fn a_locked_price_holds_for_the_term_and_renews_at_the_new_price() {
        let list = list();
        let usd_ = "USD".parse().unwrap();
        let locked = list
            .lock(us(), usd_, p1y_annual(), date!(2024 - 03 - 15))
            .unwrap();
        assert_eq!(locked.unit_price, usd("115.2"));
        assert_eq!(locked.term_end, date!(2025 - 03 - 14));
        // The list's price rose on 2025-01-01, inside the term: the lock is unchanged, and
        // the renewal on 2025-03-15 takes the new price.
        let renewed = locked.renew(&list, us(), None).unwrap();
        assert_eq!(renewed.term_start, date!(2025 - 03 - 15));
        assert_eq!(renewed.unit_price, usd("120"));
        assert!(
            locked
                .renew(&list, us(), Some(BillingPlan::parse("P1Y", "monthly").unwrap()))
                .is_err()
        );
    }

    #[test]
    fn the_cycle_price_is_the_terms_price_over_its_cycles() {
        let monthly = BillingPlan::parse("P1Y", "monthly").unwrap();
        let p = PricePoint::new(
            Some(us()),
            monthly,
            usd("115.2"),
            None,
            date!(2024 - 01 - 01),
            None,
        )
        .unwrap();
        let list = PriceList::new(OfferId::parse("x").unwrap(), vec![p]).unwrap();
        let locked = list
            .lock(us(), "USD".parse().unwrap(), monthly, date!(2024 - 02 - 01))
            .unwrap();
        assert_eq!(locked.cycle_price().unwrap(), usd("9.6"));
    }
}
