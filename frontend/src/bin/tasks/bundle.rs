//! Builds the browser bundle: compiles the frontend crate to wasm, binds it with wasm-bindgen,
//! optimises it with binaryen's `wasm-opt` (from npm, in release), names the files after their
//! content and precompresses them. Replaces cargo-leptos, which would download tools from GitHub.
//! Writes `pkg/` and `bundle.txt` into `target/site` (release) or `target/site-debug` (the tests'),
//! so running the tests never takes the bundle away from a server started with `cargo spolu`.

use crate::{Result, cargo, site_dir, target_dir, workspace};
use std::fs;
use std::hash::{DefaultHasher, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

const OUTPUT_NAME: &str = "spolu";

pub fn build(release: bool) -> Result<()> {
    let workspace = workspace();
    let target = target_dir();
    let site = site_dir(release);
    let profile = if release { "wasm-release" } else { "dev" };
    let profile_dir = if release { "wasm-release" } else { "debug" };

    cargo(&[
        "build",
        "-p",
        "frontend",
        "--lib",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        profile,
    ])?;
    let wasm = target
        .join("wasm32-unknown-unknown")
        .join(profile_dir)
        .join("frontend.wasm");

    let staging = site.join("staging");
    if staging.exists() {
        fs::remove_dir_all(&staging)?;
    }
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm)
        .web(true)?
        .typescript(false)
        .out_name(OUTPUT_NAME)
        .generate(&staging)?;
    let bound = staging.join(format!("{OUTPUT_NAME}_bg.wasm"));
    if release {
        optimise(&workspace, &bound)?;
    }

    let js = fs::read(staging.join(format!("{OUTPUT_NAME}.js")))?;
    let wasm = fs::read(&bound)?;
    let css = fs::read(workspace.join("style").join("main.css"))?;
    let stem = format!("{OUTPUT_NAME}.{}", content_hash(&[&js, &wasm]));

    let pkg = site.join("pkg");
    if pkg.exists() {
        fs::remove_dir_all(&pkg)?;
    }
    fs::create_dir_all(&pkg)?;
    // wasm-bindgen puts inline JS of dependencies beside the glue; the glue imports it relatively.
    let snippets = staging.join("snippets");
    if snippets.exists() {
        fs::rename(&snippets, pkg.join("snippets"))?;
    }
    write_compressed(&pkg.join(format!("{stem}.js")), &js)?;
    write_compressed(&pkg.join(format!("{stem}.wasm")), &wasm)?;
    let css_name = format!("{OUTPUT_NAME}.{}.css", content_hash(&[&css]));
    write_compressed(&pkg.join(&css_name), &css)?;
    // The small page helpers that work before (and without) the wasm; see the file's comment.
    let script = fs::read(workspace.join("frontend").join("enhance.js"))?;
    let script_name = format!("enhance.{}.js", content_hash(&[&script]));
    write_compressed(&pkg.join(&script_name), &script)?;
    fs::write(
        site.join("bundle.txt"),
        format!("output: {stem}\ncss: {css_name}\nscript: {script_name}\n"),
    )?;
    fs::remove_dir_all(&staging)?;
    println!(
        "bundle: {} ({} KB wasm, {} KB js)",
        pkg.display(),
        wasm.len() / 1024,
        js.len() / 1024
    );
    Ok(())
}

/// Runs binaryen's wasm-opt from the npm package pinned in frontend/package.json.
/// Debian's binaryen 108 produces wasm that Chromium refuses, so it is never used.
fn optimise(workspace: &Path, wasm: &Path) -> Result<()> {
    let wasm_opt = workspace
        .join("frontend")
        .join("node_modules")
        .join(".bin")
        .join("wasm-opt");
    if !wasm_opt.exists() {
        return Err("wasm-opt is missing: `npm ci --prefix frontend` installs it".into());
    }
    let status = Command::new(wasm_opt)
        .arg(wasm)
        .args([
            "-Oz",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
        ])
        .args([
            "--enable-reference-types",
            "--enable-multivalue",
            "--enable-sign-ext",
        ])
        .arg("-o")
        .arg(wasm)
        .status()?;
    if !status.success() {
        return Err("wasm-opt failed".into());
    }
    Ok(())
}

/// Names files after their content, so browsers may cache them for a year.
fn content_hash(parts: &[&[u8]]) -> String {
    let mut hasher = DefaultHasher::new();
    for part in parts {
        hasher.write(part);
    }
    format!("{:016x}", hasher.finish())
}

/// Writes the file and brotli and gzip copies of it, which the server sends as they are.
fn write_compressed(path: &Path, bytes: &[u8]) -> Result<()> {
    fs::write(path, bytes)?;
    let mut br = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut br, 4096, 11, 22);
        writer.write_all(bytes)?;
    }
    fs::write(with_suffix(path, "br"), br)?;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes)?;
    fs::write(with_suffix(path, "gz"), gz.finish()?)?;
    Ok(())
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}
