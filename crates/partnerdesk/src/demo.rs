//! The demo an empty database gets on `serve`: a partner (an indirect provider with two
//! indirect resellers where the cloud has the indirect model), its admin agent with a
//! generated password, an API token, its support profile and a catalog of offers in five
//! languages.

use partnerdesk_domain::audit::Actor;
use partnerdesk_domain::catalog::{Catalog, CatalogDocument};
use partnerdesk_domain::partner::{PartnerKind, Role};
use partnerdesk_domain::profile::CloudProfile;
use partnerdesk_domain::support::SupportProfile;
use partnerdesk_secrets as secrets;
use partnerdesk_store::Store;

pub const ADMIN_EMAIL: &str = "admin@partnerdesk.example";
const CATALOG: &str = include_str!("demo/catalog.json");

/// What the operator needs to try the demo: shown once, never stored in clear.
pub struct Demo {
    pub partner_name: String,
    pub password: String,
    pub token: String,
}

/// The demo catalog, checked.
pub fn catalog() -> anyhow::Result<Catalog> {
    let document: CatalogDocument = serde_json::from_str(CATALOG)?;
    Catalog::new(document).map_err(|problems| anyhow::anyhow!("demo catalog: {}", problems.join("; ")))
}

/// Creates the demo on a database without partners; `None` when it has one. Of several
/// instances starting together on a new database, exactly one makes it.
pub async fn seed(store: &Store, profile: &CloudProfile) -> anyhow::Result<Option<Demo>> {
    let (name, kind) = if profile.indirect_model {
        ("Partnerdesk Demo Provider", PartnerKind::IndirectProvider)
    } else {
        ("Partnerdesk Demo Partner", PartnerKind::Direct)
    };
    let Some(partner) = store.create_first_partner(name, kind).await? else {
        return Ok(None);
    };
    store.replace_catalog(&catalog()?).await?;
    if profile.indirect_model {
        for reseller in ["Bluefin IT Services", "Cedar Cloud Partners"] {
            let reseller = store
                .create_partner(reseller, PartnerKind::IndirectReseller)
                .await?;
            store.link_reseller(partner.id, reseller.id).await?;
        }
    }
    let password = secrets::generate_password();
    let hash = crate::commands::hash_password(password.clone()).await?;
    let user = store
        .create_partner_user(partner.id, ADMIN_EMAIL, Role::AdminAgent, hash, Actor::operator())
        .await?;
    let token = secrets::generate_token();
    store
        .create_api_token(
            &user,
            "demo",
            secrets::sha256(token.as_bytes()),
            None,
            Actor::operator(),
        )
        .await?;
    store
        .set_support_profile(partner.id, support_profile(), Actor::operator())
        .await?;
    Ok(Some(Demo {
        partner_name: partner.name,
        password,
        token,
    }))
}

/// How the demo partner's customers reach its support.
fn support_profile() -> SupportProfile {
    SupportProfile {
        email: "support@partnerdesk.example".into(),
        telephone: "+14255550100".into(),
        website: "https://partnerdesk.example/support".into(),
        hours: "Monday to Friday, 8:00–18:00 UTC; critical requests around the clock".into(),
        pricing: "Included with every subscription".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use partnerdesk_domain::Locale;
    use partnerdesk_domain::country::CountryCode;

    #[test]
    fn the_demo_support_profile_passes_the_rules_unchanged() {
        assert_eq!(SupportProfile::parse(&support_profile()), Ok(support_profile()));
    }

    #[test]
    fn the_demo_catalog_is_valid_and_complete_in_every_language() {
        let catalog = catalog().unwrap_or_else(|e| panic!("{e}"));
        let document = catalog.document();
        assert!(document.offers.len() >= 12);
        assert!(document.categories.len() >= 3);
        assert!(document.offers.iter().filter(|o| o.is_add_on).count() >= 2);
        for offer in &document.offers {
            for locale in Locale::ALL {
                assert!(
                    offer.texts.contains_key(locale.tag()),
                    "{} lacks {locale}",
                    offer.id
                );
            }
        }
        for category in &document.categories {
            assert_eq!(category.names.len(), Locale::ALL.len(), "{}", category.id);
        }
        let us = CountryCode::parse("US").unwrap_or_else(|_| unreachable!());
        assert!(catalog.offers_in(us).len() >= 12);
    }
}
