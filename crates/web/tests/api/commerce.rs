//! Agreements, orders, subscriptions and add-ons after onboarding.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{TestApp, expect, fields, plain_customer_body, send};

fn agreement(first: &str, date: &str) -> Value {
    json!({
        "primaryContact": {"firstName": first, "lastName": "Lee", "email": "ana@contoso.example", "phoneNumber": "+1 425 555 0101"},
        "dateAgreed": date,
        "templateId": "117a77b0-9360-443b-8795-c6dedc750cf9",
        "type": "MicrosoftCustomerAgreement"
    })
}

#[tokio::test]
async fn an_agreement_is_confirmed_once_per_contact_and_never_for_a_future_date() {
    let app = TestApp::spawn().await;
    let created = app.create_customer(&plain_customer_body("agree")).await;
    let id = created["id"].as_str().unwrap_or_default();
    let path = format!("/v1/customers/{id}/agreements");
    let confirmed = expect(
        app.post(&path, &agreement("Ana", "2026-01-15T10:00:00Z")).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(confirmed["primaryContact"]["phoneNumber"], "+14255550101");
    assert_eq!(confirmed["agreementLink"], "https://aka.ms/customeragreement");
    assert!(
        confirmed["userId"].is_string(),
        "the attesting partner user is recorded"
    );

    let again = expect(
        app.post(&path, &agreement("ANA", "2026-01-16")).await,
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(again["code"], 600061);
    let future = expect(
        app.post(&path, &agreement("Bo", "2099-01-01")).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(future["code"], 600002);
    assert_eq!(
        fields(&future),
        vec![("dateAgreed".into(), "DateInFuture".into())]
    );

    let default_type = expect(app.get(&path).await, StatusCode::OK).await;
    assert_eq!(
        default_type["totalCount"], 0,
        "Partner Center lists the Cloud Agreement by default"
    );
    let all = expect(app.get(&format!("{path}?agreementType=*")).await, StatusCode::OK).await;
    assert_eq!(all["totalCount"], 1);
    let metadata = expect(
        app.get("/v1/agreements?agreementType=MicrosoftCustomerAgreement")
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        metadata["items"][0]["templateId"],
        "117a77b0-9360-443b-8795-c6dedc750cf9"
    );
    let bad_type = expect(
        app.get("/v1/agreements?agreementType=Nope").await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(
        fields(&bad_type),
        vec![("agreementType".into(), "InvalidParameter".into())]
    );
}

#[tokio::test]
async fn orders_create_one_subscription_per_line_and_need_the_agreement_first() {
    let app = TestApp::spawn().await;
    let created = app.create_customer(&plain_customer_body("orders")).await;
    let id = created["id"].as_str().unwrap_or_default();
    let path = format!("/v1/customers/{id}/orders");
    let order = json!({"lineItems": [
        {"lineItemNumber": 0, "offerId": "PDC-MAIL-STD", "quantity": 3, "friendlyName": "Mail for sales"},
        {"lineItemNumber": 1, "offerId": "PDC-STOR-FILES", "quantity": 2}
    ]});
    let empty = expect(
        app.post(&path, &json!({"lineItems": []})).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(fields(&empty), vec![("lineItems".into(), "NoLineItems".into())]);
    let refused = expect(app.post(&path, &order).await, StatusCode::FORBIDDEN).await;
    assert_eq!(refused["code"], 13605);
    expect(
        app.post(
            &format!("/v1/customers/{id}/agreements"),
            &agreement("Ana", "2026-01-15"),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;

    let placed = send(app.request(Method::POST, &path).json(&order)).await;
    assert!(placed.headers().get("location").is_some());
    let placed = expect(placed, StatusCode::CREATED).await;
    assert_eq!(placed["status"], "completed");
    assert_eq!(placed["currencyCode"], "USD");
    let order_id = placed["id"].as_str().unwrap_or_default();
    let line = &placed["lineItems"][0];
    assert_eq!(line["friendlyName"], "Mail for sales");

    let read = expect(app.get(&format!("{path}/{order_id}")).await, StatusCode::OK).await;
    assert_eq!(read, placed);
    let listed = expect(app.get(&path).await, StatusCode::OK).await;
    assert_eq!(listed["totalCount"], 1);
    let of_order = expect(
        app.get(&format!("/v1/customers/{id}/subscriptions?order_id={order_id}"))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(of_order["totalCount"], 2);
    let subscription_id = line["subscriptionId"].as_str().unwrap_or_default();
    let subscription = expect(
        app.get(&format!("/v1/customers/{id}/subscriptions/{subscription_id}"))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(subscription["quantity"], 3);
    assert_eq!(subscription["status"], "active");
    assert_eq!(subscription["orderId"], json!(order_id));
    assert_eq!(subscription["hasPurchasableAddons"], true);
    let missing = expect(
        app.get(&format!(
            "/v1/customers/{id}/orders/{}",
            partnerdesk_domain::OrderId::new()
        ))
        .await,
        StatusCode::NOT_FOUND,
    )
    .await;
    assert_eq!(missing["errorName"], "NotFound");
}

#[tokio::test]
async fn add_ons_are_bought_for_an_active_parent_of_a_prerequisite_offer() {
    let app = TestApp::spawn().await;
    let mut body = plain_customer_body("addons");
    body["agreement"] = agreement("Ana", "2026-01-15");
    body["lineItems"] =
        json!([{"offerId": "PDC-MAIL-STD", "quantity": 5}, {"offerId": "PDC-SEC-ENDPOINT", "quantity": 5}]);
    let created = app.create_customer(&body).await;
    let id = created["id"].as_str().unwrap_or_default();
    let mail = created["order"]["lineItems"][0]["subscriptionId"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let endpoint = created["order"]["lineItems"][1]["subscriptionId"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let path = format!("/v1/customers/{id}/orders");
    let buy = |parent: &str| json!({"lineItems": [{"offerId": "PDC-MAIL-ARCHIVE", "quantity": 5, "parentSubscriptionId": parent}]});

    let without_parent = expect(
        app.post(
            &path,
            &json!({"lineItems": [{"offerId": "PDC-MAIL-ARCHIVE", "quantity": 5}]}),
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(
        fields(&without_parent),
        vec![(
            "lineItems[0].parentSubscriptionId".into(),
            "AddonNeedsParent".into()
        )]
    );
    let unrelated = expect(app.post(&path, &buy(&endpoint)).await, StatusCode::BAD_REQUEST).await;
    assert_eq!(unrelated["code"], 800029);
    let bought = expect(app.post(&path, &buy(&mail)).await, StatusCode::CREATED).await;
    assert_eq!(bought["lineItems"][0]["parentSubscriptionId"], json!(mail));
    let add_ons = expect(
        app.get("/v1/offers/PDC-MAIL-STD/addons?country=US").await,
        StatusCode::OK,
    )
    .await;
    assert!(
        add_ons["items"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|o| o["id"] == "PDC-MAIL-ARCHIVE")
    );
}
