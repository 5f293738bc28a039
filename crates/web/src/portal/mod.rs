//! The partner portal: server-rendered pages for partner users, in five languages. Every
//! page works without JavaScript; `static/app.js` only makes some of them quicker. Pages
//! call the use cases in `app` and render them with the kit in `ui`; they never reach
//! into the API.

pub(crate) mod activity;
mod activity_story;
mod billing;
mod customer_account;
pub(crate) mod customer_list;
mod customer_tabs;
mod customer_users;
pub(crate) mod customers;
mod order;
mod relationship_request;
mod resellers;
pub mod session;
mod settings;
mod sign_in;
mod subscription;
mod support;
mod tokens;
mod users;
pub(crate) mod wizard;

use axum::Router;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::timeout::TimeoutLayer;

use crate::app::AppError;
use crate::state::AppState;
use crate::ui::{self, PageError};

/// Every page of the partner portal, with the shared ones (the language switcher, the
/// stylesheet and script), and errors rendered as pages.
pub fn router(state: AppState) -> Router<AppState> {
    Router::new()
        .route("/", get(|| async { Redirect::to("/customers") }))
        .route("/sign-in", get(sign_in::page).post(sign_in::submit))
        .route("/sign-out", post(sign_in::sign_out))
        .route("/language", post(ui::language::choose))
        .route("/static/{file}", get(ui::assets::serve))
        .merge(customer_pages())
        .merge(billing::pages())
        .merge(support::pages(&state.settings.attachments))
        .route("/resellers", get(resellers::page).post(resellers::invite))
        .route("/users", get(users::page).post(users::invite))
        .route("/users/{user}", post(users::change))
        .route("/users/{user}/invitation", post(users::invitation))
        .route(
            "/set-password/{token}",
            get(users::set_password_page).post(users::set_password),
        )
        .route("/tokens", get(tokens::page).post(tokens::create))
        .route("/settings", get(settings::page).post(settings::save))
        .route("/tokens/{token}/revoke", post(tokens::revoke))
        .route("/activity", get(activity::page))
        .route("/activity.csv", get(activity::csv))
        .fallback(|| async { PageError::not_found("api-route-not-found") })
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

/// The Customers workspace: the list, a customer and its subscriptions, the wizard.
fn customer_pages() -> Router<AppState> {
    Router::new()
        .route("/customers", get(customer_list::list))
        .route("/customers/export.csv", get(customer_list::export))
        .route("/customers/new", get(wizard::resume))
        .route(
            "/customers/new/account",
            get(wizard::account::page).post(wizard::account::submit),
        )
        .route(
            "/customers/new/subscriptions",
            get(wizard::subscriptions::page).post(wizard::subscriptions::submit),
        )
        .route(
            "/customers/new/review",
            get(wizard::review::page).post(wizard::review::submit),
        )
        .route("/customers/new/confirmation", get(wizard::confirmation::page))
        .route("/customers/new/done", post(wizard::confirmation::done))
        .route("/customers/new/cancel", post(wizard::cancel))
        .route("/customers/new/domain", get(wizard::account::domain_check))
        .route(
            "/customers/relationship-request",
            get(relationship_request::page).post(relationship_request::create),
        )
        .route("/customers/{customer}", get(customers::detail))
        .route(
            "/customers/{customer}/account",
            get(customer_account::account).post(customer_account::save_account),
        )
        .route(
            "/customers/{customer}/agreement",
            get(customer_account::agreement).post(customer_account::record_agreement),
        )
        .route(
            "/customers/{customer}/subscriptions",
            get(customer_tabs::subscriptions),
        )
        .route("/customers/{customer}/users", get(customer_users::page))
        .route(
            "/customers/{customer}/users/{user}/reset-password",
            post(customer_users::reset),
        )
        .route("/customers/{customer}/activity", get(customer_tabs::activity))
        .route(
            "/customers/{customer}/order",
            get(order::page).post(order::submit),
        )
        .route(
            "/customers/{customer}/subscriptions/{subscription}",
            get(subscription::page).post(subscription::change),
        )
        .route(
            "/customers/{customer}/subscriptions/{subscription}/addons",
            post(subscription::buy_add_on),
        )
}
