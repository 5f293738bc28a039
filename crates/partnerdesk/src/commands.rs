//! The operator commands other than `serve`. Scriptable: each prints only its result
//! (an id, a password, a token, a document) on standard output; messages go to standard
//! error.

use std::io::Read;
use std::path::Path;

use anyhow::{Context, bail};
use partnerdesk_domain::audit::Actor;
use partnerdesk_domain::catalog::{Catalog, CatalogDocument};
use partnerdesk_domain::country::CountryCode;
use partnerdesk_domain::email::Email;
use partnerdesk_domain::partner::{PartnerKind, Role};
use partnerdesk_domain::{PartnerId, TokenId};
use partnerdesk_secrets as secrets;
use partnerdesk_store::{Conflict, CustomerView, Store, StoreError};

use crate::cli::CustomerExportArgs;

/// Hashes a partner user's password with Argon2id, off the async runtime.
pub async fn hash_password(password: String) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || secrets::hash_chosen_password(&password))
        .await?
        .map_err(anyhow::Error::msg)
}

pub async fn create_partner(
    store: &Store,
    name: &str,
    kind: PartnerKind,
    provider: Option<&str>,
) -> anyhow::Result<()> {
    let provider: Option<PartnerId> = provider
        .map(|p| {
            p.parse()
                .with_context(|| format!("--provider {p:?} is not a partner id"))
        })
        .transpose()?;
    match (kind, provider) {
        (PartnerKind::IndirectReseller, None) => {
            eprintln!("note: without --provider, this reseller sells through no provider yet");
        }
        (PartnerKind::IndirectReseller, Some(_)) => {}
        (_, Some(_)) => bail!("--provider is only for --type indirect-reseller"),
        (_, None) => {}
    }
    if let Some(provider) = provider {
        let p = store
            .partner(provider)
            .await
            .map_err(|e| not_found(e, "provider"))?;
        if p.kind != PartnerKind::IndirectProvider {
            bail!("partner {provider} is not an indirect provider");
        }
    }
    let partner = store.create_partner(name, kind).await?;
    if let Some(provider) = provider {
        store.link_reseller(provider, partner.id).await?;
    }
    eprintln!(
        "created partner {:?} ({kind}, partner id on record {})",
        partner.name, partner.mpn_id
    );
    println!("{}", partner.id);
    Ok(())
}

pub async fn create_user(store: &Store, partner: &str, email: &str, role: Role) -> anyhow::Result<()> {
    let partner: PartnerId = partner
        .parse()
        .with_context(|| format!("--partner {partner:?} is not a partner id"))?;
    let email =
        Email::parse(email).map_err(|_| anyhow::anyhow!("--email {email:?} is not an email address"))?;
    let password = secrets::generate_password();
    let hash = hash_password(password.clone()).await?;
    match store
        .create_partner_user(partner, email.as_str(), role, hash, Actor::operator())
        .await
    {
        Ok(user) => eprintln!("created {role} {} (the password below is shown once)", user.email),
        Err(StoreError::Conflict(Conflict::UserEmail)) => {
            bail!("a user with the email {email} exists already")
        }
        Err(e) => return Err(not_found(e, "partner")),
    }
    println!("{password}");
    Ok(())
}

pub async fn set_password(store: &Store, email: &str) -> anyhow::Result<()> {
    let password = secrets::generate_password();
    let hash = hash_password(password.clone()).await?;
    let user = store
        .set_partner_user_password(email, hash, Actor::operator())
        .await
        .map_err(|e| not_found(e, "user"))?;
    eprintln!("new password for {} (shown once)", user.email);
    println!("{password}");
    Ok(())
}

pub async fn create_token(store: &Store, email: &str, name: &str) -> anyhow::Result<()> {
    let (user, _) = store
        .partner_user_by_email(email)
        .await
        .map_err(|e| not_found(e, "user"))?;
    let token = secrets::generate_token();
    store
        .create_api_token(
            &user,
            name,
            secrets::sha256(token.as_bytes()),
            None,
            Actor::operator(),
        )
        .await?;
    eprintln!(
        "API token for {} (shown once; send it as \"Authorization: Bearer <token>\")",
        user.email
    );
    println!("{token}");
    Ok(())
}

pub async fn import_catalog(store: &Store, file: &Path) -> anyhow::Result<()> {
    let text = if file == Path::new("-") {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text)?;
        text
    } else {
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?
    };
    let document: CatalogDocument =
        serde_json::from_str(&text).context("the catalog isn't a valid catalog document")?;
    let catalog = Catalog::new(document)
        .map_err(|problems| anyhow::anyhow!("the catalog has problems:\n  {}", problems.join("\n  ")))?;
    let version = store.replace_catalog(&catalog).await?;
    eprintln!(
        "imported {} offers in {} categories (catalog version {version})",
        catalog.document().offers.len(),
        catalog.document().categories.len()
    );
    Ok(())
}

pub async fn export_catalog(store: &Store, file: Option<&Path>) -> anyhow::Result<()> {
    let catalog = store.catalog().await?;
    let json = serde_json::to_string_pretty(catalog.document())?;
    match file {
        Some(path) => {
            std::fs::write(path, json + "\n").with_context(|| format!("writing {}", path.display()))?
        }
        None => println!("{json}"),
    }
    Ok(())
}

/// `partnerdesk customers export`: the partner's customers as the portal exports them.
pub async fn export_customers(store: &Store, args: &CustomerExportArgs) -> anyhow::Result<()> {
    use futures_util::StreamExt;
    use std::io::Write;

    let partner: PartnerId = args
        .partner
        .parse()
        .map_err(|_| anyhow::anyhow!("--partner: not a partner id"))?;
    let found = store
        .partner(partner)
        .await
        .map_err(|e| not_found(e, "partner"))?;
    let country = args
        .country
        .as_deref()
        .map(CountryCode::parse)
        .transpose()
        .map_err(|_| anyhow::anyhow!("--country: not an ISO 3166 alpha-2 code"))?;
    let view = CustomerView {
        text: args.search.clone().unwrap_or_default(),
        country,
        sort: args.sort.parse().unwrap_or_default(),
        descending: args.descending,
        ..CustomerView::default()
    };
    let related = match found.kind {
        PartnerKind::IndirectProvider => store.resellers_of(partner).await?,
        PartnerKind::IndirectReseller => store.providers_of(partner).await?,
        PartnerKind::Direct => Vec::new(),
    };
    let names = related.into_iter().map(|p| (p.id, p.name)).collect();
    let mut out: Box<dyn Write> = match &args.file {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let mut lines = std::pin::pin!(partnerdesk_web::customer_export::lines(
        store.clone(),
        partner,
        view,
        names
    ));
    while let Some(chunk) = lines.next().await {
        out.write_all(chunk?.as_bytes())?;
    }
    out.flush()?;
    Ok(())
}

fn not_found(e: StoreError, what: &str) -> anyhow::Error {
    match e {
        StoreError::NotFound => anyhow::anyhow!("no such {what}"),
        other => other.into(),
    }
}

pub async fn list_tokens(store: &Store, email: &str) -> anyhow::Result<()> {
    let (user, _) = store
        .partner_user_by_email(email)
        .await
        .map_err(|e| not_found(e, "user"))?;
    for t in store.api_tokens(user.partner_id, Some(user.id)).await? {
        let revoked = t
            .revoked_at
            .map_or_else(|| "-".to_owned(), |at| at.date().to_string());
        println!("{}\t{}\t{}\t{}", t.id, t.created_at.date(), revoked, t.name);
    }
    Ok(())
}

pub async fn revoke_token(store: &Store, id: &str) -> anyhow::Result<()> {
    let token: TokenId = id
        .parse()
        .with_context(|| format!("--id {id:?} is not a token id"))?;
    let partner = store
        .token_partner(token)
        .await
        .map_err(|e| not_found(e, "token"))?;
    store
        .revoke_api_token(partner, token, None, Actor::operator())
        .await
        .map_err(|e| not_found(e, "token"))?;
    eprintln!("revoked token {token} (requests with it fail within 5 seconds)");
    Ok(())
}

/// The outbox's newest messages, one per line, tab-separated.
pub async fn list_outbox(store: &Store, unsent_only: bool, limit: u32) -> anyhow::Result<()> {
    for m in store.outbox(None, unsent_only, limit).await? {
        let status = match (&m.sent_at, &m.last_error) {
            (Some(at), _) => format!("sent {}", at.date()),
            (None, Some(error)) => format!("failed {}x: {error}", m.attempts),
            (None, None) => "waiting".to_owned(),
        };
        let subject = partnerdesk_web::mail::render(&m).subject;
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}",
            m.id,
            m.created_at.date(),
            status,
            m.kind,
            m.recipient,
            subject
        );
    }
    Ok(())
}
