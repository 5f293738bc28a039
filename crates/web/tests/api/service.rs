//! Health, metrics, the OpenAPI document and the reference page.

use reqwest::StatusCode;

use crate::support::{TestApp, plain_customer_body};

#[tokio::test]
async fn health_metrics_and_docs_are_served() {
    let app = TestApp::spawn().await;
    let health = app
        .client
        .get(format!("{}/healthz", app.base))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(health.status(), StatusCode::OK);
    app.create_customer(&plain_customer_body("metered")).await;
    let metrics = app
        .client
        .get(format!("{}/metrics", app.base))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let text = metrics.text().await.unwrap_or_default();
    assert!(text.contains("http_requests_total"), "{text}");
    assert!(text.contains("customers_created_total"));
    let docs = app
        .client
        .get(format!("{}/docs/", app.base))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(docs.status(), StatusCode::OK);
    let page = docs.text().await.unwrap_or_default();
    assert!(page.contains("swagger-ui"));
    assert!(
        !page.contains("https://"),
        "the reference page loads nothing from elsewhere"
    );
}

#[tokio::test]
async fn the_served_openapi_document_is_the_committed_one() {
    let app = TestApp::spawn().await;
    let served: serde_json::Value = app
        .client
        .get(format!("{}/openapi.json", app.base))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .json()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(served["openapi"].as_str().unwrap_or("").starts_with("3.1"));
    assert!(served["paths"]["/v1/customers"]["post"].is_object());
    let generated = partnerdesk_web::openapi::document();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/openapi.json");
    if std::env::var_os("PD_UPDATE_OPENAPI").is_some() {
        std::fs::write(&path, format!("{generated}\n")).unwrap_or_else(|e| panic!("{e}"));
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        committed.trim_end(),
        generated,
        "docs/openapi.json is out of date: run PD_UPDATE_OPENAPI=1 cargo test -p partnerdesk-web --test api openapi"
    );
}
