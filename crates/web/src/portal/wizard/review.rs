//! Step 3, Review: every value, with Update on each section, and Submit — the one
//! transaction that creates the customer, once per draft.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use partnerdesk_domain::agreement::parse_date_agreed;
use partnerdesk_domain::billing::BillingPlan;
use partnerdesk_domain::country::{CountryCode, CountryInfo, language_label};
use partnerdesk_domain::draft::{AccountForm, ChosenOffer, Step};
use partnerdesk_domain::phone::PhoneNumber;
use partnerdesk_domain::{Arg, Field, FieldError, Locale, Rule};
use serde::Deserialize;
use time::OffsetDateTime;

use super::{CONFIRMATION, Drafting, account, step_path};
use crate::app::drafts::Submitted;
use crate::app::{AppError, customers, drafts, sellers};
use crate::cldr::format_date;
use crate::cldr::format_number;
use crate::i18n;
use crate::portal::session::SignedIn;
use crate::state::AppState;
use crate::ui::billing::plan_words;
use crate::ui::{Flash, Form, Page, PageError, ok};

struct Line {
    label: String,
    value: String,
}

pub(crate) struct ChosenView {
    pub(crate) name: String,
    pub(crate) licenses: String,
    /// The term and billing plan in words; empty for an offer sold without prices.
    pub(crate) plan: String,
}

#[derive(Template)]
#[template(path = "wizard/review.html")]
struct ReviewPage {
    page: Page,
    step: u8,
    account: Vec<Line>,
    offers: Vec<ChosenView>,
    /// The draft's key: a resent Submit of this page finds its first answer.
    submit_key: String,
}

/// Whether both steps are complete; else where to go.
async fn incomplete(state: &AppState, wizard: &Drafting) -> Result<Option<Step>, PageError> {
    match customers::check_account(state, &wizard.user.caller, &wizard.draft.account).await {
        Ok(()) => {}
        Err(AppError::Invalid(_)) => return Ok(Some(Step::Account)),
        Err(e) => return Err(e.into()),
    }
    let catalog = customers::catalog(state).await?;
    Ok(wizard
        .draft
        .check_offers(&catalog)
        .is_err()
        .then_some(Step::Subscriptions))
}

pub async fn page(State(state): State<AppState>, wizard: Drafting) -> Result<Response, PageError> {
    if let Some(step) = incomplete(&state, &wizard).await? {
        return Ok(Redirect::to(step_path(step)).into_response());
    }
    let catalog = customers::catalog(&state).await?;
    let resellers = sellers::resellers(&state, &wizard.user.caller).await?;
    let locale = wizard.user.locale;
    let a = &wizard.draft.account;
    let reseller = resellers
        .iter()
        .find(|r| r.id.to_string() == a.associated_partner_id)
        .map(|r| r.name.clone());
    let offers = wizard.draft.offers.iter();
    Ok(ok(&ReviewPage {
        page: wizard.user.page("wizard-title", "/customers/new/review"),
        step: 3,
        account: Lines {
            state: &state,
            account: a,
            locale,
        }
        .all(reseller),
        offers: chosen(&catalog, offers, locale),
        submit_key: wizard.draft.submit_key.clone(),
    }))
}

/// The chosen offers by name, with their license counts in the locale's digits and their
/// plans in words.
pub(crate) fn chosen<'a>(
    catalog: &partnerdesk_domain::catalog::Catalog,
    offers: impl Iterator<Item = &'a ChosenOffer>,
    locale: Locale,
) -> Vec<ChosenView> {
    offers
        .map(|o| {
            let offer = partnerdesk_domain::OfferId::parse(&o.offer_id).and_then(|id| catalog.offer(&id));
            let priced = offer.is_some_and(|offer| catalog.prices(&offer.id).is_some());
            let (term, cycle) = o.term_and_cycle();
            let term = if term.is_empty() {
                offer.map_or_else(String::new, |offer| offer.term_duration.clone())
            } else {
                term
            };
            let cycle = if cycle.is_empty() {
                "monthly".to_owned()
            } else {
                cycle
            };
            ChosenView {
                name: offer.map_or_else(|| o.offer_id.clone(), |offer| offer.name(locale).to_owned()),
                licenses: o
                    .quantity
                    .trim()
                    .parse::<i64>()
                    .map_or_else(|_| o.quantity.clone(), |n| format_number(locale, n)),
                plan: BillingPlan::parse(&term, &cycle)
                    .ok()
                    .filter(|_| priced)
                    .map(|plan| plan_words(locale, plan))
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// The account info, a line per value as it will be kept.
struct Lines<'a> {
    state: &'a AppState,
    account: &'a AccountForm,
    locale: Locale,
}

impl Lines<'_> {
    fn line(&self, label: &str, value: String) -> Line {
        Line {
            label: i18n::text(self.locale, label),
            value,
        }
    }

    fn all(&self, reseller: Option<String>) -> Vec<Line> {
        let a = self.account;
        let country = CountryCode::parse(&a.country).ok().map(|c| c.info());
        let mut lines = self.address(country);
        lines.extend(self.contact(country));
        lines.extend(self.agreement());
        lines.extend(reseller.map(|r| self.line("fieldset-reseller", r)));
        lines.retain(|l| !l.value.trim().is_empty());
        lines
    }

    fn address(&self, country: Option<&CountryInfo>) -> Vec<Line> {
        let a = self.account;
        let state = country
            .and_then(|c| c.state(&a.state))
            .map_or_else(|| a.state.clone(), |s| s.name.to_owned());
        let country_name = country.map_or_else(|| a.country.clone(), |c| c.name(self.locale).to_owned());
        let mut lines = vec![
            self.line("label-company-name", a.company_name.clone()),
            self.line("label-country", country_name),
            self.line("label-address-line1", a.address_line1.clone()),
            self.line("label-address-line2", a.address_line2.clone()),
            self.line("label-city", a.city.clone()),
            self.line("label-state", state),
            self.line("label-postal-code", a.postal_code.clone()),
            self.line("label-phone", phone(&a.phone_number, &a.country)),
        ];
        if country.is_some_and(|c| c.registration.is_some()) {
            let number = a.organization_registration_number.clone();
            lines.push(self.line("label-registration", number));
        }
        lines
    }

    fn contact(&self, country: Option<&CountryInfo>) -> Vec<Line> {
        let a = self.account;
        let or = |value: &str, default: Option<&str>| {
            language_label(if value.is_empty() {
                default.unwrap_or("")
            } else {
                value
            })
        };
        let domain = format!(
            "{}{}",
            a.domain_prefix.trim().to_ascii_lowercase(),
            self.state.settings.profile.domain_suffix
        );
        vec![
            self.line(
                "label-culture",
                or(&a.culture, country.map(|c| c.default_culture())),
            ),
            self.line(
                "label-language",
                or(&a.language, country.map(|c| c.default_language())),
            ),
            self.line("label-first-name", a.first_name.clone()),
            self.line("label-last-name", a.last_name.clone()),
            self.line("label-email", a.email.clone()),
            self.line("customer-domain", domain),
        ]
    }

    fn agreement(&self) -> Vec<Line> {
        let a = self.account;
        if !self.state.settings.profile.offers_agreements() {
            return Vec::new();
        }
        let date = parse_date_agreed(&a.date_agreed, OffsetDateTime::now_utc())
            .map_or_else(|_| a.date_agreed.clone(), |d| format_date(self.locale, d));
        let name = format!("{} {}", a.signer_first_name.trim(), a.signer_last_name.trim());
        let accepted = i18n::text_with(
            self.locale,
            "review-agreement-accepted",
            &[("name", Arg::Text(name)), ("date", Arg::Text(date))],
        );
        vec![
            self.line("fieldset-agreement", accepted),
            self.line("label-signer-email", a.signer_email.clone()),
            self.line("label-signer-phone", phone(&a.signer_phone_number, &a.country)),
        ]
    }
}

/// A phone number as it will be read on the customer's page, or as typed.
fn phone(typed: &str, country: &str) -> String {
    let country = CountryCode::parse(country).ok();
    country
        .and_then(|c| Some(PhoneNumber::parse(typed, c).ok()?.for_display(c)))
        .unwrap_or_else(|| typed.trim().to_owned())
}

#[derive(Deserialize)]
pub struct ReviewPost {
    #[serde(default)]
    action: String,
    /// The key of the draft the page showed.
    #[serde(rename = "submitKey", default)]
    submit_key: String,
}

/// Update (back to a step, then straight back here) or Submit. A Submit sent again (a
/// double click, the back button, a resent form) gets the first one's answer.
pub async fn submit(
    State(state): State<AppState>,
    jar: CookieJar,
    mut wizard: Drafting,
    Form(form): Form<ReviewPost>,
) -> Result<Response, PageError> {
    let step = match form.action.as_str() {
        "update-account" => Some(Step::Account),
        "update-subscriptions" => Some(Step::Subscriptions),
        _ => None,
    };
    if let Some(step) = step {
        wizard.draft.return_to_review = true;
        return wizard.go(&state, step).await;
    }
    let user = &wizard.user;
    let sent = if form.submit_key.is_empty() {
        &wizard.draft.submit_key
    } else {
        &form.submit_key
    };
    if let Some(answer) = drafts::submission(&state, &user.caller, sent, &user.secret).await? {
        return Ok(confirmation(user, jar, sent, answer));
    }
    if *sent != wizard.draft.submit_key {
        return Ok(Redirect::to(step_path(wizard.draft.step)).into_response());
    }
    // The use case checks everything again (and a second Submit racing this one finds
    // its answer), so nothing is checked twice here.
    match drafts::submit(&state, &user.caller, &wizard.draft, &user.secret).await {
        Ok(answer) => Ok(confirmation(user, jar, &wizard.draft.submit_key, answer)),
        Err(AppError::DomainTaken(_)) => {
            // Taken since the account step was checked: back to it, with the reason.
            wizard.draft.step = Step::Account;
            wizard.save(&state).await?;
            let taken = [FieldError::new(Field::DomainPrefix, Rule::DomainTaken)];
            account::show_errors(&state, &wizard, &taken).await
        }
        Err(AppError::Invalid(errors)) => {
            let offers = errors
                .iter()
                .all(|e| e.field == Field::LineItems || e.field.line_item().is_some());
            let step = if offers {
                Step::Subscriptions
            } else {
                Step::Account
            };
            Ok(Redirect::to(step_path(step)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// On to the confirmation, which shows the answer (and the password, once) from the flash.
fn confirmation(user: &SignedIn, jar: CookieJar, key: &str, mut submitted: Submitted) -> Response {
    let password = submitted.password.take();
    let flash = Flash::Created {
        key: key.to_owned(),
        submitted,
        password,
    };
    (user.flash(jar, &flash), Redirect::to(CONFIRMATION)).into_response()
}
