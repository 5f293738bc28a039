//! Every role of every partner type against every endpoint and page: who gets in, and that
//! everyone else gets 403 (or 404 for what isn't theirs). The expectations are written out,
//! not derived from the code under test.

use partnerdesk_domain::partner::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::browser::Visitor;
use crate::support::{TestApp, customer_body, send};

/// Who may: `A`dmin agent, `S`ales agent, `H`elpdesk agent, `B`illing admin, as provider
/// and as indirect reseller.
struct Rule {
    what: &'static str,
    provider: &'static str,
    reseller: &'static str,
}

fn letter(role: Role) -> char {
    match role {
        Role::AdminAgent => 'A',
        Role::SalesAgent => 'S',
        Role::HelpdeskAgent => 'H',
        Role::BillingAdmin => 'B',
    }
}

const API: &[Rule] = &[
    Rule {
        what: "GET customers",
        provider: "ASHB",
        reseller: "ASHB",
    },
    Rule {
        what: "POST customers",
        provider: "AS",
        reseller: "",
    },
    Rule {
        what: "PUT billing profile",
        provider: "AHB",
        reseller: "AHB",
    },
    Rule {
        what: "POST agreements",
        provider: "AS",
        reseller: "",
    },
    Rule {
        what: "POST orders",
        provider: "AS",
        reseller: "",
    },
    Rule {
        what: "PATCH order",
        provider: "AS",
        reseller: "",
    },
    Rule {
        what: "PATCH subscription",
        provider: "ASHB",
        reseller: "",
    },
    Rule {
        what: "GET auditrecords",
        provider: "A",
        reseller: "A",
    },
    Rule {
        what: "GET relationshiprequests",
        provider: "AS",
        reseller: "AS",
    },
];

const PAGES: &[Rule] = &[
    Rule {
        what: "/customers",
        provider: "ASHB",
        reseller: "ASHB",
    },
    Rule {
        what: "/customers/new",
        provider: "AS",
        reseller: "",
    },
    Rule {
        what: "/customers/{id}/order",
        provider: "AS",
        reseller: "",
    },
    Rule {
        what: "/customers/relationship-request",
        provider: "AS",
        reseller: "AS",
    },
    Rule {
        what: "/activity",
        provider: "A",
        reseller: "A",
    },
    Rule {
        what: "/users",
        provider: "A",
        reseller: "A",
    },
    Rule {
        what: "/tokens",
        provider: "ASHB",
        reseller: "ASHB",
    },
];

/// Sends the request an endpoint is tested with: allowed, it fails on its input (or
/// succeeds); refused, it is 403 before the input is read.
async fn call(
    app: &TestApp,
    token: &str,
    what: &str,
    customer: &str,
    order: &str,
    subscription: &str,
) -> StatusCode {
    let empty = json!({});
    let (method, path, body): (Method, String, Option<&Value>) = match what {
        "GET customers" => (Method::GET, "/v1/customers".into(), None),
        "POST customers" => (Method::POST, "/v1/customers".into(), Some(&empty)),
        "PUT billing profile" => (
            Method::PUT,
            format!("/v1/customers/{customer}/profiles/billing"),
            Some(&empty),
        ),
        "POST agreements" => (
            Method::POST,
            format!("/v1/customers/{customer}/agreements"),
            Some(&empty),
        ),
        "POST orders" => (
            Method::POST,
            format!("/v1/customers/{customer}/orders"),
            Some(&empty),
        ),
        "PATCH order" => (
            Method::PATCH,
            format!("/v1/customers/{customer}/orders/{order}"),
            Some(&empty),
        ),
        "PATCH subscription" => (
            Method::PATCH,
            format!("/v1/customers/{customer}/subscriptions/{subscription}"),
            Some(&empty),
        ),
        "GET auditrecords" => (Method::GET, "/v1/auditrecords".into(), None),
        _ => (Method::GET, "/v1/customers/relationshiprequests".into(), None),
    };
    let mut request = app.request_as(token, method, &path);
    if let Some(body) = body {
        request = request.json(body);
    }
    send(request).await.status()
}

#[tokio::test]
async fn every_role_of_every_partner_type_gets_exactly_its_permissions() {
    let app = TestApp::spawn().await;
    let mut body = customer_body("matrix");
    body["associatedPartnerId"] = json!(app.resellers[0].id.to_string());
    let created = app.create_customer(&body).await;
    let customer = created["id"].as_str().unwrap_or_default().to_owned();
    let order = created["order"]["id"].as_str().unwrap_or_default().to_owned();
    let subscription = created["order"]["lineItems"][0]["subscriptionId"]
        .as_str()
        .unwrap_or_default()
        .to_owned();

    for (kind, partner) in [
        ("provider", app.provider.clone()),
        ("reseller", app.resellers[0].clone()),
    ] {
        for &role in Role::ALL {
            let email = format!("{}.{kind}@matrix.example", role.as_str());
            let token = app.token_for(&partner, role, &format!("api.{email}")).await;
            for rule in API {
                let may = if kind == "provider" {
                    rule.provider
                } else {
                    rule.reseller
                };
                let status = call(&app, &token, rule.what, &customer, &order, &subscription).await;
                if may.contains(letter(role)) {
                    assert!(
                        status != StatusCode::FORBIDDEN
                            && status != StatusCode::NOT_FOUND
                            && status.as_u16() < 500,
                        "{role} of the {kind}: {} answered {status}",
                        rule.what
                    );
                } else {
                    assert_eq!(
                        status,
                        StatusCode::FORBIDDEN,
                        "{role} of the {kind}: {}",
                        rule.what
                    );
                }
            }
            let password = app
                .user_with_password(&partner, role, &format!("web.{email}"))
                .await;
            let visitor = Visitor::sign_in(&app.base, &format!("web.{email}"), &password).await;
            for rule in PAGES {
                let may = if kind == "provider" {
                    rule.provider
                } else {
                    rule.reseller
                };
                let path = rule.what.replace("{id}", &customer);
                let page = visitor.get(&path).await;
                let expected = if may.contains(letter(role)) {
                    StatusCode::OK
                } else {
                    StatusCode::FORBIDDEN
                };
                let status = if page.status == StatusCode::SEE_OTHER {
                    StatusCode::OK
                } else {
                    page.status
                };
                assert_eq!(status, expected, "{role} of the {kind}: page {path}");
            }
        }
    }
    assert_eq!(
        app.rows().await["customers"],
        1,
        "refused and invalid requests created nothing"
    );
}

#[tokio::test]
async fn what_isnt_yours_is_404_to_another_partner_and_another_reseller() {
    let app = TestApp::spawn().await;
    let mut body = customer_body("notyours");
    body["associatedPartnerId"] = json!(app.resellers[0].id.to_string());
    let created = app.create_customer(&body).await;
    let customer = created["id"].as_str().unwrap_or_default().to_owned();
    let order = created["order"]["id"].as_str().unwrap_or_default().to_owned();
    let subscription = created["order"]["lineItems"][0]["subscriptionId"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let other = app
        .store
        .create_partner(
            "Partner B",
            partnerdesk_domain::partner::PartnerKind::IndirectProvider,
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));

    // Partner B may change billing profiles and subscriptions, but not of this customer
    // (404); another reseller may change billing profiles, but never subscriptions (403).
    let outsiders = [
        (other.clone(), "b", StatusCode::NOT_FOUND),
        (app.resellers[1].clone(), "other-reseller", StatusCode::FORBIDDEN),
    ];
    for (partner, name, subscription_change) in outsiders {
        let token = app
            .token_for(&partner, Role::AdminAgent, &format!("admin@{name}.example"))
            .await;
        let with_etag = |method: Method, path: String| {
            app.request_as(&token, method, &path)
                .header("If-Match", "W/\"1\"")
                .json(&json!({"quantity": 2}))
        };
        let billing = send(with_etag(
            Method::PUT,
            format!("/v1/customers/{customer}/profiles/billing"),
        ))
        .await;
        assert_eq!(
            billing.status(),
            StatusCode::NOT_FOUND,
            "{name} changes the billing profile"
        );
        let path = format!("/v1/customers/{customer}/subscriptions/{subscription}");
        let patched = send(with_etag(Method::PATCH, path)).await;
        assert_eq!(
            patched.status(),
            subscription_change,
            "{name} changes a subscription"
        );
        for path in [
            format!("/v1/customers/{customer}"),
            format!("/v1/customers/{customer}/subscriptions/{subscription}/addons"),
            format!("/v1/customers/{customer}/orders/{order}"),
        ] {
            let status = send(app.request_as(&token, Method::GET, &path)).await.status();
            assert_eq!(status, StatusCode::NOT_FOUND, "{name}: {path}");
        }
        let log = send(app.request_as(
            &token,
            Method::GET,
            &format!("/v1/auditrecords?customerId={customer}"),
        ))
        .await;
        let log: Value = log.json().await.unwrap_or_default();
        assert_eq!(
            log["totalCount"], 0,
            "{name} reads nothing of the customer's activity"
        );

        let password = app
            .user_with_password(&partner, Role::AdminAgent, &format!("web@{name}.example"))
            .await;
        let visitor = Visitor::sign_in(&app.base, &format!("web@{name}.example"), &password).await;
        for path in [
            format!("/customers/{customer}"),
            format!("/customers/{customer}/subscriptions/{subscription}"),
        ] {
            assert_eq!(
                visitor.get(&path).await.status,
                StatusCode::NOT_FOUND,
                "{name}: page {path}"
            );
        }
    }
    let read = app
        .get(&format!("/v1/customers/{customer}/subscriptions/{subscription}"))
        .await;
    let read: Value = read.json().await.unwrap_or_default();
    assert_eq!(
        read["quantity"], 10,
        "nothing an outsider sent changed the subscription"
    );
}
