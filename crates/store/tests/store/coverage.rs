//! Every public use case of [`Store`] is called by some test of this suite, so that each
//! runs on SQLite (where a unit of work that awaits anything but its connection fails the
//! test; see the store's `db` module) as well as on PostgreSQL.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The names of the `pub async fn`s in the crate's `impl Store` blocks.
fn use_cases() -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut names = Vec::new();
    for file in rust_files(&src) {
        let mut in_store = false;
        for line in read(&file).lines() {
            if line.starts_with("impl Store {") {
                in_store = true;
            } else if line == "}" {
                in_store = false;
            } else if let (true, Some(rest)) = (in_store, line.trim_start().strip_prefix("pub async fn ")) {
                let end = rest.find(['(', '<']).unwrap_or(rest.len());
                names.push(rest[..end].to_owned());
            }
        }
    }
    names.sort();
    names
}

#[test]
fn every_public_use_case_is_called_by_a_test() {
    let names = use_cases();
    assert!(
        names.len() > 50 && names.iter().any(|n| n == "onboard_customer"),
        "the scan found the use cases: {names:?}"
    );
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let suite: String = rust_files(&tests).iter().map(|f| read(f)).collect();
    let untested: Vec<&String> = names
        .iter()
        .filter(|name| !suite.contains(&format!(".{name}(")) && !suite.contains(&format!("::{name}(")))
        .collect();
    assert!(untested.is_empty(), "Store use cases no test calls: {untested:?}");
}
