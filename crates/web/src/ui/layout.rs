//! What every page's template receives: the language, the signed-in user's shell, the
//! CSRF token, the asset URLs, and localized text, dates and numbers.

use askama::Template;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use partnerdesk_domain::partner::{PartnerKind, Permission};
use partnerdesk_domain::{Arg, Locale};

use crate::app::{AppError, Caller};
use crate::i18n;
use crate::ui::assets::{ASSETS, Assets};
use crate::ui::cookies::Jar;
use crate::ui::{Flash, PageError};

/// The header's view of the signed-in user.
pub struct Shell {
    /// The user's name, or email when they gave none.
    pub name: String,
    pub partner_name: String,
}

pub struct Page {
    pub locale: Locale,
    /// The page's own title, localized.
    pub title: String,
    pub user: Option<Shell>,
    pub csrf: String,
    /// The path the language switcher returns to.
    pub path: String,
    pub assets: &'static Assets,
    pub can_add_customer: bool,
    pub can_view_activity: bool,
    pub can_manage_users: bool,
    pub can_request_relationship: bool,
    pub can_view_billing: bool,
    pub can_view_prices: bool,
    pub can_view_support: bool,
    pub is_provider: bool,
    /// What the previous request did, from the flash.
    pub notice: Option<String>,
}

impl Page {
    /// A page for a signed-in partner user; `title` is a message id.
    pub fn signed_in(caller: &Caller, locale: Locale, csrf: String, title: &str, path: &str) -> Self {
        let principal = &caller.principal;
        Self {
            locale,
            title: i18n::text(locale, title),
            user: Some(Shell {
                name: principal.user.display_name().to_owned(),
                partner_name: principal.partner.name.clone(),
            }),
            csrf,
            path: path.to_owned(),
            assets: &ASSETS,
            can_add_customer: caller.can(Permission::AddCustomer),
            can_view_activity: caller.can(Permission::ViewActivity),
            can_manage_users: caller.can(Permission::ManageUsers),
            can_request_relationship: caller.can(Permission::RequestRelationship),
            can_view_billing: caller.can(Permission::ViewBilling),
            can_view_prices: caller.can(Permission::ViewPrices),
            can_view_support: caller.can(Permission::ViewSupport),
            is_provider: principal.partner.kind == PartnerKind::IndirectProvider,
            notice: None,
        }
    }

    /// A page without a signed-in user (sign-in, errors).
    pub fn anonymous(locale: Locale, title: &str, csrf: String, path: &str) -> Self {
        Self {
            locale,
            title: i18n::text(locale, title),
            user: None,
            csrf,
            path: path.to_owned(),
            assets: &ASSETS,
            can_add_customer: false,
            can_view_activity: false,
            can_manage_users: false,
            can_request_relationship: false,
            can_view_billing: false,
            can_view_prices: false,
            can_view_support: false,
            is_provider: false,
            notice: None,
        }
    }

    /// The page with the flash's message, if the flash is one.
    pub fn with_flash(mut self, flash: Option<&Flash>) -> Self {
        if let Some(Flash::Notice { id, args }) = flash {
            let args: Vec<(&str, Arg)> = args
                .iter()
                .map(|(k, v)| (k.as_str(), Arg::Text(v.clone())))
                .collect();
            self.notice = Some(i18n::text_with(self.locale, id, &args));
        }
        self
    }

    pub fn t(&self, id: &str) -> String {
        i18n::text(self.locale, id)
    }

    /// A message with one text argument.
    pub fn t1(&self, id: &str, name: &str, value: &str) -> String {
        i18n::text_with(self.locale, id, &[(name, Arg::Text(value.to_owned()))])
    }

    /// A message with a `count` argument.
    pub fn count(&self, id: &str, count: usize) -> String {
        let count = i64::try_from(count).unwrap_or(i64::MAX);
        i18n::text_with(self.locale, id, &[("count", Arg::Number(count))])
    }

    pub fn locales(&self) -> [Locale; 5] {
        Locale::ALL
    }
}

/// Renders a page.
pub fn html(status: StatusCode, template: &impl Template) -> Response {
    match template.render() {
        Ok(body) => (
            status,
            [
                (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                (header::CACHE_CONTROL, "no-store"),
            ],
            body,
        )
            .into_response(),
        Err(e) => PageError::App(AppError::Internal(format!("rendering a page: {e}"))).into_response(),
    }
}

/// A page with status 200.
pub fn ok(template: &impl Template) -> Response {
    html(StatusCode::OK, template)
}

/// A form shown again with what was wrong: 422.
pub fn refused(template: &impl Template) -> Response {
    html(StatusCode::UNPROCESSABLE_ENTITY, template)
}

/// The interface language: the user's choice, else the language cookie, else the
/// browser's `Accept-Language`, else English.
pub fn page_locale(jar: &CookieJar, headers: &HeaderMap, secure: bool, user_choice: Option<&str>) -> Locale {
    user_choice
        .and_then(Locale::from_tag)
        .or_else(|| {
            Jar::Language
                .read(jar, secure)
                .as_deref()
                .and_then(Locale::from_tag)
        })
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Locale::from_accept_language)
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn the_users_choice_wins_over_the_browser() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_LANGUAGE,
            HeaderValue::from_static("fr-FR,fr;q=0.9"),
        );
        let jar = |h: &HeaderMap| CookieJar::from_headers(h);
        assert_eq!(page_locale(&jar(&headers), &headers, false, None), Locale::FrFr);
        assert_eq!(
            page_locale(&jar(&headers), &headers, false, Some("ru-RU")),
            Locale::RuRu
        );
        headers.insert(header::COOKIE, HeaderValue::from_static("pd_lang=zh-TW"));
        assert_eq!(page_locale(&jar(&headers), &headers, false, None), Locale::ZhTw);
    }
}
