//! Charges written with the changes that cause them: a purchase's first cycle, seats added
//! and removed inside their windows, removals and cancellations refused outside them with
//! nothing changed, the unbilled lines a partner reads, and invoices taxed per country.

use partnerdesk_domain::audit::{Action, Actor};
use partnerdesk_domain::billing::calendar::add_months;
use partnerdesk_domain::billing::{
    BillingError, ChargeRecord, ChargeType, Currency, CustomerPriceRule, InvoiceRecord, MarkupRule, Money,
    RuleSource, TaxRate,
};
use partnerdesk_domain::country::CountryCode;
use partnerdesk_domain::order::RawQuantity;
use partnerdesk_domain::subscription::{
    NextTermInput, Subscription, SubscriptionStatus, SubscriptionUpdateInput,
};
use partnerdesk_domain::{CustomerId, Field, FieldError, OfferId, Rule, SubscriptionId};
use partnerdesk_store::testing::{fail_inserts_into, heal_inserts_into, invoiced_counts, row_counts};
use partnerdesk_store::{ActivityQuery, BillingRun, CustomerView, Holding, MarkupScope, StoreError};
use time::{Duration, OffsetDateTime};

use super::subscriptions::{offer, order_of};
use super::{Fixture, fixture, ok};

fn usd() -> Currency {
    Currency::parse("USD").unwrap_or_else(|_| unreachable!())
}

fn lines(charges: &[ChargeRecord]) -> Vec<(ChargeType, u32, String, String)> {
    charges
        .iter()
        .map(|c| {
            (
                c.charge.charge_type,
                c.charge.quantity,
                c.charge.cost.subtotal.amount().to_string(),
                c.charge.customer.subtotal.amount().to_string(),
            )
        })
        .collect()
}

/// Changes `subscription` of `customer` as the provider's operator, now.
async fn change_now(
    f: &Fixture,
    customer: CustomerId,
    subscription: SubscriptionId,
    input: SubscriptionUpdateInput,
) -> Result<Subscription, StoreError> {
    f.store
        .update_subscription(
            f.provider.id,
            customer,
            subscription,
            input,
            None,
            Actor::operator(),
            OffsetDateTime::now_utc(),
        )
        .await
}

fn change(quantity: Option<i64>, status: Option<&str>) -> SubscriptionUpdateInput {
    SubscriptionUpdateInput {
        quantity: quantity.map_or(RawQuantity::Missing, RawQuantity::Integer),
        status: status.map(str::to_owned),
        auto_renew: None,
        next_term: NextTermInput::Unchanged,
    }
}

#[tokio::test]
async fn a_purchase_charges_its_first_cycle_and_free_offers_charge_nothing() {
    let f = fixture().await;
    let onboarding = f.onboard("Priced", "priced").await;
    let subs = ok(f
        .store
        .subscriptions(f.provider.id, onboarding.customer.id, None)
        .await);
    let (mail, chat) = (offer(&subs, "MAIL"), offer(&subs, "CHAT"));
    assert_eq!(
        (mail.term_duration.as_str(), mail.billing_cycle.as_str()),
        ("P1Y", "monthly")
    );
    // 120.00 a year billed monthly: 10.00 a month a seat; the customer pays the ERP, 150.00.
    assert_eq!(
        lines(&ok(f.store.subscription_charges(f.provider.id, mail.id).await)),
        [(ChargeType::New, 10, "100.00".into(), "125.00".into())]
    );
    assert_eq!(
        ok(f.store.subscription_charges(f.provider.id, chat.id).await),
        vec![]
    );
    // Nobody else reads the seller's charges.
    assert_eq!(
        ok(f.store.subscription_charges(f.reseller.id, mail.id).await),
        vec![]
    );
}

#[tokio::test]
async fn seats_added_and_removed_in_their_window_are_charged_and_refunded() {
    let f = fixture().await;
    let onboarding = f.onboard("Seats", "seats").await;
    let customer = onboarding.customer.id;
    let mail = offer(
        &ok(f.store.subscriptions(f.provider.id, customer, None).await),
        "MAIL",
    );
    let now = OffsetDateTime::now_utc();
    let update = |input, at| {
        f.store.update_subscription(
            f.provider.id,
            customer,
            mail.id,
            input,
            None,
            Actor::operator(),
            at,
        )
    };
    ok(update(change(Some(12), None), now).await);
    // Four days later the 2 added seats are in their window, the first 10 too.
    ok(update(change(Some(4), None), now + Duration::days(4)).await);
    let charges = ok(f.store.subscription_charges(f.provider.id, mail.id).await);
    let kinds: Vec<_> = charges
        .iter()
        .map(|c| (c.charge.charge_type, c.charge.quantity))
        .collect();
    assert_eq!(
        kinds,
        [
            (ChargeType::New, 10),
            (ChargeType::AddQuantity, 10),
            (ChargeType::AddQuantity, 12),
            (ChargeType::RemoveQuantity, 12),
            (ChargeType::RemoveQuantity, 4),
        ]
    );
    assert!(charges[1].charge.cost.subtotal.is_negative() && charges[3].charge.cost.subtotal.is_negative());
    let unbilled = ok(f
        .store
        .unbilled_charges(
            f.provider.id,
            usd(),
            (now - Duration::days(1), now + Duration::days(30)),
            None,
            2,
        )
        .await);
    let records =
        |lines: Vec<partnerdesk_store::ChargeLine>| lines.into_iter().map(|l| l.record).collect::<Vec<_>>();
    assert_eq!(unbilled[0].context.customer_name, "Seats");
    assert_eq!(unbilled[1].context.subscription_description, "Mail");
    let next = Some(unbilled[1].record.id);
    assert_eq!(records(unbilled), charges[..2]);
    let rest = ok(f
        .store
        .unbilled_charges(
            f.provider.id,
            usd(),
            (now - Duration::days(1), now + Duration::days(30)),
            next,
            100,
        )
        .await);
    assert_eq!(records(rest), charges[2..]);
}

#[tokio::test]
async fn removals_and_cancellations_outside_their_windows_change_nothing() {
    let f = fixture().await;
    let onboarding = f.onboard("Late", "late").await;
    let customer = onboarding.customer.id;
    let mail = offer(
        &ok(f.store.subscriptions(f.provider.id, customer, None).await),
        "MAIL",
    );
    ok(f.store
        .add_to_order(
            f.provider.id,
            mail.order_id,
            order_of(&f, &onboarding, "ARCHIVE", 2, Some(mail.id)),
            f.catalog.clone(),
            None,
            Actor::operator(),
        )
        .await);
    let before = row_counts(&f.store).await;
    let late = OffsetDateTime::now_utc() + Duration::days(8);
    let update = |input, at| {
        f.store.update_subscription(
            f.provider.id,
            customer,
            mail.id,
            input,
            None,
            Actor::operator(),
            at,
        )
    };
    let fewer = update(change(Some(9), None), late).await;
    let expected = vec![FieldError::new(
        Field::SubscriptionQuantity,
        Rule::Billing(BillingError::SeatReductionWindowPassed {
            hours: 168,
            refundable: 0,
        }),
    )];
    assert!(
        matches!(&fewer, Err(StoreError::Invalid(e)) if *e == expected),
        "{fewer:?}"
    );
    let cancel = update(change(None, Some("deleted")), late).await;
    assert!(
        matches!(&cancel, Err(StoreError::Invalid(e)) if e[0].rule.code() == 900213),
        "{cancel:?}"
    );
    assert_eq!(row_counts(&f.store).await, before);
    let still = ok(f.store.subscription(f.provider.id, customer, mail.id).await);
    assert_eq!((still.quantity, still.status), (10, SubscriptionStatus::Active));
    // Added seats can still be added late, and are charged.
    ok(update(change(Some(11), None), late).await);

    // Inside the window a cancellation refunds the unused days of the subscription and
    // of its add-on, and cancels both.
    let soon = OffsetDateTime::now_utc() + Duration::hours(1);
    let other = f.onboard("Early", "early").await;
    let early = offer(
        &ok(f
            .store
            .subscriptions(f.provider.id, other.customer.id, None)
            .await),
        "MAIL",
    );
    ok(f.store
        .add_to_order(
            f.provider.id,
            early.order_id,
            order_of(&f, &other, "ARCHIVE", 2, Some(early.id)),
            f.catalog.clone(),
            None,
            Actor::operator(),
        )
        .await);
    let cancelled = ok(f
        .store
        .update_subscription(
            f.provider.id,
            other.customer.id,
            early.id,
            change(None, Some("deleted")),
            None,
            Actor::operator(),
            soon,
        )
        .await);
    assert_eq!(cancelled.status, SubscriptionStatus::Deleted);
    let add_on = ok(f.store.add_ons(f.provider.id, other.customer.id, early.id).await);
    assert_eq!(add_on[0].status, SubscriptionStatus::Deleted);
    for id in [early.id, add_on[0].id] {
        let charges = ok(f.store.subscription_charges(f.provider.id, id).await);
        let last = charges.last().unwrap_or_else(|| unreachable!());
        assert_eq!(last.charge.charge_type, ChargeType::CancelImmediate);
        assert!(last.charge.cost.subtotal.is_negative());
    }
}

#[tokio::test]
async fn a_billing_run_charges_each_cycle_and_renewal_once_and_stops_suspended_terms() {
    let f = fixture().await;
    let today = OffsetDateTime::now_utc().date();
    let months = |n| add_months(today, n).unwrap_or_else(|e| panic!("{e}"));
    let active = f.onboard("Yearly", "yearly").await;
    let suspended = f.onboard("Paused", "paused").await;
    let paused = offer(
        &ok(f
            .store
            .subscriptions(f.provider.id, suspended.customer.id, None)
            .await),
        "MAIL",
    );
    ok(f.store
        .update_subscription(
            f.provider.id,
            suspended.customer.id,
            paused.id,
            change(None, Some("suspended")),
            None,
            Actor::operator(),
            OffsetDateTime::now_utc(),
        )
        .await);

    // Nothing else falls due today, and this month is still open.
    assert_eq!(ok(f.store.run_billing(today).await), BillingRun::default());
    // Fourteen months on: the other 11 cycles of both first terms (suspension doesn't stop
    // billing), the active one renewed with 2 cycles of its new term charged, the
    // suspended one ended unrenewed.
    let run = ok(f.store.run_billing(months(14)).await);
    assert_eq!(
        run,
        BillingRun {
            cycles: 11 + 11 + 2,
            renewals: 1,
            ended: 1,
            // Months 0 to 13 closed: the provider's invoice of each, and each customer's
            // (the suspended one has no charges after month 11).
            invoices: 14 + 14 + 12,
        }
    );
    assert_eq!(ok(f.store.run_billing(months(14)).await), BillingRun::default());

    // The suspended one expired with its term: final, in the log, and neither held nor
    // suspended in the customer list (its licences count no more).
    let held = ok(f
        .store
        .subscriptions(f.provider.id, suspended.customer.id, None)
        .await);
    let expired = offer(&held, "MAIL");
    assert_eq!(expired.status, SubscriptionStatus::Expired);
    assert_eq!(expired.version, paused.version + 2, "suspended, then expired");
    let still: Vec<_> = held
        .iter()
        .filter(|s| s.status == SubscriptionStatus::Active)
        .collect();
    let logged = ok(f
        .store
        .activity(
            f.provider.id,
            ActivityQuery {
                action: Some(Action::SubscriptionExpired),
                limit: 10,
                ..ActivityQuery::default()
            },
        )
        .await);
    assert_eq!(logged.len(), 1);
    assert_eq!(logged[0].customer_id, Some(suspended.customer.id));
    let paused_view = |holding| CustomerView {
        text: "paused".into(),
        holding,
        ..CustomerView::default()
    };
    let find = |holding| f.store.find_customers(f.provider.id, paused_view(holding), 0, 5);
    let listed = ok(find(None).await);
    assert_eq!(
        listed.rows[0].active_licences,
        still.iter().map(|s| i64::from(s.quantity)).sum::<i64>()
    );
    assert_eq!(ok(find(Some(Holding::Suspended)).await).total, 0);
    assert_eq!(
        ok(find(Some(Holding::Subscriptions)).await).total,
        u32::from(!still.is_empty())
    );

    let mail = offer(
        &ok(f
            .store
            .subscriptions(f.provider.id, active.customer.id, None)
            .await),
        "MAIL",
    );
    let charges = ok(f.store.subscription_charges(f.provider.id, mail.id).await);
    let count = |kind| charges.iter().filter(|c| c.charge.charge_type == kind).count();
    assert_eq!(
        (
            count(ChargeType::New),
            count(ChargeType::CycleCharge),
            count(ChargeType::Renew)
        ),
        (1, 13, 1)
    );
    let total =
        Money::sum(usd(), charges.iter().map(|c| c.charge.cost.subtotal)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(total.amount().to_string(), "1500.00");
    let renewal = charges
        .iter()
        .find(|c| c.charge.charge_type == ChargeType::Renew)
        .unwrap_or_else(|| unreachable!());
    assert_eq!(renewal.charge.charge_start, months(12));
    assert!(
        mail.commitment_end > onboarding_end(&active),
        "the commitment moved a term on"
    );

    // The invoices: numbered without gaps, each the sum of its lines, and the lines of
    // month 14 not yet on any.
    let invoices = ok(f.store.partner_invoices(f.provider.id).await);
    let mut numbers: Vec<&str> = invoices.iter().map(|i| i.number.as_str()).collect();
    numbers.sort_unstable();
    let expected: Vec<String> = (1..=14).map(|n| format!("G{n:09}")).collect();
    assert_eq!(numbers, expected);
    let mut invoiced = Money::zero(usd());
    for invoice in &invoices {
        let lines = ok(f.store.invoice_lines(invoice, None, 2000).await);
        assert_eq!(lines.len() as u64, invoice.line_count);
        let sum = Money::sum(usd(), lines.iter().map(|l| l.record.charge.cost.subtotal))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(sum, invoice.totals.total, "{}", invoice.number);
        assert_eq!(
            ok(f.store
                .partner_invoice(f.provider.id, invoice.number.clone())
                .await),
            *invoice
        );
        invoiced = invoiced.checked_add(sum).unwrap_or_else(|e| panic!("{e}"));
    }
    let customer_side = ok(f.store.customer_invoices(f.provider.id, active.customer.id).await);
    assert_eq!(customer_side.len(), 14);
    assert!(customer_side.iter().all(|i| i.number.starts_with('C')));
    // The customer reads the same invoices, with the seller's name, and one by its id.
    let received = ok(f.store.invoices_to_customer(active.customer.id, None).await);
    assert_eq!(
        received.iter().map(|(i, _)| i.clone()).collect::<Vec<_>>(),
        customer_side
    );
    assert!(received.iter().all(|(_, name)| *name == f.provider.name));
    let one = ok(f
        .store
        .invoices_to_customer(active.customer.id, Some(customer_side[3].id))
        .await);
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].0, customer_side[3]);
    let not_theirs = ok(f
        .store
        .invoices_to_customer(suspended.customer.id, Some(customer_side[3].id))
        .await);
    assert!(not_theirs.is_empty(), "another customer's invoice");
    let first = &customer_side[0];
    assert_eq!(
        ok(f.store
            .customer_invoice(f.provider.id, active.customer.id, first.number.clone())
            .await),
        *first
    );
    assert!(matches!(
        f.store
            .customer_invoice(f.provider.id, suspended.customer.id, first.number.clone())
            .await,
        Err(StoreError::NotFound)
    ));
    // Nobody else reads them.
    assert!(matches!(
        f.store
            .partner_invoice(f.reseller.id, invoices[0].number.clone())
            .await,
        Err(StoreError::NotFound)
    ));
    // Each subscription's charges of months 0-13 are invoiced once: 1400.00 of the active
    // one's 1500.00 (its month-14 cycle waits), and the suspended one's 12 months.
    assert_eq!(invoiced.amount().to_string(), "2600.00");
    // The terms read back as written.
    let terms = ok(f.store.subscription_terms(vec![mail.id, paused.id]).await);
    assert_eq!(terms[&mail.id].prices.term_start, months(12));
    assert_eq!(terms[&paused.id].batches.len(), 1);
    // The renewal opened new windows: its seats can be removed in its first week only.
    let after_renewal = months(12).midnight().assume_utc() + Duration::days(2);
    ok(f.store
        .update_subscription(
            f.provider.id,
            active.customer.id,
            mail.id,
            change(Some(8), None),
            None,
            Actor::operator(),
            after_renewal,
        )
        .await);
}

fn onboarding_end(onboarding: &partnerdesk_domain::onboarding::Onboarding) -> OffsetDateTime {
    onboarding
        .order
        .as_ref()
        .and_then(|o| o.subscriptions.iter().find(|s| s.offer_id.as_str() == "MAIL"))
        .map(|s| s.commitment_end)
        .unwrap_or_else(|| unreachable!())
}

#[tokio::test]
async fn a_month_close_that_fails_midway_leaves_no_partial_invoice_and_completes_when_run_again() {
    let f = fixture().await;
    f.onboard("Closing", "closing").await;
    f.onboard("Second", "second").await;
    let next_month = add_months(OffsetDateTime::now_utc().date(), 1).unwrap_or_else(|e| panic!("{e}"));
    ok(fail_inserts_into(&f.store, "invoices").await);
    assert!(f.store.close_months(next_month).await.is_err());
    assert_eq!(
        invoiced_counts(&f.store).await,
        (0, 0),
        "no charge marked, no invoice"
    );
    ok(heal_inserts_into(&f.store, "invoices").await);
    // One invoice from the operator, one per customer; both MAIL purchases on the first.
    assert_eq!(ok(f.store.close_months(next_month).await), 3);
    assert_eq!(invoiced_counts(&f.store).await, (2, 3));
    assert_eq!(
        ok(f.store.close_months(next_month).await),
        0,
        "closing twice writes nothing"
    );
}

#[tokio::test]
async fn a_month_close_writes_its_invoices_a_page_at_a_time_numbered_without_gaps() {
    let f = fixture().await;
    // More customers than one transaction of a close takes (200).
    let mut customers = Vec::new();
    for i in 0..205 {
        customers.push(
            f.onboard(&format!("Paged {i}"), &format!("paged{i}"))
                .await
                .customer
                .id,
        );
    }
    let next_month = add_months(OffsetDateTime::now_utc().date(), 1).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ok(f.store.close_months(next_month).await), 206);
    assert_eq!(invoiced_counts(&f.store).await, (205, 206));
    let mut numbers = Vec::new();
    for customer in customers {
        let invoices = ok(f.store.customer_invoices(f.provider.id, customer).await);
        assert_eq!(invoices.len(), 1, "one invoice per customer");
        numbers.push(invoices[0].number.clone());
    }
    numbers.sort();
    let expected: Vec<_> = (1..=205).map(|n| format!("C{n:09}")).collect();
    assert_eq!(numbers, expected);
    assert_eq!(ok(f.store.close_months(next_month).await), 0);
}

#[tokio::test]
async fn customer_price_rules_are_kept_per_partner_and_price_the_renewal() {
    let f = fixture().await;
    let today = OffsetDateTime::now_utc().date();
    let onboarding = f.onboard("Marked", "marked").await;
    let customer = onboarding.customer.id;
    let mail_offer = OfferId::parse("MAIL").unwrap_or_else(|| unreachable!());
    let pct = |p| CustomerPriceRule::percent_over_cost(p).ok();
    let scope = |customer, offer: Option<&OfferId>| MarkupScope {
        customer,
        offer: offer.cloned(),
    };
    let set = |partner, scope, rule| f.store.set_markup(partner, scope, rule, Actor::operator());
    ok(set(f.provider.id, scope(None, None), pct("10")).await);
    ok(set(f.provider.id, scope(Some(customer), Some(&mail_offer)), pct("20")).await);
    ok(set(f.reseller.id, scope(None, None), Some(CustomerPriceRule::Erp)).await);
    // Set again, the default is replaced, not added.
    ok(set(f.provider.id, scope(None, None), pct("15")).await);

    let rules = ok(f.store.markups(f.provider.id, Some(customer)).await);
    assert_eq!(
        rules.0.len(),
        2,
        "the default and this customer's, not the reseller's"
    );
    assert_eq!(
        rules.rule_for(Some(customer), &mail_offer),
        Some((
            pct("20").unwrap_or_else(|| unreachable!()),
            RuleSource::CustomerOffer
        ))
    );
    let other = ok(f.store.markups(f.provider.id, Some(CustomerId::new())).await);
    assert_eq!(
        other.0,
        [MarkupRule {
            customer: None,
            offer: None,
            rule: pct("15").unwrap_or_else(|| unreachable!())
        }]
    );

    // The first term was bought at the ERP (no rule then); the renewal a year on takes the
    // rule in force: 20% over 120.00 a year is 144.00, 12.00 a month a seat.
    let mail = offer(
        &ok(f.store.subscriptions(f.provider.id, customer, None).await),
        "MAIL",
    );
    ok(f.store
        .run_billing(add_months(today, 12).unwrap_or_else(|e| panic!("{e}")))
        .await);
    let charges = ok(f.store.subscription_charges(f.provider.id, mail.id).await);
    let renewals: Vec<_> = lines(&charges)
        .into_iter()
        .filter(|(kind, ..)| *kind == ChargeType::Renew)
        .collect();
    assert_eq!(
        renewals,
        [(ChargeType::Renew, 10, "100.00".into(), "120.00".into())]
    );

    // Removing the customer's rule leaves the default; each change is in the activity log.
    ok(set(f.provider.id, scope(Some(customer), Some(&mail_offer)), None).await);
    let rules = ok(f.store.markups(f.provider.id, Some(customer)).await);
    assert_eq!(
        rules.rule_for(Some(customer), &mail_offer).map(|(_, s)| s),
        Some(RuleSource::PartnerDefault)
    );
    let logged = ok(f
        .store
        .activity(
            f.provider.id,
            ActivityQuery {
                action: Some(Action::CustomerPriceRuleChanged),
                limit: 10,
                ..ActivityQuery::default()
            },
        )
        .await);
    assert_eq!(logged.len(), 4);
}

fn rate(percent: &str) -> TaxRate {
    TaxRate::parse(percent).unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn invoices_tax_each_line_at_its_country_rate_and_keep_the_rate_they_were_closed_with() {
    let f = fixture().await;
    let us = CountryCode::parse("US").unwrap_or_else(|_| unreachable!());
    ok(f.store.set_tax_rate(us, Some(rate("8.25"))).await);
    assert_eq!(ok(f.store.tax_rates().await), [(us, rate("8.25"))]);
    let taxed = f.onboard("Taxed", "taxed").await;
    let next_month = add_months(OffsetDateTime::now_utc().date(), 1).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ok(f.store.close_months(next_month).await), 2);

    // MAIL's first month: a cost of 100.00 and a customer price of 125.00, taxed at 8.25%
    // (10.3125 rounds half up to 10.31).
    let totals =
        |i: &InvoiceRecord| [i.totals.subtotal, i.totals.tax, i.totals.total].map(|m| m.amount().to_string());
    let partner = ok(f.store.partner_invoices(f.provider.id).await);
    let customer = ok(f.store.customer_invoices(f.provider.id, taxed.customer.id).await);
    assert_eq!(
        partner.iter().map(totals).collect::<Vec<_>>(),
        [["100.00", "8.25", "108.25"]]
    );
    assert_eq!(
        customer.iter().map(totals).collect::<Vec<_>>(),
        [["125.00", "10.31", "135.31"]]
    );

    // A later rate, or none, changes no closed invoice: its lines keep 8.25%.
    ok(f.store.set_tax_rate(us, Some(rate("20"))).await);
    for invoice in [&partner[0], &customer[0]] {
        let lines = ok(f.store.invoice_lines(invoice, None, 100).await);
        assert!(!lines.is_empty());
        assert!(lines.iter().all(|l| l.tax == rate("8.25")), "{}", invoice.number);
    }
    assert_eq!(
        totals(&ok(f
            .store
            .partner_invoice(f.provider.id, partner[0].number.clone())
            .await)),
        ["100.00", "8.25", "108.25"]
    );
    // Unbilled lines are shown at today's rate.
    f.onboard("Later", "later").await;
    let now = OffsetDateTime::now_utc();
    let unbilled_today = || {
        f.store.unbilled_charges(
            f.provider.id,
            usd(),
            (now - Duration::days(1), now + Duration::days(1)),
            None,
            100,
        )
    };
    let unbilled = ok(unbilled_today().await);
    assert!(!unbilled.is_empty());
    assert!(unbilled.iter().all(|l| l.tax == rate("20")));
    ok(f.store.set_tax_rate(us, None).await);
    assert_eq!(ok(f.store.tax_rates().await), []);
    let unbilled = ok(unbilled_today().await);
    assert!(unbilled.iter().all(|l| l.tax == TaxRate::NONE));
}

#[tokio::test]
async fn a_change_scheduled_for_the_next_term_is_checked_against_the_prices_and_applied_at_renewal() {
    let f = fixture().await;
    let onboarding = f.onboard("Scheduled", "scheduled").await;
    let customer = onboarding.customer.id;
    let mail = offer(
        &ok(f.store.subscriptions(f.provider.id, customer, None).await),
        "MAIL",
    );
    let update = |input| change_now(&f, customer, mail.id, input);
    let schedule = |quantity: i64, cycle: &str| SubscriptionUpdateInput {
        next_term: NextTermInput::Set {
            quantity: RawQuantity::Integer(quantity),
            term: Some("P1Y".into()),
            cycle: Some(cycle.into()),
        },
        ..change(None, None)
    };
    // MAIL has no triennial price: refused, nothing changed.
    let refused = update(SubscriptionUpdateInput {
        next_term: NextTermInput::Set {
            quantity: RawQuantity::Missing,
            term: Some("P3Y".into()),
            cycle: Some("triennial".into()),
        },
        ..change(None, None)
    })
    .await;
    assert!(
        matches!(&refused, Err(StoreError::Invalid(e)) if e[0].field == Field::NextTermPlan
            && e[0].rule == Rule::from(BillingError::NoPriceInEffect)),
        "{refused:?}"
    );
    // Changing the count now drops a schedule.
    let scheduled = ok(update(schedule(14, "annual")).await);
    assert_eq!(scheduled.next_term.map(|n| n.quantity), Some(14));
    assert_eq!(ok(update(change(Some(11), None)).await).next_term, None);
    let scheduled = ok(update(schedule(12, "annual")).await);
    let next = scheduled.next_term.unwrap_or_else(|| unreachable!());
    assert_eq!((next.quantity, next.plan.cycle().as_str()), (12, "annual"));

    // At the term's end it renews with 12 licenses billed annually: the whole year at once.
    let today = OffsetDateTime::now_utc().date();
    let run = ok(f
        .store
        .run_billing(add_months(today, 13).unwrap_or_else(|e| panic!("{e}")))
        .await);
    assert_eq!(run.renewals, 1, "{run:?}");
    let renewed = offer(
        &ok(f.store.subscriptions(f.provider.id, customer, None).await),
        "MAIL",
    );
    assert_eq!(
        (
            renewed.quantity,
            renewed.term_duration.as_str(),
            renewed.billing_cycle.as_str()
        ),
        (12, "P1Y", "annual")
    );
    assert_eq!(renewed.next_term, None, "done with");
    let charges = ok(f.store.subscription_charges(f.provider.id, mail.id).await);
    let renewal = charges
        .iter()
        .find(|c| c.charge.charge_type == ChargeType::Renew)
        .unwrap_or_else(|| unreachable!());
    assert_eq!(
        (
            renewal.charge.quantity,
            renewal.charge.cost.subtotal.amount().to_string()
        ),
        (12, "1440.00".to_owned())
    );
    let logged = ok(f
        .store
        .activity(
            f.provider.id,
            ActivityQuery {
                action: Some(Action::SubscriptionNextTermChanged),
                limit: 10,
                ..ActivityQuery::default()
            },
        )
        .await);
    assert_eq!(
        logged.len(),
        3,
        "scheduled, dropped by the count change, scheduled"
    );
}

#[tokio::test]
async fn an_active_subscription_whose_auto_renewal_is_off_expires_and_leaves_the_customers_holdings() {
    let f = fixture().await;
    let onboarding = f.onboard("Lapsing", "lapsing").await;
    let customer = onboarding.customer.id;
    let subs = ok(f.store.subscriptions(f.provider.id, customer, None).await);
    let (mail, chat) = (offer(&subs, "MAIL"), offer(&subs, "CHAT"));
    let update = |subscription, input| change_now(&f, customer, subscription, input);
    // The free chat cancelled, the mail is all the customer holds.
    ok(update(chat.id, change(None, Some("deleted"))).await);
    let scheduled = SubscriptionUpdateInput {
        next_term: NextTermInput::Set {
            quantity: RawQuantity::Integer(3),
            term: None,
            cycle: None,
        },
        ..change(None, None)
    };
    assert!(ok(update(mail.id, scheduled).await).next_term.is_some());
    let off = SubscriptionUpdateInput {
        auto_renew: Some(false),
        ..change(None, None)
    };
    assert_eq!(
        ok(update(mail.id, off).await).next_term,
        None,
        "auto-renewal off drops it"
    );

    let view = |holding| CustomerView {
        text: "lapsing".into(),
        holding,
        ..CustomerView::default()
    };
    let find = |holding| f.store.find_customers(f.provider.id, view(holding), 0, 5);
    assert_eq!(
        ok(find(None).await).rows[0].active_licences,
        i64::from(mail.quantity)
    );
    assert_eq!(ok(find(Some(Holding::Subscriptions)).await).total, 1);

    let today = OffsetDateTime::now_utc().date();
    let run = ok(f
        .store
        .run_billing(add_months(today, 13).unwrap_or_else(|e| panic!("{e}")))
        .await);
    assert_eq!((run.renewals, run.ended), (0, 1), "{run:?}");
    let expired = offer(
        &ok(f.store.subscriptions(f.provider.id, customer, None).await),
        "MAIL",
    );
    assert_eq!(expired.status, SubscriptionStatus::Expired);
    let listed = ok(find(None).await);
    assert_eq!(
        (listed.rows[0].active_licences, listed.rows[0].next_commitment_end),
        (0, None)
    );
    assert_eq!(ok(find(Some(Holding::Subscriptions)).await).total, 0);
    // It changes no more.
    let refused = update(mail.id, change(Some(4), None)).await;
    assert!(
        matches!(&refused, Err(StoreError::Invalid(e)) if e.iter().any(|e| e.rule == Rule::SubscriptionExpired)),
        "{refused:?}"
    );
}
