//! The new-commerce 7-day windows (facts file A9): seats can be removed only within 168
//! hours of when they were added, each batch of added seats with its own window, and a
//! subscription can be cancelled only within 168 hours of its purchase or renewal. Past
//! the window Partner Center answers 900214 (seats) or 900213 (cancellation).

use time::{Duration, OffsetDateTime};

use super::BillingError;

/// The length of both windows. Microsoft's pages say "7 days"; the error texts take an
/// hour count, and 168 is that count (facts file E.1).
pub const WINDOW_HOURS: i64 = 168;

/// The last instant of a window opened at `opened_at` (the window includes it).
pub fn window_end(opened_at: OffsetDateTime) -> OffsetDateTime {
    opened_at.saturating_add(Duration::hours(WINDOW_HOURS))
}

/// Seats added together: at purchase, at renewal or midterm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeatBatch {
    pub quantity: u32,
    pub added_at: OffsetDateTime,
}

impl SeatBatch {
    /// Until when these seats may be removed (`allowedUntilDateTime`).
    pub fn allowed_until(&self) -> OffsetDateTime {
        window_end(self.added_at)
    }

    fn is_refundable_at(&self, now: OffsetDateTime) -> bool {
        now <= self.allowed_until()
    }
}

/// One entry of `refundableQuantity.details`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RefundableDetail {
    pub quantity: u32,
    pub allowed_until: OffsetDateTime,
}

/// Partner Center's `refundableQuantity`: how many seats can still be removed, and until
/// when, per batch.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RefundableQuantity {
    pub total_quantity: u32,
    pub details: Vec<RefundableDetail>,
}

/// The seats of `batches` still inside their windows at `now`, oldest batch first.
pub fn refundable_quantity(batches: &[SeatBatch], now: OffsetDateTime) -> RefundableQuantity {
    let mut details: Vec<RefundableDetail> = batches
        .iter()
        .filter(|b| b.quantity > 0 && b.is_refundable_at(now))
        .map(|b| RefundableDetail {
            quantity: b.quantity,
            allowed_until: b.allowed_until(),
        })
        .collect();
    details.sort_by_key(|d| d.allowed_until);
    let total_quantity = details.iter().map(|d| d.quantity).sum();
    RefundableQuantity {
        total_quantity,
        details,
    }
}

/// The batches after removing `remove` seats at `now`. Seats come off the most recently
/// added batch first: a removal undoes the latest addition, and older seats keep their
/// own windows. Refused with 900214 when fewer seats are inside their windows, and when
/// the removal would leave no seat (that is a cancellation) or removes none.
pub fn remove_seats(
    batches: &[SeatBatch],
    remove: u32,
    now: OffsetDateTime,
) -> Result<Vec<SeatBatch>, BillingError> {
    let total: u32 = batches.iter().map(|b| b.quantity).sum();
    if remove == 0 || remove >= total {
        return Err(BillingError::QuantityChangeInvalid);
    }
    let refundable = refundable_quantity(batches, now).total_quantity;
    if remove > refundable {
        return Err(BillingError::SeatReductionWindowPassed {
            hours: WINDOW_HOURS,
            refundable,
        });
    }
    let mut order: Vec<usize> = (0..batches.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(batches[i].added_at));
    let mut left = batches.to_vec();
    let mut to_remove = remove;
    for i in order {
        if to_remove == 0 {
            break;
        }
        if left[i].is_refundable_at(now) {
            let taken = left[i].quantity.min(to_remove);
            left[i].quantity -= taken;
            to_remove -= taken;
        }
    }
    left.retain(|b| b.quantity > 0);
    Ok(left)
}

/// At a renewal every seat starts a new window (facts file A9: "The 7-day window restarts
/// when renewal completes"): one batch of the renewed quantity.
pub fn renewed_batches(quantity: u32, renewed_at: OffsetDateTime) -> Vec<SeatBatch> {
    vec![SeatBatch {
        quantity,
        added_at: renewed_at,
    }]
}

/// The last instant a term started at `term_started_at` (purchase or renewal) can be
/// cancelled (`cancellationAllowedUntilDate`).
pub fn cancellation_allowed_until(term_started_at: OffsetDateTime) -> OffsetDateTime {
    window_end(term_started_at)
}

/// Whether the subscription whose term started at `term_started_at` may be cancelled at
/// `now`; 900213 once the window has passed.
pub fn check_cancellation(term_started_at: OffsetDateTime, now: OffsetDateTime) -> Result<(), BillingError> {
    if now <= cancellation_allowed_until(term_started_at) {
        Ok(())
    } else {
        Err(BillingError::CancellationWindowPassed { hours: WINDOW_HOURS })
    }
}

#[cfg(test)]
#[expect(clippy::unwrap_used, reason = "a test fails loudly on an unexpected error")]
mod tests {
    use time::macros::datetime;

    use super::*;

    fn batch(quantity: u32, added_at: OffsetDateTime) -> SeatBatch {
        SeatBatch { quantity, added_at }
    }

    #[test]
    fn each_batch_has_its_own_168_hour_window() {
        let bought = datetime!(2024-06-18 10:00 UTC);
        let added = datetime!(2024-06-20 09:30 UTC);
        let batches = [batch(10, bought), batch(2, added)];
        let r = refundable_quantity(&batches, datetime!(2024-06-25 10:00 UTC));
        assert_eq!(r.total_quantity, 12);
        assert_eq!(r.details[0].allowed_until, datetime!(2024-06-25 10:00 UTC));
        // One second past the purchase's window, only the added seats are refundable.
        let r = refundable_quantity(&batches, datetime!(2024-06-25 10:00:01 UTC));
        assert_eq!(r.total_quantity, 2);
        assert_eq!(
            r.details,
            [RefundableDetail {
                quantity: 2,
                allowed_until: datetime!(2024-06-27 09:30 UTC)
            }]
        );
        assert_eq!(
            refundable_quantity(&batches, datetime!(2024-06-27 09:30:01 UTC)),
            RefundableQuantity::default()
        );
    }

    #[test]
    fn removing_more_seats_than_are_in_their_windows_is_900214() {
        let batches = [
            batch(10, datetime!(2024-06-01 0:00 UTC)),
            batch(2, datetime!(2024-06-20 0:00 UTC)),
        ];
        let now = datetime!(2024-06-21 0:00 UTC);
        let err = remove_seats(&batches, 3, now).unwrap_err();
        assert_eq!(
            err,
            BillingError::SeatReductionWindowPassed {
                hours: 168,
                refundable: 2
            }
        );
        assert_eq!(err.code(), 900214);
        let left = remove_seats(&batches, 2, now).unwrap();
        assert_eq!(left, [batch(10, datetime!(2024-06-01 0:00 UTC))]);
    }

    #[test]
    fn removal_takes_the_latest_seats_first() {
        let a = datetime!(2024-06-18 0:00 UTC);
        let b = datetime!(2024-06-19 0:00 UTC);
        let c = datetime!(2024-06-20 0:00 UTC);
        let batches = [batch(5, a), batch(3, b), batch(2, c)];
        let left = remove_seats(&batches, 4, datetime!(2024-06-20 12:00 UTC)).unwrap();
        assert_eq!(left, [batch(5, a), batch(1, b)]);
    }

    #[test]
    fn removing_no_seat_or_every_seat_is_not_a_seat_reduction() {
        let batches = [batch(3, datetime!(2024-06-18 0:00 UTC))];
        let now = datetime!(2024-06-18 1:00 UTC);
        assert_eq!(
            remove_seats(&batches, 0, now),
            Err(BillingError::QuantityChangeInvalid)
        );
        assert_eq!(
            remove_seats(&batches, 3, now),
            Err(BillingError::QuantityChangeInvalid)
        );
    }

    #[test]
    fn cancellation_is_allowed_for_168_hours_after_purchase_or_renewal() {
        let start = datetime!(2024-06-18 10:00 UTC);
        assert_eq!(cancellation_allowed_until(start), datetime!(2024-06-25 10:00 UTC));
        assert!(check_cancellation(start, datetime!(2024-06-25 10:00 UTC)).is_ok());
        let err = check_cancellation(start, datetime!(2024-06-25 10:00:01 UTC)).unwrap_err();
        assert_eq!(err, BillingError::CancellationWindowPassed { hours: 168 });
        assert_eq!(err.code(), 900213);
        // A renewal opens the window again, for every seat.
        let renewed = datetime!(2025-06-18 10:00 UTC);
        assert!(check_cancellation(renewed, datetime!(2025-06-20 0:00 UTC)).is_ok());
        let batches = renewed_batches(12, renewed);
        assert_eq!(
            refundable_quantity(&batches, datetime!(2025-06-20 0:00 UTC)).total_quantity,
            12
        );
    }
}
