//! A second partner invites a customer that exists already; the customer's admin signs
//! in with the confirmation's credentials, changes the password and accepts; each partner
//! then sees its own orders and subscriptions of the customer, and nothing of the other's.

use partnerdesk_domain::partner::{PartnerKind, Role};
use partnerdesk_domain::profile::{CloudProfile, ProfileName};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::browser::Visitor;
use crate::support::{TestApp, customer_body, expect, send};

async fn invitation(app: &TestApp, token: &str) -> String {
    let response = send(app.request_as(token, Method::GET, "/v1/customers/relationshiprequests")).await;
    let body = expect(response, StatusCode::OK).await;
    assert_eq!(body["attributes"]["objectType"], "RelationshipRequest");
    let url = body["url"].as_str().unwrap_or_default().to_owned();
    assert!(url.starts_with(&app.base), "a link on this server: {url}");
    url.trim_start_matches(&app.base).to_owned()
}

fn total(body: &Value) -> i64 {
    body["totalCount"].as_i64().unwrap_or(-1)
}

#[tokio::test]
async fn a_second_partner_is_accepted_by_the_customer_admin_and_sees_only_its_own() {
    let app = TestApp::spawn().await;
    let created = app.create_customer(&customer_body("twopartners")).await;
    let customer = created["id"].as_str().unwrap_or_default().to_owned();
    let user_name = created["userCredentials"]["userName"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let temporary = created["userCredentials"]["password"]
        .as_str()
        .unwrap_or_default()
        .to_owned();

    let other = app
        .store
        .create_partner("Northwind Direct", PartnerKind::Direct)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let other_token = app
        .token_for(&other, Role::AdminAgent, "admin@northwind.example")
        .await;
    let helpdesk = app
        .token_for(&other, Role::HelpdeskAgent, "help@northwind.example")
        .await;
    let refused = send(app.request_as(&helpdesk, Method::GET, "/v1/customers/relationshiprequests")).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let direct_with_reseller = send(app.request_as(
        &other_token,
        Method::GET,
        &format!(
            "/v1/customers/relationshiprequests?indirectResellerId={}",
            app.resellers[0].id
        ),
    ))
    .await;
    assert_eq!(direct_with_reseller.status(), StatusCode::BAD_REQUEST);
    let link = invitation(&app, &other_token).await;

    let admin = Visitor::new(&app.base);
    let first = admin.get(&link).await;
    assert_eq!(
        first.location.as_deref(),
        Some(format!("/customer/sign-in?next={link}").as_str())
    );
    let form = admin.get(first.location.as_deref().unwrap_or_default()).await;
    let csrf = form.csrf();
    let wrong = admin
        .post(
            "/customer/sign-in",
            &[
                ("csrf", &csrf),
                ("email", &user_name),
                ("password", "guess"),
                ("next", &link),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let signed = admin
        .post(
            "/customer/sign-in",
            &[
                ("csrf", &csrf),
                ("email", &user_name),
                ("password", &temporary),
                ("next", &link),
            ],
        )
        .await;
    assert_eq!(
        signed.location.as_deref(),
        Some(format!("/customer/password?next={link}").as_str())
    );
    assert_eq!(
        admin.get("/customer").await.location.as_deref(),
        Some("/customer/password"),
        "the change comes first"
    );

    let change = admin.get(&format!("/customer/password?next={link}")).await;
    assert!(change.html.contains(r#"data-testid="change-password""#));
    let csrf = change.csrf();
    let bad_current = admin
        .post(
            "/customer/password",
            &[
                ("csrf", &csrf),
                ("currentPassword", "nope"),
                ("newPassword", "our own long secret"),
                ("next", &link),
            ],
        )
        .await;
    assert!(bad_current.contains("The current password is wrong."));
    let short = admin
        .post(
            "/customer/password",
            &[
                ("csrf", &csrf),
                ("currentPassword", &temporary),
                ("newPassword", "short"),
                ("next", &link),
            ],
        )
        .await;
    assert!(short.contains("Use at least 12 characters."));
    let changed = admin
        .post(
            "/customer/password",
            &[
                ("csrf", &csrf),
                ("currentPassword", &temporary),
                ("newPassword", "our own long secret"),
                ("next", &link),
            ],
        )
        .await;
    assert_eq!(changed.location.as_deref(), Some(link.as_str()));

    let page = admin.get(&link).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.contains("Northwind Direct asks to become a reseller for your organization."));
    assert!(page.html.contains(r#"data-testid="decline-invitation""#));
    let action = regex::Regex::new(r#"action="(/customer/invitations/[0-9a-f-]+/answer)""#)
        .ok()
        .and_then(|re| re.captures(&page.html).map(|c| c[1].to_owned()))
        .unwrap_or_else(|| panic!("an answer form"));
    let accepted = admin
        .post(&action, &[("csrf", &page.csrf()), ("action", "accept")])
        .await;
    assert_eq!(accepted.location.as_deref(), Some("/customer"));
    let home = admin.follow(accepted).await;
    assert!(
        home.contains("Northwind Direct") && home.contains("Provider"),
        "both partners are listed"
    );
    assert_eq!(
        admin.get(&link).await.status,
        StatusCode::NOT_FOUND,
        "a link is answered once"
    );
    let again = admin
        .post(&action, &[("csrf", &page.csrf()), ("action", "decline")])
        .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);

    let theirs = expect(
        send(app.request_as(&other_token, Method::GET, &format!("/v1/customers/{customer}"))).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(theirs["relationshipToPartner"], "reseller");
    let password = app
        .user_with_password(&other, Role::AdminAgent, "boss@northwind.example")
        .await;
    let partner = Visitor::sign_in(&app.base, "boss@northwind.example", &password).await;
    let sent = partner.get("/customers/relationship-request").await;
    assert!(
        sent.contains(&format!(r#"<a href="/customers/{customer}">twopartners Inc</a>"#))
            && sent.contains("Accepted on"),
        "an accepted request links to its customer: {}",
        sent.html
    );
    let none_yet = send(app.request_as(
        &other_token,
        Method::GET,
        &format!("/v1/customers/{customer}/subscriptions"),
    ))
    .await;
    assert_eq!(
        total(&expect(none_yet, StatusCode::OK).await),
        0,
        "the first partner's subscriptions stay its own"
    );
    let ordered = send(
        app.request_as(
            &other_token,
            Method::POST,
            &format!("/v1/customers/{customer}/orders"),
        )
        .json(&json!({"lineItems": [{"offerId": "PDC-MAIL-STD", "quantity": 3}]})),
    )
    .await;
    expect(ordered, StatusCode::CREATED).await;
    let mine = send(app.request_as(
        &other_token,
        Method::GET,
        &format!("/v1/customers/{customer}/subscriptions"),
    ))
    .await;
    assert_eq!(total(&expect(mine, StatusCode::OK).await), 1);
    let first_partners = expect(
        app.get(&format!("/v1/customers/{customer}/subscriptions")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(total(&first_partners), 2, "and the second's are its own");
    let orders = expect(
        app.get(&format!("/v1/customers/{customer}/orders")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(total(&orders), 1);
    let home = admin.get("/customer").await;
    assert_eq!(
        home.text.matches("Northwind Direct").count(),
        2,
        "the customer sees every partner's subscriptions"
    );

    let log = expect(
        send(app.request_as(
            &other_token,
            Method::GET,
            "/v1/auditrecords?operationType=relationship-accepted",
        ))
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(log["items"][0]["userPrincipalName"], json!(user_name));
    assert_eq!(log["items"][0]["channel"], "customer-portal");
}

/// The customer's admin, signed in with the confirmation's credentials and past the
/// forced password change.
pub(crate) async fn customer_admin(app: &TestApp, created: &Value) -> Visitor {
    let visitor = Visitor::new(&app.base);
    let csrf = visitor.get("/customer/sign-in").await.csrf();
    let user = created["userCredentials"]["userName"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let password = created["userCredentials"]["password"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    visitor
        .post(
            "/customer/sign-in",
            &[("csrf", &csrf), ("email", &user), ("password", &password)],
        )
        .await;
    let form = visitor.get("/customer/password").await;
    let fields = [
        ("csrf", form.csrf()),
        ("currentPassword", password),
        ("newPassword", "a long enough secret".into()),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    visitor.post("/customer/password", &fields).await;
    visitor
}

#[tokio::test]
async fn declined_or_foreign_invitations_give_nothing_and_usgov_offers_none() {
    let app = TestApp::spawn().await;
    let first = app.create_customer(&customer_body("decliner")).await;
    let second = app.create_customer(&customer_body("bystander")).await;
    let other = app
        .store
        .create_partner("Contoso Cloud", PartnerKind::Direct)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let token = app
        .token_for(&other, Role::AdminAgent, "admin@contoso-cloud.example")
        .await;
    let link = invitation(&app, &token).await;

    let decliner = customer_admin(&app, &first).await;
    let page = decliner.get(&link).await;
    assert_eq!(page.status, StatusCode::OK);
    let bystander = customer_admin(&app, &second).await;
    assert_eq!(
        bystander.get(&link).await.status,
        StatusCode::NOT_FOUND,
        "addressed to the first customer now"
    );
    let home = decliner.get("/customer").await;
    assert!(
        home.html.contains(r#"data-testid="accept-invitation""#),
        "listed among the tenant's invitations"
    );
    let action = regex::Regex::new(r#"action="(/customer/invitations/[0-9a-f-]+/answer)""#)
        .ok()
        .and_then(|re| re.captures(&home.html).map(|c| c[1].to_owned()))
        .unwrap_or_default();
    let declined = decliner
        .post(&action, &[("csrf", &home.csrf()), ("action", "decline")])
        .await;
    assert_eq!(declined.location.as_deref(), Some("/customer"));
    let id = first["id"].as_str().unwrap_or_default();
    let response = send(app.request_as(&token, Method::GET, &format!("/v1/customers/{id}"))).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);

    // The partner's page lists its requests and where each stands: one declined (by a
    // customer the partner isn't told of) and a newer one still waiting.
    invitation(&app, &token).await;
    let password = app
        .user_with_password(&other, Role::AdminAgent, "boss@contoso-cloud.example")
        .await;
    let partner = Visitor::sign_in(&app.base, "boss@contoso-cloud.example", &password).await;
    let page = partner.get("/customers/relationship-request").await;
    assert_eq!(page.status, StatusCode::OK);
    let rows: Vec<&str> = page.html.split("<tr data-state=").skip(1).collect();
    assert_eq!(rows.len(), 2, "{}", page.html);
    assert!(
        rows[0].starts_with(r#""sent""#) && rows[0].contains("Sent, valid until"),
        "{}",
        rows[0]
    );
    assert!(rows[0].contains("Link only"));
    assert!(
        rows[1].starts_with(r#""declined""#) && rows[1].contains("Declined on"),
        "{}",
        rows[1]
    );
    assert!(!rows[1].contains("decliner Inc") && !rows[1].contains("href="));

    let usgov = TestApp::spawn_with(
        CloudProfile::builtin(ProfileName::Usgov).unwrap_or_else(|| unreachable!()),
        0,
    )
    .await;
    let refused = usgov.get("/v1/customers/relationshiprequests").await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_customer_sign_in_locks_after_repeated_wrong_passwords() {
    let app = TestApp::spawn().await;
    let created = app.create_customer(&customer_body("guarded")).await;
    let user = created["userCredentials"]["userName"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let password = created["userCredentials"]["password"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let visitor = Visitor::new(&app.base);
    let csrf = visitor.get("/customer/sign-in").await.csrf();
    for _ in 0..5 {
        let wrong = visitor
            .post(
                "/customer/sign-in",
                &[("csrf", &csrf), ("email", &user), ("password", "guess")],
            )
            .await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let locked = visitor
        .post(
            "/customer/sign-in",
            &[("csrf", &csrf), ("email", &user), ("password", &password)],
        )
        .await;
    assert_eq!(
        locked.status,
        StatusCode::TOO_MANY_REQUESTS,
        "even the right password waits"
    );
    assert!(
        locked.contains("Too many failed attempts to sign in."),
        "{}",
        locked.text
    );
}
