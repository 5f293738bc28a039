//! The portals' errors. A page handler returns a [`PageError`] (an [`AppError`] from a use
//! case, or a form that can't be taken); the response carries it unrendered, and
//! [`render`], the portal routers' outermost layer, turns it into a page in the visitor's
//! language, after logging faults with the request's correlation id. Error responses
//! of the portals' routes that came without one (an unknown page, a wrong method, a
//! caught panic) are rendered the same way.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use partnerdesk_domain::Arg;
use partnerdesk_store::StoreError;

use crate::app::AppError;
use crate::app::UNAVAILABLE_RETRY_AFTER_SECONDS;
use crate::i18n;
use crate::middleware::CorrelationId;
use crate::state::AppState;
use crate::ui::cookies::Jar;
use crate::ui::csrf;
use crate::ui::layout::{Page, html, page_locale};

#[derive(Debug, Clone, PartialEq)]
pub enum PageError {
    App(AppError),
    /// A form without its CSRF token, or one that can't be read: nothing was done.
    BadForm,
}

impl From<AppError> for PageError {
    fn from(e: AppError) -> Self {
        PageError::App(e)
    }
}

impl From<StoreError> for PageError {
    fn from(e: StoreError) -> Self {
        PageError::App(e.into())
    }
}

impl PageError {
    pub fn not_found(message: &'static str) -> Self {
        PageError::App(AppError::NotFound(message))
    }

    pub fn status(&self) -> StatusCode {
        let PageError::App(e) = self else {
            return StatusCode::BAD_REQUEST;
        };
        match e {
            AppError::NotFound(_) | AppError::CountryRulesNotFound(_) => StatusCode::NOT_FOUND,
            AppError::Forbidden { .. }
            | AppError::ResellerForbidden
            | AppError::RelationshipRequestsUnavailable => StatusCode::FORBIDDEN,
            AppError::Invalid(_) => StatusCode::BAD_REQUEST,
            AppError::SignInFailed => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::DomainTaken(_)
            | AppError::AgreementAlreadyConfirmed
            | AppError::RequestIdReused
            | AppError::Stale => StatusCode::CONFLICT,
            AppError::Locked { .. } | AppError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable(_) | AppError::Busy { .. } => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The page's title and text message ids.
    fn messages(&self) -> (&'static str, &'static str) {
        match self {
            PageError::App(AppError::NotFound(_) | AppError::CountryRulesNotFound(_)) => {
                ("page-not-found-title", "page-not-found-text")
            }
            PageError::App(
                AppError::Forbidden { .. }
                | AppError::ResellerForbidden
                | AppError::RelationshipRequestsUnavailable,
            ) => ("page-forbidden-title", "page-forbidden-text"),
            PageError::App(
                AppError::Unavailable(_) | AppError::Busy { .. } | AppError::TooManyRequests { .. },
            ) => ("page-error-title", "page-unavailable-text"),
            PageError::App(AppError::Internal(_)) => ("page-error-title", "page-error-text"),
            _ => ("page-error-title", "form-expired"),
        }
    }
}

impl IntoResponse for PageError {
    /// The status and the unrendered error; [`render`] writes the page.
    fn into_response(self) -> Response {
        let mut response = self.status().into_response();
        if let PageError::App(AppError::TooManyRequests { seconds } | AppError::Busy { seconds }) = &self
            && let Ok(value) = seconds.to_string().parse()
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        response.extensions_mut().insert(Arc::new(self));
        response
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    page: Page,
    heading: String,
    text: String,
}

/// Renders the error responses of the portals' routes as pages.
pub async fn render(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let headers = request.headers().clone();
    let correlation = request
        .extensions()
        .get::<CorrelationId>()
        .map(|c| c.0.clone())
        .unwrap_or_default();
    let mut response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let error = match response.extensions_mut().remove::<Arc<PageError>>() {
        Some(error) => error,
        None if response.headers().contains_key(header::CONTENT_TYPE) => return response,
        None => Arc::new(match status {
            StatusCode::NOT_FOUND | StatusCode::METHOD_NOT_ALLOWED => {
                PageError::not_found("api-route-not-found")
            }
            StatusCode::SERVICE_UNAVAILABLE => {
                PageError::App(AppError::Unavailable("the answer took too long".into()))
            }
            s if s.is_server_error() => PageError::App(AppError::Internal(format!("{s} without detail"))),
            _ => PageError::BadForm,
        }),
    };
    match &*error {
        PageError::App(AppError::Internal(detail)) => {
            tracing::error!(correlation_id = %correlation, %detail, "internal error")
        }
        PageError::App(AppError::Unavailable(detail)) => {
            tracing::warn!(correlation_id = %correlation, %detail, "store unavailable")
        }
        _ => {}
    }
    let mut rendered = page(&state, &error, &headers, &correlation);
    for (name, value) in response.headers() {
        if name == header::SET_COOKIE || name == header::RETRY_AFTER {
            rendered.headers_mut().append(name.clone(), value.clone());
        }
    }
    if status == StatusCode::SERVICE_UNAVAILABLE && !rendered.headers().contains_key(header::RETRY_AFTER) {
        rendered
            .headers_mut()
            .insert(header::RETRY_AFTER, UNAVAILABLE_RETRY_AFTER_SECONDS.into());
    }
    rendered
}

fn page(state: &AppState, error: &PageError, headers: &HeaderMap, correlation: &str) -> Response {
    let jar = CookieJar::from_headers(headers);
    let secure = state.settings.secure_cookies;
    let locale = page_locale(&jar, headers, secure, None);
    let secret = [Jar::Session, Jar::Customer, Jar::SignIn]
        .into_iter()
        .find_map(|j| j.read(&jar, secure))
        .unwrap_or_default();
    let (title, text) = error.messages();
    let text = i18n::text_with(
        locale,
        text,
        &[("correlation", Arg::Text(correlation.to_owned()))],
    );
    let page = Page::anonymous(locale, title, csrf::token(&secret), "/customers");
    let heading = page.title.clone();
    html(error.status(), &ErrorPage { page, heading, text })
}
