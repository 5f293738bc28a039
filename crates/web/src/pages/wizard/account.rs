//! Step 1, Account info: company details, primary contact, domain, the customer agreement
//! (where the cloud offers it) and the indirect reseller (for indirect providers).

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use partnerdesk_domain::country::{self, CountryCode, language_label};
use partnerdesk_domain::customer::CustomerContext;
use partnerdesk_domain::draft::{AccountForm, Draft, Step};
use partnerdesk_domain::partner::{Partner, PartnerKind};
use partnerdesk_domain::tenant_domain::TenantDomain;
use partnerdesk_domain::{Field, FieldError, Locale, Rule};
use time::OffsetDateTime;

use super::fields::{After, ErrorLink, FieldView, FieldsetView, Kind, attach};
use super::{csrf_ok, guard_submitted, load, save, step_path};
use crate::error::ApiError;
use crate::i18n;
use crate::pages::form::FormData;
use crate::pages::layout::{Page, html};
use crate::pages::session::SignedIn;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "wizard/account.html")]
struct AccountPage {
    page: Page,
    step: u8,
    fieldsets: Vec<FieldsetView>,
    errors: Vec<ErrorLink>,
    next_label: String,
}

pub async fn page(State(state): State<AppState>, user: SignedIn) -> Response {
    let draft = match load(&state, &user).await {
        Ok(draft) => draft,
        Err(response) => return response,
    };
    if let Err(response) = guard_submitted(&state, &user, &draft).await {
        return response;
    }
    render(&state, &user, &draft, &[], None, StatusCode::OK).await
}

/// Saves what was typed, then: re-renders for the chosen country (`action=country`),
/// checks the domain (`action=check-domain`), or checks everything and moves on.
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
    read(&mut draft.account, &form);
    if let Err(response) = save(&state, &user, &draft).await {
        return response;
    }
    match form.get("action") {
        "country" => render(&state, &user, &draft, &[], None, StatusCode::OK).await,
        "check-domain" => {
            let status = domain_status(&state, &draft.account, user.locale).await;
            render(&state, &user, &draft, &[], Some(status), StatusCode::OK).await
        }
        _ => match check(&state, &user, &draft.account).await {
            Ok(()) => {
                draft.step = if draft.return_to_review {
                    Step::Review
                } else {
                    Step::Subscriptions
                };
                draft.return_to_review = false;
                match save(&state, &user, &draft).await {
                    Ok(()) => Redirect::to(step_path(draft.step)).into_response(),
                    Err(response) => response,
                }
            }
            Err(Ok(errors)) => {
                render(
                    &state,
                    &user,
                    &draft,
                    &errors,
                    None,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await
            }
            Err(Err(response)) => response,
        },
    }
}

/// Copies the submitted fields into the form; the country first, as it decides the rest.
fn read(account: &mut AccountForm, form: &FormData) {
    account.set_country(form.get("country").trim());
    let fields: [(&str, &mut String); 20] = [
        ("companyName", &mut account.company_name),
        ("addressLine1", &mut account.address_line1),
        ("addressLine2", &mut account.address_line2),
        ("city", &mut account.city),
        ("state", &mut account.state),
        ("postalCode", &mut account.postal_code),
        ("phoneNumber", &mut account.phone_number),
        (
            "organizationRegistrationNumber",
            &mut account.organization_registration_number,
        ),
        ("culture", &mut account.culture),
        ("language", &mut account.language),
        ("firstName", &mut account.first_name),
        ("lastName", &mut account.last_name),
        ("email", &mut account.email),
        ("domainPrefix", &mut account.domain_prefix),
        ("signerFirstName", &mut account.signer_first_name),
        ("signerLastName", &mut account.signer_last_name),
        ("signerEmail", &mut account.signer_email),
        ("signerPhoneNumber", &mut account.signer_phone_number),
        ("dateAgreed", &mut account.date_agreed),
        ("associatedPartnerId", &mut account.associated_partner_id),
    ];
    for (name, value) in fields {
        if form.has(name) {
            *value = form.get(name).chars().take(1000).collect();
        }
    }
    if form.has("agreementShown") {
        account.agreement_accepted = form.has("agreementAccepted");
    }
}

/// The account info's errors, with the checks that need the database (the domain is free,
/// the reseller is one of the caller's) once the values themselves are valid.
pub async fn check(
    state: &AppState,
    user: &SignedIn,
    account: &AccountForm,
) -> Result<(), Result<Vec<FieldError>, Response>> {
    let principal = &user.principal;
    let profile = &state.settings.profile;
    let context = CustomerContext {
        profile,
        partner_kind: principal.partner.kind,
        partner_domains: &principal.partner_domains,
    };
    let mut errors = match account.check(&context, OffsetDateTime::now_utc()) {
        Ok(_) => Vec::new(),
        Err(errors) => errors,
    };
    if let Ok(domain) = TenantDomain::parse(&account.domain_prefix, &profile.domain_suffix) {
        match state.store.domain_taken(domain.as_str()).await {
            Ok(true) => errors.push(FieldError::new(Field::DomainPrefix, Rule::DomainTaken)),
            Ok(false) => {}
            Err(e) => return Err(Err(ApiError::from(e).into_response())),
        }
    }
    if let Ok(reseller) = account
        .associated_partner_id
        .trim()
        .parse::<partnerdesk_domain::PartnerId>()
    {
        let resellers = resellers(state, user).await.map_err(Err)?;
        if !resellers.iter().any(|r| r.id == reseller) {
            errors.push(FieldError::new(Field::AssociatedPartnerId, Rule::ResellerUnknown));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Ok(errors))
    }
}

/// The indirect resellers the caller may associate a customer with.
pub async fn resellers(state: &AppState, user: &SignedIn) -> Result<Vec<Partner>, Response> {
    let partner = &user.principal.partner;
    if partner.kind != PartnerKind::IndirectProvider || !state.settings.profile.indirect_model {
        return Ok(Vec::new());
    }
    state
        .store
        .resellers_of(partner.id)
        .await
        .map_err(|e| ApiError::from(e).into_response())
}

/// "contoso.onmicrosoft.com is available", or why not.
pub async fn domain_status(state: &AppState, account: &AccountForm, locale: Locale) -> String {
    match TenantDomain::parse(&account.domain_prefix, &state.settings.profile.domain_suffix) {
        Err(_) => i18n::text(locale, "domain-invalid"),
        Ok(domain) => {
            let taken = state.store.domain_taken(domain.as_str()).await.unwrap_or(false);
            let id = if taken { "domain-taken" } else { "domain-available" };
            i18n::text_with(
                locale,
                id,
                &[("domain", partnerdesk_domain::Arg::Text(domain.to_string()))],
            )
        }
    }
}

/// The account step with `errors` on its fields.
pub async fn show_errors(
    state: &AppState,
    user: &SignedIn,
    draft: &Draft,
    errors: &[FieldError],
) -> Response {
    render(state, user, draft, errors, None, StatusCode::UNPROCESSABLE_ENTITY).await
}

async fn render(
    state: &AppState,
    user: &SignedIn,
    draft: &Draft,
    errors: &[FieldError],
    domain_check: Option<String>,
    status: StatusCode,
) -> Response {
    let resellers = match resellers(state, user).await {
        Ok(resellers) => resellers,
        Err(response) => return response,
    };
    let locale = user.locale;
    let mut fieldsets = fieldsets(state, draft, locale, &resellers, domain_check);
    let errors = attach(&mut fieldsets, errors, locale);
    let next = if draft.return_to_review {
        "button-next-review"
    } else {
        "button-next-subscriptions"
    };
    let template = AccountPage {
        page: Page::new(user, "wizard-title", "/customers/new/account"),
        step: 1,
        fieldsets,
        errors,
        next_label: i18n::text(locale, next),
    };
    html(status, &template)
}

/// Countries by their name in `locale` (Chinese by English name: a code-point order of
/// Chinese names means nothing to readers).
fn countries(locale: Locale) -> Vec<(String, String)> {
    let mut all: Vec<_> = country::all()
        .map(|c| {
            let key = match locale {
                Locale::ZhTw | Locale::ZhCn => c.name(Locale::EnUs).to_lowercase(),
                _ => fold(c.name(locale)),
            };
            (key, c.code.to_string(), c.name(locale).to_owned())
        })
        .collect();
    all.sort();
    all.into_iter().map(|(_, code, name)| (code, name)).collect()
}

/// Lower-case without the accents of Latin letters, for sorting ("Égypte" among the E).
fn fold(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'Á' | 'À' | 'Â' | 'Ä' | 'Å' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'Î' | 'Ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'Ô' | 'Ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'Û' | 'Ü' => 'u',
            'ç' | 'Ç' => 'c',
            'ñ' => 'n',
            'ё' | 'Ё' => 'е',
            other => other.to_lowercase().next().unwrap_or(other),
        })
        .collect()
}

fn fieldsets(
    state: &AppState,
    draft: &Draft,
    locale: Locale,
    resellers: &[Partner],
    domain_check: Option<String>,
) -> Vec<FieldsetView> {
    let t = |id: &str| i18n::text(locale, id);
    let a = &draft.account;
    let profile = &state.settings.profile;
    let country = CountryCode::parse(&a.country).ok().map(|c| c.info());
    let choose = || (String::new(), t("choose"));

    let mut company = vec![
        FieldView::new(
            "companyName",
            t("label-company-name"),
            Kind::Text,
            &a.company_name,
        )
        .autocomplete("organization"),
        FieldView::new("country", t("label-country"), Kind::Select, &a.country)
            .hint(t("hint-country"))
            .options(std::iter::once(choose()).chain(countries(locale)))
            .after(After::ApplyCountry),
        FieldView::new(
            "addressLine1",
            t("label-address-line1"),
            Kind::Text,
            &a.address_line1,
        )
        .autocomplete("address-line1")
        .max(200),
        FieldView::new(
            "addressLine2",
            t("label-address-line2"),
            Kind::Text,
            &a.address_line2,
        )
        .optional()
        .autocomplete("address-line2")
        .max(200),
        FieldView::new("city", t("label-city"), Kind::Text, &a.city)
            .autocomplete("address-level2")
            .max(100),
    ];
    let state_field =
        FieldView::new("state", t("label-state"), Kind::Text, &a.state).autocomplete("address-level1");
    company.push(match country {
        Some(info) if info.state_required() => {
            let states = info.states.iter().map(|s| (s.code.to_owned(), s.name.to_owned()));
            FieldView {
                kind: Kind::Select,
                ..state_field
            }
            .options(std::iter::once(choose()).chain(states))
        }
        _ => state_field.optional().max(100),
    });
    let postal = FieldView::new("postalCode", t("label-postal-code"), Kind::Text, &a.postal_code)
        .autocomplete("postal-code")
        .max(20);
    company.push(match country {
        Some(info) if info.postal_code_required() => postal.hint(t("hint-postal-required")),
        Some(_) => postal.optional().hint(t("hint-postal-optional")),
        None => postal.optional(),
    });
    let registration = country.and_then(|c| c.registration.as_ref());
    let phone =
        FieldView::new("phoneNumber", t("label-phone"), Kind::Tel, &a.phone_number).autocomplete("tel");
    company.push(match registration {
        Some(_) => phone.hint(t("hint-phone-required")),
        None => phone.optional(),
    });
    if let Some(rule) = registration {
        let hint = i18n::text_with(
            locale,
            "hint-registration",
            &[("sample", partnerdesk_domain::Arg::Text(rule.sample.to_owned()))],
        );
        company.push(
            FieldView::new(
                "organizationRegistrationNumber",
                t("label-registration"),
                Kind::Text,
                &a.organization_registration_number,
            )
            .hint(hint)
            .max(40),
        );
    }
    if let Some(info) = country {
        let culture = if a.culture.is_empty() {
            info.default_culture()
        } else {
            &a.culture
        };
        let language = if a.language.is_empty() {
            info.default_language()
        } else {
            &a.language
        };
        company.push(
            FieldView::new("culture", t("label-culture"), Kind::Select, culture)
                .hint(t("hint-culture"))
                .options(info.cultures.iter().map(|c| (c.clone(), language_label(c)))),
        );
        company.push(
            FieldView::new("language", t("label-language"), Kind::Select, language)
                .hint(t("hint-language"))
                .options(info.languages.iter().map(|l| (l.clone(), language_label(l)))),
        );
    }
    let contact = vec![
        FieldView::new("firstName", t("label-first-name"), Kind::Text, &a.first_name)
            .autocomplete("given-name")
            .max(50),
        FieldView::new("lastName", t("label-last-name"), Kind::Text, &a.last_name)
            .autocomplete("family-name")
            .max(50),
        FieldView::new("email", t("label-email"), Kind::Email, &a.email)
            .autocomplete("email")
            .max(254),
    ];
    let mut domain = FieldView::new(
        "domainPrefix",
        t("label-domain-prefix"),
        Kind::Text,
        &a.domain_prefix,
    )
    .hint(t("hint-domain"))
    .max(27);
    domain.suffix = Some(profile.domain_suffix.clone());
    let domain = domain.after(After::DomainCheck(domain_check));
    let mut sets = vec![
        FieldsetView {
            id: "company-details",
            legend: t("fieldset-company"),
            fields: company,
            link: None,
        },
        FieldsetView {
            id: "primary-contact",
            legend: t("fieldset-contact"),
            fields: contact,
            link: None,
        },
        FieldsetView {
            id: "domain",
            legend: t("fieldset-domain"),
            fields: vec![domain],
            link: None,
        },
    ];
    if let Some(agreement) = profile.primary_agreement() {
        let mut accepted = FieldView::new(
            "agreementAccepted",
            t("label-agreement-accepted"),
            Kind::Checkbox,
            "",
        );
        accepted.checked = a.agreement_accepted;
        sets.push(FieldsetView {
            id: "customer-agreement",
            legend: t("fieldset-agreement"),
            link: Some((agreement.link.clone(), t("agreement-read"))),
            fields: vec![
                accepted,
                FieldView::new(
                    "signerFirstName",
                    t("label-signer-first-name"),
                    Kind::Text,
                    &a.signer_first_name,
                )
                .max(50),
                FieldView::new(
                    "signerLastName",
                    t("label-signer-last-name"),
                    Kind::Text,
                    &a.signer_last_name,
                )
                .max(50),
                FieldView::new(
                    "signerEmail",
                    t("label-signer-email"),
                    Kind::Email,
                    &a.signer_email,
                )
                .max(254),
                FieldView::new(
                    "signerPhoneNumber",
                    t("label-signer-phone"),
                    Kind::Tel,
                    &a.signer_phone_number,
                ),
                FieldView::new("dateAgreed", t("label-date-agreed"), Kind::Date, &a.date_agreed)
                    .hint(t("hint-date")),
            ],
        });
    }
    if !resellers.is_empty() {
        let options = std::iter::once((String::new(), t("option-no-reseller")))
            .chain(resellers.iter().map(|r| (r.id.to_string(), r.name.clone())));
        sets.push(FieldsetView {
            id: "indirect-reseller",
            legend: t("fieldset-reseller"),
            link: None,
            fields: vec![
                FieldView::new(
                    "associatedPartnerId",
                    t("label-reseller"),
                    Kind::Select,
                    &a.associated_partner_id,
                )
                .optional()
                .hint(t("hint-reseller"))
                .options(options),
            ],
        });
    }
    sets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_sort_by_their_localized_name_ignoring_accents() {
        let french: Vec<String> = countries(Locale::FrFr).into_iter().map(|(_, n)| n).collect();
        let egypt = french.iter().position(|n| n == "Égypte");
        let ecuador = french.iter().position(|n| n == "Équateur");
        let spain = french.iter().position(|n| n == "Espagne");
        assert!(
            egypt < spain && ecuador < spain,
            "{egypt:?} {ecuador:?} {spain:?}"
        );
        assert!(
            countries(Locale::ZhTw)
                .iter()
                .any(|(c, n)| c == "TW" && n == "臺灣")
        );
    }
}
