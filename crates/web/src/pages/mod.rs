//! The portal: server-rendered pages for partner users, in five languages. Every page
//! works without JavaScript; `static/app.js` only makes some of them quicker.

mod activity;
pub mod assets;
mod customer_portal;
mod customers;
mod form;
pub mod layout;
mod order;
mod relationship_request;
mod resellers;
pub mod session;
mod sign_in;
mod subscription;
mod tokens;
mod users;
mod wizard;

use askama::Template;
use axum::Json;
use axum::Router;
use axum::extract::{Query, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use crate::error::ApiError;
use crate::pages::layout::{Page, html};
use crate::pages::session::{SESSION_COOKIE, SIGN_IN_COOKIE, SignedIn, cookie, csrf_token, page_locale};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(|| async { Redirect::to("/customers") }))
        .route("/sign-in", get(sign_in::page).post(sign_in::submit))
        .route("/sign-out", post(sign_in::sign_out))
        .route("/language", post(sign_in::language))
        .route("/customers", get(customers::list))
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
        .route("/customers/new/domain", get(domain_check))
        .route("/customer", get(customer_portal::home))
        .route(
            "/customer/sign-in",
            get(customer_portal::sign_in_form).post(customer_portal::sign_in),
        )
        .route("/customer/sign-out", post(customer_portal::sign_out))
        .route(
            "/customer/password",
            get(customer_portal::password_form).post(customer_portal::change_password),
        )
        .route("/customer/invitations/{token}", get(customer_portal::invitation))
        .route(
            "/customer/invitations/{token}/answer",
            post(customer_portal::answer),
        )
        .route("/resellers", get(resellers::page).post(resellers::invite))
        .route("/users", get(users::page).post(users::invite))
        .route("/users/{user}", post(users::change))
        .route(
            "/set-password/{token}",
            get(users::set_password_page).post(users::set_password),
        )
        .route("/tokens", get(tokens::page).post(tokens::create))
        .route("/tokens/{token}/revoke", post(tokens::revoke))
        .route("/activity", get(activity::page))
        .route("/activity.csv", get(activity::csv))
        .route(
            "/customers/relationship-request",
            get(relationship_request::page).post(relationship_request::create),
        )
        .route("/customers/{customer}", get(customers::detail))
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
        .route("/static/{file}", get(assets::serve))
}

#[derive(Deserialize)]
struct DomainQuery {
    prefix: Option<String>,
}

/// The live domain check of the account step: `{available, message}`.
async fn domain_check(
    State(state): State<AppState>,
    user: SignedIn,
    Query(query): Query<DomainQuery>,
) -> Response {
    let account = partnerdesk_domain::draft::AccountForm {
        domain_prefix: query.prefix.unwrap_or_default(),
        ..Default::default()
    };
    let message = wizard::account::domain_status(&state, &account, user.locale).await;
    Json(serde_json::json!({ "message": message })).into_response()
}

const PORTAL_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
    connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
/// The API reference page's bundled Swagger UI styles some elements inline.
const DOCS_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; \
    connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

/// Security headers on every response.
pub async fn security_headers(request: Request, next: Next) -> Response {
    let docs = request.uri().path().starts_with("/docs");
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let policy = if docs { DOCS_POLICY } else { PORTAL_POLICY };
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(policy));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    response
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    page: Page,
    heading: String,
    text: String,
}

/// An error as a page, in the visitor's language.
pub fn error_page(error: &ApiError, headers: &axum::http::HeaderMap, correlation: &str) -> Response {
    let locale = page_locale(headers, None);
    let secret = cookie(headers, SESSION_COOKIE)
        .or_else(|| cookie(headers, SIGN_IN_COOKIE))
        .unwrap_or_default();
    let t = |id: &str| crate::i18n::text(locale, id);
    let (title, text) = match error {
        ApiError::NotFound(_) | ApiError::CountryRulesNotFound(_) | ApiError::MethodNotAllowed => {
            ("page-not-found-title", t("page-not-found-text"))
        }
        ApiError::Forbidden { .. } | ApiError::ResellerForbidden => {
            ("page-forbidden-title", t("page-forbidden-text"))
        }
        ApiError::Unavailable(_) => ("page-error-title", t("page-unavailable-text")),
        ApiError::Internal(_) => (
            "page-error-title",
            crate::i18n::text_with(
                locale,
                "page-error-text",
                &[(
                    "correlation",
                    partnerdesk_domain::Arg::Text(correlation.to_owned()),
                )],
            ),
        ),
        _ => ("page-error-title", t("form-expired")),
    };
    let page = Page::anonymous(locale, title, csrf_token(secret), "/customers");
    let heading = page.title.clone();
    let status = error.status();
    html(
        if status == StatusCode::METHOD_NOT_ALLOWED {
            StatusCode::NOT_FOUND
        } else {
            status
        },
        &ErrorPage { page, heading, text },
    )
}
