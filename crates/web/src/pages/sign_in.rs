//! Signing in and out, and choosing the interface language.

use std::sync::LazyLock;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use partnerdesk_domain::Locale;
use partnerdesk_domain::audit::{Actor, Channel};
use partnerdesk_store::secrets;
use serde::Deserialize;
use time::{Duration, OffsetDateTime};

use crate::api::auth::ClientAddress;
use crate::error::ApiError;
use crate::pages::form::{FormData, local_path};
use crate::pages::layout::{Page, html};
use crate::pages::session::{
    CUSTOMER_COOKIE, IDLE, LANGUAGE_COOKIE, SESSION_COOKIE, SIGN_IN_COOKIE, SignedIn, cookie, csrf_matches,
    csrf_token, new_secret, page_locale, set_cookie,
};
use crate::state::AppState;

/// Failed sign-ins in a row that lock a user out, and for how long.
pub(crate) const ATTEMPTS: u32 = 5;
pub(crate) const LOCKOUT: Duration = Duration::minutes(15);

#[derive(Template)]
#[template(path = "sign_in.html")]
struct SignInPage {
    page: Page,
    email: String,
    error: Option<String>,
    notice: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct SignInQuery {
    #[serde(rename = "signed-out")]
    signed_out: Option<String>,
    /// Set after an invited user chose a password.
    password: Option<String>,
}

/// The sign-in form. Sets the cookie its CSRF token is derived from.
pub async fn page(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<SignInQuery>,
) -> Response {
    if has_session(&state, &headers).await {
        return Redirect::to("/customers").into_response();
    }
    let locale = page_locale(&headers, None);
    let notice = match (query.signed_out, query.password) {
        (Some(_), _) => Some(crate::i18n::text(locale, "sign-in-signed-out")),
        (None, Some(_)) => Some(crate::i18n::text(locale, "sign-in-password-set")),
        (None, None) => None,
    };
    render(
        &state,
        &headers,
        locale,
        String::new(),
        None,
        notice,
        StatusCode::OK,
    )
}

fn render(
    state: &AppState,
    headers: &HeaderMap,
    locale: Locale,
    email: String,
    error: Option<String>,
    notice: Option<String>,
    status: StatusCode,
) -> Response {
    let existing = cookie(headers, SIGN_IN_COOKIE)
        .filter(|s| !s.is_empty())
        .map(str::to_owned);
    let secret = existing.clone().unwrap_or_else(new_secret);
    let template = SignInPage {
        page: Page::anonymous(locale, "sign-in-title", csrf_token(&secret), "/sign-in"),
        email,
        error,
        notice,
    };
    let mut response = html(status, &template);
    if existing.is_none() {
        response.headers_mut().append(
            header::SET_COOKIE,
            set_cookie(
                SIGN_IN_COOKIE,
                &secret,
                Duration::hours(2),
                state.settings.secure_cookies,
            ),
        );
    }
    response
}

async fn has_session(state: &AppState, headers: &HeaderMap) -> bool {
    match cookie(headers, SESSION_COOKIE) {
        Some(secret) if !secret.is_empty() => matches!(
            state
                .store
                .session(secrets::sha256(secret.as_bytes()), OffsetDateTime::now_utc())
                .await,
            Ok(Some(_))
        ),
        _ => false,
    }
}

/// An Argon2id hash to check passwords of unknown users against, so that answering takes
/// as long for them as for known ones.
static UNKNOWN_USER_HASH: LazyLock<String> =
    LazyLock::new(|| secrets::hash_chosen_password("partnerdesk: no such user").unwrap_or_default());

/// Signs in: checks the CSRF token, the lockout and the password; on success starts a new
/// session under a new id (never the one the browser came with).
pub async fn submit(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    form: FormData,
) -> Response {
    let locale = page_locale(&headers, None);
    let text = |id| crate::i18n::text(locale, id);
    let email = form.get("email").trim().to_owned();
    let secret = cookie(&headers, SIGN_IN_COOKIE).unwrap_or_default();
    if secret.is_empty() || !csrf_matches(secret, form.get("csrf")) {
        return render(
            &state,
            &headers,
            locale,
            email,
            Some(text("form-expired")),
            None,
            StatusCode::FORBIDDEN,
        );
    }
    let password = form.get("password").to_owned();
    let refuse = |status| {
        render(
            &state,
            &headers,
            locale,
            email.clone(),
            Some(text("sign-in-failed")),
            None,
            status,
        )
    };
    if email.is_empty() || password.is_empty() {
        return refuse(StatusCode::UNPROCESSABLE_ENTITY);
    }
    let record = match state.store.sign_in_record(&email).await {
        Ok(record) => record,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let now = OffsetDateTime::now_utc();
    if let Some(until) = record
        .as_ref()
        .and_then(|r| r.locked_until)
        .filter(|until| *until > now)
    {
        let minutes = ((until - now).whole_seconds() + 59) / 60;
        let message = crate::i18n::text_with(
            locale,
            "sign-in-locked",
            &[("minutes", partnerdesk_domain::Arg::Number(minutes))],
        );
        return render(
            &state,
            &headers,
            locale,
            email,
            Some(message),
            None,
            StatusCode::TOO_MANY_REQUESTS,
        );
    }
    let stored = record
        .as_ref()
        .map_or_else(|| UNKNOWN_USER_HASH.clone(), |r| r.password_hash.clone());
    let verified = tokio::task::spawn_blocking(move || secrets::verify_password(&password, &stored))
        .await
        .unwrap_or(false);
    let record = match record {
        Some(record) if verified && record.user.active => record,
        other => {
            if let Some(known) = other
                && let Err(e) = state
                    .store
                    .record_failed_sign_in(known.user.id, now, ATTEMPTS, LOCKOUT)
                    .await
            {
                return ApiError::from(e).into_response();
            }
            return refuse(StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    if let Some(old) = cookie(&headers, SESSION_COOKIE).filter(|s| !s.is_empty()) {
        let _ = state.store.end_session(secrets::sha256(old.as_bytes())).await;
    }
    let session = new_secret();
    let created = state
        .store
        .create_session(
            record.user.id,
            secrets::sha256(session.as_bytes()),
            now,
            now + IDLE,
        )
        .await;
    let actor = Actor {
        user_id: Some(record.user.id.as_uuid()),
        name: record.user.email.clone(),
        channel: Channel::Portal,
        address: address.map(|a| a.to_string()),
    };
    if let Err(e) = created.and(state.store.record_sign_in(&record.user, actor).await) {
        return ApiError::from(e).into_response();
    }
    tracing::info!(user = %record.user.id, "signed in");
    let secure = state.settings.secure_cookies;
    let mut response = Redirect::to("/customers").into_response();
    let cookies = response.headers_mut();
    cookies.append(
        header::SET_COOKIE,
        set_cookie(SESSION_COOKIE, &session, IDLE, secure),
    );
    cookies.append(
        header::SET_COOKIE,
        set_cookie(SIGN_IN_COOKIE, "", Duration::ZERO, secure),
    );
    response
}

pub async fn sign_out(State(state): State<AppState>, user: SignedIn, form: FormData) -> Response {
    if !csrf_matches(&user.secret, form.get("csrf")) {
        return ApiError::BadRequest.into_response();
    }
    if let Err(e) = state
        .store
        .end_session(secrets::sha256(user.secret.as_bytes()))
        .await
    {
        return ApiError::from(e).into_response();
    }
    let mut response = Redirect::to("/sign-in?signed-out").into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(SESSION_COOKIE, "", Duration::ZERO, state.settings.secure_cookies),
    );
    response
}

/// Changes the interface language: remembered for the signed-in user, and in a cookie.
pub async fn language(State(state): State<AppState>, headers: HeaderMap, form: FormData) -> Response {
    let Some(locale) = Locale::from_tag(form.get("locale")) else {
        return ApiError::BadRequest.into_response();
    };
    let session = cookie(&headers, SESSION_COOKIE).filter(|s| !s.is_empty());
    let sign_in = cookie(&headers, SIGN_IN_COOKIE).filter(|s| !s.is_empty());
    let customer = cookie(&headers, CUSTOMER_COOKIE).filter(|s| !s.is_empty());
    let csrf = form.get("csrf");
    let trusted = [session, sign_in, customer]
        .into_iter()
        .flatten()
        .any(|s| csrf_matches(s, csrf));
    if !trusted {
        return ApiError::BadRequest.into_response();
    }
    if let Some(secret) = session {
        let found = state
            .store
            .session(secrets::sha256(secret.as_bytes()), OffsetDateTime::now_utc())
            .await;
        if let Ok(Some(found)) = found {
            let saved = state
                .store
                .set_partner_user_locale(found.principal.user.id, Some(locale.tag().to_owned()))
                .await;
            if let Err(e) = saved {
                return ApiError::from(e).into_response();
            }
        }
    }
    let mut response = Redirect::to(local_path(form.get("next"))).into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(
            LANGUAGE_COOKIE,
            locale.tag(),
            Duration::days(365),
            state.settings.secure_cookies,
        ),
    );
    response
}
