//! A customer's users as its partners see them, and the temporary password a partner gives
//! one who is locked out or forgot theirs.

use partnerdesk_domain::partner::Permission;
use partnerdesk_domain::{CustomerId, CustomerUserId};
use partnerdesk_secrets as secrets;
use partnerdesk_store::CustomerAccount;

use crate::app::{AppError, Caller};
use crate::state::AppState;

/// The users of a customer of the caller's.
pub async fn list(
    state: &AppState,
    caller: &Caller,
    customer: CustomerId,
) -> Result<Vec<CustomerAccount>, AppError> {
    caller.require(Permission::ViewCustomers)?;
    Ok(state
        .store
        .customer_accounts(caller.partner_id(), customer)
        .await?)
}

/// Gives a user of a customer of the caller's a new temporary password, to be changed at
/// the next sign-in, and signs the user out everywhere. Returns the password: shown once,
/// stored only as its hash.
pub async fn reset_password(
    state: &AppState,
    caller: &Caller,
    customer: CustomerId,
    user: CustomerUserId,
) -> Result<String, AppError> {
    caller.require(Permission::ResetCustomerPassword)?;
    let password = secrets::generate_password();
    let hash = secrets::hash_generated_password(&password);
    state
        .store
        .reset_customer_password(caller.partner_id(), customer, user, hash, caller.actor())
        .await?;
    Ok(password)
}
