//! Password hashing for requests, with a bound on what it costs. Each Argon2id computation
//! fills 19 MiB, so a computation per sign-in on a thread per request lets a crowd of
//! clients take all the memory there is. Here a few worker threads (as many as cores) each
//! keep one Argon2 memory block and reuse it for every computation, fed by a bounded queue:
//! when the queue is full a call fails at once with [`PoolError::Busy`] rather than wait.
//!
//! Every verification computes Argon2 exactly once, whatever is stored: an Argon2 hash
//! with its own parameters; a digest of a generated password, or nothing at all (an
//! unknown account, a user who hasn't set a password), with the default parameters and the
//! result thrown away. So how long an answer takes says nothing of the account.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use argon2::password_hash::phc::{Output, ParamsString, PasswordHash, Salt};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use rand::RngExt;

use crate::{constant_time_eq, hash_generated_password};

/// The most memory a stored hash may ask for (256 MiB in 1 KiB blocks); a hash asking for
/// more doesn't verify.
const MAX_BLOCKS: usize = 256 * 1024;
/// The salt of the computations whose result is thrown away.
const NO_SALT: &[u8] = b"partnerdesk: no account";

/// Why the pool didn't do the work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PoolError {
    /// As much work is queued as the pool accepts: try again in a moment.
    Busy,
    /// The workers are gone (they couldn't be started, or one panicked).
    Stopped,
}

impl std::fmt::Display for PoolError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            PoolError::Busy => "the password workers are busy",
            PoolError::Stopped => "the password workers stopped",
        })
    }
}

impl std::error::Error for PoolError {}

enum Task {
    Verify {
        password: String,
        stored: Option<String>,
    },
    Hash {
        password: String,
    },
}

enum Done {
    Verified(bool),
    Hashed(Option<String>),
}

struct Job {
    task: Task,
    reply: flume::Sender<Done>,
}

/// A fixed set of threads that compute Argon2id, each in memory of its own that it keeps,
/// behind a bounded queue. Cheap to clone; the threads end when the last clone is dropped.
#[derive(Clone)]
pub struct PasswordPool {
    jobs: flume::Sender<Job>,
    computations: Arc<AtomicU64>,
}

impl PasswordPool {
    /// As many workers as the machine has cores, and at least two.
    pub fn default_workers() -> usize {
        std::thread::available_parallelism().map_or(2, |n| n.get()).max(2)
    }

    /// A pool of `workers` threads (at least one) with room for `queue` waiting
    /// computations (at least one).
    pub fn new(workers: usize, queue: usize) -> Self {
        let (jobs, receiver) = flume::bounded::<Job>(queue.max(1));
        let computations = Arc::new(AtomicU64::new(0));
        for n in 0..workers.max(1) {
            let (receiver, counter) = (receiver.clone(), computations.clone());
            // A worker that can't be started leaves the others; with none, every call
            // answers `Stopped` (the receiver is dropped with this function).
            let _ = std::thread::Builder::new()
                .name(format!("argon2-{n}"))
                .spawn(move || work(&receiver, &counter));
        }
        Self { jobs, computations }
    }

    /// How many Argon2 computations this pool has made: for tests and metrics.
    pub fn computations(&self) -> u64 {
        self.computations.load(Ordering::Relaxed)
    }

    /// Whether `password` matches `stored` (an Argon2 PHC string or a generated
    /// password's digest); `None` for an account that doesn't exist or has no password.
    /// Costs one Argon2 computation in every case.
    pub async fn verify(&self, password: String, stored: Option<String>) -> Result<bool, PoolError> {
        match self.submit(Task::Verify { password, stored }).await? {
            Done::Verified(verified) => Ok(verified),
            Done::Hashed(_) => Err(PoolError::Stopped),
        }
    }

    /// The Argon2id PHC string of a chosen password, with a new random salt and the
    /// default parameters. `None` only if Argon2 refused the input.
    pub async fn hash(&self, password: String) -> Result<Option<String>, PoolError> {
        match self.submit(Task::Hash { password }).await? {
            Done::Hashed(hash) => Ok(hash),
            Done::Verified(_) => Err(PoolError::Stopped),
        }
    }

    async fn submit(&self, task: Task) -> Result<Done, PoolError> {
        let (reply, answer) = flume::bounded(1);
        self.jobs.try_send(Job { task, reply }).map_err(|e| match e {
            flume::TrySendError::Full(_) => PoolError::Busy,
            flume::TrySendError::Disconnected(_) => PoolError::Stopped,
        })?;
        answer.recv_async().await.map_err(|_| PoolError::Stopped)
    }
}

/// A worker: takes jobs until the pool is gone, computing in one memory block that grows
/// to the largest computation asked of it and is kept between jobs.
fn work(jobs: &flume::Receiver<Job>, computations: &AtomicU64) {
    let mut memory: Vec<Block> = Vec::new();
    while let Ok(Job { task, reply }) = jobs.recv() {
        let done = match task {
            Task::Verify { password, stored } => {
                Done::Verified(verify(&mut memory, &password, stored.as_deref()))
            }
            Task::Hash { password } => Done::Hashed(hash(&mut memory, &password)),
        };
        computations.fetch_add(1, Ordering::Relaxed);
        let _ = reply.send(done);
    }
}

/// Computes Argon2 of `password` with `params` into `out`, in `memory`.
fn compute(
    memory: &mut Vec<Block>,
    algorithm: Algorithm,
    version: Version,
    params: Params,
    password: &str,
    salt: &[u8],
    out: &mut [u8],
) -> bool {
    let blocks = params.block_count();
    if blocks > MAX_BLOCKS {
        return false;
    }
    if memory.len() < blocks {
        memory.resize(blocks, Block::new());
    }
    let argon2 = Argon2::new(algorithm, version, params);
    argon2
        .hash_password_into_with_memory(password.as_bytes(), salt, out, &mut memory[..blocks])
        .is_ok()
}

/// The work of a verification that can't succeed: one computation with the default
/// parameters, whose result is thrown away.
fn dummy(memory: &mut Vec<Block>, password: &str) {
    let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
    let params = Params::default();
    compute(
        memory,
        Algorithm::Argon2id,
        Version::V0x13,
        params,
        password,
        NO_SALT,
        &mut out,
    );
    std::hint::black_box(out);
}

/// What an Argon2 PHC string says: how to compute, and what must come out.
struct Stored {
    algorithm: Algorithm,
    version: Version,
    params: Params,
    salt: Vec<u8>,
    expected: Vec<u8>,
}

impl Stored {
    /// The string's parts, if it is an Argon2 hash this pool checks.
    fn parse(stored: &str) -> Option<Self> {
        let phc = PasswordHash::new(stored).ok()?;
        let version = match phc.version {
            Some(v) => Version::try_from(v).ok()?,
            None => Version::V0x13,
        };
        let params = Params::try_from(&phc).ok()?;
        if params.block_count() > MAX_BLOCKS {
            return None;
        }
        Some(Self {
            algorithm: Algorithm::try_from(phc.algorithm.as_str()).ok()?,
            version,
            params,
            salt: phc.salt.as_ref()?.as_ref().to_vec(),
            expected: phc.hash.as_ref()?.as_bytes().to_vec(),
        })
    }
}

fn verify(memory: &mut Vec<Block>, password: &str, stored: Option<&str>) -> bool {
    let Some(stored) = stored else {
        dummy(memory, password);
        return false;
    };
    if stored.starts_with("sha256$") {
        dummy(memory, password);
        let computed = hash_generated_password(password);
        return constant_time_eq(computed.as_bytes(), stored.as_bytes());
    }
    let Some(s) = Stored::parse(stored) else {
        dummy(memory, password);
        return false;
    };
    let mut out = vec![0u8; s.expected.len()];
    compute(
        memory,
        s.algorithm,
        s.version,
        s.params,
        password,
        &s.salt,
        &mut out,
    ) && constant_time_eq(&out, &s.expected)
}

fn hash(memory: &mut Vec<Block>, password: &str) -> Option<String> {
    let mut salt = [0u8; 16];
    rand::rng().fill(&mut salt);
    let params = Params::default();
    let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
    let (algorithm, version) = (Algorithm::Argon2id, Version::V0x13);
    if !compute(
        memory,
        algorithm,
        version,
        params.clone(),
        password,
        &salt,
        &mut out,
    ) {
        return None;
    }
    let phc = PasswordHash {
        algorithm: algorithm.ident(),
        version: Some(version.into()),
        params: ParamsString::try_from(&params).ok()?,
        salt: Some(Salt::new(&salt).ok()?),
        hash: Some(Output::new(&out).ok()?),
    };
    Some(phc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{hash_chosen_password, verify_password};

    /// A minimal executor for these tests: the pool's answers arrive from other threads.
    fn block_on<F: std::future::Future>(future: F) -> F::Output {
        use std::task::{Context, Poll, Wake, Waker};
        struct Thread(std::thread::Thread);
        impl Wake for Thread {
            fn wake(self: Arc<Self>) {
                self.0.unpark();
            }
        }
        let waker = Waker::from(Arc::new(Thread(std::thread::current())));
        let mut context = Context::from_waker(&waker);
        let mut future = std::pin::pin!(future);
        loop {
            match future.as_mut().poll(&mut context) {
                Poll::Ready(value) => return value,
                Poll::Pending => std::thread::park(),
            }
        }
    }

    #[test]
    fn hashes_made_here_and_by_the_argon2_crate_verify_both_ways() {
        let pool = PasswordPool::new(1, 4);
        let made = block_on(pool.hash("correct horse battery staple".into()))
            .ok()
            .flatten()
            .unwrap_or_default();
        assert!(made.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{made}");
        assert!(verify_password("correct horse battery staple", &made));
        assert!(!verify_password("Correct horse battery staple", &made));
        let theirs = hash_chosen_password("another passphrase").unwrap_or_default();
        let check =
            |password: &str, stored: &str| block_on(pool.verify(password.into(), Some(stored.into()))).ok();
        assert_eq!(check("another passphrase", &theirs), Some(true));
        assert_eq!(check("another passphrase!", &theirs), Some(false));
        assert_eq!(check("correct horse battery staple", &made), Some(true));
    }

    #[test]
    fn every_verification_costs_one_computation_whatever_is_stored() {
        let pool = PasswordPool::new(2, 8);
        let chosen = hash_chosen_password("a chosen password").unwrap_or_default();
        let generated = hash_generated_password("Generated123");
        let cases: [(&str, Option<&str>, bool); 6] = [
            ("a chosen password", Some(&chosen), true),
            ("wrong", Some(&chosen), false),
            ("Generated123", Some(&generated), true),
            ("wrong", Some(&generated), false),
            ("anything", Some("!"), false),
            ("anything", None, false),
        ];
        for (password, stored, expected) in cases {
            let before = pool.computations();
            let verified = block_on(pool.verify(password.into(), stored.map(str::to_owned)));
            assert_eq!(verified, Ok(expected), "{stored:?}");
            assert_eq!(pool.computations() - before, 1, "{stored:?}");
        }
    }

    #[test]
    fn a_full_queue_answers_busy_at_once() {
        // One worker and room for one more: of six calls each polled once at once, one
        // is taken, one waits, and the rest are refused without waiting.
        use std::task::{Context, Poll, Waker};
        let pool = PasswordPool::new(1, 1);
        let mut calls: Vec<_> = (0..6)
            .map(|i| Box::pin(pool.verify(format!("guess {i}"), None)))
            .collect();
        let mut context = Context::from_waker(Waker::noop());
        let mut busy = 0;
        let mut waiting = Vec::new();
        for mut call in calls.drain(..) {
            match call.as_mut().poll(&mut context) {
                Poll::Ready(Err(PoolError::Busy)) => busy += 1,
                Poll::Ready(other) => panic!("{other:?}"),
                Poll::Pending => waiting.push(call),
            }
        }
        assert!(busy >= 4, "{busy} refused");
        for call in waiting {
            assert_eq!(block_on(call), Ok(false));
        }
        assert_eq!(pool.computations(), 6 - busy);
    }
}
