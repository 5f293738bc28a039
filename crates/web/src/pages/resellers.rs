//! **Resellers** (indirect providers): the provider's indirect resellers, and, for admin
//! agents, inviting a new one: the reseller, its link to the provider and its first admin
//! agent, who sets a password from a one-time link.

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use partnerdesk_domain::email::Email;
use partnerdesk_domain::partner::{PartnerKind, Permission};
use partnerdesk_domain::{Field, Rule};
use partnerdesk_store::{Conflict, StoreError, secrets};
use time::{Duration, OffsetDateTime};

use crate::api::relationship_requests::origin;
use crate::error::ApiError;
use crate::i18n;
use crate::pages::form::FormData;
use crate::pages::layout::{Page, html};
use crate::pages::session::{SignedIn, new_secret};
use crate::pages::wizard::csrf_ok;
use crate::state::AppState;

struct ResellerRow {
    name: String,
    mpn_id: String,
}

#[derive(Template)]
#[template(path = "resellers.html")]
struct ResellersPage {
    page: Page,
    resellers: Vec<ResellerRow>,
    can_invite: bool,
    name: String,
    email: String,
    name_error: Option<String>,
    email_error: Option<String>,
    link: Option<String>,
}

#[derive(Default)]
struct Entered {
    name: String,
    email: String,
    name_error: Option<String>,
    email_error: Option<String>,
    link: Option<String>,
}

async fn render(state: &AppState, user: &SignedIn, entered: Entered, status: StatusCode) -> Response {
    if user.principal.partner.kind != PartnerKind::IndirectProvider {
        return ApiError::NotFound("api-route-not-found").into_response();
    }
    if let Err(e) = user.require(Permission::ViewCustomers) {
        return e.into_response();
    }
    let resellers = match state.store.resellers_of(user.principal.partner.id).await {
        Ok(resellers) => resellers,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let template = ResellersPage {
        page: Page::new(user, "resellers-title", "/resellers"),
        resellers: resellers
            .into_iter()
            .map(|r| ResellerRow {
                name: r.name,
                mpn_id: r.mpn_id,
            })
            .collect(),
        can_invite: user.can(Permission::ManageUsers),
        name: entered.name,
        email: entered.email,
        name_error: entered.name_error,
        email_error: entered.email_error,
        link: entered.link,
    };
    html(status, &template)
}

pub async fn page(State(state): State<AppState>, user: SignedIn) -> Response {
    render(&state, &user, Entered::default(), StatusCode::OK).await
}

pub async fn invite(
    State(state): State<AppState>,
    user: SignedIn,
    headers: HeaderMap,
    form: FormData,
) -> Response {
    if !csrf_ok(&user, &form) {
        return ApiError::BadRequest.into_response();
    }
    if let Err(e) = user.require(Permission::ManageUsers) {
        return e.into_response();
    }
    let locale = user.locale;
    let mut entered = Entered {
        name: form.get("companyName").trim().to_owned(),
        email: form.get("email").trim().to_owned(),
        ..Entered::default()
    };
    let email = match Email::parse(&entered.email) {
        Ok(email) => Some(email),
        Err(rule) => {
            entered.email_error = Some(i18n::rule(locale, &rule));
            None
        }
    };
    if entered.name.is_empty() {
        entered.name_error = Some(i18n::rule(locale, &Rule::Required));
    }
    let Some(email) = email.filter(|_| entered.name_error.is_none()) else {
        return render(&state, &user, entered, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let token = new_secret();
    let invited = state
        .store
        .invite_reseller(
            user.principal.partner.id,
            &entered.name,
            email.as_str(),
            secrets::sha256(token.as_bytes()),
            OffsetDateTime::now_utc() + Duration::days(7),
            user.actor(),
        )
        .await;
    match invited {
        Ok(_) => {
            let link = format!("{}/set-password/{token}", origin(&state, &headers));
            let done = Entered {
                link: Some(link),
                ..Entered::default()
            };
            render(&state, &user, done, StatusCode::OK).await
        }
        Err(StoreError::Conflict(Conflict::UserEmail)) => {
            entered.email_error = Some(i18n::rule(locale, &Rule::EmailTaken));
            render(&state, &user, entered, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(StoreError::Invalid(errors)) => {
            for e in errors {
                let message = Some(i18n::rule(locale, &e.rule));
                match e.field {
                    Field::CompanyName => entered.name_error = message,
                    _ => entered.email_error = message,
                }
            }
            render(&state, &user, entered, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => ApiError::from(e).into_response(),
    }
}
