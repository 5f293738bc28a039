//! Signing in and out, sessions, lockout, CSRF, security headers, languages.

use partnerdesk_domain::partner::Role;
use reqwest::StatusCode;

use crate::browser::Visitor;
use crate::support::TestApp;

#[tokio::test]
async fn signing_in_starts_a_new_session_and_signing_out_ends_it() {
    let app = TestApp::spawn().await;
    let password = app
        .user_with_password(&app.provider, Role::AdminAgent, "ana@provider.example")
        .await;
    let visitor = Visitor::new(&app.base);
    let unsigned = visitor.get("/customers").await;
    assert_eq!(unsigned.location.as_deref(), Some("/sign-in"));

    let form = visitor.get("/sign-in").await;
    let csrf = form.csrf();
    let wrong = visitor
        .post(
            "/sign-in",
            &[
                ("csrf", &csrf),
                ("email", "ana@provider.example"),
                ("password", "nope"),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.contains("The email address or the password is incorrect."));
    let unknown = visitor
        .post(
            "/sign-in",
            &[
                ("csrf", &csrf),
                ("email", "nobody@provider.example"),
                ("password", "nope"),
            ],
        )
        .await;
    assert_eq!(
        unknown.html.contains("incorrect"),
        wrong.html.contains("incorrect"),
        "the same answer for unknown users"
    );

    // A session id planted before signing in (session fixation) is never the one used after.
    let bare = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let fresh = bare
        .get(format!("{}/sign-in", app.base))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let sign_in_cookie = fresh
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| {
            c.split(';')
                .next()
                .filter(|c| c.starts_with("pd_signin="))
                .map(str::to_owned)
        })
        .unwrap_or_else(|| panic!("the sign-in form sets its cookie"));
    let fresh_csrf = Visitor::read(fresh).await.csrf();
    let right = bare
        .post(format!("{}/sign-in", app.base))
        .header(
            "cookie",
            format!("{sign_in_cookie}; pd_session=planted-session-id"),
        )
        .form(&[
            ("csrf", fresh_csrf.as_str()),
            ("email", "ANA@provider.example"),
            ("password", password.as_str()),
        ])
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(right.status(), StatusCode::SEE_OTHER);
    let set_cookie: Vec<String> = right
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_owned))
        .collect();
    let session = set_cookie
        .iter()
        .find(|c| c.starts_with("pd_session="))
        .unwrap_or_else(|| panic!("{set_cookie:?}"));
    assert!(!session.contains("planted"));
    assert!(session.contains("HttpOnly") && session.contains("SameSite=Lax"));

    let signed = visitor
        .post(
            "/sign-in",
            &[
                ("csrf", &csrf),
                ("email", "ana@provider.example"),
                ("password", &password),
            ],
        )
        .await;
    assert_eq!(signed.location.as_deref(), Some("/customers"));
    let customers = visitor.get("/customers").await;
    assert_eq!(customers.status, StatusCode::OK);
    assert!(customers.contains("Provider") && customers.contains("ana@provider.example"));
    let out = visitor.post("/sign-out", &[("csrf", &customers.csrf())]).await;
    assert_eq!(out.location.as_deref(), Some("/sign-in"));
    assert!(visitor.follow(out).await.contains("You signed out."));
    assert_eq!(
        visitor.get("/customers").await.location.as_deref(),
        Some("/sign-in")
    );
}

#[tokio::test]
async fn five_failed_sign_ins_lock_the_user_out() {
    let app = TestApp::spawn().await;
    let password = app
        .user_with_password(&app.provider, Role::SalesAgent, "bo@provider.example")
        .await;
    let visitor = Visitor::new(&app.base);
    let csrf = visitor.get("/sign-in").await.csrf();
    for _ in 0..5 {
        let wrong = visitor
            .post(
                "/sign-in",
                &[
                    ("csrf", &csrf),
                    ("email", "bo@provider.example"),
                    ("password", "guess"),
                ],
            )
            .await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let locked = visitor
        .post(
            "/sign-in",
            &[
                ("csrf", &csrf),
                ("email", "bo@provider.example"),
                ("password", &password),
            ],
        )
        .await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(locked.contains("Too many failed attempts"), "{}", locked.html);
}

#[tokio::test]
async fn forms_without_the_right_csrf_token_change_nothing() {
    let app = TestApp::spawn().await;
    let password = app
        .user_with_password(&app.provider, Role::AdminAgent, "cy@provider.example")
        .await;
    let stranger = Visitor::new(&app.base);
    let forged = stranger
        .post(
            "/sign-in",
            &[
                ("csrf", "forged"),
                ("email", "cy@provider.example"),
                ("password", &password),
            ],
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let visitor = Visitor::sign_in(&app.base, "cy@provider.example", &password).await;
    let changed = visitor
        .post(
            "/customers/new/account",
            &[
                ("csrf", "forged"),
                ("companyName", "Forged Inc"),
                ("action", "country"),
            ],
        )
        .await;
    assert_eq!(changed.status, StatusCode::BAD_REQUEST);
    let form = visitor.get("/customers/new/account").await;
    assert!(!form.contains("Forged Inc"));
    let out = visitor.post("/sign-out", &[("csrf", "forged")]).await;
    assert_eq!(out.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        visitor.get("/customers").await.status,
        StatusCode::OK,
        "still signed in"
    );
}

#[tokio::test]
async fn pages_carry_strict_security_headers() {
    let app = TestApp::spawn().await;
    let page = Visitor::new(&app.base).get("/sign-in").await;
    let header = |name: &str| {
        page.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned()
    };
    let policy = header("content-security-policy");
    assert!(
        policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'"),
        "{policy}"
    );
    assert!(!policy.contains("unsafe-inline"));
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert_eq!(header("referrer-policy"), "same-origin");
    assert!(!page.html.contains("<script>"), "no inline script");
    assert!(!page.html.contains(" style="), "no inline style");
}

#[tokio::test]
async fn the_language_follows_the_browser_then_the_users_choice() {
    let app = TestApp::spawn().await;
    let password = app
        .user_with_password(&app.provider, Role::AdminAgent, "di@provider.example")
        .await;
    let french = Visitor::new(&app.base);
    let page = french
        .client
        .get(format!("{}/sign-in", app.base))
        .header("accept-language", "fr-CA,fr;q=0.9")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .text()
        .await
        .unwrap_or_default();
    assert!(page.contains("lang=\"fr-FR\"") && page.contains("Se connecter"));

    let visitor = Visitor::sign_in(&app.base, "di@provider.example", &password).await;
    let customers = visitor.get("/customers").await;
    let chosen = visitor
        .post(
            "/language",
            &[
                ("csrf", &customers.csrf()),
                ("locale", "ru-RU"),
                ("next", "/customers"),
            ],
        )
        .await;
    assert_eq!(chosen.location.as_deref(), Some("/customers"));
    assert!(visitor.get("/customers").await.contains(">Клиенты<"));
    // Remembered for the user, not only in this browser.
    let elsewhere = Visitor::sign_in(&app.base, "di@provider.example", &password).await;
    let page = elsewhere.get("/customers").await;
    assert!(page.contains("lang=\"ru-RU\""), "{}", page.html);
    let escape = visitor
        .post(
            "/language",
            &[
                ("csrf", &customers.csrf()),
                ("locale", "ru-RU"),
                ("next", "https://evil.example/"),
            ],
        )
        .await;
    assert_eq!(escape.location.as_deref(), Some("/customers"));
}
