//! The JSON resources of the API, in Partner Center's shapes: camelCase properties,
//! `attributes.objectType`, `links` relative to `/v1`, and collections with `totalCount`.

pub mod billing;
pub mod catalog;
pub mod commerce;
pub mod customer;
pub mod support;

use axum::Json;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use crate::api::error::ApiError;

/// A link to a related resource, as Partner Center writes them.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Link {
    /// Relative to `/v1`.
    pub uri: String,
    pub method: &'static str,
    pub headers: Vec<LinkHeader>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LinkHeader {
    pub key: String,
    pub value: String,
}

impl Link {
    pub fn get(uri: impl Into<String>) -> Self {
        Self {
            uri: uri.into(),
            method: "GET",
            headers: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Attributes {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    pub object_type: &'static str,
}

impl Attributes {
    pub fn of(object_type: &'static str) -> Self {
        Self {
            etag: None,
            object_type,
        }
    }

    pub fn versioned(object_type: &'static str, version: i64) -> Self {
        Self {
            etag: Some(etag(version)),
            object_type,
        }
    }
}

/// `resource` as JSON with its version in the `ETag` header.
pub fn with_etag(resource: impl Serialize, version: i64) -> Response {
    let mut response = Json(resource).into_response();
    if let Ok(value) = HeaderValue::from_str(&etag(version)) {
        response.headers_mut().insert(header::ETAG, value);
    }
    response
}

/// The `If-Match` header, else a body's `attributes.etag`: the version a change expects.
/// None given is 428; one that names no version is 412.
pub fn expected_version(headers: &HeaderMap, body_etag: Option<&str>) -> Result<i64, ApiError> {
    let given = headers
        .get(header::IF_MATCH)
        .and_then(|v| v.to_str().ok())
        .or(body_etag)
        .ok_or(ApiError::PreconditionRequired)?;
    version_of(given).ok_or(ApiError::PreconditionFailed)
}

/// The etag of a row version: opaque to clients, quoted in headers.
pub fn etag(version: i64) -> String {
    format!("W/\"{version}\"")
}

/// The version an `If-Match` value (or a body's `attributes.etag`) names, if any.
pub fn version_of(etag: &str) -> Option<i64> {
    etag.trim()
        .trim_start_matches("W/")
        .trim_matches('"')
        .parse()
        .ok()
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SelfLink {
    #[serde(rename = "self")]
    pub self_link: Link,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CollectionLinks {
    #[serde(rename = "self")]
    pub self_link: Link,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<Link>,
}

/// A list of resources.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Collection<T> {
    /// The number of items in this page.
    pub total_count: usize,
    pub items: Vec<T>,
    /// Present when there is a next page: send it as `MS-ContinuationToken` with
    /// `seekOperation=Next`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub continuation_token: Option<String>,
    pub links: CollectionLinks,
    pub attributes: Attributes,
}

impl<T> Collection<T> {
    pub fn new(items: Vec<T>, self_uri: impl Into<String>) -> Self {
        Self {
            total_count: items.len(),
            items,
            continuation_token: None,
            links: CollectionLinks {
                self_link: Link::get(self_uri),
                next: None,
            },
            attributes: Attributes::of("Collection"),
        }
    }

    /// The collection with its next page: `self` with `seekOperation=Next` and `token` in
    /// `MS-ContinuationToken`, as the link and as `continuationToken`.
    pub fn with_next(mut self, token: String) -> Self {
        self.links.next = Some(Link {
            uri: format!("{}&seekOperation=Next", self.links.self_link.uri),
            method: "GET",
            headers: vec![LinkHeader {
                key: "MS-ContinuationToken".into(),
                value: token.clone(),
            }],
        });
        self.continuation_token = Some(token);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etags_round_trip_with_or_without_quotes() {
        assert_eq!(version_of(&etag(7)), Some(7));
        assert_eq!(version_of("\"7\""), Some(7));
        assert_eq!(version_of("7"), Some(7));
        assert_eq!(version_of("W/\"x\""), None);
    }
}
