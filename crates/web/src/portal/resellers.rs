//! **Resellers** (indirect providers): the provider's indirect resellers, and, for admin
//! agents, inviting a new one: the reseller, its link to the provider and its first admin
//! agent, who sets a password from a one-time link.

use askama::Template;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use partnerdesk_domain::Field;
use partnerdesk_domain::partner::Permission;
use serde::Deserialize;

use crate::app::{AppError, users};
use crate::i18n;
use crate::links;
use crate::portal::session::SignedIn;
use crate::state::AppState;
use crate::ui::{Flash, Form, Page, PageError, ok, refused};

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

/// What the page shows besides the resellers: the form's values and messages, or a link.
#[derive(Default)]
struct Entered {
    name: String,
    email: String,
    name_error: Option<String>,
    email_error: Option<String>,
    link: Option<String>,
}

async fn render(state: &AppState, user: &SignedIn, entered: Entered) -> Result<ResellersPage, PageError> {
    let resellers = users::resellers(state, &user.caller).await?;
    Ok(ResellersPage {
        page: user.page("resellers-title", "/resellers"),
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
    })
}

pub async fn page(State(state): State<AppState>, user: SignedIn) -> Result<Response, PageError> {
    let link = match &user.flash {
        Some(Flash::Secret { value }) => Some(value.clone()),
        _ => None,
    };
    Ok(ok(&render(
        &state,
        &user,
        Entered {
            link,
            ..Entered::default()
        },
    )
    .await?))
}

#[derive(Deserialize)]
pub struct InviteForm {
    #[serde(rename = "companyName", default)]
    company_name: String,
    #[serde(default)]
    email: String,
}

pub async fn invite(
    State(state): State<AppState>,
    jar: CookieJar,
    user: SignedIn,
    headers: HeaderMap,
    Form(form): Form<InviteForm>,
) -> Result<Response, PageError> {
    match users::invite_reseller(&state, &user.caller, &form.company_name, &form.email, user.locale).await {
        Ok(token) => {
            let value = links::set_password(&state, &headers, &token);
            let jar = user.flash(jar, &Flash::Secret { value });
            Ok((jar, Redirect::to("/resellers")).into_response())
        }
        Err(AppError::Invalid(errors)) => {
            let mut entered = Entered {
                name: form.company_name.trim().to_owned(),
                email: form.email.trim().to_owned(),
                ..Entered::default()
            };
            for e in errors {
                let message = Some(i18n::rule(user.locale, &e.rule));
                match e.field {
                    Field::CompanyName => entered.name_error = message,
                    _ => entered.email_error = message,
                }
            }
            Ok(refused(&render(&state, &user, entered).await?))
        }
        Err(e) => Err(e.into()),
    }
}
