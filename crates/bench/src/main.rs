//! `pd-bench`: drives a running Partnerdesk over HTTP for the benchmarks in BENCHMARKS.md.
//!
//! - `onboard`: full onboardings (customer, agreement, a two-line order) from N concurrent
//!   clients for a while; prints throughput and latency percentiles; can record every
//!   acknowledged customer id.
//! - `list`: customer list pages and prefix searches from N concurrent clients.
//! - `verify`: checks that every recorded customer exists completely (agreement, order,
//!   both subscriptions) and that no domain appears twice.
//! - `limit`: the same onboardings written straight through the store, without HTTP: the
//!   in-process limit the HTTP figure is measured against.
//! - `pages`: the portal's pages from N signed-in clients.
//! - `flood`: a flood of sign-ins with random emails, and a signed-in page's latency
//!   during it.
//! - `seed-sql` and `search`: a million customers written by SQL, then the Customers
//!   page's searches from N signed-in clients.
//! - `seed-requests` and `queue`: service requests opened over the API, then the Support
//!   queue's pages from N concurrent clients.

mod flood;
mod limit;
mod search;
mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};
use serde_json::{Value, json};
use tokio::io::AsyncWriteExt;
use tokio::sync::Mutex;

#[derive(Parser)]
struct Cli {
    /// The server, e.g. http://127.0.0.1:8080
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    base: String,
    /// An API token of an admin agent (not needed by `limit`)
    #[arg(long, env = "TOKEN", default_value = "")]
    token: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Onboard {
        #[arg(long, default_value_t = 32)]
        concurrency: usize,
        #[arg(long, default_value_t = 20)]
        seconds: u64,
        /// Append each acknowledged customer id to this file, as soon as it is acknowledged
        #[arg(long)]
        record: Option<String>,
        /// Domain prefixes start with this (letters and digits)
        #[arg(long, default_value = "b")]
        prefix: String,
    },
    /// Creates `count` customers without agreement or order, named "Customer NNN i" with
    /// domains "c<i>", for the list benchmark.
    Seed {
        #[arg(long, default_value_t = 1_000_000)]
        count: u64,
        #[arg(long, default_value_t = 32)]
        concurrency: usize,
    },
    List {
        #[arg(long, default_value_t = 32)]
        concurrency: usize,
        #[arg(long, default_value_t = 20)]
        seconds: u64,
    },
    Verify {
        #[arg(long)]
        record: String,
    },
    /// The in-process limit: `onboard`'s rows through the store directly, on a database of
    /// its own (the server must not be running on it).
    Limit {
        #[arg(long)]
        database_url: String,
        #[arg(long, default_value_t = 32)]
        concurrency: usize,
        #[arg(long, default_value_t = 20)]
        seconds: u64,
    },
    /// Signs in to the portal and loads its pages: the Customers list (first pages, both
    /// searches, next pages), a customer's page and the wizard's Account info.
    Pages {
        #[arg(long, default_value = "admin@partnerdesk.example")]
        email: String,
        #[arg(long, env = "PD_PASSWORD")]
        password: String,
        #[arg(long, default_value_t = 8)]
        concurrency: usize,
        #[arg(long, default_value_t = 15)]
        seconds: u64,
    },
    /// Keeps `parallel` sign-ins with random emails in flight while one signed-in client
    /// loads the Customers page: that page's latency during the flood.
    Flood {
        #[arg(long, default_value = "admin@partnerdesk.example")]
        email: String,
        #[arg(long, env = "PD_PASSWORD")]
        password: String,
        #[arg(long, default_value_t = 2000)]
        parallel: usize,
        #[arg(long, default_value_t = 15)]
        seconds: u64,
    },
    /// Opens `count` service requests over the API, on the first thousand customers.
    SeedRequests {
        #[arg(long, default_value_t = 1_000_000)]
        count: u64,
        #[arg(long, default_value_t = 32)]
        concurrency: usize,
    },
    /// Prints SQL that adds `count` customers of `partner` straight into the database, for
    /// `search` (`sqlite3 DB < …` or `psql URL < …`, the server stopped or not)
    SeedSql {
        /// sqlite or postgres
        #[arg(long)]
        backend: String,
        #[arg(long, default_value_t = 1_000_000)]
        count: u64,
        /// The indirect provider's id
        #[arg(long)]
        partner: String,
    },
    /// Signs in and loads the Customers page with searches of every kind.
    Search {
        /// How many customers `seed-sql` wrote (searches pick among their names)
        #[arg(long, default_value_t = 1_000_000)]
        customers: u64,
        #[arg(long, default_value = "admin@partnerdesk.example")]
        email: String,
        #[arg(long, env = "PD_PASSWORD")]
        password: String,
        #[arg(long, default_value_t = 8)]
        concurrency: usize,
        #[arg(long, default_value_t = 20)]
        seconds: u64,
    },
    /// The Support queue's pages (`GET /v1/servicerequests`, filtered and next pages).
    Queue {
        #[arg(long, default_value_t = 8)]
        concurrency: usize,
        #[arg(long, default_value_t = 20)]
        seconds: u64,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let client = reqwest::Client::builder().pool_max_idle_per_host(256).build()?;
    match cli.command {
        Command::Onboard {
            concurrency,
            seconds,
            record,
            prefix,
        } => {
            onboard(
                &client,
                &cli.base,
                &cli.token,
                concurrency,
                seconds,
                record,
                &prefix,
            )
            .await
        }
        Command::Seed { count, concurrency } => {
            seed(&client, &cli.base, &cli.token, count, concurrency).await
        }
        Command::List { concurrency, seconds } => {
            list(&client, &cli.base, &cli.token, concurrency, seconds).await
        }
        Command::Verify { record } => verify(&client, &cli.base, &cli.token, &record).await,
        Command::Limit {
            database_url,
            concurrency,
            seconds,
        } => limit::run(&database_url, concurrency, seconds).await,
        Command::Pages {
            email,
            password,
            concurrency,
            seconds,
        } => pages(&cli.base, &email, &password, concurrency, seconds).await,
        Command::Flood {
            email,
            password,
            parallel,
            seconds,
        } => flood::run(&cli.base, &email, &password, parallel, seconds).await,
        Command::SeedRequests { count, concurrency } => {
            support::seed(&client, &cli.base, &cli.token, count, concurrency).await
        }
        Command::SeedSql {
            backend,
            count,
            partner,
        } => {
            print!("{}", search::seed_sql(&backend, count, &partner));
            Ok(())
        }
        Command::Search {
            customers,
            email,
            password,
            concurrency,
            seconds,
        } => search::run(&cli.base, &email, &password, customers, concurrency, seconds).await,
        Command::Queue { concurrency, seconds } => {
            support::queue(&client, &cli.base, &cli.token, concurrency, seconds).await
        }
    }
}

fn onboarding(prefix: &str) -> Value {
    json!({
        "companyProfile": {"domain": prefix},
        "billingProfile": {
            "companyName": format!("Bench {prefix}"), "email": "ops@bench.example",
            "defaultAddress": {"country": "US", "addressLine1": "1 Main St", "city": "Redmond", "state": "WA",
                "postalCode": "98052", "firstName": "Ana", "lastName": "Lee", "phoneNumber": "425 555 0101"}
        },
        "agreement": {"primaryContact": {"firstName": "Ana", "lastName": "Lee", "email": "ops@bench.example",
            "phoneNumber": "425 555 0101"}, "dateAgreed": "2026-11-01"},
        "lineItems": [{"offerId": "PDC-MAIL-STD", "quantity": 10}, {"offerId": "PDC-SEC-ENDPOINT", "quantity": 25}]
    })
}

struct Stats {
    latencies: Mutex<Vec<Duration>>,
    errors: Mutex<std::collections::BTreeMap<String, u64>>,
}

impl Stats {
    fn new() -> Arc<Self> {
        Arc::new(Self {
            latencies: Mutex::new(Vec::new()),
            errors: Mutex::new(Default::default()),
        })
    }

    async fn report(&self, what: &str, elapsed: Duration) {
        let mut latencies = self.latencies.lock().await;
        latencies.sort();
        let n = latencies.len();
        let at = |p: f64| {
            latencies
                .get(((n as f64 * p) as usize).min(n.saturating_sub(1)))
                .copied()
                .unwrap_or_default()
        };
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "{what}: {n} in {:.1} s = {:.0}/s; latency ms p50 {:.2} p95 {:.2} p99 {:.2} max {:.2}",
            elapsed.as_secs_f64(),
            n as f64 / elapsed.as_secs_f64(),
            ms(at(0.50)),
            ms(at(0.95)),
            ms(at(0.99)),
            ms(latencies.last().copied().unwrap_or_default()),
        );
        let errors = self.errors.lock().await;
        if !errors.is_empty() {
            println!("errors: {errors:?}");
        }
    }
}

async fn onboard(
    client: &reqwest::Client,
    base: &str,
    token: &str,
    concurrency: usize,
    seconds: u64,
    record: Option<String>,
    prefix: &str,
) -> anyhow::Result<()> {
    let stats = Stats::new();
    let counter = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let file = match record {
        Some(path) => Some(Arc::new(Mutex::new(
            tokio::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
                .await?,
        ))),
        None => None,
    };
    let run = format!("{prefix}{}", std::process::id());
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let (client, stats, counter, stop, file) = (
            client.clone(),
            stats.clone(),
            counter.clone(),
            stop.clone(),
            file.clone(),
        );
        let (url, token, run) = (format!("{base}/v1/customers"), token.to_owned(), run.clone());
        tasks.push(tokio::spawn(async move {
            while !stop.load(Ordering::Relaxed) {
                let n = counter.fetch_add(1, Ordering::Relaxed);
                let body = onboarding(&format!("{run}x{n}"));
                let sent = Instant::now();
                let response = client.post(&url).bearer_auth(&token).json(&body).send().await;
                let elapsed = sent.elapsed();
                match response {
                    Ok(r) if r.status() == 201 => {
                        let id = r
                            .json::<Value>()
                            .await
                            .ok()
                            .and_then(|v| v["id"].as_str().map(str::to_owned));
                        if let (Some(file), Some(id)) = (&file, id) {
                            let mut file = file.lock().await;
                            let _ = file.write_all(format!("{id}\n").as_bytes()).await;
                            let _ = file.flush().await;
                        }
                        stats.latencies.lock().await.push(elapsed);
                    }
                    Ok(r) => {
                        *stats
                            .errors
                            .lock()
                            .await
                            .entry(r.status().to_string())
                            .or_default() += 1
                    }
                    Err(e) => {
                        let kind = if e.is_connect() { "connect" } else { "transport" };
                        *stats.errors.lock().await.entry(kind.into()).or_default() += 1;
                        tokio::time::sleep(Duration::from_millis(50)).await;
                    }
                }
            }
        }));
    }
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    stop.store(true, Ordering::Relaxed);
    for task in tasks {
        let _ = task.await;
    }
    stats.report("onboardings", started.elapsed()).await;
    Ok(())
}

async fn seed(
    client: &reqwest::Client,
    base: &str,
    token: &str,
    count: u64,
    concurrency: usize,
) -> anyhow::Result<()> {
    let counter = Arc::new(AtomicU64::new(0));
    let created = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let (client, counter, created) = (client.clone(), counter.clone(), created.clone());
        let (url, token) = (format!("{base}/v1/customers"), token.to_owned());
        tasks.push(tokio::spawn(async move {
            loop {
                let n = counter.fetch_add(1, Ordering::Relaxed);
                if n >= count {
                    break;
                }
                let mut body = onboarding(&format!("c{n}"));
                body["billingProfile"]["companyName"] = json!(format!("Customer {:03} {n}", n % 1000));
                if let Some(o) = body.as_object_mut() {
                    o.remove("agreement");
                    o.remove("lineItems");
                }
                match client.post(&url).bearer_auth(&token).json(&body).send().await {
                    Ok(r) if r.status() == 201 || r.status() == 409 => {
                        let done = created.fetch_add(1, Ordering::Relaxed) + 1;
                        if done % 100_000 == 0 {
                            eprintln!("{done} customers");
                        }
                    }
                    _ => tokio::time::sleep(Duration::from_millis(20)).await,
                }
            }
        }));
    }
    for task in tasks {
        let _ = task.await;
    }
    println!(
        "seeded {} customers in {:.0} s",
        created.load(Ordering::Relaxed),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

async fn list(
    client: &reqwest::Client,
    base: &str,
    token: &str,
    concurrency: usize,
    seconds: u64,
) -> anyhow::Result<()> {
    // First pages, searches by name and by domain prefix, and a next page.
    fn view(n: u64) -> (String, Option<String>) {
        let path = match n % 4 {
            1 => format!(
                "/v1/customers?size=50&filter=%7B%22Field%22%3A%22CompanyName%22%2C%22Value%22%3A%22Customer%20{:03}%22%2C%22Operator%22%3A%22starts_with%22%7D",
                n % 1000
            ),
            2 => format!(
                "/v1/customers?size=50&filter=%7B%22Field%22%3A%22Domain%22%2C%22Value%22%3A%22c{}%22%2C%22Operator%22%3A%22starts_with%22%7D",
                n % 997
            ),
            _ => "/v1/customers?size=100".to_owned(),
        };
        let next = (n % 4 == 3).then(|| "/v1/customers?seekOperation=Next".to_owned());
        (path, next)
    }
    read_pages(client, base, token, concurrency, seconds, "list requests", view).await
}

/// Pages read by `concurrency` clients for `seconds`: the `n`th read is `view(n)`'s path
/// under `base`, and then, when it names one, the next page with the first page's
/// continuation token, timed as one. Reported as `what`.
pub(crate) async fn read_pages(
    client: &reqwest::Client,
    base: &str,
    token: &str,
    concurrency: usize,
    seconds: u64,
    what: &str,
    view: fn(u64) -> (String, Option<String>),
) -> anyhow::Result<()> {
    let stats = Stats::new();
    let stop = Arc::new(AtomicBool::new(false));
    let counter = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let (client, stats, stop, counter) = (client.clone(), stats.clone(), stop.clone(), counter.clone());
        let (base, token) = (base.to_owned(), token.to_owned());
        tasks.push(tokio::spawn(async move {
            while !stop.load(Ordering::Relaxed) {
                let (path, next) = view(counter.fetch_add(1, Ordering::Relaxed));
                let sent = Instant::now();
                let mut response = client
                    .get(format!("{base}{path}"))
                    .bearer_auth(&token)
                    .send()
                    .await;
                if let Some(next) = next
                    && let Ok(r) = response
                {
                    let page: Value = r.json().await.unwrap_or_default();
                    let token_value = page["continuationToken"].as_str().unwrap_or_default().to_owned();
                    response = client
                        .get(format!("{base}{next}"))
                        .bearer_auth(&token)
                        .header("MS-ContinuationToken", token_value)
                        .send()
                        .await;
                }
                let elapsed = sent.elapsed();
                match response {
                    Ok(r) if r.status() == 200 => {
                        let _ = r.bytes().await;
                        stats.latencies.lock().await.push(elapsed);
                    }
                    Ok(r) => {
                        *stats
                            .errors
                            .lock()
                            .await
                            .entry(r.status().to_string())
                            .or_default() += 1
                    }
                    Err(_) => *stats.errors.lock().await.entry("transport".into()).or_default() += 1,
                }
            }
        }));
    }
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    stop.store(true, Ordering::Relaxed);
    for task in tasks {
        let _ = task.await;
    }
    stats.report(what, started.elapsed()).await;
    Ok(())
}

async fn verify(client: &reqwest::Client, base: &str, token: &str, record: &str) -> anyhow::Result<()> {
    let recorded = tokio::fs::read_to_string(record)
        .await
        .with_context(|| record.to_owned())?;
    let ids: Vec<&str> = recorded.lines().filter(|l| !l.is_empty()).collect();
    let get = |path: String| {
        let request = client.get(format!("{base}{path}")).bearer_auth(token);
        async move {
            let response = request.send().await?;
            let status = response.status();
            Ok::<_, anyhow::Error>((status, response.json::<Value>().await.unwrap_or_default()))
        }
    };
    let mut missing = 0;
    let mut incomplete = 0;
    for id in &ids {
        let (status, _) = get(format!("/v1/customers/{id}")).await?;
        if status != 200 {
            missing += 1;
            continue;
        }
        let (_, subscriptions) = get(format!("/v1/customers/{id}/subscriptions")).await?;
        let (_, agreements) = get(format!("/v1/customers/{id}/agreements?agreementType=*")).await?;
        let (_, orders) = get(format!("/v1/customers/{id}/orders")).await?;
        if subscriptions["totalCount"] != 2 || agreements["totalCount"] != 1 || orders["totalCount"] != 1 {
            incomplete += 1;
        }
    }
    // Every customer the server has, acknowledged or not, must be complete, once.
    let mut domains = std::collections::HashSet::new();
    let mut duplicates = 0;
    let mut all = 0;
    let mut half_written = 0;
    let mut next: Option<String> = None;
    loop {
        let mut request = client
            .get(format!("{base}/v1/customers?size=1000"))
            .bearer_auth(token);
        if let Some(t) = &next {
            request = client
                .get(format!("{base}/v1/customers?seekOperation=Next"))
                .bearer_auth(token)
                .header("MS-ContinuationToken", t);
        }
        let page: Value = request.send().await?.json().await?;
        for customer in page["items"].as_array().into_iter().flatten() {
            all += 1;
            let domain = customer["companyProfile"]["domain"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            if !domains.insert(domain) {
                duplicates += 1;
            }
            let id = customer["id"].as_str().unwrap_or_default();
            let (_, subscriptions) = get(format!("/v1/customers/{id}/subscriptions")).await?;
            if subscriptions["totalCount"] != 2 {
                half_written += 1;
            }
        }
        match page["continuationToken"].as_str() {
            Some(t) => next = Some(t.to_owned()),
            None => break,
        }
    }
    println!(
        "acknowledged: {}; lost: {missing}; incomplete: {incomplete}; customers on the server: {all}; half-written: {half_written}; duplicate domains: {duplicates}",
        ids.len()
    );
    if missing + incomplete + half_written + duplicates > 0 {
        bail!("the crash lost or broke data");
    }
    Ok(())
}

/// The `<a>` link marked with `marker` (in its tag) or, for a marker outside a link, the
/// first link after it: its `href`, unescaped.
fn link(html: &str, marker: &str) -> Option<String> {
    let at = html.find(marker)?;
    let start = match html[..at].rfind('<') {
        Some(open) if html[open..].starts_with("<a ") && !html[open..at].contains('>') => open,
        _ => at + html[at..].find("<a ")?,
    };
    let tag = &html[start..start + html[start..].find('>')?];
    let href = &tag[tag.find("href=\"")? + 6..];
    Some(
        href[..href.find('"')?]
            .replace("&#38;", "&")
            .replace("&amp;", "&"),
    )
}

/// A client with a cookie store, signed in to the portal as `email`.
async fn signed_in(base: &str, email: &str, password: &str) -> anyhow::Result<reqwest::Client> {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(256)
        .build()?;
    let csrf = sign_in_csrf(&client, base).await?;
    let signed_in = client
        .post(format!("{base}/sign-in"))
        .form(&[("csrf", csrf.as_str()), ("email", email), ("password", password)])
        .send()
        .await?;
    anyhow::ensure!(
        signed_in.status() == 303,
        "signing in answered {}",
        signed_in.status()
    );
    Ok(client)
}

/// The CSRF token of the sign-in form, for `client`'s sign-in cookie.
async fn sign_in_csrf(client: &reqwest::Client, base: &str) -> anyhow::Result<String> {
    let form = client.get(format!("{base}/sign-in")).send().await?.text().await?;
    Ok(form
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .context("no CSRF token on /sign-in")?
        .to_owned())
}

async fn pages(
    base: &str,
    email: &str,
    password: &str,
    concurrency: usize,
    seconds: u64,
) -> anyhow::Result<()> {
    let client = signed_in(base, email, password).await?;
    let first = client
        .get(format!("{base}/customers"))
        .send()
        .await?
        .text()
        .await?;
    let next = link(&first, "data-testid=\"next-page\"").context("no next page link")?;
    let customer = link(&first, "<tbody>").context("no customer link")?;
    // Searches vary like the API list benchmark's, so that they don't hit one cached page.
    let path_for = move |n: usize| -> (&'static str, String) {
        match n % 6 {
            0 => ("customers", "/customers".to_owned()),
            1 => (
                "customers",
                format!("/customers?by=name&q=Customer%20{:03}", n / 6 % 1000),
            ),
            2 => ("customers", format!("/customers?by=domain&q=c{}", n / 6 % 997)),
            3 => ("customers", next.clone()),
            4 => ("customer", customer.clone()),
            _ => ("wizard", "/customers/new/account".to_owned()),
        }
    };
    load(
        &client,
        base,
        &["customers", "customer", "wizard"],
        Arc::new(path_for),
        concurrency,
        seconds,
    )
    .await;
    Ok(())
}

/// The paths `path_for` names, each counted under its kind, from `concurrency` clients
/// sharing `client` (and its session) for `seconds`; then each kind's figures.
type PathFor = Arc<dyn Fn(usize) -> (&'static str, String) + Send + Sync>;

async fn load(
    client: &reqwest::Client,
    base: &str,
    kinds: &[&'static str],
    path_for: PathFor,
    concurrency: usize,
    seconds: u64,
) {
    let stats: Arc<std::collections::BTreeMap<&str, Arc<Stats>>> =
        Arc::new(kinds.iter().map(|k| (*k, Stats::new())).collect());
    let stop = Arc::new(AtomicBool::new(false));
    let counter = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let (client, stats, stop, counter, path_for) = (
            client.clone(),
            stats.clone(),
            stop.clone(),
            counter.clone(),
            path_for.clone(),
        );
        let base = base.to_owned();
        tasks.push(tokio::spawn(async move {
            while !stop.load(Ordering::Relaxed) {
                let n = counter.fetch_add(1, Ordering::Relaxed) as usize;
                let (kind, path) = path_for(n);
                let Some(stats) = stats.get(kind) else { continue };
                let sent = Instant::now();
                let response = client.get(format!("{base}{path}")).send().await;
                match response {
                    Ok(r) if r.status() == 200 => {
                        let _ = r.bytes().await;
                        stats.latencies.lock().await.push(sent.elapsed());
                    }
                    Ok(r) => {
                        *stats
                            .errors
                            .lock()
                            .await
                            .entry(r.status().to_string())
                            .or_default() += 1
                    }
                    Err(_) => *stats.errors.lock().await.entry("transport".into()).or_default() += 1,
                }
            }
        }));
    }
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    stop.store(true, Ordering::Relaxed);
    for task in tasks {
        let _ = task.await;
    }
    let elapsed = started.elapsed();
    for (kind, stats) in stats.iter() {
        stats.report(&format!("{kind} pages"), elapsed).await;
    }
}
