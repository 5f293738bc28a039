//! The activity log as a partner reads it: newest first, filtered, paged, and shared with
//! the reseller a customer is associated with.

use partnerdesk_domain::audit::{Action, Channel};
use partnerdesk_domain::partner::PartnerUser;
use partnerdesk_store::ActivityQuery;

use super::*;

fn query(limit: u32) -> ActivityQuery {
    ActivityQuery {
        limit,
        ..Default::default()
    }
}

#[tokio::test]
async fn the_log_reads_newest_first_filtered_and_in_pages() {
    let f = fixture().await;
    let fabrikam = f.onboard("Fabrikam", "fabrikam").await.customer.id;
    let contoso = f.onboard("Contoso", "contoso").await.customer.id;
    let all = ok(f.store.activity(f.provider.id, query(100)).await);
    // The fixture's user, then per customer its creation, agreement and order.
    assert_eq!(all.len(), 7);
    assert!(all.windows(2).all(|w| (w[0].at, w[0].id) > (w[1].at, w[1].id)));
    let oldest = &all[6];
    assert_eq!(
        (
            oldest.action,
            oldest.partner_id,
            oldest.customer_id,
            oldest.actor_name.as_str(),
            oldest.channel,
            oldest.address.as_deref()
        ),
        (
            Action::UserCreated,
            f.provider.id,
            None,
            "operator",
            Channel::Cli,
            None
        )
    );
    assert!(
        oldest
            .details
            .contains(&("email".to_owned(), "admin@provider.example".to_owned()))
    );

    let about_contoso = ok(f
        .store
        .activity(
            f.provider.id,
            ActivityQuery {
                customer: Some(contoso),
                ..query(100)
            },
        )
        .await);
    assert_eq!(
        about_contoso.iter().map(|e| e.action).collect::<Vec<_>>(),
        [
            Action::OrderPlaced,
            Action::AgreementAttested,
            Action::CustomerCreated
        ]
    );
    assert!(about_contoso.iter().all(|e| e.customer_id == Some(contoso)));
    let created = ok(f
        .store
        .activity(
            f.provider.id,
            ActivityQuery {
                action: Some(Action::CustomerCreated),
                ..query(100)
            },
        )
        .await);
    assert_eq!(
        created.iter().map(|e| e.customer_id).collect::<Vec<_>>(),
        [Some(contoso), Some(fabrikam)]
    );
    let by = |actor: &str| ActivityQuery {
        actor: Some(actor.into()),
        ..query(100)
    };
    assert_eq!(ok(f.store.activity(f.provider.id, by(" OPER")).await).len(), 7);
    assert_eq!(ok(f.store.activity(f.provider.id, by("admin")).await).len(), 0);
    let window = ActivityQuery {
        since: Some(all[3].at),
        until: Some(all[0].at),
        ..query(100)
    };
    let inside = ok(f.store.activity(f.provider.id, window).await);
    assert!(inside.iter().all(|e| e.at >= all[3].at && e.at < all[0].at));
    assert!(!inside.is_empty());

    let mut paged = Vec::new();
    let mut before = None;
    loop {
        let page = ok(f
            .store
            .activity(f.provider.id, ActivityQuery { before, ..query(3) })
            .await);
        let Some(last) = page.last() else { break };
        before = Some((last.at, last.id));
        paged.extend(page);
    }
    assert_eq!(paged, all);
}

#[tokio::test]
async fn a_reseller_reads_what_concerns_its_customers_only() {
    let f = fixture().await;
    let via = f.onboarding("Via Reseller", "viareseller", true);
    ok(f.store
        .onboard_customer(via.clone(), "sha256$00".into(), None, Actor::operator())
        .await);
    f.onboard("Direct", "direct").await;
    let seen = ok(f.store.activity(f.reseller.id, query(100)).await);
    assert_eq!(seen.len(), 3);
    assert!(
        seen.iter()
            .all(|e| e.customer_id == Some(via.customer.id) && e.partner_id == f.provider.id)
    );
}

async fn invite(f: &Fixture, email: &str, name: Option<&str>, actor: Actor) -> PartnerUser {
    ok(f.store
        .invite_partner_user(
            f.provider.id,
            Invitee {
                email,
                name: name.map(str::to_owned),
                role: Role::AdminAgent,
            },
            LinkDigest {
                digest: secrets::sha256(email.as_bytes()),
                expires_at: OffsetDateTime::now_utc() + time::Duration::HOUR,
            },
            invitation_mail(f.provider.id),
            actor,
        )
        .await)
}

#[tokio::test]
async fn a_person_is_found_by_email_or_by_the_name_their_entries_show() {
    let f = fixture().await;
    let ana = invite(
        &f,
        "ana@provider.example",
        Some("Beatriz Lima"),
        Actor::operator(),
    )
    .await;
    let as_ana = Actor {
        user_id: Some(ana.id.as_uuid()),
        name: ana.email.clone(),
        ..Actor::operator()
    };
    invite(&f, "new@provider.example", None, as_ana).await;
    let by = |actor: &str| ActivityQuery {
        actor: Some(actor.into()),
        ..query(100)
    };
    for typed in ["beatriz", "BEA", "ana@"] {
        let found = ok(f.store.activity(f.provider.id, by(typed)).await);
        assert_eq!(
            found.iter().map(|e| e.actor_id).collect::<Vec<_>>(),
            [Some(ana.id.as_uuid())],
            "{typed}"
        );
    }
    // Neither a name's later word nor the email of the user invited matches.
    assert!(ok(f.store.activity(f.provider.id, by("lima")).await).is_empty());
    assert!(ok(f.store.activity(f.provider.id, by("new@")).await).is_empty());
}
