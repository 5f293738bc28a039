//! The command line.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use partnerdesk_domain::partner::{PartnerKind, Role};
use partnerdesk_store::SortColumn;

/// Partnerdesk: an open-source partner center. Add customers, record their agreement
/// acceptance, order offers for them and manage their subscriptions, through localized
/// web pages and a REST API shaped like Microsoft Partner Center's.
///
/// Configuration comes from a TOML file (--config), PARTNERDESK_* environment variables
/// and flags, in that order of increasing precedence (see `partnerdesk print-config`).
#[derive(Debug, Parser)]
#[command(name = "partnerdesk", version)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct Global {
    /// A TOML configuration file
    #[arg(long, global = true, env = "PARTNERDESK_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// sqlite://PATH (add ?mode=rwc to create the file) or postgres://USER@HOST:PORT/DB
    /// [env: PARTNERDESK_DATABASE_URL] [default: sqlite://partnerdesk.db?mode=rwc]
    #[arg(long, global = true, value_name = "URL")]
    pub database_url: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the server; on an empty database, first create demo data and print how to use it
    Serve(ServeArgs),
    /// Apply the database migrations this database lacks, then exit
    Migrate,
    /// Partner organizations
    #[command(subcommand)]
    Partner(PartnerCommand),
    /// Partner users
    #[command(subcommand)]
    User(UserCommand),
    /// API tokens
    #[command(subcommand)]
    Token(TokenCommand),
    /// The offer catalog
    #[command(subcommand)]
    Catalog(CatalogCommand),
    /// A partner's customers
    #[command(subcommand)]
    Customers(CustomersCommand),
    /// Billing: charge the cycles and renewals that fell due; tax rates
    #[command(subcommand)]
    Billing(BillingCommand),
    /// The outbox: mail written by changes, waiting to be sent or sent
    #[command(subcommand)]
    Outbox(OutboxCommand),
    /// Service requests that partners escalated to the operator
    #[command(subcommand)]
    Support(SupportCommand),
    /// Print the effective configuration, with secrets redacted
    PrintConfig,
}

#[derive(Debug, Subcommand)]
pub enum OutboxCommand {
    /// List the newest messages: id, created, status (sent, waiting, or failed with its
    /// attempts), kind, recipient, subject
    List {
        /// Only messages not sent yet
        #[arg(long)]
        unsent: bool,
        /// How many
        #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..=1000))]
        limit: u32,
    },
}

#[derive(Debug, Subcommand)]
pub enum SupportCommand {
    /// List the requests escalated to the operator, newest first: number, status,
    /// severity, overdue, customer, partner, title
    List {
        /// Only requests in this status: open, attention_needed or closed
        #[arg(long)]
        status: Option<String>,
        /// How many
        #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..=200))]
        limit: u32,
    },
    /// Print a request escalated to the operator with its thread (every note but the
    /// partners' internal ones)
    Show {
        /// The request's number
        number: i64,
    },
    /// Add a note to a request escalated to the operator; a public one is mailed to the
    /// customer
    Note {
        /// The request's number
        number: i64,
        /// The note
        #[arg(long)]
        text: String,
        /// public (the customer reads it), partners or internal (the operator only)
        #[arg(long, default_value = "public")]
        visibility: String,
        /// The name the thread shows for the note's author
        #[arg(long, default_value = "operator")]
        name: String,
    },
    /// Move a request escalated to the operator to open, attention_needed (waiting for
    /// the customer) or closed
    Status {
        /// The request's number
        number: i64,
        /// open, attention_needed or closed
        status: String,
        /// The name the activity log shows for who did it
        #[arg(long, default_value = "operator")]
        name: String,
    },
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on [env: PARTNERDESK_LISTEN] [default: 127.0.0.1:8080]
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<String>,
    /// Don't create demo data, even on an empty database
    #[arg(long)]
    pub no_demo: bool,
}

#[derive(Debug, Subcommand)]
pub enum PartnerCommand {
    /// Create a partner organization and print its id
    Create {
        /// The organization's name
        #[arg(long)]
        name: String,
        /// direct, indirect-provider or indirect-reseller
        #[arg(long = "type", value_name = "TYPE")]
        kind: PartnerKind,
        /// For an indirect reseller: the id of the indirect provider it sells through
        #[arg(long, value_name = "ID")]
        provider: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a partner user and print its generated password (shown once)
    Create {
        /// The partner's id
        #[arg(long, value_name = "ID")]
        partner: String,
        /// The user's email address, which is also the sign-in name
        #[arg(long)]
        email: String,
        /// admin-agent, sales-agent, helpdesk-agent or billing-admin
        #[arg(long)]
        role: Role,
    },
    /// Give a user a new generated password and print it (shown once)
    SetPassword {
        #[arg(long)]
        email: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create an API token for a partner user and print it (shown once)
    Create {
        /// The user's email address
        #[arg(long, value_name = "EMAIL")]
        user: String,
        /// A name to recognize the token by
        #[arg(long, default_value = "cli")]
        name: String,
    },
    /// List a partner user's API tokens: id, created, revoked, name (never the tokens)
    List {
        /// The user's email address
        #[arg(long, value_name = "EMAIL")]
        user: String,
    },
    /// Revoke an API token by its id (from `token list`)
    Revoke {
        #[arg(long, value_name = "TOKEN_ID")]
        id: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum CatalogCommand {
    /// Replace the catalog with a JSON document (`-` reads standard input)
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Write the catalog as JSON (to standard output without FILE)
    Export {
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum CustomersCommand {
    /// Write a partner's customers as CSV, the columns of the portal's Export (to standard
    /// output without FILE); streamed, whatever their number
    Export(CustomerExportArgs),
}

#[derive(Debug, Args)]
pub struct CustomerExportArgs {
    /// The partner's id
    #[arg(long, value_name = "ID")]
    pub partner: String,
    /// Only customers whose company name or domain contains this (any case and accents)
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Only customers in this country or region (ISO alpha-2 code)
    #[arg(long, value_name = "CODE")]
    pub country: Option<String>,
    /// company, domain, country or created
    #[arg(long, default_value = "company", value_parser = clap::builder::PossibleValuesParser::new(SortColumn::NAMES))]
    pub sort: String,
    /// Sort from Z to A, newest first
    #[arg(long)]
    pub descending: bool,
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }
}

#[derive(Debug, Subcommand)]
pub enum BillingCommand {
    /// Charge every cycle and renew every term that falls due up to a day (what `serve`
    /// does every hour); running it twice charges nothing twice
    Run {
        /// The last day to bill, YYYY-MM-DD [default: today, UTC]
        #[arg(long, value_name = "DATE")]
        until: Option<String>,
    },
    /// Set the tax rate of a customer country, in percent: the lines of its customers are
    /// taxed at it on invoices closed from now on (prices are tax-exclusive)
    SetTaxRate {
        /// The customer country, such as DE
        #[arg(long)]
        country: String,
        /// A percent from 0 to 100, such as 19 or 8.25
        #[arg(long)]
        percent: String,
    },
    /// Remove the tax rate of a customer country: its customers are taxed at none
    RemoveTaxRate {
        /// The customer country, such as DE
        #[arg(long)]
        country: String,
    },
    /// List the tax rates by country
    TaxRates,
}
