//! Test support (feature `testing`): a fresh, migrated database per test, on SQLite by
//! default or on PostgreSQL when `PD_TEST_DATABASE_URL` names a server, plus what tests
//! need to look inside: row counts and injected failures.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::{Store, StoreError, StoreOptions};

/// The environment variable that selects PostgreSQL for the test suites.
pub const DATABASE_ENV: &str = "PD_TEST_DATABASE_URL";

/// A database that disappears with this value.
pub struct TestDatabase {
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    Directory(PathBuf),
    Schema { server: String, schema: String },
}

impl TestDatabase {
    /// A new empty database: a file in a new temporary directory, or a new schema.
    pub async fn new() -> Self {
        match std::env::var(DATABASE_ENV).ok().filter(|u| !u.is_empty()) {
            Some(server) => {
                let schema = format!("t{}", uuid::Uuid::new_v4().simple());
                let mut conn = sqlx::PgConnection::connect_with(&server_options(&server))
                    .await
                    .unwrap_or_else(|e| panic!("{DATABASE_ENV}={server}: {e}"));
                sqlx::Executor::execute(&mut conn, format!("CREATE SCHEMA {schema}").as_str())
                    .await
                    .unwrap_or_else(|e| panic!("CREATE SCHEMA: {e}"));
                let separator = if server.contains('?') { '&' } else { '?' };
                Self {
                    url: format!("{server}{separator}options[search_path]={schema}"),
                    cleanup: Cleanup::Schema { server, schema },
                }
            }
            None => {
                let dir =
                    std::env::temp_dir().join(format!("partnerdesk-test-{}", uuid::Uuid::new_v4().simple()));
                std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
                Self {
                    url: format!("sqlite://{}?mode=rwc", dir.join("test.db").display()),
                    cleanup: Cleanup::Directory(dir),
                }
            }
        }
    }

    /// Opens and migrates a store on this database.
    pub async fn open(&self) -> Store {
        let store = Store::open(&self.url, &StoreOptions::default())
            .await
            .unwrap_or_else(|e| panic!("open {}: {e}", self.url));
        store.migrate().await.unwrap_or_else(|e| panic!("migrate: {e}"));
        store
    }
}

fn server_options(url: &str) -> sqlx::postgres::PgConnectOptions {
    url.parse()
        .unwrap_or_else(|e| panic!("{DATABASE_ENV}={url}: {e}"))
}

use sqlx::Connection as _;

impl Drop for TestDatabase {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::Directory(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::Schema { server, schema } => {
                let (server, schema) = (server.clone(), schema.clone());
                // Drop can't await; a short-lived runtime on its own thread drops the schema.
                // The test's own runtime is blocked meanwhile, so a transaction it left open
                // can't finish: the lock timeout keeps that from waiting forever (the schema
                // then stays, and goes with the test database).
                let _ = std::thread::spawn(move || {
                    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build();
                    if let Ok(runtime) = runtime {
                        runtime.block_on(async {
                            if let Ok(mut conn) =
                                sqlx::PgConnection::connect_with(&server_options(&server)).await
                            {
                                let sql = format!("SET lock_timeout = '5s'; DROP SCHEMA {schema} CASCADE");
                                let _ = sqlx::Executor::execute(&mut conn, sql.as_str()).await;
                            }
                        });
                    }
                })
                .join();
            }
        }
    }
}

/// The tables an onboarding writes to.
pub const TABLES: &[&str] = &[
    "customers",
    "customer_users",
    "partner_customers",
    "agreements",
    "orders",
    "order_line_items",
    "subscriptions",
    "subscription_terms",
    "seat_batches",
    "charges",
    "idempotency_keys",
];

/// How many rows each of [`TABLES`] has.
pub async fn row_counts(store: &Store) -> BTreeMap<&'static str, i64> {
    let counts = store
        .read(|c| {
            Box::pin(async move {
                let mut counts = BTreeMap::new();
                for table in TABLES {
                    let row = c
                        .fetch_one(&format!("SELECT COUNT(*) AS n FROM {table}"), &[])
                        .await?;
                    counts.insert(*table, row.int("n")?);
                }
                Ok(counts)
            })
        })
        .await;
    counts.unwrap_or_else(|e| panic!("row counts: {e}"))
}

/// Makes every later insert into `table` fail, as a disk or a constraint might midway
/// through a transaction.
pub async fn fail_inserts_into(store: &Store, table: &'static str) -> Result<(), StoreError> {
    store
        .write(move |c| {
            Box::pin(async move {
                let script = if c.is_sqlite() {
                    format!(
                        "CREATE TRIGGER fail_{table} BEFORE INSERT ON {table} BEGIN SELECT RAISE(ABORT, 'injected failure'); END"
                    )
                } else {
                    format!(
                        "CREATE FUNCTION fail_{table}() RETURNS trigger LANGUAGE plpgsql AS \
                         $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$; \
                         CREATE TRIGGER fail_{table} BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION fail_{table}()"
                    )
                };
                c.execute_script(&script).await
            })
        })
        .await
}

/// Undoes [`fail_inserts_into`]: inserts into `table` work again, as after a restart
/// on a repaired disk.
pub async fn heal_inserts_into(store: &Store, table: &'static str) -> Result<(), StoreError> {
    store
        .write(move |c| {
            Box::pin(async move {
                let script = if c.is_sqlite() {
                    format!("DROP TRIGGER fail_{table}")
                } else {
                    format!("DROP TRIGGER fail_{table} ON {table}; DROP FUNCTION fail_{table}()")
                };
                c.execute_script(&script).await
            })
        })
        .await
}

/// How many charges are on a partner invoice, and how many invoices (of both sides) there
/// are.
pub async fn invoiced_counts(store: &Store) -> (i64, i64) {
    let counts = store
        .read(|c| {
            Box::pin(async move {
                let charges = c
                    .fetch_one(
                        "SELECT COUNT(*) AS n FROM charges WHERE invoice_id IS NOT NULL",
                        &[],
                    )
                    .await?
                    .int("n")?;
                let invoices = c
                    .fetch_one("SELECT COUNT(*) AS n FROM invoices", &[])
                    .await?
                    .int("n")?;
                Ok((charges, invoices))
            })
        })
        .await;
    counts.unwrap_or_else(|e| panic!("invoiced counts: {e}"))
}

/// The stored password hash of a customer tenant's user.
pub async fn customer_admin_password_hash(store: &Store, user_name: &str) -> Result<String, StoreError> {
    store
        .read_with(user_name.to_owned(), |c, user_name| {
            Box::pin(async move {
                let row = c
                    .fetch_optional(
                        "SELECT password_hash FROM customer_users WHERE user_name = $1",
                        &[crate::db::Value::from(user_name)],
                    )
                    .await?;
                row.ok_or(StoreError::NotFound)?.text("password_hash")
            })
        })
        .await
}

/// Makes every kept response `by` older, as if it had been answered that long ago.
pub async fn age_idempotency_records(store: &Store, by: time::Duration) -> Result<u64, StoreError> {
    store
        .write(move |c| {
            Box::pin(async move {
                let rows = c
                    .fetch_all(
                        "SELECT partner_id, key_hash, created_at FROM idempotency_keys",
                        &[],
                    )
                    .await?;
                for row in &rows {
                    let partner: uuid::Uuid = row.uuid("partner_id")?;
                    c.execute(
                        "UPDATE idempotency_keys SET created_at = $1 WHERE partner_id = $2 AND key_hash = $3",
                        &[
                            (row.time("created_at")? - by).into(),
                            crate::db::Value::Uuid(Some(partner)),
                            crate::db::Value::from(row.bytes("key_hash")?.as_slice()),
                        ],
                    )
                    .await?;
                }
                Ok(rows.len() as u64)
            })
        })
        .await
}

/// Makes every customer look as rows written before searches folded accents: no
/// `search_key`, and the old `name_key` (lower case, accents kept).
pub async fn unfill_search_keys(store: &Store) -> Result<u64, StoreError> {
    store
        .write(|c| {
            Box::pin(async move {
                c.execute(
                    "UPDATE partner_customers SET search_key = NULL, name_key = lower(company_name)",
                    &[],
                )
                .await
            })
        })
        .await
}
