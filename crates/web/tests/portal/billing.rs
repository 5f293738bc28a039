//! The Billing workspace: the price list with the customer price rules that price the next
//! purchases, the invoices with their lines by customer, and who may see what.

use partnerdesk_domain::partner::Role;
use reqwest::StatusCode;

use crate::browser::Visitor;
use crate::support::{TestApp, customer_body, expect};

/// Runs billing up to a month from today: this month is closed and invoiced.
async fn close_this_month(app: &TestApp) {
    app.bill_months_ahead(1).await;
}

/// The price list's form for the partner's default rule.
fn rule<'a>(csrf: &'a str, kind: &'a str, percent: &'a str) -> [(&'a str, &'a str); 5] {
    [
        ("csrf", csrf),
        ("market", "US"),
        ("offer_id", ""),
        ("kind", kind),
        ("percent", percent),
    ]
}

#[tokio::test]
async fn customer_price_rules_are_set_checked_and_price_the_next_order() {
    let app = TestApp::spawn().await;
    let visitor = Visitor::new_user(&app, Role::AdminAgent, "billing@provider.example").await;
    let page = visitor.get("/billing/prices?market=US").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.html.contains(r#"data-testid="nav-billing""#));
    // Without rules, customers pay the suggested retail price: $5.00 a mailbox.
    assert!(
        page.html.contains(r#"data-testid="customer-price">$5.00<"#),
        "{}",
        page.text
    );
    let csrf = page.csrf();
    for (percent, message) in [
        ("abc", "Type a number such as 15 or 12.5."),
        ("1000.5", "Use a markup from 0 to 1,000 percent."),
        ("-3", "Use a markup from 0 to 1,000 percent."),
    ] {
        let refused = visitor
            .post("/billing/prices", &rule(&csrf, "percent", percent))
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{percent}");
        assert!(refused.contains(message), "{percent}: {}", refused.text);
        assert!(
            refused
                .html
                .contains(&format!(r#"value="{percent}" aria-invalid="true""#))
        );
    }
    let unchanged = visitor.get("/billing/prices?market=US").await;
    assert!(unchanged.html.contains(r#"data-testid="customer-price">$5.00<"#));

    let saved = visitor
        .post("/billing/prices", &rule(&csrf, "percent", "10"))
        .await;
    let saved = visitor.follow(saved).await;
    assert!(
        saved.contains("The customer price rule is saved."),
        "{}",
        saved.text
    );
    // $4.00 at cost plus 10%.
    assert!(
        saved.html.contains(r#"data-testid="customer-price">$4.40<"#),
        "{}",
        saved.text
    );
    assert!(saved.contains("Your default"));

    // The next order is priced by the rule: 10 mailboxes at 4.40 and 25 licenses at 5.50.
    let created = app.create_customer(&customer_body("marked")).await;
    let customer = created["id"].as_str().unwrap_or_default().to_owned();
    close_this_month(&app).await;
    let theirs = expect(
        app.get(&format!("/v1/customers/{customer}/invoices")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(theirs["items"][0]["totalCharges"], "181.50");

    // The partner's invoice, at its cost, with its lines under the customer's name.
    let billing = visitor.get("/billing").await;
    assert_eq!(billing.status, StatusCode::OK);
    assert!(
        billing.html.contains(r#"data-testid="invoice-total">$165.00<"#),
        "{}",
        billing.text
    );
    let number = billing
        .html
        .split("/billing/invoices/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default()
        .to_owned();
    let invoice = visitor.get(&format!("/billing/invoices/{number}")).await;
    assert_eq!(invoice.status, StatusCode::OK);
    assert!(invoice.contains(&format!("Invoice {number}")));
    assert!(invoice.contains("marked Inc"), "{}", invoice.text);
    assert!(invoice.contains("Purchase"), "the charge type in words");
    assert!(invoice.html.contains(r#"data-testid="line-amount">$40.00<"#));
    let csv = visitor
        .get(&format!("/billing/invoices/{number}/reconciliation"))
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.html.starts_with("PartnerId,CustomerId,"), "{}", csv.html);
    assert_eq!(
        csv.html.lines().count(),
        3,
        "the header and a line per subscription"
    );
    assert!(
        csv.html.contains(",40.00,") && csv.html.contains(",125.00,") && !csv.html.contains(",50.00,"),
        "{}",
        csv.html
    );
    assert_eq!(
        visitor.get("/billing/invoices/G999999999").await.status,
        StatusCode::NOT_FOUND
    );

    // In French, amounts are French.
    let language = [("csrf", csrf.as_str()), ("locale", "fr-FR"), ("next", "/billing")];
    let french = visitor.follow(visitor.post("/language", &language).await).await;
    assert!(french.html.contains("165,00\u{a0}$US"), "{}", french.text);
}

#[tokio::test]
async fn only_billing_roles_see_billing_and_sales_agents_read_prices() {
    let app = TestApp::spawn().await;
    let helpdesk = Visitor::new_user(&app, Role::HelpdeskAgent, "help@provider.example").await;
    let customers = helpdesk.get("/customers").await;
    assert!(!customers.html.contains(r#"data-testid="nav-billing""#));
    assert_eq!(helpdesk.get("/billing").await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        helpdesk.get("/billing/prices").await.status,
        StatusCode::FORBIDDEN
    );

    let sales = Visitor::new_user(&app, Role::SalesAgent, "sales@provider.example").await;
    assert_eq!(sales.get("/billing").await.status, StatusCode::FORBIDDEN);
    let prices = sales.get("/billing/prices").await;
    assert_eq!(prices.status, StatusCode::OK);
    assert!(
        prices
            .html
            .contains(r#"href="/billing/prices" data-testid="nav-billing""#)
    );
    assert!(
        !prices.html.contains(r#"data-testid="save-rule""#),
        "sales agents read prices only"
    );
    let csrf = prices.csrf();
    let refused = sales
        .post(
            "/billing/prices",
            &[
                ("csrf", &csrf),
                ("kind", "percent"),
                ("percent", "50"),
                ("offer_id", ""),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    let billing_admin = Visitor::new_user(&app, Role::BillingAdmin, "money@provider.example").await;
    assert_eq!(billing_admin.get("/billing").await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_customers_billing_tab_shows_its_rule_margins_and_invoices_at_its_price() {
    let app = TestApp::spawn().await;
    let created = app.create_customer(&customer_body("tabbed")).await;
    let id = created["id"].as_str().unwrap_or_default().to_owned();
    let visitor = Visitor::new_user(&app, Role::AdminAgent, "tab@provider.example").await;
    let customer = visitor.get(&format!("/customers/{id}")).await;
    assert!(customer.html.contains(&format!(
        r#"href="/customers/{id}/billing" data-testid="customer-billing""#
    )));

    let path = format!("/customers/{id}/billing");
    let tab = visitor.get(&path).await;
    assert_eq!(tab.status, StatusCode::OK, "{}", tab.text);
    // Bought at the suggested retail price: 10 mailboxes at $4.00 cost, $5.00 price.
    assert!(
        tab.html.contains(r#"data-testid="margin">$10.00<"#),
        "{}",
        tab.text
    );
    assert!(tab.contains("20.00%"));

    let csrf = tab.csrf();
    let refused = visitor
        .post(
            &path,
            &[("csrf", csrf.as_str()), ("kind", "percent"), ("percent", "")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.contains("Type a number such as 15 or 12.5."));
    let saved = visitor
        .post(
            &path,
            &[("csrf", csrf.as_str()), ("kind", "percent"), ("percent", "25")],
        )
        .await;
    let saved = visitor.follow(saved).await;
    assert!(saved.contains("The customer price rule is saved."));
    assert!(
        saved
            .html
            .contains(r#"name="percent" type="text" inputmode="decimal" size="6" maxlength="12" value="25""#)
    );

    close_this_month(&app).await;
    let tab = visitor.get(&path).await;
    assert!(
        tab.html.contains(r#"data-testid="invoice-total">$206.25<"#),
        "{}",
        tab.text
    );
    let number = tab
        .html
        .split(&format!("/customers/{id}/invoices/"))
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default()
        .to_owned();
    assert!(number.starts_with('C'), "{number}");
    let invoice = visitor.get(&format!("/customers/{id}/invoices/{number}")).await;
    assert_eq!(invoice.status, StatusCode::OK);
    assert!(
        invoice.html.contains(r#"data-testid="line-amount">$50.00<"#),
        "{}",
        invoice.text
    );
    let csv = visitor
        .get(&format!("/customers/{id}/invoices/{number}/reconciliation"))
        .await;
    assert!(
        csv.html.contains(",50.00,") && !csv.html.contains(",40.00,"),
        "{}",
        csv.html
    );
    // Another customer's invoice number is not this customer's.
    let other = app.create_customer(&customer_body("othertab")).await;
    let other = other["id"].as_str().unwrap_or_default();
    let wrong = visitor
        .get(&format!("/customers/{other}/invoices/{number}"))
        .await;
    assert_eq!(wrong.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_customer_reads_its_invoices_at_its_prices_and_never_the_cost() {
    let app = TestApp::spawn().await;
    let created = app.create_customer(&customer_body("received")).await;
    let credential = |name: &str| {
        created["userCredentials"][name]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    let visitor = Visitor::new(&app.base);
    let csrf = visitor.get("/customer/sign-in").await.csrf();
    let signed = visitor
        .post(
            "/customer/sign-in",
            &[
                ("csrf", csrf.as_str()),
                ("email", &credential("userName")),
                ("password", &credential("password")),
            ],
        )
        .await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER);
    let csrf = visitor.get("/customer/password").await.csrf();
    let changed = visitor
        .post(
            "/customer/password",
            &[
                ("csrf", csrf.as_str()),
                ("currentPassword", &credential("password")),
                ("newPassword", "our own long secret"),
            ],
        )
        .await;
    assert_eq!(changed.location.as_deref(), Some("/customer"));
    let home = visitor.get("/customer").await;
    assert!(
        home.html.contains(r#"data-testid="no-invoices""#),
        "{}",
        home.text
    );

    // Taxed at 10% in the customer's country: 206.25 and 20.63 of tax (line by line).
    app.tax("US", "10").await;
    close_this_month(&app).await;
    let home = visitor.get("/customer").await;
    assert!(
        home.html.contains(r#"data-testid="invoice-total">$226.88<"#),
        "{}",
        home.text
    );
    let id = home
        .html
        .split("/customer/invoices/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default()
        .to_owned();
    let invoice = visitor.get(&format!("/customer/invoices/{id}")).await;
    assert_eq!(invoice.status, StatusCode::OK, "{}", invoice.text);
    assert!(invoice.html.contains(r#"data-testid="line-amount">$50.00<"#));
    assert!(invoice.html.contains(r#"data-testid="line-tax">$5.00<"#));
    assert!(invoice.contains(&app.provider.name));
    // The partner's cost ($40.00 for the mailboxes, $165.00 in all) is nowhere.
    assert!(
        !invoice.contains("$40.00") && !invoice.contains("165.00"),
        "{}",
        invoice.text
    );
    let csv = visitor
        .get(&format!("/customer/invoices/{id}/reconciliation"))
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(
        csv.html.contains(",50.00,") && !csv.html.contains(",40.00,"),
        "{}",
        csv.html
    );
    let (status, headers, pdf) = visitor.download(&format!("/customer/invoices/{id}/pdf")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "application/pdf");
    let text = pdf_text(&pdf);
    assert!(text.contains("$50.00") && !text.contains("$40.00"), "{text}");

    // Another customer's invoice, or no invoice at all, is not found.
    let other = app.create_customer(&customer_body("notmine")).await;
    let other = other["id"].as_str().unwrap_or_default();
    let theirs = app
        .store
        .invoices_to_customer(other.parse().unwrap_or_else(|_| unreachable!()), None)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(theirs.is_empty(), "this month's charges are not invoiced yet");
    for wrong in [uuid::Uuid::new_v4().to_string(), "not-an-id".to_owned()] {
        let page = visitor.get(&format!("/customer/invoices/{wrong}")).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{wrong}");
    }
}

/// The text of a PDF, as poppler's `pdftotext` reads it.
fn pdf_text(pdf: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!("pd-invoice-{}.pdf", uuid::Uuid::new_v4()));
    std::fs::write(&path, pdf).unwrap_or_else(|e| panic!("{e}"));
    let output = std::process::Command::new("pdftotext")
        .args(["-layout", &path.to_string_lossy(), "-"])
        .output()
        .unwrap_or_else(|e| panic!("pdftotext (scripts/browser-deps installs poppler-utils): {e}"));
    let _ = std::fs::remove_file(&path);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn invoice_pdfs_print_every_script_and_only_their_sides_prices() {
    let app = TestApp::spawn().await;
    let mut ids = Vec::new();
    for (prefix, name) in [
        ("shenzhen", "深圳市星河科技有限公司"),
        ("moskva", "ООО «Ромашка»"),
    ] {
        let mut body = customer_body(prefix);
        body["billingProfile"]["companyName"] = name.into();
        let created = app.create_customer(&body).await;
        ids.push(created["id"].as_str().unwrap_or_default().to_owned());
    }
    close_this_month(&app).await;

    let visitor = Visitor::new_user(&app, Role::BillingAdmin, "pdf@provider.example").await;
    let billing = visitor.get("/billing").await;
    let number = billing
        .html
        .split("/billing/invoices/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default()
        .to_owned();
    let invoice = visitor.get(&format!("/billing/invoices/{number}")).await;
    assert!(invoice.html.contains(&format!(
        r#"href="/billing/invoices/{number}/pdf" data-testid="download-pdf""#
    )));
    let (status, headers, pdf) = visitor.download(&format!("/billing/invoices/{number}/pdf")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "application/pdf");
    assert!(pdf.starts_with(b"%PDF-"));
    let text = pdf_text(&pdf);
    for expected in [
        format!("Invoice {number}"),
        "深圳市星河科技有限公司".to_owned(),
        "ООО «Ромашка»".to_owned(),
        app.provider.name.clone(),
        "$330.00".to_owned(),
        "$40.00".to_owned(),
    ] {
        assert!(text.contains(&expected), "{expected} in:\n{text}");
    }

    // The customer's invoice prints its prices, in French for a French reader.
    let tab = visitor.get(&format!("/customers/{}/billing", ids[1])).await;
    let theirs = tab
        .html
        .split(&format!("/customers/{}/invoices/", ids[1]))
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default()
        .to_owned();
    let csrf = tab.csrf();
    // The customer's invoice as a reader of `locale` downloads it, as text.
    let read_in = |locale: &'static str| {
        let (visitor, csrf) = (&visitor, csrf.clone());
        let path = format!("/customers/{}/invoices/{theirs}/pdf", ids[1]);
        async move {
            let language = [("csrf", csrf.as_str()), ("locale", locale), ("next", "/billing")];
            visitor.post("/language", &language).await;
            let (status, _, pdf) = visitor.download(&path).await;
            assert_eq!(status, StatusCode::OK);
            pdf_text(&pdf)
        }
    };
    let text = read_in("fr-FR").await;
    assert!(text.contains(&format!("Facture {theirs}")), "{text}");
    assert!(text.contains("ООО «Ромашка»") && text.contains("50,00"), "{text}");
    assert!(
        !text.contains("40,00"),
        "never the cost on the customer's invoice:\n{text}"
    );

    // In Russian, whose dates are long, each line's dates print whole, in numbers.
    let text = read_in("ru-RU").await;
    let numeric = |date: &str| {
        let parts: Vec<&str> = date.split('.').collect();
        parts.len() == 3
            && [2, 2, 4]
                .iter()
                .zip(&parts)
                .all(|(n, p)| p.len() == *n && p.bytes().all(|b| b.is_ascii_digit()))
    };
    let spans = text
        .lines()
        .filter_map(|line| line.split_once(" – "))
        .filter(|(from, to)| {
            let from = from.split_whitespace().last().unwrap_or_default();
            let to = to.split_whitespace().next().unwrap_or_default();
            numeric(from) && numeric(to)
        })
        .count();
    assert!(spans >= 1, "a line's dates as 01.12.2026 – 31.12.2026:\n{text}");

    let missing = visitor.download("/billing/invoices/G999999999/pdf").await;
    assert_eq!(missing.0, StatusCode::NOT_FOUND);
}
