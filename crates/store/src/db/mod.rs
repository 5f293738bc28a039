//! One connection type over both backends. Every use case is written once against
//! [`Conn`] with portable SQL (`$1`-style parameters, which SQLite reads as named ones);
//! the few dialect differences are spelled out where they occur.
//!
//! # SQLite work never waits
//!
//! A unit of work ([`Work`]) is `async` so that the same code serves PostgreSQL, whose
//! driver waits on the network. On SQLite it runs synchronously on the writer thread (or a
//! reader thread): the [`Conn`] methods finish without ever returning `Poll::Pending`, so
//! [`complete_now`] polls the work once and is done. Hence the rule: **a unit of work awaits
//! nothing but its `Conn`** — no timers, channels, locks, other I/O or `Store` calls. Work
//! that waited would have nobody to wake it, and would hold up every write queued behind it.
//! Breaking the rule panics in debug builds, so that the first test that runs such work
//! fails naming the rule; in release builds the call answers [`StoreError::Internal`].

pub(crate) mod deferred;
pub(crate) mod postgres;
pub(crate) mod sqlite;

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

use futures_util::future::BoxFuture;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::error::{DbError, StoreError};

/// A parameter. Nulls are typed, because PostgreSQL wants to know a parameter's type.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Value<'a> {
    Text(Option<&'a str>),
    Int(Option<i64>),
    Uuid(Option<Uuid>),
    Time(Option<OffsetDateTime>),
    Bool(bool),
    Bytes(Option<&'a [u8]>),
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(v: &'a str) -> Self {
        Value::Text(Some(v))
    }
}

impl<'a> From<&'a String> for Value<'a> {
    fn from(v: &'a String) -> Self {
        Value::Text(Some(v))
    }
}

impl<'a> From<Option<&'a str>> for Value<'a> {
    fn from(v: Option<&'a str>) -> Self {
        Value::Text(v)
    }
}

impl<'a> From<&'a Option<String>> for Value<'a> {
    fn from(v: &'a Option<String>) -> Self {
        Value::Text(v.as_deref())
    }
}

impl From<i64> for Value<'_> {
    fn from(v: i64) -> Self {
        Value::Int(Some(v))
    }
}

impl From<u32> for Value<'_> {
    fn from(v: u32) -> Self {
        Value::Int(Some(i64::from(v)))
    }
}

impl From<bool> for Value<'_> {
    fn from(v: bool) -> Self {
        Value::Bool(v)
    }
}

impl From<OffsetDateTime> for Value<'_> {
    fn from(v: OffsetDateTime) -> Self {
        Value::Time(Some(v))
    }
}

impl From<Option<OffsetDateTime>> for Value<'_> {
    fn from(v: Option<OffsetDateTime>) -> Self {
        Value::Time(v)
    }
}

impl<'a> From<&'a [u8]> for Value<'a> {
    fn from(v: &'a [u8]) -> Self {
        Value::Bytes(Some(v))
    }
}

impl<'a> From<Option<&'a [u8]>> for Value<'a> {
    fn from(v: Option<&'a [u8]>) -> Self {
        Value::Bytes(v)
    }
}

/// Turns an id newtype into a parameter: `id(customer_id)`.
pub(crate) fn id<T: Into<Uuid>>(v: T) -> Value<'static> {
    Value::Uuid(Some(v.into()))
}

/// An optional id newtype as a parameter (a typed null when absent).
pub(crate) fn opt_id<T: Into<Uuid>>(v: Option<T>) -> Value<'static> {
    Value::Uuid(v.map(Into::into))
}

/// A column value as read.
#[derive(Debug, Clone)]
pub(crate) enum Cell {
    Null,
    Int(i64),
    Text(String),
    Uuid(Uuid),
    Time(OffsetDateTime),
    Bool(bool),
    Bytes(Vec<u8>),
}

/// A result row: its cells, and the names of its result set's columns, which every row
/// of the result set shares. Cells are read by column name — the column's name in the
/// select list, or its alias (`COUNT(*) AS n`) — so that reordering a select list can't
/// mix columns up. A select list that names a column twice (`u.id, p.id`) aliases them.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    columns: Arc<[String]>,
    cells: Vec<Cell>,
}

fn corrupt(column: &str, expected: &str, cell: &Cell) -> StoreError {
    StoreError::Internal(format!("column {column:?}: expected {expected}, found {cell:?}"))
}

impl Row {
    /// A row of `cells` in the order of `columns`.
    pub(crate) fn new(columns: Arc<[String]>, cells: Vec<Cell>) -> Self {
        Self { columns, cells }
    }

    /// The cell of the column named `column`. A name the result lacks, or has twice, is a
    /// bug in the query that reads it: [`StoreError::Internal`] naming the column.
    fn cell(&self, column: &str) -> Result<&Cell, StoreError> {
        let mut found = None;
        for (i, name) in self.columns.iter().enumerate() {
            if name == column {
                if found.is_some() {
                    return Err(StoreError::Internal(format!(
                        "the result has two columns named {column:?}: alias one of them"
                    )));
                }
                found = Some(i);
            }
        }
        found.and_then(|i| self.cells.get(i)).ok_or_else(|| {
            StoreError::Internal(format!(
                "no column {column:?} in the result, which has {:?}",
                self.columns
            ))
        })
    }

    pub(crate) fn text(&self, column: &str) -> Result<String, StoreError> {
        self.opt_text(column)?
            .ok_or_else(|| corrupt(column, "text", &Cell::Null))
    }

    pub(crate) fn opt_text(&self, column: &str) -> Result<Option<String>, StoreError> {
        match self.cell(column)? {
            Cell::Null => Ok(None),
            Cell::Text(s) => Ok(Some(s.clone())),
            Cell::Uuid(u) => Ok(Some(u.to_string())),
            other => Err(corrupt(column, "text", other)),
        }
    }

    pub(crate) fn opt_int(&self, column: &str) -> Result<Option<i64>, StoreError> {
        match self.cell(column)? {
            Cell::Null => Ok(None),
            _ => self.int(column).map(Some),
        }
    }

    pub(crate) fn int(&self, column: &str) -> Result<i64, StoreError> {
        match self.cell(column)? {
            Cell::Int(v) => Ok(*v),
            Cell::Bool(b) => Ok(i64::from(*b)),
            other => Err(corrupt(column, "integer", other)),
        }
    }

    pub(crate) fn u32(&self, column: &str) -> Result<u32, StoreError> {
        let v = self.int(column)?;
        u32::try_from(v).map_err(|_| corrupt(column, "u32", &Cell::Int(v)))
    }

    pub(crate) fn bool(&self, column: &str) -> Result<bool, StoreError> {
        match self.cell(column)? {
            Cell::Bool(b) => Ok(*b),
            Cell::Int(v) => Ok(*v != 0),
            other => Err(corrupt(column, "boolean", other)),
        }
    }

    pub(crate) fn uuid<T: From<Uuid>>(&self, column: &str) -> Result<T, StoreError> {
        self.opt_uuid(column)?
            .ok_or_else(|| corrupt(column, "uuid", &Cell::Null))
    }

    pub(crate) fn opt_uuid<T: From<Uuid>>(&self, column: &str) -> Result<Option<T>, StoreError> {
        match self.cell(column)? {
            Cell::Null => Ok(None),
            Cell::Uuid(u) => Ok(Some(T::from(*u))),
            cell @ Cell::Text(s) => Uuid::parse_str(s)
                .map(|u| Some(T::from(u)))
                .map_err(|_| corrupt(column, "uuid", cell)),
            other => Err(corrupt(column, "uuid", other)),
        }
    }

    pub(crate) fn time(&self, column: &str) -> Result<OffsetDateTime, StoreError> {
        self.opt_time(column)?
            .ok_or_else(|| corrupt(column, "time", &Cell::Null))
    }

    pub(crate) fn opt_time(&self, column: &str) -> Result<Option<OffsetDateTime>, StoreError> {
        match self.cell(column)? {
            Cell::Null => Ok(None),
            Cell::Time(t) => Ok(Some(*t)),
            cell @ Cell::Int(micros) => OffsetDateTime::from_unix_timestamp_nanos(i128::from(*micros) * 1000)
                .map(Some)
                .map_err(|_| corrupt(column, "time", cell)),
            other => Err(corrupt(column, "time", other)),
        }
    }

    pub(crate) fn opt_bytes(&self, column: &str) -> Result<Option<Vec<u8>>, StoreError> {
        match self.cell(column)? {
            Cell::Null => Ok(None),
            Cell::Bytes(b) => Ok(Some(b.clone())),
            other => Err(corrupt(column, "bytes", other)),
        }
    }

    pub(crate) fn bytes(&self, column: &str) -> Result<Vec<u8>, StoreError> {
        self.opt_bytes(column)?
            .ok_or_else(|| corrupt(column, "bytes", &Cell::Null))
    }
}

/// A connection (inside a transaction, for writes) to either backend.
pub(crate) enum Conn<'c> {
    Sqlite(&'c mut rusqlite::Connection),
    /// In a batch of writes, with the rows its [`Conn::insert`]s keep for the commit.
    Postgres(&'c mut sqlx::PgConnection, Option<&'c mut deferred::Deferred>),
}

impl Conn<'_> {
    pub(crate) fn is_sqlite(&self) -> bool {
        matches!(self, Conn::Sqlite(_))
    }

    /// ` FOR UPDATE` on PostgreSQL, to end a `SELECT` that locks the rows it reads until
    /// the transaction ends (at READ COMMITTED a plain read doesn't keep a concurrent
    /// change from committing in between); nothing on SQLite, whose writes run one at a
    /// time.
    pub(crate) fn for_update(&self) -> &'static str {
        match self {
            Conn::Sqlite(_) => "",
            Conn::Postgres(..) => " FOR UPDATE",
        }
    }

    /// Locks the rows read of the table `alias` only, where a query joins others.
    pub(crate) fn for_update_of(&self, alias: &str) -> String {
        match self {
            Conn::Sqlite(_) => String::new(),
            Conn::Postgres(..) => format!(" FOR UPDATE OF {alias}"),
        }
    }

    /// Runs a statement; returns the number of rows it changed.
    pub(crate) async fn execute(&mut self, sql: &str, params: &[Value<'_>]) -> Result<u64, StoreError> {
        match self {
            Conn::Sqlite(c) => sqlite::execute(c, sql, params),
            Conn::Postgres(c, _) => postgres::execute(c, sql, params).await,
        }
        .map_err(|e| DbError::into_store(e, sql))
    }

    /// Inserts `rows` rows of `params.len() / rows` columns each; `into` is the statement
    /// up to `VALUES` (`INSERT INTO t (a, b)`). In a batch of writes on PostgreSQL
    /// ([`crate::Store::write_batched`]) the rows are kept and sent with the batch's other
    /// rows for the same table in one statement just before the commit, so the unit of
    /// work must not read them back; anywhere else they are inserted at once.
    pub(crate) async fn insert(
        &mut self,
        into: &'static str,
        rows: usize,
        params: &[Value<'_>],
    ) -> Result<(), StoreError> {
        let columns = params.len() / rows.max(1);
        if let Conn::Postgres(_, Some(deferred)) = self {
            deferred.push(into, columns, params);
            return Ok(());
        }
        let sql = format!("{into} VALUES {}", values_placeholders(rows, columns, 0));
        self.execute(&sql, params).await.map(|_| ())
    }

    pub(crate) async fn fetch_all(
        &mut self,
        sql: &str,
        params: &[Value<'_>],
    ) -> Result<Vec<Row>, StoreError> {
        match self {
            Conn::Sqlite(c) => sqlite::fetch_all(c, sql, params),
            Conn::Postgres(c, _) => postgres::fetch_all(c, sql, params).await,
        }
        .map_err(|e| DbError::into_store(e, sql))
    }

    /// Runs a script of several statements (a migration).
    pub(crate) async fn execute_script(&mut self, sql: &str) -> Result<(), StoreError> {
        match self {
            Conn::Sqlite(c) => sqlite::execute_script(c, sql),
            Conn::Postgres(c, _) => postgres::execute_script(c, sql).await,
        }
        .map_err(|e| DbError::into_store(e, "migration"))
    }

    pub(crate) async fn fetch_optional(
        &mut self,
        sql: &str,
        params: &[Value<'_>],
    ) -> Result<Option<Row>, StoreError> {
        Ok(self.fetch_all(sql, params).await?.into_iter().next())
    }

    pub(crate) async fn fetch_one(&mut self, sql: &str, params: &[Value<'_>]) -> Result<Row, StoreError> {
        self.fetch_optional(sql, params)
            .await?
            .ok_or_else(|| StoreError::Internal(format!("no row from {sql}")))
    }
}

/// A unit of work for [`crate::Store`]'s `read` and `write`: given a connection, a future
/// that borrows it. `Fn`, not `FnOnce`, so that PostgreSQL can retry it after a
/// serialization failure.
pub(crate) trait Work<R>:
    for<'c, 'd> Fn(&'c mut Conn<'d>) -> BoxFuture<'c, Result<R, StoreError>> + Send + Sync + 'static
{
}

impl<R, F> Work<R> for F where
    F: for<'c, 'd> Fn(&'c mut Conn<'d>) -> BoxFuture<'c, Result<R, StoreError>> + Send + Sync + 'static
{
}

/// What [`complete_now`] says when a unit of work broke the rule of the module docs.
pub(crate) const NEVER_WAITS: &str =
    "SQLite work must never wait: a unit of work may await only its Conn (see the store's db module docs)";

/// Drives a future that never waits: SQLite work runs synchronously on its own thread,
/// so the shared async code completes in one poll. A future that returns `Pending` broke
/// the rule of the module docs: that panics in debug builds (the tests fail loudly) and is
/// [`StoreError::Internal`] in release builds.
pub(crate) fn complete_now<T>(future: impl Future<Output = Result<T, StoreError>>) -> Result<T, StoreError> {
    let mut future = pin!(future);
    match future.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(result) => result,
        Poll::Pending if cfg!(debug_assertions) => panic!("{NEVER_WAITS}"),
        Poll::Pending => Err(StoreError::Internal(NEVER_WAITS.into())),
    }
}

/// `$1, $2, …` placeholders for `rows` rows of `columns` columns, starting after
/// `offset` parameters: `(… ), (… )` for a multi-row `VALUES`.
pub(crate) fn values_placeholders(rows: usize, columns: usize, offset: usize) -> String {
    let mut out = String::with_capacity(rows * columns * 5);
    for r in 0..rows {
        if r > 0 {
            out.push_str(", ");
        }
        out.push('(');
        for c in 0..columns {
            if c > 0 {
                out.push_str(", ");
            }
            out.push('$');
            out.push_str(&(offset + r * columns + c + 1).to_string());
        }
        out.push(')');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "SQLite work must never wait")]
    fn work_that_waits_panics_in_debug_builds() {
        let _ = complete_now(async {
            std::future::pending::<()>().await;
            Ok(())
        });
    }

    #[test]
    fn work_that_does_not_wait_completes_in_one_poll() {
        assert_eq!(complete_now(async { Ok(7) }).ok(), Some(7));
    }

    #[test]
    fn placeholders_number_rows_after_the_offset() {
        assert_eq!(values_placeholders(2, 3, 1), "($2, $3, $4), ($5, $6, $7)");
        assert_eq!(values_placeholders(1, 1, 0), "($1)");
    }

    fn row(cells: Vec<(&str, Cell)>) -> Row {
        let (columns, cells): (Vec<String>, Vec<Cell>) =
            cells.into_iter().map(|(n, c)| (n.to_owned(), c)).unzip();
        Row::new(columns.into(), cells)
    }

    #[test]
    fn sqlite_times_are_read_from_microseconds() {
        let row = row(vec![("at", Cell::Int(1_700_000_000_123_456))]);
        let t = row.time("at").ok();
        assert_eq!(
            t.map(|t| t.unix_timestamp_nanos()),
            Some(1_700_000_000_123_456_000)
        );
    }

    #[test]
    fn uuids_are_read_from_text_or_native_columns() {
        let u = Uuid::now_v7();
        let row = row(vec![
            ("text", Cell::Text(u.to_string())),
            ("native", Cell::Uuid(u)),
            ("null", Cell::Null),
        ]);
        assert_eq!(row.uuid::<Uuid>("text").ok(), Some(u));
        assert_eq!(row.uuid::<Uuid>("native").ok(), Some(u));
        assert!(row.uuid::<Uuid>("null").is_err());
        assert_eq!(row.opt_uuid::<Uuid>("null").ok(), Some(None));
    }

    #[test]
    fn cells_are_read_by_name_whatever_the_order_of_the_select_list() {
        let row = row(vec![
            ("name", Cell::Text("Contoso".into())),
            ("n", Cell::Int(3)),
            ("active", Cell::Int(1)),
        ]);
        assert_eq!(row.int("n").ok(), Some(3));
        assert_eq!(row.text("name").ok().as_deref(), Some("Contoso"));
        assert_eq!(row.bool("active").ok(), Some(true));
    }

    #[test]
    fn a_missing_or_twice_named_column_is_an_internal_error_naming_it() {
        let row = row(vec![
            ("id", Cell::Int(1)),
            ("id", Cell::Int(2)),
            ("n", Cell::Null),
        ]);
        let missing = row.text("company_name");
        assert!(
            matches!(&missing, Err(StoreError::Internal(m)) if m.contains("\"company_name\"")),
            "{missing:?}"
        );
        let ambiguous = row.int("id");
        assert!(
            matches!(&ambiguous, Err(StoreError::Internal(m)) if m.contains("\"id\"")),
            "{ambiguous:?}"
        );
        let null = row.int("n");
        assert!(
            matches!(&null, Err(StoreError::Internal(m)) if m.contains("\"n\"")),
            "{null:?}"
        );
    }
}
