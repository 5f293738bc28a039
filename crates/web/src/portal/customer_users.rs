//! A customer's Users tab: its users, and **Reset password**, which gives one a new
//! temporary password, shown once.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use partnerdesk_domain::partner::Permission;
use partnerdesk_domain::{Arg, CustomerUserId};
use serde::Deserialize;

use crate::app::{customer_users, customers};
use crate::cldr::format_date;
use crate::i18n;
use crate::portal::customer_account::customer_id;
use crate::portal::session::{Can, guard};
use crate::state::AppState;
use crate::ui::confirm::{self, Question};
use crate::ui::{Flash, Form, Page, PageError, ok};

struct UserLine {
    id: String,
    name: String,
    status: String,
    created: String,
    last_sign_in: String,
}

#[derive(Template)]
#[template(path = "customer_users.html")]
struct UsersTab {
    page: Page,
    id: String,
    company: String,
    users: Vec<UserLine>,
    can_reset: bool,
    /// A temporary password just given, shown this once.
    password: Option<String>,
}

pub async fn page(
    State(state): State<AppState>,
    user: Can<guard::ViewCustomers>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id = customer_id(&id)?;
    let customer = customers::customer(&state, &user.caller, id).await?;
    let accounts = customer_users::list(&state, &user.caller, id).await?;
    let locale = user.locale;
    let users = accounts
        .into_iter()
        .map(|a| UserLine {
            id: a.id.to_string(),
            status: i18n::text(
                locale,
                if a.must_change_password {
                    "customer-user-temporary"
                } else {
                    "customer-user-active"
                },
            ),
            created: format_date(locale, user.zone.local(a.created_at)),
            last_sign_in: a.last_signed_in_at.map_or_else(
                || i18n::text(locale, "customer-user-never"),
                |at| format_date(locale, user.zone.local(at)),
            ),
            name: a.user_name,
        })
        .collect();
    let password = match &user.flash {
        Some(Flash::Secret { value }) => Some(value.clone()),
        _ => None,
    };
    let mut page = user.page("customer-tab-users", &format!("/customers/{id}/users"));
    page.title = format!("{} – {}", customer.company_name, page.title);
    Ok(ok(&UsersTab {
        page,
        id: id.to_string(),
        company: customer.company_name,
        users,
        can_reset: user.can(Permission::ResetCustomerPassword),
        password,
    }))
}

#[derive(Deserialize)]
pub struct ResetForm {
    #[serde(default)]
    confirmed: String,
}

/// Asks first, saying whose password and what follows; then resets it and shows the new
/// temporary password on the Users tab, once.
pub async fn reset(
    State(state): State<AppState>,
    jar: CookieJar,
    user: Can<guard::ResetCustomerPassword>,
    Path((id, target)): Path<(String, String)>,
    Form(form): Form<ResetForm>,
) -> Result<Response, PageError> {
    let id = customer_id(&id)?;
    let target: CustomerUserId = target
        .parse()
        .map_err(|_| PageError::not_found("api-user-not-found"))?;
    let tab = format!("/customers/{id}/users");
    if !confirm::confirmed(&form.confirmed) {
        let accounts = customer_users::list(&state, &user.caller, id).await?;
        let name = accounts
            .into_iter()
            .find(|a| a.id == target)
            .ok_or_else(|| PageError::not_found("api-user-not-found"))?
            .user_name;
        let question = Question {
            text: i18n::text_with(
                user.locale,
                "confirm-reset-password",
                &[("user", Arg::Text(name))],
            ),
            button: i18n::text(user.locale, "customer-user-reset"),
            action: format!("{tab}/{target}/reset-password"),
            fields: Vec::new(),
            cancel: tab.clone(),
        };
        return Ok(confirm::ask(user.page("customer-tab-users", &tab), question));
    }
    let password = customer_users::reset_password(&state, &user.caller, id, target).await?;
    let jar = user.flash(jar, &Flash::Secret { value: password });
    Ok((jar, Redirect::to(&tab)).into_response())
}
