//! The **API tokens** page: a user's own tokens (an admin agent's: all of the partner's),
//! created with a name and shown once, and revoked.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use partnerdesk_domain::partner::Permission;
use partnerdesk_domain::{Rule, TokenId};
use partnerdesk_store::{StoreError, secrets};

use crate::error::ApiError;
use crate::i18n;
use crate::pages::form::FormData;
use crate::pages::layout::{Page, format_date, html};
use crate::pages::session::SignedIn;
use crate::pages::wizard::csrf_ok;
use crate::state::AppState;

/// The longest token name.
const MAX_NAME: usize = 100;

struct TokenRow {
    id: String,
    name: String,
    user: String,
    created: String,
    revoked: Option<String>,
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
}

/// Whether the user manages every token of the partner, or only their own.
fn scope(user: &SignedIn) -> Option<partnerdesk_domain::PartnerUserId> {
    (!user.can(Permission::ManageUsers)).then_some(user.principal.user.id)
}

pub async fn page(State(state): State<AppState>, user: SignedIn) -> Response {
    render(&state, &user, String::new(), None, None, StatusCode::OK).await
}

async fn render(
    state: &AppState,
    user: &SignedIn,
    name: String,
    name_error: Option<String>,
    created: Option<String>,
    status: StatusCode,
) -> Response {
    let tokens = match state
        .store
        .api_tokens(user.principal.partner.id, scope(user))
        .await
    {
        Ok(tokens) => tokens,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let locale = user.locale;
    let template = TokensPage {
        page: Page::new(user, "tokens-title", "/tokens"),
        all_users: scope(user).is_none(),
        tokens: tokens
            .into_iter()
            .map(|t| TokenRow {
                id: t.id.to_string(),
                name: t.name,
                user: t.user_email,
                created: format_date(locale, t.created_at),
                revoked: t.revoked_at.map(|at| format_date(locale, at)),
            })
            .collect(),
        name,
        name_error,
        created,
    };
    html(status, &template)
}

/// Creates a token for the signed-in user and shows it, this once.
pub async fn create(State(state): State<AppState>, user: SignedIn, form: FormData) -> Response {
    if !csrf_ok(&user, &form) {
        return ApiError::BadRequest.into_response();
    }
    let name = form.get("name").trim().to_owned();
    let rule = match name.chars().count() {
        0 => Some(Rule::Required),
        n if n > MAX_NAME => Some(Rule::TooLong { max: MAX_NAME }),
        _ => None,
    };
    if let Some(rule) = rule {
        let message = Some(i18n::rule(user.locale, &rule));
        return render(
            &state,
            &user,
            name,
            message,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let token = secrets::generate_token();
    let created = state
        .store
        .create_api_token(
            &user.principal.user,
            &name,
            secrets::sha256(token.as_bytes()),
            user.actor(),
        )
        .await;
    match created {
        Ok(_) => render(&state, &user, String::new(), None, Some(token), StatusCode::OK).await,
        Err(e) => ApiError::from(e).into_response(),
    }
}

pub async fn revoke(
    State(state): State<AppState>,
    user: SignedIn,
    Path(token): Path<String>,
    form: FormData,
) -> Response {
    if !csrf_ok(&user, &form) {
        return ApiError::BadRequest.into_response();
    }
    let Ok(token) = token.parse::<TokenId>() else {
        return ApiError::NotFound("api-token-not-found").into_response();
    };
    match state
        .store
        .revoke_api_token(user.principal.partner.id, token, scope(&user), user.actor())
        .await
    {
        Ok(()) => Redirect::to("/tokens").into_response(),
        Err(StoreError::NotFound) => ApiError::NotFound("api-token-not-found").into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}
