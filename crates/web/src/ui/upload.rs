//! Forms that send files (`multipart/form-data`): the CSRF token checked as for
//! [`crate::ui::Form`], the text fields decoded into a typed form, and the files kept up
//! to the largest size attachments may have — past it a file's bytes are dropped and it
//! is marked too large, so that the form can say so. A route taking one sets its body
//! limit with [`body_limit`]. A form without files may also come URL-encoded.

use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Request};
use axum::http::header;
use partnerdesk_domain::attachment::{AttachmentLimits, Upload};
use serde::de::DeserializeOwned;

use crate::app::AppError;
use crate::state::AppState;
use crate::ui::csrf::FormSecrets;
use crate::ui::{Form, PageError};

/// A form with files whose CSRF token is right; otherwise nothing is done and the answer
/// is 400.
pub struct Uploaded<T> {
    pub value: T,
    /// The files chosen, in the order sent (a file input left empty sends none).
    pub files: Vec<Upload>,
}

/// The body limit of a route taking files: every file at its largest, and the text.
pub fn body_limit(limits: &AttachmentLimits) -> DefaultBodyLimit {
    let files = limits
        .max_bytes()
        .saturating_mul(limits.max_files.saturating_add(1));
    DefaultBodyLimit::max(files.saturating_add(256 * 1024))
}

impl<T: DeserializeOwned> FromRequest<AppState> for Uploaded<T> {
    type Rejection = PageError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, PageError> {
        let multipart = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("multipart/form-data"));
        // A form without files may come URL-encoded.
        if !multipart {
            let Form(value) = Form::from_request(request, state).await?;
            return Ok(Uploaded {
                value,
                files: Vec::new(),
            });
        }
        let Some(secrets) = request.extensions().get::<FormSecrets>().cloned() else {
            return Err(AppError::Internal("a form read before its sender".into()).into());
        };
        let mut multipart = Multipart::from_request(request, state)
            .await
            .map_err(|_| PageError::BadForm)?;
        let max = state.settings.attachments.max_bytes();
        let mut pairs: Vec<(String, String)> = Vec::new();
        let mut files = Vec::new();
        loop {
            let mut field = match multipart.next_field().await {
                Ok(Some(field)) => field,
                Ok(None) => break,
                // Past the body limit: what was sent is too large.
                Err(_) => {
                    files.push(too_large(String::new()));
                    break;
                }
            };
            let name = field.name().unwrap_or_default().to_owned();
            let Some(file_name) = field.file_name().map(str::to_owned) else {
                let text = field.text().await.map_err(|_| PageError::BadForm)?;
                pairs.push((name, text));
                continue;
            };
            let mut upload = Upload {
                name: file_name,
                bytes: Vec::new(),
                too_large: false,
            };
            loop {
                match field.chunk().await {
                    Ok(Some(chunk)) if !upload.too_large => {
                        if upload.bytes.len() + chunk.len() > max {
                            upload.too_large = true;
                            upload.bytes = Vec::new();
                        } else {
                            upload.bytes.extend_from_slice(&chunk);
                        }
                    }
                    Ok(Some(_)) => {}
                    Ok(None) => break,
                    Err(_) => {
                        upload.too_large = true;
                        upload.bytes = Vec::new();
                        break;
                    }
                }
            }
            // An empty file input sends a part with no name and no content.
            if !(upload.name.is_empty() && upload.bytes.is_empty() && !upload.too_large) {
                files.push(upload);
            }
        }
        let token = pairs
            .iter()
            .find(|(k, _)| k == "csrf")
            .map(|(_, v)| v.as_str())
            .unwrap_or_default();
        if !secrets.accept(token) {
            return Err(PageError::BadForm);
        }
        let encoded = serde_html_form::to_string(&pairs).map_err(|_| PageError::BadForm)?;
        let value = serde_html_form::from_str(&encoded).map_err(|_| PageError::BadForm)?;
        Ok(Uploaded { value, files })
    }
}

fn too_large(name: String) -> Upload {
    Upload {
        name,
        bytes: Vec::new(),
        too_large: true,
    }
}
