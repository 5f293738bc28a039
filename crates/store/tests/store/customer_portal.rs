//! The customer portal: the customer admin's sign-in, password and sessions, and the
//! reseller relationship requests the customer answers there.

use partnerdesk_domain::Locale;
use partnerdesk_domain::mail::{Mail, MailKind};
use partnerdesk_domain::onboarding::truncate_to_micros;
use partnerdesk_store::{CustomerPartner, InvitationStatus};

use super::*;

const HOUR: time::Duration = time::Duration::hours(1);
const DAY: time::Duration = time::Duration::days(1);

#[tokio::test]
async fn the_customer_admin_changes_the_password_and_is_locked_after_failures() {
    let f = fixture().await;
    let onboarding = f.onboard("Fabrikam", "fabrikam").await;
    let name = onboarding.admin_user_name.clone();
    let (user, hash) = ok(f
        .store
        .customer_user_by_name(&format!(" {} ", name.to_uppercase()))
        .await);
    assert_eq!(hash, "sha256$00");
    assert_eq!(
        (
            user.customer_id,
            user.user_name.as_str(),
            user.company_name.as_str()
        ),
        (onboarding.customer.id, name.as_str(), "Fabrikam")
    );
    assert!(user.must_change_password);
    assert_eq!(user.locked_until, None);
    assert!(matches!(
        f.store.customer_user_by_name("nobody@fabrikam.example").await,
        Err(StoreError::NotFound)
    ));

    ok(f.store
        .set_customer_password(user.id, "changed".into(), None)
        .await);
    let (user, hash) = ok(f.store.customer_user_by_name(&name).await);
    assert_eq!(hash, "changed");
    assert!(!user.must_change_password);

    let now = truncate_to_micros(OffsetDateTime::now_utc());
    let lockout = time::Duration::minutes(10);
    ok(f.store
        .record_failed_customer_sign_in(user.id, now, 2, lockout)
        .await);
    assert_eq!(
        ok(f.store.customer_user_by_name(&name).await).0.locked_until,
        None
    );
    ok(f.store
        .record_failed_customer_sign_in(user.id, now, 2, lockout)
        .await);
    assert_eq!(
        ok(f.store.customer_user_by_name(&name).await).0.locked_until,
        Some(now + lockout)
    );

    let session = secrets::sha256(b"customer-session");
    ok(f.store
        .create_customer_session(user.id, session.clone(), now, now + HOUR)
        .await);
    let signed_in = ok(f.store.customer_session(session.clone(), now).await);
    assert_eq!(signed_in, Some(user.clone()), "signing in cleared the lock");
    assert_eq!(
        ok(f.store.customer_session(session.clone(), now + HOUR).await),
        None
    );
    ok(f.store.end_customer_session(session.clone()).await);
    assert_eq!(ok(f.store.customer_session(session, now).await), None);

    let expiring = secrets::sha256(b"expiring");
    ok(f.store
        .create_customer_session(user.id, expiring.clone(), now, now + HOUR)
        .await);
    assert_eq!(ok(f.store.sweep_sessions(now).await), 0);
    assert_eq!(ok(f.store.sweep_sessions(now + HOUR).await), 1);
    assert_eq!(ok(f.store.customer_session(expiring, now).await), None);
}

struct Requester {
    provider: Partner,
    reseller: Partner,
}

async fn requester(f: &Fixture) -> Requester {
    let provider = ok(f
        .store
        .create_partner("Other Provider", PartnerKind::IndirectProvider)
        .await);
    let reseller = ok(f
        .store
        .create_partner("Other Reseller", PartnerKind::IndirectReseller)
        .await);
    ok(f.store.link_reseller(provider.id, reseller.id).await);
    Requester { provider, reseller }
}

#[tokio::test]
async fn an_accepted_request_gives_the_partner_and_its_reseller_the_customer() {
    let f = fixture().await;
    let customer = f.onboard("Fabrikam", "fabrikam").await.customer.id;
    let other_customer = f.onboard("Contoso", "contoso").await.customer.id;
    let r = requester(&f).await;
    let now = truncate_to_micros(OffsetDateTime::now_utc());

    let unlinked = f
        .store
        .request_relationship(
            r.provider.id,
            Some(f.reseller.id),
            false,
            LinkDigest {
                digest: secrets::sha256(b"unlinked"),
                expires_at: now + DAY,
            },
            None,
            Actor::operator(),
        )
        .await;
    let expected = vec![FieldError::new(Field::AssociatedPartnerId, Rule::ResellerUnknown)];
    assert!(
        matches!(&unlinked, Err(StoreError::Invalid(e)) if *e == expected),
        "{unlinked:?}"
    );

    ok(f.store
        .request_relationship(
            r.provider.id,
            Some(r.reseller.id),
            true,
            LinkDigest {
                digest: secrets::sha256(b"invite"),
                expires_at: now + DAY,
            },
            None,
            Actor::operator(),
        )
        .await);
    assert!(
        matches!(
            f.store
                .open_invitation(secrets::sha256(b"invite"), customer, now + 2 * DAY)
                .await,
            Err(StoreError::NotFound)
        ),
        "expired"
    );
    let invitation = ok(f
        .store
        .open_invitation(secrets::sha256(b"invite"), customer, now)
        .await);
    assert_eq!(
        (
            invitation.partner_id,
            invitation.partner_name.as_str(),
            invitation.reseller_name.as_deref(),
            invitation.delegated_admin,
            invitation.expires_at,
            invitation.status,
        ),
        (
            r.provider.id,
            "Other Provider",
            Some("Other Reseller"),
            true,
            now + DAY,
            InvitationStatus::Pending
        )
    );
    assert!(
        matches!(
            f.store
                .open_invitation(secrets::sha256(b"invite"), other_customer, now)
                .await,
            Err(StoreError::NotFound)
        ),
        "addressed to the first customer that opened it"
    );
    assert_eq!(
        ok(f.store.customer_invitations(customer, now).await),
        vec![invitation.clone()]
    );
    assert_eq!(
        ok(f.store.customer_invitations(other_customer, now).await),
        vec![]
    );
    assert!(matches!(
        f.store.customer(r.provider.id, customer).await,
        Err(StoreError::NotFound)
    ));
    let foreign = f
        .store
        .answer_invitation(invitation.id, other_customer, true, Actor::operator())
        .await;
    assert!(matches!(foreign, Err(StoreError::NotFound)), "{foreign:?}");

    let answered = ok(f
        .store
        .answer_invitation(invitation.id, customer, true, Actor::operator())
        .await);
    assert_eq!(answered.status, InvitationStatus::Accepted);
    assert_eq!(ok(f.store.customer_invitations(customer, now).await), vec![]);
    let again = f
        .store
        .answer_invitation(invitation.id, customer, false, Actor::operator())
        .await;
    assert!(matches!(again, Err(StoreError::NotFound)), "{again:?}");

    // The partner's list: the answered request names its customer; a mailed one, where to.
    ok(f.store
        .request_relationship(
            r.provider.id,
            None,
            false,
            LinkDigest {
                digest: secrets::sha256(b"mailed"),
                expires_at: now + DAY,
            },
            Some(Mail::new(
                MailKind::RelationshipRequest,
                "it@contoso.example",
                Locale::FrFr,
                r.provider.id,
            )),
            Actor::operator(),
        )
        .await);
    let sent = ok(f.store.sent_requests(r.provider.id, 10).await);
    assert_eq!(sent.len(), 2, "{sent:?}");
    let (mailed, accepted) = (&sent[0], &sent[1]);
    assert_eq!(
        (
            mailed.sent_to.as_deref(),
            mailed.status,
            &mailed.customer,
            mailed.reseller_name.as_deref()
        ),
        (Some("it@contoso.example"), InvitationStatus::Pending, &None, None)
    );
    assert!(!mailed.expired(now) && mailed.expired(now + 2 * DAY));
    assert_eq!(mailed.stands(now), ("sent", now + DAY));
    assert_eq!(mailed.stands(now + 2 * DAY), ("expired", now + DAY));
    assert_eq!(
        (
            accepted.id,
            accepted.status,
            accepted.customer.clone(),
            accepted.delegated_admin
        ),
        (
            invitation.id,
            InvitationStatus::Accepted,
            Some((customer, "Fabrikam".to_owned())),
            true
        )
    );
    assert!(accepted.answered_at.is_some() && !accepted.expired(now + 2 * DAY));
    // A customer that only opened a link, or declined it, isn't named to the partner.
    ok(f.store
        .open_invitation(secrets::sha256(b"mailed"), other_customer, now)
        .await);
    let opened = ok(f.store.sent_requests(r.provider.id, 1).await);
    assert_eq!((opened[0].id, &opened[0].customer), (mailed.id, &None));
    assert_eq!(ok(f.store.sent_requests(r.provider.id, 1).await).len(), 1);
    assert_eq!(ok(f.store.sent_requests(f.provider.id, 10).await), vec![]);

    let seen = ok(f.store.customer(r.provider.id, customer).await);
    assert_eq!(
        (seen.associated_partner_id, seen.relationship.as_str()),
        (Some(r.reseller.id), "reseller")
    );
    let seen = ok(f.store.customer(r.reseller.id, customer).await);
    assert_eq!(seen.associated_partner_id, Some(r.provider.id));
    let partners = ok(f.store.customer_partners(customer).await);
    assert_eq!(
        partners
            .iter()
            .map(|p| (p.name.as_str(), p.relationship.as_str()))
            .collect::<Vec<_>>(),
        [
            ("Provider", "reseller"),
            ("Other Provider", "reseller"),
            ("Other Reseller", "reseller")
        ]
    );
    let CustomerPartner { since, .. } = &partners[0];
    assert!(*since <= now);
    let subscriptions = ok(f.store.customer_subscriptions(customer).await);
    assert_eq!(
        subscriptions
            .iter()
            .map(|(s, seller)| (s.offer_id.as_str(), s.customer_id, seller.as_str()))
            .collect::<Vec<_>>(),
        [("MAIL", customer, "Provider"), ("CHAT", customer, "Provider")]
    );
}

#[tokio::test]
async fn a_declined_request_gives_nobody_the_customer() {
    let f = fixture().await;
    let customer = f.onboard("Fabrikam", "fabrikam").await.customer.id;
    let r = requester(&f).await;
    let now = OffsetDateTime::now_utc();
    ok(f.store
        .request_relationship(
            r.provider.id,
            None,
            false,
            LinkDigest {
                digest: secrets::sha256(b"declined"),
                expires_at: now + DAY,
            },
            None,
            Actor::operator(),
        )
        .await);
    let invitation = ok(f
        .store
        .open_invitation(secrets::sha256(b"declined"), customer, now)
        .await);
    assert_eq!(invitation.reseller_name, None);
    let answered = ok(f
        .store
        .answer_invitation(invitation.id, customer, false, Actor::operator())
        .await);
    assert_eq!(answered.status, InvitationStatus::Declined);
    assert!(matches!(
        f.store.customer(r.provider.id, customer).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(ok(f.store.customer_partners(customer).await).len(), 1);
}

#[tokio::test]
async fn mailed_links_are_minted_at_sending_and_only_while_their_subject_waits() {
    use partnerdesk_domain::mail::{SUBJECT, SecretLink};

    let f = fixture().await;
    let customer = f.onboard("Fabrikam", "fabrikam").await.customer.id;
    let now = truncate_to_micros(OffsetDateTime::now_utc());
    let week = time::Duration::days(7);

    // A user's invitation: the outbox names the user, never a link.
    let invited = ok(f
        .store
        .invite_partner_user(
            f.provider.id,
            Invitee {
                email: "mailed@provider.example",
                name: None,
                role: Role::SalesAgent,
            },
            LinkDigest {
                digest: secrets::sha256(b"shown"),
                expires_at: now + HOUR,
            },
            invitation_mail(f.provider.id).arg("partner", "Provider"),
            Actor::operator(),
        )
        .await);
    let outbox = ok(f.store.outbox(Some(f.provider.id), true, 10).await);
    assert_eq!(outbox.len(), 1);
    let subject = outbox[0]
        .args
        .iter()
        .find(|(k, _)| k == SUBJECT)
        .map(|(_, v)| v.clone());
    assert_eq!(subject, Some(invited.id.to_string()));
    assert!(
        outbox[0].args.iter().all(|(k, _)| k != "link"),
        "no secret stored"
    );

    let mailed = secrets::sha256(b"mailed");
    let until = ok(f
        .store
        .mint_mail_link(
            SecretLink::SetPassword,
            invited.id.into(),
            mailed.clone(),
            now,
            week,
        )
        .await);
    assert_eq!(until, Some(now + week));
    assert_eq!(ok(f.store.password_link_user(mailed.clone(), now).await), invited);
    assert_eq!(
        ok(f.store.password_link_user(secrets::sha256(b"shown"), now).await),
        invited,
        "the link shown to the admin works too"
    );
    ok(f.store
        .use_password_link(secrets::sha256(b"shown"), "hash".into(), now, None)
        .await);
    let again = ok(f
        .store
        .mint_mail_link(
            SecretLink::SetPassword,
            invited.id.into(),
            secrets::sha256(b"late"),
            now,
            week,
        )
        .await);
    assert_eq!(again, None, "a user with a password gets no new link");

    // A relationship request mailed to a customer's admin.
    let mail = Mail::new(
        MailKind::RelationshipRequest,
        "admin@fabrikam.example",
        Locale::FrFr,
        f.provider.id,
    );
    ok(f.store
        .request_relationship(
            f.provider.id,
            None,
            false,
            LinkDigest {
                digest: secrets::sha256(b"invite-shown"),
                expires_at: now + DAY,
            },
            Some(mail),
            Actor::operator(),
        )
        .await);
    let outbox = ok(f.store.outbox(Some(f.provider.id), true, 10).await);
    let request = outbox
        .iter()
        .find(|m| m.kind == MailKind::RelationshipRequest)
        .unwrap_or_else(|| panic!("{outbox:?}"));
    assert_eq!(
        (request.recipient.as_str(), request.locale),
        ("admin@fabrikam.example", Locale::FrFr)
    );
    let invitation: uuid::Uuid = request
        .args
        .iter()
        .find(|(k, _)| k == SUBJECT)
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or_else(|| panic!("{request:?}"));
    let until = ok(f
        .store
        .mint_mail_link(
            SecretLink::Invitation,
            invitation,
            secrets::sha256(b"invite-mailed"),
            now,
            week,
        )
        .await);
    assert_eq!(until, Some(now + DAY), "as long as the invitation");
    let opened = ok(f
        .store
        .open_invitation(secrets::sha256(b"invite-mailed"), customer, now)
        .await);
    assert_eq!(opened.id, invitation);
    ok(f.store
        .answer_invitation(invitation, customer, false, Actor::operator())
        .await);
    let answered = ok(f
        .store
        .mint_mail_link(
            SecretLink::Invitation,
            invitation,
            secrets::sha256(b"too-late"),
            now,
            week,
        )
        .await);
    assert_eq!(answered, None, "an answered invitation gets no new link");
}

#[tokio::test]
async fn a_partner_resets_a_customer_users_password_and_its_sessions_end() {
    let f = fixture().await;
    let onboarding = f.onboard("Fabrikam", "fabrikam").await;
    let customer = onboarding.customer.id;
    let accounts = ok(f.store.customer_accounts(f.provider.id, customer).await);
    assert_eq!(accounts.len(), 1);
    let account = &accounts[0];
    assert_eq!(account.user_name, onboarding.admin_user_name);
    assert_eq!(account.last_signed_in_at, None);

    let (user, _) = ok(f.store.customer_user_by_name(&account.user_name).await);
    ok(f.store
        .set_customer_password(user.id, "chosen".into(), None)
        .await);
    let now = truncate_to_micros(OffsetDateTime::now_utc());
    let session = secrets::sha256(b"before-reset");
    ok(f.store
        .create_customer_session(user.id, session.clone(), now, now + HOUR)
        .await);
    let signed_in = ok(f.store.customer_accounts(f.provider.id, customer).await);
    assert_eq!(signed_in[0].last_signed_in_at, Some(now));
    assert!(!signed_in[0].must_change_password);

    // Only a partner that sees the customer may, and only its own users.
    let stranger = ok(f.store.create_partner("Stranger", PartnerKind::Direct).await);
    let refused = f
        .store
        .reset_customer_password(stranger.id, customer, user.id, "x".into(), Actor::operator())
        .await;
    assert!(matches!(refused, Err(StoreError::NotFound)), "{refused:?}");
    let other = f.onboard("Contoso", "contoso").await.customer.id;
    let mismatched = f
        .store
        .reset_customer_password(f.provider.id, other, user.id, "x".into(), Actor::operator())
        .await;
    assert!(matches!(mismatched, Err(StoreError::NotFound)), "{mismatched:?}");
    assert_eq!(
        ok(f.store.customer_user_by_name(&account.user_name).await).1,
        "chosen"
    );

    ok(f.store
        .reset_customer_password(
            f.provider.id,
            customer,
            user.id,
            "temporary".into(),
            Actor::operator(),
        )
        .await);
    let (after, hash) = ok(f.store.customer_user_by_name(&account.user_name).await);
    assert_eq!(hash, "temporary");
    assert!(after.must_change_password);
    assert_eq!(
        ok(f.store.customer_session(session, now).await),
        None,
        "signed out"
    );
    let query = partnerdesk_store::ActivityQuery {
        customer: Some(customer),
        limit: 1,
        ..Default::default()
    };
    let logged = ok(f.store.activity(f.provider.id, query).await);
    assert_eq!(
        logged[0].action,
        partnerdesk_domain::audit::Action::CustomerPasswordReset
    );
    assert!(
        logged[0]
            .details
            .contains(&("userName".to_owned(), account.user_name.clone()))
    );
}
