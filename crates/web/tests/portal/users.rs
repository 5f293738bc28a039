//! Users (invitations, one-time set-password links, roles, deactivation) and API tokens
//! from the portal.

use partnerdesk_domain::partner::Role;
use reqwest::StatusCode;

use crate::browser::Visitor;
use crate::support::TestApp;

fn captured(html: &str, pattern: &str) -> String {
    regex::Regex::new(pattern)
        .ok()
        .and_then(|re| re.captures(html).map(|c| c[1].to_owned()))
        .unwrap_or_else(|| panic!("{pattern} in {html}"))
}

#[tokio::test]
async fn an_invited_user_sets_a_password_once_and_admins_manage_roles() {
    let app = TestApp::spawn().await;
    let admin = Visitor::new_user(&app, Role::AdminAgent, "boss@provider.example").await;
    let users = admin.get("/users").await;
    assert_eq!(users.status, StatusCode::OK);
    let csrf = users.csrf();
    let long_name = "N".repeat(101);
    let bad = admin
        .post(
            "/users",
            &[
                ("csrf", &csrf),
                ("email", "not-an-email"),
                ("displayName", &long_name),
                ("role", "sales-agent"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad.value_of("email").as_deref(), Some("not-an-email"));
    assert_eq!(bad.value_of("displayName").as_deref(), Some(long_name.as_str()));
    assert!(
        bad.contains(r#"id="displayName-error">Use at most 100 characters."#),
        "both fields' errors at once: {}",
        bad.html
    );
    let invited = admin
        .post(
            "/users",
            &[
                ("csrf", &csrf),
                ("email", "New.Seller@provider.example"),
                ("displayName", "  Nia   Seller "),
                ("role", "sales-agent"),
            ],
        )
        .await;
    assert_eq!(invited.status, StatusCode::SEE_OTHER, "post, redirect, get");
    let invited = admin.follow(invited).await;
    assert!(
        invited.contains(r#"data-testid="user-name">Nia Seller</td>"#),
        "the name given is listed: {}",
        invited.html
    );
    let link = captured(
        &invited.html,
        r#"data-testid="invite-link">https?://[^/]+(/set-password/[^<]+)<"#,
    );
    let again = admin
        .post(
            "/users",
            &[
                ("csrf", &csrf),
                ("email", "new.seller@provider.example"),
                ("role", "sales-agent"),
            ],
        )
        .await;
    assert!(again.contains("A user with this email exists already."));
    assert!(
        !admin.get("/users").await.html.contains("invite-link"),
        "a reload doesn't show the link again"
    );

    let newcomer = Visitor::new(&app.base);
    let form = newcomer.get(&link).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.contains("new.seller@provider.example"));
    let link_csrf = form.csrf();
    let short = newcomer
        .post(
            &link,
            &[
                ("csrf", &link_csrf),
                ("newPassword", "short"),
                ("confirmPassword", "short"),
            ],
        )
        .await;
    assert!(short.contains("Use at least 12 characters."));
    let typo = newcomer
        .post(
            &link,
            &[
                ("csrf", &link_csrf),
                ("newPassword", "a long passphrase"),
                ("confirmPassword", "a long passphrase!"),
            ],
        )
        .await;
    assert!(typo.contains("The two passwords differ"));
    let set = newcomer
        .post(
            &link,
            &[
                ("csrf", &link_csrf),
                ("newPassword", "a long passphrase"),
                ("confirmPassword", "a long passphrase"),
            ],
        )
        .await;
    assert_eq!(set.location.as_deref(), Some("/sign-in"));
    assert!(newcomer.follow(set).await.contains("Your password is set."));
    assert!(
        !newcomer.get("/sign-in").await.contains("Your password is set."),
        "the message is shown once"
    );
    assert_eq!(
        newcomer.get(&link).await.status,
        StatusCode::NOT_FOUND,
        "the link works once"
    );
    Visitor::sign_in(&app.base, "new.seller@provider.example", "a long passphrase").await;

    let users = admin.get("/users").await;
    let seller_id = captured(
        &users.html,
        r#"action="/users/([0-9a-f-]+)"[^>]*>\s*<input type="hidden" name="csrf" value="[^"]*">\s*<label for="role-[0-9a-f-]+" class="visually-hidden">Role of new.seller"#,
    );
    let promoted = admin
        .post(
            &format!("/users/{seller_id}"),
            &[("csrf", &csrf), ("action", "save"), ("role", "billing-admin")],
        )
        .await;
    assert_eq!(promoted.status, StatusCode::SEE_OTHER);
    let asked = admin
        .post(
            &format!("/users/{seller_id}"),
            &[
                ("csrf", &csrf),
                ("action", "deactivate"),
                ("role", "billing-admin"),
            ],
        )
        .await;
    assert_eq!(asked.status, StatusCode::OK, "deactivating asks first");
    assert!(asked.contains("Deactivate new.seller@provider.example?"));
    let deactivated = admin
        .post(
            &format!("/users/{seller_id}"),
            &[("csrf", &csrf), ("action", "deactivate"), ("confirmed", "yes")],
        )
        .await;
    assert_eq!(deactivated.status, StatusCode::SEE_OTHER);
    assert!(
        admin
            .follow(deactivated)
            .await
            .contains("The user was deactivated")
    );
    let (user, _) = app
        .store
        .partner_user_by_email("new.seller@provider.example")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((user.role, user.active), (Role::BillingAdmin, false));
    let refused = Visitor::new(&app.base);
    let form = refused.get("/sign-in").await;
    let signed = refused
        .post(
            "/sign-in",
            &[
                ("csrf", &form.csrf()),
                ("email", "new.seller@provider.example"),
                ("password", "a long passphrase"),
            ],
        )
        .await;
    assert_eq!(
        signed.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a deactivated user can't sign in"
    );

    let admins: Vec<_> = app
        .store
        .partner_users(app.provider.id)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .filter(|u| u.role == Role::AdminAgent && u.active)
        .collect();
    for other in admins.iter().filter(|u| u.email != "boss@provider.example") {
        let path = format!("/users/{}", other.id);
        let response = admin
            .post(
                &path,
                &[("csrf", &csrf), ("action", "deactivate"), ("confirmed", "yes")],
            )
            .await;
        assert_eq!(response.status, StatusCode::SEE_OTHER);
    }
    let me = admins
        .iter()
        .find(|u| u.email == "boss@provider.example")
        .map(|u| u.id.to_string())
        .unwrap_or_default();
    let last = admin
        .post(
            &format!("/users/{me}"),
            &[("csrf", &csrf), ("action", "save"), ("role", "sales-agent")],
        )
        .await;
    assert_eq!(last.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(last.contains("at least one active admin agent"));

    let log = admin.get("/activity?action=user-role-changed").await;
    assert!(log.contains("from Sales agent to Billing admin"), "{}", log.text);
    assert!(admin.get("/activity").await.contains("User invited"));

    let seller = Visitor::new_user(&app, Role::SalesAgent, "sales@provider.example").await;
    assert_eq!(seller.get("/users").await.status, StatusCode::FORBIDDEN);
    let seller_csrf = seller.get("/tokens").await.csrf();
    let post = seller
        .post(
            "/users",
            &[
                ("csrf", &seller_csrf),
                ("email", "x@provider.example"),
                ("role", "admin-agent"),
            ],
        )
        .await;
    assert_eq!(post.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn tokens_are_shown_once_and_revoked_by_their_owner_or_an_admin() {
    let app = TestApp::spawn().await;
    let seller = Visitor::new_user(&app, Role::SalesAgent, "sales@provider.example").await;
    let page = seller.get("/tokens").await;
    let csrf = page.csrf();
    let unnamed = seller.post("/tokens", &[("csrf", &csrf), ("name", " ")]).await;
    assert_eq!(unnamed.status, StatusCode::UNPROCESSABLE_ENTITY);
    let created = seller
        .post("/tokens", &[("csrf", &csrf), ("name", "billing sync")])
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "post, redirect, get");
    let created = seller.follow(created).await;
    let token = captured(&created.html, r#"data-testid="new-token">([^<]+)<"#);
    assert!(!seller.get("/tokens").await.html.contains(&token), "shown once");
    let api = app
        .request_as(&token, reqwest::Method::GET, "/v1/customers")
        .send()
        .await;
    assert_eq!(api.map(|r| r.status()).ok(), Some(StatusCode::OK));

    let admin = Visitor::new_user(&app, Role::AdminAgent, "boss@provider.example").await;
    let all = admin.get("/tokens").await;
    assert!(all.contains("sales@provider.example") && all.contains("billing sync"));
    let own = seller.get("/tokens").await;
    assert!(
        !own.contains("admin@provider.example"),
        "others' tokens aren't listed"
    );
    let admins_token = app
        .store
        .api_tokens(app.provider.id, None)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .find(|t| t.user_email == "admin@provider.example")
        .map(|t| t.id.to_string())
        .unwrap_or_default();
    assert!(all.html.contains(&format!("/tokens/{admins_token}/revoke")));
    let foreign = seller
        .post(&format!("/tokens/{admins_token}/revoke"), &[("csrf", &csrf)])
        .await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);

    let mine = captured(&own.html, r#"action="/tokens/([0-9a-f-]+)/revoke""#);
    let asked = seller
        .post(&format!("/tokens/{mine}/revoke"), &[("csrf", &csrf)])
        .await;
    assert_eq!(asked.status, StatusCode::OK, "revoking asks first");
    assert!(asked.contains("Revoke the API token billing sync?"));
    let revoked = seller
        .post(
            &format!("/tokens/{mine}/revoke"),
            &[("csrf", &csrf), ("confirmed", "yes")],
        )
        .await;
    assert_eq!(revoked.status, StatusCode::SEE_OTHER);
    assert!(seller.get("/tokens").await.contains("Revoked on"));
    assert_eq!(
        app.store
            .authenticate_token(partnerdesk_secrets::sha256(token.as_bytes()))
            .await
            .unwrap_or_else(|e| panic!("{e}")),
        None
    );
    let log = admin.get("/activity?action=token-revoked").await;
    assert!(log.contains("billing sync") && !log.contains(&token));
}

#[tokio::test]
async fn a_provider_invites_a_reseller_whose_admin_sets_a_password_and_signs_in() {
    let app = TestApp::spawn().await;
    let admin = Visitor::new_user(&app, Role::AdminAgent, "boss@provider.example").await;
    let page = admin.get("/resellers").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.text.matches("<tr>").count(),
        3,
        "the two demo resellers and a header"
    );
    let csrf = page.csrf();
    let empty = admin
        .post(
            "/resellers",
            &[("csrf", &csrf), ("companyName", " "), ("email", "nope")],
        )
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(empty.html.matches("class=\"error-message\"").count(), 2);
    let invited = admin
        .post(
            "/resellers",
            &[
                ("csrf", &csrf),
                ("companyName", "Fabrikam Resale"),
                ("email", "admin@fabrikam-resale.example"),
            ],
        )
        .await;
    let invited = admin.follow(invited).await;
    let link = captured(
        &invited.html,
        r#"data-testid="invite-link">https?://[^/]+(/set-password/[^<]+)<"#,
    );
    assert!(invited.contains("Fabrikam Resale"));

    let newcomer = Visitor::new(&app.base);
    let form = newcomer.get(&link).await;
    let fields = [
        ("csrf", form.csrf()),
        ("newPassword", "resale passphrase".to_owned()),
        ("confirmPassword", "resale passphrase".to_owned()),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    newcomer.post(&link, &fields).await;
    let reseller = Visitor::sign_in(&app.base, "admin@fabrikam-resale.example", "resale passphrase").await;
    assert!(reseller.get("/customers").await.contains("No customers yet"));
    assert_eq!(
        reseller.get("/customers/new").await.status,
        StatusCode::FORBIDDEN,
        "resellers don't sell"
    );
    assert_eq!(reseller.get("/resellers").await.status, StatusCode::NOT_FOUND);
    let resellers = app
        .store
        .resellers_of(app.provider.id)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(resellers.iter().any(|r| r.name == "Fabrikam Resale"));

    let seller = Visitor::new_user(&app, Role::SalesAgent, "sales@provider.example").await;
    let listed = seller.get("/resellers").await;
    assert!(listed.contains("Fabrikam Resale") && !listed.html.contains("invite-reseller"));
    let post = seller
        .post(
            "/resellers",
            &[
                ("csrf", &listed.csrf()),
                ("companyName", "X"),
                ("email", "x@x.example"),
            ],
        )
        .await;
    assert_eq!(post.status, StatusCode::FORBIDDEN);
    assert!(
        admin
            .get("/activity?action=reseller-invited")
            .await
            .contains("admin@fabrikam-resale.example")
    );
}

#[tokio::test]
async fn an_invitation_is_sent_again_or_revoked_and_the_form_starts_at_the_least_powerful_role() {
    use partnerdesk_domain::mail::MailKind;

    let app = TestApp::spawn().await;
    let admin = Visitor::new_user(&app, Role::AdminAgent, "boss@provider.example").await;
    let users = admin.get("/users").await;
    assert!(
        users.html.contains(r#"<option value="helpdesk-agent" selected>"#),
        "the least powerful role by default"
    );
    assert!(users.contains("Helpdesk agent: works service requests"));
    let csrf = users.csrf();
    let invited = admin
        .post(
            "/users",
            &[
                ("csrf", &csrf),
                ("email", "later@provider.example"),
                ("role", "helpdesk-agent"),
            ],
        )
        .await;
    let shown = admin.follow(invited).await;
    assert!(
        shown.html.contains(r#"data-testid="copy-invite-link""#),
        "a Copy button"
    );
    let first = captured(
        &shown.html,
        r#"data-testid="invite-link">https?://[^/]+(/set-password/[^<]+)<"#,
    );
    let users = admin.get("/users").await;
    assert!(users.contains("Invited, link valid until"), "{}", users.text);
    let id = captured(&users.html, r#"action="/users/([0-9a-f-]+)/invitation""#);
    let invitation = format!("/users/{id}/invitation");

    let again = admin
        .post(&invitation, &[("csrf", &csrf), ("action", "resend")])
        .await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    let shown = admin.follow(again).await;
    let second = captured(
        &shown.html,
        r#"data-testid="invite-link">https?://[^/]+(/set-password/[^<]+)<"#,
    );
    assert_ne!(first, second, "a new link");
    let mails = app.store.outbox(None, true, 10).await.unwrap_or_default();
    assert_eq!(
        mails
            .iter()
            .filter(|m| m.kind == MailKind::UserInvitation && m.recipient == "later@provider.example")
            .count(),
        2,
        "mailed each time"
    );

    let revoked = admin
        .post(&invitation, &[("csrf", &csrf), ("action", "revoke")])
        .await;
    assert_eq!(revoked.status, StatusCode::SEE_OTHER);
    let users = admin.follow(revoked).await;
    assert!(users.contains("The invitation was revoked: its links no longer work."));
    assert!(users.contains("Invitation revoked"));
    let newcomer = Visitor::new(&app.base);
    for link in [&first, &second] {
        assert_eq!(newcomer.get(link).await.status, StatusCode::NOT_FOUND, "{link}");
    }
    let shown = admin
        .follow(
            admin
                .post(&invitation, &[("csrf", &csrf), ("action", "resend")])
                .await,
        )
        .await;
    let third = captured(
        &shown.html,
        r#"data-testid="invite-link">https?://[^/]+(/set-password/[^<]+)<"#,
    );
    assert_eq!(newcomer.get(&third).await.status, StatusCode::OK, "invited again");

    // Someone with a password has no invitation to send or revoke.
    let me = app
        .store
        .partner_users(app.provider.id)
        .await
        .unwrap_or_default()
        .into_iter()
        .find(|u| u.email == "boss@provider.example")
        .map(|u| u.id.to_string())
        .unwrap_or_default();
    let mine = admin
        .post(
            &format!("/users/{me}/invitation"),
            &[("csrf", &csrf), ("action", "revoke")],
        )
        .await;
    assert_eq!(mine.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_token_chosen_to_expire_shows_when_and_when_it_was_last_used_and_is_refused_after() {
    let app = TestApp::spawn().await;
    let owner = Visitor::new_user(&app, Role::AdminAgent, "owner@provider.example").await;
    let csrf = owner.get("/tokens").await.csrf();
    let odd = owner
        .post("/tokens", &[("csrf", &csrf), ("name", "odd"), ("expires", "7")])
        .await;
    assert_eq!(odd.status, StatusCode::BAD_REQUEST, "only the lifetimes offered");
    let created = owner
        .post(
            "/tokens",
            &[("csrf", &csrf), ("name", "quarterly"), ("expires", "90")],
        )
        .await;
    let created = owner.follow(created).await;
    let token = captured(&created.html, r#"data-testid="new-token">([^<]+)<"#);
    let tokens = app
        .store
        .api_tokens(app.provider.id, None)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let quarterly = tokens
        .iter()
        .find(|t| t.name == "quarterly")
        .unwrap_or_else(|| panic!("listed"));
    let expires = quarterly.expires_at.unwrap_or_else(|| panic!("an expiry"));
    let days = (expires - time::OffsetDateTime::now_utc()).whole_days();
    assert!((89..=90).contains(&days), "{days}");
    let listed = owner.get("/tokens").await;
    let expiry = expires.date();
    let shown = format!(
        "{} {}, {}",
        &format!("{:?}", expiry.month())[..3],
        expiry.day(),
        expiry.year()
    );
    assert!(
        listed.contains(&shown),
        "the expiry date {shown}: {}",
        listed.text
    );

    let api = app
        .request_as(&token, reqwest::Method::GET, "/v1/customers")
        .send()
        .await;
    assert_eq!(api.map(|r| r.status()).ok(), Some(StatusCode::OK));
    // The use is written aside; it shows within moments.
    let mut last_used = None;
    for _ in 0..50 {
        let tokens = app
            .store
            .api_tokens(app.provider.id, None)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        last_used = tokens
            .iter()
            .find(|t| t.name == "quarterly")
            .and_then(|t| t.last_used_at);
        if last_used.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(last_used.is_some(), "the use recorded");

    // A token past its expiry is refused as a revoked one is.
    let expired = "pd_expired_token_for_the_test";
    let (user, _) = app
        .store
        .partner_user_by_email("owner@provider.example")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let yesterday = time::OffsetDateTime::now_utc() - time::Duration::days(1);
    app.store
        .create_api_token(
            &user,
            "old",
            partnerdesk_secrets::sha256(expired.as_bytes()),
            Some(yesterday),
            partnerdesk_domain::audit::Actor::operator(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let refused = app
        .request_as(expired, reqwest::Method::GET, "/v1/customers")
        .send()
        .await;
    assert_eq!(refused.map(|r| r.status()).ok(), Some(StatusCode::UNAUTHORIZED));
    assert!(owner.get("/tokens").await.contains("Expired on"));
}

#[tokio::test]
async fn the_users_page_says_when_each_last_signed_in() {
    let app = TestApp::spawn().await;
    let admin = Visitor::new_user(&app, Role::AdminAgent, "seen@provider.example").await;
    let csrf = admin.get("/users").await.csrf();
    admin
        .post(
            "/users",
            &[
                ("csrf", &csrf),
                ("email", "unseen@provider.example"),
                ("role", "sales-agent"),
            ],
        )
        .await;
    let page = admin.get("/users").await;
    let cells = regex::Regex::new(
        r#"<td>([^<]+?)(?: <span[^>]*>[^<]*</span>)?</td>[\s\S]*?data-testid="last-sign-in">([^<]+)<"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let seen: Vec<(String, String)> = cells
        .captures_iter(&page.html)
        .map(|c| (c[1].to_owned(), c[2].to_owned()))
        .collect();
    let of = |email: &str| seen.iter().find(|(e, _)| e == email).map(|(_, s)| s.clone());
    let today = time::OffsetDateTime::now_utc().date();
    assert_eq!(
        of("unseen@provider.example").as_deref(),
        Some("Never"),
        "{seen:?}"
    );
    let signed_in = of("seen@provider.example").unwrap_or_default();
    assert!(
        signed_in.contains(&today.year().to_string()) && signed_in != "Never",
        "{seen:?}"
    );
}

#[tokio::test]
async fn a_user_with_a_name_is_called_by_it_in_the_header_and_in_activity() {
    let app = TestApp::spawn().await;
    let admin = Visitor::new_user(&app, Role::AdminAgent, "ana@provider.example").await;
    let users = admin.get("/users").await;
    assert!(
        users.contains("Signed in as ana@provider.example"),
        "no name yet: the email"
    );
    let csrf = users.csrf();
    let invite = [
        ("csrf", csrf.as_str()),
        ("email", "before@provider.example"),
        ("role", "sales-agent"),
    ];
    assert_eq!(admin.post("/users", &invite).await.status, StatusCode::SEE_OTHER);
    let saved = admin
        .post(
            "/settings",
            &[("csrf", &csrf), ("displayName", "Ana Lee"), ("timeZone", "")],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let activity = admin.get("/activity").await;
    assert!(activity.contains("Signed in as Ana Lee"), "{}", activity.text);
    assert!(
        activity.contains("Ana Lee invited before@provider.example as"),
        "an entry written before the name was given reads with it: {}",
        activity.text
    );
    assert!(!activity.contains("ana@provider.example invited"));
}
