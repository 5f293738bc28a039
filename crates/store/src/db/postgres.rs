//! PostgreSQL through a sqlx pool: one transaction per unit of work, retried on
//! serialization failures and deadlocks (SQLSTATE 40001, 40P01), as CockroachDB and
//! YugabyteDB require at their default isolation.
//!
//! Batched writes ([`Postgres::write_batched`]) are the exception: a few batchers each take
//! whatever such writes are queued and run them in one transaction, their rows sent one
//! statement per table ([`Deferred`]). When any of them fails, the batch is rolled back and
//! each write runs again in a transaction of its own, so that one write's error (a taken
//! domain, a reused request id) is its own and no other's.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use futures_util::future::BoxFuture;
use sqlx::postgres::{PgPoolOptions, PgRow};
use sqlx::{Column, PgConnection, PgPool, Row as _, TypeInfo};
use time::OffsetDateTime;
use tokio::sync::{Mutex, mpsc, oneshot};
use uuid::Uuid;

use super::deferred::Deferred;
use super::{Cell, Conn, Row, Value, Work};
use crate::error::{DbError, StoreError};

/// How long a request waits for a connection: a burst may need the pool to open many.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(10);
/// How long it waits while the server is known to be out of reach (the last attempt failed
/// to reach it): the pool keeps trying to connect, but a client is better served by a
/// prompt 503 with `Retry-After` than by a long wait during a restart or a failover.
const UNREACHABLE_WAIT: Duration = Duration::from_secs(1);

/// How often a transaction is tried before a serialization failure is reported.
const ATTEMPTS: u32 = 8;
/// Tasks that run batches; each holds a connection while its batch runs.
const BATCHERS: usize = 3;
/// The most writes in one batch.
const MAX_BATCH: usize = 32;

pub(crate) struct Postgres {
    pool: PgPool,
    batches: mpsc::Sender<Box<dyn Job>>,
    reach: Arc<Reach>,
}

/// Whether the server was found out of reach: set by a failure that says so (it shut down,
/// a connection broke, none could be made), cleared by a connection.
#[derive(Default)]
struct Reach(AtomicBool);

impl Reach {
    /// A connection from the pool (`acquire` or `begin`): within [`UNREACHABLE_WAIT`]
    /// while the server is known to be out of reach, else within [`ACQUIRE_TIMEOUT`].
    async fn connection<T>(
        &self,
        acquire: impl Future<Output = Result<T, sqlx::Error>>,
    ) -> Result<T, sqlx::Error> {
        let acquired = if self.0.load(Ordering::Relaxed) {
            tokio::time::timeout(UNREACHABLE_WAIT, acquire)
                .await
                .unwrap_or(Err(sqlx::Error::PoolTimedOut))
        } else {
            acquire.await
        };
        self.0.store(acquired.is_err(), Ordering::Relaxed);
        acquired
    }

    /// Notes the outcome of a unit of work: unavailability means out of reach.
    fn observe<R>(&self, outcome: &Result<R, StoreError>) {
        if matches!(outcome, Err(StoreError::Unavailable(_))) {
            self.0.store(true, Ordering::Relaxed);
        }
    }
}

impl Postgres {
    pub(crate) async fn connect(url: &str, max_connections: u32) -> Result<Self, StoreError> {
        let pool = PgPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .connect(url)
            .await
            .map_err(|e| StoreError::Unavailable(format!("PostgreSQL: {e}")))?;
        let (batches, queue) = mpsc::channel(1024);
        let queue = Arc::new(Mutex::new(queue));
        let reach = Arc::new(Reach::default());
        for _ in 0..BATCHERS {
            tokio::spawn(batcher(pool.clone(), queue.clone(), reach.clone()));
        }
        Ok(Self { pool, batches, reach })
    }

    /// Runs `work` in a transaction shared with other batched writes; see the module docs.
    pub(crate) async fn write_batched<R: Send + 'static>(&self, work: impl Work<R>) -> Result<R, StoreError> {
        let (reply, answer) = oneshot::channel();
        let job = Box::new(Queued {
            work,
            value: std::sync::Mutex::new(None),
            reply,
        });
        let closed = || StoreError::Unavailable("PostgreSQL: the store is closing".into());
        self.batches.send(job).await.map_err(|_| closed())?;
        answer.await.map_err(|_| closed())?
    }

    pub(crate) async fn write<R: Send + 'static>(&self, work: impl Work<R>) -> Result<R, StoreError> {
        let outcome = with_retries(|| self.try_write(&work)).await;
        self.reach.observe(&outcome);
        outcome
    }

    async fn try_write<R>(&self, work: &impl Work<R>) -> Result<R, Retry> {
        let mut tx = self.reach.connection(self.pool.begin()).await.map_err(fail)?;
        match work(&mut Conn::Postgres(&mut tx, None)).await {
            Ok(value) => match tx.commit().await {
                Ok(()) => Ok(value),
                Err(e) => Err(fail(e)),
            },
            Err(StoreError::Contention(reason)) => {
                let _ = tx.rollback().await;
                Err(Retry::Again(reason))
            }
            Err(e) => {
                let _ = tx.rollback().await;
                Err(Retry::Fail(e))
            }
        }
    }

    pub(crate) async fn read<R>(&self, work: impl Work<R>) -> Result<R, StoreError> {
        let mut conn = self
            .reach
            .connection(self.pool.acquire())
            .await
            .map_err(|e| DbError::from(e).into_store("acquire"))?;
        let outcome = work(&mut Conn::Postgres(&mut conn, None)).await;
        self.reach.observe(&outcome);
        outcome
    }

    pub(crate) async fn close(&self) {
        self.pool.close().await;
    }
}

enum Retry {
    Again(String),
    Fail(StoreError),
}

/// A batched write and where its answer goes.
trait Job: Send + Sync {
    fn run<'c, 'd>(&'c self, conn: &'c mut Conn<'d>) -> BoxFuture<'c, Result<(), StoreError>>;
    /// Sends the answer: the work's value when `outcome` is `Ok` (the commit happened).
    fn answer(self: Box<Self>, outcome: Result<(), StoreError>);
}

struct Queued<R, W> {
    work: W,
    value: std::sync::Mutex<Option<R>>,
    reply: oneshot::Sender<Result<R, StoreError>>,
}

impl<R: Send + 'static, W: Work<R>> Job for Queued<R, W> {
    fn run<'c, 'd>(&'c self, conn: &'c mut Conn<'d>) -> BoxFuture<'c, Result<(), StoreError>> {
        Box::pin(async move {
            let value = (self.work)(conn).await?;
            *self.value.lock().unwrap_or_else(|e| e.into_inner()) = Some(value);
            Ok(())
        })
    }

    fn answer(self: Box<Self>, outcome: Result<(), StoreError>) {
        let value = self.value.into_inner().unwrap_or_else(|e| e.into_inner());
        let result = outcome
            .and_then(|()| value.ok_or_else(|| StoreError::Internal("a batched write has no value".into())));
        let _ = self.reply.send(result);
    }
}

/// Takes the queued writes, up to [`MAX_BATCH`], and runs them together; alone, again,
/// when the batch fails.
async fn batcher(pool: PgPool, queue: Arc<Mutex<mpsc::Receiver<Box<dyn Job>>>>, reach: Arc<Reach>) {
    loop {
        let jobs = {
            let mut queue = queue.lock().await;
            let Some(first) = queue.recv().await else { return };
            let mut jobs = vec![first];
            while jobs.len() < MAX_BATCH {
                match queue.try_recv() {
                    Ok(job) => jobs.push(job),
                    Err(_) => break,
                }
            }
            jobs
        };
        if jobs.len() > 1 {
            let together: Vec<&dyn Job> = jobs.iter().map(|j| j.as_ref()).collect();
            if attempt(&pool, &reach, &together).await.is_ok() {
                jobs.into_iter().for_each(|job| job.answer(Ok(())));
                continue;
            }
        }
        for job in jobs {
            let alone = [job.as_ref()];
            let outcome = with_retries(|| attempt(&pool, &reach, &alone)).await;
            reach.observe(&outcome);
            job.answer(outcome);
        }
    }
}

/// One transaction running `jobs`, their deferred rows sent before the commit.
async fn attempt(pool: &PgPool, reach: &Reach, jobs: &[&dyn Job]) -> Result<(), Retry> {
    let mut tx = reach.connection(pool.begin()).await.map_err(fail)?;
    let mut deferred = Deferred::default();
    let mut outcome = Ok(());
    for job in jobs {
        outcome = job.run(&mut Conn::Postgres(&mut tx, Some(&mut deferred))).await;
        if outcome.is_err() {
            break;
        }
    }
    if outcome.is_ok() {
        outcome = deferred.flush(&mut tx).await;
    }
    match outcome {
        Ok(()) => tx.commit().await.map_err(fail),
        Err(e) => {
            let _ = tx.rollback().await;
            Err(match e {
                StoreError::Contention(reason) => Retry::Again(reason),
                other => Retry::Fail(other),
            })
        }
    }
}

/// Runs `transaction` until it succeeds, fails for good, or has been tried [`ATTEMPTS`]
/// times.
async fn with_retries<R, F: std::future::Future<Output = Result<R, Retry>>>(
    mut transaction: impl FnMut() -> F,
) -> Result<R, StoreError> {
    let mut tries = 0;
    loop {
        tries += 1;
        match transaction().await {
            Err(Retry::Again(reason)) if tries < ATTEMPTS => {
                tracing::debug!(tries, %reason, "retrying a PostgreSQL transaction");
                tokio::time::sleep(Duration::from_millis(u64::from(tries) * 2)).await;
            }
            Err(Retry::Again(reason)) => return Err(StoreError::Contention(reason)),
            Err(Retry::Fail(e)) => return Err(e),
            Ok(value) => return Ok(value),
        }
    }
}

fn fail(e: sqlx::Error) -> Retry {
    match DbError::from(e) {
        DbError::Retry(reason) => Retry::Again(reason),
        other => Retry::Fail(other.into_store("COMMIT")),
    }
}

fn query<'q>(
    sql: &'q str,
    params: &'q [Value<'q>],
) -> sqlx::query::Query<'q, sqlx::Postgres, sqlx::postgres::PgArguments> {
    let mut query = sqlx::query(sql);
    for param in params {
        query = match *param {
            Value::Text(v) => query.bind(v),
            Value::Int(v) => query.bind(v),
            Value::Uuid(v) => query.bind(v),
            Value::Time(v) => query.bind(v),
            Value::Bool(v) => query.bind(v),
            Value::Bytes(v) => query.bind(v),
        };
    }
    query
}

pub(super) async fn execute(
    conn: &mut PgConnection,
    sql: &str,
    params: &[Value<'_>],
) -> Result<u64, DbError> {
    Ok(query(sql, params).execute(conn).await?.rows_affected())
}

pub(super) async fn fetch_all(
    conn: &mut PgConnection,
    sql: &str,
    params: &[Value<'_>],
) -> Result<Vec<Row>, DbError> {
    let rows = query(sql, params).fetch_all(conn).await?;
    let Some(first) = rows.first() else {
        return Ok(Vec::new());
    };
    let columns: Arc<[String]> = first.columns().iter().map(|c| c.name().to_owned()).collect();
    rows.iter().map(|row| decode(row, &columns)).collect()
}

/// Runs several statements with the simple query protocol.
pub(super) async fn execute_script(conn: &mut PgConnection, sql: &str) -> Result<(), DbError> {
    sqlx::Executor::execute(conn, sql).await?;
    Ok(())
}

/// A row of a result set whose column names are `columns`.
fn decode(row: &PgRow, columns: &Arc<[String]>) -> Result<Row, DbError> {
    let mut cells = Vec::with_capacity(row.len());
    for (i, column) in row.columns().iter().enumerate() {
        let cell = match column.type_info().name() {
            "UUID" => row.try_get::<Option<Uuid>, _>(i)?.map(Cell::Uuid),
            "TEXT" | "VARCHAR" | "BPCHAR" | "NAME" => row.try_get::<Option<String>, _>(i)?.map(Cell::Text),
            "INT8" => row.try_get::<Option<i64>, _>(i)?.map(Cell::Int),
            "INT4" => row.try_get::<Option<i32>, _>(i)?.map(|v| Cell::Int(i64::from(v))),
            "INT2" => row.try_get::<Option<i16>, _>(i)?.map(|v| Cell::Int(i64::from(v))),
            "BOOL" => row.try_get::<Option<bool>, _>(i)?.map(Cell::Bool),
            "TIMESTAMPTZ" => row.try_get::<Option<OffsetDateTime>, _>(i)?.map(Cell::Time),
            "BYTEA" => row.try_get::<Option<Vec<u8>>, _>(i)?.map(Cell::Bytes),
            other => return Err(DbError::Other(format!("unsupported column type {other}"))),
        };
        cells.push(cell.unwrap_or(Cell::Null));
    }
    Ok(Row::new(columns.clone(), cells))
}
