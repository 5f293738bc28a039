//! Subscriptions after onboarding: license counts, suspension, add-ons by `PATCH` of the
//! order, and the activity they leave.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{TestApp, customer_body, expect, fields, send};

/// A customer with PDC-MAIL-STD × 10 and PDC-SEC-ENDPOINT × 25; returns (customer id,
/// mail subscription, its order).
async fn customer_with_mail(app: &TestApp, prefix: &str) -> (String, Value) {
    let created = app.create_customer(&customer_body(prefix)).await;
    let id = created["id"].as_str().unwrap_or_default().to_owned();
    let mail = created["order"]["lineItems"][0]["subscriptionId"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let subscription = expect(
        app.get(&format!("/v1/customers/{id}/subscriptions/{mail}")).await,
        StatusCode::OK,
    )
    .await;
    (id, subscription)
}

async fn patch(app: &TestApp, path: &str, etag: Option<&Value>, body: Value) -> reqwest::Response {
    let mut request = app.request(Method::PATCH, path).json(&body);
    if let Some(etag) = etag.and_then(Value::as_str) {
        request = request.header("If-Match", etag);
    }
    send(request).await
}

#[tokio::test]
async fn license_counts_change_within_range_with_the_current_etag() {
    let app = TestApp::spawn().await;
    let (id, mail) = customer_with_mail(&app, "counts").await;
    let path = format!(
        "/v1/customers/{id}/subscriptions/{}",
        mail["id"].as_str().unwrap_or_default()
    );
    let etag = &mail["attributes"]["etag"];

    let missing = expect(
        patch(&app, &path, None, json!({"quantity": 12})).await,
        StatusCode::PRECONDITION_REQUIRED,
    )
    .await;
    assert!(missing["description"].is_string());
    let mut whole = mail.clone();
    whole["quantity"] = json!(0);
    let below = expect(
        patch(&app, &path, Some(etag), whole).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(below["data"][0]["code"], 2002);
    assert_eq!(
        fields(&below),
        vec![("quantity".into(), "SubscriptionQuantityOutOfRange".into())]
    );
    let french = send(
        app.request(Method::PATCH, &path)
            .header("If-Match", etag.as_str().unwrap_or_default())
            .header("X-Locale", "fr-FR")
            .json(&json!({"Quantity": 301})),
    )
    .await;
    let french = expect(french, StatusCode::BAD_REQUEST).await;
    assert_eq!(
        french["data"][0]["message"],
        "Cet abonnement peut compter de 1 à 300 licences."
    );

    let changed = patch(&app, &path, Some(etag), json!({"Quantity": 12})).await;
    let new_etag = changed
        .headers()
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let changed = expect(changed, StatusCode::OK).await;
    assert_eq!(changed["quantity"], 12);
    assert_eq!(new_etag.as_deref(), changed["attributes"]["etag"].as_str());
    assert_ne!(changed["attributes"]["etag"], *etag);

    let stale = expect(
        patch(&app, &path, Some(etag), json!({"quantity": 40})).await,
        StatusCode::PRECONDITION_FAILED,
    )
    .await;
    assert_eq!(stale["code"], 2055);
    let read = expect(app.get(&path).await, StatusCode::OK).await;
    assert_eq!(read["quantity"], 12, "a stale change changes nothing");
}

#[tokio::test]
async fn suspension_freezes_the_count_and_cascades_to_add_ons() {
    let app = TestApp::spawn().await;
    let (id, mail) = customer_with_mail(&app, "suspend").await;
    let mail_id = mail["id"].as_str().unwrap_or_default().to_owned();
    let order = mail["orderId"].as_str().unwrap_or_default().to_owned();
    let path = format!("/v1/customers/{id}/subscriptions/{mail_id}");

    let bought = expect(
        send(app.request(Method::PATCH, &format!("/v1/customers/{id}/orders/{order}")).json(&json!({
            "lineItems": [{"lineItemNumber": 0, "offerId": "PDC-MAIL-ARCHIVE", "quantity": 3, "parentSubscriptionId": mail_id}]
        })))
        .await,
        StatusCode::OK,
    )
    .await;
    let lines = bought["lineItems"].as_array().cloned().unwrap_or_default();
    assert_eq!(lines.len(), 3, "the order keeps its lines and gains the add-on");
    assert_eq!(lines[2]["lineItemNumber"], 2);
    assert_eq!(lines[2]["parentSubscriptionId"], json!(mail_id));
    let add_ons = expect(app.get(&format!("{path}/addons")).await, StatusCode::OK).await;
    assert_eq!(add_ons["totalCount"], 1);
    let add_on_path = format!(
        "/v1/customers/{id}/subscriptions/{}",
        add_ons["items"][0]["id"].as_str().unwrap_or_default()
    );

    let etag = &mail["attributes"]["etag"];
    let both = expect(
        patch(
            &app,
            &path,
            Some(etag),
            json!({"status": "suspended", "quantity": 3}),
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(both["data"][0]["code"], 2001);
    let unknown = expect(
        patch(&app, &path, Some(etag), json!({"status": "paused"})).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(
        fields(&unknown),
        vec![("status".into(), "StatusUnsupported".into())]
    );

    let suspended = expect(
        patch(&app, &path, Some(etag), json!({"status": "Suspended"})).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(suspended["status"], "suspended");
    let add_on = expect(app.get(&add_on_path).await, StatusCode::OK).await;
    assert_eq!(
        add_on["status"], "suspended",
        "suspending the parent suspends its add-ons"
    );

    let etag = &suspended["attributes"]["etag"];
    let frozen = expect(
        patch(&app, &path, Some(etag), json!({"quantity": 4})).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(frozen["data"][0]["code"], 800091);
    let orphan = expect(
        patch(
            &app,
            &add_on_path,
            Some(&add_on["attributes"]["etag"]),
            json!({"status": "active"}),
        )
        .await,
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(orphan["data"][0]["code"], 27009);
    let more = expect(
        send(app.request(Method::PATCH, &format!("/v1/customers/{id}/orders/{order}")).json(&json!({
            "lineItems": [{"offerId": "PDC-MAIL-ARCHIVE", "quantity": 1, "parentSubscriptionId": mail_id}]
        })))
        .await,
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(more["data"][0]["code"], 27009, "no add-on for a suspended parent");

    let active = expect(
        patch(
            &app,
            &path,
            Some(etag),
            json!({"status": "active", "quantity": 4}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        (active["status"].as_str(), active["quantity"].as_i64()),
        (Some("active"), Some(4))
    );
    let add_on = expect(app.get(&add_on_path).await, StatusCode::OK).await;
    let reactivated = expect(
        patch(
            &app,
            &add_on_path,
            Some(&add_on["attributes"]["etag"]),
            json!({"status": "active"}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(reactivated["status"], "active");
}

#[tokio::test]
async fn add_ons_join_only_the_order_of_their_parent() {
    let app = TestApp::spawn().await;
    let (id, mail) = customer_with_mail(&app, "joins").await;
    let mail_id = mail["id"].as_str().unwrap_or_default().to_owned();
    let other = expect(
        app.post(
            &format!("/v1/customers/{id}/orders"),
            &json!({"lineItems": [{"offerId": "PDC-MAIL-STD", "quantity": 1}]}),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    let other_order = other["id"].as_str().unwrap_or_default();
    let path = format!("/v1/customers/{id}/orders/{other_order}");
    let wrong_order = expect(
        send(app.request(Method::PATCH, &path).json(&json!({
            "lineItems": [{"offerId": "PDC-MAIL-ARCHIVE", "quantity": 1, "parentSubscriptionId": mail_id}]
        })))
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(
        fields(&wrong_order),
        vec![(
            "lineItems[0].parentSubscriptionId".into(),
            "ParentNotInOrder".into()
        )]
    );
    let base_offer = expect(
        send(app.request(Method::PATCH, &path).json(&json!({
            "lineItems": [{"offerId": "PDC-SEC-ENDPOINT", "quantity": 5}]
        })))
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(
        fields(&base_offer),
        vec![("lineItems[0].offerId".into(), "OnlyAddOns".into())]
    );
    let unknown = format!("/v1/customers/{id}/orders/0192f5d3-0000-7000-8000-000000000000");
    let missing = send(app.request(Method::PATCH, &unknown).json(&json!({
        "lineItems": [{"offerId": "PDC-MAIL-ARCHIVE", "quantity": 1, "parentSubscriptionId": mail_id}]
    })))
    .await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    let unchanged = expect(
        app.get(&format!("/v1/customers/{id}/subscriptions")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(unchanged["totalCount"], 3, "refused add-ons create nothing");
}

#[tokio::test]
async fn a_change_scheduled_for_the_next_term_is_shown_checked_removed_and_applied_at_renewal() {
    let app = TestApp::spawn().await;
    let (id, mail) = customer_with_mail(&app, "nextterm").await;
    let path = format!(
        "/v1/customers/{id}/subscriptions/{}",
        mail["id"].as_str().unwrap_or_default()
    );
    let read = || async { expect(app.get(&path).await, StatusCode::OK).await };
    let etag = |s: &Value| s["attributes"]["etag"].clone();
    let before = read().await;
    assert!(before.get("scheduledNextTermInstructions").is_none());

    for (body, expected) in [
        (
            json!({"scheduledNextTermInstructions": {"quantity": 0, "product": {"termDuration": "P2Y"}}}),
            vec![
                (
                    "scheduledNextTermInstructions.quantity".to_owned(),
                    "SubscriptionQuantityOutOfRange".to_owned(),
                ),
                (
                    "scheduledNextTermInstructions.product".to_owned(),
                    "TermUnknown".to_owned(),
                ),
            ],
        ),
        (
            json!({"scheduledNextTermInstructions": {"product": {"termDuration": "P1M", "billingCycle": "annual"}}}),
            vec![(
                "scheduledNextTermInstructions.product".to_owned(),
                "BillingPlanNotForTerm".to_owned(),
            )],
        ),
        (
            json!({"autoRenewEnabled": false, "scheduledNextTermInstructions": {"quantity": 5}}),
            vec![(
                "scheduledNextTermInstructions.product".to_owned(),
                "NextTermNeedsAutoRenew".to_owned(),
            )],
        ),
    ] {
        let refused = expect(
            patch(&app, &path, Some(&etag(&before)), body.clone()).await,
            StatusCode::BAD_REQUEST,
        )
        .await;
        assert_eq!(fields(&refused), expected, "{body}");
    }
    assert_eq!(read().await, before, "nothing changed");

    let body = json!({"scheduledNextTermInstructions": {
        "product": {"productId": "PDC-MAIL-STD", "termDuration": "P1Y", "billingCycle": "annual"},
        "quantity": 20}});
    let scheduled = expect(
        patch(&app, &path, Some(&etag(&before)), body).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        scheduled["scheduledNextTermInstructions"],
        json!({"product": {"productId": "PDC-MAIL-STD", "termDuration": "P1Y", "billingCycle": "annual"},
               "quantity": 20})
    );
    assert_eq!(
        (scheduled["quantity"].clone(), scheduled["termDuration"].clone()),
        (json!(10), json!("P1M"))
    );
    let removed = expect(
        patch(
            &app,
            &path,
            Some(&etag(&scheduled)),
            json!({"scheduledNextTermInstructions": null}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert!(
        removed.get("scheduledNextTermInstructions").is_none(),
        "{removed}"
    );

    // Scheduled again, it is what the subscription has after its one-month term renews.
    let body = json!({"scheduledNextTermInstructions": {"product": {"termDuration": "P1Y"}, "quantity": 20}});
    expect(
        patch(&app, &path, Some(&etag(&removed)), body).await,
        StatusCode::OK,
    )
    .await;
    let run = app.bill_months_ahead(1).await;
    assert!(run.renewals >= 1, "{run:?}");
    let renewed = read().await;
    assert_eq!(
        (
            &renewed["quantity"],
            &renewed["termDuration"],
            &renewed["billingCycle"]
        ),
        (&json!(20), &json!("P1Y"), &json!("monthly"))
    );
    assert!(renewed.get("scheduledNextTermInstructions").is_none());
    let activity = expect(
        app.get("/v1/auditrecords?operationType=subscription-next-term-changed")
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(activity["totalCount"], 3, "{activity}");
}
