//! Issue 9's findings against both portals' sign-ins: guesses in parallel are checked at
//! most as often as the lockout allows, unknown accounts are answered as known ones
//! (locked included) and cost the same work, attempts are throttled per address and per
//! account, a full queue of password work answers 503, and a password change ends the
//! user's other sessions.

use std::sync::Arc;

use partnerdesk_domain::audit::Actor;
use partnerdesk_domain::partner::Role;
use partnerdesk_domain::profile::{CloudProfile, ProfileName};
use partnerdesk_secrets as secrets;
use partnerdesk_web::Settings;
use reqwest::StatusCode;

use crate::browser::{Page, Visitor};
use crate::support::{TestApp, customer_body};

const PARTNER: &str = "/sign-in";
const CUSTOMER: &str = "/customer/sign-in";

/// An app with `change` made to the default settings.
async fn app_with(change: impl FnOnce(&mut Settings)) -> TestApp {
    let profile = CloudProfile::builtin(ProfileName::Global).unwrap_or_else(|| unreachable!());
    let mut settings = Settings::new(profile);
    settings.rate_limit_per_minute = 0;
    change(&mut settings);
    TestApp::spawn_configured(settings).await
}

/// An app that throttles no attempts: what is left to refuse guesses is the lockout.
async fn unthrottled() -> TestApp {
    app_with(|s| {
        s.attempts_per_address_per_minute = 0;
        s.attempts_per_account_per_minute = 0;
    })
    .await
}

async fn attempt(visitor: &Visitor, form: &str, csrf: &str, name: &str, password: &str) -> Page {
    visitor
        .post(form, &[("csrf", csrf), ("email", name), ("password", password)])
        .await
}

/// A customer's admin: its user name and temporary password.
async fn customer_admin(app: &TestApp, prefix: &str) -> (String, String) {
    let created = app.create_customer(&customer_body(prefix)).await;
    let field = |name: &str| {
        created["userCredentials"][name]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    (field("userName"), field("password"))
}

/// Sends 20 wrong guesses for `name` at once; returns how many were refused as wrong
/// (checked) and how many as locked.
async fn parallel_guesses(app: &TestApp, form: &'static str, name: &str) -> (usize, usize) {
    let visitor = Arc::new(Visitor::new(&app.base));
    let csrf = visitor.get(form).await.csrf();
    let computed = app.state.passwords().computations();
    let tasks: Vec<_> = (0..20)
        .map(|i| {
            let (visitor, csrf, name) = (visitor.clone(), csrf.clone(), name.to_owned());
            tokio::spawn(async move {
                attempt(&visitor, form, &csrf, &name, &format!("guess {i}"))
                    .await
                    .status
            })
        })
        .collect();
    let (mut wrong, mut locked) = (0, 0);
    for task in tasks {
        match task.await.unwrap_or_else(|e| panic!("{e}")) {
            StatusCode::UNPROCESSABLE_ENTITY => wrong += 1,
            StatusCode::TOO_MANY_REQUESTS => locked += 1,
            other => panic!("{other}"),
        }
    }
    let computed = app.state.passwords().computations() - computed;
    assert_eq!(computed, wrong as u64, "one computation per checked guess");
    (wrong, locked)
}

#[tokio::test]
async fn parallel_guesses_at_a_partner_user_are_checked_at_most_five_times() {
    let app = unthrottled().await;
    let password = app
        .user_with_password(&app.provider, Role::SalesAgent, "guessed@provider.example")
        .await;
    let (wrong, locked) = parallel_guesses(&app, PARTNER, "guessed@provider.example").await;
    assert!(wrong <= 5, "{wrong} guesses checked");
    assert_eq!(wrong + locked, 20);
    let visitor = Visitor::new(&app.base);
    let csrf = visitor.get(PARTNER).await.csrf();
    let right = attempt(&visitor, PARTNER, &csrf, "guessed@provider.example", &password).await;
    assert_eq!(right.status, StatusCode::TOO_MANY_REQUESTS, "locked");
}

#[tokio::test]
async fn parallel_guesses_at_a_customer_admin_are_checked_at_most_five_times() {
    let app = unthrottled().await;
    let (name, password) = customer_admin(&app, "guessed").await;
    let (wrong, locked) = parallel_guesses(&app, CUSTOMER, &name).await;
    assert!(wrong <= 5, "{wrong} guesses checked");
    assert_eq!(wrong + locked, 20);
    let visitor = Visitor::new(&app.base);
    let csrf = visitor.get(CUSTOMER).await.csrf();
    let right = attempt(&visitor, CUSTOMER, &csrf, &name, &password).await;
    assert_eq!(right.status, StatusCode::TOO_MANY_REQUESTS, "locked");
}

/// Six wrong sign-ins as `name`: each answer's status and whether it says "locked".
async fn six_wrong(app: &TestApp, form: &str, name: &str) -> Vec<(StatusCode, bool)> {
    let visitor = Visitor::new(&app.base);
    let csrf = visitor.get(form).await.csrf();
    let mut answers = Vec::new();
    for _ in 0..6 {
        let page = attempt(&visitor, form, &csrf, name, "not the password").await;
        answers.push((page.status, page.contains("Too many failed attempts")));
    }
    answers
}

#[tokio::test]
async fn an_unknown_partner_email_is_locked_after_five_tries_like_a_known_one() {
    let app = TestApp::spawn().await;
    app.user_with_password(&app.provider, Role::SalesAgent, "known@provider.example")
        .await;
    let known = six_wrong(&app, PARTNER, "known@provider.example").await;
    let unknown = six_wrong(&app, PARTNER, "unknown@provider.example").await;
    let mut expected = vec![(StatusCode::UNPROCESSABLE_ENTITY, false); 5];
    expected.push((StatusCode::TOO_MANY_REQUESTS, true));
    assert_eq!(known, expected);
    assert_eq!(unknown, known, "the same answers whether the account exists");
}

#[tokio::test]
async fn an_unknown_customer_user_is_locked_after_five_tries_like_a_known_one() {
    let app = TestApp::spawn().await;
    let (name, _) = customer_admin(&app, "known").await;
    let known = six_wrong(&app, CUSTOMER, &name).await;
    let unknown = six_wrong(&app, CUSTOMER, &format!("nobody.{name}")).await;
    let mut expected = vec![(StatusCode::UNPROCESSABLE_ENTITY, false); 5];
    expected.push((StatusCode::TOO_MANY_REQUESTS, true));
    assert_eq!(known, expected);
    assert_eq!(unknown, known, "the same answers whether the account exists");
}

/// Signs in as `name` with `password` on a new visitor, counting the Argon2 computations
/// that took; returns the answer's status and the count.
async fn costs(app: &TestApp, form: &str, name: &str, password: &str) -> (StatusCode, u64) {
    let visitor = Visitor::new(&app.base);
    let csrf = visitor.get(form).await.csrf();
    let before = app.state.passwords().computations();
    let status = attempt(&visitor, form, &csrf, name, password).await.status;
    (status, app.state.passwords().computations() - before)
}

#[tokio::test]
async fn every_sign_in_costs_one_argon2_computation_whatever_the_account() {
    let app = TestApp::spawn().await;
    let chosen = app
        .user_with_password(&app.provider, Role::SalesAgent, "chosen@provider.example")
        .await;
    let now = time::OffsetDateTime::now_utc();
    app.store
        .invite_partner_user(
            app.provider.id,
            partnerdesk_store::Invitee {
                email: "invited@provider.example",
                name: None,
                role: Role::SalesAgent,
            },
            partnerdesk_store::LinkDigest {
                digest: secrets::sha256(b"an unused link"),
                expires_at: now + time::Duration::hours(1),
            },
            partnerdesk_domain::mail::Mail::new(
                partnerdesk_domain::mail::MailKind::UserInvitation,
                "invited@example.com",
                partnerdesk_domain::Locale::EnUs,
                app.provider.id,
            ),
            Actor::operator(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let (generated_name, generated) = customer_admin(&app, "generated").await;
    let (argon_name, _) = customer_admin(&app, "argon").await;
    let (argon_user, _) = app
        .store
        .customer_user_by_name(&argon_name)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let hash = secrets::hash_chosen_password("a chosen passphrase").unwrap_or_default();
    app.store
        .set_customer_password(argon_user.id, hash, None)
        .await
        .unwrap_or_else(|e| panic!("{e}"));

    let (ok, wrong) = (StatusCode::SEE_OTHER, StatusCode::UNPROCESSABLE_ENTITY);
    let cases = [
        (PARTNER, "chosen@provider.example", chosen.as_str(), ok),
        (PARTNER, "chosen@provider.example", "wrong", wrong),
        (PARTNER, "invited@provider.example", "!", wrong),
        (PARTNER, "nobody@provider.example", "anything", wrong),
        (CUSTOMER, generated_name.as_str(), generated.as_str(), ok),
        (CUSTOMER, generated_name.as_str(), "wrong", wrong),
        (CUSTOMER, argon_name.as_str(), "a chosen passphrase", ok),
        (CUSTOMER, argon_name.as_str(), "wrong", wrong),
        (CUSTOMER, "nobody.admin@nowhere.example", "anything", wrong),
    ];
    for (form, name, password, status) in cases {
        assert_eq!(
            costs(&app, form, name, password).await,
            (status, 1),
            "{form} as {name}"
        );
    }
}

fn retry_after(page: &Page) -> Option<u64> {
    page.headers
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
}

#[tokio::test]
async fn sign_ins_past_an_addresss_allowance_wait_with_429() {
    let app = app_with(|s| s.attempts_per_address_per_minute = 3).await;
    let visitor = Visitor::new(&app.base);
    let csrf = visitor.get(PARTNER).await.csrf();
    for i in 0..3 {
        let name = format!("someone{i}@provider.example");
        let page = attempt(&visitor, PARTNER, &csrf, &name, "guess").await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let computed = app.state.passwords().computations();
    let throttled = attempt(&visitor, PARTNER, &csrf, "someone.else@provider.example", "guess").await;
    assert_eq!(throttled.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(retry_after(&throttled).is_some_and(|s| (1..=60).contains(&s)));
    assert!(throttled.contains("Try again in a moment"), "{}", throttled.html);
    assert_eq!(app.state.passwords().computations(), computed, "nothing checked");
}

async fn change_password(visitor: &Visitor, csrf: &str, current: &str) -> Page {
    visitor
        .post(
            "/customer/password",
            &[
                ("csrf", csrf),
                ("currentPassword", current),
                ("newPassword", "our own long secret"),
            ],
        )
        .await
}

#[tokio::test]
async fn attempts_at_one_account_past_its_allowance_wait_with_429() {
    let app = app_with(|s| s.attempts_per_account_per_minute = 3).await;
    let (name, temporary) = customer_admin(&app, "allowance").await;
    let visitor = Visitor::new(&app.base);
    let csrf = visitor.get(CUSTOMER).await.csrf();
    let signed = attempt(&visitor, CUSTOMER, &csrf, &name, &temporary).await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER);
    let csrf = visitor.get("/customer/password").await.csrf();
    for current in ["nope", "still not"] {
        let page = change_password(&visitor, &csrf, current).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let throttled = change_password(&visitor, &csrf, "third guess").await;
    assert_eq!(throttled.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(retry_after(&throttled).is_some_and(|s| (1..=60).contains(&s)));
    let elsewhere = Visitor::new(&app.base);
    let csrf = elsewhere.get(CUSTOMER).await.csrf();
    let page = attempt(&elsewhere, CUSTOMER, &csrf, &name.to_uppercase(), &temporary).await;
    assert_eq!(
        page.status,
        StatusCode::TOO_MANY_REQUESTS,
        "the account's allowance, from any address and in any case"
    );
}

#[tokio::test]
async fn a_full_queue_of_password_work_answers_503_with_retry_after() {
    let app = app_with(|s| {
        s.attempts_per_address_per_minute = 0;
        s.attempts_per_account_per_minute = 0;
        s.password_workers = 1;
        s.password_queue = 1;
    })
    .await;
    let visitor = Arc::new(Visitor::new(&app.base));
    let csrf = visitor.get(PARTNER).await.csrf();
    let mut busy = None;
    for round in 0..5 {
        let tasks: Vec<_> = (0..20)
            .map(|i| {
                let (visitor, csrf) = (visitor.clone(), csrf.clone());
                let name = format!("crowd{round}.{i}@provider.example");
                tokio::spawn(async move { attempt(&visitor, PARTNER, &csrf, &name, "guess").await })
            })
            .collect();
        for task in tasks {
            let page = task.await.unwrap_or_else(|e| panic!("{e}"));
            match page.status {
                StatusCode::UNPROCESSABLE_ENTITY => {}
                StatusCode::SERVICE_UNAVAILABLE => busy = Some(page),
                other => panic!("{other}"),
            }
        }
        if busy.is_some() {
            break;
        }
    }
    let busy = busy.unwrap_or_else(|| panic!("no sign-in found the workers busy"));
    assert_eq!(retry_after(&busy), Some(1));
    assert!(busy.contains("temporarily unavailable"), "{}", busy.html);
}

/// Signs in to the customer portal; the visitor is then asked to change the password.
async fn customer_signed_in(app: &TestApp, name: &str, password: &str) -> Visitor {
    let visitor = Visitor::new(&app.base);
    let csrf = visitor.get(CUSTOMER).await.csrf();
    let signed = attempt(&visitor, CUSTOMER, &csrf, name, password).await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.html);
    visitor
}

#[tokio::test]
async fn a_customer_password_change_ends_the_admins_other_sessions_only() {
    let app = TestApp::spawn().await;
    let (name, temporary) = customer_admin(&app, "sessions").await;
    let here = customer_signed_in(&app, &name, &temporary).await;
    let elsewhere = customer_signed_in(&app, &name, &temporary).await;
    let csrf = here.get("/customer/password").await.csrf();
    let changed = here
        .post(
            "/customer/password",
            &[
                ("csrf", &csrf),
                ("currentPassword", &temporary),
                ("newPassword", "our own long secret"),
            ],
        )
        .await;
    assert_eq!(changed.location.as_deref(), Some("/customer"));
    assert_eq!(
        here.get("/customer").await.status,
        StatusCode::OK,
        "the session that changed it goes on"
    );
    assert_eq!(
        elsewhere.get("/customer").await.location.as_deref(),
        Some("/customer/sign-in?next=/customer"),
        "the other session ended"
    );
}
