//! Customers: onboarding (the customer, its admin user, the agreement acceptance and the
//! first order, in one transaction, once), the checks of the wizard's account step, and
//! billing profile changes.

use std::sync::Arc;

use partnerdesk_domain::agreement::{Agreement, AgreementAcceptance};
use partnerdesk_domain::billing::Markups;
use partnerdesk_domain::catalog::Catalog;
use partnerdesk_domain::customer::{BillingDetails, Customer, CustomerContext, NewCustomer};
use partnerdesk_domain::draft::AccountForm;
use partnerdesk_domain::onboarding::Onboarding;
use partnerdesk_domain::order::NewLineItem;
use partnerdesk_domain::partner::{Partner, PartnerKind, Permission};
use partnerdesk_domain::subscription::Subscription;
use partnerdesk_domain::tenant_domain::TenantDomain;
use partnerdesk_domain::{CustomerId, Field, FieldError, PartnerId, Rule};
use partnerdesk_secrets as secrets;
use partnerdesk_store::{Conflict, CustomerPage, CustomerQuery, CustomerResults, CustomerView, StoreError};
use serde::Serialize;
use time::OffsetDateTime;

use crate::app::idempotency::{Created, RequestKey, lost_race, replay};
use crate::app::{AppError, Caller, sellers};
use crate::state::AppState;

/// A new customer as parsed by the domain's rules: each part, or what was wrong with it.
pub struct NewCustomerRequest {
    pub customer: Result<NewCustomer, Vec<FieldError>>,
    /// The agreement acceptance, if one was given.
    pub acceptance: Result<Option<AgreementAcceptance>, Vec<FieldError>>,
    /// The first order's lines (none for a plain create).
    pub items: Result<Vec<NewLineItem>, Vec<FieldError>>,
    /// Whether the request orders anything (even lines that couldn't be checked).
    pub ordering: bool,
}

/// The context a new customer is checked in: the cloud's profile and the caller.
pub fn context<'a>(state: &'a AppState, caller: &'a Caller) -> CustomerContext<'a> {
    CustomerContext {
        profile: &state.settings.profile,
        partner_kind: caller.kind(),
        partner_domains: &caller.principal.partner_domains,
    }
}

/// What an onboarding made, for its answer.
pub struct Onboarded<R> {
    /// The caller's rendering of the new customer.
    pub answer: R,
    /// The admin's temporary password: shown once, then only sealed with the request key.
    pub password: String,
}

/// Creates the customer with everything the request carries, once per `key`. `render`
/// makes the answer (kept for retries) from what will be written.
pub async fn onboard<R: Serialize>(
    state: &AppState,
    caller: &Caller,
    request: NewCustomerRequest,
    key: Option<RequestKey>,
    render: impl FnOnce(&Onboarding) -> R,
) -> Result<Created<Onboarded<R>>, AppError> {
    caller.require(Permission::AddCustomer)?;
    let partner = caller.partner_id();
    if let Some(replayed) = replay(state, partner, key.as_ref()).await? {
        return Ok(Created::Replayed(replayed));
    }
    let catalog = state.store.catalog().await?;
    let onboarding = checked(state, caller, request, &catalog).await?;
    let domain = onboarding.customer.domain.clone();
    let answer = render(&onboarding);
    let password = secrets::generate_password();
    let sealed = match &key {
        Some(k) => Some(k.seal(state, partner, &password).await?),
        None => None,
    };
    let record = key
        .as_ref()
        .map(|k| k.record(partner, 201, &answer, sealed))
        .transpose()?;
    let hash = secrets::hash_generated_password(&password);
    match state
        .store
        .onboard_customer(onboarding, hash, record, caller.actor())
        .await
    {
        Ok(()) => {
            metrics::counter!("customers_created_total").increment(1);
            Ok(Created::New(Onboarded { answer, password }))
        }
        Err(StoreError::Conflict(Conflict::Domain)) => Err(AppError::DomainTaken(domain)),
        Err(StoreError::Conflict(Conflict::RequestId)) => lost_race(state, partner, key.as_ref()).await,
        Err(e) => Err(e.into()),
    }
}

/// The onboarding the request describes, or every problem with it at once.
async fn checked(
    state: &AppState,
    caller: &Caller,
    request: NewCustomerRequest,
    catalog: &Catalog,
) -> Result<Onboarding, AppError> {
    let mut errors = Vec::new();
    let customer = request.customer.map_err(|e| errors.extend(e)).ok();
    let acceptance = request.acceptance.map_err(|e| errors.extend(e)).ok();
    let items = request.items.map_err(|e| errors.extend(e)).ok();
    if request.ordering && state.settings.profile.agreement_required && matches!(acceptance, Some(None)) {
        errors.push(FieldError::new(Field::LineItems, Rule::AgreementRequired));
    }
    let associated = customer.as_ref().and_then(|c| c.associated_partner_id);
    let names_reseller = items.iter().flatten().any(|i| i.partner_id_on_record.is_some());
    let resellers = if associated.is_some() || names_reseller {
        sellers::resellers(state, caller).await?
    } else {
        Vec::new()
    };
    if let Err(e) = sellers::check_associated(associated, &resellers) {
        errors.push(e);
    }
    let lines = items.and_then(|items| {
        sellers::resolve(items, associated, caller, &resellers)
            .map_err(|e| errors.extend(e))
            .ok()
    });
    match (customer, acceptance, lines) {
        (Some(customer), Some(acceptance), Some(lines)) if errors.is_empty() => {
            // A new customer has no rules of its own yet: the partner's general ones apply.
            let markups = if lines.is_empty() {
                Markups::default()
            } else {
                state.store.markups(caller.partner_id(), None).await?
            };
            let now = OffsetDateTime::now_utc();
            Onboarding::new(
                customer,
                acceptance,
                lines,
                (catalog, &markups),
                caller.seller(),
                now,
            )
            .map_err(AppError::Invalid)
        }
        _ => Err(AppError::Invalid(errors)),
    }
}

/// The wizard's account step: the domain's rules, then what needs the database (the
/// domain is free, the reseller is one of the caller's).
pub async fn check_account(state: &AppState, caller: &Caller, account: &AccountForm) -> Result<(), AppError> {
    caller.require(Permission::AddCustomer)?;
    let mut errors = match account.check(&context(state, caller), OffsetDateTime::now_utc()) {
        Ok(_) => Vec::new(),
        Err(errors) => errors,
    };
    if let Ok(domain) = TenantDomain::parse(&account.domain_prefix, &state.settings.profile.domain_suffix)
        && state.store.domain_taken(domain.as_str()).await?
    {
        errors.push(FieldError::new(Field::DomainPrefix, Rule::DomainTaken));
    }
    if let Ok(reseller) = account.associated_partner_id.trim().parse::<PartnerId>()
        && let Err(e) = sellers::check_associated(Some(reseller), &sellers::resellers(state, caller).await?)
    {
        errors.push(e);
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Invalid(errors))
    }
}

/// Whether a tenant domain prefix is free: `Ok(domain)` when it is, `Err(Some(domain))`
/// when it is taken, `Err(None)` when it isn't a valid prefix.
pub async fn domain_free(state: &AppState, prefix: &str) -> Result<Result<String, Option<String>>, AppError> {
    match TenantDomain::parse(prefix, &state.settings.profile.domain_suffix) {
        Err(_) => Ok(Err(None)),
        Ok(domain) if state.store.domain_taken(domain.as_str()).await? => Ok(Err(Some(domain.to_string()))),
        Ok(domain) => Ok(Ok(domain.to_string())),
    }
}

/// A customer of the caller's.
pub async fn customer(state: &AppState, caller: &Caller, id: CustomerId) -> Result<Customer, AppError> {
    caller.require(Permission::ViewCustomers)?;
    Ok(state.store.customer(caller.partner_id(), id).await?)
}

/// Replaces a customer's billing profile if it is still at `expected_version`. The
/// country can't change.
pub async fn update_billing_profile(
    state: &AppState,
    caller: &Caller,
    id: CustomerId,
    details: Result<BillingDetails, Vec<FieldError>>,
    expected_version: i64,
) -> Result<Customer, AppError> {
    caller.require(Permission::EditBillingProfile)?;
    let details = details.map_err(AppError::Invalid)?;
    Ok(state
        .store
        .update_billing_profile(caller.partner_id(), id, details, expected_version, caller.actor())
        .await?)
}

/// The catalog, shared.
pub async fn catalog(state: &AppState) -> Result<Arc<Catalog>, AppError> {
    Ok(state.store.catalog().await?)
}

/// A page of the caller's customers.
pub async fn list(state: &AppState, caller: &Caller, query: CustomerQuery) -> Result<CustomerPage, AppError> {
    caller.require(Permission::ViewCustomers)?;
    Ok(state.store.list_customers(caller.partner_id(), query).await?)
}

/// A page of the caller's customers in `view`, `offset` rows in, with the view's total.
pub async fn find(
    state: &AppState,
    caller: &Caller,
    view: CustomerView,
    offset: u32,
    limit: u32,
) -> Result<CustomerResults, AppError> {
    caller.require(Permission::ViewCustomers)?;
    Ok(state
        .store
        .find_customers(caller.partner_id(), view, offset, limit)
        .await?)
}

/// The partner whose customers the caller may export: those it may view.
pub fn exportable(caller: &Caller) -> Result<PartnerId, AppError> {
    caller.require(Permission::ViewCustomers)?;
    Ok(caller.partner_id())
}

/// The partners a caller's customers may be associated with, by id: a provider's
/// resellers, a reseller's providers.
pub async fn related_partners(
    state: &AppState,
    caller: &Caller,
) -> Result<Vec<(PartnerId, String)>, AppError> {
    let partner = caller.partner_id();
    let related = match caller.kind() {
        PartnerKind::IndirectProvider => state.store.resellers_of(partner).await?,
        PartnerKind::IndirectReseller => state.store.providers_of(partner).await?,
        PartnerKind::Direct => Vec::new(),
    };
    Ok(related.into_iter().map(|p| (p.id, p.name)).collect())
}

/// A customer with its agreement acceptances and subscriptions.
pub struct Overview {
    pub customer: Customer,
    pub agreements: Vec<Agreement>,
    pub subscriptions: Vec<Subscription>,
}

pub async fn overview(state: &AppState, caller: &Caller, id: CustomerId) -> Result<Overview, AppError> {
    let customer = customer(state, caller, id).await?;
    let partner = caller.partner_id();
    Ok(Overview {
        customer,
        agreements: state.store.agreements(partner, id, None).await?,
        subscriptions: state.store.subscriptions(partner, id, None).await?,
    })
}

/// The indirect resellers a customer of the caller's is associated with, as the caller
/// may see them: a provider its reseller of the customer, a reseller itself.
pub async fn resellers(state: &AppState, caller: &Caller, id: CustomerId) -> Result<Vec<Partner>, AppError> {
    let customer = customer(state, caller, id).await?;
    let Some(reseller) = customer.associated_partner_id else {
        return Ok(Vec::new());
    };
    let partner = &caller.principal.partner;
    if partner.id == reseller {
        return Ok(vec![partner.clone()]);
    }
    let resellers = state.store.resellers_of(caller.partner_id()).await?;
    Ok(resellers.into_iter().filter(|r| r.id == reseller).collect())
}
