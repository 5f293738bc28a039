//! The `partnerdesk` binary as operators and scripts use it. Runs on SQLite by default and
//! on PostgreSQL when `PD_TEST_DATABASE_URL` is set.

use std::process::{Command, Output, Stdio};
use std::time::Duration;

use partnerdesk_store::testing::TestDatabase;
use tokio::io::{AsyncBufReadExt, BufReader};

fn partnerdesk(db: &TestDatabase, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_partnerdesk"))
        .args(args)
        .env("PARTNERDESK_DATABASE_URL", &db.url)
        .env_remove("PARTNERDESK_CONFIG")
        .env("RUST_LOG", "warn")
        .output()
        .unwrap_or_else(|e| panic!("{e}"))
}

/// The one line a scriptable command printed on standard output.
fn only_line(output: &Output) -> String {
    assert!(
        output.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1, "stdout: {stdout}");
    lines[0].to_owned()
}

#[tokio::test]
async fn scriptable_commands_print_only_their_result() {
    let db = TestDatabase::new().await;
    assert!(partnerdesk(&db, &["migrate"]).status.success());
    let provider = only_line(&partnerdesk(
        &db,
        &[
            "partner",
            "create",
            "--name",
            "Acme Provider",
            "--type",
            "indirect-provider",
        ],
    ));
    assert!(provider.parse::<uuid::Uuid>().is_ok(), "{provider}");
    let reseller = only_line(&partnerdesk(
        &db,
        &[
            "partner",
            "create",
            "--name",
            "Acme Reseller",
            "--type",
            "indirect-reseller",
            "--provider",
            &provider,
        ],
    ));
    assert!(reseller.parse::<uuid::Uuid>().is_ok());
    let customers = only_line(&partnerdesk(
        &db,
        &["customers", "export", "--partner", &provider],
    ));
    assert!(
        customers.starts_with("CustomerId,CompanyName,Domain"),
        "{customers}"
    );
    let refused = partnerdesk(
        &db,
        &["customers", "export", "--partner", &provider, "--country", "ZZ"],
    );
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--country"));
    let password = only_line(&partnerdesk(
        &db,
        &[
            "user",
            "create",
            "--partner",
            &provider,
            "--email",
            "Ops@Acme.example",
            "--role",
            "sales-agent",
        ],
    ));
    assert!(password.len() >= 20);
    let token = only_line(&partnerdesk(
        &db,
        &["token", "create", "--user", "ops@acme.example"],
    ));
    assert!(token.starts_with("pd_"));
    let new_password = only_line(&partnerdesk(
        &db,
        &["user", "set-password", "--email", "ops@acme.example"],
    ));
    assert_ne!(new_password, password);

    let store = db.open().await;
    let principal = store
        .authenticate_token(partnerdesk_secrets::sha256(token.as_bytes()))
        .await
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("the token works"))
        .principal;
    assert_eq!(principal.partner.id.to_string(), provider);
    let (_, hash) = store
        .partner_user_by_email("ops@acme.example")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        hash.starts_with("$argon2id$"),
        "chosen-strength passwords are Argon2id hashes"
    );
    assert!(partnerdesk_secrets::verify_password(&new_password, &hash));
    let resellers = store
        .resellers_of(provider.parse().unwrap_or_default())
        .await
        .unwrap_or_default();
    assert_eq!(resellers.len(), 1);
    store.close().await;

    let listed = only_line(&partnerdesk(
        &db,
        &["token", "list", "--user", "ops@acme.example"],
    ));
    let token_id = listed.split('\t').next().unwrap_or_default().to_owned();
    assert!(
        listed.ends_with("\t-\tcli"),
        "id, created, not revoked, name: {listed}"
    );
    assert!(!listed.contains(&token), "the token itself is never shown again");
    partnerdesk(&db, &["token", "revoke", "--id", &token_id]);
    let listed = only_line(&partnerdesk(
        &db,
        &["token", "list", "--user", "ops@acme.example"],
    ));
    assert!(!listed.contains("\t-\t"), "revoked: {listed}");
    let store = db.open().await;
    assert_eq!(
        store
            .authenticate_token(partnerdesk_secrets::sha256(token.as_bytes()))
            .await
            .ok()
            .flatten(),
        None
    );
    store.close().await;
}

#[tokio::test]
async fn commands_refuse_bad_input_with_a_message_and_a_failure() {
    let db = TestDatabase::new().await;
    let cases: &[&[&str]] = &[
        &["partner", "create", "--name", "X", "--type", "reseller"],
        &[
            "user",
            "create",
            "--partner",
            "nope",
            "--email",
            "a@b.example",
            "--role",
            "admin-agent",
        ],
        &[
            "user",
            "create",
            "--partner",
            "01a20316-c966-7353-9521-a4e71f5f980f",
            "--email",
            "a@b.example",
            "--role",
            "admin-agent",
        ],
        &[
            "user",
            "create",
            "--partner",
            "01a20316-c966-7353-9521-a4e71f5f980f",
            "--email",
            "not-mail",
            "--role",
            "admin-agent",
        ],
        &[
            "user",
            "create",
            "--partner",
            "01a20316-c966-7353-9521-a4e71f5f980f",
            "--email",
            "a@b.example",
            "--role",
            "owner",
        ],
        &["token", "create", "--user", "nobody@nowhere.example"],
        &["catalog", "import", "/nonexistent/catalog.json"],
        &["customers", "export", "--partner", "nope"],
        &[
            "customers",
            "export",
            "--partner",
            "01a20316-c966-7353-9521-a4e71f5f980f",
        ],
        &[
            "customers",
            "export",
            "--partner",
            "01a20316-c966-7353-9521-a4e71f5f980f",
            "--sort",
            "size",
        ],
    ];
    for args in cases {
        let output = partnerdesk(&db, args);
        assert!(!output.status.success(), "{args:?} should fail");
        assert!(output.stdout.is_empty(), "{args:?} printed a result");
        assert!(!output.stderr.is_empty(), "{args:?} said nothing");
    }
}

#[tokio::test]
async fn the_catalog_exports_and_imports_and_refuses_a_broken_one() {
    let db = TestDatabase::new().await;
    let dir = std::env::temp_dir().join(format!("pd-cli-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let file = dir.join("catalog.json");
    let demo = include_str!("../src/demo/catalog.json");
    std::fs::write(&file, demo).unwrap_or_else(|e| panic!("{e}"));
    let imported = partnerdesk(&db, &["catalog", "import", file.to_str().unwrap_or_default()]);
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    let exported = partnerdesk(&db, &["catalog", "export"]);
    let exported: serde_json::Value =
        serde_json::from_slice(&exported.stdout).unwrap_or_else(|e| panic!("{e}"));
    let original: serde_json::Value = serde_json::from_str(demo).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        exported["offers"].as_array().map(Vec::len),
        original["offers"].as_array().map(Vec::len)
    );

    let broken = demo.replacen("\"minimumQuantity\": 1", "\"minimumQuantity\": 0", 1);
    std::fs::write(&file, broken).unwrap_or_else(|e| panic!("{e}"));
    let refused = partnerdesk(&db, &["catalog", "import", file.to_str().unwrap_or_default()]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("minimumQuantity"));
    let mispriced = demo.replacen("\"unitPrice\": \"4.00\"", "\"unitPrice\": \"4,00\"", 1);
    std::fs::write(&file, mispriced).unwrap_or_else(|e| panic!("{e}"));
    let refused = partnerdesk(&db, &["catalog", "import", file.to_str().unwrap_or_default()]);
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(!refused.status.success());
    assert!(
        stderr.contains(r#"offer "PDC-MAIL-STD" price row 1: unitPrice "4,00" is not a decimal amount"#),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn a_billing_run_says_what_it_billed_and_refuses_a_date_it_cant_read() {
    let db = TestDatabase::new().await;
    assert!(partnerdesk(&db, &["migrate"]).status.success());
    let line = only_line(&partnerdesk(&db, &["billing", "run", "--until", "2026-12-31"]));
    assert_eq!(
        line,
        "billed up to 2026-12-31: 0 cycle charges, 0 renewals, 0 terms ended unrenewed, 0 invoices"
    );
    let refused = partnerdesk(&db, &["billing", "run", "--until", "2026-13-01"]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--until \"2026-13-01\" is not a date"));
}

#[tokio::test]
async fn tax_rates_are_set_listed_and_removed_per_country_and_bad_ones_are_refused() {
    let db = TestDatabase::new().await;
    assert!(partnerdesk(&db, &["migrate"]).status.success());
    assert_eq!(
        only_line(&partnerdesk(
            &db,
            &["billing", "set-tax-rate", "--country", "de", "--percent", "19.0"]
        )),
        "DE: 19% on invoices closed from now on"
    );
    let set = partnerdesk(
        &db,
        &["billing", "set-tax-rate", "--country", "FR", "--percent", "20"],
    );
    assert!(set.status.success());
    for (args, error) in [
        (
            &["--country", "XX", "--percent", "5"][..],
            r#"--country "XX" is not a country code"#,
        ),
        (
            &["--country", "FR", "--percent", "101"],
            r#"--percent "101" is not a percent from 0 to 100"#,
        ),
        (
            &["--country", "FR", "--percent=-1"],
            r#"--percent "-1" is not a percent"#,
        ),
        (
            &["--country", "FR", "--percent", "5,5"],
            r#"--percent "5,5" is not a percent"#,
        ),
    ] {
        let refused = partnerdesk(&db, &[&["billing", "set-tax-rate"][..], args].concat());
        assert!(!refused.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&refused.stderr);
        assert!(stderr.contains(error), "{stderr}");
    }
    let listed = partnerdesk(&db, &["billing", "tax-rates"]);
    assert_eq!(
        String::from_utf8_lossy(&listed.stdout),
        "DE 19\nFR 20\n",
        "bad input changed nothing"
    );
    assert_eq!(
        only_line(&partnerdesk(
            &db,
            &["billing", "remove-tax-rate", "--country", "DE"]
        )),
        "DE: no tax on invoices closed from now on"
    );
    let listed = partnerdesk(&db, &["billing", "tax-rates"]);
    assert_eq!(String::from_utf8_lossy(&listed.stdout), "FR 20\n");
}

#[test]
fn print_config_shows_the_effective_configuration_without_secrets() {
    let output = Command::new(env!("CARGO_BIN_EXE_partnerdesk"))
        .args([
            "print-config",
            "--database-url",
            "postgres://pd:hunter2@db.example/pd",
        ])
        .env("PARTNERDESK_RATE_LIMIT_PER_MINUTE", "42")
        .env_remove("PARTNERDESK_DATABASE_URL")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success());
    assert!(stdout.contains("rate_limit_per_minute = 42"), "{stdout}");
    assert!(stdout.contains("postgres://pd:***@db.example/pd"));
    assert!(!stdout.contains("hunter2"));
}

#[test]
fn unknown_configuration_and_database_urls_are_startup_errors() {
    let run = |envs: &[(&str, &str)]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_partnerdesk"));
        command.args(["migrate"]).env_remove("PARTNERDESK_DATABASE_URL");
        for (k, v) in envs {
            command.env(k, v);
        }
        command.output().unwrap_or_else(|e| panic!("{e}"))
    };
    let typo = run(&[("PARTNERDESK_LISTN", "x")]);
    assert!(!typo.status.success());
    assert!(String::from_utf8_lossy(&typo.stderr).contains("listn"));
    let mysql = run(&[("PARTNERDESK_DATABASE_URL", "mysql://localhost/pd")]);
    let stderr = String::from_utf8_lossy(&mysql.stderr);
    assert!(!mysql.status.success());
    assert!(
        stderr.contains("sqlite://") && stderr.contains("postgres://"),
        "{stderr}"
    );
    let missing = run(&[("PARTNERDESK_DATABASE_URL", "sqlite:///nonexistent/dir/typo.db")]);
    assert!(String::from_utf8_lossy(&missing.stderr).contains("does not exist"));
    let operator = run(&[("PARTNERDESK_OPERATOR_EMAIL", "desk at operator")]);
    assert!(
        String::from_utf8_lossy(&operator.stderr)
            .contains(r#"operator_email "desk at operator" is not an email address"#),
        "checked before anything runs"
    );
}

/// Starts `serve` on a free port; returns the child, its base URL and what it printed.
async fn serve(db: &TestDatabase, extra: &[&str]) -> (tokio::process::Child, String, String) {
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_partnerdesk"))
        .args(["serve", "--listen", "127.0.0.1:0"])
        .args(extra)
        .env("PARTNERDESK_DATABASE_URL", &db.url)
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = child.stderr.take().unwrap_or_else(|| unreachable!());
    let mut lines = BufReader::new(stderr).lines();
    let address = tokio::time::timeout(Duration::from_secs(60), async {
        while let Ok(Some(line)) = lines.next_line().await {
            if let Some(rest) = line.split("address=").nth(1) {
                return rest.split_whitespace().next().unwrap_or_default().to_owned();
            }
        }
        String::new()
    })
    .await
    .unwrap_or_default();
    assert!(!address.is_empty(), "the server said where it listens");
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    let mut stdout = String::new();
    if let Some(out) = child.stdout.take() {
        let mut out = BufReader::new(out).lines();
        while let Ok(Ok(Some(line))) = tokio::time::timeout(Duration::from_millis(300), out.next_line()).await
        {
            stdout.push_str(&line);
            stdout.push('\n');
        }
    }
    (child, format!("http://{address}"), stdout)
}

/// The API token a demo's first start printed.
fn demo_token(printed: &str) -> String {
    printed
        .lines()
        .find_map(|l| l.trim().strip_prefix("API token"))
        .map(|t| t.trim().to_owned())
        .unwrap_or_default()
}

fn terminate(child: &tokio::process::Child) {
    if let Some(pid) = child.id() {
        let _ = Command::new("kill").args(["-TERM", &pid.to_string()]).status();
    }
}

#[tokio::test]
async fn serve_seeds_a_demo_once_and_shuts_down_gracefully() {
    let db = TestDatabase::new().await;
    let (mut child, base, printed) = serve(&db, &[]).await;
    assert!(printed.contains("admin@partnerdesk.example"), "{printed}");
    let token = demo_token(&printed);
    let client = reqwest::Client::new();
    let health = client
        .get(format!("{base}/healthz"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(health.status(), 200);
    let offers = client
        .get(format!("{base}/v1/offers?country=US"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(offers.status(), 200, "the printed token works");
    terminate(&child);
    let status = tokio::time::timeout(Duration::from_secs(30), child.wait()).await;
    assert!(
        matches!(status, Ok(Ok(s)) if s.success()),
        "SIGTERM ends it cleanly: {status:?}"
    );

    let (mut again, _, printed) = serve(&db, &[]).await;
    assert!(
        !printed.contains("API token"),
        "the demo and its secrets are printed once: {printed}"
    );
    terminate(&again);
    let _ = again.wait().await;
}

#[tokio::test]
async fn serve_with_no_demo_seeds_nothing() {
    let db = TestDatabase::new().await;
    let (mut child, base, printed) = serve(&db, &["--no-demo"]).await;
    assert!(printed.is_empty(), "{printed}");
    let health = reqwest::get(format!("{base}/healthz"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(health.status(), 200);
    terminate(&child);
    let _ = child.wait().await;
    let store = db.open().await;
    assert!(!store.has_partners().await.unwrap_or(true));
    assert!(
        store
            .catalog()
            .await
            .map(|c| c.document().offers.is_empty())
            .unwrap_or(false)
    );
    store.close().await;
}

#[tokio::test]
async fn the_operator_works_the_requests_escalated_to_it_from_the_command_line() {
    let db = TestDatabase::new().await;
    let (mut child, base, printed) = serve(&db, &[]).await;
    let token = demo_token(&printed);
    let client = reqwest::Client::new();
    let call = |method: reqwest::Method, path: &str, body: serde_json::Value| {
        let request = client
            .request(method, format!("{base}{path}"))
            .bearer_auth(&token)
            .json(&body);
        let path = path.to_owned();
        async move {
            let response = request.send().await.unwrap_or_else(|e| panic!("{e}"));
            let status = response.status();
            let body: serde_json::Value = response.json().await.unwrap_or_default();
            assert!(status.is_success(), "{path}: {status} {body}");
            body
        }
    };
    let customer = call(
        reqwest::Method::POST,
        "/v1/customers",
        serde_json::json!({"companyProfile": {"domain": "escalated"}, "billingProfile": {
            "companyName": "Escalated Ltd", "email": "ana@example.com", "defaultAddress": {
                "country": "US", "addressLine1": "1 Main St", "city": "Redmond", "state": "WA",
                "postalCode": "98052", "firstName": "Ana", "lastName": "Lee",
                "phoneNumber": "425 555 0101"}}}),
    )
    .await;
    let request = call(
        reqwest::Method::POST,
        "/v1/servicerequests/en-US",
        serde_json::json!({"customerId": customer["id"], "title": "Tenant locked",
            "description": "Nobody signs in.", "severity": "critical", "supportTopicId": 32444601}),
    )
    .await;
    let number = request["id"].as_str().unwrap_or_default().to_owned();
    let path = format!("/v1/servicerequests/{number}");
    call(
        reqwest::Method::PATCH,
        &path,
        serde_json::json!({"newNote": {"text": "ours only", "visibility": "internal"}}),
    )
    .await;
    let listed = partnerdesk(&db, &["support", "list"]);
    assert!(
        listed.status.success() && listed.stdout.is_empty(),
        "nothing escalated yet"
    );
    call(
        reqwest::Method::PATCH,
        &path,
        serde_json::json!({"escalate": true, "newNote": {"text": "needs the vendor"}}),
    )
    .await;

    let line = only_line(&partnerdesk(&db, &["support", "list", "--status", "open"]));
    assert!(
        line.starts_with(&format!("{number}\topen\tcritical\t")) && line.ends_with("\tTenant locked"),
        "{line}"
    );
    let shown = partnerdesk(&db, &["support", "show", &number]);
    let shown = String::from_utf8_lossy(&shown.stdout);
    assert!(
        shown.contains("needs the vendor") && shown.contains("Escalated Ltd"),
        "{shown}"
    );
    assert!(
        !shown.contains("ours only"),
        "the partner's internal note: {shown}"
    );

    let noted = partnerdesk(
        &db,
        &[
            "support",
            "note",
            &number,
            "--text",
            "Unlocked it",
            "--name",
            "Vendor desk",
        ],
    );
    assert!(
        noted.status.success(),
        "{}",
        String::from_utf8_lossy(&noted.stderr)
    );
    let closed = partnerdesk(&db, &["support", "status", &number, "closed"]);
    assert!(
        closed.status.success(),
        "{}",
        String::from_utf8_lossy(&closed.stderr)
    );
    let seen = call(reqwest::Method::GET, &path, serde_json::Value::Null).await;
    assert_eq!(seen["status"], "closed");
    let last = &seen["notes"][seen["notes"].as_array().map_or(0, Vec::len) - 1];
    assert_eq!(
        (last["text"].as_str(), last["createdByName"].as_str()),
        (Some("Unlocked it"), Some("Vendor desk"))
    );

    for (args, error) in [
        (&["support", "status", &number, "closed"][..], "already"),
        (&["support", "note", &number, "--text", " "], "required"),
        (
            &[
                "support",
                "note",
                &number,
                "--text",
                "x",
                "--visibility",
                "secret",
            ],
            "--visibility",
        ),
        (
            &["support", "show", "999999"],
            "no service request with this number",
        ),
        (&["support", "list", "--status", "done"], "--status"),
    ] {
        let refused = partnerdesk(&db, args);
        let stderr = String::from_utf8_lossy(&refused.stderr);
        assert!(
            !refused.status.success() && stderr.contains(error),
            "{args:?}: {stderr}"
        );
    }
    terminate(&child);
    let _ = child.wait().await;
}
