//! The Activity page: the partner's activity log, newest first, filtered by customer,
//! action, person and dates, a page at a time, and exported as CSV with the same filters.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use partnerdesk_domain::audit::{Action, Event};
use partnerdesk_domain::{CustomerId, Locale};
use partnerdesk_store::ActivityQuery;
use serde::Deserialize;
use time::macros::format_description;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::app::activity;
use crate::cldr::format_date;
use crate::portal::activity_story::{Names, Part, field_changes, story};
use crate::portal::session::{Can, SignedIn, guard};
use crate::state::AppState;
use crate::time_zone::Zone;
use crate::ui::{Page, PageError, html};

type Reader = Can<guard::ViewActivity>;

/// Entries per page.
const PAGE: u32 = 50;
/// The most entries one CSV export holds.
const EXPORT_LIMIT: usize = 100_000;

/// The filters, as the page's form sends them.
#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default)]
pub struct Filters {
    customer: String,
    action: String,
    actor: String,
    from: String,
    to: String,
    /// The previous page's last entry: `<unix microseconds>_<id>`.
    before: String,
}

/// A day's entries, under the day's date.
pub(crate) struct Day {
    pub date: String,
    pub rows: Vec<Row>,
}

pub(crate) struct Row {
    pub time: String,
    pub channel: String,
    pub address: String,
    /// The action's name, above its story.
    pub action: String,
    pub story: Vec<Part>,
    /// What a change changed, field by field.
    pub changes: Vec<(String, String)>,
}

struct ActionChoice {
    value: &'static str,
    label: String,
    selected: bool,
}

#[derive(Template)]
#[template(path = "activity.html")]
struct ActivityPage {
    page: Page,
    filters: Filters,
    actions: Vec<ActionChoice>,
    from_error: Option<String>,
    to_error: Option<String>,
    days: Vec<Day>,
    older: Option<String>,
    export: String,
    /// What the entries shown are filtered on: each filter's name and value, the
    /// customer's with its page.
    filtered_on: Vec<(String, String, Option<String>)>,
    /// The zone the times are in.
    zone: String,
}

/// The store query the filters ask for, or the message for each unreadable date.
pub(crate) fn query(
    filters: &Filters,
    locale: Locale,
    zone: &Zone,
    limit: u32,
) -> Result<ActivityQuery, (Option<String>, Option<String>)> {
    let day = |text: &str| -> Result<Option<Date>, String> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        Date::parse(text, format_description!("[year]-[month]-[day]"))
            .map(Some)
            .map_err(|_| crate::i18n::text(locale, "activity-date-invalid"))
    };
    let from = day(&filters.from).map(|d| d.map(|d| zone.start_of(d)));
    // Up to the start of the next day (a day is 23 or 25 hours long when the clocks
    // change); nothing is after the last day `time` holds, 9999-12-31.
    let to = day(&filters.to).map(|d| d.and_then(Date::next_day).map(|d| zone.start_of(d)));
    let (Ok(since), Ok(until)) = (&from, &to) else {
        return Err((from.err(), to.err()));
    };
    let before = filters.before.split_once('_').and_then(|(micros, id)| {
        let nanos = micros.parse::<i128>().ok()?.checked_mul(1000)?;
        let at = OffsetDateTime::from_unix_timestamp_nanos(nanos).ok()?;
        Some((at, id.parse::<Uuid>().ok()?))
    });
    Ok(ActivityQuery {
        customer: filters.customer.trim().parse::<CustomerId>().ok(),
        action: filters.action.parse().ok(),
        actor: Some(filters.actor.trim().to_owned()).filter(|a| !a.is_empty()),
        since: *since,
        until: *until,
        before,
        limit,
    })
}

fn cursor(event: &Event) -> String {
    format!("{}_{}", event.at.unix_timestamp_nanos() / 1000, event.id)
}

/// The filters as a query string (empty ones left out).
fn encode(filters: &Filters) -> String {
    let pairs: Vec<(&str, &str)> = [
        ("customer", &filters.customer),
        ("action", &filters.action),
        ("actor", &filters.actor),
        ("from", &filters.from),
        ("to", &filters.to),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.trim()))
    .filter(|(_, v)| !v.is_empty())
    .collect();
    serde_urlencoded::to_string(pairs).unwrap_or_default()
}

pub fn action_label(locale: Locale, action: Action) -> String {
    crate::i18n::text(locale, &format!("activity-{}", action.as_str()))
}

pub async fn page(
    State(state): State<AppState>,
    user: Reader,
    Query(filters): Query<Filters>,
) -> Result<Response, PageError> {
    let locale = user.locale;
    let (query, errors) = match query(&filters, locale, &user.zone, PAGE + 1) {
        Ok(q) => (Some(q), (None, None)),
        Err(errors) => (None, errors),
    };
    let mut events = match query {
        Some(q) => activity::list(&state, &user.caller, q).await?,
        None => Vec::new(),
    };
    let more = events.len() > PAGE as usize;
    events.truncate(PAGE as usize);
    let encoded = encode(&filters);
    let older = more.then(|| {
        let last = events.last().map(cursor).unwrap_or_default();
        let separator = if encoded.is_empty() { "" } else { "&" };
        format!("/activity?{encoded}{separator}before={last}")
    });
    let status = if errors.0.is_some() || errors.1.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let template = ActivityPage {
        filtered_on: filtered_on(&state, &user, &filters).await,
        page: user.page("activity-title", "/activity"),
        export: format!("/activity.csv?{encoded}"),
        actions: actions(locale, &filters),
        filters,
        from_error: errors.0,
        to_error: errors.1,
        days: days(&state, &user, &events).await?,
        zone: user.zone.name.clone(),
        older,
    };
    Ok(html(status, &template))
}

/// The filters set, in words: "Customer: Contoso", "Action: Order placed"… (a customer
/// the reader can't see, or a wrong value, is shown as given).
async fn filtered_on(
    state: &AppState,
    user: &Reader,
    filters: &Filters,
) -> Vec<(String, String, Option<String>)> {
    let locale = user.locale;
    let t = |id: &str| crate::i18n::text(locale, id);
    let mut on = Vec::new();
    let customer = filters.customer.trim();
    if !customer.is_empty() {
        let found = match customer.parse() {
            Ok(id) => crate::app::customers::customer(state, &user.caller, id)
                .await
                .ok(),
            Err(_) => None,
        };
        let (name, href) = found.map_or_else(
            || (customer.to_owned(), None),
            |c| (c.company_name, Some(format!("/customers/{}", c.id))),
        );
        on.push((t("activity-filter-customer"), name, href));
    }
    if let Ok(action) = filters.action.parse::<Action>() {
        on.push((t("activity-action"), action_label(locale, action), None));
    }
    for (label, value) in [
        ("activity-actor", &filters.actor),
        ("activity-from", &filters.from),
        ("activity-to", &filters.to),
    ] {
        let value = value.trim();
        if !value.is_empty() {
            let shown = Date::parse(value, format_description!("[year]-[month]-[day]")).map_or_else(
                |_| value.to_owned(),
                |d| format_date(locale, d.midnight().assume_utc()),
            );
            on.push((t(label), shown, None));
        }
    }
    on
}

fn actions(locale: Locale, filters: &Filters) -> Vec<ActionChoice> {
    Action::ALL
        .iter()
        .copied()
        .map(|a| ActionChoice {
            value: a.as_str(),
            label: action_label(locale, a),
            selected: filters.action == a.as_str(),
        })
        .collect()
}

/// The entries as rows, grouped by the day they happened on in `zone`.
fn rows(locale: Locale, events: &[Event], names: &Names<'_>, zone: &Zone) -> Vec<Day> {
    let mut days: Vec<(Date, Day)> = Vec::new();
    for e in events {
        let at = zone.local(e.at);
        let row = Row {
            time: crate::cldr::format_time(locale, at),
            channel: crate::i18n::text(locale, &format!("activity-channel-{}", e.channel.as_str())),
            address: e.address.clone().unwrap_or_default(),
            action: action_label(locale, e.action),
            story: story(locale, e, names),
            changes: field_changes(locale, e),
        };
        match days.last_mut() {
            Some((date, day)) if *date == at.date() => day.rows.push(row),
            _ => days.push((
                at.date(),
                Day {
                    date: format_date(locale, at),
                    rows: vec![row],
                },
            )),
        }
    }
    days.into_iter().map(|(_, day)| day).collect()
}

/// The entries as the user reads them: told with the names of the offers and the
/// partner's users they mention, grouped by day in the user's zone.
pub(crate) async fn days(state: &AppState, user: &SignedIn, events: &[Event]) -> Result<Vec<Day>, PageError> {
    let catalog = crate::app::customers::catalog(state).await?;
    let users = activity::user_names(state, &user.caller).await?;
    let names = Names {
        catalog: &catalog,
        users: &users,
    };
    Ok(rows(user.locale, events, &names, &user.zone))
}

/// The filtered log as CSV, formula-injection safe, at most [`EXPORT_LIMIT`] entries.
pub async fn csv(
    State(state): State<AppState>,
    user: Reader,
    Query(filters): Query<Filters>,
) -> Result<Response, PageError> {
    let mut query = query(&filters, user.locale, &user.zone, 1000).map_err(|_| PageError::BadForm)?;
    let mut out = String::from("time,actor,channel,address,action,customer,details\r\n");
    let mut written = 0;
    loop {
        let events = activity::list(&state, &user.caller, query.clone()).await?;
        for e in &events {
            out.push_str(&csv_line(e));
        }
        written += events.len();
        match events.last() {
            Some(last) if events.len() == 1000 && written < EXPORT_LIMIT => {
                query.before = Some((last.at, last.id))
            }
            _ => break,
        }
    }
    let disposition = "attachment; filename=\"activity.csv\"";
    let headers = [
        (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
        (header::CONTENT_DISPOSITION, disposition),
    ];
    Ok((headers, out).into_response())
}

fn csv_line(e: &Event) -> String {
    let details = e
        .details
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("; ");
    let at =
        e.at.format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default();
    let fields = [
        at.as_str(),
        &e.actor_name,
        e.channel.as_str(),
        e.address.as_deref().unwrap_or(""),
        e.action.as_str(),
        &e.customer_id.map(|c| c.to_string()).unwrap_or_default(),
        &details,
    ];
    crate::csv::line(&fields.map(crate::csv::text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_keep_the_filters_given_and_escape_them() {
        let filters = Filters {
            actor: " ana & bo ".into(),
            action: "order-placed".into(),
            ..Filters::default()
        };
        assert_eq!(encode(&filters), "action=order-placed&actor=ana+%26+bo");
        assert_eq!(encode(&Filters::default()), "");
    }

    #[test]
    fn unreadable_dates_are_refused_and_to_includes_its_day() {
        let filters = Filters {
            from: "2026-13-01".into(),
            ..Filters::default()
        };
        assert!(query(&filters, Locale::EnUs, &Zone::default(), 10).is_err());
        let filters = Filters {
            to: "2026-11-22".into(),
            ..Filters::default()
        };
        let until = query(&filters, Locale::EnUs, &Zone::default(), 10)
            .ok()
            .and_then(|q| q.until);
        assert_eq!(until.map(|u| u.day()), Some(23));
    }

    #[test]
    fn dates_are_days_in_the_readers_zone() {
        let filters = Filters {
            from: "2026-01-15".into(),
            ..Filters::default()
        };
        let Some(taipei) = Zone::named("Asia/Taipei") else {
            return;
        };
        let since = query(&filters, Locale::EnUs, &taipei, 10)
            .ok()
            .and_then(|q| q.since);
        assert_eq!(since, Some(time::macros::datetime!(2026-01-14 16:00 UTC)));
        // Sydney's 2026-10-04 is 23 hours long: it ends at the next local midnight.
        let Some(sydney) = Zone::named("Australia/Sydney") else {
            return;
        };
        let day = Filters {
            from: "2026-10-04".into(),
            to: "2026-10-04".into(),
            ..Filters::default()
        };
        let range = query(&day, Locale::EnUs, &sydney, 10)
            .ok()
            .map(|q| (q.since, q.until));
        assert_eq!(
            range,
            Some((
                Some(time::macros::datetime!(2026-10-03 14:00 UTC)),
                Some(time::macros::datetime!(2026-10-04 13:00 UTC))
            ))
        );
    }

    #[test]
    fn the_last_day_and_huge_cursors_are_read_without_overflow() {
        // Both overflowed and panicked; found while writing the fuzz targets.
        let filters = Filters {
            to: "9999-12-31".into(),
            before: format!("{}_{}", "9".repeat(38), Uuid::nil()),
            ..Filters::default()
        };
        let query = query(&filters, Locale::EnUs, &Zone::default(), 10).ok();
        assert!(
            query
                .as_ref()
                .is_some_and(|q| q.until.is_none() && q.before.is_none())
        );
    }
}
