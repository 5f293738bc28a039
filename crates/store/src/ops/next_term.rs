//! A change scheduled for a subscription's next term (`next_quantity`,
//! `next_term_duration`, `next_billing_cycle`): read with the subscription, checked
//! against the price list when it is set, applied and cleared by the renewal.

use partnerdesk_domain::billing::{BillingError, BillingPlan};
use partnerdesk_domain::catalog::Catalog;
use partnerdesk_domain::country::CountryCode;
use partnerdesk_domain::subscription::{NextTerm, Subscription};
use partnerdesk_domain::{Field, FieldError, Rule};

use crate::db::{Conn, Row, Value, id};
use crate::error::StoreError;
use crate::ops::charges::{self, corrupt};

/// The change a row's columns schedule, if any.
pub(crate) fn from_row(row: &Row) -> Result<Option<NextTerm>, StoreError> {
    let Some(quantity) = row.opt_int("next_quantity")? else {
        return Ok(None);
    };
    let (term, cycle) = (row.text("next_term_duration")?, row.text("next_billing_cycle")?);
    Ok(Some(NextTerm {
        quantity: u32::try_from(quantity).map_err(|_| corrupt("next_quantity"))?,
        plan: BillingPlan::parse(&term, &cycle).map_err(|_| corrupt("next_term_duration"))?,
    }))
}

/// The three columns' values for `next`: all set, or all NULL.
pub(crate) fn values(next: Option<NextTerm>) -> [Value<'static>; 3] {
    match next {
        Some(n) => [
            i64::from(n.quantity).into(),
            Value::Text(Some(n.plan.term().as_str())),
            Value::Text(Some(n.plan.cycle().as_str())),
        ],
        None => [Value::Int(None), Value::Text(None), Value::Text(None)],
    }
}

/// Refuses a change scheduled for `sub`'s next term on a plan its price list has no price
/// for on the day that term begins, in the customer's market (a subscription without a
/// priced term has no renewal to change).
pub(crate) async fn check_priced(
    c: &mut Conn<'_>,
    catalog: &Catalog,
    sub: &Subscription,
    next: NextTerm,
) -> Result<(), StoreError> {
    let unpriced = || {
        StoreError::Invalid(vec![FieldError::new(
            Field::NextTermPlan,
            Rule::from(BillingError::NoPriceInEffect),
        )])
    };
    let (Some((term, _)), Some(list)) = (charges::term(c, sub.id).await?, catalog.prices(&sub.offer_id))
    else {
        return Err(unpriced());
    };
    let country = c
        .fetch_one(
            "SELECT country FROM customers WHERE id = $1",
            &[id(sub.customer_id)],
        )
        .await?
        .text("country")?;
    let market = CountryCode::parse(&country).map_err(|_| corrupt("country"))?;
    let on = term.renews_on().map_err(|_| unpriced())?;
    list.lock(market, term.cost.currency(), next.plan, on)
        .map(|_| ())
        .map_err(|_| unpriced())
}
