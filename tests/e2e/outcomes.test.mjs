// Closing the loop: staff publish an outcome on a decided proposal, a supporter sees the
// notification (with the count on the bottom bar) and the outcome on "What changed". On a phone,
// with and without JavaScript.
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

const runs = [
  // Anna supports both demo proposals; each run decides one of them first.
  { javaScript: true, mode: "js", title: "Víc košů na tříděný odpad" },
  { javaScript: false, mode: "nojs", title: "Stromy podél cesty ke škole" },
];

for (const { javaScript, mode, title } of runs) {
  test(`staff publish an outcome and a supporter is told (${mode})`, async () => {
    const cyril = await phone(browser, { javaScript });
    await signInAs(cyril, spolu, "cyril");
    await cyril.goto(`${spolu.url}/proposals?q=${encodeURIComponent(title.split(" ")[0])}`);
    await cyril.getByRole("link", { name: title }).click();
    await cyril.getByRole("heading", { name: title, level: 1 }).waitFor();
    const address = cyril.url();
    const id = address.split("/").pop();
    // Set-up, not the flow under test: the core group decided it in a meeting today.
    const today = new Date().toISOString().slice(0, 10);
    const meeting = await cyril.request.post(`${spolu.url}/api/record_meeting_tally`, {
      form: { proposal: id, eligibility: "core", held_on: today, yes: "6", no: "1", abstain: "0", quorum: "3", note: "Schůzka v centru." },
      headers: { Accept: "application/json" },
    });
    assert.equal(meeting.status(), 200);

    // The decision counted at the meeting reads as one: 7 people voted there, not "7 of 2".
    await cyril.goto(address);
    await cyril.getByRole("link", { name: "Hlasování a výsledek" }).click();
    await cyril.getByText("Na schůzce hlasovalo 7 lidí.").waitFor();
    await cyril.getByText("Návrh byl přijat.").waitFor();
    await cyril.getByText("Hlasovala jádrová skupina.").waitFor();
    assert.equal(await cyril.getByText(/Hlasoval\S* \d+ z \d+/).count(), 0);
    await shot(cyril, `decision-result-meeting-${mode}`);

    await cyril.goto(address);
    await settled(cyril);
    const section = cyril.locator("section#outcome");
    // Nothing typed yet: every message at once, next to its field.
    await section.getByRole("button", { name: "Zveřejnit, co bude dál" }).click();
    await section.getByText("Napište pár slov.").waitFor();
    await settled(cyril);
    await section.getByLabel("Co se rozhodlo").fill(`Koše přibudou u bloků 1 a 2 (${mode}).`);
    await section.getByLabel("Kdo co udělá").fill("Technické služby města");
    await section.getByLabel("pracuje se na tom").check();
    if (javaScript) await assertAccessible(cyril, `proposal with the outcome form (${mode})`);
    await section.getByRole("button", { name: "Zveřejnit, co bude dál" }).click();
    await cyril.locator("section#outcome .plain-text", { hasText: `Koše přibudou u bloků 1 a 2 (${mode}).` }).waitFor();
    await cyril.locator("section#outcome").getByText("Zveřejněno, co bude dál").waitFor();
    await shot(cyril, `outcome-published-${mode}`);
    assert.deepEqual(cyril.problems, []);
    await cyril.context().close();

    const anna = await phone(browser, { javaScript });
    await signInAs(anna, spolu, "anna");
    await settled(anna);
    const bell = anna.locator("nav.bottom-nav a[href='/notifications']");
    await bell.locator(".nav-count").waitFor();
    assert.match(await bell.innerText(), /\d+/, "the unread count is on the bottom bar");
    await bell.click();
    await anna.getByRole("heading", { name: "Oznámení" }).waitFor();
    const told = anna.locator("li.notification", { hasText: `Víme, co bude dál: „${title}“.` });
    await told.waitFor();
    await told.getByText("Stav: pracuje se na tom").waitFor();
    if (javaScript) await assertAccessible(anna, `/notifications (${mode})`);
    await shot(anna, `notifications-${mode}`);
    // Events about one proposal are one entry.
    assert.equal(await anna.locator("li.notification", { hasText: title }).count(), 1);
    await settled(anna);
    // Opening a notification reads it (and the rest of its proposal's).
    await told.getByRole("link").click();
    await anna.getByRole("heading", { name: title, level: 1 }).waitFor();
    await anna.goto(`${spolu.url}/notifications`);
    await anna.locator("li.notification:not(.unread)", { hasText: title }).waitFor();
    // The rest of the demo's notifications, if any are still unread, all at once.
    await settled(anna);
    const markAll = anna.getByRole("button", { name: "Označit vše jako přečtené" });
    if (await markAll.count()) {
      await markAll.click();
      await anna.locator("li.notification.unread").first().waitFor({ state: "detached" });
    }
    await anna.locator("nav.bottom-nav .nav-count").waitFor({ state: "detached" });

    await anna.locator("li.notification", { hasText: title }).first().getByRole("link").click();
    await anna.getByRole("heading", { name: title, level: 1 }).waitFor();
    await anna.locator("section#outcome").getByText("Technické služby města").waitFor();

    await anna.goto(`${spolu.url}/outcomes`);
    await anna.getByRole("heading", { name: "Co se změnilo" }).waitFor();
    await anna.locator(".outcome-card", { hasText: title }).getByText("pracuje se na tom").waitFor();
    if (javaScript) await assertAccessible(anna, `/outcomes (${mode})`);
    await shot(anna, `outcomes-${mode}`);
    assert.deepEqual(anna.problems, []);
    await anna.context().close();
  });
}

test("What changed reads in English too", async () => {
  const page = await phone(browser, { locale: "en-GB" });
  await page.goto(`${spolu.url}/outcomes`);
  await page.getByRole("heading", { name: "What changed" }).waitFor();
  await page.getByText(/Done this year: \d+\. In progress: \d+\. Planned: \d+\. Not possible: \d+\./).waitFor();
  await page.locator(".outcome-card", { hasText: "Opravit houpačku na hřišti" }).getByText("done").waitFor();
  await shot(page, "outcomes-en");
});

test("staff download the decision results for Excel, with Czech letters intact", async () => {
  const cyril = await phone(browser);
  await signInAs(cyril, spolu, "cyril");
  await cyril.goto(`${spolu.url}/staff`);
  await cyril.getByRole("link", { name: "Data ke stažení" }).click();
  await cyril.getByRole("heading", { name: "Data ke stažení", level: 1 }).waitFor();
  await assertAccessible(cyril, "/staff/exports");
  const [download] = await Promise.all([
    cyril.waitForEvent("download"),
    cyril.getByRole("link", { name: "Výsledky hlasování (CSV)" }).click(),
  ]);
  assert.equal(download.suggestedFilename(), "spolu-decisions.csv");
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "the byte-order mark Excel needs");
  assert.match(bytes.toString("utf8"), /Opravit houpačku na hřišti/);
  await shot(cyril, "exports");
  await cyril.context().close();
});

test("What changed, an outcome's timeline and the notifications at the centre's PC", async () => {
  const page = await phone(browser, { size: { width: 1280, height: 800 } });
  await signInAs(page, spolu, "filip");
  await page.goto(`${spolu.url}/outcomes`);
  await page.locator(".outcome-card", { hasText: "Opravit houpačku na hřišti" }).getByRole("link").click();
  const section = page.locator("section#outcome");
  await section.getByText("Hotovo! Houpačka má nový řetěz a děti už se houpou.").waitFor();
  await assertAccessible(page, "proposal with its outcome (desktop)");
  await shot(page, "outcome-timeline-desktop");
  await page.goto(`${spolu.url}/notifications`);
  await page.locator("li.notification").first().waitFor();
  await assertAccessible(page, "/notifications (desktop)");
  await shot(page, "notifications-desktop");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
