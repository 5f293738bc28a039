//! **Request a reseller relationship**: a link for a customer that exists already, and an
//! email to send it with, in the partner's language.

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use partnerdesk_domain::partner::{PartnerKind, Permission};
use partnerdesk_domain::{Arg, PartnerId};
use partnerdesk_store::StoreError;

use crate::api::relationship_requests::invitation_link;
use crate::error::ApiError;
use crate::i18n;
use crate::pages::form::FormData;
use crate::pages::layout::{Page, html};
use crate::pages::session::SignedIn;
use crate::pages::wizard::{account, csrf_ok};
use crate::state::AppState;

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

async fn render(state: &AppState, user: &SignedIn, link: Option<String>) -> Response {
    if let Err(e) = user.require(Permission::RequestRelationship) {
        return e.into_response();
    }
    if !state.settings.profile.relationship_requests {
        return ApiError::RelationshipRequestsUnavailable.into_response();
    }
    let resellers = match account::resellers(state, user).await {
        Ok(resellers) => resellers,
        Err(response) => return response,
    };
    let partner = user.principal.partner.name.clone();
    let email = link.as_ref().map(|link| {
        i18n::text_with(
            user.locale,
            "relationship-email",
            &[("partner", Arg::Text(partner)), ("link", Arg::Text(link.clone()))],
        )
    });
    let template = RequestPage {
        page: Page::new(user, "relationship-title", "/customers/relationship-request"),
        resellers: resellers
            .into_iter()
            .map(|r| ResellerChoice {
                id: r.id.to_string(),
                name: r.name,
            })
            .collect(),
        link,
        email,
    };
    html(StatusCode::OK, &template)
}

pub async fn page(State(state): State<AppState>, user: SignedIn) -> Response {
    render(&state, &user, None).await
}

pub async fn create(
    State(state): State<AppState>,
    user: SignedIn,
    headers: HeaderMap,
    form: FormData,
) -> Response {
    if !csrf_ok(&user, &form) {
        return ApiError::BadRequest.into_response();
    }
    if let Err(e) = user.require(Permission::RequestRelationship) {
        return e.into_response();
    }
    if !state.settings.profile.relationship_requests {
        return ApiError::RelationshipRequestsUnavailable.into_response();
    }
    let reseller = match form.get("associatedPartnerId").trim() {
        "" => None,
        _ if user.principal.partner.kind != PartnerKind::IndirectProvider => {
            return ApiError::BadRequest.into_response();
        }
        raw => match raw.parse::<PartnerId>() {
            Ok(id) => Some(id),
            Err(_) => return ApiError::BadRequest.into_response(),
        },
    };
    let dap = form.get("delegatedAdmin") == "yes";
    match invitation_link(
        &state,
        &headers,
        user.principal.partner.id,
        reseller,
        dap,
        user.actor(),
    )
    .await
    {
        Ok(link) => render(&state, &user, Some(link)).await,
        Err(StoreError::Invalid(_)) => ApiError::BadRequest.into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}
