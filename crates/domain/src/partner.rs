//! Partners, their users' roles, and what each role may do.

use std::str::FromStr;

use serde::{Deserialize, Serialize};
use strum::{Display, IntoStaticStr, VariantArray};
use time::OffsetDateTime;

use crate::{PartnerId, PartnerUserId};

/// How a partner sells. Its name (`indirect-provider`) is stored and typed at the CLI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Display, IntoStaticStr, VariantArray)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum PartnerKind {
    /// Sells to its customers directly.
    Direct,
    /// Sells through indirect resellers, associating each customer with one.
    IndirectProvider,
    /// Sells through an indirect provider; sees only the customers associated with it.
    IndirectReseller,
}

impl PartnerKind {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl FromStr for PartnerKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PartnerKind::VARIANTS
            .iter()
            .copied()
            .find(|k| k.as_str() == s.trim())
            .ok_or_else(|| {
                format!("unknown partner type {s:?}; expected direct, indirect-provider or indirect-reseller")
            })
    }
}

/// A partner user's role. Its name (`admin-agent`) is stored, sent in the API, and is a
/// form value and part of a Fluent message id (`role-admin-agent`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Display, IntoStaticStr, VariantArray)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Role {
    AdminAgent,
    SalesAgent,
    HelpdeskAgent,
    BillingAdmin,
}

impl Role {
    /// Every role, in declaration order.
    pub const ALL: &[Role] = Role::VARIANTS;

    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl FromStr for Role {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .iter()
            .copied()
            .find(|r| r.as_str() == s.trim())
            .ok_or_else(|| {
                format!(
                    "unknown role {s:?}; expected admin-agent, sales-agent, helpdesk-agent or billing-admin"
                )
            })
    }
}

/// Something a partner user may be allowed to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Read customers, their profiles, agreements, orders and subscriptions.
    ViewCustomers,
    AddCustomer,
    /// Change a customer's billing profile.
    EditBillingProfile,
    /// Record that a customer accepted the customer agreement.
    AttestAgreement,
    /// Give a customer's user a new temporary password.
    ResetCustomerPassword,
    PlaceOrder,
    ManageSubscriptions,
    RequestRelationship,
    ManageUsers,
    /// Read the partner's activity log.
    ViewActivity,
    /// Read the partner's charges and invoices.
    ViewBilling,
    /// Read the price list (the partner's cost of each offer).
    ViewPrices,
    /// Set the customer prices (markup rules).
    ManagePrices,
    /// Read the service requests of the partner's customers.
    ViewSupport,
    /// Answer, assign, escalate and open service requests.
    WorkSupport,
    /// Publish the partner's support profile.
    ManageSupportProfile,
}

/// Whether a user with `role` at a partner of `kind` may do `permission` (Partner Center's
/// roles, `partner-center-api.md` §10). Indirect resellers never sell: the provider adds
/// their customers, records agreements and places orders.
pub fn allowed(kind: PartnerKind, role: Role, permission: Permission) -> bool {
    use Permission::*;
    let sells = matches!(
        permission,
        AddCustomer | AttestAgreement | PlaceOrder | ManageSubscriptions
    );
    // An indirect reseller buys from its provider: the operator's prices aren't its own.
    if (sells || matches!(permission, ViewPrices | ManagePrices)) && kind == PartnerKind::IndirectReseller {
        return false;
    }
    match role {
        Role::AdminAgent => true,
        Role::SalesAgent => matches!(
            permission,
            ViewCustomers
                | AddCustomer
                | AttestAgreement
                | PlaceOrder
                | ManageSubscriptions
                | RequestRelationship
                | ViewPrices
                | ViewSupport
        ),
        Role::HelpdeskAgent => matches!(
            permission,
            ViewCustomers
                | EditBillingProfile
                | ResetCustomerPassword
                | ManageSubscriptions
                | ViewSupport
                | WorkSupport
        ),
        Role::BillingAdmin => matches!(
            permission,
            ViewCustomers
                | EditBillingProfile
                | ManageSubscriptions
                | ViewBilling
                | ViewPrices
                | ManagePrices
        ),
    }
}

/// The shortest password a person may choose.
pub const MIN_PASSWORD_LENGTH: usize = 12;

/// Checks a chosen password's length. (Its strength beyond length is the person's; it is
/// stored as an Argon2id hash.)
pub fn check_password(password: &str) -> Result<(), crate::Rule> {
    if password.chars().count() < MIN_PASSWORD_LENGTH {
        return Err(crate::Rule::PasswordTooShort {
            min: MIN_PASSWORD_LENGTH,
        });
    }
    Ok(())
}

/// Checks a chosen password typed twice: [`check_password`], and the same both times.
pub fn check_new_password(password: &str, again: &str) -> Result<(), Vec<crate::FieldError>> {
    use crate::{Field, FieldError, Rule};
    check_password(password).map_err(|rule| vec![FieldError::new(Field::NewPassword, rule)])?;
    if password != again {
        return Err(vec![FieldError::new(
            Field::ConfirmPassword,
            Rule::PasswordMismatch,
        )]);
    }
    Ok(())
}

/// A partner organization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partner {
    pub id: PartnerId,
    pub name: String,
    pub kind: PartnerKind,
    /// The partner's public partner id (Partner Center's "MPN id"), used as
    /// `partnerIdOnRecord` in orders.
    pub mpn_id: String,
    pub created_at: OffsetDateTime,
}

/// A person who works for a partner, as the rest of the system sees them after sign-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerUser {
    pub id: PartnerUserId,
    pub partner_id: PartnerId,
    pub email: String,
    /// The person's name, as they or the admin who invited them gave it.
    pub name: Option<String>,
    pub role: Role,
    pub active: bool,
    /// The interface language the user chose, if any.
    pub locale: Option<String>,
    /// The time zone the user chose to read times in (an IANA name), if any.
    pub time_zone: Option<String>,
    pub last_signed_in_at: Option<time::OffsetDateTime>,
}

impl PartnerUser {
    /// How the interface names the user: the name given, else the email.
    pub fn display_name(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.email)
    }
}

/// The longest name a partner user may give.
pub const USER_NAME_MAX: usize = 100;

/// A partner user's name: optional; white space collapsed, at most [`USER_NAME_MAX`].
/// Bidirectional overrides and isolates are dropped: a name can't make the text around it
/// read backwards.
pub fn parse_user_name(input: &str) -> Result<Option<String>, crate::Rule> {
    let plain: String = input
        .chars()
        .filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .collect();
    crate::names::optional_text(&plain, USER_NAME_MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Permission::*;

    #[test]
    fn user_names_are_optional_and_bounded() {
        assert_eq!(parse_user_name("  "), Ok(None));
        assert_eq!(parse_user_name(" Ana\t Lee "), Ok(Some("Ana Lee".to_owned())));
        assert_eq!(parse_user_name("Ana\u{202E}eeL"), Ok(Some("AnaeeL".to_owned())));
        assert_eq!(
            parse_user_name(&"a".repeat(USER_NAME_MAX + 1)),
            Err(crate::Rule::TooLong { max: USER_NAME_MAX })
        );
    }

    #[test]
    fn admin_and_sales_agents_sell_helpdesk_and_billing_do_not() {
        let kind = PartnerKind::IndirectProvider;
        for p in [AddCustomer, AttestAgreement, PlaceOrder] {
            assert!(allowed(kind, Role::AdminAgent, p));
            assert!(allowed(kind, Role::SalesAgent, p));
            assert!(!allowed(kind, Role::HelpdeskAgent, p));
            assert!(!allowed(kind, Role::BillingAdmin, p));
        }
        for &role in Role::ALL {
            assert!(allowed(kind, role, ViewCustomers), "{role}");
        }
        assert!(allowed(kind, Role::AdminAgent, ManageUsers));
        assert!(!allowed(kind, Role::SalesAgent, ManageUsers));
        assert!(allowed(kind, Role::BillingAdmin, EditBillingProfile));
        for &role in Role::ALL {
            assert!(
                allowed(kind, role, ManageSubscriptions),
                "{role} manages subscriptions"
            );
            assert_eq!(
                allowed(kind, role, ViewActivity),
                role == Role::AdminAgent,
                "{role}"
            );
        }
        assert!(!allowed(kind, Role::SalesAgent, EditBillingProfile));
        for &role in Role::ALL {
            let billing = matches!(role, Role::AdminAgent | Role::BillingAdmin);
            assert_eq!(allowed(kind, role, ViewBilling), billing, "{role}");
            assert_eq!(allowed(kind, role, ManagePrices), billing, "{role}");
            assert_eq!(
                allowed(kind, role, ViewPrices),
                role != Role::HelpdeskAgent,
                "{role}"
            );
            assert!(
                !allowed(PartnerKind::IndirectReseller, role, ManagePrices),
                "{role}"
            );
        }
    }

    #[test]
    fn admin_and_helpdesk_agents_work_support_sales_agents_read_it() {
        for kind in [
            PartnerKind::Direct,
            PartnerKind::IndirectProvider,
            PartnerKind::IndirectReseller,
        ] {
            for &role in Role::ALL {
                let works = matches!(role, Role::AdminAgent | Role::HelpdeskAgent);
                assert_eq!(allowed(kind, role, WorkSupport), works, "{role}");
                assert_eq!(
                    allowed(kind, role, ViewSupport),
                    works || role == Role::SalesAgent,
                    "{role}"
                );
                assert_eq!(
                    allowed(kind, role, ManageSupportProfile),
                    role == Role::AdminAgent,
                    "{role}"
                );
            }
        }
    }

    #[test]
    fn resellers_never_sell() {
        let kind = PartnerKind::IndirectReseller;
        for p in [AddCustomer, AttestAgreement, PlaceOrder, ManageSubscriptions] {
            assert!(!allowed(kind, Role::AdminAgent, p));
        }
        assert!(allowed(kind, Role::AdminAgent, ViewCustomers));
    }

    #[test]
    fn chosen_passwords_are_long_enough_and_confirmed() {
        assert!(check_new_password("correct horse battery", "correct horse battery").is_ok());
        let short = check_new_password("short", "short").err().unwrap_or_default();
        assert_eq!(short[0].rule, crate::Rule::PasswordTooShort { min: 12 });
        let typo = check_new_password("correct horse battery", "correct horse batery")
            .err()
            .unwrap_or_default();
        assert_eq!(typo[0].rule, crate::Rule::PasswordMismatch);
    }

    #[test]
    fn kinds_and_roles_keep_their_stored_names() {
        let kinds: Vec<_> = PartnerKind::VARIANTS.iter().map(|k| k.as_str()).collect();
        assert_eq!(kinds, ["direct", "indirect-provider", "indirect-reseller"]);
        let roles: Vec<_> = Role::ALL.iter().map(|r| r.as_str()).collect();
        assert_eq!(
            roles,
            ["admin-agent", "sales-agent", "helpdesk-agent", "billing-admin"]
        );
        for &kind in PartnerKind::VARIANTS {
            assert_eq!(kind.to_string(), kind.as_str());
            assert_eq!(kind.as_str().parse(), Ok(kind));
        }
        for &role in Role::ALL {
            assert_eq!(role.to_string(), role.as_str());
            assert_eq!(role.as_str().parse(), Ok(role));
        }
    }

    #[test]
    fn kinds_and_roles_parse_from_their_cli_names() {
        assert_eq!("indirect-provider".parse(), Ok(PartnerKind::IndirectProvider));
        assert_eq!("billing-admin".parse(), Ok(Role::BillingAdmin));
        assert!("owner".parse::<Role>().is_err());
        assert!("reseller".parse::<PartnerKind>().is_err());
    }
}
