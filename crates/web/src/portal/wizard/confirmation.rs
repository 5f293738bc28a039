//! The confirmation: the admin user name and the temporary password, shown in the session
//! that created the customer, then Done.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use partnerdesk_domain::Arg;

use crate::app::drafts;
use crate::i18n;
use crate::portal::session::{Can, guard};
use crate::state::AppState;
use crate::ui::cookies::Jar;
use crate::ui::{Empty, Flash, Form, Page, PageError, ok};

#[derive(Template)]
#[template(path = "wizard/confirmation.html")]
struct ConfirmationPage {
    page: Page,
    intro: String,
    user_name: String,
    password: Option<String>,
}

/// The new customer, with its admin's password the first time the page is shown; a reload
/// shows it without (the flash keeps the rest).
pub async fn page(
    State(state): State<AppState>,
    jar: CookieJar,
    user: Can<guard::AddCustomer>,
) -> Result<Response, PageError> {
    let Some(Flash::Created {
        key,
        submitted,
        password,
    }) = user.flash.clone()
    else {
        return Ok(Redirect::to("/customers/new").into_response());
    };
    if password.is_some() {
        drafts::forget_password(&state, &user.caller, &key, &user.secret).await?;
    }
    let args = [
        ("company", Arg::Text(submitted.company_name.clone())),
        ("domain", Arg::Text(submitted.domain.clone())),
    ];
    let template = ConfirmationPage {
        page: user.page("confirmation-title", "/customers/new/confirmation"),
        intro: i18n::text_with(user.locale, "confirmation-intro", &args),
        user_name: submitted.user_name.clone(),
        password,
    };
    let shown = Flash::Created {
        key,
        submitted,
        password: None,
    };
    Ok((user.flash(jar, &shown), ok(&template)).into_response())
}

/// Done: the new customer's page.
pub async fn done(
    jar: CookieJar,
    user: Can<guard::AddCustomer>,
    Form(Empty {}): Form<Empty>,
) -> Result<Response, PageError> {
    let Some(Flash::Created { submitted, .. }) = &user.flash else {
        return Ok(Redirect::to("/customers").into_response());
    };
    let jar = jar.add(Jar::Flash.clear(user.secure()));
    Ok((
        jar,
        Redirect::to(&format!("/customers/{}", submitted.customer_id)),
    )
        .into_response())
}
