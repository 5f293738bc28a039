//! Time drives billing: `partnerdesk billing run` for operators, and the same run every
//! hour inside `serve`. Both charge what falls due once (see the store's billing run).

use std::time::Duration;

use anyhow::{Context, anyhow};
use partnerdesk_domain::billing::TaxRate;
use partnerdesk_domain::country::CountryCode;
use partnerdesk_store::{BillingRun, Store};
use time::{Date, OffsetDateTime};
use tokio::task::JoinHandle;

/// How often `serve` looks for cycles and renewals that fell due.
const EVERY: Duration = Duration::from_secs(3600);

/// `partnerdesk billing run [--until DATE]`: charges what falls due up to `until`
/// (today, UTC, without it) and prints what it did.
pub async fn run(store: &Store, until: Option<&str>) -> anyhow::Result<()> {
    let until = match until {
        Some(text) => Date::parse(text, time::macros::format_description!("[year]-[month]-[day]"))
            .with_context(|| format!("--until {text:?} is not a date such as 2026-12-31"))?,
        None => OffsetDateTime::now_utc().date(),
    };
    let run = store.run_billing(until).await.context("running billing")?;
    println!("{}", summary(until, run));
    Ok(())
}

/// `partnerdesk billing set-tax-rate` and `remove-tax-rate` (`percent` `None`).
pub async fn set_tax_rate(store: &Store, country: &str, percent: Option<&str>) -> anyhow::Result<()> {
    let code = CountryCode::parse(&country.trim().to_ascii_uppercase())
        .map_err(|_| anyhow!("--country {country:?} is not a country code such as DE"))?;
    let rate = percent
        .map(|p| {
            TaxRate::parse(p.trim())
                .map_err(|_| anyhow!("--percent {p:?} is not a percent from 0 to 100, such as 19 or 8.25"))
        })
        .transpose()?;
    store
        .set_tax_rate(code, rate)
        .await
        .context("setting the tax rate")?;
    match rate {
        Some(rate) => println!(
            "{}: {}% on invoices closed from now on",
            code.as_str(),
            rate.percent()
        ),
        None => println!("{}: no tax on invoices closed from now on", code.as_str()),
    }
    Ok(())
}

/// `partnerdesk billing tax-rates`: one line per country, `DE 19`.
pub async fn tax_rates(store: &Store) -> anyhow::Result<()> {
    let rates = store.tax_rates().await.context("reading the tax rates")?;
    if rates.is_empty() {
        println!("no tax rates: every customer is taxed at none");
    }
    for (country, rate) in rates {
        println!("{} {}", country.as_str(), rate.percent());
    }
    Ok(())
}

fn summary(until: Date, run: BillingRun) -> String {
    format!(
        "billed up to {until}: {} cycle charges, {} renewals, {} terms ended unrenewed, {} invoices",
        run.cycles, run.renewals, run.ended, run.invoices
    )
}

/// Runs billing up to today now and every hour until the task is aborted.
pub fn spawn_scheduler(store: Store) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(EVERY);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            let today = OffsetDateTime::now_utc().date();
            match store.run_billing(today).await {
                Ok(run) if run == BillingRun::default() => {}
                Ok(run) => tracing::info!("{}", summary(today, run)),
                Err(e) => tracing::warn!(error = %e, "the billing run failed; it runs again in an hour"),
            }
        }
    })
}
