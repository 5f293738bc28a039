//! Files attached to a service request: checked for type, content, size and count with a
//! message in the form, kept with the request in one transaction, listed and downloaded by
//! the request's parties only (both portals and the API); a second press of the button
//! opens nothing more.

use partnerdesk_domain::partner::{PartnerKind, Role};
use reqwest::{Method, StatusCode};
use serde_json::Value;

use crate::browser::Visitor;
use crate::relationships::customer_admin;
use crate::support::{TestApp, customer_body, expect, send};

/// Files as a form sends them: the input's name, the file's name, its content.
type Files<'a> = &'a [(&'a str, &'a str, &'a [u8])];

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
const LOG: &str = "line one\nline <b>two</b>\n";

fn captured(text: &str, pattern: &str) -> String {
    regex::Regex::new(pattern)
        .ok()
        .and_then(|re| re.captures(text).map(|c| c[1].to_owned()))
        .unwrap_or_else(|| panic!("{pattern} in {text}"))
}

#[tokio::test]
async fn files_are_checked_kept_with_the_request_and_served_only_to_its_parties() {
    let app = TestApp::spawn().await;
    let created = app.create_customer(&customer_body("files")).await;
    let customer = customer_admin(&app, &created).await;
    let form = customer.get("/customer/support/new").await;
    assert!(form.html.contains(r#"enctype="multipart/form-data""#));
    assert!(
        form.html
            .contains(r#"type="file" multiple accept=".pdf,.png,.jpg,.jpeg,.gif,.txt,.log,.csv""#)
    );
    let csrf = form.csrf();
    let key = captured(&form.html, r#"name="requestKey" value="([^"]+)""#);
    let fields = [
        ("csrf", csrf.as_str()),
        ("requestKey", key.as_str()),
        ("title", "Screens go blank"),
        ("severity", "moderate"),
        ("supportTopicId", "32444601"),
        ("description", "See the screenshot and the log."),
    ];

    let big = vec![b'a'; 5 * 1024 * 1024 + 1];
    let refused: [(Files, &str); 5] = [
        (
            &[("attachments", "run.exe", b"MZ")],
            "Attach only files of these types",
        ),
        (
            &[("attachments", "fake.pdf", b"<html>")],
            "Attach only files of these types",
        ),
        (&[("attachments", "empty.txt", b"")], "This file is empty"),
        (
            &[("attachments", "big.txt", &big)],
            "Attach files of at most 5 MB each.",
        ),
        (
            &[
                ("attachments", "1.txt", b"1"),
                ("attachments", "2.txt", b"2"),
                ("attachments", "3.txt", b"3"),
                ("attachments", "4.txt", b"4"),
                ("attachments", "5.txt", b"5"),
                ("attachments", "6.txt", b"6"),
            ],
            "Attach at most 5 files.",
        ),
    ];
    for (files, message) in refused {
        let page = customer.post_files("/customer/support/new", &fields, files).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "{message}");
        assert!(
            page.contains(&format!("Attachments: {message}")),
            "{message}: {}",
            page.text
        );
        assert_eq!(
            page.value_of("title").as_deref(),
            Some("Screens go blank"),
            "what was typed stays"
        );
    }
    let none = customer.get("/customer/support").await;
    assert!(
        !none.html.contains(r#"data-testid="request-row""#),
        "a refused form opens nothing"
    );

    let files: Files = &[
        ("attachments", "C:\\Users\\ana\\screen.png", PNG),
        ("attachments", "журнал.log", LOG.as_bytes()),
    ];
    let opened = customer.post_files("/customer/support/new", &fields, files).await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.text);
    let again = customer.post_files("/customer/support/new", &fields, files).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    assert_eq!(
        again.location, opened.location,
        "a second press shows the same request"
    );
    let list = customer.get("/customer/support").await;
    assert_eq!(list.html.matches(r#"data-testid="request-row""#).count(), 1);

    let path = opened.location.unwrap_or_default();
    let id = path.rsplit('/').next().unwrap_or_default().to_owned();
    let page = customer.get(&path).await;
    assert!(
        page.contains("screen.png") && page.contains("журнал.log"),
        "{}",
        page.text
    );
    assert!(page.html.contains(&format!(r#"href="{path}/files/2""#)));
    let (status, headers, bytes) = customer.download(&format!("{path}/files/2")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(bytes, LOG.as_bytes());
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(header("content-type"), "text/plain; charset=utf-8");
    assert!(header("content-disposition").starts_with("attachment;"));
    assert!(
        header("content-disposition").contains("filename*=UTF-8''%D0%B6%D1%83%D1%80%D0%BD%D0%B0%D0%BB.log")
    );
    assert_eq!(header("content-security-policy"), "sandbox");
    for missing in ["files/3", "files/0", "files/x"] {
        assert_eq!(
            customer.download(&format!("{path}/{missing}")).await.0,
            StatusCode::NOT_FOUND
        );
    }
    let stranger = customer_admin(&app, &app.create_customer(&customer_body("stranger")).await).await;
    assert_eq!(
        stranger.download(&format!("{path}/files/1")).await.0,
        StatusCode::NOT_FOUND
    );

    // The partner's agents, in the portal and through the API.
    let agent = Visitor::new_user(&app, Role::HelpdeskAgent, "help@provider.example").await;
    let page = agent.get(&format!("/support/{id}")).await;
    assert!(page.contains("screen.png"), "{}", page.text);
    let (status, headers, bytes) = agent.download(&format!("/support/{id}/files/1")).await;
    assert_eq!((status, bytes.as_slice()), (StatusCode::OK, PNG));
    assert_eq!(
        headers.get("content-type").and_then(|v| v.to_str().ok()),
        Some("image/png")
    );

    let token = app
        .token_for(&app.provider, Role::SalesAgent, "sales@provider.example")
        .await;
    let request = expect(
        send(app.request_as(&token, Method::GET, &format!("/v1/servicerequests/{id}"))).await,
        StatusCode::OK,
    )
    .await;
    let links = request["fileLinks"].as_array().cloned().unwrap_or_default();
    let names: Vec<_> = links
        .iter()
        .map(|l| l["name"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(names, ["screen.png", "журнал.log"]);
    assert_eq!(links[0]["size"], Value::from(PNG.len()));
    assert_eq!(links[0]["contentType"], "image/png");
    let uri = links[0]["link"]["uri"].as_str().unwrap_or_default();
    let file = send(app.request_as(&token, Method::GET, &format!("/v1/{uri}"))).await;
    assert_eq!(file.status(), StatusCode::OK);
    assert_eq!(file.bytes().await.unwrap_or_default().as_ref(), PNG);
    let other = app
        .store
        .create_partner("Elsewhere", PartnerKind::Direct)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let other = app
        .token_for(&other, Role::AdminAgent, "admin@elsewhere.example")
        .await;
    let hidden = send(app.request_as(&other, Method::GET, &format!("/v1/{uri}"))).await;
    assert_eq!(hidden.status(), StatusCode::NOT_FOUND);
}
