//! The JSON request body: `Content-Type: application/json` (415 otherwise), within the body
//! limit (413), valid JSON (400), and property names matched in any case, as Partner
//! Center clients send `PascalCase` and its documentation shows `lowercase`.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRequest, Request};
use axum::http::header;
use partnerdesk_secrets as secrets;
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use crate::api::error::ApiError;
use crate::state::AppState;

/// A JSON body and the SHA-256 of its bytes (for idempotency fingerprints).
pub struct ApiJson<T> {
    pub value: T,
    pub digest: Vec<u8>,
}

impl<T: DeserializeOwned> FromRequest<AppState> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, ApiError> {
        let is_json = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(|v| v.trim().to_ascii_lowercase())
            .is_some_and(|v| {
                v == "application/json" || (v.starts_with("application/") && v.ends_with("+json"))
            });
        if !is_json {
            return Err(ApiError::UnsupportedMediaType);
        }
        let bytes = Bytes::from_request(request, state).await.map_err(|e| match e {
            BytesRejection::FailedToBufferBody(_) => ApiError::PayloadTooLarge(state.settings.max_body_bytes),
            other => ApiError::MalformedJson(other.body_text()),
        })?;
        let value = parse(&bytes)?;
        Ok(Self {
            value,
            digest: secrets::sha256(&bytes),
        })
    }
}

/// A JSON response expected to be large (a page of a list): serialized into a buffer sized
/// for it at once rather than grown from a few bytes.
pub struct LargeJson<T>(pub T);

impl<T: serde::Serialize> axum::response::IntoResponse for LargeJson<T> {
    fn into_response(self) -> axum::response::Response {
        let mut buffer = Vec::with_capacity(64 * 1024);
        match serde_json::to_writer(&mut buffer, &self.0) {
            Ok(()) => ([(header::CONTENT_TYPE, "application/json")], buffer).into_response(),
            Err(e) => ApiError::Internal(e.to_string()).into_response(),
        }
    }
}

/// Parses JSON into `T`, matching property names in any case; errors name the path.
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let value: Value = serde_json::from_slice(bytes).map_err(|e| ApiError::MalformedJson(e.to_string()))?;
    serde_path_to_error::deserialize(AnyCase(value)).map_err(|e| {
        let path = e.path().to_string();
        let detail = if path == "." {
            e.inner().to_string()
        } else {
            format!("{path}: {}", e.inner())
        };
        ApiError::InvalidValue(detail)
    })
}

/// A JSON value whose object keys match struct fields regardless of case.
struct AnyCase(Value);

impl<'de> de::Deserializer<'de> for AnyCase {
    type Error = serde_json::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.0 {
            Value::Object(map) => visitor.visit_map(Entries::new(map, &[])),
            Value::Array(items) => visitor.visit_seq(Items(items.into_iter())),
            other => other.deserialize_any(visitor),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        match self.0 {
            Value::Object(map) => visitor.visit_map(Entries::new(map, fields)),
            // serde_json would read an array as the fields in order; a body is an object.
            other => Err(de::Error::invalid_type(unexpected(&other), &"an object")),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            other => visitor.visit_some(AnyCase(other)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_enum(name, variants, visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit unit_struct
        seq tuple tuple_struct map identifier ignored_any
    }
}

fn unexpected(value: &Value) -> de::Unexpected<'_> {
    match value {
        Value::Null => de::Unexpected::Unit,
        Value::Bool(b) => de::Unexpected::Bool(*b),
        Value::Number(_) => de::Unexpected::Other("a number"),
        Value::String(s) => de::Unexpected::Str(s),
        Value::Array(_) => de::Unexpected::Seq,
        Value::Object(_) => de::Unexpected::Map,
    }
}

/// An object's entries, with keys renamed to the struct's own spelling when they match one
/// of its fields case-insensitively.
struct Entries {
    iter: serde_json::map::IntoIter,
    fields: &'static [&'static str],
    value: Option<Value>,
}

impl Entries {
    fn new(map: Map<String, Value>, fields: &'static [&'static str]) -> Self {
        Self {
            iter: map.into_iter(),
            fields,
            value: None,
        }
    }
}

impl<'de> MapAccess<'de> for Entries {
    type Error = serde_json::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Self::Error> {
        let Some((key, value)) = self.iter.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        let key = match self.fields.iter().find(|f| f.eq_ignore_ascii_case(&key)) {
            Some(field) => (*field).to_owned(),
            None => key,
        };
        seed.deserialize(key.into_deserializer()).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Self::Error> {
        let value = self
            .value
            .take()
            .ok_or_else(|| de::Error::custom("a value without a key"))?;
        seed.deserialize(AnyCase(value))
    }
}

struct Items(std::vec::IntoIter<Value>);

impl<'de> SeqAccess<'de> for Items {
    type Error = serde_json::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Self::Error> {
        self.0.next().map(|v| seed.deserialize(AnyCase(v))).transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "camelCase")]
    struct Outer {
        company_profile: Option<Inner>,
        line_items: Vec<Inner>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "camelCase")]
    struct Inner {
        domain_name: Option<String>,
    }

    #[test]
    fn property_names_match_in_any_case_at_every_depth() {
        let body = br#"{"CompanyProfile": {"DOMAINNAME": "a"}, "lineitems": [{"domainName": "b"}, {"DomainName": null}]}"#;
        let parsed: Result<Outer, _> = parse(body);
        assert_eq!(
            parsed.ok(),
            Some(Outer {
                company_profile: Some(Inner {
                    domain_name: Some("a".into())
                }),
                line_items: vec![
                    Inner {
                        domain_name: Some("b".into())
                    },
                    Inner { domain_name: None }
                ],
            })
        );
    }

    #[test]
    fn type_errors_name_the_path() {
        let body = br#"{"lineItems": [{"domainName": 5}]}"#;
        let parsed: Result<Outer, ApiError> = parse(body);
        let Err(ApiError::InvalidValue(detail)) = parsed else {
            panic!("{parsed:?}")
        };
        assert!(detail.starts_with("lineItems[0].domainName:"), "{detail}");
    }

    #[test]
    fn malformed_json_is_its_own_error() {
        let parsed: Result<Outer, ApiError> = parse(b"{\"lineItems\": [");
        assert!(matches!(parsed, Err(ApiError::MalformedJson(_))));
    }

    #[test]
    fn a_body_or_a_nested_object_is_never_read_from_an_array() {
        let top: Result<Inner, ApiError> = parse(b"[null]");
        assert!(
            matches!(top, Err(ApiError::InvalidValue(ref d)) if d.contains("expected an object")),
            "{top:?}"
        );
        let nested: Result<Outer, ApiError> = parse(br#"{"companyProfile": ["a"], "lineItems": []}"#);
        assert!(
            matches!(nested, Err(ApiError::InvalidValue(ref d)) if d.starts_with("companyProfile:")),
            "{nested:?}"
        );
    }
}
