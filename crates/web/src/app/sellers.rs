//! Who an order is sold through. An indirect provider (in a cloud with the indirect model)
//! sells through its active indirect resellers: a customer may be associated with one, and
//! each line's partner of record must be one of them (800016), never the provider itself
//! (2072); it defaults to the customer's reseller.

use partnerdesk_domain::onboarding::{OrderLine, ResellerRef};
use partnerdesk_domain::order::NewLineItem;
use partnerdesk_domain::partner::{Partner, PartnerKind};
use partnerdesk_domain::{Field, FieldError, PartnerId, Rule};

use crate::app::{AppError, Caller};
use crate::state::AppState;

/// The resellers `caller` may sell through: none unless it is an indirect provider in a
/// cloud with the indirect model.
pub async fn resellers(state: &AppState, caller: &Caller) -> Result<Vec<Partner>, AppError> {
    if caller.kind() == PartnerKind::IndirectProvider && state.settings.profile.indirect_model {
        Ok(state.store.resellers_of(caller.partner_id()).await?)
    } else {
        Ok(Vec::new())
    }
}

/// Checks that a customer's reseller is one of `resellers`.
pub fn check_associated(reseller: Option<PartnerId>, resellers: &[Partner]) -> Result<(), FieldError> {
    match reseller {
        Some(id) if !resellers.iter().any(|r| r.id == id) => {
            Err(FieldError::new(Field::AssociatedPartnerId, Rule::ResellerUnknown))
        }
        _ => Ok(()),
    }
}

fn reference(p: &Partner) -> ResellerRef {
    ResellerRef {
        id: p.id,
        mpn_id: p.mpn_id.clone(),
    }
}

/// Attaches each line's reseller: the one its `partnerIdOnRecord` names, else the
/// customer's (`associated`).
pub fn resolve(
    items: Vec<NewLineItem>,
    associated: Option<PartnerId>,
    caller: &Caller,
    resellers: &[Partner],
) -> Result<Vec<OrderLine>, Vec<FieldError>> {
    let default = associated
        .and_then(|id| resellers.iter().find(|r| r.id == id))
        .map(reference);
    let own = caller.principal.partner.mpn_id.as_str();
    let mut errors = Vec::new();
    let mut lines = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let reseller = match item.partner_id_on_record.as_deref() {
            None => default.clone(),
            Some(mpn) => {
                let found = resellers.iter().find(|r| r.mpn_id == mpn);
                if found.is_none() {
                    let rule = if mpn == own {
                        Rule::PartnerOnRecordIsProvider
                    } else {
                        Rule::ResellerUnknown
                    };
                    errors.push(FieldError::new(Field::PartnerIdOnRecord(i), rule));
                }
                found.map(reference)
            }
        };
        lines.push(OrderLine { item, reseller });
    }
    if errors.is_empty() { Ok(lines) } else { Err(errors) }
}
