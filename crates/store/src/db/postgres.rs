//! PostgreSQL through a sqlx pool: one transaction per unit of work, retried on
//! serialization failures and deadlocks (SQLSTATE 40001, 40P01), as CockroachDB and
//! YugabyteDB require at their default isolation.

use std::sync::Arc;
use std::time::Duration;

use sqlx::postgres::{PgPoolOptions, PgRow};
use sqlx::{Column, PgConnection, PgPool, Row as _, TypeInfo};
use time::OffsetDateTime;
use uuid::Uuid;

use super::{Cell, Conn, Row, Value, Work};
use crate::error::{DbError, StoreError};

/// How often a transaction is tried before a serialization failure is reported.
const ATTEMPTS: u32 = 8;

pub(crate) struct Postgres {
    pool: PgPool,
}

impl Postgres {
    pub(crate) async fn connect(url: &str, max_connections: u32) -> Result<Self, StoreError> {
        let pool = PgPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await
            .map_err(|e| StoreError::Unavailable(format!("PostgreSQL: {e}")))?;
        Ok(Self { pool })
    }

    pub(crate) async fn write<R: Send + 'static>(&self, work: impl Work<R>) -> Result<R, StoreError> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            match self.try_write(&work).await {
                Err(Retry::Again(reason)) if attempt < ATTEMPTS => {
                    tracing::debug!(attempt, %reason, "retrying a PostgreSQL transaction");
                    tokio::time::sleep(Duration::from_millis(u64::from(attempt) * 2)).await;
                }
                Err(Retry::Again(reason)) => return Err(StoreError::Contention(reason)),
                Err(Retry::Fail(e)) => return Err(e),
                Ok(value) => return Ok(value),
            }
        }
    }

    async fn try_write<R>(&self, work: &impl Work<R>) -> Result<R, Retry> {
        let mut tx = self.pool.begin().await.map_err(fail)?;
        match work(&mut Conn::Postgres(&mut tx)).await {
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
            .pool
            .acquire()
            .await
            .map_err(|e| DbError::from(e).into_store("acquire"))?;
        work(&mut Conn::Postgres(&mut conn)).await
    }

    pub(crate) async fn close(&self) {
        self.pool.close().await;
    }
}

enum Retry {
    Again(String),
    Fail(StoreError),
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
