//! SQLite through rusqlite. All writes go through one writer thread that commits
//! whatever has queued up while the previous commit was being made, up to
//! [`MAX_BATCH`] units of work per transaction, each in its own savepoint (group commit):
//! one fsync then acknowledges many changes, and a failing unit rolls back alone. Reads run
//! on a few reader threads, each with its connection, fed by a bounded queue (a read that
//! finds it full is refused as unavailable); WAL lets them proceed while the writer
//! writes.
//!
//! Units of work run synchronously on those threads, polled once by [`complete_now`]: they
//! must never wait on anything but their connection (see the rule in [`super`]'s docs).

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{CachedStatement, Connection, OpenFlags};
use tokio::sync::{mpsc, oneshot};

use super::{Cell, Conn, Row, Value, Work, complete_now};
use crate::error::{DbError, StoreError};

/// The most units of work one transaction commits.
const MAX_BATCH: usize = 64;
/// Units of work waiting for the writer before callers wait to enqueue.
const QUEUE: usize = 4096;
/// Reads waiting for a reader thread before more are refused as unavailable (503): a
/// flood of requests is answered at once rather than queued without bound, each holding
/// its memory while it waits.
const READ_QUEUE: usize = 1024;
/// Reader threads, each with its own connection. Reads are short and mostly CPU-bound, so a
/// few more than the cores keep them busy without a thread (and its allocator arena) per
/// request.
const READERS: usize = 4;

/// When a commit is acknowledged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Durability {
    /// After the commit reached the disk (`synchronous=FULL`): survives power loss.
    #[default]
    Full,
    /// After the commit reached the operating system (`synchronous=NORMAL`): survives the
    /// process being killed, not a power loss. Faster.
    Normal,
}

impl Durability {
    fn pragma(self) -> &'static str {
        match self {
            Durability::Full => "FULL",
            Durability::Normal => "NORMAL",
        }
    }
}

/// Where the database is, and whether it may be created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Location {
    pub(crate) path: PathBuf,
    pub(crate) create: bool,
}

/// Parses `sqlite://PATH`, `sqlite:PATH` or `sqlite:///ABSOLUTE`, with an optional
/// `?mode=rwc` that allows creating the file. Without it a missing file is an error, so
/// that a mistyped path never silently starts an empty second database.
pub(crate) fn parse_url(url: &str) -> Result<Location, String> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .ok_or_else(|| format!("not a SQLite URL: {url}"))?;
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    if path.is_empty() {
        return Err("the SQLite URL names no file (sqlite://PATH)".into());
    }
    let mut create = false;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        match pair.split_once('=') {
            Some(("mode", "rwc")) => create = true,
            Some(("mode", "rw")) => create = false,
            _ => {
                return Err(format!(
                    "unknown SQLite URL option {pair:?}; the only option is mode=rwc or mode=rw"
                ));
            }
        }
    }
    Ok(Location {
        path: PathBuf::from(path),
        create,
    })
}

/// A unit of work for the writer. `run` executes it in its savepoint and says whether to
/// keep it; `finish` learns whether the transaction committed and answers the caller.
struct Job {
    run: Box<dyn FnOnce(&mut Connection) -> bool + Send>,
    finish: Box<dyn FnOnce(Result<(), StoreError>) + Send>,
}

enum Message {
    Job(Job),
    Shutdown(oneshot::Sender<()>),
}

/// A read for one of the reader threads.
type Read = Box<dyn FnOnce(&mut Connection) + Send>;

pub(crate) struct Sqlite {
    jobs: mpsc::Sender<Message>,
    writer: Mutex<Option<JoinHandle<()>>>,
    reads: Mutex<Option<flume::Sender<Read>>>,
    readers: Mutex<Vec<JoinHandle<()>>>,
}

impl Sqlite {
    pub(crate) fn open(location: &Location, durability: Durability) -> Result<Self, StoreError> {
        Self::open_with(location, durability, READ_QUEUE)
    }

    /// [`Sqlite::open`] with room for `read_queue` waiting reads.
    fn open_with(location: &Location, durability: Durability, read_queue: usize) -> Result<Self, StoreError> {
        if !location.create && !location.path.exists() {
            return Err(StoreError::Unavailable(format!(
                "the database file {} does not exist; add ?mode=rwc to the URL to create it",
                location.path.display()
            )));
        }
        let mut writer = open_connection(&location.path, durability, location.create, false)
            .map_err(|e| StoreError::Unavailable(format!("{}: {e:?}", location.path.display())))?;
        writer
            .query_row("PRAGMA journal_mode=WAL", [], |r| r.get::<_, String>(0))
            .map_err(|e| StoreError::Unavailable(e.to_string()))?;
        let (jobs, receiver) = mpsc::channel(QUEUE);
        let thread = std::thread::Builder::new()
            .name("sqlite-writer".into())
            .spawn(move || write_loop(&mut writer, receiver))
            .map_err(|e| StoreError::Unavailable(e.to_string()))?;
        let (reads, queue) = flume::bounded::<Read>(read_queue);
        let mut readers = Vec::with_capacity(READERS);
        for n in 0..READERS {
            let mut conn = open_connection(&location.path, durability, false, true)
                .map_err(|e| StoreError::Unavailable(format!("{}: {e:?}", location.path.display())))?;
            let queue = queue.clone();
            let reader = std::thread::Builder::new()
                .name(format!("sqlite-reader-{n}"))
                .spawn(move || {
                    while let Ok(read) = queue.recv() {
                        read(&mut conn);
                    }
                })
                .map_err(|e| StoreError::Unavailable(e.to_string()))?;
            readers.push(reader);
        }
        Ok(Self {
            jobs,
            writer: Mutex::new(Some(thread)),
            reads: Mutex::new(Some(reads)),
            readers: Mutex::new(readers),
        })
    }

    /// Runs `work` in the writer's next transaction; answers after it committed.
    pub(crate) async fn write<R: Send + 'static>(&self, work: impl Work<R>) -> Result<R, StoreError> {
        let (sender, receiver) = oneshot::channel();
        let slot = Arc::new(Mutex::new(None));
        let result = slot.clone();
        let job = Job {
            run: Box::new(move |conn| {
                let outcome = catch_unwind(AssertUnwindSafe(|| complete_now(work(&mut Conn::Sqlite(conn)))))
                    .unwrap_or_else(|panic| Err(panicked("a write", &*panic)));
                let keep = outcome.is_ok();
                if let Ok(mut slot) = slot.lock() {
                    *slot = Some(outcome);
                }
                keep
            }),
            finish: Box::new(move |committed| {
                let outcome = result.lock().ok().and_then(|mut r| r.take());
                let answer = match (committed, outcome) {
                    (Err(e), _) => Err(e),
                    (Ok(()), Some(outcome)) => outcome,
                    (Ok(()), None) => Err(StoreError::Internal("a write failed without an answer".into())),
                };
                let _ = sender.send(answer);
            }),
        };
        self.jobs
            .send(Message::Job(job))
            .await
            .map_err(|_| StoreError::Unavailable("the store is closed".into()))?;
        receiver
            .await
            .map_err(|_| StoreError::Internal("the SQLite writer stopped".into()))?
    }

    pub(crate) async fn read<R: Send + 'static>(&self, work: impl Work<R>) -> Result<R, StoreError> {
        let (sender, receiver) = oneshot::channel();
        let read: Read = Box::new(move |conn| {
            let outcome = catch_unwind(AssertUnwindSafe(|| complete_now(work(&mut Conn::Sqlite(conn)))))
                .unwrap_or_else(|panic| Err(panicked("a read", &*panic)));
            let _ = sender.send(outcome);
        });
        let closed = || StoreError::Unavailable("the store is closed".into());
        let reads = self
            .reads
            .lock()
            .ok()
            .and_then(|r| r.clone())
            .ok_or_else(closed)?;
        reads.try_send(read).map_err(|e| match e {
            flume::TrySendError::Full(_) => StoreError::Unavailable("too many reads are waiting".into()),
            flume::TrySendError::Disconnected(_) => closed(),
        })?;
        receiver.await.map_err(|_| closed())?
    }

    /// Finishes the queued writes, then stops the writer.
    pub(crate) async fn close(&self) {
        let (done, finished) = oneshot::channel();
        if self.jobs.send(Message::Shutdown(done)).await.is_ok() {
            let _ = finished.await;
        }
        // Dropping the last sender ends the readers once the queued reads are done.
        if let Ok(mut reads) = self.reads.lock() {
            reads.take();
        }
        let mut threads: Vec<JoinHandle<()>> = self
            .readers
            .lock()
            .map(|mut r| r.drain(..).collect())
            .unwrap_or_default();
        threads.extend(self.writer.lock().ok().and_then(|mut w| w.take()));
        let _ = tokio::task::spawn_blocking(move || {
            for thread in threads {
                let _ = thread.join();
            }
        })
        .await;
    }
}

fn write_loop(conn: &mut Connection, mut receiver: mpsc::Receiver<Message>) {
    let mut shutdown = None;
    while shutdown.is_none() {
        let Some(first) = receiver.blocking_recv() else {
            break;
        };
        let mut batch = Vec::new();
        for message in std::iter::once(first).chain(std::iter::from_fn(|| receiver.try_recv().ok())) {
            match message {
                Message::Job(job) => batch.push(job),
                Message::Shutdown(done) => shutdown = Some(done),
            }
            if batch.len() == MAX_BATCH || shutdown.is_some() {
                break;
            }
        }
        if !batch.is_empty() {
            commit_batch(conn, batch);
        }
    }
    // Anything queued before the shutdown is committed before the answer.
    receiver.close();
    let mut rest = Vec::new();
    while let Ok(message) = receiver.try_recv() {
        if let Message::Job(job) = message {
            rest.push(job);
        }
    }
    while !rest.is_empty() {
        let batch: Vec<Job> = rest.drain(..rest.len().min(MAX_BATCH)).collect();
        commit_batch(conn, batch);
    }
    if let Some(done) = shutdown {
        let _ = done.send(());
    }
}

/// Commits a batch: each job in a savepoint that is released when it succeeded and rolled
/// back when it failed (or panicked), then one commit for all. Every job learns the outcome.
fn commit_batch(conn: &mut Connection, batch: Vec<Job>) {
    if let Err(e) = conn.execute_batch("BEGIN IMMEDIATE") {
        let error = DbError::from(e).into_store("BEGIN");
        for job in batch {
            (job.finish)(Err(clone_error(&error)));
        }
        return;
    }
    let mut finishes = Vec::with_capacity(batch.len());
    let mut broken = None;
    for job in batch {
        finishes.push(job.finish);
        if broken.is_some() {
            continue;
        }
        if let Err(e) = conn.execute_batch("SAVEPOINT job") {
            broken = Some(DbError::from(e).into_store("SAVEPOINT"));
            continue;
        }
        let run = job.run;
        let keep = catch_unwind(AssertUnwindSafe(|| run(conn))).unwrap_or(false);
        let end = if keep {
            "RELEASE job"
        } else {
            "ROLLBACK TO job; RELEASE job"
        };
        if let Err(e) = conn.execute_batch(end) {
            broken = Some(DbError::from(e).into_store(end));
        }
    }
    let committed = match broken {
        Some(error) => Err(error),
        None => conn
            .execute_batch("COMMIT")
            .map_err(|e| DbError::from(e).into_store("COMMIT")),
    };
    if committed.is_err() {
        let _ = conn.execute_batch("ROLLBACK");
    }
    for finish in finishes {
        finish(committed.as_ref().map(|_| ()).map_err(clone_error));
    }
}

/// A caught panic as a fault that keeps the panic's message, for the log: a unit of work
/// that broke [`super::NEVER_WAITS`] in a debug build says so.
fn panicked(what: &str, payload: &(dyn Any + Send)) -> StoreError {
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("without a message");
    StoreError::Internal(format!("{what} panicked: {message}"))
}

fn clone_error(e: &StoreError) -> StoreError {
    match e {
        StoreError::Unavailable(m) => StoreError::Unavailable(m.clone()),
        other => StoreError::Internal(other.to_string()),
    }
}

fn open_connection(
    path: &Path,
    durability: Durability,
    create: bool,
    read_only: bool,
) -> Result<Connection, DbError> {
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", durability.pragma())?;
    if read_only {
        conn.pragma_update(None, "query_only", "ON")?;
    }
    conn.set_prepared_statement_cache_capacity(256);
    Ok(conn)
}

impl rusqlite::ToSql for Value<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        use rusqlite::types::Value as Owned;
        Ok(match *self {
            Value::Text(Some(s)) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            Value::Int(Some(i)) => ToSqlOutput::Owned(Owned::Integer(i)),
            Value::Uuid(Some(u)) => ToSqlOutput::Owned(Owned::Text(u.hyphenated().to_string())),
            Value::Time(Some(t)) => {
                let micros = t.unix_timestamp_nanos() / 1000;
                ToSqlOutput::Owned(Owned::Integer(i64::try_from(micros).unwrap_or(i64::MAX)))
            }
            Value::Bool(b) => ToSqlOutput::Owned(Owned::Integer(i64::from(b))),
            Value::Bytes(Some(b)) => ToSqlOutput::Borrowed(ValueRef::Blob(b)),
            Value::Text(None)
            | Value::Int(None)
            | Value::Uuid(None)
            | Value::Time(None)
            | Value::Bytes(None) => ToSqlOutput::Owned(Owned::Null),
        })
    }
}

/// Binds `$1…$n` by name, so that a statement may use them in any order or repeat them.
fn bind(statement: &mut CachedStatement<'_>, params: &[Value<'_>]) -> Result<(), DbError> {
    if statement.parameter_count() != params.len() {
        return Err(DbError::Other(format!(
            "the statement takes {} parameters, {} given",
            statement.parameter_count(),
            params.len()
        )));
    }
    for (i, param) in params.iter().enumerate() {
        let name = format!("${}", i + 1);
        let index = statement
            .parameter_index(&name)?
            .ok_or_else(|| DbError::Other(format!("the statement has no parameter {name}")))?;
        statement.raw_bind_parameter(index, param)?;
    }
    Ok(())
}

pub(super) fn execute(conn: &mut Connection, sql: &str, params: &[Value<'_>]) -> Result<u64, DbError> {
    let mut statement = conn.prepare_cached(sql)?;
    bind(&mut statement, params)?;
    let changed = statement.raw_execute()?;
    Ok(u64::try_from(changed).unwrap_or(0))
}

pub(super) fn fetch_all(conn: &mut Connection, sql: &str, params: &[Value<'_>]) -> Result<Vec<Row>, DbError> {
    let mut statement = conn.prepare_cached(sql)?;
    bind(&mut statement, params)?;
    let count = statement.column_count();
    let mut rows = statement.raw_query();
    let mut out = Vec::new();
    // The column names, shared by every row; read with the first row, as many queries
    // find none.
    let mut columns: Option<Arc<[String]>> = None;
    while let Some(row) = rows.next()? {
        let names = match &columns {
            Some(names) => names.clone(),
            None => {
                let statement: &rusqlite::Statement<'_> = row.as_ref();
                let names: Arc<[String]> = (0..count)
                    .map(|i| statement.column_name(i).map(str::to_owned))
                    .collect::<Result<_, _>>()?;
                columns.insert(names).clone()
            }
        };
        let mut cells = Vec::with_capacity(count);
        for i in 0..count {
            cells.push(match row.get_ref(i)? {
                ValueRef::Null => Cell::Null,
                ValueRef::Integer(v) => Cell::Int(v),
                ValueRef::Real(v) => Cell::Text(v.to_string()),
                ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
                ValueRef::Blob(b) => Cell::Bytes(b.to_vec()),
            });
        }
        out.push(Row::new(names, cells));
    }
    Ok(out)
}

/// Runs a script of several statements (migrations).
pub(super) fn execute_script(conn: &mut Connection, sql: &str) -> Result<(), DbError> {
    conn.execute_batch(sql).map_err(DbError::from)
}

#[cfg(test)]
mod tests {
    use futures_util::future::BoxFuture;

    use super::*;
    use crate::db::NEVER_WAITS;

    #[test]
    fn urls_name_a_path_and_may_allow_creation() {
        assert_eq!(
            parse_url("sqlite://partnerdesk.db?mode=rwc"),
            Ok(Location {
                path: "partnerdesk.db".into(),
                create: true
            })
        );
        assert_eq!(
            parse_url("sqlite:///var/lib/pd.db").map(|l| l.path),
            Ok("/var/lib/pd.db".into())
        );
        assert_eq!(parse_url("sqlite:data/pd.db").map(|l| l.create), Ok(false));
        assert!(parse_url("sqlite://").is_err());
        assert!(parse_url("sqlite://x.db?cache=shared").is_err());
        assert!(parse_url("postgres://x").is_err());
    }

    #[tokio::test]
    async fn a_read_that_finds_the_queue_full_is_refused_at_once() {
        let dir = std::env::temp_dir().join(format!("pd-sqlite-{}", uuid::Uuid::new_v4().simple()));
        let location = Location {
            path: dir.join("test.db"),
            create: true,
        };
        let db = std::fs::create_dir_all(&dir)
            .map_err(|e| StoreError::Unavailable(e.to_string()))
            .and_then(|()| Sqlite::open_with(&location, Durability::Normal, 1))
            .map(Arc::new)
            .unwrap_or_else(|e| panic!("{e}"));
        const SLOW: &str = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 3000000) \
            SELECT COUNT(*) AS c FROM n";
        // Every reader busy with a slow read, each started before the next is sent.
        let (started, starts) = std::sync::mpsc::channel::<()>();
        let starts = Arc::new(Mutex::new(starts));
        let mut slow = Vec::new();
        for _ in 0..READERS {
            let (db, started) = (db.clone(), started.clone());
            slow.push(tokio::spawn(async move {
                db.read(move |c| {
                    let started = started.clone();
                    Box::pin(async move {
                        let _ = started.send(());
                        c.fetch_one(SLOW, &[]).await?.int("c")
                    })
                })
                .await
            }));
            let starts = starts.clone();
            let _ =
                tokio::task::spawn_blocking(move || starts.lock().map(|s| s.recv().is_ok()).unwrap_or(false))
                    .await;
        }
        fn quick<'c>(c: &'c mut Conn<'_>) -> BoxFuture<'c, Result<i64, StoreError>> {
            Box::pin(async move { c.fetch_one("SELECT 1 AS one", &[]).await?.int("one") })
        }
        let mut waiting = Box::pin(db.read(quick));
        let polled = waiting
            .as_mut()
            .poll(&mut std::task::Context::from_waker(std::task::Waker::noop()));
        assert!(polled.is_pending(), "queued behind the slow reads");
        let refused = db.read(quick).await;
        assert!(
            matches!(&refused, Err(StoreError::Unavailable(m)) if m.contains("too many reads")),
            "{refused:?}"
        );
        assert_eq!(waiting.await.ok(), Some(1), "the queued read is answered");
        for read in slow {
            assert_eq!(read.await.ok().and_then(Result::ok), Some(3_000_000));
        }
        db.close().await;
        let _ = std::fs::remove_dir_all(dir);
    }

    #[tokio::test]
    async fn work_that_waits_fails_naming_the_rule_and_the_writer_keeps_working() {
        let dir = std::env::temp_dir().join(format!("pd-sqlite-{}", uuid::Uuid::new_v4().simple()));
        let location = Location {
            path: dir.join("test.db"),
            create: true,
        };
        let db = std::fs::create_dir_all(&dir)
            .map_err(|e| StoreError::Unavailable(e.to_string()))
            .and_then(|()| Sqlite::open(&location, Durability::Normal))
            .unwrap_or_else(|e| panic!("{e}"));
        fn count<'c>(c: &'c mut Conn<'_>) -> BoxFuture<'c, Result<i64, StoreError>> {
            Box::pin(async move { c.fetch_one("SELECT COUNT(*) AS n FROM t", &[]).await?.int("n") })
        }
        let created = db
            .write(|c| Box::pin(async move { c.execute_script("CREATE TABLE t (x INTEGER)").await }))
            .await;
        assert!(created.is_ok(), "{created:?}");

        let waited = db
            .write(|c| {
                Box::pin(async move {
                    c.execute("INSERT INTO t (x) VALUES (1)", &[]).await?;
                    std::future::pending::<()>().await;
                    Ok(())
                })
            })
            .await;
        assert!(
            matches!(&waited, Err(StoreError::Internal(m)) if m.contains(NEVER_WAITS)),
            "{waited:?}"
        );
        assert_eq!(
            db.read(count).await.ok(),
            Some(0),
            "the waiting write was rolled back"
        );

        let read = db
            .read(|c| {
                Box::pin(async move {
                    std::future::pending::<()>().await;
                    c.fetch_one("SELECT 1 AS one", &[]).await
                })
            })
            .await;
        assert!(
            matches!(&read, Err(StoreError::Internal(m)) if m.contains(NEVER_WAITS)),
            "{read:?}"
        );

        let inserted = db
            .write(|c| Box::pin(async move { c.execute("INSERT INTO t (x) VALUES (2)", &[]).await }))
            .await;
        assert_eq!(inserted.ok(), Some(1));
        assert_eq!(db.read(count).await.ok(), Some(1));
        db.close().await;
        let _ = std::fs::remove_dir_all(dir);
    }
}
