//! `pd-bench flood`: sign-ins with random emails kept `parallel` at a time (as a password
//! guesser would send them), while one signed-in client loads the Customers page over and
//! over. Prints that page's latency during the flood and what the sign-ins were answered.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use tokio::sync::Mutex;

use super::{Stats, sign_in_csrf, signed_in};

pub async fn run(
    base: &str,
    email: &str,
    password: &str,
    parallel: usize,
    seconds: u64,
) -> anyhow::Result<()> {
    let reader = signed_in(base, email, password).await?;
    let guesser = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(parallel)
        .build()?;
    let csrf = Arc::new(sign_in_csrf(&guesser, base).await?);
    let stop = Arc::new(AtomicBool::new(false));
    let sent = Arc::new(AtomicU64::new(0));
    let answers: Arc<Mutex<BTreeMap<String, u64>>> = Arc::default();
    let started = Instant::now();
    let mut flood = Vec::with_capacity(parallel);
    for _ in 0..parallel {
        let (guesser, csrf, stop, sent, answers) = (
            guesser.clone(),
            csrf.clone(),
            stop.clone(),
            sent.clone(),
            answers.clone(),
        );
        let url = format!("{base}/sign-in");
        flood.push(tokio::spawn(async move {
            while !stop.load(Ordering::Relaxed) {
                let n = sent.fetch_add(1, Ordering::Relaxed);
                let email = format!("guess{n}-{}@nowhere.example", started.elapsed().as_nanos());
                let form = [
                    ("csrf", csrf.as_str()),
                    ("email", &email),
                    ("password", "Guess-1234567"),
                ];
                let answer = match guesser.post(&url).form(&form).send().await {
                    Ok(response) => response.status().as_u16().to_string(),
                    Err(_) => "transport error".to_owned(),
                };
                *answers.lock().await.entry(answer).or_default() += 1;
            }
        }));
    }
    let page = Stats::new();
    let customers = format!("{base}/customers");
    while started.elapsed() < Duration::from_secs(seconds) {
        let sent = Instant::now();
        match reader.get(&customers).send().await {
            Ok(response) if response.status() == 200 => {
                let _ = response.bytes().await;
                page.latencies.lock().await.push(sent.elapsed());
            }
            Ok(response) => {
                *page
                    .errors
                    .lock()
                    .await
                    .entry(response.status().to_string())
                    .or_default() += 1
            }
            Err(_) => *page.errors.lock().await.entry("transport".into()).or_default() += 1,
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    stop.store(true, Ordering::Relaxed);
    for task in flood {
        let _ = task.await;
    }
    let elapsed = started.elapsed();
    page.report("Customers page during the flood", elapsed).await;
    println!(
        "sign-ins sent: {} in {:.1} s; answered: {:?}",
        sent.load(Ordering::Relaxed),
        elapsed.as_secs_f64(),
        answers.lock().await
    );
    Ok(())
}
