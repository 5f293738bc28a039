//! Asking before anything destructive, without JavaScript: the form's action answers
//! first with a page that says what will happen, whose button sends the same form again
//! with `confirmed=yes`.

use askama::Template;
use axum::response::Response;

use crate::ui::{Page, ok};

#[derive(Template)]
#[template(path = "confirm.html")]
struct ConfirmPage {
    page: Page,
    question: String,
    action: String,
    fields: Vec<(String, String)>,
    button: String,
    cancel: String,
}

/// What to ask, and how to do it once confirmed.
pub struct Question {
    /// What will happen, in the user's language.
    pub text: String,
    /// The button that does it, in the user's language.
    pub button: String,
    /// Where the form posts, and its fields (besides the token).
    pub action: String,
    pub fields: Vec<(&'static str, String)>,
    /// Where Cancel goes.
    pub cancel: String,
}

/// Whether a form was sent again from its confirmation page.
pub fn confirmed(value: &str) -> bool {
    value == "yes"
}

/// The confirmation page. `page` is the frame of the page the action came from (its
/// title becomes "Please confirm").
pub fn ask(mut page: Page, question: Question) -> Response {
    page.title = page.t("confirm-title");
    ok(&ConfirmPage {
        page,
        question: question.text,
        action: question.action,
        fields: question
            .fields
            .into_iter()
            .map(|(name, value)| (name.to_owned(), value))
            .collect(),
        button: question.button,
        cancel: question.cancel,
    })
}
