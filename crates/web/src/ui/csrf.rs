//! CSRF tokens. A form's token is derived from a secret its browser holds in an HttpOnly
//! cookie (the session's, or before signing in the sign-in cookie's), so it is never
//! stored and can't be made without the cookie. The extractor that reads who is signed in
//! also says which secret this request's forms must be derived from.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use partnerdesk_secrets as secrets;
use subtle::ConstantTimeEq;

/// The CSRF token of forms rendered for the holder of `secret`.
pub fn token(secret: &str) -> String {
    let digest = secrets::sha256(format!("partnerdesk csrf\n{secret}").as_bytes());
    URL_SAFE_NO_PAD.encode(&digest[..18])
}

/// Whether a submitted token is the one derived from `secret`, compared in constant time.
pub fn matches(secret: &str, submitted: &str) -> bool {
    token(secret).as_bytes().ct_eq(submitted.as_bytes()).into()
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
        let secrets = FormSecrets(vec!["secret-b".into(), "secret-a".into()]);
        assert!(secrets.accept(&t));
        assert!(!FormSecrets::default().accept(&t));
    }
}
