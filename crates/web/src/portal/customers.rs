//! A customer's page in the Customers workspace.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use partnerdesk_domain::country::language_label;
use partnerdesk_domain::customer::Customer;
use partnerdesk_domain::partner::{PartnerKind, Permission};
use partnerdesk_domain::phone;
use partnerdesk_domain::profile::CUSTOMER_AGREEMENT_TYPE;
use partnerdesk_domain::{CustomerId, Locale, PartnerId};

use crate::app::customers;
use crate::cldr::format_date;
use crate::i18n;
use crate::portal::session::{Can, guard};
use crate::state::AppState;
use crate::ui::subscriptions::SubscriptionTable;
use crate::ui::{Page, PageError, ok};

fn reseller_name(names: &[(PartnerId, String)], id: Option<PartnerId>) -> String {
    id.and_then(|id| names.iter().find(|(p, _)| *p == id).map(|(_, n)| n.clone()))
        .unwrap_or_default()
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
    can_edit: bool,
    can_attest: bool,
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
        phone: b
            .phone_number
            .as_deref()
            .map(|p| phone::display(p, b.address.country))
            .unwrap_or_default(),
        culture: format!("{} · {}", language_label(&b.culture), language_label(&b.language)),
        registration: customer
            .organization_registration_number
            .clone()
            .unwrap_or_default(),
        reseller: reseller_name(&names, customer.associated_partner_id),
        show_reseller: user.caller.kind() == PartnerKind::IndirectProvider,
        can_edit: user.can(Permission::EditBillingProfile),
        can_attest: user.can(Permission::AttestAgreement),
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
