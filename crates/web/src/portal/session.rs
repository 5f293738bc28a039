//! Who is signed in to the partner portal, as extractors: [`SignedIn`] for any partner
//! user, [`Can<G>`] for one whose role allows what `G` names. Without a live session the
//! browser is sent to the sign-in page, which brings it back afterwards.

use std::marker::PhantomData;
use std::ops::Deref;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use partnerdesk_domain::Locale;
use partnerdesk_domain::audit::Channel;
use partnerdesk_domain::partner::Permission;

use crate::app::{Caller, sessions};
use crate::middleware::client_address;
use crate::state::AppState;
use crate::time_zone::{self, Zone};
use crate::ui::cookies::Jar;
use crate::ui::csrf::{self, FormSecrets};
use crate::ui::layout::page_locale;
use crate::ui::{Flash, Page, PageError};

/// A signed-in partner user.
#[derive(Clone)]
pub struct SignedIn {
    pub caller: Caller,
    /// The session cookie's value: what CSRF tokens and sealed secrets derive from.
    pub secret: String,
    pub locale: Locale,
    /// The zone times are shown in: the user's choice, else the browser's.
    pub zone: Zone,
    /// What the previous request left to show.
    pub flash: Option<Flash>,
    secure: bool,
}

impl SignedIn {
    /// The jar with `flash` in it, for the page the browser goes to next.
    pub fn flash(&self, jar: CookieJar, flash: &Flash) -> CookieJar {
        flash.put(jar, &self.secret, self.secure)
    }

    pub fn csrf(&self) -> String {
        csrf::token(&self.secret)
    }

    /// The page's frame; `title` is a message id, `path` where the language switcher
    /// returns to.
    pub fn page(&self, title: &str, path: &str) -> Page {
        Page::signed_in(&self.caller, self.locale, self.csrf(), title, path).with_flash(self.flash.as_ref())
    }

    /// Whether cookies are `Secure` (the server is reached over HTTPS).
    pub fn secure(&self) -> bool {
        self.secure
    }

    pub fn can(&self, permission: Permission) -> bool {
        self.caller.can(permission)
    }
}

/// The sign-in page, then back to `path`.
fn sign_in_first(parts: &Parts) -> Response {
    let wanted = parts.uri.path_and_query().map_or("/", |p| p.as_str());
    let to = if parts.method == axum::http::Method::GET && wanted != "/customers" && wanted != "/" {
        let next: String = form_urlencoded::byte_serialize(wanted.as_bytes()).collect();
        format!("/sign-in?next={next}")
    } else {
        "/sign-in".to_owned()
    };
    Redirect::to(&to).into_response()
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let secure = state.settings.secure_cookies;
        let jar = CookieJar::from_headers(&parts.headers);
        let Some(secret) = Jar::Session.read(&jar, secure) else {
            return Err(sign_in_first(parts));
        };
        let principal = match sessions::partner_session(state, &secret).await {
            Ok(Some(principal)) => principal,
            Ok(None) => return Err(sign_in_first(parts)),
            Err(e) => return Err(PageError::from(e).into_response()),
        };
        let locale = page_locale(&jar, &parts.headers, secure, principal.user.locale.as_deref());
        let browser_zone = jar.get(time_zone::COOKIE).map(|c| c.value().to_owned());
        let zone = Zone::first_of([principal.user.time_zone.as_deref(), browser_zone.as_deref()]);
        parts.extensions.insert(FormSecrets(vec![secret.clone()]));
        Ok(SignedIn {
            caller: Caller::new(principal, Channel::Portal, client_address(parts)),
            flash: Flash::read(&jar, &secret, secure),
            secret,
            locale,
            zone,
            secure,
        })
    }
}

/// What a page needs the user's role to allow.
pub trait Guard: Send + Sync {
    const PERMISSION: Permission;
}

/// The permissions pages ask for, as types.
pub mod guard {
    use super::{Guard, Permission};

    macro_rules! guards {
        ($($name:ident),*) => {$(
            pub struct $name;
            impl Guard for $name {
                const PERMISSION: Permission = Permission::$name;
            }
        )*};
    }

    guards!(
        ViewCustomers,
        AddCustomer,
        EditBillingProfile,
        AttestAgreement,
        ResetCustomerPassword,
        PlaceOrder,
        ManageSubscriptions,
        ManageUsers,
        ViewActivity,
        RequestRelationship,
        ViewBilling,
        ViewPrices,
        ManagePrices,
        ViewSupport,
        WorkSupport,
        ManageSupportProfile
    );
}

/// A signed-in user whose role allows `G`'s permission; others get 403.
pub struct Can<G: Guard> {
    pub user: SignedIn,
    guard: PhantomData<G>,
}

impl<G: Guard> Deref for Can<G> {
    type Target = SignedIn;

    fn deref(&self) -> &SignedIn {
        &self.user
    }
}

impl<G: Guard> FromRequestParts<AppState> for Can<G> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let user = SignedIn::from_request_parts(parts, state).await?;
        user.caller
            .require(G::PERMISSION)
            .map_err(|e| PageError::from(e).into_response())?;
        Ok(Can {
            user,
            guard: PhantomData,
        })
    }
}
