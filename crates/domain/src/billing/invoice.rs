//! Invoice arithmetic: line items shaped like Partner Center's `OneTimeInvoiceLineItem`
//! (facts file A4), tax from a rate given per customer country (prices are
//! tax-exclusive), and totals that are the sums of the lines (facts file A5: "The invoice
//! total equals the sum of `Total`"). One invoice is in one currency; totals refuse a mix.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use time::Date;

use super::{
    BillingError, BillingPlan, Charge, ChargeType, Currency, InvoiceNumber, Money, Rounding, parse_decimal,
};
use crate::country::CountryCode;
use crate::{CustomerId, OfferId, OrderId, PartnerId, SubscriptionId};

/// A tax rate in percent (0–100), as configured for a customer's country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TaxRate(Decimal);

impl TaxRate {
    /// No tax: the default where none is configured.
    pub const NONE: TaxRate = TaxRate(Decimal::ZERO);

    /// Parses a percent (`19`, `8.25`).
    pub fn parse(input: &str) -> Result<Self, BillingError> {
        let percent = parse_decimal(input)?;
        if percent.is_sign_negative() && !percent.is_zero() || percent > Decimal::ONE_HUNDRED {
            return Err(BillingError::TaxRateOutOfRange);
        }
        Ok(Self(percent.normalize()))
    }

    pub fn percent(&self) -> Decimal {
        self.0
    }

    /// The tax on a line's subtotal, rounded half up to the currency's minor units, per
    /// line (each line shows its tax; the invoice's tax is their sum). A refund's tax is
    /// negative.
    pub fn tax_on(&self, subtotal: Money) -> Result<Money, BillingError> {
        Ok(subtotal
            .checked_mul(self.0)?
            .checked_div(Decimal::ONE_HUNDRED)?
            .round(Rounding::HalfUp))
    }
}

/// Which side of a charge an invoice bills: the partner's cost (the partner invoice,
/// Partner Center's) or the customer's price (the partner's invoice to its customer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Cost,
    Customer,
}

/// What a line says besides its money: the customer, order, product and subscription.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineContext {
    /// The party billed: the partner (partner invoice) or its seller (customer invoice).
    pub partner_id: PartnerId,
    pub customer_id: CustomerId,
    pub customer_name: String,
    pub customer_domain_name: String,
    pub customer_country: CountryCode,
    /// The indirect reseller it was sold through (`resellerMpnId`, 0 when direct).
    pub reseller_id: Option<PartnerId>,
    pub order_id: OrderId,
    pub order_date: Date,
    pub product_id: OfferId,
    pub product_name: String,
    pub unit_type: String,
    pub subscription_id: SubscriptionId,
    pub subscription_description: String,
    pub subscription_start_date: Date,
    pub subscription_end_date: Date,
    /// Term and billing cycle (`termAndBillingCycle`, `billingFrequency`).
    pub plan: BillingPlan,
    /// Links the two lines of a seat change or conversion (`referenceId`).
    pub reference_id: Option<String>,
}

/// One invoice line item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceLineItem {
    pub context: LineContext,
    /// The invoice it is on; `None` while unbilled (Partner Center sends `""`).
    pub invoice_number: Option<InvoiceNumber>,
    pub charge_type: ChargeType,
    pub charge_start_date: Date,
    pub charge_end_date: Date,
    pub unit_price: Money,
    pub effective_unit_price: Money,
    pub quantity: u32,
    pub subtotal: Money,
    pub tax_total: Money,
    /// `totalForCustomer`: subtotal plus tax.
    pub total: Money,
}

impl InvoiceLineItem {
    /// The line of `charge` on `side`, taxed at `tax`.
    pub fn new(
        context: LineContext,
        charge: &Charge,
        side: Side,
        tax: TaxRate,
    ) -> Result<Self, BillingError> {
        let amounts = match side {
            Side::Cost => charge.cost,
            Side::Customer => charge.customer,
        };
        let tax_total = tax.tax_on(amounts.subtotal)?;
        Ok(Self {
            context,
            invoice_number: None,
            charge_type: charge.charge_type,
            charge_start_date: charge.charge_start,
            charge_end_date: charge.charge_end,
            unit_price: amounts.unit_price,
            effective_unit_price: amounts.effective_unit_price,
            quantity: charge.quantity,
            subtotal: amounts.subtotal,
            tax_total,
            total: amounts.subtotal.checked_add(tax_total)?,
        })
    }

    pub fn currency(&self) -> Currency {
        self.total.currency()
    }

    /// The reconciliation file's `BillingFrequency` (blank for upfront).
    pub fn billing_frequency(&self) -> &'static str {
        self.context.plan.cycle().billing_frequency()
    }
}

/// An invoice's totals: the sums of its lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvoiceTotals {
    pub subtotal: Money,
    pub tax: Money,
    pub total: Money,
}

impl InvoiceTotals {
    /// The totals of `lines`, all in `currency` (zero for none); refused for a line in
    /// another currency.
    pub fn of<'a, I>(currency: Currency, lines: I) -> Result<Self, BillingError>
    where
        I: IntoIterator<Item = &'a InvoiceLineItem>,
    {
        let zero = Money::zero(currency);
        lines.into_iter().try_fold(
            Self {
                subtotal: zero,
                tax: zero,
                total: zero,
            },
            |t, line| {
                Ok(Self {
                    subtotal: t.subtotal.checked_add(line.subtotal)?,
                    tax: t.tax.checked_add(line.tax_total)?,
                    total: t.total.checked_add(line.total)?,
                })
            },
        )
    }

    /// The totals per currency of lines of several currencies (an unbilled view, or a
    /// summary over invoices), in currency code order.
    pub fn per_currency<'a, I>(lines: I) -> Result<BTreeMap<Currency, Self>, BillingError>
    where
        I: IntoIterator<Item = &'a InvoiceLineItem>,
    {
        let mut grouped: BTreeMap<Currency, Vec<&InvoiceLineItem>> = BTreeMap::new();
        for line in lines {
            grouped.entry(line.currency()).or_default().push(line);
        }
        grouped
            .into_iter()
            .map(|(c, lines)| Ok((c, Self::of(c, lines)?)))
            .collect()
    }
}

#[cfg(test)]
#[expect(clippy::unwrap_used, reason = "a test fails loudly on an unexpected error")]
mod tests {
    use time::macros::date;

    use super::*;
    use crate::billing::testing::eur;
    use crate::billing::{CyclePrices, purchase, seat_change};

    fn plan() -> BillingPlan {
        BillingPlan::parse("P1M", "monthly").unwrap()
    }

    fn context() -> LineContext {
        LineContext {
            partner_id: PartnerId::new(),
            customer_id: CustomerId::new(),
            customer_name: "Contoso".into(),
            customer_domain_name: "contoso.onmicrosoft.com".into(),
            customer_country: CountryCode::parse("DE").unwrap(),
            reseller_id: None,
            order_id: OrderId::new(),
            order_date: date!(2024 - 06 - 18),
            product_id: OfferId::parse("CFQ7TTC0LH18").unwrap(),
            product_name: "Microsoft 365 Business Basic".into(),
            unit_type: "Licenses".into(),
            subscription_id: SubscriptionId::new(),
            subscription_description: "Contoso M365".into(),
            subscription_start_date: date!(2024 - 06 - 18),
            subscription_end_date: date!(2024 - 07 - 17),
            plan: plan(),
            reference_id: None,
        }
    }

    fn prices() -> CyclePrices {
        CyclePrices {
            cost: eur("10.08"),
            customer: eur("12"),
        }
    }

    #[test]
    fn tax_rates_are_percents_from_zero_to_a_hundred() {
        assert_eq!(TaxRate::parse("19").unwrap().percent().to_string(), "19");
        assert_eq!(TaxRate::parse("8.250").unwrap().percent().to_string(), "8.25");
        for bad in ["-1", "100.5", "", "x"] {
            assert!(TaxRate::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(TaxRate::default(), TaxRate::NONE);
    }

    #[test]
    fn tax_is_rounded_half_up_per_line_and_mirrors_on_refunds() {
        let vat = TaxRate::parse("19").unwrap();
        // 112.89 × 19% = 21.4491 → 21.45; 94.08 × 19% = 17.8752 → 17.88.
        assert_eq!(vat.tax_on(eur("112.89")), Ok(eur("21.45")));
        assert_eq!(vat.tax_on(eur("-94.08")), Ok(eur("-17.88")));
        // 0.50 × 5% = 0.025 → 0.03 (half up).
        assert_eq!(TaxRate::parse("5").unwrap().tax_on(eur("0.5")), Ok(eur("0.03")));
        assert_eq!(TaxRate::NONE.tax_on(eur("10.08")), Ok(eur("0")));
    }

    #[test]
    fn an_invoices_totals_are_the_sums_of_its_lines() {
        // The facts file's seat-change example on the partner invoice, with 19% tax:
        // new 100.80, addQuantity −94.08 and +112.89.
        let vat = TaxRate::parse("19").unwrap();
        let new = purchase(plan(), date!(2024 - 06 - 18), 10, prices()).unwrap();
        let [refund, charge] = seat_change(
            plan(),
            date!(2024 - 06 - 18),
            date!(2024 - 06 - 20),
            10,
            12,
            prices(),
        )
        .unwrap();
        let lines: Vec<InvoiceLineItem> = [new, refund, charge]
            .iter()
            .map(|c| InvoiceLineItem::new(context(), c, Side::Cost, vat).unwrap())
            .collect();
        assert_eq!(lines[1].subtotal, eur("-94.08"));
        assert_eq!(lines[1].total, eur("-111.96"));
        let t = InvoiceTotals::of("EUR".parse().unwrap(), &lines).unwrap();
        assert_eq!(t.subtotal, eur("119.61"));
        assert_eq!(t.tax, eur("22.72")); // 19.15 − 17.88 + 21.45
        assert_eq!(t.total, eur("142.33"));
        assert_eq!(t.subtotal.checked_add(t.tax), Ok(t.total));
    }

    #[test]
    fn the_customer_invoice_bills_the_customers_price() {
        let new = purchase(plan(), date!(2024 - 06 - 18), 10, prices()).unwrap();
        let line = InvoiceLineItem::new(context(), &new, Side::Customer, TaxRate::NONE).unwrap();
        assert_eq!(
            (line.unit_price, line.subtotal, line.total),
            (eur("12"), eur("120"), eur("120"))
        );
        assert_eq!(line.billing_frequency(), "Monthly");
        assert_eq!(line.invoice_number, None);
    }

    #[test]
    fn totals_refuse_a_line_in_another_currency_and_group_per_currency() {
        let new = purchase(plan(), date!(2024 - 06 - 18), 1, prices()).unwrap();
        let usd_prices = CyclePrices {
            cost: Money::parse("5", "USD".parse().unwrap()).unwrap(),
            customer: Money::parse("6", "USD".parse().unwrap()).unwrap(),
        };
        let other = purchase(plan(), date!(2024 - 06 - 18), 1, usd_prices).unwrap();
        let lines = [
            InvoiceLineItem::new(context(), &new, Side::Cost, TaxRate::NONE).unwrap(),
            InvoiceLineItem::new(context(), &other, Side::Cost, TaxRate::NONE).unwrap(),
        ];
        assert!(matches!(
            InvoiceTotals::of("EUR".parse().unwrap(), &lines),
            Err(BillingError::CurrencyMismatch { .. })
        ));
        let per = InvoiceTotals::per_currency(&lines).unwrap();
        let codes: Vec<&str> = per.keys().map(|c| c.code()).collect();
        assert_eq!(codes, ["EUR", "USD"]);
        assert_eq!(per[&"USD".parse().unwrap()].total.amount().to_string(), "5.00");
        let empty = InvoiceTotals::of("EUR".parse().unwrap(), []).unwrap();
        assert!(empty.total.is_zero());
    }
}
