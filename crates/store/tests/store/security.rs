//! Issue 9's findings against the store: sign-in attempts counted before the password is
//! checked, sessions that end with a password change, and changes that must happen once
//! when raced. The concurrency tests mean most
//! on PostgreSQL (READ COMMITTED, no row locks unless asked for) and run on SQLite too.

use partnerdesk_domain::audit::Action;
use partnerdesk_domain::billing::Markups;
use partnerdesk_domain::onboarding::{ResellerRef, truncate_to_micros};
use partnerdesk_domain::subscription::{NextTermInput, SubscriptionStatus, SubscriptionUpdateInput};
use partnerdesk_store::{ActivityQuery, Claim, InvitationStatus, SignInAttempt, SignInKind, StoreOptions};

use super::subscriptions::{offer, order_of};
use super::*;

const MINUTE: time::Duration = time::Duration::minutes(1);
const HOUR: time::Duration = time::Duration::hours(1);
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

#[tokio::test]
async fn a_password_set_by_link_or_by_the_operator_ends_the_users_sessions() {
    let f = fixture().await;
    let now = truncate_to_micros(OffsetDateTime::now_utc());
    let link = secrets::sha256(b"reset-link");
    let invited = ok(f
        .store
        .invite_partner_user(
            f.provider.id,
            Invitee {
                email: "reset@provider.example",
                name: None,
                role: Role::SalesAgent,
            },
            LinkDigest {
                digest: link.clone(),
                expires_at: now + HOUR,
            },
            invitation_mail(f.provider.id),
            Actor::operator(),
        )
        .await);
    let session = secrets::sha256(b"a session from before");
    ok(f.store
        .create_session(invited.id, session.clone(), now, now + DAY)
        .await);
    assert!(ok(f.store.session(session.clone(), now).await).is_some());
    ok(f.store
        .use_password_link(link, "new-hash".into(), now, None)
        .await);
    assert_eq!(ok(f.store.session(session, now).await), None, "ended");

    let admin = secrets::sha256(b"the admin's session");
    ok(f.store
        .create_session(f.seller.user_id, admin.clone(), now, now + DAY)
        .await);
    ok(f.store
        .set_partner_user_password("admin@provider.example", "changed".into(), Actor::operator())
        .await);
    assert_eq!(ok(f.store.session(admin, now).await), None, "ended");
}

#[tokio::test]
async fn a_customer_password_change_ends_the_admins_sessions_but_the_one_kept() {
    let f = fixture().await;
    let name = f.onboard("Fabrikam", "fabrikam").await.admin_user_name;
    let (user, _) = ok(f.store.customer_user_by_name(&name).await);
    let now = truncate_to_micros(OffsetDateTime::now_utc());
    let sessions: Vec<Vec<u8>> = (0..3u8).map(|i| secrets::sha256(&[i])).collect();
    for session in &sessions {
        ok(f.store
            .create_customer_session(user.id, session.clone(), now, now + DAY)
            .await);
    }
    ok(f.store
        .set_customer_password(user.id, "changed".into(), Some(sessions[0].clone()))
        .await);
    let live = |i: usize| f.store.customer_session(sessions[i].clone(), now);
    assert!(ok(live(0).await).is_some(), "the session that changed it");
    assert_eq!(ok(live(1).await), None);
    assert_eq!(ok(live(2).await), None);
    ok(f.store.set_customer_password(user.id, "again".into(), None).await);
    assert_eq!(ok(live(0).await), None, "none kept");
}

#[tokio::test]
async fn add_ons_bought_at_once_into_one_order_get_lines_of_their_own() {
    let f = Arc::new(fixture().await);
    let onboarding = f.onboard("Busy Order", "busyorder").await;
    let customer = onboarding.customer.id;
    let order = onboarding
        .order
        .clone()
        .unwrap_or_else(|| unreachable!())
        .order
        .id;
    let mail = offer(
        &ok(f.store.subscriptions(f.provider.id, customer, None).await),
        "MAIL",
    );
    let bought = at_once(6, |_| {
        let (f, onboarding) = (f.clone(), onboarding.clone());
        async move {
            let add_on = order_of(&f, &onboarding, "ARCHIVE", 1, Some(mail.id));
            f.store
                .add_to_order(
                    f.provider.id,
                    order,
                    add_on,
                    f.catalog.clone(),
                    None,
                    Actor::operator(),
                )
                .await
        }
    })
    .await;
    for result in bought {
        ok(result);
    }
    let lines = ok(f.store.order(f.provider.id, customer, order).await).line_items;
    assert_eq!(
        lines.iter().map(|l| l.line_number).collect::<Vec<_>>(),
        (0..8).collect::<Vec<u32>>()
    );
}

#[tokio::test]
async fn an_add_on_purchase_keeps_the_answer_rendered_from_the_order() {
    let f = fixture().await;
    let onboarding = f.onboard("Kept", "kept").await;
    let customer = onboarding.customer.id;
    let order = onboarding
        .order
        .clone()
        .unwrap_or_else(|| unreachable!())
        .order
        .id;
    let mail = offer(
        &ok(f.store.subscriptions(f.provider.id, customer, None).await),
        "MAIL",
    );
    let claim = Claim {
        record: IdempotencyRecord {
            partner_id: f.provider.id,
            key_hash: secrets::sha256(b"add-on"),
            fingerprint: vec![7],
            status: 200,
            body: String::new(),
            sealed_secret: None,
            created_at: OffsetDateTime::now_utc(),
        },
        render: Arc::new(|o: &partnerdesk_domain::order::Order| Ok(format!("{} lines", o.line_items.len()))),
    };
    let buy = || {
        f.store.add_to_order(
            f.provider.id,
            order,
            order_of(&f, &onboarding, "ARCHIVE", 1, Some(mail.id)),
            f.catalog.clone(),
            Some(claim.clone()),
            Actor::operator(),
        )
    };
    assert_eq!(ok(buy().await).line_items.len(), 3);
    let kept = ok(f
        .store
        .stored_response(f.provider.id, secrets::sha256(b"add-on"))
        .await);
    assert_eq!(
        kept.map(|k| (k.status, k.body)),
        Some((200, "3 lines".to_owned()))
    );
    let again = buy().await;
    assert!(
        matches!(again, Err(StoreError::Conflict(Conflict::RequestId))),
        "{again:?}"
    );
    assert_eq!(
        ok(f.store.order(f.provider.id, customer, order).await)
            .line_items
            .len(),
        3,
        "bought once"
    );
}

#[tokio::test]
async fn an_invitation_answered_in_parallel_is_accepted_or_declined_once() {
    let f = Arc::new(fixture().await);
    let customer = f.onboard("Fabrikam", "fabrikam").await.customer.id;
    let other = ok(f
        .store
        .create_partner("Other Provider", PartnerKind::IndirectProvider)
        .await);
    let now = OffsetDateTime::now_utc();
    ok(f.store
        .request_relationship(
            other.id,
            None,
            false,
            LinkDigest {
                digest: secrets::sha256(b"raced"),
                expires_at: now + DAY,
            },
            None,
            Actor::operator(),
        )
        .await);
    let invitation = ok(f
        .store
        .open_invitation(secrets::sha256(b"raced"), customer, now)
        .await);
    let answers = at_once(16, |i| {
        let f = f.clone();
        async move {
            f.store
                .answer_invitation(invitation.id, customer, i % 2 == 0, Actor::operator())
                .await
        }
    })
    .await;
    let mut answered = Vec::new();
    for answer in answers {
        match answer {
            Ok(found) => answered.push(found.status),
            Err(StoreError::NotFound) => {}
            Err(e) => panic!("{e:?}"),
        }
    }
    assert_eq!(answered.len(), 1, "one answer wins: {answered:?}");
    let log = ok(f
        .store
        .activity(
            other.id,
            ActivityQuery {
                customer: Some(customer),
                limit: 100,
                ..Default::default()
            },
        )
        .await);
    let answers_logged = log
        .iter()
        .filter(|e| {
            matches!(
                e.action,
                Action::RelationshipAccepted | Action::RelationshipDeclined
            )
        })
        .count();
    assert_eq!(answers_logged, 1);
    let has_customer = f.store.customer(other.id, customer).await.is_ok();
    assert_eq!(has_customer, answered[0] == InvitationStatus::Accepted);
}

#[tokio::test]
async fn a_set_password_link_used_in_parallel_sets_one_password() {
    let f = Arc::new(fixture().await);
    let now = OffsetDateTime::now_utc();
    let link = secrets::sha256(b"raced-link");
    ok(f.store
        .invite_partner_user(
            f.provider.id,
            Invitee {
                email: "raced@provider.example",
                name: None,
                role: Role::SalesAgent,
            },
            LinkDigest {
                digest: link.clone(),
                expires_at: now + HOUR,
            },
            invitation_mail(f.provider.id),
            Actor::operator(),
        )
        .await);
    let uses = at_once(16, |i| {
        let (f, link) = (f.clone(), link.clone());
        async move {
            f.store
                .use_password_link(link, format!("hash-{i}"), now, None)
                .await
                .map(|_| i)
        }
    })
    .await;
    let mut winners = Vec::new();
    for used in uses {
        match used {
            Ok(i) => winners.push(i),
            Err(StoreError::NotFound) => {}
            Err(e) => panic!("{e:?}"),
        }
    }
    assert_eq!(winners.len(), 1, "the link works once: {winners:?}");
    let (_, hash) = ok(f.store.partner_user_by_email("raced@provider.example").await);
    assert_eq!(hash, format!("hash-{}", winners[0]));
}

#[tokio::test]
async fn an_add_on_bought_while_its_parent_is_suspended_is_suspended_or_refused() {
    let f = Arc::new(fixture().await);
    for round in 0..8 {
        let onboarding = f.onboard("Raced", &format!("raced{round}")).await;
        let customer = onboarding.customer.id;
        let order = onboarding
            .order
            .clone()
            .unwrap_or_else(|| unreachable!())
            .order
            .id;
        let mail = offer(
            &ok(f.store.subscriptions(f.provider.id, customer, None).await),
            "MAIL",
        );
        let buys = at_once(4, |i| {
            let (f, onboarding) = (f.clone(), onboarding.clone());
            async move {
                if i == 0 {
                    let suspend = SubscriptionUpdateInput {
                        quantity: RawQuantity::Missing,
                        status: Some("suspended".into()),
                        auto_renew: None,
                        next_term: NextTermInput::Unchanged,
                    };
                    f.store
                        .update_subscription(
                            f.provider.id,
                            customer,
                            mail.id,
                            suspend,
                            None,
                            Actor::operator(),
                            OffsetDateTime::now_utc(),
                        )
                        .await
                        .map(|_| ())
                } else {
                    let add_on = order_of(&f, &onboarding, "ARCHIVE", 1, Some(mail.id));
                    f.store
                        .add_to_order(
                            f.provider.id,
                            order,
                            add_on,
                            f.catalog.clone(),
                            None,
                            Actor::operator(),
                        )
                        .await
                        .map(|_| ())
                }
            }
        })
        .await;
        for bought in &buys {
            match bought {
                Ok(()) => {}
                Err(StoreError::Invalid(errors))
                    if errors.iter().all(|e| e.rule == Rule::ParentNotActive) => {}
                Err(e) => panic!("{e:?}"),
            }
        }
        let parent = ok(f.store.subscription(f.provider.id, customer, mail.id).await);
        assert_eq!(parent.status, SubscriptionStatus::Suspended);
        let add_ons = ok(f.store.add_ons(f.provider.id, customer, mail.id).await);
        assert!(
            add_ons.iter().all(|a| a.status == SubscriptionStatus::Suspended),
            "round {round}: no active add-on under a suspended parent: {add_ons:?}"
        );
    }
}

#[tokio::test]
async fn a_new_invitation_opened_by_two_customers_at_once_is_addressed_to_one() {
    let f = Arc::new(fixture().await);
    let mut customers = Vec::new();
    for i in 0..8 {
        customers.push(f.onboard("Opener", &format!("opener{i}")).await.customer.id);
    }
    let other = ok(f
        .store
        .create_partner("Other Provider", PartnerKind::IndirectProvider)
        .await);
    let now = OffsetDateTime::now_utc();
    ok(f.store
        .request_relationship(
            other.id,
            None,
            false,
            LinkDigest {
                digest: secrets::sha256(b"shared link"),
                expires_at: now + DAY,
            },
            None,
            Actor::operator(),
        )
        .await);
    let opened = at_once(customers.len(), |i| {
        let (f, customer) = (f.clone(), customers[i]);
        async move {
            f.store
                .open_invitation(secrets::sha256(b"shared link"), customer, now)
                .await
                .map(|_| customer)
        }
    })
    .await;
    let mut openers = Vec::new();
    for result in opened {
        match result {
            Ok(customer) => openers.push(customer),
            Err(StoreError::NotFound) => {}
            Err(e) => panic!("{e:?}"),
        }
    }
    assert_eq!(openers.len(), 1, "{openers:?}");
    let again = ok(f
        .store
        .open_invitation(secrets::sha256(b"shared link"), openers[0], now)
        .await);
    assert_eq!(
        again.status,
        InvitationStatus::Pending,
        "its customer opens it again"
    );
    for customer in customers.iter().filter(|c| **c != openers[0]) {
        assert_eq!(ok(f.store.customer_invitations(*customer, now).await), vec![]);
    }
}

#[tokio::test]
async fn the_server_secret_is_made_once_per_database_and_kept() {
    let db = TestDatabase::new().await;
    let first = db.open().await;
    let secret = ok(first.server_secret().await);
    assert_eq!(secret.len(), 32);
    let second = db.open().await;
    assert_eq!(
        ok(second.server_secret().await),
        secret,
        "another instance reads the same"
    );
    first.close().await;
    second.close().await;
    let reopened = db.open().await;
    assert_eq!(ok(reopened.server_secret().await), secret, "kept across restarts");
    reopened.close().await;
    let elsewhere = TestDatabase::new().await.open().await;
    assert_ne!(ok(elsewhere.server_secret().await), secret, "random per database");
    elsewhere.close().await;
}

#[tokio::test]
async fn concurrent_migrations_of_a_fresh_database_apply_each_migration_once() {
    let db = TestDatabase::new().await;
    let mut stores = Vec::new();
    for _ in 0..4 {
        stores.push(ok(Store::open(&db.url, &StoreOptions::default()).await));
    }
    let migrations = at_once(stores.len(), |i| {
        let store = stores[i].clone();
        async move { store.migrate().await }
    })
    .await;
    let mut applied: Vec<&str> = Vec::new();
    for migrated in migrations {
        applied.extend(ok(migrated));
    }
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations/postgres");
    let expected = ok(std::fs::read_dir(folder)).count();
    applied.sort_unstable();
    let count = applied.len();
    applied.dedup();
    assert_eq!((count, applied.len()), (expected, expected), "{applied:?}");
    assert_eq!(ok(stores[0].migrate().await), Vec::<&str>::new());
    for store in stores {
        store.close().await;
    }
}

#[tokio::test]
async fn a_request_id_whose_record_expired_is_claimed_anew() {
    let f = fixture().await;
    let record = |created_at, body: &str| IdempotencyRecord {
        partner_id: f.provider.id,
        key_hash: secrets::sha256(b"reused-after-a-day"),
        fingerprint: secrets::sha256(body.as_bytes()),
        status: 201,
        body: body.into(),
        sealed_secret: None,
        created_at,
    };
    let now = OffsetDateTime::now_utc();
    let old = record(now - 25 * HOUR, r#"{"first":true}"#);
    ok(f.store
        .onboard_customer(
            f.onboarding("First", "first", false),
            "sha256$00".into(),
            Some(old.clone()),
            Actor::operator(),
        )
        .await);
    assert_eq!(
        ok(f.store.stored_response(f.provider.id, old.key_hash.clone()).await),
        None,
        "expired: not replayed"
    );
    let fresh = record(now, r#"{"second":true}"#);
    ok(f.store
        .onboard_customer(
            f.onboarding("Second", "second", false),
            "sha256$00".into(),
            Some(fresh.clone()),
            Actor::operator(),
        )
        .await);
    let stored = ok(f
        .store
        .stored_response(f.provider.id, fresh.key_hash.clone())
        .await);
    assert_eq!(
        stored.map(|s| (s.fingerprint, s.body)),
        Some((fresh.fingerprint.clone(), fresh.body.clone()))
    );
    let again = f
        .store
        .onboard_customer(
            f.onboarding("Third", "third", false),
            "sha256$00".into(),
            Some(fresh),
            Actor::operator(),
        )
        .await;
    assert!(
        matches!(again, Err(StoreError::Conflict(Conflict::RequestId))),
        "a fresh record is kept: {again:?}"
    );
    assert_eq!(row_counts(&f.store).await["customers"], 2);
}

#[tokio::test]
async fn a_reseller_reads_only_its_own_lines_of_a_mixed_order() {
    let f = fixture().await;
    let onboarding = f.onboarding("Mixed", "mixed", true);
    ok(f.store
        .onboard_customer(onboarding.clone(), "sha256$00".into(), None, Actor::operator())
        .await);
    let customer = onboarding.customer.id;
    let items = ok(parse_line_items(
        &[line("MAIL", 2), line("CHAT", 4)],
        &f.catalog,
        onboarding.customer.billing.address.country,
    ));
    let through_reseller = ResellerRef {
        id: f.reseller.id,
        mpn_id: f.reseller.mpn_id.clone(),
    };
    let lines = items
        .into_iter()
        .zip([None, Some(through_reseller)])
        .map(|(item, reseller)| OrderLine { item, reseller })
        .collect();
    let mixed = ok(place_order(
        customer,
        partnerdesk_domain::country::CountryCode::parse("US").unwrap_or_else(|_| unreachable!()),
        f.seller,
        lines,
        (&f.catalog, &Markups::default()),
        OffsetDateTime::now_utc(),
    ));
    ok(f.store
        .place_order(
            f.provider.id,
            mixed.clone(),
            true,
            f.catalog.clone(),
            None,
            Actor::operator(),
        )
        .await);
    let offers = |order: &partnerdesk_domain::order::Order| {
        order
            .line_items
            .iter()
            .map(|l| l.offer_id.as_str().to_owned())
            .collect::<Vec<_>>()
    };
    let provider_view = ok(f.store.order(f.provider.id, customer, mixed.order.id).await);
    assert_eq!(offers(&provider_view), ["MAIL", "CHAT"]);
    let reseller_view = ok(f.store.order(f.reseller.id, customer, mixed.order.id).await);
    assert_eq!(offers(&reseller_view), ["CHAT"], "only the reseller's line");
    let listed = ok(f.store.orders(f.reseller.id, customer).await);
    let listed = listed
        .iter()
        .find(|o| o.id == mixed.order.id)
        .unwrap_or_else(|| panic!("the mixed order is listed"));
    assert_eq!(offers(listed), ["CHAT"]);
}

#[tokio::test]
async fn the_activity_filter_takes_percent_and_underscore_literally() {
    let f = fixture().await;
    f.onboard("Logged", "logged").await;
    let by = |actor: &str| {
        let query = ActivityQuery {
            actor: Some(actor.to_owned()),
            limit: 100,
            ..Default::default()
        };
        f.store.activity(f.provider.id, query)
    };
    assert!(!ok(by("oper").await).is_empty(), "a prefix matches");
    assert_eq!(ok(by("%").await).len(), 0, "% is no wildcard");
    assert_eq!(ok(by("_perator").await).len(), 0, "_ is no wildcard");
    assert_eq!(ok(by("oper%tor").await).len(), 0);
    assert_eq!(ok(by("\\").await).len(), 0, "nor is the escape character");
}
