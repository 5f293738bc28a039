//! The partner's activity log, for those who may read it.

use std::collections::HashMap;

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

/// The caller's users' names by id (their email when they gave none): how entries name
/// the agents they mention.
pub async fn user_names(state: &AppState, caller: &Caller) -> Result<HashMap<String, String>, AppError> {
    caller.require(Permission::ViewActivity)?;
    let users = state.store.partner_users(caller.partner_id()).await?;
    Ok(users
        .into_iter()
        .map(|u| (u.id.to_string(), u.display_name().to_owned()))
        .collect())
}
