//! Support: partners' support profiles (`support_profiles`) and service requests
//! (`service_requests`, the partners on each in `service_request_parties`, the thread in
//! `service_request_notes`). Who sees a request is decided here, in SQL, once: the
//! customer that opened it and the partners on it; anyone else gets `NotFound`.

use partnerdesk_domain::attachment::Attachment;
use partnerdesk_domain::audit::{Action, Actor, Change};
use partnerdesk_domain::mail::Mail;
use partnerdesk_domain::support::{
    NewRequest, RequestStatus, Severity, Side, SupportProfile, SupportTopic, Visibility,
};
use partnerdesk_domain::{
    CustomerId, Field, FieldError, Locale, OfferId, PartnerId, PartnerUserId, SubscriptionId,
};
use time::OffsetDateTime;

use crate::Store;
use crate::db::{Conn, Row, Value, id, opt_id};
use crate::error::StoreError;
use crate::ops::charges::corrupt;
use crate::ops::idempotency::Claim;
use crate::ops::{activity, outbox};

/// Whose eyes a request is read with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SupportViewer {
    /// A partner on the request: the one it was addressed to, or one it was escalated to.
    Partner(PartnerId),
    /// The customer that the request is about.
    Customer(CustomerId),
    /// The deployment's operator: the requests escalated to it.
    Operator,
}

impl SupportViewer {
    /// The `party` of the notes this viewer writes.
    fn party(self) -> String {
        match self {
            SupportViewer::Partner(p) => p.to_string(),
            SupportViewer::Customer(_) => CUSTOMER_PARTY.to_owned(),
            SupportViewer::Operator => OPERATOR_PARTY.to_owned(),
        }
    }
}

const CUSTOMER_PARTY: &str = "customer";
const OPERATOR_PARTY: &str = "operator";

/// A service request as its viewer sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceRequest {
    pub id: i64,
    pub customer_id: CustomerId,
    pub company_name: String,
    /// The partner the request was addressed to.
    pub partner_id: PartnerId,
    pub partner_name: String,
    /// The provider it was escalated to.
    pub escalated_to: Option<(PartnerId, String)>,
    /// When it was escalated to the operator.
    pub escalated_to_operator: Option<OffsetDateTime>,
    pub title: String,
    pub description: String,
    pub severity: Severity,
    pub topic: SupportTopic,
    pub status: RequestStatus,
    pub opened_by: String,
    pub contact_email: String,
    pub contact_locale: Locale,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
    pub first_response_at: Option<OffsetDateTime>,
    pub closed_at: Option<OffsetDateTime>,
    pub first_response_due: OffsetDateTime,
    pub resolution_due: OffsetDateTime,
    /// The viewing partner's agent working on it, with their email.
    pub assignee: Option<(PartnerUserId, String)>,
    /// The thread, oldest first; empty in lists.
    pub notes: Vec<Note>,
    /// The attached files; empty in lists.
    pub files: Vec<RequestFile>,
    /// The subscription it is about, with its offer (Partner Center's product).
    pub subscription: Option<(SubscriptionId, OfferId)>,
}

/// A file attached to a request, without its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestFile {
    /// Its number within the request, from 1.
    pub seq: i64,
    pub name: String,
    pub content_type: String,
    pub size: i64,
}

/// One message of a request's thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub author_name: String,
    /// Whether the customer wrote it.
    pub by_customer: bool,
    /// Whether the operator wrote it.
    pub by_operator: bool,
    pub visibility: Visibility,
    pub text: String,
    pub created_at: OffsetDateTime,
}

/// Who a request's queue is filtered to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssigneeFilter {
    Nobody,
    User(PartnerUserId),
}

/// Which requests to list, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequestQuery {
    pub status: Option<RequestStatus>,
    pub severity: Option<Severity>,
    pub customer: Option<CustomerId>,
    pub assignee: Option<AssigneeFilter>,
    /// Only requests past a target at this time.
    pub overdue_at: Option<OffsetDateTime>,
    /// Only requests with a smaller id (the next page).
    pub before: Option<i64>,
    pub limit: u32,
}

/// A new request and what the caller decided about it.
#[derive(Debug, Clone)]
pub struct OpenRequest {
    pub customer: CustomerId,
    /// The partner it is addressed to.
    pub partner: PartnerId,
    pub request: NewRequest,
    /// Who opened it, as the thread names them.
    pub opened_by: String,
    /// Where the partner answers, and in which language.
    pub contact_email: String,
    pub contact_locale: Locale,
    pub first_response_due: OffsetDateTime,
    pub resolution_due: OffsetDateTime,
    /// Whether the partner opened it on the customer's behalf.
    pub by_partner: bool,
    /// The messages opening it sends, written with it.
    pub mails: Vec<Mail>,
    /// The files attached to it, checked.
    pub attachments: Vec<Attachment>,
    /// The subscription it is about, with its offer.
    pub subscription: Option<(SubscriptionId, OfferId)>,
}

/// What a new request's mails say in place of its number, which the store gives.
pub const REQUEST_NUMBER: &str = "{request-number}";

/// The most requests a page holds.
pub const MAX_PAGE: u32 = 200;

/// A request's columns, the names it shows looked up one row at a time (`$2` is `true`):
/// the query joins only the rows it ranges over, so that planning it stays cheap.
const COLUMNS: &str = "r.id, r.customer_id, (SELECT company_name FROM customers WHERE id = r.customer_id) AS company_name, \
    r.partner_id, (SELECT name FROM partners WHERE id = r.partner_id) AS partner_name, \
    (SELECT partner_id FROM service_request_parties WHERE request_id = r.id AND escalated = $2) AS escalated_id, \
    (SELECT ep.name FROM service_request_parties e JOIN partners ep ON ep.id = e.partner_id \
     WHERE e.request_id = r.id AND e.escalated = $2) AS escalated_name, \
    r.title, r.description, r.severity, r.topic_id, r.status, r.opened_by, r.contact_email, r.contact_locale, \
    r.created_at, r.updated_at, r.first_response_at, r.closed_at, r.first_response_due, r.resolution_due, \
    r.subscription_id, r.product_id, r.operator_escalated_at";

/// What a viewer reads: a partner the requests it is on (`me`, an index range over its
/// rows of service_request_parties, newest first) with its assignee; a customer its own
/// requests (an index range over service_requests_customer); the operator those escalated
/// to it (service_requests_operator). `$1` is the viewer (`true` for the operator).
fn from(viewer: SupportViewer) -> String {
    match viewer {
        SupportViewer::Partner(_) => format!(
            "SELECT {COLUMNS}, me.assignee_id, (SELECT email FROM partner_users WHERE id = me.assignee_id) AS assignee_email \
             FROM service_request_parties me JOIN service_requests r ON r.id = me.request_id WHERE me.partner_id = $1"
        ),
        SupportViewer::Customer(_) => format!(
            "SELECT {COLUMNS}, NULL AS assignee_id, NULL AS assignee_email FROM service_requests r WHERE r.customer_id = $1"
        ),
        SupportViewer::Operator => format!(
            "SELECT {COLUMNS}, NULL AS assignee_id, NULL AS assignee_email FROM service_requests r \
             WHERE r.operator_escalated_at IS NOT NULL AND $1"
        ),
    }
}

/// The first two parameters of every read: the viewer, `true`.
fn viewer_params(viewer: SupportViewer) -> [Value<'static>; 2] {
    match viewer {
        SupportViewer::Partner(p) => [id(p), true.into()],
        SupportViewer::Customer(c) => [id(c), true.into()],
        SupportViewer::Operator => [true.into(), true.into()],
    }
}

impl Store {
    /// `partner`'s support profile, if it published one.
    pub async fn support_profile(&self, partner: PartnerId) -> Result<Option<SupportProfile>, StoreError> {
        self.read(move |c| Box::pin(async move { profile_of(c, partner).await }))
            .await
    }

    /// Publishes `partner`'s support profile, with its activity entry.
    pub async fn set_support_profile(
        &self,
        partner: PartnerId,
        profile: SupportProfile,
        actor: Actor,
    ) -> Result<(), StoreError> {
        self.write_with((profile, actor), move |c, (p, actor)| {
            Box::pin(async move {
                c.execute(
                    "INSERT INTO support_profiles (partner_id, email, telephone, website, hours, pricing, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (partner_id) DO UPDATE SET email = $2, \
                     telephone = $3, website = $4, hours = $5, pricing = $6, updated_at = $7",
                    &[
                        id(partner),
                        Value::from(&p.email),
                        Value::from(&p.telephone),
                        Value::from(&p.website),
                        Value::from(&p.hours),
                        Value::from(&p.pricing),
                        OffsetDateTime::now_utc().into(),
                    ],
                )
                .await?;
                let change = Change::new(partner, Action::SupportProfileUpdated)
                    .detail("email", &p.email)
                    .detail("telephone", &p.telephone)
                    .detail("website", &p.website);
                activity::record(c, actor, &change).await
            })
        })
        .await
    }

    /// The partners that serve `customer` first-hand (not a provider behind an indirect
    /// reseller), oldest relationship first, with their support profiles: whom the
    /// customer can address a request to.
    pub async fn support_partners(
        &self,
        customer: CustomerId,
    ) -> Result<Vec<(PartnerId, String, Option<SupportProfile>)>, StoreError> {
        self.read(move |c| {
            Box::pin(async move {
                let rows = c
                    .fetch_all(
                        "SELECT p.id, p.name, s.email, s.telephone, s.website, s.hours, s.pricing \
                         FROM partner_customers pc JOIN partners p ON p.id = pc.partner_id \
                         LEFT JOIN support_profiles s ON s.partner_id = p.id \
                         WHERE pc.customer_id = $1 \
                         AND NOT (p.kind = 'indirect-provider' AND pc.associated_partner_id IS NOT NULL) \
                         ORDER BY pc.created_at, p.name",
                        &[id(customer)],
                    )
                    .await?;
                rows.iter()
                    .map(|r| Ok((r.uuid("id")?, r.text("name")?, profile_from(r)?)))
                    .collect()
            })
        })
        .await
    }

    /// Opens a request, with its activity entry (and `claim`'s answer, rendered from the
    /// request as its partner sees it); answers its number.
    pub async fn open_service_request(
        &self,
        open: OpenRequest,
        claim: Option<Claim<ServiceRequest>>,
        actor: Actor,
    ) -> Result<i64, StoreError> {
        self.write_with((open, claim, actor), move |c, (o, claim, actor)| {
            Box::pin(async move {
                let serves: i64 = c
                    .fetch_one(
                        "SELECT COUNT(*) AS n FROM partner_customers WHERE partner_id = $1 AND customer_id = $2",
                        &[id(o.partner), id(o.customer)],
                    )
                    .await?
                    .int("n")?;
                if serves == 0 {
                    return Err(StoreError::NotFound);
                }
                let number = next_number(c).await?;
                let now = OffsetDateTime::now_utc();
                let r = &o.request;
                c.execute(
                    "INSERT INTO service_requests (id, customer_id, partner_id, title, description, severity, topic_id, \
                     status, opened_by, contact_email, contact_locale, created_at, updated_at, first_response_due, \
                     resolution_due, subscription_id, product_id) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $9, $13, $10, $10, $11, $12, $14, $15)",
                    &[
                        number.into(),
                        id(o.customer),
                        id(o.partner),
                        Value::from(&r.title),
                        Value::from(&r.description),
                        r.severity.as_str().into(),
                        r.topic.id.into(),
                        Value::from(&o.opened_by),
                        Value::from(&o.contact_email),
                        now.into(),
                        o.first_response_due.into(),
                        o.resolution_due.into(),
                        o.contact_locale.tag().into(),
                        opt_id(o.subscription.as_ref().map(|(id, _)| *id)),
                        Value::Text(o.subscription.as_ref().map(|(_, offer)| offer.as_str())),
                    ],
                )
                .await?;
                c.execute(
                    "INSERT INTO service_request_parties (partner_id, request_id, escalated) VALUES ($1, $2, $3)",
                    &[id(o.partner), number.into(), false.into()],
                )
                .await?;
                for (seq, file) in (1i64..).zip(&o.attachments) {
                    c.execute(
                        "INSERT INTO service_request_files (request_id, seq, name, content_type, size, content, created_at) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7)",
                        &[
                            number.into(),
                            seq.into(),
                            Value::from(&file.name),
                            file.content_type.into(),
                            i64::try_from(file.bytes.len()).unwrap_or(i64::MAX).into(),
                            Value::from(file.bytes.as_slice()),
                            now.into(),
                        ],
                    )
                    .await?;
                }
                let change = Change::new(o.partner, Action::ServiceRequestOpened)
                    .customer(o.customer, None)
                    .detail("requestId", number)
                    .detail("title", &r.title)
                    .detail("severity", r.severity)
                    .detail("byPartner", o.by_partner)
                    .detail("files", o.attachments.len());
                activity::record(c, actor, &change).await?;
                let number_text = number.to_string();
                let mails: Vec<Mail> = o
                    .mails
                    .iter()
                    .map(|m| Mail {
                        args: m
                            .args
                            .iter()
                            .map(|(k, v)| (k.clone(), v.replace(REQUEST_NUMBER, &number_text)))
                            .collect(),
                        ..m.clone()
                    })
                    .collect();
                outbox::enqueue(c, &mails).await?;
                if let Some(claim) = claim {
                    let opened = detail(c, SupportViewer::Partner(o.partner), number).await?;
                    claim.claim(c, &opened).await?;
                }
                Ok(number)
            })
        })
        .await
    }

    /// A page of the requests `viewer` sees, newest first.
    pub async fn service_requests(
        &self,
        viewer: SupportViewer,
        query: RequestQuery,
    ) -> Result<Vec<ServiceRequest>, StoreError> {
        self.read_with(query, move |c, q| {
            Box::pin(async move { list(c, viewer, q).await })
        })
        .await
    }

    /// One request with its thread as `viewer` may read it; `NotFound` for anyone else.
    pub async fn service_request(
        &self,
        viewer: SupportViewer,
        request: i64,
    ) -> Result<ServiceRequest, StoreError> {
        self.read(move |c| Box::pin(async move { detail(c, viewer, request).await }))
            .await
    }

    /// A file attached to a request `viewer` sees, with its content.
    pub async fn service_request_file(
        &self,
        viewer: SupportViewer,
        request: i64,
        seq: i64,
    ) -> Result<(RequestFile, Vec<u8>), StoreError> {
        self.read(move |c| {
            Box::pin(async move {
                let sql = format!("{} AND r.id = $3", from(viewer));
                let [a, b] = viewer_params(viewer);
                c.fetch_optional(&sql, &[a, b, request.into()])
                    .await?
                    .ok_or(StoreError::NotFound)?;
                let f = c
                    .fetch_optional(
                        "SELECT seq, name, content_type, size, content FROM service_request_files \
                         WHERE request_id = $1 AND seq = $2",
                        &[request.into(), seq.into()],
                    )
                    .await?
                    .ok_or(StoreError::NotFound)?;
                let file = RequestFile {
                    seq: f.int("seq")?,
                    name: f.text("name")?,
                    content_type: f.text("content_type")?,
                    size: f.int("size")?,
                };
                Ok((file, f.bytes("content")?))
            })
        })
        .await
    }

    /// Adds a note to the thread. A customer's note puts a request waiting for it, or
    /// closed, back to `open`; a partner's public note is the first response if none was
    /// given yet.
    pub async fn add_service_request_note(
        &self,
        viewer: SupportViewer,
        request: i64,
        visibility: Visibility,
        text: String,
        mails: Vec<Mail>,
        actor: Actor,
    ) -> Result<ServiceRequest, StoreError> {
        self.write_with((text, mails, actor), move |c, (text, mails, actor)| {
                let text = text.as_str();
            Box::pin(async move {
                lock(c, request).await?;
                let current = detail(c, viewer, request).await?;
                let now = OffsetDateTime::now_utc();
                insert_note(c, request, &viewer.party(), actor, visibility, text, now).await?;
                match viewer {
                    SupportViewer::Customer(_) => {
                        c.execute(
                            "UPDATE service_requests SET status = 'open', closed_at = NULL, updated_at = $2 WHERE id = $1",
                            &[request.into(), now.into()],
                        )
                        .await?;
                    }
                    SupportViewer::Partner(_) | SupportViewer::Operator => {
                        let answered = visibility == Visibility::Public;
                        c.execute(
                            "UPDATE service_requests SET updated_at = $2, first_response_at = \
                             CASE WHEN $3 THEN COALESCE(first_response_at, $2) ELSE first_response_at END WHERE id = $1",
                            &[request.into(), now.into(), answered.into()],
                        )
                        .await?;
                    }
                }
                let change = change(&current, Action::ServiceRequestNoteAdded).detail("visibility", visibility);
                activity::record(c, actor, &change).await?;
                outbox::enqueue(c, mails).await?;
                detail(c, viewer, request).await
            })
        })
        .await
    }

    /// Moves a request to `status`, if its viewer's side may
    /// ([`RequestStatus::can_become`]).
    pub async fn set_service_request_status(
        &self,
        viewer: SupportViewer,
        request: i64,
        status: RequestStatus,
        mails: Vec<Mail>,
        actor: Actor,
    ) -> Result<ServiceRequest, StoreError> {
        self.write_with((mails, actor), move |c, (mails, actor)| {
            Box::pin(async move {
                lock(c, request).await?;
                let current = detail(c, viewer, request).await?;
                let side = match viewer {
                    SupportViewer::Customer(_) => Side::Customer,
                    SupportViewer::Partner(_) | SupportViewer::Operator => Side::Partner,
                };
                if let Err(rule) = current.status.can_become(status, side) {
                    return Err(StoreError::Invalid(vec![FieldError::new(
                        Field::RequestStatus,
                        rule,
                    )]));
                }
                let now = OffsetDateTime::now_utc();
                let closed_at = (status == RequestStatus::Closed).then_some(now);
                c.execute(
                    "UPDATE service_requests SET status = $2, closed_at = $3, updated_at = $4 WHERE id = $1",
                    &[
                        request.into(),
                        status.as_str().into(),
                        closed_at.into(),
                        now.into(),
                    ],
                )
                .await?;
                let change = change(&current, Action::ServiceRequestStatusChanged)
                    .detail("from", current.status)
                    .detail("to", status);
                activity::record(c, actor, &change).await?;
                outbox::enqueue(c, mails).await?;
                detail(c, viewer, request).await
            })
        })
        .await
    }

    /// Assigns `partner`'s work on a request to one of its agents, or to nobody.
    pub async fn assign_service_request(
        &self,
        partner: PartnerId,
        request: i64,
        assignee: Option<PartnerUserId>,
        actor: Actor,
    ) -> Result<ServiceRequest, StoreError> {
        self.write_with(actor, move |c, actor| {
            Box::pin(async move {
                let viewer = SupportViewer::Partner(partner);
                let current = detail(c, viewer, request).await?;
                let changed = c
                    .execute(
                        "UPDATE service_request_parties SET assignee_id = $3 WHERE partner_id = $1 AND request_id = $2 \
                         AND ($3 IS NULL OR EXISTS (SELECT 1 FROM partner_users WHERE id = $3 AND partner_id = $1 AND active = $4))",
                        &[id(partner), request.into(), opt_id(assignee), true.into()],
                    )
                    .await?;
                if changed == 0 {
                    return Err(StoreError::NotFound);
                }
                let change = change(&current, Action::ServiceRequestAssigned)
                    .detail("assignee", assignee.map_or_else(|| "-".to_owned(), |a| a.to_string()));
                activity::record(c, actor, &change).await?;
                detail(c, viewer, request).await
            })
        })
        .await
    }

    /// Escalates a request `partner` is on one level up: an indirect reseller's (addressed
    /// to it) to the indirect provider it sells this customer through; a direct partner's or
    /// an indirect provider's (addressed or escalated to it) to the operator. `reason` goes
    /// to the thread for the partners and the operator only, and `mails` tell whom it went
    /// to. `None` when there is nobody to escalate to, or the request went up from `partner`
    /// already.
    pub async fn escalate_service_request(
        &self,
        partner: PartnerId,
        request: i64,
        reason: String,
        mails: Vec<Mail>,
        actor: Actor,
    ) -> Result<Option<ServiceRequest>, StoreError> {
        self.write_with((reason, mails, actor), move |c, (reason, mails, actor)| {
            Box::pin(async move {
                let viewer = SupportViewer::Partner(partner);
                lock(c, request).await?;
                let current = detail(c, viewer, request).await?;
                let kind = c
                    .fetch_one("SELECT kind FROM partners WHERE id = $1", &[id(partner)])
                    .await?
                    .text("kind")?;
                let escalated = if kind == "indirect-reseller" {
                    to_provider(c, partner, &current).await?
                } else {
                    to_operator(c, partner, &current).await?
                };
                let Some(change) = escalated else {
                    return Ok(None);
                };
                let now = OffsetDateTime::now_utc();
                insert_note(
                    c,
                    request,
                    &viewer.party(),
                    actor,
                    Visibility::Partners,
                    reason,
                    now,
                )
                .await?;
                c.execute(
                    "UPDATE service_requests SET updated_at = $2 WHERE id = $1",
                    &[request.into(), now.into()],
                )
                .await?;
                activity::record(c, actor, &change).await?;
                outbox::enqueue(c, mails).await?;
                detail(c, viewer, request).await.map(Some)
            })
        })
        .await
    }
}

/// Adds the indirect provider that `reseller` sells the request's customer through to the
/// request, if the request is addressed to `reseller` and wasn't escalated; the activity
/// entry to record.
async fn to_provider(
    c: &mut Conn<'_>,
    reseller: PartnerId,
    current: &ServiceRequest,
) -> Result<Option<Change>, StoreError> {
    if current.partner_id != reseller || current.escalated_to.is_some() {
        return Ok(None);
    }
    let provider = c
        .fetch_optional(
            "SELECT associated_partner_id FROM partner_customers \
             WHERE partner_id = $1 AND customer_id = $2 AND associated_partner_id IS NOT NULL",
            &[id(reseller), id(current.customer_id)],
        )
        .await?;
    let Some(provider) = provider else {
        return Ok(None);
    };
    let provider: PartnerId = provider.uuid("associated_partner_id")?;
    c.execute(
        "INSERT INTO service_request_parties (partner_id, request_id, escalated) VALUES ($1, $2, $3)",
        &[id(provider), current.id.into(), true.into()],
    )
    .await?;
    Ok(Some(
        Change::new(reseller, Action::ServiceRequestEscalated)
            .customer(current.customer_id, Some(provider))
            .detail("requestId", current.id)
            .detail("title", &current.title),
    ))
}

/// Hands the request to the operator, if `partner` is the top partner on it (addressed to
/// it and not escalated, or escalated to it) and it wasn't yet; the activity entry to
/// record.
async fn to_operator(
    c: &mut Conn<'_>,
    partner: PartnerId,
    current: &ServiceRequest,
) -> Result<Option<Change>, StoreError> {
    let top = current
        .escalated_to
        .as_ref()
        .map_or(current.partner_id, |(provider, _)| *provider);
    if top != partner {
        return Ok(None);
    }
    let changed = c
        .execute(
            "UPDATE service_requests SET operator_escalated_at = $2 WHERE id = $1 AND operator_escalated_at IS NULL",
            &[current.id.into(), OffsetDateTime::now_utc().into()],
        )
        .await?;
    Ok((changed == 1).then(|| change(current, Action::ServiceRequestEscalated).detail("to", OPERATOR_PARTY)))
}

/// The next request number: PostgreSQL's sequence, which concurrent transactions (and
/// instances) draw from without waiting for each other; on SQLite, whose writes run one at
/// a time, a counter row.
async fn next_number(c: &mut Conn<'_>) -> Result<i64, StoreError> {
    if !c.is_sqlite() {
        return c
            .fetch_one("SELECT nextval('service_request_ids') AS n", &[])
            .await?
            .int("n");
    }
    c.execute(
        "UPDATE service_request_sequence SET last = last + 1 WHERE one = 1",
        &[],
    )
    .await?;
    c.fetch_one(
        "SELECT last AS n FROM service_request_sequence WHERE one = 1",
        &[],
    )
    .await?
    .int("n")
}

/// An activity entry about `request`, in the log of the partner it was addressed to and
/// of the provider it was escalated to.
fn change(request: &ServiceRequest, action: Action) -> Change {
    Change::new(request.partner_id, action)
        .customer(
            request.customer_id,
            request.escalated_to.as_ref().map(|(p, _)| *p),
        )
        .detail("requestId", request.id)
        .detail("title", &request.title)
}

/// Locks a request's row until the transaction ends, so that changes to one request
/// (notes numbered in turn, status moves) happen one after the other.
async fn lock(c: &mut Conn<'_>, request: i64) -> Result<(), StoreError> {
    let sql = format!("SELECT id FROM service_requests WHERE id = $1{}", c.for_update());
    c.fetch_optional(&sql, &[request.into()]).await?;
    Ok(())
}

/// Adds a note to the thread of a request locked by [`lock`].
async fn insert_note(
    c: &mut Conn<'_>,
    request: i64,
    party: &str,
    actor: &Actor,
    visibility: Visibility,
    text: &str,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let last = c
        .fetch_one(
            "SELECT COALESCE(MAX(seq), 0) AS n FROM service_request_notes WHERE request_id = $1",
            &[request.into()],
        )
        .await?
        .int("n")?;
    // Not a deferred insert: the note is read back in the same transaction.
    c.execute(
        "INSERT INTO service_request_notes (request_id, seq, party, author_name, visibility, text, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        &[
            request.into(),
            (last + 1).into(),
            Value::from(party),
            Value::from(&actor.name),
            visibility.as_str().into(),
            Value::from(text),
            now.into(),
        ],
    )
    .await
    .map(|_| ())
}

async fn list(
    c: &mut Conn<'_>,
    viewer: SupportViewer,
    q: &RequestQuery,
) -> Result<Vec<ServiceRequest>, StoreError> {
    let mut sql = from(viewer);
    let mut params: Vec<Value<'_>> = viewer_params(viewer).to_vec();
    let mut push = |sql: &mut String, condition: &str, value: Value<'static>| {
        params.push(value);
        sql.push_str(&condition.replace('?', &format!("${}", params.len())));
    };
    if let Some(status) = q.status {
        push(&mut sql, " AND r.status = ?", status.as_str().into());
    }
    if let Some(severity) = q.severity {
        push(&mut sql, " AND r.severity = ?", severity.as_str().into());
    }
    if let Some(customer) = q.customer {
        push(&mut sql, " AND r.customer_id = ?", id(customer));
    }
    // Customers have no assignee to filter by.
    match (q.assignee, viewer) {
        (Some(AssigneeFilter::Nobody), SupportViewer::Partner(_)) => {
            sql.push_str(" AND me.assignee_id IS NULL")
        }
        (Some(AssigneeFilter::User(user)), SupportViewer::Partner(_)) => {
            push(&mut sql, " AND me.assignee_id = ?", id(user))
        }
        _ => {}
    }
    if let Some(now) = q.overdue_at {
        // Both placeholders name the same parameter.
        push(
            &mut sql,
            " AND r.status <> 'closed' AND ((r.first_response_at IS NULL AND r.first_response_due < ?) OR r.resolution_due < ?)",
            now.into(),
        );
    }
    // Ordered by the column of the index range read.
    let order = match viewer {
        SupportViewer::Partner(_) => "me.request_id",
        SupportViewer::Customer(_) | SupportViewer::Operator => "r.id",
    };
    // The bound on the request too: the join's other side then starts there as well.
    if let Some(before) = q.before {
        push(&mut sql, &format!(" AND {order} < ? AND r.id < ?"), before.into());
    }
    sql.push_str(&format!(
        " ORDER BY {order} DESC LIMIT {}",
        q.limit.clamp(1, MAX_PAGE)
    ));
    let rows = c.fetch_all(&sql, &params).await?;
    rows.iter().map(|r| request_from(r, Vec::new())).collect()
}

async fn detail(c: &mut Conn<'_>, viewer: SupportViewer, request: i64) -> Result<ServiceRequest, StoreError> {
    let sql = format!("{} AND r.id = $3", from(viewer));
    let [a, b] = viewer_params(viewer);
    let row = c
        .fetch_optional(&sql, &[a, b, request.into()])
        .await?
        .ok_or(StoreError::NotFound)?;
    let party = viewer.party();
    let notes = match viewer {
        SupportViewer::Customer(_) => {
            c.fetch_all(
                "SELECT party, author_name, visibility, text, created_at FROM service_request_notes \
                 WHERE request_id = $1 AND visibility = 'public' ORDER BY seq",
                &[request.into()],
            )
            .await?
        }
        SupportViewer::Partner(_) | SupportViewer::Operator => {
            c.fetch_all(
                "SELECT party, author_name, visibility, text, created_at FROM service_request_notes \
                 WHERE request_id = $1 AND (visibility <> 'internal' OR party = $2) ORDER BY seq",
                &[request.into(), Value::from(party.as_str())],
            )
            .await?
        }
    };
    let notes = notes
        .iter()
        .map(|n| {
            Ok(Note {
                author_name: n.text("author_name")?,
                by_customer: n.text("party")? == CUSTOMER_PARTY,
                by_operator: n.text("party")? == OPERATOR_PARTY,
                visibility: n
                    .text("visibility")?
                    .parse()
                    .map_err(|_| corrupt("service_request_notes.visibility"))?,
                text: n.text("text")?,
                created_at: n.time("created_at")?,
            })
        })
        .collect::<Result<_, StoreError>>()?;
    let files = c
        .fetch_all(
            "SELECT seq, name, content_type, size FROM service_request_files WHERE request_id = $1 ORDER BY seq",
            &[request.into()],
        )
        .await?
        .iter()
        .map(|f| {
            Ok(RequestFile {
                seq: f.int("seq")?,
                name: f.text("name")?,
                content_type: f.text("content_type")?,
                size: f.int("size")?,
            })
        })
        .collect::<Result<_, StoreError>>()?;
    let mut found = request_from(&row, notes)?;
    found.files = files;
    Ok(found)
}

fn request_from(r: &Row, notes: Vec<Note>) -> Result<ServiceRequest, StoreError> {
    let escalated = match r.opt_uuid::<PartnerId>("escalated_id")? {
        Some(p) => Some((p, r.text("escalated_name")?)),
        None => None,
    };
    let assignee = match r.opt_uuid::<PartnerUserId>("assignee_id")? {
        Some(u) => Some((u, r.text("assignee_email")?)),
        None => None,
    };
    let topic = u32::try_from(r.int("topic_id")?)
        .ok()
        .and_then(SupportTopic::find)
        .ok_or_else(|| corrupt("service_requests.topic_id"))?;
    Ok(ServiceRequest {
        id: r.int("id")?,
        customer_id: r.uuid("customer_id")?,
        company_name: r.text("company_name")?,
        partner_id: r.uuid("partner_id")?,
        partner_name: r.text("partner_name")?,
        escalated_to: escalated,
        escalated_to_operator: r.opt_time("operator_escalated_at")?,
        title: r.text("title")?,
        description: r.text("description")?,
        severity: Severity::parse(&r.text("severity")?).map_err(|_| corrupt("service_requests.severity"))?,
        topic,
        status: RequestStatus::parse(&r.text("status")?).map_err(|_| corrupt("service_requests.status"))?,
        opened_by: r.text("opened_by")?,
        contact_email: r.text("contact_email")?,
        contact_locale: Locale::from_tag(&r.text("contact_locale")?)
            .ok_or_else(|| corrupt("service_requests.contact_locale"))?,
        created_at: r.time("created_at")?,
        updated_at: r.time("updated_at")?,
        first_response_at: r.opt_time("first_response_at")?,
        closed_at: r.opt_time("closed_at")?,
        first_response_due: r.time("first_response_due")?,
        resolution_due: r.time("resolution_due")?,
        assignee,
        notes,
        files: Vec::new(),
        subscription: match (
            r.opt_uuid::<SubscriptionId>("subscription_id")?,
            r.opt_text("product_id")?,
        ) {
            (Some(id), Some(offer)) => Some((
                id,
                OfferId::parse(&offer).ok_or_else(|| corrupt("service_requests.product_id"))?,
            )),
            _ => None,
        },
    })
}

async fn profile_of(c: &mut Conn<'_>, partner: PartnerId) -> Result<Option<SupportProfile>, StoreError> {
    let row = c
        .fetch_optional(
            "SELECT email, telephone, website, hours, pricing FROM support_profiles WHERE partner_id = $1",
            &[id(partner)],
        )
        .await?;
    row.map_or(Ok(None), |r| profile_from(&r))
}

fn profile_from(r: &Row) -> Result<Option<SupportProfile>, StoreError> {
    let Some(email) = r.opt_text("email")? else {
        return Ok(None);
    };
    Ok(Some(SupportProfile {
        email,
        telephone: r.text("telephone")?,
        website: r.text("website")?,
        hours: r.text("hours")?,
        pricing: r.text("pricing")?,
    }))
}
