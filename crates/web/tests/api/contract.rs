//! The contract: what `/openapi.json` promises every operation, the values its parameters
//! take exactly as listed, and the paths of Partner Center's SDK that Partnerdesk serves.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{TestApp, customer_body, expect, plain_customer_body, send};

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "head"];

fn operations(doc: &Value) -> Vec<(String, &Value)> {
    let mut all = Vec::new();
    for (path, item) in doc["paths"].as_object().into_iter().flatten() {
        for method in METHODS {
            if let Some(op) = item.get(method) {
                all.push((format!("{} {path}", method.to_uppercase()), op));
            }
        }
    }
    all
}

#[tokio::test]
async fn every_operation_documents_its_errors_and_headers() {
    let app = TestApp::spawn().await;
    let doc = expect(app.get("/openapi.json").await, StatusCode::OK).await;
    let operations = operations(&doc);
    assert!(operations.len() >= 29, "{}", operations.len());
    let error = json!({"$ref": "#/components/schemas/ErrorBody"});
    let mut ids: Vec<&str> = operations
        .iter()
        .filter_map(|(_, op)| op["operationId"].as_str())
        .collect();
    ids.sort_unstable();
    let count = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), count, "operationIds are unique");
    assert!(
        ids.iter()
            .all(|id| id.starts_with(|c: char| c.is_ascii_lowercase()) && id.len() > 4),
        "{ids:?}"
    );
    for (name, op) in operations {
        assert!(op["operationId"].is_string(), "{name} has no operationId");
        for status in ["401", "403", "429", "500", "503"] {
            assert!(op["responses"][status].is_object(), "{name} lacks {status}");
        }
        let throttled = &doc["components"]["responses"]["TooManyRequests"];
        assert!(throttled["headers"]["Retry-After"].is_object());
        assert_eq!(throttled["content"]["application/json"]["schema"], error);
        if op["requestBody"].is_object() {
            for status in ["400", "413", "415"] {
                assert!(op["responses"][status].is_object(), "{name} lacks {status}");
            }
        }
        if name.contains('{') {
            assert!(op["responses"]["404"].is_object(), "{name} lacks 404");
        }
        let parameters: Vec<&str> = op["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p["$ref"].as_str())
            .collect();
        for header in ["X-Locale", "MS-CorrelationId", "MS-RequestId"] {
            let reference = format!("#/components/parameters/{header}");
            assert!(parameters.contains(&reference.as_str()), "{name} lacks {header}");
        }
        for (status, response) in op["responses"].as_object().into_iter().flatten() {
            if response.get("$ref").is_some() {
                continue;
            }
            assert!(
                response["headers"]["MS-CorrelationId"].is_object(),
                "{name} {status} lacks MS-CorrelationId"
            );
            if status == "201" {
                assert!(
                    response["headers"]["Location"].is_object(),
                    "{name} 201 lacks Location"
                );
            }
        }
    }
    let update = &doc["paths"]["/v1/customers/{customer}/subscriptions/{subscription}"]["patch"];
    for status in ["412", "428"] {
        assert!(
            update["responses"][status].is_object(),
            "updateSubscription lacks {status}"
        );
    }
    let read = &doc["paths"]["/v1/customers/{customer}/subscriptions/{subscription}"]["get"];
    assert!(read["responses"]["200"]["headers"]["ETag"].is_object());
    let links = &doc["paths"]["/v1/customers"]["post"]["responses"]["201"]["links"];
    assert_eq!(links["GetCustomer"]["operationId"], "getCustomer");
}

#[tokio::test]
async fn parameters_and_bodies_carry_their_constraints() {
    let app = TestApp::spawn().await;
    let doc = expect(app.get("/openapi.json").await, StatusCode::OK).await;
    let query = |path: &str, name: &str| {
        doc["paths"][path]["get"]["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|p| p["name"] == name)
            .cloned()
            .unwrap_or(Value::Null)
    };
    let countries = query("/v1/offers", "country")["schema"]["enum"].clone();
    assert!(countries.as_array().is_some_and(|c| c.len() > 200), "{countries}");
    assert!(
        countries
            .as_array()
            .is_some_and(|c| c.contains(&json!("GB")) && !c.contains(&json!("UK")))
    );
    assert_eq!(query("/v1/offers", "country")["required"], true);
    assert_eq!(query("/v1/offers", "size")["schema"]["maximum"], 1000);
    let types = &query("/v1/auditrecords", "operationType")["schema"]["enum"];
    assert!(
        types
            .as_array()
            .is_some_and(|t| t.contains(&json!("subscription-suspended")))
    );
    assert_eq!(
        query("/v1/auditrecords", "customerId")["schema"]["format"],
        "uuid"
    );
    let schemas = &doc["components"]["schemas"];
    let customer = &schemas["CreateCustomerRequest"];
    assert_eq!(customer["required"], json!(["billingProfile", "companyProfile"]));
    assert_eq!(customer["additionalProperties"], true);
    assert_eq!(
        schemas["AddressRequest"]["properties"]["postalCode"]["maxLength"],
        20
    );
    assert_eq!(
        schemas["CreateOrderRequest"]["properties"]["lineItems"]["minItems"],
        1
    );
}

#[tokio::test]
async fn a_customers_relationships_name_its_indirect_reseller() {
    let app = TestApp::spawn().await;
    let reseller = &app.resellers[0];
    let mut body = plain_customer_body("withreseller");
    body["associatedPartnerId"] = json!(reseller.id.to_string());
    let with = app.create_customer(&body).await;
    let path = format!(
        "/v1/customers/{}/relationships",
        with["id"].as_str().unwrap_or("")
    );
    let related = expect(app.get(&path).await, StatusCode::OK).await;
    assert_eq!(related["totalCount"], 1);
    assert_eq!(related["items"][0]["id"], json!(reseller.id.to_string()));
    assert_eq!(related["items"][0]["relationshipType"], "is_indirect_reseller_of");

    let without = app.create_customer(&plain_customer_body("direct")).await;
    let path = format!(
        "/v1/customers/{}/relationships",
        without["id"].as_str().unwrap_or("")
    );
    let related = expect(app.get(&path).await, StatusCode::OK).await;
    assert_eq!(related["totalCount"], 0);
    let unknown = "/v1/customers/00000000-0000-7000-8000-000000000000/relationships";
    expect(app.get(unknown).await, StatusCode::NOT_FOUND).await;
}

#[tokio::test]
async fn query_values_are_read_exactly_as_the_document_lists_them() {
    let app = TestApp::spawn().await;
    let customer = "00000000-0000-7000-8000-000000000000";
    for (path, parameter) in [
        ("/v1/customers?size=", "size"),
        ("/v1/customers?size=%205", "size"),
        ("/v1/customers?seekOperation=next", "seekOperation"),
        ("/v1/offers?country=us", "country"),
        ("/v1/offers?country=US&size=0", "size"),
        (
            &format!("/v1/auditrecords?customerId=%20{customer}"),
            "customerId",
        ),
        ("/v1/auditrecords?startDate=", "startDate"),
        ("/v1/auditrecords?operationType=%20order-placed", "operationType"),
        (
            "/v1/relationships?relationship_type=isindirectresellerof",
            "relationship_type",
        ),
        ("/v1/agreements?agreementType=", "agreementType"),
        (
            "/v1/customers/relationshiprequests?indirectResellerId=",
            "indirectResellerId",
        ),
    ] {
        let response = app.get(path).await;
        let error = expect(response, StatusCode::BAD_REQUEST).await;
        assert_eq!(error["data"][0]["field"], parameter, "{path}: {error}");
    }
    let twice = app.get("/v1/offers?country=US&country=FR").await;
    let content_type = twice.headers().get("content-type").cloned();
    let error = expect(twice, StatusCode::BAD_REQUEST).await;
    assert_eq!(
        content_type.as_ref().and_then(|v| v.to_str().ok()),
        Some("application/json")
    );
    assert_eq!(error["errorName"], "InvalidValue", "{error}");
    let ok = expect(app.get("/v1/agreements?agreementType=*").await, StatusCode::OK).await;
    assert_eq!(ok["attributes"]["objectType"], "Collection");
}

#[tokio::test]
async fn a_body_is_an_object_never_an_array() {
    let app = TestApp::spawn().await;
    let response = send(
        app.request(Method::POST, "/v1/customers")
            .header("Content-Type", "application/json")
            .body("[null, null]"),
    )
    .await;
    let error = expect(response, StatusCode::BAD_REQUEST).await;
    assert_eq!(error["errorName"], "InvalidValue");
    assert_eq!(app.rows().await["customers"], 0);
}

#[tokio::test]
async fn a_subscription_read_carries_the_etag_that_a_change_names() {
    let app = TestApp::spawn().await;
    let created = app.create_customer(&customer_body("etagread")).await;
    let id = created["id"].as_str().unwrap_or_default();
    let mail = created["order"]["lineItems"][0]["subscriptionId"]
        .as_str()
        .unwrap_or_default();
    let path = format!("/v1/customers/{id}/subscriptions/{mail}");
    let read = app.get(&path).await;
    let etag = read
        .headers()
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let body = expect(read, StatusCode::OK).await;
    assert_eq!(etag.as_deref(), body["attributes"]["etag"].as_str());
    let changed = send(
        app.request(Method::PATCH, &path)
            .header("If-Match", etag.unwrap_or_default())
            .json(&json!({"quantity": 11})),
    )
    .await;
    assert_eq!(expect(changed, StatusCode::OK).await["quantity"], 11);
}
