//! What every page's template receives: the language, the signed-in user's shell, the
//! CSRF token, the asset URLs, and localized text, dates and numbers.

use askama::Template;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use partnerdesk_domain::partner::{PartnerKind, Permission};
use partnerdesk_domain::{Arg, Locale};
use time::OffsetDateTime;

use crate::error::ApiError;
use crate::i18n;
use crate::pages::assets::{ASSETS, Assets};
use crate::pages::session::SignedIn;

/// The header's view of the signed-in user.
pub struct Shell {
    pub email: String,
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
    pub is_provider: bool,
}

impl Page {
    /// A page for a signed-in user; `title` is a message id.
    pub fn new(user: &SignedIn, title: &str, path: &str) -> Self {
        let principal = &user.principal;
        Self {
            locale: user.locale,
            title: i18n::text(user.locale, title),
            user: Some(Shell {
                email: principal.user.email.clone(),
                partner_name: principal.partner.name.clone(),
            }),
            csrf: user.csrf(),
            path: path.to_owned(),
            assets: &ASSETS,
            can_add_customer: user.can(Permission::AddCustomer),
            can_view_activity: user.can(Permission::ViewActivity),
            can_manage_users: user.can(Permission::ManageUsers),
            can_request_relationship: user.can(Permission::RequestRelationship),
            is_provider: principal.partner.kind == PartnerKind::IndirectProvider,
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
            is_provider: false,
        }
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

    pub fn date(&self, at: &OffsetDateTime) -> String {
        format_date(self.locale, *at)
    }

    pub fn number(&self, n: i64) -> String {
        format_number(self.locale, n)
    }
}

/// A medium date in the locale's order, such as "Nov 22, 2026" or "22 nov. 2026".
pub fn format_date(locale: Locale, at: OffsetDateTime) -> String {
    let month = i18n::text(locale, &format!("month-{}", u8::from(at.month())));
    i18n::text_with(
        locale,
        "date-format",
        &[
            ("month", Arg::Text(month)),
            ("day", Arg::Text(at.day().to_string())),
            ("year", Arg::Text(at.year().to_string())),
        ],
    )
}

/// A whole number with the locale's digit grouping: 1,234,567 or 1 234 567.
pub fn format_number(locale: Locale, n: i64) -> String {
    let separator = match locale {
        Locale::EnUs | Locale::ZhTw | Locale::ZhCn => ",",
        Locale::FrFr => "\u{202f}",
        Locale::RuRu => "\u{a0}",
    };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * separator.len() + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(c);
    }
    out
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
        Err(e) => ApiError::Internal(format!("rendering a page: {e}")).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn numbers_are_grouped_the_locales_way() {
        assert_eq!(format_number(Locale::EnUs, 10_000_000), "10,000,000");
        assert_eq!(format_number(Locale::FrFr, 1234), "1\u{202f}234");
        assert_eq!(format_number(Locale::RuRu, 300), "300");
        assert_eq!(format_number(Locale::ZhTw, -12345), "-12,345");
    }

    #[test]
    fn dates_follow_the_locale() {
        let day = datetime!(2026-11-22 10:00 UTC);
        assert_eq!(format_date(Locale::EnUs, day), "Nov 22, 2026");
    }
}
