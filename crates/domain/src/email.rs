//! Email addresses.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::Rule;

/// A syntactically valid email address whose domain has a dot. The domain is stored
/// lower-case; the local part as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    /// The longest address (RFC 5321's path limit, less the brackets).
    pub const MAX: usize = 254;

    pub fn parse(input: &str) -> Result<Self, Rule> {
        let input = input.trim();
        if input.is_empty() {
            return Err(Rule::Required);
        }
        if input.chars().count() > Self::MAX {
            return Err(Rule::TooLong { max: Self::MAX });
        }
        let parsed = email_address::EmailAddress::from_str(input).map_err(|_| Rule::EmailInvalid)?;
        let domain = parsed.domain().to_lowercase();
        let labels_ok = domain.contains('.')
            && domain
                .split('.')
                .all(|label| !label.is_empty() && !label.starts_with('-') && !label.ends_with('-'));
        if !labels_ok || input.contains(['<', '>', ' ']) {
            return Err(Rule::EmailInvalid);
        }
        Ok(Self(format!("{}@{domain}", parsed.local_part())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The part after `@`, lower-case.
    pub fn domain(&self) -> &str {
        self.0.rsplit_once('@').map_or("", |(_, d)| d)
    }

    /// Whether the address is at `domain` or one of its subdomains.
    pub fn is_at(&self, domain: &str) -> bool {
        let own = self.domain();
        let domain = domain.trim().trim_start_matches('@').to_lowercase();
        !domain.is_empty()
            && (own == domain || own.strip_suffix(&domain).is_some_and(|rest| rest.ends_with('.')))
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_addresses_keep_their_local_part_and_lower_case_their_domain() {
        assert_eq!(
            Email::parse(" Ana.Lee@Contoso.COM ").map(|e| e.0),
            Ok("Ana.Lee@contoso.com".into())
        );
        assert!(Email::parse("müller@bücher.example").is_ok());
    }

    #[test]
    fn invalid_addresses_are_refused() {
        for bad in [
            "ana",
            "ana@",
            "@x.com",
            "ana@localhost",
            "ana@x..com",
            "a b@x.com",
            "<a@x.com>",
            "ana@-x.com",
        ] {
            assert_eq!(Email::parse(bad), Err(Rule::EmailInvalid), "{bad}");
        }
        assert_eq!(Email::parse(""), Err(Rule::Required));
    }

    #[test]
    fn an_address_is_at_a_domain_or_its_subdomains() {
        let email = Email::parse("ana@mail.partner.example").ok();
        let Some(email) = email else { panic!("valid") };
        assert!(email.is_at("partner.example"));
        assert!(email.is_at("MAIL.partner.example"));
        assert!(!email.is_at("tner.example"));
        assert!(!email.is_at(""));
    }
}
