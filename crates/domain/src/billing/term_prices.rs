//! A subscription's prices for its current term, and what its changes charge: the
//! purchase, a license-count change (seats added any time, removed only inside their
//! windows) and a cancellation. The store keeps a [`TermPrices`] and the seat batches per
//! subscription and writes the returned charges in the transaction of the change.

use time::{Date, OffsetDateTime};

use super::{
    BillingError, BillingPlan, Charge, ChargeCycle, CustomerPriceRule, CyclePrices, Money, PriceList,
    RefundableQuantity, SeatBatch, cancellation, cancellation_allowed_until, check_cancellation,
    customer_price, cycle_charge, purchase, refundable_quantity, remove_seats, renewal, seat_change,
};
use crate::country::CountryCode;

/// The prices of a subscription's current term, locked when the term started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermPrices {
    pub plan: BillingPlan,
    /// When the term started (purchase or renewal): the cancellation window opens here.
    pub started_at: OffsetDateTime,
    /// The term's first day, in UTC.
    pub term_start: Date,
    /// The partner's price of one unit for the whole term.
    pub cost: Money,
    pub erp: Option<Money>,
    /// The customer's price of one unit for the whole term.
    pub customer: Money,
}

/// A priced subscription's current term and its seat batches, as the store keeps them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubscriptionTerm {
    pub prices: TermPrices,
    pub batches: Vec<SeatBatch>,
}

impl SubscriptionTerm {
    /// Partner Center's `refundableQuantity` at `now`.
    pub fn refundable(&self, now: OffsetDateTime) -> RefundableQuantity {
        refundable_quantity(&self.batches, now)
    }

    /// Partner Center's `cancellationAllowedUntilDate`.
    pub fn cancellation_allowed_until(&self) -> OffsetDateTime {
        cancellation_allowed_until(self.prices.started_at)
    }
}

/// A term's amounts for a license count (the partner's view of a subscription).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermTotals {
    pub cost: Money,
    pub customer: Money,
    pub margin: Money,
}

/// What a purchase writes: the term's prices and its first charge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Purchase {
    pub prices: TermPrices,
    pub charge: Charge,
}

/// Prices a purchase of `quantity` units at `now` on `plan`, in `market` and `currency`,
/// with the price in effect today locked for the term.
pub fn price_purchase(
    list: &PriceList,
    market: CountryCode,
    currency: super::Currency,
    plan: BillingPlan,
    quantity: u32,
    now: OffsetDateTime,
    rule: Option<CustomerPriceRule>,
) -> Result<Purchase, BillingError> {
    let today = now.date();
    let locked = list.lock(market, currency, plan, today)?;
    let customer = customer_price(rule, locked.unit_price, locked.erp)?;
    let prices = TermPrices {
        plan,
        started_at: now,
        term_start: today,
        cost: locked.unit_price,
        erp: locked.erp,
        customer,
    };
    let charge = purchase(plan, today, quantity, prices.cycle_prices()?)?;
    Ok(Purchase { prices, charge })
}

/// What falls due next on a term whose first `charged` cycles are charged: the next
/// cycle's charge, or after the last one the renewal into the next term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// The `n`th cycle (from 0), which starts on `on`.
    Cycle { n: u32, on: Date },
    /// The next term, which starts on `on`, the day after this one's last.
    Renewal { on: Date },
}

impl Due {
    pub fn on(self) -> Date {
        match self {
            Due::Cycle { on, .. } | Due::Renewal { on } => on,
        }
    }
}

impl TermPrices {
    /// The last day of the term.
    pub fn term_end(&self) -> Result<Date, BillingError> {
        self.plan.term().end_date(self.term_start)
    }

    /// What falls due after the first `charged` cycles of the term.
    pub fn due_after(&self, charged: u32) -> Result<Due, BillingError> {
        if charged < self.plan.cycles_per_term() {
            let cycle = ChargeCycle::nth(self.plan, self.term_start, charged)?;
            Ok(Due::Cycle {
                n: charged,
                on: cycle.start,
            })
        } else {
            let on = self.term_end()?.next_day().ok_or(BillingError::DateOutOfRange)?;
            Ok(Due::Renewal { on })
        }
    }

    /// The charge of the term's `n`th cycle for `quantity` units (`cycleCharge`).
    pub fn cycle(&self, n: u32, quantity: u32) -> Result<Charge, BillingError> {
        cycle_charge(self.plan, self.term_start, n, quantity, self.cycle_prices()?)
    }

    /// The first day of the next term.
    pub fn renews_on(&self) -> Result<Date, BillingError> {
        self.term_end()?.next_day().ok_or(BillingError::DateOutOfRange)
    }

    /// The renewal of `quantity` units into the next term on `plan` (the same one, or the
    /// one scheduled for it), at the price `list` has in force in `market` on its first
    /// day; the next term starts at midnight UTC of that day, which opens its 7-day
    /// windows.
    pub fn renew(
        &self,
        list: &PriceList,
        market: CountryCode,
        (quantity, plan): (u32, BillingPlan),
        rule: Option<CustomerPriceRule>,
    ) -> Result<Purchase, BillingError> {
        let on = self.renews_on()?;
        let locked = list.lock(market, self.cost.currency(), plan, on)?;
        let customer = customer_price(rule, locked.unit_price, locked.erp)?;
        let prices = TermPrices {
            plan,
            started_at: on.midnight().assume_utc(),
            term_start: on,
            cost: locked.unit_price,
            erp: locked.erp,
            customer,
        };
        let charge = renewal(plan, on, quantity, prices.cycle_prices()?)?;
        Ok(Purchase { prices, charge })
    }

    /// The whole term's cost and customer price of `quantity` units, and the margin
    /// between them.
    pub fn totals(&self, quantity: u32) -> Result<TermTotals, BillingError> {
        let quantity = rust_decimal::Decimal::from(quantity);
        let cost = self.cost.checked_mul(quantity)?;
        let customer = self.customer.checked_mul(quantity)?;
        Ok(TermTotals {
            cost,
            customer,
            margin: super::margin(cost, customer)?,
        })
    }

    /// One unit's price per charge cycle on both sides (1/12 of the term's a month on
    /// `P1Y` monthly), unrounded: the charges round their totals.
    pub fn cycle_prices(&self) -> Result<CyclePrices, BillingError> {
        let cycles = self.plan.cycles_per_term().into();
        Ok(CyclePrices {
            cost: self.cost.checked_div(cycles)?,
            customer: self.customer.checked_div(cycles)?,
        })
    }

    /// The charges of a license-count change from `old` to `new` at `now` and the seat
    /// batches afterwards: added seats form a new batch; removed ones come off batches
    /// still inside their windows, else 900214.
    pub fn quantity_change(
        &self,
        batches: &[SeatBatch],
        old: u32,
        new: u32,
        now: OffsetDateTime,
    ) -> Result<([Charge; 2], Vec<SeatBatch>), BillingError> {
        let after = if new > old {
            let mut after = batches.to_vec();
            after.push(SeatBatch {
                quantity: new - old,
                added_at: now,
            });
            after
        } else {
            remove_seats(batches, old - new, now)?
        };
        let charges = seat_change(
            self.plan,
            self.term_start,
            now.date(),
            old,
            new,
            self.cycle_prices()?,
        )?;
        Ok((charges, after))
    }

    /// The refund of a cancellation of `quantity` units at `now`, or 900213 once the
    /// term's window has passed.
    pub fn cancel(&self, quantity: u32, now: OffsetDateTime) -> Result<Charge, BillingError> {
        check_cancellation(self.started_at, now)?;
        cancellation(
            self.plan,
            self.term_start,
            now.date(),
            quantity,
            self.cycle_prices()?,
        )
    }
}

#[cfg(test)]
#[expect(clippy::unwrap_used, reason = "a test fails loudly on an unexpected error")]
mod tests {
    use time::macros::{date, datetime};

    use super::*;
    use crate::OfferId;
    use crate::billing::{ChargeType, Currency, PricePoint};

    fn eur(text: &str) -> Money {
        Money::parse(text, eur_currency()).unwrap()
    }

    fn eur_currency() -> Currency {
        "EUR".parse().unwrap()
    }

    fn list(erp: Option<&str>) -> PriceList {
        let plan = BillingPlan::parse("P1M", "monthly").unwrap();
        let point = PricePoint::new(
            None,
            plan,
            eur("10.08"),
            erp.map(eur),
            date!(2024 - 01 - 01),
            None,
        )
        .unwrap();
        PriceList::new(OfferId::parse("MAIL").unwrap(), vec![point]).unwrap()
    }

    fn fr() -> CountryCode {
        CountryCode::parse("FR").unwrap()
    }

    #[test]
    fn the_facts_files_seat_change_comes_out_of_a_priced_purchase() {
        let plan = BillingPlan::parse("P1M", "monthly").unwrap();
        let bought = datetime!(2024-06-18 10:00 UTC);
        let p = price_purchase(&list(Some("12.60")), fr(), eur_currency(), plan, 10, bought, None).unwrap();
        assert_eq!(p.charge.cost.subtotal, eur("100.80"));
        assert_eq!(p.charge.customer.subtotal, eur("126.00"));
        let batches = [SeatBatch {
            quantity: 10,
            added_at: bought,
        }];
        let (charges, after) = p
            .prices
            .quantity_change(&batches, 10, 12, datetime!(2024-06-20 10:00 UTC))
            .unwrap();
        assert_eq!(charges[0].cost.subtotal, eur("-94.08"));
        assert_eq!(charges[1].cost.subtotal, eur("112.89"));
        assert_eq!(charges[1].charge_type, ChargeType::AddQuantity);
        assert_eq!(after.len(), 2);
    }

    #[test]
    fn without_an_erp_the_customer_pays_the_cost() {
        let plan = BillingPlan::parse("P1M", "monthly").unwrap();
        let p = price_purchase(
            &list(None),
            fr(),
            eur_currency(),
            plan,
            1,
            datetime!(2024-06-18 10:00 UTC),
            None,
        )
        .unwrap();
        assert_eq!(p.prices.customer, p.prices.cost);
        let rule = CustomerPriceRule::percent_over_cost("10").ok();
        let marked_up = price_purchase(
            &list(None),
            fr(),
            eur_currency(),
            plan,
            1,
            p.prices.started_at,
            rule,
        )
        .unwrap();
        assert!(marked_up.prices.customer.amount() > p.prices.cost.amount());
        assert_eq!(
            Ok(marked_up.prices.customer),
            rule.unwrap().customer_price(p.prices.cost, None)
        );
    }

    #[test]
    fn removals_and_cancellations_outside_their_windows_are_refused() {
        let plan = BillingPlan::parse("P1M", "monthly").unwrap();
        let bought = datetime!(2024-06-01 10:00 UTC);
        let p = price_purchase(&list(None), fr(), eur_currency(), plan, 10, bought, None).unwrap();
        let batches = [SeatBatch {
            quantity: 10,
            added_at: bought,
        }];
        let late = datetime!(2024-06-08 10:00:01 UTC);
        assert_eq!(
            p.prices
                .quantity_change(&batches, 10, 9, late)
                .unwrap_err()
                .code(),
            900214
        );
        assert_eq!(p.prices.cancel(10, late).unwrap_err().code(), 900213);
        let refund = p.prices.cancel(10, datetime!(2024-06-08 10:00 UTC)).unwrap();
        assert_eq!(refund.charge_type, ChargeType::CancelImmediate);
        assert!(refund.cost.subtotal.is_negative());
    }

    #[test]
    fn a_yearly_term_billed_monthly_falls_due_monthly_then_renews_at_the_new_price() {
        let plan = BillingPlan::parse("P1Y", "monthly").unwrap();
        let rows = [
            ("120.00", date!(2024 - 01 - 01), Some(date!(2025 - 06 - 30))),
            ("144.00", date!(2025 - 07 - 01), None),
        ];
        let points = rows
            .iter()
            .map(|(price, start, end)| PricePoint::new(None, plan, eur(price), None, *start, *end).unwrap())
            .collect();
        let list = PriceList::new(OfferId::parse("MAIL").unwrap(), points).unwrap();
        let bought = datetime!(2024-06-18 10:00 UTC);
        let p = price_purchase(&list, fr(), eur_currency(), plan, 3, bought, None).unwrap();
        assert_eq!(
            p.prices.due_after(1),
            Ok(Due::Cycle {
                n: 1,
                on: date!(2024 - 07 - 18)
            })
        );
        assert_eq!(
            p.prices.due_after(11),
            Ok(Due::Cycle {
                n: 11,
                on: date!(2025 - 05 - 18)
            })
        );
        assert_eq!(
            p.prices.due_after(12),
            Ok(Due::Renewal {
                on: date!(2025 - 06 - 18)
            })
        );
        let second = p.prices.cycle(1, 3).unwrap();
        assert_eq!(
            (second.charge_type, second.cost.subtotal),
            (ChargeType::CycleCharge, eur("30.00"))
        );
        // The price of June 18, 2025 is still 120: the July rise waits for the next renewal.
        let renewed = p.prices.renew(&list, fr(), (3, plan), None).unwrap();
        assert_eq!(renewed.prices.term_start, date!(2025 - 06 - 18));
        assert_eq!(renewed.prices.cost, eur("120.00"));
        assert_eq!(renewed.charge.charge_type, ChargeType::Renew);
        let again = renewed.prices.renew(&list, fr(), (3, plan), None).unwrap();
        assert_eq!(again.prices.cost, eur("144.00"));
        assert_eq!(again.charge.cost.subtotal, eur("36.00"));
        // A plan scheduled for the next term renews on it only where it is priced.
        let monthly_term = BillingPlan::parse("P1M", "monthly").unwrap();
        assert_eq!(
            renewed.prices.renew(&list, fr(), (3, monthly_term), None).err(),
            Some(BillingError::NoPriceInEffect)
        );
    }

    #[test]
    fn a_plan_without_a_price_cannot_be_bought() {
        let annual = BillingPlan::parse("P1Y", "annual").unwrap();
        let err = price_purchase(
            &list(None),
            fr(),
            eur_currency(),
            annual,
            1,
            datetime!(2024-06-18 10:00 UTC),
            None,
        );
        assert_eq!(err.unwrap_err(), BillingError::NoPriceInEffect);
    }
}
