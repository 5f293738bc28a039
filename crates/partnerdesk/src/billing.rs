//! Time drives billing: `partnerdesk billing run` for operators, and the same run every
//! hour inside `serve`. Both charge what falls due once (see the store's billing run).

use std::time::Duration;

use anyhow::Context;
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
