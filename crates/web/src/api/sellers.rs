//! Who an order is sold through: each line's partner of record must be one of the
//! caller's active indirect resellers (800016), never the caller itself (2072); it
//! defaults to the reseller the customer is associated with.

use partnerdesk_domain::onboarding::{OrderLine, ResellerRef};
use partnerdesk_domain::order::NewLineItem;
use partnerdesk_domain::partner::{Partner, PartnerKind};
use partnerdesk_domain::{Field, FieldError, PartnerId, Rule};

use crate::api::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;

/// The caller's active resellers, read only when an indirect provider needs them.
pub async fn resellers(state: &AppState, caller: &Caller) -> Result<Vec<Partner>, ApiError> {
    if caller.kind() == PartnerKind::IndirectProvider {
        Ok(state.store.resellers_of(caller.partner_id()).await?)
    } else {
        Ok(Vec::new())
    }
}

/// Checks that `reseller` is one of `resellers`.
pub fn check_associated(reseller: Option<PartnerId>, resellers: &[Partner]) -> Result<(), FieldError> {
    match reseller {
        Some(id) if !resellers.iter().any(|r| r.id == id) => {
            Err(FieldError::new(Field::AssociatedPartnerId, Rule::ResellerUnknown))
        }
        _ => Ok(()),
    }
}

/// Attaches each line's reseller.
pub fn resolve(
    items: Vec<NewLineItem>,
    associated: Option<PartnerId>,
    caller: &Caller,
    resellers: &[Partner],
) -> Result<Vec<OrderLine>, Vec<FieldError>> {
    let reference = |p: &Partner| ResellerRef {
        id: p.id,
        mpn_id: p.mpn_id.clone(),
    };
    let default = associated
        .and_then(|id| resellers.iter().find(|r| r.id == id))
        .map(reference);
    let mut errors = Vec::new();
    let mut lines = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let reseller = match item.partner_id_on_record.as_deref() {
            None => default.clone(),
            Some(mpn) if mpn == caller.0.partner.mpn_id => {
                errors.push(FieldError::new(
                    Field::PartnerIdOnRecord(i),
                    Rule::PartnerOnRecordIsProvider,
                ));
                None
            }
            Some(mpn) => match resellers.iter().find(|r| r.mpn_id == mpn) {
                Some(r) => Some(reference(r)),
                None => {
                    errors.push(FieldError::new(
                        Field::PartnerIdOnRecord(i),
                        Rule::ResellerUnknown,
                    ));
                    None
                }
            },
        };
        lines.push(OrderLine { item, reseller });
    }
    if errors.is_empty() { Ok(lines) } else { Err(errors) }
}
