//! The activity log through `GET /v1/auditrecords`: every change, by whom and from where,
//! for admin agents only, never with a secret.

use partnerdesk_domain::partner::{PartnerKind, Role};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{TestApp, customer_body, expect, send};

fn operations(records: &Value) -> Vec<String> {
    records["items"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| r["operationType"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn every_change_is_recorded_with_who_and_what_but_no_secret() {
    let app = TestApp::spawn().await;
    let created = app.create_customer(&customer_body("audited")).await;
    let password = created["userCredentials"]["password"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let id = created["id"].as_str().unwrap_or_default().to_owned();
    let mail = created["order"]["lineItems"][0]["subscriptionId"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let path = format!("/v1/customers/{id}/subscriptions/{mail}");
    let read = expect(app.get(&path).await, StatusCode::OK).await;
    let etag = read["attributes"]["etag"].as_str().unwrap_or_default().to_owned();
    let changed = send(
        app.request(Method::PATCH, &path)
            .header("If-Match", &etag)
            .json(&json!({"quantity": 14})),
    )
    .await;
    expect(changed, StatusCode::OK).await;

    let records = expect(
        app.get(&format!("/v1/auditrecords?customerId={id}")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        operations(&records),
        vec![
            "subscription-quantity-changed",
            "order-placed",
            "agreement-attested",
            "customer-created"
        ],
        "newest first"
    );
    let change = &records["items"][0];
    assert_eq!(change["userPrincipalName"], "admin@provider.example");
    assert_eq!(change["channel"], "api");
    assert_eq!(change["clientAddress"], "127.0.0.1");
    assert!(
        change["customizedData"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|d| d["key"] == "quantity" && d["value"] == "10 → 14")
    );
    let agreement = &records["items"][2];
    assert!(
        agreement["customizedData"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|d| d["key"] == "signerEmail" && d["value"] == "ana@contoso.example"),
        "the signer's data is kept"
    );
    let everything = expect(app.get("/v1/auditrecords?size=1000").await, StatusCode::OK).await;
    assert!(operations(&everything).contains(&"token-created".to_owned()));
    assert!(
        !everything.to_string().contains(&password),
        "no temporary password in the log"
    );

    let suspensions = expect(
        app.get("/v1/auditrecords?operationType=subscription-suspended")
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(suspensions["totalCount"], 0);
    let future = expect(
        app.get("/v1/auditrecords?startDate=2099-01-01").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(future["totalCount"], 0);
    for bad in [
        "startDate=yesterday",
        "operationType=deleted-all",
        "customerId=42",
        "size=0",
    ] {
        let refused = expect(
            app.get(&format!("/v1/auditrecords?{bad}")).await,
            StatusCode::BAD_REQUEST,
        )
        .await;
        assert!(refused["description"].is_string(), "{bad}");
    }
}

#[tokio::test]
async fn only_admin_agents_read_it_and_each_partner_only_its_own() {
    let app = TestApp::spawn().await;
    app.create_customer(&customer_body("mine")).await;
    for (role, email) in [
        (Role::SalesAgent, "sales@provider.example"),
        (Role::HelpdeskAgent, "help@provider.example"),
        (Role::BillingAdmin, "billing@provider.example"),
    ] {
        let token = app.token_for(&app.provider, role, email).await;
        let response = send(app.request_as(&token, Method::GET, "/v1/auditrecords")).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{role}");
    }
    let other = app
        .store
        .create_partner("Other Partner", PartnerKind::Direct)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let token = app
        .token_for(&other, Role::AdminAgent, "admin@other.example")
        .await;
    let theirs = expect(
        send(app.request_as(&token, Method::GET, "/v1/auditrecords")).await,
        StatusCode::OK,
    )
    .await;
    assert!(
        !operations(&theirs).iter().any(|o| o == "customer-created"),
        "another partner's changes are not in its log"
    );
}
