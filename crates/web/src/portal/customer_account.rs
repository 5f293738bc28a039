//! The forms of a customer's Account tab: its details (company, address, primary contact,
//! culture and language), checked by the wizard's rules, and the record that it accepted
//! the customer agreement (**Add**, or **Update** with a newer acceptance).

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use partnerdesk_domain::customer::{BillingDetails, BillingProfile, Customer};
use partnerdesk_domain::draft::AccountForm;
use partnerdesk_domain::phone;
use partnerdesk_domain::{Arg, CustomerId, Field, FieldError, Rule};

use crate::app::{AppError, agreements, customers};
use crate::i18n;
use crate::portal::session::{Can, SignedIn, guard};
use crate::portal::wizard::account::{Builder, read};
use crate::state::AppState;
use crate::ui::fields::{ErrorLink, FieldsetView, attach};
use crate::ui::{Fields, Flash, Form, Page, PageError, html};

type Editor = Can<guard::EditBillingProfile>;
type Attester = Can<guard::AttestAgreement>;

#[derive(Template)]
#[template(path = "customer_form.html")]
struct CustomerForm {
    page: Page,
    id: String,
    company: String,
    heading: String,
    intro: Option<String>,
    /// Why the form shows something other than what was sent.
    warning: Option<String>,
    errors: Vec<ErrorLink>,
    action: String,
    hidden: Vec<(&'static str, String)>,
    fieldsets: Vec<FieldsetView>,
    button: String,
}

pub(crate) fn customer_id(raw: &str) -> Result<CustomerId, PageError> {
    raw.parse()
        .map_err(|_| PageError::not_found("api-customer-not-found"))
}

/// The wizard's account form, filled from what is saved of a customer.
fn saved(customer: &Customer) -> AccountForm {
    let b = &customer.billing;
    let a = &b.address;
    AccountForm {
        company_name: b.company_name.clone(),
        country: a.country.to_string(),
        address_line1: a.address_line1.clone(),
        address_line2: a.address_line2.clone().unwrap_or_default(),
        city: a.city.clone(),
        state: a.state.clone().unwrap_or_default(),
        postal_code: a.postal_code.clone().unwrap_or_default(),
        phone_number: shown_phone(b),
        culture: b.culture.clone(),
        language: b.language.clone(),
        first_name: b.first_name.clone(),
        last_name: b.last_name.clone(),
        email: b.email.clone(),
        ..AccountForm::default()
    }
}

/// The saved phone number as the customer's country writes it, to edit.
fn shown_phone(b: &BillingProfile) -> String {
    let shown = b
        .phone_number
        .as_deref()
        .map(|p| phone::display(p, b.address.country));
    shown.unwrap_or_default()
}

/// What a form of the tab shows besides its fields.
struct Frame<'a> {
    customer: &'a Customer,
    heading: &'a str,
    intro: Option<String>,
    path: String,
    hidden: Vec<(&'static str, String)>,
    button: &'a str,
}

fn render(
    user: &SignedIn,
    frame: Frame<'_>,
    mut fieldsets: Vec<FieldsetView>,
    errors: &[FieldError],
    warning: Option<String>,
) -> CustomerForm {
    let locale = user.locale;
    let errors = attach(&mut fieldsets, errors, locale);
    let company = frame.customer.company_name.clone();
    let mut page = user.page(frame.heading, &frame.path);
    page.title = format!("{company} – {}", page.title);
    CustomerForm {
        page,
        id: frame.customer.id.to_string(),
        company,
        heading: i18n::text(locale, frame.heading),
        intro: frame.intro,
        warning,
        errors,
        action: frame.path,
        hidden: frame.hidden,
        fieldsets,
        button: i18n::text(locale, frame.button),
    }
}

/// The details form: the wizard's company and contact fields but the country (which can't
/// change) and the registration number (which isn't part of the billing profile).
fn details_form(
    state: &AppState,
    user: &SignedIn,
    customer: &Customer,
    account: &AccountForm,
    version: i64,
    errors: &[FieldError],
    warning: Option<String>,
) -> CustomerForm {
    let locale = user.locale;
    let fields = Builder {
        state,
        account,
        locale,
        today: user.zone.today(),
    };
    let company = fields
        .company()
        .into_iter()
        .filter(|f| {
            ![
                Field::Country.name(),
                Field::OrganizationRegistrationNumber.name(),
            ]
            .contains(&f.name)
        })
        .collect();
    let set = |id, legend: &str, fields| FieldsetView {
        id,
        legend: i18n::text(locale, legend),
        fields,
        link: None,
    };
    let country = customer.billing.address.country.info().name(locale).to_owned();
    let frame = Frame {
        customer,
        heading: "customer-account-title",
        intro: Some(i18n::text_with(
            locale,
            "customer-account-country",
            &[("country", Arg::Text(country))],
        )),
        path: format!("/customers/{}/account", customer.id),
        hidden: vec![("version", version.to_string())],
        button: "customer-account-save",
    };
    let fieldsets = vec![
        set("company-details", "fieldset-company", company),
        set("primary-contact", "fieldset-contact", fields.contact()),
    ];
    render(user, frame, fieldsets, errors, warning)
}

pub async fn account(
    State(state): State<AppState>,
    user: Editor,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let customer = customers::customer(&state, &user.caller, customer_id(&id)?).await?;
    let form = details_form(
        &state,
        &user,
        &customer,
        &saved(&customer),
        customer.billing.version,
        &[],
        None,
    );
    Ok(html(StatusCode::OK, &form))
}

/// Saves the details if nobody changed them since the form was read; a change made
/// meanwhile is shown instead, to be made again.
pub async fn save_account(
    State(state): State<AppState>,
    jar: CookieJar,
    user: Editor,
    Path(id): Path<String>,
    Form(form): Form<Fields>,
) -> Result<Response, PageError> {
    let id = customer_id(&id)?;
    let version: i64 = form
        .get("version")
        .and_then(|v| v.parse().ok())
        .ok_or(PageError::BadForm)?;
    let customer = customers::customer(&state, &user.caller, id).await?;
    let mut account = saved(&customer);
    // The country can't change: one sent is ignored (the rules of the saved one apply).
    read(&mut account, &form.without("country"))?;
    let partner_domains = &user.caller.principal.partner_domains;
    let details = BillingDetails::parse(&account.customer_input().billing, partner_domains);
    match customers::update_billing_profile(&state, &user.caller, id, details, version).await {
        Ok(_) => {
            let jar = user.flash(jar, &Flash::notice("customer-account-saved"));
            Ok((jar, Redirect::to(&format!("/customers/{id}"))).into_response())
        }
        Err(AppError::Invalid(errors)) => {
            let form = details_form(&state, &user, &customer, &account, version, &errors, None);
            Ok(html(StatusCode::UNPROCESSABLE_ENTITY, &form))
        }
        Err(AppError::Stale) => {
            let current = customers::customer(&state, &user.caller, id).await?;
            let warning = Some(i18n::text(user.locale, "customer-account-changed-meanwhile"));
            let version = current.billing.version;
            let form = details_form(&state, &user, &current, &saved(&current), version, &[], warning);
            Ok(html(StatusCode::CONFLICT, &form))
        }
        Err(e) => Err(e.into()),
    }
}

/// The acceptance form, or 404 where the cloud has no customer agreement.
fn acceptance_form(
    state: &AppState,
    user: &SignedIn,
    customer: &Customer,
    account: &AccountForm,
    errors: &[FieldError],
) -> Result<CustomerForm, PageError> {
    let locale = user.locale;
    let fields = Builder {
        state,
        account,
        locale,
        today: user.zone.today(),
    };
    let fieldset = fields
        .agreement()
        .ok_or_else(|| PageError::not_found("api-route-not-found"))?;
    let frame = Frame {
        customer,
        heading: "customer-agreement-form-title",
        intro: Some(i18n::text(locale, "customer-agreement-form-intro")),
        path: format!("/customers/{}/agreement", customer.id),
        hidden: vec![("agreementShown", "1".to_owned())],
        button: "customer-agreement-record",
    };
    Ok(render(user, frame, vec![fieldset], errors, None))
}

pub async fn agreement(
    State(state): State<AppState>,
    user: Attester,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let customer = customers::customer(&state, &user.caller, customer_id(&id)?).await?;
    // The primary contact often signs (and the form says today unless told otherwise).
    let b = &customer.billing;
    let account = AccountForm {
        signer_first_name: b.first_name.clone(),
        signer_last_name: b.last_name.clone(),
        signer_email: b.email.clone(),
        signer_phone_number: shown_phone(b),
        ..AccountForm::default()
    };
    let form = acceptance_form(&state, &user, &customer, &account, &[])?;
    Ok(html(StatusCode::OK, &form))
}

/// Records that the customer accepted the agreement, as attested by the signed-in user.
pub async fn record_agreement(
    State(state): State<AppState>,
    jar: CookieJar,
    user: Attester,
    Path(id): Path<String>,
    Form(form): Form<Fields>,
) -> Result<Response, PageError> {
    let id = customer_id(&id)?;
    let customer = customers::customer(&state, &user.caller, id).await?;
    let mut account = AccountForm::default();
    read(&mut account, &form)?;
    let recorded = if account.agreement_accepted {
        agreements::record(
            &state,
            &user.caller,
            id,
            &account.agreement_input(),
            None,
            |_, _| (),
        )
        .await
        .map(|_| ())
    } else {
        Err(AppError::Invalid(vec![FieldError::new(
            Field::AgreementAccepted,
            Rule::AgreementNotAccepted,
        )]))
    };
    let errors = match recorded {
        Ok(()) => {
            let jar = user.flash(jar, &Flash::notice("customer-agreement-saved"));
            return Ok((jar, Redirect::to(&format!("/customers/{id}"))).into_response());
        }
        Err(AppError::Invalid(errors)) => errors,
        Err(AppError::AgreementAlreadyConfirmed) => {
            vec![FieldError::new(
                Field::SignerEmail,
                Rule::AgreementAlreadyConfirmed,
            )]
        }
        Err(e) => return Err(e.into()),
    };
    let form = acceptance_form(&state, &user, &customer, &account, &errors)?;
    Ok(html(StatusCode::UNPROCESSABLE_ENTITY, &form))
}
