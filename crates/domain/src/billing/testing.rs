//! Shorthands for the billing tests.
#![expect(clippy::unwrap_used, reason = "a test fails loudly on an unexpected error")]

use super::{BillingPlan, Money};

/// An amount in euros, e.g. `eur("12.50")`.
pub(crate) fn eur(text: &str) -> Money {
    Money::parse(text, "EUR".parse().unwrap()).unwrap()
}

/// A billing plan, e.g. `plan("P1Y", "monthly")`.
pub(crate) fn plan(term: &str, cycle: &str) -> BillingPlan {
    BillingPlan::parse(term, cycle).unwrap()
}
