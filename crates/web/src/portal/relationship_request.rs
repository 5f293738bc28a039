//! **Request a reseller relationship**: a link for a customer that exists already, and an
//! email to send it with, in the partner's language.

use askama::Template;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use partnerdesk_domain::partner::Permission;
use partnerdesk_domain::{Arg, Field};
use partnerdesk_store::SentRequest;
use serde::Deserialize;
use time::OffsetDateTime;

use crate::app::relationships::SendTo;
use crate::app::{AppError, relationships, sellers};
use crate::cldr::format_date;
use crate::i18n;
use crate::links;
use crate::portal::session::{Can, guard};
use crate::state::AppState;
use crate::ui::{Flash, Form, Page, PageError, ok, refused};

struct ResellerChoice {
    id: String,
    name: String,
}

/// An earlier request, as its row reads.
struct SentRow {
    sent: String,
    reseller: String,
    delegated_admin: bool,
    sent_to: String,
    /// `sent`, `accepted`, `declined` or `expired`.
    state: &'static str,
    status: String,
    /// The customer that accepted, and its page.
    customer: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "relationship_request.html")]
struct RequestPage {
    page: Page,
    resellers: Vec<ResellerChoice>,
    link: Option<String>,
    email: Option<String>,
    sent: Vec<SentRow>,
    /// What was typed in "Send it to", and why it was refused.
    send_to: String,
    send_to_error: Option<String>,
}

/// What the form shows again when it is refused.
#[derive(Default)]
struct Entered {
    send_to: String,
    send_to_error: Option<String>,
}

type Requester = Can<guard::RequestRelationship>;

async fn render(
    state: &AppState,
    user: &Requester,
    link: Option<String>,
    entered: Entered,
) -> Result<RequestPage, PageError> {
    if !state.settings.profile.relationship_requests {
        return Err(AppError::RelationshipRequestsUnavailable.into());
    }
    debug_assert!(user.can(Permission::RequestRelationship));
    let resellers = sellers::resellers(state, &user.caller).await?;
    let sent = relationships::sent(state, &user.caller).await?;
    let partner = user.caller.principal.partner.name.clone();
    let email = link.as_ref().map(|link| {
        let args = [("partner", Arg::Text(partner)), ("link", Arg::Text(link.clone()))];
        i18n::text_with(user.locale, "relationship-email", &args)
    });
    Ok(RequestPage {
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
        sent: sent.iter().map(|r| sent_row(user, r)).collect(),
        send_to: entered.send_to,
        send_to_error: entered.send_to_error,
    })
}

fn sent_row(user: &Requester, request: &SentRequest) -> SentRow {
    let (locale, zone) = (user.locale, &user.zone);
    let day = |at| format_date(locale, zone.local(at));
    let (state, at) = request.stands(OffsetDateTime::now_utc());
    let status = i18n::text_with(
        locale,
        &format!("relationship-state-{state}"),
        &[("date", Arg::Text(day(at)))],
    );
    SentRow {
        sent: day(request.created_at),
        reseller: request
            .reseller_name
            .clone()
            .unwrap_or_else(|| i18n::text(locale, "customers-direct")),
        delegated_admin: request.delegated_admin,
        sent_to: request.sent_to.clone().unwrap_or_default(),
        state,
        status,
        customer: request
            .customer
            .as_ref()
            .map(|(id, name)| (name.clone(), format!("/customers/{id}"))),
    }
}

pub async fn page(State(state): State<AppState>, user: Requester) -> Result<Response, PageError> {
    let link = match &user.flash {
        Some(Flash::Secret { value }) => Some(value.clone()),
        _ => None,
    };
    Ok(ok(&render(&state, &user, link, Entered::default()).await?))
}

#[derive(Deserialize)]
pub struct RequestForm {
    #[serde(rename = "associatedPartnerId", default)]
    associated_partner_id: String,
    #[serde(rename = "delegatedAdmin", default)]
    delegated_admin: String,
    #[serde(default)]
    email: String,
}

pub async fn create(
    State(state): State<AppState>,
    jar: CookieJar,
    user: Requester,
    headers: HeaderMap,
    Form(form): Form<RequestForm>,
) -> Result<Response, PageError> {
    let dap = form.delegated_admin == "yes";
    let send_to = SendTo {
        email: &form.email,
        locale: user.locale,
    };
    let reseller = Some(form.associated_partner_id.as_str());
    match relationships::request(&state, &user.caller, reseller, dap, Some(send_to)).await {
        Ok(token) => {
            let value = links::invitation(&state, &headers, &token);
            let jar = user.flash(jar, &Flash::Secret { value });
            Ok((jar, Redirect::to("/customers/relationship-request")).into_response())
        }
        Err(AppError::Invalid(errors)) => match errors.iter().find(|e| e.field == Field::Email) {
            Some(error) => {
                let entered = Entered {
                    send_to: form.email.trim().to_owned(),
                    send_to_error: Some(i18n::rule(user.locale, &error.rule)),
                };
                Ok(refused(&render(&state, &user, None, entered).await?))
            }
            None => Err(PageError::BadForm),
        },
        Err(e) => Err(e.into()),
    }
}
