//! Shared steps of the wizard, as a person does them in the browser.

use partnerdesk_domain::partner::Role;

use crate::driver::Browser;
use crate::support::TestApp;

/// A browser signed in as a new sales agent of the provider.
pub async fn signed_in(app: &TestApp) -> Browser {
    signed_in_as(app, Role::SalesAgent).await
}

/// A browser signed in as a new user of the provider with `role`.
pub async fn signed_in_as(app: &TestApp, role: Role) -> Browser {
    let email = format!("agent.{}@provider.example", uuid::Uuid::new_v4().simple());
    let password = app.user_with_password(&app.provider, role, &email).await;
    let browser = Browser::open(&app.base).await;
    browser.sign_in(&email, &password).await;
    browser
}

/// Fills Account info for a US customer at `prefix` (the country first: it re-renders the
/// company details).
pub async fn fill_account(browser: &Browser, company: &str, prefix: &str, agreement: bool) {
    browser.fill("companyName", company).await;
    browser.select("country", "US").await;
    wait_for_states(browser).await;
    browser.fill("addressLine1", "1 Main St").await;
    browser.fill("addressLine2", "Suite 200").await;
    browser.fill("city", "Redmond").await;
    browser.select("state", "WA").await;
    browser.fill("postalCode", "98052").await;
    browser.fill("phoneNumber", "425 555 0101").await;
    browser.fill("firstName", "Ana").await;
    browser.fill("lastName", "Lee").await;
    browser.fill("email", "ana@customer.example").await;
    browser.fill("domainPrefix", prefix).await;
    if agreement {
        let accepted = browser.by_name("agreementAccepted").await;
        if !accepted.is_selected().await.unwrap_or(false) {
            accepted.click().await.unwrap_or_else(|e| panic!("{e}"));
        }
        browser.fill("signerFirstName", "Ana").await;
        browser.fill("signerLastName", "Lee").await;
        browser.fill("signerEmail", "ana@customer.example").await;
        browser.fill("signerPhoneNumber", "425 555 0101").await;
        browser.set_value("dateAgreed", "2026-11-01").await;
    }
}

/// The country's fields arrive by a request of the page's script.
pub async fn wait_for_states(browser: &Browser) {
    let started = std::time::Instant::now();
    while browser
        .by_name("state")
        .await
        .tag_name()
        .await
        .unwrap_or_default()
        != "select"
    {
        if started.elapsed() > std::time::Duration::from_secs(10) {
            browser.screenshot("failure").await;
            panic!(
                "the country's states never came (country {})",
                browser.value("country").await
            );
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
}

/// Ticks two offers with their license counts.
pub async fn choose_two_offers(browser: &Browser) {
    for (offer, count) in [("PDC-MAIL-STD", "10"), ("PDC-SEC-ENDPOINT", "25")] {
        let tick = browser.by_id(&format!("offer-{offer}")).await;
        if !tick.is_selected().await.unwrap_or(false) {
            tick.click().await.unwrap_or_else(|e| panic!("{e}"));
        }
        browser.fill(&format!("quantity-{offer}"), count).await;
    }
}
