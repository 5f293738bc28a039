//! **Request a reseller relationship**: a link for a customer that exists already, and an
//! email to send it with, in the partner's language.

use askama::Template;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use partnerdesk_domain::Arg;
use partnerdesk_domain::partner::Permission;
use serde::Deserialize;

use crate::app::{AppError, relationships, sellers};
use crate::i18n;
use crate::links;
use crate::portal::session::{Can, guard};
use crate::state::AppState;
use crate::ui::{Flash, Form, Page, PageError, ok};

struct ResellerChoice {
    id: String,
    name: String,
}

#[derive(Template)]
#[template(path = "relationship_request.html")]
struct RequestPage {
    page: Page,
    resellers: Vec<ResellerChoice>,
    link: Option<String>,
    email: Option<String>,
}

type Requester = Can<guard::RequestRelationship>;

async fn render(state: &AppState, user: &Requester, link: Option<String>) -> Result<Response, PageError> {
    if !state.settings.profile.relationship_requests {
        return Err(AppError::RelationshipRequestsUnavailable.into());
    }
    debug_assert!(user.can(Permission::RequestRelationship));
    let resellers = sellers::resellers(state, &user.caller).await?;
    let partner = user.caller.principal.partner.name.clone();
    let email = link.as_ref().map(|link| {
        let args = [("partner", Arg::Text(partner)), ("link", Arg::Text(link.clone()))];
        i18n::text_with(user.locale, "relationship-email", &args)
    });
    Ok(ok(&RequestPage {
        page: user.page("relationship-title", "/customers/relationship-request"),
        resellers: resellers
            .into_iter()
            .map(|r| ResellerChoice {
                id: r.id.to_string(),
                name: r.name,
            })
            .collect(),
        link,
        email,
    }))
}

pub async fn page(State(state): State<AppState>, user: Requester) -> Result<Response, PageError> {
    let link = match &user.flash {
        Some(Flash::Secret { value }) => Some(value.clone()),
        _ => None,
    };
    render(&state, &user, link).await
}

#[derive(Deserialize)]
pub struct RequestForm {
    #[serde(rename = "associatedPartnerId", default)]
    associated_partner_id: String,
    #[serde(rename = "delegatedAdmin", default)]
    delegated_admin: String,
}

pub async fn create(
    State(state): State<AppState>,
    jar: CookieJar,
    user: Requester,
    headers: HeaderMap,
    Form(form): Form<RequestForm>,
) -> Result<Response, PageError> {
    let dap = form.delegated_admin == "yes";
    match relationships::request(&state, &user.caller, Some(&form.associated_partner_id), dap).await {
        Ok(token) => {
            let value = links::invitation(&state, &headers, &token);
            let jar = user.flash(jar, &Flash::Secret { value });
            Ok((jar, Redirect::to("/customers/relationship-request")).into_response())
        }
        Err(AppError::Invalid(_)) => Err(PageError::BadForm),
        Err(e) => Err(e.into()),
    }
}
