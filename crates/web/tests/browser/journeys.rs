//! What people do with the portal, in Chromium.

use partnerdesk_domain::Locale;
use partnerdesk_domain::partner::Role;
use partnerdesk_domain::profile::{CloudProfile, ProfileName};
use thirtyfour::prelude::*;

use crate::driver::Browser;
use crate::support::TestApp;
use crate::wizard::{choose_two_offers, fill_account, signed_in, wait_for_states};

/// The whole wizard in each language: every page checked with axe-core, every step
/// photographed, and a customer with two subscriptions at the end.
#[tokio::test]
async fn the_whole_wizard_in_every_language() {
    let app = TestApp::spawn().await;
    for locale in Locale::ALL {
        let tag = locale.tag();
        let email = format!("agent.{}@provider.example", tag.to_lowercase());
        let password = app
            .user_with_password(&app.provider, Role::AdminAgent, &email)
            .await;
        let browser = Browser::open(&app.base).await;
        browser.goto("/sign-in").await;
        browser.choose_language(tag).await;
        browser.assert_accessible(&format!("{tag} sign-in")).await;
        browser.screenshot(&format!("{tag}-0-sign-in")).await;
        browser.fill("email", &email).await;
        browser.fill("password", &password).await;
        browser.click("sign-in").await;
        browser.assert_accessible(&format!("{tag} customers")).await;

        browser.click("nav-customers").await;
        browser.click("add-customer").await;
        assert_eq!(browser.path().await, "/customers/new/account");
        browser.assert_accessible(&format!("{tag} account info")).await;
        browser.click("next-subscriptions").await;
        assert_eq!(
            browser.focused().await,
            "error-summary",
            "focus moves to the summary of a refused step"
        );
        browser
            .assert_accessible(&format!("{tag} account info with errors"))
            .await;
        browser.screenshot(&format!("{tag}-1-account-errors")).await;

        let prefix = format!("cust{}", tag.replace('-', "").to_lowercase());
        fill_account(&browser, "Contoso Trading", &prefix, true).await;
        browser.screenshot(&format!("{tag}-1-account")).await;
        browser.click("next-subscriptions").await;
        assert_eq!(browser.path().await, "/customers/new/subscriptions");
        browser.assert_accessible(&format!("{tag} subscriptions")).await;
        choose_two_offers(&browser).await;
        browser.screenshot(&format!("{tag}-2-subscriptions")).await;
        browser.click("next-review").await;
        assert_eq!(browser.path().await, "/customers/new/review");
        browser.assert_accessible(&format!("{tag} review")).await;
        browser.screenshot(&format!("{tag}-3-review")).await;
        browser.click("submit").await;
        assert_eq!(browser.path().await, "/customers/new/confirmation");
        browser.assert_accessible(&format!("{tag} confirmation")).await;
        browser.screenshot(&format!("{tag}-4-confirmation")).await;
        let user_name = browser
            .by_testid("admin-username")
            .await
            .text()
            .await
            .unwrap_or_default();
        let temporary = browser
            .by_testid("admin-password")
            .await
            .text()
            .await
            .unwrap_or_default();
        assert_eq!(user_name, format!("admin@{prefix}.onmicrosoft.com"));
        assert!(temporary.len() >= 20);
        browser.click("done").await;
        assert!(
            browser.path().await.starts_with("/customers/0"),
            "Done opens the customer"
        );
        browser.assert_accessible(&format!("{tag} customer")).await;
        browser.screenshot(&format!("{tag}-5-customer")).await;
        browser.click("nav-customers").await;
        browser
            .assert_accessible(&format!("{tag} customers with one"))
            .await;
        browser.goto("/no-such-page").await;
        browser.assert_accessible(&format!("{tag} page not found")).await;
        browser.close().await;
    }
    let rows = app.rows().await;
    assert_eq!((rows["customers"], rows["subscriptions"]), (5, 10));
}

#[tokio::test]
async fn update_from_review_on_both_sections_loses_nothing() {
    let app = TestApp::spawn().await;
    let browser = signed_in(&app).await;
    browser.goto("/customers/new").await;
    fill_account(&browser, "Fabrikam", "fabrikamupd", true).await;
    browser.click("next-subscriptions").await;
    choose_two_offers(&browser).await;
    browser.click("next-review").await;

    browser.click("update-account").await;
    assert_eq!(browser.path().await, "/customers/new/account");
    assert_eq!(browser.value("addressLine2").await, "Suite 200");
    assert_eq!(browser.value("signerPhoneNumber").await, "425 555 0101");
    browser.fill("city", "Bellevue").await;
    browser.click("next-subscriptions").await;
    assert_eq!(
        browser.path().await,
        "/customers/new/review",
        "straight back to the review"
    );
    assert!(browser.body().await.contains("Bellevue"));

    browser.click("update-subscriptions").await;
    assert_eq!(browser.path().await, "/customers/new/subscriptions");
    assert!(
        browser
            .by_id("offer-PDC-SEC-ENDPOINT")
            .await
            .is_selected()
            .await
            .unwrap_or(false)
    );
    assert_eq!(browser.value("quantity-PDC-SEC-ENDPOINT").await, "25");
    browser.fill("quantity-PDC-MAIL-STD", "11").await;
    browser.click("next-review").await;
    let review = browser.body().await;
    assert!(review.contains("Bellevue") && review.contains("11") && review.contains("Endpoint Protection"));
    browser.close().await;
}

#[tokio::test]
async fn a_double_submit_creates_one_customer_and_the_back_button_starts_a_new_one() {
    let app = TestApp::spawn().await;
    let browser = signed_in(&app).await;
    browser.goto("/customers/new").await;
    fill_account(&browser, "Double Click Co", "doubleclick", true).await;
    browser.click("next-subscriptions").await;
    choose_two_offers(&browser).await;
    browser.click("next-review").await;
    // Two clicks faster than the page can answer.
    let submit = browser.by_testid("submit").await;
    let element = submit.to_json().unwrap_or_else(|e| panic!("{e}"));
    browser
        .navigating(|| async {
            browser
                .driver
                .execute("arguments[0].click(); arguments[0].click();", vec![element])
                .await
                .unwrap_or_else(|e| panic!("{e}"));
        })
        .await;
    assert_eq!(browser.path().await, "/customers/new/confirmation");
    let password = browser
        .by_testid("admin-password")
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(!password.is_empty());
    // A reload shows the customer again, but never the password a second time.
    browser.reload().await;
    assert_eq!(browser.path().await, "/customers/new/confirmation");
    assert!(
        !browser.has("[data-testid=admin-password]").await,
        "the password is shown on the first view only"
    );
    assert!(browser.body().await.contains("admin@doubleclick"));
    // The back button to the review: that customer is done, a new one starts.
    browser.back().await;
    assert_eq!(browser.path().await, "/customers/new/account");
    assert_eq!(browser.value("companyName").await, "");
    let rows = app.rows().await;
    assert_eq!((rows["customers"], rows["subscriptions"]), (1, 2));
    browser.close().await;
}

#[tokio::test]
async fn the_back_button_and_a_reload_keep_what_was_entered() {
    let app = TestApp::spawn().await;
    let browser = signed_in(&app).await;
    browser.goto("/customers/new").await;
    fill_account(&browser, "Backward Ltd", "backward", true).await;
    browser.click("next-subscriptions").await;
    choose_two_offers(&browser).await;
    browser.click("next-review").await;
    browser.reload().await;
    assert_eq!(browser.path().await, "/customers/new/review");

    browser.back().await;
    assert_eq!(browser.path().await, "/customers/new/subscriptions");
    browser.reload().await;
    assert!(
        browser
            .by_id("offer-PDC-SEC-ENDPOINT")
            .await
            .is_selected()
            .await
            .unwrap_or(false)
    );
    assert_eq!(browser.value("quantity-PDC-SEC-ENDPOINT").await, "25");
    browser.back().await;
    assert_eq!(browser.path().await, "/customers/new/account");
    browser.reload().await;
    assert_eq!(browser.value("companyName").await, "Backward Ltd");
    assert_eq!(browser.value("state").await, "WA");
    assert_eq!(browser.value("signerEmail").await, "ana@customer.example");

    browser.forward().await;
    browser.forward().await;
    assert_eq!(browser.path().await, "/customers/new/review");
    let review = browser.body().await;
    assert!(
        review.contains("Backward Ltd") && review.contains("Business Mail Standard"),
        "{review}"
    );
    // Another tab opens the same draft where it stands.
    browser.driver.new_tab().await.unwrap_or_else(|e| panic!("{e}"));
    let handles = browser.driver.windows().await.unwrap_or_default();
    if let Some(last) = handles.last() {
        browser
            .driver
            .switch_to_window(last.clone())
            .await
            .unwrap_or_else(|e| panic!("{e}"));
    }
    browser.goto("/customers/new").await;
    assert_eq!(browser.path().await, "/customers/new/review");
    browser.close().await;
}

/// Wrong input in every field of Account info: each message beside its field.
#[tokio::test]
async fn every_fields_wrong_input_shows_its_message() {
    let app = TestApp::spawn().await;
    let browser = signed_in(&app).await;
    browser.goto("/customers/new").await;
    browser.select("country", "RU").await;
    let started = std::time::Instant::now();
    while browser
        .driver
        .find_all(By::Name("organizationRegistrationNumber"))
        .await
        .map(|v| v.is_empty())
        .unwrap_or(true)
    {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "Russia's fields never came"
        );
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    let wrong = [
        (
            "companyName",
            "OOO",
            "Enter the company's name, not only its legal form (such as LLC or Ltd).",
        ),
        ("addressLine1", "", "This value is required."),
        ("city", "", "This value is required."),
        (
            "postalCode",
            "12",
            "This postal code doesn't match the format used in the selected country, such as 123456.",
        ),
        (
            "phoneNumber",
            "12",
            "Enter a phone number that is valid in the selected country, or an international number starting with +.",
        ),
        (
            "organizationRegistrationNumber",
            "77",
            "The organization registration number doesn't have the expected format, such as 7707083893.",
        ),
        ("firstName", "", "This value is required."),
        (
            "lastName",
            "---",
            "Use letters or digits, not only punctuation or spaces.",
        ),
        (
            "email",
            "ana@",
            "Enter an email address such as name@example.com.",
        ),
        (
            "domainPrefix",
            "my domain",
            "Use only the letters a–z and the digits 0–9, with no spaces, dots or hyphens.",
        ),
        ("signerFirstName", "", "This value is required."),
        ("signerLastName", "", "This value is required."),
        (
            "signerEmail",
            "nope",
            "Enter an email address such as name@example.com.",
        ),
        (
            "signerPhoneNumber",
            "x",
            "Enter a phone number that is valid in the selected country, or an international number starting with +.",
        ),
        (
            "dateAgreed",
            "2999-01-01",
            "The date of agreement can't be later than today.",
        ),
    ];
    for (field, value, _) in &wrong {
        if *field == "dateAgreed" {
            browser.set_value(field, value).await;
        } else {
            browser.fill(field, value).await;
        }
    }
    browser.select("culture", "en-US").await;
    browser.click("next-subscriptions").await;
    for (field, value, message) in &wrong {
        let shown = browser.text(&format!("#{field}-error")).await;
        assert_eq!(shown, *message, "{field}");
        let invalid = browser
            .by_id(field)
            .await
            .attr("aria-invalid")
            .await
            .ok()
            .flatten();
        assert_eq!(invalid.as_deref(), Some("true"), "{field}");
        if *field != "dateAgreed" {
            assert_eq!(browser.value(field).await, *value, "{field} keeps what was typed");
        }
    }
    assert_eq!(
        browser.text("#agreementAccepted-error").await,
        "Confirm that the customer has accepted the customer agreement."
    );
    assert_eq!(
        browser
            .driver
            .find_all(By::Css("#error-summary li"))
            .await
            .map(|v| v.len())
            .unwrap_or(0),
        wrong.len() + 1
    );
    browser.close().await;
}

/// A `<script>` in every text field is shown as text and never runs.
#[tokio::test]
async fn a_script_in_every_text_field_is_shown_as_text() {
    let app = TestApp::spawn().await;
    let browser = signed_in(&app).await;
    let payload = "<script>window.pwned=1</script><img src=x onerror=window.pwned=2>";
    browser.goto("/customers/new").await;
    fill_account(&browser, &format!("Acme {payload}"), "scripted", true).await;
    for field in [
        "addressLine1",
        "addressLine2",
        "city",
        "firstName",
        "lastName",
        "signerFirstName",
        "signerLastName",
    ] {
        browser.fill(field, &format!("A {payload}")).await;
    }
    browser.fill("email", payload).await;
    browser.fill("phoneNumber", payload).await;
    browser.fill("postalCode", payload).await;
    browser.click("next-subscriptions").await;
    let pwned = |b: &Browser| {
        let driver = b.driver.clone();
        async move {
            driver
                .execute("return window.pwned === undefined", vec![])
                .await
                .map(|r| r.json().clone())
        }
    };
    assert_eq!(
        pwned(&browser).await.ok(),
        Some(serde_json::json!(true)),
        "nothing ran on the refused form"
    );
    assert_eq!(browser.value("email").await, payload);
    browser.fill("email", "ana@customer.example").await;
    browser.fill("phoneNumber", "425 555 0101").await;
    browser.fill("postalCode", "98052").await;
    browser.click("next-subscriptions").await;
    choose_two_offers(&browser).await;
    browser.click("next-review").await;
    assert_eq!(
        pwned(&browser).await.ok(),
        Some(serde_json::json!(true)),
        "nothing ran on the review"
    );
    assert!(browser.body().await.contains(&format!("Acme {payload}")));
    browser.click("submit").await;
    browser.click("done").await;
    assert_eq!(
        pwned(&browser).await.ok(),
        Some(serde_json::json!(true)),
        "nothing ran on the customer page"
    );
    assert!(browser.body().await.contains(&format!("A {payload}")));
    browser.click("nav-customers").await;
    assert_eq!(
        pwned(&browser).await.ok(),
        Some(serde_json::json!(true)),
        "nothing ran on the list"
    );
    browser.close().await;
}

#[tokio::test]
async fn an_indirect_provider_associates_a_reseller() {
    let app = TestApp::spawn().await;
    let browser = signed_in(&app).await;
    browser.goto("/customers/new").await;
    fill_account(&browser, "Through Reseller", "throughreseller", true).await;
    browser
        .select("associatedPartnerId", &app.resellers[0].id.to_string())
        .await;
    browser.click("next-subscriptions").await;
    choose_two_offers(&browser).await;
    browser.click("next-review").await;
    assert!(browser.body().await.contains("Reseller One"));
    browser.click("submit").await;
    browser.click("done").await;
    assert!(browser.body().await.contains("Reseller One"));
    browser.close().await;
}

#[tokio::test]
async fn the_china_profile_has_no_agreement_step_and_its_own_suffix() {
    let china = CloudProfile::builtin(ProfileName::China).unwrap_or_else(|| unreachable!());
    let app = TestApp::spawn_with(china, 0).await;
    let browser = signed_in(&app).await;
    browser.goto("/customers/new").await;
    assert!(browser.body().await.contains(".partner.onmschina.cn"));
    assert!(
        browser
            .driver
            .find_all(By::Name("agreementAccepted"))
            .await
            .map(|v| v.is_empty())
            .unwrap_or(false)
    );
    browser.choose_language("zh-CN").await;
    fill_account(&browser, "上海贸易有限公司", "shanghaitrade", false).await;
    browser.click("next-subscriptions").await;
    choose_two_offers(&browser).await;
    browser.click("next-review").await;
    browser.assert_accessible("china review").await;
    browser.screenshot("china-zh-CN-3-review").await;
    browser.click("submit").await;
    assert_eq!(
        browser
            .by_testid("admin-username")
            .await
            .text()
            .await
            .unwrap_or_default(),
        "admin@shanghaitrade.partner.onmschina.cn"
    );
    browser.close().await;
}

/// Tab and the keys people use instead of a mouse carry the wizard to its end.
#[tokio::test]
async fn the_keyboard_alone_completes_the_wizard() {
    let app = TestApp::spawn().await;
    let browser = signed_in(&app).await;
    browser.goto("/customers/new").await;
    let tab_to = |target: &'static str| {
        let browser = &browser;
        async move {
            for _ in 0..200 {
                let active = browser
                    .driver
                    .active_element()
                    .await
                    .unwrap_or_else(|e| panic!("{e}"));
                let testid = active
                    .attr("data-testid")
                    .await
                    .ok()
                    .flatten()
                    .unwrap_or_default();
                if browser.focused().await == target || testid == target {
                    return;
                }
                browser.keys(Key::Tab).await;
            }
            panic!("Tab never reached {target}");
        }
    };
    let type_here = |text: &'static str| {
        let browser = &browser;
        async move {
            browser.keys(text).await;
        }
    };
    tab_to("companyName").await;
    type_here("Keyboard Only Inc").await;
    tab_to("country").await;
    type_here("United States").await;
    wait_for_states(&browser).await;
    for (id, text) in [
        ("addressLine1", "1 Main St"),
        ("city", "Redmond"),
        ("state", "Washington"),
        ("postalCode", "98052"),
        ("firstName", "Ana"),
        ("lastName", "Lee"),
        ("email", "ana@customer.example"),
        ("domainPrefix", "keyboardonly"),
        ("signerFirstName", "Ana"),
        ("signerLastName", "Lee"),
        ("signerEmail", "ana@customer.example"),
        ("signerPhoneNumber", "4255550101"),
    ] {
        tab_to(id).await;
        type_here(text).await;
    }
    tab_to("agreementAccepted").await;
    type_here(" ").await;
    browser.set_value("dateAgreed", "2026-11-01").await;
    tab_to("dateAgreed").await;
    let press_enter_on = |target: &'static str| {
        let browser = &browser;
        async move {
            tab_to(target).await;
            browser.navigating(|| browser.keys(Key::Enter)).await;
        }
    };
    press_enter_on("next-subscriptions").await;
    assert_eq!(
        browser.path().await,
        "/customers/new/subscriptions",
        "{}",
        browser.body().await
    );
    tab_to("offer-PDC-MAIL-STD").await;
    type_here(" ").await;
    press_enter_on("next-review").await;
    assert_eq!(browser.path().await, "/customers/new/review");
    press_enter_on("submit").await;
    assert_eq!(browser.path().await, "/customers/new/confirmation");
    press_enter_on("done").await;
    assert!(browser.body().await.contains("Keyboard Only Inc"));
    browser.close().await;
}

/// On a phone's screen nothing runs off the side: no page scrolls sideways.
#[tokio::test]
async fn the_pages_fit_a_phone_screen() {
    let app = TestApp::spawn().await;
    let browser = crate::wizard::signed_in_as(&app, Role::AdminAgent).await;
    browser.as_phone().await;
    let fits = |what: &'static str| {
        let browser = &browser;
        async move {
            let shot = crate::driver::screenshot_dir().join(format!("phone-{}.png", what.replace(' ', "-")));
            browser
                .driver
                .screenshot(&shot)
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(browser.sideways().await, 0, "{what} scrolls sideways on a phone");
            let layout = browser
                .driver
                .execute(PHONE_LAYOUT, vec![])
                .await
                .map(|r| r.json().clone())
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(layout["width"].as_i64(), Some(390), "{what}: the phone's width");
            assert!(
                layout["header"].as_f64().unwrap_or(f64::MAX) <= 844.0 / 4.0,
                "{what}: the header takes more than a quarter of the screen: {layout}"
            );
            assert_eq!(
                layout["menuOutside"].as_i64(),
                Some(0),
                "{what}: a tab outside the bar: {layout}"
            );
            assert_eq!(
                layout["keyHidden"].as_i64(),
                Some(0),
                "{what}: a table's first column is off screen"
            );
        }
    };
    browser.choose_language("ru-RU").await;
    fits("customers").await;
    browser.goto("/customers/new").await;
    fill_account(&browser, "Narrow Screen", "narrowscreen", true).await;
    fits("account info").await;
    browser.click("next-subscriptions").await;
    fits("subscriptions").await;
    choose_two_offers(&browser).await;
    browser.click("next-review").await;
    fits("review").await;
    browser.click("submit").await;
    fits("confirmation").await;
    browser.click("done").await;
    fits("customer").await;
    browser.click("subscription-link").await;
    fits("subscription").await;
    for (what, path) in [
        ("activity", "/activity"),
        ("users", "/users"),
        ("tokens", "/tokens"),
        ("resellers", "/resellers"),
        ("relationship request", "/customers/relationship-request"),
    ] {
        browser.goto(path).await;
        fits(what).await;
    }
    browser.close().await;
}

/// The layout facts a phone screen must keep: the width the page is laid out at, the
/// header's height, tabs drawn outside the tab bar, and tables whose first column (what a
/// row is) isn't on screen.
const PHONE_LAYOUT: &str = r#"
    const menu = document.querySelector('.menu');
    const box = menu ? menu.getBoundingClientRect() : null;
    const outside = box ? [...menu.querySelectorAll('a')].filter(a => {
        const r = a.getBoundingClientRect();
        return r.left < box.left || r.right > box.right || r.top < box.top || r.bottom > box.bottom;
    }).length : 0;
    const hidden = [...document.querySelectorAll('table.data tr > :first-child')].filter(c => {
        const r = c.getBoundingClientRect();
        return r.left < 0 || r.left >= window.innerWidth;
    }).length;
    const top = document.querySelector('.topbar').getBoundingClientRect().height;
    return { width: window.innerWidth, header: top + (box ? box.height : 0), menuOutside: outside, keyHidden: hidden };
"#;
