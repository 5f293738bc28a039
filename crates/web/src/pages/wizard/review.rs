//! Step 3, Review: every value, with Update on each section, and Submit — the one
//! transaction that creates the customer, idempotent by the draft's submission key.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use partnerdesk_domain::country::{CountryCode, language_label};
use partnerdesk_domain::customer::CustomerContext;
use partnerdesk_domain::draft::{Draft, Step};
use partnerdesk_domain::onboarding::{Onboarding, OrderLine, ResellerRef, Seller};
use partnerdesk_domain::{Arg, Field, FieldError, Locale, Rule};
use partnerdesk_store::{Conflict, IdempotencyRecord, StoreError, secrets};
use time::OffsetDateTime;

use super::{csrf_ok, guard_submitted, load, save, step_path, submission_key};
use crate::error::ApiError;
use crate::i18n;
use crate::pages::form::FormData;
use crate::pages::layout::{Page, format_date, format_number, html};
use crate::pages::session::SignedIn;
use crate::state::AppState;

struct Line {
    label: String,
    value: String,
}

struct ChosenView {
    name: String,
    licenses: String,
}

#[derive(Template)]
#[template(path = "wizard/review.html")]
struct ReviewPage {
    page: Page,
    step: u8,
    account: Vec<Line>,
    offers: Vec<ChosenView>,
}

/// The draft, if both steps are complete; else the browser goes to the one that isn't.
async fn ready(state: &AppState, user: &SignedIn) -> Result<Draft, Response> {
    let draft = load(state, user).await?;
    guard_submitted(state, user, &draft).await?;
    match super::account::check(state, user, &draft.account).await {
        Ok(()) => {}
        Err(Ok(_)) => return Err(Redirect::to(step_path(Step::Account)).into_response()),
        Err(Err(response)) => return Err(response),
    }
    let catalog = state
        .store
        .catalog()
        .await
        .map_err(|e| ApiError::from(e).into_response())?;
    if draft.check_offers(&catalog).is_err() {
        return Err(Redirect::to(step_path(Step::Subscriptions)).into_response());
    }
    Ok(draft)
}

pub async fn page(State(state): State<AppState>, user: SignedIn) -> Response {
    let draft = match ready(&state, &user).await {
        Ok(draft) => draft,
        Err(response) => return response,
    };
    let catalog = match state.store.catalog().await {
        Ok(catalog) => catalog,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let resellers = match super::account::resellers(&state, &user).await {
        Ok(resellers) => resellers,
        Err(response) => return response,
    };
    let locale = user.locale;
    let offers = draft
        .offers
        .iter()
        .map(|o| ChosenView {
            name: partnerdesk_domain::OfferId::parse(&o.offer_id)
                .and_then(|id| catalog.offer(&id).map(|offer| offer.name(locale).to_owned()))
                .unwrap_or_else(|| o.offer_id.clone()),
            licenses: o
                .quantity
                .parse::<i64>()
                .map_or_else(|_| o.quantity.clone(), |n| format_number(locale, n)),
        })
        .collect();
    let reseller = resellers
        .iter()
        .find(|r| r.id.to_string() == draft.account.associated_partner_id)
        .map(|r| r.name.clone());
    let template = ReviewPage {
        page: Page::new(&user, "wizard-title", "/customers/new/review"),
        step: 3,
        account: account_lines(&state, &draft, locale, reseller),
        offers,
    };
    html(StatusCode::OK, &template)
}

fn account_lines(state: &AppState, draft: &Draft, locale: Locale, reseller: Option<String>) -> Vec<Line> {
    let t = |id: &str| i18n::text(locale, id);
    let a = &draft.account;
    let country = CountryCode::parse(&a.country).ok().map(|c| c.info());
    let state_name = country
        .and_then(|c| c.state(&a.state))
        .map_or_else(|| a.state.clone(), |s| s.name.to_owned());
    let mut lines = vec![
        Line {
            label: t("label-company-name"),
            value: a.company_name.clone(),
        },
        Line {
            label: t("label-country"),
            value: country.map_or_else(|| a.country.clone(), |c| c.name(locale).to_owned()),
        },
        Line {
            label: t("label-address-line1"),
            value: a.address_line1.clone(),
        },
        Line {
            label: t("label-address-line2"),
            value: a.address_line2.clone(),
        },
        Line {
            label: t("label-city"),
            value: a.city.clone(),
        },
        Line {
            label: t("label-state"),
            value: state_name,
        },
        Line {
            label: t("label-postal-code"),
            value: a.postal_code.clone(),
        },
        Line {
            label: t("label-phone"),
            value: phone(&a.phone_number, &a.country),
        },
    ];
    if country.is_some_and(|c| c.registration.is_some()) {
        lines.push(Line {
            label: t("label-registration"),
            value: a.organization_registration_number.clone(),
        });
    }
    let default = |value: &str, fallback: Option<&str>| {
        if value.is_empty() {
            fallback.unwrap_or("").to_owned()
        } else {
            value.to_owned()
        }
    };
    lines.extend([
        Line {
            label: t("label-culture"),
            value: language_label(&default(&a.culture, country.map(|c| c.default_culture()))),
        },
        Line {
            label: t("label-language"),
            value: language_label(&default(&a.language, country.map(|c| c.default_language()))),
        },
        Line {
            label: t("label-first-name"),
            value: a.first_name.clone(),
        },
        Line {
            label: t("label-last-name"),
            value: a.last_name.clone(),
        },
        Line {
            label: t("label-email"),
            value: a.email.clone(),
        },
        Line {
            label: t("customer-domain"),
            value: format!(
                "{}{}",
                a.domain_prefix.trim().to_ascii_lowercase(),
                state.settings.profile.domain_suffix
            ),
        },
    ]);
    if state.settings.profile.offers_agreements() {
        let date =
            partnerdesk_domain::agreement::parse_date_agreed(&a.date_agreed, OffsetDateTime::now_utc())
                .map_or_else(|_| a.date_agreed.clone(), |d| format_date(locale, d));
        let name = format!("{} {}", a.signer_first_name.trim(), a.signer_last_name.trim());
        lines.push(Line {
            label: t("fieldset-agreement"),
            value: i18n::text_with(
                locale,
                "review-agreement-accepted",
                &[("name", Arg::Text(name)), ("date", Arg::Text(date))],
            ),
        });
        lines.push(Line {
            label: t("label-signer-email"),
            value: a.signer_email.clone(),
        });
        lines.push(Line {
            label: t("label-signer-phone"),
            value: phone(&a.signer_phone_number, &a.country),
        });
    }
    if let Some(reseller) = reseller {
        lines.push(Line {
            label: t("fieldset-reseller"),
            value: reseller,
        });
    }
    lines.retain(|l| !l.value.trim().is_empty());
    lines
}

/// A phone number as it will be stored (E.164), or as typed.
fn phone(typed: &str, country: &str) -> String {
    CountryCode::parse(country)
        .ok()
        .and_then(|c| partnerdesk_domain::phone::PhoneNumber::parse(typed, c).ok())
        .map_or_else(|| typed.trim().to_owned(), |p| p.as_str().to_owned())
}

/// Update (back to a step, then straight back here) or Submit.
pub async fn submit(State(state): State<AppState>, user: SignedIn, form: FormData) -> Response {
    if !csrf_ok(&user, &form) {
        return ApiError::BadRequest.into_response();
    }
    let mut draft = match load(&state, &user).await {
        Ok(draft) => draft,
        Err(response) => return response,
    };
    let step = match form.get("action") {
        "update-account" => Some(Step::Account),
        "update-subscriptions" => Some(Step::Subscriptions),
        _ => None,
    };
    if let Some(step) = step {
        if let Err(response) = guard_submitted(&state, &user, &draft).await {
            return response;
        }
        draft.step = step;
        draft.return_to_review = true;
        return match save(&state, &user, &draft).await {
            Ok(()) => Redirect::to(step_path(step)).into_response(),
            Err(response) => response,
        };
    }
    // A second Submit (a double click, a resent form, a retry) finds the first's answer.
    match super::submission(&state, user.principal.partner.id, &draft).await {
        Ok(Some(_)) => return Redirect::to("/customers/new/confirmation").into_response(),
        Ok(None) => {}
        Err(response) => return response,
    }
    let draft = match ready(&state, &user).await {
        Ok(draft) => draft,
        Err(response) => return response,
    };
    match onboard(&state, &user, &draft).await {
        Ok(()) => Redirect::to("/customers/new/confirmation").into_response(),
        Err(response) => response,
    }
}

/// What a submission keeps for its confirmation (the password, sealed, beside it).
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Submitted {
    pub customer_id: String,
    pub company_name: String,
    pub domain: String,
    pub user_name: String,
}

/// The key a submission's password is sealed with: the session's secret and the draft's
/// submission key, neither of which the database holds.
pub fn sealing_secret(user: &SignedIn, draft: &Draft) -> String {
    format!("{}\n{}", user.secret, draft.submit_key)
}

async fn onboard(state: &AppState, user: &SignedIn, draft: &Draft) -> Result<(), Response> {
    let principal = &user.principal;
    let profile = &state.settings.profile;
    let context = CustomerContext {
        profile,
        partner_kind: principal.partner.kind,
        partner_domains: &principal.partner_domains,
    };
    let now = OffsetDateTime::now_utc();
    let catalog = state
        .store
        .catalog()
        .await
        .map_err(|e| ApiError::from(e).into_response())?;
    let (customer, acceptance) = draft
        .account
        .check(&context, now)
        .map_err(|_| Redirect::to(step_path(Step::Account)).into_response())?;
    let items = draft
        .check_offers(&catalog)
        .map_err(|_| Redirect::to(step_path(Step::Subscriptions)).into_response())?;
    let resellers = super::account::resellers(state, user).await?;
    let reseller = customer
        .associated_partner_id
        .and_then(|id| resellers.iter().find(|r| r.id == id))
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
    let seller = Seller {
        partner_id: principal.partner.id,
        user_id: principal.user.id,
    };
    let onboarding = Onboarding::new(customer, acceptance, lines, &catalog, seller, now);
    let password = secrets::generate_password();
    let submitted = Submitted {
        customer_id: onboarding.customer.id.to_string(),
        company_name: onboarding.customer.company_name.clone(),
        domain: onboarding.customer.domain.clone(),
        user_name: onboarding.admin_user_name.clone(),
    };
    let record = IdempotencyRecord {
        partner_id: principal.partner.id,
        key_hash: submission_key(draft),
        fingerprint: submission_key(draft),
        status: 201,
        body: serde_json::to_string(&submitted)
            .map_err(|e| ApiError::Internal(e.to_string()).into_response())?,
        sealed_secret: secrets::seal(
            &password,
            &sealing_secret(user, draft),
            principal.partner.id.to_string().as_bytes(),
        ),
        created_at: now,
    };
    let hash = secrets::hash_generated_password(&password);
    match state
        .store
        .onboard_customer(onboarding, hash, Some(record), user.actor())
        .await
    {
        Ok(()) | Err(StoreError::Conflict(Conflict::RequestId)) => {
            metrics::counter!("customers_created_total").increment(1);
            Ok(())
        }
        Err(StoreError::Conflict(Conflict::Domain)) => {
            // Taken since the account step was checked: back to it, with the reason.
            let mut back = draft.clone();
            back.step = Step::Account;
            save(state, user, &back).await?;
            let taken = [FieldError::new(Field::DomainPrefix, Rule::DomainTaken)];
            Err(super::account::show_errors(state, user, &back, &taken).await)
        }
        Err(e) => Err(ApiError::from(e).into_response()),
    }
}
