//! Life after onboarding in the browser, in every language, every page checked with
//! axe-core: a subscription's licenses and add-ons, Add subscriptions, Activity, Users,
//! API tokens, a relationship request, and the customer portal where the customer's admin
//! changes the temporary password and accepts.

use partnerdesk_domain::Locale;
use partnerdesk_domain::partner::Role;

use crate::driver::Browser;
use crate::support::{TestApp, customer_body};

#[tokio::test]
async fn the_pages_after_onboarding_in_every_language() {
    let app = TestApp::spawn().await;
    for locale in Locale::ALL {
        let tag = locale.tag();
        let prefix = format!("after{}", tag.replace('-', "").to_lowercase());
        let created = app.create_customer(&customer_body(&prefix)).await;
        let customer = created["id"].as_str().unwrap_or_default().to_owned();
        let user_name = created["userCredentials"]["userName"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        let temporary = created["userCredentials"]["password"]
            .as_str()
            .unwrap_or_default()
            .to_owned();

        let email = format!("after.{}@provider.example", tag.to_lowercase());
        let password = app
            .user_with_password(&app.provider, Role::AdminAgent, &email)
            .await;
        let browser = Browser::open(&app.base).await;
        browser.goto("/sign-in").await;
        browser.choose_language(tag).await;
        browser.sign_in(&email, &password).await;

        browser.goto(&format!("/customers/{customer}")).await;
        browser.assert_accessible(&format!("{tag} customer")).await;
        browser.click("subscription-link").await;
        browser.assert_accessible(&format!("{tag} subscription")).await;
        browser.set_value("quantity", "301").await;
        browser.click("change-quantity").await;
        browser
            .assert_accessible(&format!("{tag} subscription with an error"))
            .await;
        browser
            .screenshot(&format!("{tag}-after-1-subscription-error"))
            .await;
        browser.set_value("quantity", "12").await;
        browser.click("change-quantity").await;
        assert!(
            browser.text("[data-testid=licenses]").await.contains("12"),
            "{tag}: licenses changed"
        );
        browser.set_value("addOnQuantity", "2").await;
        browser.click("buy-add-on").await;
        browser.click("suspend").await;
        browser
            .assert_accessible(&format!("{tag} suspend, confirmation"))
            .await;
        browser.click("confirm").await;
        assert!(browser.has("[data-testid=reactivate]").await, "{tag}: suspended");
        assert!(browser.has("[data-testid=notice]").await, "{tag}: said so");
        browser.click("reactivate").await;

        browser.goto(&format!("/customers/{customer}")).await;
        browser.click("add-subscriptions").await;
        browser
            .assert_accessible(&format!("{tag} add subscriptions"))
            .await;
        browser.click("next-review").await;
        browser
            .assert_accessible(&format!("{tag} add subscriptions, nothing chosen"))
            .await;
        browser.tick("input[name=offer][value=PDC-SEC-ENDPOINT]").await;
        browser.set_value("quantity-PDC-SEC-ENDPOINT", "6").await;
        browser.click("next-review").await;
        let review = browser.body().await;
        assert!(
            browser.has("[data-testid=submit]").await,
            "{tag}: the review: {review}"
        );
        browser
            .assert_accessible(&format!("{tag} add subscriptions review"))
            .await;
        browser.click("submit").await;
        assert!(
            browser
                .path()
                .await
                .starts_with(&format!("/customers/{customer}")),
            "{tag}: ordered"
        );

        browser.click("nav-activity").await;
        browser.assert_accessible(&format!("{tag} activity")).await;
        browser.screenshot(&format!("{tag}-after-2-activity")).await;
        browser.click("nav-users").await;
        browser.assert_accessible(&format!("{tag} users")).await;
        browser
            .fill(
                "email",
                &format!("invited.{}@provider.example", tag.to_lowercase()),
            )
            .await;
        browser.click("invite-user").await;
        browser
            .assert_accessible(&format!("{tag} users with a link"))
            .await;
        let link = browser.text("[data-testid=invite-link]").await;
        browser.click("nav-resellers").await;
        browser.click("invite-reseller").await;
        browser
            .assert_accessible(&format!("{tag} resellers with errors"))
            .await;
        browser.click("nav-tokens").await;
        browser.fill("name", "automation").await;
        browser.click("create-token").await;
        browser.assert_accessible(&format!("{tag} tokens")).await;
        browser.goto("/customers/relationship-request").await;
        browser.click("create-relationship-request").await;
        browser
            .assert_accessible(&format!("{tag} relationship request"))
            .await;
        let invitation = browser.text("[data-testid=relationship-link]").await;
        browser.close().await;

        let newcomer = Browser::open(&app.base).await;
        newcomer.goto_url(&link).await;
        newcomer.choose_language(tag).await;
        newcomer.assert_accessible(&format!("{tag} set password")).await;

        let admin = Browser::open(&app.base).await;
        admin.goto_url(&invitation).await;
        admin.choose_language(tag).await;
        admin.assert_accessible(&format!("{tag} customer sign-in")).await;
        admin.fill("email", &user_name).await;
        admin.fill("password", &temporary).await;
        admin.click("sign-in").await;
        admin.assert_accessible(&format!("{tag} customer password")).await;
        admin.fill("currentPassword", &temporary).await;
        admin.fill("newPassword", "our own long secret").await;
        admin.click("change-password").await;
        admin.assert_accessible(&format!("{tag} invitation")).await;
        admin.screenshot(&format!("{tag}-after-3-invitation")).await;
        admin.click("accept-invitation").await;
        admin.assert_accessible(&format!("{tag} customer home")).await;
        assert_eq!(admin.path().await, "/customer", "{tag}: accepted");
        admin.close().await;
        newcomer.close().await;
    }
}
