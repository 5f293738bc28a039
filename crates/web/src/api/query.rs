//! Query parameters, read exactly as the OpenAPI document describes them: absent means the
//! default, and a value that is present must be valid — an empty or padded value is
//! refused naming the parameter, never taken for absent.

use std::str::FromStr;

use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::api::error::ApiError;

/// The query string decoded into `T`; a string it can't decode (a parameter given twice)
/// is refused with Partner Center's error body, not axum's plain text.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Query::from_request_parts(parts, state)
            .await
            .map(|Query(value)| Self(value))
            .map_err(|e| ApiError::InvalidValue(e.body_text()))
    }
}

/// An optional parameter parsed by `parse`; a present value it refuses is an error.
pub fn optional<T>(
    raw: Option<&str>,
    parameter: &'static str,
    message: &'static str,
    parse: impl FnOnce(&str) -> Option<T>,
) -> Result<Option<T>, ApiError> {
    match raw {
        None => Ok(None),
        Some(raw) if raw.trim() == raw => parse(raw).map(Some).ok_or(ApiError::Query { parameter, message }),
        Some(_) => Err(ApiError::Query { parameter, message }),
    }
}

/// A whole number within `min..=max`, `default` when absent.
pub fn number<T: FromStr + PartialOrd + Copy>(
    raw: Option<&str>,
    default: T,
    (min, max): (T, T),
    parameter: &'static str,
    message: &'static str,
) -> Result<T, ApiError> {
    let parse = |raw: &str| {
        let digits = !raw.is_empty() && raw.bytes().all(|b| b.is_ascii_digit());
        digits
            .then(|| raw.parse::<T>().ok())
            .flatten()
            .filter(|n| *n >= min && *n <= max)
    };
    Ok(optional(raw, parameter, message, parse)?.unwrap_or(default))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padded_values_are_refused_before_parsing() {
        let id = |raw| {
            optional(Some(raw), "customerId", "query-customer-id", |r: &str| {
                r.parse::<uuid::Uuid>().ok()
            })
        };
        assert!(id("00000000-0000-0000-0000-000000000001").is_ok());
        assert!(id(" 00000000-0000-0000-0000-000000000001").is_err());
        assert!(id("").is_err());
    }

    #[test]
    fn present_values_must_be_valid_and_absent_ones_default() {
        assert_eq!(
            number(None, 100u32, (1, 1000), "size", "query-size").ok(),
            Some(100)
        );
        assert_eq!(
            number(Some("7"), 100u32, (1, 1000), "size", "query-size").ok(),
            Some(7)
        );
        for wrong in ["", " 7", "0", "1001", "-1", "7.0", "x"] {
            assert!(
                number(Some(wrong), 100u32, (1, 1000), "size", "query-size").is_err(),
                "{wrong:?}"
            );
        }
    }
}
