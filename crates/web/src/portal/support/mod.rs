//! The **Support** workspace: the queue of service requests addressed or escalated to the
//! partner, a request with its thread and what agents do with it, opening a request on a
//! customer's behalf, and the partner's support profile.

mod mail;
mod new;
mod profile;
mod queue;
mod request;

use axum::Router;
use axum::routing::{get, post};

use partnerdesk_domain::attachment::AttachmentLimits;

use crate::state::AppState;
use crate::ui::upload::body_limit;

pub fn pages(attachments: &AttachmentLimits) -> Router<AppState> {
    Router::new()
        .route("/support", get(queue::page))
        .route("/support/profile", get(profile::page).post(profile::save))
        .route("/support/mail", get(mail::page))
        .route("/support/{request}", get(request::page))
        .route("/support/{request}/notes", post(request::add_note))
        .route("/support/{request}/status", post(request::set_status))
        .route("/support/{request}/assign", post(request::assign))
        .route("/support/{request}/escalate", post(request::escalate))
        .route("/support/{request}/files/{file}", get(request::file))
        .route(
            "/customers/{customer}/support/new",
            get(new::page).post(new::submit).layer(body_limit(attachments)),
        )
}
