//! Partnerdesk's storage. [`Store`] is the one interface the rest of the system uses: its
//! methods are named for use cases (`onboard_customer`, `place_order`, `list_customers`,
//! ...), take and return domain types, and make every multi-row change one transaction.
//!
//! Behind it, the backend is chosen once from the database URL: SQLite (`sqlite://PATH`),
//! written by one thread that commits concurrent changes together, or PostgreSQL
//! (`postgres://…`) through a connection pool. Each use case is written once, in portable
//! SQL, against [`db::Conn`]; migrations are embedded per backend.
//!
//! `Store` is one type rather than a trait with an implementation per backend: what differs
//! between the backends is how work is scheduled (a writer thread and group commit, or a
//! pool and retried transactions) and how values are bound, and both hide behind
//! [`db::Conn`]. A trait would have each use case written twice, once per backend, for no
//! caller that needs to choose between them.

mod db;
mod error;
mod migrate;
mod ops;
#[cfg(feature = "testing")]
pub mod testing;

use std::sync::Arc;

pub use db::sqlite::Durability;
pub use error::{Conflict, StoreError};
pub use ops::activity::ActivityQuery;
pub use ops::billing_run::BillingRun;
pub use ops::catalog::CatalogVersion;
pub use ops::charges::{ChargeLine, MAX_PAGE as MAX_CHARGE_PAGE};
pub use ops::customer_users::{CustomerAccount, CustomerUser};
pub use ops::customer_view::{
    COUNT_CAP, CustomerListing, CustomerResults, CustomerView, Holding, SHORT_SEARCH_COUNT_CAP, SearchField,
    SortColumn, ViewCursor,
};
pub use ops::customers::{Cursor, CustomerFilter, CustomerPage, CustomerQuery};
pub use ops::idempotency::{Claim, IdempotencyRecord, Render, StoredResponse};
pub use ops::markups::MarkupScope;
pub use ops::outbox::OutboxMessage;
pub use ops::partners::Principal;
pub use ops::relationships::{CustomerPartner, Invitation, InvitationStatus, SentRequest};
pub use ops::sessions::{Session, SignInRecord};
pub use ops::sign_ins::{SignInAttempt, SignInKind};
pub use ops::support::{
    AssigneeFilter, MAX_PAGE as MAX_REQUEST_PAGE, Note, OpenRequest, REQUEST_NUMBER, RequestFile,
    RequestQuery, ServiceRequest, SupportViewer,
};
pub use ops::tokens::{TokenHolder, TokenInfo};
pub use ops::users::{Invitee, LinkDigest};

use db::postgres::Postgres;
use db::sqlite::Sqlite;
use db::{Conn, Work, sqlite};
use futures_util::future::BoxFuture;

/// How to open the store.
#[derive(Debug, Clone)]
pub struct StoreOptions {
    /// When SQLite acknowledges a commit.
    pub sqlite_durability: Durability,
    /// The PostgreSQL pool's size.
    pub max_connections: u32,
}

impl Default for StoreOptions {
    fn default() -> Self {
        Self {
            sqlite_durability: Durability::Full,
            max_connections: 32,
        }
    }
}

/// The database, shared by every request: cheap to clone.
#[derive(Clone)]
pub struct Store {
    inner: Arc<Inner>,
}

struct Inner {
    backend: Backend,
    catalog: ops::catalog::CatalogCache,
    /// [`Store::server_secret`], once read.
    server_secret: std::sync::OnceLock<Arc<[u8]>>,
}

enum Backend {
    Sqlite(Sqlite),
    Postgres(Postgres),
}

/// The database URL forms Partnerdesk accepts, for error messages.
pub const ACCEPTED_URLS: &str =
    "sqlite://PATH (add ?mode=rwc to create the file) or postgres://USER@HOST:PORT/DATABASE";

impl Store {
    /// Opens the database the URL names. Doesn't migrate: call [`Store::migrate`].
    pub async fn open(url: &str, options: &StoreOptions) -> Result<Self, StoreError> {
        let backend = if url.starts_with("sqlite:") {
            let location = sqlite::parse_url(url).map_err(StoreError::Unavailable)?;
            Backend::Sqlite(Sqlite::open(&location, options.sqlite_durability)?)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres(Postgres::connect(url, options.max_connections).await?)
        } else {
            return Err(StoreError::Unavailable(format!(
                "unsupported database URL {:?}: expected {ACCEPTED_URLS}",
                redact_url(url)
            )));
        };
        Ok(Self {
            inner: Arc::new(Inner {
                backend,
                catalog: ops::catalog::CatalogCache::default(),
                server_secret: std::sync::OnceLock::new(),
            }),
        })
    }

    /// `sqlite` or `postgres`.
    pub fn backend_name(&self) -> &'static str {
        match self.inner.backend {
            Backend::Sqlite(_) => "sqlite",
            Backend::Postgres(_) => "postgres",
        }
    }

    /// Finishes pending writes and closes the connections.
    pub async fn close(&self) {
        match &self.inner.backend {
            Backend::Sqlite(s) => s.close().await,
            Backend::Postgres(p) => p.close().await,
        }
    }

    /// Whether the database answers.
    pub async fn ping(&self) -> Result<(), StoreError> {
        self.read(|c| Box::pin(async move { c.fetch_one("SELECT 1", &[]).await.map(|_| ()) }))
            .await
    }

    /// Runs `work` on a connection (no transaction on PostgreSQL; a reader thread on
    /// SQLite).
    pub(crate) async fn read<R: Send + 'static>(&self, work: impl Work<R>) -> Result<R, StoreError> {
        match &self.inner.backend {
            Backend::Sqlite(s) => s.read(work).await,
            Backend::Postgres(p) => p.read(work).await,
        }
    }

    /// Runs `work` in a transaction: retried after serialization failures on PostgreSQL,
    /// committed with others (group commit) on SQLite. See [`Work`].
    pub(crate) async fn write<R: Send + 'static>(&self, work: impl Work<R>) -> Result<R, StoreError> {
        match &self.inner.backend {
            Backend::Sqlite(s) => s.write(work).await,
            Backend::Postgres(p) => p.write(work).await,
        }
    }

    /// [`Store::read`] of work that needs an owned `input` (strings, hashes, commands):
    /// the input is kept in an `Arc` and lent to `work` as `&I`.
    pub(crate) async fn read_with<I, R, F>(&self, input: I, work: F) -> Result<R, StoreError>
    where
        I: Send + Sync + 'static,
        R: Send + 'static,
        F: LentWork<I, R>,
    {
        self.read(lend(input, work)).await
    }

    /// [`Store::write`] of work that needs an owned `input`: the input is kept in an `Arc`
    /// and lent to `work` as `&I` on each attempt, as PostgreSQL may run the work more
    /// than once (hence `Fn`).
    pub(crate) async fn write_with<I, R, F>(&self, input: I, work: F) -> Result<R, StoreError>
    where
        I: Send + Sync + 'static,
        R: Send + 'static,
        F: LentWork<I, R>,
    {
        self.write(lend(input, work)).await
    }

    /// [`Store::write_with`] of an insert-only change that many clients make at once (an
    /// onboarding): on PostgreSQL it shares a transaction with others queued at the same
    /// moment, its [`Conn::insert`] rows sent with theirs just before the commit, so it
    /// must not read back what it inserts that way. On SQLite, the same as `write_with`
    /// (whose group commit batches already).
    pub(crate) async fn write_batched_with<I, R, F>(&self, input: I, work: F) -> Result<R, StoreError>
    where
        I: Send + Sync + 'static,
        R: Send + 'static,
        F: LentWork<I, R>,
    {
        match &self.inner.backend {
            Backend::Sqlite(s) => s.write(lend(input, work)).await,
            Backend::Postgres(p) => p.write_batched(lend(input, work)).await,
        }
    }
}

/// A unit of work given its input by reference ([`Store::write_with`] and the like).
pub(crate) trait LentWork<I, R>:
    for<'c, 'd> Fn(&'c mut Conn<'d>, &'c I) -> BoxFuture<'c, Result<R, StoreError>> + Send + Sync + 'static
{
}

impl<I, R, F> LentWork<I, R> for F where
    F: for<'c, 'd> Fn(&'c mut Conn<'d>, &'c I) -> BoxFuture<'c, Result<R, StoreError>>
        + Send
        + Sync
        + 'static
{
}

/// Work that lends `input`, kept in an `Arc`, to `work` on each run.
fn lend<I, R, F>(input: I, work: F) -> impl Work<R>
where
    I: Send + Sync + 'static,
    R: Send + 'static,
    F: LentWork<I, R>,
{
    let shared = Arc::new((input, work));
    move |c: &mut Conn<'_>| {
        let shared = shared.clone();
        Box::pin(async move {
            let (input, work) = &*shared;
            work(c, input).await
        }) as BoxFuture<'_, Result<R, StoreError>>
    }
}

/// The URL with any password replaced by `***`, for messages and `print-config`.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let (authority, tail) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    match authority.rsplit_once('@') {
        Some((credentials, host)) => match credentials.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:***@{host}{tail}"),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicU32, Ordering};

    use super::*;

    /// On PostgreSQL (with `PD_TEST_DATABASE_URL`) a contended transaction is tried again:
    /// the work runs twice, on the same input. On SQLite it runs once.
    #[tokio::test]
    async fn write_with_lends_the_same_input_to_every_attempt() {
        let dir = std::env::temp_dir().join(format!("pd-store-{}", uuid::Uuid::new_v4().simple()));
        let url = match std::env::var("PD_TEST_DATABASE_URL") {
            Ok(url) if !url.is_empty() => url,
            _ => format!("sqlite://{}?mode=rwc", dir.join("test.db").display()),
        };
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        let store = Store::open(&url, &StoreOptions::default())
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let retried = store.backend_name() == "postgres";
        let input = (AtomicU32::new(0), "lent".to_owned());
        let answer = store
            .write_with(input, move |c, (attempts, text)| {
                Box::pin(async move {
                    c.fetch_one("SELECT 1 AS one", &[]).await?;
                    let attempt = attempts.fetch_add(1, Ordering::SeqCst) + 1;
                    if retried && attempt == 1 {
                        return Err(StoreError::Contention("the test's first attempt".into()));
                    }
                    Ok(format!("{text} {attempt}"))
                })
            })
            .await;
        let expected = if retried { "lent 2" } else { "lent 1" };
        assert_eq!(answer.ok().as_deref(), Some(expected));
        store.close().await;
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn passwords_in_urls_are_redacted() {
        assert_eq!(
            redact_url("postgres://pd:hunter2@db:5432/pd"),
            "postgres://pd:***@db:5432/pd"
        );
        assert_eq!(redact_url("postgres://pd@db/pd"), "postgres://pd@db/pd");
        assert_eq!(redact_url("sqlite://partnerdesk.db"), "sqlite://partnerdesk.db");
    }
}
