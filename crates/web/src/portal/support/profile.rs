//! The partner's support profile (admin agents): how its customers reach its support,
//! shown to them in the customer portal.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use partnerdesk_domain::support::SupportProfile;
use partnerdesk_domain::{Field, FieldError, Locale};

use crate::app::{AppError, support};
use crate::i18n;
use crate::portal::session::{Can, guard};
use crate::state::AppState;
use crate::ui::fields::{ErrorLink, FieldView, FieldsetView, Kind, attach};
use crate::ui::{Flash, Form, Page, PageError, ok, refused};

#[derive(Template)]
#[template(path = "support/profile.html")]
struct ProfilePage {
    page: Page,
    errors: Vec<ErrorLink>,
    fields: Vec<FieldView>,
}

type Admin = Can<guard::ManageSupportProfile>;

pub async fn page(State(state): State<AppState>, user: Admin) -> Result<Response, PageError> {
    let profile = support::profile(&state, &user.caller).await?.unwrap_or_default();
    Ok(ok(&render(&user, &profile, &[])))
}

fn render(user: &Admin, profile: &SupportProfile, errors: &[FieldError]) -> ProfilePage {
    let mut sets = vec![FieldsetView {
        id: "profile",
        legend: String::new(),
        fields: fields(user.locale, profile),
        link: None,
    }];
    let errors = attach(&mut sets, errors, user.locale);
    ProfilePage {
        page: user.page("support-profile-title", "/support/profile"),
        errors,
        fields: sets.remove(0).fields,
    }
}

fn fields(locale: Locale, p: &SupportProfile) -> Vec<FieldView> {
    let t = |id: &str| i18n::text(locale, id);
    vec![
        FieldView::of(Field::Email, t("support-profile-email"), Kind::Email, &p.email)
            .optional()
            .autocomplete("email"),
        FieldView::of(
            Field::Telephone,
            t("support-profile-telephone"),
            Kind::Tel,
            &p.telephone,
        )
        .optional()
        .max(40)
        .hint(t("support-profile-telephone-hint"))
        .autocomplete("tel"),
        FieldView::of(
            Field::Website,
            t("support-profile-website"),
            Kind::Text,
            &p.website,
        )
        .optional()
        .autocomplete("url"),
        FieldView::of(
            Field::SupportHours,
            t("support-profile-hours"),
            Kind::Text,
            &p.hours,
        )
        .optional()
        .hint(t("support-profile-hours-hint")),
        FieldView::of(
            Field::SupportPricing,
            t("support-profile-pricing"),
            Kind::TextArea,
            &p.pricing,
        )
        .optional(),
    ]
}

pub async fn save(
    State(state): State<AppState>,
    jar: CookieJar,
    user: Admin,
    Form(input): Form<SupportProfile>,
) -> Result<Response, PageError> {
    match support::set_profile(&state, &user.caller, &input).await {
        Ok(_) => {
            let jar = user.flash(jar, &Flash::notice("support-profile-saved"));
            Ok((jar, Redirect::to("/support/profile")).into_response())
        }
        Err(AppError::Invalid(errors)) => Ok(refused(&render(&user, &input, &errors))),
        Err(e) => Err(e.into()),
    }
}
