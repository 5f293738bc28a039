//! **Settings**: what a signed-in user chooses for themselves; for now, the time zone times
//! are shown in (the browser's unless one is chosen).

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use serde::Deserialize;

use crate::app::sessions;
use crate::i18n;
use crate::portal::session::SignedIn;
use crate::state::AppState;
use crate::time_zone::{self, Zone};
use crate::ui::{Flash, Form, Page, PageError, ok};

#[derive(Template)]
#[template(path = "settings.html")]
struct SettingsPage {
    page: Page,
    /// Each zone offered: its name, its label, whether it is the one chosen.
    zones: Vec<(String, String, bool)>,
    /// The zone times are shown in now.
    current: String,
}

pub async fn page(user: SignedIn) -> Result<Response, PageError> {
    let chosen = user.caller.principal.user.time_zone.clone().unwrap_or_default();
    let browser = i18n::text(user.locale, "settings-zone-browser");
    let zones = std::iter::once((String::new(), browser, chosen.is_empty()))
        .chain(
            time_zone::names()
                .iter()
                .map(|z| (z.clone(), z.replace('_', " "), *z == chosen)),
        )
        .collect();
    Ok(ok(&SettingsPage {
        page: user.page("settings-title", "/settings"),
        zones,
        current: user.zone.name.clone(),
    }))
}

#[derive(Deserialize)]
pub struct SettingsForm {
    #[serde(default, rename = "timeZone")]
    time_zone: String,
}

/// Saves the zone chosen; one the database doesn't have is refused.
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
    sessions::set_time_zone(&state, &user.caller, zone).await?;
    let jar = user.flash(jar, &Flash::notice("settings-saved"));
    Ok((jar, Redirect::to("/settings")).into_response())
}
