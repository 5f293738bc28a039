//! Continuation tokens for customer lists: the query and where its last page ended,
//! opaque to clients. Used by the API's seek-based paging and the Customers page.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use partnerdesk_store::{Cursor, CustomerFilter, CustomerQuery, SearchField};
use serde::{Deserialize, Serialize};

/// The largest page.
pub const MAX_SIZE: u32 = 1000;

/// What a continuation token carries: the query, and where the last page ended.
#[derive(Debug, Serialize, Deserialize)]
struct Token {
    f: String,
    v: String,
    k: String,
    i: String,
    s: u32,
}

/// The token of the page after `cursor`.
pub fn to_token(filter: &CustomerFilter, cursor: &Cursor, size: u32) -> String {
    let (f, v) = match filter {
        CustomerFilter::All => ("", String::new()),
        CustomerFilter::CompanyName(v) => ("n", v.clone()),
        CustomerFilter::Domain(v) => ("d", v.clone()),
        CustomerFilter::Reseller(r) => ("r", r.to_string()),
        CustomerFilter::Contains(SearchField::Domain, v) => ("cd", v.clone()),
        CustomerFilter::Contains(_, v) => ("cn", v.clone()),
    };
    let token = Token {
        f: f.into(),
        v,
        k: cursor.key.clone(),
        i: cursor.id.to_string(),
        s: size,
    };
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(&token).unwrap_or_default())
}

/// The query a token continues, and its page size; `None` for anything else.
pub fn from_token(raw: &str) -> Option<(CustomerQuery, u32)> {
    let bytes = URL_SAFE_NO_PAD.decode(raw.trim()).ok()?;
    let token: Token = serde_json::from_slice(&bytes).ok()?;
    let filter = match token.f.as_str() {
        "" => CustomerFilter::All,
        "n" => CustomerFilter::CompanyName(token.v),
        "d" => CustomerFilter::Domain(token.v),
        "r" => CustomerFilter::Reseller(token.v.parse().ok()?),
        "cn" => CustomerFilter::Contains(SearchField::Name, token.v),
        "cd" => CustomerFilter::Contains(SearchField::Domain, token.v),
        _ => return None,
    };
    let id = token.i.parse().ok()?;
    let size = token.s.clamp(1, MAX_SIZE);
    Some((
        CustomerQuery {
            filter,
            after: Some(Cursor { key: token.k, id }),
            limit: size,
        },
        size,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_garbage_is_refused() {
        let cursor = Cursor {
            key: "acme".into(),
            id: partnerdesk_domain::CustomerId::new(),
        };
        let token = to_token(&CustomerFilter::Domain("ac".into()), &cursor, 7);
        let (query, size) = from_token(&token).unwrap_or_else(|| panic!("valid token"));
        assert_eq!(size, 7);
        assert_eq!(query.filter, CustomerFilter::Domain("ac".into()));
        assert_eq!(query.after, Some(cursor));
        assert!(from_token("garbage!").is_none());
        assert!(from_token(&URL_SAFE_NO_PAD.encode(b"{}")).is_none());
    }
}
