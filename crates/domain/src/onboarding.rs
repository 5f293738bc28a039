//! The records one onboarding creates, and those of a later order: ids, defaults and
//! dates decided once, here, so that what is written and what is answered are the same.

use time::{Duration, Month, OffsetDateTime};
use uuid::Uuid;

use crate::agreement::{Agreement, AgreementAcceptance};
use crate::billing::{BillingError, Currency, Markups, Purchase, price_purchase};
use crate::catalog::Catalog;
use crate::country::CountryCode;
use crate::customer::{BillingProfile, Customer, NewCustomer};
use crate::error::Errors;
use crate::order::{LineItem, NewLineItem, Order};
use crate::subscription::{Subscription, SubscriptionStatus};
use crate::{AgreementId, CustomerId, Field, FieldError, OrderId, PartnerId, PartnerUserId, SubscriptionId};

/// An indirect reseller an order is placed through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResellerRef {
    pub id: PartnerId,
    pub mpn_id: String,
}

/// Who sells: the partner, the user acting for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seller {
    pub partner_id: PartnerId,
    pub user_id: PartnerUserId,
}

/// One line to order, with the reseller it is sold through (if any).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderLine {
    pub item: NewLineItem,
    pub reseller: Option<ResellerRef>,
}

/// Everything a new customer is created with, in one transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Onboarding {
    pub seller: Seller,
    /// The customer as the seller sees it.
    pub customer: Customer,
    /// The company name's search key.
    pub name_key: String,
    /// The customer tenant's admin account: `admin@<domain>`.
    pub admin_user_name: String,
    pub agreement: Option<Agreement>,
    pub order: Option<PlacedOrder>,
}

/// An order with the subscriptions it creates, one per line item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacedOrder {
    pub order: Order,
    pub subscriptions: Vec<Subscription>,
    /// The priced subscriptions' term prices and first charges (offers without prices
    /// are free and have none).
    pub purchases: Vec<(SubscriptionId, Purchase)>,
}

impl Onboarding {
    pub fn new(
        new: NewCustomer,
        acceptance: Option<AgreementAcceptance>,
        lines: Vec<OrderLine>,
        (catalog, markups): (&Catalog, &Markups),
        seller: Seller,
        now: OffsetDateTime,
    ) -> Result<Self, Vec<FieldError>> {
        let now = truncate_to_micros(now);
        let id = CustomerId::new();
        let billing = new.billing;
        let name_key = billing.company_name.search_key();
        let admin_user_name = format!("admin@{}", new.domain);
        let customer = Customer {
            id,
            commerce_id: Uuid::new_v4(),
            company_name: billing.company_name.as_str().to_owned(),
            domain: new.domain.as_str().to_owned(),
            organization_registration_number: new.organization_registration_number,
            created_at: now,
            billing: BillingProfile {
                company_name: billing.company_name.as_str().to_owned(),
                first_name: billing.first_name.as_str().to_owned(),
                last_name: billing.last_name.as_str().to_owned(),
                email: billing.email.as_str().to_owned(),
                phone_number: billing.phone_number.map(|p| p.as_str().to_owned()),
                culture: billing.culture,
                language: billing.language,
                address: billing.address,
                version: 1,
            },
            associated_partner_id: new.associated_partner_id,
            relationship: "reseller".into(),
        };
        let agreement = acceptance.map(|a| agreement_record(a, id, seller, now));
        let country = customer.billing.address.country;
        let order = if lines.is_empty() {
            None
        } else {
            Some(place_order(id, country, seller, lines, (catalog, markups), now)?)
        };
        Ok(Self {
            seller,
            customer,
            name_key,
            admin_user_name,
            agreement,
            order,
        })
    }
}

/// The record of an acceptance the seller's user attests to.
pub fn agreement_record(
    acceptance: AgreementAcceptance,
    customer_id: CustomerId,
    seller: Seller,
    now: OffsetDateTime,
) -> Agreement {
    let signer = acceptance.signer;
    Agreement {
        id: AgreementId::new(),
        customer_id,
        partner_id: seller.partner_id,
        user_id: seller.user_id,
        agreement_type: acceptance.template.agreement_type,
        template_id: acceptance.template.template_id,
        first_name: signer.first_name.as_str().to_owned(),
        last_name: signer.last_name.as_str().to_owned(),
        email: signer.email.as_str().to_owned(),
        phone_number: signer.phone_number.as_str().to_owned(),
        date_agreed: truncate_to_micros(acceptance.date_agreed),
        created_at: truncate_to_micros(now),
    }
}

/// An order and its subscriptions in the currency of the customer's `country`, committed
/// for each line's term from now, auto-renewing where the offer renews. Each line of an
/// offer with prices is priced in that market (its first charge included); a line whose
/// plan has no price there today is refused. The customer's price follows the seller's
/// `markups`. Friendly names default to the offer's
/// English name.
pub fn place_order(
    customer_id: CustomerId,
    country: CountryCode,
    seller: Seller,
    lines: Vec<OrderLine>,
    (catalog, markups): (&Catalog, &Markups),
    now: OffsetDateTime,
) -> Result<PlacedOrder, Vec<FieldError>> {
    let now = truncate_to_micros(now);
    let currency_code = country.info().currency_code.clone();
    let currency = Currency::parse(&currency_code).ok();
    let order_id = OrderId::new();
    let mut line_items = Vec::with_capacity(lines.len());
    let mut subscriptions = Vec::with_capacity(lines.len());
    let mut purchases = Vec::new();
    let mut errors = Errors::default();
    for (number, line) in (0u32..).zip(lines) {
        let index = usize::try_from(number).unwrap_or(usize::MAX);
        let offer = catalog.offer(&line.item.offer_id);
        let plan = line.item.plan;
        let term = plan.map_or_else(
            || offer.map_or("P1M", |o| o.term_duration.as_str()).to_owned(),
            |p| p.term().as_str().to_owned(),
        );
        let billing_cycle = plan.map_or("monthly", |p| p.cycle().as_str()).to_owned();
        let subscription_id = SubscriptionId::new();
        if let Some(list) = catalog.prices(&line.item.offer_id) {
            let priced = match (plan, currency) {
                (Some(plan), Some(currency)) => {
                    let rule = markups
                        .rule_for(Some(customer_id), &line.item.offer_id)
                        .map(|(r, _)| r);
                    price_purchase(list, country, currency, plan, line.item.quantity, now, rule)
                }
                _ => Err(BillingError::NoPriceInEffect),
            };
            match priced {
                Ok(purchase) => purchases.push((subscription_id, purchase)),
                Err(e) => errors.push(Field::Offer(index), e.into()),
            }
        }
        let friendly_name = line.item.friendly_name.clone().unwrap_or_else(|| {
            offer
                .map_or(line.item.offer_id.as_str(), |o| o.name(crate::Locale::EnUs))
                .to_owned()
        });
        let partner_id_on_record = line
            .item
            .partner_id_on_record
            .clone()
            .or_else(|| line.reseller.as_ref().map(|r| r.mpn_id.clone()));
        line_items.push(LineItem {
            line_number: number,
            offer_id: line.item.offer_id.clone(),
            quantity: line.item.quantity,
            subscription_id,
            friendly_name: friendly_name.clone(),
            partner_id_on_record: partner_id_on_record.clone(),
            parent_subscription_id: line.item.parent_subscription_id,
        });
        subscriptions.push(Subscription {
            id: subscription_id,
            customer_id,
            partner_id: seller.partner_id,
            reseller_id: line.reseller.map(|r| r.id),
            order_id,
            offer_id: line.item.offer_id,
            friendly_name,
            quantity: line.item.quantity,
            status: SubscriptionStatus::Active,
            parent_subscription_id: line.item.parent_subscription_id,
            partner_id_on_record,
            billing_cycle,
            commitment_end: commitment_end(now, &term),
            term_duration: term,
            auto_renew: offer.is_none_or(|o| o.is_auto_renewable),
            created_at: now,
            version: 1,
            next_term: None,
        });
    }
    if !errors.is_empty() {
        return Err(errors.into_vec());
    }
    Ok(PlacedOrder {
        order: Order {
            id: order_id,
            customer_id,
            partner_id: seller.partner_id,
            billing_cycle: "monthly".into(),
            currency_code,
            status: "completed".into(),
            created_at: now,
            line_items,
        },
        subscriptions,
        purchases,
    })
}

/// The end of a term (`P1M`, `P1Y`, `P3Y`, `PnD`) started at `start`; an unknown term is
/// one month.
pub fn commitment_end(start: OffsetDateTime, term: &str) -> OffsetDateTime {
    let months = match term.to_ascii_uppercase().as_str() {
        "P1Y" => 12,
        "P3Y" => 36,
        t => match t
            .strip_prefix('P')
            .and_then(|d| d.strip_suffix('D'))
            .and_then(|d| d.parse::<i64>().ok())
        {
            // A term past what a date can hold (the catalog is the operator's text) is
            // unknown too.
            Some(days) => match days
                .checked_mul(86_400)
                .and_then(|seconds| start.checked_add(Duration::seconds(seconds)))
            {
                Some(end) => return end,
                None => 1,
            },
            None => 1,
        },
    };
    add_months(start, months)
}

fn add_months(start: OffsetDateTime, months: i32) -> OffsetDateTime {
    let total = start.year() * 12 + i32::from(u8::from(start.month())) - 1 + months;
    let (year, month) = (total.div_euclid(12), total.rem_euclid(12) + 1);
    let month = u8::try_from(month)
        .ok()
        .and_then(|m| Month::try_from(m).ok())
        .unwrap_or(Month::January);
    let day = start.day().min(month.length(year));
    start
        .replace_day(1)
        .and_then(|d| d.replace_year(year))
        .and_then(|d| d.replace_month(month))
        .and_then(|d| d.replace_day(day))
        .unwrap_or(start)
}

/// Databases keep microseconds; so do the records, so that what is answered at creation
/// equals what is read back later.
pub fn truncate_to_micros(t: OffsetDateTime) -> OffsetDateTime {
    let micros = t.microsecond();
    t.replace_microsecond(micros).unwrap_or(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn terms_end_on_the_same_day_of_a_later_month() {
        assert_eq!(
            commitment_end(datetime!(2026-01-31 10:00 UTC), "P1M"),
            datetime!(2026-02-28 10:00 UTC)
        );
        assert_eq!(
            commitment_end(datetime!(2026-11-22 10:00 UTC), "P1Y"),
            datetime!(2027-11-22 10:00 UTC)
        );
        assert_eq!(
            commitment_end(datetime!(2026-12-15 10:00 UTC), "P1M"),
            datetime!(2027-01-15 10:00 UTC)
        );
        assert_eq!(
            commitment_end(datetime!(2024-02-29 0:00 UTC), "P3Y"),
            datetime!(2027-02-28 0:00 UTC)
        );
        assert_eq!(
            commitment_end(datetime!(2026-11-22 10:00 UTC), "P30D"),
            datetime!(2026-12-22 10:00 UTC)
        );
    }

    #[test]
    fn times_keep_microseconds_only() {
        let t = datetime!(2026-11-22 10:00:00.123456789 UTC);
        assert_eq!(truncate_to_micros(t), datetime!(2026-11-22 10:00:00.123456 UTC));
    }

    #[test]
    fn a_term_of_more_days_than_a_date_holds_is_one_month() {
        // Adding the days panicked; found while writing the fuzz targets.
        let start = datetime!(2026-01-31 10:00 UTC);
        for term in ["P99999999D", "P9223372036854775807D", "P-9223372036854775808D"] {
            assert_eq!(
                commitment_end(start, term),
                datetime!(2026-02-28 10:00 UTC),
                "{term}"
            );
        }
        assert_eq!(commitment_end(start, "P10D"), datetime!(2026-02-10 10:00 UTC));
    }
}
