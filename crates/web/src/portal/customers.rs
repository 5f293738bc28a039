//! The Customers workspace: the list with its search and paging, and a customer's page.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use partnerdesk_domain::country::language_label;
use partnerdesk_domain::customer::Customer;
use partnerdesk_domain::partner::{PartnerKind, Permission};
use partnerdesk_domain::profile::CUSTOMER_AGREEMENT_TYPE;
use partnerdesk_domain::{Arg, CustomerId, Locale, PartnerId};
use partnerdesk_store::{CustomerFilter, CustomerQuery};
use serde::Deserialize;

use crate::app::customers;
use crate::i18n;
use crate::paging;
use crate::portal::session::{Can, guard};
use crate::state::AppState;
use crate::ui::layout::format_date;
use crate::ui::subscriptions::SubscriptionTable;
use crate::ui::{Page, PageError, ok};

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

/// A search as the URL gives it: by name or by domain, the text, where the page starts.
pub(crate) struct Search {
    by_domain: bool,
    text: String,
    filter: CustomerFilter,
}

impl Search {
    fn new(query: &ListQuery) -> Self {
        let by_domain = query.by.as_deref() == Some("domain");
        let text: String = query
            .q
            .as_deref()
            .unwrap_or_default()
            .trim()
            .chars()
            .take(100)
            .collect();
        let filter = match (text.is_empty(), by_domain) {
            (true, _) => CustomerFilter::All,
            (false, true) => CustomerFilter::Domain(text.clone()),
            (false, false) => CustomerFilter::CompanyName(text.clone()),
        };
        Self {
            by_domain,
            text,
            filter,
        }
    }

    fn by(&self) -> &'static str {
        if self.by_domain { "domain" } else { "name" }
    }

    fn next_page(&self, token: &str) -> String {
        let text: String = form_urlencoded::byte_serialize(self.text.as_bytes()).collect();
        format!("/customers?by={}&q={text}&after={token}", self.by())
    }
}

fn reseller_name(names: &[(PartnerId, String)], id: Option<PartnerId>) -> String {
    id.and_then(|id| names.iter().find(|(p, _)| *p == id).map(|(_, n)| n.clone()))
        .unwrap_or_default()
}

/// The search a URL asks for and the page of it: the first, or the one after the
/// `after` token when that continues the same search (anything else starts over).
pub(crate) fn listing(query: &ListQuery) -> (Search, CustomerQuery) {
    let search = Search::new(query);
    let after = query
        .after
        .as_deref()
        .and_then(paging::from_token)
        .filter(|(q, _)| q.filter == search.filter)
        .and_then(|(q, _)| q.after);
    let listing = CustomerQuery {
        filter: search.filter.clone(),
        after,
        limit: PAGE_SIZE,
    };
    (search, listing)
}

pub async fn list(
    State(state): State<AppState>,
    user: Can<guard::ViewCustomers>,
    Query(query): Query<ListQuery>,
) -> Result<Response, PageError> {
    let (search, listing) = listing(&query);
    let paged = listing.after.is_some();
    let found = customers::list(&state, &user.caller, listing).await?;
    let names = customers::related_partners(&state, &user.caller).await?;
    let locale = user.locale;
    let rows = found
        .customers
        .iter()
        .map(|c| CustomerRow {
            id: c.id.to_string(),
            company: c.company_name.clone(),
            domain: c.domain.clone(),
            country: c.country.info().name(locale).to_owned(),
            reseller: reseller_name(&names, c.associated_partner_id),
            created: format_date(locale, c.created_at),
        })
        .collect();
    let next = found
        .next
        .map(|cursor| search.next_page(&paging::to_token(&search.filter, &cursor, PAGE_SIZE)));
    let by = Arg::Text(search.by().into());
    let no_match = i18n::text_with(
        locale,
        "customers-no-match",
        &[("by", by), ("text", Arg::Text(search.text.clone()))],
    );
    Ok(ok(&CustomersPage {
        page: user.page("customers-title", "/customers"),
        no_match,
        rows,
        by_domain: search.by_domain,
        searching: !search.text.is_empty(),
        text: search.text,
        paged,
        next,
        show_reseller: user.caller.kind() == PartnerKind::IndirectProvider,
    }))
}

struct AgreementRow {
    signer: String,
    email: String,
    date: String,
    agreement_type: String,
    recorded: String,
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
    subscriptions: SubscriptionTable,
    show_reseller: bool,
    can_order: bool,
    can_open_request: bool,
}

/// The customer agreement by its localized name; other agreement types by their id.
fn agreement_name(locale: Locale, agreement_type: &str) -> String {
    if agreement_type == CUSTOMER_AGREEMENT_TYPE {
        i18n::text(locale, "customer-agreement")
    } else {
        agreement_type.to_owned()
    }
}

/// A customer's postal address, a line each.
fn address_lines(customer: &Customer, locale: Locale) -> Vec<String> {
    let a = &customer.billing.address;
    let mut lines = vec![a.address_line1.clone()];
    lines.extend(a.address_line2.clone());
    let city = [Some(a.city.clone()), a.state.clone(), a.postal_code.clone()];
    lines.push(city.into_iter().flatten().collect::<Vec<_>>().join(" "));
    lines.push(a.country.info().name(locale).to_owned());
    lines
}

pub async fn detail(
    State(state): State<AppState>,
    user: Can<guard::ViewCustomers>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: CustomerId = id
        .parse()
        .map_err(|_| PageError::not_found("api-customer-not-found"))?;
    let overview = customers::overview(&state, &user.caller, id).await?;
    let catalog = customers::catalog(&state).await?;
    let names = customers::related_partners(&state, &user.caller).await?;
    let locale = user.locale;
    let customer = &overview.customer;
    let b = &customer.billing;
    let link = |s: &partnerdesk_domain::subscription::Subscription| {
        Some(format!("/customers/{id}/subscriptions/{}", s.id))
    };
    let subscriptions = overview.subscriptions.iter().map(|s| (s, None));
    let mut page = user.page("customer-profile", &format!("/customers/{id}"));
    // The browser tab says whose page it is.
    page.title.clone_from(&customer.company_name);
    Ok(ok(&CustomerPage {
        page,
        id: customer.id.to_string(),
        company: customer.company_name.clone(),
        domain: customer.domain.clone(),
        admin: format!("admin@{}", customer.domain),
        created: format_date(locale, customer.created_at),
        address: address_lines(customer, locale),
        contact: format!("{} {}", b.first_name, b.last_name),
        email: b.email.clone(),
        phone: b.phone_number.clone().unwrap_or_default(),
        culture: format!("{} · {}", language_label(&b.culture), language_label(&b.language)),
        registration: customer
            .organization_registration_number
            .clone()
            .unwrap_or_default(),
        reseller: reseller_name(&names, customer.associated_partner_id),
        show_reseller: user.caller.kind() == PartnerKind::IndirectProvider,
        can_order: user.can(Permission::PlaceOrder),
        can_open_request: user.can(Permission::WorkSupport),
        agreements: overview
            .agreements
            .iter()
            .map(|g| AgreementRow {
                signer: format!("{} {}", g.first_name, g.last_name),
                email: g.email.clone(),
                date: format_date(locale, g.date_agreed),
                agreement_type: agreement_name(locale, &g.agreement_type),
                recorded: format_date(locale, g.created_at),
            })
            .collect(),
        subscriptions: SubscriptionTable::new(subscriptions, &catalog, locale, link),
    }))
}
