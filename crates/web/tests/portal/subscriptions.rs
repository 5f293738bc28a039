//! A subscription's page: license counts, suspension and add-ons from the portal, and the
//! Activity page that records them.

use partnerdesk_domain::partner::Role;
use reqwest::StatusCode;

use crate::browser::Visitor;
use crate::support::{TestApp, customer_body};

/// A customer with Business Mail ×10 and Endpoint Protection ×25: its id and the mail
/// subscription's.
async fn customer_with_mail(app: &TestApp, prefix: &str) -> (String, String) {
    let created = app.create_customer(&customer_body(prefix)).await;
    let line = &created["order"]["lineItems"][0];
    (
        created["id"].as_str().unwrap_or_default().to_owned(),
        line["subscriptionId"].as_str().unwrap_or_default().to_owned(),
    )
}

#[tokio::test]
async fn licenses_change_suspension_cascades_and_add_ons_are_bought() {
    let app = TestApp::spawn().await;
    let (id, mail) = customer_with_mail(&app, "portalsubs").await;
    let visitor = Visitor::new_user(&app, Role::AdminAgent, "agent@provider.example").await;
    let customer = visitor.get(&format!("/customers/{id}")).await;
    let path = format!("/customers/{id}/subscriptions/{mail}");
    assert!(customer.contains(&format!(r#"href="{path}" data-testid="subscription-link""#)));

    let page = visitor.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    let csrf = page.csrf();
    let version = page.value_of("version").unwrap_or_default();
    let refused = visitor
        .post(
            &path,
            &[
                ("csrf", &csrf),
                ("version", &version),
                ("action", "quantity"),
                ("quantity", "301"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.contains("This subscription can have from 1 to 300 licenses."));
    assert_eq!(
        refused.value_of("quantity").as_deref(),
        Some("301"),
        "what was entered stays"
    );

    let changed = visitor
        .post(
            &path,
            &[
                ("csrf", &csrf),
                ("version", &version),
                ("action", "quantity"),
                ("quantity", "12"),
            ],
        )
        .await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER);
    let after = visitor.follow(changed).await;
    assert!(after.contains("The number of licenses was changed."));
    assert!(after.html.contains(r#"data-testid="licenses">12<"#));

    let stale = visitor
        .post(
            &path,
            &[
                ("csrf", &csrf),
                ("version", &version),
                ("action", "quantity"),
                ("quantity", "20"),
            ],
        )
        .await;
    assert_eq!(
        stale.status,
        StatusCode::CONFLICT,
        "the form was read before the change"
    );
    assert!(stale.html.contains(r#"data-testid="licenses">12<"#));

    let bought = visitor
        .post(
            &format!("{path}/addons"),
            &[
                ("csrf", &csrf),
                ("addOn", "PDC-MAIL-ARCHIVE"),
                ("addOnQuantity", "0"),
            ],
        )
        .await;
    assert_eq!(bought.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bought.contains("Enter a number of licenses from 1 to 300."));
    let bought = visitor
        .post(
            &format!("{path}/addons"),
            &[
                ("csrf", &csrf),
                ("addOn", "PDC-MAIL-ARCHIVE"),
                ("addOnQuantity", "3"),
            ],
        )
        .await;
    let after = visitor.follow(bought).await;
    assert!(after.contains("The add-on was bought."));

    let version = after.value_of("version").unwrap_or_default();
    let lower = [
        ("csrf", csrf.as_str()),
        ("version", version.as_str()),
        ("action", "quantity"),
        ("quantity", "11"),
    ];
    let asked = visitor.post(&path, &lower).await;
    assert_eq!(asked.status, StatusCode::OK, "lowering the licenses asks first");
    assert!(asked.contains("from 12 to 11 licenses?"));
    let suspend = [
        ("csrf", csrf.as_str()),
        ("version", version.as_str()),
        ("action", "suspend"),
    ];
    let asked = visitor.post(&path, &suspend).await;
    assert_eq!(asked.status, StatusCode::OK, "suspending asks first");
    assert!(asked.contains("its active add-ons are suspended with it"));
    assert!(
        !visitor
            .get(&path)
            .await
            .html
            .contains(r#"data-testid="reactivate""#),
        "nothing was suspended before the answer"
    );
    let suspended = visitor
        .post(&path, &[&suspend[..], &[("confirmed", "yes")]].concat())
        .await;
    let after = visitor.follow(suspended).await;
    assert!(after.contains("The subscription was suspended."));
    assert!(after.html.contains(r#"data-testid="reactivate""#));
    assert!(
        !after.html.contains(r#"data-testid="buy-add-on""#),
        "no add-ons for a suspended subscription"
    );
    assert_eq!(
        after.text.matches("Suspended").count(),
        2,
        "the add-on was suspended with it"
    );

    let activity = visitor.get(&format!("/activity?customer={id}")).await;
    assert_eq!(activity.status, StatusCode::OK);
    for entry in [
        "Subscription suspended",
        "Order placed",
        "Licenses changed",
        "Customer added",
    ] {
        assert!(activity.contains(entry), "{entry}");
    }
    assert!(
        activity.contains("from 10 to 12 licenses"),
        "told as a story: {}",
        activity.text
    );
    let csv = visitor
        .get(&format!(
            "/activity.csv?customer={id}&action=subscription-suspended"
        ))
        .await;
    assert_eq!(
        csv.headers.get("content-type").and_then(|v| v.to_str().ok()),
        Some("text/csv; charset=utf-8")
    );
    let lines: Vec<&str> = csv.text.lines().collect();
    assert_eq!(lines.len(), 2, "{}", csv.text);
    assert!(lines[1].contains("agent@provider.example,portal,127.0.0.1,subscription-suspended"));
    let french_dates = visitor.get("/activity?from=22/11/2026").await;
    assert_eq!(french_dates.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(french_dates.contains("Enter a date as YYYY-MM-DD."));
}

#[tokio::test]
async fn roles_see_only_the_forms_they_may_use() {
    let app = TestApp::spawn().await;
    let (id, mail) = customer_with_mail(&app, "roles").await;
    let path = format!("/customers/{id}/subscriptions/{mail}");

    let helpdesk = Visitor::new_user(&app, Role::HelpdeskAgent, "help@provider.example").await;
    let page = helpdesk.get(&path).await;
    assert!(
        page.html.contains(r#"data-testid="change-quantity""#),
        "helpdesk agents manage subscriptions"
    );
    assert!(
        !page.html.contains(r#"data-testid="buy-add-on""#),
        "but don't buy"
    );
    assert!(!page.html.contains(r#"data-testid="nav-activity""#));
    let csrf = page.csrf();
    let buy = helpdesk
        .post(
            &format!("{path}/addons"),
            &[
                ("csrf", &csrf),
                ("addOn", "PDC-MAIL-ARCHIVE"),
                ("addOnQuantity", "3"),
            ],
        )
        .await;
    assert_eq!(buy.status, StatusCode::FORBIDDEN);
    assert_eq!(helpdesk.get("/activity").await.status, StatusCode::FORBIDDEN);
    assert_eq!(helpdesk.get("/activity.csv").await.status, StatusCode::FORBIDDEN);

    let reseller_password = app
        .user_with_password(
            &app.resellers[1],
            Role::AdminAgent,
            "admin@other-reseller.example",
        )
        .await;
    let reseller = Visitor::sign_in(&app.base, "admin@other-reseller.example", &reseller_password).await;
    assert_eq!(
        reseller.get(&path).await.status,
        StatusCode::NOT_FOUND,
        "not its customer"
    );
}

#[tokio::test]
async fn add_subscriptions_reviews_then_places_one_order_however_often_submitted() {
    let app = TestApp::spawn().await;
    let created = app.create_customer(&customer_body("moresubs")).await;
    let id = created["id"].as_str().unwrap_or_default().to_owned();
    let visitor = Visitor::new_user(&app, Role::SalesAgent, "seller@provider.example").await;
    let customer = visitor.get(&format!("/customers/{id}")).await;
    let path = format!("/customers/{id}/order");
    assert!(customer.contains(&format!(r#"href="{path}" data-testid="add-subscriptions""#)));

    let choose = visitor.get(&path).await;
    assert_eq!(choose.status, StatusCode::OK);
    let csrf = choose.csrf();
    let key = regex::Regex::new(r#"name="requestKey" value="([^"]+)""#)
        .ok()
        .and_then(|re| re.captures(&choose.html).map(|c| c[1].to_owned()))
        .unwrap_or_else(|| panic!("a request key"));
    let nothing = visitor
        .post(
            &path,
            &[("csrf", &csrf), ("requestKey", &key), ("action", "next")],
        )
        .await;
    assert_eq!(nothing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(nothing.contains("Choose at least one offer."));
    let too_few = visitor
        .post(
            &path,
            &[
                ("csrf", &csrf),
                ("requestKey", &key),
                ("action", "next"),
                ("offer", "PDC-SEC-ENDPOINT"),
                ("quantity-PDC-SEC-ENDPOINT", "0"),
            ],
        )
        .await;
    assert_eq!(too_few.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(too_few.contains("Enter a number of licenses from"));

    let chosen = [
        ("csrf", csrf.as_str()),
        ("requestKey", key.as_str()),
        ("offer", "PDC-SEC-ENDPOINT"),
        ("quantity-PDC-SEC-ENDPOINT", "7"),
        ("plan-PDC-SEC-ENDPOINT", "P1Y/annual"),
    ];
    let review = visitor
        .post(&path, &[&chosen[..], &[("action", "next")]].concat())
        .await;
    assert_eq!(review.status, StatusCode::OK);
    assert!(review.html.contains(r#"data-testid="submit""#) && review.contains("Review"));
    assert!(review.contains("One year, billed yearly"), "{}", review.text);
    assert!(
        review
            .html
            .contains(r#"name="plan-PDC-SEC-ENDPOINT" value="P1Y/annual""#)
    );
    let back = visitor
        .post(&path, &[&chosen[..], &[("action", "update")]].concat())
        .await;
    assert!(
        back.html
            .contains(r#"name="quantity-PDC-SEC-ENDPOINT" value="7""#),
        "nothing is lost"
    );
    assert!(back.html.contains(r#"<option value="P1Y/annual" selected>"#));

    let before = app.rows().await["orders"];
    for _ in 0..2 {
        let placed = visitor
            .post(&path, &[&chosen[..], &[("action", "submit")]].concat())
            .await;
        assert_eq!(placed.status, StatusCode::SEE_OTHER);
        assert_eq!(
            placed.location.as_deref(),
            Some(format!("/customers/{id}").as_str())
        );
    }
    assert_eq!(
        app.rows().await["orders"],
        before + 1,
        "a resubmitted form places one order"
    );
    let after = visitor.get(&format!("/customers/{id}")).await;
    assert!(after.contains("The order was placed."));
    assert!(
        !visitor
            .get(&format!("/customers/{id}"))
            .await
            .contains("The order was placed."),
        "the message is shown once"
    );
    assert_eq!(after.text.matches("data-testid=\"subscription-link\"").count(), 3);

    let helpdesk = Visitor::new_user(&app, Role::HelpdeskAgent, "desk@provider.example").await;
    assert_eq!(helpdesk.get(&path).await.status, StatusCode::FORBIDDEN);
    assert!(
        !helpdesk
            .get(&format!("/customers/{id}"))
            .await
            .html
            .contains("add-subscriptions")
    );
}

#[tokio::test]
async fn a_resubmitted_add_on_purchase_buys_once() {
    let app = TestApp::spawn().await;
    let (id, mail) = customer_with_mail(&app, "onceonly").await;
    let visitor = Visitor::new_user(&app, Role::AdminAgent, "agent@provider.example").await;
    let path = format!("/customers/{id}/subscriptions/{mail}");
    let page = visitor.get(&path).await;
    let key = regex::Regex::new(r#"name="requestKey" value="([^"]+)""#)
        .ok()
        .and_then(|re| re.captures(&page.html).map(|c| c[1].to_owned()))
        .unwrap_or_else(|| panic!("a request key"));
    let fields = [
        ("csrf", page.csrf()),
        ("requestKey", key),
        ("addOn", "PDC-MAIL-ARCHIVE".to_owned()),
        ("addOnQuantity", "2".to_owned()),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    for _ in 0..2 {
        let bought = visitor.post(&format!("{path}/addons"), &fields).await;
        assert_eq!(bought.status, StatusCode::SEE_OTHER);
    }
    let add_ons = app
        .store
        .add_ons(
            app.provider.id,
            id.parse().unwrap_or_default(),
            mail.parse().unwrap_or_default(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(add_ons.len(), 1, "the same form sent twice buys one add-on");
}

#[tokio::test]
async fn a_priced_subscription_shows_its_plan_and_windows_and_is_cancelled_after_a_question() {
    let app = TestApp::spawn().await;
    let (id, mail) = customer_with_mail(&app, "portalcancel").await;
    let visitor = Visitor::new_user(&app, Role::AdminAgent, "agent@provider.example").await;
    let path = format!("/customers/{id}/subscriptions/{mail}");
    let page = visitor.get(&path).await;
    assert!(
        page.html
            .contains(r#"data-testid="plan">One month, billed monthly<"#),
        "{}",
        page.text
    );
    assert!(page.html.contains(r#"data-testid="refundable">10 until "#));
    assert!(page.html.contains(r#"data-testid="cancel""#));

    assert!(page.html.contains(r#"data-testid="auto-renew">Yes<"#));
    let csrf = page.csrf();
    let version = page.value_of("version").unwrap_or_default();
    let off = [
        ("csrf", csrf.as_str()),
        ("version", version.as_str()),
        ("action", "auto-renew-off"),
    ];
    let page = visitor.follow(visitor.post(&path, &off).await).await;
    assert!(page.contains("Auto-renewal is off: the subscription ends with its term."));
    assert!(page.html.contains(r#"data-testid="auto-renew-on""#));
    let version = page.value_of("version").unwrap_or_default();
    let cancel = [
        ("csrf", csrf.as_str()),
        ("version", version.as_str()),
        ("action", "cancel"),
    ];
    let asked = visitor.post(&path, &cancel).await;
    assert_eq!(asked.status, StatusCode::OK, "cancelling asks first");
    assert!(asked.contains("The unused days are refunded"));
    let cancelled = visitor
        .post(&path, &[&cancel[..], &[("confirmed", "yes")]].concat())
        .await;
    let after = visitor.follow(cancelled).await;
    assert!(after.contains("The subscription was cancelled."));
    assert!(after.html.contains(r#"data-testid="status">Deleted<"#));
    assert!(
        !after.html.contains(r#"data-testid="change-quantity""#),
        "a cancelled subscription can't change"
    );

    // In French, the plan speaks French.
    let other = customer_with_mail(&app, "portalfr").await;
    let path = format!("/customers/{}/subscriptions/{}", other.0, other.1);
    let language = [
        ("csrf", csrf.as_str()),
        ("locale", "fr-FR"),
        ("next", path.as_str()),
    ];
    let page = visitor.follow(visitor.post("/language", &language).await).await;
    assert!(page.contains("Un mois, facturé mensuellement"), "{}", page.text);
}

#[tokio::test]
async fn a_term_that_ends_unrenewed_leaves_an_expired_subscription_that_changes_no_more() {
    let app = TestApp::spawn().await;
    let (id, mail) = customer_with_mail(&app, "portalexpiry").await;
    let visitor = Visitor::new_user(&app, Role::AdminAgent, "agent@provider.example").await;
    let path = format!("/customers/{id}/subscriptions/{mail}");
    let page = visitor.get(&path).await;
    let off = [
        ("csrf", page.csrf()),
        ("version", page.value_of("version").unwrap_or_default()),
        ("action", "auto-renew-off".to_owned()),
    ];
    let off: Vec<(&str, &str)> = off.iter().map(|(k, v)| (*k, v.as_str())).collect();
    visitor.follow(visitor.post(&path, &off).await).await;
    let run = app.bill_months_ahead(2).await;
    assert_eq!(run.ended, 1, "{run:?}");

    let page = visitor.get(&path).await;
    assert!(
        page.html.contains(r#"data-testid="status">Expired<"#),
        "{}",
        page.text
    );
    for control in [
        "change-quantity",
        "suspend",
        "auto-renew-on",
        "cancel",
        "refundable",
    ] {
        assert!(
            !page.html.contains(&format!(r#"data-testid="{control}""#)),
            "{control} on an expired subscription"
        );
    }
    // A form posted anyway (at the version it has now: turned off, then expired) is
    // refused with the reason, and changes nothing.
    let version = (off[1].1.parse::<i64>().unwrap_or_default() + 2).to_string();
    let posted = [
        ("csrf", off[0].1),
        ("version", version.as_str()),
        ("action", "auto-renew-on"),
    ];
    let refused = visitor.post(&path, &posted).await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.text
    );
    assert!(
        refused.contains("term ended without a renewal, so it expired and can't change"),
        "{}",
        refused.text
    );
    let page = visitor.get(&path).await;
    assert!(page.html.contains(r#"data-testid="status">Expired<"#));
    let activity = visitor.get("/activity?action=subscription-expired").await;
    assert!(
        activity.contains("expired on") && activity.contains("its term ended without a renewal"),
        "{}",
        activity.text
    );
}

#[tokio::test]
async fn a_change_for_the_next_term_is_scheduled_refused_with_reasons_and_removed_from_the_page() {
    let app = TestApp::spawn().await;
    let (id, mail) = customer_with_mail(&app, "portalnext").await;
    let visitor = Visitor::new_user(&app, Role::AdminAgent, "agent@provider.example").await;
    let path = format!("/customers/{id}/subscriptions/{mail}");
    let page = visitor.get(&path).await;
    assert!(
        page.html
            .contains(r#"<option value="P1Y/annual">One year, billed yearly</option>"#)
    );
    assert!(!page.html.contains(r#"data-testid="next-term""#));
    let csrf = page.csrf();
    let version = page.value_of("version").unwrap_or_default();
    let form = |quantity: &'static str, plan: &'static str| {
        [
            ("csrf", csrf.clone()),
            ("version", version.clone()),
            ("action", "next-term".to_owned()),
            ("nextQuantity", quantity.to_owned()),
            ("nextPlan", plan.to_owned()),
        ]
    };
    let post = |fields: [(&'static str, String); 5]| {
        let visitor = &visitor;
        let path = path.clone();
        async move {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            visitor.post(&path, &fields).await
        }
    };
    let refused = post(form("0", "P1Y/annual")).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.contains("This subscription can have from 1 to 300 licenses."),
        "{}",
        refused.text
    );
    assert_eq!(
        refused.value_of("nextQuantity").as_deref(),
        Some("0"),
        "what was entered stays"
    );
    let refused = post(form("12", "P1M/annual")).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.html.contains(r#"id="nextPlan-error""#),
        "{}",
        refused.text
    );

    let scheduled = visitor.follow(post(form("12", "P1Y/annual")).await).await;
    assert!(
        scheduled.contains("The change is scheduled for the next term."),
        "{}",
        scheduled.text
    );
    assert!(
        scheduled
            .html
            .contains(r#"data-testid="next-term">12 licenses, One year, billed yearly<"#),
        "{}",
        scheduled.text
    );
    let version = scheduled.value_of("version").unwrap_or_default();
    let clear = [
        ("csrf", csrf.as_str()),
        ("version", version.as_str()),
        ("action", "next-term-clear"),
    ];
    let cleared = visitor.follow(visitor.post(&path, &clear).await).await;
    assert!(cleared.contains("The change scheduled for the next term was removed."));
    assert!(!cleared.html.contains(r#"data-testid="next-term""#));
    let activity = visitor
        .get("/activity?action=subscription-next-term-changed")
        .await;
    assert!(
        activity.contains("to renew with 12 licenses, One year, billed yearly")
            && activity.contains("removed the change scheduled for the renewal"),
        "{}",
        activity.text
    );
}
