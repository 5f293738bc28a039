//! Listing, searching and paging customers; reading and changing their profiles.

use std::collections::HashSet;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{TestApp, expect, fields, plain_customer_body, send};

async fn create_named(app: &TestApp, prefix: &str, name: &str) -> Value {
    let mut body = plain_customer_body(prefix);
    body["billingProfile"]["companyName"] = json!(name);
    app.create_customer(&body).await
}

#[tokio::test]
async fn paging_over_several_pages_returns_every_customer_exactly_once() {
    let app = TestApp::spawn().await;
    for i in 0..23 {
        create_named(&app, &format!("page{i}"), &format!("Customer {:02}", i % 5)).await;
    }
    let mut seen = Vec::new();
    let mut page = expect(app.get("/v1/customers?size=5").await, StatusCode::OK).await;
    loop {
        assert!(page["totalCount"].as_u64() <= Some(5));
        for item in page["items"].as_array().into_iter().flatten() {
            seen.push((
                item["companyProfile"]["companyName"]
                    .as_str()
                    .unwrap_or("")
                    .to_owned(),
                item["id"].to_string(),
            ));
        }
        let Some(next) = page["links"]["next"].as_object() else {
            break;
        };
        assert_eq!(next["uri"], "/customers?size=5&seekOperation=Next");
        let token = next["headers"][0]["value"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        assert_eq!(page["continuationToken"], json!(token));
        let request = app
            .request(Method::GET, "/v1/customers?seekOperation=Next")
            .header("MS-ContinuationToken", token);
        page = expect(send(request).await, StatusCode::OK).await;
    }
    assert_eq!(seen.len(), 23);
    assert_eq!(seen.iter().map(|(_, id)| id).collect::<HashSet<_>>().len(), 23);
    let mut sorted = seen.clone();
    sorted.sort();
    assert_eq!(
        seen.iter().map(|s| &s.0).collect::<Vec<_>>(),
        sorted.iter().map(|s| &s.0).collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn filters_find_customers_by_name_domain_and_reseller_prefixes_or_anywhere() {
    let app = TestApp::spawn().await;
    create_named(&app, "contoso", "Contoso Ltd").await;
    create_named(&app, "zzcontour", "Contour Inc").await;
    create_named(&app, "fabrikam", "Fabrikam").await;
    let reseller = app.resellers[1].id.to_string();
    let mut body = plain_customer_body("viareseller");
    body["associatedPartnerId"] = json!(reseller);
    app.create_customer(&body).await;
    let names = |page: Value| -> Vec<String> {
        page["items"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|i| {
                i["companyProfile"]["companyName"]
                    .as_str()
                    .unwrap_or("")
                    .to_owned()
            })
            .collect()
    };
    let query = |filter: Value| {
        let request = app
            .request(Method::GET, "/v1/customers")
            .query(&[("filter", filter.to_string())]);
        async move { expect(send(request).await, StatusCode::OK).await }
    };
    let by_name = query(json!({"Field": "CompanyName", "Value": "conto", "Operator": "starts_with"})).await;
    assert_eq!(names(by_name), vec!["Contoso Ltd", "Contour Inc"]);
    let by_domain = query(json!({"field": "domain", "value": "ZZ", "operator": "starts_with"})).await;
    assert_eq!(names(by_domain), vec!["Contour Inc"]);
    let by_reseller =
        query(json!({"Field": "IndirectReseller", "Value": reseller, "Operator": "starts_with"})).await;
    assert_eq!(names(by_reseller), vec!["viareseller Inc"]);
    let inside = query(json!({"Field": "CompanyName", "Value": "ÔNT", "Operator": "contains"})).await;
    assert_eq!(
        names(inside),
        vec!["Contoso Ltd", "Contour Inc"],
        "anywhere, accents folded"
    );
    let in_domain = query(json!({"Field": "Domain", "Value": "ontour", "Operator": "contains"})).await;
    assert_eq!(names(in_domain), vec!["Contour Inc"]);
    let bad = send(app.request(Method::GET, "/v1/customers").query(&[(
        "filter",
        r#"{"Field":"Email","Value":"a","Operator":"starts_with"}"#,
    )]))
    .await;
    assert_eq!(
        fields(&expect(bad, StatusCode::BAD_REQUEST).await),
        vec![("filter".into(), "InvalidParameter".into())]
    );
}

#[tokio::test]
async fn a_contains_filter_pages_like_the_others() {
    let app = TestApp::spawn().await;
    for i in 0..7 {
        create_named(&app, &format!("grove{i}"), &format!("Woodgrove {i}")).await;
    }
    create_named(&app, "other", "Other").await;
    let filter = json!({"Field": "CompanyName", "Value": "grove", "Operator": "contains"}).to_string();
    let first = app
        .request(Method::GET, "/v1/customers")
        .query(&[("filter", filter.as_str()), ("size", "4")]);
    let first = expect(send(first).await, StatusCode::OK).await;
    assert_eq!(first["totalCount"], 4);
    let token = first["continuationToken"].as_str().unwrap_or_default().to_owned();
    let next = app
        .request(Method::GET, "/v1/customers?seekOperation=Next")
        .header("MS-ContinuationToken", token);
    let second = expect(send(next).await, StatusCode::OK).await;
    let names: Vec<_> = second["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|i| i["companyProfile"]["companyName"].as_str())
        .collect();
    assert_eq!(names, ["Woodgrove 4", "Woodgrove 5", "Woodgrove 6"]);
    assert!(second["continuationToken"].is_null());
}

#[tokio::test]
async fn bad_paging_parameters_are_refused() {
    let app = TestApp::spawn().await;
    for query in [
        "size=1001",
        "size=-3",
        "size=many",
        "seekOperation=Previous",
        "seekOperation=Next",
    ] {
        let error = expect(
            app.get(&format!("/v1/customers?{query}")).await,
            StatusCode::BAD_REQUEST,
        )
        .await;
        assert_eq!(
            error["data"].as_array().map(Vec::len),
            Some(1),
            "{query}: {error}"
        );
    }
    let request = app
        .request(Method::GET, "/v1/customers?seekOperation=Next")
        .header("MS-ContinuationToken", "forged");
    let error = expect(send(request).await, StatusCode::BAD_REQUEST).await;
    assert_eq!(
        fields(&error),
        vec![("MS-ContinuationToken".into(), "InvalidParameter".into())]
    );
}

#[tokio::test]
async fn profiles_read_back_and_the_billing_profile_changes_only_with_the_current_etag() {
    let app = TestApp::spawn().await;
    let created = create_named(&app, "billing", "Billing Co").await;
    let id = created["id"].as_str().unwrap_or_default().to_owned();
    let company = expect(
        app.get(&format!("/v1/customers/{id}/profiles/company")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(company["tenantId"], json!(id));
    assert_eq!(company["domain"], "billing.onmicrosoft.com");

    let path = format!("/v1/customers/{id}/profiles/billing");
    let response = app.get(&path).await;
    let etag = response
        .headers()
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let mut profile = expect(response, StatusCode::OK).await;
    assert_eq!(profile["attributes"]["etag"], json!(etag));
    profile["defaultAddress"]["city"] = json!("Bellevue");
    profile["email"] = json!("billing@billing.example");

    let without = send(app.request(Method::PUT, &path).json(&json!({"companyName": "x"}))).await;
    assert_eq!(
        expect(without, StatusCode::PRECONDITION_REQUIRED).await["errorName"],
        "EtagRequired"
    );

    let updated = send(
        app.request(Method::PUT, &path)
            .header("If-Match", &etag)
            .json(&profile),
    )
    .await;
    let updated = expect(updated, StatusCode::OK).await;
    assert_eq!(updated["defaultAddress"]["city"], "Bellevue");
    assert_ne!(updated["attributes"]["etag"], json!(etag));

    profile["defaultAddress"]["city"] = json!("Kirkland");
    let stale = send(
        app.request(Method::PUT, &path)
            .header("If-Match", &etag)
            .json(&profile),
    )
    .await;
    assert_eq!(expect(stale, StatusCode::PRECONDITION_FAILED).await["code"], 2055);
    let now = expect(app.get(&path).await, StatusCode::OK).await;
    assert_eq!(now["defaultAddress"]["city"], "Bellevue");

    let current = now["attributes"]["etag"].as_str().unwrap_or_default().to_owned();
    let mut invalid = now.clone();
    invalid["defaultAddress"]["postalCode"] = json!("ABC");
    invalid["defaultAddress"]["country"] = json!("FR");
    let refused = send(
        app.request(Method::PUT, &path)
            .header("If-Match", &current)
            .json(&invalid),
    )
    .await;
    let error = expect(refused, StatusCode::BAD_REQUEST).await;
    assert_eq!(
        fields(&error),
        vec![("defaultAddress.postalCode".into(), "PostalCodeFormat".into())]
    );
    invalid["defaultAddress"]["postalCode"] = json!("75008");
    let moved = send(
        app.request(Method::PUT, &path)
            .header("If-Match", &current)
            .json(&invalid),
    )
    .await;
    let error = expect(moved, StatusCode::BAD_REQUEST).await;
    assert_eq!(
        fields(&error),
        vec![("defaultAddress.country".into(), "CountryCannotChange".into())]
    );
    let after = expect(app.get(&path).await, StatusCode::OK).await;
    assert_eq!(after, now, "refused changes change nothing");
}
