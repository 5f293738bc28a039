//! Bad input: every invalid field named with its rule, malformed or oversized bodies,
//! wrong content types, missing or unknown tokens, throttling, and never a 500.

use partnerdesk_domain::profile::{CloudProfile, ProfileName};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{TestApp, customer_body, expect, fields, send};

/// One wrong value per case: the JSON pointer to change, the value, and the expected
/// `(field, errorName, code)`.
const CASES: &[(&str, &str, &str, &str, u64)] = &[
    (
        "/billingProfile/companyName",
        r#""X""#,
        "billingProfile.companyName",
        "SingleCharacter",
        3000,
    ),
    (
        "/billingProfile/companyName",
        r#""Inc.""#,
        "billingProfile.companyName",
        "LegalFormOnly",
        3000,
    ),
    (
        "/billingProfile/companyName",
        r#""?!""#,
        "billingProfile.companyName",
        "NoLettersOrDigits",
        3000,
    ),
    (
        "/billingProfile/email",
        r#""not-an-email""#,
        "billingProfile.email",
        "EmailInvalid",
        3000,
    ),
    (
        "/billingProfile/email",
        r#""ana@provider.example""#,
        "billingProfile.email",
        "EmailAtPartnerDomain",
        3000,
    ),
    (
        "/billingProfile/culture",
        r#""de-DE""#,
        "billingProfile.culture",
        "CultureUnsupported",
        3000,
    ),
    (
        "/billingProfile/language",
        r#""ja""#,
        "billingProfile.language",
        "LanguageUnsupported",
        3000,
    ),
    (
        "/billingProfile/defaultAddress/country",
        r#""UK""#,
        "billingProfile.defaultAddress.country",
        "CountryUnknown",
        3000,
    ),
    (
        "/billingProfile/defaultAddress/state",
        r#""ZZ""#,
        "billingProfile.defaultAddress.state",
        "StateUnknown",
        3000,
    ),
    (
        "/billingProfile/defaultAddress/state",
        r#""""#,
        "billingProfile.defaultAddress.state",
        "Required",
        3000,
    ),
    (
        "/billingProfile/defaultAddress/postalCode",
        r#""9805""#,
        "billingProfile.defaultAddress.postalCode",
        "PostalCodeFormat",
        3000,
    ),
    (
        "/billingProfile/defaultAddress/city",
        r#""""#,
        "billingProfile.defaultAddress.city",
        "Required",
        3000,
    ),
    (
        "/billingProfile/defaultAddress/addressLine1",
        "null",
        "billingProfile.defaultAddress.addressLine1",
        "Required",
        3000,
    ),
    (
        "/billingProfile/defaultAddress/phoneNumber",
        r#""12345""#,
        "billingProfile.defaultAddress.phoneNumber",
        "PhoneInvalid",
        3000,
    ),
    (
        "/billingProfile/defaultAddress/firstName",
        r#""""#,
        "billingProfile.defaultAddress.firstName",
        "Required",
        3000,
    ),
    (
        "/companyProfile/domain",
        r#""con-toso""#,
        "companyProfile.domain",
        "DomainPrefixCharacters",
        3000,
    ),
    (
        "/companyProfile/domain",
        r#""contoso.com""#,
        "companyProfile.domain",
        "DomainSuffix",
        3000,
    ),
    (
        "/companyProfile/domain",
        r#""abcdefghijklmnopqrstuvwxyz12""#,
        "companyProfile.domain",
        "TooLong",
        3000,
    ),
    (
        "/companyProfile/organizationRegistrationNumber",
        r#""123""#,
        "companyProfile.organizationRegistrationNumber",
        "RegistrationNumberNotAccepted",
        600002,
    ),
    (
        "/agreement/dateAgreed",
        r#""2999-01-01""#,
        "agreement.dateAgreed",
        "DateInFuture",
        600002,
    ),
    (
        "/agreement/dateAgreed",
        r#""last tuesday""#,
        "agreement.dateAgreed",
        "DateInvalid",
        3000,
    ),
    (
        "/agreement/templateId",
        r#""00000000-0000-0000-0000-000000000000""#,
        "agreement.templateId",
        "AgreementTemplateUnknown",
        3000,
    ),
    (
        "/agreement/primaryContact/email",
        r#""nope""#,
        "agreement.primaryContact.email",
        "EmailInvalid",
        3000,
    ),
    (
        "/agreement/primaryContact/phoneNumber",
        r#""""#,
        "agreement.primaryContact.phoneNumber",
        "Required",
        3000,
    ),
    (
        "/lineItems/0/offerId",
        r#""NOPE""#,
        "lineItems[0].offerId",
        "OfferUnknown",
        800004,
    ),
    (
        "/lineItems/1/quantity",
        "4",
        "lineItems[1].quantity",
        "QuantityOutOfRange",
        900275,
    ),
    (
        "/lineItems/0/quantity",
        "1000000",
        "lineItems[0].quantity",
        "QuantityOutOfRange",
        900275,
    ),
    (
        "/lineItems/0/quantity",
        "1.5",
        "lineItems[0].quantity",
        "QuantityNotANumber",
        3000,
    ),
    (
        "/lineItems/0/partnerIdOnRecord",
        r#""1234""#,
        "lineItems[0].partnerIdOnRecord",
        "ResellerUnknown",
        800016,
    ),
];

fn set(body: &mut Value, pointer: &str, value: Value) {
    let (parent, key) = pointer.rsplit_once('/').unwrap_or(("", pointer));
    let target = body.pointer_mut(parent).unwrap_or_else(|| panic!("{parent}"));
    match target {
        Value::Array(items) => items[key.parse::<usize>().unwrap_or_default()] = value,
        other => other[key] = value,
    }
}

#[tokio::test]
async fn every_invalid_field_is_named_with_its_rule_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    for (pointer, value, field, name, code) in CASES {
        let mut body = customer_body("wrong");
        set(
            &mut body,
            pointer,
            serde_json::from_str(value).unwrap_or_else(|e| panic!("{value}: {e}")),
        );
        let error = expect(app.post("/v1/customers", &body).await, StatusCode::BAD_REQUEST).await;
        assert_eq!(
            fields(&error),
            vec![((*field).to_owned(), (*name).to_owned())],
            "{pointer} = {value}"
        );
        assert_eq!(error["data"][0]["code"], *code, "{pointer} = {value}");
        assert!(
            error["description"].as_str().unwrap_or("").contains(field),
            "the description names the field"
        );
    }
    assert_eq!(app.rows().await.values().sum::<i64>(), 0);
}

#[tokio::test]
async fn registration_countries_need_the_number_and_the_phone() {
    let app = TestApp::spawn().await;
    let mut body = customer_body("warszawa");
    body["billingProfile"]["defaultAddress"] = json!({"country": "PL", "city": "Warszawa", "addressLine1": "ul. Marszałkowska 1", "postalCode": "00-001", "firstName": "Jan", "lastName": "Nowak"});
    body["agreement"]["primaryContact"]["phoneNumber"] = json!("+48 22 123 45 67");
    body["billingProfile"]["culture"] = json!("pl-PL");
    body["billingProfile"]["language"] = json!("pl");
    let error = expect(app.post("/v1/customers", &body).await, StatusCode::BAD_REQUEST).await;
    let codes: Vec<&Value> = error["data"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|d| &d["code"])
        .collect();
    assert_eq!(codes, vec![&json!(600051), &json!(600049)]);
    body["billingProfile"]["defaultAddress"]["phoneNumber"] = json!("22 123 45 67");
    body["companyProfile"]["organizationRegistrationNumber"] = json!("12");
    let error = expect(app.post("/v1/customers", &body).await, StatusCode::BAD_REQUEST).await;
    assert_eq!(error["code"], 600050);
    assert!(
        error["description"]
            .as_str()
            .unwrap_or("")
            .contains("such as 123-456-32-18")
    );
    body["companyProfile"]["organizationRegistrationNumber"] = json!("123-456-32-18");
    let created = app.create_customer(&body).await;
    assert_eq!(
        created["companyProfile"]["organizationRegistrationNumber"],
        "123-456-32-18"
    );
}

#[tokio::test]
async fn errors_are_described_in_the_language_of_x_locale() {
    let app = TestApp::spawn().await;
    let mut body = customer_body("lang");
    body["billingProfile"]["defaultAddress"]["city"] = json!("");
    for (locale, expected) in [
        ("en-US", "This value is required."),
        ("fr-FR", "Cette valeur est obligatoire."),
        ("zh-TW", "此值為必填。"),
        ("zh-CN", "此值为必填项。"),
        ("ru-RU", "Это значение обязательно."),
        ("de-DE", "This value is required."),
    ] {
        let response = send(
            app.request(Method::POST, "/v1/customers")
                .header("X-Locale", locale)
                .json(&body),
        )
        .await;
        let error = expect(response, StatusCode::BAD_REQUEST).await;
        assert_eq!(error["data"][0]["message"], expected, "{locale}");
    }
}

#[tokio::test]
async fn unreadable_requests_get_400_413_and_415() {
    let app = TestApp::spawn().await;
    let post = |body: &'static str, content_type: &'static str| {
        app.request(Method::POST, "/v1/customers")
            .header("Content-Type", content_type)
            .body(body)
    };
    let malformed = expect(
        send(post("{\"companyProfile\": ", "application/json")).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(malformed["errorName"], "MalformedJson");
    let wrong_type = expect(
        send(post("{\"lineItems\": {\"a\": 1}}", "application/json")).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert!(
        wrong_type["description"]
            .as_str()
            .unwrap_or("")
            .contains("lineItems"),
        "{wrong_type}"
    );
    let not_json = expect(
        send(post("companyName=x", "application/x-www-form-urlencoded")).await,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
    )
    .await;
    assert_eq!(not_json["errorName"], "UnsupportedMediaType");
    let huge = format!(
        "{{\"companyProfile\": {{\"domain\": \"{}\"}}}}",
        "a".repeat(100_000)
    );
    let too_big = send(
        app.request(Method::POST, "/v1/customers")
            .header("Content-Type", "application/json")
            .body(huge),
    )
    .await;
    assert_eq!(
        expect(too_big, StatusCode::PAYLOAD_TOO_LARGE).await["errorName"],
        "PayloadTooLarge"
    );
    assert_eq!(app.rows().await["customers"], 0);
}

#[tokio::test]
async fn calls_without_a_valid_token_get_401() {
    let app = TestApp::spawn().await;
    let anonymous = send(app.client.get(format!("{}/v1/customers", app.base))).await;
    assert_eq!(
        anonymous
            .headers()
            .get("www-authenticate")
            .and_then(|v| v.to_str().ok()),
        Some("Bearer")
    );
    assert_eq!(
        expect(anonymous, StatusCode::UNAUTHORIZED).await["errorName"],
        "Unauthorized"
    );
    let unknown = send(app.request_as("pd_not-a-token", Method::GET, "/v1/customers")).await;
    assert_eq!(
        expect(unknown, StatusCode::UNAUTHORIZED).await["errorName"],
        "TokenInvalid"
    );
}

#[tokio::test]
async fn unknown_routes_and_methods_get_partner_center_errors() {
    let app = TestApp::spawn().await;
    let missing = expect(app.get("/v1/nothing-here").await, StatusCode::NOT_FOUND).await;
    assert_eq!(missing["code"], 1000);
    let method = expect(
        send(app.request(Method::DELETE, "/v1/customers")).await,
        StatusCode::METHOD_NOT_ALLOWED,
    )
    .await;
    assert_eq!(method["errorName"], "MethodNotAllowed");
    let bad_id = expect(app.get("/v1/customers/not-a-guid").await, StatusCode::NOT_FOUND).await;
    assert_eq!(bad_id["errorName"], "NotFound");
    let bad_query = expect(
        app.get("/v1/customers?size=1&size=2").await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(bad_query["source"], "Partnerdesk");
}

#[tokio::test]
async fn a_partner_over_its_rate_limit_gets_429_with_retry_after() {
    let profile = CloudProfile::builtin(ProfileName::Global).unwrap_or_else(|| unreachable!());
    let app = TestApp::spawn_with(profile, 3).await;
    for _ in 0..3 {
        assert_eq!(app.get("/v1/customers").await.status(), StatusCode::OK);
    }
    let throttled = app.get("/v1/customers").await;
    let retry_after: u64 = throttled
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .unwrap_or_default();
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    let body = expect(throttled, StatusCode::TOO_MANY_REQUESTS).await;
    assert_eq!(body["statusCode"], 429);
    assert!(body["message"].as_str().unwrap_or("").contains("Try again in"));
}

#[tokio::test]
async fn no_body_of_any_shape_causes_a_server_error() {
    let app = TestApp::spawn().await;
    let created = app.create_customer(&customer_body("target")).await;
    let id = created["id"].as_str().unwrap_or_default().to_owned();
    let etag = created["billingProfile"]["attributes"]["etag"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let garbage: Vec<Value> = vec![
        json!(null),
        json!(0),
        json!(-1),
        json!(1e308),
        json!("text"),
        json!([]),
        json!([1, 2]),
        json!({}),
        json!({"lineItems": null}),
        json!({"lineItems": [null, 1, "x", {}]}),
        json!({"lineItems": [{"quantity": -9223372036854775808i64}]}),
        json!({"lineItems": [{"quantity": 18446744073709551615u64, "offerId": "PDC-MAIL-STD"}]}),
        json!({"companyProfile": [], "billingProfile": "x", "agreement": 5}),
        json!({"billingProfile": {"defaultAddress": {"country": "\u{0000}\u{202e}", "postalCode": "<script>"}}}),
        json!({"companyProfile": {"domain": "ＡＢＣ"}, "billingProfile": {"companyName": "🙂🙂", "email": "a@b.c"}}),
        json!({"primaryContact": {"firstName": {"nested": true}}, "dateAgreed": 20260101}),
        json!({"addressLine1": "x".repeat(5000), "country": "US", "postalCode": "9".repeat(5000)}),
        json!({"agreement": {"dateAgreed": "9999-99-99T99:99:99Z", "type": "*"}}),
        json!({"associatedPartnerId": "00000000-0000-0000-0000-000000000000"}),
    ];
    let paths = [
        (Method::POST, "/v1/customers".to_owned()),
        (Method::POST, format!("/v1/customers/{id}/agreements")),
        (Method::POST, format!("/v1/customers/{id}/orders")),
        (Method::PUT, format!("/v1/customers/{id}/profiles/billing")),
        (Method::POST, "/v1/validations/address".to_owned()),
    ];
    for (method, path) in &paths {
        for body in &garbage {
            let response = send(
                app.request(method.clone(), path)
                    .header("If-Match", &etag)
                    .json(body),
            )
            .await;
            assert!(
                response.status().is_client_error() || response.status().is_success(),
                "{method} {path} {body}: {}",
                response.status()
            );
        }
    }
    for path in [
        "/v1/customers?filter=%7B",
        "/v1/offers?country=%00",
        "/v1/offers/%2e%2e?country=US",
        "/v1/countryvalidationrules/%F0%9F%99%82",
        "/v1/validations/checkdomainavailability/%20",
        "/v1/customers/%00",
        "/v1/agreements?agreementType=%FF",
    ] {
        let response = app.get(path).await;
        assert!(
            response.status().is_client_error() || response.status().is_success(),
            "{path}: {}",
            response.status()
        );
    }
}
