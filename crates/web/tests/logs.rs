//! No secret ever reaches a log line: every flow that hands out or takes a secret (a
//! set-password link, an invitation link, an API token, a temporary or chosen password,
//! a session) runs with every log level on, and the log is searched for each secret.

#[path = "portal/browser.rs"]
#[allow(dead_code, reason = "this test uses a part of it")]
mod browser;
#[path = "support/mod.rs"]
mod support;

use std::io::Write;
use std::sync::{Arc, Mutex};

use partnerdesk_domain::partner::Role;
use reqwest::{Method, StatusCode};

use crate::browser::Visitor;
use crate::support::{TestApp, customer_body, expect, send};

/// Every log line written in this process.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut all) = self.0.lock() {
            all.extend_from_slice(bytes);
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        self.0
            .lock()
            .map(|all| String::from_utf8_lossy(&all).into_owned())
            .unwrap_or_default()
    }
}

fn captured(html: &str, pattern: &str) -> String {
    regex::Regex::new(pattern)
        .ok()
        .and_then(|re| re.captures(html).map(|c| c[1].to_owned()))
        .unwrap_or_else(|| panic!("{pattern} in {html}"))
}

#[tokio::test]
async fn no_secret_reaches_the_log() {
    let log = Captured::default();
    let writer = log.clone();
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .init();
    let app = TestApp::spawn().await;
    let mut secrets = vec![app.token.clone()];

    // A customer's temporary password, from the API.
    let created = app.create_customer(&customer_body("logged")).await;
    secrets.push(
        created["userCredentials"]["password"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
    );

    // An invited user's set-password link, the password they choose, their session.
    let admin = Visitor::new_user(&app, Role::AdminAgent, "boss@provider.example").await;
    let users = admin.get("/users").await;
    let invited = admin
        .post(
            "/users",
            &[
                ("csrf", &users.csrf()),
                ("email", "new@provider.example"),
                ("role", "sales-agent"),
            ],
        )
        .await;
    let invited = admin.follow(invited).await;
    let link = captured(
        &invited.html,
        r#"data-testid="invite-link">https?://[^/]+(/set-password/[^<]+)<"#,
    );
    secrets.push(link.trim_start_matches("/set-password/").to_owned());
    let newcomer = Visitor::new(&app.base);
    let form = newcomer.get(&link).await;
    let chosen = "a passphrase nobody logs";
    let set = newcomer
        .post(
            &link,
            &[
                ("csrf", &form.csrf()),
                ("newPassword", chosen),
                ("confirmPassword", chosen),
            ],
        )
        .await;
    assert_eq!(set.status, StatusCode::SEE_OTHER);
    secrets.push(chosen.to_owned());
    let signed = Visitor::sign_in(&app.base, "new@provider.example", chosen).await;
    let cookies = signed.get("/customers").await;
    assert_eq!(cookies.status, StatusCode::OK);

    // A new API token, used.
    let tokens = admin.get("/tokens").await;
    let made = admin
        .post("/tokens", &[("csrf", &tokens.csrf()), ("name", "logs")])
        .await;
    let made = admin.follow(made).await;
    let token = captured(&made.html, r#"data-testid="new-token">([^<]+)<"#);
    let used = send(app.request_as(&token, Method::GET, "/v1/customers")).await;
    assert_eq!(used.status(), StatusCode::OK);
    secrets.push(token);

    // A relationship invitation's link, opened by a customer's admin.
    let response = send(app.request(Method::GET, "/v1/customers/relationshiprequests")).await;
    let url = expect(response, StatusCode::OK).await["url"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let invitation = url.rsplit('/').next().unwrap_or_default().to_owned();
    let visitor = Visitor::new(&app.base);
    let opened = visitor.get(url.trim_start_matches(&app.base)).await;
    assert!(opened.location.is_some());
    secrets.push(invitation);

    let text = log.text();
    assert!(
        text.contains("/set-password/{token}"),
        "requests are logged by route: {text}"
    );
    assert!(text.contains("/customer/invitations/{token}"));
    for secret in secrets.iter().filter(|s| s.len() >= 12) {
        assert!(
            !text.contains(secret.as_str()),
            "a secret reached the log: {secret}"
        );
    }
    assert_eq!(secrets.len(), 6);
}
