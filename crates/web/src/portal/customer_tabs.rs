//! A customer's Subscriptions and Activity tabs.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use partnerdesk_domain::partner::Permission;
use partnerdesk_domain::subscription::Subscription;
use partnerdesk_store::ActivityQuery;

use crate::app::{activity, customers};
use crate::cldr::format_date;
use crate::cldr::format_number;
use crate::i18n;
use crate::portal::activity::{Day, days};
use crate::portal::customer_account::customer_id;
use crate::portal::session::{Can, SignedIn, guard};
use crate::state::AppState;
use crate::ui::subscriptions::plan;
use crate::ui::{Page, PageError, ok};

/// The newest entries the Activity tab shows; the Activity page has the rest.
const ACTIVITY_SHOWN: u32 = 50;

/// A tab's page frame, titled "Company – Tab".
fn frame(user: &SignedIn, company: &str, title: &str, path: &str) -> Page {
    let mut page = user.page(title, path);
    page.title = format!("{company} – {}", page.title);
    page
}

struct SubscriptionLine {
    href: String,
    offer: String,
    /// Shown when it differs from the offer's name.
    friendly_name: Option<String>,
    add_on: bool,
    licenses: String,
    status: String,
    plan: String,
    auto_renew: String,
    commitment_end: String,
}

#[derive(Template)]
#[template(path = "customer_subscriptions.html")]
struct SubscriptionsTab {
    page: Page,
    id: String,
    company: String,
    lines: Vec<SubscriptionLine>,
    can_order: bool,
}

/// Subscriptions with each one's add-ons right after it (an add-on whose parent isn't
/// listed stays where it is).
fn nested(subscriptions: &[Subscription]) -> Vec<&Subscription> {
    let listed = |id| subscriptions.iter().any(|s| s.id == id);
    let mut out = Vec::with_capacity(subscriptions.len());
    for s in subscriptions {
        if s.parent_subscription_id.is_some_and(listed) {
            continue;
        }
        out.push(s);
        out.extend(
            subscriptions
                .iter()
                .filter(|a| a.parent_subscription_id == Some(s.id)),
        );
    }
    out
}

pub async fn subscriptions(
    State(state): State<AppState>,
    user: Can<guard::ViewCustomers>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id = customer_id(&id)?;
    let overview = customers::overview(&state, &user.caller, id).await?;
    let catalog = customers::catalog(&state).await?;
    let locale = user.locale;
    let company = &overview.customer.company_name;
    let lines = nested(&overview.subscriptions)
        .into_iter()
        .map(|s| {
            let offer = catalog
                .offer(&s.offer_id)
                .map_or_else(|| s.offer_id.to_string(), |o| o.name(locale).to_owned());
            let on_off = if s.auto_renew {
                "subscription-auto-renew-on"
            } else {
                "tab-auto-renew-off"
            };
            SubscriptionLine {
                href: format!("/customers/{id}/subscriptions/{}", s.id),
                friendly_name: (s.friendly_name != offer).then(|| s.friendly_name.clone()),
                offer,
                add_on: s.parent_subscription_id.is_some(),
                licenses: format_number(locale, i64::from(s.quantity)),
                status: i18n::text(locale, &format!("status-{}", s.status)),
                plan: plan(locale, s),
                auto_renew: i18n::text(locale, on_off),
                commitment_end: format_date(locale, s.commitment_end),
            }
        })
        .collect();
    let path = format!("/customers/{id}/subscriptions");
    Ok(ok(&SubscriptionsTab {
        page: frame(&user, company, "customer-subscriptions", &path),
        id: id.to_string(),
        company: company.clone(),
        lines,
        can_order: user.can(Permission::PlaceOrder),
    }))
}

#[derive(Template)]
#[template(path = "customer_activity.html")]
struct ActivityTab {
    page: Page,
    id: String,
    company: String,
    days: Vec<Day>,
    more: bool,
    zone: String,
}

pub async fn activity(
    State(state): State<AppState>,
    user: Can<guard::ViewActivity>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id = customer_id(&id)?;
    let customer = customers::customer(&state, &user.caller, id).await?;
    let query = ActivityQuery {
        customer: Some(id),
        limit: ACTIVITY_SHOWN + 1,
        ..ActivityQuery::default()
    };
    let mut events = activity::list(&state, &user.caller, query).await?;
    let more = events.len() > ACTIVITY_SHOWN as usize;
    events.truncate(ACTIVITY_SHOWN as usize);
    let path = format!("/customers/{id}/activity");
    Ok(ok(&ActivityTab {
        page: frame(&user, &customer.company_name, "nav-activity", &path),
        id: id.to_string(),
        company: customer.company_name,
        days: days(&state, &user, &events).await?,
        zone: user.zone.name.clone(),
        more,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use partnerdesk_domain::subscription::SubscriptionStatus;
    use partnerdesk_domain::{CustomerId, OfferId, OrderId, PartnerId, SubscriptionId};
    use time::OffsetDateTime;

    #[test]
    fn add_ons_follow_their_parent() {
        let base = |parent: Option<SubscriptionId>| Subscription {
            id: SubscriptionId::new(),
            customer_id: CustomerId::default(),
            partner_id: PartnerId::default(),
            reseller_id: None,
            order_id: OrderId::default(),
            offer_id: OfferId::parse("MAIL").unwrap_or_else(|| unreachable!()),
            friendly_name: String::new(),
            quantity: 1,
            status: SubscriptionStatus::Active,
            parent_subscription_id: parent,
            partner_id_on_record: None,
            billing_cycle: "monthly".into(),
            term_duration: "P1M".into(),
            auto_renew: true,
            created_at: OffsetDateTime::UNIX_EPOCH,
            commitment_end: OffsetDateTime::UNIX_EPOCH,
            version: 1,
            next_term: None,
        };
        let (mail, chat) = (base(None), base(None));
        let archive = base(Some(mail.id));
        let orphan = base(Some(SubscriptionId::new()));
        let all = [archive.clone(), chat.clone(), mail.clone(), orphan.clone()];
        let order: Vec<_> = nested(&all).iter().map(|s| s.id).collect();
        assert_eq!(order, [chat.id, mail.id, archive.id, orphan.id]);
    }
}
