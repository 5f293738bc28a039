//! Support in both portals: the support profile, a request opened by the customer's admin
//! in the customer portal, answered by the reseller's helpdesk agent, escalated to the
//! provider — each party reading what it must and no more — and bad input refused naming
//! the field.

use partnerdesk_domain::partner::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::browser::Visitor;
use crate::relationships::customer_admin;
use crate::support::{TestApp, customer_body};

/// The number at the end of a redirect to a request.
fn number(location: Option<&str>) -> String {
    location
        .and_then(|l| l.rsplit('/').next())
        .unwrap_or_default()
        .to_owned()
}

/// Opens a request with `fields` as the customer's admin, in the customer portal; answers
/// its number.
async fn open_request(customer: &Visitor, fields: &[(&str, &str)]) -> String {
    let csrf = customer.get("/customer/support/new").await.csrf();
    let mut form = vec![("csrf", csrf.as_str())];
    form.extend_from_slice(fields);
    let opened = customer.post("/customer/support/new", &form).await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.text);
    number(opened.location.as_deref())
}

#[tokio::test]
async fn the_support_profile_is_checked_and_shown_to_the_partners_customers() {
    let app = TestApp::spawn().await;
    let reseller = app.resellers[0].clone();
    let password = app
        .user_with_password(&reseller, Role::AdminAgent, "admin@reseller-one.example")
        .await;
    let admin = Visitor::sign_in(&app.base, "admin@reseller-one.example", &password).await;
    let form = admin.get("/support/profile").await;
    assert_eq!(form.status, StatusCode::OK);
    let csrf = form.csrf();
    let refused = admin
        .post(
            "/support/profile",
            &[
                ("csrf", &csrf),
                ("email", ""),
                ("telephone", "0800 123 456"),
                ("website", "javascript:alert(1)"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    for message in [
        "Enter the number in international form",
        "Enter a web address starting with https://",
    ] {
        assert!(refused.contains(message), "{message}: {}", refused.text);
    }
    assert!(
        refused.html.contains(r#"value="0800 123 456""#),
        "typed values stay"
    );
    let unreachable = admin
        .post("/support/profile", &[("csrf", &csrf), ("hours", "Never")])
        .await;
    assert_eq!(unreachable.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        unreachable.contains("Support email: Give an email address or a telephone number"),
        "{}",
        unreachable.text
    );
    let saved = admin
        .post(
            "/support/profile",
            &[
                ("csrf", &csrf),
                ("email", "help@reseller-one.example"),
                ("telephone", "+1 425 555 0100"),
                ("website", "https://reseller-one.example/help"),
                ("hours", "Mon–Fri 8:00–18:00"),
                ("pricing", "Included <b>free</b>"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text);
    let shown = admin.follow(saved).await;
    assert!(shown.contains("Your support profile was saved."));
    assert!(shown.html.contains(r#"value="+14255550100""#));

    // A helpdesk agent works requests but doesn't publish the profile.
    let helpdesk = app
        .user_with_password(&reseller, Role::HelpdeskAgent, "help@reseller-one.example")
        .await;
    let helpdesk = Visitor::sign_in(&app.base, "help@reseller-one.example", &helpdesk).await;
    assert_eq!(
        helpdesk.get("/support/profile").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(helpdesk.get("/support").await.status, StatusCode::OK);

    let mut body = customer_body("profiled");
    body["associatedPartnerId"] = json!(reseller.id.to_string());
    let created = app.create_customer(&body).await;
    let customer = customer_admin(&app, &created).await;
    let support = customer.get("/customer/support").await;
    assert_eq!(support.status, StatusCode::OK);
    assert!(support.contains("Reseller One"), "{}", support.text);
    assert!(
        support
            .html
            .contains(r#"href="mailto:help@reseller-one.example""#)
    );
    assert!(
        support.html.contains("Included &#60;b&#62;free&#60;/b&#62;")
            || support.html.contains("Included &lt;b&gt;free&lt;/b&gt;"),
        "escaped: {}",
        support.html
    );
    assert!(
        !support.contains("Provider"),
        "the customer addresses its reseller"
    );
}

#[tokio::test]
async fn a_request_goes_from_the_customer_to_the_reseller_and_up_to_the_provider() {
    let app = TestApp::spawn().await;
    let reseller = app.resellers[0].clone();
    let mut body = customer_body("threaded");
    body["associatedPartnerId"] = json!(reseller.id.to_string());
    let created = app.create_customer(&body).await;
    let customer = customer_admin(&app, &created).await;

    let form = customer.get("/customer/support/new").await;
    assert_eq!(form.status, StatusCode::OK);
    let csrf = form.csrf();
    let refused = customer
        .post(
            "/customer/support/new",
            &[
                ("csrf", &csrf),
                ("title", " "),
                ("severity", "urgent"),
                ("supportTopicId", ""),
                ("description", ""),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    for message in [
        "Title: This value is required.",
        "Severity: Choose a severity: critical, moderate or minimal.",
        "Topic: This value is required.",
        "Description: This value is required.",
    ] {
        assert!(refused.contains(message), "{message}: {}", refused.text);
    }
    assert_eq!(
        customer
            .get("/customer/support")
            .await
            .html
            .matches(r#"data-testid="request-row""#)
            .count(),
        0
    );

    let opened = customer
        .post(
            "/customer/support/new",
            &[
                ("csrf", &csrf),
                ("title", "Nobody can sign in"),
                ("severity", "critical"),
                ("supportTopicId", "32444601"),
                ("description", "Since 9:00 <script>alert(1)</script>"),
            ],
        )
        .await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.text);
    let id = number(opened.location.as_deref());
    let page = customer.follow(opened).await;
    assert!(page.contains("The service request was opened."));
    assert!(
        page.html.contains("&#60;script&#62;") || page.html.contains("&lt;script&gt;"),
        "escaped"
    );
    assert!(!page.html.contains("<script>alert"));

    // The reseller's helpdesk agent answers, and keeps a note for the team.
    let password = app
        .user_with_password(&reseller, Role::HelpdeskAgent, "help@reseller-one.example")
        .await;
    let agent = Visitor::sign_in(&app.base, "help@reseller-one.example", &password).await;
    let queue = agent.get("/support?severity=critical&status=open").await;
    assert!(
        queue.html.contains(&format!(r#"href="/support/{id}""#)),
        "{}",
        queue.text
    );
    let request = agent.get(&format!("/support/{id}")).await;
    assert!(request.contains("Nobody can sign in"));
    let csrf = request.csrf();
    let blank = agent
        .post(
            &format!("/support/{id}/notes"),
            &[("csrf", &csrf), ("newNote", "  "), ("visibility", "public")],
        )
        .await;
    assert_eq!(blank.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(blank.contains("This value is required."));
    for (text, visibility) in [
        ("Which users are affected?", "public"),
        ("Check the MFA policy first", "internal"),
    ] {
        let added = agent
            .post(
                &format!("/support/{id}/notes"),
                &[("csrf", &csrf), ("newNote", text), ("visibility", visibility)],
            )
            .await;
        assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.text);
    }
    let waiting = agent
        .post(
            &format!("/support/{id}/status"),
            &[("csrf", &csrf), ("status", "attention_needed")],
        )
        .await;
    assert_eq!(waiting.status, StatusCode::SEE_OTHER);

    let seen = customer.get(&format!("/customer/support/{id}")).await;
    assert!(seen.contains("Which users are affected?"));
    assert!(
        !seen.contains("Check the MFA policy"),
        "internal notes stay with the reseller"
    );
    assert!(seen.contains("Your partner is waiting for your answer."));
    let csrf = seen.csrf();
    let answered = customer
        .post(
            &format!("/customer/support/{id}/notes"),
            &[("csrf", &csrf), ("newNote", "All of them")],
        )
        .await;
    assert_eq!(answered.status, StatusCode::SEE_OTHER);
    let back = agent.get(&format!("/support/{id}")).await;
    assert!(
        back.html.contains(r#"data-testid="request-status">Open<"#),
        "{}",
        back.text
    );

    // Escalation needs a reason; then the provider sees the request, not the team's note.
    let csrf = back.csrf();
    assert!(back.contains("Escalate to Provider"));
    let no_reason = agent
        .post(
            &format!("/support/{id}/escalate"),
            &[("csrf", &csrf), ("reason", "")],
        )
        .await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    let escalated = agent
        .post(
            &format!("/support/{id}/escalate"),
            &[("csrf", &csrf), ("reason", "Looks tenant-wide")],
        )
        .await;
    assert_eq!(escalated.status, StatusCode::SEE_OTHER, "{}", escalated.text);
    let provider = Visitor::new_user(&app, Role::AdminAgent, "lead@provider.example").await;
    let theirs = provider.get(&format!("/support/{id}")).await;
    assert_eq!(theirs.status, StatusCode::OK);
    assert!(theirs.contains("Looks tenant-wide"));
    assert!(theirs.contains("All of them"));
    assert!(!theirs.contains("Check the MFA policy"));
    // The provider, at the top, hands it to the operator; then nobody is above it.
    assert!(theirs.contains("Escalate to the operator"), "{}", theirs.text);
    let to_operator = provider
        .post(
            &format!("/support/{id}/escalate"),
            &[("csrf", &theirs.csrf()), ("reason", "Needs the vendor")],
        )
        .await;
    assert_eq!(to_operator.status, StatusCode::SEE_OTHER, "{}", to_operator.text);
    let theirs = provider.get(&format!("/support/{id}")).await;
    assert!(
        theirs
            .html
            .contains(r#"data-testid="escalated-to">Provider, the operator<"#),
        "{}",
        theirs.text
    );
    assert!(!theirs.contains("Escalate to"));
    assert!(
        !agent.get(&format!("/support/{id}")).await.contains("Escalate to"),
        "the reseller escalated once"
    );

    // The customer closes it; a second click changes nothing; it can be reopened.
    let csrf = customer.get(&format!("/customer/support/{id}")).await.csrf();
    for _ in 0..2 {
        let closed = customer
            .post(
                &format!("/customer/support/{id}/status"),
                &[("csrf", &csrf), ("status", "closed")],
            )
            .await;
        assert_eq!(closed.status, StatusCode::SEE_OTHER);
    }
    let closed = customer.get(&format!("/customer/support/{id}")).await;
    assert!(closed.html.contains(r#"data-testid="reopen-request""#));

    // Nobody else sees it.
    let other = app.create_customer(&customer_body("stranger")).await;
    let stranger = customer_admin(&app, &other).await;
    assert_eq!(
        stranger.get(&format!("/customer/support/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    let other_reseller = app
        .user_with_password(&app.resellers[1], Role::AdminAgent, "admin@reseller-two.example")
        .await;
    let outsider = Visitor::sign_in(&app.base, "admin@reseller-two.example", &other_reseller).await;
    assert_eq!(
        outsider.get(&format!("/support/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    let sales = Visitor::new_user(&app, Role::SalesAgent, "sales@provider.example").await;
    let csrf = sales.get(&format!("/support/{id}")).await.csrf();
    let read_only = sales
        .post(
            &format!("/support/{id}/notes"),
            &[("csrf", &csrf), ("newNote", "hi"), ("visibility", "public")],
        )
        .await;
    assert_eq!(read_only.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn an_agent_opens_a_request_for_a_customer_in_the_agents_language() {
    let app = TestApp::spawn().await;
    let created = app.create_customer(&customer_body("behalf")).await;
    let customer = created["id"].as_str().unwrap_or_default().to_owned();
    let agent = Visitor::new_user(&app, Role::AdminAgent, "agent@provider.example").await;
    let detail = agent.get(&format!("/customers/{customer}")).await;
    assert!(
        detail
            .html
            .contains(&format!(r#"href="/customers/{customer}/support/new""#))
    );
    let form = agent.get(&format!("/customers/{customer}/support/new")).await;
    let csrf = form.csrf();
    let language = agent
        .post(
            "/language",
            &[("csrf", &csrf), ("locale", "fr-FR"), ("next", "/support")],
        )
        .await;
    assert!(language.status.is_redirection());
    let refused = agent
        .post(
            &format!("/customers/{customer}/support/new"),
            &[
                ("csrf", &csrf),
                ("title", ""),
                ("severity", "minimal"),
                ("supportTopicId", "32444606"),
                ("description", "x"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.html.contains(r##"<a href="#title">Titre"##),
        "{}",
        refused.text
    );
    assert!(refused.contains("Cette valeur est obligatoire."));
    let opened = agent
        .post(
            &format!("/customers/{customer}/support/new"),
            &[
                ("csrf", &csrf),
                ("title", "Licences"),
                ("severity", "minimal"),
                ("supportTopicId", "32444602"),
                ("description", "Deux de plus"),
            ],
        )
        .await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.text);
    let id = number(opened.location.as_deref());
    let queue = agent.get(&format!("/support?customer={customer}")).await;
    assert!(queue.html.contains(&format!(r#"href="/support/{id}""#)));
    assert!(queue.contains("Minimale"));
    let none = agent
        .get(&format!("/support?customer={customer}&status=closed"))
        .await;
    assert!(none.html.contains(r#"data-testid="no-requests""#));
}

#[tokio::test]
async fn each_step_mails_the_other_side_in_its_language_and_waits_while_smtp_is_down() {
    use partnerdesk_domain::audit::Actor;
    use partnerdesk_domain::support::SupportProfile;
    use partnerdesk_web::mail::{Mailer, deliver_due};

    use crate::support::smtp::SmtpSink;

    let app = TestApp::spawn().await;
    let reseller = app.resellers[0].clone();
    let profile = SupportProfile {
        email: "help@reseller-one.example".into(),
        telephone: "+14255550100".into(),
        ..SupportProfile::default()
    };
    app.store
        .set_support_profile(reseller.id, profile, Actor::operator())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    // The reseller's support staff read French: mail to its support address is in French.
    app.support_staff(&reseller, "lead@reseller-one.example", "fr-FR")
        .await;
    // A Québec customer, whose contact reads French.
    let mut body = crate::support::plain_customer_body("quebec");
    body["associatedPartnerId"] = json!(reseller.id.to_string());
    body["billingProfile"]["email"] = json!("marie@quebec.example");
    body["billingProfile"]["culture"] = json!("fr-CA");
    body["billingProfile"]["language"] = json!("fr");
    body["billingProfile"]["defaultAddress"] = json!({
        "country": "CA", "city": "Montréal", "state": "QC", "addressLine1": "1 rue Sainte-Catherine",
        "postalCode": "H2X 1Y4", "firstName": "Marie", "lastName": "Tremblay", "phoneNumber": "514 555 0101"
    });
    let created = app.create_customer(&body).await;
    let customer = customer_admin(&app, &created).await;
    let id = open_request(
        &customer,
        &[
            ("title", "Courriel en panne"),
            ("severity", "critical"),
            ("supportTopicId", "32444604"),
            ("description", "Depuis 9 h."),
        ],
    )
    .await;

    let password = app
        .user_with_password(&reseller, Role::HelpdeskAgent, "help.desk@reseller-one.example")
        .await;
    let agent = Visitor::sign_in(&app.base, "help.desk@reseller-one.example", &password).await;
    let csrf = agent.get(&format!("/support/{id}")).await.csrf();
    for (path, fields) in [
        (
            "notes",
            vec![("newNote", "Quels utilisateurs ?"), ("visibility", "public")],
        ),
        (
            "notes",
            vec![("newNote", "Team only: check MX"), ("visibility", "internal")],
        ),
        ("status", vec![("status", "attention_needed")]),
    ] {
        let mut form = vec![("csrf", csrf.as_str())];
        form.extend(fields);
        let done = agent.post(&format!("/support/{id}/{path}"), &form).await;
        assert_eq!(
            done.status,
            StatusCode::SEE_OTHER,
            "the change is made whatever the mail"
        );
    }
    let queued = app
        .store
        .outbox(None, true, 10)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        queued.len(),
        3,
        "opened, answered, waiting — no mail for a team note"
    );

    // The SMTP server is down: nothing is lost, each message waits for its next attempt.
    let closed_port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("{e}"));
        listener.local_addr().map(|a| a.port()).unwrap_or_default()
    };
    let down = Mailer::new(
        &format!("smtp://127.0.0.1:{closed_port}"),
        "Partnerdesk <no-reply@partnerdesk.example>",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let now = time::OffsetDateTime::now_utc();
    let sent = deliver_due(&app.state, &down, now)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(sent, 0);
    let waiting = app.store.outbox(None, true, 10).await.unwrap_or_default();
    assert_eq!(waiting.len(), 3);
    assert!(waiting.iter().all(|m| m.attempts == 1 && m.last_error.is_some()));
    let admin_password = app
        .user_with_password(&reseller, Role::AdminAgent, "boss@reseller-one.example")
        .await;
    let admin = Visitor::sign_in(&app.base, "boss@reseller-one.example", &admin_password).await;
    let outbox = admin.get("/support/mail").await;
    assert_eq!(outbox.status, StatusCode::OK);
    assert_eq!(
        outbox.html.matches("Not sent yet (1)").count(),
        3,
        "{}",
        outbox.text
    );
    assert!(outbox.contains("marie@quebec.example"));
    assert_eq!(
        agent.get("/support/mail").await.status,
        StatusCode::FORBIDDEN,
        "admin agents only"
    );

    // It comes back; the retry sends every message once.
    let sink = SmtpSink::start().await;
    let up = Mailer::new(&sink.url, "Partnerdesk <no-reply@partnerdesk.example>")
        .unwrap_or_else(|e| panic!("{e}"));
    let later = now + time::Duration::minutes(5);
    assert_eq!(deliver_due(&app.state, &up, later).await.unwrap_or_default(), 3);
    assert_eq!(deliver_due(&app.state, &up, later).await.unwrap_or_default(), 0);
    let received = sink.messages();
    let to = |address: &str| {
        received
            .iter()
            .filter(|m| m.to.iter().any(|t| t == address))
            .map(|m| m.decoded())
            .collect::<Vec<_>>()
    };
    let partner = to("help@reseller-one.example");
    assert_eq!(partner.len(), 1, "{received:?}");
    assert!(
        partner[0].contains(&format!(
            "<title>[{id}] Nouvelle demande (Critique) de quebec Inc : Courriel en panne</title>"
        )),
        "{}",
        partner[0]
    );
    assert!(partner[0].contains(&format!("http://127.0.0.1:8080/support/{id}")));
    let customer_mail = to("marie@quebec.example");
    assert_eq!(customer_mail.len(), 2, "{received:?}");
    let answered = customer_mail
        .iter()
        .find(|m| m.contains("Quels utilisateurs"))
        .cloned()
        .unwrap_or_default();
    for expected in [
        "Content-Type: text/plain",
        "Content-Type: text/html",
        &format!("<title>[{id}] Réponse de Reseller One : Courriel en panne</title>"),
        "> Quels utilisateurs ?",
        &format!("http://127.0.0.1:8080/customer/support/{id}"),
        "Support de Reseller One : help@reseller-one.example, +14255550100",
    ] {
        assert!(answered.contains(expected), "{expected}: {answered}");
    }
    assert!(
        customer_mail
            .iter()
            .any(|m| m.contains("Votre réponse est attendue")),
        "the waiting mail, in French"
    );
    assert!(
        !received.iter().any(|m| m.decoded().contains("check MX")),
        "team notes never leave the team"
    );
}

#[tokio::test]
async fn a_customer_says_which_subscription_a_request_is_about() {
    let app = TestApp::spawn().await;
    let reseller = app.resellers[0].clone();
    let mut body = customer_body("concerned");
    body["associatedPartnerId"] = json!(reseller.id.to_string());
    let created = app.create_customer(&body).await;
    let customer = customer_admin(&app, &created).await;
    let form = customer.get("/customer/support/new").await;
    assert!(form.contains("Subscription concerned"), "{}", form.text);
    let option = regex::Regex::new(r#"<option value="([0-9a-f-]{36})">Business Mail Standard</option>"#)
        .ok()
        .and_then(|re| re.captures(&form.html).map(|c| c[1].to_owned()))
        .unwrap_or_else(|| panic!("{}", form.html));
    let csrf = form.csrf();
    let post = |subscription: String| {
        let csrf = csrf.clone();
        let customer = &customer;
        async move {
            customer
                .post(
                    "/customer/support/new",
                    &[
                        ("csrf", csrf.as_str()),
                        ("title", "Two licenses missing"),
                        ("severity", "minimal"),
                        ("supportTopicId", "32444602"),
                        ("subscriptionId", subscription.as_str()),
                        ("description", "We bought 10."),
                    ],
                )
                .await
        }
    };
    let refused = post(uuid::Uuid::new_v4().to_string()).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.contains("Subscription concerned: Choose one of the customer's subscriptions"),
        "{}",
        refused.text
    );
    let opened = post(option).await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.text);
    let id = number(opened.location.as_deref());
    let page = customer.follow(opened).await;
    assert!(
        page.html
            .contains(r#"data-testid="product">Business Mail Standard<"#),
        "{}",
        page.text
    );
    // It went to the reseller that sells it, which reads what it is about.
    let password = app
        .user_with_password(&reseller, Role::HelpdeskAgent, "desk@reseller-one.example")
        .await;
    let agent = Visitor::sign_in(&app.base, "desk@reseller-one.example", &password).await;
    let request = agent.get(&format!("/support/{id}")).await;
    assert_eq!(request.status, StatusCode::OK);
    assert!(
        request
            .html
            .contains(r#"data-testid="product">Business Mail Standard<"#),
        "{}",
        request.text
    );
}

#[tokio::test]
async fn the_customers_answers_and_reopening_reach_everyone_working_the_request() {
    use partnerdesk_domain::audit::Actor;
    use partnerdesk_domain::mail::MailKind;
    use partnerdesk_domain::profile::{CloudProfile, ProfileName};
    use partnerdesk_domain::support::SupportProfile;
    use partnerdesk_web::Settings;

    let mut settings =
        Settings::new(CloudProfile::builtin(ProfileName::Global).unwrap_or_else(|| unreachable!()));
    settings.operator_email = Some("desk@operator.example".into());
    let app = TestApp::spawn_configured(settings).await;
    let reseller = app.resellers[0].clone();
    for (partner, email) in [
        (reseller.id, "help@reseller-one.example"),
        (app.provider.id, "lead@provider.example"),
    ] {
        let profile = SupportProfile {
            email: email.into(),
            ..SupportProfile::default()
        };
        app.store
            .set_support_profile(partner, profile, Actor::operator())
            .await
            .unwrap_or_else(|e| panic!("{e}"));
    }
    app.support_staff(&app.provider, "lead@provider.example", "fr-FR")
        .await;
    let mut body = customer_body("answering");
    body["associatedPartnerId"] = json!(reseller.id.to_string());
    let created = app.create_customer(&body).await;
    let customer = customer_admin(&app, &created).await;
    let id = open_request(
        &customer,
        &[
            ("title", "Mail bounces"),
            ("severity", "moderate"),
            ("supportTopicId", "32444601"),
            ("description", "Since Monday"),
        ],
    )
    .await;
    let sent = |kind: MailKind| {
        let store = app.store.clone();
        async move {
            let outbox = store
                .outbox(None, true, 50)
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            let mut found: Vec<_> = outbox
                .iter()
                .filter(|m| m.kind == kind)
                .map(|m| (m.recipient.clone(), partnerdesk_web::mail::render(m)))
                .collect();
            found.sort_by(|a, b| a.0.cmp(&b.0));
            found
        }
    };
    let answer = |text: &'static str| {
        let customer = &customer;
        let page = format!("/customer/support/{id}");
        async move {
            let csrf = customer.get(&page).await.csrf();
            let path = format!("{page}/notes");
            let added = customer.post(&path, &[("csrf", &csrf), ("newNote", text)]).await;
            assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.text);
        }
    };

    // Addressed to the reseller only: its support address hears the answer.
    answer("Only external senders").await;
    let heard = sent(MailKind::ServiceRequestCustomerAnswered).await;
    assert_eq!(heard.len(), 1, "{heard:?}");
    assert_eq!(heard[0].0, "help@reseller-one.example");
    let company = body["billingProfile"]["companyName"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(
        heard[0].1.subject,
        format!("[{id}] {company} answered: Mail bounces")
    );
    assert!(
        heard[0].1.text.contains("> Only external senders"),
        "{}",
        heard[0].1.text
    );
    assert!(
        heard[0].1.text.contains(&format!("/support/{id}")),
        "{}",
        heard[0].1.text
    );

    // Escalated to the provider, then to the operator: all three hear the next answer.
    let reseller_admin = {
        let password = app
            .user_with_password(&reseller, Role::AdminAgent, "admin@reseller-one.example")
            .await;
        Visitor::sign_in(&app.base, "admin@reseller-one.example", &password).await
    };
    let provider_admin = Visitor::new_user(&app, Role::AdminAgent, "chief@provider.example").await;
    for (agent, reason) in [
        (&reseller_admin, "Tenant-wide"),
        (&provider_admin, "Needs the vendor"),
    ] {
        let csrf = agent.get(&format!("/support/{id}")).await.csrf();
        let up = agent
            .post(
                &format!("/support/{id}/escalate"),
                &[("csrf", &csrf), ("reason", reason)],
            )
            .await;
        assert_eq!(up.status, StatusCode::SEE_OTHER, "{}", up.text);
    }
    answer("And some internal ones").await;
    let heard = sent(MailKind::ServiceRequestCustomerAnswered).await;
    let to: Vec<_> = heard.iter().map(|(to, _)| to.as_str()).collect();
    assert_eq!(
        to,
        [
            "desk@operator.example",
            "help@reseller-one.example",
            "help@reseller-one.example",
            "lead@provider.example"
        ]
    );
    assert_eq!(
        heard[3].1.subject,
        format!("[{id}] Réponse de {company} : Mail bounces"),
        "in the provider's support staff's language"
    );
    assert!(
        heard[0].1.text.contains("> And some internal ones"),
        "{}",
        heard[0].1.text
    );

    // Closing tells nobody; reopening tells the three of them.
    let csrf = customer.get(&format!("/customer/support/{id}")).await.csrf();
    for status in ["closed", "open"] {
        let changed = customer
            .post(
                &format!("/customer/support/{id}/status"),
                &[("csrf", &csrf), ("status", status)],
            )
            .await;
        assert_eq!(changed.status, StatusCode::SEE_OTHER, "{}", changed.text);
        let expected = if status == "closed" { 0 } else { 3 };
        assert_eq!(
            sent(MailKind::ServiceRequestReopened).await.len(),
            expected,
            "{status}"
        );
    }
    let reopened = sent(MailKind::ServiceRequestReopened).await;
    assert_eq!(
        reopened[1].1.subject,
        format!("[{id}] Reopened by {company}: Mail bounces")
    );
}
