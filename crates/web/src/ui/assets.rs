//! The stylesheet and the script, built into the binary and served with a content hash in
//! their URL so that browsers may keep them for a year.

use std::sync::LazyLock;

use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use partnerdesk_secrets as secrets;

const CSS: &str = include_str!("../../static/app.css");
const JS: &str = include_str!("../../static/app.js");

/// The URLs pages link to.
pub struct Assets {
    pub css: String,
    pub js: String,
}

fn version(content: &str) -> String {
    secrets::sha256(content.as_bytes())[..6]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub static ASSETS: LazyLock<Assets> = LazyLock::new(|| Assets {
    css: format!("/static/app.css?v={}", version(CSS)),
    js: format!("/static/app.js?v={}", version(JS)),
});

pub async fn serve(Path(file): Path<String>) -> Response {
    let (content_type, body) = match file.as_str() {
        "app.css" => ("text/css; charset=utf-8", CSS),
        "app.js" => ("text/javascript; charset=utf-8", JS),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        body,
    )
        .into_response()
}
