//! The Customers workspace's view: search anywhere (folded), filters, sorts, totals, and
//! exports' batches.

use partnerdesk_domain::audit::Actor;
use partnerdesk_domain::country::CountryCode;
use partnerdesk_domain::order::RawQuantity;
use partnerdesk_domain::subscription::{NextTermInput, SubscriptionUpdateInput};
use partnerdesk_store::{CustomerView, Holding, SortColumn};
use time::{Duration, OffsetDateTime};

use crate::{Fixture, fixture, ok};

impl Fixture {
    /// Onboards `name` in `country`, with its two subscriptions (13 licences) or none.
    async fn onboard_in(&self, name: &str, prefix: &str, country: &str, subscriptions: bool) {
        let mut onboarding = self.onboarding(name, prefix, false);
        onboarding.customer.billing.address.country =
            CountryCode::parse(country).unwrap_or_else(|_| unreachable!());
        if !subscriptions {
            onboarding.order = None;
        }
        ok(self
            .store
            .onboard_customer(onboarding, "sha256$00".into(), None, Actor::operator())
            .await);
    }

    async fn names(&self, view: CustomerView) -> (Vec<String>, u32) {
        let found = ok(self.store.find_customers(self.provider.id, view, 0, 50).await);
        let names = found
            .rows
            .iter()
            .map(|r| r.customer.company_name.clone())
            .collect();
        (names, found.total)
    }
}

fn search(text: &str) -> CustomerView {
    CustomerView {
        text: text.into(),
        ..CustomerView::default()
    }
}

async fn three(f: &Fixture) {
    f.onboard_in("Woodgrove Bank", "woodgrove", "US", true).await;
    f.onboard_in("École Électricité Dupont", "dupont", "FR", false)
        .await;
    f.onboard_in("Fabrikam", "ecolefab", "DE", true).await;
}

#[tokio::test]
async fn a_search_matches_anywhere_in_name_or_domain_ignoring_case_accents_and_width() {
    let f = fixture().await;
    three(&f).await;
    let found = |text: &'static str| f.names(search(text));
    assert_eq!(
        found("grove").await,
        (vec!["Woodgrove Bank".to_owned()], 1),
        "in the middle"
    );
    assert_eq!(
        found("ＧＲＯＶＥ").await.0,
        ["Woodgrove Bank"],
        "full-width letters"
    );
    assert_eq!(found("gr").await.0, ["Woodgrove Bank"], "shorter than a trigram");
    assert_eq!(
        found("ecole").await,
        (
            vec!["École Électricité Dupont".to_owned(), "Fabrikam".to_owned()],
            2
        ),
        "accents ignored, and the domain searched too"
    );
    assert_eq!(found("ÉLECTRICITÉ dup").await.0, ["École Électricité Dupont"]);
    assert_eq!(found("%").await.0, Vec::<String>::new(), "wildcards are text");
    assert_eq!(found("nothing like it").await, (Vec::new(), 0));
}

#[tokio::test]
async fn a_view_sorts_on_any_column_with_accents_among_their_letters() {
    let f = fixture().await;
    three(&f).await;
    let sorted = |sort, descending| {
        f.names(CustomerView {
            sort,
            descending,
            ..CustomerView::default()
        })
    };
    let by_name = ["École Électricité Dupont", "Fabrikam", "Woodgrove Bank"];
    assert_eq!(
        sorted(SortColumn::Company, false).await.0,
        by_name,
        "É among the E"
    );
    let mut reversed = by_name;
    reversed.reverse();
    assert_eq!(sorted(SortColumn::Company, true).await.0, reversed);
    assert_eq!(
        sorted(SortColumn::Domain, false).await.0,
        ["École Électricité Dupont", "Fabrikam", "Woodgrove Bank"]
    );
    assert_eq!(
        sorted(SortColumn::Country, false).await.0,
        ["Fabrikam", "École Électricité Dupont", "Woodgrove Bank"],
        "DE, FR, US"
    );
    assert_eq!(
        sorted(SortColumn::Created, true).await.0,
        ["Fabrikam", "École Électricité Dupont", "Woodgrove Bank"],
        "newest first"
    );
    let resold = f.onboarding("Aardvark Resold", "aardvark", true);
    ok(f.store
        .onboard_customer(resold, "sha256$00".into(), None, Actor::operator())
        .await);
    assert_eq!(
        sorted(SortColumn::Reseller, false).await.0,
        [
            "École Électricité Dupont",
            "Fabrikam",
            "Woodgrove Bank",
            "Aardvark Resold"
        ],
        "those sold directly first, by name; then by their reseller's name"
    );
    assert_eq!(sorted(SortColumn::Reseller, true).await.0[0], "Aardvark Resold");
}

#[tokio::test]
async fn filters_narrow_the_view_and_its_total() {
    let f = fixture().await;
    three(&f).await;
    let view = |change: fn(&mut CustomerView)| {
        let mut view = CustomerView::default();
        change(&mut view);
        f.names(view)
    };
    assert_eq!(
        view(|v| v.country = CountryCode::parse("FR").ok()).await,
        (vec!["École Électricité Dupont".to_owned()], 1)
    );
    assert_eq!(
        view(|v| v.holding = Some(Holding::Subscriptions)).await,
        (vec!["Fabrikam".to_owned(), "Woodgrove Bank".to_owned()], 2)
    );
    assert_eq!(view(|v| v.holding = Some(Holding::Suspended)).await.1, 0);
    let yesterday = OffsetDateTime::now_utc() - Duration::DAY;
    let mut recent = CustomerView {
        created_from: Some(yesterday),
        ..CustomerView::default()
    };
    assert_eq!(f.names(recent.clone()).await.1, 3);
    recent.created_from = None;
    recent.created_before = Some(yesterday);
    assert_eq!(f.names(recent).await.1, 0);
    assert_eq!(
        view(|v| {
            v.text = "a".into();
            v.country = CountryCode::parse("DE").ok();
        })
        .await
        .0,
        ["Fabrikam"]
    );

    // A suspended subscription, and the row's summary of what the customer holds.
    let found = ok(f
        .store
        .find_customers(f.provider.id, search("woodgrove"), 0, 5)
        .await);
    let row = &found.rows[0];
    assert_eq!(row.active_licences, 13);
    assert!(row.next_commitment_end.is_some());
    let customer = row.customer.id;
    let subscriptions = ok(f.store.subscriptions(f.provider.id, customer, None).await);
    ok(f.store
        .update_subscription(
            f.provider.id,
            customer,
            subscriptions[0].id,
            SubscriptionUpdateInput {
                quantity: RawQuantity::Missing,
                status: Some("suspended".into()),
                auto_renew: None,
                next_term: NextTermInput::Unchanged,
            },
            None,
            Actor::operator(),
            OffsetDateTime::now_utc(),
        )
        .await);
    assert_eq!(
        view(|v| v.holding = Some(Holding::Suspended)).await.0,
        ["Woodgrove Bank"]
    );
    let after = ok(f
        .store
        .find_customers(f.provider.id, search("woodgrove"), 0, 5)
        .await);
    assert_eq!(
        after.rows[0].active_licences,
        13 - i64::from(subscriptions[0].quantity)
    );
}

#[tokio::test]
async fn pages_and_batches_return_every_customer_once_in_the_views_order() {
    let f = fixture().await;
    for i in 0..11 {
        // Every other one sold through the reseller, so that the reseller sort has two keys.
        let mut onboarding = f.onboarding(&format!("Company {}", i % 4), &format!("company{i}"), i % 2 == 0);
        onboarding.customer.billing.address.country =
            CountryCode::parse(["US", "FR", "DE"][i % 3]).unwrap_or_else(|_| unreachable!());
        onboarding.order = None;
        ok(f.store
            .onboard_customer(onboarding, "sha256$00".into(), None, Actor::operator())
            .await);
    }
    let mut unsearched = Vec::new();
    for (sort, descending, text) in [
        (SortColumn::Company, false),
        (SortColumn::Country, true),
        (SortColumn::Created, false),
        (SortColumn::Domain, true),
        (SortColumn::Reseller, false),
    ]
    .into_iter()
    .flat_map(|(sort, descending)| [(sort, descending, ""), (sort, descending, "OMPAN")])
    {
        // A search's matches are sorted by the store, the others by the database: the
        // same order either way.
        let view = CustomerView {
            text: text.into(),
            sort,
            descending,
            ..CustomerView::default()
        };
        let all = ok(f.store.find_customers(f.provider.id, view.clone(), 0, 50).await);
        assert_eq!((all.total, all.more_than_total), (11, false));
        let ids: Vec<_> = all.rows.iter().map(|r| r.customer.id).collect();
        if text.is_empty() {
            unsearched.clone_from(&ids);
        } else {
            assert_eq!(
                ids, unsearched,
                "{sort:?}: a search that matches all, in one order"
            );
        }
        let second = ok(f.store.find_customers(f.provider.id, view.clone(), 4, 4).await);
        let page: Vec<_> = second.rows.iter().map(|r| r.customer.id).collect();
        assert_eq!(page, ids[4..8], "{sort:?}: the second page of four");
        let mut batched = Vec::new();
        let mut after = None;
        loop {
            let (rows, last) = ok(f
                .store
                .customers_after(f.provider.id, view.clone(), after, 3)
                .await);
            batched.extend(rows.iter().map(|r| r.customer.id));
            match last {
                Some(last) => after = Some(last),
                None => break,
            }
        }
        assert_eq!(
            batched, ids,
            "{sort:?} descending={descending} {text:?}: batches in order, each once"
        );
    }
}

#[tokio::test]
async fn rows_written_before_folded_searches_are_filled_as_the_server_starts() {
    let f = fixture().await;
    three(&f).await;
    let unfilled = ok(partnerdesk_store::testing::unfill_search_keys(&f.store).await);
    assert_eq!(unfilled, 3);
    assert_eq!(
        f.names(search("grove")).await.1,
        0,
        "not found before they are filled"
    );
    ok(f.store.migrate().await);
    assert_eq!(f.names(search("grove")).await.0, ["Woodgrove Bank"]);
    assert_eq!(
        f.names(CustomerView::default()).await.0,
        ["École Électricité Dupont", "Fabrikam", "Woodgrove Bank"],
        "the name keys folded again"
    );
}

#[tokio::test]
async fn one_or_two_characters_are_counted_to_a_hundred_and_pages_go_on() {
    let f = fixture().await;
    for i in 0..102 {
        f.onboard_in(&format!("Qx {i:03}"), &format!("qx{i:03}"), "US", false)
            .await;
    }
    let short = ok(f.store.find_customers(f.provider.id, search("qx"), 0, 25).await);
    assert_eq!(
        (short.total, short.more_than_total),
        (partnerdesk_store::SHORT_SEARCH_COUNT_CAP, true)
    );
    let names = |found: &partnerdesk_store::CustomerResults| {
        found
            .rows
            .iter()
            .map(|r| r.customer.company_name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&short)[..2], ["Qx 000", "Qx 001"]);
    let last = ok(f.store.find_customers(f.provider.id, search("qx"), 100, 25).await);
    assert_eq!(names(&last), ["Qx 100", "Qx 101"], "pages go past the count");
    let longer = ok(f.store.find_customers(f.provider.id, search("qx 1"), 0, 25).await);
    assert_eq!(
        (longer.total, longer.more_than_total),
        (2, false),
        "Qx 100 and Qx 101"
    );
}
