// Admin settings: the estate's name changes for everyone at once; the centre's tablet gets a big
// Sign out button; categories and places are edited. With and without JavaScript.
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
  test(`an admin renames the estate, adds a place and marks the tablet (${mode})`, async () => {
    const name = `Janov ${mode}`;
    const dana = await phone(browser, { javaScript });
    await signInAs(dana, spolu, "dana");
    await dana.goto(`${spolu.url}/admin`);
    await dana.getByRole("heading", { name: "Nastavení" }).waitFor();
    if (javaScript) await assertAccessible(dana, "/admin");
    await settled(dana);
    await dana.fill("#estate_name", name);
    await dana.getByRole("button", { name: "Uložit", exact: true }).click();
    await dana.locator(".estate-name", { hasText: name }).waitFor();

    await dana.goto(`${spolu.url}/admin/categories`);
    if (javaScript) await assertAccessible(dana, "/admin/categories");
    await settled(dana);
    const fresh = dana.locator("#place-0");
    await fresh.getByLabel("Název místa").fill(`Lavičky u pošty ${mode}`);
    await fresh.getByRole("button", { name: "Přidat" }).click();
    await dana.getByRole("heading", { name: `Lavičky u pošty ${mode}` }).waitFor();
    await shot(dana, `admin-categories-${mode}`);

    await dana.goto(`${spolu.url}/admin`);
    await settled(dana);
    await dana.fill("#minutes", "10");
    await dana.getByRole("button", { name: "Zapnout pro tento přístroj" }).click();
    await dana.locator(".kiosk-sign-out button", { hasText: "Odhlásit se" }).waitFor();
    await dana.getByText("odhlásí po 10 min").waitFor();
    await shot(dana, `admin-kiosk-${mode}`);
    assert.deepEqual(dana.problems, []);
    await dana.context().close();
  });
}
