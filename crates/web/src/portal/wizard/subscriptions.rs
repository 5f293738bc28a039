//! Step 2, Subscriptions: the catalog for the customer's country, grouped by category;
//! each offer with its name, description, license range, a checkbox and a license count.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use partnerdesk_domain::billing::{BillingPlan, Currency, Markups, customer_price};
use partnerdesk_domain::catalog::{Catalog, Offer};
use partnerdesk_domain::country::CountryCode;
use partnerdesk_domain::draft::{ChosenOffer, Draft, Step};
use partnerdesk_domain::partner::Permission;
use partnerdesk_domain::{Arg, CustomerId, Field, FieldError, Locale, Rule};
use time::OffsetDateTime;

use super::{Drafting, step_path};
use crate::app::{billing, customers};
use crate::cldr::format_number;
use crate::i18n;
use crate::state::AppState;
use crate::ui::billing::{format_money, plan_words};
use crate::ui::fields::{ErrorLink, summary_item};
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
    /// The terms and billing plans the offer is sold on here, with their prices.
    pub(crate) plans: Vec<PlanOption>,
}

pub(crate) struct PlanOption {
    pub(crate) value: String,
    pub(crate) label: String,
    pub(crate) selected: bool,
}

/// What the offers' plans are priced with: the partner's rules for this customer (`None`
/// for a new one), and whether the reader sees the partner's cost.
pub(crate) struct Pricing<'a> {
    pub(crate) markups: &'a Markups,
    pub(crate) customer: Option<CustomerId>,
    pub(crate) show_cost: bool,
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

/// Puts the ticked offers (`offer`, repeated), every typed license count
/// (`quantity-<offer id>`) and chosen plan (`plan-<offer id>`) into the draft. An offer
/// shown unticked whose count was changed from the one shown (`shown-quantity-<offer id>`,
/// sent for unticked offers only) counts as ticked: typing a number for an offer means
/// ordering it. An offer shown ticked and unticked now is not ordered, whatever its count.
pub(crate) fn read(draft: &mut Draft, form: &Fields, catalog: &Catalog) {
    let ticked: Vec<&str> = form.all("offer").collect();
    let value = |name: String| {
        form.get(&name)
            .map(|q| q.trim().chars().take(20).collect::<String>())
            .unwrap_or_default()
    };
    let quantity = |id: &str| value(format!("quantity-{id}"));
    let (mut offers, mut others) = (Vec::new(), Vec::new());
    for offer in &catalog.document().offers {
        let id = offer.id.as_str();
        let chosen = ChosenOffer {
            offer_id: id.to_owned(),
            quantity: quantity(id),
            plan: value(format!("plan-{id}")),
        };
        let shown = form.get(&format!("shown-quantity-{id}")).map(str::trim);
        let typed = !chosen.quantity.is_empty() && shown.is_some_and(|shown| shown != chosen.quantity);
        if ticked.contains(&id) || typed {
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
    let markups = billing::customer_prices(state, &wizard.user.caller, None).await?;
    let pricing = Pricing {
        markups: &markups,
        customer: None,
        show_cost: wizard.user.can(Permission::ViewPrices),
    };
    let (categories, mut links) = categories(&catalog, country, draft, (errors, &pricing), locale);
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
    (errors, pricing): (&[FieldError], &Pricing<'_>),
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
                    .and_then(|i| errors.iter().find(|e| e.field.line_item() == Some(i)))
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
                    plans: plan_options(catalog, offer, country, pricing, draft.plan(id), locale),
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

/// The plans `offer` has a price for today in `country`'s currency, each with the
/// customer's price by the partner's rules (and, to those who see prices, the cost); the
/// chosen one selected, else the offer's term billed monthly.
fn plan_options(
    catalog: &Catalog,
    offer: &Offer,
    country: CountryCode,
    pricing: &Pricing<'_>,
    chosen: Option<&str>,
    locale: Locale,
) -> Vec<PlanOption> {
    let (Some(list), Ok(currency)) = (
        catalog.prices(&offer.id),
        Currency::parse(&country.info().currency_code),
    ) else {
        return Vec::new();
    };
    let today = OffsetDateTime::now_utc().date();
    let rule = pricing
        .markups
        .rule_for(pricing.customer, &offer.id)
        .map(|(r, _)| r);
    let default = format!("{}/monthly", offer.term_duration);
    let chosen = chosen.unwrap_or(&default);
    let mut plans: Vec<BillingPlan> = Vec::new();
    for point in list.points() {
        if !plans.contains(&point.plan) {
            plans.push(point.plan);
        }
    }
    let mut options: Vec<PlanOption> = plans
        .into_iter()
        .filter_map(|plan| {
            let point = list.price_on(country, currency, plan, today).ok()?;
            let price = customer_price(rule, point.unit_price, point.erp).ok()?;
            let mut args = vec![
                ("plan", Arg::Text(plan_words(locale, plan))),
                ("price", Arg::Text(format_money(locale, price))),
            ];
            let id = if pricing.show_cost {
                args.push(("cost", Arg::Text(format_money(locale, point.unit_price))));
                "subscriptions-plan-with-cost"
            } else {
                "subscriptions-plan"
            };
            let value = format!("{}/{}", plan.term().as_str(), plan.cycle().as_str());
            Some(PlanOption {
                selected: value == chosen,
                label: i18n::text_with(locale, id, &args),
                value,
            })
        })
        .collect();
    if !options.iter().any(|o| o.selected)
        && let Some(first) = options.first_mut()
    {
        first.selected = true;
    }
    options
}
