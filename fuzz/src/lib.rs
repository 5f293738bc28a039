//! What the fuzz targets share: the demo catalog, which orders and the wizard's
//! subscriptions step are checked against.

use std::sync::LazyLock;

use partnerdesk_domain::catalog::{Catalog, CatalogDocument};

/// The demo catalog (`partnerdesk demo`'s), parsed once.
pub fn catalog() -> &'static Catalog {
    static CATALOG: LazyLock<Catalog> = LazyLock::new(|| {
        let text = include_str!("../../crates/partnerdesk/src/demo/catalog.json");
        let document: CatalogDocument =
            serde_json::from_str(text).unwrap_or_else(|e| panic!("the demo catalog: {e}"));
        Catalog::new(document).unwrap_or_else(|e| panic!("the demo catalog: {e:?}"))
    });
    &CATALOG
}
