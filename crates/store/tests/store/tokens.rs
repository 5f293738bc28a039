//! API tokens: listed newest first, revoked once, and authenticating only while valid.

use partnerdesk_domain::TokenId;
use partnerdesk_domain::audit::Action;
use partnerdesk_domain::onboarding::truncate_to_micros;
use partnerdesk_store::ActivityQuery;

use super::*;

#[tokio::test]
async fn tokens_are_listed_newest_first_and_revoked_only_by_their_partner() {
    let f = fixture().await;
    let (admin, _) = ok(f.store.partner_user_by_email("admin@provider.example").await);
    let sales = ok(f
        .store
        .create_partner_user(
            f.provider.id,
            "sales@provider.example",
            Role::SalesAgent,
            "x".into(),
            Actor::operator(),
        )
        .await);
    let first = ok(f
        .store
        .create_api_token(&admin, "first", secrets::sha256(b"t1"), None, Actor::operator())
        .await);
    let second = ok(f
        .store
        .create_api_token(&sales, "second", secrets::sha256(b"t2"), None, Actor::operator())
        .await);

    let all = ok(f.store.api_tokens(f.provider.id, None).await);
    assert_eq!(
        all.iter()
            .map(|t| (
                t.id,
                t.user_id,
                t.user_email.as_str(),
                t.name.as_str(),
                t.revoked_at
            ))
            .collect::<Vec<_>>(),
        [
            (second, sales.id, "sales@provider.example", "second", None),
            (first, admin.id, "admin@provider.example", "first", None),
        ]
    );
    let mine = ok(f.store.api_tokens(f.provider.id, Some(admin.id)).await);
    assert_eq!(mine.iter().map(|t| t.id).collect::<Vec<_>>(), [first]);
    assert_eq!(ok(f.store.api_tokens(f.reseller.id, None).await), vec![]);
    assert_eq!(ok(f.store.token_partner(first).await), f.provider.id);
    assert!(matches!(
        f.store.token_partner(TokenId::new()).await,
        Err(StoreError::NotFound)
    ));

    let not_theirs = f
        .store
        .revoke_api_token(f.provider.id, first, Some(sales.id), Actor::operator())
        .await;
    assert!(matches!(not_theirs, Err(StoreError::NotFound)), "{not_theirs:?}");
    let other_partner = f
        .store
        .revoke_api_token(f.reseller.id, first, None, Actor::operator())
        .await;
    assert!(
        matches!(other_partner, Err(StoreError::NotFound)),
        "{other_partner:?}"
    );
    assert!(ok(f.store.authenticate_token(secrets::sha256(b"t1")).await).is_some());

    ok(f.store
        .revoke_api_token(f.provider.id, first, Some(admin.id), Actor::operator())
        .await);
    ok(f.store
        .revoke_api_token(f.provider.id, first, None, Actor::operator())
        .await);
    assert_eq!(ok(f.store.authenticate_token(secrets::sha256(b"t1")).await), None);
    let principal = ok(f.store.authenticate_token(secrets::sha256(b"t2")).await)
        .unwrap_or_else(|| panic!("valid"))
        .principal;
    assert_eq!(
        (principal.user, principal.partner.id),
        (sales.clone(), f.provider.id)
    );
    let listed = ok(f.store.api_tokens(f.provider.id, Some(admin.id)).await);
    assert!(listed[0].revoked_at.is_some());
    let revocations = ok(f
        .store
        .activity(
            f.provider.id,
            ActivityQuery {
                action: Some(Action::TokenRevoked),
                limit: 10,
                ..Default::default()
            },
        )
        .await);
    assert_eq!(revocations.len(), 1, "revoking a revoked token changes nothing");

    ok(f.store
        .change_partner_user(
            f.provider.id,
            sales.id,
            Role::SalesAgent,
            false,
            Actor::operator(),
        )
        .await);
    assert_eq!(
        ok(f.store.authenticate_token(secrets::sha256(b"t2")).await),
        None,
        "a deactivated user's token"
    );
}

#[tokio::test]
async fn an_expired_token_is_refused_and_uses_are_recorded_once_a_minute() {
    let f = fixture().await;
    let admin = ok(f
        .store
        .create_partner_user(
            f.provider.id,
            "expiring@provider.example",
            Role::AdminAgent,
            "x".into(),
            Actor::operator(),
        )
        .await);
    let now = truncate_to_micros(OffsetDateTime::now_utc());
    let day = time::Duration::days(1);
    let create = |name: &'static str, expires: OffsetDateTime| {
        f.store.create_api_token(
            &admin,
            name,
            secrets::sha256(name.as_bytes()),
            Some(expires),
            Actor::operator(),
        )
    };
    ok(create("expired", now - day).await);
    ok(create("current", now + day).await);
    assert_eq!(
        ok(f.store.authenticate_token(secrets::sha256(b"expired")).await),
        None
    );
    assert!(ok(f.store.authenticate_token(secrets::sha256(b"current")).await).is_some());

    let store = &f.store;
    let used = async || {
        let tokens = ok(store.api_tokens(f.provider.id, Some(admin.id)).await);
        let token = tokens
            .into_iter()
            .find(|t| t.name == "current")
            .unwrap_or_else(|| panic!("listed"));
        (token.last_used_at, token.expires_at)
    };
    assert_eq!(used().await, (None, Some(now + day)));
    ok(store.token_used(secrets::sha256(b"current"), now).await);
    ok(store
        .token_used(secrets::sha256(b"current"), now + time::Duration::seconds(30))
        .await);
    assert_eq!(used().await.0, Some(now), "not again within the minute");
    let later = now + time::Duration::minutes(2);
    ok(store.token_used(secrets::sha256(b"current"), later).await);
    assert_eq!(used().await.0, Some(later));
    let holder =
        ok(store.authenticate_token(secrets::sha256(b"current")).await).unwrap_or_else(|| panic!("valid"));
    assert_eq!(
        holder.last_used_at,
        Some(later),
        "the holder tells when the use was recorded"
    );
    assert!(!holder.use_unrecorded(later + time::Duration::seconds(59)));
    assert!(holder.use_unrecorded(later + time::Duration::seconds(61)));
    let created = ok(f
        .store
        .activity(
            f.provider.id,
            ActivityQuery {
                action: Some(Action::TokenCreated),
                limit: 1,
                ..Default::default()
            },
        )
        .await);
    assert!(created[0].details.iter().any(|(k, _)| k == "expiresAt"));
}
