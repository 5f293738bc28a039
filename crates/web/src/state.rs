//! What every request handler shares.

use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::{Arc, OnceLock, RwLock};
use std::time::{Duration, Instant};

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use partnerdesk_domain::PartnerId;
use partnerdesk_domain::profile::CloudProfile;
use partnerdesk_secrets::{self as secrets, PasswordPool};
use partnerdesk_store::{Principal, Store};

/// Default [`Settings::attempts_per_address_per_minute`].
pub const ATTEMPTS_PER_ADDRESS_PER_MINUTE: u32 = 20;
/// Default [`Settings::attempts_per_account_per_minute`].
pub const ATTEMPTS_PER_ACCOUNT_PER_MINUTE: u32 = 10;
/// Default [`Settings::failed_tokens_per_address_per_minute`].
pub const FAILED_TOKENS_PER_ADDRESS_PER_MINUTE: u32 = 30;
/// Default [`Settings::password_queue`]: with two workers at about 20 ms a computation, a
/// full queue is served within about a third of a second.
pub const PASSWORD_QUEUE: usize = 32;

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
    /// Attempts to prove who one is (signing in, setting a password with a link, changing
    /// one) per minute from one client address; 0 turns the limit off.
    pub attempts_per_address_per_minute: u32,
    /// The same per account (an email or a customer admin's user name), whatever the
    /// address; 0 turns the limit off.
    pub attempts_per_account_per_minute: u32,
    /// Threads that hash and check passwords, each with 19 MiB of its own; 0: as many as
    /// cores, at least two.
    pub password_workers: usize,
    /// Password computations that may wait for a worker; more are refused with 503.
    pub password_queue: usize,
    /// API requests with an unknown or revoked token per minute from one client address;
    /// past it the address gets 429 without its tokens being looked up. 0 turns the limit
    /// off.
    pub failed_tokens_per_address_per_minute: u32,
    /// The font invoice PDFs are written in; `None`: the first of
    /// [`crate::invoice_pdf::DEFAULT_FONTS`] that exists.
    pub pdf_font: Option<std::path::PathBuf>,
    /// How soon service requests are answered and resolved, per severity.
    pub support_targets: partnerdesk_domain::support::Targets,
    /// How many files a service request takes, how large, of which types.
    pub attachments: partnerdesk_domain::attachment::AttachmentLimits,
    /// Where mail goes out (`smtp://…`, `smtps://…`); `None`: it waits in the outbox.
    pub smtp_url: Option<String>,
    /// Who mail is from.
    pub mail_from: String,
    /// The address people reach the portals at, for links in mail.
    pub public_url: String,
    /// Where mail about requests escalated to the operator goes; none: nowhere (the
    /// operator reads `partnerdesk support list`).
    pub operator_email: Option<String>,
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
            attempts_per_address_per_minute: ATTEMPTS_PER_ADDRESS_PER_MINUTE,
            attempts_per_account_per_minute: ATTEMPTS_PER_ACCOUNT_PER_MINUTE,
            password_workers: 0,
            password_queue: PASSWORD_QUEUE,
            failed_tokens_per_address_per_minute: FAILED_TOKENS_PER_ADDRESS_PER_MINUTE,
            pdf_font: None,
            support_targets: partnerdesk_domain::support::Targets::default(),
            attachments: partnerdesk_domain::attachment::AttachmentLimits::default(),
            smtp_url: None,
            mail_from: "Partnerdesk <no-reply@partnerdesk.example>".into(),
            public_url: "http://127.0.0.1:8080".into(),
            operator_email: None,
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
    attempts: Arc<AttemptLimits>,
    passwords: PasswordPool,
    pub(crate) bad_tokens: Arc<BadTokens>,
    pub(crate) metrics: PrometheusHandle,
    /// The invoice PDFs' font, or why there is none.
    pub(crate) pdf_font: Arc<Result<krilla::text::Font, String>>,
}

/// Allowances of attempts to prove who one is, per client address and per account.
struct AttemptLimits {
    by_address: Option<DefaultKeyedRateLimiter<IpAddr>>,
    by_account: Option<DefaultKeyedRateLimiter<Vec<u8>>>,
}

/// A keyed limiter of `per_minute` a minute, or none for 0.
fn per_minute<K: std::hash::Hash + Eq + Clone>(per_minute: u32) -> Option<DefaultKeyedRateLimiter<K>> {
    NonZeroU32::new(per_minute).map(|n| DefaultKeyedRateLimiter::keyed(Quota::per_minute(n)))
}

/// The whole seconds until `not_until`, at least one.
fn seconds_until(not_until: &governor::NotUntil<<DefaultClock as Clock>::Instant>) -> u64 {
    let wait = not_until.wait_time_from(DefaultClock::default().now());
    (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1)
}

impl AppState {
    pub fn new(store: Store, settings: Settings) -> Self {
        let limiter = per_minute(settings.rate_limit_per_minute).map(Arc::new);
        let attempts = AttemptLimits {
            by_address: per_minute(settings.attempts_per_address_per_minute),
            by_account: per_minute(settings.attempts_per_account_per_minute),
        };
        let workers = match settings.password_workers {
            0 => PasswordPool::default_workers(),
            n => n,
        };
        let passwords = PasswordPool::new(workers, settings.password_queue);
        let settings_failed_tokens = settings.failed_tokens_per_address_per_minute;
        let pdf_font = crate::invoice_pdf::load_font(settings.pdf_font.as_deref());
        Self {
            store,
            settings: Arc::new(settings),
            principals: Arc::new(PrincipalCache::default()),
            limiter,
            attempts: Arc::new(attempts),
            passwords,
            bad_tokens: Arc::new(BadTokens::new(settings_failed_tokens)),
            metrics: metrics_handle(),
            pdf_font: Arc::new(pdf_font),
        }
    }

    /// Why invoice PDFs can't be written here, if they can't: the server says it at start.
    pub fn pdf_font_problem(&self) -> Option<&str> {
        self.pdf_font.as_ref().as_ref().err().map(String::as_str)
    }

    /// The workers that hash and check passwords (tests read how much they computed).
    pub fn passwords(&self) -> &PasswordPool {
        &self.passwords
    }

    /// Takes one attempt to prove who one is from the allowance of the client's address
    /// and that of the account (`account`: a digest naming it); when either is spent, the
    /// seconds to wait.
    pub(crate) fn throttle_attempt(&self, address: Option<IpAddr>, account: &[u8]) -> Result<(), u64> {
        if let (Some(limiter), Some(address)) = (&self.attempts.by_address, address) {
            limiter.check_key(&address).map_err(|n| seconds_until(&n))?;
        }
        if let Some(limiter) = &self.attempts.by_account {
            limiter
                .check_key(&account.to_vec())
                .map_err(|n| seconds_until(&n))?;
        }
        Ok(())
    }

    /// Takes one request from the partner's allowance; when it is spent, the seconds to
    /// wait.
    pub(crate) fn throttle(&self, partner: PartnerId) -> Result<(), u64> {
        let Some(limiter) = &self.limiter else {
            return Ok(());
        };
        limiter
            .check_key(&partner)
            .map_err(|not_until| seconds_until(&not_until))
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
        if let Some(limiter) = &self.attempts.by_address {
            limiter.retain_recent();
        }
        if let Some(limiter) = &self.attempts.by_account {
            limiter.retain_recent();
        }
        self.bad_tokens.forget_expired();
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

/// How long a token found unknown or revoked is refused without looking again.
const BAD_TOKEN_TTL: Duration = Duration::from_secs(5);
/// The most bad tokens remembered at once.
const BAD_TOKENS: usize = 10_000;

/// API tokens that didn't authenticate: the digests of those seen lately (refused again
/// without a lookup), and an allowance per client address of failed lookups, past which
/// the address waits (429) and reaches the database no more.
pub(crate) struct BadTokens {
    seen: RwLock<HashMap<Vec<u8>, Instant>>,
    per_address: Option<DefaultKeyedRateLimiter<IpAddr>>,
    /// Addresses whose allowance is spent, and until when.
    waiting: RwLock<HashMap<IpAddr, Instant>>,
}

impl BadTokens {
    fn new(per_minute_per_address: u32) -> Self {
        Self {
            seen: RwLock::default(),
            per_address: per_minute(per_minute_per_address),
            waiting: RwLock::default(),
        }
    }

    /// The seconds `address` must wait before its tokens are looked up again, if any.
    pub(crate) fn waits(&self, address: Option<IpAddr>) -> Option<u64> {
        let address = address?;
        let until = *self.waiting.read().ok()?.get(&address)?;
        let left = until.checked_duration_since(Instant::now())?;
        Some((left.as_secs() + u64::from(left.subsec_nanos() > 0)).max(1))
    }

    /// Whether the token with this digest was found bad a moment ago.
    pub(crate) fn known(&self, digest: &[u8]) -> bool {
        self.seen
            .read()
            .ok()
            .and_then(|seen| seen.get(digest).map(|at| at.elapsed() < BAD_TOKEN_TTL))
            .unwrap_or(false)
    }

    /// Remembers a bad token and takes the failure from the address's allowance; when it
    /// is spent, the seconds the address now waits.
    pub(crate) fn failed(&self, digest: Vec<u8>, address: Option<IpAddr>) -> Result<(), u64> {
        if let Ok(mut seen) = self.seen.write() {
            if seen.len() >= BAD_TOKENS {
                seen.retain(|_, at| at.elapsed() < BAD_TOKEN_TTL);
            }
            if seen.len() < BAD_TOKENS {
                seen.insert(digest, Instant::now());
            }
        }
        let (Some(limiter), Some(address)) = (&self.per_address, address) else {
            return Ok(());
        };
        limiter.check_key(&address).map_err(|not_until| {
            let seconds = seconds_until(&not_until);
            if let Ok(mut waiting) = self.waiting.write() {
                waiting.insert(address, Instant::now() + Duration::from_secs(seconds));
            }
            seconds
        })
    }

    fn forget_expired(&self) {
        if let Ok(mut seen) = self.seen.write() {
            seen.retain(|_, at| at.elapsed() < BAD_TOKEN_TTL);
        }
        if let Ok(mut waiting) = self.waiting.write() {
            let now = Instant::now();
            waiting.retain(|_, until| *until > now);
        }
        if let Some(limiter) = &self.per_address {
            limiter.retain_recent();
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
