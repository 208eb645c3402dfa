// Proposing, finding it in the list and supporting it — on a phone, with and without JavaScript.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { startSpolu, launchBrowser, phone, shot, settled, assertAccessible, signInAs } from "./harness.mjs";

let spolu, browser;
before(async () => {
  spolu = await startSpolu();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await spolu?.stop();
});

const signIn = (page, username) => signInAs(page, spolu, username);

// A photo as a phone camera would hand it over (a demo scene, 1200 × 900 JPEG).
const photoFile = {
  name: "IMG_20261124_101500.jpg",
  mimeType: "image/jpeg",
  buffer: readFileSync(new URL("./fixtures/lavicka.jpg", import.meta.url)),
};

for (const javaScript of [true, false]) {
  const mode = javaScript ? "js" : "nojs";

  test(`a resident proposes, finds it in the list, and another supports it (${mode})`, async () => {
    const title = `Lavička u bloku 5 (${mode})`;
    const anna = await phone(browser, { javaScript });
    await signIn(anna, "anna");
    await anna.getByRole("link", { name: "Navrhnout", exact: true }).click();
    await anna.waitForURL(`${spolu.url}/proposals/new`);
    await settled(anna);
    // A mistake first: a file that is not a photo. What was typed must stay, and the message
    // must say which file was refused.
    await anna.fill("#title", title);
    await anna.fill("#body", "Staří lidé nemají kde sednout.\nPomohla by lavička u vchodu.");
    await anna.setInputFiles("input[name=photos][multiple]", {
      name: "poznámky.txt", mimeType: "text/plain", buffer: Buffer.from("jen text"),
    });
    await anna.click("main button[type=submit]");
    await anna.getByText("Fotka 1 (poznámky.txt): Toto není fotka.").waitFor();
    assert.equal(await anna.inputValue("#title"), title);
    await shot(anna, `new-proposal-error-${mode}`);
    await anna.check("text=Hřiště a děti");
    await anna.setInputFiles("input[name=photos][multiple]", photoFile);
    await anna.click("main button[type=submit]");
    await anna.getByRole("heading", { name: title }).waitFor();
    assert.match(new URL(anna.url()).pathname, /^\/proposals\/\d+$/);
    const address = anna.url();
    // The photo, as a thumbnail; tapping it shows it large, and it closes again.
    // Loaded lazily: brought into view first, as a phone user scrolling to it would.
    await anna.locator(".photos img").scrollIntoViewIfNeeded();
    await anna.waitForFunction(() => document.querySelector(".photos img").naturalWidth > 0);
    await shot(anna, `proposal-${mode}`);
    await anna.getByRole("link", { name: "Zvětšit fotku 1" }).click();
    const large = anna.locator("#photo-1 img");
    await large.waitFor({ state: "visible" });
    await anna.waitForFunction(() => document.querySelector("#photo-1 img").naturalWidth > 0);
    await shot(anna, `proposal-photo-${mode}`);
    await anna.getByRole("link", { name: "Zavřít fotku" }).click();
    await large.waitFor({ state: "hidden" });
    assert.equal(await anna.getByRole("button", { name: "Chci to taky" }).count(), 0, "not for one's own");

    await anna.goto(`${spolu.url}/proposals?q=lavicka`);
    await anna.getByRole("link", { name: title }).waitFor();
    const cardPhoto = anna.getByRole("link", { name: title }).locator("img.card-photo");
    await cardPhoto.scrollIntoViewIfNeeded();
    await anna.waitForFunction((t) => [...document.querySelectorAll(".card-link")]
      .find((a) => a.textContent.includes(t))?.querySelector("img")?.naturalWidth > 0, title);
    await shot(anna, `proposals-search-${mode}`);
    assert.deepEqual(anna.problems, []);
    await anna.context().close();

    const eva = await phone(browser, { javaScript });
    await signIn(eva, "eva");
    await eva.goto(address);
    await eva.getByText("Zatím to nikdo nepodpořil.").waitFor();
    if (javaScript) await eva.evaluate(() => { window.spoluMarker = "kept"; });
    await eva.getByRole("button", { name: "Chci to taky" }).click();
    await eva.getByText("1 člověk to chce taky.").waitFor();
    if (javaScript) assert.equal(await eva.evaluate(() => window.spoluMarker), "kept", "no full reload");
    await eva.getByRole("button", { name: "Vzít zpět" }).click();
    await eva.getByText("Zatím to nikdo nepodpořil.").waitFor();

    // Talk it over: a comment, then a reply to it.
    await eva.fill("#text", "Souhlasím, lavička by pomohla.");
    await eva.getByRole("button", { name: "Odeslat" }).first().click();
    await eva.locator(".comment .plain-text", { hasText: "Souhlasím, lavička by pomohla." }).waitFor();
    await eva.getByRole("heading", { name: "1 komentář" }).waitFor();
    assert.equal(await eva.inputValue("#text"), "", "the box is empty after sending");
    await eva.locator("details.reply summary").first().click();
    await eva.locator("details.reply textarea").first().fill("A ještě stříšku.");
    await eva.locator("details.reply button[type=submit]").first().click();
    await eva.locator(".comment .plain-text", { hasText: "A ještě stříšku." }).waitFor();
    await eva.getByRole("heading", { name: "2 komentáře" }).waitFor();
    if (javaScript) assert.equal(await eva.evaluate(() => window.spoluMarker), "kept", "still no reload");
    await shot(eva, `discussion-${mode}`);
    assert.deepEqual(eva.problems, []);
    await eva.context().close();
  });
}

test("where the server cannot speak, Read aloud uses the phone's voice, and only with JavaScript", async () => {
  // No espeak-ng on its PATH: the server says so at start and the page falls back.
  const spolu = await startSpolu({ env: { PATH: "/nowhere" } });
  try {
    await browserSpeech(spolu);
  } finally {
    await spolu.stop();
  }
});

async function browserSpeech(spolu) {
  const page = await phone(browser, { javaScript: true });
  // Headless Chromium has no voices; record what would be spoken instead.
  await page.addInitScript(() => {
    window.spoken = [];
    window.speechSynthesis.speak = (u) => { window.spoken.push({ text: u.text, lang: u.lang }); };
  });
  await page.goto(`${spolu.url}/proposals?q=houpacku`);
  await page.getByRole("link", { name: "Opravit houpačku na hřišti" }).click();
  await page.getByRole("heading", { name: "Opravit houpačku na hřišti" }).waitFor();
  await page.getByRole("button", { name: "Přečíst nahlas" }).click();
  const spoken = await page.evaluate(() => window.spoken);
  assert.equal(spoken.length, 1);
  assert.equal(spoken[0].lang, "cs-CZ");
  assert.match(spoken[0].text, /^Opravit houpačku na hřišti\. Houpačka má prasklý řetěz/);
  await page.getByRole("button", { name: "Zastavit čtení" }).click();
  await page.getByRole("button", { name: "Přečíst nahlas" }).waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();

  const noJs = await phone(browser, { javaScript: false });
  await noJs.goto(`${spolu.url}/proposals?q=houpacku`);
  await noJs.getByRole("link", { name: "Opravit houpačku na hřišti" }).click();
  await noJs.getByRole("heading", { name: "Opravit houpačku na hřišti" }).waitFor();
  assert.equal(await noJs.getByRole("button", { name: "Přečíst nahlas" }).count(), 0);
  await noJs.context().close();
}

for (const javaScript of [true, false]) {
  test(`a member reports a proposal with a reason (${javaScript ? "js" : "nojs"})`, async () => {
    const page = await phone(browser, { javaScript });
    await signIn(page, javaScript ? "boris" : "dana");
    await page.goto(`${spolu.url}/proposals?q=kola`);
    await page.getByRole("link", { name: "Stojan na kola" }).click();
    await page.getByRole("heading", { name: "Stojan na kola" }).waitFor();
    await page.locator("details.report summary").first().click();
    if (javaScript) await assertAccessible(page, "a proposal with the report form open");
    await page.getByLabel("Je to reklama nebo spam").first().check();
    await page.locator("details.report button[type=submit]").first().click();
    await page.getByText("Nahlášeno. Moderátoři se na to podívají.").first().waitFor();
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test("the list, a proposal and the new-proposal page have no axe violations", async () => {
  const page = await phone(browser);
  await signIn(page, "filip");
  await page.goto(`${spolu.url}/proposals/new`);
  await assertAccessible(page, "/proposals/new");
  await page.fill("#title", "Koše na tříděný odpad");
  await page.fill("#body", "U bloku 3 chybí koše na plast a papír.");
  await page.check("text=Čistota a odpad");
  await page.click("main button[type=submit]");
  await page.getByRole("heading", { name: "Koše na tříděný odpad" }).waitFor();
  await page.fill("#text", "Papír by šel i do centra.");
  await page.getByRole("button", { name: "Odeslat" }).first().click();
  await page.getByRole("heading", { name: "1 komentář" }).waitFor();
  await assertAccessible(page, "a proposal with a comment");
  // The author fixes the title, then changes their mind: withdraw, with a second tap to confirm.
  await page.getByRole("link", { name: "Upravit návrh" }).click();
  await page.getByRole("heading", { name: "Upravit návrh" }).waitFor();
  assert.equal(await page.inputValue("#title"), "Koše na tříděný odpad", "the form starts filled in");
  await assertAccessible(page, "the edit page");
  await page.fill("#title", "Koše na plast a papír");
  await page.click("main button[type=submit]");
  await page.getByRole("heading", { name: "Koše na plast a papír" }).waitFor();
  await page.getByText("Stáhnout návrh", { exact: true }).click();
  await page.getByRole("button", { name: "Ano, stáhnout návrh" }).click();
  await page.locator(".proposal-meta .status-withdrawn").waitFor();
  await page.goto(`${spolu.url}/proposals`);
  await assertAccessible(page, "/proposals");
  await shot(page, "proposals-list");
  await page.context().close();
});
