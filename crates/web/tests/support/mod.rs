//! `TestApp`: the real application on a loopback port, on a fresh database (SQLite, or
//! PostgreSQL when `PD_TEST_DATABASE_URL` is set), with partners, users and tokens. Shared
//! by the API, portal and browser suites; each uses part of it.
#![allow(dead_code, reason = "each test binary uses a part of it")]

pub mod smtp;

use partnerdesk_domain::audit::Actor;
use partnerdesk_domain::billing::TaxRate;
use partnerdesk_domain::billing::calendar::add_months;
use partnerdesk_domain::catalog::{Catalog, CatalogDocument};
use partnerdesk_domain::country::CountryCode;
use partnerdesk_domain::partner::{Partner, PartnerKind, Role};
use partnerdesk_domain::profile::{CloudProfile, ProfileName};
use partnerdesk_secrets as secrets;
use partnerdesk_store::testing::{TestDatabase, row_counts};
use partnerdesk_store::{BillingRun, Store};
use partnerdesk_web::{AppState, Settings};
use reqwest::{Method, RequestBuilder, Response, StatusCode};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use tokio::sync::oneshot;

/// The demo catalog the binary ships: real offers in five languages.
const CATALOG: &str = include_str!("../../../partnerdesk/src/demo/catalog.json");

pub fn catalog() -> Catalog {
    let document: CatalogDocument = serde_json::from_str(CATALOG).unwrap_or_else(|e| panic!("{e}"));
    Catalog::new(document).unwrap_or_else(|e| panic!("{e:?}"))
}

pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    pub store: Store,
    /// An indirect provider, its admin agent's token, and two linked resellers.
    pub provider: Partner,
    pub token: String,
    pub resellers: Vec<Partner>,
    /// The running app's state: its password workers count their computations.
    pub state: AppState,
    shutdown: Option<oneshot::Sender<()>>,
    _db: TestDatabase,
}

impl TestApp {
    pub async fn spawn() -> Self {
        Self::spawn_with(
            CloudProfile::builtin(ProfileName::Global).unwrap_or_else(|| unreachable!()),
            0,
        )
        .await
    }

    /// An app in `profile` with a rate limit (0: none).
    pub async fn spawn_with(profile: CloudProfile, rate_limit: u32) -> Self {
        let mut settings = Settings::new(profile);
        settings.rate_limit_per_minute = rate_limit;
        Self::spawn_configured(settings).await
    }

    /// An app with these settings.
    pub async fn spawn_configured(settings: Settings) -> Self {
        let profile = &settings.profile;
        let db = TestDatabase::new().await;
        let store = db.open().await;
        store
            .replace_catalog(&catalog())
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let kind = if profile.indirect_model {
            PartnerKind::IndirectProvider
        } else {
            PartnerKind::Direct
        };
        let provider = store
            .create_partner("Provider", kind)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let mut resellers = Vec::new();
        if profile.indirect_model {
            for name in ["Reseller One", "Reseller Two"] {
                let reseller = store
                    .create_partner(name, PartnerKind::IndirectReseller)
                    .await
                    .unwrap_or_else(|e| panic!("{e}"));
                store
                    .link_reseller(provider.id, reseller.id)
                    .await
                    .unwrap_or_else(|e| panic!("{e}"));
                resellers.push(reseller);
            }
        }
        let state = AppState::new(store.clone(), settings);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let base = format!(
            "http://{}",
            listener.local_addr().unwrap_or_else(|e| panic!("{e}"))
        );
        let (shutdown, stop) = oneshot::channel::<()>();
        tokio::spawn(partnerdesk_web::serve(listener, state.clone(), async {
            let _ = stop.await;
        }));
        let mut app = Self {
            base,
            client: reqwest::Client::new(),
            store,
            provider: provider.clone(),
            token: String::new(),
            resellers,
            state,
            shutdown: Some(shutdown),
            _db: db,
        };
        app.token = app
            .token_for(&provider, Role::AdminAgent, "admin@provider.example")
            .await;
        app
    }

    /// A new user of `partner` with `role` who signs in with the returned password.
    pub async fn user_with_password(&self, partner: &Partner, role: Role, email: &str) -> String {
        let password = secrets::generate_password();
        let hash = secrets::hash_chosen_password(&password).unwrap_or_else(|e| panic!("{e}"));
        self.store
            .create_partner_user(partner.id, email, role, hash, Actor::operator())
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        password
    }

    /// A helpdesk agent of `partner` who reads `locale`: whose language mail to the
    /// partner's support address is written in, when the address is theirs or their
    /// colleagues read it too.
    pub async fn support_staff(&self, partner: &Partner, email: &str, locale: &str) {
        let user = self
            .store
            .create_partner_user(
                partner.id,
                email,
                Role::HelpdeskAgent,
                "x".into(),
                Actor::operator(),
            )
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        self.store
            .set_partner_user_locale(user.id, Some(locale.into()))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
    }

    /// A new user of `partner` with `role`, and its API token.
    pub async fn token_for(&self, partner: &Partner, role: Role, email: &str) -> String {
        let user = self
            .store
            .create_partner_user(partner.id, email, role, "unused".into(), Actor::operator())
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let token = secrets::generate_token();
        self.store
            .create_api_token(
                &user,
                "test",
                secrets::sha256(token.as_bytes()),
                None,
                Actor::operator(),
            )
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        token
    }

    /// A request as the provider's admin agent.
    pub fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.request_as(&self.token, method, path)
    }

    pub fn request_as(&self, token: &str, method: Method, path: &str) -> RequestBuilder {
        self.client
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(token)
    }

    pub async fn get(&self, path: &str) -> Response {
        send(self.request(Method::GET, path)).await
    }

    pub async fn post(&self, path: &str, body: &Value) -> Response {
        send(self.request(Method::POST, path).json(body)).await
    }

    /// Creates a customer and returns the 201 body.
    pub async fn create_customer(&self, body: &Value) -> Value {
        let response = self.post("/v1/customers", body).await;
        expect(response, StatusCode::CREATED).await
    }

    /// Runs billing up to `months` months from today: cycles, renewals, expiries and the
    /// close of every month ended by then.
    pub async fn bill_months_ahead(&self, months: u32) -> BillingRun {
        let until =
            add_months(time::OffsetDateTime::now_utc().date(), months).unwrap_or_else(|e| panic!("{e}"));
        self.store
            .run_billing(until)
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// Taxes the lines of customers in `country` at `percent` from the next month close.
    pub async fn tax(&self, country: &str, percent: &str) {
        let country = CountryCode::parse(country).unwrap_or_else(|_| panic!("{country}"));
        let rate = TaxRate::parse(percent).unwrap_or_else(|e| panic!("{e}"));
        self.store
            .set_tax_rate(country, Some(rate))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
    }

    pub async fn rows(&self) -> BTreeMap<&'static str, i64> {
        row_counts(&self.store).await
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }
}

pub async fn send(request: RequestBuilder) -> Response {
    request
        .send()
        .await
        .unwrap_or_else(|e| panic!("request failed: {e}"))
}

/// Asserts the status and returns the JSON body (Null when empty).
pub async fn expect(response: Response, status: StatusCode) -> Value {
    let actual = response.status();
    let text = response.text().await.unwrap_or_default();
    assert_eq!(actual, status, "body: {text}");
    if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
    }
}

/// The `(field, errorName)` pairs of an error body.
pub fn fields(error: &Value) -> Vec<(String, String)> {
    error["data"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|d| {
                    (
                        d["field"].as_str().unwrap_or("").to_owned(),
                        d["errorName"].as_str().unwrap_or("").to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A complete, valid creation request for a US customer at `prefix`.onmicrosoft.com,
/// with the agreement acceptance and two line items.
pub fn customer_body(prefix: &str) -> Value {
    json!({
        "companyProfile": {"domain": prefix},
        "billingProfile": {
            "email": "ana@contoso.example",
            "companyName": format!("{prefix} Inc"),
            "defaultAddress": {
                "country": "US", "city": "Redmond", "state": "WA", "addressLine1": "1 Main St",
                "postalCode": "98052", "firstName": "Ana", "lastName": "Lee", "phoneNumber": "425 555 0101"
            }
        },
        "agreement": {
            "primaryContact": {"firstName": "Ana", "lastName": "Lee", "email": "ana@contoso.example", "phoneNumber": "425 555 0101"},
            "dateAgreed": "2026-01-15"
        },
        "lineItems": [
            {"lineItemNumber": 0, "offerId": "PDC-MAIL-STD", "quantity": 10},
            {"lineItemNumber": 1, "offerId": "PDC-SEC-ENDPOINT", "quantity": 25}
        ]
    })
}

/// The same customer without agreement or order: Partner Center's plain create.
pub fn plain_customer_body(prefix: &str) -> Value {
    let mut body = customer_body(prefix);
    if let Some(object) = body.as_object_mut() {
        object.remove("agreement");
        object.remove("lineItems");
    }
    body
}
