//! The Customers workspace: the list with its search and paging, and a customer's page.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use partnerdesk_domain::country::language_label;
use partnerdesk_domain::partner::{PartnerKind, Permission};
use partnerdesk_domain::{Arg, Locale, PartnerId};
use partnerdesk_store::{CustomerFilter, CustomerQuery, StoreError};
use serde::Deserialize;

use crate::error::ApiError;
use crate::pages::layout::{Page, format_date, html};
use crate::pages::session::SignedIn;
use crate::paging;
use crate::state::AppState;

/// Customers per page of the list.
const PAGE_SIZE: u32 = 25;

struct CustomerRow {
    id: String,
    company: String,
    domain: String,
    country: String,
    reseller: String,
    created: String,
}

#[derive(Template)]
#[template(path = "customers.html")]
struct CustomersPage {
    page: Page,
    rows: Vec<CustomerRow>,
    by_domain: bool,
    text: String,
    searching: bool,
    paged: bool,
    next: Option<String>,
    show_reseller: bool,
    no_match: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    by: Option<String>,
    q: Option<String>,
    after: Option<String>,
}

fn encode(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// The names of the partners a customer list may name as associated.
async fn partner_names(state: &AppState, user: &SignedIn) -> Result<Vec<(PartnerId, String)>, StoreError> {
    let partner = &user.principal.partner;
    let related = match partner.kind {
        PartnerKind::IndirectProvider => state.store.resellers_of(partner.id).await?,
        PartnerKind::IndirectReseller => state.store.providers_of(partner.id).await?,
        PartnerKind::Direct => Vec::new(),
    };
    Ok(related.into_iter().map(|p| (p.id, p.name)).collect())
}

pub async fn list(State(state): State<AppState>, user: SignedIn, Query(query): Query<ListQuery>) -> Response {
    let by_domain = query.by.as_deref() == Some("domain");
    let text = query
        .q
        .unwrap_or_default()
        .trim()
        .chars()
        .take(100)
        .collect::<String>();
    let filter = match (text.is_empty(), by_domain) {
        (true, _) => CustomerFilter::All,
        (false, true) => CustomerFilter::Domain(text.clone()),
        (false, false) => CustomerFilter::CompanyName(text.clone()),
    };
    let after = query
        .after
        .as_deref()
        .and_then(paging::from_token)
        .filter(|(q, _)| q.filter == filter)
        .and_then(|(q, _)| q.after);
    let paged = after.is_some();
    let listing = state
        .store
        .list_customers(
            user.principal.partner.id,
            CustomerQuery {
                filter: filter.clone(),
                after,
                limit: PAGE_SIZE,
            },
        )
        .await;
    let (page, names) = match (listing, partner_names(&state, &user).await) {
        (Ok(page), Ok(names)) => (page, names),
        (Err(e), _) | (_, Err(e)) => return ApiError::from(e).into_response(),
    };
    let locale = user.locale;
    let rows = page
        .customers
        .iter()
        .map(|c| CustomerRow {
            id: c.id.to_string(),
            company: c.company_name.clone(),
            domain: c.domain.clone(),
            country: c.country.info().name(locale).to_owned(),
            reseller: c
                .associated_partner_id
                .and_then(|id| names.iter().find(|(p, _)| *p == id).map(|(_, n)| n.clone()))
                .unwrap_or_default(),
            created: format_date(locale, c.created_at),
        })
        .collect();
    let next = page.next.map(|cursor| {
        let token = paging::to_token(&filter, &cursor, PAGE_SIZE);
        let by = if by_domain { "domain" } else { "name" };
        format!("/customers?by={by}&q={}&after={token}", encode(&text))
    });
    let no_match = crate::i18n::text_with(
        locale,
        "customers-no-match",
        &[
            ("by", Arg::Text(if by_domain { "domain" } else { "name" }.into())),
            ("text", Arg::Text(text.clone())),
        ],
    );
    let template = CustomersPage {
        page: Page::new(&user, "customers-title", "/customers"),
        no_match,
        rows,
        by_domain,
        searching: !text.is_empty(),
        text,
        paged,
        next,
        show_reseller: user.principal.partner.kind == PartnerKind::IndirectProvider,
    };
    html(StatusCode::OK, &template)
}

struct AgreementRow {
    signer: String,
    email: String,
    date: String,
    agreement_type: String,
    recorded: String,
}

struct SubscriptionRow {
    id: String,
    offer: String,
    friendly_name: String,
    licenses: String,
    status: String,
    created: String,
    commitment_end: String,
}

#[derive(Template)]
#[template(path = "customer.html")]
struct CustomerPage {
    page: Page,
    id: String,
    company: String,
    domain: String,
    admin: String,
    created: String,
    address: Vec<String>,
    contact: String,
    email: String,
    phone: String,
    culture: String,
    registration: String,
    reseller: String,
    agreements: Vec<AgreementRow>,
    subscriptions: Vec<SubscriptionRow>,
    show_reseller: bool,
    can_order: bool,
    ordered: bool,
}

/// The customer agreement by its localized name; other agreement types by their id.
fn agreement_name(locale: Locale, agreement_type: &str) -> String {
    if agreement_type == partnerdesk_domain::profile::CUSTOMER_AGREEMENT_TYPE {
        crate::i18n::text(locale, "customer-agreement")
    } else {
        agreement_type.to_owned()
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct DetailQuery {
    #[serde(default)]
    ordered: String,
}

pub async fn detail(
    State(state): State<AppState>,
    user: SignedIn,
    Path(customer): Path<String>,
    Query(query): Query<DetailQuery>,
) -> Response {
    let principal = &user.principal;
    if let Err(e) = user.require(Permission::ViewCustomers) {
        return e.into_response();
    }
    let Ok(id) = customer.parse() else {
        return ApiError::NotFound("api-customer-not-found").into_response();
    };
    let partner = principal.partner.id;
    let found = async {
        let customer = state.store.customer(partner, id).await?;
        let agreements = state.store.agreements(partner, id, None).await?;
        let subscriptions = state.store.subscriptions(partner, id, None).await?;
        let catalog = state.store.catalog().await?;
        let names = partner_names(&state, &user).await?;
        Ok::<_, StoreError>((customer, agreements, subscriptions, catalog, names))
    };
    let (customer, agreements, subscriptions, catalog, names) = match found.await {
        Ok(found) => found,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let locale: Locale = user.locale;
    let page = Page::new(&user, "customer-profile", &format!("/customers/{id}"));
    let b = &customer.billing;
    let a = &b.address;
    let country = a.country.info();
    let mut address = vec![a.address_line1.clone()];
    address.extend(a.address_line2.clone());
    let city_line = [Some(a.city.clone()), a.state.clone(), a.postal_code.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    address.push(city_line);
    address.push(country.name(locale).to_owned());
    let template = CustomerPage {
        id: customer.id.to_string(),
        company: customer.company_name.clone(),
        domain: customer.domain.clone(),
        admin: format!("admin@{}", customer.domain),
        created: format_date(locale, customer.created_at),
        address,
        contact: format!("{} {}", b.first_name, b.last_name),
        email: b.email.clone(),
        phone: b.phone_number.clone().unwrap_or_default(),
        culture: format!("{} · {}", language_label(&b.culture), language_label(&b.language)),
        registration: customer
            .organization_registration_number
            .clone()
            .unwrap_or_default(),
        reseller: customer
            .associated_partner_id
            .and_then(|rid| names.iter().find(|(p, _)| *p == rid).map(|(_, n)| n.clone()))
            .unwrap_or_default(),
        show_reseller: principal.partner.kind == PartnerKind::IndirectProvider,
        can_order: user.can(Permission::PlaceOrder),
        ordered: query.ordered == "1",
        agreements: agreements
            .iter()
            .map(|g| AgreementRow {
                signer: format!("{} {}", g.first_name, g.last_name),
                email: g.email.clone(),
                date: format_date(locale, g.date_agreed),
                agreement_type: agreement_name(locale, &g.agreement_type),
                recorded: format_date(locale, g.created_at),
            })
            .collect(),
        subscriptions: subscriptions
            .iter()
            .map(|s| SubscriptionRow {
                id: s.id.to_string(),
                offer: catalog
                    .offer(&s.offer_id)
                    .map_or_else(|| s.offer_id.to_string(), |o| o.name(locale).to_owned()),
                friendly_name: s.friendly_name.clone(),
                licenses: page.number(i64::from(s.quantity)),
                status: page.t(&format!("status-{}", s.status)),
                created: format_date(locale, s.created_at),
                commitment_end: format_date(locale, s.commitment_end),
            })
            .collect(),
        page,
    };
    html(StatusCode::OK, &template)
}
