//! **Add subscriptions** for an existing customer: the wizard's Subscriptions → Review →
//! Submit steps, with the same offers, rules and messages. The choices travel in the form
//! (there is nothing to resume), and Submit carries a key made when the page was first
//! shown, so that a double click or a resubmitted form places one order.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use partnerdesk_domain::customer::Customer;
use partnerdesk_domain::draft::Draft;
use partnerdesk_domain::onboarding::{OrderLine, ResellerRef, Seller, place_order};
use partnerdesk_domain::partner::Permission;
use partnerdesk_domain::{CustomerId, Field, FieldError, Rule};
use partnerdesk_store::secrets;
use partnerdesk_store::{Conflict, IdempotencyRecord, StoreError};
use time::OffsetDateTime;

use crate::error::ApiError;
use crate::i18n;
use crate::pages::form::FormData;
use crate::pages::layout::{Page, format_number, html};
use crate::pages::session::{SignedIn, new_secret};
use crate::pages::wizard::fields::ErrorLink;
use crate::pages::wizard::subscriptions::{CategoryView, categories, read};
use crate::pages::wizard::{account, csrf_ok};
use crate::state::AppState;

struct ChosenView {
    id: String,
    name: String,
    quantity: String,
    raw_quantity: String,
}

#[derive(Template)]
#[template(path = "order.html")]
struct OrderPage {
    page: Page,
    customer_id: String,
    company: String,
    review: bool,
    request_key: String,
    categories: Vec<CategoryView>,
    chosen: Vec<ChosenView>,
    errors: Vec<ErrorLink>,
}

/// The customer the path names, if the user may order for it.
async fn customer(state: &AppState, user: &SignedIn, raw: &str) -> Result<Customer, Response> {
    user.require(Permission::PlaceOrder)
        .map_err(IntoResponse::into_response)?;
    let id: CustomerId = raw
        .parse()
        .map_err(|_| ApiError::NotFound("api-customer-not-found").into_response())?;
    state
        .store
        .customer(user.principal.partner.id, id)
        .await
        .map_err(|e| ApiError::from(e).into_response())
}

/// The choice of offers, empty.
pub async fn page(State(state): State<AppState>, user: SignedIn, Path(raw): Path<String>) -> Response {
    let current = match customer(&state, &user, &raw).await {
        Ok(current) => current,
        Err(response) => return response,
    };
    let choice = Choice {
        customer: &current,
        draft: draft_for(&current),
        key: new_secret(),
    };
    render(&state, &user, &choice, false, &[], StatusCode::OK).await
}

/// `action=next` checks the choice and shows the review; `update` goes back to the
/// choice; `submit` places the order.
pub async fn submit(
    State(state): State<AppState>,
    user: SignedIn,
    Path(raw): Path<String>,
    form: FormData,
) -> Response {
    if !csrf_ok(&user, &form) {
        return ApiError::BadRequest.into_response();
    }
    let current = match customer(&state, &user, &raw).await {
        Ok(current) => current,
        Err(response) => return response,
    };
    let catalog = match state.store.catalog().await {
        Ok(catalog) => catalog,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let id = current.id;
    let mut draft = draft_for(&current);
    read(&mut draft, &form, &catalog);
    let choice = Choice {
        customer: &current,
        draft,
        key: valid_key(form.get("requestKey")).unwrap_or_else(new_secret),
    };
    let action = form.get("action");
    if action == "update" {
        return render(&state, &user, &choice, false, &[], StatusCode::OK).await;
    }
    let items = match choice.draft.check_offers(&catalog) {
        Ok(items) => items,
        Err(errors) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return render(&state, &user, &choice, false, &errors, status).await;
        }
    };
    if action != "submit" {
        return render(&state, &user, &choice, true, &[], StatusCode::OK).await;
    }
    let resellers = match account::resellers(&state, &user).await {
        Ok(resellers) => resellers,
        Err(response) => return response,
    };
    let reseller = current
        .associated_partner_id
        .and_then(|rid| resellers.iter().find(|r| r.id == rid))
        .map(|r| ResellerRef {
            id: r.id,
            mpn_id: r.mpn_id.clone(),
        });
    let lines = items
        .into_iter()
        .map(|item| OrderLine {
            item,
            reseller: reseller.clone(),
        })
        .collect();
    let principal = &user.principal;
    let seller = Seller {
        partner_id: principal.partner.id,
        user_id: principal.user.id,
    };
    let now = OffsetDateTime::now_utc();
    let currency = &current.billing.address.country.info().currency_code;
    let placed = place_order(id, currency, seller, lines, &catalog, now);
    let digest = secrets::sha256(format!("portal order\n{id}\n{}", choice.key).as_bytes());
    let record = IdempotencyRecord {
        partner_id: principal.partner.id,
        key_hash: digest.clone(),
        fingerprint: digest,
        status: 201,
        body: "{}".into(),
        sealed_secret: None,
        created_at: now,
    };
    let required = state.settings.profile.agreement_required;
    let placed = state
        .store
        .place_order(
            principal.partner.id,
            placed,
            required,
            catalog,
            Some(record),
            user.actor(),
        )
        .await;
    match placed {
        Ok(()) | Err(StoreError::Conflict(Conflict::RequestId)) => {
            Redirect::to(&format!("/customers/{id}?ordered=1")).into_response()
        }
        Err(StoreError::Invalid(errors)) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            render(&state, &user, &choice, false, &errors, status).await
        }
        Err(e) => ApiError::from(e).into_response(),
    }
}

/// A key from the form: what `new_secret` makes, nothing else.
fn valid_key(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let ok = (20..=100).contains(&raw.len())
        && raw
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    ok.then(|| raw.to_owned())
}

/// A draft holding only what the offers depend on: the customer's country.
fn draft_for(customer: &Customer) -> Draft {
    let mut draft = Draft::default();
    draft.account.country = customer.billing.address.country.to_string();
    draft
}

/// What the form carries for a customer: the offers chosen and the submission's key.
struct Choice<'a> {
    customer: &'a Customer,
    draft: Draft,
    key: String,
}

async fn render(
    state: &AppState,
    user: &SignedIn,
    choice: &Choice<'_>,
    review: bool,
    errors: &[FieldError],
    status: StatusCode,
) -> Response {
    let catalog = match state.store.catalog().await {
        Ok(catalog) => catalog,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let Choice { customer, draft, key } = choice;
    let locale = user.locale;
    let country = customer.billing.address.country;
    let (categories, mut links) = categories(&catalog, country, draft, errors, locale);
    for e in errors.iter().filter(|e| e.field.line_item().is_none()) {
        let rule = if e.field == Field::LineItems && e.rule == Rule::Required {
            Rule::NoLineItems
        } else {
            e.rule.clone()
        };
        links.insert(
            0,
            ErrorLink {
                target: "offers".into(),
                text: i18n::rule(locale, &rule),
            },
        );
    }
    let chosen = draft
        .offers
        .iter()
        .map(|o| ChosenView {
            id: o.offer_id.clone(),
            name: partnerdesk_domain::OfferId::parse(&o.offer_id)
                .and_then(|id| catalog.offer(&id))
                .map_or_else(|| o.offer_id.clone(), |offer| offer.name(locale).to_owned()),
            quantity: o
                .quantity
                .trim()
                .parse::<i64>()
                .map_or_else(|_| o.quantity.clone(), |n| format_number(locale, n)),
            raw_quantity: o.quantity.clone(),
        })
        .collect();
    let path = format!("/customers/{}/order", customer.id);
    let template = OrderPage {
        page: Page::new(user, "order-title", &path),
        customer_id: customer.id.to_string(),
        company: customer.company_name.clone(),
        review,
        request_key: key.to_owned(),
        categories,
        chosen,
        errors: links,
    };
    html(status, &template)
}
