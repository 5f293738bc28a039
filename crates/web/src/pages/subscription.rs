//! A subscription's page: its licenses, status and add-ons, with forms to change the
//! license count, suspend or reactivate it, and buy an add-on. Every change goes through
//! the same store operations, rules and error messages as the API.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use partnerdesk_domain::catalog::Catalog;
use partnerdesk_domain::onboarding::{OrderLine, ResellerRef, Seller, place_order};
use partnerdesk_domain::order::{LineItemInput, RawQuantity, parse_line_items};
use partnerdesk_domain::partner::Permission;
use partnerdesk_domain::subscription::{Subscription, SubscriptionStatus, SubscriptionUpdateInput};
use partnerdesk_domain::{CustomerId, Field, FieldError, SubscriptionId};
use partnerdesk_store::{Conflict, IdempotencyRecord, StoreError, secrets};
use serde::Deserialize;
use time::OffsetDateTime;

use crate::error::ApiError;
use crate::pages::form::FormData;
use crate::pages::layout::{Page, format_date, html};
use crate::pages::session::SignedIn;
use crate::pages::wizard::csrf_ok;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
pub struct Notice {
    #[serde(default)]
    done: String,
}

struct AddOnRow {
    id: String,
    offer: String,
    licenses: String,
    status: String,
}

struct AddOnChoice {
    id: String,
    name: String,
    range: String,
}

#[derive(Template)]
#[template(path = "subscription.html")]
struct SubscriptionPage {
    page: Page,
    customer_id: String,
    company: String,
    offer: String,
    friendly_name: String,
    licenses: String,
    range: String,
    status: String,
    active: bool,
    version: i64,
    is_add_on: bool,
    parent: String,
    created: String,
    commitment_end: String,
    can_manage: bool,
    can_buy: bool,
    add_ons: Vec<AddOnRow>,
    choices: Vec<AddOnChoice>,
    quantity: String,
    quantity_error: Option<String>,
    status_error: Option<String>,
    add_on: String,
    add_on_quantity: String,
    add_on_error: Option<String>,
    add_on_quantity_error: Option<String>,
    notice: Option<String>,
    /// Makes a resubmitted purchase form buy once.
    request_key: String,
}

/// What a failed form left: the values entered and the messages to show beside them.
#[derive(Default)]
struct Entered {
    quantity: Option<String>,
    add_on: String,
    add_on_quantity: String,
    errors: Vec<FieldError>,
    notice: Option<String>,
}

fn ids(customer: &str, subscription: &str) -> Option<(CustomerId, SubscriptionId)> {
    Some((customer.parse().ok()?, subscription.parse().ok()?))
}

pub async fn page(
    State(state): State<AppState>,
    user: SignedIn,
    Path((customer, subscription)): Path<(String, String)>,
    Query(notice): Query<Notice>,
) -> Response {
    let Some((customer, subscription)) = ids(&customer, &subscription) else {
        return ApiError::NotFound("api-subscription-not-found").into_response();
    };
    let entered = Entered {
        notice: match notice.done.as_str() {
            "quantity" | "suspend" | "reactivate" | "add-on" => Some(crate::i18n::text(
                user.locale,
                &format!("subscription-done-{}", notice.done),
            )),
            _ => None,
        },
        ..Entered::default()
    };
    render(&state, &user, customer, subscription, entered, StatusCode::OK).await
}

/// Changes the license count (`action=quantity`), or suspends or reactivates.
pub async fn change(
    State(state): State<AppState>,
    user: SignedIn,
    Path((customer, subscription)): Path<(String, String)>,
    form: FormData,
) -> Response {
    let Some((customer, subscription)) = ids(&customer, &subscription) else {
        return ApiError::NotFound("api-subscription-not-found").into_response();
    };
    if !csrf_ok(&user, &form) {
        return ApiError::BadRequest.into_response();
    }
    if let Err(e) = user.require(Permission::ManageSubscriptions) {
        return e.into_response();
    }
    let action = form.get("action");
    let input = match action {
        "quantity" => SubscriptionUpdateInput {
            quantity: RawQuantity::from_text(form.get("quantity")),
            status: None,
        },
        "suspend" | "reactivate" => SubscriptionUpdateInput {
            quantity: RawQuantity::Missing,
            status: Some(
                if action == "suspend" {
                    "suspended"
                } else {
                    "active"
                }
                .into(),
            ),
        },
        _ => return ApiError::BadRequest.into_response(),
    };
    let version = form.get("version").parse().ok();
    let result = state
        .store
        .update_subscription(
            user.principal.partner.id,
            customer,
            subscription,
            input,
            version,
            user.actor(),
        )
        .await;
    let errors = match result {
        Ok(_) => {
            let to = format!("/customers/{customer}/subscriptions/{subscription}?done={action}");
            return Redirect::to(&to).into_response();
        }
        Err(StoreError::Invalid(errors)) => errors,
        Err(StoreError::VersionMismatch) => Vec::new(),
        Err(e) => return ApiError::from(e).into_response(),
    };
    let entered = Entered {
        quantity: (action == "quantity").then(|| form.get("quantity").to_owned()),
        notice: errors
            .is_empty()
            .then(|| crate::i18n::text(user.locale, "subscription-changed-meanwhile")),
        errors,
        ..Entered::default()
    };
    let status = if entered.notice.is_some() {
        StatusCode::CONFLICT
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render(&state, &user, customer, subscription, entered, status).await
}

/// Buys an add-on for this subscription, added to the subscription's order.
pub async fn buy_add_on(
    State(state): State<AppState>,
    user: SignedIn,
    Path((customer, subscription)): Path<(String, String)>,
    form: FormData,
) -> Response {
    let Some((customer, subscription)) = ids(&customer, &subscription) else {
        return ApiError::NotFound("api-subscription-not-found").into_response();
    };
    if !csrf_ok(&user, &form) {
        return ApiError::BadRequest.into_response();
    }
    if let Err(e) = user.require(Permission::PlaceOrder) {
        return e.into_response();
    }
    let partner = user.principal.partner.id;
    let found = async {
        let current = state.store.customer(partner, customer).await?;
        let parent = state.store.subscription(partner, customer, subscription).await?;
        Ok::<_, StoreError>((current, parent, state.store.catalog().await?))
    };
    let (current, parent, catalog) = match found.await {
        Ok(found) => found,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let entered = |errors| Entered {
        add_on: form.get("addOn").to_owned(),
        add_on_quantity: form.get("addOnQuantity").to_owned(),
        errors,
        ..Entered::default()
    };
    let item = LineItemInput {
        offer_id: form.get("addOn").to_owned(),
        quantity: RawQuantity::from_text(form.get("addOnQuantity")),
        friendly_name: String::new(),
        partner_id_on_record: String::new(),
        parent_subscription_id: subscription.to_string(),
    };
    let country = current.billing.address.country;
    let items = match parse_line_items(&[item], &catalog, country) {
        Ok(items) => items,
        Err(errors) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return render(&state, &user, customer, subscription, entered(errors), status).await;
        }
    };
    let lines = items
        .into_iter()
        .map(|item| OrderLine {
            item,
            reseller: parent.reseller_id.map(|id| ResellerRef {
                id,
                mpn_id: parent.partner_id_on_record.clone().unwrap_or_default(),
            }),
        })
        .collect();
    let seller = Seller {
        partner_id: partner,
        user_id: user.principal.user.id,
    };
    let currency = &country.info().currency_code;
    let placed = place_order(
        customer,
        currency,
        seller,
        lines,
        &catalog,
        OffsetDateTime::now_utc(),
    );
    let key = form.get("requestKey").trim();
    let record = (!key.is_empty()).then(|| {
        let digest = secrets::sha256(format!("portal add-on\n{subscription}\n{key}").as_bytes());
        IdempotencyRecord {
            partner_id: partner,
            key_hash: digest.clone(),
            fingerprint: digest,
            status: 200,
            body: "{}".into(),
            sealed_secret: None,
            created_at: OffsetDateTime::now_utc(),
        }
    });
    let bought = state
        .store
        .add_to_order(
            partner,
            parent.order_id,
            placed,
            Arc::clone(&catalog),
            record,
            user.actor(),
        )
        .await;
    match bought {
        Ok(_) | Err(StoreError::Conflict(Conflict::RequestId)) => Redirect::to(&format!(
            "/customers/{customer}/subscriptions/{subscription}?done=add-on"
        ))
        .into_response(),
        Err(StoreError::Invalid(errors)) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            render(&state, &user, customer, subscription, entered(errors), status).await
        }
        Err(e) => ApiError::from(e).into_response(),
    }
}

async fn render(
    state: &AppState,
    user: &SignedIn,
    customer: CustomerId,
    subscription: SubscriptionId,
    entered: Entered,
    status: StatusCode,
) -> Response {
    if let Err(e) = user.require(Permission::ViewCustomers) {
        return e.into_response();
    }
    let partner = user.principal.partner.id;
    let found = async {
        let current = state.store.customer(partner, customer).await?;
        let sub = state.store.subscription(partner, customer, subscription).await?;
        let add_ons = state.store.add_ons(partner, customer, subscription).await?;
        Ok::<_, StoreError>((current, sub, add_ons, state.store.catalog().await?))
    };
    let (current, sub, add_ons, catalog) = match found.await {
        Ok(found) => found,
        Err(StoreError::NotFound) => return ApiError::NotFound("api-subscription-not-found").into_response(),
        Err(e) => return ApiError::from(e).into_response(),
    };
    let locale = user.locale;
    let page = Page::new(
        user,
        "subscription-title",
        &format!("/customers/{customer}/subscriptions/{subscription}"),
    );
    let message = |field: Field| {
        entered
            .errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| crate::i18n::rule(locale, &e.rule))
    };
    let offer = catalog.offer(&sub.offer_id);
    let name = |c: &Catalog, s: &Subscription| {
        c.offer(&s.offer_id)
            .map_or_else(|| s.offer_id.to_string(), |o| o.name(locale).to_owned())
    };
    let range = |min: u32, max: u32| {
        crate::i18n::text_with(
            locale,
            "subscription-range",
            &[
                ("min", partnerdesk_domain::Arg::Number(i64::from(min))),
                ("max", partnerdesk_domain::Arg::Number(i64::from(max))),
            ],
        )
    };
    let sold_by_viewer = sub.partner_id == partner;
    let active = sub.status == SubscriptionStatus::Active;
    let template = SubscriptionPage {
        customer_id: customer.to_string(),
        company: current.company_name.clone(),
        offer: name(&catalog, &sub),
        friendly_name: sub.friendly_name.clone(),
        licenses: page.number(i64::from(sub.quantity)),
        range: offer.map_or_else(String::new, |o| range(o.minimum_quantity, o.maximum_quantity)),
        status: page.t(&format!("status-{}", sub.status)),
        active,
        version: sub.version,
        is_add_on: sub.parent_subscription_id.is_some(),
        parent: sub
            .parent_subscription_id
            .map(|p| p.to_string())
            .unwrap_or_default(),
        created: format_date(locale, sub.created_at),
        commitment_end: format_date(locale, sub.commitment_end),
        can_manage: sold_by_viewer && user.can(Permission::ManageSubscriptions),
        can_buy: sold_by_viewer && active && user.can(Permission::PlaceOrder),
        add_ons: add_ons
            .iter()
            .map(|a| AddOnRow {
                id: a.id.to_string(),
                offer: name(&catalog, a),
                licenses: page.number(i64::from(a.quantity)),
                status: page.t(&format!("status-{}", a.status)),
            })
            .collect(),
        choices: catalog
            .add_ons_of(&sub.offer_id, current.billing.address.country)
            .into_iter()
            .filter(|o| o.is_available_for_purchase)
            .map(|o| AddOnChoice {
                id: o.id.to_string(),
                name: o.name(locale).to_owned(),
                range: range(o.minimum_quantity, o.maximum_quantity),
            })
            .collect(),
        quantity: entered
            .quantity
            .clone()
            .unwrap_or_else(|| sub.quantity.to_string()),
        quantity_error: message(Field::SubscriptionQuantity),
        status_error: message(Field::SubscriptionStatus),
        add_on: entered.add_on.clone(),
        add_on_quantity: entered.add_on_quantity.clone(),
        add_on_error: message(Field::Offer(0)).or_else(|| message(Field::ParentSubscription(0))),
        add_on_quantity_error: message(Field::Quantity(0)),
        notice: entered.notice.clone(),
        request_key: crate::pages::session::new_secret(),
        page,
    };
    html(status, &template)
}
