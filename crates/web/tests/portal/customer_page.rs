//! A customer's page and its tabs: the Account tab's details and agreement forms, the
//! Users tab's password reset, the Subscriptions and Activity tabs.

use partnerdesk_domain::partner::Role;
use regex::Regex;
use reqwest::StatusCode;

use crate::browser::Visitor;
use crate::support::{TestApp, customer_body, expect, plain_customer_body};

async fn admin(app: &TestApp, email: &str) -> Visitor {
    Visitor::new_user(app, Role::AdminAgent, email).await
}

/// The customer's billing profile as the API reads it.
async fn billing(app: &TestApp, id: &str) -> serde_json::Value {
    let path = format!("/v1/customers/{id}/profiles/billing");
    expect(app.get(&path).await, StatusCode::OK).await
}

#[tokio::test]
async fn the_account_tab_edits_details_by_the_wizards_rules_and_refuses_a_stale_form() {
    let app = TestApp::spawn().await;
    let created = app.create_customer(&customer_body("editable")).await;
    let id = created["id"].as_str().unwrap_or_default().to_owned();
    let visitor = admin(&app, "editor@provider.example").await;
    let account = visitor.get(&format!("/customers/{id}")).await;
    let path = format!("/customers/{id}/account");
    assert!(
        account
            .html
            .contains(&format!(r#"href="{path}" data-testid="edit-account""#))
    );

    let form = visitor.get(&path).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.html
            .contains("<title>editable Inc – Edit account details – Partnerdesk</title>")
    );
    assert_eq!(form.value_of("companyName").as_deref(), Some("editable Inc"));
    assert_eq!(form.value_of("version").as_deref(), Some("1"));
    // The phone, stored as +14255550101, is shown and edited as the US writes it.
    assert!(account.contains("(425) 555-0101") && !account.contains("+14255550101"));
    assert_eq!(form.value_of("phoneNumber").as_deref(), Some("(425) 555-0101"));
    let csrf = form.csrf();

    // Wrong values: each is named beside its field, and nothing changes.
    let refused = visitor
        .post(
            &path,
            &[
                ("csrf", &csrf),
                ("version", "1"),
                ("postalCode", "ABCDE"),
                ("email", "not an address"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    for text in [
        "This postal code doesn't match the format used in the selected country, such as 12345.",
        "Enter an email address such as name@example.com.",
        r#"id="error-summary""#,
    ] {
        assert!(refused.html.contains(text) || refused.contains(text), "{text}");
    }
    assert_eq!(
        refused.value_of("postalCode").as_deref(),
        Some("ABCDE"),
        "kept as typed"
    );
    assert_eq!(billing(&app, &id).await["defaultAddress"]["postalCode"], "98052");

    // Right ones (the country can't change: one sent is ignored).
    let saved = visitor
        .post(
            &path,
            &[
                ("csrf", &csrf),
                ("version", "1"),
                ("companyName", "Édited Bikes"),
                ("city", "Seattle"),
                ("postalCode", "98101"),
                ("country", "FR"),
            ],
        )
        .await;
    assert_eq!(
        saved.location.as_deref(),
        Some(format!("/customers/{id}").as_str()),
        "{}",
        saved.text
    );
    let page = visitor.follow(saved).await;
    assert!(page.contains("The customer's details were saved."));
    assert!(
        page.html.contains("<h1>Édited Bikes</h1>"),
        "the customer's name everywhere"
    );
    let profile = billing(&app, &id).await;
    assert_eq!(
        (
            &profile["companyName"],
            &profile["defaultAddress"]["city"],
            &profile["defaultAddress"]["country"]
        ),
        (&"Édited Bikes".into(), &"Seattle".into(), &"US".into())
    );
    let found = visitor.get("/customers?q=edited").await;
    assert!(
        found.contains("Édited Bikes"),
        "found by its new name, accent folded"
    );

    // A form read before that save is refused and shows what is saved now.
    let stale = visitor
        .post(&path, &[("csrf", &csrf), ("version", "1"), ("city", "Tacoma")])
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert!(stale.html.contains(r#"data-testid="changed-meanwhile""#));
    assert_eq!(stale.value_of("city").as_deref(), Some("Seattle"));
    assert_eq!(stale.value_of("version").as_deref(), Some("2"));
    assert_eq!(billing(&app, &id).await["defaultAddress"]["city"], "Seattle");

    let activity = visitor.get(&format!("/customers/{id}/activity")).await;
    assert!(activity.contains("Billing profile changed"));

    // Roles that may not edit see no button, and the form is refused them.
    let sales = Visitor::new_user(&app, Role::SalesAgent, "sales@provider.example").await;
    assert!(
        !sales
            .get(&format!("/customers/{id}"))
            .await
            .html
            .contains("edit-account")
    );
    assert_eq!(sales.get(&path).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn an_agreement_is_recorded_later_from_the_account_tab() {
    let app = TestApp::spawn().await;
    let created = app.create_customer(&plain_customer_body("later")).await;
    let id = created["id"].as_str().unwrap_or_default().to_owned();
    let visitor = admin(&app, "attester@provider.example").await;
    let account = visitor.get(&format!("/customers/{id}")).await;
    assert!(account.contains("No acceptance of the customer agreement has been recorded."));
    let path = format!("/customers/{id}/agreement");
    assert!(
        account
            .html
            .contains(&format!(r#"href="{path}" data-testid="record-agreement">Add<"#))
    );

    let form = visitor.get(&path).await;
    assert_eq!(form.status, StatusCode::OK);
    let today = time::OffsetDateTime::now_utc().date().to_string();
    assert_eq!(
        form.value_of("dateAgreed"),
        Some(today.clone()),
        "signed today by default"
    );
    assert_eq!(form.value_of("signerFirstName").as_deref(), Some("Ana"));
    let csrf = form.csrf();
    let base = [
        ("csrf", csrf.as_str()),
        ("agreementShown", "1"),
        ("signerFirstName", "Bo"),
        ("signerLastName", "Chen"),
        ("signerEmail", "bo@later.example"),
        ("signerPhoneNumber", "425 555 0102"),
    ];

    let mut wrong = base.to_vec();
    wrong.push(("dateAgreed", "2999-01-01"));
    let refused = visitor.post(&path, &wrong).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.contains("Confirm that the customer has accepted the customer agreement."));
    let agreements = format!("/v1/customers/{id}/agreements?agreementType=*");
    assert_eq!(
        expect(app.get(&agreements).await, StatusCode::OK).await["totalCount"],
        0
    );

    let mut right = base.to_vec();
    right.extend([("dateAgreed", today.as_str()), ("agreementAccepted", "yes")]);
    let recorded = visitor.post(&path, &right).await;
    assert_eq!(
        recorded.location.as_deref(),
        Some(format!("/customers/{id}").as_str())
    );
    let page = visitor.follow(recorded).await;
    assert!(page.contains("The customer's acceptance of the agreement was recorded."));
    assert!(page.contains("Bo Chen"));
    assert!(page.html.contains(&format!(
        r#"href="{path}" data-testid="record-agreement">Update<"#
    )));
    let listed = expect(app.get(&agreements).await, StatusCode::OK).await;
    assert_eq!(listed["totalCount"], 1, "{listed}");

    // The same signer again is named as the problem, beside the email.
    let again = visitor.post(&path, &right).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.html.contains(r#"id="signerEmail-error""#), "{}", again.text);
}

/// Signs in to the customer portal; the answer's redirect.
async fn customer_sign_in(visitor: &Visitor, user: &str, password: &str) -> Option<String> {
    let csrf = visitor.get("/customer/sign-in").await.csrf();
    let fields = [("csrf", csrf.as_str()), ("email", user), ("password", password)];
    visitor.post("/customer/sign-in", &fields).await.location
}

#[tokio::test]
async fn a_customer_admins_password_is_reset_shown_once_and_ends_its_sessions() {
    let app = TestApp::spawn().await;
    let created = app.create_customer(&plain_customer_body("resettable")).await;
    let id = created["id"].as_str().unwrap_or_default().to_owned();
    let user = created["userCredentials"]["userName"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let first = created["userCredentials"]["password"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let customer = Visitor::new(&app.base);
    let forced = customer_sign_in(&customer, &user, &first)
        .await
        .unwrap_or_default();
    assert!(forced.starts_with("/customer/password"), "{forced}");
    let csrf = customer.get("/customer/password").await.csrf();
    let fields = [
        ("csrf", csrf.as_str()),
        ("currentPassword", &first),
        ("newPassword", "our own long secret"),
    ];
    assert_eq!(
        customer
            .post("/customer/password", &fields)
            .await
            .location
            .as_deref(),
        Some("/customer")
    );

    let partner = admin(&app, "helper@provider.example").await;
    let tab = format!("/customers/{id}/users");
    let users = partner.get(&tab).await;
    assert_eq!(users.status, StatusCode::OK);
    assert!(users.contains(&user) && users.contains("Active") && !users.contains("Never"));
    let action = Regex::new(r#"action="(/customers/[^"]+/reset-password)""#)
        .ok()
        .and_then(|re| re.captures(&users.html).map(|c| c[1].to_owned()))
        .unwrap_or_else(|| panic!("no reset form: {}", users.html));

    // Asked first, saying whose password; nothing changes until confirmed.
    let csrf = users.csrf();
    let question = partner.post(&action, &[("csrf", &csrf)]).await;
    assert_eq!(question.status, StatusCode::OK);
    assert!(question.contains(&format!("Give {user} a new temporary password?")));
    assert_eq!(customer.get("/customer").await.status, StatusCode::OK);

    let done = partner
        .post(&action, &[("csrf", &csrf), ("confirmed", "yes")])
        .await;
    assert_eq!(done.location.as_deref(), Some(tab.as_str()));
    let shown = partner.follow(done).await;
    let temporary = Regex::new(r#"data-testid="temporary-password">([^<]+)<"#)
        .ok()
        .and_then(|re| re.captures(&shown.html).map(|c| c[1].to_owned()))
        .unwrap_or_else(|| panic!("no password shown: {}", shown.html));
    assert!(shown.contains("Temporary password: to be changed at the next sign-in"));
    let again = partner.get(&tab).await;
    assert!(!again.html.contains(&temporary), "shown only once");
    let activity = partner.get(&format!("/customers/{id}/activity")).await;
    assert!(activity.contains("Customer password reset") && !activity.html.contains(&temporary));

    // The customer was signed out, the old password no longer works, the new one must be
    // changed first.
    let signed_out = customer.get("/customer").await;
    assert!(signed_out.status.is_redirection(), "{}", signed_out.status);
    let stranger = Visitor::new(&app.base);
    assert_eq!(
        customer_sign_in(&stranger, &user, "our own long secret").await,
        None
    );
    let forced = customer_sign_in(&stranger, &user, &temporary)
        .await
        .unwrap_or_default();
    assert!(
        forced.starts_with("/customer/password"),
        "must change it first: {forced}"
    );

    // Sales agents see the users but may not reset their passwords.
    let sales = Visitor::new_user(&app, Role::SalesAgent, "sales@provider.example").await;
    assert!(!sales.get(&tab).await.html.contains("reset-password"));
    let csrf = sales.get(&tab).await.csrf();
    let refused = sales
        .post(&action, &[("csrf", &csrf), ("confirmed", "yes")])
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_subscriptions_and_activity_tabs_read_this_customer_only() {
    let app = TestApp::spawn().await;
    let created = app.create_customer(&customer_body("tabbed")).await;
    let id = created["id"].as_str().unwrap_or_default().to_owned();
    app.create_customer(&customer_body("elsewhere")).await;
    let visitor = admin(&app, "reader@provider.example").await;

    let subscriptions = visitor.get(&format!("/customers/{id}/subscriptions")).await;
    assert_eq!(subscriptions.status, StatusCode::OK);
    assert!(
        subscriptions
            .html
            .contains(r#"data-testid="tab-subscriptions" aria-current="page""#)
    );
    for text in [
        "Business Mail Standard",
        "Endpoint Protection",
        "One month, billed monthly",
    ] {
        assert!(subscriptions.contains(text), "{text}: {}", subscriptions.text);
    }

    let activity = visitor.get(&format!("/customers/{id}/activity")).await;
    assert_eq!(activity.status, StatusCode::OK);
    let added = format!(r#"added <a class="link" href="/customers/{id}">tabbed Inc</a>."#);
    assert!(
        activity.html.contains(&added),
        "named and linked: {}",
        activity.text
    );
    assert!(
        !activity.contains("elsewhere Inc"),
        "only this customer's entries"
    );

    let missing = partnerdesk_domain::CustomerId::new();
    for tab in ["subscriptions", "users", "activity", "account", "agreement"] {
        let page = visitor.get(&format!("/customers/{missing}/{tab}")).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{tab}");
        let page = visitor.get(&format!("/customers/not-an-id/{tab}")).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{tab}");
    }
    // Reading a customer's subscriptions needs no more than viewing customers.
    let billing = Visitor::new_user(&app, Role::BillingAdmin, "billing@provider.example").await;
    assert_eq!(
        billing
            .get(&format!("/customers/{id}/subscriptions"))
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn activity_reads_as_a_story_in_the_readers_language_and_says_what_it_is_filtered_on() {
    let app = TestApp::spawn().await;
    let created = app.create_customer(&customer_body("storied")).await;
    let id = created["id"].as_str().unwrap_or_default().to_owned();
    let visitor = admin(&app, "reader@provider.example").await;

    let filtered = visitor
        .get(&format!("/activity?customer={id}&action=order-placed"))
        .await;
    assert!(filtered.html.contains(r#"data-testid="filtered-on""#));
    assert!(filtered.contains(&format!(
        r#"<a class="link" href="/customers/{id}">storied Inc</a>"#
    )));
    assert!(filtered.contains("Order placed"));
    assert!(
        filtered.contains("placed an order for")
            && filtered.contains(": Business Mail Standard × 10, Endpoint Protection × 25."),
        "offers by name: {}",
        filtered.text
    );
    assert!(!visitor.get("/activity").await.html.contains("filtered-on"));

    let csrf = filtered.csrf();
    let tab = format!("/customers/{id}/activity");
    let language = [
        ("csrf", csrf.as_str()),
        ("locale", "ru-RU"),
        ("next", tab.as_str()),
    ];
    let russian = visitor.follow(visitor.post("/language", &language).await).await;
    for text in [
        "добавил(а) клиента",
        "оформил(а) заказ для",
        "Корпоративная почта, стандарт × 10",
    ] {
        assert!(russian.contains(text), "{text}: {}", russian.text);
    }
    assert!(!russian.contains("adminUserName"), "no raw keys");
}

#[tokio::test]
async fn times_are_shown_in_the_zone_the_user_chose() {
    let app = TestApp::spawn().await;
    let created = app.create_customer(&plain_customer_body("zoned")).await;
    let id = created["id"].as_str().unwrap_or_default().to_owned();
    let visitor = admin(&app, "zoned@provider.example").await;
    let tab = format!("/customers/{id}/activity");
    let utc = visitor.get(&tab).await;
    assert!(
        utc.html.contains(r#"data-testid="time-zone">(UTC)<"#),
        "UTC until chosen"
    );

    let settings = visitor.get("/settings").await;
    assert_eq!(settings.status, StatusCode::OK);
    let csrf = settings.csrf();
    if !settings.html.contains(r#"<option value="Asia/Taipei">"#) {
        // A machine without the time zone database offers UTC only.
        assert!(settings.html.contains(r#"<option value="UTC">"#));
        return;
    }
    let wrong = visitor
        .post("/settings", &[("csrf", &csrf), ("timeZone", "../../etc/passwd")])
        .await;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
    let long_name = "A".repeat(101);
    let refused = visitor
        .post(
            "/settings",
            &[
                ("csrf", &csrf),
                ("displayName", &long_name),
                ("timeZone", "Asia/Taipei"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.contains(r#"id="displayName-error">Use at most 100 characters."#));
    assert_eq!(
        refused.value_of("displayName").as_deref(),
        Some(long_name.as_str())
    );
    assert!(
        refused.html.contains(r#"<option value="Asia/Taipei" selected>"#),
        "the zone chosen stays chosen"
    );
    assert!(
        visitor.get(&tab).await.html.contains("(UTC)"),
        "nothing is saved from a refused form"
    );
    let saved = visitor
        .post(
            "/settings",
            &[
                ("csrf", &csrf),
                ("displayName", " Ana Lee "),
                ("timeZone", "Asia/Taipei"),
            ],
        )
        .await;
    assert_eq!(saved.location.as_deref(), Some("/settings"));
    let again = visitor.follow(saved).await;
    assert!(again.contains("Your settings were saved."));
    assert!(again.html.contains(r#"<option value="Asia/Taipei" selected>"#));
    assert_eq!(again.value_of("displayName").as_deref(), Some("Ana Lee"));

    let taipei = visitor.get(&tab).await;
    assert!(taipei.html.contains(r#"data-testid="time-zone">(Asia/Taipei)<"#));
    // The entry's time, eight hours ahead of UTC.
    let events = app
        .store
        .activity(
            app.provider.id,
            partnerdesk_store::ActivityQuery {
                customer: created["id"].as_str().and_then(|c| c.parse().ok()),
                limit: 1,
                ..Default::default()
            },
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let local = events[0]
        .at
        .to_offset(time::UtcOffset::from_hms(8, 0, 0).unwrap_or(time::UtcOffset::UTC));
    // In English, on a 12-hour clock.
    let (hour, half) = match local.hour() {
        0 => (12, "AM"),
        h @ 1..=11 => (h, "AM"),
        12 => (12, "PM"),
        h => (h - 12, "PM"),
    };
    let shown = format!(
        "<th scope=\"row\" class=\"nowrap time\">{hour}:{:02}\u{202f}{half}</th>",
        local.minute()
    );
    assert!(taipei.html.contains(&shown), "{shown}");

    // Back to the browser's zone (none sent here: UTC).
    visitor
        .post("/settings", &[("csrf", &csrf), ("timeZone", "")])
        .await;
    assert!(visitor.get(&tab).await.html.contains("(UTC)"));
}
