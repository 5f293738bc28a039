//! The **Billing** workspace: the partner's invoices from the operator with their lines by
//! customer, the charges of the month not yet invoiced, and the price list with the
//! customer price rules; a customer's Billing tab. Admin agents and billing admins; sales
//! agents see the prices.

mod customer;
mod invoices;
mod prices;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

pub fn pages() -> Router<AppState> {
    Router::new()
        .route("/billing", get(invoices::page))
        .route("/billing/invoices/{number}", get(invoices::invoice))
        .route("/billing/invoices/{number}/reconciliation", get(invoices::file))
        .route("/billing/invoices/{number}/pdf", get(invoices::pdf))
        .route("/billing/prices", get(prices::page).post(prices::set))
        .route(
            "/customers/{customer}/billing",
            get(customer::page).post(customer::set),
        )
        .route("/customers/{customer}/invoices/{number}", get(customer::invoice))
        .route(
            "/customers/{customer}/invoices/{number}/reconciliation",
            get(customer::file),
        )
        .route("/customers/{customer}/invoices/{number}/pdf", get(customer::pdf))
}
