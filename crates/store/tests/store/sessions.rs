//! What the partner portal keeps per user: sessions, sign-in throttling, the chosen
//! language and the wizard's draft.

use partnerdesk_domain::audit::Action;
use partnerdesk_domain::onboarding::truncate_to_micros;
use partnerdesk_store::ActivityQuery;

use super::*;

const HOUR: time::Duration = time::Duration::hours(1);
const MINUTE: time::Duration = time::Duration::minutes(1);

#[tokio::test]
async fn a_session_is_moved_on_by_activity_and_gone_once_ended() {
    let f = fixture().await;
    let user = f.seller.user_id;
    let now = truncate_to_micros(OffsetDateTime::now_utc());
    let hash = secrets::sha256(b"session");
    ok(f.store.create_session(user, hash.clone(), now, now + HOUR).await);
    let session = ok(f.store.session(hash.clone(), now).await).unwrap_or_else(|| panic!("live"));
    assert_eq!(session.principal.user.id, user);
    assert_eq!(session.principal.partner, f.provider);
    assert_eq!(
        session.principal.partner_domains,
        vec!["provider.example".to_owned()]
    );
    assert_eq!(
        (session.created_at, session.seen_at, session.expires_at),
        (now, now, now + HOUR)
    );

    ok(f.store
        .touch_session(hash.clone(), now + MINUTE, now + 2 * HOUR)
        .await);
    let later = ok(f.store.session(hash.clone(), now + HOUR + MINUTE).await)
        .unwrap_or_else(|| panic!("the expiry moved"));
    assert_eq!(
        (later.created_at, later.seen_at, later.expires_at),
        (now, now + MINUTE, now + 2 * HOUR)
    );

    ok(f.store.end_session(hash.clone()).await);
    assert_eq!(ok(f.store.session(hash, now).await), None);
}

#[tokio::test]
async fn failed_sign_ins_lock_at_the_limit_and_a_sign_in_clears_them() {
    let f = fixture().await;
    assert_eq!(ok(f.store.sign_in_record("nobody@provider.example").await), None);
    let record =
        ok(f.store.sign_in_record(" ADMIN@provider.example ").await).unwrap_or_else(|| panic!("known"));
    assert_eq!(record.user.id, f.seller.user_id);
    assert_eq!(
        (
            record.password_hash.as_str(),
            record.failed_sign_ins,
            record.locked_until
        ),
        ("x", 0, None)
    );
    let user = record.user;
    let now = truncate_to_micros(OffsetDateTime::now_utc());
    let lockout = 15 * MINUTE;
    let state = || async {
        let record =
            ok(f.store.sign_in_record("admin@provider.example").await).unwrap_or_else(|| panic!("known"));
        (record.failed_sign_ins, record.locked_until)
    };
    for _ in 0..2 {
        ok(f.store.record_failed_sign_in(user.id, now, 3, lockout).await);
    }
    assert_eq!(state().await, (2, None));
    ok(f.store.record_failed_sign_in(user.id, now, 3, lockout).await);
    assert_eq!(state().await, (0, Some(now + lockout)), "locked, counting anew");
    ok(f.store.record_failed_sign_in(user.id, now, 3, lockout).await);
    assert_eq!(state().await, (1, Some(now + lockout)));

    ok(f.store.record_sign_in(&user, Actor::operator()).await);
    assert_eq!(state().await, (0, None));
    let sign_ins = ok(f
        .store
        .activity(
            f.provider.id,
            ActivityQuery {
                action: Some(Action::SignedIn),
                limit: 10,
                ..Default::default()
            },
        )
        .await);
    assert_eq!(sign_ins.len(), 1);
}

#[tokio::test]
async fn a_users_chosen_language_is_remembered_until_cleared() {
    let f = fixture().await;
    let user = f.seller.user_id;
    let locale = || async {
        ok(f.store.sign_in_record("admin@provider.example").await)
            .unwrap_or_else(|| panic!("known"))
            .user
            .locale
    };
    ok(f.store.set_partner_user_locale(user, Some("de-DE".into())).await);
    assert_eq!(locale().await.as_deref(), Some("de-DE"));
    ok(f.store.set_partner_user_locale(user, None).await);
    assert_eq!(locale().await, None);
}

#[tokio::test]
async fn a_users_chosen_name_and_time_zone_are_remembered_until_cleared() {
    let f = fixture().await;
    let user = f.seller.user_id;
    let chosen = || async {
        let user = ok(f.store.sign_in_record("admin@provider.example").await)
            .unwrap_or_else(|| panic!("known"))
            .user;
        (user.name, user.time_zone)
    };
    assert_eq!(chosen().await, (None, None));
    ok(f.store
        .set_partner_user_settings(user, Some("Ana Lee".into()), Some("Asia/Taipei".into()))
        .await);
    assert_eq!(
        chosen().await,
        (Some("Ana Lee".into()), Some("Asia/Taipei".into()))
    );
    ok(f.store.set_partner_user_settings(user, None, None).await);
    assert_eq!(chosen().await, (None, None));
}

#[tokio::test]
async fn a_deleted_draft_is_gone() {
    let f = fixture().await;
    let user = f.seller.user_id;
    let draft = partnerdesk_domain::draft::Draft::new("submit-key".into());
    ok(f.store.save_draft(user, f.provider.id, &draft).await);
    let since = OffsetDateTime::now_utc() - HOUR;
    assert!(ok(f.store.draft(user, since).await).is_some());
    ok(f.store.delete_draft(user).await);
    assert_eq!(ok(f.store.draft(user, since).await), None);
    ok(f.store.delete_draft(user).await);
}
