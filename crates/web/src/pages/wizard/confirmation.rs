//! The confirmation: the admin user name and the temporary password, shown in the session
//! that created the customer (a reload or a resent Submit shows them again), then Done.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use partnerdesk_store::secrets;

use super::review::{Submitted, sealing_secret};
use super::{csrf_ok, load, submission, submission_key};
use crate::error::ApiError;
use crate::i18n;
use crate::pages::form::FormData;
use crate::pages::layout::{Page, html};
use crate::pages::session::SignedIn;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "wizard/confirmation.html")]
struct ConfirmationPage {
    page: Page,
    intro: String,
    user_name: String,
    password: Option<String>,
}

pub async fn page(State(state): State<AppState>, user: SignedIn) -> Response {
    let draft = match load(&state, &user).await {
        Ok(draft) => draft,
        Err(response) => return response,
    };
    let partner = user.principal.partner.id;
    let stored = match submission(&state, partner, &draft).await {
        Ok(Some(stored)) => stored,
        Ok(None) => return Redirect::to("/customers/new").into_response(),
        Err(response) => return response,
    };
    let Ok(submitted) = serde_json::from_str::<Submitted>(&stored.body) else {
        return ApiError::Internal("a stored submission doesn't parse".into()).into_response();
    };
    let password = stored.sealed_secret.and_then(|sealed| {
        secrets::open(
            &sealed,
            &sealing_secret(&user, &draft),
            partner.to_string().as_bytes(),
        )
    });
    let intro = i18n::text_with(
        user.locale,
        "confirmation-intro",
        &[
            (
                "company",
                partnerdesk_domain::Arg::Text(submitted.company_name.clone()),
            ),
            ("domain", partnerdesk_domain::Arg::Text(submitted.domain.clone())),
        ],
    );
    let template = ConfirmationPage {
        page: Page::new(&user, "confirmation-title", "/customers/new/confirmation"),
        intro,
        user_name: submitted.user_name,
        password,
    };
    html(StatusCode::OK, &template)
}

/// Done: forgets the password and the draft, and opens the new customer's page.
pub async fn done(State(state): State<AppState>, user: SignedIn, form: FormData) -> Response {
    if !csrf_ok(&user, &form) {
        return ApiError::BadRequest.into_response();
    }
    let draft = match load(&state, &user).await {
        Ok(draft) => draft,
        Err(response) => return response,
    };
    let partner = user.principal.partner.id;
    let stored = match submission(&state, partner, &draft).await {
        Ok(Some(stored)) => stored,
        Ok(None) => return Redirect::to("/customers").into_response(),
        Err(response) => return response,
    };
    let customer = serde_json::from_str::<Submitted>(&stored.body)
        .map(|s| s.customer_id)
        .unwrap_or_default();
    let forgotten = async {
        state
            .store
            .forget_sealed_secret(partner, submission_key(&draft))
            .await?;
        state.store.delete_draft(user.principal.user.id).await
    };
    match forgotten.await {
        Ok(()) => Redirect::to(&format!("/customers/{customer}")).into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}
