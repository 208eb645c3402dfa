// Trust, as a person meets it: a visitor at a staff page learns whose page it is and signs in right
// there; text that tries to be HTML stays text in the edit box; the staff badge beside a staff
// post; a decision on a hidden proposal names no title. On a phone, with and without JavaScript,
// in Czech and in English.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { startSpolu, launchBrowser, phone, assertAccessible, signInAs, shot, settled, screenshots } from "./harness.mjs";

let spolu, browser;
before(async () => {
  spolu = await startSpolu();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await spolu?.stop();
});

for (const javaScript of [true, false]) {
  const mode = javaScript ? "js" : "nojs";

  test(`a visitor at the staff page is told whose it is and signs in there (${mode})`, async () => {
    const page = await phone(browser, { javaScript });
    const response = await page.goto(`${spolu.url}/staff`);
    assert.equal(response.status(), 401);
    await page.getByRole("heading", { name: "Přihlásit se" }).waitFor();
    await page.getByText("používají pracovníci centra ke své práci").waitFor();
    if (javaScript) await assertAccessible(page, "/staff for a visitor");
    await shot(page, `security-staff-gate-${mode}`);
    await settled(page);
    await page.fill("#username", "cyril");
    await page.fill("#password", "spolu-demo");
    await page.click("main button[type=submit]");
    await page.waitForURL(`${spolu.url}/staff`);
    await page.getByRole("heading", { name: "Moderování" }).waitFor();
    // Chromium logs the 401 itself; anything else would be a real problem.
    assert.deepEqual(page.problems.filter((p) => !p.includes("status of 401")), []);
    await page.context().close();
  });

  test(`a closing textarea tag stays text in the edit box (${mode})`, async () => {
    const words = `</textarea><b id=x>tučně</b> ${mode}`;
    const anna = await phone(browser, { javaScript });
    await signInAs(anna, spolu, "anna");
    await anna.goto(`${spolu.url}/proposals/new`);
    await settled(anna);
    await anna.fill("#title", `Lavička ${mode}`);
    await anna.fill("#body", words);
    await anna.check("text=Hřiště a děti");
    await anna.click("main button[type=submit]");
    await anna.getByRole("heading", { name: `Lavička ${mode}` }).waitFor();
    await anna.goto(`${spolu.url}${new URL(anna.url()).pathname}/edit`);
    await anna.locator("#body").waitFor();
    assert.equal(await anna.locator("#x").count(), 0, "no element from the text");
    assert.equal(await anna.locator("#body").inputValue(), words);
    await shot(anna, `security-textarea-${mode}`);
    await anna.context().close();
  });
}

test("a staff comment carries the badge, in Czech and in English", async () => {
  for (const [locale, label] of [["cs-CZ", "pracovník centra"], ["en-GB", "staff"]]) {
    const cyril = await phone(browser, { locale });
    await signInAs(cyril, spolu, "cyril");
    await cyril.goto(`${spolu.url}/proposals?q=kola`);
    await cyril.locator("a.card-link").first().click();
    await cyril.locator("#text").waitFor();
    await settled(cyril);
    const words = `Zítra to zkontrolujeme (${locale}).`;
    await cyril.fill("#text", words);
    await cyril.locator(".comment-form button[type=submit]").click();
    const comment = cyril.locator("article.comment", { hasText: words });
    await comment.waitFor();
    await comment.locator(".staff-badge", { hasText: label }).waitFor();
    await assertAccessible(cyril, `proposal with a staff comment (${locale})`);
    await shot(cyril, `security-staff-badge-${locale}`);
    await comment.screenshot({ path: join(screenshots, `security-staff-badge-comment-${locale}.png`) });
    await cyril.context().close();
  }
});

test("a decision on a hidden proposal names no title, in Czech and in English", async () => {
  const cyril = await phone(browser);
  await signInAs(cyril, spolu, "cyril");
  await cyril.goto(`${spolu.url}/proposals?q=podchodu`);
  await cyril.getByRole("link", { name: "Světlo v podchodu" }).click();
  await cyril.getByRole("heading", { name: "Světlo v podchodu" }).waitFor();
  const id = cyril.url().split("/").pop();
  await cyril.goto(`${spolu.url}/staff?item=proposal-${id}`);
  const card = cyril.locator(".queue-card").first();
  await settled(cyril);
  await card.getByLabel("Proč skrýt (uvidí to všichni)").selectOption("personal_information");
  await card.getByRole("button", { name: "Skrýt" }).click();
  await card.getByText("Skryto moderátory: osobní údaje").waitFor();
  await cyril.context().close();

  for (const [locale, javaScript, list, heading] of [
    ["cs-CZ", true, "Hlasování o skrytém návrhu", `Skrytý návrh č. ${id}`],
    ["en-GB", false, "Decision on a hidden proposal", `Hidden proposal no. ${id}`],
  ]) {
    const anna = await phone(browser, { locale, javaScript });
    await signInAs(anna, spolu, "anna");
    await anna.goto(`${spolu.url}/decisions`);
    assert.equal(await anna.getByText("Světlo v podchodu").count(), 0);
    await anna.getByRole("link", { name: list }).first().click();
    await anna.getByRole("heading", { name: heading }).waitFor();
    assert.equal(await anna.getByText("Světlo v podchodu").count(), 0);
    if (javaScript) await assertAccessible(anna, `a decision on a hidden proposal (${locale})`);
    await shot(anna, `security-hidden-decision-${locale}`);
    await anna.context().close();
  }
});
