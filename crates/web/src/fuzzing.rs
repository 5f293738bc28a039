//! Entry points for coverage-guided fuzzing (the cargo-fuzz targets in `fuzz/`, run by
//! `scripts/fuzz`): one function per kind of outside input, each feeding arbitrary bytes
//! to the same parsers and domain rules that the handlers call, then rendering the errors
//! as a response would. They are pure — no runtime, no database — so that libFuzzer runs
//! them tens of thousands of times a second; the only thing they can find is a panic,
//! which on a server is a bug: bad input must get a clear error. The catalog that orders
//! are checked against is the caller's (the targets use the demo catalog).

use axum::http::{HeaderMap, HeaderValue, header};
use partnerdesk_domain::agreement::AgreementAcceptance;
use partnerdesk_domain::catalog::{Catalog, CatalogDocument};
use partnerdesk_domain::country::{self, CountryCode};
use partnerdesk_domain::customer::{BillingDetails, CustomerContext, NewCustomer, parse_registration};
use partnerdesk_domain::draft::Draft;
use partnerdesk_domain::onboarding::commitment_end;
use partnerdesk_domain::order::parse_line_items;
use partnerdesk_domain::partner::PartnerKind;
use partnerdesk_domain::profile::{CloudProfile, ProfileName};
use partnerdesk_domain::subscription::{Subscription, SubscriptionStatus, check_update};
use partnerdesk_domain::tenant_domain::{DomainPrefix, TenantDomain};
use partnerdesk_domain::{
    CustomerId, FieldError, Locale, OrderId, PartnerId, SubscriptionId, address, phone,
};
use time::OffsetDateTime;
use time::macros::datetime;

use crate::api::requests::{self, Blanks, Paths};
use crate::api::resources::{etag, expected_version, version_of};
use crate::i18n;

/// "Now" for rules that compare with it (an agreement's date), fixed so that a crash
/// found one day reproduces the next.
const NOW: OffsetDateTime = datetime!(2026-06-15 12:00 UTC);

/// Countries whose rules differ the most: states, postal codes, registration numbers,
/// phone numbering plans.
const COUNTRIES: [&str; 8] = ["US", "GB", "DE", "BR", "CN", "IN", "JP", "AE"];

/// Text of the input: the parsers see strings, and a body that isn't UTF-8 never gets
/// past the JSON or form decoder.
fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// A country picked from the input's length, so that one input always runs the same way
/// without spending bytes on a selector that would break the JSON.
fn country_for(data: &[u8]) -> CountryCode {
    let code = COUNTRIES[data.len() % COUNTRIES.len()];
    CountryCode::parse(code).unwrap_or_else(|_| unreachable!("{code} is a country"))
}

fn locale_for(data: &[u8]) -> Locale {
    Locale::ALL[data.len() % Locale::ALL.len()]
}

fn global() -> CloudProfile {
    CloudProfile::builtin(ProfileName::Global).unwrap_or_else(|| unreachable!("a built-in profile"))
}

/// Renders errors as the API does: a path in the request, a message in a language.
fn render(errors: &[FieldError], paths: Paths, locale: Locale) {
    for error in errors {
        std::hint::black_box(requests::path(error.field, paths));
        std::hint::black_box(i18n::rule(locale, &error.rule));
    }
}

fn render_result<T>(result: &Result<T, Vec<FieldError>>, paths: Paths, locale: Locale) {
    if let Err(errors) = result {
        render(errors, paths, locale);
    }
}

/// `POST /v1/customers`: the body, then the customer, its agreement acceptance and its
/// first order, as `api::customers::create` checks them.
pub fn create_customer(data: &[u8], catalog: &Catalog) {
    let Ok(request) = crate::api::json::parse::<requests::CreateCustomerRequest>(data) else {
        return;
    };
    let profile = global();
    let domains = ["contoso-partner.com".to_owned()];
    let kinds = [
        PartnerKind::Direct,
        PartnerKind::IndirectProvider,
        PartnerKind::IndirectReseller,
    ];
    let context = CustomerContext {
        profile: &profile,
        partner_kind: kinds[data.len() % kinds.len()],
        partner_domains: &domains,
    };
    let blanks = Blanks::default();
    let input = request.input(&blanks);
    let locale = locale_for(data);
    render_result(
        &NewCustomer::parse(&input, &context),
        requests::CREATE_CUSTOMER,
        locale,
    );
    let Ok(country) = CountryCode::parse(input.billing.address.country) else {
        return;
    };
    if let Some(agreement) = &request.agreement {
        let acceptance =
            AgreementAcceptance::parse(&agreement.input(&blanks.contact), &profile, country, NOW);
        render_result(&acceptance, requests::CREATE_CUSTOMER, locale);
    }
    let items = requests::line_items(request.line_items.as_deref().unwrap_or_default());
    render_result(
        &parse_line_items(&items, catalog, country),
        requests::CREATE_CUSTOMER,
        locale,
    );
}

/// `PUT /v1/customers/{id}/profiles/billing`: the body, its `attributes.etag`, and the
/// profile for a customer of some country.
pub fn billing_profile(data: &[u8]) {
    let Ok(request) = crate::api::json::parse::<requests::BillingProfileRequest>(data) else {
        return;
    };
    let body_etag = request.attributes.as_ref().and_then(|a| a.etag.as_deref());
    let _ = expected_version(&HeaderMap::new(), body_etag);
    let blank = requests::AddressRequest::default();
    let country = country_for(data);
    let input = request.input(&blank, country.as_str());
    let details = BillingDetails::parse(&input, &["contoso-partner.com".to_owned()]);
    render_result(&details, requests::BILLING_PROFILE, locale_for(data));
}

/// `POST /v1/customers/{id}/agreements`: the body and the acceptance, for a customer of
/// some country.
pub fn agreement(data: &[u8]) {
    let Ok(request) = crate::api::json::parse::<requests::AgreementRequest>(data) else {
        return;
    };
    let blank = requests::ContactRequest::default();
    let input = request.input(&blank);
    let country = country_for(data);
    let profile = global();
    let acceptance = AgreementAcceptance::parse(&input, &profile, country, NOW);
    render_result(&acceptance, requests::AGREEMENT, locale_for(data));
}

/// `POST /v1/customers/{id}/orders` and `PATCH …/orders/{id}` (add-ons): the body and its
/// line items against the catalog.
pub fn order(data: &[u8], catalog: &Catalog) {
    let Ok(request) = crate::api::json::parse::<requests::CreateOrderRequest>(data) else {
        return;
    };
    let items = requests::line_items(&request.line_items);
    let result = parse_line_items(&items, catalog, country_for(data));
    render_result(&result, requests::CREATE_CUSTOMER, locale_for(data));
}

/// `PATCH /v1/customers/{id}/subscriptions/{id}`: the body, its etag, and the change to a
/// subscription of one of the catalog's offers.
pub fn subscription_update(data: &[u8], catalog: &Catalog) {
    let Ok(request) = crate::api::json::parse::<requests::UpdateSubscriptionRequest>(data) else {
        return;
    };
    let _ = expected_version(
        &HeaderMap::new(),
        request.attributes.as_ref().and_then(|a| a.etag.as_deref()),
    );
    let input = request.input();
    let offers = &catalog.document().offers;
    let Some(offer) = offers.get(data.len() % offers.len().max(1)) else {
        return;
    };
    let statuses = [
        SubscriptionStatus::Active,
        SubscriptionStatus::Suspended,
        SubscriptionStatus::Deleted,
        SubscriptionStatus::Expired,
    ];
    let current = Subscription {
        id: SubscriptionId::default(),
        customer_id: CustomerId::default(),
        partner_id: PartnerId::default(),
        reseller_id: None,
        order_id: OrderId::default(),
        offer_id: offer.id.clone(),
        friendly_name: String::new(),
        quantity: offer.minimum_quantity,
        status: statuses[data.len() % statuses.len()],
        parent_subscription_id: None,
        partner_id_on_record: None,
        billing_cycle: "monthly".into(),
        term_duration: "P1M".into(),
        auto_renew: true,
        created_at: NOW,
        commitment_end: NOW,
        version: 1,
        next_term: None,
    };
    let result = check_update(&current, offer, &input);
    render_result(&result, requests::CREATE_CUSTOMER, locale_for(data));
}

/// `POST /v1/validations/address`: the body and the verdict on it, with its message.
pub fn address_validation(data: &[u8]) {
    let Ok(request) = crate::api::json::parse(data) else {
        return;
    };
    std::hint::black_box(crate::api::validations::validate(request, locale_for(data)));
}

/// The query strings and continuation tokens of list calls: `GET /v1/customers`
/// (`size`, `filter`, `seekOperation` with `MS-ContinuationToken`), `GET /v1/auditrecords`,
/// and the portal's Customers (`after`) and Activity (`before`, dates) pages. The input is
/// the query string, then optionally a newline and the continuation token header.
pub fn list_query(data: &[u8]) {
    let (query, token) = match data.iter().position(|&b| b == b'\n') {
        Some(i) => (&data[..i], Some(&data[i + 1..])),
        None => (data, None),
    };
    let mut headers = HeaderMap::new();
    if let Some(value) = token.and_then(|t| HeaderValue::from_bytes(t).ok()) {
        headers.insert("ms-continuationtoken", value);
    }
    if let Ok(params) = serde_urlencoded::from_bytes(query) {
        let _ = crate::api::customers::list::query(&headers, &params);
    }
    if let Ok(params) = serde_urlencoded::from_bytes(query) {
        let _ = crate::api::activity::activity_query(&params);
    }
    if let Ok(filters) = serde_urlencoded::from_bytes(query) {
        let zone = crate::time_zone::Zone::first_of([Some("Asia/Taipei")]);
        let _ = crate::portal::activity::query(&filters, locale_for(data), &zone, 51);
    }
    if let Ok(list) = serde_urlencoded::from_bytes(query) {
        let listing = crate::portal::customer_list::Listing::new(list, locale_for(data), &[]);
        std::hint::black_box(listing.view);
    }
    let _ = crate::paging::from_token(&text(data));
}

/// The form bodies of the portal's "Add customer" wizard: the account step (typed into
/// the draft, then checked as the API checks a new customer), the subscriptions step
/// (offers and license counts against the catalog), the review and the cancel forms.
pub fn wizard_forms(data: &[u8], catalog: &Catalog) {
    use crate::portal::wizard;
    use crate::ui::form::Fields;

    let _ = serde_html_form::from_bytes::<wizard::review::ReviewPost>(data);
    let _ = serde_html_form::from_bytes::<wizard::CancelForm>(data);
    let Ok(fields) = serde_html_form::from_bytes::<Fields>(data) else {
        return;
    };
    let mut draft = Draft::default();
    if wizard::account::read(&mut draft.account, &fields).is_err() {
        return;
    }
    let profile = global();
    let context = CustomerContext {
        profile: &profile,
        partner_kind: PartnerKind::Direct,
        partner_domains: &[],
    };
    let locale = locale_for(data);
    if let Err(errors) = draft.account.check(&context, NOW) {
        render(&errors, requests::CREATE_CUSTOMER, locale);
    }
    wizard::subscriptions::read(&mut draft, &fields, catalog);
    render_result(&draft.check_offers(catalog), requests::CREATE_CUSTOMER, locale);
}

/// A catalog document as `partnerdesk catalog import` reads it, its checks, and what the
/// API and orders then read from it (offers per country, names, ranges, terms).
pub fn catalog_document(data: &[u8]) {
    let Ok(document) = serde_json::from_slice::<CatalogDocument>(data) else {
        return;
    };
    let Ok(catalog) = Catalog::new(document) else {
        return;
    };
    for offer in &catalog.document().offers {
        std::hint::black_box(commitment_end(NOW, &offer.term_duration));
    }
    for code in COUNTRIES {
        let Ok(country) = CountryCode::parse(code) else {
            continue;
        };
        for offer in catalog.offers_in(country) {
            std::hint::black_box(catalog.add_ons_of(&offer.id, country));
            for locale in Locale::ALL {
                std::hint::black_box((offer.name(locale), offer.description(locale)));
            }
            let _ = offer.check_quantity(i64::from(offer.maximum_quantity) + 1);
        }
        std::hint::black_box(catalog.categories_in(country));
    }
}

/// Country rules on text: the country code, then its states, postal codes, phone
/// numbers, registration numbers, cultures and languages. The first byte picks the
/// country (of all of them); the rest is the text.
pub fn country_rules(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let input = text(rest);
    let _ = CountryCode::parse(&input);
    let countries: Vec<_> = country::all().collect();
    let Some(info) = countries.get(usize::from(pick) % countries.len().max(1)) else {
        return;
    };
    let code = info.code;
    let _ = address::parse_state(&input, code);
    let _ = address::parse_postal_code(&input, code);
    let _ = phone::PhoneNumber::parse(&input, code);
    let _ = parse_registration(&input, code);
    let _ = country::parse_culture(&input, info);
    let _ = country::parse_language(&input, info);
    std::hint::black_box(country::language_label(&input));
}

/// Tenant domains as typed: a bare prefix or a full domain, under every profile's suffix.
pub fn tenant_domain(data: &[u8]) {
    let input = text(data);
    let _ = DomainPrefix::parse(&input);
    for name in [ProfileName::Global, ProfileName::Usgov, ProfileName::China] {
        if let Some(profile) = CloudProfile::builtin(name) {
            let _ = TenantDomain::parse(&input, &profile.domain_suffix);
        }
    }
}

/// `If-Match` (or `attributes.etag`): the version an etag names, which must round-trip.
pub fn if_match(data: &[u8]) {
    let mut headers = HeaderMap::new();
    if let Ok(value) = HeaderValue::from_bytes(data) {
        headers.insert(header::IF_MATCH, value);
    }
    let _ = expected_version(&headers, None);
    if let Some(version) = version_of(&text(data)) {
        assert_eq!(version_of(&etag(version)), Some(version));
    }
}

/// `Accept-Language` and `X-Locale`: the API's language, and the portal's language tag.
pub fn accept_language(data: &[u8]) {
    let input = text(data);
    let _ = Locale::from_accept_language(&input);
    let _ = Locale::from_tag(&input);
    let mut headers = HeaderMap::new();
    if let Ok(value) = HeaderValue::from_bytes(data) {
        headers.insert(header::ACCEPT_LANGUAGE, value.clone());
        let _ = crate::middleware::request_locale(&headers);
        headers.insert(crate::middleware::X_LOCALE, value);
    }
    let _ = crate::middleware::request_locale(&headers);
}
