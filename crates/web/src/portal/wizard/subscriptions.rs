//! Step 2, Subscriptions: the catalog for the customer's country, grouped by category;
//! each offer with its name, description, license range, a checkbox and a license count.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use partnerdesk_domain::catalog::Catalog;
use partnerdesk_domain::country::CountryCode;
use partnerdesk_domain::draft::{ChosenOffer, Draft, Step};
use partnerdesk_domain::{Arg, Field, FieldError, Locale, Rule};

use super::fields::{ErrorLink, summary_item};
use super::{Drafting, step_path};
use crate::app::customers;
use crate::i18n;
use crate::state::AppState;
use crate::ui::layout::format_number;
use crate::ui::{Fields, Form, Page, PageError, ok, refused};

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

/// The step, once the account info is complete.
pub async fn page(State(state): State<AppState>, wizard: Drafting) -> Result<Response, PageError> {
    if customers::check_account(&state, &wizard.user.caller, &wizard.draft.account)
        .await
        .is_err()
    {
        return Ok(Redirect::to(step_path(Step::Account)).into_response());
    }
    render(&state, &wizard, &[])
        .await
        .map(|page| page.map_or_else(account, |p| ok(&p)))
}

fn account() -> Response {
    Redirect::to(step_path(Step::Account)).into_response()
}

pub async fn submit(
    State(state): State<AppState>,
    mut wizard: Drafting,
    Form(form): Form<Fields>,
) -> Result<Response, PageError> {
    let catalog = customers::catalog(&state).await?;
    read(&mut wizard.draft, &form, &catalog);
    if form.get("action") == Some("back") {
        return wizard.go(&state, Step::Account).await;
    }
    wizard.save(&state).await?;
    match wizard.draft.check_offers(&catalog) {
        Ok(_) => {
            wizard.draft.return_to_review = false;
            wizard.go(&state, Step::Review).await
        }
        Err(errors) => Ok(render(&state, &wizard, &errors)
            .await?
            .map_or_else(account, |p| refused(&p))),
    }
}

/// Puts the ticked offers (`offer`, repeated) and every typed license count
/// (`quantity-<offer id>`) into the draft.
pub(crate) fn read(draft: &mut Draft, form: &Fields, catalog: &Catalog) {
    let ticked: Vec<&str> = form.all("offer").collect();
    let quantity = |id: &str| {
        form.get(&format!("quantity-{id}"))
            .map(|q| q.trim().chars().take(20).collect::<String>())
            .unwrap_or_default()
    };
    let (mut offers, mut others) = (Vec::new(), Vec::new());
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

/// The page, or `None` when the draft has no country yet.
async fn render(
    state: &AppState,
    wizard: &Drafting,
    errors: &[FieldError],
) -> Result<Option<SubscriptionsPage>, PageError> {
    let catalog = customers::catalog(state).await?;
    let locale = wizard.user.locale;
    let draft = &wizard.draft;
    let Ok(country) = CountryCode::parse(&draft.account.country) else {
        return Ok(None);
    };
    let (categories, mut links) = categories(&catalog, country, draft, errors, locale);
    if errors.iter().any(|e| e.field == Field::LineItems) {
        let first = categories
            .iter()
            .flat_map(|c| &c.offers)
            .next()
            .map_or("main".to_owned(), |o| format!("offer-{}", o.id));
        let text = i18n::rule(locale, &Rule::NoLineItems);
        links.insert(0, ErrorLink { target: first, text });
    }
    let company = Arg::Text(draft.account.company_name.clone());
    let country_name = Arg::Text(country.info().name(locale).to_owned());
    Ok(Some(SubscriptionsPage {
        page: wizard.user.page("wizard-title", "/customers/new/subscriptions"),
        step: 2,
        intro: i18n::text_with(locale, "subscriptions-intro", &[("company", company)]),
        country: i18n::text_with(locale, "subscriptions-country", &[("country", country_name)]),
        categories,
        errors: links,
    }))
}

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
                    range: range(locale, offer.minimum_quantity, offer.maximum_quantity),
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

/// "1–300 licenses", in the locale's digits.
fn range(locale: Locale, min: u32, max: u32) -> String {
    let number = |n: u32| Arg::Text(format_number(locale, i64::from(n)));
    i18n::text_with(
        locale,
        "subscriptions-range",
        &[("min", number(min)), ("max", number(max))],
    )
}
