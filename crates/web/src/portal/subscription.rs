//! A subscription's page: its licenses, status and add-ons, with forms to change the
//! license count, suspend or reactivate it, and buy an add-on. Every change is the same
//! use case, with the same rules and messages, as the API's.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use partnerdesk_domain::billing::RefundableDetail;
use partnerdesk_domain::catalog::Catalog;
use partnerdesk_domain::customer::Customer;
use partnerdesk_domain::order::{LineItemInput, RawQuantity};
use partnerdesk_domain::partner::Permission;
use partnerdesk_domain::subscription::{
    NextTermInput, Subscription, SubscriptionStatus, SubscriptionUpdateInput,
};
use partnerdesk_domain::{Arg, CustomerId, Field, FieldError, Locale, SubscriptionId};
use serde::Deserialize;
use time::OffsetDateTime;

use crate::app::idempotency::RequestKey;
use crate::app::sessions::new_secret;
use crate::app::{AppError, customers, orders, subscriptions};
use crate::cldr::format_date;
use crate::cldr::format_number;
use crate::i18n;
use crate::portal::session::{Can, SignedIn, guard};
use crate::state::AppState;
use crate::ui::confirm::{self, Question};
use crate::ui::subscriptions::{NextTermView, SubscriptionTable, plan};
use crate::ui::{Flash, Form, Page, PageError, html};

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
    /// Cancelled or expired.
    ended: bool,
    auto_renew: bool,
    /// Whether auto-renewal can be turned on (the offer renews).
    renewable: bool,
    version: i64,
    /// The term and billing plan, in words.
    plan: String,
    /// For a priced subscription: the seats that can still be removed, per batch.
    refundable: Vec<String>,
    /// For a priced subscription: until when it can be cancelled, or that it no longer can.
    cancel_until: Option<String>,
    can_cancel: bool,
    is_add_on: bool,
    parent: String,
    created: String,
    commitment_end: String,
    can_manage: bool,
    can_buy: bool,
    add_ons: SubscriptionTable,
    choices: Vec<AddOnChoice>,
    quantity: String,
    quantity_error: Option<String>,
    status_error: Option<String>,
    add_on: String,
    add_on_quantity: String,
    add_on_error: Option<String>,
    add_on_quantity_error: Option<String>,
    /// Makes a resubmitted purchase form buy once.
    request_key: String,
    next: NextTermView,
}

/// What a failed form left: the values entered and the messages to show beside them.
#[derive(Default)]
struct Entered {
    quantity: Option<String>,
    /// The next term's count and plan, as entered.
    next: Option<(String, String)>,
    add_on: String,
    add_on_quantity: String,
    errors: Vec<FieldError>,
    /// A message id to show at the top.
    notice: Option<&'static str>,
}

fn ids(customer: &str, subscription: &str) -> Result<(CustomerId, SubscriptionId), PageError> {
    let parsed = customer.parse().ok().zip(subscription.parse().ok());
    parsed.ok_or_else(|| PageError::not_found("api-subscription-not-found"))
}

fn path(customer: CustomerId, subscription: SubscriptionId) -> String {
    format!("/customers/{customer}/subscriptions/{subscription}")
}

pub async fn page(
    State(state): State<AppState>,
    user: Can<guard::ViewCustomers>,
    Path((customer, subscription)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let (customer, subscription) = ids(&customer, &subscription)?;
    render(
        &state,
        &user,
        customer,
        subscription,
        Entered::default(),
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize)]
pub struct ChangeForm {
    action: String,
    #[serde(default)]
    quantity: String,
    #[serde(default)]
    version: String,
    #[serde(default)]
    confirmed: String,
    #[serde(rename = "nextQuantity", default)]
    next_quantity: String,
    /// `P1Y/annual`.
    #[serde(rename = "nextPlan", default)]
    next_plan: String,
}

/// What to ask before suspending or lowering the license count; `None` for the rest.
async fn question(
    state: &AppState,
    user: &SignedIn,
    (customer, subscription): (CustomerId, SubscriptionId),
    form: &ChangeForm,
) -> Result<Option<Question>, PageError> {
    if confirm::confirmed(&form.confirmed) {
        return Ok(None);
    }
    let sub = subscriptions::get(state, &user.caller, customer, subscription).await?;
    let lower = form
        .quantity
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|n| *n < sub.quantity);
    let (id, button, mut args) = match (form.action.as_str(), lower) {
        ("suspend", _) => ("confirm-suspend", "confirm-suspend-button", Vec::new()),
        ("cancel", _) => (
            "confirm-cancel-subscription",
            "confirm-cancel-subscription-button",
            Vec::new(),
        ),
        ("quantity", Some(to)) => {
            let number = |n: u32| Arg::Text(format_number(user.locale, i64::from(n)));
            let args = vec![("from", number(sub.quantity)), ("to", number(to))];
            ("confirm-lower", "confirm-lower-button", args)
        }
        _ => return Ok(None),
    };
    let company = customers::customer(state, &user.caller, customer)
        .await?
        .company_name;
    let catalog = customers::catalog(state).await?;
    args.push(("offer", Arg::Text(offer_name(&catalog, &sub, user.locale))));
    args.push(("company", Arg::Text(company)));
    let fields = vec![
        ("action", form.action.clone()),
        ("quantity", form.quantity.clone()),
        ("version", form.version.clone()),
    ];
    Ok(Some(Question {
        text: i18n::text_with(user.locale, id, &args),
        button: i18n::text(user.locale, button),
        action: path(customer, subscription),
        fields,
        cancel: path(customer, subscription),
    }))
}

/// Changes the license count (`action=quantity`), or suspends, reactivates or cancels.
pub async fn change(
    State(state): State<AppState>,
    jar: CookieJar,
    user: Can<guard::ManageSubscriptions>,
    Path((customer, subscription)): Path<(String, String)>,
    Form(form): Form<ChangeForm>,
) -> Result<Response, PageError> {
    let (customer, subscription) = ids(&customer, &subscription)?;
    if let Some(question) = question(&state, &user, (customer, subscription), &form).await? {
        return Ok(confirm::ask(
            user.page("subscription-title", &path(customer, subscription)),
            question,
        ));
    }
    let (mut quantity, mut status, mut auto_renew) = (RawQuantity::Missing, None, None);
    let mut next_term = NextTermInput::Unchanged;
    match form.action.as_str() {
        "quantity" => quantity = RawQuantity::from_text(&form.quantity),
        "suspend" => status = Some("suspended".into()),
        "reactivate" => status = Some("active".into()),
        "cancel" => status = Some("deleted".into()),
        "auto-renew-off" => auto_renew = Some(false),
        "auto-renew-on" => auto_renew = Some(true),
        "next-term" => {
            // A plan the form didn't offer reads as an unknown term.
            let (term, cycle) = form.next_plan.split_once('/').unwrap_or(("?", "?"));
            next_term = NextTermInput::Set {
                quantity: RawQuantity::from_text(&form.next_quantity),
                term: Some(term.to_owned()),
                cycle: Some(cycle.to_owned()),
            };
        }
        "next-term-clear" => next_term = NextTermInput::Clear,
        _ => return Err(PageError::BadForm),
    }
    let input = SubscriptionUpdateInput {
        quantity,
        status,
        auto_renew,
        next_term,
    };
    let version = form.version.parse().ok();
    let changed = subscriptions::change(&state, &user.caller, customer, subscription, input, version).await;
    let (errors, status) = match changed {
        Ok(_) => {
            let done = Flash::notice(&format!("subscription-done-{}", form.action));
            let jar = user.flash(jar, &done);
            return Ok((jar, Redirect::to(&path(customer, subscription))).into_response());
        }
        Err(AppError::Invalid(errors)) => (errors, StatusCode::UNPROCESSABLE_ENTITY),
        Err(AppError::Stale) => (Vec::new(), StatusCode::CONFLICT),
        Err(e) => return Err(e.into()),
    };
    let entered = Entered {
        quantity: (form.action == "quantity").then_some(form.quantity),
        next: (form.action == "next-term").then_some((form.next_quantity, form.next_plan)),
        notice: (status == StatusCode::CONFLICT).then_some("subscription-changed-meanwhile"),
        errors,
        ..Entered::default()
    };
    render(&state, &user, customer, subscription, entered, status).await
}

#[derive(Deserialize)]
pub struct AddOnForm {
    #[serde(rename = "addOn", default)]
    add_on: String,
    #[serde(rename = "addOnQuantity", default)]
    add_on_quantity: String,
    #[serde(rename = "requestKey", default)]
    request_key: String,
}

/// Buys an add-on for this subscription, added to the subscription's order.
pub async fn buy_add_on(
    State(state): State<AppState>,
    jar: CookieJar,
    user: Can<guard::PlaceOrder>,
    Path((customer, subscription)): Path<(String, String)>,
    Form(form): Form<AddOnForm>,
) -> Result<Response, PageError> {
    let (customer, subscription) = ids(&customer, &subscription)?;
    let parent = subscriptions::get(&state, &user.caller, customer, subscription).await?;
    let item = LineItemInput {
        offer_id: form.add_on.clone(),
        quantity: RawQuantity::from_text(&form.add_on_quantity),
        friendly_name: String::new(),
        partner_id_on_record: String::new(),
        parent_subscription_id: subscription.to_string(),
        term_duration: String::new(),
        billing_cycle: String::new(),
    };
    let key = form.request_key.trim();
    let key = (!key.is_empty())
        .then(|| RequestKey::form("portal add-on", &subscription.to_string(), key, String::new()));
    match orders::buy_add_ons(
        &state,
        &user.caller,
        customer,
        parent.order_id,
        &[item],
        key,
        |_| (),
    )
    .await
    {
        Ok(_) => {
            let jar = user.flash(jar, &Flash::notice("subscription-done-add-on"));
            Ok((jar, Redirect::to(&path(customer, subscription))).into_response())
        }
        Err(AppError::Invalid(errors)) => {
            let entered = Entered {
                add_on: form.add_on,
                add_on_quantity: form.add_on_quantity,
                errors,
                ..Entered::default()
            };
            render(
                &state,
                &user,
                customer,
                subscription,
                entered,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// The add-ons one may buy for `sub` in the customer's country.
fn add_on_choices(
    catalog: &Catalog,
    sub: &Subscription,
    customer: &Customer,
    locale: Locale,
) -> Vec<AddOnChoice> {
    catalog
        .add_ons_of(&sub.offer_id, customer.billing.address.country)
        .into_iter()
        .filter(|o| o.is_available_for_purchase)
        .map(|o| AddOnChoice {
            id: o.id.to_string(),
            name: o.name(locale).to_owned(),
            range: range(locale, o.minimum_quantity, o.maximum_quantity),
        })
        .collect()
}

fn offer_name(catalog: &Catalog, s: &Subscription, locale: Locale) -> String {
    catalog
        .offer(&s.offer_id)
        .map_or_else(|| s.offer_id.to_string(), |o| o.name(locale).to_owned())
}

fn range(locale: Locale, min: u32, max: u32) -> String {
    let args = [
        ("min", Arg::Number(i64::from(min))),
        ("max", Arg::Number(i64::from(max))),
    ];
    i18n::text_with(locale, "subscription-range", &args)
}

async fn render(
    state: &AppState,
    user: &SignedIn,
    customer: CustomerId,
    subscription: SubscriptionId,
    entered: Entered,
    status: StatusCode,
) -> Result<Response, PageError> {
    let caller = &user.caller;
    let sub = subscriptions::get(state, caller, customer, subscription).await?;
    let current = customers::customer(state, caller, customer).await?;
    let add_ons = subscriptions::add_ons(state, caller, customer, subscription).await?;
    let catalog = customers::catalog(state).await?;
    let term = subscriptions::terms(state, std::slice::from_ref(&sub))
        .await?
        .remove(&sub.id);
    let locale = user.locale;
    let now = OffsetDateTime::now_utc();
    let cancel_open = term
        .as_ref()
        .is_none_or(|t| now <= t.cancellation_allowed_until());
    let message = |field: Field| {
        let error = entered.errors.iter().find(|e| e.field == field);
        error.map(|e| i18n::rule(locale, &e.rule))
    };
    let sold_by_viewer = sub.partner_id == caller.partner_id();
    let active = sub.status == SubscriptionStatus::Active;
    // Cancelled or expired: nothing changes any more.
    let ended = matches!(
        sub.status,
        SubscriptionStatus::Deleted | SubscriptionStatus::Expired
    );
    let link = |a: &Subscription| Some(path(customer, a.id));
    let choices = add_on_choices(&catalog, &sub, &current, locale);
    let mut page = user.page("subscription-title", &path(customer, subscription));
    if let Some(id) = entered.notice {
        page.notice = Some(i18n::text(locale, id));
    }
    let template = SubscriptionPage {
        page,
        customer_id: customer.to_string(),
        company: current.company_name.clone(),
        offer: offer_name(&catalog, &sub, locale),
        friendly_name: sub.friendly_name.clone(),
        licenses: format_number(locale, i64::from(sub.quantity)),
        range: catalog.offer(&sub.offer_id).map_or_else(String::new, |o| {
            range(locale, o.minimum_quantity, o.maximum_quantity)
        }),
        status: i18n::text(locale, &format!("status-{}", sub.status)),
        active,
        ended,
        auto_renew: sub.auto_renew,
        renewable: catalog.offer(&sub.offer_id).is_some_and(|o| o.is_auto_renewable),
        version: sub.version,
        plan: plan(locale, &sub),
        refundable: term.as_ref().map_or_else(Vec::new, |t| {
            let each = |d: &RefundableDetail| {
                let args = [
                    ("count", Arg::Text(format_number(locale, i64::from(d.quantity)))),
                    ("date", Arg::Text(format_date(locale, d.allowed_until))),
                ];
                i18n::text_with(locale, "subscription-refundable", &args)
            };
            t.refundable(now).details.iter().map(each).collect()
        }),
        // Windows of a subscription that ended are of no more use.
        cancel_until: term.as_ref().filter(|_| !ended).map(|t| match cancel_open {
            true => format_date(locale, t.cancellation_allowed_until()),
            false => i18n::text(locale, "subscription-cancel-closed"),
        }),
        can_cancel: cancel_open && !ended,
        is_add_on: sub.parent_subscription_id.is_some(),
        parent: sub
            .parent_subscription_id
            .map(|p| p.to_string())
            .unwrap_or_default(),
        created: format_date(locale, sub.created_at),
        commitment_end: format_date(locale, sub.commitment_end),
        can_manage: sold_by_viewer && user.can(Permission::ManageSubscriptions),
        can_buy: sold_by_viewer && active && user.can(Permission::PlaceOrder),
        add_ons: SubscriptionTable::new(add_ons.iter().map(|a| (a, None)), &catalog, locale, link).brief(),
        choices,
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
        request_key: new_secret(),
        next: NextTermView::new(
            locale,
            (&sub, current.billing.address.country),
            &catalog,
            entered.next.clone(),
            (message(Field::NextTermQuantity), message(Field::NextTermPlan)),
        ),
    };
    Ok(html(status, &template))
}
