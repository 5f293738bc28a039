//! Secrets: generated passwords and API tokens, and how they are kept. Random secrets of
//! at least 128 bits are stored as SHA-256 digests (fast to check, useless to steal);
//! passwords people choose are stored as Argon2id hashes. Requests hash and check
//! passwords on a [`PasswordPool`], which bounds how many computations run and how much
//! memory they take; the functions here serve the operator's commands and tests.
//! A created customer's temporary password can be sealed for a short-lived idempotent
//! replay, with a key derived from the server's key and the caller's request id.

mod boxes;
mod pool;

pub use boxes::{lock, random_bytes, unlock};
pub use pool::{PasswordPool, PoolError};

use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngExt;
use ring::aead::{self, Aad, LessSafeKey, Nonce, UnboundKey};
use ring::digest::{SHA256, digest};
use ring::hkdf;

/// Letters and digits that can't be mistaken for one another (no 0/O, 1/l/I).
const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
/// 24 characters of a 57-letter alphabet: 140 bits.
const PASSWORD_LENGTH: usize = 24;

/// A new random password with upper- and lower-case letters and digits.
pub fn generate_password() -> String {
    let mut rng = rand::rng();
    loop {
        let password: String = (0..PASSWORD_LENGTH)
            .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
            .collect();
        let classes = [
            password.bytes().any(|b| b.is_ascii_uppercase()),
            password.bytes().any(|b| b.is_ascii_lowercase()),
            password.bytes().any(|b| b.is_ascii_digit()),
        ];
        if classes.iter().all(|&c| c) {
            return password;
        }
    }
}

/// A new API token: `pd_` and 32 random bytes in URL-safe base64 (256 bits).
pub fn generate_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill(&mut bytes);
    format!("pd_{}", URL_SAFE_NO_PAD.encode(bytes))
}

/// The SHA-256 digest of a secret: how tokens are looked up.
pub fn sha256(secret: &[u8]) -> Vec<u8> {
    digest(&SHA256, secret).as_ref().to_vec()
}

/// How a generated (high-entropy) password is stored: `sha256$` and the hex digest.
pub fn hash_generated_password(password: &str) -> String {
    let hex: String = sha256(password.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("sha256${hex}")
}

/// How a chosen password is stored: an Argon2id PHC string. Slow on purpose (about 20 ms):
/// call it from a blocking thread.
pub fn hash_chosen_password(password: &str) -> Result<String, String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

/// Checks a password against either stored form, in constant time for the digest form.
pub fn verify_password(password: &str, stored: &str) -> bool {
    if stored.starts_with("sha256$") {
        let computed = hash_generated_password(password);
        return constant_time_eq(computed.as_bytes(), stored.as_bytes());
    }
    Argon2::default()
        .verify_password(password.as_bytes(), stored)
        .is_ok()
}

/// Compares without stopping at the first difference.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

struct KeyLength;

impl hkdf::KeyType for KeyLength {
    fn len(&self) -> usize {
        32
    }
}

/// The key of one sealed secret: HKDF-SHA256 with the server's key as the salt, the
/// request id as the input key material, and `context` in the info.
fn sealing_key(server_key: &[u8], request_id: &str, context: &[u8]) -> Option<LessSafeKey> {
    let salt = hkdf::Salt::new(hkdf::HKDF_SHA256, server_key);
    let info = [b"partnerdesk idempotent credentials".as_slice(), context];
    let prk = salt.extract(request_id.as_bytes());
    let okm = prk.expand(&info, KeyLength).ok()?;
    let mut key = [0u8; 32];
    okm.fill(&mut key).ok()?;
    UnboundKey::new(&aead::CHACHA20_POLY1305, &key)
        .ok()
        .map(LessSafeKey::new)
}

/// Encrypts `secret` with a key derived from the server's key (kept in the database),
/// the caller's request id and `context` (the partner's id): neither the database nor
/// the request id alone can open it. Each key seals one secret, so the fixed nonce is
/// never reused with the same key.
pub fn seal(secret: &str, server_key: &[u8], request_id: &str, context: &[u8]) -> Option<Vec<u8>> {
    let key = sealing_key(server_key, request_id, context)?;
    let mut buffer = secret.as_bytes().to_vec();
    key.seal_in_place_append_tag(Nonce::assume_unique_for_key([0; 12]), Aad::empty(), &mut buffer)
        .ok()?;
    Some(buffer)
}

/// Opens what [`seal`] sealed with the same server key, request id and context.
pub fn open(sealed: &[u8], server_key: &[u8], request_id: &str, context: &[u8]) -> Option<String> {
    let key = sealing_key(server_key, request_id, context)?;
    let mut buffer = sealed.to_vec();
    let plain = key
        .open_in_place(Nonce::assume_unique_for_key([0; 12]), Aad::empty(), &mut buffer)
        .ok()?;
    String::from_utf8(plain.to_vec()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_passwords_are_long_mixed_and_different() {
        let a = generate_password();
        let b = generate_password();
        assert_eq!(a.len(), PASSWORD_LENGTH);
        assert_ne!(a, b);
        assert!(a.bytes().all(|c| ALPHABET.contains(&c)));
    }

    #[test]
    fn tokens_carry_256_bits() {
        let token = generate_token();
        assert!(token.starts_with("pd_"));
        assert_eq!(
            URL_SAFE_NO_PAD.decode(&token[3..]).map(|b| b.len()).ok(),
            Some(32)
        );
    }

    #[test]
    fn both_password_forms_verify_and_reject() {
        let generated = generate_password();
        let stored = hash_generated_password(&generated);
        assert!(!stored.contains(&generated));
        assert!(verify_password(&generated, &stored));
        assert!(!verify_password("wrong", &stored));
        let chosen = hash_chosen_password("correct horse battery staple").unwrap_or_default();
        assert!(chosen.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery staple", &chosen));
        assert!(!verify_password("Correct horse battery staple", &chosen));
        assert!(!verify_password("x", "garbage"));
    }

    #[test]
    fn a_sealed_secret_opens_only_with_its_request_id_and_context() {
        let server = b"the server's key of 32 bytes....";
        let sealed = seal("s3cret", server, "req-1", b"partner-a").unwrap_or_default();
        assert!(!sealed.windows(6).any(|w| w == b"s3cret"));
        assert_eq!(
            open(&sealed, server, "req-1", b"partner-a").as_deref(),
            Some("s3cret")
        );
        assert_eq!(open(&sealed, server, "req-2", b"partner-a"), None);
        assert_eq!(open(&sealed, server, "req-1", b"partner-b"), None);
    }

    #[test]
    fn a_sealed_secret_opens_only_with_the_servers_key() {
        let sealed = seal("s3cret", b"this server", "req-1", b"partner-a").unwrap_or_default();
        assert_eq!(open(&sealed, b"another server", "req-1", b"partner-a"), None);
        assert_eq!(open(&sealed, b"", "req-1", b"partner-a"), None);
        assert_eq!(
            open(&sealed, b"this server", "req-1", b"partner-a").as_deref(),
            Some("s3cret")
        );
    }
}
