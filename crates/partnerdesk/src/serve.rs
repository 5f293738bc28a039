//! Startup: logging, the store, the demo, the listener, graceful shutdown.

use std::io::IsTerminal;

use anyhow::Context;
use partnerdesk_store::Store;
use partnerdesk_web::AppState;
use tokio::net::TcpListener;
use tracing_subscriber::EnvFilter;

use crate::config::{Config, LogFormat};
use crate::demo;

/// Logs to standard error, filtered by `RUST_LOG` (default `info`).
pub fn init_logging(config: &Config) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = match config.log_format {
        LogFormat::Json => builder.json().try_init(),
        LogFormat::Text => builder.with_ansi(std::io::stderr().is_terminal()).try_init(),
    };
}

/// Opens and migrates the database the configuration names.
pub async fn open_store(config: &Config) -> anyhow::Result<Store> {
    let store = Store::open(&config.database_url, &config.store_options())
        .await
        .context("opening the database")?;
    let applied = store.migrate().await.context("migrating the database")?;
    if !applied.is_empty() {
        tracing::info!(?applied, backend = store.backend_name(), "database migrated");
    }
    Ok(store)
}

pub async fn run(config: &Config, no_demo: bool) -> anyhow::Result<()> {
    let settings = config.settings()?;
    let store = open_store(config).await?;
    let listener = TcpListener::bind(&config.listen)
        .await
        .with_context(|| format!("listening on {}", config.listen))?;
    let address = listener.local_addr()?;
    if !no_demo
        && !store.has_partners().await?
        && let Some(demo) = demo::seed(&store, &settings.profile)
            .await
            .context("creating the demo")?
    {
        print_demo(&demo, &format!("http://{address}"));
    }
    tracing::info!(%address, backend = store.backend_name(), profile = %settings.profile.name, "Partnerdesk is listening");
    let state = AppState::new(store.clone(), settings);
    if let Some(problem) = state.pdf_font_problem() {
        tracing::warn!("invoice PDFs are off: {problem}");
        eprintln!("\nNote: invoice PDFs are off: {problem}.\n");
    }
    let billing = crate::billing::spawn_scheduler(store.clone());
    let mail = partnerdesk_web::mail::spawn(state.clone()).map_err(anyhow::Error::msg)?;
    if mail.is_none() {
        tracing::info!("no smtp_url: mail waits in the outbox (partnerdesk outbox list)");
    }
    partnerdesk_web::serve_with(listener, state, config.limits(), shutdown_signal()).await?;
    billing.abort();
    // A message being sent stays claimed for a while, then another run sends it.
    if let Some(mail) = mail {
        mail.abort();
    }
    tracing::info!("shutting down: finishing pending writes");
    store.close().await;
    Ok(())
}

fn print_demo(demo: &demo::Demo, url: &str) {
    println!(
        "\nPartnerdesk created demo data for {partner}. These secrets are shown only now:\n\n  \
         Portal          {url}/\n  \
         Sign in as      {email}\n  \
         Password        {password}\n  \
         API token       {token}\n  \
         API reference   {url}/docs\n\n\
         Try the API:\n\n  \
         export TOKEN={token}\n  \
         curl -H \"Authorization: Bearer $TOKEN\" {url}/v1/customers\n\n\
         Lost them? Run `partnerdesk user set-password --email {email}` and\n\
         `partnerdesk token create --user {email}`.\n",
        partner = demo.partner_name,
        email = demo::ADMIN_EMAIL,
        password = demo.password,
        token = demo.token,
    );
}

/// Completes on Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
