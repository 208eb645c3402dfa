// Speed of the proposal list and page with many proposals and comments (issue 3's figures).
// Run with `cargo run -p frontend --bin tasks -- bench`: it builds the release, seeds a database
// (10 000 proposals, 100 000 comments by default) and starts this with SPOLU_DATA_DIR set.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launchBrowser, PHONE, visit } from "./harness.mjs";
import { signIn } from "./sign_in.mjs";

const bin = process.env.SPOLU_BIN;
const dataDir = process.env.SPOLU_DATA_DIR;
const siteDir = process.env.SPOLU_SITE_DIR;
const ROUNDS = Number(process.env.SPOLU_BENCH_ROUNDS ?? 200);

// The upload rounds propose many times as one member; the daily limit is for people.
const child = spawn(bin, ["--bind", "127.0.0.1:0", "--data-dir", dataDir, "--site-dir", siteDir, "--proposals-per-day", "100000"], {
  stdio: ["ignore", "pipe", "inherit"],
});
const url = await new Promise((resolve) => {
  let out = "";
  child.stdout.on("data", (c) => {
    out += c;
    const m = out.match(/Spolu runs at (http:\/\/\S+)/);
    if (m) resolve(m[1]);
  });
});

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Times `rounds` sequential GETs of paths from `pick()`, as a browser without JavaScript would. */
async function time(label, pick, rounds = ROUNDS) {
  const ms = [];
  for (let i = 0; i < rounds + 10; i++) {
    const start = performance.now();
    const response = await fetch(`${url}${pick(i)}`, { headers: { accept: "text/html" } });
    await response.text();
    if (response.status !== 200) throw new Error(`${label}: ${response.status}`);
    if (i >= 10) ms.push(performance.now() - start); // the first ten warm caches
  }
  ms.sort((a, b) => a - b);
  console.log(`${label.padEnd(34)} p50 ${percentile(ms, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(ms, 95).toFixed(1).padStart(6)} ms`);
}

/**
 * Upload-to-stored time of a 5 MB camera JPEG (written by `seed_load`): from sending the form to
 * the answer, which comes after the photo is decoded, scaled, re-encoded, stored and the proposal
 * saved. Sequential, as one phone on the estate's Wi-Fi would.
 */
async function timeUpload(rounds = 10) {
  const photo = readFileSync(join(dataDir, "camera-photo.jpg"));
  const cookie = await signIn(url, "anna");
  const form = await (await fetch(`${url}/proposals/new`, { headers: { cookie, accept: "text/html" } })).text();
  const category = form.match(/name="category" value="(\d+)"/)[1];
  const ms = [];
  for (let i = 0; i < rounds + 1; i++) {
    const body = new FormData();
    body.append("title", `Fotka ${i}`);
    body.append("body", "Jak rychle se uloží fotka z telefonu.");
    body.append("category", category);
    body.append("photos", new Blob([photo], { type: "image/jpeg" }), "IMG_0001.jpg");
    const start = performance.now();
    const response = await fetch(`${url}/api/create_proposal`, { method: "POST", headers: { cookie, accept: "application/json" }, body });
    await response.text();
    if (response.status !== 200) throw new Error(`upload: ${response.status}`);
    if (i >= 1) ms.push(performance.now() - start); // the first warms up
  }
  ms.sort((a, b) => a - b);
  const mb = (photo.length / 1024 / 1024).toFixed(1);
  console.log(`${`upload ${mb} MB JPEG to stored`.padEnd(34)} p50 ${percentile(ms, 50).toFixed(1).padStart(6)} ms   max ${ms[ms.length - 1].toFixed(1).padStart(6)} ms`);
}

try {
  const ids = Array.from({ length: ROUNDS + 10 }, (_, i) => 1 + ((i * 7919) % 10000));
  await time("list, first page", () => "/proposals");
  // A cursor half-way down the most-supported order: a deep page costs what the first does.
  await time("list, deep page (keyset)", () => "/proposals?sort=supported&after=18_5000");
  await time("list, most supported", () => "/proposals?sort=supported");
  await time("list, search 'lavicka'", () => "/proposals?q=lavicka");
  await time("proposal page (~10 comments)", (i) => `/proposals/${ids[i]}`);

  await timeUpload();

  const browser = await launchBrowser();
  const page = await (await browser.newContext({ viewport: PHONE, locale: "cs-CZ" })).newPage();
  const first = await visit(page, `${url}/proposals`);
  const total = first.reduce((sum, r) => sum + r.bytes, 0);
  const html = first.find((r) => new URL(r.url).pathname === "/proposals");
  console.log(`list page weight, first visit: ${(total / 1024).toFixed(1)} KB (HTML ${(html.bytes / 1024).toFixed(1)} KB), compressed`);
  await browser.close();
} finally {
  child.kill("SIGTERM");
}
