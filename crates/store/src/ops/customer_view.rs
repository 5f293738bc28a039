//! The Customers workspace's view of a partner's customers: a search anywhere in name or
//! domain, filters, a sort on any column, a total (counted up to [`COUNT_CAP`], or
//! fewer for a search, whose matches cost more to count), and the
//! rows either as a numbered page or in batches after a row (exports).
//!
//! A search matches the folded text (`names::search_key`) anywhere in `search_key`. Its
//! matches' sort keys are found in one walk of an index — a trigram index on PostgreSQL,
//! an FTS5 trigram table on SQLite (texts of three characters or more; shorter ones walk
//! the partner's customers and are counted only to [`SHORT_SEARCH_COUNT_CAP`]) — that
//! stops one past the count's cap; up to the cap they are the total, sorted here, and only
//! the rows shown are read. A search with more matches is paged walking the sort order's
//! index, testing each row it passes (on SQLite, the name order's index holds `search_key`,
//! so that walk tests it before reading the row).

use partnerdesk_domain::PartnerId;
use partnerdesk_domain::country::CountryCode;
use partnerdesk_domain::customer::CustomerSummary;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::Store;
use crate::db::{Conn, Row, Value, id};
use crate::error::StoreError;
use crate::ops::customers::{Cursor, CustomerPage, SUMMARY_COLUMNS, summary_from};

/// Totals are counted up to here; beyond, a view says "more than". Pages go as far.
pub const COUNT_CAP: u32 = 10_000;
/// The totals of searches are counted up to here. A search with more matches walks the
/// sort order rather than sorting its matches.
pub const SEARCH_COUNT_CAP: u32 = 1_000;
/// The totals of searches for one or two characters, which no trigram index answers: their
/// matches are counted walking the partner's customers.
pub const SHORT_SEARCH_COUNT_CAP: u32 = 100;

impl std::str::FromStr for SortColumn {
    type Err = ();

    fn from_str(name: &str) -> Result<Self, ()> {
        Self::ALL.into_iter().find(|c| c.as_str() == name).ok_or(())
    }
}

/// The column a view is sorted on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortColumn {
    #[default]
    Company,
    Domain,
    Country,
    Created,
    /// The indirect reseller's name (an indirect provider's view); customers without one
    /// first.
    Reseller,
}

impl SortColumn {
    /// Every column, by the names URLs and the command line use.
    pub const NAMES: [&'static str; 5] = ["company", "domain", "country", "created", "reseller"];
    const ALL: [SortColumn; 5] = [
        SortColumn::Company,
        SortColumn::Domain,
        SortColumn::Country,
        SortColumn::Created,
        SortColumn::Reseller,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SortColumn::Company => "company",
            SortColumn::Domain => "domain",
            SortColumn::Country => "country",
            SortColumn::Created => "created",
            SortColumn::Reseller => "reseller",
        }
    }
    /// The keys rows are ordered by; the customer id last breaks ties.
    fn keys(self, sqlite: bool) -> &'static [&'static str] {
        match self {
            Self::Company => &["pc.name_key", "pc.customer_id"],
            Self::Domain => &["pc.domain", "pc.customer_id"],
            Self::Country => &["pc.country", "pc.name_key", "pc.customer_id"],
            Self::Created => &["pc.created_at", "pc.customer_id"],
            Self::Reseller if sqlite => &[RESELLER_NAME, "pc.name_key", "pc.customer_id"],
            Self::Reseller => &[RESELLER_NAME_C, "pc.name_key", "pc.customer_id"],
        }
    }
}

/// The name of a row's indirect reseller, empty for none: a sort key. Compared byte by
/// byte like the other keys (SQLite's default; PostgreSQL's `"C"` collation), as a
/// search's matches are sorted in the process.
const RESELLER_NAME: &str =
    "COALESCE((SELECT LOWER(r.name) FROM partners r WHERE r.id = pc.associated_partner_id), '')";
const RESELLER_NAME_C: &str = "COALESCE((SELECT LOWER(r.name) FROM partners r WHERE r.id = pc.associated_partner_id), '') COLLATE \"C\"";

/// Which customers by their subscriptions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holding {
    /// With at least one subscription that is not cancelled.
    Subscriptions,
    /// With at least one suspended subscription.
    Suspended,
}

/// Where a search looks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SearchField {
    #[default]
    NameOrDomain,
    Name,
    Domain,
}

/// What a partner looks at in its Customers workspace.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CustomerView {
    /// Anywhere in the company name or the domain, folded (case, accents, width).
    pub text: String,
    /// Where `text` is looked for.
    pub field: SearchField,
    /// Customers associated with this indirect reseller.
    pub reseller: Option<PartnerId>,
    pub country: Option<CountryCode>,
    /// Created at or after.
    pub created_from: Option<OffsetDateTime>,
    /// Created before.
    pub created_before: Option<OffsetDateTime>,
    pub holding: Option<Holding>,
    pub sort: SortColumn,
    pub descending: bool,
}

/// A row of the view: the customer and what it holds from the viewer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerListing {
    pub customer: CustomerSummary,
    /// Licences of its active subscriptions (add-ons not counted again).
    pub active_licences: i64,
    /// The nearest end of an active subscription's term.
    pub next_commitment_end: Option<OffsetDateTime>,
}

/// A page of the view and how many customers it has in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerResults {
    pub rows: Vec<CustomerListing>,
    /// The number of customers in the view, at most [`COUNT_CAP`] ([`SEARCH_COUNT_CAP`]
    /// for a search, [`SHORT_SEARCH_COUNT_CAP`] for one of one or two characters).
    pub total: u32,
    /// The view has more customers than `total`.
    pub more_than_total: bool,
}

/// Where a batch ended: the sort keys of its last row. Opaque outside the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewCursor(Vec<Key>);

/// A sort key's value. Ordered as the databases order them: text byte by byte (both keep
/// the keys in a binary collation), times, then ids as their bytes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Text(String),
    Time(OffsetDateTime),
    Id(Uuid),
}

impl Store {
    /// One page of `viewer`'s customers in `view`, `offset` rows in, and the view's total.
    pub async fn find_customers(
        &self,
        viewer: PartnerId,
        view: CustomerView,
        offset: u32,
        limit: u32,
    ) -> Result<CustomerResults, StoreError> {
        self.read_with(view, move |c, view| {
            Box::pin(async move {
                let window = Window::Page { offset, limit };
                let (total, rows) = total_and_rows(c, viewer, view, window, true).await?;
                let cap = count_cap(view);
                Ok(CustomerResults {
                    rows: rows.into_iter().map(|(row, _)| row).collect(),
                    total: total.min(cap),
                    more_than_total: total > cap,
                })
            })
        })
        .await
    }

    /// Up to `limit` of `viewer`'s customers in `view` after `after` (from the start
    /// without), and where they end; `None` after the last batch. Exports walk a view so.
    pub async fn customers_after(
        &self,
        viewer: PartnerId,
        view: CustomerView,
        after: Option<ViewCursor>,
        limit: u32,
    ) -> Result<(Vec<CustomerListing>, Option<ViewCursor>), StoreError> {
        self.read_with((view, after), move |c, (view, after)| {
            Box::pin(async move {
                let window = Window::After {
                    after: after.as_ref(),
                    limit,
                };
                let (_, rows) = total_and_rows(c, viewer, view, window, false).await?;
                let full = rows.len() == usize::try_from(limit).unwrap_or(usize::MAX);
                let last = rows.last().map(|(_, keys)| ViewCursor(keys.clone()));
                Ok((
                    rows.into_iter().map(|(row, _)| row).collect(),
                    last.filter(|_| full),
                ))
            })
        })
        .await
    }
}

/// What a search looks in: the folded company name (its `name_key`) and the domain.
pub(crate) fn search_key(name_key: &str, domain: &str) -> String {
    format!("{name_key}\n{domain}")
}

impl Store {
    /// Fills `name_key` and `search_key` of customers written before searches folded
    /// accents, a thousand rows per transaction; reads only when there are none.
    pub(crate) async fn fill_search_keys(&self) -> Result<(), StoreError> {
        const UNFILLED: &str = "SELECT partner_id, customer_id, company_name, domain FROM partner_customers \
            WHERE search_key IS NULL LIMIT 1000";
        loop {
            let rows = self
                .read(|c| Box::pin(async move { c.fetch_all(UNFILLED, &[]).await }))
                .await?;
            if rows.is_empty() {
                return Ok(());
            }
            let keys = rows
                .iter()
                .map(|row| {
                    let name_key = partnerdesk_domain::names::search_key(&row.text("company_name")?);
                    let search = search_key(&name_key, &row.text("domain")?);
                    Ok((
                        row.uuid::<Uuid>("partner_id")?,
                        row.uuid::<Uuid>("customer_id")?,
                        name_key,
                        search,
                    ))
                })
                .collect::<Result<Vec<_>, StoreError>>()?;
            self.write_with(keys, |c, keys| {
                Box::pin(async move {
                    for (partner, customer, name_key, search) in keys {
                        c.execute(
                            "UPDATE partner_customers SET name_key = $1, search_key = $2 \
                             WHERE partner_id = $3 AND customer_id = $4",
                            &[
                                Value::from(name_key),
                                Value::from(search),
                                id(*partner),
                                id(*customer),
                            ],
                        )
                        .await?;
                    }
                    Ok(())
                })
            })
            .await?;
        }
    }
}

/// A page of the API's list for a `contains` filter, in company-name order after
/// `after`: the view's search, paged like the other filters.
pub(crate) async fn containing(
    c: &mut Conn<'_>,
    viewer: PartnerId,
    field: SearchField,
    text: &str,
    after: Option<&Cursor>,
    limit: u32,
) -> Result<CustomerPage, StoreError> {
    let view = CustomerView {
        text: text.to_owned(),
        field,
        ..CustomerView::default()
    };
    let after = after.map(|a| ViewCursor(vec![Key::Text(a.key.clone()), Key::Id(a.id.as_uuid())]));
    let limit = limit.clamp(1, 1000);
    let window = Window::After {
        after: after.as_ref(),
        limit: limit + 1,
    };
    let (_, mut rows) = total_and_rows(c, viewer, &view, window, false).await?;
    let more = rows.len() > usize::try_from(limit).unwrap_or(usize::MAX);
    rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    let next = rows
        .last()
        .filter(|_| more)
        .and_then(|(_, keys)| match keys.as_slice() {
            [Key::Text(key), Key::Id(id)] => Some(Cursor {
                key: key.clone(),
                id: (*id).into(),
            }),
            _ => None,
        });
    Ok(CustomerPage {
        customers: rows.into_iter().map(|(row, _)| row.customer).collect(),
        next,
    })
}

enum Window<'a> {
    Page {
        offset: u32,
        limit: u32,
    },
    After {
        after: Option<&'a ViewCursor>,
        limit: u32,
    },
}

/// A statement under construction and its parameters, numbered as they are bound.
struct Query<'a> {
    sql: String,
    params: Vec<Value<'a>>,
}

impl<'a> Query<'a> {
    fn bind(&mut self, value: Value<'a>) -> String {
        self.params.push(value);
        format!("${}", self.params.len())
    }
}

/// The search text as `search_key` holds text; empty for no search.
fn folded(view: &CustomerView) -> String {
    partnerdesk_domain::names::search_key(&view.text)
}

/// `text` for a LIKE pattern, its wildcards escaped with `\`.
fn like_escaped(text: &str) -> String {
    text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// Whether SQLite's FTS5 trigram table can answer a search for `text`.
fn fts_can(text: &str) -> bool {
    text.chars().count() >= 3
}

/// An FTS5 query for `text` anywhere: one quoted string.
fn fts_phrase(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// The conditions of `view` other than the search itself, on `pc`; `pattern` is the
/// search's LIKE pattern, for a search in one field.
fn filters<'a>(q: &mut Query<'a>, view: &'a CustomerView, pattern: Option<&'a String>) {
    let column = match view.field {
        SearchField::NameOrDomain => None,
        SearchField::Name => Some("pc.name_key"),
        SearchField::Domain => Some("pc.domain"),
    };
    if let (Some(column), Some(pattern)) = (column, pattern) {
        let p = q.bind(Value::from(pattern));
        q.sql.push_str(&format!(" AND {column} LIKE {p} ESCAPE '\\'"));
    }
    if let Some(reseller) = view.reseller {
        let p = q.bind(id(reseller));
        q.sql.push_str(&format!(" AND pc.associated_partner_id = {p}"));
    }
    if let Some(country) = &view.country {
        let p = q.bind(Value::from(country.as_str()));
        q.sql.push_str(&format!(" AND pc.country = {p}"));
    }
    if let Some(from) = view.created_from {
        let p = q.bind(from.into());
        q.sql.push_str(&format!(" AND pc.created_at >= {p}"));
    }
    if let Some(before) = view.created_before {
        let p = q.bind(before.into());
        q.sql.push_str(&format!(" AND pc.created_at < {p}"));
    }
    if let Some(holding) = view.holding {
        let status = match holding {
            Holding::Subscriptions => "s.status <> 'deleted' AND s.expired_on IS NULL",
            Holding::Suspended => "s.status = 'suspended' AND s.expired_on IS NULL",
        };
        q.sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.customer_id = pc.customer_id \
             AND (s.partner_id = pc.partner_id OR s.reseller_id = pc.partner_id) AND {status})"
        ));
    }
}

/// `FROM` and `WHERE` of `view`'s rows: through the FTS table when `by_fts`, else
/// `partner_customers` alone with the search (if any) as a condition.
fn source<'a>(q: &mut Query<'a>, viewer: PartnerId, view: &'a CustomerView, search: Option<&'a Search>) {
    let partner = q.bind(id(viewer));
    match search {
        Some(Search {
            phrase: Some(phrase), ..
        }) => {
            let phrase = q.bind(Value::from(phrase));
            q.sql.push_str(&format!(
                " FROM customer_search f CROSS JOIN partner_customers pc ON pc.search_rowid = f.rowid \
                 WHERE f.search_key MATCH {phrase} AND pc.partner_id = {partner}"
            ));
        }
        Some(Search { pattern, .. }) => {
            let pattern = q.bind(Value::from(pattern));
            q.sql.push_str(&format!(
                " FROM partner_customers pc WHERE pc.partner_id = {partner} AND pc.search_key LIKE {pattern} ESCAPE '\\'"
            ));
        }
        None => q.sql.push_str(&format!(
            " FROM partner_customers pc WHERE pc.partner_id = {partner}"
        )),
    }
    filters(q, view, search.map(|s| &s.pattern));
}

/// A search as `source` binds it: its LIKE pattern, and its FTS5 phrase when the FTS
/// table leads.
struct Search {
    pattern: String,
    phrase: Option<String>,
}

fn search(text: &str, by_fts: bool) -> Option<Search> {
    (!text.is_empty()).then(|| Search {
        pattern: format!("%{}%", like_escaped(text)),
        phrase: by_fts.then(|| fts_phrase(text)),
    })
}

/// Where the count of `view` stops.
fn count_cap(view: &CustomerView) -> u32 {
    let text = folded(view);
    if text.is_empty() {
        COUNT_CAP
    } else if fts_can(&text) {
        SEARCH_COUNT_CAP
    } else {
        SHORT_SEARCH_COUNT_CAP
    }
}

/// How many customers a view without a search has, counted up to one more than
/// [`COUNT_CAP`].
async fn count(c: &mut Conn<'_>, viewer: PartnerId, view: &CustomerView) -> Result<u32, StoreError> {
    let mut q = Query {
        sql: "SELECT COUNT(*) AS n FROM (SELECT 1 AS one".into(),
        params: Vec::new(),
    };
    source(&mut q, viewer, view, None);
    let cap = q.bind(i64::from(COUNT_CAP + 1).into());
    q.sql.push_str(&format!(" LIMIT {cap}) counted"));
    let row = c.fetch_one(&q.sql, &q.params).await?;
    Ok(u32::try_from(row.int("n")?).unwrap_or(u32::MAX))
}

/// The view's total (counted up to one more than its cap; only when `counted`, or for a
/// search) and the rows of `window`, each with its sort keys.
///
/// A search finds its matches' keys in one walk of its index, up to one more than its
/// [`count_cap`]: those are its total, sorted here, and only the rows shown are
/// read. A search with more matches, like a view without one, walks the sort order's
/// index, where matches are near.
async fn total_and_rows(
    c: &mut Conn<'_>,
    viewer: PartnerId,
    view: &CustomerView,
    window: Window<'_>,
    counted: bool,
) -> Result<(u32, Vec<(CustomerListing, Vec<Key>)>), StoreError> {
    if !folded(view).is_empty() {
        let found = matches(c, viewer, view).await?;
        let total = u32::try_from(found.len()).unwrap_or(u32::MAX);
        if total > count_cap(view) {
            return Ok((total, fetch(c, viewer, view, window).await?));
        }
        let shown = windowed(found, view.descending, window);
        return Ok((total, rows_of(c, viewer, view, shown).await?));
    }
    let total = if counted {
        count(c, viewer, view).await?
    } else {
        u32::MAX
    };
    Ok((total, fetch(c, viewer, view, window).await?))
}

/// The sort keys of a search's matches, up to one more than its [`count_cap`], in no
/// order: one walk of the FTS table (SQLite) or of the trigram index (PostgreSQL) for
/// three characters or more, which stops at the cap.
async fn matches(
    c: &mut Conn<'_>,
    viewer: PartnerId,
    view: &CustomerView,
) -> Result<Vec<Vec<Key>>, StoreError> {
    let text = folded(view);
    let search = search(&text, c.is_sqlite() && fts_can(&text));
    let keys = view.sort.keys(c.is_sqlite());
    let mut q = Query {
        sql: format!("SELECT {}", key_columns(keys)),
        params: Vec::new(),
    };
    source(&mut q, viewer, view, search.as_ref());
    let cap = q.bind(i64::from(count_cap(view) + 1).into());
    q.sql.push_str(&format!(" LIMIT {cap}"));
    let rows = c.fetch_all(&q.sql, &q.params).await?;
    rows.iter().map(|row| keys_of(row, keys)).collect()
}

/// The keys of `window` among `found`, in the view's order.
fn windowed(mut found: Vec<Vec<Key>>, descending: bool, window: Window<'_>) -> Vec<Vec<Key>> {
    found.sort_unstable_by(|a, b| if descending { b.cmp(a) } else { a.cmp(b) });
    let (skip, limit, after) = match window {
        Window::Page { offset, limit } => (offset, limit, None),
        Window::After { after, limit } => (0, limit, after),
    };
    let beyond = |keys: &Vec<Key>| match after {
        None => true,
        Some(ViewCursor(after)) if descending => keys < after,
        Some(ViewCursor(after)) => keys > after,
    };
    found
        .into_iter()
        .filter(beyond)
        .skip(usize::try_from(skip).unwrap_or(usize::MAX))
        .take(usize::try_from(limit.clamp(1, 1001)).unwrap_or(usize::MAX))
        .collect()
}

/// The rows whose keys are `shown` (the customer's id last), in the view's order.
async fn rows_of(
    c: &mut Conn<'_>,
    viewer: PartnerId,
    view: &CustomerView,
    shown: Vec<Vec<Key>>,
) -> Result<Vec<(CustomerListing, Vec<Key>)>, StoreError> {
    if shown.is_empty() {
        return Ok(Vec::new());
    }
    let keys = view.sort.keys(c.is_sqlite());
    let mut q = Query {
        sql: listing_select(keys),
        params: Vec::new(),
    };
    let partner = q.bind(id(viewer));
    let ids: Vec<String> = shown
        .iter()
        .filter_map(|keys| keys.last())
        .map(|last| q.bind(last.value()))
        .collect();
    q.sql.push_str(&format!(
        " FROM partner_customers pc WHERE pc.partner_id = {partner} AND pc.customer_id IN ({})",
        ids.join(", ")
    ));
    let mut rows = c
        .fetch_all(&q.sql, &q.params)
        .await?
        .iter()
        .map(|row| listing_of(row, keys))
        .collect::<Result<Vec<_>, _>>()?;
    rows.sort_unstable_by(|(_, a), (_, b)| if view.descending { b.cmp(a) } else { a.cmp(b) });
    Ok(rows)
}

/// `keys` as the columns `key0`, `key1`…
fn key_columns(keys: &[&str]) -> String {
    keys.iter()
        .enumerate()
        .map(|(i, k)| format!("{k} AS key{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The columns of a row of the view: the customer, its sort keys, what it holds.
fn listing_select(keys: &[&str]) -> String {
    format!(
        "SELECT {SUMMARY_COLUMNS}, {}, \
         (SELECT CAST(COALESCE(SUM(s.quantity), 0) AS BIGINT) FROM subscriptions s {HELD} AND s.status = 'active' AND s.expired_on IS NULL) AS licences, \
         (SELECT MIN(s.commitment_end) FROM subscriptions s {HELD} AND s.status = 'active' AND s.expired_on IS NULL) AS next_end",
        key_columns(keys)
    )
}

fn keys_of(row: &Row, keys: &[&str]) -> Result<Vec<Key>, StoreError> {
    keys.iter()
        .enumerate()
        .map(|(i, k)| Key::read(row, &format!("key{i}"), k))
        .collect()
}

fn listing_of(row: &Row, keys: &[&str]) -> Result<(CustomerListing, Vec<Key>), StoreError> {
    let listing = CustomerListing {
        customer: summary_from(row)?,
        active_licences: row.int("licences")?,
        next_commitment_end: row.opt_time("next_end")?,
    };
    Ok((listing, keys_of(row, keys)?))
}

/// The rows of `window` in the sort order's walk, each with its sort keys; a search is a
/// condition on each row.
async fn fetch(
    c: &mut Conn<'_>,
    viewer: PartnerId,
    view: &CustomerView,
    window: Window<'_>,
) -> Result<Vec<(CustomerListing, Vec<Key>)>, StoreError> {
    let search = search(&folded(view), false);
    let keys = view.sort.keys(c.is_sqlite());
    let mut q = Query {
        sql: listing_select(keys),
        params: Vec::new(),
    };
    source(&mut q, viewer, view, search.as_ref());
    let (direction, beyond) = if view.descending {
        ("DESC", "<")
    } else {
        ("ASC", ">")
    };
    let (offset, limit) = match window {
        Window::Page { offset, limit } => (offset, limit),
        Window::After { after, limit } => {
            if let Some(ViewCursor(after)) = after {
                let values: Vec<String> = after.iter().map(|k| q.bind(k.value())).collect();
                q.sql.push_str(&format!(
                    " AND ({}) {beyond} ({})",
                    keys.join(", "),
                    values.join(", ")
                ));
            }
            (0, limit)
        }
    };
    let order: Vec<String> = keys.iter().map(|k| format!("{k} {direction}")).collect();
    let limit = q.bind(i64::from(limit.clamp(1, 1001)).into());
    let offset = q.bind(i64::from(offset).into());
    q.sql.push_str(&format!(
        " ORDER BY {} LIMIT {limit} OFFSET {offset}",
        order.join(", ")
    ));
    let rows = c.fetch_all(&q.sql, &q.params).await?;
    rows.iter().map(|row| listing_of(row, keys)).collect()
}

/// The subscriptions of a row's customer that its partner sells or resells.
const HELD: &str = "WHERE s.customer_id = pc.customer_id AND s.parent_subscription_id IS NULL \
    AND (s.partner_id = pc.partner_id OR s.reseller_id = pc.partner_id)";

impl Key {
    fn read(row: &Row, column: &str, key: &str) -> Result<Self, StoreError> {
        Ok(match key {
            "pc.created_at" => Key::Time(row.time(column)?),
            "pc.customer_id" => Key::Id(row.uuid(column)?),
            _ => Key::Text(row.text(column)?),
        })
    }

    fn value(&self) -> Value<'_> {
        match self {
            Key::Text(t) => Value::from(t),
            Key::Time(t) => (*t).into(),
            Key::Id(u) => Value::Uuid(Some(*u)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns_match_wildcards_literally() {
        assert_eq!(like_escaped(r"50%_a\b"), r"50\%\_a\\b");
        assert_eq!(fts_phrase(r#"say "hi""#), r#""say ""hi""""#);
        assert!(!fts_can("ab") && fts_can("abc") && fts_can("臺灣銀"));
    }
}
