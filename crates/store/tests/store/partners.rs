//! Partners, the links between providers and resellers, and partner users: invitations
//! with a one-time set-password link, passwords, role changes and deactivation.

use partnerdesk_domain::PartnerId;

use super::*;

const HOUR: time::Duration = time::Duration::hours(1);

#[tokio::test]
async fn partners_read_back_and_links_are_seen_from_both_sides() {
    let db = TestDatabase::new().await;
    let empty = db.open().await;
    assert!(!ok(empty.has_partners().await));

    let f = fixture().await;
    assert!(ok(f.store.has_partners().await));
    assert_eq!(ok(f.store.partner(f.provider.id).await), f.provider);
    assert!(matches!(
        f.store.partner(PartnerId::new()).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(
        ok(f.store.resellers_of(f.provider.id).await),
        vec![f.reseller.clone()]
    );
    assert_eq!(
        ok(f.store.providers_of(f.reseller.id).await),
        vec![f.provider.clone()]
    );
    assert_eq!(ok(f.store.resellers_of(f.reseller.id).await), vec![]);
    assert_eq!(ok(f.store.providers_of(f.provider.id).await), vec![]);
}

#[tokio::test]
async fn of_stores_starting_together_on_an_empty_database_one_creates_the_first_partner() {
    let db = TestDatabase::new().await;
    let stores = [db.open().await, db.open().await, db.open().await];
    let created = futures_util::future::join_all(
        stores
            .iter()
            .map(|s| s.create_first_partner("First", PartnerKind::IndirectProvider)),
    )
    .await;
    let firsts: Vec<_> = created.into_iter().filter_map(ok).collect();
    assert_eq!(firsts.len(), 1, "{firsts:?}");
    assert_eq!(firsts[0].name, "First");
    assert_eq!(
        ok(stores[0]
            .create_first_partner("Second", PartnerKind::Direct)
            .await),
        None
    );
    assert!(ok(stores[1].create_partner("Another", PartnerKind::Direct).await).name == "Another");
}

#[tokio::test]
async fn an_invited_user_sets_a_password_once_with_an_unexpired_link() {
    let f = fixture().await;
    let now = OffsetDateTime::now_utc();
    let link = "set-password-link";
    let invited = ok(f
        .store
        .invite_partner_user(
            f.provider.id,
            Invitee {
                email: " Sales@Provider.example ",
                name: Some("Sam Sales".into()),
                role: Role::SalesAgent,
            },
            LinkDigest {
                digest: secrets::sha256(link.as_bytes()),
                expires_at: now + HOUR,
            },
            invitation_mail(f.provider.id),
            Actor::operator(),
        )
        .await);
    assert_eq!(
        (invited.email.as_str(), invited.role, invited.active),
        ("sales@provider.example", Role::SalesAgent, true)
    );
    let users = ok(f.store.partner_users(f.provider.id).await);
    assert_eq!(
        users.iter().map(|u| u.email.as_str()).collect::<Vec<_>>(),
        ["admin@provider.example", "sales@provider.example"]
    );
    assert_eq!(
        users[1].name.as_deref(),
        Some("Sam Sales"),
        "the name given at invitation"
    );
    let (_, unusable) = ok(f.store.partner_user_by_email("sales@provider.example").await);
    assert_eq!(unusable, "!", "no password until the link is used");

    assert_eq!(
        ok(f.store
            .password_link_user(secrets::sha256(link.as_bytes()), now)
            .await),
        invited
    );
    assert!(
        matches!(
            f.store
                .password_link_user(secrets::sha256(link.as_bytes()), now + 2 * HOUR)
                .await,
            Err(StoreError::NotFound)
        ),
        "expired"
    );
    let user = ok(f
        .store
        .use_password_link(
            secrets::sha256(link.as_bytes()),
            "new-hash".into(),
            now,
            Some("192.0.2.1".into()),
        )
        .await);
    assert_eq!(user, invited);
    let (_, hash) = ok(f.store.partner_user_by_email("SALES@provider.example").await);
    assert_eq!(hash, "new-hash");
    assert!(
        matches!(
            f.store
                .password_link_user(secrets::sha256(link.as_bytes()), now)
                .await,
            Err(StoreError::NotFound)
        ),
        "used up"
    );
    let again = f
        .store
        .use_password_link(secrets::sha256(link.as_bytes()), "other-hash".into(), now, None)
        .await;
    assert!(matches!(again, Err(StoreError::NotFound)), "{again:?}");
    let (_, hash) = ok(f.store.partner_user_by_email("sales@provider.example").await);
    assert_eq!(hash, "new-hash");
}

#[tokio::test]
async fn an_operator_sets_a_password_by_email() {
    let f = fixture().await;
    let user = ok(f
        .store
        .set_partner_user_password(" ADMIN@provider.example ", "second".into(), Actor::operator())
        .await);
    assert_eq!(user.id, f.seller.user_id);
    let (_, hash) = ok(f.store.partner_user_by_email("admin@provider.example").await);
    assert_eq!(hash, "second");
    let unknown = f
        .store
        .set_partner_user_password("nobody@provider.example", "x".into(), Actor::operator())
        .await;
    assert!(matches!(unknown, Err(StoreError::NotFound)), "{unknown:?}");
}

#[tokio::test]
async fn a_provider_invites_a_reseller_with_its_admin_in_one_transaction() {
    let f = fixture().await;
    let now = OffsetDateTime::now_utc();
    let link = "reseller-admin-link";
    let reseller = ok(f
        .store
        .invite_reseller(
            f.provider.id,
            " New Reseller ",
            "Boss@NewReseller.example",
            LinkDigest {
                digest: secrets::sha256(link.as_bytes()),
                expires_at: now + HOUR,
            },
            invitation_mail(f.provider.id),
            Actor::operator(),
        )
        .await);
    assert_eq!(
        (reseller.name.as_str(), reseller.kind, reseller.mpn_id.len()),
        ("New Reseller", PartnerKind::IndirectReseller, 7)
    );
    assert_eq!(ok(f.store.partner(reseller.id).await), reseller);
    assert!(ok(f.store.resellers_of(f.provider.id).await).contains(&reseller));
    let admins = ok(f.store.partner_users(reseller.id).await);
    assert_eq!(
        admins
            .iter()
            .map(|u| (u.email.as_str(), u.role))
            .collect::<Vec<_>>(),
        [("boss@newreseller.example", Role::AdminAgent)]
    );
    assert_eq!(
        ok(f.store
            .password_link_user(secrets::sha256(link.as_bytes()), now)
            .await),
        admins[0]
    );

    let by_reseller = f
        .store
        .invite_reseller(
            f.reseller.id,
            "Sub Reseller",
            "boss@sub.example",
            LinkDigest {
                digest: secrets::sha256(b"other"),
                expires_at: now + HOUR,
            },
            invitation_mail(f.reseller.id),
            Actor::operator(),
        )
        .await;
    let expected = vec![FieldError::new(
        Field::AssociatedPartnerId,
        Rule::IndirectModelUnavailable,
    )];
    assert!(
        matches!(&by_reseller, Err(StoreError::Invalid(e)) if *e == expected),
        "{by_reseller:?}"
    );
    assert!(matches!(
        f.store.partner_user_by_email("boss@sub.example").await,
        Err(StoreError::NotFound)
    ));
    let unnamed = f
        .store
        .invite_reseller(
            f.provider.id,
            "  ",
            "boss@unnamed.example",
            LinkDigest {
                digest: secrets::sha256(b"unnamed"),
                expires_at: now + HOUR,
            },
            invitation_mail(f.provider.id),
            Actor::operator(),
        )
        .await;
    let expected = vec![FieldError::new(Field::CompanyName, Rule::Required)];
    assert!(
        matches!(&unnamed, Err(StoreError::Invalid(e)) if *e == expected),
        "{unnamed:?}"
    );
}

#[tokio::test]
async fn a_partner_keeps_one_active_admin_agent() {
    let f = fixture().await;
    let admin = f.seller.user_id;
    let demote = f
        .store
        .change_partner_user(f.provider.id, admin, Role::SalesAgent, true, Actor::operator())
        .await;
    let expected = vec![FieldError::new(Field::Role, Rule::LastAdmin)];
    assert!(
        matches!(&demote, Err(StoreError::Invalid(e)) if *e == expected),
        "{demote:?}"
    );
    let deactivate = f
        .store
        .change_partner_user(f.provider.id, admin, Role::AdminAgent, false, Actor::operator())
        .await;
    let expected = vec![FieldError::new(Field::Email, Rule::LastAdmin)];
    assert!(
        matches!(&deactivate, Err(StoreError::Invalid(e)) if *e == expected),
        "{deactivate:?}"
    );
    let users = ok(f.store.partner_users(f.provider.id).await);
    assert_eq!(
        users.iter().map(|u| (u.role, u.active)).collect::<Vec<_>>(),
        [(Role::AdminAgent, true)],
        "refused changes are rolled back"
    );

    ok(f.store
        .create_partner_user(
            f.provider.id,
            "second@provider.example",
            Role::AdminAgent,
            "x".into(),
            Actor::operator(),
        )
        .await);
    let changed = ok(f
        .store
        .change_partner_user(
            f.provider.id,
            admin,
            Role::HelpdeskAgent,
            false,
            Actor::operator(),
        )
        .await);
    assert_eq!(
        (changed.id, changed.role, changed.active),
        (admin, Role::HelpdeskAgent, false)
    );
    let users = ok(f.store.partner_users(f.provider.id).await);
    assert_eq!(
        users
            .iter()
            .map(|u| (u.email.as_str(), u.role, u.active))
            .collect::<Vec<_>>(),
        [
            ("admin@provider.example", Role::HelpdeskAgent, false),
            ("second@provider.example", Role::AdminAgent, true)
        ]
    );
    let foreign = f
        .store
        .change_partner_user(f.reseller.id, admin, Role::AdminAgent, true, Actor::operator())
        .await;
    assert!(matches!(foreign, Err(StoreError::NotFound)), "{foreign:?}");
}

#[tokio::test]
async fn an_invitation_is_sent_again_with_a_new_link_or_revoked_with_all_of_them() {
    use partnerdesk_domain::mail::MailKind;

    let f = fixture().await;
    let now = OffsetDateTime::now_utc();
    let first = secrets::sha256(b"first");
    let invited = ok(f
        .store
        .invite_partner_user(
            f.provider.id,
            Invitee {
                email: "again@provider.example",
                name: None,
                role: Role::SalesAgent,
            },
            LinkDigest {
                digest: first.clone(),
                expires_at: now + HOUR,
            },
            invitation_mail(f.provider.id),
            Actor::operator(),
        )
        .await);
    let pending = ok(f.store.pending_invitations(f.provider.id).await);
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].0, invited.id);
    assert!(pending[0].1.is_some_and(|until| until > now), "{pending:?}");

    let second = secrets::sha256(b"second");
    ok(f.store
        .resend_invitation(
            f.provider.id,
            invited.id,
            LinkDigest {
                digest: second.clone(),
                expires_at: now + 2 * HOUR,
            },
            invitation_mail(f.provider.id),
            Actor::operator(),
        )
        .await);
    assert_eq!(
        ok(f.store.password_link_user(second.clone(), now).await).id,
        invited.id
    );
    let mails = ok(f.store.outbox(Some(f.provider.id), true, 10).await);
    assert_eq!(
        mails
            .iter()
            .filter(|m| m.kind == MailKind::UserInvitation)
            .count(),
        2
    );

    ok(f.store
        .revoke_invitation(f.provider.id, invited.id, Actor::operator())
        .await);
    for link in [first, second] {
        assert!(matches!(
            f.store
                .password_link_user(link, now + time::Duration::seconds(1))
                .await,
            Err(StoreError::NotFound)
        ));
    }
    let pending = ok(f.store.pending_invitations(f.provider.id).await);
    assert_eq!(pending, [(invited.id, None)], "revoked: no link works");
    let users = ok(f.store.partner_users(f.provider.id).await);
    assert!(users.iter().any(|u| u.id == invited.id && !u.active));

    // Another partner's user, or one with a password, has no invitation.
    let admin = users
        .iter()
        .find(|u| u.email == "admin@provider.example")
        .map(|u| u.id);
    for (partner, user) in [(f.reseller.id, Some(invited.id)), (f.provider.id, admin)] {
        let user = user.unwrap_or_default();
        assert!(matches!(
            f.store.revoke_invitation(partner, user, Actor::operator()).await,
            Err(StoreError::NotFound)
        ));
    }
}
