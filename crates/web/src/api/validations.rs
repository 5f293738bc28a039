//! `POST /v1/validations/address` and `GET /v1/countryvalidationrules/{country}`.
//!
//! Address validation checks the address against the country's rules (ISO code, state
//! list, postal-code format, lengths); it can't know which streets exist, and says so in
//! `docs/API-DESIGN.md`.

use axum::Json;
use axum::extract::{Path, State};
use partnerdesk_domain::address::{Address, AddressInput};
use partnerdesk_domain::country::CountryCode;
use partnerdesk_domain::partner::Permission;
use partnerdesk_domain::{Field, Locale};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::api::auth::{ApiCaller, Lang};
use crate::api::error::ApiError;
use crate::api::json::ApiJson;
use crate::api::resources::Attributes;
use crate::i18n;
use crate::state::AppState;

#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "camelCase", default)]
pub(crate) struct AddressToValidate {
    address_line1: Option<String>,
    address_line2: Option<String>,
    city: Option<String>,
    state: Option<String>,
    postal_code: Option<String>,
    country: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ValidatedAddress {
    address_line1: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    address_line2: Option<String>,
    city: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    state: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    postal_code: Option<String>,
    country: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct AddressValidationResponse {
    original_address: AddressToValidate,
    /// The address in its normalized form when that differs from the original.
    suggested_addresses: Vec<ValidatedAddress>,
    /// `Verified` (fits the country's rules), `InteractionRequired` (fits once normalized:
    /// see the suggestion) or `None` (doesn't fit).
    status: &'static str,
    /// Partner Center's summary (`Address field invalid for property: 'PostalCode'`), then
    /// each problem in the language of `X-Locale`.
    #[serde(skip_serializing_if = "Option::is_none")]
    validation_message: Option<String>,
    attributes: Attributes,
}

/// Validate an address
///
/// Always 200: `status` says whether the address fits the country's rules.
#[utoipa::path(
    post,
    path = "/v1/validations/address",
    tag = "Validations",
    request_body = AddressToValidate,
    responses((status = 200, description = "The verdict", body = AddressValidationResponse)),
    security(("bearer" = []))
)]
pub(crate) async fn address(
    ApiCaller(caller): ApiCaller,
    Lang(locale): Lang,
    body: ApiJson<AddressToValidate>,
) -> Result<Json<AddressValidationResponse>, ApiError> {
    caller.require(Permission::ViewCustomers)?;
    Ok(Json(validate(body.value, locale)))
}

/// The verdict on an address: whether it fits its country's rules as given, once
/// normalized, or not at all (then why, in `locale`).
pub(crate) fn validate(original: AddressToValidate, locale: Locale) -> AddressValidationResponse {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let typed = [
        &original.address_line1,
        &original.address_line2,
        &original.city,
        &original.state,
        &original.postal_code,
        &original.country,
    ]
    .map(text);
    let [line1, line2, city, state, postal, country] = &typed;
    let input = AddressInput {
        country,
        address_line1: line1,
        address_line2: line2,
        city,
        state,
        postal_code: postal,
    };
    let (status, suggested, message) = match Address::parse(&input) {
        Ok(address) => {
            let normalized = ValidatedAddress::from(address);
            let unchanged = normalized.address_line1 == *line1
                && normalized.city == *city
                && normalized.state.as_deref().unwrap_or("") == state
                && normalized.postal_code.as_deref().unwrap_or("") == postal
                && normalized.country == *country;
            match unchanged {
                true => ("Verified", Vec::new(), None),
                false => ("InteractionRequired", vec![normalized], None),
            }
        }
        Err(errors) => ("None", Vec::new(), Some(invalid(&errors, locale))),
    };
    AddressValidationResponse {
        original_address: original,
        status,
        suggested_addresses: suggested,
        validation_message: message,
        attributes: Attributes::of("AddressValidationResponse"),
    }
}

impl From<Address> for ValidatedAddress {
    fn from(address: Address) -> Self {
        ValidatedAddress {
            address_line1: address.address_line1,
            address_line2: address.address_line2,
            city: address.city,
            state: address.state,
            postal_code: address.postal_code,
            country: address.country.to_string(),
        }
    }
}

/// Partner Center's message for an invalid address: the properties, then why each.
fn invalid(errors: &[partnerdesk_domain::FieldError], locale: partnerdesk_domain::Locale) -> String {
    let names: Vec<String> = errors.iter().map(|e| format!("'{}'", pascal(e.field))).collect();
    let mut message = format!("Address field invalid for property: {}", names.join(", "));
    for e in errors {
        message.push_str(&format!("\n{}: {}", pascal(e.field), i18n::rule(locale, &e.rule)));
    }
    message
}

/// Partner Center names the failing properties in PascalCase.
fn pascal(field: Field) -> String {
    let name = field.name();
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CountryValidationRules {
    iso2_code: String,
    /// The country's name in the language of `X-Locale`.
    name: String,
    default_culture: String,
    is_state_required: bool,
    supported_states_list: Vec<String>,
    supported_languages_list: Vec<String>,
    supported_cultures_list: Vec<String>,
    is_postal_code_required: bool,
    postal_code_regex: Option<String>,
    is_city_required: bool,
    country_calling_codes_list: Vec<String>,
    customer_organization_registration_number_required: bool,
    customer_organization_registration_number_regex: Option<String>,
    customer_organization_registration_number_sample: Option<String>,
    customer_organization_phone_number_required: bool,
    attributes: Attributes,
}

/// Get a country's validation rules
#[utoipa::path(
    get,
    path = "/v1/countryvalidationrules/{country}",
    tag = "Validations",
    params(("country" = String, Path, description = "ISO 3166 alpha-2 code")),
    responses(
        (status = 200, description = "The rules", body = CountryValidationRules),
        (status = 404, description = "Not an ISO 3166 alpha-2 code (UK is GB)", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn country_rules(
    State(_state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Lang(locale): Lang,
    Path(country): Path<String>,
) -> Result<Json<CountryValidationRules>, ApiError> {
    caller.require(Permission::ViewCustomers)?;
    let code = CountryCode::parse(&country)
        .map_err(|_| ApiError::CountryRulesNotFound(country.chars().take(8).collect()))?;
    Ok(Json(rules(code, locale)))
}

fn rules(code: CountryCode, locale: Locale) -> CountryValidationRules {
    let info = code.info();
    let registration = info.registration.as_ref();
    CountryValidationRules {
        iso2_code: code.to_string(),
        name: info.name(locale).to_owned(),
        default_culture: info.default_culture().to_owned(),
        is_state_required: info.state_required(),
        supported_states_list: info.states.iter().map(|s| s.code.to_owned()).collect(),
        supported_languages_list: info.languages.clone(),
        supported_cultures_list: info.cultures.clone(),
        is_postal_code_required: info.postal_code_required(),
        postal_code_regex: info.postal_code_regex(),
        is_city_required: true,
        country_calling_codes_list: vec![info.calling_code.clone()],
        customer_organization_registration_number_required: registration.is_some(),
        customer_organization_registration_number_regex: registration.map(|r| r.pattern.to_owned()),
        customer_organization_registration_number_sample: registration.map(|r| r.sample.to_owned()),
        customer_organization_phone_number_required: registration.is_some(),
        attributes: Attributes::of("CountryValidationRules"),
    }
}
