//! The customer portal (`/customer`): the customer's admin signs in with the user name and
//! temporary password from the confirmation, must choose a password at first sign-in, and
//! then sees the invitations addressed to the tenant (accepting or declining them), its
//! partners and its subscriptions.

use std::sync::LazyLock;

use askama::Template;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use partnerdesk_domain::audit::{Actor, Channel};
use partnerdesk_domain::partner::check_password;
use partnerdesk_domain::{Arg, Locale};
use partnerdesk_store::{CustomerUser, Invitation, StoreError, secrets};
use serde::Deserialize;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::api::auth::client_address;
use crate::error::ApiError;
use crate::i18n;
use crate::pages::form::FormData;
use crate::pages::layout::{Page, format_date, html};
use crate::pages::session::{
    CUSTOMER_COOKIE, SIGN_IN_COOKIE, cookie, csrf_matches, csrf_token, new_secret, page_locale, set_cookie,
};
use crate::pages::sign_in::{ATTEMPTS, LOCKOUT};
use crate::state::AppState;

/// How long a customer session lasts.
const SESSION: Duration = Duration::hours(8);

/// A hash to check passwords of unknown user names against, so that answering takes as
/// long for them as for known ones.
static UNKNOWN_USER_HASH: LazyLock<String> =
    LazyLock::new(|| secrets::hash_chosen_password("partnerdesk: no such customer user").unwrap_or_default());

/// A signed-in customer admin. Without a live session the browser goes to the sign-in,
/// and comes back afterwards.
pub struct CustomerSignedIn {
    pub user: CustomerUser,
    pub secret: String,
    pub locale: Locale,
    pub address: Option<String>,
}

impl CustomerSignedIn {
    fn actor(&self) -> Actor {
        Actor {
            user_id: Some(self.user.id.as_uuid()),
            name: self.user.user_name.clone(),
            channel: Channel::CustomerPortal,
            address: self.address.clone(),
        }
    }

    fn page(&self, title: &str, path: &str) -> Page {
        Page::anonymous(self.locale, title, csrf_token(&self.secret), path)
    }
}

impl FromRequestParts<AppState> for CustomerSignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let back = format!("/customer/sign-in?next={}", parts.uri.path());
        let Some(secret) = cookie(&parts.headers, CUSTOMER_COOKIE).filter(|s| !s.is_empty()) else {
            return Err(Redirect::to(&back).into_response());
        };
        let secret = secret.to_owned();
        let found = state
            .store
            .customer_session(secrets::sha256(secret.as_bytes()), OffsetDateTime::now_utc())
            .await;
        let user = match found {
            Ok(Some(user)) => user,
            Ok(None) => return Err(Redirect::to(&back).into_response()),
            Err(e) => return Err(ApiError::from(e).into_response()),
        };
        Ok(Self {
            user,
            secret,
            locale: page_locale(&parts.headers, None),
            address: client_address(parts).map(|a| a.to_string()),
        })
    }
}

/// Where to go after signing in or changing the password: a customer portal path only.
fn next_path(next: &str) -> String {
    let ok = next.starts_with("/customer/") && !next.contains("//") && !next.contains('\\');
    if ok {
        next.to_owned()
    } else {
        "/customer".to_owned()
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Next {
    next: String,
    answered: String,
}

#[derive(Template)]
#[template(path = "customer/sign_in.html")]
struct SignInPage {
    page: Page,
    email: String,
    next: String,
    error: Option<String>,
}

fn sign_in_page(
    state: &AppState,
    headers: &HeaderMap,
    email: String,
    next: &str,
    error: Option<String>,
    status: StatusCode,
) -> Response {
    let locale = page_locale(headers, None);
    let existing = cookie(headers, SIGN_IN_COOKIE)
        .filter(|s| !s.is_empty())
        .map(str::to_owned);
    let secret = existing.clone().unwrap_or_else(new_secret);
    let next = next_path(next);
    // The language switcher comes back here, with where to go after signing in.
    let path = format!("/customer/sign-in?next={next}");
    let template = SignInPage {
        page: Page::anonymous(locale, "customer-sign-in-title", csrf_token(&secret), &path),
        email,
        next,
        error,
    };
    let mut response = html(status, &template);
    if existing.is_none() {
        let value = set_cookie(
            SIGN_IN_COOKIE,
            &secret,
            Duration::hours(2),
            state.settings.secure_cookies,
        );
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

pub async fn sign_in_form(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(next): Query<Next>,
) -> Response {
    sign_in_page(&state, &headers, String::new(), &next.next, None, StatusCode::OK)
}

pub async fn sign_in(State(state): State<AppState>, headers: HeaderMap, form: FormData) -> Response {
    let locale = page_locale(&headers, None);
    let email = form.get("email").trim().to_owned();
    let next = form.get("next").to_owned();
    let secret = cookie(&headers, SIGN_IN_COOKIE).unwrap_or_default();
    if secret.is_empty() || !csrf_matches(secret, form.get("csrf")) {
        let error = Some(i18n::text(locale, "form-expired"));
        return sign_in_page(&state, &headers, email, &next, error, StatusCode::FORBIDDEN);
    }
    let found = match state.store.customer_user_by_name(&email).await {
        Ok(found) => Some(found),
        Err(StoreError::NotFound) => None,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let now = OffsetDateTime::now_utc();
    if let Some(until) = found
        .as_ref()
        .and_then(|(u, _)| u.locked_until)
        .filter(|until| *until > now)
    {
        let minutes = ((until - now).whole_seconds() + 59) / 60;
        let error = Some(i18n::text_with(
            locale,
            "sign-in-locked",
            &[("minutes", Arg::Number(minutes))],
        ));
        return sign_in_page(
            &state,
            &headers,
            email,
            &next,
            error,
            StatusCode::TOO_MANY_REQUESTS,
        );
    }
    let stored = found
        .as_ref()
        .map_or_else(|| UNKNOWN_USER_HASH.clone(), |(_, hash)| hash.clone());
    let password = form.get("password").to_owned();
    let verified = tokio::task::spawn_blocking(move || secrets::verify_password(&password, &stored))
        .await
        .unwrap_or(false);
    let Some((user, _)) = found.clone().filter(|_| verified) else {
        if let Some((known, _)) = found
            && let Err(e) = state
                .store
                .record_failed_customer_sign_in(known.id, now, ATTEMPTS, LOCKOUT)
                .await
        {
            return ApiError::from(e).into_response();
        }
        let error = Some(i18n::text(locale, "sign-in-failed"));
        return sign_in_page(
            &state,
            &headers,
            email,
            &next,
            error,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    if let Some(old) = cookie(&headers, CUSTOMER_COOKIE).filter(|s| !s.is_empty()) {
        let _ = state
            .store
            .end_customer_session(secrets::sha256(old.as_bytes()))
            .await;
    }
    let session = new_secret();
    if let Err(e) = state
        .store
        .create_customer_session(user.id, secrets::sha256(session.as_bytes()), now, now + SESSION)
        .await
    {
        return ApiError::from(e).into_response();
    }
    let to = if user.must_change_password {
        format!("/customer/password?next={}", next_path(&next))
    } else {
        next_path(&next)
    };
    let mut response = Redirect::to(&to).into_response();
    let secure = state.settings.secure_cookies;
    let cookies = response.headers_mut();
    cookies.append(
        header::SET_COOKIE,
        set_cookie(CUSTOMER_COOKIE, &session, SESSION, secure),
    );
    cookies.append(
        header::SET_COOKIE,
        set_cookie(SIGN_IN_COOKIE, "", Duration::ZERO, secure),
    );
    response
}

pub async fn sign_out(State(state): State<AppState>, user: CustomerSignedIn, form: FormData) -> Response {
    if !csrf_matches(&user.secret, form.get("csrf")) {
        return ApiError::BadRequest.into_response();
    }
    if let Err(e) = state
        .store
        .end_customer_session(secrets::sha256(user.secret.as_bytes()))
        .await
    {
        return ApiError::from(e).into_response();
    }
    let mut response = Redirect::to("/customer/sign-in").into_response();
    let value = set_cookie(CUSTOMER_COOKIE, "", Duration::ZERO, state.settings.secure_cookies);
    response.headers_mut().append(header::SET_COOKIE, value);
    response
}

#[derive(Template)]
#[template(path = "customer/password.html")]
struct PasswordPage {
    page: Page,
    user_name: String,
    forced: bool,
    next: String,
    current_error: Option<String>,
    new_error: Option<String>,
}

fn password_page(
    user: &CustomerSignedIn,
    next: &str,
    errors: (Option<String>, Option<String>),
    status: StatusCode,
) -> Response {
    let template = PasswordPage {
        page: user.page("customer-password-title", "/customer/password"),
        user_name: user.user.user_name.clone(),
        forced: user.user.must_change_password,
        next: next_path(next),
        current_error: errors.0,
        new_error: errors.1,
    };
    html(status, &template)
}

pub async fn password_form(user: CustomerSignedIn, Query(next): Query<Next>) -> Response {
    password_page(&user, &next.next, (None, None), StatusCode::OK)
}

pub async fn change_password(
    State(state): State<AppState>,
    user: CustomerSignedIn,
    form: FormData,
) -> Response {
    if !csrf_matches(&user.secret, form.get("csrf")) {
        return ApiError::BadRequest.into_response();
    }
    let next = form.get("next").to_owned();
    let locale = user.locale;
    let current = form.get("currentPassword").to_owned();
    let new = form.get("newPassword").to_owned();
    let (_, stored) = match state.store.customer_user_by_name(&user.user.user_name).await {
        Ok(found) => found,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let verified = tokio::task::spawn_blocking(move || secrets::verify_password(&current, &stored))
        .await
        .unwrap_or(false);
    let refuse = |errors| password_page(&user, &next, errors, StatusCode::UNPROCESSABLE_ENTITY);
    if !verified {
        return refuse((Some(i18n::text(locale, "customer-password-wrong")), None));
    }
    if let Err(rule) = check_password(&new) {
        return refuse((None, Some(i18n::rule(locale, &rule))));
    }
    if new == form.get("currentPassword") {
        return refuse((None, Some(i18n::text(locale, "customer-password-same"))));
    }
    let hash = match tokio::task::spawn_blocking(move || secrets::hash_chosen_password(&new)).await {
        Ok(Ok(hash)) => hash,
        _ => return ApiError::Internal("hashing a password failed".into()).into_response(),
    };
    match state.store.set_customer_password(user.user.id, hash).await {
        Ok(()) => Redirect::to(&next_path(&next)).into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}

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

struct SubscriptionView {
    offer: String,
    licenses: String,
    status: String,
    seller: String,
}

#[derive(Template)]
#[template(path = "customer/home.html")]
struct HomePage {
    page: Page,
    company: String,
    user_name: String,
    notice: Option<String>,
    invitations: Vec<InvitationView>,
    partners: Vec<PartnerView>,
    subscriptions: Vec<SubscriptionView>,
}

/// The customer's home: invitations to answer, partners, subscriptions.
pub async fn home(
    State(state): State<AppState>,
    user: CustomerSignedIn,
    Query(query): Query<Next>,
) -> Response {
    if user.user.must_change_password {
        return Redirect::to("/customer/password").into_response();
    }
    let customer = user.user.customer_id;
    let now = OffsetDateTime::now_utc();
    let found = async {
        let invitations = state.store.customer_invitations(customer, now).await?;
        let partners = state.store.customer_partners(customer).await?;
        let subscriptions = state.store.customer_subscriptions(customer).await?;
        Ok::<_, StoreError>((invitations, partners, subscriptions, state.store.catalog().await?))
    };
    let (invitations, partners, subscriptions, catalog) = match found.await {
        Ok(found) => found,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let locale = user.locale;
    let page = user.page("customer-home-title", "/customer");
    let notice = match query.answered.as_str() {
        "accepted" => Some(page.t("customer-invitation-accepted")),
        "declined" => Some(page.t("customer-invitation-declined")),
        _ => None,
    };
    let template = HomePage {
        company: user.user.company_name.clone(),
        user_name: user.user.user_name.clone(),
        notice,
        invitations: invitations.iter().map(|i| invitation_view(locale, i)).collect(),
        partners: partners
            .iter()
            .map(|p| PartnerView {
                name: p.name.clone(),
                since: format_date(locale, p.since),
            })
            .collect(),
        subscriptions: subscriptions
            .iter()
            .map(|(s, seller)| SubscriptionView {
                offer: catalog
                    .offer(&s.offer_id)
                    .map_or_else(|| s.offer_id.to_string(), |o| o.name(locale).to_owned()),
                licenses: page.number(i64::from(s.quantity)),
                status: page.t(&format!("status-{}", s.status)),
                seller: seller.clone(),
            })
            .collect(),
        page,
    };
    html(StatusCode::OK, &template)
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
) -> Response {
    if user.user.must_change_password {
        let next = format!("/customer/invitations/{token}");
        return Redirect::to(&format!("/customer/password?next={next}")).into_response();
    }
    let locale = user.locale;
    let path = format!("/customer/invitations/{token}");
    let (invitation, status) = match state
        .store
        .open_invitation(&token, user.user.customer_id, OffsetDateTime::now_utc())
        .await
    {
        Ok(found) if found.status == partnerdesk_store::InvitationStatus::Pending => {
            (Some(invitation_view(locale, &found)), StatusCode::OK)
        }
        Ok(_) | Err(StoreError::NotFound) => (None, StatusCode::NOT_FOUND),
        Err(e) => return ApiError::from(e).into_response(),
    };
    let template = InvitationPage {
        page: user.page("customer-invitation-title", &path),
        company: user.user.company_name.clone(),
        invitation,
    };
    html(status, &template)
}

/// Accepts (`action=accept`) or declines an invitation addressed to the customer.
pub async fn answer(
    State(state): State<AppState>,
    user: CustomerSignedIn,
    Path(invitation): Path<String>,
    form: FormData,
) -> Response {
    if !csrf_matches(&user.secret, form.get("csrf")) {
        return ApiError::BadRequest.into_response();
    }
    if user.user.must_change_password {
        return Redirect::to("/customer/password").into_response();
    }
    let Ok(invitation) = invitation.parse::<Uuid>() else {
        return ApiError::NotFound("api-invitation-not-found").into_response();
    };
    let accept = match form.get("action") {
        "accept" => true,
        "decline" => false,
        _ => return ApiError::BadRequest.into_response(),
    };
    match state
        .store
        .answer_invitation(invitation, user.user.customer_id, accept, user.actor())
        .await
    {
        Ok(_) => {
            let answered = if accept { "accepted" } else { "declined" };
            Redirect::to(&format!("/customer?answered={answered}")).into_response()
        }
        Err(StoreError::NotFound) => ApiError::NotFound("api-invitation-not-found").into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}
