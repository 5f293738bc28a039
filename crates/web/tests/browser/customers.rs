//! The Customers workspace in the browser: a search in the middle of a name typed without
//! its accents, a sort and a filter whose URL is bookmarked and reopened in another
//! session, the export link of the view, wrong filters named, in every language with
//! axe-core, and on a phone.

use partnerdesk_domain::Locale;
use partnerdesk_domain::partner::Role;
use serde_json::json;

use crate::driver::Browser;
use crate::support::{TestApp, plain_customer_body};

async fn named(app: &TestApp, prefix: &str, name: &str) {
    let mut body = plain_customer_body(prefix);
    body["billingProfile"]["companyName"] = json!(name);
    app.create_customer(&body).await;
}

/// The company names the list shows, in order.
async fn rows(browser: &Browser) -> Vec<String> {
    let cells = browser
        .driver
        .find_all(thirtyfour::By::Css("table.data tbody tr td:first-child"))
        .await
        .unwrap_or_default();
    let mut names = Vec::new();
    for cell in cells {
        names.push(cell.text().await.unwrap_or_default());
    }
    names
}

#[tokio::test]
async fn find_sort_filter_bookmark_and_export_customers() {
    let app = TestApp::spawn().await;
    named(&app, "dupont", "École Électricité Dupont").await;
    named(&app, "woodgrove", "Woodgrove Bank").await;
    named(&app, "fabrikam", "Fabrikam").await;
    named(&app, "contoso", "Contoso Bikes").await;
    let email = "lists@provider.example";
    let password = app
        .user_with_password(&app.provider, Role::AdminAgent, email)
        .await;

    for locale in Locale::ALL {
        let tag = locale.tag();
        let browser = Browser::open(&app.base).await;
        browser.goto("/sign-in").await;
        browser.choose_language(tag).await;
        browser.sign_in(email, &password).await;
        browser.goto("/customers").await;
        assert_eq!(
            rows(&browser).await,
            [
                "Contoso Bikes",
                "École Électricité Dupont",
                "Fabrikam",
                "Woodgrove Bank"
            ],
            "{tag}: É among the E"
        );
        browser.fill("q", "electricite").await;
        browser.click("customer-search-button").await;
        assert_eq!(
            rows(&browser).await,
            ["École Électricité Dupont"],
            "{tag}: found without its accents"
        );
        browser
            .assert_accessible(&format!("{tag} customers, a search"))
            .await;
        browser.screenshot(&format!("{tag}-customers-search")).await;
        browser.goto("/customers?country=ZZ&from=tomorrow").await;
        assert!(browser.has("#filter-country-error").await && browser.has("#filter-from-error").await);
        browser
            .assert_accessible(&format!("{tag} customers, wrong filters"))
            .await;
        browser.close().await;
    }

    // A sort and a filter, then the address bookmarked and opened in another session.
    let browser = Browser::open(&app.base).await;
    browser.sign_in(email, &password).await;
    browser.goto("/customers").await;
    browser.follow("th[aria-sort] a[href*='sort=created']").await;
    browser.tick("details.more-filters summary").await;
    browser.select("country", "US").await;
    browser.fill("q", "IK").await;
    browser.click("customer-search-button").await;
    let newest_first = ["Contoso Bikes", "Fabrikam"];
    let mut oldest_first = newest_first;
    oldest_first.reverse();
    assert_eq!(
        rows(&browser).await,
        oldest_first,
        "created, oldest first, with “ik” in the name"
    );
    let bookmark = browser
        .driver
        .current_url()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .to_string();
    let export = browser
        .by_testid("customer-export")
        .await
        .attr("href")
        .await
        .ok()
        .flatten()
        .unwrap_or_default();
    assert!(
        export.starts_with("/customers/export.csv?")
            && export.contains("sort=created")
            && export.contains("country=US"),
        "the export is of the view: {export}"
    );
    browser.close().await;

    let other = Browser::open(&app.base).await;
    other.sign_in(email, &password).await;
    other.goto_url(&bookmark).await;
    assert_eq!(
        rows(&other).await,
        oldest_first,
        "the bookmarked view, in another session"
    );
    assert_eq!(other.value("country").await, "US");
    assert!(
        other.has("details.more-filters[open]").await,
        "a filter set shows the filters"
    );
    assert_eq!(other.value("q").await, "IK");
    other.follow("th[aria-sort=ascending] a").await;
    assert_eq!(
        rows(&other).await,
        newest_first,
        "the heading turns the order around"
    );
    other.as_phone().await;
    other.goto_url(&bookmark).await;
    assert_eq!(other.sideways().await, 0, "the list fits a phone");
    other.screenshot("customers-phone").await;
    other.close().await;
}
