//! `POST /v1/customers`: one transaction creates the customer, its admin user, the
//! relationship to the partner (and its reseller), and, as Partnerdesk extensions, the
//! agreement acceptance and the first order with its subscriptions.

use axum::extract::State;
use axum::response::Response;
use partnerdesk_domain::agreement::AgreementAcceptance;
use partnerdesk_domain::catalog::Catalog;
use partnerdesk_domain::country::CountryCode;
use partnerdesk_domain::customer::NewCustomer;
use partnerdesk_domain::order::parse_line_items;
use time::OffsetDateTime;

use crate::api::auth::ApiCaller;
use crate::api::created::{IdempotencyKey, created};
use crate::api::error::ApiError;
use crate::api::json::ApiJson;
use crate::api::requests::{self, Blanks, CREATE_CUSTOMER, CreateCustomerRequest};
use crate::api::resources::commerce::{AgreementResource, OrderResource};
use crate::api::resources::customer::{CustomerResource, UserCredentials};
use crate::app::Caller;
use crate::app::customers::{self, NewCustomerRequest};
use crate::app::idempotency::Created;
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
        (status = 400, description = "A value is invalid", body = crate::api::error::ErrorBody),
        (status = 403, description = "Role not allowed, or an order without agreement (13605)", body = crate::api::error::ErrorBody),
        (status = 409, description = "The domain is taken", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn create_customer(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    key: IdempotencyKey,
    body: ApiJson<CreateCustomerRequest>,
) -> Result<Response, ApiError> {
    let key = key.for_body(&body.digest);
    let catalog = customers::catalog(&state).await?;
    let request = parse(&state, &caller, &body.value, &catalog);
    let profile = &state.settings.profile;
    let outcome = customers::onboard(&state, &caller, request, key, |onboarding| {
        let mut resource = CustomerResource::new(&onboarding.customer, true);
        resource.user_credentials = Some(UserCredentials {
            user_name: onboarding.admin_user_name.clone(),
            password: None,
        });
        resource.agreement = onboarding.agreement.as_ref().map(|a| {
            let link = profile
                .agreement_of_type(&a.agreement_type)
                .map(|t| t.link.as_str());
            AgreementResource::new(a, link)
        });
        resource.order = onboarding.order.as_ref().map(|o| OrderResource::new(&o.order));
        resource
    })
    .await
    .map_err(|e| ApiError::placed(e, |f| requests::path(f, CREATE_CUSTOMER)))?;
    let outcome = match outcome {
        Created::New(onboarded) => {
            let mut resource = onboarded.answer;
            if let Some(credentials) = resource.user_credentials.as_mut() {
                credentials.password = Some(onboarded.password);
            }
            Created::New(resource)
        }
        Created::Replayed(replay) => Created::Replayed(replay),
    };
    created(outcome, |r| format!("/v1/customers/{}", r.id))
}

/// The request, parsed by the domain's rules: every part, or what is wrong with it.
fn parse(
    state: &AppState,
    caller: &Caller,
    request: &CreateCustomerRequest,
    catalog: &Catalog,
) -> NewCustomerRequest {
    let profile = &state.settings.profile;
    let blanks = Blanks::default();
    let input = request.input(&blanks);
    let customer = NewCustomer::parse(&input, &customers::context(state, caller));
    let country = CountryCode::parse(input.billing.address.country).ok();
    let now = OffsetDateTime::now_utc();
    let acceptance = match (&request.agreement, country) {
        (Some(agreement), Some(country)) => {
            AgreementAcceptance::parse(&agreement.input(&blanks.contact), profile, country, now).map(Some)
        }
        // Without a country the agreement can't be checked; the country's error says why.
        (Some(_), None) => Err(Vec::new()),
        (None, _) => Ok(None),
    };
    let items = requests::line_items(request.line_items.as_deref().unwrap_or_default());
    let ordering = !items.is_empty();
    let items = match country {
        Some(country) if ordering => parse_line_items(&items, catalog, country),
        _ => Ok(Vec::new()),
    };
    NewCustomerRequest {
        customer,
        acceptance,
        items,
        ordering,
    }
}
