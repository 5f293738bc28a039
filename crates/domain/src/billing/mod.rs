//! Billing's pure rules: money, terms and billing plans, prices and markups, the
//! new-commerce 7-day windows, charges with Partner Center's proration, invoice
//! arithmetic and numbering, billing periods. No I/O: the store records what these
//! functions compute, the web renders it. The facts they follow are in
//! `partner-center-billing-support.md` (section A); the choices where Partner Center's
//! documents disagree are in `docs/API-DESIGN.md`, "Billing".

pub mod calendar;
mod charge;
mod charge_type;
mod currency;
mod error;
mod invoice;
mod markup;
mod money;
mod numbering;
mod period;
mod price;
mod proration;
mod record;
#[cfg(test)]
mod scenario_tests;
mod term;
mod term_prices;
#[cfg(test)]
mod testing;
mod window;

pub use charge::{
    Charge, ChargeAmounts, CyclePrices, cancellation, cycle_charge, purchase, renewal, seat_change,
};
pub use charge_type::ChargeType;
pub use currency::Currency;
pub use error::BillingError;
pub use invoice::{InvoiceLineItem, InvoiceTotals, LineContext, Side, TaxRate};
pub use markup::{
    CustomerPriceRule, MAX_MARKUP_PERCENT, MarkupRule, Markups, RuleSource, customer_price, default_rule,
    margin, margin_percent,
};
pub use money::{Money, Rounding, parse_decimal, round_decimal};
pub use numbering::{DEFAULT_DIGITS, InvoiceNumber, InvoicePrefix, next_sequence};
pub use period::BillingPeriod;
pub use price::{LockedPrice, PriceList, PricePoint};
pub use proration::{ChargeCycle, effective_unit_price, prorated_total};
pub use record::{ChargeRecord, InvoiceRecord};
pub use term::{BillingCycle, BillingPlan, TermDuration};
pub use term_prices::{Due, Purchase, SubscriptionTerm, TermPrices, TermTotals, price_purchase};
pub use window::{
    RefundableDetail, RefundableQuantity, SeatBatch, WINDOW_HOURS, cancellation_allowed_until,
    check_cancellation, refundable_quantity, remove_seats, renewed_batches, window_end,
};
