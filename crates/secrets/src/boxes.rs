//! Small encrypted boxes for values a browser carries between two requests (a session's
//! flash): ChaCha20-Poly1305 under a key derived from a secret the browser holds, with a
//! random nonce each time, so that the same key may seal many boxes.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngExt;
use ring::aead::{self, Aad, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use ring::hkdf;

struct KeyLength;

impl hkdf::KeyType for KeyLength {
    fn len(&self) -> usize {
        32
    }
}

fn key(secret: &str, purpose: &[u8]) -> Option<LessSafeKey> {
    let prk = hkdf::Salt::new(hkdf::HKDF_SHA256, b"partnerdesk box").extract(secret.as_bytes());
    let info = [purpose];
    let okm = prk.expand(&info, KeyLength).ok()?;
    let mut bytes = [0u8; 32];
    okm.fill(&mut bytes).ok()?;
    UnboundKey::new(&aead::CHACHA20_POLY1305, &bytes)
        .ok()
        .map(LessSafeKey::new)
}

/// `N` random bytes from the operating system's generator.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    rand::rng().fill(&mut bytes);
    bytes
}

/// `plain` sealed under a key derived from `secret` for `purpose`, as URL-safe text.
pub fn lock(plain: &[u8], secret: &str, purpose: &[u8]) -> Option<String> {
    let key = key(secret, purpose)?;
    let mut nonce = [0u8; NONCE_LEN];
    rand::rng().fill(&mut nonce);
    let mut buffer = plain.to_vec();
    key.seal_in_place_append_tag(Nonce::assume_unique_for_key(nonce), Aad::empty(), &mut buffer)
        .ok()?;
    let mut out = nonce.to_vec();
    out.extend_from_slice(&buffer);
    Some(URL_SAFE_NO_PAD.encode(out))
}

/// What [`lock`] sealed with the same secret and purpose; `None` for anything else.
pub fn unlock(text: &str, secret: &str, purpose: &[u8]) -> Option<Vec<u8>> {
    let bytes = URL_SAFE_NO_PAD.decode(text).ok()?;
    if bytes.len() < NONCE_LEN {
        return None;
    }
    let (nonce, sealed) = bytes.split_at(NONCE_LEN);
    let nonce = Nonce::try_assume_unique_for_key(nonce).ok()?;
    let mut buffer = sealed.to_vec();
    let plain = key(secret, purpose)?
        .open_in_place(nonce, Aad::empty(), &mut buffer)
        .ok()?;
    Some(plain.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boxes_open_only_with_their_secret_and_purpose() {
        let a = lock(b"token pd_123", "session-a", b"flash").unwrap_or_default();
        let b = lock(b"token pd_123", "session-a", b"flash").unwrap_or_default();
        assert_ne!(a, b, "a fresh nonce each time");
        assert!(!a.contains("pd_123"));
        assert_eq!(
            unlock(&a, "session-a", b"flash").as_deref(),
            Some(&b"token pd_123"[..])
        );
        assert_eq!(unlock(&a, "session-b", b"flash"), None);
        assert_eq!(unlock(&a, "session-a", b"other"), None);
        assert_eq!(unlock("garbage", "session-a", b"flash"), None);
        assert_eq!(unlock("", "session-a", b"flash"), None);
    }
}
