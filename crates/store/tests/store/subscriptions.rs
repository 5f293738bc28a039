//! Subscriptions after onboarding: add-ons bought into an existing order, and license
//! count and status changes.

use partnerdesk_domain::SubscriptionId;
use partnerdesk_domain::billing::Markups;
use partnerdesk_domain::onboarding::PlacedOrder;
use partnerdesk_domain::subscription::{NextTermInput, Subscription, SubscriptionUpdateInput};

use super::*;

/// An order for `customer` of `offer` × `quantity`, as an add-on of `parent` when given.
pub(super) fn order_of(
    f: &Fixture,
    customer: &Onboarding,
    offer: &str,
    quantity: i64,
    parent: Option<SubscriptionId>,
) -> PlacedOrder {
    let mut item = line(offer, quantity);
    item.parent_subscription_id = parent.map(|p| p.to_string()).unwrap_or_default();
    let items = ok(parse_line_items(
        &[item],
        &f.catalog,
        customer.customer.billing.address.country,
    ));
    let lines = items
        .into_iter()
        .map(|item| OrderLine { item, reseller: None })
        .collect();
    ok(place_order(
        customer.customer.id,
        partnerdesk_domain::country::CountryCode::parse("US").unwrap_or_else(|_| unreachable!()),
        f.seller,
        lines,
        (&f.catalog, &Markups::default()),
        OffsetDateTime::now_utc(),
    ))
}

pub(super) fn offer(subscriptions: &[Subscription], offer: &str) -> Subscription {
    subscriptions
        .iter()
        .find(|s| s.offer_id.as_str() == offer)
        .cloned()
        .unwrap_or_else(|| panic!("no {offer} subscription"))
}

#[tokio::test]
async fn add_ons_join_their_parents_order_and_are_listed_under_the_parent() {
    let f = fixture().await;
    let onboarding = f.onboard("Parent", "parent").await;
    let customer = onboarding.customer.id;
    let first = onboarding.order.clone().unwrap_or_else(|| unreachable!()).order;
    let subs = ok(f.store.subscriptions(f.provider.id, customer, None).await);
    let (mail, chat) = (offer(&subs, "MAIL").id, offer(&subs, "CHAT").id);

    let order = ok(f
        .store
        .add_to_order(
            f.provider.id,
            first.id,
            order_of(&f, &onboarding, "ARCHIVE", 2, Some(mail)),
            f.catalog.clone(),
            None,
            Actor::operator(),
        )
        .await);
    assert_eq!(order.id, first.id);
    assert_eq!(
        order
            .line_items
            .iter()
            .map(|l| (l.line_number, l.offer_id.as_str(), l.parent_subscription_id))
            .collect::<Vec<_>>(),
        [(0, "MAIL", None), (1, "CHAT", None), (2, "ARCHIVE", Some(mail))]
    );
    assert_eq!(ok(f.store.order(f.provider.id, customer, first.id).await), order);
    assert_eq!(ok(f.store.orders(f.provider.id, customer).await), vec![order]);
    let add_ons = ok(f.store.add_ons(f.provider.id, customer, mail).await);
    assert_eq!(
        add_ons
            .iter()
            .map(|s| (s.offer_id.as_str(), s.order_id, s.quantity))
            .collect::<Vec<_>>(),
        [("ARCHIVE", first.id, 2)]
    );
    assert_eq!(ok(f.store.add_ons(f.provider.id, customer, chat).await), vec![]);
    let stranger = ok(f.store.create_partner("Stranger", PartnerKind::Direct).await);
    assert!(matches!(
        f.store.add_ons(stranger.id, customer, mail).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        f.store.order(stranger.id, customer, first.id).await,
        Err(StoreError::NotFound)
    ));

    let second = order_of(&f, &onboarding, "MAIL", 1, None);
    ok(f.store
        .place_order(
            f.provider.id,
            second.clone(),
            true,
            f.catalog.clone(),
            None,
            Actor::operator(),
        )
        .await);
    let other_mail = second.subscriptions[0].id;
    let elsewhere = f
        .store
        .add_to_order(
            f.provider.id,
            first.id,
            order_of(&f, &onboarding, "ARCHIVE", 1, Some(other_mail)),
            f.catalog.clone(),
            None,
            Actor::operator(),
        )
        .await;
    let expected = vec![FieldError::new(
        Field::ParentSubscription(0),
        Rule::ParentNotInOrder,
    )];
    assert!(
        matches!(&elsewhere, Err(StoreError::Invalid(e)) if *e == expected),
        "{elsewhere:?}"
    );
    let unknown = f
        .store
        .add_to_order(
            f.provider.id,
            partnerdesk_domain::OrderId::new(),
            order_of(&f, &onboarding, "ARCHIVE", 1, Some(mail)),
            f.catalog.clone(),
            None,
            Actor::operator(),
        )
        .await;
    assert!(matches!(unknown, Err(StoreError::NotFound)), "{unknown:?}");
    assert_eq!(
        ok(f.store.order(f.provider.id, customer, first.id).await)
            .line_items
            .len(),
        3
    );
}

#[tokio::test]
async fn suspending_a_subscription_suspends_its_add_ons_and_stale_versions_change_nothing() {
    let f = fixture().await;
    let onboarding = f.onboard("Parent", "parent").await;
    let customer = onboarding.customer.id;
    let subs = ok(f.store.subscriptions(f.provider.id, customer, None).await);
    let mail = offer(&subs, "MAIL");
    ok(f.store
        .place_order(
            f.provider.id,
            order_of(&f, &onboarding, "ARCHIVE", 2, Some(mail.id)),
            true,
            f.catalog.clone(),
            None,
            Actor::operator(),
        )
        .await);
    let update = |quantity: RawQuantity, status: Option<&str>| SubscriptionUpdateInput {
        quantity,
        status: status.map(str::to_owned),
        auto_renew: None,
        next_term: NextTermInput::Unchanged,
    };
    let change = |id, input, version| {
        f.store.update_subscription(
            f.provider.id,
            customer,
            id,
            input,
            version,
            Actor::operator(),
            OffsetDateTime::now_utc(),
        )
    };

    let grown = ok(change(
        mail.id,
        update(RawQuantity::Integer(12), None),
        Some(mail.version),
    )
    .await);
    assert_eq!((grown.quantity, grown.version), (12, mail.version + 1));
    let stale = change(
        mail.id,
        update(RawQuantity::Integer(20), None),
        Some(mail.version),
    )
    .await;
    assert!(matches!(stale, Err(StoreError::VersionMismatch)), "{stale:?}");
    assert_eq!(
        ok(f.store.subscription(f.provider.id, customer, mail.id).await),
        grown
    );

    let suspended = ok(change(mail.id, update(RawQuantity::Missing, Some("suspended")), None).await);
    assert_eq!(suspended.status, SubscriptionStatus::Suspended);
    let archive = offer(
        &ok(f.store.add_ons(f.provider.id, customer, mail.id).await),
        "ARCHIVE",
    );
    assert_eq!(archive.status, SubscriptionStatus::Suspended, "with its parent");
    let orphan = change(archive.id, update(RawQuantity::Missing, Some("active")), None).await;
    let expected = vec![FieldError::new(Field::SubscriptionStatus, Rule::ParentNotActive)];
    assert!(
        matches!(&orphan, Err(StoreError::Invalid(e)) if *e == expected),
        "{orphan:?}"
    );

    let active = ok(change(mail.id, update(RawQuantity::Missing, Some("active")), None).await);
    assert_eq!(active.status, SubscriptionStatus::Active);
    let archive = ok(f.store.subscription(f.provider.id, customer, archive.id).await);
    assert_eq!(
        archive.status,
        SubscriptionStatus::Suspended,
        "add-ons stay suspended"
    );
    let archive = ok(change(archive.id, update(RawQuantity::Missing, Some("active")), None).await);
    assert_eq!(archive.status, SubscriptionStatus::Active);
    let unchanged = ok(change(
        archive.id,
        update(RawQuantity::Missing, None),
        Some(archive.version),
    )
    .await);
    assert_eq!(unchanged, archive, "a change of nothing keeps the version");
}

#[tokio::test]
async fn only_the_seller_changes_a_subscription_sold_through_a_reseller() {
    let f = fixture().await;
    let onboarding = f.onboarding("Via Reseller", "viareseller", true);
    ok(f.store
        .onboard_customer(onboarding.clone(), "sha256$00".into(), None, Actor::operator())
        .await);
    let customer = onboarding.customer.id;
    let mail = offer(
        &ok(f.store.subscriptions(f.reseller.id, customer, None).await),
        "MAIL",
    );
    let input = SubscriptionUpdateInput {
        quantity: RawQuantity::Integer(2),
        status: None,
        auto_renew: None,
        next_term: NextTermInput::Unchanged,
    };
    let by_reseller = f
        .store
        .update_subscription(
            f.reseller.id,
            customer,
            mail.id,
            input.clone(),
            None,
            Actor::operator(),
            OffsetDateTime::now_utc(),
        )
        .await;
    assert!(
        matches!(by_reseller, Err(StoreError::NotFound)),
        "{by_reseller:?}"
    );
    let by_seller = ok(f
        .store
        .update_subscription(
            f.provider.id,
            customer,
            mail.id,
            input,
            None,
            Actor::operator(),
            OffsetDateTime::now_utc(),
        )
        .await);
    assert_eq!(by_seller.quantity, 2);
    assert_eq!(
        ok(f.store.subscription(f.reseller.id, customer, mail.id).await),
        by_seller
    );
}
