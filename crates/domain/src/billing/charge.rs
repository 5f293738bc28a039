//! Charges: the lines every billable event writes (facts file A5, A6), each with both
//! sides' prices, the partner's cost and the customer's price. A seat change is Partner
//! Center's wipe and recreate: a refund of the old count and a charge of the new one,
//! both prorated over the rest of the charge cycle.

use time::Date;

use super::proration::{ChargeCycle, effective_unit_price, prorated_total};
use super::{BillingError, BillingPlan, ChargeType, Money};

/// One unit's price for a whole charge cycle, for the partner and for its customer
/// ([`super::LockedPrice::cycle_price`] of each).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CyclePrices {
    pub cost: Money,
    pub customer: Money,
}

/// A charge's money on one side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChargeAmounts {
    /// One unit's price for the whole cycle (`unitPrice`).
    pub unit_price: Money,
    /// The prorated unit price, negative for a refund (`effectiveUnitPrice`).
    pub effective_unit_price: Money,
    /// The line's tax-exclusive amount, negative for a refund (`subtotal`).
    pub subtotal: Money,
}

/// One charge line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Charge {
    pub charge_type: ChargeType,
    /// The billable quantity, never negative: a refund has a negative price instead.
    pub quantity: u32,
    pub charge_start: Date,
    /// The last day charged, included.
    pub charge_end: Date,
    pub cost: ChargeAmounts,
    pub customer: ChargeAmounts,
}

impl Charge {
    /// What the partner keeps on this line: the customer's subtotal less its cost.
    pub fn margin(&self) -> Result<Money, BillingError> {
        self.customer.subtotal.checked_sub(self.cost.subtotal)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Charge,
    Refund,
}

fn amounts(
    cycle_price: Money,
    cycle: &ChargeCycle,
    from: Date,
    quantity: u32,
    direction: Direction,
) -> Result<ChargeAmounts, BillingError> {
    let effective = effective_unit_price(cycle_price, cycle, from)?;
    let subtotal = prorated_total(cycle_price, cycle, from, quantity)?;
    Ok(match direction {
        Direction::Charge => ChargeAmounts {
            unit_price: cycle_price,
            effective_unit_price: effective,
            subtotal,
        },
        Direction::Refund => ChargeAmounts {
            unit_price: cycle_price,
            effective_unit_price: effective.negated(),
            subtotal: subtotal.negated(),
        },
    })
}

fn line(
    charge_type: ChargeType,
    cycle: &ChargeCycle,
    from: Date,
    quantity: u32,
    prices: CyclePrices,
    direction: Direction,
) -> Result<Charge, BillingError> {
    Ok(Charge {
        charge_type,
        quantity,
        charge_start: from,
        charge_end: cycle.end,
        cost: amounts(prices.cost, cycle, from, quantity, direction)?,
        customer: amounts(prices.customer, cycle, from, quantity, direction)?,
    })
}

/// The charge for a purchase (`new`) of `quantity` units on `term_start`: its first
/// cycle in full.
pub fn purchase(
    plan: BillingPlan,
    term_start: Date,
    quantity: u32,
    prices: CyclePrices,
) -> Result<Charge, BillingError> {
    first_cycle(ChargeType::New, plan, term_start, quantity, prices)
}

/// The charge for a renewal (`renew`) into a term starting `term_start`: its first cycle,
/// at the renewed term's prices.
pub fn renewal(
    plan: BillingPlan,
    term_start: Date,
    quantity: u32,
    prices: CyclePrices,
) -> Result<Charge, BillingError> {
    first_cycle(ChargeType::Renew, plan, term_start, quantity, prices)
}

/// A term's first cycle charged in full, as `kind`.
fn first_cycle(
    kind: ChargeType,
    plan: BillingPlan,
    term_start: Date,
    quantity: u32,
    prices: CyclePrices,
) -> Result<Charge, BillingError> {
    let cycle = ChargeCycle::nth(plan, term_start, 0)?;
    line(kind, &cycle, cycle.start, quantity, prices, Direction::Charge)
}

/// The charge of the `n`th cycle (from 1; the first is the purchase or renewal), e.g. the
/// second month of a yearly term billed monthly at 1/12 of its price (`cycleCharge`).
pub fn cycle_charge(
    plan: BillingPlan,
    term_start: Date,
    n: u32,
    quantity: u32,
    prices: CyclePrices,
) -> Result<Charge, BillingError> {
    if n == 0 {
        return Err(BillingError::DateOutsideCycle);
    }
    let cycle = ChargeCycle::nth(plan, term_start, n)?;
    line(
        ChargeType::CycleCharge,
        &cycle,
        cycle.start,
        quantity,
        prices,
        Direction::Charge,
    )
}

/// The two lines of a seat change on `on` from `old` to `new` seats: a refund of `old`
/// and a charge of `new`, from `on` to the end of the current cycle, both typed
/// `addQuantity` or `removeQuantity`. Whether a removal is still allowed is
/// [`super::remove_seats`]'s question.
pub fn seat_change(
    plan: BillingPlan,
    term_start: Date,
    on: Date,
    old: u32,
    new: u32,
    prices: CyclePrices,
) -> Result<[Charge; 2], BillingError> {
    let charge_type = match new.cmp(&old) {
        std::cmp::Ordering::Greater => ChargeType::AddQuantity,
        std::cmp::Ordering::Less if new > 0 => ChargeType::RemoveQuantity,
        _ => return Err(BillingError::QuantityChangeInvalid),
    };
    let (_, cycle) = ChargeCycle::containing(plan, term_start, on)?;
    Ok([
        line(charge_type, &cycle, on, old, prices, Direction::Refund)?,
        line(charge_type, &cycle, on, new, prices, Direction::Charge)?,
    ])
}

/// The refund of a cancellation on `on` (`cancelImmediate`): the unused days of the
/// current cycle, prorated (the choice between the two refund rules is in
/// `docs/API-DESIGN.md`). Cycles not yet charged are simply never charged. Whether the
/// cancellation is still allowed is [`super::check_cancellation`]'s question.
pub fn cancellation(
    plan: BillingPlan,
    term_start: Date,
    on: Date,
    quantity: u32,
    prices: CyclePrices,
) -> Result<Charge, BillingError> {
    let (_, cycle) = ChargeCycle::containing(plan, term_start, on)?;
    line(
        ChargeType::CancelImmediate,
        &cycle,
        on,
        quantity,
        prices,
        Direction::Refund,
    )
}

#[cfg(test)]
#[expect(clippy::unwrap_used, reason = "a test fails loudly on an unexpected error")]
mod tests {
    use time::macros::date;

    use super::*;
    use crate::billing::testing::{eur, plan};

    fn prices(cost: &str, customer: &str) -> CyclePrices {
        CyclePrices {
            cost: eur(cost),
            customer: eur(customer),
        }
    }

    #[test]
    fn adding_seats_is_a_refund_of_the_old_count_and_a_charge_of_the_new() {
        // Facts file A6, "Seat change = wipe and recreate": 10 seats at EUR 10.08 bought
        // Jun 18, 2 added Jun 20 → addQuantity −94.08 and addQuantity +112.89, same dates.
        let p = plan("P1M", "monthly");
        let [refund, charge] = seat_change(
            p,
            date!(2024 - 06 - 18),
            date!(2024 - 06 - 20),
            10,
            12,
            prices("10.08", "12"),
        )
        .unwrap();
        assert_eq!(refund.charge_type, ChargeType::AddQuantity);
        assert_eq!(charge.charge_type, ChargeType::AddQuantity);
        assert_eq!((refund.quantity, refund.cost.subtotal), (10, eur("-94.08")));
        assert_eq!(refund.cost.effective_unit_price, eur("-9.408"));
        assert_eq!((charge.quantity, charge.cost.subtotal), (12, eur("112.89")));
        assert_eq!(charge.cost.effective_unit_price, eur("9.408"));
        assert_eq!(
            (refund.charge_start, refund.charge_end),
            (date!(2024 - 06 - 20), date!(2024 - 07 - 17))
        );
        assert_eq!(
            (charge.charge_start, charge.charge_end),
            (refund.charge_start, refund.charge_end)
        );
        // The customer's side, at EUR 12: 12 × 28 / 30 = 11.2 → −112.00 and +134.40.
        assert_eq!(refund.customer.subtotal, eur("-112"));
        assert_eq!(charge.customer.subtotal, eur("134.4"));
        assert_eq!(charge.margin(), Ok(eur("21.51")));
    }

    #[test]
    fn removing_seats_uses_remove_quantity_lines_the_same_way() {
        let [refund, charge] = seat_change(
            plan("P1M", "monthly"),
            date!(2024 - 06 - 18),
            date!(2024 - 06 - 20),
            12,
            10,
            prices("10.08", "12"),
        )
        .unwrap();
        assert_eq!(refund.charge_type, ChargeType::RemoveQuantity);
        assert_eq!(refund.cost.subtotal, eur("-112.89"));
        assert_eq!(charge.cost.subtotal, eur("94.08"));
    }

    #[test]
    fn a_seat_change_must_change_the_count_and_keep_a_seat() {
        let p = plan("P1M", "monthly");
        let d = date!(2024 - 06 - 18);
        let pr = prices("1", "1");
        assert_eq!(
            seat_change(p, d, d, 3, 3, pr),
            Err(BillingError::QuantityChangeInvalid)
        );
        assert_eq!(
            seat_change(p, d, d, 3, 0, pr),
            Err(BillingError::QuantityChangeInvalid)
        );
        assert_eq!(
            seat_change(p, d, date!(2024 - 07 - 18), 3, 4, pr),
            Err(BillingError::DateOutsideCycle)
        );
    }

    #[test]
    fn a_yearly_term_billed_monthly_charges_a_twelfth_each_month() {
        // Facts file A6, "Payment plans": cycleCharge monthly at 1/12 of the annual price.
        let p = plan("P1Y", "monthly");
        let start = date!(2024 - 03 - 15);
        let cycle = prices("115.2", "144").cost.checked_div(12.into()).unwrap();
        let per_cycle = CyclePrices {
            cost: cycle,
            customer: eur("12"),
        };
        let first = purchase(p, start, 5, per_cycle).unwrap();
        assert_eq!(first.charge_type, ChargeType::New);
        assert_eq!(first.cost.subtotal, eur("48"));
        assert_eq!(
            (first.charge_start, first.charge_end),
            (start, date!(2024 - 04 - 14))
        );
        let second = cycle_charge(p, start, 1, 5, per_cycle).unwrap();
        assert_eq!(second.charge_type, ChargeType::CycleCharge);
        assert_eq!(second.cost.subtotal, eur("48"));
        assert_eq!(second.customer.subtotal, eur("60"));
        assert_eq!(second.charge_start, date!(2024 - 04 - 15));
        assert!(cycle_charge(p, start, 12, 5, per_cycle).is_err());
        assert!(cycle_charge(p, start, 0, 5, per_cycle).is_err());
    }

    #[test]
    fn upfront_is_one_line_spanning_the_whole_term() {
        let p = plan("P3Y", "triennial");
        let start = date!(2024 - 01 - 01);
        let c = purchase(p, start, 2, prices("300", "360")).unwrap();
        assert_eq!(
            (c.charge_start, c.charge_end),
            (start, p.term().end_date(start).unwrap())
        );
        assert_eq!(c.cost.subtotal, eur("600"));
    }

    #[test]
    fn a_renewal_charges_the_new_terms_first_cycle() {
        let c = renewal(
            plan("P1Y", "annual"),
            date!(2025 - 03 - 15),
            5,
            prices("120", "144"),
        )
        .unwrap();
        assert_eq!(c.charge_type, ChargeType::Renew);
        assert_eq!(
            (c.charge_end, c.cost.subtotal),
            (date!(2026 - 03 - 14), eur("600"))
        );
    }

    #[test]
    fn a_cancellation_refunds_the_unused_days_of_the_current_cycle() {
        // Bought Jun 18 for 30 days at EUR 10.08; cancelled Jun 20: 28 days back.
        let c = cancellation(
            plan("P1M", "monthly"),
            date!(2024 - 06 - 18),
            date!(2024 - 06 - 20),
            10,
            prices("10.08", "12"),
        )
        .unwrap();
        assert_eq!(c.charge_type, ChargeType::CancelImmediate);
        assert_eq!(c.cost.subtotal, eur("-94.08"));
        assert_eq!(c.customer.subtotal, eur("-112"));
        // On the purchase day itself, everything comes back.
        let same_day = cancellation(
            plan("P1Y", "annual"),
            date!(2024 - 06 - 18),
            date!(2024 - 06 - 18),
            3,
            prices("100", "120"),
        )
        .unwrap();
        assert_eq!(same_day.cost.subtotal, eur("-300"));
    }
}
