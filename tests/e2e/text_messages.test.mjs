// Text messages and the one friendly question about phone notifications, on a phone.
// A member without a smartphone gives a number on /me without JavaScript (a wrong number is
// said next to the field, what was typed stays); staff add one at the desk with the member's
// consent; the next vote's news is written to the development outbox. After a first proposal,
// the member is asked once whether they want phone notifications.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSpolu, launchBrowser, phone, shot, signInAs, settled } from "./harness.mjs";

let spolu, browser, outbox;
before(async () => {
  outbox = mkdtempSync(join(tmpdir(), "spolu-sms-"));
  spolu = await startSpolu({ env: { SPOLU_SMS_OUTBOX: outbox, SPOLU_QUIET_HOURS: "0-0" } });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await spolu?.stop();
});

test("a member gives a number without JavaScript; a mistake is said next to the field", async () => {
  const page = await phone(browser, { javaScript: false });
  await signInAs(page, spolu, "anna");
  await page.goto(`${spolu.url}/me`);
  await page.getByRole("heading", { name: "Textové zprávy (SMS)" }).waitFor();
  await page.fill("#sms-number", "777 12");
  await page.check("text=Souhlasím, aby mi Spolu posílalo SMS na toto číslo.");
  await page.getByRole("button", { name: "Uložit číslo" }).click();
  await page.getByText("Tohle nevypadá jako telefonní číslo.").waitFor();
  assert.equal(await page.inputValue("#sms-number"), "777 12", "what was typed stays");
  await shot(page, "sms-number-error-nojs");
  await page.fill("#sms-number", "777 123 456");
  await page.check("text=Souhlasím, aby mi Spolu posílalo SMS na toto číslo.");
  await page.getByRole("button", { name: "Uložit číslo" }).click();
  await page.getByText("+420 777 123 456").waitFor();
  await shot(page, "sms-number-saved-nojs");
  await page.context().close();
});

test("staff add a number at the desk, and the next vote's news goes to it", async () => {
  const page = await phone(browser, { locale: "en-GB" });
  await signInAs(page, spolu, "cyril");
  await page.goto(`${spolu.url}/staff/members?q=eva`);
  await settled(page);
  const card = page.locator("article.queue-card").first();
  await card.getByText("Add a number for texts").click();
  await card.locator("input[name=number]").fill("604 111 222");
  await card.getByText("The person agrees").click();
  await card.getByRole("button", { name: "Save number" }).click();
  await page.getByText("+420 604 111 222").waitFor();
  await shot(page, "sms-staff-added-en");

  // A vote for all members opens: eva may vote, so a text goes to her number.
  await page.goto(`${spolu.url}/proposals`);
  await page.getByRole("link", { name: "Víc košů na tříděný odpad" }).click();
  await page.getByRole("link", { name: "Open the vote" }).click();
  await page.waitForURL(/\/decide$/);
  await settled(page);
  await page.check("input[name=eligibility][value=members]");
  await page.fill("#quorum", "1");
  await page.click("main button[type=submit]");
  await page.waitForURL(/\/decisions\/\d+$/);
  const file = join(outbox, "outbox.txt");
  for (let i = 0; i < 50 && !existsSync(file); i++) await page.waitForTimeout(200);
  const written = readFileSync(file, "utf8");
  assert.match(written, /To: \+420604111222\nSpolu: /, written);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

/** Proposes through the form, as a member would, and waits for the new proposal's page. */
async function propose(page, title) {
  await page.goto(`${spolu.url}/proposals/new`);
  await settled(page);
  await page.fill("#title", title);
  await page.fill("#body", "Večer u bloku 7 není vidět na schody.");
  await page.check("text=Čistota a odpad");
  await page.click("main button[type=submit]");
  await page.getByRole("heading", { name: title }).waitFor();
  await settled(page);
}

for (const javaScript of [true, false]) {
  const mode = javaScript ? "js" : "nojs";
  test(`after a first proposal the member is asked about phone notifications, not after the next (${mode})`, async () => {
    const page = await phone(browser, { javaScript });
    await signInAs(page, spolu, javaScript ? "cyril" : "dana");
    await propose(page, `Světlo u vchodu (${mode})`);
    const prompt = page.locator("aside.push-prompt");
    await prompt.getByRole("heading", { name: "Chcete vědět, co bude dál?" }).waitFor();
    // Without a script the switch cannot work, and the words say where the settings are.
    const needsScript = prompt.locator(".push-needs-script");
    assert.equal(await needsScript.isVisible(), !javaScript || !(await prompt.locator(".push-turn-on").isVisible()));
    await shot(page, `push-prompt-${mode}`);
    await propose(page, `Lavička u vchodu (${mode})`);
    assert.equal(await page.locator("aside.push-prompt").count(), 0, "asked once");
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}
