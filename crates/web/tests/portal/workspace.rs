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
async fn the_list_pages_sorts_filters_and_searches_anywhere() {
    let app = TestApp::spawn().await;
    for i in 0..30 {
        let mut body = plain_customer_body(&format!("tenant{i:02}"));
        body["billingProfile"]["companyName"] = json!(format!("Company {i:02}"));
        app.create_customer(&body).await;
    }
    let mut body = plain_customer_body("dupont");
    body["billingProfile"]["companyName"] = json!("École Électricité Dupont");
    app.create_customer(&body).await;
    let mut body = plain_customer_body("fabrikam");
    body["billingProfile"]["companyName"] = json!("Fabrikam");
    app.create_customer(&body).await;
    let visitor = admin(&app).await;
    let first = visitor.get("/customers").await;
    assert_eq!(first.html.matches("<tr>").count() - 1, 25, "25 rows and a header");
    assert!(first.contains("1–25 of 32"), "{}", first.text);
    assert!(first.contains("Company 24") && !first.contains("Company 25"));
    assert!(first.html.contains(r#"href="/customers?page=2" rel="next""#));
    assert!(!first.html.contains(r#"rel="prev""#));
    assert!(
        first
            .html
            .contains(r#"<a href="/customers?sort=reseller">Indirect reseller</a>"#)
    );
    let by_reseller = visitor.get("/customers?sort=reseller&dir=desc").await;
    assert!(
        by_reseller
            .html
            .contains(r#"aria-sort="descending"><a href="/customers?sort=reseller">Indirect reseller ▼"#),
        "{}",
        by_reseller.html
    );
    assert!(by_reseller.contains("1–25 of 32"));
    let second = visitor.get("/customers?page=2").await;
    assert!(second.contains("26–32 of 32") && second.contains("Company 29"));
    assert!(
        second.text.find("École") < second.text.find("Fabrikam"),
        "É among the E"
    );
    assert!(second.html.contains(r#"href="/customers" rel="prev""#));
    assert!(!second.html.contains("rel=\"next\""));

    // A search in the middle of a name, without its accent, and the state in links.
    let found = visitor.get("/customers?q=ELECTRICITE").await;
    assert!(found.contains("École Électricité Dupont") && found.contains("1–1 of 1"));
    let by_domain = visitor
        .get("/customers?q=ANT1&sort=created&dir=desc&size=50")
        .await;
    assert_eq!(
        by_domain.html.matches("tenant1").count(),
        10,
        "tenant10..tenant19"
    );
    assert!(
        by_domain.text.find("Company 19") < by_domain.text.find("Company 10"),
        "newest first"
    );
    assert!(
        by_domain
            .text
            .contains(r#"href="/customers?q=ANT1&sort=created&size=50""#),
        "the Created heading turns the order around and keeps the search"
    );
    let none = visitor.get("/customers?q=Nobody").await;
    assert!(none.contains("No customer matches this search"), "{}", none.html);

    // Wrong filters are named and ignored; nothing fails.
    let wrong = visitor
        .get("/customers?country=ZZ&from=yesterday&size=7&page=x")
        .await;
    assert_eq!(wrong.status, StatusCode::OK);
    assert!(wrong.contains("Choose a country or region from the list."));
    assert!(wrong.contains("Enter a date such as 2026-11-30."));
    assert!(wrong.contains("1–25 of 32"));
    let french = visitor.get("/customers?country=FR").await;
    assert!(
        french.contains("No customer matches"),
        "the test customers are in the US"
    );

    // The view as CSV: every customer it holds, formula-safe, not only the page.
    let export = visitor
        .get("/customers/export.csv?q=company&sort=company&dir=desc")
        .await;
    assert_eq!(export.status, StatusCode::OK);
    let lines: Vec<&str> = export.html.lines().collect();
    assert_eq!(lines.len(), 31, "a header and 30 customers");
    assert!(lines[0].starts_with("CustomerId,CompanyName,Domain,Country"));
    assert!(
        lines[1].contains(",Company 29,tenant29.onmicrosoft.com,US,"),
        "{}",
        lines[1]
    );
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
