//! The offer catalog: kept as one document, cached in memory, reloaded when another
//! process (the CLI, another instance) replaced it.

use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use partnerdesk_domain::catalog::{Catalog, CatalogDocument};
use time::OffsetDateTime;

use crate::Store;
use crate::db::Value;
use crate::error::StoreError;

/// How long the cached catalog is trusted before its version is checked.
const RECHECK: Duration = Duration::from_secs(2);

/// The catalog's version: 0 before any import.
pub type CatalogVersion = i64;

#[derive(Default)]
pub(crate) struct CatalogCache {
    state: RwLock<Option<Cached>>,
}

#[derive(Clone)]
struct Cached {
    catalog: Arc<Catalog>,
    version: CatalogVersion,
    checked: Instant,
}

impl Store {
    /// The current catalog (empty before the first import).
    pub async fn catalog(&self) -> Result<Arc<Catalog>, StoreError> {
        let cached = self.inner.catalog.state.read().ok().and_then(|s| s.clone());
        if let Some(cached) = &cached
            && cached.checked.elapsed() < RECHECK
        {
            return Ok(cached.catalog.clone());
        }
        let version = self
            .read(|c| {
                Box::pin(async move {
                    let row = c
                        .fetch_optional("SELECT version FROM catalog WHERE id = 1", &[])
                        .await?;
                    row.map(|r| r.int("version")).transpose().map(|v| v.unwrap_or(0))
                })
            })
            .await?;
        let catalog = match cached {
            Some(cached) if cached.version == version => cached.catalog,
            _ => Arc::new(self.load_catalog().await?.1),
        };
        // No catalog yet is the moment before another instance's first import: it is
        // asked for again next time rather than trusted for RECHECK.
        if version == 0 {
            return Ok(catalog);
        }
        if let Ok(mut state) = self.inner.catalog.state.write() {
            *state = Some(Cached {
                catalog: catalog.clone(),
                version,
                checked: Instant::now(),
            });
        }
        Ok(catalog)
    }

    async fn load_catalog(&self) -> Result<(CatalogVersion, Catalog), StoreError> {
        let row = self
            .read(|c| {
                Box::pin(async move {
                    c.fetch_optional("SELECT version, document FROM catalog WHERE id = 1", &[])
                        .await
                })
            })
            .await?;
        let Some(row) = row else {
            return Ok((0, Catalog::default()));
        };
        let document: CatalogDocument = serde_json::from_str(&row.text("document")?)
            .map_err(|e| StoreError::Internal(format!("the stored catalog doesn't parse: {e}")))?;
        let catalog = Catalog::new(document)
            .map_err(|p| StoreError::Internal(format!("the stored catalog is invalid: {p:?}")))?;
        Ok((row.int("version")?, catalog))
    }

    /// Replaces the catalog with a checked one; returns its new version.
    pub async fn replace_catalog(&self, catalog: &Catalog) -> Result<CatalogVersion, StoreError> {
        let document =
            serde_json::to_string(catalog.document()).map_err(|e| StoreError::Internal(e.to_string()))?;
        let version = self
            .write_with(document, move |c, document| {
                Box::pin(async move {
                    let now = OffsetDateTime::now_utc();
                    c.execute(
                        "INSERT INTO catalog (id, version, document, updated_at) VALUES (1, 1, $1, $2) \
                         ON CONFLICT (id) DO UPDATE SET version = catalog.version + 1, document = $1, updated_at = $2",
                        &[Value::from(document.as_str()), now.into()],
                    )
                    .await?;
                    c.fetch_one("SELECT version FROM catalog WHERE id = 1", &[])
                        .await?
                        .int("version")
                })
            })
            .await?;
        if let Ok(mut state) = self.inner.catalog.state.write() {
            *state = None;
        }
        Ok(version)
    }
}
