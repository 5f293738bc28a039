//! A real browser for the tests: Debian's Chromium, headless, driven by its chromedriver
//! (installed by `scripts/browser-deps`), with axe-core to check each page.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use thirtyfour::TypingData;
use thirtyfour::components::SelectElement;
use thirtyfour::prelude::*;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Where screenshots go: CI keeps them as output; they aren't committed.
pub fn screenshot_dir() -> PathBuf {
    let dir = workspace().join("ci-output/screenshots");
    let _ = std::fs::create_dir_all(&dir);
    dir
}

fn axe_source() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; run scripts/browser-deps", path.display()))
}

pub struct Browser {
    pub driver: WebDriver,
    pub base: String,
    chromedriver: Child,
    profile: PathBuf,
    marks: AtomicU64,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("{e}"))
}

impl Browser {
    pub async fn open(base: &str) -> Self {
        assert!(
            Path::new(CHROMEDRIVER).exists(),
            "{CHROMEDRIVER} is missing: run scripts/browser-deps"
        );
        let port = free_port();
        let chromedriver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{CHROMEDRIVER}: {e}"));
        // chromedriver is another program: wait until it listens.
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "chromedriver didn't start"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let profile = std::env::temp_dir().join(format!("pd-chromium-{}", uuid::Uuid::new_v4().simple()));
        let mut caps = DesiredCapabilities::chrome();
        caps.set_binary(CHROMIUM).unwrap_or_else(|e| panic!("{e}"));
        for arg in [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-dev-shm-usage",
            "--window-size=1280,900",
            "--lang=en-US",
            &format!("--user-data-dir={}", profile.display()),
        ] {
            caps.add_arg(arg).unwrap_or_else(|e| panic!("{e}"));
        }
        // A failed test leaves the session to a blocking teardown: keep its wait short.
        // Chromium starting on a loaded machine can drop the first session request: three
        // tries before the test fails on it.
        let mut attempt = 1;
        let driver = loop {
            let started = WebDriver::builder(format!("http://127.0.0.1:{port}"), caps.clone())
                .request_timeout(Duration::from_secs(30))
                .await;
            match started {
                Ok(driver) => break driver,
                Err(e) if attempt == 3 => panic!("starting Chromium: {e}"),
                Err(_) => {
                    attempt += 1;
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            }
        };
        Self {
            driver,
            base: base.to_owned(),
            chromedriver,
            profile,
            marks: AtomicU64::new(0),
        }
    }

    /// From now on the page is laid out as on a phone: 390 × 844 CSS pixels, touch.
    pub async fn as_phone(&self) {
        let metrics = serde_json::json!({
            "width": 390, "height": 844, "deviceScaleFactor": 3, "mobile": true
        });
        self.driver
            .cdp()
            .send_raw("Emulation.setDeviceMetricsOverride", metrics)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
    }

    /// From now on the browser's clock is in `zone` (an IANA name).
    pub async fn in_time_zone(&self, zone: &str) {
        self.driver
            .cdp()
            .send_raw(
                "Emulation.setTimezoneOverride",
                serde_json::json!({ "timezoneId": zone }),
            )
            .await
            .unwrap_or_else(|e| panic!("{e}"));
    }

    /// How far the page scrolls sideways, in CSS pixels.
    pub async fn sideways(&self) -> i64 {
        self.driver
            .execute(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth",
                vec![],
            )
            .await
            .ok()
            .and_then(|r| r.json().as_i64())
            .unwrap_or(-1)
    }

    pub async fn goto(&self, path: &str) {
        self.driver
            .goto(format!("{}{path}", self.base))
            .await
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        self.settle().await;
    }

    /// Opens a full URL, such as a link the server handed out.
    pub async fn goto_url(&self, url: &str) {
        self.driver
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("{url}: {e}"));
        self.settle().await;
    }

    /// Whether an element matches `css`.
    pub async fn has(&self, css: &str) -> bool {
        self.driver.find(By::Css(css)).await.is_ok()
    }

    /// Clicks what `css` names without leaving the page (a checkbox).
    pub async fn tick(&self, css: &str) {
        self.driver
            .find(By::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    pub async fn path(&self) -> String {
        let url = self.driver.current_url().await.unwrap_or_else(|e| panic!("{e}"));
        url.path().to_owned()
    }

    pub async fn by_name(&self, name: &str) -> WebElement {
        self.driver
            .find(By::Name(name))
            .await
            .unwrap_or_else(|e| panic!("field {name}: {e}"))
    }

    pub async fn by_id(&self, id: &str) -> WebElement {
        self.driver
            .find(By::Id(id))
            .await
            .unwrap_or_else(|e| panic!("#{id}: {e}"))
    }

    pub async fn by_testid(&self, id: &str) -> WebElement {
        self.driver
            .find(By::Css(format!("[data-testid='{id}']")))
            .await
            .unwrap_or_else(|e| panic!("[data-testid={id}]: {e}"))
    }

    /// Whether the element with this `data-testid` is on screen (not hidden by CSS).
    pub async fn shown(&self, id: &str) -> bool {
        self.by_testid(id)
            .await
            .is_displayed()
            .await
            .unwrap_or_else(|e| panic!("[data-testid={id}]: {e}"))
    }

    /// Clicks a button or link by its `data-testid` and waits for the page it leads to.
    pub async fn click(&self, id: &str) {
        let element = self.by_testid(id).await;
        self.navigating(|| async {
            element
                .click()
                .await
                .unwrap_or_else(|e| panic!("click {id}: {e}"))
        })
        .await;
    }

    /// Clicks the link or button `css` names and waits for the page it leads to.
    pub async fn follow(&self, css: &str) {
        let element = self
            .driver
            .find(By::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"));
        self.navigating(|| async {
            element
                .click()
                .await
                .unwrap_or_else(|e| panic!("click {css}: {e}"))
        })
        .await;
    }

    /// Runs `action`, which leads to another page, and waits until that page has loaded.
    pub async fn navigating<F, Fut>(&self, action: F)
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = ()>,
    {
        self.mark().await;
        action().await;
        self.settle().await;
    }

    /// Marks the current document with a new number, so that [`Browser::settle`] can tell
    /// any other document, a fresh one or one the back button restores, from it.
    pub async fn mark(&self) {
        let mark = self.marks.fetch_add(1, Ordering::Relaxed) + 1;
        let _ = self
            .driver
            .execute("window.__partnerdeskMark = arguments[0];", vec![json!(mark)])
            .await;
    }

    /// Waits until a document other than the last marked one has loaded.
    pub async fn settle(&self) {
        let mark = self.marks.load(Ordering::Relaxed);
        let started = Instant::now();
        loop {
            let ready = self
                .driver
                .execute(
                    "return window.__partnerdeskMark !== arguments[0] && document.readyState === 'complete'",
                    vec![json!(mark)],
                )
                .await;
            if matches!(ready.as_ref().map(|r| r.json().clone()), Ok(Value::Bool(true))) {
                break;
            }
            if started.elapsed() > Duration::from_secs(20) {
                let url = self
                    .driver
                    .current_url()
                    .await
                    .map(|u| u.to_string())
                    .unwrap_or_default();
                let _ = self
                    .driver
                    .screenshot(&screenshot_dir().join("failure.png"))
                    .await;
                panic!("the page after {url} didn't load: {ready:?}");
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// The browser's back button.
    pub async fn back(&self) {
        self.navigating(|| async { self.driver.back().await.unwrap_or_else(|e| panic!("back: {e}")) })
            .await;
    }

    /// The browser's forward button.
    pub async fn forward(&self) {
        self.navigating(|| async {
            self.driver
                .forward()
                .await
                .unwrap_or_else(|e| panic!("forward: {e}"))
        })
        .await;
    }

    /// The browser's reload button.
    pub async fn reload(&self) {
        self.navigating(|| async {
            self.driver
                .refresh()
                .await
                .unwrap_or_else(|e| panic!("reload: {e}"))
        })
        .await;
    }

    pub async fn fill(&self, name: &str, value: &str) {
        let field = self.by_name(name).await;
        field.clear().await.unwrap_or_else(|e| panic!("{name}: {e}"));
        if !value.is_empty() {
            field
                .send_keys(value)
                .await
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }

    /// Types on the keyboard, into whatever has the focus.
    pub async fn keys(&self, keys: impl Into<TypingData>) {
        self.driver
            .action_chain_with_delay(None, Some(Duration::ZERO))
            .send_keys(keys)
            .perform()
            .await
            .unwrap_or_else(|e| panic!("typing: {e}"));
    }

    /// Sets a field's value directly (date inputs type differently in every locale).
    pub async fn set_value(&self, name: &str, value: &str) {
        let field = self.by_name(name).await;
        let element = field.to_json().unwrap_or_else(|e| panic!("{e}"));
        self.driver
            .execute("arguments[0].value = arguments[1];", vec![element, json!(value)])
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }

    pub async fn select(&self, name: &str, value: &str) {
        let select = SelectElement::new(&self.by_name(name).await)
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        select
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("{name}={value}: {e}"));
    }

    pub async fn value(&self, name: &str) -> String {
        self.by_name(name)
            .await
            .value()
            .await
            .ok()
            .flatten()
            .unwrap_or_default()
    }

    pub async fn text(&self, css: &str) -> String {
        match self.driver.find(By::Css(css)).await {
            Ok(element) => element.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    pub async fn body(&self) -> String {
        self.text("body").await
    }

    /// The id of the focused element.
    pub async fn focused(&self) -> String {
        let active = self
            .driver
            .active_element()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        active.id().await.ok().flatten().unwrap_or_default()
    }

    pub async fn screenshot(&self, name: &str) {
        let height = self
            .driver
            .execute("return document.documentElement.scrollHeight", vec![])
            .await
            .ok()
            .and_then(|r| r.json().as_u64())
            .unwrap_or(900);
        let _ = self
            .driver
            .set_window_rect(0, 0, 1280, u32::try_from(height.clamp(600, 6000)).unwrap_or(900))
            .await;
        let _ = self.driver.execute("window.scrollTo(0, 0)", vec![]).await;
        let path = screenshot_dir().join(format!("{name}.png"));
        self.driver
            .screenshot(&path)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let _ = self.driver.set_window_rect(0, 0, 1280, 900).await;
    }

    /// Runs axe-core on the page and fails on any violation.
    pub async fn assert_accessible(&self, what: &str) {
        self.driver
            .execute(axe_source(), vec![])
            .await
            .unwrap_or_else(|e| panic!("injecting axe: {e}"));
        let script = r#"
            var done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ["violations"] })
              .then(function (r) {
                done(r.violations.map(function (v) {
                  return { id: v.id, impact: v.impact, help: v.help,
                           nodes: v.nodes.slice(0, 5).map(function (n) { return n.target.join(" ") + " :: " + n.failureSummary; }) };
                }));
              })
              .catch(function (e) { done([{ id: "axe-error", help: String(e) }]); });
        "#;
        let result = self
            .driver
            .execute_async(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("running axe: {e}"));
        let violations = result.json().clone();
        assert_eq!(
            violations,
            json!([]),
            "axe-core violations on {what}:\n{violations:#}"
        );
    }

    /// Signs in through the sign-in page.
    pub async fn sign_in(&self, email: &str, password: &str) {
        self.goto("/sign-in").await;
        self.fill("email", email).await;
        self.fill("password", password).await;
        self.click("sign-in").await;
        assert_eq!(self.path().await, "/customers", "signed in");
    }

    /// The language of the page.
    pub async fn lang(&self) -> String {
        let lang = self
            .driver
            .execute("return document.documentElement.lang", vec![])
            .await;
        lang.ok()
            .and_then(|r| r.json().as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    /// Chooses the interface language with the switcher (which applies it on change).
    pub async fn choose_language(&self, tag: &str) {
        if self.lang().await == tag {
            return;
        }
        self.mark().await;
        self.select("locale", tag).await;
        self.settle().await;
        assert_eq!(self.lang().await, tag, "the language changed");
    }

    pub async fn close(mut self) {
        let driver = self.driver.clone();
        let _ = driver.quit().await;
        let _ = self.chromedriver.kill();
        let _ = self.chromedriver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.chromedriver.kill();
    }
}
