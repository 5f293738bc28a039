//! Step 1, Account info: company details, primary contact, domain, the customer agreement
//! (where the cloud offers it) and the indirect reseller (for indirect providers).

use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Json, Response};
use partnerdesk_domain::country::{self, CountryCode, CountryInfo, language_label};
use partnerdesk_domain::draft::{AccountForm, Step};
use partnerdesk_domain::partner::Partner;
use partnerdesk_domain::{Arg, Field, FieldError, Locale};
use serde::Deserialize;

use super::Drafting;
use crate::app::{AppError, customers, sellers};
use crate::i18n;
use crate::portal::session::{Can, guard};
use crate::state::AppState;
use crate::ui::fields::{After, ErrorLink, FieldView, FieldsetView, Kind, attach};
use crate::ui::{Fields, Form, Page, PageError, ok, refused};

#[derive(Template)]
#[template(path = "wizard/account.html")]
struct AccountPage {
    page: Page,
    step: u8,
    fieldsets: Vec<FieldsetView>,
    errors: Vec<ErrorLink>,
    next_label: String,
}

pub async fn page(State(state): State<AppState>, wizard: Drafting) -> Result<Response, PageError> {
    Ok(ok(&render(&state, &wizard, &[], None).await?))
}

/// Saves what was typed, then: re-renders for the chosen country (`action=country`),
/// checks the domain (`action=check-domain`), or checks everything and moves on.
pub async fn submit(
    State(state): State<AppState>,
    mut wizard: Drafting,
    Form(form): Form<Fields>,
) -> Result<Response, PageError> {
    read(&mut wizard.draft.account, &form)?;
    wizard.save(&state).await?;
    match form.get("action").unwrap_or_default() {
        "country" => Ok(ok(&render(&state, &wizard, &[], None).await?)),
        "check-domain" => {
            let status =
                domain_status(&state, &wizard.draft.account.domain_prefix, wizard.user.locale).await?;
            Ok(ok(&render(&state, &wizard, &[], Some(status)).await?))
        }
        _ => match customers::check_account(&state, &wizard.user.caller, &wizard.draft.account).await {
            Ok(()) => {
                let next = if wizard.draft.return_to_review {
                    Step::Review
                } else {
                    Step::Subscriptions
                };
                wizard.draft.return_to_review = false;
                wizard.go(&state, next).await
            }
            Err(AppError::Invalid(errors)) => Ok(refused(&render(&state, &wizard, &errors, None).await?)),
            Err(e) => Err(e.into()),
        },
    }
}

/// Copies the submitted fields into the form (the country first, as it decides the
/// rest); fields the page didn't show keep their values.
pub(crate) fn read(account: &mut AccountForm, form: &Fields) -> Result<(), PageError> {
    if let Some(country) = form.get("country") {
        account.set_country(country.trim());
    }
    // The form's field names are the account's (camelCase) property names.
    let mut values = serde_json::to_value(&*account).map_err(|e| AppError::Internal(e.to_string()))?;
    if let Some(map) = values.as_object_mut() {
        for (name, value) in form.iter() {
            if let Some(slot) = map.get_mut(name).filter(|slot| slot.is_string()) {
                *slot = value.chars().take(1000).collect::<String>().into();
            }
        }
    }
    *account = serde_json::from_value(values).map_err(|e| AppError::Internal(e.to_string()))?;
    if form.get("agreementShown").is_some() {
        account.agreement_accepted = form.get("agreementAccepted").is_some();
    }
    Ok(())
}

/// "contoso.onmicrosoft.com is available", or why not.
async fn domain_status(state: &AppState, prefix: &str, locale: Locale) -> Result<String, AppError> {
    let (id, domain) = match customers::domain_free(state, prefix).await? {
        Ok(domain) => ("domain-available", domain),
        Err(Some(domain)) => ("domain-taken", domain),
        Err(None) => return Ok(i18n::text(locale, "domain-invalid")),
    };
    Ok(i18n::text_with(locale, id, &[("domain", Arg::Text(domain))]))
}

#[derive(Deserialize)]
pub struct DomainQuery {
    #[serde(default)]
    prefix: String,
}

/// The live domain check of the account step: `{message}`.
pub async fn domain_check(
    State(state): State<AppState>,
    user: Can<guard::AddCustomer>,
    Query(query): Query<DomainQuery>,
) -> Result<Response, PageError> {
    let message = domain_status(&state, &query.prefix, user.locale).await?;
    Ok(Json(serde_json::json!({ "message": message })).into_response())
}

/// The account step with `errors` on its fields.
pub async fn show_errors(
    state: &AppState,
    wizard: &Drafting,
    errors: &[FieldError],
) -> Result<Response, PageError> {
    Ok(refused(&render(state, wizard, errors, None).await?))
}

async fn render(
    state: &AppState,
    wizard: &Drafting,
    errors: &[FieldError],
    domain_check: Option<String>,
) -> Result<AccountPage, PageError> {
    let resellers = sellers::resellers(state, &wizard.user.caller).await?;
    let locale = wizard.user.locale;
    let form = Builder {
        state,
        account: &wizard.draft.account,
        locale,
        today: wizard.user.zone.today(),
    };
    let mut fieldsets = form.fieldsets(&resellers, domain_check);
    let errors = attach(&mut fieldsets, errors, locale);
    let next = if wizard.draft.return_to_review {
        "button-next-review"
    } else {
        "button-next-subscriptions"
    };
    Ok(AccountPage {
        page: wizard.user.page("wizard-title", "/customers/new/account"),
        step: 1,
        fieldsets,
        errors,
        next_label: i18n::text(locale, next),
    })
}

/// Every country as (code, name in `locale`), in the order of `locale`'s collation.
pub(crate) fn countries(locale: Locale) -> &'static [(String, String)] {
    static SORTED: std::sync::LazyLock<[Vec<(String, String)>; 5]> = std::sync::LazyLock::new(|| {
        Locale::ALL.map(|locale| {
            let mut all: Vec<_> = country::all()
                .map(|c| (c.code.to_string(), c.name(locale).to_owned()))
                .collect();
            crate::i18n::sort_by_name(locale, &mut all, |(_, name)| name);
            all
        })
    });
    let index = Locale::ALL.iter().position(|l| *l == locale).unwrap_or_default();
    &SORTED[index]
}

/// The account step's fields, built from the draft's account in the user's language
/// (also the fields of a customer's account page).
pub(crate) struct Builder<'a> {
    pub state: &'a AppState,
    pub account: &'a AccountForm,
    pub locale: Locale,
    /// Today where the user is: what "Date signed" says unless told otherwise.
    pub today: time::Date,
}

impl Builder<'_> {
    fn t(&self, id: &str) -> String {
        i18n::text(self.locale, id)
    }

    fn field(&self, field: Field, label: &str, kind: Kind, value: &str) -> FieldView {
        FieldView::of(field, self.t(label), kind, value)
    }

    fn choose(&self) -> (String, String) {
        (String::new(), self.t("choose"))
    }

    fn fieldsets(&self, resellers: &[Partner], domain_check: Option<String>) -> Vec<FieldsetView> {
        let set = |id, legend: &str, fields| FieldsetView {
            id,
            legend: self.t(legend),
            fields,
            link: None,
        };
        let mut sets = vec![
            set("company-details", "fieldset-company", self.company()),
            set("primary-contact", "fieldset-contact", self.contact()),
            set("domain", "fieldset-domain", vec![self.domain(domain_check)]),
        ];
        sets.extend(self.agreement());
        if !resellers.is_empty() {
            sets.push(set(
                "indirect-reseller",
                "fieldset-reseller",
                vec![self.reseller(resellers)],
            ));
        }
        sets
    }

    fn country(&self) -> Option<&'static CountryInfo> {
        CountryCode::parse(&self.account.country).ok().map(|c| c.info())
    }

    pub(crate) fn company(&self) -> Vec<FieldView> {
        let a = &self.account;
        let mut fields = vec![
            self.field(
                Field::CompanyName,
                "label-company-name",
                Kind::Text,
                &a.company_name,
            )
            .autocomplete("organization"),
            self.field(Field::Country, "label-country", Kind::Select, &a.country)
                .hint(self.t("hint-country"))
                .options(std::iter::once(self.choose()).chain(countries(self.locale).iter().cloned()))
                .after(After::ApplyCountry),
            self.field(
                Field::AddressLine1,
                "label-address-line1",
                Kind::Text,
                &a.address_line1,
            )
            .autocomplete("address-line1"),
            self.field(
                Field::AddressLine2,
                "label-address-line2",
                Kind::Text,
                &a.address_line2,
            )
            .optional()
            .autocomplete("address-line2"),
            self.field(Field::City, "label-city", Kind::Text, &a.city)
                .autocomplete("address-level2"),
            self.state_field(),
            self.postal_code(),
        ];
        fields.extend(self.phone_and_registration());
        fields.extend(self.culture_and_language());
        fields
    }

    fn state_field(&self) -> FieldView {
        let field = self
            .field(Field::State, "label-state", Kind::Text, &self.account.state)
            .autocomplete("address-level1");
        match self.country() {
            Some(info) if info.state_required() => {
                let states = info.states.iter().map(|s| (s.code.to_owned(), s.name.to_owned()));
                FieldView {
                    kind: Kind::Select,
                    ..field
                }
                .options(std::iter::once(self.choose()).chain(states))
            }
            _ => field.optional(),
        }
    }

    fn postal_code(&self) -> FieldView {
        let a = &self.account;
        let field = self
            .field(Field::PostalCode, "label-postal-code", Kind::Text, &a.postal_code)
            .autocomplete("postal-code");
        match self.country() {
            Some(info) if info.postal_code_required() => {
                let example = info.postal_code_example().unwrap_or_default().to_owned();
                field.hint(i18n::text_with(
                    self.locale,
                    "hint-postal-required",
                    &[("example", Arg::Text(example))],
                ))
            }
            Some(_) => field.optional().hint(self.t("hint-postal-optional")),
            None => field.optional(),
        }
    }

    fn phone_and_registration(&self) -> Vec<FieldView> {
        let a = &self.account;
        let registration = self.country().and_then(|c| c.registration.as_ref());
        let phone = self
            .field(Field::PhoneNumber, "label-phone", Kind::Tel, &a.phone_number)
            .autocomplete("tel");
        let Some(rule) = registration else {
            return vec![phone.optional()];
        };
        let hint = i18n::text_with(
            self.locale,
            "hint-registration",
            &[("sample", Arg::Text(rule.sample.to_owned()))],
        );
        let number = &a.organization_registration_number;
        vec![
            phone.hint(self.t("hint-phone-required")),
            self.field(
                Field::OrganizationRegistrationNumber,
                "label-registration",
                Kind::Text,
                number,
            )
            .hint(hint),
        ]
    }

    fn culture_and_language(&self) -> Vec<FieldView> {
        let a = &self.account;
        let Some(info) = self.country() else {
            return Vec::new();
        };
        let or = |value: &str, default: &str| {
            if value.is_empty() {
                default.to_owned()
            } else {
                value.to_owned()
            }
        };
        let labelled = |list: &[String]| {
            list.iter()
                .map(|v| (v.clone(), language_label(v)))
                .collect::<Vec<_>>()
        };
        vec![
            self.field(
                Field::Culture,
                "label-culture",
                Kind::Select,
                &or(&a.culture, info.default_culture()),
            )
            .hint(self.t("hint-culture"))
            .options(labelled(&info.cultures)),
            self.field(
                Field::Language,
                "label-language",
                Kind::Select,
                &or(&a.language, info.default_language()),
            )
            .hint(self.t("hint-language"))
            .options(labelled(&info.languages)),
        ]
    }

    pub(crate) fn contact(&self) -> Vec<FieldView> {
        let a = &self.account;
        vec![
            self.field(Field::FirstName, "label-first-name", Kind::Text, &a.first_name)
                .autocomplete("given-name"),
            self.field(Field::LastName, "label-last-name", Kind::Text, &a.last_name)
                .autocomplete("family-name"),
            self.field(Field::Email, "label-email", Kind::Email, &a.email)
                .autocomplete("email"),
        ]
    }

    fn domain(&self, domain_check: Option<String>) -> FieldView {
        let a = &self.account;
        let mut domain = self
            .field(
                Field::DomainPrefix,
                "label-domain-prefix",
                Kind::Text,
                &a.domain_prefix,
            )
            .hint(self.t("hint-domain"));
        domain.suffix = Some(self.state.settings.profile.domain_suffix.clone());
        domain.after(After::DomainCheck(domain_check))
    }

    pub(crate) fn agreement(&self) -> Option<FieldsetView> {
        let agreement = self.state.settings.profile.primary_agreement()?;
        let a = &self.account;
        let mut accepted = self.field(
            Field::AgreementAccepted,
            "label-agreement-accepted",
            Kind::Checkbox,
            "",
        );
        accepted.checked = a.agreement_accepted;
        // Most acceptances are recorded the day they are given.
        let date_agreed = if a.date_agreed.trim().is_empty() {
            self.today
                .format(time::macros::format_description!("[year]-[month]-[day]"))
                .unwrap_or_default()
        } else {
            a.date_agreed.clone()
        };
        Some(FieldsetView {
            id: "customer-agreement",
            legend: self.t("fieldset-agreement"),
            link: Some((agreement.link.clone(), self.t("agreement-read"))),
            fields: vec![
                accepted,
                self.field(
                    Field::SignerFirstName,
                    "label-signer-first-name",
                    Kind::Text,
                    &a.signer_first_name,
                ),
                self.field(
                    Field::SignerLastName,
                    "label-signer-last-name",
                    Kind::Text,
                    &a.signer_last_name,
                ),
                self.field(
                    Field::SignerEmail,
                    "label-signer-email",
                    Kind::Email,
                    &a.signer_email,
                ),
                self.field(
                    Field::SignerPhoneNumber,
                    "label-signer-phone",
                    Kind::Tel,
                    &a.signer_phone_number,
                ),
                self.field(Field::DateAgreed, "label-date-agreed", Kind::Date, &date_agreed)
                    .hint(self.t("hint-date")),
            ],
        })
    }

    fn reseller(&self, resellers: &[Partner]) -> FieldView {
        let options = std::iter::once((String::new(), self.t("option-no-reseller")))
            .chain(resellers.iter().map(|r| (r.id.to_string(), r.name.clone())));
        let chosen = &self.account.associated_partner_id;
        self.field(Field::AssociatedPartnerId, "label-reseller", Kind::Select, chosen)
            .optional()
            .hint(self.t("hint-reseller"))
            .options(options)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_sort_by_their_localized_name_ignoring_accents() {
        let french: Vec<String> = countries(Locale::FrFr).iter().map(|(_, n)| n.clone()).collect();
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
