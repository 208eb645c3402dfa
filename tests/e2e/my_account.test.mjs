// "Me": a member renames themselves and reads what Spolu keeps about them. On a phone, with and
// without JavaScript.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
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
    await page.getByRole("button", { name: "Uložit", exact: true }).click();
    await page.getByText("Jméno musí mít 2 až 40 znaků.").waitFor();
    await settled(page);
    await page.getByLabel("Vaše jméno").fill(`Filip ${mode}`);
    await page.getByRole("button", { name: "Uložit", exact: true }).click();
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

const leaving = [
  { javaScript: true, mode: "js", username: "anna", posts: "Nechat návrhy a komentáře", proposal: "Lavička u zastávky", shows: "smazaný účet" },
  { javaScript: false, mode: "nojs", username: "boris", posts: "Smazat text mých návrhů", proposal: "Nástěnka s novinkami ze sídliště", shows: null },
];

for (const { javaScript, mode, username, posts, proposal, shows } of leaving) {
  test(`a member downloads their data and deletes their account (${mode})`, async () => {
    const page = await phone(browser, { javaScript });
    await signInAs(page, spolu, username);
    await page.goto(`${spolu.url}/me`);
    await settled(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Stáhnout moje údaje" }).click(),
    ]);
    const saved = JSON.parse(readFileSync(await download.path(), "utf8"));
    assert.equal(saved.account.username, username);
    assert.ok(saved.proposals.some((p) => p.title === proposal), "their proposal is in the file");

    await page.getByText("Smazat můj účet").click();
    await page.getByLabel(posts).check();
    await page.getByLabel("Vaše heslo (pro potvrzení)").fill("to-neni-ono");
    await page.getByRole("button", { name: "Smazat účet natrvalo" }).click();
    await page.getByText("Současné heslo nesedí.").waitFor();
    await settled(page);
    if (javaScript) await assertAccessible(page, `/me with the delete form (${mode})`);
    await page.getByLabel(posts).check();
    await page.getByLabel("Vaše heslo (pro potvrzení)").fill("spolu-demo");
    await page.getByRole("button", { name: "Smazat účet natrvalo" }).click();
    await page.getByText("Váš účet je smazaný.").waitFor();
    await shot(page, `account-deleted-${mode}`);
    // Signed out, and the account no longer signs in.
    await page.goto(`${spolu.url}/login`);
    await page.fill("#username", username);
    await page.fill("#password", "spolu-demo");
    await page.click("main button[type=submit]");
    await page.locator(".form-error, .field-error").first().waitFor();

    await page.goto(`${spolu.url}/proposals?q=${encodeURIComponent(proposal.split(" ")[0])}`);
    if (shows) {
      await page.getByRole("link", { name: proposal }).click();
      await page.getByText(shows).first().waitFor();
    } else {
      assert.equal(await page.getByRole("link", { name: proposal }).count(), 0, "the removed proposal is off the list");
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test("Me, notifications and the privacy page read in English", async () => {
  const page = await phone(browser, { locale: "en-GB" });
  await signInAs(page, spolu, "eva");
  await page.goto(`${spolu.url}/me`);
  await page.getByRole("heading", { name: "My account" }).waitFor();
  await page.getByRole("link", { name: "Download my data" }).waitFor();
  await page.getByText("Delete my account", { exact: true }).waitFor();
  await assertAccessible(page, "/me in English");
  await shot(page, "me-en");
  await page.goto(`${spolu.url}/notifications`);
  await page.getByRole("heading", { name: "Notifications" }).waitFor();
  await page.getByText(/Someone replied on|Voting has started|has an outcome/).first().waitFor();
  await shot(page, "notifications-en");
  await page.goto(`${spolu.url}/privacy`);
  await page.getByRole("heading", { name: "Voting is secret" }).waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
