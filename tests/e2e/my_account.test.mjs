// "Me": a member renames themselves and reads what Spolu keeps about them. On a phone, with and
// without JavaScript.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSpolu, launchBrowser, phone, assertAccessible, signInAs, shot, settled } from "./harness.mjs";

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
  test(`a member renames themselves and reads the privacy page (${mode})`, async () => {
    const page = await phone(browser, { javaScript });
    await signInAs(page, spolu, "filip");
    await page.goto(`${spolu.url}/me`);
    await settled(page);
    await page.getByText("Změnit jméno").click();
    const name = page.getByLabel("Vaše jméno");
    await name.fill("F");
    await page.getByRole("button", { name: "Uložit" }).click();
    await page.getByText("Jméno musí mít 2 až 40 znaků.").waitFor();
    await settled(page);
    await page.getByLabel("Vaše jméno").fill(`Filip ${mode}`);
    await page.getByRole("button", { name: "Uložit" }).click();
    await page.getByRole("heading", { name: `Filip ${mode}`, level: 1 }).waitFor();
    if (javaScript) await assertAccessible(page, `/me (${mode})`);
    await shot(page, `me-${mode}`);
    await page.getByRole("link", { name: "Co o vás Spolu ví" }).click();
    await page.getByRole("heading", { name: "Hlasování je tajné" }).waitFor();
    if (javaScript) await assertAccessible(page, `/privacy (${mode})`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}
