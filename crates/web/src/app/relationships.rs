//! Reseller relationships with customers that exist already: a partner asks with an
//! invitation link (through one of its indirect resellers, for a provider), and the
//! customer's admin accepts or declines it in the customer portal.

use partnerdesk_domain::email::Email;
use partnerdesk_domain::mail::{Mail, MailKind};
use partnerdesk_domain::partner::{PartnerKind, Permission};
use partnerdesk_domain::subscription::Subscription;
use partnerdesk_domain::{Field, FieldError, Locale, PartnerId, Rule};
use partnerdesk_secrets as secrets;
use partnerdesk_store::{CustomerPartner, Invitation, InvitationStatus, LinkDigest, SentRequest, StoreError};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::app::passwords::link_digest;
use crate::app::sessions::new_secret;
use crate::app::users::LinkToken;
use crate::app::{AppError, Caller, CustomerCaller};
use crate::state::AppState;

/// How long an invitation link works.
pub const INVITATION_VALID: Duration = Duration::days(30);

const INVITATION_NOT_FOUND: &str = "api-invitation-not-found";

fn reseller_error(rule: Rule) -> AppError {
    AppError::field(FieldError::new(Field::AssociatedPartnerId, rule))
}

/// Where a relationship request is mailed, if anywhere: the customer admin's address and
/// the language to write in.
pub struct SendTo<'a> {
    pub email: &'a str,
    pub locale: Locale,
}

/// How many of its earlier requests a partner sees beside the form.
pub const SENT_SHOWN: u32 = 50;

/// The caller's relationship requests, newest first, with where each stands.
pub async fn sent(state: &AppState, caller: &Caller) -> Result<Vec<SentRequest>, AppError> {
    caller.require(Permission::RequestRelationship)?;
    Ok(state.store.sent_requests(caller.partner_id(), SENT_SHOWN).await?)
}

/// Records an invitation of the caller's (through its indirect reseller `reseller`, an id
/// as typed) and returns the token of its link; mails a link of its own to `send_to` if
/// given. A reseller can be named only by an indirect provider
/// (`IndirectModelUnavailable`), and only one of its own (`ResellerUnknown`).
pub async fn request(
    state: &AppState,
    caller: &Caller,
    reseller: Option<&str>,
    delegated_admin: bool,
    send_to: Option<SendTo<'_>>,
) -> Result<LinkToken, AppError> {
    caller.require(Permission::RequestRelationship)?;
    if !state.settings.profile.relationship_requests {
        return Err(AppError::RelationshipRequestsUnavailable);
    }
    let reseller = match reseller.map(str::trim).filter(|r| !r.is_empty()) {
        None => None,
        Some(_) if caller.kind() != PartnerKind::IndirectProvider => {
            return Err(reseller_error(Rule::IndirectModelUnavailable));
        }
        Some(raw) => Some(
            raw.parse::<PartnerId>()
                .map_err(|_| reseller_error(Rule::ResellerUnknown))?,
        ),
    };
    let mail = match send_to.filter(|to| !to.email.trim().is_empty()) {
        None => None,
        Some(to) => {
            let email = Email::parse(to.email.trim())
                .map_err(|rule| AppError::field(FieldError::new(Field::Email, rule)))?;
            let mail = Mail::new(
                MailKind::RelationshipRequest,
                email.as_str(),
                to.locale,
                caller.partner_id(),
            )
            .arg("partner", &caller.principal.partner.name)
            .arg("admin", if delegated_admin { "yes" } else { "no" })
            .arg("days", INVITATION_VALID.whole_days());
            Some(mail)
        }
    };
    let token = new_secret();
    let expires = OffsetDateTime::now_utc() + INVITATION_VALID;
    state
        .store
        .request_relationship(
            caller.partner_id(),
            reseller,
            delegated_admin,
            LinkDigest {
                digest: secrets::sha256(token.as_bytes()),
                expires_at: expires,
            },
            mail,
            caller.actor(),
        )
        .await
        .map_err(|e| match e {
            StoreError::Invalid(_) => reseller_error(Rule::ResellerUnknown),
            other => other.into(),
        })?;
    Ok(LinkToken(token))
}

/// The pending invitation a link names, addressed to the caller's customer from now on.
pub async fn open(state: &AppState, caller: &CustomerCaller, token: &str) -> Result<Invitation, AppError> {
    let found = state
        .store
        .open_invitation(
            link_digest(token),
            caller.user.customer_id,
            OffsetDateTime::now_utc(),
        )
        .await
        .map_err(AppError::not_found_as(INVITATION_NOT_FOUND))?;
    if found.status == InvitationStatus::Pending {
        Ok(found)
    } else {
        Err(AppError::NotFound(INVITATION_NOT_FOUND))
    }
}

/// Accepts or declines an invitation addressed to the caller's customer.
pub async fn answer(
    state: &AppState,
    caller: &CustomerCaller,
    invitation: &str,
    accept: bool,
) -> Result<Invitation, AppError> {
    let invitation: Uuid = invitation
        .parse()
        .map_err(|_| AppError::NotFound(INVITATION_NOT_FOUND))?;
    state
        .store
        .answer_invitation(invitation, caller.user.customer_id, accept, caller.actor())
        .await
        .map_err(AppError::not_found_as(INVITATION_NOT_FOUND))
}

/// What the customer's home shows: invitations to answer, partners, subscriptions.
pub struct CustomerHome {
    pub invitations: Vec<Invitation>,
    pub partners: Vec<CustomerPartner>,
    pub subscriptions: Vec<(Subscription, String)>,
}

pub async fn home(state: &AppState, caller: &CustomerCaller) -> Result<CustomerHome, AppError> {
    let customer = caller.user.customer_id;
    let now = OffsetDateTime::now_utc();
    Ok(CustomerHome {
        invitations: state.store.customer_invitations(customer, now).await?,
        partners: state.store.customer_partners(customer).await?,
        subscriptions: state.store.customer_subscriptions(customer).await?,
    })
}
