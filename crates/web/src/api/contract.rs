//! What every operation of the API has in common, written into the OpenAPI document once
//! rather than on each handler: its operation id, the headers every request may carry and
//! every response carries, the errors any operation can answer (authentication,
//! throttling, faults), the errors that come with a path id, a query or a body, and the
//! links that lead from a created or listed resource to the operations on it.
//!
//! The handlers' annotations say what is particular to each operation: its parameters and
//! body with their constraints, its success, and the errors of its own rules.

use partnerdesk_domain::audit::Action;
use partnerdesk_domain::billing::{BillingCycle, TermDuration};
use partnerdesk_domain::order::MAX_LINE_ITEMS;
use partnerdesk_domain::{Field, country};
use serde_json::{Map, Value, json};

use crate::api::{agreements, invoices, relationships};

const ERROR: &str = "#/components/schemas/ErrorBody";

/// Operation ids, Partner Center's names where it has one.
const OPERATIONS: &[(&str, &str, &str)] = &[
    ("get", "/v1/agreements", "getAgreementMetadata"),
    ("get", "/v1/auditrecords", "listAuditRecords"),
    ("get", "/v1/invoices", "getInvoices"),
    ("get", "/v1/invoices/unbilled/lineitems", "getUnbilledLineItems"),
    ("get", "/v1/invoices/{invoice}", "getInvoice"),
    ("get", "/v1/invoices/{invoice}/lineitems", "getInvoiceLineItems"),
    (
        "get",
        "/v1/invoices/{invoice}/reconciliation",
        "getInvoiceReconciliation",
    ),
    (
        "get",
        "/v1/invoices/{invoice}/documents/statement",
        "getInvoiceStatement",
    ),
    (
        "get",
        "/v1/customers/{customer}/invoices/{invoice}/documents/statement",
        "getCustomerInvoiceStatement",
    ),
    ("get", "/v1/customers/{customer}/invoices", "getCustomerInvoices"),
    (
        "get",
        "/v1/customers/{customer}/invoices/{invoice}",
        "getCustomerInvoice",
    ),
    (
        "get",
        "/v1/customers/{customer}/invoices/{invoice}/lineitems",
        "getCustomerInvoiceLineItems",
    ),
    (
        "get",
        "/v1/customers/{customer}/invoices/{invoice}/reconciliation",
        "getCustomerInvoiceReconciliation",
    ),
    ("get", "/v1/pricesheets/{market}", "getPriceSheet"),
    ("get", "/v1/pricerules", "getCustomerPriceRules"),
    ("put", "/v1/pricerules", "setCustomerPriceRule"),
    ("get", "/v1/profiles/support", "getSupportProfile"),
    ("put", "/v1/profiles/support", "updateSupportProfile"),
    ("get", "/v1/servicerequests", "getServiceRequests"),
    (
        "get",
        "/v1/servicerequests/supporttopics",
        "getServiceRequestSupportTopics",
    ),
    ("get", "/v1/servicerequests/{request}", "getServiceRequest"),
    ("post", "/v1/servicerequests/{request}", "createServiceRequest"),
    ("patch", "/v1/servicerequests/{request}", "updateServiceRequest"),
    (
        "get",
        "/v1/servicerequests/{request}/files/{file}",
        "getServiceRequestFile",
    ),
    (
        "get",
        "/v1/customers/{customer}/servicerequests",
        "getCustomerServiceRequests",
    ),
    (
        "get",
        "/v1/customers/{customer}/servicerequests/{request}",
        "getCustomerServiceRequest",
    ),
    (
        "patch",
        "/v1/customers/{customer}/servicerequests/{request}",
        "updateCustomerServiceRequest",
    ),
    (
        "get",
        "/v1/countryvalidationrules/{country}",
        "getCountryValidationRules",
    ),
    ("get", "/v1/customers", "listCustomers"),
    ("post", "/v1/customers", "createCustomer"),
    (
        "get",
        "/v1/customers/relationshiprequests",
        "requestResellerRelationship",
    ),
    ("get", "/v1/customers/{customer}", "getCustomer"),
    (
        "get",
        "/v1/customers/{customer}/relationships",
        "listCustomerRelationships",
    ),
    ("get", "/v1/customers/{customer}/agreements", "listAgreements"),
    ("post", "/v1/customers/{customer}/agreements", "createAgreement"),
    ("get", "/v1/customers/{customer}/orders", "listOrders"),
    ("post", "/v1/customers/{customer}/orders", "createOrder"),
    ("get", "/v1/customers/{customer}/orders/{order}", "getOrder"),
    (
        "patch",
        "/v1/customers/{customer}/orders/{order}",
        "purchaseAddOns",
    ),
    (
        "get",
        "/v1/customers/{customer}/profiles/billing",
        "getBillingProfile",
    ),
    (
        "put",
        "/v1/customers/{customer}/profiles/billing",
        "updateBillingProfile",
    ),
    (
        "get",
        "/v1/customers/{customer}/profiles/company",
        "getCompanyProfile",
    ),
    (
        "get",
        "/v1/customers/{customer}/subscriptions",
        "listSubscriptions",
    ),
    (
        "get",
        "/v1/customers/{customer}/subscriptions/{subscription}",
        "getSubscription",
    ),
    (
        "patch",
        "/v1/customers/{customer}/subscriptions/{subscription}",
        "updateSubscription",
    ),
    (
        "get",
        "/v1/customers/{customer}/subscriptions/{subscription}/addons",
        "listSubscriptionAddOns",
    ),
    ("head", "/v1/domains/{domain}", "checkDomainExists"),
    ("get", "/v1/offercategories", "listOfferCategories"),
    ("get", "/v1/offers", "listOffers"),
    ("get", "/v1/offers/{offer}", "getOffer"),
    ("get", "/v1/offers/{offer}/addons", "listOfferAddOns"),
    ("get", "/v1/relationships", "listRelationships"),
    ("post", "/v1/validations/address", "validateAddress"),
    (
        "get",
        "/v1/validations/checkdomainavailability/{prefix}",
        "checkDomainAvailability",
    ),
];

/// Operations whose success carries the resource's version in `ETag`.
const VERSIONED: &[&str] = &[
    "getSubscription",
    "updateSubscription",
    "getBillingProfile",
    "updateBillingProfile",
];

/// A link's parameters: `(name, runtime expression)`.
type LinkParameters = &'static [(&'static str, &'static str)];

/// The id of a list's first item.
const FIRST: &str = "$response.body#/items/0/id";

/// The line items of the first invoice of a list (the query values are constants).
const LINE_ITEMS_OF_FIRST: LinkParameters = &[
    ("invoice", FIRST),
    ("provider", "onetime"),
    ("invoicelineitemtype", "billinglineitems"),
];

/// Links from an operation's answer to the operations on what it answered: the stateful
/// tests (and clients) follow them. `(operation id, status, link name, target, parameters)`.
const LINKS: &[(&str, &str, &str, &str, LinkParameters)] = &[
    (
        "createCustomer",
        "201",
        "GetCustomer",
        "getCustomer",
        &[("customer", "$response.body#/id")],
    ),
    (
        "createCustomer",
        "201",
        "GetBillingProfile",
        "getBillingProfile",
        &[("customer", "$response.body#/id")],
    ),
    (
        "createCustomer",
        "201",
        "GetCompanyProfile",
        "getCompanyProfile",
        &[("customer", "$response.body#/id")],
    ),
    (
        "createCustomer",
        "201",
        "CreateAgreement",
        "createAgreement",
        &[("customer", "$response.body#/id")],
    ),
    (
        "createCustomer",
        "201",
        "ListAgreements",
        "listAgreements",
        &[("customer", "$response.body#/id")],
    ),
    (
        "createCustomer",
        "201",
        "CreateOrder",
        "createOrder",
        &[("customer", "$response.body#/id")],
    ),
    (
        "createCustomer",
        "201",
        "ListOrders",
        "listOrders",
        &[("customer", "$response.body#/id")],
    ),
    (
        "createCustomer",
        "201",
        "ListSubscriptions",
        "listSubscriptions",
        &[("customer", "$response.body#/id")],
    ),
    (
        "createCustomer",
        "201",
        "ListCustomerRelationships",
        "listCustomerRelationships",
        &[("customer", "$response.body#/id")],
    ),
    (
        "listCustomers",
        "200",
        "GetCustomer",
        "getCustomer",
        &[("customer", FIRST)],
    ),
    (
        "listCustomers",
        "200",
        "GetBillingProfile",
        "getBillingProfile",
        &[("customer", FIRST)],
    ),
    (
        "listCustomers",
        "200",
        "ListAgreements",
        "listAgreements",
        &[("customer", FIRST)],
    ),
    (
        "listCustomers",
        "200",
        "ListOrders",
        "listOrders",
        &[("customer", FIRST)],
    ),
    (
        "listCustomers",
        "200",
        "ListSubscriptions",
        "listSubscriptions",
        &[("customer", FIRST)],
    ),
    (
        "listOrders",
        "200",
        "GetOrder",
        "getOrder",
        &[("customer", "$request.path.customer"), ("order", FIRST)],
    ),
    (
        "listOrders",
        "200",
        "PurchaseAddOns",
        "purchaseAddOns",
        &[("customer", "$request.path.customer"), ("order", FIRST)],
    ),
    (
        "createOrder",
        "201",
        "GetOrder",
        "getOrder",
        &[
            ("customer", "$request.path.customer"),
            ("order", "$response.body#/id"),
        ],
    ),
    (
        "createOrder",
        "201",
        "PurchaseAddOns",
        "purchaseAddOns",
        &[
            ("customer", "$request.path.customer"),
            ("order", "$response.body#/id"),
        ],
    ),
    (
        "createOrder",
        "201",
        "GetSubscription",
        "getSubscription",
        &[
            ("customer", "$request.path.customer"),
            ("subscription", "$response.body#/lineItems/0/subscriptionId"),
        ],
    ),
    (
        "listSubscriptions",
        "200",
        "GetSubscription",
        "getSubscription",
        &[("customer", "$request.path.customer"), ("subscription", FIRST)],
    ),
    (
        "listSubscriptions",
        "200",
        "ListSubscriptionAddOns",
        "listSubscriptionAddOns",
        &[("customer", "$request.path.customer"), ("subscription", FIRST)],
    ),
    (
        "getSubscription",
        "200",
        "UpdateSubscription",
        "updateSubscription",
        &[
            ("customer", "$request.path.customer"),
            ("subscription", "$request.path.subscription"),
            ("If-Match", "$response.header.ETag"),
        ],
    ),
    (
        "getBillingProfile",
        "200",
        "UpdateBillingProfile",
        "updateBillingProfile",
        &[
            ("customer", "$request.path.customer"),
            ("If-Match", "$response.header.ETag"),
        ],
    ),
    ("listOffers", "200", "GetOffer", "getOffer", &[("offer", FIRST)]),
    (
        "listOffers",
        "200",
        "ListOfferAddOns",
        "listOfferAddOns",
        &[("offer", FIRST)],
    ),
    (
        "getInvoices",
        "200",
        "GetInvoice",
        "getInvoice",
        &[("invoice", FIRST)],
    ),
    (
        "getInvoices",
        "200",
        "GetInvoiceLineItems",
        "getInvoiceLineItems",
        LINE_ITEMS_OF_FIRST,
    ),
    (
        "getInvoices",
        "200",
        "GetInvoiceReconciliation",
        "getInvoiceReconciliation",
        &[("invoice", FIRST)],
    ),
    (
        "getInvoices",
        "200",
        "GetInvoiceStatement",
        "getInvoiceStatement",
        &[("invoice", FIRST)],
    ),
    (
        "listCustomers",
        "200",
        "GetCustomerInvoices",
        "getCustomerInvoices",
        &[("customer", FIRST)],
    ),
    (
        "getCustomerInvoices",
        "200",
        "GetCustomerInvoice",
        "getCustomerInvoice",
        &[("customer", "$request.path.customer"), ("invoice", FIRST)],
    ),
    (
        "getCustomerInvoices",
        "200",
        "GetCustomerInvoiceLineItems",
        "getCustomerInvoiceLineItems",
        &[
            ("customer", "$request.path.customer"),
            ("invoice", FIRST),
            ("provider", "onetime"),
            ("invoicelineitemtype", "billinglineitems"),
        ],
    ),
    (
        "getCustomerInvoices",
        "200",
        "GetCustomerInvoiceReconciliation",
        "getCustomerInvoiceReconciliation",
        &[("customer", "$request.path.customer"), ("invoice", FIRST)],
    ),
    (
        "getCustomerInvoices",
        "200",
        "GetCustomerInvoiceStatement",
        "getCustomerInvoiceStatement",
        &[("customer", "$request.path.customer"), ("invoice", FIRST)],
    ),
    (
        "getServiceRequests",
        "200",
        "GetServiceRequest",
        "getServiceRequest",
        &[("request", FIRST)],
    ),
    (
        "getServiceRequests",
        "200",
        "UpdateServiceRequest",
        "updateServiceRequest",
        &[("request", FIRST)],
    ),
    (
        "createServiceRequest",
        "201",
        "GetServiceRequest",
        "getServiceRequest",
        &[("request", "$response.body#/id")],
    ),
    (
        "createServiceRequest",
        "201",
        "UpdateServiceRequest",
        "updateServiceRequest",
        &[("request", "$response.body#/id")],
    ),
    (
        "listCustomers",
        "200",
        "GetCustomerServiceRequests",
        "getCustomerServiceRequests",
        &[("customer", FIRST)],
    ),
    (
        "getCustomerServiceRequests",
        "200",
        "GetCustomerServiceRequest",
        "getCustomerServiceRequest",
        &[("customer", "$request.path.customer"), ("request", FIRST)],
    ),
    (
        "getCustomerServiceRequests",
        "200",
        "UpdateCustomerServiceRequest",
        "updateCustomerServiceRequest",
        &[("customer", "$request.path.customer"), ("request", FIRST)],
    ),
];

/// The properties of each request body whose absence is always refused. (Others are
/// required only in some countries or can be given in either of two places: the rules
/// answer 400 naming them.)
const REQUIRED: &[(&str, &[&str])] = &[
    ("CreateCustomerRequest", &["billingProfile", "companyProfile"]),
    ("BillingProfileRequest", &["email", "defaultAddress"]),
    ("AddressRequest", &["addressLine1", "city"]),
    ("CompanyProfileRequest", &["domain"]),
    ("AgreementRequest", &["primaryContact", "dateAgreed"]),
    ("ContactRequest", &["firstName", "lastName", "email"]),
    ("CreateOrderRequest", &["lineItems"]),
    ("LineItemRequest", &["offerId", "quantity"]),
    (
        "NewServiceRequest",
        &["customerId", "title", "description", "severity", "supportTopicId"],
    ),
    ("PriceRuleRequest", &["kind"]),
];

/// The domain's fields of free text, by the property names the bodies give them.
const TEXT: &[(&str, Field)] = &[
    ("companyName", Field::CompanyName),
    ("addressLine1", Field::AddressLine1),
    ("addressLine2", Field::AddressLine2),
    ("city", Field::City),
    ("state", Field::State),
    ("postalCode", Field::PostalCode),
    (
        "organizationRegistrationNumber",
        Field::OrganizationRegistrationNumber,
    ),
    ("firstName", Field::FirstName),
    ("lastName", Field::LastName),
    ("email", Field::Email),
];

/// Drops `null` from what a property may be.
fn not_null(property: &mut Value) {
    if let Some(types) = property["type"].as_array_mut() {
        types.retain(|t| t != "null");
        if let [only] = types.as_slice() {
            property["type"] = only.clone();
        }
    }
    let one = property["oneOf"].as_array().map(|choices| {
        choices
            .iter()
            .filter(|c| c["type"] != "null")
            .cloned()
            .collect::<Vec<_>>()
    });
    if let Some([only]) = one.as_deref() {
        let description = property.get("description").cloned();
        *property = only.clone();
        if let Some(description) = description {
            property["description"] = description;
        }
    }
}

/// Request bodies: required properties, the lengths the rules allow, license counts, and
/// unknown properties (ignored: Partner Center clients send whole resources back).
fn bodies(doc: &mut Value) {
    let Some(schemas) = doc["components"]["schemas"].as_object_mut() else {
        return;
    };
    for (name, schema) in schemas.iter_mut().filter(|(name, _)| name.ends_with("Request")) {
        schema["additionalProperties"] = json!(true);
        let required = REQUIRED
            .iter()
            .find(|(n, _)| n == name)
            .map_or(&[][..], |(_, r)| r);
        schema["required"] = json!(required);
        let Some(properties) = schema["properties"].as_object_mut() else {
            continue;
        };
        for (property, value) in properties.iter_mut() {
            if required.contains(&property.as_str()) {
                not_null(value);
            }
            let field = TEXT.iter().find(|(p, _)| p == property).map(|(_, f)| *f);
            if let Some(max) = field.and_then(Field::max_length) {
                value["maxLength"] = json!(max);
            }
            if property == "quantity" {
                let description = value["description"].clone();
                let mut counts = json!({"anyOf": [
                    {"type": "integer", "minimum": 1},
                    {"type": "string", "pattern": "^\\s*\\+?[0-9]+\\s*$"},
                ], "description": description});
                if !required.contains(&"quantity") {
                    counts["anyOf"]
                        .as_array_mut()
                        .into_iter()
                        .for_each(|a| a.push(json!({"type": "null"})));
                }
                *value = counts;
            }
        }
        if name == "LineItemRequest" || name == "NextTermProductRequest" {
            // Absent or null takes the default (the next term: as now), as the descriptions
            // say.
            let terms: Vec<Value> = TermDuration::ALL
                .iter()
                .map(|t| json!(t.as_str()))
                .chain([Value::Null])
                .collect();
            let cycles: Vec<Value> = BillingCycle::ALL
                .iter()
                .map(|c| json!(c.as_str()))
                .chain([Value::Null])
                .collect();
            schema["properties"]["termDuration"]["enum"] = json!(terms);
            schema["properties"]["billingCycle"]["enum"] = json!(cycles);
        }
        if name == "CreateOrderRequest" {
            schema["properties"]["lineItems"]["minItems"] = json!(1);
            schema["properties"]["lineItems"]["maxItems"] = json!(MAX_LINE_ITEMS);
        }
    }
}

/// What a query parameter takes, where the domain lists the values or the handler's
/// annotation can't say it.
fn query_schema(name: &str) -> Option<Value> {
    let values: Vec<&str> = match name {
        "country" => country::all().map(|c| c.code.as_str()).collect(),
        "operationType" => Action::ALL.iter().map(|a| a.as_str()).collect(),
        "agreementType" => agreements::AGREEMENT_TYPES.to_vec(),
        "relationship_type" => vec![relationships::PROVIDER_OF, relationships::RESELLER_OF],
        "seekOperation" => vec!["Next"],
        "provider" => vec!["onetime"],
        "invoicelineitemtype" => vec!["billinglineitems"],
        "period" => vec!["current", "previous"],
        "currencycode" => invoices::currencies(),
        "startDate" | "endDate" => {
            let date = |format| json!({"type": "string", "format": format});
            return Some(json!({"anyOf": [date("date-time"), date("date")]}));
        }
        _ => return None,
    };
    Some(json!({"type": "string", "enum": values}))
}

/// `filter` of listCustomers: a JSON object, sent as the parameter's value.
fn customer_filter() -> Value {
    let by = |field: Value, value: Value, operators: &[&str]| {
        json!({
            "type": "object",
            "required": ["Field", "Value", "Operator"],
            "properties": {"Field": field, "Value": value, "Operator": {"type": "string", "enum": operators}},
        })
    };
    json!({"application/json": {"schema": {"oneOf": [
        by(
            json!({"type": "string", "enum": ["CompanyName", "Domain"]}),
            json!({"type": "string"}),
            &["starts_with", "contains"],
        ),
        by(
            json!({"type": "string", "enum": ["IndirectReseller"]}),
            json!({"type": "string", "format": "uuid"}),
            &["starts_with"],
        ),
    ]}}})
}

fn error_response(description: &str, headers: &[&str]) -> Value {
    let mut all = vec!["MS-CorrelationId", "MS-RequestId"];
    all.extend_from_slice(headers);
    json!({
        "description": description,
        "headers": headers_of(&all),
        "content": {"application/json": {"schema": {"$ref": ERROR}}},
    })
}

fn headers_of(names: &[&str]) -> Value {
    let map: Map<String, Value> = names
        .iter()
        .map(|n| {
            (
                (*n).to_owned(),
                json!({"$ref": format!("#/components/headers/{n}")}),
            )
        })
        .collect();
    Value::Object(map)
}

/// The reusable parts: headers, parameters and error responses.
fn components(doc: &mut Value) {
    let components = &mut doc["components"];
    components["headers"] = json!({
        "MS-CorrelationId": {
            "description": "The request's correlation id: the one it carried, or a new one. Log lines name it.",
            "schema": {"type": "string"}
        },
        "MS-RequestId": {"description": "The request's `MS-RequestId`, echoed when it carried one.", "schema": {"type": "string"}},
        "Retry-After": {"description": "Seconds to wait before trying again.", "schema": {"type": "integer", "minimum": 0}},
        "ETag": {"description": "The version of the resource, for `If-Match`.", "schema": {"type": "string"}},
        "Location": {"description": "Where the new resource is.", "schema": {"type": "string"}},
    });
    components["parameters"] = json!({
        "X-Locale": {
            "name": "X-Locale", "in": "header", "required": false,
            "description": "The language of error descriptions (`en-US`, `zh-TW`, `zh-CN`, `fr-FR`, `ru-RU`; others fall back to the closest, then to `Accept-Language`, then English).",
            "schema": {"type": "string"}
        },
        "MS-CorrelationId": {
            "name": "MS-CorrelationId", "in": "header", "required": false,
            "description": "Ties the request to its log lines; echoed. Up to 128 letters, digits and `-_.:`, else a new one is made.",
            "schema": {"type": "string"}
        },
        "MS-RequestId": {
            "name": "MS-RequestId", "in": "header", "required": false,
            "description": "Echoed. On creates, the idempotency key: a retry with the same id gets the first answer (kept 24 hours); the same id with another request is refused (409). Up to 200 characters; a longer one is not a key.",
            "schema": {"type": "string"}
        },
    });
    components["responses"] = json!({
        "BadRequest": error_response("A parameter or the body can't be read or breaks a rule; `data` names each value and why", &[]),
        "Unauthorized": error_response("No `Authorization: Bearer` token, or one that is unknown or revoked", &[]),
        "Forbidden": error_response("The user's role or the partner's type doesn't allow it, or the cloud doesn't offer it", &[]),
        "NotFound": error_response("Nothing of the caller's goes by that id", &[]),
        "PayloadTooLarge": error_response("The body is larger than `max_body_bytes`", &[]),
        "UnsupportedMediaType": error_response("The body isn't `application/json`", &[]),
        "TooManyRequests": error_response("The partner's allowance of requests per minute is spent", &["Retry-After"]),
        "InternalError": error_response("A fault: logged under the correlation id, which the description gives", &[]),
        "Unavailable": error_response("The database is out of reach, the server is busy or an answer took too long: try again", &["Retry-After"]),
    });
}

/// `(status, component)` of the errors an operation can answer.
fn errors(op: &Value, path: &str) -> Vec<(&'static str, &'static str)> {
    let mut all = vec![
        ("401", "Unauthorized"),
        ("403", "Forbidden"),
        ("429", "TooManyRequests"),
        ("500", "InternalError"),
        ("503", "Unavailable"),
    ];
    let queried = op["parameters"]
        .as_array()
        .is_some_and(|ps| ps.iter().any(|p| p["in"] == "query"));
    if op.get("requestBody").is_some() {
        all.extend([
            ("400", "BadRequest"),
            ("413", "PayloadTooLarge"),
            ("415", "UnsupportedMediaType"),
        ]);
    } else if queried {
        all.push(("400", "BadRequest"));
    }
    if path.contains('{') {
        all.push(("404", "NotFound"));
    }
    all
}

/// Adds what every operation shares to one operation.
fn operation(method: &str, path: &str, op: &mut Value) {
    if let Some((_, _, id)) = OPERATIONS.iter().find(|(m, p, _)| *m == method && *p == path) {
        op["operationId"] = json!(id);
    }
    let parameters = op["parameters"].as_array_mut();
    let parameters = match parameters {
        Some(parameters) => parameters,
        None => {
            op["parameters"] = json!([]);
            op["parameters"].as_array_mut().unwrap_or_else(|| unreachable!())
        }
    };
    for parameter in parameters.iter_mut().filter(|p| p["in"] == "query") {
        let name = parameter["name"].as_str().unwrap_or("");
        if let Some(schema) = query_schema(name) {
            parameter["schema"] = schema;
        } else if name == "filter" {
            if let Some(p) = parameter.as_object_mut() {
                p.remove("schema");
            }
            parameter["content"] = customer_filter();
        }
    }
    parameters.retain(|p| {
        !(p["in"] == "header" && ["MS-RequestId", "X-Locale"].contains(&p["name"].as_str().unwrap_or("")))
    });
    for name in ["X-Locale", "MS-CorrelationId", "MS-RequestId"] {
        parameters.push(json!({"$ref": format!("#/components/parameters/{name}")}));
    }
    let errors = errors(op, path);
    let versioned = VERSIONED.contains(&op["operationId"].as_str().unwrap_or(""));
    let responses = op["responses"].as_object_mut();
    let Some(responses) = responses else { return };
    for (status, component) in errors {
        responses
            .entry(status)
            .or_insert_with(|| json!({"$ref": format!("#/components/responses/{component}")}));
    }
    for (status, response) in responses.iter_mut() {
        if response.get("$ref").is_some() {
            continue;
        }
        let mut headers = vec!["MS-CorrelationId", "MS-RequestId"];
        if status == "201" {
            headers.push("Location");
        }
        if status == "200" && versioned {
            headers.push("ETag");
        }
        let existing = response["headers"].as_object().cloned().unwrap_or_default();
        let mut merged = headers_of(&headers).as_object().cloned().unwrap_or_default();
        merged.extend(existing);
        response["headers"] = Value::Object(merged);
        if status.starts_with(['4', '5']) && method != "head" && response.get("content").is_none() {
            response["content"] = json!({"application/json": {"schema": {"$ref": ERROR}}});
        }
    }
}

fn links(doc: &mut Value) {
    let Some(paths) = doc["paths"].as_object_mut() else {
        return;
    };
    for item in paths.values_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for op in item.values_mut() {
            let id = op["operationId"].as_str().unwrap_or("").to_owned();
            for (from, status, name, to, parameters) in LINKS.iter().filter(|l| l.0 == id) {
                let parameters: Map<String, Value> = parameters
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), json!(v)))
                    .collect();
                debug_assert_eq!(*from, id);
                op["responses"][*status]["links"][*name] =
                    json!({"operationId": to, "parameters": parameters});
            }
        }
    }
}

/// The document with what every operation shares.
pub fn complete(mut doc: Value) -> Value {
    components(&mut doc);
    bodies(&mut doc);
    if let Some(paths) = doc["paths"].as_object_mut() {
        for (path, item) in paths.iter_mut() {
            let Some(item) = item.as_object_mut() else {
                continue;
            };
            for (method, op) in item.iter_mut() {
                operation(method, path, op);
            }
        }
    }
    links(&mut doc);
    doc
}
