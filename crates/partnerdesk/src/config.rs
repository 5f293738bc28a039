//! Configuration: defaults, then a TOML file (`--config`), then `PARTNERDESK_*`
//! environment variables, then command-line flags. Unknown keys are errors, wherever they
//! come from, so that a typo never silently falls back to a default.

use std::path::Path;

use anyhow::{Context, bail};
use partnerdesk_domain::profile::{AgreementTemplate, CloudProfile, ProfileName};
use partnerdesk_store::{Durability, StoreOptions, redact_url};
use partnerdesk_web::Settings;
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
    /// The `custom` profile's rules.
    pub custom_profile: Option<CustomProfile>,
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
            custom_profile: None,
        }
    }
}

/// Values given on the command line, which win over everything else.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    pub database_url: Option<String>,
    pub listen: Option<String>,
}

impl Config {
    /// Builds the effective configuration from `file` (if any), the process environment
    /// and `overrides`.
    pub fn load(file: Option<&Path>, overrides: &Overrides) -> anyhow::Result<Self> {
        Self::load_from(file, std::env::vars(), overrides)
    }

    pub fn load_from(
        file: Option<&Path>,
        env: impl IntoIterator<Item = (String, String)>,
        overrides: &Overrides,
    ) -> anyhow::Result<Self> {
        let mut table = toml::Table::try_from(Config::default()).context("default configuration")?;
        if let Some(path) = file {
            let text =
                std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
            let from_file: toml::Table = text
                .parse()
                .with_context(|| format!("parsing {}", path.display()))?;
            merge(&mut table, from_file);
        }
        let mut from_env = toml::Table::new();
        for (name, value) in env {
            let Some(key) = name.strip_prefix(ENV_PREFIX) else {
                continue;
            };
            if key == "CONFIG" {
                continue;
            }
            let path: Vec<String> = key.split("__").map(str::to_ascii_lowercase).collect();
            insert(&mut from_env, &path, env_value(&value));
        }
        merge(&mut table, from_env);
        if let Some(url) = &overrides.database_url {
            table.insert("database_url".into(), toml::Value::String(url.clone()));
        }
        if let Some(listen) = &overrides.listen {
            table.insert("listen".into(), toml::Value::String(listen.clone()));
        }
        let config: Config = table
            .try_into()
            .context("invalid configuration (see README: Configuration)")?;
        config.profile()?;
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
        Ok(settings)
    }

    /// The configuration as TOML, with secrets redacted.
    pub fn to_redacted_toml(&self) -> anyhow::Result<String> {
        let mut shown = self.clone();
        shown.database_url = redact_url(&shown.database_url);
        Ok(toml::to_string_pretty(&shown)?)
    }
}

/// An environment value as TOML: a boolean or an integer when it reads as one, else text.
fn env_value(raw: &str) -> toml::Value {
    if let Ok(b) = raw.parse::<bool>() {
        toml::Value::Boolean(b)
    } else if let Ok(n) = raw.parse::<i64>() {
        toml::Value::Integer(n)
    } else {
        toml::Value::String(raw.to_owned())
    }
}

fn insert(table: &mut toml::Table, path: &[String], value: toml::Value) {
    match path {
        [] => {}
        [last] => {
            table.insert(last.clone(), value);
        }
        [first, rest @ ..] => {
            let entry = table
                .entry(first.clone())
                .or_insert_with(|| toml::Value::Table(toml::Table::new()));
            if let toml::Value::Table(inner) = entry {
                insert(inner, rest, value);
            }
        }
    }
}

fn merge(base: &mut toml::Table, over: toml::Table) {
    for (key, value) in over {
        match (base.get_mut(&key), value) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge(b, o),
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn defaults_run_sqlite_on_localhost_in_the_global_cloud() {
        let config =
            Config::load_from(None, env(&[]), &Overrides::default()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(config.listen, "127.0.0.1:8080");
        assert_eq!(config.database_url, "sqlite://partnerdesk.db?mode=rwc");
        assert_eq!(config.cloud_profile, ProfileName::Global);
        let settings = config.settings().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(settings.draft_max_age, time::Duration::days(7));
        assert!(!settings.secure_cookies);
    }

    #[test]
    fn the_portals_settings_come_from_the_environment() {
        let vars = env(&[
            ("PARTNERDESK_DRAFT_MAX_AGE_HOURS", "24"),
            ("PARTNERDESK_SECURE_COOKIES", "true"),
        ]);
        let config = Config::load_from(None, vars, &Overrides::default()).unwrap_or_else(|e| panic!("{e}"));
        let settings = config.settings().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(settings.draft_max_age, time::Duration::hours(24));
        assert!(settings.secure_cookies);
    }

    #[test]
    fn flags_beat_the_environment_which_beats_the_file() {
        let dir = std::env::temp_dir().join(format!("pd-config-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let file = dir.join("pd.toml");
        let _ = std::fs::write(
            &file,
            "listen = \"0.0.0.0:1\"\nrate_limit_per_minute = 7\ncloud_profile = \"china\"\n",
        );
        let vars = env(&[
            ("PARTNERDESK_LISTEN", "0.0.0.0:2"),
            ("PARTNERDESK_RATE_LIMIT_PER_MINUTE", "9"),
            ("HOME", "/x"),
        ]);
        let from_env = Config::load_from(Some(&file), vars.clone(), &Overrides::default())
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (from_env.listen.as_str(), from_env.rate_limit_per_minute),
            ("0.0.0.0:2", 9)
        );
        assert_eq!(from_env.cloud_profile, ProfileName::China);
        let flags = Overrides {
            listen: Some("0.0.0.0:3".into()),
            database_url: None,
        };
        let from_flags = Config::load_from(Some(&file), vars, &flags).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(from_flags.listen, "0.0.0.0:3");
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn unknown_keys_and_wrong_types_are_errors() {
        let typo = Config::load_from(None, env(&[("PARTNERDESK_LISTN", "x")]), &Overrides::default());
        assert!(format!("{:#}", typo.err().map(|e| format!("{e:#}")).unwrap_or_default()).contains("listn"));
        let wrong = Config::load_from(
            None,
            env(&[("PARTNERDESK_RATE_LIMIT_PER_MINUTE", "lots")]),
            &Overrides::default(),
        );
        assert!(wrong.is_err());
        let profile = Config::load_from(
            None,
            env(&[("PARTNERDESK_CLOUD_PROFILE", "mars")]),
            &Overrides::default(),
        );
        assert!(profile.is_err());
    }

    #[test]
    fn a_custom_profile_comes_from_nested_keys() {
        let vars = env(&[
            ("PARTNERDESK_CLOUD_PROFILE", "custom"),
            ("PARTNERDESK_CUSTOM_PROFILE__DOMAIN_SUFFIX", ".cloud.example.net"),
            ("PARTNERDESK_CUSTOM_PROFILE__INDIRECT_MODEL", "false"),
        ]);
        let config = Config::load_from(None, vars, &Overrides::default()).unwrap_or_else(|e| panic!("{e:#}"));
        let profile = config.profile().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(profile.domain_suffix, ".cloud.example.net");
        assert!(!profile.indirect_model);
        let missing = Config::load_from(
            None,
            env(&[("PARTNERDESK_CLOUD_PROFILE", "custom")]),
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
        let config = Config::load_from(None, env(&[]), &flags).unwrap_or_else(|e| panic!("{e}"));
        let printed = config.to_redacted_toml().unwrap_or_default();
        assert!(!printed.contains("hunter2"));
        assert!(printed.contains("postgres://pd:***@db/pd"));
    }
}
