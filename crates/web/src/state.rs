//! What every request handler shares.

use std::collections::HashMap;
use std::num::NonZeroU32;
use std::sync::{Arc, OnceLock, RwLock};
use std::time::{Duration, Instant};

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use partnerdesk_domain::PartnerId;
use partnerdesk_domain::profile::CloudProfile;
use partnerdesk_secrets as secrets;
use partnerdesk_store::{Principal, Store};

/// The web layer's settings.
#[derive(Debug, Clone)]
pub struct Settings {
    pub profile: CloudProfile,
    /// API requests per minute per partner; 0 turns the limit off.
    pub rate_limit_per_minute: u32,
    /// The largest request body accepted.
    pub max_body_bytes: usize,
    /// Cookies carry `Secure` (set when the server is reached over HTTPS).
    pub secure_cookies: bool,
    /// Drafts of the "Add customer" wizard are removed after this long without a change.
    pub draft_max_age: time::Duration,
    /// A request whose answer takes longer is answered 503.
    pub request_timeout: std::time::Duration,
    /// Who may read `/metrics`.
    pub metrics: Metrics,
}

/// Who may read `/metrics`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Metrics {
    /// Nobody: 404.
    Off,
    Public,
    /// Whoever sends `Authorization: Bearer` with the token whose digest this is.
    Token(Vec<u8>),
}

impl Metrics {
    pub fn token(token: &str) -> Self {
        Metrics::Token(partnerdesk_secrets::sha256(token.as_bytes()))
    }
}

impl Settings {
    pub fn new(profile: CloudProfile) -> Self {
        Self {
            profile,
            rate_limit_per_minute: 500,
            max_body_bytes: 64 * 1024,
            secure_cookies: false,
            draft_max_age: time::Duration::days(7),
            request_timeout: std::time::Duration::from_secs(30),
            metrics: Metrics::Off,
        }
    }
}

/// Shared by every request: cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub settings: Arc<Settings>,
    pub(crate) principals: Arc<PrincipalCache>,
    limiter: Option<Arc<DefaultKeyedRateLimiter<PartnerId>>>,
    pub(crate) metrics: PrometheusHandle,
}

impl AppState {
    pub fn new(store: Store, settings: Settings) -> Self {
        let limiter = NonZeroU32::new(settings.rate_limit_per_minute)
            .map(|n| Arc::new(DefaultKeyedRateLimiter::keyed(Quota::per_minute(n))));
        Self {
            store,
            settings: Arc::new(settings),
            principals: Arc::new(PrincipalCache::default()),
            limiter,
            metrics: metrics_handle(),
        }
    }

    /// Takes one request from the partner's allowance; when it is spent, the seconds to
    /// wait.
    pub(crate) fn throttle(&self, partner: PartnerId) -> Result<(), u64> {
        let Some(limiter) = &self.limiter else {
            return Ok(());
        };
        limiter.check_key(&partner).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
        })
    }

    /// Folds recorded histogram samples into their buckets.
    pub(crate) fn metrics_upkeep(&self) {
        self.metrics.run_upkeep();
    }

    /// Forgets partners that haven't called for a while, and expired principals.
    pub(crate) fn forget_idle_callers(&self) {
        self.principals.forget_expired();
        if let Some(limiter) = &self.limiter {
            limiter.retain_recent();
        }
    }
}

/// How long an API token's user is trusted without looking again: a revoked token or a
/// deactivated user stops working within this time.
const PRINCIPAL_TTL: Duration = Duration::from_secs(5);

/// A principal and when it was looked up.
type Seen = (Arc<Principal>, Instant);

/// Who recently used which API token, keyed by the token's digest (never the token).
#[derive(Default)]
pub(crate) struct PrincipalCache {
    entries: RwLock<HashMap<Vec<u8>, Seen>>,
}

impl PrincipalCache {
    pub(crate) fn get(&self, token: &str) -> Option<Arc<Principal>> {
        let key = secrets::sha256(token.as_bytes());
        let entries = self.entries.read().ok()?;
        let (principal, at) = entries.get(&key)?;
        (at.elapsed() < PRINCIPAL_TTL).then(|| principal.clone())
    }

    pub(crate) fn insert(&self, token: &str, principal: Principal) -> Arc<Principal> {
        let principal = Arc::new(principal);
        if let Ok(mut entries) = self.entries.write() {
            entries.insert(
                secrets::sha256(token.as_bytes()),
                (principal.clone(), Instant::now()),
            );
        }
        principal
    }

    fn forget_expired(&self) {
        if let Ok(mut entries) = self.entries.write() {
            entries.retain(|_, (_, at)| at.elapsed() < PRINCIPAL_TTL);
        }
    }
}

/// Request durations are counted in these buckets (seconds): fixed buckets keep the memory
/// of a histogram constant, where the default summaries keep samples until an upkeep.
const DURATION_BUCKETS: &[f64] = &[
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

/// The process's metrics recorder, installed once (tests start many apps in one process).
fn metrics_handle() -> PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let builder = PrometheusBuilder::new();
            let builder = builder
                .set_buckets(DURATION_BUCKETS)
                .unwrap_or_else(|_| PrometheusBuilder::new());
            let recorder = builder.build_recorder();
            let handle = recorder.handle();
            let _ = metrics::set_global_recorder(recorder);
            handle
        })
        .clone()
}
