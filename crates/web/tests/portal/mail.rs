//! Mail that is not about support: a user's invitation and a relationship request, each
//! with a one-time link minted when it is sent (the outbox never holds it), and the
//! customer's "your invoice is ready", delivered over SMTP in the recipient's language.

use partnerdesk_domain::mail::MailKind;
use partnerdesk_domain::partner::Role;
use partnerdesk_web::mail::{Mailer, deliver_due};
use reqwest::StatusCode;
use time::OffsetDateTime;

use crate::browser::Visitor;
use crate::relationships::customer_admin;
use crate::support::smtp::{Received, SmtpSink};
use crate::support::{TestApp, customer_body};

fn captured(text: &str, pattern: &str) -> String {
    regex::Regex::new(pattern)
        .ok()
        .and_then(|re| re.captures(text).map(|c| c[1].to_owned()))
        .unwrap_or_else(|| panic!("{pattern} in {text}"))
}

async fn deliver(app: &TestApp) -> Vec<Received> {
    let sink = SmtpSink::start().await;
    let mailer = Mailer::new(&sink.url, "Partnerdesk <no-reply@partnerdesk.example>")
        .unwrap_or_else(|e| panic!("{e}"));
    deliver_due(&app.state, &mailer, OffsetDateTime::now_utc())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    sink.messages()
}

fn to(received: &[Received], address: &str) -> Vec<String> {
    received
        .iter()
        .filter(|m| m.to.iter().any(|t| t == address))
        .map(Received::decoded)
        .collect()
}

#[tokio::test]
async fn invitations_and_relationship_requests_arrive_with_links_of_their_own() {
    let app = TestApp::spawn().await;
    let admin = Visitor::new_user(&app, Role::AdminAgent, "boss@provider.example").await;
    let csrf = admin.get("/users").await.csrf();
    for email in ["mailed@provider.example", "quick@provider.example"] {
        let invited = admin
            .post(
                "/users",
                &[("csrf", &csrf), ("email", email), ("role", "sales-agent")],
            )
            .await;
        assert_eq!(invited.status, StatusCode::SEE_OTHER);
        let shown = admin.follow(invited).await;
        assert!(shown.contains("The user also gets an email with a link of their own."));
        if email.starts_with("quick") {
            // This one sets a password with the shown link before the mail goes out.
            let link = captured(
                &shown.html,
                r#"data-testid="invite-link">https?://[^/]+(/set-password/[^<]+)<"#,
            );
            let newcomer = Visitor::new(&app.base);
            let form = newcomer.get(&link).await;
            let set = newcomer
                .post(
                    &link,
                    &[
                        ("csrf", &form.csrf()),
                        ("newPassword", "a long enough secret"),
                        ("confirmPassword", "a long enough secret"),
                    ],
                )
                .await;
            assert_eq!(set.status, StatusCode::SEE_OTHER, "{}", set.text);
        }
    }

    let form = admin.get("/customers/relationship-request").await;
    assert!(
        form.contains("Direct: the customer buys from you."),
        "{}",
        form.text
    );
    assert!(form.contains("Delegated admin access lets your admin and helpdesk agents"));
    let csrf = form.csrf();
    let bad = admin
        .post(
            "/customers/relationship-request",
            &[("csrf", &csrf), ("associatedPartnerId", ""), ("email", "admin@")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.contains("Enter an email address such as name@example.com."),
        "{}",
        bad.text
    );
    assert_eq!(bad.value_of("email").as_deref(), Some("admin@"));
    let created = app.create_customer(&customer_body("mailed")).await;
    let requested = admin
        .post(
            "/customers/relationship-request",
            &[
                ("csrf", &csrf),
                ("associatedPartnerId", ""),
                ("email", "it@mailed.example"),
            ],
        )
        .await;
    assert_eq!(requested.status, StatusCode::SEE_OTHER);

    let outbox = app.store.outbox(None, true, 20).await.unwrap_or_default();
    let kinds: Vec<_> = outbox.iter().map(|m| m.kind).collect();
    assert_eq!(
        kinds.iter().filter(|k| **k == MailKind::UserInvitation).count(),
        2
    );
    assert_eq!(
        kinds
            .iter()
            .filter(|k| **k == MailKind::RelationshipRequest)
            .count(),
        1,
        "the refused form wrote nothing"
    );
    assert!(
        outbox.iter().all(|m| m
            .args
            .iter()
            .all(|(k, v)| k != "link" && !v.contains("/set-password/"))),
        "the outbox holds no link: {outbox:?}"
    );

    let received = deliver(&app).await;
    assert!(
        to(&received, "quick@provider.example").is_empty(),
        "no link for a user who has a password"
    );
    let invitation = to(&received, "mailed@provider.example");
    assert_eq!(invitation.len(), 1, "{received:?}");
    assert!(
        invitation[0].contains("Subject: Provider invited you to Partnerdesk"),
        "{}",
        invitation[0]
    );
    let link = captured(&invitation[0], r"https?://[^/\s]+(/set-password/[A-Za-z0-9_-]+)");
    let newcomer = Visitor::new(&app.base);
    let form = newcomer.get(&link).await;
    assert_eq!(form.status, StatusCode::OK, "the mailed link works");
    assert!(form.contains("mailed@provider.example"));

    let request = to(&received, "it@mailed.example");
    assert_eq!(request.len(), 1, "{received:?}");
    assert!(request[0].contains("asks to become a reseller for your organization"));
    let link = captured(
        &request[0],
        r"https?://[^/\s]+(/customer/invitations/[A-Za-z0-9_-]+)",
    );
    let customer = customer_admin(&app, &created).await;
    let opened = customer.get(&link).await;
    assert_eq!(opened.status, StatusCode::OK, "{}", opened.text);
    assert!(opened.contains(&app.provider.name));
    assert!(deliver(&app).await.is_empty(), "each message is sent once");
}

#[tokio::test]
async fn a_customer_hears_of_its_invoice_in_its_language() {
    let app = TestApp::spawn().await;
    let mut body = customer_body("facture");
    body["billingProfile"]["email"] = serde_json::json!("compta@facture.example");
    body["billingProfile"]["culture"] = serde_json::json!("fr-FR");
    body["billingProfile"]["language"] = serde_json::json!("fr");
    body["billingProfile"]["defaultAddress"] = serde_json::json!({
        "country": "FR", "city": "Paris", "addressLine1": "1 rue de Rivoli", "postalCode": "75001",
        "firstName": "Claire", "lastName": "Martin", "phoneNumber": "01 23 45 67 89"
    });
    body["agreement"]["primaryContact"]["phoneNumber"] = serde_json::json!("01 23 45 67 89");
    app.create_customer(&body).await;
    let next_month = partnerdesk_domain::billing::calendar::add_months(OffsetDateTime::now_utc().date(), 1)
        .unwrap_or_else(|e| panic!("{e}"));
    app.store
        .run_billing(next_month)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let received = deliver(&app).await;
    let mails = to(&received, "compta@facture.example");
    assert_eq!(mails.len(), 1, "{received:?}");
    let mail = &mails[0];
    assert!(mail.contains("Voir la facture"), "{mail}");
    let amount = captured(mail, r"Total : ([^\n<]+)\.");
    assert!(amount.contains(','), "a French amount: {amount}");
    let path = captured(mail, r"https?://[^/\s]+(/customer/invoices/[0-9a-f-]{36})");
    let invoices = app.store.outbox(None, false, 50).await.unwrap_or_default();
    assert!(
        invoices
            .iter()
            .any(|m| m.kind == MailKind::InvoiceReady && m.recipient == "compta@facture.example")
    );
    assert!(path.starts_with("/customer/invoices/"));
}
