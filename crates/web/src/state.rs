//! What every request handler shares.

use std::num::NonZeroU32;
use std::sync::{Arc, OnceLock};

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use partnerdesk_domain::PartnerId;
use partnerdesk_domain::profile::CloudProfile;
use partnerdesk_store::Store;

/// The web layer's settings.
#[derive(Debug, Clone)]
pub struct Settings {
    pub profile: CloudProfile,
    /// API requests per minute per partner; 0 turns the limit off.
    pub rate_limit_per_minute: u32,
    /// The largest request body accepted.
    pub max_body_bytes: usize,
}

impl Settings {
    pub fn new(profile: CloudProfile) -> Self {
        Self {
            profile,
            rate_limit_per_minute: 500,
            max_body_bytes: 64 * 1024,
        }
    }
}

/// Shared by every request: cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub settings: Arc<Settings>,
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

    /// Forgets partners that haven't called for a while.
    pub(crate) fn forget_idle_callers(&self) {
        if let Some(limiter) = &self.limiter {
            limiter.retain_recent();
        }
    }
}

/// The process's metrics recorder, installed once (tests start many apps in one process).
fn metrics_handle() -> PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let recorder = PrometheusBuilder::new().build_recorder();
            let handle = recorder.handle();
            let _ = metrics::set_global_recorder(recorder);
            handle
        })
        .clone()
}
