//! **Add subscriptions** for an existing customer: the wizard's Subscriptions → Review →
//! Submit steps, with the same offers, rules and messages. The choices travel in the form
//! (there is nothing to resume), and Submit carries a key made when the page was first
//! shown, so that a double click or a resubmitted form places one order.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use partnerdesk_domain::customer::Customer;
use partnerdesk_domain::draft::Draft;
use partnerdesk_domain::partner::Permission;
use partnerdesk_domain::{CustomerId, Field, FieldError, Rule};

use crate::app::idempotency::RequestKey;
use crate::app::sessions::new_secret;
use crate::app::{AppError, billing, customers, orders};
use crate::i18n;
use crate::portal::session::{Can, guard};
use crate::portal::wizard::review::{ChosenView, chosen};
use crate::portal::wizard::subscriptions::{CategoryView, Pricing, categories, read};
use crate::state::AppState;
use crate::ui::fields::ErrorLink;
use crate::ui::form::form_key;
use crate::ui::{Fields, Flash, Form, Page, PageError, ok};

#[derive(Template)]
#[template(path = "order.html")]
struct OrderPage {
    page: Page,
    customer_id: String,
    company: String,
    review: bool,
    request_key: String,
    categories: Vec<CategoryView>,
    chosen: Vec<ChosenChoice>,
    errors: Vec<ErrorLink>,
}

/// A chosen offer, and what the form sends again for it.
struct ChosenChoice {
    id: String,
    view: ChosenView,
    raw_quantity: String,
    raw_plan: String,
}

type Orderer = Can<guard::PlaceOrder>;

/// The customer the path names, if the user may order for it.
async fn customer(state: &AppState, user: &Orderer, raw: &str) -> Result<Customer, PageError> {
    let id: CustomerId = raw
        .parse()
        .map_err(|_| PageError::not_found("api-customer-not-found"))?;
    Ok(customers::customer(state, &user.caller, id).await?)
}

/// What the form carries for a customer: the offers chosen and the submission's key.
struct Choice {
    customer: Customer,
    draft: Draft,
    key: String,
}

impl Choice {
    fn new(customer: Customer, key: String) -> Self {
        // A draft holding only what the offers depend on: the customer's country.
        let mut draft = Draft::default();
        draft.account.country = customer.billing.address.country.to_string();
        Self { customer, draft, key }
    }
}

/// The choice of offers, empty.
pub async fn page(
    State(state): State<AppState>,
    user: Orderer,
    Path(raw): Path<String>,
) -> Result<Response, PageError> {
    let choice = Choice::new(customer(&state, &user, &raw).await?, new_secret());
    render(&state, &user, &choice, false, &[]).await.map(|p| ok(&p))
}

/// `action=next` checks the choice and shows the review; `update` goes back to the
/// choice; `submit` places the order.
pub async fn submit(
    State(state): State<AppState>,
    jar: CookieJar,
    user: Orderer,
    Path(raw): Path<String>,
    Form(form): Form<Fields>,
) -> Result<Response, PageError> {
    let catalog = customers::catalog(&state).await?;
    let key = form_key(form.get("requestKey").unwrap_or_default());
    let mut choice = Choice::new(customer(&state, &user, &raw).await?, key);
    read(&mut choice.draft, &form, &catalog);
    let action = form.get("action").unwrap_or_default();
    if action == "update" {
        return render(&state, &user, &choice, false, &[]).await.map(|p| ok(&p));
    }
    if let Err(errors) = choice.draft.check_offers(&catalog) {
        return refused(&state, &user, &choice, &errors).await;
    }
    if action != "submit" {
        return render(&state, &user, &choice, true, &[]).await.map(|p| ok(&p));
    }
    let id = choice.customer.id;
    let key = RequestKey::form("portal order", &id.to_string(), &choice.key, String::new());
    let items = choice.draft.line_items();
    match orders::place(&state, &user.caller, id, &items, Some(key), |_| ()).await {
        Ok(_) => {
            let jar = user.flash(jar, &Flash::notice("customer-ordered"));
            Ok((jar, Redirect::to(&format!("/customers/{id}"))).into_response())
        }
        Err(AppError::Invalid(errors)) => refused(&state, &user, &choice, &errors).await,
        Err(e) => Err(e.into()),
    }
}

async fn refused(
    state: &AppState,
    user: &Orderer,
    choice: &Choice,
    errors: &[FieldError],
) -> Result<Response, PageError> {
    let page = render(state, user, choice, false, errors).await?;
    Ok(crate::ui::refused(&page))
}

async fn render(
    state: &AppState,
    user: &Orderer,
    choice: &Choice,
    review: bool,
    errors: &[FieldError],
) -> Result<OrderPage, PageError> {
    let catalog = customers::catalog(state).await?;
    let Choice { customer, draft, key } = choice;
    let locale = user.locale;
    let country = customer.billing.address.country;
    let markups = billing::customer_prices(state, &user.caller, Some(customer.id)).await?;
    let pricing = Pricing {
        markups: &markups,
        customer: Some(customer.id),
        show_cost: user.can(Permission::ViewPrices),
    };
    let (categories, mut links) = categories(&catalog, country, draft, (errors, &pricing), locale);
    for e in errors.iter().filter(|e| e.field.line_item().is_none()) {
        let rule = if e.field == Field::LineItems && e.rule == Rule::Required {
            Rule::NoLineItems
        } else {
            e.rule.clone()
        };
        let text = i18n::rule(locale, &rule);
        links.insert(
            0,
            ErrorLink {
                target: "offers".into(),
                text,
            },
        );
    }
    let offers = draft.offers.iter();
    let chosen = chosen(&catalog, offers, locale)
        .into_iter()
        .zip(&draft.offers)
        .map(|(view, o)| ChosenChoice {
            id: o.offer_id.clone(),
            view,
            raw_quantity: o.quantity.clone(),
            raw_plan: o.plan.clone(),
        })
        .collect();
    Ok(OrderPage {
        page: user.page("order-title", &format!("/customers/{}/order", customer.id)),
        customer_id: customer.id.to_string(),
        company: customer.company_name.clone(),
        review,
        request_key: key.to_owned(),
        categories,
        chosen,
        errors: links,
    })
}
