//! Embedded migrations, one folder per backend with identical file names. Each runs in its
//! own transaction and is recorded in `schema_migrations`. On PostgreSQL each transaction
//! first takes an advisory lock, so that instances starting together migrate one after
//! the other, each finding what the one before it recorded (SQLite's writes are one at a
//! time anyway).

use crate::Store;
use crate::db::{Conn, Value};
use crate::error::StoreError;

struct Migration {
    name: &'static str,
    sqlite: &'static str,
    postgres: &'static str,
}

macro_rules! migrations {
    ($($name:literal),* $(,)?) => {
        &[$(Migration {
            name: $name,
            sqlite: include_str!(concat!("../migrations/sqlite/", $name, ".sql")),
            postgres: include_str!(concat!("../migrations/postgres/", $name, ".sql")),
        }),*]
    };
}

const MIGRATIONS: &[Migration] = migrations![
    "0001_init",
    "0002_portal",
    "0003_activity",
    "0004_users",
    "0005_relationships",
    "0006_sign_in_attempts",
    "0007_server_secret",
    "0008_billing",
    "0009_invoices",
    "0010_markups",
    "0011_support",
    "0012_outbox",
    "0013_mail_links",
    "0014_request_files",
    "0015_request_subscription",
    "0016_customer_search",
    "0017_customer_user_sign_ins",
    "0018_token_expiry",
    "0019_user_time_zone",
    "0020_relationship_history",
    "0021_user_names",
    "0022_search_indexes",
    "0023_tax_rates",
    "0024_subscription_expiry",
    "0025_next_term",
    "0026_operator_escalation",
];

impl Store {
    /// Applies the migrations this database lacks, then makes (the first time) and reads
    /// the server's key ([`Store::server_secret`]); returns the migrations' names.
    /// Refuses a database that a newer Partnerdesk has migrated.
    pub async fn migrate(&self) -> Result<Vec<&'static str>, StoreError> {
        let mut applied = Vec::new();
        // A database that has every migration is only read: it may be on a full or
        // read-only disk, and the server should still start and answer reads.
        if self.recorded_migrations().await.is_ok_and(|known| {
            known.len() == MIGRATIONS.len() && MIGRATIONS.iter().all(|m| known.iter().any(|k| k == m.name))
        }) {
            self.server_secret().await?;
            self.fill_search_keys().await?;
            return Ok(applied);
        }
        for (index, migration) in MIGRATIONS.iter().enumerate() {
            let done = self
                .write(move |c| Box::pin(async move { apply(c, &MIGRATIONS[index]).await }))
                .await?;
            if done {
                applied.push(migration.name);
            }
        }
        // The first start makes the server's key; every start reads it here, once.
        self.server_secret().await?;
        self.fill_search_keys().await?;
        Ok(applied)
    }
}

impl Store {
    /// The migrations `schema_migrations` records; an error where it doesn't exist yet.
    async fn recorded_migrations(&self) -> Result<Vec<String>, StoreError> {
        self.read(|c| {
            Box::pin(async move {
                let rows = c.fetch_all("SELECT name FROM schema_migrations", &[]).await?;
                rows.iter().map(|r| r.text("name")).collect()
            })
        })
        .await
    }
}

/// The advisory lock Partnerdesk's migrations take on PostgreSQL ("pdmigrat").
const MIGRATION_LOCK: i64 = 0x7064_6d69_6772_6174;

/// Applies one migration unless it is recorded; true when it ran.
async fn apply(c: &mut Conn<'_>, migration: &Migration) -> Result<bool, StoreError> {
    if !c.is_sqlite() {
        // Held until this transaction ends; the statements after it read what the
        // instance that held it before committed.
        c.execute("SELECT pg_advisory_xact_lock($1)", &[MIGRATION_LOCK.into()])
            .await?;
    }
    let ledger = if c.is_sqlite() {
        "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL) STRICT"
    } else {
        "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)"
    };
    c.execute_script(ledger).await?;
    let known = c.fetch_all("SELECT name FROM schema_migrations", &[]).await?;
    let known: Vec<String> = known.iter().map(|r| r.text("name")).collect::<Result<_, _>>()?;
    if let Some(unknown) = known
        .iter()
        .find(|k| MIGRATIONS.iter().all(|m| m.name != k.as_str()))
    {
        return Err(StoreError::Unavailable(format!(
            "the database has migration {unknown}, which this Partnerdesk doesn't know: it was migrated by a newer version"
        )));
    }
    if known.iter().any(|k| k == migration.name) {
        return Ok(false);
    }
    let script = if c.is_sqlite() {
        migration.sqlite
    } else {
        migration.postgres
    };
    c.execute_script(script).await?;
    c.execute(
        "INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)",
        &[
            migration.name.into(),
            Value::from(time::OffsetDateTime::now_utc()),
        ],
    )
    .await?;
    tracing::info!(migration = migration.name, "applied a migration");
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(folder: &str) -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("migrations")
            .join(folder);
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map(|d| {
                d.filter_map(|e| e.ok())
                    .filter_map(|e| {
                        e.file_name()
                            .to_str()
                            .map(|n| n.trim_end_matches(".sql").to_owned())
                    })
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    #[test]
    fn both_backends_have_the_same_migrations_and_all_are_embedded() {
        let embedded: Vec<String> = MIGRATIONS.iter().map(|m| m.name.to_owned()).collect();
        assert_eq!(names("sqlite"), embedded);
        assert_eq!(names("postgres"), embedded);
    }

    #[tokio::test]
    async fn a_migrated_database_opens_without_writing() {
        let dir = std::env::temp_dir().join(format!("pd-migrate-{}", uuid::Uuid::new_v4().simple()));
        let _ = std::fs::create_dir_all(&dir);
        let url = format!("sqlite://{}?mode=rwc", dir.join("test.db").display());
        let options = crate::StoreOptions::default();
        let first = Store::open(&url, &options)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            first.migrate().await.map(|a| a.len()).ok(),
            Some(MIGRATIONS.len())
        );
        let key = first.server_secret().await.unwrap_or_else(|e| panic!("{e}"));
        first.close().await;

        // Another connection holds the write lock, as a read-only or full disk refuses
        // writes: a write would wait and fail; opening and migrating needs none.
        let blocker = rusqlite::Connection::open(dir.join("test.db")).unwrap_or_else(|e| panic!("{e}"));
        blocker
            .execute_batch("BEGIN IMMEDIATE")
            .unwrap_or_else(|e| panic!("{e}"));
        let again = Store::open(&url, &options)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let started = std::time::Instant::now();
        assert_eq!(again.migrate().await.map(|a| a.len()).ok(), Some(0));
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
        assert_eq!(again.server_secret().await.ok(), Some(key));
        drop(blocker);
        again.close().await;
        let _ = std::fs::remove_dir_all(dir);
    }
}
