//! Support through the API: the support profile, service requests opened on a customer's
//! behalf, worked (notes, status, assignment), escalated (a reseller to its provider, the partner at the top to the operator),
//! listed with filters and pages — and bad input refused naming the field.

use partnerdesk_domain::partner::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{TestApp, customer_body, expect, fields, send};

fn ids(list: &Value) -> Vec<String> {
    list["items"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| r["id"].as_str().unwrap_or_default().to_owned())
        .collect()
}

fn request_body(customer: &str, title: &str) -> Value {
    json!({
        "customerId": customer,
        "title": title,
        "description": "Users get error 50076 when they sign in.",
        "severity": "critical",
        "supportTopicId": 32444601
    })
}

/// A customer that the first indirect reseller sells to, and that reseller's admin agent's
/// token.
async fn reseller_customer(app: &TestApp, domain: &str) -> (String, String) {
    let reseller = app.resellers[0].clone();
    let mut body = customer_body(domain);
    body["associatedPartnerId"] = json!(reseller.id.to_string());
    let customer = app.create_customer(&body).await;
    let token = app
        .token_for(&reseller, Role::AdminAgent, "admin@reseller-one.example")
        .await;
    (customer["id"].as_str().unwrap_or_default().to_owned(), token)
}

#[tokio::test]
async fn the_support_profile_is_published_by_admin_agents_and_checked() {
    let app = TestApp::spawn().await;
    let missing = expect(app.get("/v1/profiles/support").await, StatusCode::NOT_FOUND).await;
    assert_eq!(missing["errorName"], "NotFound");
    let bad = send(app.request(Method::PUT, "/v1/profiles/support").json(&json!({
        "Email": "not an email", "telephone": "0800 123", "website": "ftp://x"
    })))
    .await;
    let bad = expect(bad, StatusCode::BAD_REQUEST).await;
    assert_eq!(
        fields(&bad),
        [
            ("email".to_owned(), "EmailInvalid".to_owned()),
            ("telephone".to_owned(), "PhoneNotInternational".to_owned()),
            ("website".to_owned(), "WebsiteInvalid".to_owned()),
        ]
    );
    let put = send(app.request(Method::PUT, "/v1/profiles/support").json(&json!({
        "email": "help@provider.example",
        "telephone": "+1 425 555 0100",
        "website": "https://provider.example/support",
        "hours": "24/7",
        "pricing": "Included"
    })))
    .await;
    let put = expect(put, StatusCode::OK).await;
    assert_eq!(put["telephone"], "+14255550100");
    assert_eq!(put["attributes"]["objectType"], "SupportProfile");
    let read = expect(app.get("/v1/profiles/support").await, StatusCode::OK).await;
    assert_eq!(read["email"], "help@provider.example");

    let sales = app
        .token_for(&app.provider, Role::SalesAgent, "sales@provider.example")
        .await;
    let refused = send(
        app.request_as(&sales, Method::PUT, "/v1/profiles/support")
            .json(&json!({"email": "x@provider.example"})),
    )
    .await;
    expect(refused, StatusCode::FORBIDDEN).await;
}

#[tokio::test]
async fn a_request_is_opened_once_worked_and_refused_when_incomplete() {
    let app = TestApp::spawn().await;
    let customer = app.create_customer(&customer_body("supported")).await;
    let customer = customer["id"].as_str().unwrap_or_default().to_owned();

    let empty = send(
        app.request(Method::POST, "/v1/servicerequests/en-US")
            .json(&json!({
                "customerId": customer, "title": " ", "severity": "urgent"
            })),
    )
    .await;
    let empty = expect(empty, StatusCode::BAD_REQUEST).await;
    assert_eq!(
        fields(&empty),
        [
            ("title".to_owned(), "Required".to_owned()),
            ("description".to_owned(), "Required".to_owned()),
            ("severity".to_owned(), "SeverityUnknown".to_owned()),
            ("supportTopicId".to_owned(), "Required".to_owned()),
        ]
    );
    let french = send(
        app.request(Method::POST, "/v1/servicerequests/fr-FR")
            .header("X-Locale", "fr-FR")
            .json(&json!({"customerId": customer})),
    )
    .await;
    let french = expect(french, StatusCode::BAD_REQUEST).await;
    assert!(
        french["data"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("obligatoire"),
        "{french}"
    );
    let unknown_locale = send(
        app.request(Method::POST, "/v1/servicerequests/xx-XX")
            .json(&request_body(&customer, "x")),
    )
    .await;
    expect(unknown_locale, StatusCode::NOT_FOUND).await;

    let open = || {
        app.request(Method::POST, "/v1/servicerequests/en-US")
            .header("MS-RequestId", "b8d5a3c2-sr-1")
            .json(&request_body(&customer, "Sign-in fails"))
    };
    let created = send(open()).await;
    let location = created
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let created = expect(created, StatusCode::CREATED).await;
    let id = created["id"].as_str().unwrap_or_default().to_owned();
    assert_eq!(location, format!("/v1/servicerequests/{id}"));
    assert_eq!(
        (
            &created["status"],
            &created["severity"],
            &created["supportTopicName"]
        ),
        (&json!("open"), &json!("critical"), &json!("Signing in"))
    );
    assert_eq!(
        created["primaryContact"]["email"], "ana@contoso.example",
        "the customer's contact, whom the partner answers"
    );
    assert_eq!(created["overdue"], false);
    let retried = expect(send(open()).await, StatusCode::CREATED).await;
    assert_eq!(retried["id"], created["id"], "a retry opens nothing new");
    let listed = expect(app.get("/v1/servicerequests").await, StatusCode::OK).await;
    assert_eq!(ids(&listed), [id.as_str()]);

    let path = format!("/v1/servicerequests/{id}");
    let patch = |body: Value| app.request(Method::PATCH, &path).json(&body);
    let both = expect(
        send(patch(json!({"status": "closed", "assignee": ""}))).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(both["errorName"], "InvalidValue");
    let noted = expect(
        send(patch(
            json!({"newNote": {"text": "Reset the MFA registration.", "visibility": "internal"}}),
        ))
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        noted["firstResponseDate"],
        Value::Null,
        "an internal note isn't an answer"
    );
    let answered = expect(
        send(patch(json!({"NewNote": {"Text": "Which users are affected?"}}))).await,
        StatusCode::OK,
    )
    .await;
    assert!(answered["firstResponseDate"].is_string());
    assert_eq!(answered["notes"][1]["createdByName"], "admin@provider.example");
    let waiting = expect(
        send(patch(json!({"Status": "attention_needed"}))).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(waiting["status"], "attention_needed");
    for (body, field) in [
        (json!({"status": "AttentionNeeded"}), "status"),
        (json!({"status": 3}), "status"),
        (json!({"newNote": {"text": "x", "visibility": "Public"}}), ""),
    ] {
        let refused = expect(send(patch(body.clone())).await, StatusCode::BAD_REQUEST).await;
        if !field.is_empty() {
            assert_eq!(
                fields(&refused)[0].0,
                field,
                "{body}: values are taken as the document lists them"
            );
        }
    }
    let same = expect(
        send(patch(json!({"status": "attention_needed"}))).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(
        fields(&same),
        [("status".to_owned(), "RequestStatusSame".to_owned())]
    );
    let blank_note = expect(
        send(patch(json!({"newNote": {"text": ""}}))).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(
        fields(&blank_note),
        [("newNote.text".to_owned(), "Required".to_owned())]
    );

    let helpdesk = app
        .token_for(&app.provider, Role::HelpdeskAgent, "helpdesk@provider.example")
        .await;
    let agents = app.store.partner_users(app.provider.id).await.unwrap_or_default();
    let helper = agents
        .iter()
        .find(|u| u.email == "helpdesk@provider.example")
        .map(|u| u.id.to_string())
        .unwrap_or_default();
    let assigned = expect(send(patch(json!({"assignee": helper}))).await, StatusCode::OK).await;
    assert_eq!(assigned["assignee"]["email"], "helpdesk@provider.example");
    let mine = expect(
        send(app.request_as(
            &helpdesk,
            Method::GET,
            "/v1/servicerequests?assignee=me&status=attention_needed",
        ))
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(ids(&mine), [id.as_str()]);
    let sales = app
        .token_for(&app.provider, Role::SalesAgent, "sales@provider.example")
        .await;
    let read_only = send(
        app.request_as(&sales, Method::PATCH, &path)
            .json(&json!({"status": "closed"})),
    )
    .await;
    expect(read_only, StatusCode::FORBIDDEN).await;
    // The partner at the top hands it to the operator, once.
    let escalate = || {
        send(patch(
            json!({"escalate": true, "newNote": {"text": "Please help"}}),
        ))
    };
    let escalated = expect(escalate().await, StatusCode::OK).await;
    assert!(escalated["escalatedToOperatorDate"].is_string(), "{escalated}");
    assert_eq!(escalated["escalatedTo"], json!(null));
    let again = expect(escalate().await, StatusCode::BAD_REQUEST).await;
    assert_eq!(
        fields(&again),
        [("escalate".to_owned(), "EscalationUnavailable".to_owned())],
        "the operator has nobody above it"
    );
    let under_customer = expect(
        app.get(&format!("/v1/customers/{customer}/servicerequests/{id}"))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(under_customer["id"], json!(id));
    let other = app.create_customer(&customer_body("otherco")).await;
    let other = other["id"].as_str().unwrap_or_default();
    expect(
        app.get(&format!("/v1/customers/{other}/servicerequests/{id}"))
            .await,
        StatusCode::NOT_FOUND,
    )
    .await;
}

#[tokio::test]
async fn a_reseller_escalates_to_its_provider_who_sees_no_internal_note_of_the_reseller() {
    let app = TestApp::spawn().await;
    let (customer, reseller_token) = reseller_customer(&app, "viareseller").await;
    let as_reseller = |method: Method, path: &str| app.request_as(&reseller_token, method, path);

    let created =
        send(as_reseller(Method::POST, "/v1/servicerequests/en-US").json(&request_body(&customer, "Outage")))
            .await;
    let created = expect(created, StatusCode::CREATED).await;
    let id = created["id"].as_str().unwrap_or_default().to_owned();
    let path = format!("/v1/servicerequests/{id}");
    // Not the provider's until escalated.
    expect(app.get(&path).await, StatusCode::NOT_FOUND).await;
    send(
        as_reseller(Method::PATCH, &path)
            .json(&json!({"newNote": {"text": "Our notes only", "visibility": "internal"}})),
    )
    .await;
    let escalated = send(
        as_reseller(Method::PATCH, &path)
            .json(&json!({"escalate": true, "newNote": {"text": "Tenant-wide, please check"}})),
    )
    .await;
    let escalated = expect(escalated, StatusCode::OK).await;
    assert_eq!(escalated["escalatedTo"]["id"], json!(app.provider.id.to_string()));
    assert_eq!(escalated["escalatedToOperatorDate"], json!(null));

    let seen = expect(app.get(&path).await, StatusCode::OK).await;
    let texts: Vec<_> = seen["notes"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|n| {
            (
                n["text"].as_str().unwrap_or_default().to_owned(),
                n["visibility"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        texts,
        [("Tenant-wide, please check".to_owned(), "partners".to_owned())]
    );
    let queue = expect(
        app.get("/v1/servicerequests?severity=critical&overdue=false")
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(ids(&queue), [id.as_str()]);
    let again = send(
        as_reseller(Method::PATCH, &path).json(&json!({"escalate": true, "newNote": {"text": "again"}})),
    )
    .await;
    expect(again, StatusCode::BAD_REQUEST).await;
}

#[tokio::test]
async fn lists_page_by_continuation_token_and_refuse_bad_parameters() {
    let app = TestApp::spawn().await;
    let customer = app.create_customer(&customer_body("paged")).await;
    let customer = customer["id"].as_str().unwrap_or_default().to_owned();
    let mut opened = Vec::new();
    for i in 0..3 {
        let created = send(
            app.request(Method::POST, "/v1/servicerequests/en-US")
                .json(&request_body(&customer, &format!("Request {i}"))),
        )
        .await;
        opened.push(
            expect(created, StatusCode::CREATED).await["id"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
        );
    }
    let first = expect(
        app.get(&format!("/v1/customers/{customer}/servicerequests?size=2"))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(ids(&first), [opened[2].clone(), opened[1].clone()]);
    let token = first["continuationToken"].as_str().unwrap_or_default().to_owned();
    let next = send(
        app.request(
            Method::GET,
            &format!("/v1/customers/{customer}/servicerequests?size=2&seekOperation=Next"),
        )
        .header("MS-ContinuationToken", &token),
    )
    .await;
    let next = expect(next, StatusCode::OK).await;
    assert_eq!(ids(&next), [opened[0].clone()]);
    assert!(next.get("continuationToken").is_none());
    let other_filters = send(
        app.request(
            Method::GET,
            "/v1/servicerequests?size=2&status=open&seekOperation=Next",
        )
        .header("MS-ContinuationToken", &token),
    )
    .await;
    expect(other_filters, StatusCode::BAD_REQUEST).await;
    for bad in [
        "size=0",
        "size=201",
        "status=pending",
        "severity=Critical",
        "overdue=yes",
        "assignee=someone",
    ] {
        let answer = expect(
            app.get(&format!("/v1/servicerequests?{bad}")).await,
            StatusCode::BAD_REQUEST,
        )
        .await;
        let parameter = bad.split('=').next().unwrap_or_default();
        assert_eq!(answer["data"][0]["field"], parameter, "{bad}");
    }
    let topics = expect(
        send(
            app.request(Method::GET, "/v1/servicerequests/supporttopics")
                .header("X-Locale", "zh-TW"),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(topics["items"][0]["id"], 32444601);
    assert_eq!(topics["items"][0]["name"], "登入");
}

#[tokio::test]
async fn a_request_names_a_subscription_that_the_caller_sells() {
    let app = TestApp::spawn().await;
    let created = app.create_customer(&customer_body("aboutsub")).await;
    let customer = created["id"].as_str().unwrap_or_default().to_owned();
    let subscriptions = expect(
        app.get(&format!("/v1/customers/{customer}/subscriptions")).await,
        StatusCode::OK,
    )
    .await;
    let subscription = subscriptions["items"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|s| s["offerId"] == "PDC-MAIL-STD")
        .cloned()
        .unwrap_or_default();
    let subscription_id = subscription["id"].as_str().unwrap_or_default().to_owned();

    let mut body = request_body(&customer, "Licenses missing");
    body["subscriptionId"] = json!(uuid::Uuid::new_v4().to_string());
    let refused = expect(
        send(app.request(Method::POST, "/v1/servicerequests/en-US").json(&body)).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert!(
        fields(&refused).contains(&("subscriptionId".into(), "SubscriptionUnknown".into())),
        "{refused}"
    );

    body["subscriptionId"] = json!(subscription_id);
    let opened = expect(
        send(
            app.request(Method::POST, "/v1/servicerequests/fr-FR")
                .header("X-Locale", "fr-FR")
                .json(&body),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(opened["subscriptionId"], json!(subscription_id));
    assert_eq!(opened["productId"], subscription["offerId"]);
    assert_eq!(
        opened["productName"], "Messagerie professionnelle Standard",
        "{opened}"
    );
    let id = opened["id"].as_str().unwrap_or_default();
    let read = expect(
        app.get(&format!("/v1/servicerequests/{id}")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(read["productName"], "Business Mail Standard");

    // A reseller sells none of this customer's subscriptions.
    let reseller = app
        .token_for(&app.resellers[0], Role::AdminAgent, "admin@reseller-one.example")
        .await;
    let hidden = send(
        app.request_as(&reseller, Method::POST, "/v1/servicerequests/en-US")
            .json(&body),
    )
    .await;
    assert_eq!(hidden.status(), StatusCode::NOT_FOUND, "not its customer");
}

#[tokio::test]
async fn each_escalation_mails_whom_it_went_to_in_their_language() {
    use partnerdesk_domain::audit::Actor;
    use partnerdesk_domain::mail::MailKind;
    use partnerdesk_domain::profile::{CloudProfile, ProfileName};
    use partnerdesk_domain::support::SupportProfile;

    let mut settings = partnerdesk_web::Settings::new(
        CloudProfile::builtin(ProfileName::Global).unwrap_or_else(|| unreachable!()),
    );
    settings.operator_email = Some("desk@operator.example".into());
    let app = TestApp::spawn_configured(settings).await;
    // The provider's support address is its lead's, who reads Russian.
    let profile = SupportProfile {
        email: "lead@provider.example".into(),
        ..SupportProfile::default()
    };
    app.store
        .set_support_profile(app.provider.id, profile, Actor::operator())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    app.support_staff(&app.provider, "lead@provider.example", "ru-RU")
        .await;
    let (customer, reseller_token) = reseller_customer(&app, "mailedup").await;
    let created = send(
        app.request_as(&reseller_token, Method::POST, "/v1/servicerequests/en-US")
            .json(&request_body(&customer, "Outage")),
    )
    .await;
    let id = expect(created, StatusCode::CREATED).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let path = format!("/v1/servicerequests/{id}");
    let up = |reason: &str| json!({"escalate": true, "newNote": {"text": reason}});
    expect(
        send(
            app.request_as(&reseller_token, Method::PATCH, &path)
                .json(&up("Tenant-wide")),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    expect(
        send(app.request(Method::PATCH, &path).json(&up("Needs the vendor"))).await,
        StatusCode::OK,
    )
    .await;

    let outbox = app
        .store
        .outbox(None, true, 10)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let mail = |kind: MailKind| {
        let found: Vec<_> = outbox.iter().filter(|m| m.kind == kind).collect();
        assert_eq!(found.len(), 1, "{outbox:?}");
        (
            found[0].recipient.clone(),
            partnerdesk_web::mail::render(found[0]),
        )
    };
    let (to, provider) = mail(MailKind::ServiceRequestEscalated);
    assert_eq!(to, "lead@provider.example");
    assert_eq!(
        provider.subject,
        format!("[{id}] Передан от Reseller One: Outage")
    );
    assert!(provider.text.contains("> Tenant-wide"), "{}", provider.text);
    assert!(
        provider.text.contains(&format!("/support/{id}")),
        "{}",
        provider.text
    );
    let (to, operator) = mail(MailKind::ServiceRequestEscalatedToOperator);
    assert_eq!(to, "desk@operator.example");
    assert_eq!(
        operator.subject,
        format!("[{id}] Escalated to the operator by Provider: Outage")
    );
    assert!(
        operator.text.contains(&format!("partnerdesk support show {id}"))
            && operator.text.contains("> Needs the vendor"),
        "{}",
        operator.text
    );
}
