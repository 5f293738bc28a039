//! Subscriptions: what a customer has, one per order line item.

use std::str::FromStr;

use strum::{Display, IntoStaticStr, VariantArray};
use time::OffsetDateTime;

use crate::billing::{BillingCycle, BillingError, BillingPlan, TermDuration};
use crate::catalog::Offer;
use crate::error::Errors;
use crate::order::RawQuantity;
use crate::{CustomerId, Field, FieldError, OfferId, OrderId, PartnerId, Rule, SubscriptionId};

/// Partner Center's subscription states that Partnerdesk uses. The name (`active`) is
/// stored, sent in the API and part of a Fluent message id (`status-active`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Display, IntoStaticStr, VariantArray)]
#[strum(serialize_all = "lowercase")]
pub enum SubscriptionStatus {
    Active,
    Suspended,
    Deleted,
    /// Its term ended without a renewal (auto-renewal off, suspended, or no price in
    /// force): final, as `deleted` is, but never asked for.
    Expired,
}

impl SubscriptionStatus {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl FromStr for SubscriptionStatus {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        SubscriptionStatus::VARIANTS
            .iter()
            .copied()
            .find(|v| v.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or(())
    }
}

/// A subscription as read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    pub id: SubscriptionId,
    pub customer_id: CustomerId,
    /// The partner that sold it.
    pub partner_id: PartnerId,
    /// The indirect reseller it was sold through, if any.
    pub reseller_id: Option<PartnerId>,
    pub order_id: OrderId,
    pub offer_id: OfferId,
    pub friendly_name: String,
    pub quantity: u32,
    pub status: SubscriptionStatus,
    pub parent_subscription_id: Option<SubscriptionId>,
    pub partner_id_on_record: Option<String>,
    pub billing_cycle: String,
    pub term_duration: String,
    pub auto_renew: bool,
    pub created_at: OffsetDateTime,
    pub commitment_end: OffsetDateTime,
    /// Incremented by every change; the API's etag.
    pub version: i64,
    /// What its next term changes to, when it renews (Partner Center's
    /// `scheduledNextTermInstructions`).
    pub next_term: Option<NextTerm>,
}

/// A change scheduled for a subscription's next term: its license count and billing plan
/// from the renewal on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NextTerm {
    pub quantity: u32,
    pub plan: BillingPlan,
}

/// What a change asks of the next term, as given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum NextTermInput {
    /// Left as it is (except that cancelling, turning auto-renewal off or changing the
    /// license count drops a schedule, as in Partner Center).
    #[default]
    Unchanged,
    /// No change at the next term.
    Clear,
    /// The next term's license count and plan; what is missing stays as it is now. The
    /// term and billing plan are taken exactly as the API spells them (`P1Y`, `annual`).
    Set {
        quantity: RawQuantity,
        term: Option<String>,
        cycle: Option<String>,
    },
}

/// What a change to a subscription asks for, as given: a license count, a status, whether
/// it renews at its term's end, a change at its next term, any of them or none (left as
/// they are).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubscriptionUpdateInput {
    pub quantity: RawQuantity,
    pub status: Option<String>,
    pub auto_renew: Option<bool>,
    pub next_term: NextTermInput,
}

/// A checked change: the subscription's license count, status, auto-renewal and next-term
/// change afterwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubscriptionUpdate {
    pub quantity: u32,
    pub status: SubscriptionStatus,
    pub auto_renew: bool,
    pub next_term: Option<NextTerm>,
}

impl SubscriptionUpdate {
    /// Whether it changes anything of `current`.
    pub fn changes(&self, current: &Subscription) -> bool {
        self.quantity != current.quantity
            || self.status != current.status
            || self.auto_renew != current.auto_renew
            || self.next_term != current.next_term
    }
}

/// Checks a change of `current`, a subscription of `offer`, with Partner Center's rules:
/// the license count stays within the offer's range (2002), the status is `active`,
/// `suspended` or `deleted` (a cancellation, whose window the store checks), the count
/// can't change in the request that suspends (2001) or cancels, nor while the
/// subscription stays suspended (800091). Auto-renewal can be turned on only for an offer
/// that renews; suspending turns it off. Whether an add-on's parent
/// is active is checked where the parent is known (the store).
pub fn check_update(
    current: &Subscription,
    offer: &Offer,
    input: &SubscriptionUpdateInput,
) -> Result<SubscriptionUpdate, Vec<FieldError>> {
    let mut errors = Errors::default();
    let status = match input.status.as_deref().map(str::trim) {
        None | Some("") => Some(current.status),
        Some(text) => errors.field(
            Field::SubscriptionStatus,
            match text.parse() {
                Ok(SubscriptionStatus::Expired) | Err(()) => Err(Rule::StatusUnsupported),
                Ok(s) => Ok(s),
            },
        ),
    };
    let quantity = match input.quantity {
        RawQuantity::Missing => Some(current.quantity),
        RawQuantity::NotANumber => {
            errors.field::<u32>(Field::SubscriptionQuantity, Err(Rule::QuantityNotANumber))
        }
        RawQuantity::Integer(q) => errors.field(
            Field::SubscriptionQuantity,
            offer
                .check_quantity(q)
                .map_err(|_| Rule::SubscriptionQuantityOutOfRange {
                    min: offer.minimum_quantity,
                    max: offer.maximum_quantity,
                }),
        ),
    };
    match current.status {
        SubscriptionStatus::Deleted => errors.push(Field::SubscriptionStatus, Rule::SubscriptionDeleted),
        SubscriptionStatus::Expired => errors.push(Field::SubscriptionStatus, Rule::SubscriptionExpired),
        SubscriptionStatus::Active | SubscriptionStatus::Suspended => {}
    }
    if let (Some(quantity), Some(status)) = (quantity, status)
        && quantity != current.quantity
        && status != SubscriptionStatus::Active
    {
        let rule = match (status, current.status) {
            (SubscriptionStatus::Deleted, _) => Rule::QuantityWhileCancelling,
            (_, SubscriptionStatus::Suspended) => Rule::SubscriptionSuspended,
            _ => Rule::QuantityWhileSuspending,
        };
        errors.push(Field::SubscriptionQuantity, rule);
    }
    let suspending =
        status == Some(SubscriptionStatus::Suspended) && current.status != SubscriptionStatus::Suspended;
    let auto_renew = match input.auto_renew {
        Some(true) if !offer.is_auto_renewable => {
            errors.push(Field::AutoRenew, Rule::AutoRenewNotOffered);
            false
        }
        // Suspending turns auto-renewal off (facts file A9), unless the request says otherwise.
        None if suspending => false,
        asked => asked.unwrap_or(current.auto_renew),
    };
    let count = quantity.unwrap_or(current.quantity);
    let next_term = next_term((current, count), offer, &input.next_term, &mut errors);
    if matches!(input.next_term, NextTermInput::Set { .. }) && !auto_renew {
        errors.push(Field::NextTermPlan, Rule::NextTermNeedsAutoRenew);
    }
    match (quantity, status) {
        (Some(quantity), Some(status)) if errors.is_empty() => {
            // Cancelling, turning auto-renewal off or changing the count now drops a
            // schedule set before (facts file: "The schedule is deleted by...").
            let kept = status != SubscriptionStatus::Deleted
                && auto_renew
                && (matches!(input.next_term, NextTermInput::Set { .. }) || quantity == current.quantity);
            Ok(SubscriptionUpdate {
                quantity,
                status,
                auto_renew,
                next_term: next_term.filter(|_| kept),
            })
        }
        _ => Err(errors.into_vec()),
    }
}

/// The next-term change `input` asks for: its license count within the offer's range and
/// a billing plan that exists for its term (whether it is priced is for the store, which
/// knows the market). What is missing is as it is now: the plan `current`'s, the count
/// `count` (the one the same change sets, if it sets one).
fn next_term(
    (current, count): (&Subscription, u32),
    offer: &Offer,
    input: &NextTermInput,
    errors: &mut Errors,
) -> Option<NextTerm> {
    let NextTermInput::Set {
        quantity,
        term,
        cycle,
    } = input
    else {
        return match input {
            NextTermInput::Clear => None,
            _ => current.next_term,
        };
    };
    let quantity = match *quantity {
        RawQuantity::Missing => Some(count),
        RawQuantity::NotANumber => {
            errors.field::<u32>(Field::NextTermQuantity, Err(Rule::QuantityNotANumber))
        }
        RawQuantity::Integer(q) => errors.field(
            Field::NextTermQuantity,
            offer
                .check_quantity(q)
                .map_err(|_| Rule::SubscriptionQuantityOutOfRange {
                    min: offer.minimum_quantity,
                    max: offer.maximum_quantity,
                }),
        ),
    };
    let term = term.as_deref().unwrap_or(&current.term_duration);
    let cycle = match cycle.as_deref() {
        None => BillingCycle::parse(&current.billing_cycle),
        Some(given) => BillingCycle::ALL
            .into_iter()
            .find(|c| c.as_str() == given)
            .ok_or(BillingError::BillingPlanUnknown),
    };
    let plan = errors.field(
        Field::NextTermPlan,
        TermDuration::parse(term)
            .and_then(|term| BillingPlan::new(term, cycle?))
            .map_err(Rule::from),
    );
    Some(NextTerm {
        quantity: quantity?,
        plan: plan?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::tests::sample;

    fn mailbox(quantity: u32, status: SubscriptionStatus) -> (Subscription, Offer) {
        let catalog = sample();
        let offer_id = OfferId::parse("MAIL-BASIC").unwrap_or_else(|| unreachable!());
        let offer = catalog
            .offer(&offer_id)
            .cloned()
            .unwrap_or_else(|| unreachable!());
        let now = OffsetDateTime::UNIX_EPOCH;
        let sub = Subscription {
            id: SubscriptionId::new(),
            customer_id: CustomerId::new(),
            partner_id: PartnerId::new(),
            reseller_id: None,
            order_id: OrderId::new(),
            offer_id,
            friendly_name: "Mail".into(),
            quantity,
            status,
            parent_subscription_id: None,
            partner_id_on_record: None,
            billing_cycle: "monthly".into(),
            term_duration: "P1M".into(),
            auto_renew: true,
            created_at: now,
            commitment_end: now,
            version: 1,
            next_term: None,
        };
        (sub, offer)
    }

    fn update(quantity: RawQuantity, status: Option<&str>) -> SubscriptionUpdateInput {
        SubscriptionUpdateInput {
            quantity,
            status: status.map(str::to_owned),
            auto_renew: None,
            next_term: NextTermInput::Unchanged,
        }
    }

    fn rules(result: Result<SubscriptionUpdate, Vec<FieldError>>) -> Vec<Rule> {
        result
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| e.rule)
            .collect()
    }

    #[test]
    fn license_counts_change_within_the_offers_range() {
        let (sub, offer) = mailbox(10, SubscriptionStatus::Active);
        let up = check_update(&sub, &offer, &update(RawQuantity::Integer(25), None));
        assert_eq!(
            up,
            Ok(SubscriptionUpdate {
                quantity: 25,
                status: SubscriptionStatus::Active,
                auto_renew: true,
                next_term: None,
            })
        );
        let range = Rule::SubscriptionQuantityOutOfRange { min: 1, max: 300 };
        for q in [0, -3, 301] {
            let result = check_update(&sub, &offer, &update(RawQuantity::Integer(q), None));
            assert_eq!(rules(result), vec![range.clone()], "{q}");
        }
        assert_eq!(range.code(), 2002);
    }

    #[test]
    fn suspending_and_reactivating_keep_the_count() {
        let (active, offer) = mailbox(10, SubscriptionStatus::Active);
        let suspend = check_update(&active, &offer, &update(RawQuantity::Missing, Some("Suspended")));
        assert_eq!(
            suspend.map(|u| (u.status, u.auto_renew)),
            Ok((SubscriptionStatus::Suspended, false)),
            "suspending turns auto-renewal off"
        );
        let both = check_update(
            &active,
            &offer,
            &update(RawQuantity::Integer(5), Some("suspended")),
        );
        assert_eq!(rules(both), vec![Rule::QuantityWhileSuspending]);

        let (suspended, offer) = mailbox(10, SubscriptionStatus::Suspended);
        let count = check_update(&suspended, &offer, &update(RawQuantity::Integer(5), None));
        assert_eq!(rules(count), vec![Rule::SubscriptionSuspended]);
        let back = check_update(
            &suspended,
            &offer,
            &update(RawQuantity::Integer(5), Some("active")),
        );
        assert_eq!(
            back,
            Ok(SubscriptionUpdate {
                quantity: 5,
                status: SubscriptionStatus::Active,
                auto_renew: true,
                next_term: None,
            })
        );
    }

    #[test]
    fn a_cancellation_is_asked_for_with_deleted_and_keeps_the_count() {
        let (sub, offer) = mailbox(10, SubscriptionStatus::Active);
        let result = check_update(&sub, &offer, &update(RawQuantity::Missing, Some("paused")));
        assert_eq!(rules(result), vec![Rule::StatusUnsupported]);
        let cancel = check_update(&sub, &offer, &update(RawQuantity::Missing, Some("deleted")));
        assert_eq!(cancel.map(|u| u.status), Ok(SubscriptionStatus::Deleted));
        let fewer = check_update(&sub, &offer, &update(RawQuantity::Integer(5), Some("deleted")));
        assert_eq!(rules(fewer), vec![Rule::QuantityWhileCancelling]);
        let same = check_update(&sub, &offer, &update(RawQuantity::Missing, None));
        assert_eq!(same.map(|u| u.changes(&sub)), Ok(false));
    }

    #[test]
    fn auto_renewal_turns_on_only_for_offers_that_renew() {
        let (sub, mut offer) = mailbox(10, SubscriptionStatus::Active);
        let mut input = update(RawQuantity::Missing, None);
        input.auto_renew = Some(false);
        let off = check_update(&sub, &offer, &input);
        assert_eq!(off.map(|u| (u.auto_renew, u.changes(&sub))), Ok((false, true)));
        offer.is_auto_renewable = false;
        input.auto_renew = Some(true);
        let refused = check_update(&sub, &offer, &input);
        assert_eq!(
            refused.err().map(|e| e[0].rule.clone()),
            Some(Rule::AutoRenewNotOffered)
        );
    }

    #[test]
    fn statuses_keep_their_stored_names() {
        let names: Vec<_> = SubscriptionStatus::VARIANTS.iter().map(|s| s.as_str()).collect();
        assert_eq!(names, ["active", "suspended", "deleted", "expired"]);
        for &status in SubscriptionStatus::VARIANTS {
            assert_eq!(status.to_string(), status.as_str());
            assert_eq!(status.as_str().parse(), Ok(status));
        }
    }

    #[test]
    fn an_expired_subscription_changes_no_more_and_expiry_is_never_asked_for() {
        let (expired, offer) = mailbox(10, SubscriptionStatus::Expired);
        for status in [None, Some("active"), Some("deleted")] {
            let refused = check_update(&expired, &offer, &update(RawQuantity::Missing, status));
            assert_eq!(
                refused.err().map(|e| e[0].rule.clone()),
                Some(Rule::SubscriptionExpired),
                "{status:?}"
            );
        }
        let (active, offer) = mailbox(10, SubscriptionStatus::Active);
        let asked = check_update(&active, &offer, &update(RawQuantity::Missing, Some("expired")));
        assert_eq!(
            asked.err().map(|e| e[0].rule.clone()),
            Some(Rule::StatusUnsupported)
        );
    }

    fn schedule(quantity: RawQuantity, term: &str, cycle: &str) -> SubscriptionUpdateInput {
        let given = |text: &str| (!text.is_empty()).then(|| text.to_owned());
        SubscriptionUpdateInput {
            next_term: NextTermInput::Set {
                quantity,
                term: given(term),
                cycle: given(cycle),
            },
            ..update(RawQuantity::Missing, None)
        }
    }

    #[test]
    fn a_next_term_change_is_checked_kept_and_dropped_as_partner_center_does() {
        let (mut sub, offer) = mailbox(10, SubscriptionStatus::Active);
        let plan = |term, cycle| BillingPlan::parse(term, cycle).unwrap_or_else(|e| panic!("{e}"));
        // What is missing stays as it is now: P1M monthly.
        let set = check_update(&sub, &offer, &schedule(RawQuantity::Integer(15), "", ""));
        let next = NextTerm {
            quantity: 15,
            plan: plan("P1M", "monthly"),
        };
        assert_eq!(set.map(|u| u.next_term), Ok(Some(next)));
        let yearly = check_update(&sub, &offer, &schedule(RawQuantity::Missing, "P1Y", "annual"));
        assert_eq!(
            yearly.map(|u| u.next_term.map(|n| (n.quantity, n.plan))),
            Ok(Some((10, plan("P1Y", "annual"))))
        );
        for (input, field, rule) in [
            (
                schedule(RawQuantity::Integer(301), "", ""),
                Field::NextTermQuantity,
                Rule::SubscriptionQuantityOutOfRange { min: 1, max: 300 },
            ),
            (
                schedule(RawQuantity::NotANumber, "", ""),
                Field::NextTermQuantity,
                Rule::QuantityNotANumber,
            ),
            (
                schedule(RawQuantity::Missing, "P2Y", ""),
                Field::NextTermPlan,
                Rule::from(BillingError::TermUnknown),
            ),
            (
                schedule(RawQuantity::Missing, "", "Annual"),
                Field::NextTermPlan,
                Rule::from(BillingError::BillingPlanUnknown),
            ),
            (
                SubscriptionUpdateInput {
                    auto_renew: Some(false),
                    ..schedule(RawQuantity::Missing, "", "")
                },
                Field::NextTermPlan,
                Rule::NextTermNeedsAutoRenew,
            ),
        ] {
            let refused = check_update(&sub, &offer, &input).err().unwrap_or_default();
            assert_eq!(
                refused
                    .iter()
                    .map(|e| (e.field, e.rule.clone()))
                    .collect::<Vec<_>>(),
                [(field, rule)],
                "{input:?}"
            );
        }
        // Dropped by clearing it, a count change, auto-renewal off (suspending turns it
        // off) or a cancellation; kept otherwise.
        sub.next_term = Some(next);
        let suspended = check_update(&sub, &offer, &update(RawQuantity::Missing, Some("suspended")));
        assert_eq!(suspended.map(|u| u.next_term), Ok(None));
        let cleared = SubscriptionUpdateInput {
            next_term: NextTermInput::Clear,
            ..update(RawQuantity::Missing, None)
        };
        assert_eq!(
            check_update(&sub, &offer, &cleared).map(|u| u.next_term),
            Ok(None)
        );
        for dropping in [
            update(RawQuantity::Integer(11), None),
            update(RawQuantity::Missing, Some("deleted")),
            SubscriptionUpdateInput {
                auto_renew: Some(false),
                ..update(RawQuantity::Missing, None)
            },
        ] {
            let after = check_update(&sub, &offer, &dropping);
            assert_eq!(after.map(|u| u.next_term), Ok(None), "{dropping:?}");
        }
        let unchanged = check_update(&sub, &offer, &update(RawQuantity::Missing, None));
        assert_eq!(unchanged.map(|u| u.next_term), Ok(Some(next)));
        // A count set with a schedule is the schedule's when it gives none; a schedule
        // with a cancellation is none.
        let both = SubscriptionUpdateInput {
            quantity: RawQuantity::Integer(20),
            ..schedule(RawQuantity::Missing, "P1Y", "monthly")
        };
        assert_eq!(
            check_update(&sub, &offer, &both).map(|u| u.next_term.map(|n| n.quantity)),
            Ok(Some(20))
        );
        let cancelling = SubscriptionUpdateInput {
            status: Some("deleted".into()),
            ..schedule(RawQuantity::Missing, "", "")
        };
        assert_eq!(
            check_update(&sub, &offer, &cancelling).map(|u| u.next_term),
            Ok(None)
        );
    }

    #[test]
    fn statuses_parse_in_any_case() {
        assert_eq!("Suspended".parse(), Ok(SubscriptionStatus::Suspended));
        assert_eq!(
            "active".parse::<SubscriptionStatus>().map(|s| s.to_string()),
            Ok("active".into())
        );
        assert!("paused".parse::<SubscriptionStatus>().is_err());
    }
}
