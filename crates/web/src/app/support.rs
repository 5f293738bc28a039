//! Support: the partner's support profile, and service requests as customers open and
//! follow them in the customer portal and as partners' agents work them in the portal and
//! through the API.

use partnerdesk_domain::partner::{PartnerKind, Permission};
use partnerdesk_domain::support::{
    NewRequest, NewRequestInput, RequestStatus, SupportProfile, Visibility, parse_note,
};
use partnerdesk_domain::{CustomerId, Field, FieldError, PartnerId, PartnerUserId, Rule};
use partnerdesk_store::{Conflict, OpenRequest, RequestQuery, ServiceRequest, StoreError, SupportViewer};
use serde::Serialize;
use time::OffsetDateTime;

use crate::app::idempotency::{Created, RequestKey, lost_race, replay};
use crate::app::{AppError, Caller, CustomerCaller, customers};
use crate::state::AppState;

/// What a request that the caller can't see answers.
pub const NOT_FOUND: &str = "api-service-request-not-found";

fn not_found(e: StoreError) -> AppError {
    AppError::not_found_as(NOT_FOUND)(e)
}

/// The caller's partner's support profile, if it published one. Every agent may read it.
pub async fn profile(state: &AppState, caller: &Caller) -> Result<Option<SupportProfile>, AppError> {
    Ok(state.store.support_profile(caller.partner_id()).await?)
}

/// Publishes the caller's partner's support profile.
pub async fn set_profile(
    state: &AppState,
    caller: &Caller,
    input: &SupportProfile,
) -> Result<SupportProfile, AppError> {
    caller.require(Permission::ManageSupportProfile)?;
    let profile = SupportProfile::parse(input).map_err(AppError::Invalid)?;
    state
        .store
        .set_support_profile(caller.partner_id(), profile.clone(), caller.actor())
        .await?;
    Ok(profile)
}

/// The partners the signed-in customer can address a request to, with their support
/// profiles (what the customer portal shows as "how to get support").
pub async fn contacts(
    state: &AppState,
    caller: &CustomerCaller,
) -> Result<Vec<(PartnerId, String, Option<SupportProfile>)>, AppError> {
    Ok(state.store.support_partners(caller.user.customer_id).await?)
}

/// Opens a request as the signed-in customer's admin, addressed to `partner` (a partner id
/// among [`contacts`]; may be empty when there is only one).
pub async fn open_as_customer(
    state: &AppState,
    caller: &CustomerCaller,
    input: &NewRequestInput,
    partner: &str,
) -> Result<i64, AppError> {
    let partners = contacts(state, caller).await?;
    let chosen = match (partner.trim(), partners.as_slice()) {
        ("", [only]) => Ok(only.0),
        ("", _) => Err(Rule::Required),
        (id, _) => id
            .parse::<PartnerId>()
            .ok()
            .filter(|id| partners.iter().any(|p| p.0 == *id))
            .ok_or(Rule::PartnerUnknown),
    };
    let request = NewRequest::parse(input);
    let (partner, request) = match (chosen, request) {
        (Ok(partner), Ok(request)) => (partner, request),
        (chosen, request) => {
            let mut errors = chosen
                .err()
                .map(|rule| vec![FieldError::new(Field::Partner, rule)])
                .unwrap_or_default();
            errors.extend(request.err().unwrap_or_default());
            return Err(AppError::Invalid(errors));
        }
    };
    let name = caller.user.user_name.clone();
    let open = opening(state, caller.user.customer_id, partner, request, name, false);
    Ok(state
        .store
        .open_service_request(open, None, caller.actor())
        .await?)
}

/// Opens a request on behalf of one of the caller's customers, addressed to the caller's
/// partner, once per `key`; the answer is `render` of the request.
pub async fn open_as_partner<R: Serialize>(
    state: &AppState,
    caller: &Caller,
    customer: CustomerId,
    input: &NewRequestInput,
    key: Option<RequestKey>,
    render: impl Fn(&ServiceRequest) -> R + Clone + Send + Sync + 'static,
) -> Result<Created<R>, AppError> {
    caller.require(Permission::WorkSupport)?;
    let partner = caller.partner_id();
    if let Some(replayed) = replay(state, partner, key.as_ref()).await? {
        return Ok(Created::Replayed(replayed));
    }
    customers::customer(state, caller, customer).await?;
    let request = NewRequest::parse(input).map_err(AppError::Invalid)?;
    let email = caller.principal.user.email.clone();
    let open = opening(state, customer, partner, request, email, true);
    let claim = key
        .as_ref()
        .map(|k| k.claim(partner, 201, render.clone()))
        .transpose()?;
    match state
        .store
        .open_service_request(open, claim, caller.actor())
        .await
    {
        Ok(id) => {
            let opened = state
                .store
                .service_request(SupportViewer::Partner(partner), id)
                .await?;
            Ok(Created::New(render(&opened)))
        }
        Err(StoreError::Conflict(Conflict::RequestId)) => lost_race(state, partner, key.as_ref()).await,
        Err(e) => Err(e.into()),
    }
}

fn opening(
    state: &AppState,
    customer: CustomerId,
    partner: PartnerId,
    request: NewRequest,
    opened_by: String,
    by_partner: bool,
) -> OpenRequest {
    let now = OffsetDateTime::now_utc();
    let targets = state.settings.support_targets;
    OpenRequest {
        customer,
        partner,
        first_response_due: targets.first_response_due(request.severity, now),
        resolution_due: targets.resolution_due(request.severity, now),
        request,
        contact_email: opened_by.clone(),
        opened_by,
        by_partner,
    }
}

/// A page of the requests on the caller's queue.
pub async fn queue(
    state: &AppState,
    caller: &Caller,
    query: RequestQuery,
) -> Result<Vec<ServiceRequest>, AppError> {
    caller.require(Permission::ViewSupport)?;
    Ok(state
        .store
        .service_requests(SupportViewer::Partner(caller.partner_id()), query)
        .await?)
}

/// A page of the signed-in customer's requests.
pub async fn customer_requests(
    state: &AppState,
    caller: &CustomerCaller,
    query: RequestQuery,
) -> Result<Vec<ServiceRequest>, AppError> {
    let viewer = SupportViewer::Customer(caller.user.customer_id);
    Ok(state.store.service_requests(viewer, query).await?)
}

/// Whose eyes a request is read with: a partner's or the customer's.
#[derive(Clone, Copy)]
pub enum Reader<'a> {
    Partner(&'a Caller),
    Customer(&'a CustomerCaller),
}

impl Reader<'_> {
    fn viewer(&self) -> SupportViewer {
        match self {
            Reader::Partner(c) => SupportViewer::Partner(c.partner_id()),
            Reader::Customer(c) => SupportViewer::Customer(c.user.customer_id),
        }
    }

    fn actor(&self) -> partnerdesk_domain::audit::Actor {
        match self {
            Reader::Partner(c) => c.actor(),
            Reader::Customer(c) => c.actor(),
        }
    }

    fn require(&self, permission: Permission) -> Result<(), AppError> {
        match self {
            Reader::Partner(c) => c.require(permission),
            Reader::Customer(_) => Ok(()),
        }
    }
}

/// One request with its thread as the reader may see it.
pub async fn request(state: &AppState, reader: Reader<'_>, id: i64) -> Result<ServiceRequest, AppError> {
    reader.require(Permission::ViewSupport)?;
    state
        .store
        .service_request(reader.viewer(), id)
        .await
        .map_err(not_found)
}

/// Adds a note. Customers' notes are public; a partner chooses who reads it.
pub async fn add_note(
    state: &AppState,
    reader: Reader<'_>,
    id: i64,
    text: &str,
    visibility: Visibility,
) -> Result<ServiceRequest, AppError> {
    reader.require(Permission::WorkSupport)?;
    let text = parse_note(text).map_err(AppError::Invalid)?;
    let visibility = match reader {
        Reader::Customer(_) => Visibility::Public,
        Reader::Partner(_) => visibility,
    };
    state
        .store
        .add_service_request_note(reader.viewer(), id, visibility, text, reader.actor())
        .await
        .map_err(not_found)
}

/// Moves a request to `status`: a customer closes or reopens; a partner also waits for
/// the customer.
pub async fn set_status(
    state: &AppState,
    reader: Reader<'_>,
    id: i64,
    status: &str,
) -> Result<ServiceRequest, AppError> {
    reader.require(Permission::WorkSupport)?;
    let status = RequestStatus::parse(status)
        .map_err(|rule| AppError::field(FieldError::new(Field::RequestStatus, rule)))?;
    state
        .store
        .set_service_request_status(reader.viewer(), id, status, reader.actor())
        .await
        .map_err(not_found)
}

/// Assigns the caller's work on a request to one of its admin or helpdesk agents (an id;
/// empty: nobody).
pub async fn assign(
    state: &AppState,
    caller: &Caller,
    id: i64,
    assignee: &str,
) -> Result<ServiceRequest, AppError> {
    caller.require(Permission::WorkSupport)?;
    let unknown = || AppError::field(FieldError::new(Field::Assignee, Rule::AssigneeUnknown));
    let assignee = match assignee.trim() {
        "" => None,
        raw => {
            let user: PartnerUserId = raw.parse().map_err(|_| unknown())?;
            let agents = agents(state, caller).await?;
            if !agents.iter().any(|(id, _)| *id == user) {
                return Err(unknown());
            }
            Some(user)
        }
    };
    state
        .store
        .assign_service_request(caller.partner_id(), id, assignee, caller.actor())
        .await
        .map_err(not_found)
}

/// The caller's active agents who may work requests, by email: whom a request can be
/// assigned to.
pub async fn agents(state: &AppState, caller: &Caller) -> Result<Vec<(PartnerUserId, String)>, AppError> {
    let users = state.store.partner_users(caller.partner_id()).await?;
    Ok(users
        .into_iter()
        .filter(|u| {
            u.active && partnerdesk_domain::partner::allowed(caller.kind(), u.role, Permission::WorkSupport)
        })
        .map(|u| (u.id, u.email))
        .collect())
}

/// The provider the caller may escalate `request` to, by name: the indirect provider it
/// sells this customer through, while the request is addressed to the caller (an indirect
/// reseller) and wasn't escalated yet.
pub async fn escalation_target(
    state: &AppState,
    caller: &Caller,
    request: &ServiceRequest,
) -> Result<Option<String>, AppError> {
    let addressed_here = request.partner_id == caller.partner_id() && request.escalated_to.is_none();
    if !addressed_here
        || caller.kind() != PartnerKind::IndirectReseller
        || !caller.can(Permission::WorkSupport)
    {
        return Ok(None);
    }
    let customer = state
        .store
        .customer(caller.partner_id(), request.customer_id)
        .await?;
    let Some(provider) = customer.associated_partner_id else {
        return Ok(None);
    };
    let providers = state.store.providers_of(caller.partner_id()).await?;
    Ok(providers.into_iter().find(|p| p.id == provider).map(|p| p.name))
}

/// Escalates a request addressed to the caller (an indirect reseller) to its indirect
/// provider, with `reason` for the partners' eyes only.
pub async fn escalate(
    state: &AppState,
    caller: &Caller,
    id: i64,
    reason: &str,
) -> Result<ServiceRequest, AppError> {
    caller.require(Permission::WorkSupport)?;
    let reason = parse_note(reason).map_err(AppError::Invalid)?;
    state
        .store
        .escalate_service_request(caller.partner_id(), id, reason, caller.actor())
        .await
        .map_err(not_found)?
        .ok_or_else(|| AppError::field(FieldError::new(Field::Escalate, Rule::EscalationUnavailable)))
}
