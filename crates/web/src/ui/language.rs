//! Choosing the interface language, from any page of either portal: remembered in a
//! cookie, and for a signed-in partner user in their profile.

use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use partnerdesk_domain::Locale;
use serde::Deserialize;
use time::Duration;

use crate::app::sessions;
use crate::state::AppState;
use crate::ui::PageError;
use crate::ui::cookies::Jar;
use crate::ui::csrf::FormSecrets;
use crate::ui::form::{Form, local_path};

/// Whoever sent the form: its token may derive from any of the browser's secrets.
pub struct AnyVisitor {
    jar: CookieJar,
}

impl FromRequestParts<AppState> for AnyVisitor {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let secure = state.settings.secure_cookies;
        let jar = CookieJar::from_headers(&parts.headers);
        let secrets = [Jar::Session, Jar::SignIn, Jar::Customer]
            .into_iter()
            .filter_map(|j| j.read(&jar, secure))
            .collect();
        parts.extensions.insert(FormSecrets(secrets));
        Ok(AnyVisitor { jar })
    }
}

#[derive(Deserialize)]
pub struct LanguageForm {
    locale: String,
    #[serde(default)]
    next: String,
}

pub async fn choose(
    State(state): State<AppState>,
    AnyVisitor { jar }: AnyVisitor,
    Form(form): Form<LanguageForm>,
) -> Result<Response, PageError> {
    let locale = Locale::from_tag(&form.locale).ok_or(PageError::BadForm)?;
    let secure = state.settings.secure_cookies;
    if let Some(secret) = Jar::Session.read(&jar, secure) {
        sessions::remember_language(&state, &secret, locale.tag()).await?;
    }
    let jar = jar.add(Jar::Language.set(locale.tag().to_owned(), Duration::days(365), secure));
    Ok((jar, Redirect::to(local_path(&form.next))).into_response())
}
