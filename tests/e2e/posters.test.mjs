// Posters for the stairwell, as staff print them: a decision (open, then its result), an outcome
// and "What's new", each on A4 in print media, with nothing of the site around it. The QR codes
// are decoded back to their addresses in the HTTP tests (tests/api/posters.rs).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { startSpolu, launchBrowser, phone, signInAs, settled, screenshots } from "./harness.mjs";

let spolu, browser;
before(async () => {
  spolu = await startSpolu();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await spolu?.stop();
});

/** The page as the printer gets it: A4 at 96 dpi, print styles. */
async function printed(page, name) {
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: "print" });
  await settled(page);
  for (const hidden of ["header", "nav", ".print-hide"]) {
    for (const element of await page.locator(hidden).all()) {
      assert.equal(await element.isVisible(), false, `${hidden} is not printed`);
    }
  }
  const poster = page.locator("article.poster");
  const box = await poster.boundingBox();
  assert.ok(box.height <= 1123 - 76, `one A4 page (${box.height}px)`);
  assert.ok(await page.locator(".poster-qr svg").isVisible(), "the QR code is printed");
  await page.screenshot({ path: join(screenshots, `${name}.png`) });
}

test("staff print a decision's, an outcome's and the week's posters", async () => {
  const page = await phone(browser);
  await signInAs(page, spolu, "cyril");

  // An open decision, from its page.
  await page.goto(`${spolu.url}/decisions`);
  await page.locator("main ul.cards a[href^='/decisions/']").first().click();
  await page.waitForURL(/\/decisions\/\d+$/);
  await page.getByRole("link", { name: "Plakát na nástěnku" }).click();
  await page.waitForURL(/\/decisions\/\d+\/poster$/);
  await page.locator("article.poster .poster-head").waitFor();
  const heading = await page.locator(".poster-head").innerText();
  assert.ok(["Hlasování je otevřené", "Je rozhodnuto", "Brzy se bude hlasovat"].includes(heading.trim()), heading);
  await printed(page, "poster-decision-a4");

  // An outcome, from its proposal.
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${spolu.url}/outcomes`);
  await page.locator("main a[href^='/proposals/']").first().click();
  await page.waitForURL(/\/proposals\/\d+/);
  await page.getByRole("link", { name: "Plakát na nástěnku" }).click();
  await page.waitForURL(/\/outcomes\/\d+\/poster$/);
  await page.getByRole("heading", { name: "Co se děje s návrhem" }).waitFor();
  await printed(page, "poster-outcome-a4");

  // What's new, from the staff's page.
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${spolu.url}/staff`);
  await page.getByRole("link", { name: "Plakát „Co je nového“" }).click();
  await page.waitForURL(/\/posters\/week$/);
  await page.getByRole("heading", { name: "Co je nového" }).waitFor();
  assert.ok((await page.locator(".poster-list li").count()) > 0);
  await printed(page, "poster-week-a4");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a resident cannot print posters", async () => {
  const page = await phone(browser, { javaScript: false });
  await signInAs(page, spolu, "anna");
  await page.goto(`${spolu.url}/posters/week`);
  assert.equal(await page.locator("article.poster").count(), 0);
  await page.context().close();
});
