//! The "Add customer" wizard without JavaScript: every step by form posts.

use partnerdesk_domain::partner::Role;
use partnerdesk_domain::profile::{CloudProfile, ProfileName};
use reqwest::StatusCode;

use crate::browser::{Page, Visitor};
use crate::support::TestApp;

async fn admin(app: &TestApp) -> (Visitor, String) {
    let password = app
        .user_with_password(&app.provider, Role::SalesAgent, "sales@provider.example")
        .await;
    (
        Visitor::sign_in(&app.base, "sales@provider.example", &password).await,
        password,
    )
}

/// A complete Account info form for a US customer at `prefix`.
fn account(prefix: &str) -> Vec<(&'static str, String)> {
    [
        ("companyName", "Northwind Traders".to_owned()),
        ("country", "US".into()),
        ("addressLine1", "1 Main St".into()),
        ("addressLine2", String::new()),
        ("city", "Redmond".into()),
        ("state", "WA".into()),
        ("postalCode", "98052".into()),
        ("phoneNumber", "425 555 0101".into()),
        ("firstName", "Ana".into()),
        ("lastName", "Lee".into()),
        ("email", "ana@northwind.example".into()),
        ("domainPrefix", prefix.into()),
        ("agreementShown", "1".into()),
        ("agreementAccepted", "yes".into()),
        ("signerFirstName", "Ana".into()),
        ("signerLastName", "Lee".into()),
        ("signerEmail", "ana@northwind.example".into()),
        ("signerPhoneNumber", "425 555 0101".into()),
        ("dateAgreed", "2026-11-01".into()),
    ]
    .into_iter()
    .collect()
}

async fn post(
    visitor: &Visitor,
    path: &str,
    csrf: &str,
    fields: &[(&'static str, String)],
    action: &str,
) -> Page {
    let mut form: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    form.push(("csrf", csrf));
    form.push(("action", action));
    visitor.post(path, &form).await
}

/// Goes from Account info to the Review.
async fn to_review(visitor: &Visitor, prefix: &str) -> Page {
    let page = visitor.follow(visitor.get("/customers/new").await).await;
    let csrf = page.csrf();
    let next = post(visitor, "/customers/new/account", &csrf, &account(prefix), "next").await;
    assert_eq!(
        next.location.as_deref(),
        Some("/customers/new/subscriptions"),
        "{}",
        next.html
    );
    let offers = [
        ("offer", "PDC-MAIL-STD".to_owned()),
        ("quantity-PDC-MAIL-STD", "10".into()),
        ("offer", "PDC-SEC-ENDPOINT".into()),
        ("quantity-PDC-SEC-ENDPOINT", "25".into()),
        ("quantity-PDC-APP-CRM", "4".into()),
    ];
    let review = post(visitor, "/customers/new/subscriptions", &csrf, &offers, "next").await;
    assert_eq!(
        review.location.as_deref(),
        Some("/customers/new/review"),
        "{}",
        review.html
    );
    visitor.get("/customers/new/review").await
}

#[tokio::test]
async fn the_whole_wizard_works_without_javascript() {
    let app = TestApp::spawn().await;
    let (visitor, _) = admin(&app).await;
    let start = visitor.follow(visitor.get("/customers/new").await).await;
    assert!(start.contains("Account info") && start.contains("data-testid=\"next-subscriptions\""));
    let chosen = post(
        &visitor,
        "/customers/new/account",
        &start.csrf(),
        &[("country", "BR".into())],
        "country",
    )
    .await;
    assert_eq!(chosen.status, StatusCode::OK);
    assert!(
        chosen.contains("name=\"organizationRegistrationNumber\""),
        "Brazil takes a registration number"
    );
    assert!(
        chosen.contains("<option value=\"SP\">São Paulo</option>"),
        "Brazil's states"
    );

    let checked = post(
        &visitor,
        "/customers/new/account",
        &start.csrf(),
        &[("domainPrefix", "northwind".into())],
        "check-domain",
    )
    .await;
    assert!(checked.contains("northwind.onmicrosoft.com is available."));

    let review = to_review(&visitor, "northwind").await;
    for text in [
        "Northwind Traders",
        "United States",
        "Washington",
        "(425) 555-0101",
        "northwind.onmicrosoft.com",
        "Accepted by Ana Lee on Nov 1, 2026",
        "Business Mail Standard",
        "Endpoint Protection",
        "data-testid=\"submit\"",
    ] {
        assert!(review.contains(text), "{text}");
    }
    assert!(
        !review.contains("Sales CRM"),
        "an offer with a typed count but not ticked is not ordered"
    );
    let before = app.rows().await;
    let submitted = visitor
        .post(
            "/customers/new/review",
            &[("csrf", &review.csrf()), ("action", "submit")],
        )
        .await;
    assert_eq!(submitted.location.as_deref(), Some("/customers/new/confirmation"));
    let confirmation = visitor.get("/customers/new/confirmation").await;
    assert!(confirmation.contains(r#"data-testid="admin-username">admin@northwind.onmicrosoft.com<"#));
    let password = regex::Regex::new(r#"data-testid="admin-password">([A-Za-z0-9]+)<"#)
        .ok()
        .and_then(|re| re.captures(&confirmation.html).map(|c| c[1].to_owned()))
        .unwrap_or_else(|| panic!("the password"));
    let after = app.rows().await;
    assert_eq!(after["customers"] - before["customers"], 1);
    assert_eq!(after["subscriptions"] - before["subscriptions"], 2);
    assert_eq!(after["agreements"] - before["agreements"], 1);
    let stored = partnerdesk_store::testing::customer_admin_password_hash(
        &app.store,
        "admin@northwind.onmicrosoft.com",
    )
    .await;
    assert!(partnerdesk_secrets::verify_password(
        &password,
        &stored.unwrap_or_default()
    ));

    let done = visitor
        .post("/customers/new/done", &[("csrf", &confirmation.csrf())])
        .await;
    let customer = visitor.follow(done).await;
    assert!(customer.contains("Northwind Traders") && customer.contains("Business Mail Standard"));
    let again = visitor.get("/customers/new/confirmation").await;
    assert_eq!(
        again.location.as_deref(),
        Some("/customers/new"),
        "the password isn't shown after Done"
    );
    let list = visitor.get("/customers").await;
    assert!(list.contains("northwind.onmicrosoft.com"));
}

#[tokio::test]
async fn a_double_submit_creates_one_customer_and_both_answers_show_it() {
    let app = TestApp::spawn().await;
    let (visitor, _) = admin(&app).await;
    let review = to_review(&visitor, "twice").await;
    let csrf = review.csrf();
    let key = review.value_of("submitKey").unwrap_or_default();
    let form = [
        ("csrf", csrf.as_str()),
        ("submitKey", key.as_str()),
        ("action", "submit"),
    ];
    let (a, b) = tokio::join!(
        visitor.post("/customers/new/review", &form),
        visitor.post("/customers/new/review", &form)
    );
    assert_eq!(a.location.as_deref(), Some("/customers/new/confirmation"));
    assert_eq!(b.location.as_deref(), Some("/customers/new/confirmation"));
    let resent = visitor.post("/customers/new/review", &form).await;
    assert_eq!(resent.location.as_deref(), Some("/customers/new/confirmation"));
    assert_eq!(app.rows().await["customers"], 1);
    let confirmation = visitor.get("/customers/new/confirmation").await;
    assert!(
        confirmation.contains("data-testid=\"admin-password\""),
        "the password, in this session"
    );
    let reloaded = visitor.get("/customers/new/confirmation").await;
    assert!(reloaded.contains("admin@twice.onmicrosoft.com"));
    assert!(
        !reloaded.contains("data-testid=\"admin-password\""),
        "the password is shown on the first view only"
    );
    let resent = visitor.post("/customers/new/review", &form).await;
    assert_eq!(resent.location.as_deref(), Some("/customers/new/confirmation"));
    assert!(
        !visitor
            .follow(resent)
            .await
            .contains("data-testid=\"admin-password\""),
        "nor after the form is sent again"
    );
    assert_eq!(app.rows().await["customers"], 1);
}

#[tokio::test]
async fn the_password_is_shown_only_in_the_session_that_created_the_customer() {
    let app = TestApp::spawn().await;
    let (visitor, password) = admin(&app).await;
    let review = to_review(&visitor, "oncetenant").await;
    visitor
        .post(
            "/customers/new/review",
            &[("csrf", &review.csrf()), ("action", "submit")],
        )
        .await;
    let elsewhere = Visitor::sign_in(&app.base, "sales@provider.example", &password).await;
    let confirmation = elsewhere.get("/customers/new/confirmation").await;
    assert_eq!(
        confirmation.location.as_deref(),
        Some("/customers/new"),
        "another session has no confirmation to show"
    );
    let next = elsewhere.follow(confirmation).await;
    assert!(!next.contains("data-testid=\"admin-password\""));
    assert!(
        next.contains("Account info") && !next.contains("oncetenant"),
        "a new customer starts"
    );
    let shown = visitor.get("/customers/new/confirmation").await;
    assert!(shown.contains("data-testid=\"admin-password\""));
    let again = visitor.get("/customers/new").await;
    let fresh = visitor.follow(again).await;
    assert!(
        fresh.value_of("companyName").unwrap_or_default().is_empty(),
        "Add customer starts a new customer once the last was submitted"
    );
}

#[tokio::test]
async fn the_draft_survives_a_reload_and_signing_in_again() {
    let app = TestApp::spawn().await;
    let (visitor, password) = admin(&app).await;
    let start = visitor.follow(visitor.get("/customers/new").await).await;
    let partial = [
        ("companyName", "Half Done GmbH & Co".to_owned()),
        ("country", "DE".into()),
        ("city", "Berlin".into()),
    ];
    post(
        &visitor,
        "/customers/new/account",
        &start.csrf(),
        &partial,
        "country",
    )
    .await;
    let reloaded = visitor.get("/customers/new/account").await;
    assert_eq!(
        reloaded.value_of("companyName").as_deref(),
        Some("Half Done GmbH & Co")
    );
    visitor.post("/sign-out", &[("csrf", &reloaded.csrf())]).await;
    let again = Visitor::sign_in(&app.base, "sales@provider.example", &password).await;
    let resumed = again.follow(again.get("/customers/new").await).await;
    assert_eq!(resumed.value_of("city").as_deref(), Some("Berlin"));
    assert!(resumed.contains(r#"<option value="DE" selected>Germany</option>"#));
    assert!(
        resumed.contains(r#"<option value="de-DE" selected>Deutsch (de-DE)</option>"#),
        "cultures are named in their own language and default to the country's"
    );
}

#[tokio::test]
async fn a_draft_older_than_the_configured_age_is_not_resumed() {
    let global = CloudProfile::builtin(ProfileName::Global).unwrap_or_else(|| unreachable!());
    let mut settings = partnerdesk_web::Settings::new(global);
    settings.draft_max_age = time::Duration::ZERO;
    let app = TestApp::spawn_configured(settings).await;
    let (visitor, _) = admin(&app).await;
    let start = visitor.follow(visitor.get("/customers/new").await).await;
    let next = post(
        &visitor,
        "/customers/new/account",
        &start.csrf(),
        &account("stale"),
        "next",
    )
    .await;
    assert_eq!(next.location.as_deref(), Some("/customers/new/subscriptions"));
    let again = visitor.follow(visitor.get("/customers/new").await).await;
    assert_eq!(
        again.value_of("companyName").as_deref(),
        Some(""),
        "{}",
        again.html
    );
}

#[tokio::test]
async fn update_from_review_returns_to_the_step_then_to_the_review_with_nothing_lost() {
    let app = TestApp::spawn().await;
    let (visitor, _) = admin(&app).await;
    let review = to_review(&visitor, "updated").await;
    let csrf = review.csrf();
    let back = visitor
        .post(
            "/customers/new/review",
            &[("csrf", &csrf), ("action", "update-account")],
        )
        .await;
    assert_eq!(back.location.as_deref(), Some("/customers/new/account"));
    let account_page = visitor.get("/customers/new/account").await;
    assert_eq!(
        account_page.value_of("signerEmail").as_deref(),
        Some("ana@northwind.example")
    );
    assert!(account_page.contains("Next: Review"));
    let mut changed = account("updated");
    changed[0].1 = "Northwind Renamed".into();
    let to_review = post(&visitor, "/customers/new/account", &csrf, &changed, "next").await;
    assert_eq!(to_review.location.as_deref(), Some("/customers/new/review"));
    let review = visitor.get("/customers/new/review").await;
    assert!(review.contains("Northwind Renamed") && review.contains("Endpoint Protection"));

    visitor
        .post(
            "/customers/new/review",
            &[("csrf", &csrf), ("action", "update-subscriptions")],
        )
        .await;
    let offers = visitor.get("/customers/new/subscriptions").await;
    assert!(offers.contains(r#"value="PDC-SEC-ENDPOINT" id="offer-PDC-SEC-ENDPOINT" checked"#));
    assert!(offers.contains(r#"name="quantity-PDC-SEC-ENDPOINT" value="25""#));
    assert!(
        offers.contains(r#"name="quantity-PDC-APP-CRM" value="4""#),
        "an untried count is kept too"
    );
    let fewer = [
        ("offer", "PDC-MAIL-STD".to_owned()),
        ("quantity-PDC-MAIL-STD", "12".into()),
    ];
    let to_review = post(&visitor, "/customers/new/subscriptions", &csrf, &fewer, "next").await;
    assert_eq!(to_review.location.as_deref(), Some("/customers/new/review"));
    let review = visitor.get("/customers/new/review").await;
    assert!(
        review.contains("Northwind Renamed")
            && !review.contains("Endpoint Protection")
            && review.contains(">12<")
    );
}

#[tokio::test]
async fn a_count_typed_without_ticking_its_offer_orders_it() {
    let app = TestApp::spawn().await;
    let (visitor, _) = admin(&app).await;
    let start = visitor.follow(visitor.get("/customers/new").await).await;
    let csrf = start.csrf();
    post(
        &visitor,
        "/customers/new/account",
        &csrf,
        &account("typedcount"),
        "next",
    )
    .await;
    let offers = visitor.get("/customers/new/subscriptions").await;
    assert!(
        offers.contains(r#"name="shown-quantity-PDC-APP-CRM" value="1""#),
        "{}",
        offers.html
    );
    let typed = [
        ("offer", "PDC-MAIL-STD".to_owned()),
        ("quantity-PDC-MAIL-STD", "10".into()),
        ("shown-quantity-PDC-MAIL-STD", "1".into()),
        // Typed, not ticked: ordered.
        ("quantity-PDC-APP-CRM", "6".into()),
        ("shown-quantity-PDC-APP-CRM", "1".into()),
        // Left as shown, not ticked: not ordered.
        ("quantity-PDC-SEC-ENDPOINT", "5".into()),
        ("shown-quantity-PDC-SEC-ENDPOINT", "5".into()),
    ];
    let next = post(&visitor, "/customers/new/subscriptions", &csrf, &typed, "next").await;
    assert_eq!(
        next.location.as_deref(),
        Some("/customers/new/review"),
        "{}",
        next.html
    );
    let review = visitor.get("/customers/new/review").await;
    assert!(review.contains("Business Mail Standard") && review.contains("Sales CRM Standard"));
    let back = visitor.get("/customers/new/subscriptions").await;
    assert!(back.contains(r#"value="PDC-APP-CRM" id="offer-PDC-APP-CRM" checked"#));
    assert!(
        back.contains(r#"name="quantity-PDC-APP-CRM" value="6""#),
        "the typed count: {}",
        back.html
    );
    assert!(
        !back.contains(r#"name="shown-quantity-PDC-APP-CRM""#),
        "an offer shown ticked carries no shown count: unticking it always drops it"
    );
    assert!(
        !review.contains("Endpoint Protection"),
        "an untouched offer is not ordered"
    );
    // Unticked now, its count kept: dropped.
    let unticked = [
        ("offer", "PDC-MAIL-STD".to_owned()),
        ("quantity-PDC-MAIL-STD", "10".into()),
        ("quantity-PDC-APP-CRM", "6".into()),
    ];
    post(&visitor, "/customers/new/subscriptions", &csrf, &unticked, "next").await;
    let review = visitor.get("/customers/new/review").await;
    assert!(review.contains("Business Mail Standard") && !review.contains("Sales CRM Standard"));
}

#[tokio::test]
async fn wrong_values_are_shown_beside_their_fields_in_the_users_language_and_kept() {
    let app = TestApp::spawn().await;
    let (visitor, _) = admin(&app).await;
    let start = visitor.follow(visitor.get("/customers/new").await).await;
    let csrf = start.csrf();
    visitor
        .post(
            "/language",
            &[
                ("csrf", &csrf),
                ("locale", "fr-FR"),
                ("next", "/customers/new/account"),
            ],
        )
        .await;
    let mut wrong = account("bad-prefix");
    wrong[0].1 = "<script>alert('x')</script>".into();
    wrong[6].1 = "9805".into();
    wrong[10].1 = "not an email".into();
    wrong.retain(|(k, _)| *k != "agreementAccepted");
    let refused = post(&visitor, "/customers/new/account", &csrf, &wrong, "next").await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.contains("id=\"error-summary\"") && refused.contains("autofocus"));
    for (field, message) in [
        (
            "postalCode",
            "Ce code postal ne correspond pas au format utilisé dans le pays sélectionné, par exemple 12345.",
        ),
        (
            "email",
            "Entrez une adresse e-mail, par exemple name@example.com.",
        ),
        (
            "domainPrefix",
            "Utilisez uniquement les lettres a–z et les chiffres 0–9",
        ),
        (
            "agreementAccepted",
            "Confirmez que le client a accepté le contrat client.",
        ),
    ] {
        assert!(
            refused.contains(&format!("<a href=\"#{field}\">")),
            "{field} is in the summary"
        );
        assert!(
            refused.contains(&format!("id=\"{field}-error\">{message}")),
            "{field}: {message}"
        );
        assert!(
            refused
                .html
                .contains(&format!("aria-describedby=\"{field}-hint {field}-error\""))
                || refused
                    .html
                    .contains(&format!("aria-describedby=\"{field}-error\""))
                || refused.html.contains(&format!(
                    "aria-describedby=\"{field}-hint {field}-suffix {field}-error\""
                )),
            "{field} describes its error"
        );
    }
    assert!(
        refused
            .html
            .contains("&#60;script&#62;alert(&#39;x&#39;)&#60;/script&#62;"),
        "escaped"
    );
    assert!(!refused.html.contains("<script>alert"));
    assert_eq!(
        refused.value_of("postalCode").as_deref(),
        Some("9805"),
        "nothing typed is lost"
    );
    assert_eq!(app.rows().await["customers"], 0);
}

#[tokio::test]
async fn subscriptions_need_an_offer_and_counts_in_range() {
    let app = TestApp::spawn().await;
    let (visitor, _) = admin(&app).await;
    let start = visitor.follow(visitor.get("/customers/new").await).await;
    let csrf = start.csrf();
    post(
        &visitor,
        "/customers/new/account",
        &csrf,
        &account("counts"),
        "next",
    )
    .await;
    let none = post(&visitor, "/customers/new/subscriptions", &csrf, &[], "next").await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(none.contains("Choose at least one offer."));
    let out_of_range = [
        ("offer", "PDC-SEC-ENDPOINT".to_owned()),
        ("quantity-PDC-SEC-ENDPOINT", "2".into()),
    ];
    let refused = post(
        &visitor,
        "/customers/new/subscriptions",
        &csrf,
        &out_of_range,
        "next",
    )
    .await;
    assert!(
        refused
            .contains("id=\"quantity-PDC-SEC-ENDPOINT-error\">Enter a number of licenses from 5 to 5,000."),
        "{}",
        refused.html
    );
    let back = post(
        &visitor,
        "/customers/new/subscriptions",
        &csrf,
        &out_of_range,
        "back",
    )
    .await;
    assert_eq!(back.location.as_deref(), Some("/customers/new/account"));
    let skipped = visitor.get("/customers/new/review").await;
    assert_eq!(
        skipped.location.as_deref(),
        Some("/customers/new/subscriptions"),
        "no review before valid offers"
    );
}

#[tokio::test]
async fn an_indirect_provider_associates_the_customer_with_a_reseller() {
    let app = TestApp::spawn().await;
    let (visitor, _) = admin(&app).await;
    let reseller = app.resellers[1].clone();
    let start = visitor.follow(visitor.get("/customers/new").await).await;
    assert!(start.contains(&format!(
        "<option value=\"{}\">Reseller Two</option>",
        reseller.id
    )));
    let mut fields = account("resold");
    fields.push(("associatedPartnerId", reseller.id.to_string()));
    post(&visitor, "/customers/new/account", &start.csrf(), &fields, "next").await;
    let offers = [
        ("offer", "PDC-MAIL-STD".to_owned()),
        ("quantity-PDC-MAIL-STD", "3".into()),
    ];
    post(
        &visitor,
        "/customers/new/subscriptions",
        &start.csrf(),
        &offers,
        "next",
    )
    .await;
    let review = visitor.get("/customers/new/review").await;
    assert!(review.contains("Reseller Two"));
    visitor
        .post(
            "/customers/new/review",
            &[("csrf", &start.csrf()), ("action", "submit")],
        )
        .await;
    let list = visitor.get("/customers").await;
    assert!(list.contains("Reseller Two"));
}

#[tokio::test]
async fn the_china_cloud_has_no_agreement_step_and_its_own_suffix() {
    let china = CloudProfile::builtin(ProfileName::China).unwrap_or_else(|| unreachable!());
    let app = TestApp::spawn_with(china, 0).await;
    let (visitor, _) = admin(&app).await;
    let start = visitor.follow(visitor.get("/customers/new").await).await;
    assert!(start.contains(".partner.onmschina.cn"));
    assert!(!start.contains("agreementAccepted") && !start.contains("indirect-reseller"));
    let mut fields = account("shanghai");
    fields.retain(|(k, _)| !k.starts_with("signer") && !k.starts_with("agreement") && *k != "dateAgreed");
    let next = post(&visitor, "/customers/new/account", &start.csrf(), &fields, "next").await;
    assert_eq!(
        next.location.as_deref(),
        Some("/customers/new/subscriptions"),
        "{}",
        next.html
    );
    let offers = [
        ("offer", "PDC-MAIL-STD".to_owned()),
        ("quantity-PDC-MAIL-STD", "3".into()),
    ];
    post(
        &visitor,
        "/customers/new/subscriptions",
        &start.csrf(),
        &offers,
        "next",
    )
    .await;
    let submitted = visitor
        .post(
            "/customers/new/review",
            &[("csrf", &start.csrf()), ("action", "submit")],
        )
        .await;
    assert_eq!(submitted.location.as_deref(), Some("/customers/new/confirmation"));
    let confirmation = visitor.get("/customers/new/confirmation").await;
    assert!(confirmation.contains("admin@shanghai.partner.onmschina.cn"));
}

#[tokio::test]
async fn a_term_and_billing_plan_are_chosen_with_their_prices_and_ordered() {
    let app = TestApp::spawn().await;
    let (visitor, _) = admin(&app).await;
    let page = visitor.follow(visitor.get("/customers/new").await).await;
    let csrf = page.csrf();
    post(
        &visitor,
        "/customers/new/account",
        &csrf,
        &account("planned"),
        "next",
    )
    .await;
    let offers = visitor.get("/customers/new/subscriptions").await;
    // The offer's own term, billed monthly, is chosen unless another plan is; sales agents
    // see their cost beside the customer's price.
    assert!(
        offers.html.contains(
            r#"<option value="P1M/monthly" selected>One month, billed monthly: $5.00 a license for the term (your cost $4.00)</option>"#
        ),
        "{}",
        offers.html
    );
    assert!(offers.contains("One year, billed monthly: $50.00 a license for the term (your cost $40.00)"));

    let chosen = [
        ("offer", "PDC-MAIL-STD".to_owned()),
        ("quantity-PDC-MAIL-STD", "10".into()),
        ("plan-PDC-MAIL-STD", "P1Y/monthly".into()),
    ];
    let review = post(&visitor, "/customers/new/subscriptions", &csrf, &chosen, "next").await;
    assert_eq!(
        review.location.as_deref(),
        Some("/customers/new/review"),
        "{}",
        review.text
    );
    let review = visitor.get("/customers/new/review").await;
    assert!(review.contains("One year, billed monthly"), "{}", review.text);
    let submitted = visitor
        .post(
            "/customers/new/review",
            &[("csrf", &review.csrf()), ("action", "submit")],
        )
        .await;
    assert_eq!(submitted.location.as_deref(), Some("/customers/new/confirmation"));
    let customers = crate::support::expect(app.get("/v1/customers").await, StatusCode::OK).await;
    let id = customers["items"][0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let subscriptions = crate::support::expect(
        app.get(&format!("/v1/customers/{id}/subscriptions")).await,
        StatusCode::OK,
    )
    .await;
    let mail = &subscriptions["items"][0];
    assert_eq!(
        (mail["termDuration"].as_str(), mail["billingCycle"].as_str()),
        (Some("P1Y"), Some("monthly"))
    );

    // A plan the offer isn't sold on is refused beside the offer, and the choice is kept.
    let page = visitor.follow(visitor.get("/customers/new").await).await;
    post(
        &visitor,
        "/customers/new/account",
        &page.csrf(),
        &account("planned2"),
        "next",
    )
    .await;
    let wrong = [
        ("offer", "PDC-MAIL-STD".to_owned()),
        ("quantity-PDC-MAIL-STD", "10".into()),
        ("plan-PDC-MAIL-STD", "P5Y/weekly".into()),
    ];
    let refused = post(
        &visitor,
        "/customers/new/subscriptions",
        &page.csrf(),
        &wrong,
        "next",
    )
    .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.text
    );
    assert!(refused.contains("Choose a term of P1M (one month), P1Y (one year) or P3Y (three years)."));
}

#[tokio::test]
async fn the_agreement_is_dated_today_and_review_goes_back_or_creates_the_customer() {
    let app = TestApp::spawn().await;
    let (visitor, _) = admin(&app).await;
    let start = visitor.follow(visitor.get("/customers/new").await).await;
    let today = time::OffsetDateTime::now_utc().date().to_string();
    assert_eq!(
        start.value_of("dateAgreed"),
        Some(today),
        "signed today unless told otherwise"
    );
    let review = to_review(&visitor, "backandforth").await;
    assert!(
        review
            .html
            .contains(r#"href="/customers/new/subscriptions" data-testid="back">Back<"#)
    );
    assert!(review.html.contains(r#"data-testid="submit">Create customer<"#));
}
