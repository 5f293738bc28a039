//! **Settings**: what a signed-in user chooses for themselves: the name the Users page
//! shows, and the time zone times are shown in (the browser's unless one is chosen).

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use serde::Deserialize;

use crate::app::{AppError, sessions};
use crate::i18n;
use crate::portal::session::SignedIn;
use crate::state::AppState;
use crate::time_zone::{self, Zone};
use crate::ui::{Flash, Form, Page, PageError, ok, refused};

#[derive(Template)]
#[template(path = "settings.html")]
struct SettingsPage {
    page: Page,
    /// Each zone offered: its name, its label, whether it is the one chosen.
    zones: Vec<(String, String, bool)>,
    /// The zone times are shown in now.
    current: String,
    name: String,
    name_error: Option<String>,
}

pub async fn page(user: SignedIn) -> Result<Response, PageError> {
    let saved = &user.caller.principal.user;
    let name = saved.name.clone().unwrap_or_default();
    let zone = saved.time_zone.clone().unwrap_or_default();
    Ok(ok(&render(&user, name, zone, None)))
}

/// The page with `name` and `chosen` (a zone's name, empty for the browser's) in its
/// fields, and why the name was refused.
fn render(user: &SignedIn, name: String, chosen: String, name_error: Option<String>) -> SettingsPage {
    let browser = i18n::text(user.locale, "settings-zone-browser");
    let zones = std::iter::once((String::new(), browser, chosen.is_empty()))
        .chain(
            time_zone::names()
                .iter()
                .map(|z| (z.clone(), z.replace('_', " "), *z == chosen)),
        )
        .collect();
    SettingsPage {
        page: user.page("settings-title", "/settings"),
        zones,
        current: user.zone.name.clone(),
        name,
        name_error,
    }
}

#[derive(Deserialize)]
pub struct SettingsForm {
    #[serde(default, rename = "displayName")]
    name: String,
    #[serde(default, rename = "timeZone")]
    time_zone: String,
}

/// Saves the name and the zone chosen; a zone the database doesn't have is refused.
pub async fn save(
    State(state): State<AppState>,
    jar: CookieJar,
    user: SignedIn,
    Form(form): Form<SettingsForm>,
) -> Result<Response, PageError> {
    let zone = match form.time_zone.trim() {
        "" => None,
        name => Some(Zone::named(name).ok_or(PageError::BadForm)?),
    };
    match sessions::save_settings(&state, &user.caller, &form.name, zone).await {
        Ok(()) => {
            let jar = user.flash(jar, &Flash::notice("settings-saved"));
            Ok((jar, Redirect::to("/settings")).into_response())
        }
        Err(AppError::Invalid(errors)) => {
            let error = errors.first().map(|e| i18n::rule(user.locale, &e.rule));
            let chosen = form.time_zone.trim().to_owned();
            Ok(refused(&render(
                &user,
                form.name.trim().to_owned(),
                chosen,
                error,
            )))
        }
        Err(e) => Err(e.into()),
    }
}
