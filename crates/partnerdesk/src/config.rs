//! Configuration: defaults, then a TOML file (`--config`), then `PARTNERDESK_*`
//! environment variables, then command-line flags, layered by figment. Unknown keys are
//! errors, wherever they come from, so that a typo never silently falls back to a default.

use std::path::Path;

use anyhow::{Context, bail};
use figment::Figment;
use figment::providers::{Env, Format, Serialized};
use partnerdesk_domain::attachment::AttachmentLimits;
use partnerdesk_domain::profile::{AgreementTemplate, CloudProfile, ProfileName};
use partnerdesk_store::{Durability, StoreOptions, redact_url};
use partnerdesk_web::server::Limits;
use partnerdesk_web::{Metrics, Settings};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// The environment variables' prefix.
pub const ENV_PREFIX: &str = "PARTNERDESK_";

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// `sqlite://PATH` (`?mode=rwc` creates the file) or `postgres://USER@HOST/DB`.
    pub database_url: String,
    /// Where the server listens.
    pub listen: String,
    /// `global`, `usgov`, `germany`, `china` or `custom`.
    pub cloud_profile: ProfileName,
    /// `full`: a commit survives power loss; `normal`: it survives a killed process.
    pub sqlite_durability: Durability,
    /// PostgreSQL pool size.
    pub database_max_connections: u32,
    /// API requests per minute per partner; 0 turns the limit off.
    pub rate_limit_per_minute: u32,
    /// The largest request body, in bytes.
    pub max_body_bytes: usize,
    /// How long an unfinished "Add customer" draft is kept after its last change.
    pub draft_max_age_hours: u32,
    /// Marks the portal's cookies `Secure`: set it when the portal is served over HTTPS.
    pub secure_cookies: bool,
    /// `text` or `json`.
    pub log_format: LogFormat,
    /// The most connections served at once; more wait.
    pub max_connections: usize,
    /// A request whose answer takes longer is answered 503.
    pub request_timeout_seconds: u64,
    /// A client that takes longer to send a request's headers is disconnected.
    pub header_timeout_seconds: u64,
    /// `/metrics`: `off`, `public`, or `token` (with `metrics_token`).
    pub metrics: MetricsMode,
    /// The bearer token `/metrics` wants when `metrics = "token"`.
    pub metrics_token: Option<String>,
    /// Sign-in, set-password and password-change attempts per minute from one client
    /// address; 0 turns the limit off.
    pub attempts_per_address_per_minute: u32,
    /// The same per account, whatever the address; 0 turns the limit off.
    pub attempts_per_account_per_minute: u32,
    /// Threads that hash and check passwords (19 MiB each); 0: as many as cores, at least 2.
    pub password_workers: usize,
    /// Password computations that may wait for a worker; more are answered 503.
    pub password_queue: usize,
    /// API requests with an unknown token per minute from one client address; 0: no limit.
    pub failed_tokens_per_address_per_minute: u32,
    /// The font file invoice PDFs are written in (one covering Latin, Cyrillic and
    /// Chinese); unset: Debian's WenQuanYi Zen Hei or Noto Sans CJK.
    pub pdf_font: Option<std::path::PathBuf>,
    /// Service requests' first-response and resolution targets, in hours per severity
    /// (critical, moderate, minimal).
    pub support_targets: partnerdesk_domain::support::Targets,
    /// How many files a service request takes, how large each (MB), of which types.
    pub attachment_max_files: usize,
    pub attachment_max_mb: usize,
    pub attachment_types: Vec<String>,
    /// Where mail goes out: `smtp://host:25` (in clear), `smtp://host:587?tls=required`
    /// (STARTTLS), `smtps://user:password@host:465` (TLS); unset: mail waits in the outbox.
    pub smtp_url: Option<String>,
    /// Who mail is from.
    pub mail_from: String,
    /// The address people reach the portals at, for links in mail; unset: `http://` and
    /// `listen`.
    pub public_url: Option<String>,
    /// The operator's support address: mail about the service requests that partners
    /// escalate to the operator goes there. Unset: none is sent.
    pub operator_email: Option<String>,
    /// The `custom` profile's rules.
    pub custom_profile: Option<CustomProfile>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MetricsMode {
    Off,
    Public,
    Token,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomProfile {
    /// Such as `.cloud.example.net`.
    pub domain_suffix: String,
    #[serde(default)]
    pub agreement_required: bool,
    pub agreement: Option<AgreementTemplate>,
    #[serde(default = "yes")]
    pub relationship_requests: bool,
    #[serde(default = "yes")]
    pub indirect_model: bool,
}

fn yes() -> bool {
    true
}

impl Default for Config {
    fn default() -> Self {
        Self {
            database_url: "sqlite://partnerdesk.db?mode=rwc".into(),
            listen: "127.0.0.1:8080".into(),
            cloud_profile: ProfileName::Global,
            sqlite_durability: Durability::Full,
            database_max_connections: 32,
            rate_limit_per_minute: 500,
            max_body_bytes: 64 * 1024,
            draft_max_age_hours: 7 * 24,
            secure_cookies: false,
            log_format: LogFormat::Text,
            max_connections: 1024,
            request_timeout_seconds: 30,
            header_timeout_seconds: 10,
            metrics: MetricsMode::Off,
            metrics_token: None,
            attempts_per_address_per_minute: partnerdesk_web::ATTEMPTS_PER_ADDRESS_PER_MINUTE,
            attempts_per_account_per_minute: partnerdesk_web::ATTEMPTS_PER_ACCOUNT_PER_MINUTE,
            password_workers: 0,
            password_queue: partnerdesk_web::PASSWORD_QUEUE,
            failed_tokens_per_address_per_minute: partnerdesk_web::FAILED_TOKENS_PER_ADDRESS_PER_MINUTE,
            pdf_font: None,
            support_targets: partnerdesk_domain::support::Targets::default(),
            attachment_max_files: 5,
            attachment_max_mb: 5,
            attachment_types: ["pdf", "png", "jpg", "jpeg", "gif", "txt", "log", "csv"]
                .map(String::from)
                .to_vec(),
            smtp_url: None,
            mail_from: "Partnerdesk <no-reply@partnerdesk.example>".into(),
            public_url: None,
            operator_email: None,
            custom_profile: None,
        }
    }
}

/// Values given on the command line, which win over everything else.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Overrides {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listen: Option<String>,
}

impl Config {
    /// Builds the effective configuration from `file` (if any), the process environment
    /// and `overrides`.
    pub fn load(file: Option<&Path>, overrides: &Overrides) -> anyhow::Result<Self> {
        let mut layers = Figment::from(Serialized::defaults(Config::default()));
        if let Some(path) = file {
            // A missing file is an error, said plainly rather than as an invalid configuration.
            std::fs::File::open(path).with_context(|| format!("reading {}", path.display()))?;
            // Not `file`, which ignores a missing file and looks for a relative one in every
            // parent directory.
            layers = layers.merge(Toml::file_exact(path));
        }
        let config: Config = layers
            .merge(Env::prefixed(ENV_PREFIX).split("__").ignore(&["config"]))
            .merge(Serialized::globals(overrides))
            .extract()
            .context("invalid configuration (see README: Configuration)")?;
        // Every value checked now, before any command opens the database.
        config.settings()?;
        Ok(config)
    }

    /// The cloud profile this configuration runs.
    pub fn profile(&self) -> anyhow::Result<CloudProfile> {
        match (self.cloud_profile, &self.custom_profile) {
            (ProfileName::Custom, Some(c)) => CloudProfile::custom(
                &c.domain_suffix,
                c.agreement.clone(),
                c.agreement_required,
                c.relationship_requests,
                c.indirect_model,
            )
            .map_err(anyhow::Error::msg),
            (ProfileName::Custom, None) => {
                bail!("cloud_profile = \"custom\" needs a [custom_profile] section")
            }
            (name, _) => CloudProfile::builtin(name).context("unknown profile"),
        }
    }

    pub fn store_options(&self) -> StoreOptions {
        StoreOptions {
            sqlite_durability: self.sqlite_durability,
            max_connections: self.database_max_connections,
        }
    }

    pub fn settings(&self) -> anyhow::Result<Settings> {
        let mut settings = Settings::new(self.profile()?);
        settings.rate_limit_per_minute = self.rate_limit_per_minute;
        settings.max_body_bytes = self.max_body_bytes;
        settings.draft_max_age = time::Duration::hours(i64::from(self.draft_max_age_hours));
        settings.secure_cookies = self.secure_cookies;
        settings.request_timeout = std::time::Duration::from_secs(self.request_timeout_seconds.max(1));
        settings.attempts_per_address_per_minute = self.attempts_per_address_per_minute;
        settings.attempts_per_account_per_minute = self.attempts_per_account_per_minute;
        settings.password_workers = self.password_workers;
        settings.password_queue = self.password_queue;
        settings.failed_tokens_per_address_per_minute = self.failed_tokens_per_address_per_minute;
        settings.pdf_font.clone_from(&self.pdf_font);
        settings.support_targets = self.support_targets;
        settings.attachments = AttachmentLimits::new(
            self.attachment_max_files,
            self.attachment_max_mb,
            &self.attachment_types,
        )
        .map_err(|e| anyhow::anyhow!("attachment_types: {e}"))?;
        settings.smtp_url.clone_from(&self.smtp_url);
        settings.mail_from.clone_from(&self.mail_from);
        settings.public_url = match &self.public_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None => format!("http://{}", self.listen),
        };
        settings.operator_email = self
            .operator_email
            .as_deref()
            .map(|e| {
                partnerdesk_domain::email::Email::parse(e)
                    .map(|e| e.as_str().to_owned())
                    .map_err(|_| anyhow::anyhow!("operator_email {e:?} is not an email address"))
            })
            .transpose()?;
        settings.metrics = match (self.metrics, self.metrics_token.as_deref()) {
            (MetricsMode::Off, _) => Metrics::Off,
            (MetricsMode::Public, _) => Metrics::Public,
            (MetricsMode::Token, Some(token)) if token.len() >= 16 => Metrics::token(token),
            (MetricsMode::Token, _) => {
                bail!("metrics = \"token\" needs a metrics_token of 16 characters or more")
            }
        };
        Ok(settings)
    }

    /// What the server allows its clients.
    pub fn limits(&self) -> Limits {
        Limits {
            max_connections: self.max_connections.max(1),
            header_timeout: std::time::Duration::from_secs(self.header_timeout_seconds.max(1)),
            ..Limits::default()
        }
    }

    /// The configuration as TOML, with secrets redacted.
    pub fn to_redacted_toml(&self) -> anyhow::Result<String> {
        let mut shown = self.clone();
        shown.database_url = redact_url(&shown.database_url);
        shown.smtp_url = shown.smtp_url.as_deref().map(redact_url);
        if shown.metrics_token.is_some() {
            shown.metrics_token = Some("***".into());
        }
        Ok(toml::to_string_pretty(&shown)?)
    }
}

/// TOML as the `toml` crate that prints the configuration reads it (TOML 1.1): figment's own
/// `Toml` format uses an older `toml` that reads only TOML 1.0.
struct Toml;

impl Format for Toml {
    type Error = toml::de::Error;

    const NAME: &'static str = "TOML";

    fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Self::Error> {
        toml::from_str(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use figment::Jail;

    /// `Config::load` with exactly these environment variables and, if given, this text as
    /// `pd.toml`: in a figment jail, whose environment and working directory are its own
    /// (one jail at a time) and restored afterwards.
    #[expect(
        clippy::result_large_err,
        reason = "figment's jail takes a closure that returns figment's error"
    )]
    fn load(file: Option<&str>, vars: &[(&str, &str)], overrides: &Overrides) -> anyhow::Result<Config> {
        let mut loaded = None;
        Jail::expect_with(|jail| {
            jail.clear_env();
            for (name, value) in vars {
                jail.set_env(name, value);
            }
            if let Some(text) = file {
                jail.create_file("pd.toml", text)?;
            }
            let path = file.map(|_| jail.directory().join("pd.toml"));
            loaded = Some(Config::load(path.as_deref(), overrides));
            Ok(())
        });
        loaded.unwrap_or_else(|| unreachable!("the jail ran"))
    }

    #[test]
    fn defaults_run_sqlite_on_localhost_in_the_global_cloud() {
        let config = load(None, &[], &Overrides::default()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(config.listen, "127.0.0.1:8080");
        assert_eq!(config.database_url, "sqlite://partnerdesk.db?mode=rwc");
        assert_eq!(config.cloud_profile, ProfileName::Global);
        let settings = config.settings().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(settings.draft_max_age, time::Duration::days(7));
        assert!(!settings.secure_cookies);
    }

    #[test]
    fn the_portals_settings_come_from_the_environment() {
        let vars = [
            ("PARTNERDESK_DRAFT_MAX_AGE_HOURS", "24"),
            ("PARTNERDESK_SECURE_COOKIES", "true"),
        ];
        let config = load(None, &vars, &Overrides::default()).unwrap_or_else(|e| panic!("{e}"));
        let settings = config.settings().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(settings.draft_max_age, time::Duration::hours(24));
        assert!(settings.secure_cookies);
    }

    #[test]
    fn flags_beat_the_environment_which_beats_the_file() {
        let file = "listen = \"0.0.0.0:1\"\nrate_limit_per_minute = 7\ncloud_profile = \"china\"\n";
        let vars = [
            ("PARTNERDESK_LISTEN", "0.0.0.0:2"),
            ("PARTNERDESK_RATE_LIMIT_PER_MINUTE", "9"),
            ("HOME", "/x"),
        ];
        let from_env = load(Some(file), &vars, &Overrides::default()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (from_env.listen.as_str(), from_env.rate_limit_per_minute),
            ("0.0.0.0:2", 9)
        );
        assert_eq!(from_env.cloud_profile, ProfileName::China);
        let flags = Overrides {
            listen: Some("0.0.0.0:3".into()),
            database_url: None,
        };
        let from_flags = load(Some(file), &vars, &flags).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(from_flags.listen, "0.0.0.0:3");
    }

    #[test]
    fn unknown_keys_and_wrong_types_are_errors() {
        let typo = load(None, &[("PARTNERDESK_LISTN", "x")], &Overrides::default());
        assert!(format!("{:#}", typo.err().map(|e| format!("{e:#}")).unwrap_or_default()).contains("listn"));
        let wrong = load(
            None,
            &[("PARTNERDESK_RATE_LIMIT_PER_MINUTE", "lots")],
            &Overrides::default(),
        );
        assert!(wrong.is_err());
        let profile = load(
            None,
            &[("PARTNERDESK_CLOUD_PROFILE", "mars")],
            &Overrides::default(),
        );
        assert!(profile.is_err());
    }

    #[test]
    fn a_custom_profile_comes_from_nested_keys() {
        let vars = [
            ("PARTNERDESK_CLOUD_PROFILE", "custom"),
            ("PARTNERDESK_CUSTOM_PROFILE__DOMAIN_SUFFIX", ".cloud.example.net"),
            ("PARTNERDESK_CUSTOM_PROFILE__INDIRECT_MODEL", "false"),
        ];
        let config = load(None, &vars, &Overrides::default()).unwrap_or_else(|e| panic!("{e:#}"));
        let profile = config.profile().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(profile.domain_suffix, ".cloud.example.net");
        assert!(!profile.indirect_model);
        let missing = load(
            None,
            &[("PARTNERDESK_CLOUD_PROFILE", "custom")],
            &Overrides::default(),
        );
        assert!(missing.is_err());
    }

    #[test]
    fn printed_configuration_hides_the_database_password() {
        let flags = Overrides {
            database_url: Some("postgres://pd:hunter2@db/pd".into()),
            listen: None,
        };
        let config = load(None, &[], &flags).unwrap_or_else(|e| panic!("{e}"));
        let printed = config.to_redacted_toml().unwrap_or_default();
        assert!(!printed.contains("hunter2"));
        assert!(printed.contains("postgres://pd:***@db/pd"));
    }

    /// The error's whole text, or "" when there was none.
    fn error_of(loaded: anyhow::Result<Config>) -> String {
        loaded.err().map(|e| format!("{e:#}")).unwrap_or_default()
    }

    #[test]
    fn each_layer_beats_the_one_before_and_keeps_what_it_does_not_set() {
        let file = "database_url = \"sqlite://file.db\"\ndraft_max_age_hours = 1\n";
        let vars = [
            ("PARTNERDESK_DATABASE_URL", "sqlite://env.db"),
            ("PARTNERDESK_MAX_BODY_BYTES", "2"),
        ];
        let flags = Overrides {
            database_url: Some("sqlite://flag.db".into()),
            listen: None,
        };
        let none = Overrides::default();
        let url = |file, vars: &[(&str, &str)], flags| {
            load(file, vars, flags)
                .map(|c| c.database_url)
                .unwrap_or_else(|e| panic!("{e:#}"))
        };
        assert_eq!(url(None, &[], &none), "sqlite://partnerdesk.db?mode=rwc");
        assert_eq!(url(Some(file), &[], &none), "sqlite://file.db");
        assert_eq!(url(Some(file), &vars, &none), "sqlite://env.db");
        assert_eq!(url(Some(file), &vars, &flags), "sqlite://flag.db");
        let all = load(Some(file), &vars, &flags).unwrap_or_else(|e| panic!("{e:#}"));
        assert_eq!(
            (all.draft_max_age_hours, all.max_body_bytes, all.listen.as_str()),
            (1, 2, "127.0.0.1:8080")
        );
    }

    #[test]
    fn a_nested_environment_key_changes_one_key_of_the_files_section() {
        // The agreement is a multi-line inline table, which TOML 1.1 allows and 1.0 does not.
        let file = "cloud_profile = \"custom\"\n[custom_profile]\ndomain_suffix = \".file.example\"\n\
                    relationship_requests = false\nagreement = {\n  agreement_type = \"A\",\n  \
                    template_id = \"t1\",\n  link = \"https://example.net/a\",\n}\n";
        let vars = [("PARTNERDESK_CUSTOM_PROFILE__INDIRECT_MODEL", "false")];
        let config = load(Some(file), &vars, &Overrides::default()).unwrap_or_else(|e| panic!("{e:#}"));
        let profile = config.profile().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(profile.domain_suffix, ".file.example");
        assert!(!profile.relationship_requests);
        assert!(!profile.indirect_model);
        assert_eq!(
            profile.agreements.first().map(|a| a.template_id.as_str()),
            Some("t1")
        );
    }

    #[test]
    fn an_unknown_key_in_the_file_is_an_error_that_names_it_and_the_file() {
        let top = error_of(load(Some("listn = \"x\"\n"), &[], &Overrides::default()));
        assert!(top.contains("listn") && top.contains("pd.toml"), "{top}");
        let nested = error_of(load(
            Some("[custom_profile]\ndomain_sufix = \".x.example\"\n"),
            &[],
            &Overrides::default(),
        ));
        assert!(
            nested.contains("domain_sufix") && nested.contains("pd.toml"),
            "{nested}"
        );
    }

    #[test]
    fn an_unknown_key_in_the_environment_is_an_error_that_names_it_and_the_prefix() {
        let nested = error_of(load(
            None,
            &[("PARTNERDESK_CUSTOM_PROFILE__DOMAIN_SUFIX", ".x.example")],
            &Overrides::default(),
        ));
        assert!(
            nested.contains("domain_sufix") && nested.contains("PARTNERDESK_"),
            "{nested}"
        );
    }

    #[test]
    fn a_bad_value_is_an_error_that_names_its_key_and_source() {
        let from_env = error_of(load(
            None,
            &[("PARTNERDESK_RATE_LIMIT_PER_MINUTE", "lots")],
            &Overrides::default(),
        ));
        assert!(
            from_env.contains("RATE_LIMIT_PER_MINUTE") && from_env.contains("PARTNERDESK_"),
            "{from_env}"
        );
        let from_file = error_of(load(
            Some("rate_limit_per_minute = \"lots\"\n"),
            &[],
            &Overrides::default(),
        ));
        assert!(
            from_file.contains("rate_limit_per_minute") && from_file.contains("pd.toml"),
            "{from_file}"
        );
    }

    #[test]
    fn environment_values_are_text_unless_they_read_as_a_number_or_a_boolean() {
        let ipv6 = load(
            None,
            &[("PARTNERDESK_LISTEN", "[::1]:8080")],
            &Overrides::default(),
        );
        assert_eq!(ipv6.map(|c| c.listen).unwrap_or_default(), "[::1]:8080");
        let number = load(None, &[("PARTNERDESK_LISTEN", "8080")], &Overrides::default());
        assert!(error_of(number).contains("LISTEN"));
        for (name, value) in [
            ("PARTNERDESK_CLOUD_PROFILE", "1"),
            ("PARTNERDESK_LOG_FORMAT", "1"),
            ("PARTNERDESK_SQLITE_DURABILITY", "0"),
        ] {
            let by_index = load(None, &[(name, value)], &Overrides::default());
            assert!(by_index.is_err(), "{name}={value} names no variant");
        }
    }

    #[test]
    fn the_variable_that_names_the_file_is_not_a_key() {
        let config = load(None, &[("PARTNERDESK_CONFIG", "pd.toml")], &Overrides::default());
        assert!(config.is_ok(), "{}", error_of(config));
    }

    #[test]
    #[expect(
        clippy::result_large_err,
        reason = "figment's jail takes a closure that returns figment's error"
    )]
    fn a_missing_configuration_file_is_an_error_even_when_a_parent_directory_has_one() {
        Jail::expect_with(|jail| {
            jail.clear_env();
            jail.create_file("pd.toml", "listen = \"0.0.0.0:1\"\n")?;
            jail.create_dir("sub")?;
            jail.change_dir("sub")?;
            let message = error_of(Config::load(Some(Path::new("pd.toml")), &Overrides::default()));
            assert!(message.contains("pd.toml"), "{message}");
            Ok(())
        });
    }
}
