//! A cookie-keeping HTTP client that reads pages and sends forms as a browser without
//! JavaScript would.

use regex::Regex;
use reqwest::redirect::Policy;
use reqwest::{Response, StatusCode};

pub struct Visitor {
    pub client: reqwest::Client,
    pub base: String,
}

/// A page as received.
pub struct Page {
    pub status: StatusCode,
    /// Where a redirect pointed, if the answer was one.
    pub location: Option<String>,
    /// The markup as sent.
    pub html: String,
    /// The markup with character references decoded, to look for text.
    pub text: String,
    pub headers: reqwest::header::HeaderMap,
}

/// Decodes the character references a page uses (`&#60;`, `&#x27;`, `&amp;`).
fn decode(html: &str) -> String {
    let re = Regex::new(r"&(#[0-9]+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);").unwrap_or_else(|e| panic!("{e}"));
    re.replace_all(html, |c: &regex::Captures<'_>| {
        let entity = &c[1];
        let code = match entity {
            "amp" => Some(38),
            "lt" => Some(60),
            "gt" => Some(62),
            "quot" => Some(34),
            "apos" => Some(39),
            _ if entity.starts_with("#x") => u32::from_str_radix(&entity[2..], 16).ok(),
            _ => entity[1..].parse().ok(),
        };
        code.and_then(char::from_u32)
            .map_or_else(|| c[0].to_owned(), String::from)
    })
    .into_owned()
}

impl Page {
    /// The CSRF token of the page's forms.
    pub fn csrf(&self) -> String {
        let re = Regex::new(r#"name="csrf" value="([^"]*)""#).unwrap_or_else(|e| panic!("{e}"));
        re.captures(&self.html)
            .map(|c| c[1].to_owned())
            .unwrap_or_else(|| panic!("no CSRF token in: {}", self.html))
    }

    /// The `value` of the input named `name`, decoded.
    pub fn value_of(&self, name: &str) -> Option<String> {
        let re = Regex::new(&format!(r#"name="{name}" type="[a-z]+" value="([^"]*)""#)).ok()?;
        re.captures(&self.html).map(|c| decode(&c[1]))
    }

    /// Whether the page shows `text` (character references decoded).
    pub fn contains(&self, text: &str) -> bool {
        self.text.contains(text)
    }
}

impl Visitor {
    pub fn new(base: &str) -> Self {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(Policy::none())
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        Self {
            client,
            base: base.to_owned(),
        }
    }

    pub async fn read(response: Response) -> Page {
        let status = response.status();
        let headers = response.headers().clone();
        let location = headers
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let html = response.text().await.unwrap_or_default();
        Page {
            status,
            location,
            text: decode(&html),
            html,
            headers,
        }
    }

    /// A file as received: its status, headers and bytes.
    pub async fn download(&self, path: &str) -> (StatusCode, reqwest::header::HeaderMap, Vec<u8>) {
        let response = self.client.get(format!("{}{path}", self.base)).send().await;
        let response = response.unwrap_or_else(|e| panic!("GET {path}: {e}"));
        let (status, headers) = (response.status(), response.headers().clone());
        let bytes = response
            .bytes()
            .await
            .unwrap_or_else(|e| panic!("GET {path}: {e}"));
        (status, headers, bytes.to_vec())
    }

    pub async fn get(&self, path: &str) -> Page {
        let response = self.client.get(format!("{}{path}", self.base)).send().await;
        Self::read(response.unwrap_or_else(|e| panic!("GET {path}: {e}"))).await
    }

    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        let response = self
            .client
            .post(format!("{}{path}", self.base))
            .form(fields)
            .send()
            .await;
        Self::read(response.unwrap_or_else(|e| panic!("POST {path}: {e}"))).await
    }

    /// Posts a form with files (`multipart/form-data`), as a browser sends a form with a
    /// file input: `files` are the input's name, each file's name and its content.
    pub async fn post_files(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &str, &[u8])],
    ) -> Page {
        let mut form = reqwest::multipart::Form::new();
        for (name, value) in fields {
            form = form.text(name.to_string(), value.to_string());
        }
        for (input, file_name, bytes) in files {
            let part = reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(file_name.to_string());
            form = form.part(input.to_string(), part);
        }
        let response = self
            .client
            .post(format!("{}{path}", self.base))
            .multipart(form)
            .send()
            .await;
        Self::read(response.unwrap_or_else(|e| panic!("POST {path}: {e}"))).await
    }

    /// Follows a redirect as a browser would.
    pub async fn follow(&self, page: Page) -> Page {
        match (&page.status, &page.location) {
            (s, Some(to)) if s.is_redirection() => Box::pin(self.follow(self.get(to).await)).await,
            _ => page,
        }
    }

    /// Signs in and lands on the Customers page.
    pub async fn sign_in(base: &str, email: &str, password: &str) -> Self {
        let visitor = Self::new(base);
        let form = visitor.get("/sign-in").await;
        let csrf = form.csrf();
        let signed_in = visitor
            .post(
                "/sign-in",
                &[("csrf", &csrf), ("email", email), ("password", password)],
            )
            .await;
        assert_eq!(signed_in.status, StatusCode::SEE_OTHER, "{}", signed_in.html);
        assert_eq!(signed_in.location.as_deref(), Some("/customers"));
        visitor
    }

    /// Signs in as a new user of the app's provider with `role`.
    pub async fn new_user(
        app: &crate::support::TestApp,
        role: partnerdesk_domain::partner::Role,
        email: &str,
    ) -> Self {
        let password = app.user_with_password(&app.provider, role, email).await;
        Self::sign_in(&app.base, email, &password).await
    }
}
