//! `POST /v1/customers`: the one-transaction onboarding.

use partnerdesk_store::testing::{customer_admin_password_hash, fail_inserts_into};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{TestApp, customer_body, expect, fields, plain_customer_body, send};

#[tokio::test]
async fn creating_a_customer_creates_everything_and_answers_the_credentials_once() {
    let app = TestApp::spawn().await;
    let before = app.rows().await;
    let created = app.create_customer(&customer_body("contoso")).await;
    assert_eq!(created["companyProfile"]["domain"], "contoso.onmicrosoft.com");
    assert_eq!(
        created["userCredentials"]["userName"],
        "admin@contoso.onmicrosoft.com"
    );
    let password = created["userCredentials"]["password"]
        .as_str()
        .unwrap_or_default();
    assert!(password.len() >= 20, "a generated password: {password}");
    assert_eq!(created["relationshipToPartner"], "reseller");
    assert_eq!(created["attributes"]["objectType"], "Customer");
    assert_eq!(created["billingProfile"]["culture"], "en-US");
    assert_eq!(
        created["billingProfile"]["defaultAddress"]["phoneNumber"],
        "+14255550101"
    );
    assert_eq!(created["agreement"]["type"], "MicrosoftCustomerAgreement");
    assert_eq!(created["order"]["lineItems"].as_array().map(Vec::len), Some(2));

    let after = app.rows().await;
    for (table, added) in [
        ("customers", 1),
        ("customer_users", 1),
        ("partner_customers", 1),
        ("agreements", 1),
        ("orders", 1),
        ("order_line_items", 2),
        ("subscriptions", 2),
    ] {
        assert_eq!(after[table] - before[table], added, "{table}");
    }

    let id = created["id"].as_str().unwrap_or_default();
    let read = expect(app.get(&format!("/v1/customers/{id}")).await, StatusCode::OK).await;
    assert!(
        read.get("userCredentials").is_none(),
        "credentials appear only at creation"
    );
    assert_eq!(read["companyProfile"], created["companyProfile"]);
    let subscriptions = expect(
        app.get(&format!("/v1/customers/{id}/subscriptions")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(subscriptions["totalCount"], 2);
}

#[tokio::test]
async fn the_temporary_password_is_stored_only_as_a_hash() {
    let app = TestApp::spawn().await;
    let created = app.create_customer(&customer_body("hashed")).await;
    let password = created["userCredentials"]["password"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let stored = customer_admin_password_hash(&app.store, "admin@hashed.onmicrosoft.com").await;
    let stored = stored.unwrap_or_else(|e| panic!("{e}"));
    assert!(!stored.contains(&password));
    assert!(partnerdesk_secrets::verify_password(&password, &stored));
}

#[tokio::test]
async fn partner_center_pascal_case_bodies_are_accepted() {
    let app = TestApp::spawn().await;
    let body = json!({
        "CompanyProfile": {"Domain": "pascal.onmicrosoft.com"},
        "BillingProfile": {
            "Email": "tania@pascal.example", "Culture": "EN-US", "Language": "En", "CompanyName": "Pascal Corp",
            "DefaultAddress": {"Country": "US", "Region": null, "City": "Redmond", "State": "WA",
                "AddressLine1": "One Microsoft Way", "PostalCode": "98052", "FirstName": "Tania", "LastName": "Carr",
                "PhoneNumber": "4255550101"}
        }
    });
    let created = app.create_customer(&body).await;
    assert_eq!(created["billingProfile"]["culture"], "en-US");
    assert_eq!(created["billingProfile"]["language"], "en");
    assert!(created.get("order").is_none());
}

#[tokio::test]
async fn a_retry_with_the_same_request_id_creates_one_customer_and_repeats_the_answer() {
    let app = TestApp::spawn().await;
    let body = customer_body("retried");
    let first = send(
        app.request(Method::POST, "/v1/customers")
            .header("MS-RequestId", "a1b2")
            .json(&body),
    )
    .await;
    assert_eq!(
        first.headers().get("ms-requestid").and_then(|v| v.to_str().ok()),
        Some("a1b2")
    );
    let first = expect(first, StatusCode::CREATED).await;
    let second = send(
        app.request(Method::POST, "/v1/customers")
            .header("MS-RequestId", "a1b2")
            .json(&body),
    )
    .await;
    let second = expect(second, StatusCode::CREATED).await;
    assert_eq!(first, second, "the same body, the same password");
    assert_eq!(app.rows().await["customers"], 1);

    let mut other = body.clone();
    other["companyProfile"]["domain"] = json!("another");
    let reused = send(
        app.request(Method::POST, "/v1/customers")
            .header("MS-RequestId", "a1b2")
            .json(&other),
    )
    .await;
    let error = expect(reused, StatusCode::CONFLICT).await;
    assert_eq!(error["errorName"], "RequestIdReused");
    assert_eq!(app.rows().await["customers"], 1);
}

#[tokio::test]
async fn concurrent_retries_of_one_request_create_one_customer() {
    let app = TestApp::spawn().await;
    let body = customer_body("racing");
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let request = app
            .request(Method::POST, "/v1/customers")
            .header("MS-RequestId", "same")
            .json(&body);
        tasks.push(tokio::spawn(async move {
            send(request).await.json::<Value>().await.ok()
        }));
    }
    let mut bodies = Vec::new();
    for task in tasks {
        bodies.push(task.await.ok().flatten().unwrap_or_default());
    }
    assert!(
        bodies.windows(2).all(|w| w[0]["id"] == w[1]["id"]),
        "every answer names the same customer"
    );
    assert_eq!(app.rows().await["customers"], 1);
}

#[tokio::test]
async fn two_concurrent_creates_of_one_domain_give_one_201_and_one_409() {
    let app = TestApp::spawn().await;
    let a = app
        .request(Method::POST, "/v1/customers")
        .json(&customer_body("twins"));
    let mut second = customer_body("TWINS");
    second["billingProfile"]["companyName"] = json!("Other Twins");
    let b = app.request(Method::POST, "/v1/customers").json(&second);
    let (a, b) = tokio::join!(send(a), send(b));
    let mut statuses = vec![a.status(), b.status()];
    statuses.sort();
    assert_eq!(statuses, vec![StatusCode::CREATED, StatusCode::CONFLICT]);
    let conflict = if a.status() == StatusCode::CONFLICT { a } else { b };
    let error = expect(conflict, StatusCode::CONFLICT).await;
    assert_eq!(error["code"], 770409);
    assert_eq!(
        fields(&error),
        vec![("companyProfile.domain".into(), "DomainTaken".into())]
    );
    assert_eq!(app.rows().await["customers"], 1);
}

#[tokio::test]
async fn a_failure_in_the_middle_of_an_onboarding_leaves_no_row_and_no_detail() {
    let app = TestApp::spawn().await;
    let before = app.rows().await;
    fail_inserts_into(&app.store, "subscriptions")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let response = send(
        app.request(Method::POST, "/v1/customers")
            .header("MS-CorrelationId", "trace-me")
            .json(&customer_body("broken")),
    )
    .await;
    let error = expect(response, StatusCode::INTERNAL_SERVER_ERROR).await;
    assert_eq!(error["errorName"], "InternalError");
    let description = error["description"].as_str().unwrap_or_default();
    assert!(
        description.contains("trace-me"),
        "the correlation id to quote: {description}"
    );
    assert!(
        !description.to_lowercase().contains("inject"),
        "no internal detail: {description}"
    );
    assert_eq!(app.rows().await, before);
    let free = expect(
        app.get("/v1/validations/checkdomainavailability/broken").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(free, json!(true));
}

#[tokio::test]
async fn an_order_in_the_onboarding_needs_the_agreement_in_the_global_cloud() {
    let app = TestApp::spawn().await;
    let mut body = customer_body("noagreement");
    body.as_object_mut().map(|o| o.remove("agreement"));
    let error = expect(app.post("/v1/customers", &body).await, StatusCode::FORBIDDEN).await;
    assert_eq!(error["code"], 13605);
    assert_eq!(app.rows().await["customers"], 0);
    app.create_customer(&plain_customer_body("noagreement")).await;
}

#[tokio::test]
async fn an_indirect_provider_associates_a_customer_with_its_reseller() {
    let app = TestApp::spawn().await;
    let reseller = app.resellers[0].clone();
    let mut body = customer_body("viareseller");
    body["associatedPartnerId"] = json!(reseller.id.to_string());
    let created = app.create_customer(&body).await;
    assert_eq!(created["associatedPartnerId"], json!(reseller.id.to_string()));
    let id = created["id"].as_str().unwrap_or_default();
    let subscriptions = expect(
        app.get(&format!("/v1/customers/{id}/subscriptions")).await,
        StatusCode::OK,
    )
    .await;
    let on_record: Vec<&Value> = subscriptions["items"]
        .as_array()
        .map(|i| i.iter().map(|s| &s["partnerId"]).collect())
        .unwrap_or_default();
    assert_eq!(on_record, vec![&json!(reseller.mpn_id), &json!(reseller.mpn_id)]);

    let mut unknown = customer_body("unknownreseller");
    unknown["associatedPartnerId"] = json!(partnerdesk_domain::PartnerId::new().to_string());
    let error = expect(app.post("/v1/customers", &unknown).await, StatusCode::BAD_REQUEST).await;
    assert_eq!(error["code"], 800016);
    assert_eq!(
        fields(&error),
        vec![("associatedPartnerId".into(), "ResellerUnknown".into())]
    );
}

#[tokio::test]
async fn the_china_cloud_has_its_suffix_no_agreement_and_no_indirect_model() {
    let china =
        partnerdesk_domain::profile::CloudProfile::builtin(partnerdesk_domain::profile::ProfileName::China);
    let app = TestApp::spawn_with(china.unwrap_or_else(|| unreachable!()), 0).await;
    let mut body = customer_body("beijing");
    body.as_object_mut().map(|o| o.remove("agreement"));
    let created = app.create_customer(&body).await;
    assert_eq!(
        created["companyProfile"]["domain"],
        "beijing.partner.onmschina.cn"
    );
    assert_eq!(
        created["userCredentials"]["userName"],
        "admin@beijing.partner.onmschina.cn"
    );
    let mut with_agreement = customer_body("shanghai");
    with_agreement.as_object_mut().map(|o| o.remove("lineItems"));
    let error = expect(
        app.post("/v1/customers", &with_agreement).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(
        fields(&error),
        vec![("agreement.templateId".into(), "AgreementNotOffered".into())]
    );
    let metadata = expect(app.get("/v1/agreements?agreementType=*").await, StatusCode::OK).await;
    assert_eq!(metadata["totalCount"], 0);
}
