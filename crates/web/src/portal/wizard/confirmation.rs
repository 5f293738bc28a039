//! The confirmation: the admin user name and the temporary password, shown in the session
//! that created the customer, then Done.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use partnerdesk_domain::Arg;

use crate::app::drafts;
use crate::i18n;
use crate::portal::session::{Can, guard};
use crate::state::AppState;
use crate::ui::{Empty, Form, Page, PageError, ok};

#[derive(Template)]
#[template(path = "wizard/confirmation.html")]
struct ConfirmationPage {
    page: Page,
    intro: String,
    user_name: String,
    password: Option<String>,
}

pub async fn page(
    State(state): State<AppState>,
    user: Can<guard::AddCustomer>,
) -> Result<Response, PageError> {
    let draft = drafts::load(&state, &user.caller).await?;
    let Some((submitted, password)) = drafts::submission(&state, &user.caller, &draft, &user.secret).await?
    else {
        return Ok(Redirect::to("/customers/new").into_response());
    };
    let intro = i18n::text_with(
        user.locale,
        "confirmation-intro",
        &[
            ("company", Arg::Text(submitted.company_name)),
            ("domain", Arg::Text(submitted.domain)),
        ],
    );
    Ok(ok(&ConfirmationPage {
        page: user.page("confirmation-title", "/customers/new/confirmation"),
        intro,
        user_name: submitted.user_name,
        password,
    }))
}

/// Done: forgets the password and the draft, and opens the new customer's page.
pub async fn done(
    State(state): State<AppState>,
    user: Can<guard::AddCustomer>,
    Form(Empty {}): Form<Empty>,
) -> Result<Response, PageError> {
    let draft = drafts::load(&state, &user.caller).await?;
    let Some((submitted, _)) = drafts::submission(&state, &user.caller, &draft, &user.secret).await? else {
        return Ok(Redirect::to("/customers").into_response());
    };
    drafts::finish(&state, &user.caller, &draft, &user.secret).await?;
    Ok(Redirect::to(&format!("/customers/{}", submitted.customer_id)).into_response())
}
