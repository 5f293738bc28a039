//! Offers, categories, domains, address validation, country rules and relationships.

use reqwest::StatusCode;
use serde_json::json;

use crate::support::{TestApp, expect, fields, plain_customer_body, send};

#[tokio::test]
async fn offers_are_listed_for_a_country_in_the_language_of_x_locale() {
    let app = TestApp::spawn().await;
    let english = expect(app.get("/v1/offers?country=US").await, StatusCode::OK).await;
    let count = english["totalCount"].as_u64().unwrap_or_default();
    assert!(count >= 12, "{count}");
    let first = &english["items"][0];
    assert_eq!(first["attributes"]["objectType"], "Offer");
    assert_eq!(first["locale"], "en-US");
    let french = send(
        app.request(reqwest::Method::GET, "/v1/offers?country=US")
            .header("X-Locale", "fr-FR"),
    )
    .await;
    let french = expect(french, StatusCode::OK).await;
    assert_eq!(french["items"][0]["id"], first["id"]);
    assert_ne!(french["items"][0]["name"], first["name"], "a French name");
    let in_france = expect(app.get("/v1/offers?country=FR").await, StatusCode::OK).await;
    assert!(
        in_france["totalCount"].as_u64() < Some(count),
        "an offer is sold only in some countries"
    );
    let paged = expect(
        app.get("/v1/offers?country=US&offset=2&size=3").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(paged["totalCount"], 3);
    assert_eq!(paged["items"][0]["id"], english["items"][2]["id"]);

    let missing = expect(app.get("/v1/offers").await, StatusCode::BAD_REQUEST).await;
    assert_eq!(fields(&missing), vec![("country".into(), "Required".into())]);
    let offer = expect(
        app.get("/v1/offers/PDC-MAIL-STD?country=US").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(offer["hasAddOns"], true);
    expect(
        app.get("/v1/offers/PDC-MEET-AUDIO?country=FR").await,
        StatusCode::NOT_FOUND,
    )
    .await;
    let categories = expect(app.get("/v1/offercategories?country=US").await, StatusCode::OK).await;
    assert!(categories["totalCount"].as_u64() >= Some(3));
    let of_category = expect(
        app.get("/v1/offers?country=US&offer_category_id=security").await,
        StatusCode::OK,
    )
    .await;
    assert!(
        of_category["items"]
            .as_array()
            .into_iter()
            .flatten()
            .all(|o| o["category"]["id"] == "security")
    );
}

#[tokio::test]
async fn domain_availability_answers_both_ways() {
    let app = TestApp::spawn().await;
    let head = |domain: &str| app.request(reqwest::Method::HEAD, &format!("/v1/domains/{domain}"));
    assert_eq!(
        send(head("taken.onmicrosoft.com")).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        expect(
            app.get("/v1/validations/checkdomainavailability/taken").await,
            StatusCode::OK
        )
        .await,
        json!(true)
    );
    app.create_customer(&plain_customer_body("taken")).await;
    assert_eq!(send(head("TAKEN.onmicrosoft.com")).await.status(), StatusCode::OK);
    assert_eq!(
        expect(
            app.get("/v1/validations/checkdomainavailability/Taken").await,
            StatusCode::OK
        )
        .await,
        json!(false)
    );
    let invalid = expect(
        app.get("/v1/validations/checkdomainavailability/no_way").await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(
        fields(&invalid),
        vec![("domainPrefix".into(), "DomainPrefixCharacters".into())]
    );
    assert_eq!(
        send(head("x.example.com")).await.status(),
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn addresses_are_checked_against_the_country_rules() {
    let app = TestApp::spawn().await;
    let valid = json!({"addressline1": "1 Main St", "city": "Redmond", "state": "WA", "postalcode": "98052", "country": "US"});
    let verified = expect(app.post("/v1/validations/address", &valid).await, StatusCode::OK).await;
    assert_eq!(verified["status"], "Verified");
    let lower = json!({"addressLine1": "1 Main St", "city": "Redmond", "state": "wa", "postalCode": "98052", "country": "us"});
    let normalized = expect(app.post("/v1/validations/address", &lower).await, StatusCode::OK).await;
    assert_eq!(normalized["status"], "InteractionRequired");
    assert_eq!(normalized["suggestedAddresses"][0]["state"], "WA");
    let wrong =
        json!({"addressLine1": "1 Main St", "city": "", "state": "WA", "postalCode": "ABC", "country": "US"});
    let none = expect(app.post("/v1/validations/address", &wrong).await, StatusCode::OK).await;
    assert_eq!(none["status"], "None");
    let message = none["validationMessage"].as_str().unwrap_or_default();
    assert!(
        message.starts_with("Address field invalid for property: 'City', 'PostalCode'"),
        "{message}"
    );
}

#[tokio::test]
async fn country_rules_follow_iso_codes() {
    let app = TestApp::spawn().await;
    let us = expect(app.get("/v1/countryvalidationrules/US").await, StatusCode::OK).await;
    assert_eq!(us["isStateRequired"], true);
    assert_eq!(us["supportedStatesList"].as_array().map(Vec::len), Some(51));
    assert_eq!(us["defaultCulture"], "en-US");
    let ru = expect(app.get("/v1/countryvalidationrules/ru").await, StatusCode::OK).await;
    assert_eq!(ru["customerOrganizationRegistrationNumberRequired"], true);
    assert_eq!(ru["customerOrganizationPhoneNumberRequired"], true);
    let uk = expect(
        app.get("/v1/countryvalidationrules/UK").await,
        StatusCode::NOT_FOUND,
    )
    .await;
    assert!(uk["description"].as_str().unwrap_or("").contains("GB"));
}

#[tokio::test]
async fn an_indirect_provider_lists_its_resellers() {
    let app = TestApp::spawn().await;
    let resellers = expect(
        app.get("/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf")
            .await,
        StatusCode::OK,
    )
    .await;
    let ids: Vec<String> = resellers["items"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| r["id"].as_str().unwrap_or("").to_owned())
        .collect();
    assert_eq!(
        ids,
        app.resellers.iter().map(|r| r.id.to_string()).collect::<Vec<_>>()
    );
    assert_eq!(resellers["items"][0]["mpnId"], json!(app.resellers[0].mpn_id));
    expect(app.get("/v1/relationships").await, StatusCode::BAD_REQUEST).await;
}
