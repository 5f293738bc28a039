//! The Billing workspace in the browser, in every language, every page checked with
//! axe-core: the invoices, an invoice by customer, the price list with a refused rule, a
//! customer's Billing tab and its invoice.

use partnerdesk_domain::Locale;
use partnerdesk_domain::billing::calendar::add_months;
use partnerdesk_domain::partner::Role;
use serde_json::Value;

use crate::driver::Browser;
use crate::support::{TestApp, customer_body};

async fn first_id(app: &TestApp, path: &str) -> String {
    let list: Value = app.get(path).await.json().await.unwrap_or_default();
    list["items"][0]["id"].as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn the_billing_pages_in_every_language() {
    let app = TestApp::spawn().await;
    let created = app.create_customer(&customer_body("billedpages")).await;
    let customer = created["id"].as_str().unwrap_or_default().to_owned();
    let next_month = add_months(time::OffsetDateTime::now_utc().date(), 1).unwrap_or_else(|e| panic!("{e}"));
    app.store
        .run_billing(next_month)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let number = first_id(&app, "/v1/invoices").await;
    let theirs = first_id(&app, &format!("/v1/customers/{customer}/invoices")).await;
    assert!(!number.is_empty() && !theirs.is_empty(), "the month is invoiced");

    for locale in Locale::ALL {
        let tag = locale.tag();
        let email = format!("billing.{}@provider.example", tag.to_lowercase());
        let password = app
            .user_with_password(&app.provider, Role::AdminAgent, &email)
            .await;
        let browser = Browser::open(&app.base).await;
        browser.goto("/sign-in").await;
        browser.choose_language(tag).await;
        browser.sign_in(&email, &password).await;

        browser.click("nav-billing").await;
        browser.assert_accessible(&format!("{tag} billing")).await;
        browser.screenshot(&format!("{tag}-billing-1-invoices")).await;
        browser.goto(&format!("/billing/invoices/{number}")).await;
        assert!(browser.has("[data-testid=download-pdf]").await, "{tag}: the PDF");
        browser.assert_accessible(&format!("{tag} invoice")).await;

        browser.click("tab-prices").await;
        browser.assert_accessible(&format!("{tag} prices")).await;
        browser
            .tick("[data-testid=rule-default] input[name=kind][value=percent]")
            .await;
        browser.fill("percent", "ten").await;
        browser.click("save-rule").await;
        assert!(
            browser.has("[data-testid=rule-default] .error-message").await,
            "{tag}: the refused percent is said beside its field"
        );
        browser
            .assert_accessible(&format!("{tag} prices with an error"))
            .await;
        browser.screenshot(&format!("{tag}-billing-2-prices-error")).await;

        browser.goto(&format!("/customers/{customer}")).await;
        browser.click("customer-billing").await;
        browser
            .assert_accessible(&format!("{tag} customer billing"))
            .await;
        browser
            .goto(&format!("/customers/{customer}/invoices/{theirs}"))
            .await;
        browser
            .assert_accessible(&format!("{tag} customer invoice"))
            .await;
        browser.close().await;
    }
}
