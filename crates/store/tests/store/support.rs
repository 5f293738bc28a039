//! Support: the support profile, and service requests between a customer, the indirect
//! reseller it buys from and that reseller's provider: who sees what, the thread's
//! visibility, statuses, assignment, escalation and the queue's filters.

use partnerdesk_domain::Locale;
use partnerdesk_domain::audit::{Action, Actor, Channel};
use partnerdesk_domain::mail::{Mail, MailKind};
use partnerdesk_domain::support::{
    NewRequest, NewRequestInput, RequestStatus, Severity, SupportProfile, Targets, Visibility,
};
use partnerdesk_store::{ActivityQuery, AssigneeFilter, OpenRequest, RequestQuery, SupportViewer};

use super::*;

fn customer_actor() -> Actor {
    Actor {
        user_id: None,
        name: "admin@woodgrove.example".into(),
        channel: Channel::CustomerPortal,
        address: None,
    }
}

fn request(title: &str, severity: &str) -> NewRequest {
    ok(NewRequest::parse(&NewRequestInput {
        title: title.into(),
        description: "Nobody can sign in since 9:00.".into(),
        severity: severity.into(),
        topic: "32444601".into(),
        ..NewRequestInput::default()
    }))
}

fn open(
    customer: partnerdesk_domain::CustomerId,
    partner: partnerdesk_domain::PartnerId,
    title: &str,
    severity: &str,
) -> OpenRequest {
    let request = request(title, severity);
    let now = OffsetDateTime::now_utc();
    let targets = Targets::default();
    OpenRequest {
        customer,
        partner,
        first_response_due: targets.first_response_due(request.severity, now),
        resolution_due: targets.resolution_due(request.severity, now),
        request,
        opened_by: "admin@woodgrove.example".into(),
        contact_email: "ana@customer.example".into(),
        contact_locale: partnerdesk_domain::Locale::FrFr,
        by_partner: false,
        mails: Vec::new(),
        attachments: Vec::new(),
        subscription: None,
    }
}

#[tokio::test]
async fn a_partner_publishes_its_support_profile_and_its_customers_see_it() {
    let f = fixture().await;
    let through_reseller = f.onboarding("Woodgrove", "woodgrove", true);
    ok(f.store
        .onboard_customer(
            through_reseller.clone(),
            "sha256$00".into(),
            None,
            Actor::operator(),
        )
        .await);
    assert_eq!(ok(f.store.support_profile(f.reseller.id).await), None);
    let profile = SupportProfile {
        email: "help@reseller.example".into(),
        telephone: "+14255550100".into(),
        website: "https://reseller.example/help".into(),
        hours: "Mon–Fri 8–18".into(),
        pricing: "Included in every subscription".into(),
    };
    ok(f.store
        .set_support_profile(f.reseller.id, profile.clone(), Actor::operator())
        .await);
    assert_eq!(
        ok(f.store.support_profile(f.reseller.id).await),
        Some(profile.clone())
    );
    // The customer addresses its reseller, not the provider behind it.
    let partners = ok(f.store.support_partners(through_reseller.customer.id).await);
    assert_eq!(partners, [(f.reseller.id, "Reseller".to_owned(), Some(profile))]);
    let direct = f.onboard("Fabrikam", "fabrikam").await;
    let partners = ok(f.store.support_partners(direct.customer.id).await);
    assert_eq!(partners, [(f.provider.id, "Provider".to_owned(), None)]);
}

#[tokio::test]
async fn a_request_travels_from_the_customer_to_the_reseller_and_up_to_the_provider() {
    let f = fixture().await;
    let o = f.onboarding("Woodgrove", "woodgrove", true);
    ok(f.store
        .onboard_customer(o.clone(), "sha256$00".into(), None, Actor::operator())
        .await);
    let customer = SupportViewer::Customer(o.customer.id);
    let reseller = SupportViewer::Partner(f.reseller.id);
    let provider = SupportViewer::Partner(f.provider.id);
    let number = ok(f
        .store
        .open_service_request(
            open(o.customer.id, f.reseller.id, "Sign-in fails", "critical"),
            None,
            customer_actor(),
        )
        .await);
    assert!(number > 100_000);

    // The provider doesn't see it until it is escalated; another customer never does.
    assert!(matches!(
        f.store.service_request(provider, number).await,
        Err(StoreError::NotFound)
    ));
    let other = f.onboard("Fabrikam", "fabrikam").await;
    assert!(matches!(
        f.store
            .service_request(SupportViewer::Customer(other.customer.id), number)
            .await,
        Err(StoreError::NotFound)
    ));

    let agent = Actor::operator();
    let r = ok(f
        .store
        .add_service_request_note(
            reseller,
            number,
            Visibility::Internal,
            "Check the MFA policy".into(),
            Vec::new(),
            agent.clone(),
        )
        .await);
    assert_eq!(r.first_response_at, None, "an internal note isn't an answer");
    let r = ok(f
        .store
        .add_service_request_note(
            reseller,
            number,
            Visibility::Public,
            "Which users?".into(),
            Vec::new(),
            agent.clone(),
        )
        .await);
    assert!(r.first_response_at.is_some());
    let r = ok(f
        .store
        .set_service_request_status(
            reseller,
            number,
            RequestStatus::AttentionNeeded,
            Vec::new(),
            agent.clone(),
        )
        .await);
    assert_eq!(r.status, RequestStatus::AttentionNeeded);
    // The customer's answer puts it back to the partner.
    let r = ok(f
        .store
        .add_service_request_note(
            customer,
            number,
            Visibility::Public,
            "All of them".into(),
            Vec::new(),
            customer_actor(),
        )
        .await);
    assert_eq!(r.status, RequestStatus::Open);
    let texts: Vec<_> = r.notes.iter().map(|n| (n.text.as_str(), n.by_customer)).collect();
    assert_eq!(
        texts,
        [("Which users?", false), ("All of them", true)],
        "the customer reads no internal note"
    );

    let escalated = ok(f
        .store
        .escalate_service_request(
            f.reseller.id,
            number,
            "Tenant-wide outage?".into(),
            Vec::new(),
            agent.clone(),
        )
        .await)
    .unwrap_or_else(|| panic!("escalated"));
    assert_eq!(
        escalated.escalated_to,
        Some((f.provider.id, "Provider".to_owned()))
    );
    assert_eq!(
        ok(f.store
            .escalate_service_request(f.reseller.id, number, String::new(), Vec::new(), agent.clone())
            .await),
        None,
        "once only"
    );
    let seen_by_provider = ok(f.store.service_request(provider, number).await);
    let texts: Vec<_> = seen_by_provider.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(
        texts,
        ["Which users?", "All of them", "Tenant-wide outage?"],
        "the reseller's internal note stays with the reseller"
    );
    let r = ok(f.store.service_request(customer, number).await);
    assert!(r.notes.iter().all(|n| n.visibility == Visibility::Public));
    assert_eq!(r.notes.len(), 2, "the escalation reason is for the partners");

    // The provider's queue holds it; its customers filter finds it.
    let queue = ok(f
        .store
        .service_requests(
            provider,
            RequestQuery {
                customer: Some(o.customer.id),
                limit: 50,
                ..RequestQuery::default()
            },
        )
        .await);
    assert_eq!(queue.iter().map(|r| r.id).collect::<Vec<_>>(), [number]);

    // Closing twice is refused naming the status; the customer reopens.
    ok(f.store
        .set_service_request_status(provider, number, RequestStatus::Closed, Vec::new(), agent.clone())
        .await);
    let again = f
        .store
        .set_service_request_status(reseller, number, RequestStatus::Closed, Vec::new(), agent.clone())
        .await;
    assert!(
        matches!(&again, Err(StoreError::Invalid(e)) if e[0].rule == Rule::RequestStatusSame),
        "{again:?}"
    );
    let asks = f
        .store
        .set_service_request_status(
            customer,
            number,
            RequestStatus::AttentionNeeded,
            Vec::new(),
            customer_actor(),
        )
        .await;
    assert!(matches!(&asks, Err(StoreError::Invalid(e)) if e[0].rule == Rule::RequestStatusUnsupported));
    let r = ok(f
        .store
        .set_service_request_status(
            customer,
            number,
            RequestStatus::Open,
            Vec::new(),
            customer_actor(),
        )
        .await);
    assert_eq!((r.status, r.closed_at), (RequestStatus::Open, None));

    let log = ok(f
        .store
        .activity(
            f.reseller.id,
            ActivityQuery {
                limit: 50,
                ..ActivityQuery::default()
            },
        )
        .await);
    let actions: Vec<_> = log
        .iter()
        .rev()
        .map(|e| e.action)
        .filter(|a| a.as_str().starts_with("service"))
        .collect();
    assert_eq!(
        actions,
        [
            Action::ServiceRequestOpened,
            Action::ServiceRequestNoteAdded,
            Action::ServiceRequestNoteAdded,
            Action::ServiceRequestStatusChanged,
            Action::ServiceRequestNoteAdded,
            Action::ServiceRequestEscalated,
            Action::ServiceRequestStatusChanged,
            Action::ServiceRequestStatusChanged,
        ]
    );
}

#[tokio::test]
async fn the_partner_at_the_top_escalates_to_the_operator_who_reads_no_internal_note() {
    let f = fixture().await;
    let o = f.onboarding("Woodgrove", "woodgrove", true);
    ok(f.store
        .onboard_customer(o.clone(), "sha256$00".into(), None, Actor::operator())
        .await);
    let (customer, reseller, provider, operator) = (
        SupportViewer::Customer(o.customer.id),
        SupportViewer::Partner(f.reseller.id),
        SupportViewer::Partner(f.provider.id),
        SupportViewer::Operator,
    );
    let number = ok(f
        .store
        .open_service_request(
            open(o.customer.id, f.reseller.id, "Tenant locked", "critical"),
            None,
            customer_actor(),
        )
        .await);
    let agent = Actor::operator();
    let note = |viewer, visibility, text: &str| {
        f.store
            .add_service_request_note(viewer, number, visibility, text.into(), Vec::new(), agent.clone())
    };
    ok(note(reseller, Visibility::Internal, "reseller only").await);
    // The reseller's escalation goes to its provider, never past it.
    // Each step up writes the mail that tells whom it went to; a refused one writes none.
    let up = |partner, reason: &str| {
        let mail = Mail::new(
            MailKind::ServiceRequestEscalated,
            "up@example.com",
            Locale::EnUs,
            partner,
        );
        f.store
            .escalate_service_request(partner, number, reason.into(), vec![mail], agent.clone())
    };
    let r = ok(up(f.reseller.id, "over to the provider").await).unwrap_or_else(|| panic!("escalated"));
    assert_eq!(r.escalated_to_operator, None);
    assert_eq!(ok(up(f.reseller.id, "again").await), None);
    assert!(matches!(
        f.store.service_request(operator, number).await,
        Err(StoreError::NotFound)
    ));
    ok(note(provider, Visibility::Internal, "provider only").await);

    let r = ok(up(f.provider.id, "over to the operator").await).unwrap_or_else(|| panic!("escalated"));
    assert!(r.escalated_to_operator.is_some());
    assert_eq!(ok(up(f.provider.id, "again").await), None, "once only");
    let texts =
        |r: &partnerdesk_store::ServiceRequest| r.notes.iter().map(|n| n.text.clone()).collect::<Vec<_>>();
    let seen = ok(f.store.service_request(operator, number).await);
    assert_eq!(
        texts(&seen),
        ["over to the provider", "over to the operator"],
        "the partners' internal notes stay with them"
    );

    // The operator's internal note is its own; its answer reaches the customer, as the
    // first response.
    ok(note(operator, Visibility::Internal, "operator only").await);
    let r = ok(note(operator, Visibility::Public, "Unlocked").await);
    assert!(r.first_response_at.is_some());
    let by_customer = ok(f.store.service_request(customer, number).await);
    assert_eq!(texts(&by_customer), ["Unlocked"]);
    assert!(by_customer.notes[0].by_operator);
    assert!(
        !texts(&ok(f.store.service_request(provider, number).await)).contains(&"operator only".to_owned())
    );
    let r = ok(f
        .store
        .set_service_request_status(operator, number, RequestStatus::Closed, Vec::new(), agent.clone())
        .await);
    assert_eq!(r.status, RequestStatus::Closed);

    // The operator's queue holds what was escalated to it, and filters.
    let queue = |status| {
        f.store.service_requests(
            operator,
            RequestQuery {
                status,
                limit: 50,
                ..RequestQuery::default()
            },
        )
    };
    let ids = |rs: Vec<partnerdesk_store::ServiceRequest>| rs.iter().map(|r| r.id).collect::<Vec<_>>();
    assert_eq!(ids(ok(queue(None).await)), [number]);
    assert_eq!(ids(ok(queue(Some(RequestStatus::Open)).await)), Vec::<i64>::new());
    let log = ok(f
        .store
        .activity(
            f.provider.id,
            ActivityQuery {
                limit: 50,
                ..ActivityQuery::default()
            },
        )
        .await);
    let escalations = log
        .iter()
        .filter(|e| e.action == Action::ServiceRequestEscalated)
        .count();
    assert_eq!(escalations, 2, "the provider's log has both steps up");
    assert_eq!(ok(f.store.outbox(None, true, 10).await).len(), 2);
}

#[tokio::test]
async fn the_queue_filters_by_status_severity_assignee_and_overdue_and_pages() {
    let f = fixture().await;
    let o = f.onboard("Fabrikam", "fabrikam").await;
    let me = SupportViewer::Partner(f.provider.id);
    let mut numbers = Vec::new();
    for (i, severity) in ["critical", "moderate", "minimal", "critical"]
        .into_iter()
        .enumerate()
    {
        let mut new = open(o.customer.id, f.provider.id, &format!("Request {i}"), severity);
        if i == 0 {
            // Opened long ago: its targets have passed.
            new.first_response_due = OffsetDateTime::now_utc() - time::Duration::hours(1);
        }
        numbers.push(ok(f
            .store
            .open_service_request(new, None, customer_actor())
            .await));
    }
    let agent = f.seller.user_id;
    ok(f.store
        .assign_service_request(f.provider.id, numbers[1], Some(agent), Actor::operator())
        .await);
    // Another partner's agent can't be assigned.
    let stranger = ok(f
        .store
        .create_partner_user(
            f.reseller.id,
            "agent@reseller.example",
            Role::HelpdeskAgent,
            "x".into(),
            Actor::operator(),
        )
        .await);
    assert!(matches!(
        f.store
            .assign_service_request(f.provider.id, numbers[2], Some(stranger.id), Actor::operator())
            .await,
        Err(StoreError::NotFound)
    ));
    ok(f.store
        .set_service_request_status(
            me,
            numbers[3],
            RequestStatus::Closed,
            Vec::new(),
            Actor::operator(),
        )
        .await);

    let ids = |query: RequestQuery| {
        let store = f.store.clone();
        async move {
            ok(store
                .service_requests(me, RequestQuery { limit: 50, ..query })
                .await)
            .into_iter()
            .map(|r| r.id)
            .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        ids(RequestQuery::default()).await,
        [numbers[3], numbers[2], numbers[1], numbers[0]]
    );
    assert_eq!(
        ids(RequestQuery {
            severity: Some(Severity::Critical),
            status: Some(RequestStatus::Open),
            ..RequestQuery::default()
        })
        .await,
        [numbers[0]]
    );
    assert_eq!(
        ids(RequestQuery {
            assignee: Some(AssigneeFilter::User(agent)),
            ..RequestQuery::default()
        })
        .await,
        [numbers[1]]
    );
    assert_eq!(
        ids(RequestQuery {
            assignee: Some(AssigneeFilter::Nobody),
            ..RequestQuery::default()
        })
        .await,
        [numbers[3], numbers[2], numbers[0]]
    );
    assert_eq!(
        ids(RequestQuery {
            overdue_at: Some(OffsetDateTime::now_utc()),
            ..RequestQuery::default()
        })
        .await,
        [numbers[0]]
    );
    let page = ok(f
        .store
        .service_requests(
            me,
            RequestQuery {
                before: Some(numbers[2]),
                limit: 1,
                ..RequestQuery::default()
            },
        )
        .await);
    assert_eq!(page.iter().map(|r| r.id).collect::<Vec<_>>(), [numbers[1]]);
    assert_eq!(
        page[0].assignee.as_ref().map(|a| a.1.as_str()),
        Some("admin@provider.example")
    );

    // A partner that doesn't serve the customer can't be addressed.
    assert!(matches!(
        f.store
            .open_service_request(
                open(o.customer.id, f.reseller.id, "x", "minimal"),
                None,
                customer_actor()
            )
            .await,
        Err(StoreError::NotFound)
    ));
}

#[tokio::test]
async fn a_change_writes_its_mail_in_its_transaction_and_workers_claim_it_once_at_a_time() {
    use partnerdesk_domain::mail::{Mail, MailKind};
    use partnerdesk_store::testing::heal_inserts_into;

    let f = fixture().await;
    let o = f.onboard("Fabrikam", "fabrikam").await;
    let mail = |title: &str| {
        Mail::new(
            MailKind::ServiceRequestOpened,
            "help@provider.example",
            partnerdesk_domain::Locale::EnUs,
            f.provider.id,
        )
        .arg("title", title)
    };
    // A change that fails writes no mail.
    ok(fail_inserts_into(&f.store, "activity").await);
    let mut failing = open(o.customer.id, f.provider.id, "Lost", "minimal");
    failing.mails = vec![mail("Lost")];
    assert!(
        f.store
            .open_service_request(failing, None, customer_actor())
            .await
            .is_err()
    );
    ok(heal_inserts_into(&f.store, "activity").await);
    assert_eq!(ok(f.store.outbox(None, false, 10).await), []);

    let mut opening = open(o.customer.id, f.provider.id, "Kept", "minimal");
    opening.mails = vec![mail("Kept")];
    ok(f.store
        .open_service_request(opening, None, customer_actor())
        .await);
    let queued = ok(f.store.outbox(Some(f.provider.id), true, 10).await);
    assert_eq!(queued.len(), 1);
    assert_eq!(queued[0].args, [("title".to_owned(), "Kept".to_owned())]);
    assert_eq!((queued[0].attempts, queued[0].sent_at), (0, None));

    // A claim hides the message from other workers for its lease; a worker that died is
    // replaced once the lease runs out.
    let now = partnerdesk_domain::onboarding::truncate_to_micros(OffsetDateTime::now_utc());
    let lease = time::Duration::minutes(1);
    let claimed = ok(f.store.claim_mail(now, lease, 10).await);
    assert_eq!(claimed.iter().map(|m| m.attempts).collect::<Vec<_>>(), [1]);
    assert_eq!(ok(f.store.claim_mail(now, lease, 10).await), []);
    let later = now + time::Duration::minutes(2);
    let again = ok(f.store.claim_mail(later, lease, 10).await);
    assert_eq!(again.iter().map(|m| m.attempts).collect::<Vec<_>>(), [2]);

    ok(f.store
        .mail_failed(
            again[0].id,
            "connection refused".into(),
            later + time::Duration::minutes(4),
        )
        .await);
    assert_eq!(
        ok(f.store
            .claim_mail(later + time::Duration::minutes(3), lease, 10)
            .await),
        []
    );
    let failed = ok(f.store.outbox(None, true, 10).await);
    assert_eq!(failed[0].last_error.as_deref(), Some("connection refused"));
    let retried = ok(f
        .store
        .claim_mail(later + time::Duration::minutes(5), lease, 10)
        .await);
    assert_eq!(retried.len(), 1);
    ok(f.store.mails_sent(vec![retried[0].id], later).await);
    assert_eq!(ok(f.store.outbox(None, true, 10).await), []);
    let sent = ok(f.store.outbox(None, false, 10).await);
    assert_eq!((sent[0].sent_at, sent[0].last_error.clone()), (Some(later), None));
}

#[tokio::test]
async fn attached_files_are_kept_with_the_request_and_read_by_its_parties_only() {
    use partnerdesk_domain::attachment::Attachment;

    let f = fixture().await;
    let o = f.onboarding("Woodgrove", "woodgrove", true);
    ok(f.store
        .onboard_customer(o.clone(), "sha256$00".into(), None, Actor::operator())
        .await);
    let mut opening = open(o.customer.id, f.reseller.id, "Blank screen", "moderate");
    opening.attachments = vec![
        Attachment {
            name: "screen.png".into(),
            content_type: "image/png",
            bytes: b"\x89PNG\r\n\x1a\nbytes".to_vec(),
        },
        Attachment {
            name: "app.log".into(),
            content_type: "text/plain; charset=utf-8",
            bytes: b"line".to_vec(),
        },
    ];
    let number = ok(f
        .store
        .open_service_request(opening, None, customer_actor())
        .await);
    let reseller = SupportViewer::Partner(f.reseller.id);
    let seen = ok(f.store.service_request(reseller, number).await);
    let files: Vec<_> = seen
        .files
        .iter()
        .map(|f| (f.seq, f.name.as_str(), f.size))
        .collect();
    assert_eq!(files, [(1, "screen.png", 13), (2, "app.log", 4)]);
    let (file, bytes) = ok(f
        .store
        .service_request_file(SupportViewer::Customer(o.customer.id), number, 2)
        .await);
    assert_eq!(
        (file.content_type.as_str(), bytes.as_slice()),
        ("text/plain; charset=utf-8", b"line".as_slice())
    );
    for (viewer, seq) in [(SupportViewer::Partner(f.provider.id), 1), (reseller, 3)] {
        assert!(
            matches!(
                f.store.service_request_file(viewer, number, seq).await,
                Err(StoreError::NotFound)
            ),
            "{viewer:?} {seq}"
        );
    }
}
