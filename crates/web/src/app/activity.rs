//! The partner's activity log, for those who may read it.

use partnerdesk_domain::audit::Event;
use partnerdesk_domain::partner::Permission;
use partnerdesk_store::ActivityQuery;

use crate::app::{AppError, Caller};
use crate::state::AppState;

/// Entries of the caller's log, newest first.
pub async fn list(state: &AppState, caller: &Caller, query: ActivityQuery) -> Result<Vec<Event>, AppError> {
    caller.require(Permission::ViewActivity)?;
    Ok(state.store.activity(caller.partner_id(), query).await?)
}
