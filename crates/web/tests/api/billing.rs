//! Billing through the API: a term and billing plan chosen per line item, the charges a
//! purchase, a seat change and a cancellation write, read back as Partner Center's
//! unbilled line items, and the roles and parameters that are refused.

use partnerdesk_domain::partner::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{TestApp, customer_body, expect, fields, send};

const UNBILLED: &str = "/v1/invoices/unbilled/lineitems?provider=onetime&invoicelineitemtype=billinglineitems&currencycode=USD&period=current";

/// The unbilled lines' (chargeType, quantity, subtotal) of one subscription.
fn lines_of(page: &Value, subscription: &str) -> Vec<(String, u64, String)> {
    page["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|l| l["subscriptionId"] == subscription)
        .map(|l| {
            (
                l["chargeType"].as_str().unwrap_or_default().to_owned(),
                l["quantity"].as_u64().unwrap_or_default(),
                l["subtotal"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_yearly_term_billed_annually_is_charged_then_grown_and_cancelled() {
    let app = TestApp::spawn().await;
    let mut body = customer_body("billed");
    body["lineItems"][0]["termDuration"] = json!("P1Y");
    body["lineItems"][0]["billingCycle"] = json!("annual");
    let created = app.create_customer(&body).await;
    let customer = created["id"].as_str().unwrap_or_default().to_owned();
    let mail = created["order"]["lineItems"][0]["subscriptionId"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let path = format!("/v1/customers/{customer}/subscriptions/{mail}");
    let subscription = expect(app.get(&path).await, StatusCode::OK).await;
    assert_eq!(subscription["termDuration"], "P1Y");
    assert_eq!(subscription["billingCycle"], "annual");
    assert_eq!(subscription["refundableQuantity"]["totalQuantity"], 10);
    let until = subscription["cancellationAllowedUntilDate"]
        .as_str()
        .unwrap_or_default();
    let until = time::OffsetDateTime::parse(until, &time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|e| panic!("{e}"));
    let in_a_week = time::OffsetDateTime::now_utc() + time::Duration::hours(168);
    assert!((until - in_a_week).abs() < time::Duration::minutes(5), "{until}");

    // PDC-MAIL-STD: USD 40.00 a seat for the year, all of it in the first (annual) cycle.
    let page = expect(app.get(UNBILLED).await, StatusCode::OK).await;
    assert_eq!(lines_of(&page, &mail), [("new".into(), 10, "400.00".into())]);
    let line = &page["items"][0];
    assert_eq!(line["customerName"], "billed Inc");
    assert_eq!(
        line["termAndBillingCycle"],
        "One-Year commitment for yearly billing"
    );
    assert_eq!(line["billingFrequency"], "Annual");
    assert_eq!(line["invoiceNumber"], "");
    assert_eq!(line["attributes"]["objectType"], "OneTimeInvoiceLineItem");

    let etag = subscription["attributes"]["etag"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let grown = send(
        app.request(Method::PATCH, &path)
            .header("If-Match", &etag)
            .json(&json!({"quantity": 12})),
    )
    .await;
    let grown = expect(grown, StatusCode::OK).await;
    let details = &grown["refundableQuantity"]["details"];
    assert_eq!(grown["refundableQuantity"]["totalQuantity"], 12);
    assert_eq!(
        details.as_array().map(Vec::len),
        Some(2),
        "one batch per addition: {details}"
    );
    let etag = grown["attributes"]["etag"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let cancelled = send(
        app.request(Method::PATCH, &path)
            .header("If-Match", &etag)
            .json(&json!({"status": "deleted"})),
    )
    .await;
    assert_eq!(expect(cancelled, StatusCode::OK).await["status"], "deleted");
    let page = expect(app.get(UNBILLED).await, StatusCode::OK).await;
    let kinds: Vec<String> = lines_of(&page, &mail).into_iter().map(|l| l.0).collect();
    assert_eq!(kinds, ["new", "addQuantity", "addQuantity", "cancelImmediate"]);

    // One line a page: the continuation token leads through the rest.
    let first = expect(app.get(&format!("{UNBILLED}&size=1")).await, StatusCode::OK).await;
    let token = first["continuationToken"].as_str().unwrap_or_default().to_owned();
    let next = send(
        app.request(Method::GET, &format!("{UNBILLED}&size=1&seekOperation=Next"))
            .header("MS-ContinuationToken", token),
    )
    .await;
    let next = expect(next, StatusCode::OK).await;
    assert_eq!(next["items"].as_array().map(Vec::len), Some(1));
    assert_ne!(next["items"][0], first["items"][0]);
}

#[tokio::test]
async fn a_plan_that_is_not_sold_or_not_priced_is_refused_per_line() {
    let app = TestApp::spawn().await;
    let mut body = customer_body("plans");
    body["lineItems"][0]["termDuration"] = json!("P1M");
    body["lineItems"][0]["billingCycle"] = json!("annual");
    body["lineItems"][1]["termDuration"] = json!("P2Y");
    let rows = app.rows().await;
    let refused = expect(app.post("/v1/customers", &body).await, StatusCode::BAD_REQUEST).await;
    assert_eq!(
        fields(&refused),
        vec![
            ("lineItems[0].billingCycle".into(), "BillingPlanNotForTerm".into()),
            ("lineItems[1].termDuration".into(), "TermUnknown".into()),
        ]
    );
    assert_eq!(app.rows().await, rows);

    // A trial has no price: a plan can't be bought for it, yet it can be ordered as is.
    let mut trial = customer_body("trial");
    trial["lineItems"] = json!([{"offerId": "PDC-SUITE-BUS-TRIAL", "quantity": 5}]);
    let trial = app.create_customer(&trial).await;
    let customer = trial["id"].as_str().unwrap_or_default();
    let subscriptions = expect(
        app.get(&format!("/v1/customers/{customer}/subscriptions")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(subscriptions["items"][0]["isTrial"], true);
    assert!(subscriptions["items"][0].get("refundableQuantity").is_none());
    // The demo price list has no SGD prices.
    let mut body = customer_body("singapore");
    body["billingProfile"]["defaultAddress"] = json!({
        "country": "SG", "city": "Singapore", "addressLine1": "1 Raffles Place",
        "postalCode": "048616", "firstName": "Ana", "lastName": "Lee", "phoneNumber": "6123 4567"
    });
    body["agreement"]["primaryContact"]["phoneNumber"] = json!("6123 4567");
    let unpriced = expect(app.post("/v1/customers", &body).await, StatusCode::BAD_REQUEST).await;
    assert_eq!(unpriced["data"][0]["field"], "lineItems[0].offerId");
    assert_eq!(unpriced["data"][0]["errorName"], "NoPriceInEffect");
}

#[tokio::test]
async fn only_admin_agents_and_billing_admins_read_charges_and_parameters_are_checked() {
    let app = TestApp::spawn().await;
    let sales = app
        .token_for(&app.provider, Role::SalesAgent, "sales@provider.example")
        .await;
    let billing = app
        .token_for(&app.provider, Role::BillingAdmin, "billing@provider.example")
        .await;
    let forbidden = send(app.request_as(&sales, Method::GET, UNBILLED)).await;
    assert_eq!(forbidden.status(), StatusCode::FORBIDDEN);
    let allowed = send(app.request_as(&billing, Method::GET, UNBILLED)).await;
    assert_eq!(allowed.status(), StatusCode::OK);
    for (query, parameter) in [
        (
            "provider=azure&invoicelineitemtype=billinglineitems&currencycode=USD&period=current",
            "provider",
        ),
        (
            "provider=onetime&invoicelineitemtype=usagelineitems&currencycode=USD&period=current",
            "invoicelineitemtype",
        ),
        (
            "provider=onetime&invoicelineitemtype=billinglineitems&currencycode=ABC&period=current",
            "currencycode",
        ),
        (
            "provider=onetime&invoicelineitemtype=billinglineitems&currencycode=USD&period=next",
            "period",
        ),
        (
            "provider=onetime&invoicelineitemtype=billinglineitems&currencycode=USD&period=current&size=2001",
            "size",
        ),
    ] {
        let response = app.get(&format!("/v1/invoices/unbilled/lineitems?{query}")).await;
        let error = expect(response, StatusCode::BAD_REQUEST).await;
        assert_eq!(error["data"][0]["field"], parameter, "{query}");
    }
}

#[tokio::test]
async fn a_closed_month_is_read_as_the_partners_invoice_and_its_customers() {
    let app = TestApp::spawn().await;
    let created = app.create_customer(&customer_body("invoiced")).await;
    let customer = created["id"].as_str().unwrap_or_default().to_owned();
    // The customer is in the US, taxed at 10% (each line's tax rounded half up).
    app.tax("US", "10").await;
    let run = app.bill_months_ahead(1).await;
    assert!(run.invoices >= 2, "{run:?}");

    let invoices = expect(app.get("/v1/invoices").await, StatusCode::OK).await;
    let invoice = &invoices["items"][0];
    let number = invoice["id"].as_str().unwrap_or_default().to_owned();
    assert!(number.starts_with('G'), "{number}");
    assert_eq!(invoice["invoiceType"], "OneTime");
    assert_eq!(invoice["currencyCode"], "USD");
    // 10 mailboxes at 4.00 and 25 endpoint licenses at 5.00 for the first month, and 10%.
    assert_eq!(invoice["totalCharges"], "181.50");
    let one = expect(app.get(&format!("/v1/invoices/{number}")).await, StatusCode::OK).await;
    assert_eq!(&one, invoice);
    let lines_uri = one["invoiceDetails"][0]["links"]["self"]["uri"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let lines = expect(app.get(&format!("/v1{lines_uri}")).await, StatusCode::OK).await;
    assert_eq!(lines["totalCount"], 2);
    assert_eq!(lines["items"][0]["invoiceNumber"], number.as_str());

    // The reconciliation file: Partner Center's columns, one row a line.
    let file = app.get(&format!("/v1/invoices/{number}/reconciliation")).await;
    assert_eq!(
        file.headers().get("content-type").and_then(|v| v.to_str().ok()),
        Some("text/csv; charset=utf-8")
    );
    let file = file.text().await.unwrap_or_default();
    // Compressed, the same file (a stream once panicked when polled after its end).
    let gzipped = send(
        app.request(Method::GET, &format!("/v1/invoices/{number}/reconciliation"))
            .header("Accept-Encoding", "gzip"),
    )
    .await;
    assert_eq!(gzipped.status(), StatusCode::OK);
    assert_eq!(
        gzipped
            .headers()
            .get("content-encoding")
            .and_then(|v| v.to_str().ok()),
        Some("gzip")
    );
    assert!(!gzipped.bytes().await.unwrap_or_default().is_empty());
    let rows: Vec<Vec<&str>> = file.lines().map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), 3, "{file}");
    assert_eq!(
        rows[0][..6],
        [
            "PartnerId",
            "CustomerId",
            "CustomerName",
            "CustomerDomainName",
            "CustomerCountry",
            "InvoiceNumber"
        ]
    );
    let at = |name: &str| {
        rows[0]
            .iter()
            .position(|c| *c == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    let column = |name: &str| rows[1..].iter().map(|r| r[at(name)]).collect::<Vec<_>>();
    assert_eq!(column("Subtotal"), ["40.00", "125.00"]);
    assert_eq!(column("TaxTotal"), ["4.00", "12.50"]);
    assert_eq!(column("Total"), ["44.00", "137.50"]);
    assert!(
        rows[1..]
            .iter()
            .all(|r| r[at("InvoiceNumber")] == number && r[at("ChargeType")] == "new")
    );

    // The customer's invoice from the partner, at the customer's price (the ERP).
    let theirs = expect(
        app.get(&format!("/v1/customers/{customer}/invoices")).await,
        StatusCode::OK,
    )
    .await;
    let theirs = &theirs["items"][0];
    // 50.00 and 156.25, with 5.00 and 15.63 (15.625 rounded half up) of tax.
    assert_eq!(theirs["totalCharges"], "226.88");
    let theirs_number = theirs["id"].as_str().unwrap_or_default();
    let their_lines = app
        .get(&format!(
            "/v1/customers/{customer}/invoices/{theirs_number}/lineitems?provider=onetime&invoicelineitemtype=billinglineitems"
        ))
        .await;
    let their_lines = expect(their_lines, StatusCode::OK).await;
    assert_eq!(their_lines["items"][0]["subtotal"], "50.00");
    assert_eq!(their_lines["items"][1]["taxTotal"], "15.63");
    assert_eq!(their_lines["items"][1]["totalForCustomer"], "171.88");

    // Each invoice as PDF (Partner Center's statement), and the customer's at its prices.
    for path in [
        format!("/v1/invoices/{number}/documents/statement"),
        format!("/v1/customers/{customer}/invoices/{theirs_number}/documents/statement"),
    ] {
        let pdf = app.get(&path).await;
        assert_eq!(pdf.status(), StatusCode::OK, "{path}");
        assert_eq!(pdf.headers()["content-type"], "application/pdf");
        let bytes = pdf.bytes().await.unwrap_or_default();
        assert!(bytes.starts_with(b"%PDF-"), "{path}");
    }
    let missing = app.get("/v1/invoices/G999999999/documents/statement").await;
    assert_eq!(
        expect(missing, StatusCode::NOT_FOUND).await["errorName"],
        "NotFound"
    );

    // Unknown numbers, other partners and other roles get nothing.
    let missing = expect(app.get("/v1/invoices/G999999999").await, StatusCode::NOT_FOUND).await;
    assert_eq!(missing["errorName"], "NotFound");
    let wrong_customer = app
        .get(&format!("/v1/customers/{customer}/invoices/{number}"))
        .await;
    assert_eq!(
        wrong_customer.status(),
        StatusCode::NOT_FOUND,
        "a partner invoice isn't the customer's"
    );
    let reseller = app
        .token_for(&app.resellers[0], Role::AdminAgent, "admin@reseller.example")
        .await;
    let foreign = send(app.request_as(&reseller, Method::GET, &format!("/v1/invoices/{number}"))).await;
    assert_eq!(foreign.status(), StatusCode::NOT_FOUND);
    let helpdesk = app
        .token_for(&app.provider, Role::HelpdeskAgent, "help@provider.example")
        .await;
    let refused = send(app.request_as(&helpdesk, Method::GET, "/v1/invoices")).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_markets_price_list_is_a_csv_for_those_who_may_see_prices() {
    let app = TestApp::spawn().await;
    let sheet = expect_csv(app.get("/v1/pricesheets/US").await).await;
    let rows: Vec<&str> = sheet.lines().collect();
    assert!(rows[0].starts_with("ProductTitle,ProductId,SkuId,SkuTitle,Publisher,SkuDescription,UnitOfMeasure,TermDuration,BillingPlan,Market"));
    assert!(rows[0].ends_with(",Tags,ERP Price"));
    assert!(
        rows.iter().any(|r| r.contains(",PDC-MAIL-STD,")
            && r.contains(",P1Y,Annual,US,USD,40.00,1,300,2026-01-01,,License,50.00")),
        "{sheet}"
    );
    assert!(
        rows.iter()
            .any(|r| r.contains(",PDC-MAIL-ARCHIVE,") && r.contains("License; AddOn"))
    );
    assert!(!sheet.contains("PDC-SUITE-BUS-TRIAL"), "a trial has no price");
    // Offers not sold in a market aren't on its list.
    let gb = expect_csv(app.get("/v1/pricesheets/NZ").await).await;
    assert!(!gb.contains("PDC-MEET-AUDIO"));

    let unknown = expect(app.get("/v1/pricesheets/UK").await, StatusCode::NOT_FOUND).await;
    assert!(unknown["description"].is_string());
    let helpdesk = app
        .token_for(&app.provider, Role::HelpdeskAgent, "help@provider.example")
        .await;
    let sales = app
        .token_for(&app.provider, Role::SalesAgent, "sales@provider.example")
        .await;
    let reseller = app
        .token_for(&app.resellers[0], Role::AdminAgent, "admin@reseller.example")
        .await;
    for (token, status) in [
        (&helpdesk, StatusCode::FORBIDDEN),
        (&reseller, StatusCode::FORBIDDEN),
        (&sales, StatusCode::OK),
    ] {
        let response = send(app.request_as(token, Method::GET, "/v1/pricesheets/US")).await;
        assert_eq!(response.status(), status);
    }
}

async fn expect_csv(response: reqwest::Response) -> String {
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("text/csv; charset=utf-8")
    );
    response.text().await.unwrap_or_default()
}

#[tokio::test]
async fn a_subscription_without_auto_renewal_ends_with_its_term() {
    let app = TestApp::spawn().await;
    let created = app.create_customer(&customer_body("ending")).await;
    let customer = created["id"].as_str().unwrap_or_default().to_owned();
    let mail = created["order"]["lineItems"][0]["subscriptionId"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let path = format!("/v1/customers/{customer}/subscriptions/{mail}");
    let read = expect(app.get(&path).await, StatusCode::OK).await;
    assert_eq!(read["autoRenewEnabled"], true);
    let mut whole = read.clone();
    whole["autoRenewEnabled"] = json!(false);
    let etag = read["attributes"]["etag"].as_str().unwrap_or_default().to_owned();
    let off = send(
        app.request(Method::PATCH, &path)
            .header("If-Match", &etag)
            .json(&whole),
    )
    .await;
    let off = expect(off, StatusCode::OK).await;
    assert_eq!(off["autoRenewEnabled"], false);
    let activity = expect(
        app.get("/v1/auditrecords?operationType=subscription-auto-renew-changed")
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        activity["items"][0]["customizedData"][2]["value"], "off",
        "{activity}"
    );

    // A month-long term: at its end the other subscription (still renewing) renews, this one ends.
    let run = app.bill_months_ahead(1).await;
    assert_eq!((run.renewals, run.ended), (1, 1), "{run:?}");

    // It expired: its status says so, it changes no more, and the log tells it.
    let ended = expect(app.get(&path).await, StatusCode::OK).await;
    assert_eq!(ended["status"], "expired");
    assert_eq!(ended["commitmentEndDate"], off["commitmentEndDate"]);
    let mut again = ended.clone();
    again["autoRenewEnabled"] = json!(true);
    again["status"] = json!("active");
    let etag = ended["attributes"]["etag"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let refused = send(
        app.request(Method::PATCH, &path)
            .header("If-Match", &etag)
            .json(&again),
    )
    .await;
    let refused = expect(refused, StatusCode::BAD_REQUEST).await;
    assert_eq!(
        fields(&refused),
        [("status".to_owned(), "SubscriptionExpired".to_owned())]
    );
    assert_eq!(
        expect(app.get(&path).await, StatusCode::OK).await,
        ended,
        "nothing changed"
    );
    let expired = expect(
        app.get("/v1/auditrecords?operationType=subscription-expired")
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(expired["totalCount"], 1, "{expired}");
    // No one asks for expiry: the renewed subscription can't be set to it.
    let renewed = created["order"]["lineItems"][1]["subscriptionId"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let renewed_path = format!("/v1/customers/{customer}/subscriptions/{renewed}");
    let renewed = expect(app.get(&renewed_path).await, StatusCode::OK).await;
    assert_eq!(renewed["status"], "active");
    let etag = renewed["attributes"]["etag"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let asked = send(
        app.request(Method::PATCH, &renewed_path)
            .header("If-Match", &etag)
            .json(&json!({"status": "expired"})),
    )
    .await;
    let asked = expect(asked, StatusCode::BAD_REQUEST).await;
    assert_eq!(
        fields(&asked),
        [("status".to_owned(), "StatusUnsupported".to_owned())]
    );
    // A second run ends nothing twice.
    let run = app.bill_months_ahead(1).await;
    assert_eq!((run.renewals, run.ended), (0, 0), "{run:?}");
}

#[tokio::test]
async fn customer_price_rules_are_read_set_and_removed_by_those_who_manage_prices() {
    let app = TestApp::spawn().await;
    let created = app.create_customer(&customer_body("priced")).await;
    let customer = created["id"].as_str().unwrap_or_default().to_owned();
    let put = |body: Value| send(app.request(Method::PUT, "/v1/pricerules").json(&body));

    let rule = expect(
        put(json!({"kind": "percent", "markupPercent": "20"})).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        (
            &rule["kind"],
            &rule["markupPercent"],
            rule.get("customerId"),
            rule.get("offerId")
        ),
        (&json!("percent"), &json!("20"), None, None)
    );
    let offer = json!({"offerId": "PDC-MAIL-STD", "kind": "erp"});
    expect(put(offer).await, StatusCode::OK).await;
    let theirs =
        json!({"customerId": customer, "offerId": "PDC-MAIL-STD", "kind": "percent", "markupPercent": "5.5"});
    let theirs = expect(put(theirs).await, StatusCode::OK).await;
    assert_eq!(theirs["customerId"], customer.as_str());

    // Every customer's rules, and with a customer its own too.
    let kinds = |list: &Value| {
        list["items"]
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .map(|r| {
                        let of = |key: &str| r[key].as_str().unwrap_or("").to_owned();
                        (
                            of("customerId").is_empty(),
                            of("offerId"),
                            of("kind"),
                            of("markupPercent"),
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let general = expect(app.get("/v1/pricerules").await, StatusCode::OK).await;
    assert_eq!(
        kinds(&general),
        [
            (true, String::new(), "percent".into(), "20".into()),
            (true, "PDC-MAIL-STD".into(), "erp".into(), String::new()),
        ]
    );
    let all = expect(
        app.get(&format!("/v1/pricerules?customerId={customer}")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(all["totalCount"], 3, "{all}");

    // Bad input changes nothing.
    for (body, status, field) in [
        (
            json!({"kind": "percent", "markupPercent": "1001"}),
            StatusCode::BAD_REQUEST,
            "markupPercent",
        ),
        (
            json!({"kind": "percent"}),
            StatusCode::BAD_REQUEST,
            "markupPercent",
        ),
        (
            json!({"kind": "erp", "offerId": "PDC-SUITE-BUS-TRIAL"}),
            StatusCode::NOT_FOUND,
            "",
        ),
        (
            json!({"kind": "erp", "offerId": "NO-SUCH-OFFER"}),
            StatusCode::NOT_FOUND,
            "",
        ),
        (
            json!({"kind": "erp", "customerId": "018f0000-0000-7000-8000-000000000000"}),
            StatusCode::NOT_FOUND,
            "",
        ),
        (json!({"kind": "cheap"}), StatusCode::BAD_REQUEST, ""),
        (
            json!({"kind": "erp", "markupPercent": "x"}),
            StatusCode::BAD_REQUEST,
            "markupPercent",
        ),
    ] {
        let refused = expect(put(body.clone()).await, status).await;
        if !field.is_empty() {
            assert_eq!(refused["data"][0]["field"], field, "{body}");
        }
    }
    assert_eq!(
        expect(app.get("/v1/pricerules").await, StatusCode::OK).await["items"],
        general["items"]
    );

    // Removing answers 204; the rule is gone.
    let removed = put(json!({"offerId": "PDC-MAIL-STD", "kind": "none"})).await;
    assert_eq!(removed.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        expect(app.get("/v1/pricerules").await, StatusCode::OK).await["totalCount"],
        1
    );

    // Sales agents read prices but don't set them; helpdesk agents see none.
    let sales = app
        .token_for(&app.provider, Role::SalesAgent, "sales@provider.example")
        .await;
    let helpdesk = app
        .token_for(&app.provider, Role::HelpdeskAgent, "help@provider.example")
        .await;
    let read = send(app.request_as(&sales, Method::GET, "/v1/pricerules")).await;
    assert_eq!(read.status(), StatusCode::OK);
    let set = send(
        app.request_as(&sales, Method::PUT, "/v1/pricerules")
            .json(&json!({"kind": "erp"})),
    )
    .await;
    assert_eq!(set.status(), StatusCode::FORBIDDEN);
    let hidden = send(app.request_as(&helpdesk, Method::GET, "/v1/pricerules")).await;
    assert_eq!(hidden.status(), StatusCode::FORBIDDEN);
}
