//! The Customers list and a customer's page; roles; the weight of pages.

use partnerdesk_domain::partner::{PartnerKind, Role};
use reqwest::StatusCode;
use serde_json::json;

use crate::browser::Visitor;
use crate::support::{TestApp, customer_body, plain_customer_body};

async fn admin(app: &TestApp) -> Visitor {
    let email = format!(
        "admin.{}@provider.example",
        partnerdesk_domain::PartnerUserId::new().as_uuid().simple()
    );
    let password = app
        .user_with_password(&app.provider, Role::AdminAgent, &email)
        .await;
    Visitor::sign_in(&app.base, &email, &password).await
}

#[tokio::test]
async fn an_empty_list_points_at_add_customer() {
    let app = TestApp::spawn().await;
    let page = admin(&app).await.get("/customers").await;
    assert!(page.contains("No customers yet"));
    assert!(page.contains(r#"href="/customers/new" data-testid="add-customer""#));
}

#[tokio::test]
async fn the_list_pages_and_searches_by_name_or_domain() {
    let app = TestApp::spawn().await;
    for i in 0..30 {
        let mut body = plain_customer_body(&format!("tenant{i:02}"));
        body["billingProfile"]["companyName"] = json!(format!("Company {i:02}"));
        app.create_customer(&body).await;
    }
    let visitor = admin(&app).await;
    let first = visitor.get("/customers").await;
    assert_eq!(first.html.matches("<tr>").count() - 1, 25, "25 rows and a header");
    assert!(first.contains("Company 00") && !first.contains("Company 25"));
    let next = regex::Regex::new(r#"href="(/customers\?by=name&q=&after=[^"]+)" rel="next""#)
        .ok()
        .and_then(|re| re.captures(&first.text).map(|c| c[1].to_owned()))
        .unwrap_or_else(|| panic!("a next page"));
    let second = visitor.get(&next).await;
    assert!(second.contains("Company 25") && second.contains("Company 29") && !second.contains("Company 24"));
    assert!(!second.html.contains("rel=\"next\""));
    let by_domain = visitor.get("/customers?by=domain&q=TENANT1").await;
    assert_eq!(
        by_domain.text.matches("tenant1").count(),
        10,
        "tenant10..tenant19"
    );
    let none = visitor.get("/customers?by=name&q=Nobody").await;
    assert!(none.contains("starts with “Nobody”"), "{}", none.html);
}

#[tokio::test]
async fn a_customers_page_shows_its_profile_agreement_and_subscriptions() {
    let app = TestApp::spawn().await;
    let mut body = customer_body("detailed");
    body["associatedPartnerId"] = json!(app.resellers[0].id.to_string());
    let created = app.create_customer(&body).await;
    let id = created["id"].as_str().unwrap_or_default();
    let page = admin(&app).await.get(&format!("/customers/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.html.contains("<title>detailed Inc – Partnerdesk</title>"),
        "the tab names the customer"
    );
    for text in [
        "detailed Inc",
        "detailed.onmicrosoft.com",
        "admin@detailed.onmicrosoft.com",
        "Reseller One",
        "Ana Lee",
        "Business Mail Standard",
        "Endpoint Protection",
        "Customer agreement",
    ] {
        assert!(page.contains(text), "{text}");
    }
    let missing = admin(&app)
        .await
        .get(&format!("/customers/{}", partnerdesk_domain::CustomerId::new()))
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.contains("Page not found") && missing.contains("<html"));
}

#[tokio::test]
async fn only_roles_that_sell_may_add_customers() {
    let app = TestApp::spawn().await;
    let password = app
        .user_with_password(&app.provider, Role::HelpdeskAgent, "help@provider.example")
        .await;
    let helpdesk = Visitor::sign_in(&app.base, "help@provider.example", &password).await;
    let list = helpdesk.get("/customers").await;
    assert!(!list.contains("data-testid=\"add-customer\""));
    let wizard = helpdesk.get("/customers/new/account").await;
    assert_eq!(wizard.status, StatusCode::FORBIDDEN);
    assert!(wizard.contains("You can't do this"));

    let reseller = app.resellers[0].clone();
    let password = app
        .user_with_password(&reseller, Role::AdminAgent, "admin@reseller.example")
        .await;
    let visitor = Visitor::sign_in(&app.base, "admin@reseller.example", &password).await;
    assert_eq!(visitor.get("/customers/new").await.status, StatusCode::FORBIDDEN);
    assert_eq!(reseller.kind, PartnerKind::IndirectReseller);
}

#[tokio::test]
async fn every_page_weighs_under_60_kb_with_its_css_and_js_and_loads_nothing_from_elsewhere() {
    let app = TestApp::spawn().await;
    let created = app.create_customer(&customer_body("weighed")).await;
    let visitor = admin(&app).await;
    let css = visitor.get("/static/app.css").await;
    let js = visitor.get("/static/app.js").await;
    assert_eq!(
        css.headers.get("content-type").and_then(|v| v.to_str().ok()),
        Some("text/css; charset=utf-8")
    );
    let assets = css.html.len() + js.html.len();
    let id = created["id"].as_str().unwrap_or_default();
    let account = visitor.get("/customers/new/account").await;
    let country = visitor
        .post(
            "/customers/new/account",
            &[
                ("csrf", &account.csrf()),
                ("country", "US"),
                ("action", "country"),
            ],
        )
        .await;
    let outside = regex::Regex::new(r#"<(script|link|img|iframe)[^>]+(src|href)="(https?:)?//"#)
        .unwrap_or_else(|e| panic!("{e}"));
    for (name, page) in [
        ("sign-in", Visitor::new(&app.base).get("/sign-in").await),
        ("customers", visitor.get("/customers").await),
        ("customer", visitor.get(&format!("/customers/{id}")).await),
        ("account", country),
    ] {
        let weight = page.html.len() + assets;
        assert!(weight < 60 * 1024, "{name}: {weight} bytes");
        assert!(
            !outside.is_match(&page.html),
            "{name} loads something from elsewhere"
        );
    }
}
