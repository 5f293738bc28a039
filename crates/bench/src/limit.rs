//! `pd-bench limit`: the in-process limit of onboarding, the ceiling the HTTP figure is
//! measured against. The same rows as `onboard` sends over HTTP (a customer with its
//! agreement and a two-line order, the admin user, the activity entries), parsed by the
//! same domain rules and written straight through the store's group commit by the same
//! number of concurrent tasks, with no HTTP, JSON or authentication in between.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use partnerdesk_domain::address::AddressInput;
use partnerdesk_domain::agreement::{AgreementAcceptance, AgreementInput};
use partnerdesk_domain::audit::Actor;
use partnerdesk_domain::billing::Markups;
use partnerdesk_domain::catalog::{Catalog, CatalogDocument};
use partnerdesk_domain::customer::{BillingInput, CustomerContext, CustomerInput, NewCustomer};
use partnerdesk_domain::onboarding::{Onboarding, OrderLine, Seller};
use partnerdesk_domain::order::{LineItemInput, RawQuantity, parse_line_items};
use partnerdesk_domain::partner::{PartnerKind, Role};
use partnerdesk_domain::profile::{CloudProfile, ProfileName};
use partnerdesk_secrets as secrets;
use partnerdesk_store::{Store, StoreOptions};
use time::OffsetDateTime;

use crate::Stats;

const CATALOG: &str = include_str!("../../partnerdesk/src/demo/catalog.json");

/// What every onboarding shares: the profile, the catalog and who sells.
struct Fixture {
    profile: CloudProfile,
    catalog: Catalog,
    seller: Seller,
    actor: Actor,
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

impl Fixture {
    /// The onboarding `onboard` sends for `prefix`, checked as the API checks it.
    fn onboarding(&self, prefix: &str) -> anyhow::Result<Onboarding> {
        let company = format!("Bench {prefix}");
        let input = CustomerInput {
            billing: BillingInput {
                company_name: &company,
                first_name: "Ana",
                last_name: "Lee",
                email: "ops@bench.example",
                phone_number: "425 555 0101",
                address: AddressInput {
                    country: "US",
                    address_line1: "1 Main St",
                    city: "Redmond",
                    state: "WA",
                    postal_code: "98052",
                    ..Default::default()
                },
                ..Default::default()
            },
            domain: prefix,
            ..Default::default()
        };
        let context = CustomerContext {
            profile: &self.profile,
            partner_kind: PartnerKind::IndirectProvider,
            partner_domains: &[],
        };
        let refused = |e| anyhow::anyhow!("{e:?}");
        let customer = NewCustomer::parse(&input, &context).map_err(refused)?;
        let now = OffsetDateTime::now_utc();
        let agreement = AgreementInput {
            first_name: "Ana",
            last_name: "Lee",
            email: "ops@bench.example",
            phone_number: "425 555 0101",
            date_agreed: "2026-11-01",
            ..Default::default()
        };
        let country = customer.billing.address.country;
        let acceptance =
            AgreementAcceptance::parse(&agreement, &self.profile, country, now).map_err(refused)?;
        let items = [line("PDC-MAIL-STD", 10), line("PDC-SEC-ENDPOINT", 25)];
        let lines = parse_line_items(&items, &self.catalog, country)
            .map_err(refused)?
            .into_iter()
            .map(|item| OrderLine { item, reseller: None })
            .collect();
        Onboarding::new(
            customer,
            Some(acceptance),
            lines,
            (&self.catalog, &Markups::default()),
            self.seller,
            now,
        )
        .map_err(refused)
    }
}

/// A fresh partner and user to sell with, on `store`.
async fn fixture(store: &Store) -> anyhow::Result<Fixture> {
    let profile = CloudProfile::builtin(ProfileName::Global).context("the global profile")?;
    let document: CatalogDocument = serde_json::from_str(CATALOG)?;
    let catalog = Catalog::new(document).map_err(|e| anyhow::anyhow!("{e:?}"))?;
    store.replace_catalog(&catalog).await?;
    let partner = store
        .create_partner("Limit", PartnerKind::IndirectProvider)
        .await?;
    let email = format!("limit.{}@bench.example", std::process::id());
    let user = store
        .create_partner_user(
            partner.id,
            &email,
            Role::AdminAgent,
            "unused".into(),
            Actor::operator(),
        )
        .await?;
    let actor = Actor {
        user_id: Some(user.id.as_uuid()),
        name: user.email.clone(),
        channel: partnerdesk_domain::audit::Channel::Api,
        address: Some("127.0.0.1".into()),
    };
    let seller = Seller {
        partner_id: partner.id,
        user_id: user.id,
    };
    Ok(Fixture {
        profile,
        catalog,
        seller,
        actor,
    })
}

/// Onboards from `concurrency` tasks for `seconds` straight through the store.
pub async fn run(database_url: &str, concurrency: usize, seconds: u64) -> anyhow::Result<()> {
    let store = Store::open(database_url, &StoreOptions::default()).await?;
    store.migrate().await?;
    let fixture = Arc::new(fixture(&store).await?);
    let stats = Stats::new();
    let counter = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let run = format!("l{}", std::process::id());
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let (store, fixture, stats, counter, stop, run) = (
            store.clone(),
            fixture.clone(),
            stats.clone(),
            counter.clone(),
            stop.clone(),
            run.clone(),
        );
        tasks.push(tokio::spawn(async move {
            while !stop.load(Ordering::Relaxed) {
                let n = counter.fetch_add(1, Ordering::Relaxed);
                let sent = Instant::now();
                let written = async {
                    let onboarding = fixture.onboarding(&format!("{run}x{n}"))?;
                    let hash = secrets::hash_generated_password(&secrets::generate_password());
                    let actor = fixture.actor.clone();
                    Ok::<_, anyhow::Error>(store.onboard_customer(onboarding, hash, None, actor).await?)
                };
                match written.await {
                    Ok(()) => stats.latencies.lock().await.push(sent.elapsed()),
                    Err(e) => *stats.errors.lock().await.entry(e.to_string()).or_default() += 1,
                }
            }
        }));
    }
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    stop.store(true, Ordering::Relaxed);
    for task in tasks {
        let _ = task.await;
    }
    stats.report("in-process onboardings", started.elapsed()).await;
    store.close().await;
    Ok(())
}
