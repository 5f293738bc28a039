//! The customer portal (`/customer`): the customer's admin signs in with the user name and
//! temporary password from the confirmation, must choose a password at first sign-in, and
//! then sees the invitations addressed to the tenant (accepting or declining them), its
//! partners, its subscriptions and the invoices its partners sent it.

mod home;
mod invoices;
mod session;
mod sign_in;
mod support;

use axum::Router;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::timeout::TimeoutLayer;

use crate::app::AppError;
use crate::state::AppState;
use crate::ui::upload::body_limit;
use crate::ui::{self, PageError};

/// Every page of the customer portal, with errors rendered as pages.
pub fn router(state: AppState) -> Router<AppState> {
    Router::new()
        .route("/customer", get(home::home))
        .route("/customer/sign-in", get(sign_in::page).post(sign_in::submit))
        .route("/customer/sign-out", post(sign_in::sign_out))
        .route(
            "/customer/password",
            get(sign_in::password_form).post(sign_in::change_password),
        )
        .route("/customer/invitations/{token}", get(home::invitation))
        .route("/customer/invoices/{invoice}", get(invoices::invoice))
        .route("/customer/invoices/{invoice}/reconciliation", get(invoices::file))
        .route("/customer/invoices/{invoice}/pdf", get(invoices::pdf))
        .route("/customer/invitations/{token}/answer", post(home::answer))
        .route("/customer/support", get(support::page))
        .route(
            "/customer/support/new",
            get(support::new_page)
                .post(support::open)
                .layer(body_limit(&state.settings.attachments)),
        )
        .route("/customer/support/{request}", get(support::request))
        .route("/customer/support/{request}/files/{file}", get(support::file))
        .route("/customer/support/{request}/notes", post(support::add_note))
        .route("/customer/support/{request}/status", post(support::set_status))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            state.settings.request_timeout,
        ))
        .layer(CatchPanicLayer::custom(|_| {
            PageError::App(AppError::Internal("a page panicked".into())).into_response()
        }))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            ui::flash::forget_shown,
        ))
        .layer(axum::middleware::from_fn_with_state(state, ui::render_errors))
}
