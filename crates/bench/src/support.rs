//! `pd-bench seed-requests` and `pd-bench queue`: service requests opened over the API on
//! a thousand of the seeded customers, then the Support queue's pages (the first page,
//! filtered pages, and a next page) from N concurrent clients.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The ids of up to a thousand customers to open requests for.
async fn customers(client: &reqwest::Client, base: &str, token: &str) -> anyhow::Result<Vec<String>> {
    let page: Value = client
        .get(format!("{base}/v1/customers?size=1000"))
        .bearer_auth(token)
        .send()
        .await?
        .json()
        .await?;
    let ids: Vec<String> = page["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["id"].as_str().map(str::to_owned))
        .collect();
    anyhow::ensure!(!ids.is_empty(), "no customers: run `pd-bench seed` first");
    Ok(ids)
}

pub async fn seed(
    client: &reqwest::Client,
    base: &str,
    token: &str,
    count: u64,
    concurrency: usize,
) -> anyhow::Result<()> {
    let ids = Arc::new(customers(client, base, token).await?);
    let counter = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let (client, counter, ids) = (client.clone(), counter.clone(), ids.clone());
        let (url, token) = (format!("{base}/v1/servicerequests/en-US"), token.to_owned());
        tasks.push(tokio::spawn(async move {
            loop {
                let n = counter.fetch_add(1, Ordering::Relaxed);
                if n >= count {
                    break;
                }
                let severity = ["critical", "moderate", "minimal"][(n % 3) as usize];
                let body = json!({
                    "customerId": ids[(n % ids.len() as u64) as usize],
                    "title": format!("Request {n}"),
                    "description": "Seeded for the queue benchmark.",
                    "severity": severity,
                    "supportTopicId": 32444601 + (n % 6),
                });
                let ok = matches!(
                    client.post(&url).bearer_auth(&token).json(&body).send().await,
                    Ok(r) if r.status() == 201
                );
                if !ok {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    counter.fetch_sub(1, Ordering::Relaxed);
                } else if (n + 1) % 100_000 == 0 {
                    eprintln!("{} requests", n + 1);
                }
            }
        }));
    }
    for task in tasks {
        let _ = task.await;
    }
    let elapsed = started.elapsed();
    println!(
        "seeded {count} service requests in {:.1} s = {:.0}/s",
        elapsed.as_secs_f64(),
        count as f64 / elapsed.as_secs_f64()
    );
    Ok(())
}

pub async fn queue(
    client: &reqwest::Client,
    base: &str,
    token: &str,
    concurrency: usize,
    seconds: u64,
) -> anyhow::Result<()> {
    // The first page, by status, by severity, unassigned and open, and by severity again;
    // every fifth read goes on to its next page.
    fn view(n: u64) -> (String, Option<String>) {
        let query = match n % 5 {
            0 => "size=50",
            1 => "size=50&status=open",
            2 => "size=50&severity=critical",
            3 => "size=50&assignee=none&status=open",
            _ => "size=50&severity=minimal&overdue=false",
        };
        let path = format!("/v1/servicerequests?{query}");
        let next = n.is_multiple_of(5).then(|| format!("{path}&seekOperation=Next"));
        (path, next)
    }
    crate::read_pages(
        client,
        base,
        token,
        concurrency,
        seconds,
        "support queue pages",
        view,
    )
    .await
}
