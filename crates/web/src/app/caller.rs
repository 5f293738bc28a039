//! Who a use case acts for: a partner user through the API or the partner portal, or a
//! customer's admin through the customer portal, and the client's address. Use cases
//! check permissions here, once, whichever way the request came.

use std::net::IpAddr;
use std::sync::Arc;

use partnerdesk_domain::audit::{Actor, Channel};
use partnerdesk_domain::onboarding::Seller;
use partnerdesk_domain::partner::{PartnerKind, Permission, allowed};
use partnerdesk_domain::{PartnerId, PartnerUserId};
use partnerdesk_store::{CustomerUser, Principal};

use crate::app::AppError;

/// A signed-in partner user.
#[derive(Debug, Clone)]
pub struct Caller {
    pub principal: Arc<Principal>,
    pub channel: Channel,
    pub address: Option<IpAddr>,
}

impl Caller {
    pub fn new(principal: Arc<Principal>, channel: Channel, address: Option<IpAddr>) -> Self {
        Self {
            principal,
            channel,
            address,
        }
    }

    pub fn partner_id(&self) -> PartnerId {
        self.principal.partner.id
    }

    pub fn user_id(&self) -> PartnerUserId {
        self.principal.user.id
    }

    pub fn kind(&self) -> PartnerKind {
        self.principal.partner.kind
    }

    /// Whether the user's role and partner type allow `permission`.
    pub fn can(&self, permission: Permission) -> bool {
        allowed(self.kind(), self.principal.user.role, permission)
    }

    /// Fails unless [`Caller::can`]: a reseller asking for what its provider may do is
    /// told so (`ResellerForbidden`), anyone else is told their role may not.
    pub fn require(&self, permission: Permission) -> Result<(), AppError> {
        if self.can(permission) {
            return Ok(());
        }
        if self.kind() == PartnerKind::IndirectReseller
            && allowed(
                PartnerKind::IndirectProvider,
                self.principal.user.role,
                permission,
            )
        {
            return Err(AppError::ResellerForbidden);
        }
        Err(AppError::Forbidden {
            role: self.principal.user.role,
        })
    }

    /// Who the activity log names for this user's changes.
    pub fn actor(&self) -> Actor {
        Actor {
            user_id: Some(self.user_id().as_uuid()),
            name: self.principal.user.email.clone(),
            channel: self.channel,
            address: self.address.map(|a| a.to_string()),
        }
    }

    /// The partner and user an order or agreement is recorded for.
    pub fn seller(&self) -> Seller {
        Seller {
            partner_id: self.partner_id(),
            user_id: self.user_id(),
        }
    }
}

/// A signed-in customer admin, in the customer portal.
#[derive(Debug, Clone)]
pub struct CustomerCaller {
    pub user: CustomerUser,
    pub address: Option<IpAddr>,
}

impl CustomerCaller {
    pub fn actor(&self) -> Actor {
        Actor {
            user_id: Some(self.user.id.as_uuid()),
            name: self.user.user_name.clone(),
            channel: Channel::CustomerPortal,
            address: self.address.map(|a| a.to_string()),
        }
    }
}
