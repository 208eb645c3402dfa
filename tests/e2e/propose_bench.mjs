// Issue 14's figure: how long a resident waits to propose with a 5 MB camera photo on a phone
// line, from tapping "Propose" to seeing the proposal's page. Measured in Chromium with its
// network emulation at 3G (1.6 Mb/s down, 750 kb/s up, 300 ms) and on a slower line, the way
// Spolu sent photos before (the browser posts the full photo: JavaScript off) and now (the photo
// is shrunk on the phone first: JavaScript on).
// Run with `cargo run -p frontend --bin tasks -- bench` (after the other figures), or alone:
// SPOLU_BIN=… SPOLU_SITE_DIR=… node propose_bench.mjs
import { startSpolu, launchBrowser, phone, signInAs, cameraPhoto } from "./harness.mjs";

const LINES = [
  { name: "3G", downloadKbps: 1600, uploadKbps: 750, latencyMs: 300 },
  { name: "slow", downloadKbps: 400, uploadKbps: 250, latencyMs: 800 },
];

const spolu = await startSpolu({ extraArgs: ["--proposals-per-day", "1000"] });
const browser = await launchBrowser();
try {
  const photo = await cameraPhoto(browser);
  console.log(`camera photo: ${(photo.buffer.length / 1024 / 1024).toFixed(1)} MB`);
  for (const line of LINES) {
    for (const javaScript of [false, true]) {
      const page = await phone(browser, { javaScript });
      await signInAs(page, spolu, "anna");
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: line.latencyMs,
        downloadThroughput: (line.downloadKbps * 1024) / 8,
        uploadThroughput: (line.uploadKbps * 1024) / 8,
      });
      await page.goto(`${spolu.url}/proposals/new`);
      // The wasm is not needed to propose; waiting for it would only measure the page load.
      await page.setInputFiles('input[name="photos"][capture]', photo);
      await page.fill("#body", `Chybí lavička (${line.name}, ${javaScript ? "js" : "nojs"}).`);
      const start = performance.now();
      // Without JavaScript the click waits for the whole upload: as long as the line needs.
      await page.click("main button[type=submit]", { timeout: 600_000 });
      await page.waitForURL(/\/proposals\/\d+\?sent$/, { timeout: 600_000 });
      await page.locator("h1").waitFor();
      const seconds = (performance.now() - start) / 1000;
      console.log(
        `${line.name.padEnd(5)} ${javaScript ? "now (photo shrunk on the phone)" : "before (full photo sent)      "}  ${seconds.toFixed(1).padStart(6)} s`,
      );
      await page.context().close();
    }
  }
} finally {
  await browser.close();
  await spolu.stop();
}
