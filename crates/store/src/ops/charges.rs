//! Charges: the term prices and seat batches of priced subscriptions, and the charge lines
//! their purchases and changes write, always inside the transaction of the change.

use std::collections::HashMap;

use partnerdesk_domain::billing::{
    BillingPlan, Charge, ChargeAmounts, ChargeRecord, Currency, LineContext, Money, SeatBatch,
    SubscriptionTerm, TaxRate, TermPrices,
};
use partnerdesk_domain::catalog::Catalog;
use partnerdesk_domain::country::CountryCode;
use partnerdesk_domain::onboarding::PlacedOrder;
use partnerdesk_domain::subscription::Subscription;
use partnerdesk_domain::{Locale, OfferId, PartnerId, SubscriptionId};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::Store;
use crate::db::{Conn, Row, Value, id, opt_id};
use crate::error::StoreError;
use crate::ops::tax_rates;

const DATE: &[time::format_description::FormatItem<'_>] =
    time::macros::format_description!("[year]-[month]-[day]");

/// The most charge lines one page of [`Store::unbilled_charges`] holds.
pub const MAX_PAGE: usize = 2000;

/// Writes the term prices, first seat batch and first charge of each priced subscription
/// of a purchase.
pub(crate) async fn insert_purchases(c: &mut Conn<'_>, placed: &PlacedOrder) -> Result<(), StoreError> {
    for (subscription, purchase) in &placed.purchases {
        let sub = placed
            .subscriptions
            .iter()
            .find(|s| s.id == *subscription)
            .ok_or_else(|| StoreError::Internal("a purchase without its subscription".into()))?;
        insert_term(c, sub.id, &purchase.prices).await?;
        add_batch(
            c,
            sub.id,
            SeatBatch {
                quantity: sub.quantity,
                added_at: purchase.prices.started_at,
            },
        )
        .await?;
        record(
            c,
            sub,
            &purchase.prices,
            &[purchase.charge],
            purchase.prices.started_at,
        )
        .await?;
    }
    Ok(())
}

/// Writes a term's prices with its first cycle charged.
pub(crate) async fn insert_term(
    c: &mut Conn<'_>,
    subscription: SubscriptionId,
    term: &TermPrices,
) -> Result<(), StoreError> {
    let [term_start, cost, customer, next_due] = [
        term.term_start.to_string(),
        term.cost.amount().to_string(),
        term.customer.amount().to_string(),
        next_due(term, 1)?,
    ];
    let erp = term.erp.map(|e| e.amount().to_string());
    let currency = term.cost.currency();
    c.insert(
        "INSERT INTO subscription_terms (subscription_id, term_duration, billing_cycle, started_at, term_start, \
         currency, cost_price, erp_price, customer_price, charged_cycles, next_due)",
        1,
        &[
            id(subscription),
            term.plan.term().as_str().into(),
            term.plan.cycle().as_str().into(),
            term.started_at.into(),
            Value::from(&term_start),
            currency.code().into(),
            Value::from(&cost),
            Value::Text(erp.as_deref()),
            Value::from(&customer),
            1_i64.into(),
            Value::from(&next_due),
        ],
    )
    .await
}

/// The day something next falls due on `term` once `charged` cycles are charged.
pub(crate) fn next_due(term: &TermPrices, charged: u32) -> Result<String, StoreError> {
    term.due_after(charged)
        .map(|due| due.on().to_string())
        .map_err(|e| StoreError::Internal(format!("a term's next due date: {e}")))
}

async fn add_batch(
    c: &mut Conn<'_>,
    subscription: SubscriptionId,
    batch: SeatBatch,
) -> Result<(), StoreError> {
    c.insert(
        "INSERT INTO seat_batches (subscription_id, added_at, quantity)",
        1,
        &[id(subscription), batch.added_at.into(), batch.quantity.into()],
    )
    .await
}

/// A priced subscription's term prices and seat batches (oldest first), its terms row
/// locked until the change commits (two changes of one subscription bill one after the
/// other); `None` for a subscription of an offer sold free of charge.
pub(crate) async fn term(
    c: &mut Conn<'_>,
    subscription: SubscriptionId,
) -> Result<Option<(TermPrices, Vec<SeatBatch>)>, StoreError> {
    let lock = c.for_update();
    term_with(c, subscription, lock).await
}

async fn term_with(
    c: &mut Conn<'_>,
    subscription: SubscriptionId,
    lock: &str,
) -> Result<Option<(TermPrices, Vec<SeatBatch>)>, StoreError> {
    let sql = format!(
        "SELECT term_duration, billing_cycle, started_at, term_start, currency, cost_price, erp_price, \
         customer_price FROM subscription_terms WHERE subscription_id = $1{lock}"
    );
    let row = c.fetch_optional(&sql, &[id(subscription)]).await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let currency = currency(&row)?;
    let term = TermPrices {
        plan: plan(&row)?,
        started_at: row.time("started_at")?,
        term_start: date(&row, "term_start")?,
        cost: money(&row, "cost_price", currency)?,
        erp: row
            .opt_text("erp_price")?
            .map(|e| Money::parse(&e, currency).map_err(|_| corrupt("erp_price")))
            .transpose()?,
        customer: money(&row, "customer_price", currency)?,
    };
    let rows = c
        .fetch_all(
            "SELECT added_at, quantity FROM seat_batches WHERE subscription_id = $1 ORDER BY added_at",
            &[id(subscription)],
        )
        .await?;
    let batches = rows
        .iter()
        .map(|r| {
            Ok(SeatBatch {
                quantity: r.u32("quantity")?,
                added_at: r.time("added_at")?,
            })
        })
        .collect::<Result<_, StoreError>>()?;
    Ok(Some((term, batches)))
}

/// Replaces a subscription's seat batches with `batches`.
pub(crate) async fn replace_batches(
    c: &mut Conn<'_>,
    subscription: SubscriptionId,
    batches: &[SeatBatch],
) -> Result<(), StoreError> {
    c.execute(
        "DELETE FROM seat_batches WHERE subscription_id = $1",
        &[id(subscription)],
    )
    .await?;
    for batch in batches {
        add_batch(c, subscription, *batch).await?;
    }
    Ok(())
}

/// Writes charge lines of `sub`, priced on `term`, recorded at `now`.
pub(crate) async fn record(
    c: &mut Conn<'_>,
    sub: &Subscription,
    term: &TermPrices,
    charges: &[Charge],
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    for charge in charges {
        let text = |m: Money| m.amount().to_string();
        let amounts = [charge.cost, charge.customer]
            .into_iter()
            .flat_map(|a| [text(a.unit_price), text(a.effective_unit_price), text(a.subtotal)])
            .collect::<Vec<_>>();
        let (start, end) = (charge.charge_start.to_string(), charge.charge_end.to_string());
        let currency = term.cost.currency();
        let mut params = vec![
            Value::Uuid(Some(Uuid::now_v7())),
            id(sub.partner_id),
            opt_id(sub.reseller_id),
            id(sub.customer_id),
            id(sub.id),
            id(sub.order_id),
            sub.offer_id.as_str().into(),
            charge.charge_type.as_str().into(),
            charge.quantity.into(),
            Value::from(&start),
            Value::from(&end),
            term.plan.term().as_str().into(),
            term.plan.cycle().as_str().into(),
            currency.code().into(),
        ];
        params.extend(amounts.iter().map(Value::from));
        params.push(now.into());
        c.insert(
            "INSERT INTO charges (id, partner_id, reseller_id, customer_id, subscription_id, order_id, offer_id, \
             charge_type, quantity, charge_start, charge_end, term_duration, billing_cycle, currency, unit_price, \
             effective_unit_price, subtotal, customer_unit_price, customer_effective_unit_price, customer_subtotal, \
             created_at)",
            1,
            &params,
        )
        .await?;
    }
    Ok(())
}

const CHARGE_COLUMNS: &str = "ch.id, ch.partner_id, ch.reseller_id, ch.customer_id, ch.subscription_id, \
    ch.order_id, ch.offer_id, ch.charge_type, ch.quantity, ch.charge_start, ch.charge_end, ch.term_duration, \
    ch.billing_cycle, ch.currency, ch.unit_price, ch.effective_unit_price, ch.subtotal, ch.customer_unit_price, \
    ch.customer_effective_unit_price, ch.customer_subtotal, ch.created_at";

/// An owned query parameter, for a query built before its transaction.
#[derive(Debug, Clone)]
pub(crate) enum Param {
    Uuid(Uuid),
    Text(String),
    Time(OffsetDateTime),
}

impl Param {
    fn value(&self) -> Value<'_> {
        match self {
            Param::Uuid(u) => Value::Uuid(Some(*u)),
            Param::Text(t) => Value::from(t),
            Param::Time(t) => (*t).into(),
        }
    }
}

/// A charge line with what a line item says of it besides its money.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChargeLine {
    pub record: ChargeRecord,
    pub context: LineContext,
    /// The seller's partner id (`mpnId`).
    pub mpn_id: String,
    /// The indirect reseller's partner id (`resellerMpnId`), when sold through one.
    pub reseller_mpn_id: Option<String>,
    /// The rate its customer's country is taxed at: the invoice's, or today's while unbilled.
    pub tax: TaxRate,
}

impl Store {
    /// The current terms of those of `subscriptions` that are priced (the caller has read
    /// the subscriptions, and so may see them).
    pub async fn subscription_terms(
        &self,
        subscriptions: Vec<SubscriptionId>,
    ) -> Result<HashMap<SubscriptionId, SubscriptionTerm>, StoreError> {
        self.read(move |c| {
            let subscriptions = subscriptions.clone();
            Box::pin(async move {
                let mut terms = HashMap::new();
                for subscription in subscriptions {
                    if let Some((prices, batches)) = term_with(c, subscription, "").await? {
                        terms.insert(subscription, SubscriptionTerm { prices, batches });
                    }
                }
                Ok(terms)
            })
        })
        .await
    }

    /// The charges of `partner` in `currency` not yet on an invoice, written from `from`
    /// on (and before `until`), in the order they were written, after the line `after`;
    /// at most `limit` (up to [`MAX_PAGE`]).
    pub async fn unbilled_charges(
        &self,
        partner: PartnerId,
        currency: Currency,
        (from, until): (OffsetDateTime, OffsetDateTime),
        after: Option<Uuid>,
        limit: usize,
    ) -> Result<Vec<ChargeLine>, StoreError> {
        let condition = "ch.partner_id = $1 AND ch.currency = $2 AND ch.invoice_id IS NULL \
                         AND ch.created_at >= $3 AND ch.created_at < $4";
        let params = vec![
            Param::Uuid(partner.into()),
            Param::Text(currency.code().to_owned()),
            Param::Time(from),
            Param::Time(until),
        ];
        // Unbilled lines are taxed at today's rates.
        let tax = "LEFT JOIN tax_rates tx ON tx.country = cu.country";
        self.charge_lines((condition.to_owned(), tax), params, after, limit)
            .await
    }

    /// The charge lines that meet `condition` (over `ch`, the charges, with `params` as
    /// `$1`...), in the order they were written, after the line `after`; at most `limit`.
    /// `tax` joins the rate of each line's country as `tx.percent` (over `cu`, its customer).
    pub(crate) async fn charge_lines(
        &self,
        (condition, tax): (String, &str),
        params: Vec<Param>,
        after: Option<Uuid>,
        limit: usize,
    ) -> Result<Vec<ChargeLine>, StoreError> {
        let limit = i64::try_from(limit.clamp(1, MAX_PAGE)).unwrap_or(1);
        let catalog = self.catalog().await?;
        let (after_at, limit_at) = (params.len() + 1, params.len() + 2);
        // The bound only when there is one: `$n IS NULL OR ch.id > $n` keeps a generic
        // plan (PostgreSQL's, after a few pages) from starting the index range there, so
        // that each page would read the lines before it again.
        let bound = match after {
            Some(_) => format!(" AND ch.id > ${after_at}"),
            None => format!(" AND ${after_at} IS NULL"),
        };
        let sql = format!(
            "SELECT {CHARGE_COLUMNS}, cu.company_name, cu.domain, cu.country, o.created_at AS ordered_at, \
             s.friendly_name, t.term_start, p.mpn_id, r.mpn_id AS reseller_mpn_id, tx.percent \
             FROM charges ch JOIN customers cu ON cu.id = ch.customer_id JOIN orders o ON o.id = ch.order_id \
             JOIN subscriptions s ON s.id = ch.subscription_id \
             JOIN subscription_terms t ON t.subscription_id = ch.subscription_id \
             JOIN partners p ON p.id = ch.partner_id LEFT JOIN partners r ON r.id = ch.reseller_id {tax} \
             WHERE {condition}{bound} ORDER BY ch.id LIMIT ${limit_at}"
        );
        self.read(move |c| {
            let (catalog, sql, params) = (catalog.clone(), sql.clone(), params.clone());
            Box::pin(async move {
                let mut values: Vec<Value<'_>> = params.iter().map(Param::value).collect();
                values.extend([Value::Uuid(after), limit.into()]);
                let rows = c.fetch_all(&sql, &values).await?;
                rows.iter().map(|row| line_from(row, &catalog)).collect()
            })
        })
        .await
    }

    /// A subscription's charge lines, oldest first (for `viewer`, its seller).
    pub async fn subscription_charges(
        &self,
        viewer: PartnerId,
        subscription: SubscriptionId,
    ) -> Result<Vec<ChargeRecord>, StoreError> {
        self.read(move |c| {
            Box::pin(async move {
                let sql = format!(
                    "SELECT {CHARGE_COLUMNS} FROM charges ch WHERE ch.subscription_id = $1 AND ch.partner_id = $2 \
                     ORDER BY ch.id"
                );
                let rows = c.fetch_all(&sql, &[id(subscription), id(viewer)]).await?;
                rows.iter().map(charge_from).collect()
            })
        })
        .await
    }
}

fn line_from(row: &Row, catalog: &Catalog) -> Result<ChargeLine, StoreError> {
    let record = charge_from(row)?;
    let offer = catalog.offer(&record.offer_id);
    let term_start = date(row, "term_start")?;
    let country = row.text("country")?;
    let context = LineContext {
        partner_id: record.partner_id,
        customer_id: record.customer_id,
        customer_name: row.text("company_name")?,
        customer_domain_name: row.text("domain")?,
        customer_country: CountryCode::parse(&country).map_err(|_| corrupt("country"))?,
        reseller_id: record.reseller_id,
        order_id: record.order_id,
        order_date: row.time("ordered_at")?.date(),
        product_id: record.offer_id.clone(),
        product_name: offer.map_or_else(
            || record.offer_id.as_str().to_owned(),
            |o| o.name(Locale::EnUs).to_owned(),
        ),
        unit_type: offer.map_or_else(|| "Licenses".to_owned(), |o| o.unit_type.clone()),
        subscription_id: record.subscription_id,
        subscription_description: row.text("friendly_name")?,
        subscription_start_date: term_start,
        subscription_end_date: record
            .plan
            .term()
            .end_date(term_start)
            .map_err(|_| corrupt("term_start"))?,
        plan: record.plan,
        reference_id: None,
    };
    Ok(ChargeLine {
        record,
        context,
        mpn_id: row.text("mpn_id")?,
        reseller_mpn_id: row.opt_text("reseller_mpn_id")?,
        tax: tax_rates::percent(row)?,
    })
}

fn charge_from(row: &Row) -> Result<ChargeRecord, StoreError> {
    let currency = currency(row)?;
    let amounts = |prefix: &str| -> Result<ChargeAmounts, StoreError> {
        Ok(ChargeAmounts {
            unit_price: money(row, &format!("{prefix}unit_price"), currency)?,
            effective_unit_price: money(row, &format!("{prefix}effective_unit_price"), currency)?,
            subtotal: money(row, &format!("{prefix}subtotal"), currency)?,
        })
    };
    let offer = row.text("offer_id")?;
    Ok(ChargeRecord {
        id: row.uuid("id")?,
        partner_id: row.uuid("partner_id")?,
        reseller_id: row.opt_uuid("reseller_id")?,
        customer_id: row.uuid("customer_id")?,
        subscription_id: row.uuid("subscription_id")?,
        order_id: row.uuid("order_id")?,
        offer_id: OfferId::parse(&offer).ok_or_else(|| corrupt("offer_id"))?,
        plan: plan(row)?,
        charge: Charge {
            charge_type: row
                .text("charge_type")?
                .parse()
                .map_err(|_| corrupt("charge_type"))?,
            quantity: row.u32("quantity")?,
            charge_start: date(row, "charge_start")?,
            charge_end: date(row, "charge_end")?,
            cost: amounts("")?,
            customer: amounts("customer_")?,
        },
        created_at: row.time("created_at")?,
    })
}

pub(crate) fn corrupt(column: &str) -> StoreError {
    StoreError::Internal(format!("stored {column} doesn't parse"))
}

fn currency(row: &Row) -> Result<Currency, StoreError> {
    Currency::parse(&row.text("currency")?).map_err(|_| corrupt("currency"))
}

fn plan(row: &Row) -> Result<BillingPlan, StoreError> {
    BillingPlan::parse(&row.text("term_duration")?, &row.text("billing_cycle")?).map_err(|_| corrupt("plan"))
}

pub(crate) fn money(row: &Row, column: &str, currency: Currency) -> Result<Money, StoreError> {
    Money::parse(&row.text(column)?, currency).map_err(|_| corrupt(column))
}

pub(crate) fn date(row: &Row, column: &str) -> Result<Date, StoreError> {
    Date::parse(&row.text(column)?, DATE).map_err(|_| corrupt(column))
}
