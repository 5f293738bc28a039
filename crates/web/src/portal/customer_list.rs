//! The Customers list: one search box (anywhere in name or domain), filters, a sort on
//! any column, numbered pages with the total, and the current view as CSV. The URL holds
//! the whole view, so a filtered list can be bookmarked and shared.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use partnerdesk_domain::partner::PartnerKind;
use partnerdesk_domain::{Arg, Locale, PartnerId};
use partnerdesk_store::{CustomerView, Holding, SearchField, SortColumn};
use serde::Deserialize;
use time::{Date, OffsetDateTime};

use crate::app::customers;
use crate::cldr::format_date;
use crate::cldr::format_number;
use crate::customer_export;
use crate::i18n;
use crate::portal::session::{Can, guard};
use crate::portal::wizard::account::countries;
use crate::state::AppState;
use crate::ui::{Page, PageError, ok};

/// The page sizes offered; the first is the default.
const SIZES: [u32; 3] = [25, 50, 100];

/// The view as the URL gives it. Every field is text, so that a wrong value is reported
/// on the page rather than refused as a whole.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct ListQuery {
    q: Option<String>,
    sort: Option<String>,
    dir: Option<String>,
    reseller: Option<String>,
    country: Option<String>,
    from: Option<String>,
    to: Option<String>,
    holding: Option<String>,
    size: Option<String>,
    page: Option<String>,
}

/// A filter the URL got wrong, and why, in the reader's language.
struct FilterError {
    field: &'static str,
    message: String,
}

/// The view a URL asks for, what was wrong in it, and the page.
pub(crate) struct Listing {
    pub view: CustomerView,
    errors: Vec<FilterError>,
    size: u32,
    page: u32,
    /// The URL's values, kept to show in the form and to build links.
    raw: ListQuery,
}

fn present(value: Option<&String>) -> Option<&str> {
    value.map(|v| v.trim()).filter(|v| !v.is_empty())
}

impl Listing {
    /// Reads `query`: unknown sorts and sizes fall back to the defaults; a wrong country,
    /// date or reseller is reported and left out of the view.
    pub(crate) fn new(query: ListQuery, locale: Locale, resellers: &[(PartnerId, String)]) -> Self {
        let mut errors = Vec::new();
        let mut error = |field, id: &str, args: &[(&str, Arg)]| {
            errors.push(FilterError {
                field,
                message: i18n::text_with(locale, id, args),
            });
        };
        let text: String = query
            .q
            .as_deref()
            .unwrap_or_default()
            .trim()
            .chars()
            .take(100)
            .collect();
        let country = present(query.country.as_ref()).and_then(|c| {
            partnerdesk_domain::country::CountryCode::parse(c)
                .inspect_err(|_| error("country", "customers-filter-country", &[]))
                .ok()
        });
        let mut date = |field, value: Option<&String>| {
            let value = present(value)?;
            let format = time::macros::format_description!("[year]-[month]-[day]");
            Date::parse(value, &format)
                .inspect_err(|_| {
                    error(
                        field,
                        "customers-filter-date",
                        &[("example", Arg::Text("2026-11-30".into()))],
                    )
                })
                .ok()
        };
        let from = date("from", query.from.as_ref());
        let to = date("to", query.to.as_ref());
        let reseller = present(query.reseller.as_ref()).and_then(|r| {
            let id = r
                .parse::<PartnerId>()
                .ok()
                .filter(|id| resellers.iter().any(|(p, _)| p == id));
            if id.is_none() {
                error("reseller", "customers-filter-reseller", &[]);
            }
            id
        });
        let holding = match present(query.holding.as_ref()) {
            Some("subscriptions") => Some(Holding::Subscriptions),
            Some("suspended") => Some(Holding::Suspended),
            _ => None,
        };
        let view = CustomerView {
            text,
            field: SearchField::NameOrDomain,
            reseller,
            country,
            created_from: from.map(|d| d.midnight().assume_utc()),
            created_before: to.and_then(|d| d.next_day()).map(|d| d.midnight().assume_utc()),
            holding,
            sort: present(query.sort.as_ref())
                .and_then(|s| s.parse().ok())
                .unwrap_or_default(),
            descending: present(query.dir.as_ref()) == Some("desc"),
        };
        let size = present(query.size.as_ref())
            .and_then(|s| s.parse().ok())
            .filter(|s| SIZES.contains(s))
            .unwrap_or(SIZES[0]);
        let page = present(query.page.as_ref())
            .and_then(|p| p.parse().ok())
            .unwrap_or(1)
            .max(1);
        Self {
            view,
            errors,
            size,
            page,
            raw: query,
        }
    }

    /// The first page reachable: a view is shown up to its counted total.
    fn offset(&self) -> u32 {
        let last_start = partnerdesk_store::COUNT_CAP.saturating_sub(self.size);
        (self.page - 1).saturating_mul(self.size).min(last_start)
    }

    /// The query string of this view with `changes` applied (a `None` value removes the
    /// parameter); empty values and the defaults are left out.
    fn href(&self, path: &str, changes: &[(&str, Option<String>)]) -> String {
        let r = &self.raw;
        let mut pairs: Vec<(&str, Option<String>)> = vec![
            ("q", Some(self.view.text.clone())),
            ("reseller", r.reseller.clone()),
            ("country", r.country.clone()),
            ("from", r.from.clone()),
            ("to", r.to.clone()),
            ("holding", r.holding.clone()),
            ("sort", Some(self.view.sort.as_str().to_owned())),
            ("dir", self.view.descending.then(|| "desc".to_owned())),
            ("size", Some(self.size.to_string())),
            ("page", Some(self.page.to_string())),
        ];
        // A value refused is shown in its field, to be corrected, but links leave it out.
        for pair in &mut pairs {
            if self.errors.iter().any(|e| e.field == pair.0) {
                pair.1 = None;
            }
        }
        for (name, value) in changes {
            if let Some(pair) = pairs.iter_mut().find(|(n, _)| n == name) {
                pair.1.clone_from(value);
            }
        }
        let defaults = [("sort", "company"), ("size", "25"), ("page", "1")];
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (name, value) in &pairs {
            let Some(value) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) else {
                continue;
            };
            if !defaults.contains(&(name, value)) {
                query.append_pair(name, value);
            }
        }
        let query = query.finish();
        if query.is_empty() {
            path.to_owned()
        } else {
            format!("{path}?{query}")
        }
    }

    fn filtered(&self) -> bool {
        !self.view.text.is_empty() || self.filters_set()
    }

    /// Whether a filter other than the search text is set.
    fn filters_set(&self) -> bool {
        let v = &self.view;
        v.reseller.is_some()
            || v.country.is_some()
            || v.created_from.is_some()
            || v.created_before.is_some()
            || v.holding.is_some()
    }
}

struct CustomerRow {
    id: String,
    company: String,
    domain: String,
    country: String,
    reseller: String,
    created: String,
    licences: String,
    next_end: String,
}

/// A column heading that sorts: its link, and how the list is sorted on it now.
struct SortLink {
    label: String,
    href: String,
    /// `ascending`, `descending` or `none`, for `aria-sort`.
    state: &'static str,
}

#[derive(Template)]
#[template(path = "customers.html")]
struct CustomersPage {
    page: Page,
    rows: Vec<CustomerRow>,
    filtered: bool,
    text: String,
    reseller: String,
    country: String,
    from: String,
    to: String,
    holding: String,
    size: u32,
    sizes: [u32; 3],
    errors: Vec<FilterError>,
    /// The filters are shown open: one is set, or wrong.
    open_filters: bool,
    countries: &'static [(String, String)],
    resellers: Vec<(String, String)>,
    /// The sortable headings, the reseller's for an indirect provider.
    columns: Vec<SortLink>,
    range: String,
    previous: Option<String>,
    next: Option<String>,
    export: String,
    sort: String,
    dir: String,
    show_reseller: bool,
}

impl CustomersPage {
    fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}

fn column(listing: &Listing, locale: Locale, column: SortColumn, label: &str) -> SortLink {
    let current = listing.view.sort == column;
    let state = match (current, listing.view.descending) {
        (false, _) => "none",
        (true, false) => "ascending",
        (true, true) => "descending",
    };
    let dir = (current && !listing.view.descending).then(|| "desc".to_owned());
    SortLink {
        label: i18n::text(locale, label),
        href: listing.href(
            "/customers",
            &[
                ("sort", Some(column.as_str().into())),
                ("dir", dir),
                ("page", None),
            ],
        ),
        state,
    }
}

fn name_of(names: &[(PartnerId, String)], id: Option<PartnerId>) -> String {
    id.and_then(|id| names.iter().find(|(p, _)| *p == id).map(|(_, n)| n.clone()))
        .unwrap_or_default()
}

pub async fn list(
    State(state): State<AppState>,
    user: Can<guard::ViewCustomers>,
    Query(query): Query<ListQuery>,
) -> Result<Response, PageError> {
    let locale = user.locale;
    let names = customers::related_partners(&state, &user.caller).await?;
    let show_reseller = user.caller.kind() == PartnerKind::IndirectProvider;
    let listing = Listing::new(query, locale, if show_reseller { &names } else { &[] });
    let offset = listing.offset();
    let found = customers::find(&state, &user.caller, listing.view.clone(), offset, listing.size).await?;
    let rows = found
        .rows
        .iter()
        .map(|row| {
            let c = &row.customer;
            CustomerRow {
                id: c.id.to_string(),
                company: c.company_name.clone(),
                domain: c.domain.clone(),
                country: c.country.info().name(locale).to_owned(),
                reseller: name_of(&names, c.associated_partner_id),
                created: format_date(locale, c.created_at),
                licences: format_number(locale, row.active_licences),
                next_end: row
                    .next_commitment_end
                    .map(|at| format_date(locale, at))
                    .unwrap_or_default(),
            }
        })
        .collect::<Vec<_>>();
    let shown = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    let number = |n: u32| Arg::Text(format_number(locale, i64::from(n)));
    let range = match (shown, found.more_than_total) {
        (0, _) => String::new(),
        (_, more) => i18n::text_with(
            locale,
            if more {
                "customers-range-more"
            } else {
                "customers-range"
            },
            &[
                ("first", number(offset + 1)),
                ("last", number(offset + shown)),
                ("total", number(found.total)),
            ],
        ),
    };
    let page_link = |page: u32| listing.href("/customers", &[("page", Some(page.to_string()))]);
    let current = offset / listing.size + 1;
    // A total that says "more than" is where counting stopped: pages go on to COUNT_CAP.
    let end = offset + shown;
    let reachable = end < found.total || (found.more_than_total && end < partnerdesk_store::COUNT_CAP);
    let r = &listing.raw;
    let value = |v: &Option<String>| v.as_deref().unwrap_or_default().trim().to_owned();
    Ok(ok(&CustomersPage {
        page: user.page("customers-title", "/customers"),
        filtered: listing.filtered(),
        open_filters: listing.filters_set() || !listing.errors.is_empty() || listing.size != SIZES[0],
        text: listing.view.text.clone(),
        reseller: value(&r.reseller),
        country: value(&r.country).to_uppercase(),
        from: value(&r.from),
        to: value(&r.to),
        holding: value(&r.holding),
        size: listing.size,
        sizes: SIZES,
        countries: countries(locale),
        resellers: names
            .iter()
            .map(|(id, name)| (id.to_string(), name.clone()))
            .collect(),
        columns: [
            (SortColumn::Company, "customers-column-company"),
            (SortColumn::Domain, "customers-column-domain"),
            (SortColumn::Country, "customers-column-country"),
            (SortColumn::Created, "customers-column-created"),
        ]
        .into_iter()
        .chain(show_reseller.then_some((SortColumn::Reseller, "customers-column-reseller")))
        .map(|(c, label)| column(&listing, locale, c, label))
        .collect(),
        range,
        previous: (current > 1).then(|| page_link(current - 1)),
        next: reachable.then(|| page_link(current + 1)),
        export: listing.href("/customers/export.csv", &[("size", None), ("page", None)]),
        sort: listing.view.sort.as_str().to_owned(),
        dir: if listing.view.descending {
            "desc".into()
        } else {
            String::new()
        },
        show_reseller,
        errors: listing.errors,
        rows,
    }))
}

/// The current view (without its paging) as a CSV file, streamed.
pub async fn export(
    State(state): State<AppState>,
    user: Can<guard::ViewCustomers>,
    Query(query): Query<ListQuery>,
) -> Result<Response, PageError> {
    let names = customers::related_partners(&state, &user.caller).await?;
    let listing = Listing::new(query, user.locale, &names);
    let today = OffsetDateTime::now_utc().date();
    let name = format!("customers-{today}.csv");
    let partner = customers::exportable(&user.caller)?;
    Ok(customer_export::file(
        state.store.clone(),
        partner,
        listing.view,
        names,
        &name,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(pairs: &str) -> Listing {
        let query: ListQuery = serde_html_form::from_str(pairs).unwrap_or_default();
        Listing::new(query, Locale::EnUs, &[])
    }

    #[test]
    fn the_url_holds_the_view_and_wrong_values_are_reported() {
        let l = listing(
            "q=+grove+&sort=created&dir=desc&country=fr&from=2026-01-02&to=2026-01-31&size=50&page=3",
        );
        assert_eq!(l.view.text, "grove");
        assert_eq!((l.view.sort, l.view.descending), (SortColumn::Created, true));
        assert_eq!(l.view.country.map(|c| c.to_string()), Some("FR".into()));
        let end = Date::from_calendar_date(2026, time::Month::February, 1).ok();
        assert_eq!(l.view.created_before.map(|t| t.date()), end);
        assert_eq!((l.size, l.offset()), (50, 100));
        assert_eq!(
            l.href("/customers", &[("page", Some("4".into()))]),
            "/customers?q=grove&country=fr&from=2026-01-02&to=2026-01-31&sort=created&dir=desc&size=50&page=4"
        );
        let wrong = listing("country=ZZ&from=yesterday&reseller=nobody&size=7&page=-2");
        let fields: Vec<_> = wrong.errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["country", "from", "reseller"]);
        assert_eq!(wrong.view, CustomerView::default());
        assert_eq!((wrong.size, wrong.offset()), (25, 0));
        assert!(wrong.errors[1].message.contains("2026-11-30"));
        let kept = listing("q=bank&country=ZZ&to=2026-01-31");
        assert_eq!(
            kept.href("/customers", &[("sort", Some("created".into()))]),
            "/customers?q=bank&to=2026-01-31&sort=created",
            "links leave a refused value out"
        );
    }

    #[test]
    fn sort_columns_are_read_and_written_by_their_names() {
        for name in SortColumn::NAMES {
            assert_eq!(name.parse::<SortColumn>().map(SortColumn::as_str), Ok(name));
        }
        assert!("price".parse::<SortColumn>().is_err());
    }

    #[test]
    fn pages_stop_at_the_counted_total() {
        let deep = listing("size=100&page=100000");
        assert_eq!(deep.offset(), partnerdesk_store::COUNT_CAP - 100);
    }
}
