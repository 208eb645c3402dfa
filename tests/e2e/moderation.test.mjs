// Moderation: a resident reports a comment, staff hide it from the queue, and everyone sees the
// reason in place of the words. On a phone (with and without JavaScript) and at the centre's PC.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSpolu, launchBrowser, phone, assertAccessible, signInAs, shot, settled } from "./harness.mjs";

const DESKTOP = { width: 1280, height: 800 };
let spolu, browser;
before(async () => {
  spolu = await startSpolu();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await spolu?.stop();
});

/** The address of the demo proposal "Stojan na kola". */
async function bikeStand(page) {
  await page.goto(`${spolu.url}/proposals?q=kola`);
  await page.getByRole("link", { name: "Stojan na kola" }).click();
  await page.getByRole("heading", { name: "Stojan na kola" }).waitFor();
  return page.url();
}

const runs = [
  { javaScript: true, size: undefined, mode: "js" },
  { javaScript: false, size: undefined, mode: "nojs" },
  { javaScript: true, size: DESKTOP, mode: "desktop" },
];

for (const { javaScript, size, mode } of runs) {
  test(`a reported comment is hidden from the queue and shows the reason (${mode})`, async () => {
    const words = `Zavolejte Karlovi na 777 ${mode}`;
    const anna = await phone(browser, { javaScript, size });
    await signInAs(anna, spolu, "anna");
    const address = await bikeStand(anna);
    await settled(anna);
    await anna.fill("#text", words);
    await anna.locator(".comment-form button[type=submit]").click();
    await anna.locator("article.comment", { hasText: words }).waitFor();
    await anna.context().close();

    const filip = await phone(browser, { javaScript, size });
    await signInAs(filip, spolu, "filip");
    await filip.goto(address);
    const comment = filip.locator("article.comment", { hasText: words });
    await settled(filip);
    await comment.locator("details.report summary").click();
    await comment.getByLabel("Jsou tu osobní údaje").check();
    await comment.locator("details.report button[type=submit]").click();
    await filip.locator("article.comment", { hasText: words }).getByText("Nahlášeno.").waitFor();

    const cyril = await phone(browser, { javaScript, size });
    await signInAs(cyril, spolu, "cyril");
    await cyril.goto(`${spolu.url}/staff`);
    const card = cyril.locator("section[aria-labelledby=moderation-reported] .queue-card", { hasText: words });
    await card.waitFor();
    await card.getByText("Jsou tu osobní údaje (1×)").waitFor();
    if (javaScript) await assertAccessible(cyril, `/staff (${mode})`);
    await shot(cyril, `moderation-queue-${mode}`);
    await settled(cyril);
    await card.getByLabel("Proč skrýt (uvidí to všichni)").selectOption("personal_information");
    await card.getByRole("button", { name: "Skrýt" }).click();
    const hidden = cyril.locator("section[aria-labelledby=moderation-hidden] .queue-card", { hasText: words });
    await hidden.getByText("Skryto moderátory: osobní údaje").waitFor();
    await hidden.getByRole("button", { name: "Znovu zobrazit" }).waitFor();
    assert.equal(await cyril.locator("section[aria-labelledby=moderation-reported] .queue-card", { hasText: words }).count(), 0);

    await cyril.goto(`${spolu.url}/staff/log`);
    await cyril.locator(".log-line", { hasText: "skryl(a)" }).first().waitFor();
    if (javaScript) await assertAccessible(cyril, `/staff/log (${mode})`);
    await shot(cyril, `moderation-log-${mode}`);
    assert.deepEqual(cyril.problems, []);
    await cyril.context().close();

    await filip.goto(address);
    await filip.getByText("Skryto moderátory: osobní údaje").first().waitFor();
    assert.equal(await filip.getByText(words).count(), 0, "the words are gone");
    await shot(filip, `moderation-hidden-comment-${mode}`);
    assert.deepEqual(filip.problems, []);
    await filip.context().close();
  });
}
