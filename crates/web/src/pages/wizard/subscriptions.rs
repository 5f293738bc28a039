//! Step 2, Subscriptions: the catalog for the customer's country, grouped by category;
//! each offer with its name, description, license range, a checkbox and a license count.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use partnerdesk_domain::catalog::Catalog;
use partnerdesk_domain::country::CountryCode;
use partnerdesk_domain::draft::{ChosenOffer, Draft, Step};
use partnerdesk_domain::{Field, FieldError, Locale, Rule};

use super::fields::{ErrorLink, summary_item};
use super::{csrf_ok, guard_submitted, load, save, step_path};
use crate::error::ApiError;
use crate::i18n;
use crate::pages::form::FormData;
use crate::pages::layout::{Page, format_number, html};
use crate::pages::session::SignedIn;
use crate::state::AppState;

pub(crate) struct OfferView {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) description: String,
    pub(crate) range: String,
    pub(crate) min: u32,
    pub(crate) max: u32,
    pub(crate) chosen: bool,
    pub(crate) quantity: String,
    pub(crate) error: Option<String>,
}

pub(crate) struct CategoryView {
    pub(crate) name: String,
    pub(crate) offers: Vec<OfferView>,
}

#[derive(Template)]
#[template(path = "wizard/subscriptions.html")]
struct SubscriptionsPage {
    page: Page,
    step: u8,
    intro: String,
    country: String,
    categories: Vec<CategoryView>,
    errors: Vec<ErrorLink>,
}

pub async fn page(State(state): State<AppState>, user: SignedIn) -> Response {
    let draft = match ready(&state, &user).await {
        Ok(draft) => draft,
        Err(response) => return response,
    };
    render(&state, &user, &draft, &[], StatusCode::OK).await
}

/// The draft, if its account info is complete; else the browser is sent back to it.
async fn ready(state: &AppState, user: &SignedIn) -> Result<Draft, Response> {
    let draft = load(state, user).await?;
    guard_submitted(state, user, &draft).await?;
    match super::account::check(state, user, &draft.account).await {
        Ok(()) => Ok(draft),
        Err(Ok(_)) => Err(Redirect::to(step_path(Step::Account)).into_response()),
        Err(Err(response)) => Err(response),
    }
}

/// Saves the ticked offers and the typed counts, then goes back or checks and moves on.
pub async fn submit(State(state): State<AppState>, user: SignedIn, form: FormData) -> Response {
    if !csrf_ok(&user, &form) {
        return ApiError::BadRequest.into_response();
    }
    let mut draft = match load(&state, &user).await {
        Ok(draft) => draft,
        Err(response) => return response,
    };
    if let Err(response) = guard_submitted(&state, &user, &draft).await {
        return response;
    }
    let catalog = match state.store.catalog().await {
        Ok(catalog) => catalog,
        Err(e) => return ApiError::from(e).into_response(),
    };
    read(&mut draft, &form, &catalog);
    if form.get("action") == "back" {
        draft.step = Step::Account;
        return match save(&state, &user, &draft).await {
            Ok(()) => Redirect::to(step_path(Step::Account)).into_response(),
            Err(response) => response,
        };
    }
    if let Err(response) = save(&state, &user, &draft).await {
        return response;
    }
    match draft.check_offers(&catalog) {
        Ok(_) => {
            draft.step = Step::Review;
            draft.return_to_review = false;
            match save(&state, &user, &draft).await {
                Ok(()) => Redirect::to(step_path(Step::Review)).into_response(),
                Err(response) => response,
            }
        }
        Err(errors) => render(&state, &user, &draft, &errors, StatusCode::UNPROCESSABLE_ENTITY).await,
    }
}

/// Ticked offers in the catalog's order (unknown ids ignored), and every typed count.
pub(crate) fn read(draft: &mut Draft, form: &FormData, catalog: &Catalog) {
    let ticked: Vec<&str> = form.all("offer").collect();
    let typed: Vec<(&str, &str)> = form.with_prefix("quantity-").collect();
    let quantity = |id: &str| {
        typed
            .iter()
            .find(|(o, _)| *o == id)
            .map(|(_, q)| q.trim().chars().take(20).collect::<String>())
            .unwrap_or_default()
    };
    let mut offers = Vec::new();
    let mut others = Vec::new();
    for offer in &catalog.document().offers {
        let id = offer.id.as_str();
        let chosen = ChosenOffer {
            offer_id: id.to_owned(),
            quantity: quantity(id),
        };
        if ticked.contains(&id) {
            offers.push(chosen);
        } else if !chosen.quantity.is_empty() {
            others.push(chosen);
        }
    }
    draft.offers = offers;
    draft.other_quantities = others;
}

async fn render(
    state: &AppState,
    user: &SignedIn,
    draft: &Draft,
    errors: &[FieldError],
    status: StatusCode,
) -> Response {
    let catalog = match state.store.catalog().await {
        Ok(catalog) => catalog,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let locale = user.locale;
    let Ok(country) = CountryCode::parse(&draft.account.country) else {
        return Redirect::to(step_path(Step::Account)).into_response();
    };
    let (categories, mut links) = categories(&catalog, country, draft, errors, locale);
    if errors.iter().any(|e| e.field == Field::LineItems) {
        let first = categories
            .iter()
            .flat_map(|c| &c.offers)
            .next()
            .map_or("main".to_owned(), |o| format!("offer-{}", o.id));
        links.insert(
            0,
            ErrorLink {
                target: first,
                text: i18n::rule(locale, &Rule::NoLineItems),
            },
        );
    }
    let template = SubscriptionsPage {
        page: Page::new(user, "wizard-title", "/customers/new/subscriptions"),
        step: 2,
        intro: i18n::text_with(
            locale,
            "subscriptions-intro",
            &[(
                "company",
                partnerdesk_domain::Arg::Text(draft.account.company_name.clone()),
            )],
        ),
        country: i18n::text_with(
            locale,
            "subscriptions-country",
            &[(
                "country",
                partnerdesk_domain::Arg::Text(country.info().name(locale).to_owned()),
            )],
        ),
        categories,
        errors: links,
    };
    html(status, &template)
}

/// Base offers of the country by category (add-ons need a subscription first), each with
/// its typed count and its error.
pub(crate) fn categories(
    catalog: &Catalog,
    country: CountryCode,
    draft: &Draft,
    errors: &[FieldError],
    locale: Locale,
) -> (Vec<CategoryView>, Vec<ErrorLink>) {
    let mut links = Vec::new();
    let mut views = Vec::new();
    for category in catalog.categories_in(country) {
        let offers: Vec<OfferView> = catalog
            .offers_in(country)
            .into_iter()
            .filter(|o| o.category == category.id && !o.is_add_on && o.is_available_for_purchase)
            .map(|offer| {
                let id = offer.id.as_str();
                let index = draft.offers.iter().position(|o| o.offer_id == id);
                let error = index
                    .and_then(|i| {
                        errors
                            .iter()
                            .find(|e| matches!(e.field, Field::Quantity(n) | Field::Offer(n) if n == i))
                    })
                    .map(|e| i18n::rule(locale, &e.rule));
                let name = offer.name(locale).to_owned();
                if let Some(message) = &error {
                    links.push(ErrorLink {
                        target: format!("quantity-{id}"),
                        text: summary_item(locale, &name, message),
                    });
                }
                OfferView {
                    id: id.to_owned(),
                    description: offer.description(locale).to_owned(),
                    range: i18n::text_with(
                        locale,
                        "subscriptions-range",
                        &[
                            (
                                "min",
                                partnerdesk_domain::Arg::Text(format_number(
                                    locale,
                                    i64::from(offer.minimum_quantity),
                                )),
                            ),
                            (
                                "max",
                                partnerdesk_domain::Arg::Text(format_number(
                                    locale,
                                    i64::from(offer.maximum_quantity),
                                )),
                            ),
                        ],
                    ),
                    min: offer.minimum_quantity,
                    max: offer.maximum_quantity,
                    chosen: draft.is_chosen(id),
                    quantity: draft
                        .quantity(id)
                        .map_or_else(|| offer.minimum_quantity.to_string(), str::to_owned),
                    error,
                    name,
                }
            })
            .collect();
        if !offers.is_empty() {
            views.push(CategoryView {
                name: category.name(locale).to_owned(),
                offers,
            });
        }
    }
    (views, links)
}
