//! The `partnerdesk` binary: thin; startup and commands live in their modules.

mod billing;
mod cli;
mod commands;
mod config;
mod demo;
mod serve;
mod support;

use std::process::ExitCode;

use clap::Parser;

use cli::{
    BillingCommand, CatalogCommand, Cli, Command, CustomersCommand, OutboxCommand, PartnerCommand,
    TokenCommand, UserCommand,
};
use config::{Config, Overrides};
use partnerdesk_web::app::support::Desk;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let overrides = Overrides {
        database_url: cli.global.database_url.clone(),
        listen: match &cli.command {
            Command::Serve(args) => args.listen.clone(),
            _ => None,
        },
    };
    let config = Config::load(cli.global.config.as_deref(), &overrides)?;
    serve::init_logging(&config);
    if let Command::PrintConfig = cli.command {
        print!("{}", config.to_redacted_toml()?);
        return Ok(());
    }
    if let Command::Serve(args) = &cli.command {
        return serve::run(&config, args.no_demo).await;
    }
    let store = serve::open_store(&config).await?;
    let result = match cli.command {
        Command::Migrate => Ok(()),
        Command::Partner(PartnerCommand::Create { name, kind, provider }) => {
            commands::create_partner(&store, &name, kind, provider.as_deref()).await
        }
        Command::User(UserCommand::Create { partner, email, role }) => {
            commands::create_user(&store, &partner, &email, role).await
        }
        Command::User(UserCommand::SetPassword { email }) => commands::set_password(&store, &email).await,
        Command::Token(TokenCommand::Create { user, name }) => {
            commands::create_token(&store, &user, &name).await
        }
        Command::Token(TokenCommand::List { user }) => commands::list_tokens(&store, &user).await,
        Command::Token(TokenCommand::Revoke { id }) => commands::revoke_token(&store, &id).await,
        Command::Catalog(CatalogCommand::Import { file }) => commands::import_catalog(&store, &file).await,
        Command::Catalog(CatalogCommand::Export { file }) => {
            commands::export_catalog(&store, file.as_deref()).await
        }
        Command::Customers(CustomersCommand::Export(args)) => commands::export_customers(&store, &args).await,
        Command::Billing(BillingCommand::Run { until }) => billing::run(&store, until.as_deref()).await,
        Command::Billing(BillingCommand::SetTaxRate { country, percent }) => {
            billing::set_tax_rate(&store, &country, Some(&percent)).await
        }
        Command::Billing(BillingCommand::RemoveTaxRate { country }) => {
            billing::set_tax_rate(&store, &country, None).await
        }
        Command::Billing(BillingCommand::TaxRates) => billing::tax_rates(&store).await,
        Command::Outbox(OutboxCommand::List { unsent, limit }) => {
            commands::list_outbox(&store, unsent, limit).await
        }
        Command::Support(command) => {
            let settings = config.settings()?;
            let desk = Desk {
                store: &store,
                public_url: &settings.public_url,
                operator_email: settings.operator_email.as_deref(),
            };
            support::run(desk, command).await
        }
        Command::Serve(_) | Command::PrintConfig => Ok(()),
    };
    store.close().await;
    result
}
