//! `POST /v1/customers`: one transaction creates the customer, its admin user, the
//! relationship to the partner (and its reseller), and, as Partnerdesk extensions, the
//! agreement acceptance and the first order with its subscriptions.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use partnerdesk_domain::agreement::AgreementAcceptance;
use partnerdesk_domain::catalog::Catalog;
use partnerdesk_domain::country::CountryCode;
use partnerdesk_domain::customer::{CustomerContext, NewCustomer};
use partnerdesk_domain::onboarding::{Onboarding, Seller};
use partnerdesk_domain::order::parse_line_items;
use partnerdesk_domain::partner::Permission;
use partnerdesk_domain::{Field, FieldError, Rule};
use partnerdesk_store::{Conflict, StoreError, secrets};
use time::OffsetDateTime;

use crate::api::auth::Caller;
use crate::api::idempotency::{RequestKey, replay};
use crate::api::json::ApiJson;
use crate::api::requests::{self, Blanks, CREATE_CUSTOMER, CreateCustomerRequest};
use crate::api::resources::commerce::{AgreementResource, OrderResource};
use crate::api::resources::customer::{CustomerResource, UserCredentials};
use crate::api::sellers;
use crate::error::ApiError;
use crate::state::AppState;

/// Create a customer
///
/// Creates the customer tenant with its admin user and, optionally, records its acceptance
/// of the customer agreement and places its first order, all in one transaction. The
/// response carries the admin's temporary password: it is shown this once.
#[utoipa::path(
    post,
    path = "/v1/customers",
    tag = "Customers",
    request_body = CreateCustomerRequest,
    params(
        ("MS-RequestId" = Option<String>, Header, description = "Idempotency key: a retry with the same id returns the original response"),
        ("X-Locale" = Option<String>, Header, description = "Language of error descriptions"),
    ),
    responses(
        (status = 201, description = "Created", body = CustomerResource),
        (status = 400, description = "A value is invalid", body = crate::error::ErrorBody),
        (status = 403, description = "Role not allowed, or an order without agreement (13605)", body = crate::error::ErrorBody),
        (status = 409, description = "The domain is taken", body = crate::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn create_customer(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    body: ApiJson<CreateCustomerRequest>,
) -> Result<Response, ApiError> {
    caller.require(Permission::AddCustomer)?;
    let key = RequestKey::new(&headers, "POST /v1/customers", &body.digest);
    if let Some(replayed) = replay(&state, caller.partner_id(), key.as_ref()).await? {
        return Ok(replayed);
    }
    let catalog = state.store.catalog().await?;
    let onboarding = onboarding(&state, &caller, &body.value, &catalog).await?;
    let domain = onboarding.customer.domain.clone();
    let mut resource = CustomerResource::new(&onboarding.customer, true);
    resource.user_credentials = Some(UserCredentials {
        user_name: onboarding.admin_user_name.clone(),
        password: None,
    });
    resource.agreement = onboarding.agreement.as_ref().map(|a| {
        let link = state
            .settings
            .profile
            .agreement_of_type(&a.agreement_type)
            .map(|t| t.link.as_str());
        AgreementResource::new(a, link)
    });
    resource.order = onboarding.order.as_ref().map(|o| OrderResource::new(&o.order));
    let password = secrets::generate_password();
    let record = key
        .as_ref()
        .map(|k| {
            k.record(
                caller.partner_id(),
                StatusCode::CREATED,
                &resource,
                Some(&password),
            )
        })
        .transpose()?;
    let hash = secrets::hash_generated_password(&password);
    match state
        .store
        .onboard_customer(onboarding, hash, record, caller.actor())
        .await
    {
        Ok(()) => {}
        Err(StoreError::Conflict(Conflict::Domain)) => return Err(ApiError::DomainTaken(domain)),
        Err(StoreError::Conflict(Conflict::RequestId)) => {
            // Another request with this id committed first: answer as it was answered.
            return replay(&state, caller.partner_id(), key.as_ref())
                .await?
                .ok_or_else(|| ApiError::Internal("a claimed request id without a response".into()));
        }
        Err(e) => return Err(e.into()),
    }
    metrics::counter!("customers_created_total").increment(1);
    let location = format!("/v1/customers/{}", resource.id);
    if let Some(credentials) = resource.user_credentials.as_mut() {
        credentials.password = Some(password);
    }
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(resource),
    )
        .into_response())
}

/// Checks the whole request and builds the onboarding, or reports every problem at once.
async fn onboarding(
    state: &AppState,
    caller: &Caller,
    request: &CreateCustomerRequest,
    catalog: &Catalog,
) -> Result<Onboarding, ApiError> {
    let profile = &state.settings.profile;
    let blanks = Blanks::default();
    let input = request.input(&blanks);
    let context = CustomerContext {
        profile,
        partner_kind: caller.kind(),
        partner_domains: &caller.0.partner_domains,
    };
    let now = OffsetDateTime::now_utc();
    let mut errors: Vec<FieldError> = Vec::new();
    let customer = NewCustomer::parse(&input, &context)
        .map_err(|e| errors.extend(e))
        .ok();
    let country = CountryCode::parse(input.billing.address.country).ok();
    let acceptance = match (&request.agreement, country) {
        (Some(agreement), Some(country)) => {
            AgreementAcceptance::parse(&agreement.input(&blanks.contact), profile, country, now)
                .map_err(|e| errors.extend(e))
                .ok()
        }
        _ => None,
    };
    let items = requests::line_items(request.line_items.as_deref().unwrap_or_default());
    let lines = match country {
        Some(country) if !items.is_empty() => parse_line_items(&items, catalog, country)
            .map_err(|e| errors.extend(e))
            .ok(),
        _ => Some(Vec::new()),
    };
    if !items.is_empty() && profile.agreement_required && request.agreement.is_none() {
        errors.push(FieldError::new(Field::LineItems, Rule::AgreementRequired));
    }
    let associated = customer.as_ref().and_then(|c| c.associated_partner_id);
    let resellers = if associated.is_some() || items.iter().any(|i| !i.partner_id_on_record.trim().is_empty())
    {
        sellers::resellers(state, caller).await?
    } else {
        Vec::new()
    };
    if let Err(e) = sellers::check_associated(associated, &resellers) {
        errors.push(e);
    }
    let lines = lines
        .map(|items| {
            sellers::resolve(items, associated, caller, &resellers)
                .map_err(|e| errors.extend(e))
                .ok()
        })
        .unwrap_or_default();
    match (customer, lines) {
        (Some(customer), Some(lines)) if errors.is_empty() => {
            let seller = Seller {
                partner_id: caller.partner_id(),
                user_id: caller.0.user.id,
            };
            Ok(Onboarding::new(customer, acceptance, lines, catalog, seller, now))
        }
        _ => Err(ApiError::fields(errors, |f| requests::path(f, CREATE_CUSTOMER))),
    }
}
