//! Who sees what: partners see only their customers, resellers only those associated
//! with them, and roles limit what users may change.

use partnerdesk_domain::partner::{PartnerKind, Role};
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::support::{TestApp, customer_body, expect, plain_customer_body, send};

#[tokio::test]
async fn partner_b_gets_404_for_every_resource_of_partner_a() {
    let app = TestApp::spawn().await;
    let created = app.create_customer(&customer_body("private")).await;
    let id = created["id"].as_str().unwrap_or_default();
    let order = created["order"]["id"].as_str().unwrap_or_default();
    let subscription = created["order"]["lineItems"][0]["subscriptionId"]
        .as_str()
        .unwrap_or_default();
    let other = app
        .store
        .create_partner("Partner B", PartnerKind::Direct)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let b = app
        .token_for(&other, Role::AdminAgent, "admin@partner-b.example")
        .await;
    for path in [
        format!("/v1/customers/{id}"),
        format!("/v1/customers/{id}/profiles/company"),
        format!("/v1/customers/{id}/profiles/billing"),
        format!("/v1/customers/{id}/agreements"),
        format!("/v1/customers/{id}/orders"),
        format!("/v1/customers/{id}/orders/{order}"),
        format!("/v1/customers/{id}/subscriptions"),
        format!("/v1/customers/{id}/subscriptions/{subscription}"),
    ] {
        let response = send(app.request_as(&b, Method::GET, &path)).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
    }
    let order_body = json!({"lineItems": [{"offerId": "PDC-MAIL-STD", "quantity": 1}]});
    let placed = send(
        app.request_as(&b, Method::POST, &format!("/v1/customers/{id}/orders"))
            .json(&order_body),
    )
    .await;
    assert_eq!(placed.status(), StatusCode::NOT_FOUND);
    let list = expect(
        send(app.request_as(&b, Method::GET, "/v1/customers")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(list["totalCount"], 0);
    assert_eq!(app.rows().await["orders"], 1);
}

#[tokio::test]
async fn a_reseller_sees_only_its_customers_and_cannot_sell() {
    let app = TestApp::spawn().await;
    let (mine, theirs) = (app.resellers[0].clone(), app.resellers[1].clone());
    let mut body = customer_body("resold");
    body["associatedPartnerId"] = json!(mine.id.to_string());
    let created = app.create_customer(&body).await;
    let mut other = customer_body("other");
    other["associatedPartnerId"] = json!(theirs.id.to_string());
    let other = app.create_customer(&other).await;
    app.create_customer(&plain_customer_body("direct")).await;

    let token = app
        .token_for(&mine, Role::AdminAgent, "admin@reseller-one.example")
        .await;
    let list = expect(
        send(app.request_as(&token, Method::GET, "/v1/customers")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(list["totalCount"], 1);
    assert_eq!(list["items"][0]["id"], created["id"]);
    assert!(list["items"][0].get("associatedPartnerId").is_none());
    let id = created["id"].as_str().unwrap_or_default();
    let subscriptions =
        send(app.request_as(&token, Method::GET, &format!("/v1/customers/{id}/subscriptions"))).await;
    assert_eq!(expect(subscriptions, StatusCode::OK).await["totalCount"], 2);
    let other_id = other["id"].as_str().unwrap_or_default();
    let hidden = send(app.request_as(&token, Method::GET, &format!("/v1/customers/{other_id}"))).await;
    assert_eq!(hidden.status(), StatusCode::NOT_FOUND);

    let create = send(
        app.request_as(&token, Method::POST, "/v1/customers")
            .json(&plain_customer_body("byreseller")),
    )
    .await;
    assert_eq!(
        expect(create, StatusCode::FORBIDDEN).await["errorName"],
        "ResellerForbidden"
    );
    let order = json!({"lineItems": [{"offerId": "PDC-MAIL-STD", "quantity": 1}]});
    let placed = send(
        app.request_as(&token, Method::POST, &format!("/v1/customers/{id}/orders"))
            .json(&order),
    )
    .await;
    assert_eq!(placed.status(), StatusCode::FORBIDDEN);
    let providers = send(app.request_as(
        &token,
        Method::GET,
        "/v1/relationships?relationship_type=IsIndirectResellerOf",
    ))
    .await;
    let providers = expect(providers, StatusCode::OK).await;
    assert_eq!(providers["items"][0]["id"], json!(app.provider.id.to_string()));
}

#[tokio::test]
async fn only_admin_and_sales_agents_create_customers_agreements_and_orders() {
    let app = TestApp::spawn().await;
    let created = app.create_customer(&plain_customer_body("roles")).await;
    let id = created["id"].as_str().unwrap_or_default();
    let agreement = json!({"primaryContact": {"firstName": "Jo", "lastName": "Ng", "email": "jo@roles.example", "phoneNumber": "425 555 0102"}, "dateAgreed": "2026-01-02"});
    let order = json!({"lineItems": [{"offerId": "PDC-MAIL-STD", "quantity": 1}]});
    for (role, allowed) in [
        (Role::AdminAgent, true),
        (Role::SalesAgent, true),
        (Role::HelpdeskAgent, false),
        (Role::BillingAdmin, false),
    ] {
        let token = app
            .token_for(&app.provider, role, &format!("{role}@provider.example"))
            .await;
        let expected = if allowed {
            StatusCode::CREATED
        } else {
            StatusCode::FORBIDDEN
        };
        let create = send(
            app.request_as(&token, Method::POST, "/v1/customers")
                .json(&plain_customer_body(&format!(
                    "by{}",
                    role.as_str().replace('-', "")
                ))),
        )
        .await;
        assert_eq!(create.status(), expected, "{role} creates a customer");
        let mut signer = agreement.clone();
        signer["primaryContact"]["firstName"] = json!(role.as_str().replace('-', ""));
        let confirm = send(
            app.request_as(&token, Method::POST, &format!("/v1/customers/{id}/agreements"))
                .json(&signer),
        )
        .await;
        assert_eq!(confirm.status(), expected, "{role} confirms an agreement");
        let placed = send(
            app.request_as(&token, Method::POST, &format!("/v1/customers/{id}/orders"))
                .json(&order),
        )
        .await;
        assert_eq!(placed.status(), expected, "{role} orders");
        let read = send(app.request_as(&token, Method::GET, &format!("/v1/customers/{id}"))).await;
        assert_eq!(read.status(), StatusCode::OK, "{role} reads");
    }
}
