//! Orders and the subscriptions they create.

use std::sync::Arc;

use time::OffsetDateTime;

use partnerdesk_domain::audit::{Action, Actor, Change};
use partnerdesk_domain::catalog::Catalog;
use partnerdesk_domain::onboarding::PlacedOrder;
use partnerdesk_domain::order::{LineItem, Order, check_add_on_parent};
use partnerdesk_domain::subscription::{
    Subscription, SubscriptionStatus, SubscriptionUpdateInput, check_update,
};
use partnerdesk_domain::{
    CustomerId, Field, FieldError, OfferId, OrderId, PartnerId, PartnerUserId, Rule, SubscriptionId,
};

use crate::Store;
use crate::db::{Conn, Row, Value, id, opt_id};
use crate::error::StoreError;
use crate::ops::customers::ensure_visible;
use crate::ops::idempotency::{self, Claim, IdempotencyRecord};
use crate::ops::{activity, agreements, charges, next_term};

pub(crate) const SUBSCRIPTION_COLUMNS: &str = "s.id, s.customer_id, s.partner_id, s.reseller_id, s.order_id, s.offer_id, \
    s.friendly_name, s.quantity, s.status, s.parent_subscription_id, s.partner_id_on_record, s.billing_cycle, \
    s.term_duration, s.auto_renew, s.created_at, s.commitment_end, s.version, s.expired_on, \
    s.next_quantity, s.next_term_duration, s.next_billing_cycle";

/// A row's status: `expired` once its term ended unrenewed (`expired_on`), else `status`.
fn status_from(row: &Row) -> Result<SubscriptionStatus, StoreError> {
    if row.opt_text("expired_on")?.is_some() {
        return Ok(SubscriptionStatus::Expired);
    }
    row.text("status")?
        .parse()
        .map_err(|()| StoreError::Internal("stored subscription status".into()))
}

pub(crate) fn subscription_from(row: &Row) -> Result<Subscription, StoreError> {
    let offer = row.text("offer_id")?;
    Ok(Subscription {
        id: row.uuid("id")?,
        customer_id: row.uuid("customer_id")?,
        partner_id: row.uuid("partner_id")?,
        reseller_id: row.opt_uuid("reseller_id")?,
        order_id: row.uuid("order_id")?,
        offer_id: OfferId::parse(&offer)
            .ok_or_else(|| StoreError::Internal(format!("stored offer id {offer:?}")))?,
        friendly_name: row.text("friendly_name")?,
        quantity: row.u32("quantity")?,
        status: status_from(row)?,
        parent_subscription_id: row.opt_uuid("parent_subscription_id")?,
        partner_id_on_record: row.opt_text("partner_id_on_record")?,
        billing_cycle: row.text("billing_cycle")?,
        term_duration: row.text("term_duration")?,
        auto_renew: row.bool("auto_renew")?,
        created_at: row.time("created_at")?,
        commitment_end: row.time("commitment_end")?,
        version: row.int("version")?,
        next_term: next_term::from_row(row)?,
    })
}

/// The lines of orders `viewer` may see (the condition of [`orders_where`], with the
/// customer as `$1` and `viewer` as `$2`): every line of the orders it placed, and of
/// another's order the lines sold through it as reseller, not those of other resellers
/// or of the provider itself. An order is seen when one of its lines is.
const ORDER_VISIBLE: &str = "o.customer_id = $1 AND (o.partner_id = $2 OR EXISTS \
    (SELECT 1 FROM subscriptions s WHERE s.id = li.subscription_id AND s.reseller_id = $2))";

impl Store {
    /// Places an order for a customer of `viewer`, creating one subscription per line item.
    /// In the same transaction it checks what needs the database: the agreement
    /// acceptance where the cloud requires one (13605) and each add-on's parent
    /// subscription (its customer, 800029, 27009).
    pub async fn place_order(
        &self,
        viewer: PartnerId,
        placed: PlacedOrder,
        agreement_required: bool,
        catalog: Arc<Catalog>,
        idempotency: Option<IdempotencyRecord>,
        actor: Actor,
    ) -> Result<(), StoreError> {
        self.write_with(
            (placed, catalog, idempotency, actor),
            move |c, (placed, catalog, idempotency, actor)| {
                Box::pin(async move {
                    let customer = placed.order.customer_id;
                    ensure_visible(c, viewer, customer).await?;
                    if agreement_required && !agreements::has_any(c, customer).await? {
                        return Err(StoreError::Invalid(vec![FieldError::new(
                            Field::LineItems,
                            Rule::AgreementRequired,
                        )]));
                    }
                    check_parents(c, viewer, placed, catalog).await?;
                    if let Some(record) = idempotency {
                        idempotency::claim(c, record).await?;
                    }
                    insert(c, placed, actor).await
                })
            },
        )
        .await
    }

    /// Adds add-ons to an order `viewer` placed (Partner Center's add-on purchase by
    /// `PATCH .../orders/{id}`): each line's parent must be a subscription of that order,
    /// active and of an offer the add-on is for. Returns the order with its new lines;
    /// the request id of `idempotency` is claimed with the answer rendered from it.
    /// Purchases into one order are made one after the other.
    pub async fn add_to_order(
        &self,
        viewer: PartnerId,
        order: OrderId,
        placed: PlacedOrder,
        catalog: Arc<Catalog>,
        idempotency: Option<Claim<Order>>,
        actor: Actor,
    ) -> Result<Order, StoreError> {
        self.write_with((placed, catalog, idempotency, actor), move |c, (placed, catalog, idempotency, actor)| {
            Box::pin(async move {
                let customer = placed.order.customer_id;
                ensure_visible(c, viewer, customer).await?;
                let sql = format!(
                    "SELECT id FROM orders WHERE id = $1 AND customer_id = $2 AND partner_id = $3{}",
                    c.for_update()
                );
                if c.fetch_optional(&sql, &[id(order), id(customer), id(viewer)]).await?.is_none() {
                    return Err(StoreError::NotFound);
                }
                let last = c
                    .fetch_one(
                        "SELECT MAX(li.line_number) AS last_line FROM orders o JOIN order_line_items li ON li.order_id = o.id \
                         WHERE o.id = $1 AND o.customer_id = $2 AND o.partner_id = $3",
                        &[id(order), id(customer), id(viewer)],
                    )
                    .await?;
                let Some(last) = last.opt_int("last_line")? else {
                    return Err(StoreError::NotFound);
                };
                check_parents(c, viewer, placed, catalog).await?;
                let mut errors = Vec::new();
                for (i, sub) in placed.subscriptions.iter().enumerate() {
                    let Some(parent) = sub.parent_subscription_id else {
                        continue;
                    };
                    let row = c
                        .fetch_one("SELECT order_id FROM subscriptions WHERE id = $1", &[id(parent)])
                        .await?;
                    if row.uuid::<OrderId>("order_id")? != order {
                        errors.push(FieldError::new(Field::ParentSubscription(i), Rule::ParentNotInOrder));
                    }
                }
                if !errors.is_empty() {
                    return Err(StoreError::Invalid(errors));
                }
                let mut extended = placed.clone();
                extended.order.id = order;
                for (line, number) in extended.order.line_items.iter_mut().zip(last + 1..) {
                    line.line_number = u32::try_from(number).map_err(|_| StoreError::Internal("line number".into()))?;
                }
                for sub in &mut extended.subscriptions {
                    sub.order_id = order;
                }
                insert_items(c, &extended, actor).await?;
                let condition = format!("{ORDER_VISIBLE} AND o.id = $3");
                let orders = orders_where(c, &condition, &[id(customer), id(viewer), id(order)]).await?;
                let updated = orders.into_iter().next().ok_or(StoreError::NotFound)?;
                if let Some(claim) = idempotency {
                    claim.claim(c, &updated).await?;
                }
                Ok(updated)
            })
        })
        .await
    }

    /// A customer's orders that `viewer` may see, oldest first, with their line items.
    pub async fn orders(&self, viewer: PartnerId, customer: CustomerId) -> Result<Vec<Order>, StoreError> {
        self.read(move |c| {
            Box::pin(async move {
                ensure_visible(c, viewer, customer).await?;
                orders_where(c, ORDER_VISIBLE, &[id(customer), id(viewer)]).await
            })
        })
        .await
    }

    pub async fn order(
        &self,
        viewer: PartnerId,
        customer: CustomerId,
        order: OrderId,
    ) -> Result<Order, StoreError> {
        self.read(move |c| {
            Box::pin(async move {
                ensure_visible(c, viewer, customer).await?;
                let condition = format!("{ORDER_VISIBLE} AND o.id = $3");
                let orders = orders_where(c, &condition, &[id(customer), id(viewer), id(order)]).await?;
                orders.into_iter().next().ok_or(StoreError::NotFound)
            })
        })
        .await
    }

    /// A customer's subscriptions that `viewer` sold or that were sold through it, oldest
    /// first; only those of one order when `order` is given.
    pub async fn subscriptions(
        &self,
        viewer: PartnerId,
        customer: CustomerId,
        order: Option<OrderId>,
    ) -> Result<Vec<Subscription>, StoreError> {
        self.read(move |c| {
            Box::pin(async move {
                ensure_visible(c, viewer, customer).await?;
                let mut sql = format!(
                    "SELECT {SUBSCRIPTION_COLUMNS} FROM subscriptions s \
                     WHERE s.customer_id = $1 AND (s.partner_id = $2 OR s.reseller_id = $2)"
                );
                let mut params = vec![id(customer), id(viewer)];
                if let Some(order) = order {
                    sql.push_str(" AND s.order_id = $3");
                    params.push(id(order));
                }
                sql.push_str(" ORDER BY s.created_at, s.id");
                let rows = c.fetch_all(&sql, &params).await?;
                rows.iter().map(subscription_from).collect()
            })
        })
        .await
    }

    /// Changes a subscription `viewer` sold at `now`: its license count, its status or
    /// both, if it is still at `expected_version` (when given). Suspending a subscription
    /// suspends its active add-ons too; an add-on is reactivated only while its parent is
    /// active. A priced subscription's license change and cancellation write their
    /// charges (and are refused outside their 7-day windows); cancelling a subscription
    /// cancels its add-ons. Returns the subscription as it is afterwards.
    #[expect(clippy::too_many_arguments, reason = "one use case's inputs")]
    pub async fn update_subscription(
        &self,
        viewer: PartnerId,
        customer: CustomerId,
        subscription: SubscriptionId,
        update: SubscriptionUpdateInput,
        expected_version: Option<i64>,
        actor: Actor,
        now: OffsetDateTime,
    ) -> Result<Subscription, StoreError> {
        let catalog = self.catalog().await?;
        self.write_with((update, actor, catalog), move |c, (update, actor, catalog)| {
            Box::pin(async move {
                let current = sold_by(c, viewer, customer, subscription).await?;
                if expected_version.is_some_and(|v| v != current.version) {
                    return Err(StoreError::VersionMismatch);
                }
                let offer = catalog.offer(&current.offer_id).ok_or_else(|| {
                    StoreError::Internal(format!("offer {} not in the catalog", current.offer_id))
                })?;
                let next = check_update(&current, offer, update).map_err(StoreError::Invalid)?;
                if !next.changes(&current) {
                    return Ok(current);
                }
                if let Some(scheduled) = next.next_term.filter(|n| Some(*n) != current.next_term) {
                    next_term::check_priced(c, catalog, &current, scheduled).await?;
                }
                let reactivating = current.status != next.status && next.status == SubscriptionStatus::Active;
                if let (true, Some(parent)) = (reactivating, current.parent_subscription_id) {
                    let parent = sold_by(c, viewer, customer, parent).await?;
                    if parent.status != SubscriptionStatus::Active {
                        return Err(StoreError::Invalid(vec![FieldError::new(
                            Field::SubscriptionStatus,
                            Rule::ParentNotActive,
                        )]));
                    }
                }
                if next.quantity != current.quantity {
                    bill_quantity_change(c, &current, next.quantity, now).await?;
                }
                if next.status == SubscriptionStatus::Deleted {
                    cancel_with_add_ons(c, &current, now).await?;
                }
                let changed = c
                    .execute(
                        "UPDATE subscriptions SET quantity = $1, status = $2, auto_renew = $3, version = version + 1, \
                         next_quantity = $6, next_term_duration = $7, next_billing_cycle = $8 \
                         WHERE id = $4 AND version = $5",
                        &[
                            &[
                                next.quantity.into(),
                                next.status.as_str().into(),
                                next.auto_renew.into(),
                                id(subscription),
                                current.version.into(),
                            ][..],
                            &next_term::values(next.next_term),
                        ]
                        .concat(),
                    )
                    .await?;
                if changed == 0 {
                    return Err(StoreError::VersionMismatch);
                }
                let reseller = current.reseller_id;
                let change = |action| {
                    Change::new(viewer, action)
                        .customer(customer, reseller)
                        .detail("subscriptionId", subscription)
                        .detail("offerId", &current.offer_id)
                };
                if next.quantity != current.quantity {
                    let change = change(Action::SubscriptionQuantityChanged)
                        .detail("quantity", format!("{} → {}", current.quantity, next.quantity));
                    activity::record(c, actor, &change).await?;
                }
                if next.status == SubscriptionStatus::Suspended && current.status != next.status {
                    let add_ons = c
                        .execute(
                            "UPDATE subscriptions SET status = 'suspended', version = version + 1 \
                             WHERE parent_subscription_id = $1 AND status = 'active' AND expired_on IS NULL",
                            &[id(subscription)],
                        )
                        .await?;
                    let change = change(Action::SubscriptionSuspended).detail("addOnsSuspended", add_ons);
                    activity::record(c, actor, &change).await?;
                } else if reactivating {
                    activity::record(c, actor, &change(Action::SubscriptionReactivated)).await?;
                } else if next.status == SubscriptionStatus::Deleted {
                    activity::record(c, actor, &change(Action::SubscriptionCancelled)).await?;
                }
                if next.auto_renew != current.auto_renew {
                    let value = if next.auto_renew { "on" } else { "off" };
                    let change = change(Action::SubscriptionAutoRenewChanged).detail("autoRenew", value);
                    activity::record(c, actor, &change).await?;
                }
                if next.next_term != current.next_term {
                    let change = match next.next_term {
                        Some(n) => change(Action::SubscriptionNextTermChanged)
                            .detail("nextQuantity", n.quantity)
                            .detail("nextTermDuration", n.plan.term().as_str())
                            .detail("nextBillingCycle", n.plan.cycle().as_str()),
                        None => change(Action::SubscriptionNextTermChanged),
                    };
                    activity::record(c, actor, &change).await?;
                }
                sold_by(c, viewer, customer, subscription).await
            })
        })
        .await
    }

    /// The add-ons bought for a subscription `viewer` may see, oldest first.
    pub async fn add_ons(
        &self,
        viewer: PartnerId,
        customer: CustomerId,
        parent: SubscriptionId,
    ) -> Result<Vec<Subscription>, StoreError> {
        self.read(move |c| {
            Box::pin(async move {
                let sql = format!(
                    "SELECT {SUBSCRIPTION_COLUMNS} FROM subscriptions s \
                     WHERE s.parent_subscription_id = $1 AND s.customer_id = $2 AND (s.partner_id = $3 OR s.reseller_id = $3) \
                     ORDER BY s.created_at, s.id"
                );
                let rows = c.fetch_all(&sql, &[id(parent), id(customer), id(viewer)]).await?;
                if rows.is_empty() {
                    visible_subscription(c, viewer, customer, parent).await?;
                }
                rows.iter().map(subscription_from).collect()
            })
        })
        .await
    }

    pub async fn subscription(
        &self,
        viewer: PartnerId,
        customer: CustomerId,
        subscription: SubscriptionId,
    ) -> Result<Subscription, StoreError> {
        self.read(move |c| {
            Box::pin(async move { visible_subscription(c, viewer, customer, subscription).await })
        })
        .await
    }
}

/// Charges a priced subscription's license change from its count to `quantity` and
/// keeps its seat batches; a removal outside the seats' windows is refused (900214).
async fn bill_quantity_change(
    c: &mut Conn<'_>,
    current: &Subscription,
    quantity: u32,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let Some((term, batches)) = charges::term(c, current.id).await? else {
        return Ok(());
    };
    let (lines, after) = term
        .quantity_change(&batches, current.quantity, quantity, now)
        .map_err(|e| StoreError::Invalid(vec![FieldError::new(Field::SubscriptionQuantity, e.into())]))?;
    charges::record(c, current, &term, &lines, now).await?;
    charges::replace_batches(c, current.id, &after).await
}

/// Cancels a subscription's billing and that of its add-ons not yet cancelled: each priced
/// one is refunded its unused days, or the whole cancellation is refused once one's window
/// has passed (900213). The add-ons' rows are marked deleted here; the subscription's own
/// row by the caller.
async fn cancel_with_add_ons(
    c: &mut Conn<'_>,
    current: &Subscription,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let sql = format!(
        "SELECT {SUBSCRIPTION_COLUMNS} FROM subscriptions s WHERE s.parent_subscription_id = $1 AND s.status <> 'deleted' \
         AND s.expired_on IS NULL"
    );
    let add_ons = c.fetch_all(&sql, &[id(current.id)]).await?;
    let add_ons = add_ons
        .iter()
        .map(subscription_from)
        .collect::<Result<Vec<_>, _>>()?;
    for sub in std::iter::once(current).chain(&add_ons) {
        let Some((term, _)) = charges::term(c, sub.id).await? else {
            continue;
        };
        let refund = term
            .cancel(sub.quantity, now)
            .map_err(|e| StoreError::Invalid(vec![FieldError::new(Field::SubscriptionStatus, e.into())]))?;
        charges::record(c, sub, &term, &[refund], now).await?;
    }
    for add_on in &add_ons {
        c.execute(
            "UPDATE subscriptions SET status = 'deleted', version = version + 1 WHERE id = $1",
            &[id(add_on.id)],
        )
        .await?;
    }
    Ok(())
}

/// A subscription `viewer` sold or that was sold through it.
async fn visible_subscription(
    c: &mut Conn<'_>,
    viewer: PartnerId,
    customer: CustomerId,
    subscription: SubscriptionId,
) -> Result<Subscription, StoreError> {
    subscription_where(
        c,
        "(s.partner_id = $3 OR s.reseller_id = $3)",
        viewer,
        customer,
        subscription,
    )
    .await
}

/// A subscription `viewer` sold: only the seller changes it.
async fn sold_by(
    c: &mut Conn<'_>,
    viewer: PartnerId,
    customer: CustomerId,
    subscription: SubscriptionId,
) -> Result<Subscription, StoreError> {
    subscription_where(c, "s.partner_id = $3", viewer, customer, subscription).await
}

async fn subscription_where(
    c: &mut Conn<'_>,
    viewer_condition: &str,
    viewer: PartnerId,
    customer: CustomerId,
    subscription: SubscriptionId,
) -> Result<Subscription, StoreError> {
    let sql = format!(
        "SELECT {SUBSCRIPTION_COLUMNS} FROM subscriptions s WHERE s.id = $1 AND s.customer_id = $2 AND {viewer_condition}"
    );
    let row = c
        .fetch_optional(&sql, &[id(subscription), id(customer), id(viewer)])
        .await?
        .ok_or(StoreError::NotFound)?;
    subscription_from(&row)
}

/// Each add-on's parent must be an active subscription, of this customer, sold by
/// `viewer`, of an offer the add-on is for. The parents' rows stay locked until the
/// purchase commits, so that a suspension of a parent waits for it (and then suspends the
/// new add-on too) or goes first (and the purchase finds the parent suspended).
async fn check_parents(
    c: &mut Conn<'_>,
    viewer: PartnerId,
    placed: &PlacedOrder,
    catalog: &Catalog,
) -> Result<(), StoreError> {
    let mut errors = Vec::new();
    for (i, sub) in placed.subscriptions.iter().enumerate() {
        let Some(parent) = sub.parent_subscription_id else {
            continue;
        };
        let sql = format!(
            "SELECT offer_id, status, expired_on FROM subscriptions WHERE id = $1 AND customer_id = $2 AND partner_id = $3{}",
            c.for_update()
        );
        let row = c
            .fetch_optional(&sql, &[id(parent), id(sub.customer_id), id(viewer)])
            .await?;
        let field = Field::ParentSubscription(i);
        let Some(row) = row else {
            errors.push(FieldError::new(field, Rule::ParentNotFound));
            continue;
        };
        let parent_offer = OfferId::parse(&row.text("offer_id")?)
            .ok_or_else(|| StoreError::Internal("stored offer id".into()))?;
        let status = status_from(&row)?;
        let Some(add_on) = catalog.offer(&sub.offer_id) else {
            errors.push(FieldError::new(Field::Offer(i), Rule::OfferUnknown));
            continue;
        };
        if let Err(rule) = check_add_on_parent(add_on, &parent_offer, status) {
            errors.push(FieldError::new(field, rule));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(StoreError::Invalid(errors))
    }
}

pub(crate) async fn insert(c: &mut Conn<'_>, placed: &PlacedOrder, actor: &Actor) -> Result<(), StoreError> {
    let created_by = actor.user_id.map(PartnerUserId::from);
    let o = &placed.order;
    c.insert(
        "INSERT INTO orders (id, customer_id, partner_id, created_by, billing_cycle, currency_code, status, created_at)",
        1,
        &[
            id(o.id),
            id(o.customer_id),
            id(o.partner_id),
            opt_id(created_by),
            Value::from(&o.billing_cycle),
            Value::from(&o.currency_code),
            Value::from(&o.status),
            o.created_at.into(),
        ],
    )
    .await?;
    insert_items(c, placed, actor).await
}

/// Inserts an order's subscriptions and line items (the order row exists), and records
/// the order in the activity log.
async fn insert_items(c: &mut Conn<'_>, placed: &PlacedOrder, actor: &Actor) -> Result<(), StoreError> {
    let o = &placed.order;
    let subs = &placed.subscriptions;
    let mut params = Vec::with_capacity(subs.len() * 17);
    for s in subs {
        params.extend([
            id(s.id),
            id(s.customer_id),
            id(s.partner_id),
            opt_id(s.reseller_id),
            id(s.order_id),
            s.offer_id.as_str().into(),
            Value::from(&s.friendly_name),
            s.quantity.into(),
            s.status.as_str().into(),
            opt_id(s.parent_subscription_id),
            Value::from(&s.partner_id_on_record),
            Value::from(&s.billing_cycle),
            Value::from(&s.term_duration),
            s.auto_renew.into(),
            s.created_at.into(),
            s.commitment_end.into(),
            s.version.into(),
        ]);
    }
    c.insert(
        "INSERT INTO subscriptions (id, customer_id, partner_id, reseller_id, order_id, offer_id, friendly_name, quantity, \
         status, parent_subscription_id, partner_id_on_record, billing_cycle, term_duration, auto_renew, created_at, \
         commitment_end, version)",
        subs.len(),
        &params,
    )
    .await?;
    charges::insert_purchases(c, placed).await?;
    let lines = &o.line_items;
    let mut params = Vec::with_capacity(lines.len() * 8);
    for l in lines {
        params.extend([
            id(o.id),
            l.line_number.into(),
            l.offer_id.as_str().into(),
            l.quantity.into(),
            id(l.subscription_id),
            Value::from(&l.friendly_name),
            Value::from(&l.partner_id_on_record),
            opt_id(l.parent_subscription_id),
        ]);
    }
    c.insert(
        "INSERT INTO order_line_items (order_id, line_number, offer_id, quantity, subscription_id, friendly_name, \
         partner_id_on_record, parent_subscription_id)",
        lines.len(),
        &params,
    )
    .await?;
    let reseller = subs.iter().find_map(|s| s.reseller_id);
    let summary = |line: &LineItem| match line.parent_subscription_id {
        Some(parent) => format!("{} × {} (add-on of {parent})", line.offer_id, line.quantity),
        None => format!("{} × {}", line.offer_id, line.quantity),
    };
    let change = Change::new(o.partner_id, Action::OrderPlaced)
        .customer(o.customer_id, reseller)
        .detail("orderId", o.id)
        .detail(
            "lineItems",
            lines.iter().map(summary).collect::<Vec<_>>().join(", "),
        );
    activity::record(c, actor, &change).await
}

async fn orders_where(
    c: &mut Conn<'_>,
    condition: &str,
    params: &[Value<'_>],
) -> Result<Vec<Order>, StoreError> {
    let sql = format!(
        "SELECT o.id, o.customer_id, o.partner_id, o.billing_cycle, o.currency_code, o.status, o.created_at, \
         li.line_number, li.offer_id, li.quantity, li.subscription_id, li.friendly_name, li.partner_id_on_record, \
         li.parent_subscription_id \
         FROM orders o JOIN order_line_items li ON li.order_id = o.id WHERE {condition} \
         ORDER BY o.created_at, o.id, li.line_number"
    );
    let rows = c.fetch_all(&sql, params).await?;
    let mut orders: Vec<Order> = Vec::new();
    for row in &rows {
        let order_id: OrderId = row.uuid("id")?;
        if orders.last().is_none_or(|o| o.id != order_id) {
            orders.push(Order {
                id: order_id,
                customer_id: row.uuid("customer_id")?,
                partner_id: row.uuid("partner_id")?,
                billing_cycle: row.text("billing_cycle")?,
                currency_code: row.text("currency_code")?,
                status: row.text("status")?,
                created_at: row.time("created_at")?,
                line_items: Vec::new(),
            });
        }
        let offer = row.text("offer_id")?;
        let line = LineItem {
            line_number: row.u32("line_number")?,
            offer_id: OfferId::parse(&offer)
                .ok_or_else(|| StoreError::Internal(format!("stored offer id {offer:?}")))?,
            quantity: row.u32("quantity")?,
            subscription_id: row.uuid("subscription_id")?,
            friendly_name: row.text("friendly_name")?,
            partner_id_on_record: row.opt_text("partner_id_on_record")?,
            parent_subscription_id: row.opt_uuid("parent_subscription_id")?,
        };
        if let Some(order) = orders.last_mut() {
            order.line_items.push(line);
        }
    }
    Ok(orders)
}
