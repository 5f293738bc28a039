//! Billing on the pages: money rounded to the currency's minor units, grouped and signed
//! the locale's way, with the currency's symbol where the locale's readers know it and its
//! ISO code otherwise ("$1,234.50", "1 234,50 €", "US$1,234.50"); terms, billing plans
//! and charge types in words; an invoice's row and its lines grouped by customer, as the
//! partner portal and the customer portal show them.

use partnerdesk_domain::billing::{BillingPlan, ChargeType, InvoiceRecord, Money, Rounding};
use partnerdesk_domain::{CustomerId, Locale};
use partnerdesk_store::ChargeLine;
use rust_decimal::Decimal;
use time::OffsetDateTime;

use crate::cldr::{format_date, format_numeric_date};
use crate::cldr::{format_decimal, format_number};
use crate::i18n;

/// The term and billing plan in words (`One year, billed monthly`).
pub fn plan_words(locale: Locale, plan: BillingPlan) -> String {
    let id = format!(
        "plan-{}-{}",
        plan.term().as_str().to_ascii_lowercase(),
        plan.cycle().as_str()
    );
    i18n::text(locale, &id)
}

/// A charge line's type in words (`Seats added`).
pub fn charge_words(locale: Locale, charge: ChargeType) -> String {
    let mut id = String::from("charge-");
    for c in charge.as_str().chars() {
        if c.is_ascii_uppercase() {
            id.push('-');
        }
        id.push(c.to_ascii_lowercase());
    }
    i18n::text(locale, &id)
}

/// `money` as the locale writes an amount.
pub fn format_money(locale: Locale, money: Money) -> String {
    let currency = money.currency();
    let rounded = money.round(Rounding::HalfUp).amount();
    let digits = currency.minor_units();
    let text = format!("{:.*}", usize::try_from(digits).unwrap_or(2), rounded.abs());
    let number = format_decimal(locale, &text);
    let sign = if rounded.is_sign_negative() && !rounded.is_zero() {
        "-"
    } else {
        ""
    };
    let code = currency.code();
    match (locale, symbol(locale, code)) {
        (Locale::FrFr | Locale::RuRu, Some(symbol)) => format!("{sign}{number}\u{a0}{symbol}"),
        (Locale::FrFr | Locale::RuRu, None) => format!("{sign}{number}\u{a0}{code}"),
        (_, Some(symbol)) => format!("{sign}{symbol}{number}"),
        (_, None) => format!("{sign}{code}\u{a0}{number}"),
    }
}

/// A percent with its decimals as the locale writes it: "20.00%", "20,00 %" (the number
/// through CLDR, the sign placed as CLDR's percent patterns place it).
pub fn format_percent(locale: Locale, percent: Decimal) -> String {
    let number = format_decimal(locale, &percent.to_string());
    match locale {
        Locale::EnUs | Locale::ZhTw | Locale::ZhCn => format!("{number}%"),
        Locale::FrFr => format!("{number}\u{202f}%"),
        Locale::RuRu => format!("{number}\u{a0}%"),
    }
}

/// CLDR's narrow-enough symbol of `code` in `locale`, for the currencies the locale's
/// readers know by symbol.
fn symbol(locale: Locale, code: &str) -> Option<&'static str> {
    Some(match (locale, code) {
        (_, "EUR") => "€",
        (_, "GBP") => "£",
        (Locale::EnUs, "USD") => "$",
        (Locale::ZhTw | Locale::ZhCn, "USD") => "US$",
        (Locale::FrFr, "USD") => "$US",
        (Locale::RuRu, "USD") => "$",
        (Locale::ZhCn, "CNY") => "¥",
        (Locale::ZhTw, "TWD") => "$",
        (Locale::RuRu, "RUB") => "₽",
        (Locale::EnUs, "JPY") | (Locale::ZhCn | Locale::ZhTw, "JPY") => "¥",
        _ => return None,
    })
}

pub struct InvoiceRow {
    pub number: String,
    pub period: String,
    pub date: String,
    pub subtotal: String,
    pub tax: String,
    pub total: String,
    pub lines: String,
}

pub struct LineRow {
    pub product: String,
    pub plan: String,
    pub charge: String,
    pub dates: String,
    /// The dates in numbers, for the PDF's narrow column ("01.12.2026 – 31.12.2026").
    pub numeric_dates: String,
    pub quantity: String,
    pub amount: String,
    /// The line's tax at its customer's country's rate.
    pub tax: String,
}

pub struct CustomerLines {
    pub name: String,
    pub lines: Vec<LineRow>,
}

pub fn invoice_row(locale: Locale, i: &InvoiceRecord) -> InvoiceRow {
    let day = |d: time::Date| format_date(locale, d.midnight().assume_utc());
    InvoiceRow {
        number: i.number.clone(),
        period: format!("{} – {}", day(i.period.start), day(i.period.end)),
        date: day(i.invoice_date),
        subtotal: format_money(locale, i.totals.subtotal),
        tax: format_money(locale, i.totals.tax),
        total: format_money(locale, i.totals.total),
        lines: format_number(locale, i64::try_from(i.line_count).unwrap_or(i64::MAX)),
    }
}

/// Which price a line shows: the partner's cost, or its customer's price.
#[derive(Clone, Copy)]
pub enum Side {
    Cost,
    Customer,
}

/// `lines` grouped by customer, in the order each customer first appears.
pub fn by_customer(locale: Locale, lines: &[ChargeLine], side: Side) -> Vec<CustomerLines> {
    let mut groups: Vec<(CustomerId, CustomerLines)> = Vec::new();
    for line in lines {
        let row = line_row(locale, line, side);
        let customer = line.context.customer_id;
        match groups.iter_mut().find(|(id, _)| *id == customer) {
            Some((_, group)) => group.lines.push(row),
            None => groups.push((
                customer,
                CustomerLines {
                    name: line.context.customer_name.clone(),
                    lines: vec![row],
                },
            )),
        }
    }
    groups.into_iter().map(|(_, group)| group).collect()
}

fn line_row(locale: Locale, line: &ChargeLine, side: Side) -> LineRow {
    let charge = &line.record.charge;
    let amounts = match side {
        Side::Cost => &charge.cost,
        Side::Customer => &charge.customer,
    };
    let span = |format: fn(Locale, OffsetDateTime) -> String| {
        let day = |d: time::Date| format(locale, d.midnight().assume_utc());
        format!("{} – {}", day(charge.charge_start), day(charge.charge_end))
    };
    LineRow {
        product: line.context.product_name.clone(),
        plan: plan_words(locale, line.record.plan),
        charge: charge_words(locale, charge.charge_type),
        dates: span(format_date),
        numeric_dates: span(format_numeric_date),
        quantity: format_number(locale, i64::from(charge.quantity)),
        amount: format_money(locale, amounts.subtotal),
        // A tax too large to compute (beyond any real price) leaves the cell empty.
        tax: line
            .tax
            .tax_on(amounts.subtotal)
            .map_or_else(|_| String::new(), |tax| format_money(locale, tax)),
    }
}

#[cfg(test)]
#[expect(clippy::unwrap_used, reason = "a test fails loudly on an unexpected error")]
mod tests {
    use super::*;

    fn money(amount: &str, code: &str) -> Money {
        Money::parse(amount, code.parse().unwrap()).unwrap()
    }

    #[test]
    fn amounts_follow_the_locale_and_currency() {
        assert_eq!(format_money(Locale::EnUs, money("1234.5", "USD")), "$1,234.50");
        assert_eq!(format_money(Locale::EnUs, money("-94.08", "EUR")), "-€94.08");
        assert_eq!(
            format_money(Locale::FrFr, money("1234.5", "EUR")),
            "1\u{202f}234,50\u{a0}€"
        );
        assert_eq!(format_money(Locale::RuRu, money("0.005", "RUB")), "0,01\u{a0}₽");
        assert_eq!(format_money(Locale::ZhTw, money("10", "USD")), "US$10.00");
        assert_eq!(format_money(Locale::EnUs, money("1500", "JPY")), "¥1,500");
        assert_eq!(format_money(Locale::EnUs, money("7.5", "CHF")), "CHF\u{a0}7.50");
        assert_eq!(format_money(Locale::FrFr, money("-0.001", "EUR")), "0,00\u{a0}€");
        assert_eq!(
            charge_words(Locale::EnUs, ChargeType::CycleCharge),
            "Billing cycle charge"
        );
        assert_eq!(charge_words(Locale::FrFr, ChargeType::New), "Achat");
        let percent = Decimal::new(2000, 2);
        assert_eq!(format_percent(Locale::EnUs, percent), "20.00%");
        assert_eq!(format_percent(Locale::FrFr, percent), "20,00\u{202f}%");
        assert_eq!(format_percent(Locale::RuRu, percent), "20,00\u{a0}%");
    }
}
