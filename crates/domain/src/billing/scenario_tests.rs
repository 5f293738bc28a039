//! A month of one subscription through the public API of the billing module: price lock,
//! purchase, seats added, removed inside their window and refused outside it, a refused
//! cancellation, and the month's invoice on both sides.

#![expect(clippy::unwrap_used, reason = "a test fails loudly on an unexpected error")]

use time::macros::{date, datetime};

use super::*;
use crate::country::CountryCode;
use crate::{CustomerId, OfferId};

fn usd(text: &str) -> Money {
    Money::parse(text, "USD".parse().unwrap()).unwrap()
}

#[test]
fn a_month_of_a_yearly_subscription_billed_monthly_adds_up() {
    let us = CountryCode::parse("US").unwrap();
    let plan = BillingPlan::parse("P1Y", "monthly").unwrap();
    let list = PriceList::new(
        OfferId::parse("business-basic").unwrap(),
        vec![
            PricePoint::new(
                Some(us),
                plan,
                usd("72"),
                Some(usd("90")),
                date!(2024 - 01 - 01),
                None,
            )
            .unwrap(),
        ],
    )
    .unwrap();
    let start = date!(2024 - 06 - 01);
    let locked = list.lock(us, "USD".parse().unwrap(), plan, start).unwrap();
    let customer_id = CustomerId::new();
    let markups = Markups(vec![MarkupRule {
        customer: None,
        offer: None,
        rule: CustomerPriceRule::percent_over_cost("25").unwrap(),
    }]);
    let (rule, _) = markups.rule_for(Some(customer_id), list.offer()).unwrap();
    let cost = locked.cycle_price().unwrap(); // 72 / 12 = 6 a month
    let customer = rule.customer_price(cost, None).unwrap(); // 7.50
    let prices = CyclePrices { cost, customer };

    // June 1: 10 seats. June 11: 5 more. June 15: 3 of the new ones removed (in window).
    let bought_at = datetime!(2024-06-01 9:00 UTC);
    let added_at = datetime!(2024-06-11 9:00 UTC);
    let mut batches = vec![SeatBatch {
        quantity: 10,
        added_at: bought_at,
    }];
    let mut charges = vec![purchase(plan, start, 10, prices).unwrap()];
    batches.push(SeatBatch {
        quantity: 5,
        added_at,
    });
    charges.extend(seat_change(plan, start, date!(2024 - 06 - 11), 10, 15, prices).unwrap());
    batches = remove_seats(&batches, 3, datetime!(2024-06-15 9:00 UTC)).unwrap();
    charges.extend(seat_change(plan, start, date!(2024 - 06 - 15), 15, 12, prices).unwrap());

    // June 20: removing 3 more is refused (every batch's 168 hours have passed), and so is
    // cancelling; nothing is charged for either.
    let late = datetime!(2024-06-20 9:00 UTC);
    assert_eq!(
        remove_seats(&batches, 3, late).unwrap_err(),
        BillingError::SeatReductionWindowPassed {
            hours: 168,
            refundable: 0
        }
    );
    assert_eq!(check_cancellation(bought_at, late).unwrap_err().code(), 900213);

    // Cost: 60.00; 10→15 on day 11 of 30 (20 days): −40.00 +60.00; 15→12 on day 15
    // (16 days): −48.00 +38.40. Net 70.40.
    let subtotals: Vec<String> = charges
        .iter()
        .map(|c| c.cost.subtotal.amount().to_string())
        .collect();
    assert_eq!(subtotals, ["60.00", "-40.00", "60.00", "-48.00", "38.40"]);
    let cost_total = Money::sum(cost.currency(), charges.iter().map(|c| c.cost.subtotal)).unwrap();
    let customer_total = Money::sum(cost.currency(), charges.iter().map(|c| c.customer.subtotal)).unwrap();
    assert_eq!(cost_total, usd("70.40"));
    assert_eq!(customer_total, usd("88.00"));
    assert_eq!(margin(cost_total, customer_total), Ok(usd("17.60")));

    // All of it was recorded in June, so it is on June's invoice.
    let june = BillingPeriod::calendar_month(date!(2024 - 06 - 15));
    assert!(charges.iter().all(|c| june.contains(c.charge_start)));
    assert_eq!(june.closes_on(), Ok(date!(2024 - 07 - 01)));
}
