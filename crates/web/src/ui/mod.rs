//! What both portals' pages share: the layout and its localized formatting, the
//! stylesheet and script, cookies, CSRF-checked typed forms and their fields, the visitor who isn't signed
//! in, the language switcher, and errors rendered as pages.

pub mod assets;
pub mod billing;
pub mod confirm;
pub mod cookies;
pub mod csrf;
mod error;
pub mod fields;
pub mod flash;
pub mod form;
pub mod language;
pub mod layout;
pub mod sign_in;
pub mod subscriptions;
pub mod support;
pub mod upload;
pub mod visitor;

pub use error::{PageError, render as render_errors};
pub use flash::Flash;
pub use form::{Empty, Fields, Form, Posted};
pub use layout::{Page, html, ok, refused};
pub use visitor::Visitor;
