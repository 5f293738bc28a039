//! Support: the partner's support profile, and service requests as customers open and
//! follow them in the customer portal and as partners' agents work them in the portal and
//! through the API.

use partnerdesk_domain::attachment::{Attachment, Upload};
use partnerdesk_domain::audit::Actor;
use partnerdesk_domain::mail::{Mail, MailKind};
use partnerdesk_domain::partner::{PartnerKind, Permission};
use partnerdesk_domain::subscription::Subscription;
use partnerdesk_domain::support::{
    NewRequest, NewRequestInput, RequestStatus, SupportProfile, Visibility, parse_note, support_staff_locale,
};
use partnerdesk_domain::{CustomerId, Field, FieldError, Locale, PartnerId, PartnerUserId, Rule};
use partnerdesk_store::{
    Conflict, OpenRequest, OutboxMessage, REQUEST_NUMBER, RequestFile, RequestQuery, ServiceRequest,
    StoreError, SupportViewer,
};
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

/// The newest mail the caller's partner's changes wrote, sent or waiting (admin agents).
pub async fn outbox(state: &AppState, caller: &Caller, limit: u32) -> Result<Vec<OutboxMessage>, AppError> {
    caller.require(Permission::ManageSupportProfile)?;
    Ok(state
        .store
        .outbox(Some(caller.partner_id()), false, limit)
        .await?)
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
    files: Vec<Upload>,
    key: Option<RequestKey>,
) -> Result<i64, AppError> {
    let customer = caller.user.customer_id;
    let partners = contacts(state, caller).await?;
    let subscriptions = state.store.customer_subscriptions(customer).await?;
    let about = pick(&subscriptions, &input.subscription, |_| true);
    let seller = about
        .as_ref()
        .ok()
        .copied()
        .flatten()
        .map(|s| s.reseller_id.unwrap_or(s.partner_id));
    let chosen = match (partner.trim(), seller, partners.as_slice()) {
        ("", Some(seller), _) => Ok(seller),
        ("", None, [only]) => Ok(only.0),
        ("", None, _) => Err(FieldError::new(Field::Partner, Rule::Required)),
        (id, seller, _) => match id
            .parse::<PartnerId>()
            .ok()
            .filter(|id| partners.iter().any(|p| p.0 == *id))
        {
            None => Err(FieldError::new(Field::Partner, Rule::PartnerUnknown)),
            Some(id) if seller.is_some_and(|s| s != id) => Err(FieldError::new(
                Field::Subscription,
                Rule::SubscriptionOfOtherPartner,
            )),
            Some(id) => Ok(id),
        },
    };
    let chosen = chosen.map_err(|e| vec![e]);
    let ((partner, about), (request, attachments)) =
        both(both(chosen, about), checked(state, input, files)).map_err(AppError::Invalid)?;
    let opened = match replay(state, partner, key.as_ref()).await? {
        Some(replayed) => Created::Replayed(replayed),
        None => {
            let name = caller.user.user_name.clone();
            let mut open = opening(state, customer, partner, request, name, false).await?;
            open.attachments = attachments;
            open.subscription = about.map(|s| (s.id, s.offer_id.clone()));
            open_once(state, open, key, caller.actor(), |r| r.id).await?
        }
    };
    match opened {
        Created::New(number) => Ok(number),
        Created::Replayed(replayed) => serde_json::from_str(&replayed.body)
            .map_err(|_| AppError::Internal("a kept answer that isn't a request number".into())),
    }
}

/// Opens `open` once per `key`, kept with the partner it is addressed to; the answer is
/// `render` of the request as that partner sees it.
async fn open_once<R: Serialize>(
    state: &AppState,
    open: OpenRequest,
    key: Option<RequestKey>,
    actor: Actor,
    render: impl Fn(&ServiceRequest) -> R + Clone + Send + Sync + 'static,
) -> Result<Created<R>, AppError> {
    let partner = open.partner;
    let claim = key
        .as_ref()
        .map(|k| k.claim(partner, 201, render.clone()))
        .transpose()?;
    match state.store.open_service_request(open, claim, actor).await {
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

/// Opens a request on behalf of one of the caller's customers, addressed to the caller's
/// partner, once per `key`; the answer is `render` of the request.
pub async fn open_as_partner<R: Serialize>(
    state: &AppState,
    caller: &Caller,
    customer: CustomerId,
    input: &NewRequestInput,
    files: Vec<Upload>,
    key: Option<RequestKey>,
    render: impl Fn(&ServiceRequest) -> R + Clone + Send + Sync + 'static,
) -> Result<Created<R>, AppError> {
    caller.require(Permission::WorkSupport)?;
    let partner = caller.partner_id();
    if let Some(replayed) = replay(state, partner, key.as_ref()).await? {
        return Ok(Created::Replayed(replayed));
    }
    customers::customer(state, caller, customer).await?;
    let subscriptions = state.store.customer_subscriptions(customer).await?;
    let about = pick(&subscriptions, &input.subscription, |s| sells(partner, s));
    let (about, (request, attachments)) =
        both(about, checked(state, input, files)).map_err(AppError::Invalid)?;
    let email = caller.principal.user.email.clone();
    let mut open = opening(state, customer, partner, request, email, true).await?;
    open.attachments = attachments;
    open.subscription = about.map(|s| (s.id, s.offer_id.clone()));
    open_once(state, open, key, caller.actor(), render).await
}

/// The subscriptions the signed-in customer may say a request is about, with their
/// sellers' names.
pub async fn customer_subscriptions(
    state: &AppState,
    caller: &CustomerCaller,
) -> Result<Vec<(Subscription, String)>, AppError> {
    Ok(state
        .store
        .customer_subscriptions(caller.user.customer_id)
        .await?)
}

/// The customer's subscriptions that the caller's partner sells (directly or as the
/// reseller): what an agent may say a request is about.
pub async fn sold_subscriptions(
    state: &AppState,
    caller: &Caller,
    customer: CustomerId,
) -> Result<Vec<(Subscription, String)>, AppError> {
    let partner = caller.partner_id();
    let mut all = state.store.customer_subscriptions(customer).await?;
    all.retain(|(s, _)| sells(partner, s));
    Ok(all)
}

fn sells(partner: PartnerId, s: &Subscription) -> bool {
    s.partner_id == partner || s.reseller_id == Some(partner)
}

/// The subscription a request is about, typed as its id: one of `subscriptions` that
/// `allowed` takes, or none when nothing is typed.
fn pick<'a>(
    subscriptions: &'a [(Subscription, String)],
    typed: &str,
    allowed: impl Fn(&Subscription) -> bool,
) -> Result<Option<&'a Subscription>, Vec<FieldError>> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    subscriptions
        .iter()
        .map(|(s, _)| s)
        .find(|s| s.id.to_string() == typed && allowed(s))
        .map(Some)
        .ok_or_else(|| vec![FieldError::new(Field::Subscription, Rule::SubscriptionUnknown)])
}

/// Both results, or every error of either.
fn both<A, B>(
    a: Result<A, Vec<FieldError>>,
    b: Result<B, Vec<FieldError>>,
) -> Result<(A, B), Vec<FieldError>> {
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (a, b) => {
            let mut errors = a.err().unwrap_or_default();
            errors.extend(b.err().unwrap_or_default());
            Err(errors)
        }
    }
}

/// The request's fields and its files, checked; every problem at once.
fn checked(
    state: &AppState,
    input: &NewRequestInput,
    files: Vec<Upload>,
) -> Result<(NewRequest, Vec<Attachment>), Vec<FieldError>> {
    let attachments = Attachment::parse_all(files, &state.settings.attachments).map_err(|e| vec![e]);
    both(NewRequest::parse(input), attachments)
}

/// A new request with its targets, its customer contact (the billing profile's email, in
/// the customer's language), and — when a customer opens it — the mail to the partner's
/// support address.
async fn opening(
    state: &AppState,
    customer: CustomerId,
    partner: PartnerId,
    request: NewRequest,
    opened_by: String,
    by_partner: bool,
) -> Result<OpenRequest, AppError> {
    let now = OffsetDateTime::now_utc();
    let targets = state.settings.support_targets;
    let record = state.store.customer(partner, customer).await?;
    let contact_locale = Locale::closest(&record.billing.culture)
        .or_else(|| Locale::closest(&record.billing.language))
        .unwrap_or(Locale::EnUs);
    let mut mails = Vec::new();
    let inbox = if by_partner {
        None
    } else {
        support_inbox(&state.store, partner).await?
    };
    if let Some((to, locale)) = inbox {
        let severity = crate::i18n::text(locale, &format!("severity-{}", request.severity));
        mails.push(
            Mail::new(MailKind::ServiceRequestOpened, &to, locale, partner)
                .arg("number", REQUEST_NUMBER)
                .arg("title", &request.title)
                .arg("severity", severity)
                .arg("customer", &record.company_name)
                .arg(
                    "link",
                    format!("{}/support/{REQUEST_NUMBER}", state.settings.public_url),
                ),
        );
    }
    Ok(OpenRequest {
        customer,
        partner,
        first_response_due: targets.first_response_due(request.severity, now),
        resolution_due: targets.resolution_due(request.severity, now),
        request,
        contact_email: record.billing.email,
        contact_locale,
        opened_by,
        by_partner,
        mails,
        attachments: Vec::new(),
        subscription: None,
    })
}

/// The mail that tells a request's customer contact what its partner did (`note`: the
/// answer), with the partner's support contact.
async fn to_customer(
    desk: Desk<'_>,
    request: &ServiceRequest,
    kind: MailKind,
    note: Option<&str>,
) -> Result<Mail, AppError> {
    let profile = desk.store.support_profile(request.partner_id).await?;
    let contact = profile
        .map(|p| {
            [p.email, p.telephone]
                .into_iter()
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    let mut mail = Mail::new(
        kind,
        &request.contact_email,
        request.contact_locale,
        request.partner_id,
    )
    .arg("number", request.id)
    .arg("title", &request.title)
    .arg("partner", &request.partner_name)
    .arg("contact", contact)
    .arg(
        "link",
        format!("{}/customer/support/{}", desk.public_url, request.id),
    );
    if let Some(note) = note {
        mail = mail.arg("note", note);
    }
    Ok(mail)
}

/// The mails that tell those working `request` what its customer did (`note`: its
/// answer): each partner on it (the one it is addressed to, the provider it was escalated
/// to) at its support address, and the operator once it was escalated to it.
async fn to_workers(
    desk: Desk<'_>,
    request: &ServiceRequest,
    kind: MailKind,
    note: Option<&str>,
) -> Result<Vec<Mail>, AppError> {
    let told = |to: &str, locale: Locale, partner: PartnerId, link: String| {
        let mail = Mail::new(kind, to, locale, partner)
            .arg("number", request.id)
            .arg("title", &request.title)
            .arg("customer", &request.company_name)
            .arg("link", link);
        match note {
            Some(note) => mail.arg("note", note),
            None => mail,
        }
    };
    let top = request.escalated_to.as_ref().map(|(provider, _)| *provider);
    let mut mails = Vec::new();
    for partner in std::iter::once(request.partner_id).chain(top) {
        if let Some((to, locale)) = support_inbox(desk.store, partner).await? {
            let link = format!("{}/support/{}", desk.public_url, request.id);
            mails.push(told(&to, locale, partner, link));
        }
    }
    if let (Some(_), Some(to)) = (request.escalated_to_operator, desk.operator_email) {
        let partner = top.unwrap_or(request.partner_id);
        mails.push(told(to, Locale::EnUs, partner, String::new()));
    }
    Ok(mails)
}

/// Where `partner` reads support mail, and in which language: its published support
/// address, in the language its support staff read; none without one.
async fn support_inbox(
    store: &partnerdesk_store::Store,
    partner: PartnerId,
) -> Result<Option<(String, Locale)>, AppError> {
    let address = store.support_profile(partner).await?.map(|p| p.email);
    let Some(to) = address.filter(|e| !e.is_empty()) else {
        return Ok(None);
    };
    let kind = store.partner(partner).await?.kind;
    let locale = support_staff_locale(kind, &store.partner_users(partner).await?, &to);
    Ok(Some((to, locale)))
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

/// Whose eyes a request is read with: a partner's, the customer's, or the operator's (at
/// the command line, named as the actor says).
#[derive(Clone, Copy)]
pub enum Reader<'a> {
    Partner(&'a Caller),
    Customer(&'a CustomerCaller),
    Operator(&'a Actor),
}

impl Reader<'_> {
    fn viewer(&self) -> SupportViewer {
        match self {
            Reader::Partner(c) => SupportViewer::Partner(c.partner_id()),
            Reader::Customer(c) => SupportViewer::Customer(c.user.customer_id),
            Reader::Operator(_) => SupportViewer::Operator,
        }
    }

    fn actor(&self) -> Actor {
        match self {
            Reader::Partner(c) => c.actor(),
            Reader::Customer(c) => c.actor(),
            Reader::Operator(actor) => (*actor).clone(),
        }
    }

    fn require(&self, permission: Permission) -> Result<(), AppError> {
        match self {
            Reader::Partner(c) => c.require(permission),
            Reader::Customer(_) | Reader::Operator(_) => Ok(()),
        }
    }

    /// Whether it reads for a partner or the operator: one who answers the customer.
    fn answers(&self) -> bool {
        !matches!(self, Reader::Customer(_))
    }
}

/// What the use cases that write to a request's customer or its partners need: the store,
/// the address its links lead to and the operator's support address. The server has them
/// in its state; the command line from its configuration.
#[derive(Clone, Copy)]
pub struct Desk<'a> {
    pub store: &'a partnerdesk_store::Store,
    pub public_url: &'a str,
    pub operator_email: Option<&'a str>,
}

impl<'a> From<&'a AppState> for Desk<'a> {
    fn from(state: &'a AppState) -> Self {
        Desk {
            store: &state.store,
            public_url: &state.settings.public_url,
            operator_email: state.settings.operator_email.as_deref(),
        }
    }
}

/// A page of the requests escalated to the operator.
pub async fn operator_queue(
    store: &partnerdesk_store::Store,
    query: RequestQuery,
) -> Result<Vec<ServiceRequest>, AppError> {
    Ok(store.service_requests(SupportViewer::Operator, query).await?)
}

/// One request with its thread as the reader may see it.
pub async fn request(state: &AppState, reader: Reader<'_>, id: i64) -> Result<ServiceRequest, AppError> {
    read(&state.store, reader, id).await
}

/// One request with its thread as the reader may see it, from `store`.
pub async fn read(
    store: &partnerdesk_store::Store,
    reader: Reader<'_>,
    id: i64,
) -> Result<ServiceRequest, AppError> {
    reader.require(Permission::ViewSupport)?;
    store
        .service_request(reader.viewer(), id)
        .await
        .map_err(not_found)
}

/// What a file attached to a request that the reader sees answers when it is unknown.
pub const FILE_NOT_FOUND: &str = "api-service-request-file-not-found";

/// A file attached to a request the reader sees (file numbers count from 1), with its
/// content.
pub async fn file(
    state: &AppState,
    reader: Reader<'_>,
    id: i64,
    seq: i64,
) -> Result<(RequestFile, Vec<u8>), AppError> {
    reader.require(Permission::ViewSupport)?;
    state
        .store
        .service_request_file(reader.viewer(), id, seq)
        .await
        .map_err(AppError::not_found_as(FILE_NOT_FOUND))
}

/// Adds a note. Customers' notes are public; a partner chooses who reads it.
pub async fn add_note(
    desk: impl Into<Desk<'_>>,
    reader: Reader<'_>,
    id: i64,
    text: &str,
    visibility: Visibility,
) -> Result<ServiceRequest, AppError> {
    let desk = desk.into();
    reader.require(Permission::WorkSupport)?;
    let text = parse_note(text).map_err(AppError::Invalid)?;
    let visibility = if reader.answers() {
        visibility
    } else {
        Visibility::Public
    };
    let mails = if !reader.answers() {
        let current = read(desk.store, reader, id).await?;
        to_workers(
            desk,
            &current,
            MailKind::ServiceRequestCustomerAnswered,
            Some(&text),
        )
        .await?
    } else if visibility == Visibility::Public {
        let current = read(desk.store, reader, id).await?;
        vec![to_customer(desk, &current, MailKind::ServiceRequestAnswered, Some(&text)).await?]
    } else {
        Vec::new()
    };
    desk.store
        .add_service_request_note(reader.viewer(), id, visibility, text, mails, reader.actor())
        .await
        .map_err(not_found)
}

/// Moves a request to `status`: a customer closes or reopens; a partner also waits for
/// the customer.
pub async fn set_status(
    desk: impl Into<Desk<'_>>,
    reader: Reader<'_>,
    id: i64,
    status: &str,
) -> Result<ServiceRequest, AppError> {
    let desk = desk.into();
    reader.require(Permission::WorkSupport)?;
    let status = RequestStatus::parse(status)
        .map_err(|rule| AppError::field(FieldError::new(Field::RequestStatus, rule)))?;
    let told = match status {
        RequestStatus::AttentionNeeded => Some(MailKind::ServiceRequestWaiting),
        RequestStatus::Closed => Some(MailKind::ServiceRequestClosed),
        RequestStatus::Open => None,
    };
    let mut mails = Vec::new();
    if let (true, Some(kind)) = (reader.answers(), told) {
        let current = read(desk.store, reader, id).await?;
        if current.status != status {
            mails.push(to_customer(desk, &current, kind, None).await?);
        }
    } else if !reader.answers() && status == RequestStatus::Open {
        let current = read(desk.store, reader, id).await?;
        if current.status == RequestStatus::Closed {
            mails = to_workers(desk, &current, MailKind::ServiceRequestReopened, None).await?;
        }
    }
    desk.store
        .set_service_request_status(reader.viewer(), id, status, mails, reader.actor())
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

/// Whom a request goes to when the caller escalates it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EscalationTarget {
    /// The indirect provider the caller (an indirect reseller) sells the customer through.
    Provider { id: PartnerId, name: String },
    /// The deployment's operator.
    Operator,
}

/// Whom the caller may escalate `request` to, if anyone: an indirect reseller the request
/// addressed to it to its indirect provider; a direct partner or an indirect provider a
/// request addressed or escalated to it, and not yet escalated further, to the operator.
pub async fn escalation_target(
    state: &AppState,
    caller: &Caller,
    request: &ServiceRequest,
) -> Result<Option<EscalationTarget>, AppError> {
    if !caller.can(Permission::WorkSupport) {
        return Ok(None);
    }
    if caller.kind() != PartnerKind::IndirectReseller {
        let top = request
            .escalated_to
            .as_ref()
            .map_or(request.partner_id, |(provider, _)| *provider);
        let open = top == caller.partner_id() && request.escalated_to_operator.is_none();
        return Ok(open.then_some(EscalationTarget::Operator));
    }
    if request.partner_id != caller.partner_id() || request.escalated_to.is_some() {
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
    Ok(providers
        .into_iter()
        .find(|p| p.id == provider)
        .map(|p| EscalationTarget::Provider {
            id: p.id,
            name: p.name,
        }))
}

/// Escalates a request one level up ([`escalation_target`]), with `reason` for the eyes of
/// the partners and the operator only.
pub async fn escalate(
    state: &AppState,
    caller: &Caller,
    id: i64,
    reason: &str,
) -> Result<ServiceRequest, AppError> {
    caller.require(Permission::WorkSupport)?;
    let reason = parse_note(reason).map_err(AppError::Invalid)?;
    let unavailable = || AppError::field(FieldError::new(Field::Escalate, Rule::EscalationUnavailable));
    let current = request(state, Reader::Partner(caller), id).await?;
    let target = escalation_target(state, caller, &current)
        .await?
        .ok_or_else(unavailable)?;
    let mails = escalation_mail(state, &current, target, &reason)
        .await?
        .into_iter()
        .collect();
    state
        .store
        .escalate_service_request(caller.partner_id(), id, reason, mails, caller.actor())
        .await
        .map_err(not_found)?
        .ok_or_else(unavailable)
}

/// The mail that tells `target` what was escalated to it and why: to the provider's
/// support address, or the operator's; none where it has none.
async fn escalation_mail(
    state: &AppState,
    request: &ServiceRequest,
    target: EscalationTarget,
    reason: &str,
) -> Result<Option<Mail>, AppError> {
    let (kind, to, locale, link) = match target {
        EscalationTarget::Provider { id, .. } => {
            let Some((to, locale)) = support_inbox(&state.store, id).await? else {
                return Ok(None);
            };
            let link = format!("{}/support/{}", state.settings.public_url, request.id);
            (MailKind::ServiceRequestEscalated, to, locale, link)
        }
        EscalationTarget::Operator => {
            let Some(to) = state.settings.operator_email.clone() else {
                return Ok(None);
            };
            (
                MailKind::ServiceRequestEscalatedToOperator,
                to,
                Locale::EnUs,
                String::new(),
            )
        }
    };
    let (by_id, by) = request
        .escalated_to
        .clone()
        .unwrap_or((request.partner_id, request.partner_name.clone()));
    Ok(Some(
        Mail::new(kind, &to, locale, by_id)
            .arg("number", request.id)
            .arg("title", &request.title)
            .arg("customer", &request.company_name)
            .arg("partner", by)
            .arg("note", reason)
            .arg("link", link),
    ))
}
