// Joining with a code, signing out and signing in — on a phone, with and without JavaScript.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSpolu, launchBrowser, phone, shot } from "./harness.mjs";

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
  const mode = javaScript ? "with JavaScript" : "without JavaScript";

  test(`a resident joins with a code, signs out and signs back in (${mode})`, async () => {
    const [code] = spolu.invite("resident");
    const page = await phone(browser, { javaScript });
    const [name, username] = javaScript ? ["Žofie J.", "zofie.j"] : ["Žofie N.", "zofie.n"];

    await page.goto(`${spolu.url}/join?code=${code}`);
    assert.equal(await page.inputValue("#code"), code, "the QR link filled in the code");
    // As the slip says: a code, a name, a password. The sign-in name is made from the name.
    assert.equal(await page.locator("main input:visible").count(), 3);
    await page.fill("#display_name", name);
    await page.fill("#password", "krátké");
    await shot(page, `join-${javaScript ? "js" : "nojs"}`);
    if (javaScript) {
      // Marks this document: a full reload would lose it, the islands router keeps it.
      await page.evaluate(() => { window.spoluMarker = "kept"; });
    }
    await page.click("main button[type=submit]");
    await page.getByText("Heslo musí mít aspoň 8 znaků.").waitFor();
    await shot(page, `join-error-${javaScript ? "js" : "nojs"}`);
    assert.equal(await page.getAttribute("#password", "aria-invalid"), "true");
    assert.equal(await page.inputValue("#display_name"), name, "what was typed is kept");

    await page.fill("#code", code.toLowerCase().replace("-", " "));
    await page.fill("#display_name", name);
    await page.fill("#password", "dlouhé heslo");
    await page.click("main button[type=submit]");
    await page.getByText(`Vítejte ve Spolu! Příště se přihlásíte jménem ${username} a svým heslem.`).waitFor();
    assert.equal(new URL(page.url()).pathname, "/");
    if (javaScript) {
      assert.equal(await page.evaluate(() => window.spoluMarker), "kept", "no full page reload");
    }
    await shot(page, `home-joined-${javaScript ? "js" : "nojs"}`);

    await page.click("nav >> text=Já");
    await page.getByRole("heading", { name }).waitFor();
    await page.click("text=Odhlásit se");
    await page.getByRole("link", { name: "Přidat se" }).waitFor();

    await page.goto(`${spolu.url}/login`);
    await page.fill("#username", username);
    await page.fill("#password", "dlouhé heslo");
    await page.click("main button[type=submit]");
    await page.getByText(`Vítejte zpět, ${name}.`).waitFor();
    assert.deepEqual(page.problems, [], "no errors in the browser console");
    await page.context().close();
  });

  test(`a used code gets a plain message next to the field (${mode})`, async () => {
    const [code] = spolu.invite("resident");
    const first = await phone(browser, { javaScript });
    await first.goto(`${spolu.url}/join?code=${code}`);
    await first.fill("#display_name", "První");
    await first.fill("#password", "dlouhé heslo");
    await first.click("main button[type=submit]");
    await first.getByText("Vítejte ve Spolu!").waitFor();
    await first.context().close();

    const second = await phone(browser, { javaScript });
    await second.goto(`${spolu.url}/join?code=${code}`);
    await second.fill("#display_name", "Druhý");
    await second.fill("#password", "dlouhé heslo");
    await second.click("main button[type=submit]");
    await second.getByText("Tento kód už neplatí. Požádejte v centru o nový.").waitFor();
    assert.equal(await second.getAttribute("#code", "aria-invalid"), "true");
    await second.context().close();
  });
}

test("the password can be shown once JavaScript runs, and not before", async () => {
  const withJs = await phone(browser, { javaScript: true });
  await withJs.goto(`${spolu.url}/login`);
  const toggle = withJs.getByRole("button", { name: "Ukázat heslo" });
  await toggle.waitFor();
  await withJs.fill("#password", "tajné");
  await toggle.click();
  assert.equal(await withJs.getAttribute("#password", "type"), "text");
  await withJs.getByRole("button", { name: "Skrýt heslo" }).click();
  assert.equal(await withJs.getAttribute("#password", "type"), "password");
  assert.deepEqual(withJs.problems, []);
  await withJs.context().close();

  const withoutJs = await phone(browser, { javaScript: false });
  await withoutJs.goto(`${spolu.url}/login`);
  assert.equal(await withoutJs.getByRole("button", { name: "Ukázat heslo" }).count(), 0);
  await withoutJs.context().close();
});

test("the language switch changes to English and back, with and without JavaScript", async () => {
  for (const javaScript of [true, false]) {
    const page = await phone(browser, { javaScript });
    await page.goto(`${spolu.url}/login`);
    await page.click("button:has-text('English')");
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    assert.equal(new URL(page.url()).pathname, "/login");
    await shot(page, `login-en-${javaScript ? "js" : "nojs"}`);
    await page.click("button:has-text('Čeština')");
    await page.getByRole("heading", { name: "Přihlásit se" }).waitFor();
    await page.context().close();
  }
});
