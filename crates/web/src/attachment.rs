//! A service request's attached file as a download, the same from the API and both
//! portals: its checked type, saved rather than shown (`attachment`, sandboxed, never
//! cached by a shared cache), under its own name.

use axum::http::header;
use axum::response::{IntoResponse, Response};
use partnerdesk_store::RequestFile;

/// `file` with its content `bytes` as a download.
pub fn download(file: &RequestFile, bytes: Vec<u8>) -> Response {
    let headers = [
        (header::CONTENT_TYPE, file.content_type.clone()),
        (header::CONTENT_DISPOSITION, disposition(&file.name)),
        (header::CACHE_CONTROL, "private, no-store".to_owned()),
        (header::CONTENT_SECURITY_POLICY, "sandbox".to_owned()),
    ];
    (headers, bytes).into_response()
}

/// `attachment` with the name in ASCII (others as `_`) and in UTF-8 (RFC 6266).
fn disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| match c {
            ' '..='~' if c != '"' && c != '\\' => c,
            _ => '_',
        })
        .collect();
    let mut encoded = String::new();
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_quoted_safely_in_both_forms() {
        assert_eq!(
            disposition("журнал \"1\".txt"),
            "attachment; filename=\"______ _1_.txt\"; filename*=UTF-8''%D0%B6%D1%83%D1%80%D0%BD%D0%B0%D0%BB%20%221%22.txt"
        );
    }
}
