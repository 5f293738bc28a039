//! The OpenAPI 3.1 document of the API (`/openapi.json`, committed as
//! `docs/openapi.json`) and its interactive reference at `/docs`, served from the binary so
//! that it works offline.

use axum::Router;
use axum::http::{HeaderValue, header};
use tower_http::set_header::SetResponseHeaderLayer;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_swagger_ui::SwaggerUi;

use crate::api;
use crate::state::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Partnerdesk API",
        description = "A REST API shaped like Microsoft Partner Center's: add customers, confirm their agreement acceptance, order offers and read subscriptions. Authenticate with `Authorization: Bearer <token>`; property names are accepted in any case; errors use Partner Center's body, described in the language of `X-Locale`. Deviations from Partner Center are listed in docs/API-DESIGN.md.",
        license(name = "Apache-2.0")
    ),
    paths(
        api::customers::create::create_customer,
        api::customers::list::list_customers,
        api::customers::profiles::get_customer,
        api::customers::profiles::get_company_profile,
        api::customers::profiles::get_billing_profile,
        api::customers::profiles::update_billing_profile,
        api::agreements::metadata,
        api::agreements::create,
        api::agreements::list,
        api::orders::create,
        api::orders::list,
        api::orders::get,
        api::orders::add_add_ons,
        api::activity::list,
        api::relationship_requests::request,
        api::subscriptions::list,
        api::subscriptions::get,
        api::subscriptions::update,
        api::subscriptions::add_ons,
        api::domains::exists,
        api::domains::check_availability,
        api::validations::address,
        api::validations::country_rules,
        api::offers::list,
        api::offers::get,
        api::offers::add_ons,
        api::offers::categories,
        api::relationships::list,
        api::relationships::of_customer,
        api::pricesheets::get,
        api::price_rules::list,
        api::price_rules::put,
        api::invoices::list,
        api::support::get_profile,
        api::support::put_profile,
        api::support::topics,
        api::support::list,
        api::support::customer_list,
        api::support::get,
        api::support::customer_get,
        api::support::file,
        api::support::create,
        api::support::update,
        api::support::customer_update,
        api::invoices::get,
        api::invoices::line_items,
        api::invoices::unbilled,
        api::invoices::customer_list,
        api::invoices::customer_get,
        api::invoices::customer_line_items,
        api::invoices::reconciliation,
        api::invoices::customer_reconciliation,
        api::invoices::statement,
        api::invoices::customer_statement,
    ),
    modifiers(&BearerAuth),
    tags(
        (name = "Customers"), (name = "Agreements"), (name = "Orders"), (name = "Subscriptions"),
        (name = "Offers"), (name = "Domains"), (name = "Validations"), (name = "Partners"), (name = "Activity"),
        (name = "Billing")
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("An API token from `partnerdesk token create`"))
                    .build(),
            ),
        );
    }
}

/// The whole document: the handlers' annotations, and what every operation shares.
pub fn openapi() -> utoipa::openapi::OpenApi {
    let generated = serde_json::to_value(ApiDoc::openapi()).unwrap_or_default();
    serde_json::from_value(api::contract::complete(generated)).unwrap_or_else(|_| ApiDoc::openapi())
}

/// The document as JSON.
pub fn document() -> String {
    openapi().to_pretty_json().unwrap_or_default()
}

/// The reference page's bundled Swagger UI styles some elements inline.
const DOCS_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; \
    connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

pub fn router() -> Router<AppState> {
    let docs: Router<AppState> = SwaggerUi::new("/docs").url("/openapi.json", openapi()).into();
    docs.layer(SetResponseHeaderLayer::overriding(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(DOCS_POLICY),
    ))
}
