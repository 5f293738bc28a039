//! The price list of a market as the partner sees it (its cost, the suggested retail
//! price, what its customers pay by its rules, and its margin) and the rules themselves:
//! a default, and one per offer.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use partnerdesk_domain::billing::{
    CustomerPriceRule, Markups, PricePoint, RuleSource, customer_price, margin_percent,
};
use partnerdesk_domain::catalog::Offer;
use partnerdesk_domain::country::CountryCode;
use partnerdesk_domain::partner::Permission;
use partnerdesk_domain::{Locale, OfferId};
use partnerdesk_store::MarkupScope;
use serde::Deserialize;

use crate::app::AppError;
use crate::app::billing::{self, PriceRuleInput};
use crate::i18n;
use crate::portal::session::{Can, SignedIn, guard};
use crate::portal::wizard::account::countries;
use crate::state::AppState;
use crate::ui::billing::{format_money, format_percent, plan_words};
use crate::ui::{Flash, Form, Page, PageError, html};

struct PriceRow {
    offer: String,
    plan: String,
    cost: String,
    erp: String,
    customer: String,
    margin: String,
    source: String,
}

/// A rule's form: the partner's default (`offer_id` empty) or an offer's.
struct RuleForm {
    offer_id: String,
    name: String,
    kind: &'static str,
    percent: String,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "billing/prices.html")]
struct PricesPage {
    page: Page,
    market: String,
    markets: &'static [(String, String)],
    rows: Vec<PriceRow>,
    default_rule: RuleForm,
    offers: Vec<RuleForm>,
    can_manage: bool,
}

#[derive(Deserialize)]
pub struct MarketQuery {
    #[serde(default)]
    market: String,
}

/// A market's price list with the customer prices the partner's rules make.
pub async fn page(
    State(state): State<AppState>,
    user: Can<guard::ViewPrices>,
    Query(query): Query<MarketQuery>,
) -> Result<Response, PageError> {
    let market = CountryCode::parse(&query.market).unwrap_or_else(|_| default_market());
    let page = render(&state, &user, market, None).await?;
    Ok(html(axum::http::StatusCode::OK, &page))
}

fn default_market() -> CountryCode {
    CountryCode::parse("US").unwrap_or_else(|_| unreachable!("US is a country"))
}

async fn render(
    state: &AppState,
    user: &SignedIn,
    market: CountryCode,
    refused: Option<(&RuleFormInput, String)>,
) -> Result<PricesPage, AppError> {
    let locale = user.locale;
    let catalog = billing::price_list(state, &user.caller).await?;
    let markups = billing::customer_prices(state, &user.caller, None).await?;
    // The market's customers pay in its currency: the other currencies' rows are for others.
    let currency = market.info().currency_code.clone();
    let mut sheet = catalog.price_sheet(market);
    if sheet.iter().any(|(_, p)| p.currency().code() == currency) {
        sheet.retain(|(_, p)| p.currency().code() == currency);
    }
    let rows = sheet
        .iter()
        .map(|(offer, point)| price_row(locale, &markups, offer, point))
        .collect();
    let mut offers: Vec<RuleForm> = Vec::new();
    for (offer, _) in &sheet {
        if offers.iter().all(|o| o.offer_id != offer.id.as_str()) {
            offers.push(rule_form(
                &markups,
                Some(&offer.id),
                offer.name(locale).to_owned(),
            ));
        }
    }
    let mut default_rule = rule_form(&markups, None, String::new());
    if let Some((input, error)) = refused {
        let form = if input.offer_id.is_empty() {
            Some(&mut default_rule)
        } else {
            offers.iter_mut().find(|o| o.offer_id == input.offer_id)
        };
        if let Some(form) = form {
            form.kind = kind_of(&input.kind);
            form.percent.clone_from(&input.percent);
            form.error = Some(error);
        }
    }
    Ok(PricesPage {
        page: user.page(
            "prices-title",
            &format!("/billing/prices?market={}", market.as_str()),
        ),
        market: market.as_str().to_owned(),
        markets: countries(locale),
        rows,
        default_rule,
        offers,
        can_manage: user.can(Permission::ManagePrices),
    })
}

/// A row of the price list: the partner's cost, the ERP, and what its customers pay by the
/// rule that applies to any customer.
fn price_row(locale: Locale, markups: &Markups, offer: &Offer, point: &PricePoint) -> PriceRow {
    let rule = markups.rule_for(None, &offer.id);
    let price = customer_price(rule.map(|(r, _)| r), point.unit_price, point.erp).ok();
    PriceRow {
        offer: offer.name(locale).to_owned(),
        plan: plan_words(locale, point.plan),
        cost: format_money(locale, point.unit_price),
        erp: point.erp.map(|e| format_money(locale, e)).unwrap_or_default(),
        customer: price.map(|p| format_money(locale, p)).unwrap_or_default(),
        margin: price
            .and_then(|p| margin_percent(point.unit_price, p).ok().flatten())
            .map(|m| format_percent(locale, m))
            .unwrap_or_default(),
        source: source_words(locale, rule.map_or(RuleSource::Default, |(_, s)| s)),
    }
}

/// The form of the rule the partner set itself for `offer` (its default: `None`).
fn rule_form(markups: &Markups, offer: Option<&OfferId>, name: String) -> RuleForm {
    let (kind, percent) = shown(markups.set_for(None, offer));
    RuleForm {
        offer_id: offer.map(|o| o.as_str().to_owned()).unwrap_or_default(),
        name,
        kind,
        percent,
        error: None,
    }
}

/// A rule form's choice and percent for a rule set (`none`: no rule of its own).
pub(super) fn shown(rule: Option<CustomerPriceRule>) -> (&'static str, String) {
    match rule {
        None => ("none", String::new()),
        Some(CustomerPriceRule::Erp) => ("erp", String::new()),
        Some(CustomerPriceRule::PercentOverCost(p)) => ("percent", p.to_string()),
    }
}

/// The choice a refused form sent, as one of the form's.
pub(super) fn kind_of(kind: &str) -> &'static str {
    match kind {
        "erp" => "erp",
        "percent" => "percent",
        _ => "none",
    }
}

fn source_words(locale: Locale, source: RuleSource) -> String {
    let id = match source {
        RuleSource::Default => "prices-source-default",
        RuleSource::PartnerDefault => "prices-source-partner",
        RuleSource::Offer => "prices-source-offer",
        RuleSource::Customer => "prices-source-customer",
        RuleSource::CustomerOffer => "prices-source-customer-offer",
    };
    i18n::text(locale, id)
}

#[derive(Deserialize)]
pub struct RuleFormInput {
    #[serde(default)]
    market: String,
    #[serde(default)]
    offer_id: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    percent: String,
}

/// Sets the default rule or an offer's, or removes an offer's.
pub async fn set(
    State(state): State<AppState>,
    jar: CookieJar,
    user: Can<guard::ManagePrices>,
    Form(form): Form<RuleFormInput>,
) -> Result<Response, PageError> {
    let market = CountryCode::parse(&form.market).unwrap_or_else(|_| default_market());
    let offer = match form.offer_id.as_str() {
        "" => None,
        id => Some(OfferId::parse(id).ok_or(PageError::not_found("api-offer-not-found"))?),
    };
    let scope = MarkupScope {
        customer: None,
        offer,
    };
    let input = PriceRuleInput {
        kind: &form.kind,
        percent: &form.percent,
    };
    match billing::set_customer_price(&state, &user.caller, scope, input).await {
        Ok(()) => {
            let jar = user.flash(jar, &Flash::notice("prices-saved-notice"));
            let to = format!("/billing/prices?market={}", market.as_str());
            Ok((jar, Redirect::to(&to)).into_response())
        }
        Err(AppError::Invalid(errors)) => {
            let message = errors
                .first()
                .map(|e| i18n::rule(user.locale, &e.rule))
                .unwrap_or_default();
            let page = render(&state, &user, market, Some((&form, message))).await?;
            Ok(html(axum::http::StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(e) => Err(e.into()),
    }
}
