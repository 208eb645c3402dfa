//! The import rules of `app/ARCHITECTURE.md`, checked on the source text so that a change that
//! breaks one fails the test command instead of waiting for a reviewer:
//! - the domain imports nothing else of the crate; the views only the domain;
//! - pages never import entities, and never another page;
//! - services never import pages;
//! - the service areas of `app/src/server/` import each other without a circle.
#![allow(clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn app_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/src")
}

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir).expect("the app's source folder is readable");
        for entry in entries {
            let path = entry.expect("a readable folder entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                let text = std::fs::read_to_string(&path).expect("a readable source file");
                found.push((path, text));
            }
        }
    }
    found.sort();
    found
}

/// The path of `file` below `root`, as its parts: `["proposal", "add_comment.rs"]`.
fn parts_below(root: &Path, file: &Path) -> Vec<String> {
    file.strip_prefix(root)
        .expect("a file below the root")
        .iter()
        .map(|part| part.to_string_lossy().into_owned())
        .collect()
}

/// The module a file below `root` belongs to at the first level (`proposal.rs` and
/// `proposal/…` both belong to `proposal`).
fn first_level(root: &Path, file: &Path) -> String {
    let parts = parts_below(root, file);
    parts[0].trim_end_matches(".rs").to_owned()
}

/// The code of a file without its comments, so a comment that names a path does not count.
fn code_of(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first segment after every `prefix` in `code`, including each item of a
/// `prefix{a, b::c}` group: `crate::server::{clock, proposals::find}` gives clock and proposals.
fn first_segments_after(code: &str, prefix: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices(prefix) {
        let rest = &code[at + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // The items of the group are split at its own commas, not those of inner groups.
            let mut depth = 0;
            let mut item = String::new();
            let mut items = Vec::new();
            for c in group.chars() {
                match c {
                    '}' if depth == 0 => break,
                    ',' if depth == 0 => items.push(std::mem::take(&mut item)),
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                item.push(c);
            }
            items.push(item);
            for item in items {
                let word = leading_word(item.trim_start_matches([',', ' ', '\n']));
                if !word.is_empty() {
                    found.insert(word);
                }
            }
        } else {
            let word = leading_word(rest);
            if !word.is_empty() {
                found.insert(word);
            }
        }
    }
    found
}

/// The identifier `text` starts with.
fn leading_word(text: &str) -> String {
    text.chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// The other pages a page file names: through `crate::pages::x` or through enough `super::`
/// to climb out of its own page.
fn pages_named(
    root: &Path,
    file: &Path,
    code: &str,
    page_of: &BTreeMap<String, String>,
) -> BTreeSet<String> {
    let own = first_level(root, file);
    // `pages/x.rs` reaches `pages` with one `super::`, `pages/x/a.rs` with two.
    let climb = parts_below(root, file).len();
    let out_of_page = "super::".repeat(climb);
    let mut named = first_segments_after(code, "crate::pages::");
    for word in first_segments_after(code, &out_of_page) {
        named.insert(word);
    }
    // Only names that are pages, or re-exported from one, count; `pages.rs`'s own helpers
    // (the member-page wrapper) are shared by design.
    named
        .iter()
        .filter_map(|word| page_of.get(word))
        .filter(|page| **page != own)
        .cloned()
        .collect()
}

/// Which page each name below `pages::` belongs to: the page modules themselves, and what
/// `pages.rs` re-exports from them (`pub use proposals::{ProposalsPage, list_proposals};`).
fn page_names(root: &Path) -> BTreeMap<String, String> {
    let mut page_of = BTreeMap::new();
    for (file, _) in sources(root) {
        let page = first_level(root, &file);
        page_of.insert(page.clone(), page);
    }
    let pages_rs = std::fs::read_to_string(root.with_extension("rs")).expect("pages.rs");
    for line in pages_rs.lines() {
        let Some(rest) = line.strip_prefix("pub use ") else {
            continue;
        };
        let Some((page, items)) = rest.split_once("::") else {
            continue;
        };
        for item in items.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
            if !item.is_empty() {
                page_of.insert(item.to_owned(), page.to_owned());
            }
        }
    }
    page_of
}

#[test]
fn the_domain_imports_nothing_else_of_the_crate() {
    let root = app_src();
    let mut files = sources(&root.join("domain"));
    files.push((
        root.join("domain.rs"),
        std::fs::read_to_string(root.join("domain.rs")).expect("domain.rs"),
    ));
    let mut broken = Vec::new();
    for (file, text) in files {
        for module in first_segments_after(&code_of(&text), "crate::") {
            if module != "domain" {
                broken.push(format!("{} imports crate::{module}", file.display()));
            }
        }
    }
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn the_views_import_only_the_domain_and_each_other() {
    let root = app_src();
    let mut files = sources(&root.join("views"));
    files.push((
        root.join("views.rs"),
        std::fs::read_to_string(root.join("views.rs")).expect("views.rs"),
    ));
    let mut broken = Vec::new();
    for (file, text) in files {
        for module in first_segments_after(&code_of(&text), "crate::") {
            if module != "domain" && module != "views" {
                broken.push(format!("{} imports crate::{module}", file.display()));
            }
        }
    }
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn pages_never_import_entities_and_services_never_import_pages() {
    let root = app_src();
    let mut broken = Vec::new();
    // Shared server functions (the account's too: sign-in, language, …) are pages' server
    // functions.
    for folder in ["pages", "serverfns"] {
        for (file, text) in sources(&root.join(folder)) {
            if code_of(&text).contains("entities") {
                broken.push(format!("{} names the entities", file.display()));
            }
        }
    }
    for (file, text) in sources(&root.join("server")) {
        if ["crate::pages", "crate::serverfns"]
            .iter()
            .any(|layer| code_of(&text).contains(layer))
        {
            broken.push(format!("{} imports a page", file.display()));
        }
    }
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn pages_never_import_other_pages() {
    let root = app_src().join("pages");
    let page_of = page_names(&root);
    let mut found = BTreeSet::new();
    for (file, text) in sources(&root) {
        let own = first_level(&root, &file);
        for other in pages_named(&root, &file, &code_of(&text), &page_of) {
            found.insert((own.clone(), other));
        }
    }
    assert!(
        found.is_empty(),
        "pages import other pages; move the shared piece to components/ or serverfns/: {found:#?}"
    );
}

#[test]
fn service_areas_import_each_other_without_a_circle() {
    let root = app_src().join("server");
    let mut imports: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (file, text) in sources(&root) {
        let area = first_level(&root, &file);
        let named = first_segments_after(&code_of(&text), "crate::server::");
        let entry = imports.entry(area.clone()).or_default();
        entry.extend(named.into_iter().filter(|other| *other != area));
    }
    // Only modules that are areas (files or folders of server/) count; free functions of
    // server.rs such as `app_state` are not an area.
    let areas: BTreeSet<String> = imports.keys().cloned().collect();
    for named in imports.values_mut() {
        named.retain(|other| areas.contains(other));
    }
    assert!(
        areas.contains("proposals") && areas.contains("infra"),
        "{areas:?}"
    );
    if let Some(circle) = find_circle(&imports) {
        panic!("service areas import in a circle: {}", circle.join(" → "));
    }
}

/// A circle in the import graph, as the areas along it, if there is one.
fn find_circle(imports: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        area: &str,
        imports: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|seen| seen == area) {
            let mut circle = path[at..].to_vec();
            circle.push(area.to_owned());
            return Some(circle);
        }
        if done.contains(area) {
            return None;
        }
        path.push(area.to_owned());
        for next in imports.get(area).into_iter().flatten() {
            if let Some(circle) = visit(next, imports, path, done) {
                return Some(circle);
            }
        }
        path.pop();
        done.insert(area.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    imports
        .keys()
        .find_map(|area| visit(area, imports, &mut Vec::new(), &mut done))
}

#[test]
fn the_circle_finder_finds_a_circle_and_only_a_circle() {
    let graph = |edges: &[(&str, &str)]| {
        let mut imports: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (from, to) in edges {
            imports
                .entry((*from).into())
                .or_default()
                .insert((*to).into());
            imports.entry((*to).into()).or_default();
        }
        imports
    };
    let line = graph(&[
        ("demo", "proposals"),
        ("proposals", "infra"),
        ("demo", "infra"),
    ]);
    assert_eq!(find_circle(&line), None);
    let circle = graph(&[
        ("proposals", "reports"),
        ("reports", "infra"),
        ("infra", "proposals"),
    ]);
    assert_eq!(
        find_circle(&circle),
        Some(vec![
            "infra".into(),
            "proposals".into(),
            "reports".into(),
            "infra".into()
        ])
    );
}

#[test]
fn groups_and_paths_are_both_read() {
    let code = "use crate::server::{clock, proposals::{find, list}, accounts::members};\n\
                let x = crate::server::infra::database::connect();";
    let found = first_segments_after(code, "crate::server::");
    let expected: BTreeSet<String> = ["accounts", "clock", "infra", "proposals"]
        .into_iter()
        .map(String::from)
        .collect();
    assert_eq!(found, expected);
}
