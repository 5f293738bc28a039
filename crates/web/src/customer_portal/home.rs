//! The customer's home (invitations to answer, partners, subscriptions, invoices) and an
//! invitation link.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use partnerdesk_domain::Locale;
use partnerdesk_store::Invitation;
use serde::Deserialize;

use super::invoices::{ReceivedInvoice, received};
use super::session::CustomerSignedIn;
use crate::app::{AppError, billing, customers, relationships};
use crate::cldr::format_date;
use crate::state::AppState;
use crate::ui::subscriptions::SubscriptionTable;
use crate::ui::{Flash, Form, Page, PageError, html, ok};

struct InvitationView {
    id: String,
    partner: String,
    reseller: Option<String>,
    delegated_admin: bool,
    expires: String,
}

fn invitation_view(locale: Locale, i: &Invitation) -> InvitationView {
    InvitationView {
        id: i.id.to_string(),
        partner: i.partner_name.clone(),
        reseller: i.reseller_name.clone(),
        delegated_admin: i.delegated_admin,
        expires: format_date(locale, i.expires_at),
    }
}

struct PartnerView {
    name: String,
    since: String,
}

#[derive(Template)]
#[template(path = "customer/home.html")]
struct HomePage {
    page: Page,
    company: String,
    user_name: String,
    invitations: Vec<InvitationView>,
    partners: Vec<PartnerView>,
    subscriptions: SubscriptionTable,
    invoices: Vec<ReceivedInvoice>,
}

/// The customer's home: invitations to answer, partners, subscriptions.
pub async fn home(State(state): State<AppState>, user: CustomerSignedIn) -> Result<Response, PageError> {
    if let Some(first) = user.password_first(None) {
        return Ok(first);
    }
    let home = relationships::home(&state, &user.caller).await?;
    let catalog = customers::catalog(&state).await?;
    let locale = user.locale;
    let page = user.page("customer-home-title", "/customer");
    let subscriptions = home
        .subscriptions
        .iter()
        .map(|(s, seller)| (s, Some(seller.as_str())));
    Ok(ok(&HomePage {
        company: user.caller.user.company_name.clone(),
        user_name: user.caller.user.user_name.clone(),
        invitations: home
            .invitations
            .iter()
            .map(|i| invitation_view(locale, i))
            .collect(),
        partners: home
            .partners
            .iter()
            .map(|p| PartnerView {
                name: p.name.clone(),
                since: format_date(locale, p.since),
            })
            .collect(),
        subscriptions: SubscriptionTable::new(subscriptions, &catalog, locale, |_| None),
        invoices: received(locale, &billing::invoices_received(&state, &user.caller).await?),
        page,
    }))
}

#[derive(Template)]
#[template(path = "customer/invitation.html")]
struct InvitationPage {
    page: Page,
    company: String,
    invitation: Option<InvitationView>,
}

/// An invitation link: it is addressed to the signed-in customer, then answered here.
pub async fn invitation(
    State(state): State<AppState>,
    user: CustomerSignedIn,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    let path = format!("/customer/invitations/{token}");
    if let Some(first) = user.password_first(Some(&path)) {
        return Ok(first);
    }
    let (invitation, status) = match relationships::open(&state, &user.caller, &token).await {
        Ok(found) => (Some(invitation_view(user.locale, &found)), StatusCode::OK),
        Err(AppError::NotFound(_)) => (None, StatusCode::NOT_FOUND),
        Err(e) => return Err(e.into()),
    };
    let template = InvitationPage {
        page: user.page("customer-invitation-title", &path),
        company: user.caller.user.company_name.clone(),
        invitation,
    };
    Ok(html(status, &template))
}

#[derive(Deserialize)]
pub struct AnswerForm {
    action: String,
}

/// Accepts (`action=accept`) or declines an invitation addressed to the customer.
pub async fn answer(
    State(state): State<AppState>,
    jar: CookieJar,
    user: CustomerSignedIn,
    Path(invitation): Path<String>,
    Form(form): Form<AnswerForm>,
) -> Result<Response, PageError> {
    if let Some(first) = user.password_first(None) {
        return Ok(first);
    }
    let accept = match form.action.as_str() {
        "accept" => true,
        "decline" => false,
        _ => return Err(PageError::BadForm),
    };
    relationships::answer(&state, &user.caller, &invitation, accept).await?;
    let answered = if accept { "accepted" } else { "declined" };
    let jar = user.flash(jar, &Flash::notice(&format!("customer-invitation-{answered}")));
    Ok((jar, Redirect::to("/customer")).into_response())
}
