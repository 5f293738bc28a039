//! CSRF tokens. A form's token is derived from a secret its browser holds in an HttpOnly
//! cookie (the session's, or before signing in the sign-in cookie's), so it is never
//! stored and can't be made without the cookie. Each page carries it under a fresh random
//! mask, so that compressed pages never repeat the same secret bytes (BREACH). The
//! extractor that reads who is signed in also says which secret this request's forms must
//! be derived from.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use partnerdesk_secrets as secrets;
use subtle::ConstantTimeEq;

/// How many bytes of the secret's digest a token carries.
const LENGTH: usize = 18;

fn unmasked(secret: &str) -> Vec<u8> {
    secrets::sha256(format!("partnerdesk csrf\n{secret}").as_bytes())[..LENGTH].to_vec()
}

/// The CSRF token of forms rendered for the holder of `secret`: a random mask, then the
/// secret's token under it.
pub fn token(secret: &str) -> String {
    let mask = secrets::random_bytes::<LENGTH>();
    let mut out = mask.to_vec();
    out.extend(unmasked(secret).iter().zip(mask).map(|(t, m)| t ^ m));
    URL_SAFE_NO_PAD.encode(out)
}

/// Whether a submitted token is one made for `secret`, compared in constant time.
pub fn matches(secret: &str, submitted: &str) -> bool {
    let Ok(bytes) = URL_SAFE_NO_PAD.decode(submitted) else {
        return false;
    };
    if bytes.len() != 2 * LENGTH {
        return false;
    }
    let (mask, masked) = bytes.split_at(LENGTH);
    let token: Vec<u8> = masked.iter().zip(mask).map(|(t, m)| t ^ m).collect();
    token.ct_eq(&unmasked(secret)).into()
}

/// The secrets this request's forms may be derived from, put in the request by the
/// extractor of who is signed in (or of a visitor), for the form extractor to check.
#[derive(Debug, Clone, Default)]
pub struct FormSecrets(pub Vec<String>);

impl FormSecrets {
    pub fn accept(&self, submitted: &str) -> bool {
        self.0.iter().any(|secret| matches(secret, submitted))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_depend_on_the_secret() {
        let t = token("secret-a");
        assert!(matches("secret-a", &t));
        assert!(!matches("secret-b", &t));
        assert!(!matches("secret-a", ""));
        assert!(!t.contains("secret"));
        assert_ne!(token("secret-a"), t, "a fresh mask each time");
        assert!(matches("secret-a", &token("secret-a")));
        let secrets = FormSecrets(vec!["secret-b".into(), "secret-a".into()]);
        assert!(secrets.accept(&t));
        assert!(!FormSecrets::default().accept(&t));
    }
}
