//! The billing run: every cycle and renewal that falls due up to a day, charged once.
//! Each step of a subscription (a cycle charged, or the term renewed) is written with its
//! advance of `subscription_terms` in one transaction, conditional on the state it read,
//! so that a run that crashes resumes where it stopped and runs side by side (the
//! scheduler of several instances, the CLI) never charge anything twice.

use std::sync::Arc;

use partnerdesk_domain::SubscriptionId;
use partnerdesk_domain::audit::{Action, Actor, Change};
use partnerdesk_domain::billing::{Due, TermPrices, renewed_batches};
use partnerdesk_domain::catalog::Catalog;
use partnerdesk_domain::country::CountryCode;
use partnerdesk_domain::onboarding::commitment_end;
use partnerdesk_domain::subscription::{Subscription, SubscriptionStatus};
use time::Date;

use crate::Store;
use crate::db::{Conn, Value, id};
use crate::error::StoreError;
use crate::ops::charges::{self, corrupt, next_due};
use crate::ops::orders::{SUBSCRIPTION_COLUMNS, subscription_from};
use crate::ops::{activity, markups};

/// How many subscriptions one transaction of a run advances.
const BATCH: i64 = 500;

/// What a billing run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct BillingRun {
    /// Cycles charged (`cycleCharge`).
    pub cycles: u64,
    /// Terms renewed (`renew`).
    pub renewals: u64,
    /// Terms that ended without renewal: auto-renew off, suspended, or no price in force.
    pub ended: u64,
    /// Invoices written by closing the months that ended before the day billed to.
    pub invoices: u64,
}

impl BillingRun {
    fn steps(&self) -> u64 {
        self.cycles + self.renewals + self.ended
    }
}

impl Store {
    /// Charges every cycle and renews every term that falls due on or before `until`, as
    /// of the day each falls due, then closes the months that ended before `until`'s
    /// ([`Store::close_months`]); returns what it did. Suspended subscriptions keep being
    /// charged (suspension turns auto-renew off, so their term then ends); deleted ones are
    /// never charged again.
    pub async fn run_billing(&self, until: Date) -> Result<BillingRun, StoreError> {
        let catalog = self.catalog().await?;
        let mut run = BillingRun::default();
        loop {
            let step = self
                .write_with(catalog.clone(), move |c, catalog| {
                    Box::pin(async move { bill_batch(c, catalog, until).await })
                })
                .await?;
            run.cycles += step.cycles;
            run.renewals += step.renewals;
            run.ended += step.ended;
            if step.steps() == 0 {
                run.invoices = self.close_months(until).await?;
                return Ok(run);
            }
        }
    }
}

/// Advances each of up to [`BATCH`] subscriptions with something due by one step.
async fn bill_batch(c: &mut Conn<'_>, catalog: &Arc<Catalog>, until: Date) -> Result<BillingRun, StoreError> {
    let until = until.to_string();
    let due = c
        .fetch_all(
            "SELECT t.subscription_id, t.charged_cycles, t.next_due FROM subscription_terms t \
             JOIN subscriptions s ON s.id = t.subscription_id \
             WHERE t.next_due IS NOT NULL AND t.next_due <= $1 AND s.status <> 'deleted' \
             ORDER BY t.next_due, t.subscription_id LIMIT $2",
            &[Value::from(&until), BATCH.into()],
        )
        .await?;
    let mut run = BillingRun::default();
    for row in &due {
        let subscription: SubscriptionId = row.uuid("subscription_id")?;
        let charged = row.u32("charged_cycles")?;
        let Some((term, _)) = charges::term(c, subscription).await? else {
            continue;
        };
        // Locked (after its term, as a change of it locks them), so that a change made
        // meanwhile (auto-renewal off, a schedule removed) is either seen or waits.
        let sql = format!(
            "SELECT {SUBSCRIPTION_COLUMNS}, cu.country FROM subscriptions s JOIN customers cu ON cu.id = s.customer_id \
             WHERE s.id = $1{}",
            c.for_update_of("s")
        );
        let sub_row = c.fetch_one(&sql, &[id(subscription)]).await?;
        let sub = subscription_from(&sub_row)?;
        let market = CountryCode::parse(&sub_row.text("country")?).map_err(|_| corrupt("country"))?;
        let due = term
            .due_after(charged)
            .map_err(|e| StoreError::Internal(e.to_string()))?;
        if due.on().to_string() != row.text("next_due")? {
            return Err(StoreError::Internal(format!(
                "subscription {subscription}: next_due disagrees with its term"
            )));
        }
        match due {
            Due::Cycle { n, on } => {
                let charge = term
                    .cycle(n, sub.quantity)
                    .map_err(|e| StoreError::Internal(e.to_string()))?;
                if advance(c, subscription, charged, &next_due(&term, n + 1)?).await? {
                    charges::record(c, &sub, &term, &[charge], on.midnight().assume_utc()).await?;
                    run.cycles += 1;
                }
            }
            Due::Renewal { on } => {
                if renew(c, catalog, &sub, &term, (charged, on), market).await? {
                    run.renewals += 1;
                } else {
                    tracing::info!(subscription = %subscription, ended_on = %on, "the term ends unrenewed");
                    run.ended += 1;
                }
            }
        }
    }
    Ok(run)
}

/// Marks `sub` expired on `on`, with its activity entry.
async fn expire(c: &mut Conn<'_>, sub: &Subscription, on: Date) -> Result<(), StoreError> {
    let on = on.to_string();
    // A change scheduled for a next term that won't come goes with it.
    c.execute(
        "UPDATE subscriptions SET expired_on = $1, version = version + 1, next_quantity = NULL, \
         next_term_duration = NULL, next_billing_cycle = NULL WHERE id = $2",
        &[Value::from(&on), id(sub.id)],
    )
    .await?;
    let change = Change::new(sub.partner_id, Action::SubscriptionExpired)
        .customer(sub.customer_id, sub.reseller_id)
        .detail("subscriptionId", sub.id)
        .detail("offerId", &sub.offer_id)
        .detail("expiredOn", &on);
    activity::record(c, &Actor::operator(), &change).await
}

/// Moves a term from `charged` cycles to one more, due next on `next_due`; false when
/// another run did it first.
async fn advance(
    c: &mut Conn<'_>,
    subscription: SubscriptionId,
    charged: u32,
    next_due: &str,
) -> Result<bool, StoreError> {
    let changed = c
        .execute(
            "UPDATE subscription_terms SET charged_cycles = charged_cycles + 1, next_due = $1 \
             WHERE subscription_id = $2 AND charged_cycles = $3",
            &[Value::from(next_due), id(subscription), charged.into()],
        )
        .await?;
    Ok(changed == 1)
}

/// Renews `sub` into its next term at the price then in force, or, when it doesn't renew
/// (auto-renew off, suspended, an add-on whose parent isn't active, no price in force), ends its billing and expires it on
/// `on`, the day the next term would have begun. True when renewed.
async fn renew(
    c: &mut Conn<'_>,
    catalog: &Catalog,
    sub: &Subscription,
    term: &TermPrices,
    (charged, on): (u32, Date),
    market: CountryCode,
) -> Result<bool, StoreError> {
    // An add-on renews only with an active parent.
    let parent = match sub.parent_subscription_id {
        Some(parent) => {
            let sql = format!("SELECT {SUBSCRIPTION_COLUMNS} FROM subscriptions s WHERE s.id = $1");
            subscription_from(&c.fetch_one(&sql, &[id(parent)]).await?)?.status
        }
        None => SubscriptionStatus::Active,
    };
    // The change scheduled for the next term, if any, else the same count and plan.
    let (quantity, plan) = sub
        .next_term
        .map_or((sub.quantity, term.plan), |n| (n.quantity, n.plan));
    let renewal = match (sub.auto_renew, sub.status, parent, catalog.prices(&sub.offer_id)) {
        (true, SubscriptionStatus::Active, SubscriptionStatus::Active, Some(list)) => {
            let rule = markups::rule_for(c, sub.partner_id, sub.customer_id, &sub.offer_id).await?;
            term.renew(list, market, (quantity, plan), rule).ok()
        }
        _ => None,
    };
    let Some(renewal) = renewal else {
        let ended = c
            .execute(
                "UPDATE subscription_terms SET next_due = NULL WHERE subscription_id = $1 AND charged_cycles = $2",
                &[id(sub.id), charged.into()],
            )
            .await?;
        if ended == 1 {
            expire(c, sub, on).await?;
        }
        return Ok(false);
    };
    let next = renewal.prices;
    let [term_start, cost, customer, due] = [
        next.term_start.to_string(),
        next.cost.amount().to_string(),
        next.customer.amount().to_string(),
        next_due(&next, 1)?,
    ];
    let erp = next.erp.map(|e| e.amount().to_string());
    let changed = c
        .execute(
            "UPDATE subscription_terms SET started_at = $1, term_start = $2, cost_price = $3, erp_price = $4, \
             customer_price = $5, charged_cycles = 1, next_due = $6, term_duration = $9, billing_cycle = $10 \
             WHERE subscription_id = $7 AND charged_cycles = $8",
            &[
                next.started_at.into(),
                Value::from(&term_start),
                Value::from(&cost),
                Value::Text(erp.as_deref()),
                Value::from(&customer),
                Value::from(&due),
                id(sub.id),
                charged.into(),
                plan.term().as_str().into(),
                plan.cycle().as_str().into(),
            ],
        )
        .await?;
    if changed == 0 {
        return Ok(true);
    }
    charges::replace_batches(c, sub.id, &renewed_batches(quantity, next.started_at)).await?;
    // The next term as scheduled (its count and plan), and the schedule done with.
    c.execute(
        "UPDATE subscriptions SET commitment_end = $1, quantity = $2, term_duration = $3, billing_cycle = $4, \
         next_quantity = NULL, next_term_duration = NULL, next_billing_cycle = NULL, version = version + 1 \
         WHERE id = $5",
        &[
            commitment_end(sub.commitment_end, plan.term().as_str()).into(),
            quantity.into(),
            plan.term().as_str().into(),
            plan.cycle().as_str().into(),
            id(sub.id),
        ],
    )
    .await?;
    charges::record(c, sub, &next, &[renewal.charge], next.started_at).await?;
    let change = Change::new(sub.partner_id, Action::SubscriptionRenewed)
        .customer(sub.customer_id, sub.reseller_id)
        .detail("subscriptionId", sub.id)
        .detail("offerId", &sub.offer_id)
        .detail("termStart", &term_start);
    activity::record(c, &Actor::operator(), &change).await?;
    Ok(true)
}
