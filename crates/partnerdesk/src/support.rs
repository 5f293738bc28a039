//! `partnerdesk support`: the operator's desk for the service requests that partners
//! escalated to it, through the same use cases as the portal's (the operator reads every
//! note but the partners' internal ones; its public notes and status changes are mailed to
//! the customer as a partner's are).

use anyhow::{anyhow, bail};
use partnerdesk_domain::Locale;
use partnerdesk_domain::audit::Actor;
use partnerdesk_domain::support::{RequestStatus, Visibility};
use partnerdesk_store::{RequestQuery, ServiceRequest};
use partnerdesk_web::app::AppError;
use partnerdesk_web::app::support::{self, Desk, Reader};
use partnerdesk_web::i18n;
use time::format_description::well_known::Rfc3339;

use crate::cli::SupportCommand;

pub async fn run(desk: Desk<'_>, command: SupportCommand) -> anyhow::Result<()> {
    let store = desk.store;
    match command {
        SupportCommand::List { status, limit } => {
            let status = status
                .map(|s| {
                    RequestStatus::parse(&s)
                        .map_err(|_| anyhow!("--status {s:?} is not open, attention_needed or closed"))
                })
                .transpose()?;
            let query = RequestQuery {
                status,
                limit,
                ..RequestQuery::default()
            };
            for r in support::operator_queue(store, query).await.map_err(message)? {
                println!("{}", row(&r));
            }
        }
        SupportCommand::Show { number } => {
            let actor = Actor::operator();
            let r = support::read(store, Reader::Operator(&actor), number)
                .await
                .map_err(message)?;
            print!("{}", thread(&r));
        }
        SupportCommand::Note {
            number,
            text,
            visibility,
            name,
        } => {
            let visibility: Visibility = visibility
                .parse()
                .map_err(|_| anyhow!("--visibility {visibility:?} is not public, partners or internal"))?;
            let actor = operator(name)?;
            support::add_note(desk, Reader::Operator(&actor), number, &text, visibility)
                .await
                .map_err(message)?;
            eprintln!("note added to request {number}");
        }
        SupportCommand::Status { number, status, name } => {
            let actor = operator(name)?;
            let r = support::set_status(desk, Reader::Operator(&actor), number, &status)
                .await
                .map_err(message)?;
            eprintln!("request {number} is {}", r.status);
        }
    }
    Ok(())
}

/// The operator named `name` as the thread and the activity log show it.
fn operator(name: String) -> anyhow::Result<Actor> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        bail!("--name must have 1 to 100 characters");
    }
    Ok(Actor {
        name: name.to_owned(),
        ..Actor::operator()
    })
}

/// What a use case refused, in English.
fn message(e: AppError) -> anyhow::Error {
    let locale = Locale::EnUs;
    match e {
        AppError::Invalid(errors) => anyhow!(
            "{}",
            errors
                .iter()
                .map(|e| format!("{}: {}", e.field.name(), i18n::rule(locale, &e.rule)))
                .collect::<Vec<_>>()
                .join("; ")
        ),
        AppError::NotFound(id) => anyhow!("{}", i18n::text(locale, id)),
        other => anyhow!("{other:?}"),
    }
}

fn time(t: time::OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap_or_default()
}

/// A request as one tab-separated line.
fn row(r: &ServiceRequest) -> String {
    let overdue = partnerdesk_domain::support::is_overdue(
        r.status,
        r.first_response_due,
        r.first_response_at.is_some(),
        r.resolution_due,
        time::OffsetDateTime::now_utc(),
    );
    [
        r.id.to_string(),
        r.status.to_string(),
        r.severity.to_string(),
        if overdue { "overdue" } else { "-" }.to_owned(),
        r.company_name.clone(),
        partners(r),
        r.title.clone(),
    ]
    .join("\t")
}

/// The partner a request was addressed to, and the provider it was escalated to.
fn partners(r: &ServiceRequest) -> String {
    match &r.escalated_to {
        Some((_, provider)) => format!("{} > {provider}", r.partner_name),
        None => r.partner_name.clone(),
    }
}

/// A request and its thread, as text.
fn thread(r: &ServiceRequest) -> String {
    let mut out = format!(
        "Request {}: {}\nStatus: {}\nSeverity: {}\nCustomer: {} ({}), contact {}\nPartner: {}\nOpened: {} by {}\n\
         Escalated to the operator: {}\nFirst response due: {}\nResolution due: {}\n\n{}\n",
        r.id,
        r.title,
        r.status,
        r.severity,
        r.company_name,
        r.customer_id,
        r.contact_email,
        partners(r),
        time(r.created_at),
        r.opened_by,
        r.escalated_to_operator.map(time).unwrap_or_default(),
        time(r.first_response_due),
        time(r.resolution_due),
        r.description,
    );
    for n in &r.notes {
        out.push_str(&format!(
            "\n--- {} ({}, {})\n{}\n",
            n.author_name,
            n.visibility,
            time(n.created_at),
            n.text
        ));
    }
    for f in &r.files {
        out.push_str(&format!(
            "\nFile {}: {} ({}, {} bytes)\n",
            f.seq, f.name, f.content_type, f.size
        ));
    }
    out
}
