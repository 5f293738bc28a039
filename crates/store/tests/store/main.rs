//! The store's use cases against a real database: SQLite by default, PostgreSQL when
//! `PD_TEST_DATABASE_URL` is set (see `scripts/test`). This file holds the fixture and the
//! onboarding, customer and order tests; the modules below test the other areas, and
//! [`coverage`] checks that every public use case is called by some test.

mod activity;
mod billing;
mod coverage;
mod customer_portal;
mod customer_view;
mod partners;
mod security;
mod sessions;
mod subscriptions;
mod support;
mod tokens;

use std::sync::Arc;

use partnerdesk_domain::address::AddressInput;
use partnerdesk_domain::agreement::{AgreementAcceptance, AgreementInput};
use partnerdesk_domain::audit::Actor;
use partnerdesk_domain::billing::Markups;
use partnerdesk_domain::catalog::{Catalog, CatalogDocument};
use partnerdesk_domain::customer::{BillingInput, CustomerContext, CustomerInput, NewCustomer};
use partnerdesk_domain::mail::{Mail, MailKind};
use partnerdesk_domain::onboarding::{Onboarding, OrderLine, Seller, agreement_record, place_order};
use partnerdesk_domain::order::{LineItemInput, RawQuantity, parse_line_items};
use partnerdesk_domain::partner::{Partner, PartnerKind, Role};
use partnerdesk_domain::profile::{CloudProfile, ProfileName};
use partnerdesk_domain::subscription::SubscriptionStatus;
use partnerdesk_domain::{Field, FieldError, Locale, OfferId, PartnerId, Rule};
use partnerdesk_secrets as secrets;
use partnerdesk_store::testing::{TestDatabase, fail_inserts_into, row_counts};
use partnerdesk_store::{
    Conflict, CustomerFilter, CustomerQuery, IdempotencyRecord, Invitee, LinkDigest, Store, StoreError,
};
use time::OffsetDateTime;

/// The invitation mail an invite writes to the outbox.
fn invitation_mail(partner: PartnerId) -> Mail {
    Mail::new(
        MailKind::UserInvitation,
        "invited@example.com",
        Locale::EnUs,
        partner,
    )
}

fn catalog() -> Catalog {
    let json = r#"{
      "categories": [{"id": "mail", "rank": 1, "names": {"en-US": "Mail"}}],
      "offers": [
        {"id": "MAIL", "category": "mail", "rank": 1, "minimumQuantity": 1, "maximumQuantity": 300,
         "countries": ["*"], "termDuration": "P1Y", "texts": {"en-US": {"name": "Mail", "description": "Mailboxes"}},
         "prices": [
           {"market": "*", "currency": "USD", "termDuration": "P1Y", "billingCycle": "monthly",
            "unitPrice": "120.00", "erpPrice": "150.00", "effectiveStartDate": "2020-01-01"},
           {"market": "*", "currency": "USD", "termDuration": "P1Y", "billingCycle": "annual",
            "unitPrice": "120.00", "erpPrice": "150.00", "effectiveStartDate": "2020-01-01"}
         ]},
        {"id": "ARCHIVE", "category": "mail", "rank": 2, "minimumQuantity": 1, "maximumQuantity": 300, "isAddOn": true,
         "prerequisiteOffers": ["MAIL"], "countries": ["*"], "termDuration": "P1Y",
         "texts": {"en-US": {"name": "Archive", "description": "Archive"}},
         "prices": [{"market": "*", "currency": "USD", "termDuration": "P1Y", "billingCycle": "monthly",
                     "unitPrice": "36.00", "effectiveStartDate": "2020-01-01"}]},
        {"id": "CHAT", "category": "mail", "rank": 3, "minimumQuantity": 1, "maximumQuantity": 300,
         "countries": ["*"], "texts": {"en-US": {"name": "Chat", "description": "Chat"}}}
      ]
    }"#;
    let document: CatalogDocument = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}"));
    Catalog::new(document).unwrap_or_else(|e| panic!("{e:?}"))
}

fn global() -> CloudProfile {
    CloudProfile::builtin(ProfileName::Global).unwrap_or_else(|| unreachable!())
}

struct Fixture {
    store: Store,
    _db: TestDatabase,
    provider: Partner,
    reseller: Partner,
    seller: Seller,
    catalog: Arc<Catalog>,
}

async fn fixture() -> Fixture {
    let db = TestDatabase::new().await;
    let store = db.open().await;
    let provider = ok(store
        .create_partner("Provider", PartnerKind::IndirectProvider)
        .await);
    let reseller = ok(store
        .create_partner("Reseller", PartnerKind::IndirectReseller)
        .await);
    ok(store.link_reseller(provider.id, reseller.id).await);
    let user = ok(store
        .create_partner_user(
            provider.id,
            "admin@provider.example",
            Role::AdminAgent,
            "x".into(),
            Actor::operator(),
        )
        .await);
    let catalog = catalog();
    ok(store.replace_catalog(&catalog).await);
    Fixture {
        store,
        _db: db,
        seller: Seller {
            partner_id: provider.id,
            user_id: user.id,
        },
        provider,
        reseller,
        catalog: Arc::new(catalog),
    }
}

fn ok<T, E: std::fmt::Debug>(result: Result<T, E>) -> T {
    result.unwrap_or_else(|e| panic!("{e:?}"))
}

impl Fixture {
    /// An onboarding of `name` at `prefix`.onmicrosoft.com with an agreement and two lines.
    fn onboarding(&self, name: &str, prefix: &str, reseller: bool) -> Onboarding {
        let reseller_id = self.reseller.id.to_string();
        let input = CustomerInput {
            billing: BillingInput {
                company_name: name,
                first_name: "Ana",
                last_name: "Lee",
                email: "ana@customer.example",
                address: AddressInput {
                    country: "US",
                    address_line1: "1 Main St",
                    city: "Seattle",
                    state: "WA",
                    postal_code: "98101",
                    ..Default::default()
                },
                ..Default::default()
            },
            domain: prefix,
            associated_partner_id: if reseller { &reseller_id } else { "" },
            ..Default::default()
        };
        let profile = global();
        let context = CustomerContext {
            profile: &profile,
            partner_kind: PartnerKind::IndirectProvider,
            partner_domains: &[],
        };
        let customer = ok(NewCustomer::parse(&input, &context));
        let acceptance = ok(AgreementAcceptance::parse(
            &AgreementInput {
                first_name: "Ana",
                last_name: "Lee",
                email: "ana@customer.example",
                phone_number: "206 555 0182",
                date_agreed: "2026-01-05",
                ..Default::default()
            },
            &profile,
            customer.billing.address.country,
            OffsetDateTime::now_utc(),
        ));
        let lines = ok(parse_line_items(
            &[line("MAIL", 10), line("CHAT", 3)],
            &self.catalog,
            customer.billing.address.country,
        ));
        let reseller_ref = reseller.then(|| partnerdesk_domain::onboarding::ResellerRef {
            id: self.reseller.id,
            mpn_id: self.reseller.mpn_id.clone(),
        });
        let lines = lines
            .into_iter()
            .map(|item| OrderLine {
                item,
                reseller: reseller_ref.clone(),
            })
            .collect();
        ok(Onboarding::new(
            customer,
            Some(acceptance),
            lines,
            (&self.catalog, &Markups::default()),
            self.seller,
            OffsetDateTime::now_utc(),
        ))
    }

    async fn onboard(&self, name: &str, prefix: &str) -> Onboarding {
        let onboarding = self.onboarding(name, prefix, false);
        ok(self
            .store
            .onboard_customer(onboarding.clone(), "sha256$00".into(), None, Actor::operator())
            .await);
        onboarding
    }
}

fn line(offer: &str, quantity: i64) -> LineItemInput {
    LineItemInput {
        offer_id: offer.into(),
        quantity: RawQuantity::Integer(quantity),
        friendly_name: String::new(),
        partner_id_on_record: String::new(),
        parent_subscription_id: String::new(),
        term_duration: String::new(),
        billing_cycle: String::new(),
    }
}

#[tokio::test]
async fn an_onboarding_reads_back_exactly_as_it_was_written() {
    let f = fixture().await;
    let onboarding = f.onboard("Fabrikam", "fabrikam").await;
    let id = onboarding.customer.id;
    let customer = ok(f.store.customer(f.provider.id, id).await);
    assert_eq!(customer, onboarding.customer);
    let agreements = ok(f.store.agreements(f.provider.id, id, None).await);
    assert_eq!(agreements, onboarding.agreement.into_iter().collect::<Vec<_>>());
    let placed = onboarding.order.unwrap_or_else(|| unreachable!());
    let orders = ok(f.store.orders(f.provider.id, id).await);
    assert_eq!(orders, vec![placed.order.clone()]);
    let subscriptions = ok(f.store.subscriptions(f.provider.id, id, None).await);
    assert_eq!(subscriptions, placed.subscriptions);
    let counts = row_counts(&f.store).await;
    assert_eq!(counts["customers"], 1);
    assert_eq!(counts["customer_users"], 1);
    assert_eq!(counts["order_line_items"], 2);
    assert!(ok(f.store.domain_taken("FABRIKAM.onmicrosoft.com").await));
    assert!(!ok(f.store.domain_taken("other.onmicrosoft.com").await));
}

#[tokio::test]
async fn a_failure_in_the_middle_of_an_onboarding_leaves_no_row_behind() {
    let f = fixture().await;
    let before = row_counts(&f.store).await;
    ok(fail_inserts_into(&f.store, "order_line_items").await);
    let onboarding = f.onboarding("Fabrikam", "fabrikam", true);
    let result = f
        .store
        .onboard_customer(onboarding, "sha256$00".into(), None, Actor::operator())
        .await;
    assert!(matches!(result, Err(StoreError::Internal(_))), "{result:?}");
    assert_eq!(row_counts(&f.store).await, before);
    assert!(!ok(f.store.domain_taken("fabrikam.onmicrosoft.com").await));
}

#[tokio::test]
async fn a_failing_onboarding_does_not_take_concurrent_ones_with_it() {
    let f = Arc::new(fixture().await);
    f.onboard("Taken", "taken").await;
    let mut tasks = Vec::new();
    for i in 0..40 {
        let f = f.clone();
        tasks.push(tokio::spawn(async move {
            let prefix = if i % 10 == 5 {
                "taken".to_owned()
            } else {
                format!("c{i}")
            };
            f.store
                .onboard_customer(
                    f.onboarding("Acme", &prefix, false),
                    "sha256$00".into(),
                    None,
                    Actor::operator(),
                )
                .await
        }));
    }
    let mut created = 0;
    for task in tasks {
        match ok(task.await) {
            Ok(()) => created += 1,
            Err(StoreError::Conflict(Conflict::Domain)) => {}
            Err(e) => panic!("{e:?}"),
        }
    }
    assert_eq!(created, 36);
    let counts = row_counts(&f.store).await;
    assert_eq!(counts["customers"], 37);
    assert_eq!(counts["subscriptions"], 74);
}

#[tokio::test]
async fn concurrent_onboardings_of_one_domain_create_one_customer() {
    let f = Arc::new(fixture().await);
    let mut tasks = Vec::new();
    for _ in 0..10 {
        let f = f.clone();
        tasks.push(tokio::spawn(async move {
            f.store
                .onboard_customer(
                    f.onboarding("Same", "SameDomain", false),
                    "sha256$00".into(),
                    None,
                    Actor::operator(),
                )
                .await
        }));
    }
    let mut results = Vec::new();
    for task in tasks {
        results.push(ok(task.await));
    }
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 1);
    assert!(
        results
            .iter()
            .filter(|r| r.is_err())
            .all(|r| matches!(r, Err(StoreError::Conflict(Conflict::Domain))))
    );
    assert_eq!(row_counts(&f.store).await["customers"], 1);
}

#[tokio::test]
async fn a_request_id_is_claimed_once() {
    let f = fixture().await;
    let record = IdempotencyRecord {
        partner_id: f.provider.id,
        key_hash: secrets::sha256(b"request-1"),
        fingerprint: secrets::sha256(b"POST /v1/customers {}"),
        status: 201,
        body: "{}".into(),
        sealed_secret: secrets::seal(
            "temporary",
            b"server key",
            "request-1",
            f.provider.id.to_string().as_bytes(),
        ),
        created_at: OffsetDateTime::now_utc(),
    };
    let first = f.onboarding("One", "one", false);
    ok(f.store
        .onboard_customer(first, "sha256$00".into(), Some(record.clone()), Actor::operator())
        .await);
    let second = f.onboarding("One", "another", false);
    let result = f
        .store
        .onboard_customer(
            second,
            "sha256$00".into(),
            Some(record.clone()),
            Actor::operator(),
        )
        .await;
    assert!(
        matches!(result, Err(StoreError::Conflict(Conflict::RequestId))),
        "{result:?}"
    );
    assert_eq!(row_counts(&f.store).await["customers"], 1);
    let stored = ok(f
        .store
        .stored_response(f.provider.id, record.key_hash.clone())
        .await);
    let stored = stored.unwrap_or_else(|| panic!("kept"));
    assert_eq!((stored.status, stored.body.as_str()), (201, "{}"));
    let sealed = stored.sealed_secret.unwrap_or_default();
    assert_eq!(
        secrets::open(
            &sealed,
            b"server key",
            "request-1",
            f.provider.id.to_string().as_bytes()
        )
        .as_deref(),
        Some("temporary")
    );
    let other_partner = ok(f
        .store
        .stored_response(f.reseller.id, record.key_hash.clone())
        .await);
    assert_eq!(other_partner, None, "request ids are per partner");
}

#[tokio::test]
async fn one_request_id_sent_many_times_at_once_creates_one_customer() {
    let f = Arc::new(fixture().await);
    let record = IdempotencyRecord {
        partner_id: f.provider.id,
        key_hash: secrets::sha256(b"retried"),
        fingerprint: secrets::sha256(b"POST /v1/customers {}"),
        status: 201,
        body: "{}".into(),
        sealed_secret: None,
        created_at: OffsetDateTime::now_utc(),
    };
    let mut tasks = Vec::new();
    for i in 0..24 {
        let (f, record) = (f.clone(), record.clone());
        tasks.push(tokio::spawn(async move {
            // Every fourth onboarding is another request, which must not be taken down
            // by the retries around it.
            let (prefix, record) = if i % 4 == 0 {
                (format!("other{i}"), None)
            } else {
                (format!("retry{i}"), Some(record))
            };
            let onboarding = f.onboarding("Retried", &prefix, false);
            f.store
                .onboard_customer(onboarding, "sha256$00".into(), record, Actor::operator())
                .await
        }));
    }
    let mut results = Vec::new();
    for task in tasks {
        results.push(ok(task.await));
    }
    let created = results.iter().filter(|r| r.is_ok()).count();
    assert_eq!(created, 1 + 6, "one of the retries and every other request");
    assert!(
        results
            .iter()
            .filter(|r| r.is_err())
            .all(|r| matches!(r, Err(StoreError::Conflict(Conflict::RequestId)))),
        "{results:?}"
    );
    assert_eq!(row_counts(&f.store).await["customers"], 7);
}

#[tokio::test]
async fn sealed_secrets_are_erased_after_fifteen_minutes() {
    let f = fixture().await;
    let record = IdempotencyRecord {
        partner_id: f.provider.id,
        key_hash: secrets::sha256(b"r"),
        fingerprint: vec![1],
        status: 201,
        body: "{}".into(),
        sealed_secret: Some(vec![1, 2, 3]),
        created_at: OffsetDateTime::now_utc() - time::Duration::minutes(16),
    };
    ok(f.store
        .onboard_customer(
            f.onboarding("Alpha", "aa", false),
            "sha256$00".into(),
            Some(record.clone()),
            Actor::operator(),
        )
        .await);
    let (erased, deleted) = ok(f.store.sweep_idempotency(OffsetDateTime::now_utc()).await);
    assert_eq!((erased, deleted), (1, 0));
    let stored = ok(f.store.stored_response(f.provider.id, record.key_hash).await);
    assert_eq!(stored.map(|s| s.sealed_secret), Some(None));
}

#[tokio::test]
async fn a_secret_shown_for_good_is_forgotten_and_its_response_kept() {
    let f = fixture().await;
    let record = IdempotencyRecord {
        partner_id: f.provider.id,
        key_hash: secrets::sha256(b"shown"),
        fingerprint: vec![1],
        status: 201,
        body: "{}".into(),
        sealed_secret: Some(vec![1, 2, 3]),
        created_at: OffsetDateTime::now_utc(),
    };
    ok(f.store
        .onboard_customer(
            f.onboarding("Alpha", "aa", false),
            "sha256$00".into(),
            Some(record.clone()),
            Actor::operator(),
        )
        .await);
    ok(f.store
        .forget_sealed_secret(f.reseller.id, record.key_hash.clone())
        .await);
    let kept = ok(f
        .store
        .stored_response(f.provider.id, record.key_hash.clone())
        .await);
    assert_eq!(
        kept.and_then(|s| s.sealed_secret),
        Some(vec![1, 2, 3]),
        "another partner's request id"
    );
    ok(f.store
        .forget_sealed_secret(f.provider.id, record.key_hash.clone())
        .await);
    let stored = ok(f.store.stored_response(f.provider.id, record.key_hash).await);
    assert_eq!(stored.map(|s| (s.status, s.sealed_secret)), Some((201, None)));
}

#[tokio::test]
async fn paging_returns_every_customer_exactly_once_in_name_order() {
    let f = fixture().await;
    for i in 0..23 {
        // Duplicate names make the id the tie-breaker.
        f.onboard(&format!("Company {:02}", i % 7), &format!("company{i}"))
            .await;
    }
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let page = ok(f
            .store
            .list_customers(
                f.provider.id,
                CustomerQuery {
                    filter: CustomerFilter::All,
                    after,
                    limit: 5,
                },
            )
            .await);
        assert!(page.customers.len() <= 5);
        seen.extend(page.customers.iter().map(|c| (c.company_name.clone(), c.id)));
        match page.next {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    assert_eq!(seen.len(), 23);
    let mut sorted = seen.clone();
    sorted.sort();
    assert_eq!(seen, sorted, "name order, ties by id");
    sorted.dedup();
    assert_eq!(sorted.len(), 23);
}

#[tokio::test]
async fn searches_match_name_and_domain_prefixes_in_any_case() {
    let f = fixture().await;
    f.onboard("Contoso Ltd", "contoso").await;
    f.onboard("Contour Inc", "zzcontour").await;
    f.onboard("Fabrikam", "fab").await;
    let list = |filter| {
        let store = f.store.clone();
        let viewer = f.provider.id;
        async move {
            let page = ok(store
                .list_customers(
                    viewer,
                    CustomerQuery {
                        filter,
                        after: None,
                        limit: 50,
                    },
                )
                .await);
            page.customers
                .into_iter()
                .map(|c| c.company_name)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        list(CustomerFilter::CompanyName("CONTO".into())).await,
        vec!["Contoso Ltd", "Contour Inc"]
    );
    assert_eq!(
        list(CustomerFilter::CompanyName("contos".into())).await,
        vec!["Contoso Ltd"]
    );
    assert_eq!(
        list(CustomerFilter::Domain("ZZ".into())).await,
        vec!["Contour Inc"]
    );
    assert_eq!(
        list(CustomerFilter::CompanyName("x".into())).await,
        Vec::<String>::new()
    );
}

#[tokio::test]
async fn resellers_see_only_their_customers_and_other_partners_see_none() {
    let f = fixture().await;
    let through_reseller = f.onboarding("Via Reseller", "viareseller", true);
    ok(f.store
        .onboard_customer(
            through_reseller.clone(),
            "sha256$00".into(),
            None,
            Actor::operator(),
        )
        .await);
    f.onboard("Direct", "direct").await;
    let id = through_reseller.customer.id;

    let seen_by_reseller = ok(f.store.customer(f.reseller.id, id).await);
    assert_eq!(seen_by_reseller.associated_partner_id, Some(f.provider.id));
    let reseller_list = ok(f
        .store
        .list_customers(
            f.reseller.id,
            CustomerQuery {
                filter: CustomerFilter::All,
                after: None,
                limit: 10,
            },
        )
        .await);
    assert_eq!(reseller_list.customers.len(), 1);
    let subscriptions = ok(f.store.subscriptions(f.reseller.id, id, None).await);
    assert_eq!(subscriptions.len(), 2);
    assert!(
        subscriptions
            .iter()
            .all(|s| s.partner_id_on_record.as_deref() == Some(f.reseller.mpn_id.as_str()))
    );

    let filtered = ok(f
        .store
        .list_customers(
            f.provider.id,
            CustomerQuery {
                filter: CustomerFilter::Reseller(f.reseller.id),
                after: None,
                limit: 10,
            },
        )
        .await);
    assert_eq!(
        filtered.customers.iter().map(|c| c.id).collect::<Vec<_>>(),
        vec![id]
    );

    let stranger = ok(f.store.create_partner("Stranger", PartnerKind::Direct).await);
    assert!(matches!(
        f.store.customer(stranger.id, id).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        f.store.orders(stranger.id, id).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        f.store.agreements(stranger.id, id, None).await,
        Err(StoreError::NotFound)
    ));
    let sub = subscriptions[0].id;
    assert!(matches!(
        f.store.subscription(stranger.id, id, sub).await,
        Err(StoreError::NotFound)
    ));
}

#[tokio::test]
async fn the_same_contact_cannot_confirm_an_agreement_twice() {
    let f = fixture().await;
    let onboarding = f.onboard("Fabrikam", "fabrikam").await;
    let mut again = onboarding.agreement.clone().unwrap_or_else(|| unreachable!());
    again.id = partnerdesk_domain::AgreementId::new();
    again.first_name = "ANA".into();
    let result = f
        .store
        .record_agreement(f.provider.id, again.clone(), None, Actor::operator())
        .await;
    assert!(
        matches!(result, Err(StoreError::Conflict(Conflict::AgreementContact))),
        "{result:?}"
    );
    again.phone_number = "+12065550199".into();
    ok(f.store
        .record_agreement(f.provider.id, again, None, Actor::operator())
        .await);
    assert_eq!(
        ok(f.store
            .agreements(f.provider.id, onboarding.customer.id, None)
            .await)
        .len(),
        2
    );
}

#[tokio::test]
async fn orders_need_an_agreement_where_the_cloud_requires_one() {
    let f = fixture().await;
    let mut onboarding = f.onboarding("No Agreement", "noagreement", false);
    onboarding.agreement = None;
    onboarding.order = None;
    ok(f.store
        .onboard_customer(onboarding.clone(), "sha256$00".into(), None, Actor::operator())
        .await);
    let customer = onboarding.customer.id;
    let lines = vec![OrderLine {
        item: ok(parse_line_items(
            &[line("MAIL", 1)],
            &f.catalog,
            onboarding.customer.billing.address.country,
        ))
        .remove(0),
        reseller: None,
    }];
    let placed = ok(place_order(
        customer,
        partnerdesk_domain::country::CountryCode::parse("US").unwrap_or_else(|_| unreachable!()),
        f.seller,
        lines,
        (&f.catalog, &Markups::default()),
        OffsetDateTime::now_utc(),
    ));
    let refused = f
        .store
        .place_order(
            f.provider.id,
            placed.clone(),
            true,
            f.catalog.clone(),
            None,
            Actor::operator(),
        )
        .await;
    let expected = vec![FieldError::new(Field::LineItems, Rule::AgreementRequired)];
    assert!(
        matches!(&refused, Err(StoreError::Invalid(e)) if *e == expected),
        "{refused:?}"
    );
    assert_eq!(row_counts(&f.store).await["orders"], 0);

    let acceptance = f
        .onboarding("Xeno", "xeno", false)
        .agreement
        .unwrap_or_else(|| unreachable!());
    let agreement = agreement_record(
        AgreementAcceptance::parse(
            &AgreementInput {
                first_name: &acceptance.first_name,
                last_name: &acceptance.last_name,
                email: &acceptance.email,
                phone_number: &acceptance.phone_number,
                date_agreed: "2026-01-01",
                ..Default::default()
            },
            &global(),
            onboarding.customer.billing.address.country,
            OffsetDateTime::now_utc(),
        )
        .unwrap_or_else(|e| panic!("{e:?}")),
        customer,
        f.seller,
        OffsetDateTime::now_utc(),
    );
    ok(f.store
        .record_agreement(f.provider.id, agreement, None, Actor::operator())
        .await);
    ok(f.store
        .place_order(
            f.provider.id,
            placed,
            true,
            f.catalog.clone(),
            None,
            Actor::operator(),
        )
        .await);
    assert_eq!(
        ok(f.store.subscriptions(f.provider.id, customer, None).await).len(),
        1
    );
}

#[tokio::test]
async fn add_ons_need_an_active_parent_of_a_prerequisite_offer_of_the_same_customer() {
    let f = fixture().await;
    let onboarding = f.onboard("Parent", "parent").await;
    let customer = onboarding.customer.id;
    let subs = ok(f.store.subscriptions(f.provider.id, customer, None).await);
    let mail = subs
        .iter()
        .find(|s| s.offer_id.as_str() == "MAIL")
        .map(|s| s.id)
        .unwrap_or_else(|| unreachable!());
    let chat = subs
        .iter()
        .find(|s| s.offer_id.as_str() == "CHAT")
        .map(|s| s.id)
        .unwrap_or_else(|| unreachable!());
    let add_on = |parent: partnerdesk_domain::SubscriptionId| {
        let mut item = line("ARCHIVE", 2);
        item.parent_subscription_id = parent.to_string();
        let items = ok(parse_line_items(
            &[item],
            &f.catalog,
            onboarding.customer.billing.address.country,
        ));
        let lines = items
            .into_iter()
            .map(|item| OrderLine { item, reseller: None })
            .collect();
        ok(place_order(
            customer,
            partnerdesk_domain::country::CountryCode::parse("US").unwrap_or_else(|_| unreachable!()),
            f.seller,
            lines,
            (&f.catalog, &Markups::default()),
            OffsetDateTime::now_utc(),
        ))
    };
    let wrong_parent = f
        .store
        .place_order(
            f.provider.id,
            add_on(chat),
            true,
            f.catalog.clone(),
            None,
            Actor::operator(),
        )
        .await;
    let expected = vec![FieldError::new(
        Field::ParentSubscription(0),
        Rule::AddonNotRelated,
    )];
    assert!(
        matches!(&wrong_parent, Err(StoreError::Invalid(e)) if *e == expected),
        "{wrong_parent:?}"
    );
    let other = f.onboard("Other", "other").await;
    let foreign = ok(f
        .store
        .subscriptions(f.provider.id, other.customer.id, None)
        .await)[0]
        .id;
    let foreign_parent = f
        .store
        .place_order(
            f.provider.id,
            add_on(foreign),
            true,
            f.catalog.clone(),
            None,
            Actor::operator(),
        )
        .await;
    let expected = vec![FieldError::new(
        Field::ParentSubscription(0),
        Rule::ParentNotFound,
    )];
    assert!(
        matches!(&foreign_parent, Err(StoreError::Invalid(e)) if *e == expected),
        "{foreign_parent:?}"
    );
    ok(f.store
        .place_order(
            f.provider.id,
            add_on(mail),
            true,
            f.catalog.clone(),
            None,
            Actor::operator(),
        )
        .await);
    let archive = ok(f.store.subscriptions(f.provider.id, customer, None).await)
        .into_iter()
        .find(|s| s.offer_id == OfferId::parse("ARCHIVE").unwrap_or_else(|| unreachable!()))
        .unwrap_or_else(|| panic!("the add-on exists"));
    assert_eq!(archive.parent_subscription_id, Some(mail));
    assert_eq!(archive.status, SubscriptionStatus::Active);
}

#[tokio::test]
async fn a_stale_billing_version_changes_nothing() {
    let f = fixture().await;
    let onboarding = f.onboard("Fabrikam", "fabrikam").await;
    let id = onboarding.customer.id;
    let details = |city: &str| {
        let input = BillingInput {
            company_name: "Fabrikam Billing",
            first_name: "Bo",
            last_name: "Chen",
            email: "bo@fabrikam.example",
            address: AddressInput {
                country: "US",
                address_line1: "2 Main St",
                city,
                state: "WA",
                postal_code: "98101",
                ..Default::default()
            },
            ..Default::default()
        };
        ok(partnerdesk_domain::customer::BillingDetails::parse(&input, &[]))
    };
    let updated = ok(f
        .store
        .update_billing_profile(f.provider.id, id, details("Tacoma"), 1, Actor::operator())
        .await);
    assert_eq!(
        (updated.billing.version, updated.billing.address.city.as_str()),
        (2, "Tacoma")
    );
    let stale = f
        .store
        .update_billing_profile(f.provider.id, id, details("Olympia"), 1, Actor::operator())
        .await;
    assert!(matches!(stale, Err(StoreError::VersionMismatch)), "{stale:?}");
    let current = ok(f.store.customer(f.provider.id, id).await);
    assert_eq!(
        (
            current.billing.address.city.as_str(),
            current.company_name.as_str()
        ),
        ("Tacoma", "Fabrikam Billing"),
        "the new name is the customer's"
    );
    // Lists and searches read the new name too.
    let view = partnerdesk_store::CustomerView {
        text: "billing".into(),
        ..Default::default()
    };
    let found = ok(f.store.find_customers(f.provider.id, view, 0, 5).await);
    let names: Vec<_> = found
        .rows
        .iter()
        .map(|r| r.customer.company_name.as_str())
        .collect();
    assert_eq!(names, ["Fabrikam Billing"]);
}

#[tokio::test]
async fn the_catalog_round_trips_and_migrations_run_once() {
    let f = fixture().await;
    let loaded = ok(f.store.catalog().await);
    assert_eq!(loaded.document(), f.catalog.document());
    assert_eq!(ok(f.store.migrate().await), Vec::<&str>::new());
}

#[tokio::test]
async fn an_instance_that_found_no_catalog_sees_another_instances_import_at_once() {
    let db = TestDatabase::new().await;
    let (early, importer) = (db.open().await, db.open().await);
    assert!(ok(early.catalog().await).document().offers.is_empty());
    ok(importer.replace_catalog(&catalog()).await);
    assert_eq!(ok(early.catalog().await).document(), catalog().document());
}

#[tokio::test]
async fn partner_users_are_unique_and_tokens_authenticate_only_while_valid() {
    let f = fixture().await;
    let taken = f
        .store
        .create_partner_user(
            f.reseller.id,
            "ADMIN@provider.example",
            Role::SalesAgent,
            "x".into(),
            Actor::operator(),
        )
        .await;
    assert!(
        matches!(taken, Err(StoreError::Conflict(Conflict::UserEmail))),
        "{taken:?}"
    );
    let token = secrets::generate_token();
    let (seller, _) = ok(f.store.partner_user_by_email("admin@provider.example").await);
    ok(f.store
        .create_api_token(
            &seller,
            "test",
            secrets::sha256(token.as_bytes()),
            None,
            Actor::operator(),
        )
        .await);
    let principal = ok(f
        .store
        .authenticate_token(secrets::sha256(token.as_bytes()))
        .await)
    .unwrap_or_else(|| panic!("known token"))
    .principal;
    assert_eq!(principal.partner.id, f.provider.id);
    assert_eq!(principal.partner_domains, vec!["provider.example".to_owned()]);
    assert_eq!(
        ok(f.store.authenticate_token(secrets::sha256(b"pd_unknown")).await),
        None
    );
}

#[tokio::test]
async fn a_missing_sqlite_file_is_not_created_without_mode_rwc() {
    let dir = std::env::temp_dir().join(format!("pd-missing-{}", uuid_like()));
    let url = format!("sqlite://{}/nope.db", dir.display());
    let result = Store::open(&url, &Default::default()).await;
    assert!(matches!(result, Err(StoreError::Unavailable(ref m)) if m.contains("does not exist")));
    let bad = Store::open("mysql://localhost/pd", &Default::default()).await;
    assert!(
        matches!(bad, Err(StoreError::Unavailable(ref m)) if m.contains("sqlite://") && m.contains("postgres://"))
    );
}

#[tokio::test]
async fn a_closed_store_answers_unavailable() {
    let db = TestDatabase::new().await;
    let store = db.open().await;
    ok(store.ping().await);
    store.close().await;
    let read = store.ping().await;
    assert!(matches!(read, Err(StoreError::Unavailable(_))), "{read:?}");
    let write = store.sweep_drafts(OffsetDateTime::now_utc()).await;
    assert!(matches!(write, Err(StoreError::Unavailable(_))), "{write:?}");
}

fn uuid_like() -> u128 {
    OffsetDateTime::now_utc().unix_timestamp_nanos().unsigned_abs()
}

#[tokio::test]
async fn stale_drafts_and_expired_sessions_are_neither_read_nor_kept() {
    let f = fixture().await;
    let user = f.seller.user_id;
    let mut draft = partnerdesk_domain::draft::Draft::new("submit-key".into());
    draft.account.company_name = "Draft Co".into();
    ok(f.store.save_draft(user, f.provider.id, &draft).await);
    let now = OffsetDateTime::now_utc();
    let hour = time::Duration::hours(1);
    let fresh = ok(f.store.draft(user, now - hour).await);
    assert_eq!(fresh.map(|d| d.account.company_name), Some("Draft Co".into()));
    assert_eq!(
        ok(f.store.draft(user, now + hour).await),
        None,
        "older than allowed"
    );
    assert_eq!(ok(f.store.sweep_drafts(now - hour).await), 0);
    assert_eq!(ok(f.store.sweep_drafts(now + hour).await), 1);
    assert_eq!(ok(f.store.draft(user, now - hour).await), None);

    let hash = secrets::sha256(b"session");
    ok(f.store.create_session(user, hash.clone(), now, now + hour).await);
    assert!(ok(f.store.session(hash.clone(), now).await).is_some());
    assert!(
        ok(f.store.session(hash.clone(), now + hour).await).is_none(),
        "expired"
    );
    assert_eq!(ok(f.store.sweep_sessions(now).await), 0);
    assert_eq!(ok(f.store.sweep_sessions(now + hour).await), 1);
    assert!(ok(f.store.session(hash, now).await).is_none(), "swept");
}
