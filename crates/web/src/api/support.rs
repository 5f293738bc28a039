//! Support through the API, shaped like Partner Center's: the partner's support profile
//! (`/v1/profiles/support`), service requests (`/v1/servicerequests`, and under a
//! customer), and support topics. A list pages by seek: `size`, then `seekOperation=Next`
//! with the `MS-ContinuationToken` of the previous page and the same filters.

use axum::Json;
use axum::extract::{FromRequestParts, RawPathParams, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderName};
use axum::response::Response;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use partnerdesk_domain::catalog::Catalog;
use partnerdesk_domain::support::{NewRequestInput, RequestStatus, Severity, TOPICS, Visibility};
use partnerdesk_domain::{CustomerId, Locale};
use partnerdesk_store::{AssigneeFilter, MAX_REQUEST_PAGE, RequestQuery, ServiceRequest};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::OffsetDateTime;

use crate::api::auth::{ApiCaller, Lang};
use crate::api::created::{IdempotencyKey, created};
use crate::api::error::ApiError;
use crate::api::json::ApiJson;
use crate::api::query::{self, ApiQuery};
use crate::api::requests;
use crate::api::resources::Collection;
use crate::api::resources::support::{ServiceRequestResource, SupportProfileResource, SupportTopicResource};
use crate::api::{param, params};
use crate::app::support::{self, NOT_FOUND, Reader};
use crate::app::{AppError, Caller, customers};
use crate::state::AppState;

const CONTINUATION: HeaderName = HeaderName::from_static("ms-continuationtoken");

/// Get your support profile
///
/// Answers 404 until the profile was published.
#[utoipa::path(
    get,
    path = "/v1/profiles/support",
    tag = "Support",
    responses(
        (status = 200, description = "The profile", body = SupportProfileResource),
        (status = 404, description = "Not published yet", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn get_profile(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
) -> Result<Json<SupportProfileResource>, ApiError> {
    let profile = support::profile(&state, &caller)
        .await?
        .ok_or(ApiError::NotFound("api-support-profile-not-found"))?;
    Ok(Json(SupportProfileResource::new(profile)))
}

/// Publish your support profile
///
/// Replaces the whole profile (admin agents). An email or a telephone number is required;
/// the telephone in international form; the website an `http(s)://` address. Your
/// customers see it in the customer portal; an indirect reseller's customers see the
/// reseller's.
#[utoipa::path(
    put,
    path = "/v1/profiles/support",
    tag = "Support",
    request_body = SupportProfileResource,
    responses(
        (status = 200, description = "The profile as published", body = SupportProfileResource),
        (status = 400, description = "A value is invalid", body = crate::api::error::ErrorBody),
        (status = 403, description = "Only admin agents publish it", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn put_profile(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    body: ApiJson<SupportProfileResource>,
) -> Result<Json<SupportProfileResource>, ApiError> {
    let profile = support::set_profile(&state, &caller, &body.value.input())
        .await
        .map_err(placed)?;
    Ok(Json(SupportProfileResource::new(profile)))
}

/// List the support topics
///
/// Names and descriptions in the language of `X-Locale`.
#[utoipa::path(
    get,
    path = "/v1/servicerequests/supporttopics",
    tag = "Support",
    responses((status = 200, description = "Every topic", body = Collection<SupportTopicResource>)),
    security(("bearer" = []))
)]
pub(crate) async fn topics(Lang(locale): Lang) -> Json<Collection<SupportTopicResource>> {
    let items = TOPICS
        .iter()
        .map(|t| SupportTopicResource::new(*t, locale))
        .collect();
    Json(Collection::new(items, "servicerequests/supporttopics"))
}

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub(crate) struct ListParams {
    /// Requests per page (100 when absent).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 200)]
    size: Option<String>,
    /// Only requests with this status.
    #[param(value_type = Option<String>, pattern = "^(open|attention_needed|closed)$")]
    status: Option<String>,
    /// Only requests of this severity.
    #[param(value_type = Option<String>, pattern = "^(critical|moderate|minimal)$")]
    severity: Option<String>,
    /// `me`, `none`, or an agent's id: only requests assigned so.
    #[param(value_type = Option<String>)]
    assignee: Option<String>,
    /// `true`: only requests past a target and not closed.
    #[param(value_type = Option<bool>)]
    overdue: Option<String>,
    /// `Next`, with the `MS-ContinuationToken` header of the previous page.
    #[serde(rename = "seekOperation")]
    #[param(rename = "seekOperation", value_type = Option<String>, pattern = "^Next$")]
    seek_operation: Option<String>,
}

/// What a continuation token carries: the filters it continues, the last id, the size.
#[derive(Serialize, Deserialize)]
struct Token {
    q: String,
    a: i64,
    s: u32,
}

impl ListParams {
    /// The query these parameters ask for, and its filters as a query string.
    fn query(&self, caller: &Caller, headers: &HeaderMap) -> Result<(RequestQuery, String), ApiError> {
        let invalid = |parameter, message| ApiError::Query { parameter, message };
        let status = query::optional(self.status.as_deref(), "status", "query-request-status", |s| {
            RequestStatus::parse(s).ok().filter(|v| v.as_str() == s)
        })?;
        let severity = query::optional(self.severity.as_deref(), "severity", "query-severity", |s| {
            Severity::parse(s).ok().filter(|v| v.as_str() == s)
        })?;
        let assignee = query::optional(
            self.assignee.as_deref(),
            "assignee",
            "query-assignee",
            |s| match s {
                "me" => Some(AssigneeFilter::User(caller.user_id())),
                "none" => Some(AssigneeFilter::Nobody),
                id => id.parse().ok().map(AssigneeFilter::User),
            },
        )?;
        let overdue = query::optional(self.overdue.as_deref(), "overdue", "query-overdue", |s| match s {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        })?;
        let size = query::number(
            self.size.as_deref(),
            100,
            (1, MAX_REQUEST_PAGE),
            "size",
            "query-request-size",
        )?;
        let mut filters = format!("size={size}");
        for (name, value) in [
            ("status", &self.status),
            ("severity", &self.severity),
            ("assignee", &self.assignee),
            ("overdue", &self.overdue),
        ] {
            if let Some(value) = value {
                filters.push_str(&format!("&{name}={value}"));
            }
        }
        let (before, size) = match self.seek_operation.as_deref() {
            None => (None, size),
            Some("Next") => {
                let token: Token = headers
                    .get(&CONTINUATION)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|t| URL_SAFE_NO_PAD.decode(t.trim()).ok())
                    .and_then(|bytes| serde_json::from_slice(&bytes).ok())
                    .filter(|t: &Token| t.q == filters)
                    .ok_or_else(|| invalid("MS-ContinuationToken", "query-continuation"))?;
                (Some(token.a), token.s.clamp(1, MAX_REQUEST_PAGE))
            }
            Some(_) => return Err(invalid("seekOperation", "query-seek-operation")),
        };
        let query = RequestQuery {
            status,
            severity,
            customer: None,
            assignee,
            overdue_at: overdue.filter(|o| *o).map(|_| OffsetDateTime::now_utc()),
            before,
            limit: size,
        };
        Ok((query, filters))
    }
}

/// A page of requests, with the link to the next one when it is full.
fn page(
    requests: &[ServiceRequest],
    locale: Locale,
    catalog: &Catalog,
    base: &str,
    filters: String,
    size: u32,
) -> Collection<ServiceRequestResource> {
    let items = requests
        .iter()
        .map(|r| ServiceRequestResource::new(r, locale, catalog))
        .collect();
    let uri = format!("{base}?{filters}");
    let mut collection = Collection::new(items, uri);
    let full = u32::try_from(requests.len()).is_ok_and(|n| n == size);
    if let (true, Some(last)) = (full, requests.last()) {
        let token = Token {
            q: filters,
            a: last.id,
            s: size,
        };
        collection =
            collection.with_next(URL_SAFE_NO_PAD.encode(serde_json::to_vec(&token).unwrap_or_default()));
    }
    collection
}

/// List your service requests
///
/// Those addressed or escalated to you, newest first (sales agents read; admin and
/// helpdesk agents work them).
#[utoipa::path(
    get,
    path = "/v1/servicerequests",
    tag = "Support",
    params(ListParams, ("MS-ContinuationToken" = Option<String>, Header, description = "With seekOperation=Next")),
    responses(
        (status = 200, description = "A page, newest first", body = Collection<ServiceRequestResource>),
        (status = 400, description = "A parameter is invalid", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn list(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Lang(locale): Lang,
    headers: HeaderMap,
    ApiQuery(params): ApiQuery<ListParams>,
) -> Result<Json<Collection<ServiceRequestResource>>, ApiError> {
    let (query, filters) = params.query(&caller, &headers)?;
    let size = query.limit;
    let found = support::queue(&state, &caller, query).await?;
    let catalog = customers::catalog(&state).await?;
    Ok(Json(page(
        &found,
        locale,
        &catalog,
        "servicerequests",
        filters,
        size,
    )))
}

/// List a customer's service requests
#[utoipa::path(
    get,
    path = "/v1/customers/{customer}/servicerequests",
    tag = "Support",
    params(("customer" = String, Path, description = "Customer id"), ListParams, ("MS-ContinuationToken" = Option<String>, Header, description = "With seekOperation=Next")),
    responses(
        (status = 200, description = "A page, newest first", body = Collection<ServiceRequestResource>),
        (status = 400, description = "A parameter is invalid", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn customer_list(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Lang(locale): Lang,
    crate::api::CustomerPath(customer): crate::api::CustomerPath,
    headers: HeaderMap,
    ApiQuery(params): ApiQuery<ListParams>,
) -> Result<Json<Collection<ServiceRequestResource>>, ApiError> {
    let (mut query, filters) = params.query(&caller, &headers)?;
    crate::app::customers::customer(&state, &caller, customer).await?;
    query.customer = Some(customer);
    let size = query.limit;
    let found = support::queue(&state, &caller, query).await?;
    let base = format!("customers/{customer}/servicerequests");
    let catalog = customers::catalog(&state).await?;
    Ok(Json(page(&found, locale, &catalog, &base, filters, size)))
}

/// The request a path names (`servicerequests/{request}`, or under a customer).
pub(crate) struct RequestPath(Option<CustomerId>, i64);

impl<S: Send + Sync> FromRequestParts<S> for RequestPath {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let params: RawPathParams = params(parts, state).await?;
        let customer = match params.iter().any(|(k, _)| k == "customer") {
            true => Some(param(&params, "customer", "api-customer-not-found")?),
            false => None,
        };
        Ok(RequestPath(customer, param(&params, "request", NOT_FOUND)?))
    }
}

/// The request as the caller reads it, if it is the customer's the path names.
async fn read(
    state: &AppState,
    caller: &Caller,
    RequestPath(customer, id): &RequestPath,
) -> Result<ServiceRequest, ApiError> {
    let found = support::request(state, Reader::Partner(caller), *id).await?;
    if customer.is_some_and(|c| c != found.customer_id) {
        return Err(ApiError::NotFound(NOT_FOUND));
    }
    Ok(found)
}

/// Get a service request
///
/// With its thread as you may read it: notes for everyone, notes for the partners on it,
/// and your own organization's internal notes.
#[utoipa::path(
    get,
    path = "/v1/servicerequests/{request}",
    tag = "Support",
    params(("request" = String, Path, description = "The request's number")),
    responses(
        (status = 200, description = "The request", body = ServiceRequestResource),
        (status = 404, description = "No such request for you", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn get(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Lang(locale): Lang,
    path: RequestPath,
) -> Result<Json<ServiceRequestResource>, ApiError> {
    let found = read(&state, &caller, &path).await?;
    let catalog = customers::catalog(&state).await?;
    Ok(Json(ServiceRequestResource::new(&found, locale, &catalog)))
}

/// Get a customer's service request
#[utoipa::path(
    get,
    path = "/v1/customers/{customer}/servicerequests/{request}",
    tag = "Support",
    params(("customer" = String, Path, description = "Customer id"), ("request" = String, Path, description = "The request's number")),
    responses(
        (status = 200, description = "The request", body = ServiceRequestResource),
        (status = 404, description = "No such request of this customer for you", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn customer_get(
    state: State<AppState>,
    caller: ApiCaller,
    lang: Lang,
    path: RequestPath,
) -> Result<Json<ServiceRequestResource>, ApiError> {
    get(state, caller, lang, path).await
}

/// A file a request's path names: `servicerequests/{request}/files/{file}`.
pub(crate) struct FilePath(i64, i64);

impl<S: Send + Sync> FromRequestParts<S> for FilePath {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let params: RawPathParams = params(parts, state).await?;
        let request = param(&params, "request", NOT_FOUND)?;
        Ok(FilePath(
            request,
            param(&params, "file", support::FILE_NOT_FOUND)?,
        ))
    }
}

/// Download a file attached to a service request (Partnerdesk)
///
/// The request's `fileLinks` name its files. Served as the type its content was checked
/// to be, to save rather than to show.
#[utoipa::path(
    get,
    path = "/v1/servicerequests/{request}/files/{file}",
    tag = "Support",
    params(
        ("request" = String, Path, description = "The request's number"),
        ("file" = String, Path, description = "The file's number within the request, from 1"),
    ),
    responses(
        (status = 200, description = "The file", content(
            (String = "application/pdf"), (String = "image/png"), (String = "image/jpeg"), (String = "image/gif"),
            (String = "text/plain; charset=utf-8"), (String = "text/csv; charset=utf-8"),
        ), headers(("Content-Disposition" = String, description = "`attachment` with the file's name"))),
        (status = 404, description = "No such request for you, or no such file on it", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn file(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    FilePath(request, seq): FilePath,
) -> Result<Response, ApiError> {
    let (file, bytes) = support::file(&state, Reader::Partner(&caller), request, seq).await?;
    Ok(crate::attachment::download(&file, bytes))
}

/// `POST /v1/servicerequests/{locale}`: a request on behalf of one of your customers.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct NewServiceRequest {
    /// The customer it is about (Partnerdesk: a partner's request is on a customer's behalf).
    #[schema(format = Uuid)]
    customer_id: Option<String>,
    #[schema(min_length = 1, max_length = 200)]
    title: Option<String>,
    #[schema(min_length = 1, max_length = 10000)]
    description: Option<String>,
    /// `critical`, `moderate` or `minimal`.
    #[schema(value_type = String, pattern = "^(critical|moderate|minimal)$", example = "critical")]
    severity: Option<Value>,
    /// One of the support topics' ids (`GET /v1/servicerequests/supporttopics`).
    #[schema(value_type = u32, minimum = 32444601, maximum = 32444606, example = 32444601)]
    support_topic_id: Option<Value>,
    /// The subscription it is about (Partnerdesk): one of the customer's that you sell.
    #[schema(format = Uuid)]
    subscription_id: Option<String>,
}

/// A body's string, exactly as the document lists it: one of `names`. Anything else
/// (another case, a number) becomes a value the rules refuse, naming the property.
fn listed(value: Option<&Value>, names: &[&str]) -> String {
    match value {
        None => String::new(),
        Some(Value::String(s)) if names.contains(&s.as_str()) => s.clone(),
        Some(_) => REFUSED.to_owned(),
    }
}

/// A body's whole number, as text; anything else becomes a refused value.
fn number(value: Option<&Value>) -> String {
    match value {
        None => String::new(),
        Some(Value::Number(n)) if n.is_u64() => n.to_string(),
        Some(_) => REFUSED.to_owned(),
    }
}

/// What no rule accepts.
const REFUSED: &str = "?";

/// Open a service request
///
/// On behalf of one of your customers, addressed to you; the path's last segment is the
/// agent's locale (Partner Center's path), such as `en-US`. With `MS-RequestId`, a retry
/// gets the same answer instead of a second request.
#[utoipa::path(
    post,
    path = "/v1/servicerequests/{request}",
    tag = "Support",
    request_body = NewServiceRequest,
    params(
        ("request" = String, Path, description = "The agent's locale: en-US, zh-TW, zh-CN, fr-FR or ru-RU", example = "en-US"),
        ("MS-RequestId" = Option<String>, Header, description = "Idempotency key"),
    ),
    responses(
        (status = 201, description = "The new request", body = ServiceRequestResource,
         headers(("Location" = String, description = "The new request"))),
        (status = 400, description = "A value is invalid, or the customer is missing", body = crate::api::error::ErrorBody),
        (status = 403, description = "Only admin and helpdesk agents open requests", body = crate::api::error::ErrorBody),
        (status = 404, description = "Unknown locale, or no such customer for you", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn create(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    path: RawPathParams,
    key: IdempotencyKey,
    body: ApiJson<NewServiceRequest>,
) -> Result<Response, ApiError> {
    let locale = path
        .iter()
        .find(|(k, _)| *k == "request")
        .and_then(|(_, v)| Locale::from_tag(v))
        .ok_or(ApiError::NotFound("api-locale-not-found"))?;
    let key = key.for_body(&body.digest);
    let b = &body.value;
    let customer = b
        .customer_id
        .as_deref()
        .unwrap_or_default()
        .parse::<CustomerId>()
        .map_err(|_| {
            ApiError::from(AppError::field(partnerdesk_domain::FieldError::new(
                partnerdesk_domain::Field::Customer,
                partnerdesk_domain::Rule::Required,
            )))
        })?;
    let input = NewRequestInput {
        title: b.title.clone().unwrap_or_default(),
        description: b.description.clone().unwrap_or_default(),
        severity: listed(b.severity.as_ref(), &["critical", "moderate", "minimal"]),
        topic: number(b.support_topic_id.as_ref()),
        subscription: b.subscription_id.clone().unwrap_or_default(),
    };
    let catalog = customers::catalog(&state).await?;
    let outcome = support::open_as_partner(&state, &caller, customer, &input, Vec::new(), key, move |r| {
        ServiceRequestResource::new(r, locale, &catalog)
    })
    .await
    .map_err(placed)?;
    created(outcome, |r| format!("/v1/servicerequests/{}", r.id))
}

/// `PATCH`: one change per request — a note, a status, an assignee, or an escalation
/// (with its reason as the note).
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct UpdateServiceRequest {
    new_note: Option<NewNote>,
    /// `open`, `attention_needed` (waiting for the customer) or `closed`.
    #[schema(value_type = Option<String>, pattern = "^(open|attention_needed|closed)$", example = "closed")]
    status: Option<Value>,
    /// An admin or helpdesk agent's id; empty: nobody (Partnerdesk).
    assignee: Option<String>,
    /// `true`: hands the request one level up, with `newNote.text` as the reason
    /// (Partnerdesk): an indirect reseller to its indirect provider, a direct partner or
    /// an indirect provider to the deployment's operator.
    escalate: Option<bool>,
}

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct NewNote {
    #[schema(min_length = 1, max_length = 10000)]
    text: Option<String>,
    /// `public` (the customer reads it; the default), `partners` (the partners on the
    /// request and, once it is escalated to it, the operator) or `internal` (your
    /// organization).
    #[schema(value_type = Option<String>, pattern = "^(public|partners|internal)$", example = "public")]
    visibility: Option<String>,
}

/// The one change a `PATCH` asks for.
enum Change<'a> {
    Note(&'a str, Visibility),
    Status(String),
    Assign(&'a str),
    Escalate(&'a str),
}

impl UpdateServiceRequest {
    /// The change this body asks for; the message id of what is wrong with it otherwise.
    fn change(&self) -> Result<Change<'_>, &'static str> {
        let text = self
            .new_note
            .as_ref()
            .and_then(|n| n.text.as_deref())
            .unwrap_or_default();
        let mut changes = Vec::new();
        if self.escalate == Some(true) {
            changes.push(Change::Escalate(text));
        } else if let Some(note) = &self.new_note {
            let visibility = match note.visibility.as_deref() {
                None => Visibility::Public,
                Some(v) => v.parse().map_err(|_| "api-note-visibility")?,
            };
            changes.push(Change::Note(text, visibility));
        }
        if let Some(status) = &self.status {
            changes.push(Change::Status(listed(
                Some(status),
                &["open", "attention_needed", "closed"],
            )));
        }
        if let Some(assignee) = &self.assignee {
            changes.push(Change::Assign(assignee));
        }
        match changes.len() {
            0 => Err("api-service-request-no-change"),
            1 => Ok(changes.remove(0)),
            _ => Err("api-service-request-one-change"),
        }
    }
}

/// Change a service request
///
/// Send one change: `newNote` (a public note is the first response), `status`,
/// `assignee`, or `escalate` with `newNote`.
#[utoipa::path(
    patch,
    path = "/v1/servicerequests/{request}",
    tag = "Support",
    request_body = UpdateServiceRequest,
    params(("request" = String, Path, description = "The request's number")),
    responses(
        (status = 200, description = "The request afterwards", body = ServiceRequestResource),
        (status = 400, description = "No change, more than one, or an invalid value", body = crate::api::error::ErrorBody),
        (status = 403, description = "Sales agents only read requests", body = crate::api::error::ErrorBody),
        (status = 404, description = "No such request for you", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn update(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Lang(locale): Lang,
    path: RequestPath,
    body: ApiJson<UpdateServiceRequest>,
) -> Result<Json<ServiceRequestResource>, ApiError> {
    read(&state, &caller, &path).await?;
    let id = path.1;
    let b = &body.value;
    let reader = Reader::Partner(&caller);
    let change = b
        .change()
        .map_err(|message| ApiError::InvalidValue(crate::i18n::text(locale, message)))?;
    let updated = match change {
        Change::Note(text, visibility) => support::add_note(&state, reader, id, text, visibility).await,
        Change::Status(status) => support::set_status(&state, reader, id, &status).await,
        Change::Assign(assignee) => support::assign(&state, &caller, id, assignee).await,
        Change::Escalate(reason) => support::escalate(&state, &caller, id, reason).await,
    }
    .map_err(placed)?;
    let catalog = customers::catalog(&state).await?;
    Ok(Json(ServiceRequestResource::new(&updated, locale, &catalog)))
}

/// A use case's error, with refused values placed at their paths in support's bodies.
fn placed(e: AppError) -> ApiError {
    ApiError::placed(e, |f| requests::path(f, requests::FLAT))
}

/// Change a customer's service request
#[utoipa::path(
    patch,
    path = "/v1/customers/{customer}/servicerequests/{request}",
    tag = "Support",
    request_body = UpdateServiceRequest,
    params(("customer" = String, Path, description = "Customer id"), ("request" = String, Path, description = "The request's number")),
    responses(
        (status = 200, description = "The request afterwards", body = ServiceRequestResource),
        (status = 400, description = "No change, more than one, or an invalid value", body = crate::api::error::ErrorBody),
        (status = 403, description = "Sales agents only read requests", body = crate::api::error::ErrorBody),
        (status = 404, description = "No such request of this customer for you", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn customer_update(
    state: State<AppState>,
    caller: ApiCaller,
    lang: Lang,
    path: RequestPath,
    body: ApiJson<UpdateServiceRequest>,
) -> Result<Json<ServiceRequestResource>, ApiError> {
    update(state, caller, lang, path, body).await
}
