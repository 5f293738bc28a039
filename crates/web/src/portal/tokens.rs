//! The **API tokens** page: a user's own tokens (an admin agent's: all of the partner's),
//! created with a name and shown once, and revoked.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use partnerdesk_domain::Arg;
use partnerdesk_domain::TokenId;
use partnerdesk_store::TokenInfo;
use serde::Deserialize;
use time::OffsetDateTime;

use crate::app::{AppError, users};
use crate::cldr::format_date;
use crate::i18n;
use crate::portal::session::SignedIn;
use crate::state::AppState;
use crate::ui::confirm::{self, Question};
use crate::ui::{Flash, Form, Page, PageError, ok, refused};

struct TokenRow {
    id: String,
    name: String,
    user: String,
    created: String,
    last_used: String,
    expires: String,
    /// Revoked or expired, in words; none while it works.
    ended: Option<String>,
}

#[derive(Template)]
#[template(path = "tokens.html")]
struct TokensPage {
    page: Page,
    all_users: bool,
    tokens: Vec<TokenRow>,
    name: String,
    name_error: Option<String>,
    created: Option<String>,
    /// The lifetimes offered, in days, with their labels.
    lifetimes: Vec<(String, String)>,
}

pub async fn page(State(state): State<AppState>, user: SignedIn) -> Result<Response, PageError> {
    let created = match &user.flash {
        Some(Flash::Secret { value }) => Some(value.clone()),
        _ => None,
    };
    Ok(ok(&render(&state, &user, String::new(), None, created).await?))
}

async fn render(
    state: &AppState,
    user: &SignedIn,
    name: String,
    name_error: Option<String>,
    created: Option<String>,
) -> Result<TokensPage, PageError> {
    let (tokens, all_users) = users::tokens(state, &user.caller).await?;
    let locale = user.locale;
    let now = OffsetDateTime::now_utc();
    let zone = &user.zone;
    let never = || i18n::text(locale, "customer-user-never");
    let ended = |t: &TokenInfo| match (t.revoked_at, t.expires_at) {
        (Some(at), _) => Some(i18n::text_with(
            locale,
            "tokens-revoked-on",
            &[("date", Arg::Text(format_date(locale, zone.local(at))))],
        )),
        (None, Some(at)) if at <= now => Some(i18n::text_with(
            locale,
            "tokens-expired-on",
            &[("date", Arg::Text(format_date(locale, zone.local(at))))],
        )),
        _ => None,
    };
    Ok(TokensPage {
        page: user.page("tokens-title", "/tokens"),
        all_users,
        tokens: tokens
            .into_iter()
            .map(|t| TokenRow {
                ended: ended(&t),
                id: t.id.to_string(),
                created: format_date(locale, zone.local(t.created_at)),
                last_used: t
                    .last_used_at
                    .map_or_else(never, |at| format_date(locale, zone.local(at))),
                expires: t.expires_at.map_or_else(
                    || i18n::text(locale, "tokens-expires-never"),
                    |at| format_date(locale, zone.local(at)),
                ),
                name: t.name,
                user: t.user_email,
            })
            .collect(),
        name,
        name_error,
        created,
        lifetimes: std::iter::once((String::new(), i18n::text(locale, "tokens-expires-never")))
            .chain(users::TOKEN_LIFETIMES.iter().map(|d| {
                let label = i18n::text_with(locale, "tokens-expires-after", &[("days", Arg::Number(*d))]);
                (d.to_string(), label)
            }))
            .collect(),
    })
}

#[derive(Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    name: String,
    /// Days until it expires (one of those offered), or empty: never.
    #[serde(default)]
    expires: String,
}

/// Creates a token for the signed-in user and shows it, this once.
pub async fn create(
    State(state): State<AppState>,
    jar: CookieJar,
    user: SignedIn,
    Form(form): Form<TokenForm>,
) -> Result<Response, PageError> {
    let days = match form.expires.as_str() {
        "" => None,
        days => Some(
            days.parse()
                .ok()
                .filter(|d| users::TOKEN_LIFETIMES.contains(d))
                .ok_or(PageError::BadForm)?,
        ),
    };
    match users::create_token(&state, &user.caller, &form.name, days).await {
        Ok(token) => {
            let jar = user.flash(jar, &Flash::Secret { value: token });
            Ok((jar, Redirect::to("/tokens")).into_response())
        }
        Err(AppError::Invalid(errors)) => {
            let message = errors.first().map(|e| i18n::rule(user.locale, &e.rule));
            let name = form.name.trim().to_owned();
            Ok(refused(&render(&state, &user, name, message, None).await?))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct RevokeForm {
    #[serde(default)]
    confirmed: String,
}

/// Revokes a token, once the user has confirmed it.
pub async fn revoke(
    State(state): State<AppState>,
    jar: CookieJar,
    user: SignedIn,
    Path(raw): Path<String>,
    Form(form): Form<RevokeForm>,
) -> Result<Response, PageError> {
    let token: TokenId = raw
        .parse()
        .map_err(|_| PageError::not_found("api-token-not-found"))?;
    if !confirm::confirmed(&form.confirmed) {
        let (tokens, _) = users::tokens(&state, &user.caller).await?;
        let found = tokens.into_iter().find(|t| t.id == token);
        let name = found
            .ok_or_else(|| PageError::not_found("api-token-not-found"))?
            .name;
        let question = Question {
            text: i18n::text_with(user.locale, "confirm-revoke", &[("name", Arg::Text(name))]),
            button: i18n::text(user.locale, "confirm-revoke-button"),
            action: format!("/tokens/{raw}/revoke"),
            fields: Vec::new(),
            cancel: "/tokens".into(),
        };
        return Ok(confirm::ask(user.page("tokens-title", "/tokens"), question));
    }
    users::revoke_token(&state, &user.caller, token).await?;
    let jar = user.flash(jar, &Flash::notice("tokens-revoked-notice"));
    Ok((jar, Redirect::to("/tokens")).into_response())
}
