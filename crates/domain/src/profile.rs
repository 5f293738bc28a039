//! Cloud profiles: the separately operated instances the seeds apply to, each with its own
//! tenant domain suffix and its own rules for agreements, relationship requests and the
//! indirect model. A deployment runs exactly one.

use std::str::FromStr;

use serde::{Deserialize, Serialize};
use strum::{Display, IntoStaticStr, VariantArray};

/// The profile names an operator can choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Display, IntoStaticStr, VariantArray)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum ProfileName {
    Global,
    Usgov,
    Germany,
    China,
    Custom,
}

impl ProfileName {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl FromStr for ProfileName {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ProfileName::VARIANTS
            .iter()
            .copied()
            .find(|p| p.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                format!("unknown cloud profile {s:?}; expected global, usgov, germany, china or custom")
            })
    }
}

/// An agreement that customers accept, in a given version (template).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub struct AgreementTemplate {
    /// The agreement type, e.g. `MicrosoftCustomerAgreement`.
    pub agreement_type: String,
    /// The current template (version) id; acceptances must name it.
    pub template_id: String,
    /// Where the agreement's text can be read.
    pub link: String,
    #[serde(default)]
    pub version_rank: u32,
}

/// What differs between clouds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CloudProfile {
    pub name: ProfileName,
    /// Appended to every tenant domain prefix, starting with a dot.
    pub domain_suffix: String,
    /// The agreements customers accept; empty where the cloud doesn't offer confirmation.
    /// The first is the one the portal asks for.
    pub agreements: Vec<AgreementTemplate>,
    /// Whether an order needs a recorded acceptance first (Partner Center error 13605).
    pub agreement_required: bool,
    pub relationship_requests: bool,
    pub indirect_model: bool,
}

/// The Microsoft Customer Agreement, as Partner Center publishes it.
pub const CUSTOMER_AGREEMENT_TYPE: &str = "MicrosoftCustomerAgreement";
/// The legacy Microsoft Cloud Agreement, which Partner Center still accepts.
pub const CLOUD_AGREEMENT_TYPE: &str = "MicrosoftCloudAgreement";

impl CloudProfile {
    /// One of the four built-in profiles; `Custom` has no built-in form (it comes from
    /// configuration, see [`CloudProfile::custom`]).
    pub fn builtin(name: ProfileName) -> Option<Self> {
        let (suffix, agreement, relationship_requests, indirect_model) = match name {
            ProfileName::Global => (".onmicrosoft.com", true, true, true),
            ProfileName::Usgov => (".onmicrosoft.us", false, false, false),
            ProfileName::Germany => (".onmicrosoft.de", false, true, false),
            ProfileName::China => (".partner.onmschina.cn", false, true, false),
            ProfileName::Custom => return None,
        };
        let agreements = if agreement {
            vec![
                AgreementTemplate {
                    agreement_type: CUSTOMER_AGREEMENT_TYPE.into(),
                    template_id: "117a77b0-9360-443b-8795-c6dedc750cf9".into(),
                    link: "https://aka.ms/customeragreement".into(),
                    version_rank: 1,
                },
                AgreementTemplate {
                    agreement_type: CLOUD_AGREEMENT_TYPE.into(),
                    template_id: "998b88de-aa99-4388-a42c-1b3517d49490".into(),
                    link: "https://learn.microsoft.com/partner-center/agreements".into(),
                    version_rank: 1,
                },
            ]
        } else {
            Vec::new()
        };
        Some(Self {
            name,
            domain_suffix: suffix.into(),
            agreement_required: agreement,
            agreements,
            relationship_requests,
            indirect_model,
        })
    }

    /// A vendor's own profile. The suffix must be a dot followed by DNS labels.
    pub fn custom(
        domain_suffix: &str,
        agreement: Option<AgreementTemplate>,
        agreement_required: bool,
        relationship_requests: bool,
        indirect_model: bool,
    ) -> Result<Self, String> {
        let suffix = domain_suffix.trim().to_ascii_lowercase();
        let labels_ok = suffix.strip_prefix('.').is_some_and(|rest| {
            rest.contains('.')
                && rest.split('.').all(|l| {
                    !l.is_empty()
                        && l.len() <= 63
                        && !l.starts_with('-')
                        && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                })
        });
        if !labels_ok {
            return Err(format!(
                "custom domain suffix {domain_suffix:?} must look like \".example.net\""
            ));
        }
        if agreement_required && agreement.is_none() {
            return Err("a custom profile that requires an agreement must describe it".into());
        }
        Ok(Self {
            name: ProfileName::Custom,
            domain_suffix: suffix,
            agreements: agreement.into_iter().collect(),
            agreement_required,
            relationship_requests,
            indirect_model,
        })
    }

    pub fn offers_agreements(&self) -> bool {
        !self.agreements.is_empty()
    }

    /// The agreement the portal asks customers to accept.
    pub fn primary_agreement(&self) -> Option<&AgreementTemplate> {
        self.agreements.first()
    }

    pub fn agreement_of_type(&self, agreement_type: &str) -> Option<&AgreementTemplate> {
        self.agreements
            .iter()
            .find(|a| a.agreement_type.eq_ignore_ascii_case(agreement_type.trim()))
    }

    pub fn agreement_by_template(&self, template_id: &str) -> Option<&AgreementTemplate> {
        self.agreements
            .iter()
            .find(|a| a.template_id.eq_ignore_ascii_case(template_id.trim()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_profiles_follow_the_design_table() {
        let rows = [
            (ProfileName::Global, ".onmicrosoft.com", true, true, true),
            (ProfileName::Usgov, ".onmicrosoft.us", false, false, false),
            (ProfileName::Germany, ".onmicrosoft.de", false, true, false),
            (ProfileName::China, ".partner.onmschina.cn", false, true, false),
        ];
        for (name, suffix, agreement, requests, indirect) in rows {
            let Some(p) = CloudProfile::builtin(name) else {
                panic!("{name}")
            };
            assert_eq!(p.domain_suffix, suffix);
            assert_eq!(p.agreement_required, agreement, "{name}");
            assert_eq!(p.offers_agreements(), agreement, "{name}");
            assert_eq!(p.relationship_requests, requests, "{name}");
            assert_eq!(p.indirect_model, indirect, "{name}");
        }
        assert!(CloudProfile::builtin(ProfileName::Custom).is_none());
    }

    #[test]
    fn the_global_profile_asks_for_the_customer_agreement_and_accepts_the_cloud_agreement() {
        let Some(global) = CloudProfile::builtin(ProfileName::Global) else {
            panic!()
        };
        let primary = global.primary_agreement().map(|a| a.agreement_type.as_str());
        assert_eq!(primary, Some(CUSTOMER_AGREEMENT_TYPE));
        assert!(global.agreement_of_type("microsoftcloudagreement").is_some());
        assert!(
            global
                .agreement_by_template("117A77B0-9360-443B-8795-C6DEDC750CF9")
                .is_some()
        );
    }

    #[test]
    fn custom_profiles_check_their_suffix() {
        assert!(CloudProfile::custom(".cloud.example.net", None, false, true, true).is_ok());
        for bad in ["example.net", ".", ".net", ".exa mple.net", "..x.net"] {
            assert!(
                CloudProfile::custom(bad, None, false, true, true).is_err(),
                "{bad}"
            );
        }
        assert!(CloudProfile::custom(".a.example", None, true, true, true).is_err());
    }

    #[test]
    fn profile_names_keep_their_configured_names() {
        let names: Vec<_> = ProfileName::VARIANTS.iter().map(|p| p.as_str()).collect();
        assert_eq!(names, ["global", "usgov", "germany", "china", "custom"]);
        for &name in ProfileName::VARIANTS {
            assert_eq!(name.to_string(), name.as_str());
            assert_eq!(name.as_str().parse(), Ok(name));
        }
    }

    #[test]
    fn profile_names_parse_in_any_case() {
        assert_eq!("China".parse::<ProfileName>(), Ok(ProfileName::China));
        assert!("mars".parse::<ProfileName>().is_err());
    }
}
