//! New-commerce terms and billing plans (facts file A9, A8): a term (`P1M`, `P1Y`,
//! `P3Y`), a billing cycle (how often the term is charged), and the billing plan, their
//! valid combination.

use std::fmt;

use time::Date;

use super::{BillingError, calendar};

/// How long a subscription commits for: Partner Center's `termDuration`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TermDuration {
    P1M,
    P1Y,
    P3Y,
}

impl TermDuration {
    pub const ALL: [TermDuration; 3] = [TermDuration::P1M, TermDuration::P1Y, TermDuration::P3Y];

    /// Parses exactly `P1M`, `P1Y` or `P3Y`, as Partner Center writes them (ISO 8601
    /// durations, upper case); other spellings of the same duration (`P12M`, `p1y`) are
    /// refused so that the stored and sent text is always one of the three.
    pub fn parse(input: &str) -> Result<Self, BillingError> {
        match input {
            "P1M" => Ok(TermDuration::P1M),
            "P1Y" => Ok(TermDuration::P1Y),
            "P3Y" => Ok(TermDuration::P3Y),
            _ => Err(BillingError::TermUnknown),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            TermDuration::P1M => "P1M",
            TermDuration::P1Y => "P1Y",
            TermDuration::P3Y => "P3Y",
        }
    }

    /// The term's length in calendar months.
    pub fn months(self) -> u32 {
        match self {
            TermDuration::P1M => 1,
            TermDuration::P1Y => 12,
            TermDuration::P3Y => 36,
        }
    }

    /// The last day of a term that starts on `start` (Partner Center's
    /// `commitmentEndDate`): the day before the same day `months()` later.
    pub fn end_date(self, start: Date) -> Result<Date, BillingError> {
        calendar::day_before(calendar::add_months(start, self.months())?)
    }
}

impl fmt::Display for TermDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How often a term is charged: Partner Center's `billingCycle` (its `BillingCycleType`
/// names). `Triennial` is the upfront payment of a whole `P3Y` term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BillingCycle {
    Monthly,
    Annual,
    Triennial,
}

impl BillingCycle {
    pub const ALL: [BillingCycle; 3] = [
        BillingCycle::Monthly,
        BillingCycle::Annual,
        BillingCycle::Triennial,
    ];

    /// Parses `monthly`, `annual` or `triennial` in any case (the API writes them in lower
    /// case, price lists capitalized).
    pub fn parse(input: &str) -> Result<Self, BillingError> {
        BillingCycle::ALL
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(input.trim()))
            .ok_or(BillingError::BillingPlanUnknown)
    }

    /// The API's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            BillingCycle::Monthly => "monthly",
            BillingCycle::Annual => "annual",
            BillingCycle::Triennial => "triennial",
        }
    }

    /// The price list's `BillingPlan` column.
    pub fn price_list_name(self) -> &'static str {
        match self {
            BillingCycle::Monthly => "Monthly",
            BillingCycle::Annual => "Annual",
            BillingCycle::Triennial => "Triennial",
        }
    }

    /// The reconciliation file's `BillingFrequency`: blank for an upfront payment of the
    /// whole term (facts file A6, "Payment plans").
    pub fn billing_frequency(self) -> &'static str {
        match self {
            BillingCycle::Monthly => "Monthly",
            BillingCycle::Annual => "Annual",
            BillingCycle::Triennial => "",
        }
    }

    /// The length of one charge cycle in calendar months.
    pub fn months(self) -> u32 {
        match self {
            BillingCycle::Monthly => 1,
            BillingCycle::Annual => 12,
            BillingCycle::Triennial => 36,
        }
    }
}

impl fmt::Display for BillingCycle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A term with the cycle it is billed in: only the combinations new commerce sells.
/// `P1M` is billed monthly; `P1Y` monthly or annually; `P3Y` monthly, annually or all
/// upfront (`triennial`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BillingPlan {
    term: TermDuration,
    cycle: BillingCycle,
}

impl BillingPlan {
    pub fn new(term: TermDuration, cycle: BillingCycle) -> Result<Self, BillingError> {
        if cycle.months() > term.months() {
            return Err(BillingError::BillingPlanNotForTerm {
                term: term.as_str(),
                plan: cycle.as_str(),
            });
        }
        Ok(Self { term, cycle })
    }

    /// Parses the API's pair, e.g. (`P1Y`, `monthly`).
    pub fn parse(term: &str, cycle: &str) -> Result<Self, BillingError> {
        Self::new(TermDuration::parse(term)?, BillingCycle::parse(cycle)?)
    }

    /// Every plan that can be bought.
    pub fn all() -> impl Iterator<Item = BillingPlan> {
        TermDuration::ALL.into_iter().flat_map(|t| {
            BillingCycle::ALL
                .into_iter()
                .filter_map(move |c| BillingPlan::new(t, c).ok())
        })
    }

    pub fn term(self) -> TermDuration {
        self.term
    }

    pub fn cycle(self) -> BillingCycle {
        self.cycle
    }

    /// How many charge cycles a term has: a price list's unit price is for the whole term
    /// (facts file A8) and each cycle is charged this fraction of it (1/12 on `P1Y`
    /// monthly).
    pub fn cycles_per_term(self) -> u32 {
        self.term.months() / self.cycle.months()
    }

    /// Whether the billing plan may change to `to` in the middle of a term (facts file
    /// A9, "Midterm billing-plan changes"): the term may move up (`P1M` → `P1Y`/`P3Y`,
    /// `P1Y` → `P3Y`), never down; with the same term only `P3Y` switches between monthly
    /// and annual; upfront (`triennial`) is chosen only at purchase.
    pub fn can_change_midterm_to(self, to: BillingPlan) -> bool {
        if to.cycle == BillingCycle::Triennial {
            return false;
        }
        match to.term.cmp(&self.term) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Less => false,
            std::cmp::Ordering::Equal => {
                self.term == TermDuration::P3Y
                    && self.cycle != to.cycle
                    && self.cycle != BillingCycle::Triennial
            }
        }
    }
}

#[cfg(test)]
#[expect(clippy::unwrap_used, reason = "a test fails loudly on an unexpected error")]
mod tests {
    use time::macros::date;

    use super::*;

    #[test]
    fn terms_parse_exactly_the_three_strings() {
        for term in TermDuration::ALL {
            assert_eq!(TermDuration::parse(term.as_str()), Ok(term));
        }
        for bad in ["", "p1y", "P12M", "P1D", " P1Y", "P2Y", "P36M"] {
            assert_eq!(TermDuration::parse(bad), Err(BillingError::TermUnknown), "{bad}");
        }
    }

    #[test]
    fn a_term_ends_the_day_before_its_anniversary() {
        assert_eq!(
            TermDuration::P1M.end_date(date!(2024 - 06 - 18)).unwrap(),
            date!(2024 - 07 - 17)
        );
        assert_eq!(
            TermDuration::P1Y.end_date(date!(2024 - 06 - 18)).unwrap(),
            date!(2025 - 06 - 17)
        );
        assert_eq!(
            TermDuration::P3Y.end_date(date!(2024 - 01 - 01)).unwrap(),
            date!(2026 - 12 - 31)
        );
    }

    #[test]
    fn only_new_commerces_combinations_are_plans() {
        let plans: Vec<String> = BillingPlan::all()
            .map(|p| format!("{}+{}", p.term(), p.cycle()))
            .collect();
        assert_eq!(
            plans,
            [
                "P1M+monthly",
                "P1Y+monthly",
                "P1Y+annual",
                "P3Y+monthly",
                "P3Y+annual",
                "P3Y+triennial"
            ]
        );
        assert_eq!(
            BillingPlan::parse("P1M", "annual"),
            Err(BillingError::BillingPlanNotForTerm {
                term: "P1M",
                plan: "annual"
            })
        );
        assert!(BillingPlan::parse("P1Y", "triennial").is_err());
        assert_eq!(
            BillingPlan::parse("P1Y", "none"),
            Err(BillingError::BillingPlanUnknown)
        );
        assert!(BillingPlan::parse("P1Y", "Monthly").is_ok());
    }

    #[test]
    fn a_term_is_split_into_its_cycles() {
        let cycles = |t, c| BillingPlan::parse(t, c).unwrap().cycles_per_term();
        assert_eq!(cycles("P1M", "monthly"), 1);
        assert_eq!(cycles("P1Y", "monthly"), 12);
        assert_eq!(cycles("P1Y", "annual"), 1);
        assert_eq!(cycles("P3Y", "monthly"), 36);
        assert_eq!(cycles("P3Y", "annual"), 3);
        assert_eq!(cycles("P3Y", "triennial"), 1);
    }

    #[test]
    fn upfront_payment_has_a_blank_billing_frequency() {
        assert_eq!(BillingCycle::Triennial.billing_frequency(), "");
        assert_eq!(BillingCycle::Annual.billing_frequency(), "Annual");
        assert_eq!(BillingCycle::Monthly.price_list_name(), "Monthly");
    }

    #[test]
    fn midterm_changes_go_up_in_term_and_switch_cycle_only_on_three_years() {
        let p = |t, c| BillingPlan::parse(t, c).unwrap();
        assert!(p("P1M", "monthly").can_change_midterm_to(p("P1Y", "monthly")));
        assert!(p("P1Y", "annual").can_change_midterm_to(p("P3Y", "annual")));
        assert!(!p("P1Y", "monthly").can_change_midterm_to(p("P1M", "monthly")));
        assert!(!p("P1Y", "monthly").can_change_midterm_to(p("P1Y", "annual")));
        assert!(p("P3Y", "monthly").can_change_midterm_to(p("P3Y", "annual")));
        assert!(p("P3Y", "annual").can_change_midterm_to(p("P3Y", "monthly")));
        assert!(!p("P3Y", "monthly").can_change_midterm_to(p("P3Y", "triennial")));
        assert!(!p("P3Y", "triennial").can_change_midterm_to(p("P3Y", "monthly")));
        assert!(!p("P3Y", "monthly").can_change_midterm_to(p("P3Y", "monthly")));
    }
}
