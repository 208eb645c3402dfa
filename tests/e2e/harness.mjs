// Starts the real `spolu` binary on a free port with a fresh data folder and the demo estate,
// and opens Debian's Chromium through playwright-core on a phone-sized screen.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import AxeBuilder from "@axe-core/playwright";
import assert from "node:assert/strict";

const bin = process.env.SPOLU_BIN ?? "../../target/debug/spolu";
const siteDir = process.env.SPOLU_SITE_DIR ?? "../../target/site-debug";
export const screenshots = new URL("../../target/screenshots/", import.meta.url).pathname;
mkdirSync(screenshots, { recursive: true });

export const PHONE = { width: 360, height: 740 };

/** Starts Spolu with the demo data on a free port; resolves with { url, dataDir, stop(),
 * invite(role) }. `env` adds to the environment, e.g. a `PATH` without espeak-ng for a server
 * that cannot speak. */
export async function startSpolu({ extraArgs = [], env = {} } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), "spolu-e2e-"));
  const args = ["--demo", "--bind", "127.0.0.1:0", "--data-dir", dataDir, "--site-dir", siteDir, ...extraArgs];
  const child = spawn(bin, args, { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, ...env } });
  const url = await new Promise((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const match = output.match(/Spolu runs at (http:\/\/[^\s]+)/);
      if (match) resolve(match[1]);
    });
    child.on("exit", (code) => reject(new Error(`spolu exited with ${code}: ${output}`)));
  });
  return {
    url,
    dataDir,
    /** New invite codes from the command line, as staff would print them. */
    invite(role = "resident", count = 1) {
      const out = execFileSync(bin, ["--data-dir", dataDir, "invite", "--role", role, "--count", String(count)]);
      return out.toString().trim().split("\n");
    },
    async stop() {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A phone: 360×740, Czech unless told otherwise, with or without JavaScript. */
export async function phone(browser, { javaScript = true, locale = "cs-CZ", size = PHONE } = {}) {
  const context = await browser.newContext({
    viewport: size,
    javaScriptEnabled: javaScript,
    locale,
    extraHTTPHeaders: { "Accept-Language": locale },
  });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(String(e)));
  page.problems = problems;
  return page;
}

/** axe-core on the page as it is; fails with the list of violations. Needs JavaScript on. */
export async function assertAccessible(page, label) {
  const results = await new AxeBuilder({ page }).analyze();
  const violations = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  assert.deepEqual(violations, [], `axe violations on ${label}`);
}

/** Waits until the islands router's cross-fade between pages has finished (a person does not
 * act within the fade; a test that does races the browser's view transition). */
export async function settled(page) {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished))).catch(() => {});
}

export async function shot(page, name) {
  // A picture mid-fade would show two pages at once.
  await settled(page);
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

/** Signs in as a demo account (password `spolu-demo`) and waits for the home page. */
export async function signInAs(page, spolu, username) {
  await page.goto(`${spolu.url}/login`);
  await page.fill("#username", username);
  await page.fill("#password", "spolu-demo");
  await page.click("main button[type=submit]");
  await page.waitForURL(`${spolu.url}/`);
}

/** Visits `url` in `page`, waits until hydration has fetched everything, returns each request's
 * transferred (compressed) bytes as Chromium counts them. */
export async function visit(page, url) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  const requests = new Map();
  cdp.on("Network.responseReceived", (e) => {
    requests.set(e.requestId, { url: e.response.url, status: e.response.status, fromCache: e.response.fromDiskCache || e.response.fromServiceWorker, bytes: 0 });
  });
  cdp.on("Network.requestServedFromCache", (e) => {
    const r = requests.get(e.requestId);
    if (r) r.fromCache = true;
  });
  cdp.on("Network.loadingFinished", (e) => {
    const r = requests.get(e.requestId);
    if (r) r.bytes = e.encodedDataLength;
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await page.waitForTimeout(1000);
  await cdp.detach();
  return [...requests.values()];
}


/** A camera-sized photo (4000×3000 JPEG, about 5 MB), drawn by Chromium itself: a sky-to-grass
 * gradient under fine noise, which compresses about as badly as a real photo. For
 * `page.setInputFiles`. */
export async function cameraPhoto(browser) {
  const page = await browser.newPage();
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement("canvas");
    canvas.width = 4000;
    canvas.height = 3000;
    const context = canvas.getContext("2d");
    const sky = context.createLinearGradient(0, 0, 0, 3000);
    sky.addColorStop(0, "#7fb2e5");
    sky.addColorStop(0.6, "#d9e7d0");
    sky.addColorStop(1, "#4f7a3a");
    context.fillStyle = sky;
    context.fillRect(0, 0, 4000, 3000);
    const image = context.getImageData(0, 0, 4000, 3000);
    let seed = 7;
    for (let i = 0; i < image.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const grain = (seed % 41) - 20;
      image.data[i] += grain;
      image.data[i + 1] += grain;
      image.data[i + 2] += grain;
    }
    context.putImageData(image, 0, 0);
    // The quality that lands nearest 5 MB, as a phone camera's photo would.
    let best = null;
    for (const quality of [0.97, 0.93, 0.9, 0.85, 0.8, 0.7]) {
      const blob = await new Promise((done) => canvas.toBlob(done, "image/jpeg", quality));
      if (!best || Math.abs(blob.size - 5.4e6) < Math.abs(best.size - 5.4e6)) best = blob;
    }
    const bytes = new Uint8Array(await best.arrayBuffer());
    let text = "";
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  });
  await page.close();
  return { name: "IMG_20261124_181502.jpg", mimeType: "image/jpeg", buffer: Buffer.from(base64, "base64") };
}

/** What pressing play starts: the `<audio>` element loads its file and learns how long it is;
 * answers the length in seconds. */
export async function audioSeconds(player) {
  return player.evaluate((audio) => new Promise((resolve, reject) => {
    audio.addEventListener("loadedmetadata", () => resolve(audio.duration), { once: true });
    audio.addEventListener("error", () => reject(new Error(`audio error ${audio.error?.code}`)), { once: true });
    audio.preload = "auto";
    audio.load();
  }));
}
