//! Support in the browser, in every language, every page checked with axe-core: the
//! customer's admin opens a request in the customer portal (first refused, naming the
//! fields), the reseller's agent answers and escalates it, the provider reads it in its
//! queue; and the support profile with a refused value.

use partnerdesk_domain::Locale;
use partnerdesk_domain::partner::Role;
use serde_json::json;

use crate::driver::Browser;
use crate::support::{TestApp, customer_body};

#[tokio::test]
async fn the_support_pages_in_every_language() {
    let app = TestApp::spawn().await;
    let reseller = app.resellers[0].clone();
    let mut numbers = Vec::new();
    for locale in Locale::ALL {
        let tag = locale.tag();
        let lower = tag.to_lowercase();
        let mut body = customer_body(&format!("support{}", lower.replace('-', "")));
        body["associatedPartnerId"] = json!(reseller.id.to_string());
        let created = app.create_customer(&body).await;
        let user = created["userCredentials"]["userName"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        let temporary = created["userCredentials"]["password"]
            .as_str()
            .unwrap_or_default()
            .to_owned();

        // The customer's admin opens a request.
        let customer = Browser::open(&app.base).await;
        customer.goto("/customer/sign-in").await;
        customer.choose_language(tag).await;
        customer.fill("email", &user).await;
        customer.fill("password", &temporary).await;
        customer.click("sign-in").await;
        customer.fill("currentPassword", &temporary).await;
        customer.fill("newPassword", "a long enough secret").await;
        customer.click("change-password").await;
        customer.click("customer-support").await;
        customer
            .assert_accessible(&format!("{tag} customer support"))
            .await;
        customer.click("open-request").await;
        customer.click("open-request").await;
        assert!(customer.has("#error-summary").await, "{tag}: the refused request");
        customer
            .assert_accessible(&format!("{tag} new request with errors"))
            .await;
        customer
            .screenshot(&format!("{tag}-support-1-new-request-errors"))
            .await;
        customer.fill("title", "Nobody can sign in").await;
        customer.select("severity", "critical").await;
        customer.select("supportTopicId", "32444601").await;
        customer
            .fill("description", "Since 9:00, every user gets an error.")
            .await;
        customer.click("open-request").await;
        let path = customer.path().await;
        assert!(path.starts_with("/customer/support/"), "{tag}: {path}");
        let number = path.rsplit('/').next().unwrap_or_default().to_owned();
        numbers.push(number.clone());
        customer
            .assert_accessible(&format!("{tag} customer request"))
            .await;
        customer
            .screenshot(&format!("{tag}-support-2-customer-request"))
            .await;

        // The reseller's agent answers and escalates.
        let email = format!("agent.{lower}@reseller-one.example");
        let password = app.user_with_password(&reseller, Role::AdminAgent, &email).await;
        let agent = Browser::open(&app.base).await;
        agent.goto("/sign-in").await;
        agent.choose_language(tag).await;
        agent.sign_in(&email, &password).await;
        agent.click("nav-support").await;
        agent.assert_accessible(&format!("{tag} support queue")).await;
        agent.goto(&format!("/support/{number}")).await;
        agent.fill("newNote", "Which users are affected?").await;
        agent.click("add-note").await;
        agent.click("escalate").await;
        assert!(agent.has("#reason-error").await, "{tag}: a reason is required");
        agent
            .assert_accessible(&format!("{tag} request with a refused escalation"))
            .await;
        agent.fill("reason", "Tenant-wide, please check").await;
        agent.click("escalate").await;
        assert!(agent.has("[data-testid=escalated-to]").await, "{tag}: escalated");
        agent.assert_accessible(&format!("{tag} escalated request")).await;
        agent.screenshot(&format!("{tag}-support-3-escalated")).await;

        agent.goto("/support/profile").await;
        agent.fill("website", "ftp://nowhere").await;
        agent.click("save-profile").await;
        assert!(agent.has("#website-error").await, "{tag}: the refused website");
        agent
            .assert_accessible(&format!("{tag} support profile with an error"))
            .await;
        agent.close().await;

        // The customer reads the answer, not the partners' note.
        customer.reload().await;
        let thread = customer.text("[data-testid=thread]").await;
        assert!(thread.contains("Which users are affected?"), "{tag}: {thread}");
        assert!(
            !thread.contains("Tenant-wide"),
            "{tag}: the escalation reason is for partners"
        );
        customer.close().await;
    }

    // The provider finds the escalated requests in its queue, on a phone too.
    let password = app
        .user_with_password(&app.provider, Role::HelpdeskAgent, "help@provider.example")
        .await;
    let provider = Browser::open(&app.base).await;
    provider.as_phone().await;
    provider.sign_in("help@provider.example", &password).await;
    provider.goto("/support?severity=critical").await;
    let rows = provider.text("[data-testid=requests]").await;
    assert_eq!(
        rows.matches("Nobody can sign in").count(),
        Locale::ALL.len(),
        "{rows}"
    );
    assert_eq!(
        provider.sideways().await,
        0,
        "nothing scrolls sideways on a phone"
    );
    provider.assert_accessible("provider queue on a phone").await;
    provider.screenshot("support-4-provider-queue-phone").await;

    // At the top, the provider hands one to the operator.
    provider.goto(&format!("/support/{}", numbers[0])).await;
    provider.fill("reason", "Needs the vendor's engineers").await;
    provider.click("escalate").await;
    let escalated = provider.text("[data-testid=escalated-to]").await;
    assert!(escalated.contains("the operator"), "{escalated}");
    assert!(
        !provider.has("[data-testid=escalate-form]").await,
        "nobody above the operator"
    );
    provider
        .assert_accessible("request escalated to the operator")
        .await;
    provider.screenshot("support-5-escalated-to-operator-phone").await;
    provider.close().await;
}
