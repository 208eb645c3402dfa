// With pre-moderation on, a new proposal waits until staff approve it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSpolu, launchBrowser, phone, assertAccessible, signInAs, shot, settled } from "./harness.mjs";

let spolu, browser;
before(async () => {
  spolu = await startSpolu({ extraArgs: ["--pre-moderation"] });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await spolu?.stop();
});

for (const javaScript of [true, false]) {
  const mode = javaScript ? "js" : "nojs";
  test(`a proposal waits for staff, who approve it (${mode})`, async () => {
    const title = `Lampa u vchodu (${mode})`;
    const anna = await phone(browser, { javaScript });
    await signInAs(anna, spolu, "anna");
    await anna.goto(`${spolu.url}/proposals/new`);
    await anna.fill("#title", title);
    await anna.fill("#body", "Večer je u vchodu tma.");
    await anna.check("text=Bezpečnost");
    await anna.click("main button[type=submit]");
    await anna.getByRole("heading", { name: title }).waitFor();
    await anna.locator(".proposal-meta .status-submitted").waitFor();
    await anna.getByText("Odesláno. Děkujeme! Ostatní návrh uvidí, až ho pracovníci centra schválí.").waitFor();
    const address = anna.url();
    await anna.context().close();

    const eva = await phone(browser, { javaScript });
    await signInAs(eva, spolu, "eva");
    assert.equal((await eva.goto(address)).status(), 404, "others do not see it yet");

    const cyril = await phone(browser, { javaScript });
    await signInAs(cyril, spolu, "cyril");
    await cyril.goto(`${spolu.url}/staff`);
    const card = cyril.locator(".queue-card", { hasText: title });
    await card.waitFor();
    if (javaScript) await assertAccessible(cyril, "/staff");
    await shot(cyril, `staff-waiting-${mode}`);
    await settled(cyril);
    await card.getByRole("button", { name: "Schválit" }).click();
    await card.waitFor({ state: "detached" });
    await cyril.context().close();

    await eva.goto(address);
    await eva.getByRole("heading", { name: title }).waitFor();
    await eva.locator(".proposal-meta .status-open").waitFor();
    await eva.context().close();
  });
}
