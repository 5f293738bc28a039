//! The API's errors. A handler returns an [`ApiError`] (an [`AppError`] from a use case,
//! or a problem with the request itself); the response carries it unrendered, and
//! [`render`], the API router's outermost layer, turns it into Partner Center's error body
//! (`{code, description, data, source}`) in the language of the request, after logging
//! faults with the request's correlation id. Error responses of the API's routes that
//! came without an `ApiError` (a wrong method, a caught panic) are rendered the same way.

use std::sync::Arc;

use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use partnerdesk_domain::{Arg, Field, FieldError, Locale, Rule};
use partnerdesk_store::StoreError;
use serde::Serialize;

use crate::app::AppError;
use crate::app::UNAVAILABLE_RETRY_AFTER_SECONDS;
use crate::i18n;
use crate::middleware::{CorrelationId, request_locale};

/// Where a refused value was, as a JSON path (`billingProfile.defaultAddress.city`) or a
/// query parameter name.
pub type Path = String;

#[derive(Debug, Clone)]
pub enum ApiError {
    /// Values the rules refused: 400, except where Partner Center answers otherwise.
    Invalid(Vec<(Path, Rule)>),
    /// A request the API can't read, without a more specific reason.
    BadRequest,
    /// A query parameter with a wrong value (`query-*` message id).
    Query {
        parameter: &'static str,
        message: &'static str,
    },
    Unauthorized,
    TokenInvalid,
    Forbidden {
        role: String,
    },
    ResellerForbidden,
    NotFound(&'static str),
    CountryRulesNotFound(String),
    MethodNotAllowed,
    MalformedJson(String),
    InvalidValue(String),
    UnsupportedMediaType,
    PayloadTooLarge(usize),
    DomainTaken(String),
    AgreementAlreadyConfirmed,
    RequestIdReused,
    PreconditionFailed,
    PreconditionRequired,
    TooManyRequests {
        seconds: u64,
    },
    /// The server is busy with this kind of work: 503 with `Retry-After`.
    Busy {
        seconds: u64,
    },
    RelationshipRequestsUnavailable,
    Unavailable(String),
    /// A fault: the detail is logged, never sent.
    Internal(String),
}

/// Partner Center's error body, with the newer services' `errorName` and `isRetryable`.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ErrorBody {
    /// Partner Center's error code where it has one; see docs/API-DESIGN.md.
    pub code: u32,
    /// What went wrong, in the language of `X-Locale`.
    pub description: String,
    pub error_name: &'static str,
    /// One entry per refused value.
    pub data: Vec<ErrorDetail>,
    pub source: &'static str,
    pub is_retryable: bool,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ErrorDetail {
    /// The JSON path or query parameter of the value.
    pub field: String,
    pub code: u32,
    pub error_name: &'static str,
    pub message: String,
}

impl ApiError {
    /// Field errors from the domain, placed with `place`.
    pub fn fields(errors: Vec<FieldError>, place: impl Fn(Field) -> String) -> Self {
        ApiError::Invalid(errors.into_iter().map(|e| (place(e.field), e.rule)).collect())
    }

    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::Invalid(errors) => match errors.first().map(|(_, r)| r) {
                Some(Rule::AgreementRequired) => StatusCode::FORBIDDEN,
                Some(Rule::ParentNotActive) => StatusCode::CONFLICT,
                _ => StatusCode::BAD_REQUEST,
            },
            ApiError::BadRequest
            | ApiError::Query { .. }
            | ApiError::MalformedJson(_)
            | ApiError::InvalidValue(_) => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized | ApiError::TokenInvalid => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden { .. }
            | ApiError::ResellerForbidden
            | ApiError::RelationshipRequestsUnavailable => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) | ApiError::CountryRulesNotFound(_) => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::DomainTaken(_) | ApiError::AgreementAlreadyConfirmed | ApiError::RequestIdReused => {
                StatusCode::CONFLICT
            }
            ApiError::PreconditionFailed => StatusCode::PRECONDITION_FAILED,
            ApiError::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            ApiError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Unavailable(_) | ApiError::Busy { .. } => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// `(code, errorName, message id, arguments)` of an error that isn't about values.
    fn summary(&self, correlation: &str) -> (u32, &'static str, &'static str, Vec<(&'static str, Arg)>) {
        let text = |s: &str| Arg::Text(s.to_owned());
        match self {
            ApiError::Invalid(_) | ApiError::Query { .. } => {
                (3000, "InvalidInput", "api-fields-invalid", vec![])
            }
            ApiError::BadRequest => (3000, "BadRequest", "api-bad-request", vec![]),
            ApiError::Unauthorized => (400, "Unauthorized", "api-unauthorized", vec![]),
            ApiError::TokenInvalid => (400, "TokenInvalid", "api-token-invalid", vec![]),
            ApiError::Forbidden { role } => {
                (600006, "Forbidden", "api-forbidden", vec![("role", text(role))])
            }
            ApiError::ResellerForbidden => (600006, "ResellerForbidden", "api-reseller-forbidden", vec![]),
            ApiError::NotFound(message) => (1000, "NotFound", message, vec![]),
            ApiError::CountryRulesNotFound(country) => (
                1000,
                "NotFound",
                "api-country-rules-not-found",
                vec![("country", text(country))],
            ),
            ApiError::MethodNotAllowed => (405, "MethodNotAllowed", "api-method-not-allowed", vec![]),
            ApiError::MalformedJson(detail) => (
                770400,
                "MalformedJson",
                "api-malformed-json",
                vec![("detail", text(detail))],
            ),
            ApiError::InvalidValue(detail) => (
                3000,
                "InvalidValue",
                "api-invalid-value",
                vec![("detail", text(detail))],
            ),
            ApiError::UnsupportedMediaType => (
                770415,
                "UnsupportedMediaType",
                "api-unsupported-media-type",
                vec![],
            ),
            ApiError::PayloadTooLarge(max) => (
                770413,
                "PayloadTooLarge",
                "api-payload-too-large",
                vec![("max", Arg::Number(i64::try_from(*max).unwrap_or(i64::MAX)))],
            ),
            ApiError::DomainTaken(domain) => (
                Rule::DomainTaken.code(),
                "DomainTaken",
                "api-domain-taken",
                vec![("domain", text(domain))],
            ),
            ApiError::AgreementAlreadyConfirmed => (
                600061,
                "PartnerConfirmedAgreementAlreadyExists",
                "error-agreement-already-confirmed",
                vec![],
            ),
            ApiError::RequestIdReused => (770422, "RequestIdReused", "api-request-id-reused", vec![]),
            ApiError::PreconditionFailed => (2055, "EtagMismatch", "api-precondition-failed", vec![]),
            ApiError::PreconditionRequired => (770428, "EtagRequired", "api-precondition-required", vec![]),
            ApiError::TooManyRequests { seconds } => (
                429,
                "TooManyRequests",
                "api-too-many-requests",
                vec![(
                    "seconds",
                    Arg::Number(i64::try_from(*seconds).unwrap_or(i64::MAX)),
                )],
            ),
            ApiError::RelationshipRequestsUnavailable => (
                600006,
                "NotAvailableInCloud",
                "api-relationship-requests-unavailable",
                vec![],
            ),
            ApiError::Unavailable(_) | ApiError::Busy { .. } => {
                (770503, "ServiceUnavailable", "api-unavailable", vec![])
            }
            ApiError::Internal(_) => (
                770500,
                "InternalError",
                "api-internal",
                vec![("correlation", text(correlation))],
            ),
        }
    }

    /// The body, in `locale`.
    pub fn body(&self, locale: Locale, correlation: &str) -> ErrorBody {
        let data: Vec<ErrorDetail> = match self {
            ApiError::Invalid(errors) => errors
                .iter()
                .map(|(path, rule)| ErrorDetail {
                    field: path.clone(),
                    code: rule.code(),
                    error_name: rule.name(),
                    message: i18n::rule(locale, rule),
                })
                .collect(),
            ApiError::DomainTaken(_) => vec![ErrorDetail {
                field: "companyProfile.domain".into(),
                code: Rule::DomainTaken.code(),
                error_name: Rule::DomainTaken.name(),
                message: i18n::rule(locale, &Rule::DomainTaken),
            }],
            ApiError::Query { parameter, message } => vec![ErrorDetail {
                field: (*parameter).to_owned(),
                code: 3000,
                error_name: "InvalidParameter",
                message: i18n::text(locale, message),
            }],
            _ => Vec::new(),
        };
        let (mut code, mut error_name, message, args) = self.summary(correlation);
        let description = if data.is_empty() || matches!(self, ApiError::DomainTaken(_)) {
            i18n::text_with(locale, message, &args)
        } else {
            if let [only] = data.as_slice() {
                (code, error_name) = (only.code, only.error_name);
            } else if let Some(first) = data.first().filter(|d| d.code != 3000) {
                (code, error_name) = (first.code, first.error_name);
            }
            let count = i64::try_from(data.len()).unwrap_or(i64::MAX);
            let mut text = i18n::text_with(locale, "api-fields-invalid", &[("count", Arg::Number(count))]);
            for detail in &data {
                text.push_str(&format!(" {}: {}", detail.field, detail.message));
            }
            truncate(text, 1024)
        };
        ErrorBody {
            code,
            description,
            error_name,
            data,
            source: "Partnerdesk",
            is_retryable: matches!(
                self,
                ApiError::TooManyRequests { .. }
                    | ApiError::Busy { .. }
                    | ApiError::Unavailable(_)
                    | ApiError::Internal(_)
            ),
        }
    }
}

fn truncate(mut text: String, max_chars: usize) -> String {
    if let Some((cut, _)) = text.char_indices().nth(max_chars) {
        text.truncate(cut);
    }
    text
}

impl From<AppError> for ApiError {
    /// A use case's error; refused values are placed by their property name (handlers
    /// whose bodies nest them place them with [`ApiError::placed`]).
    fn from(e: AppError) -> Self {
        ApiError::placed(e, |f| f.name().to_owned())
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        AppError::from(e).into()
    }
}

impl ApiError {
    /// Maps a store error, saying `message` when what wasn't found is not the customer.
    pub fn not_found_as(message: &'static str) -> impl Fn(StoreError) -> ApiError {
        move |e| AppError::not_found_as(message)(e).into()
    }

    /// A use case's error, with refused values placed by `place`.
    pub fn placed(e: AppError, place: impl Fn(Field) -> String) -> Self {
        match e {
            AppError::Invalid(errors) => ApiError::fields(errors, place),
            AppError::Forbidden { role } => ApiError::Forbidden {
                role: role.to_string(),
            },
            AppError::ResellerForbidden => ApiError::ResellerForbidden,
            AppError::NotFound(message) => ApiError::NotFound(message),
            AppError::CountryRulesNotFound(country) => ApiError::CountryRulesNotFound(country),
            AppError::DomainTaken(domain) => ApiError::DomainTaken(domain),
            AppError::AgreementAlreadyConfirmed => ApiError::AgreementAlreadyConfirmed,
            AppError::RequestIdReused => ApiError::RequestIdReused,
            AppError::Stale => ApiError::PreconditionFailed,
            AppError::RelationshipRequestsUnavailable => ApiError::RelationshipRequestsUnavailable,
            AppError::SignInFailed => ApiError::Unauthorized,
            AppError::Locked { minutes } => ApiError::TooManyRequests {
                seconds: u64::try_from(minutes.max(1) * 60).unwrap_or(60),
            },
            AppError::TooManyRequests { seconds } => ApiError::TooManyRequests { seconds },
            AppError::Busy { seconds } => ApiError::Busy { seconds },
            AppError::Unavailable(m) => ApiError::Unavailable(m),
            AppError::Internal(m) => ApiError::Internal(m),
        }
    }
}

impl IntoResponse for ApiError {
    /// The status and the unrendered error; [`render_errors`] writes the body.
    fn into_response(self) -> Response {
        let mut response = self.status().into_response();
        if let ApiError::TooManyRequests { seconds } | ApiError::Busy { seconds } = &self
            && let Ok(value) = HeaderValue::from_str(&seconds.to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        if matches!(self, ApiError::Unauthorized | ApiError::TokenInvalid) {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response.extensions_mut().insert(Arc::new(self));
        response
    }
}

/// The error's JSON body in `locale`.
fn json(error: &ApiError, locale: Locale, correlation: &str) -> serde_json::Value {
    let body = error.body(locale, correlation);
    match error {
        // Partner Center's throttling answer has its own shape; keep the error body's
        // fields beside it so that either kind of client understands it.
        ApiError::TooManyRequests { .. } => serde_json::json!({
            "statusCode": 429,
            "message": body.description,
            "code": body.code,
            "description": body.description,
            "errorName": body.error_name,
            "data": [],
            "source": body.source,
            "isRetryable": true,
        }),
        _ => serde_json::to_value(&body).unwrap_or_default(),
    }
}

/// Renders the error responses of the API's routes: the [`ApiError`] a handler returned,
/// or one made from the status of an error response that came without (a wrong method, a
/// caught panic).
pub async fn render(request: Request, next: Next) -> Response {
    let locale = request_locale(request.headers());
    let correlation = request
        .extensions()
        .get::<CorrelationId>()
        .map(|c| c.0.clone())
        .unwrap_or_default();
    let method = request.method().clone();
    let mut response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let error = match response.extensions_mut().remove::<Arc<ApiError>>() {
        Some(error) => error,
        None => Arc::new(match status {
            StatusCode::NOT_FOUND => ApiError::NotFound("api-route-not-found"),
            StatusCode::METHOD_NOT_ALLOWED => ApiError::MethodNotAllowed,
            StatusCode::PAYLOAD_TOO_LARGE => ApiError::PayloadTooLarge(0),
            StatusCode::SERVICE_UNAVAILABLE => ApiError::Unavailable("the answer took too long".into()),
            s if s.is_server_error() => ApiError::Internal(format!("{s} without detail")),
            StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiError::UnsupportedMediaType,
            _ => ApiError::BadRequest,
        }),
    };
    match &*error {
        ApiError::Internal(detail) => {
            tracing::error!(correlation_id = %correlation, %detail, "internal error")
        }
        ApiError::Unavailable(detail) => {
            tracing::warn!(correlation_id = %correlation, %detail, "store unavailable")
        }
        _ => {}
    }
    let (mut parts, _) = response.into_parts();
    if parts.status == StatusCode::SERVICE_UNAVAILABLE && !parts.headers.contains_key(header::RETRY_AFTER) {
        parts.headers.insert(
            header::RETRY_AFTER,
            HeaderValue::from(UNAVAILABLE_RETRY_AFTER_SECONDS),
        );
    }
    let json = json(&error, locale, &correlation);
    parts
        .headers
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    parts.headers.remove(header::CONTENT_LENGTH);
    let body = if method == axum::http::Method::HEAD {
        axum::body::Body::empty()
    } else {
        axum::body::Body::from(json.to_string())
    };
    Response::from_parts(parts, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn busy_password_workers_answer_503_with_retry_after() {
        let response = ApiError::from(AppError::Busy { seconds: 1 }).into_response();
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(
            response
                .headers()
                .get(header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok()),
            Some("1")
        );
        let body = ApiError::Busy { seconds: 1 }.body(Locale::default(), "c");
        assert_eq!((body.code, body.is_retryable), (770503, true));
    }

    #[tokio::test]
    async fn every_503_says_when_to_retry() {
        use axum::Router;
        use axum::routing::get;
        use tower_service::Service;

        let app = Router::new()
            .route(
                "/down",
                get(|| async { ApiError::from(AppError::Unavailable("disk full".into())) }),
            )
            .route("/slow", get(|| async { StatusCode::SERVICE_UNAVAILABLE }))
            .route("/busy", get(|| async { ApiError::Busy { seconds: 7 } }))
            .layer(axum::middleware::from_fn(render));
        for (path, wait) in [("/down", "2"), ("/slow", "2"), ("/busy", "7")] {
            let request = Request::builder().uri(path).body(axum::body::Body::empty());
            let response = match request {
                Ok(request) => app.clone().call(request).await,
                Err(e) => panic!("{e}"),
            };
            let response = response.unwrap_or_else(|e| match e {});
            assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE, "{path}");
            assert_eq!(
                response
                    .headers()
                    .get(header::RETRY_AFTER)
                    .and_then(|v| v.to_str().ok()),
                Some(wait),
                "{path}"
            );
        }
    }
}
