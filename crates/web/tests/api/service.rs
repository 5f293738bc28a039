//! Health, metrics, the OpenAPI document and the reference page.

use reqwest::StatusCode;

use partnerdesk_domain::profile::{CloudProfile, ProfileName};

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
    let metrics = |base: &str, token: Option<&str>| {
        let request = app.client.get(format!("{base}/metrics"));
        let request = match token {
            Some(token) => request.bearer_auth(token),
            None => request,
        };
        async move { request.send().await.unwrap_or_else(|e| panic!("{e}")) }
    };
    assert_eq!(
        metrics(&app.base, None).await.status(),
        StatusCode::NOT_FOUND,
        "metrics are off unless configured"
    );
    let mut settings = partnerdesk_web::Settings::new(
        CloudProfile::builtin(ProfileName::Global).unwrap_or_else(|| unreachable!()),
    );
    settings.metrics = partnerdesk_web::Metrics::token("a metrics token of some length");
    let guarded = TestApp::spawn_configured(settings).await;
    guarded.create_customer(&plain_customer_body("metered")).await;
    let refused = metrics(&guarded.base, Some("a wrong token of the same length")).await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        metrics(&guarded.base, None).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let text = metrics(&guarded.base, Some("a metrics token of some length"))
        .await
        .text()
        .await
        .unwrap_or_default();
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

#[tokio::test]
async fn slow_clients_are_dropped_and_connections_are_capped() {
    use std::time::Duration;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpStream;

    let db = partnerdesk_store::testing::TestDatabase::new().await;
    let profile = CloudProfile::builtin(ProfileName::Global).unwrap_or_else(|| unreachable!());
    let state = partnerdesk_web::AppState::new(db.open().await, partnerdesk_web::Settings::new(profile));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let address = listener.local_addr().unwrap_or_else(|e| panic!("{e}"));
    let limits = partnerdesk_web::server::Limits {
        max_connections: 2,
        header_timeout: Duration::from_secs(1),
        shutdown_grace: Duration::from_secs(1),
    };
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(partnerdesk_web::serve_with(listener, state, limits, async {
        let _ = stopped.await;
    }));
    let connect = || async {
        TcpStream::connect(address)
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let answer = |mut stream: TcpStream| async move {
        stream
            .write_all(b"GET /healthz HTTP/1.1\r\nHost: pd\r\nConnection: close\r\n\r\n")
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let mut text = String::new();
        let _ = stream.read_to_string(&mut text).await;
        text
    };

    // Two clients that send half a request take both connections.
    let mut slow = Vec::new();
    for _ in 0..2 {
        let mut stream = connect().await;
        stream
            .write_all(b"GET /healthz HTTP/1.1\r\nHost: pd\r\n")
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        slow.push(stream);
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let third = tokio::spawn(answer(connect().await));
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        !third.is_finished(),
        "a third connection waits while two are taken"
    );
    // The slow ones are dropped once their headers are late, and the third is served.
    for mut stream in slow {
        let mut buffer = [0u8; 256];
        let read = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut buffer)).await;
        assert!(read.is_ok(), "a client too slow with its headers is disconnected");
    }
    let text = tokio::time::timeout(Duration::from_secs(10), third)
        .await
        .unwrap_or_else(|_| panic!("the third connection was never served"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(text.starts_with("HTTP/1.1 200"), "{text}");

    let _ = stop.send(());
    let stopped = tokio::time::timeout(Duration::from_secs(10), server).await;
    assert!(stopped.is_ok(), "the server stops");
}
