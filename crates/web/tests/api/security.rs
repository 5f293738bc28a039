//! Issue 9's findings against the API: add-on purchases that happen once per
//! `MS-RequestId`, temporary passwords kept sealed with the server's key, request ids
//! reused after their answers expired, and unknown bearer tokens throttled per client
//! address.

use partnerdesk_secrets as secrets;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{TestApp, customer_body, expect, send};

/// A customer with PDC-MAIL-STD × 10; returns (customer id, mail subscription id, order id).
async fn customer_with_mail(app: &TestApp, prefix: &str) -> (String, String, String) {
    let created = app.create_customer(&customer_body(prefix)).await;
    let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
    (
        text(&created["id"]),
        text(&created["order"]["lineItems"][0]["subscriptionId"]),
        text(&created["order"]["id"]),
    )
}

fn archive(parent: &str) -> Value {
    json!({"lineItems": [
        {"lineItemNumber": 0, "offerId": "PDC-MAIL-ARCHIVE", "quantity": 3, "parentSubscriptionId": parent}
    ]})
}

async fn add_on_count(app: &TestApp, customer: &str, parent: &str) -> i64 {
    let path = format!("/v1/customers/{customer}/subscriptions/{parent}/addons");
    let add_ons = expect(app.get(&path).await, StatusCode::OK).await;
    add_ons["totalCount"].as_i64().unwrap_or(-1)
}

#[tokio::test]
async fn a_retried_add_on_purchase_buys_once_and_answers_the_order_as_first_answered() {
    let app = TestApp::spawn().await;
    let (customer, mail, order) = customer_with_mail(&app, "retried").await;
    let path = format!("/v1/customers/{customer}/orders/{order}");
    let buy = || {
        send(
            app.request(Method::PATCH, &path)
                .header("MS-RequestId", "add-on-once")
                .json(&archive(&mail)),
        )
    };
    let first = expect(buy().await, StatusCode::OK).await;
    assert_eq!(first["lineItems"].as_array().map(Vec::len), Some(3));
    let retried = expect(buy().await, StatusCode::OK).await;
    assert_eq!(retried, first, "the same answer, not a second purchase");
    assert_eq!(add_on_count(&app, &customer, &mail).await, 1);

    let other = send(
        app.request(Method::PATCH, &path)
            .header("MS-RequestId", "add-on-once")
            .json(&json!({"lineItems": [
                {"lineItemNumber": 0, "offerId": "PDC-MAIL-ARCHIVE", "quantity": 4, "parentSubscriptionId": mail}
            ]})),
    )
    .await;
    assert_eq!(
        expect(other, StatusCode::CONFLICT).await["errorName"],
        "RequestIdReused"
    );
    assert_eq!(add_on_count(&app, &customer, &mail).await, 1);
}

#[tokio::test]
async fn parallel_add_on_purchases_with_one_request_id_buy_once() {
    let app = TestApp::spawn().await;
    let (customer, mail, order) = customer_with_mail(&app, "parallel").await;
    let path = format!("/v1/customers/{customer}/orders/{order}");
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let request = app
                .request(Method::PATCH, &path)
                .header("MS-RequestId", "add-on-parallel")
                .json(&archive(&mail));
            tokio::spawn(async move { expect(send(request).await, StatusCode::OK).await })
        })
        .collect();
    let mut answers = Vec::new();
    for task in tasks {
        answers.push(task.await.unwrap_or_else(|e| panic!("{e}")));
    }
    assert!(answers.iter().all(|a| *a == answers[0]), "{answers:?}");
    assert_eq!(answers[0]["lineItems"].as_array().map(Vec::len), Some(3));
    assert_eq!(add_on_count(&app, &customer, &mail).await, 1);
}

#[tokio::test]
async fn a_kept_temporary_password_needs_the_servers_key_to_open() {
    let app = TestApp::spawn().await;
    let created = send(
        app.request(Method::POST, "/v1/customers")
            .header("MS-RequestId", "sealed-once")
            .json(&customer_body("sealed")),
    )
    .await;
    let created = expect(created, StatusCode::CREATED).await;
    let password = created["userCredentials"]["password"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let kept = app
        .store
        .stored_response(app.provider.id, secrets::sha256(b"sealed-once"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let sealed = kept.and_then(|k| k.sealed_secret).unwrap_or_default();
    assert!(!sealed.is_empty(), "the password is kept sealed");
    let partner = app.provider.id.to_string();
    let server = app.store.server_secret().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        secrets::open(&sealed, &server, "sealed-once", partner.as_bytes()),
        Some(password)
    );
    assert_eq!(
        secrets::open(&sealed, &[0; 32], "sealed-once", partner.as_bytes()),
        None,
        "the request id and the partner alone don't open it"
    );
}

#[tokio::test]
async fn a_request_id_reused_after_its_answer_expired_makes_a_new_customer() {
    let app = TestApp::spawn().await;
    let create = |prefix: &str| {
        send(
            app.request(Method::POST, "/v1/customers")
                .header("MS-RequestId", "reused-next-day")
                .json(&customer_body(prefix)),
        )
    };
    expect(create("yesterday").await, StatusCode::CREATED).await;
    partnerdesk_store::testing::age_idempotency_records(&app.store, time::Duration::hours(25))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let today = expect(create("today").await, StatusCode::CREATED).await;
    assert_eq!(today["companyProfile"]["domain"], "today.onmicrosoft.com");
    assert_eq!(app.rows().await["customers"], 2);
    let replayed = expect(create("today").await, StatusCode::CREATED).await;
    assert_eq!(replayed["id"], today["id"], "the new answer is kept");
}

#[tokio::test]
async fn unknown_tokens_from_one_address_are_throttled() {
    let app = TestApp::spawn().await;
    assert_eq!(app.get("/v1/customers").await.status(), StatusCode::OK);
    let mut statuses = Vec::new();
    let mut retry_after = None;
    for i in 0..60 {
        let response = send(app.request_as(&format!("pd_guess-{i}"), Method::GET, "/v1/customers")).await;
        if response.status() == StatusCode::TOO_MANY_REQUESTS {
            retry_after = response
                .headers()
                .get("retry-after")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse::<u64>().ok());
        }
        statuses.push(response.status());
    }
    let refused = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNAUTHORIZED)
        .count();
    assert!(
        (1..60).contains(&refused),
        "some guesses are looked up, then the address waits: {statuses:?}"
    );
    assert!(
        statuses[refused..]
            .iter()
            .all(|s| *s == StatusCode::TOO_MANY_REQUESTS),
        "{statuses:?}"
    );
    assert!(
        retry_after.is_some_and(|s| (1..=60).contains(&s)),
        "{retry_after:?}"
    );
    assert_eq!(
        app.get("/v1/customers").await.status(),
        StatusCode::OK,
        "a valid token used a moment ago still works"
    );
}

#[tokio::test]
async fn a_token_found_bad_is_refused_for_a_few_seconds_without_a_lookup() {
    let app = TestApp::spawn().await;
    let token = secrets::generate_token();
    let before = send(app.request_as(&token, Method::GET, "/v1/customers")).await;
    assert_eq!(before.status(), StatusCode::UNAUTHORIZED);
    let user = app
        .store
        .create_partner_user(
            app.provider.id,
            "late@provider.example",
            partnerdesk_domain::partner::Role::AdminAgent,
            "unused".into(),
            partnerdesk_domain::audit::Actor::operator(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    app.store
        .create_api_token(
            &user,
            "late",
            secrets::sha256(token.as_bytes()),
            None,
            partnerdesk_domain::audit::Actor::operator(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let remembered = send(app.request_as(&token, Method::GET, "/v1/customers")).await;
    assert_eq!(
        remembered.status(),
        StatusCode::UNAUTHORIZED,
        "refused as it was a moment ago: the database wasn't asked again"
    );
}
