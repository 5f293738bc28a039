//! Issue 9's findings against the store: sign-in attempts counted before the password is
//! checked, and changes that must happen once when raced. The concurrency tests mean most
//! on PostgreSQL (READ COMMITTED, no row locks unless asked for) and run on SQLite too.

use partnerdesk_domain::onboarding::truncate_to_micros;
use partnerdesk_store::{SignInAttempt, SignInKind};

use super::*;

const MINUTE: time::Duration = time::Duration::minutes(1);
const DAY: time::Duration = time::Duration::days(1);

/// Runs `n` copies of `work` at once (the `i`th gets `i`) and returns their results.
async fn at_once<T, F, Fut>(n: usize, work: F) -> Vec<T>
where
    T: Send + 'static,
    F: Fn(usize) -> Fut,
    Fut: std::future::Future<Output = T> + Send + 'static,
{
    let tasks: Vec<_> = (0..n).map(|i| tokio::spawn(work(i))).collect();
    let mut results = Vec::with_capacity(n);
    for task in tasks {
        results.push(ok(task.await));
    }
    results
}

#[tokio::test]
async fn sign_in_attempts_lock_at_the_limit_and_count_anew_after_a_success_or_the_lockout() {
    let f = fixture().await;
    let now = truncate_to_micros(OffsetDateTime::now_utc());
    let lockout = 15 * MINUTE;
    let name = secrets::sha256(b"whoever@provider.example");
    let attempt = |kind, at| f.store.count_sign_in_attempt(kind, name.clone(), at, 3, lockout);
    for _ in 0..3 {
        assert_eq!(
            ok(attempt(SignInKind::Partner, now).await),
            SignInAttempt::Allowed
        );
    }
    let locked = SignInAttempt::Locked { until: now + lockout };
    assert_eq!(ok(attempt(SignInKind::Partner, now).await), locked);
    assert_eq!(
        ok(attempt(SignInKind::Partner, now + MINUTE).await),
        locked,
        "attempts while locked don't extend the lockout"
    );
    assert_eq!(
        ok(attempt(SignInKind::Customer, now).await),
        SignInAttempt::Allowed,
        "each kind of account counts apart"
    );

    let later = now + lockout;
    for _ in 0..3 {
        assert_eq!(
            ok(attempt(SignInKind::Partner, later).await),
            SignInAttempt::Allowed
        );
    }
    assert_eq!(
        ok(attempt(SignInKind::Partner, later).await),
        SignInAttempt::Locked {
            until: later + lockout
        }
    );

    ok(f.store
        .clear_sign_in_attempts(SignInKind::Partner, name.clone())
        .await);
    for _ in 0..3 {
        assert_eq!(
            ok(attempt(SignInKind::Partner, later).await),
            SignInAttempt::Allowed
        );
    }
}

#[tokio::test]
async fn parallel_sign_in_attempts_let_the_limit_through_and_no_more() {
    let f = Arc::new(fixture().await);
    let now = OffsetDateTime::now_utc();
    let attempts = at_once(20, |_| {
        let f = f.clone();
        async move {
            f.store
                .count_sign_in_attempt(
                    SignInKind::Customer,
                    secrets::sha256(b"guessed"),
                    now,
                    5,
                    15 * MINUTE,
                )
                .await
        }
    })
    .await;
    let allowed = attempts
        .iter()
        .filter(|a| matches!(a, Ok(SignInAttempt::Allowed)))
        .count();
    let locked = attempts
        .iter()
        .filter(|a| matches!(a, Ok(SignInAttempt::Locked { .. })))
        .count();
    assert_eq!((allowed, locked), (5, 15), "{attempts:?}");
}

#[tokio::test]
async fn idle_sign_in_counts_are_swept_and_running_lockouts_kept() {
    let f = fixture().await;
    let now = truncate_to_micros(OffsetDateTime::now_utc());
    let count = |name: &'static [u8], limit| {
        f.store
            .count_sign_in_attempt(SignInKind::Partner, secrets::sha256(name), now, limit, 2 * DAY)
    };
    ok(count(b"idle", 5).await);
    ok(count(b"locked", 1).await);
    ok(f.store.sweep_sessions(now + DAY + MINUTE).await);
    assert_eq!(
        ok(count(b"locked", 1).await),
        SignInAttempt::Locked { until: now + 2 * DAY },
        "the lockout runs on"
    );
    for _ in 0..4 {
        assert_eq!(ok(count(b"idle", 5).await), SignInAttempt::Allowed);
    }
    assert_eq!(
        ok(count(b"idle", 5).await),
        SignInAttempt::Allowed,
        "the idle count started again: this is the fifth attempt, not the sixth"
    );
}
