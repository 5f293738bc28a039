//! A customer's page in the browser: its details edited with a wrong value and then a
//! right one, the agreement recorded later, its admin's password reset, its history read
//! as sentences; in every language with axe-core, and on a phone.

use partnerdesk_domain::Locale;
use partnerdesk_domain::partner::Role;

use crate::driver::Browser;
use crate::support::{TestApp, plain_customer_body};

#[tokio::test]
async fn edit_a_customer_record_its_agreement_reset_its_password_and_read_its_history() {
    let app = TestApp::spawn().await;
    let email = "accounts@provider.example";
    let password = app
        .user_with_password(&app.provider, Role::AdminAgent, email)
        .await;
    let mut last = String::new();
    for locale in Locale::ALL {
        let tag = locale.tag();
        let prefix = format!("tabs{}", tag.replace('-', "").to_lowercase());
        let created = app.create_customer(&plain_customer_body(&prefix)).await;
        let id = created["id"].as_str().unwrap_or_default().to_owned();
        let account = format!("/customers/{id}");
        let browser = Browser::open(&app.base).await;
        browser.goto("/sign-in").await;
        browser.choose_language(tag).await;
        browser.sign_in(email, &password).await;
        browser.goto(&account).await;
        browser.assert_accessible(&format!("{tag} account tab")).await;

        browser.click("edit-account").await;
        browser.fill("postalCode", "ABC").await;
        browser.click("save").await;
        assert!(
            browser.has("#postalCode-error").await,
            "{tag}: the wrong value named"
        );
        browser
            .assert_accessible(&format!("{tag} account form, a wrong value"))
            .await;
        browser.fill("postalCode", "98101").await;
        browser.fill("city", "Seattle").await;
        browser.click("save").await;
        assert_eq!(browser.path().await, account, "{tag}: saved");
        assert!(browser.body().await.contains("Seattle"), "{tag}");

        browser.click("record-agreement").await;
        browser.assert_accessible(&format!("{tag} agreement form")).await;
        browser.tick("#agreementAccepted").await;
        browser.click("save").await;
        assert_eq!(browser.path().await, account, "{tag}: recorded");
        assert!(
            browser.body().await.contains("Ana Lee"),
            "{tag}: the signer listed"
        );

        browser.click("tab-users").await;
        browser.click("reset-password").await;
        browser
            .assert_accessible(&format!("{tag} reset confirmation"))
            .await;
        browser.click("confirm").await;
        let temporary = browser.text("[data-testid='temporary-password']").await;
        assert!(temporary.len() >= 12, "{tag}: a new password shown: {temporary}");
        browser
            .assert_accessible(&format!("{tag} users tab, a new password"))
            .await;
        browser.screenshot(&format!("{tag}-customer-users")).await;

        browser.click("customer-activity").await;
        browser.assert_accessible(&format!("{tag} activity tab")).await;
        browser.screenshot(&format!("{tag}-customer-activity")).await;
        if locale == Locale::RuRu {
            let story = browser.body().await;
            for text in ["изменил(а) платежный профиль", "выдал(а) пользователю"]
            {
                assert!(story.contains(text), "{text}: {story}");
            }
        }
        browser.close().await;
        last = account;
    }

    // Times are in the browser's zone until the user chooses another.
    let phone = Browser::open(&app.base).await;
    phone.in_time_zone("Asia/Tokyo").await;
    phone.sign_in(email, &password).await;
    phone.goto(&format!("{last}/activity")).await;
    assert_eq!(phone.text("[data-testid='time-zone']").await, "(Asia/Tokyo)");
    assert!(
        phone.shown("settings").await && !phone.shown("nav-settings").await,
        "a wide screen leads to Settings by the signed-in name, without the gear"
    );
    phone.as_phone().await;
    assert!(!phone.shown("settings").await && phone.shown("nav-settings").await);
    // On a phone the signed-in name that leads to Settings is hidden; a gear in the menu
    // leads there.
    phone.click("nav-settings").await;
    assert_eq!(phone.path().await, "/settings");
    phone.assert_accessible("settings").await;
    for tab in ["", "/account", "/subscriptions", "/users", "/activity"] {
        phone.goto(&format!("{last}{tab}")).await;
        assert_eq!(phone.sideways().await, 0, "{tab} fits a phone");
    }
    phone.screenshot("customer-phone").await;
    phone.close().await;
}
