//! Tenant domains: a prefix chosen for the customer plus the cloud profile's suffix, such
//! as `contoso.onmicrosoft.com`. The prefix can never change after creation.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::Rule;

/// 1–27 ASCII letters and digits, stored lower-case (Partner Center's limit: 27 characters
/// of prefix before the 16 of `.onmicrosoft.com`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DomainPrefix(String);

impl DomainPrefix {
    pub const MAX_LENGTH: usize = 27;

    pub fn parse(input: &str) -> Result<Self, Rule> {
        let input = input.trim();
        if input.is_empty() {
            return Err(Rule::Required);
        }
        if !input.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(Rule::DomainPrefixCharacters);
        }
        if input.len() > Self::MAX_LENGTH {
            return Err(Rule::TooLong {
                max: Self::MAX_LENGTH,
            });
        }
        Ok(Self(input.to_ascii_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A full tenant domain: prefix and suffix.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TenantDomain {
    pub prefix: DomainPrefix,
    full: String,
}

impl TenantDomain {
    pub fn new(prefix: DomainPrefix, suffix: &str) -> Self {
        let full = format!("{}{}", prefix.as_str(), suffix.to_ascii_lowercase());
        Self { prefix, full }
    }

    /// Parses either a bare prefix (`contoso`) or a full domain that ends with `suffix`
    /// (`Contoso.onmicrosoft.com`); any other domain is refused with the expected suffix.
    pub fn parse(input: &str, suffix: &str) -> Result<Self, Rule> {
        let trimmed = input.trim().trim_end_matches('.');
        let lower = trimmed.to_ascii_lowercase();
        let suffix_lower = suffix.to_ascii_lowercase();
        let prefix = match lower.strip_suffix(&suffix_lower) {
            Some(_) => &trimmed[..trimmed.len() - suffix.len()],
            None if trimmed.contains('.') => {
                return Err(Rule::DomainSuffix { suffix: suffix_lower });
            }
            None => trimmed,
        };
        Ok(Self::new(DomainPrefix::parse(prefix)?, &suffix_lower))
    }

    pub fn as_str(&self) -> &str {
        &self.full
    }
}

impl fmt::Display for TenantDomain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.full)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SUFFIX: &str = ".onmicrosoft.com";

    #[test]
    fn prefixes_are_1_to_27_letters_and_digits_in_lower_case() {
        assert_eq!(
            DomainPrefix::parse("Contoso2").map(|p| p.0),
            Ok("contoso2".into())
        );
        assert!(DomainPrefix::parse(&"a".repeat(27)).is_ok());
        assert_eq!(
            DomainPrefix::parse(&"a".repeat(28)),
            Err(Rule::TooLong { max: 27 })
        );
        assert_eq!(DomainPrefix::parse(""), Err(Rule::Required));
        for bad in ["con-toso", "con toso", "contoso.com", "bücher", "a_b", "<b>"] {
            assert_eq!(
                DomainPrefix::parse(bad),
                Err(Rule::DomainPrefixCharacters),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_tenant_domain_is_a_prefix_or_a_full_domain_with_the_profile_suffix() {
        let bare = TenantDomain::parse("Contoso", SUFFIX).map(|d| d.full);
        assert_eq!(bare, Ok("contoso.onmicrosoft.com".into()));
        let full = TenantDomain::parse("Contoso.OnMicrosoft.com", SUFFIX).map(|d| d.full);
        assert_eq!(full, Ok("contoso.onmicrosoft.com".into()));
        assert_eq!(
            TenantDomain::parse("contoso.com", SUFFIX),
            Err(Rule::DomainSuffix {
                suffix: SUFFIX.into()
            })
        );
        assert_eq!(TenantDomain::parse(SUFFIX, SUFFIX), Err(Rule::Required));
        let china = TenantDomain::parse("fabrikam", ".partner.onmschina.cn").map(|d| d.full);
        assert_eq!(china, Ok("fabrikam.partner.onmschina.cn".into()));
    }
}
