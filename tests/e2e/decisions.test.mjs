// A decision from start to end on a phone, with and without JavaScript: staff open a vote on a
// proposal, a core-group member votes and changes the vote, staff close it, the result shows.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
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

const proposals = { js: "Nástěnka s novinkami ze sídliště", nojs: "Víc košů na tříděný odpad" };

for (const javaScript of [true, false]) {
  const mode = javaScript ? "js" : "nojs";

  test(`staff open a vote, a core member votes and changes it, the result shows (${mode})`, async () => {
    const staff = await phone(browser, { javaScript });
    await signInAs(staff, spolu, "cyril");
    await staff.goto(`${spolu.url}/proposals`);
    await staff.getByRole("link", { name: proposals[mode] }).click();
    await staff.getByRole("link", { name: "Otevřít hlasování" }).click();
    await staff.getByRole("heading", { name: "Hlasování o návrhu" }).waitFor();
    await settled(staff);
    // A mistake first: nobody can be the quorum of zero.
    await staff.fill("#quorum", "0");
    await staff.click("main button[type=submit]");
    await staff.getByText("Napište číslo od 1 do 10 000.").waitFor();
    await staff.fill("#quorum", "1");
    await staff.click("main button[type=submit]");
    await staff.waitForURL(/\/decisions\/\d+$/);
    const address = staff.url();
    await staff.getByText("Návrh projde, když bude víc hlasů Ano než Ne.").waitFor();
    await shot(staff, `decision-open-${mode}`);

    const boris = await phone(browser, { javaScript });
    await signInAs(boris, spolu, "boris");
    // The home page says a vote is waiting, and leads to it.
    await boris.getByRole("heading", { name: "Čeká na váš hlas" }).waitFor();
    await boris.locator(".card", { hasText: proposals[mode] }).getByRole("link", { name: "Hlasovat" }).click();
    await boris.waitForURL(address);
    if (javaScript) await boris.evaluate(() => { window.spoluMarker = "kept"; });
    await boris.getByRole("button", { name: "Ano" }).click();
    await boris.getByText("Váš hlas je uložen: Ano.").waitFor();
    await boris.getByRole("button", { name: "Ne" }).click();
    await boris.getByText("Váš hlas je uložen: Ne.").waitFor();
    assert.equal(await boris.getByRole("button", { name: "Ne" }).getAttribute("aria-pressed"), "true");
    if (javaScript) assert.equal(await boris.evaluate(() => window.spoluMarker), "kept", "no full reload");
    await shot(boris, `decision-vote-${mode}`);
    if (javaScript) await assertAccessible(boris, "the vote page");

    // Anna is not in the core group: she is told why instead of given buttons.
    const anna = await phone(browser, { javaScript });
    await signInAs(anna, spolu, "anna");
    await anna.goto(address);
    await anna.getByText("O tomto návrhu hlasuje jen jádrová skupina.").waitFor();
    assert.equal(await anna.getByRole("button", { name: "Ano" }).count(), 0);
    await anna.context().close();

    await staff.reload();
    await staff.getByRole("button", { name: "Ukončit hlasování teď" }).click();
    await staff.getByText("Návrh nebyl přijat.").waitFor();

    await boris.goto(address);
    await boris.getByText("Návrh nebyl přijat.").waitFor();
    await boris.getByText("Hlasovali jste. Jak, to nikdo nevidí.").waitFor();
    await boris.getByText("Ne: 1").waitFor();
    // A closed decision says what was: who voted, how many of how many.
    await boris.getByText("Hlasovala jádrová skupina.").waitFor();
    await boris.getByText(/^Hlasoval 1 z \d+ (člověka, který mohl|lidí, kteří mohli)\./).waitFor();
    assert.equal(await boris.locator(".result-chart svg").count(), 1, "a chart drawn on the server");
    await shot(boris, `decision-result-${mode}`);
    if (javaScript) await assertAccessible(boris, "the results page");
    assert.deepEqual(boris.problems, []);
    assert.deepEqual(staff.problems, []);
    await boris.context().close();
    await staff.context().close();
  });
}

for (const javaScript of [true, false]) {
  const mode = javaScript ? "js" : "nojs";

  test(`a member spreads dots in a priority poll, and too many are refused (${mode})`, async () => {
    const dana = await phone(browser, { javaScript });
    await signInAs(dana, spolu, "dana");
    await dana.goto(`${spolu.url}/decisions`);
    await dana.getByRole("link", { name: "Co udělat na jaře jako první?" }).click();
    await dana.getByRole("heading", { name: "Rozdělte své body" }).waitFor();
    await settled(dana);
    const inputs = dana.locator("input[name='dots[]']");
    assert.equal(await inputs.count(), 3);
    await inputs.nth(0).fill("2");
    await inputs.nth(1).fill("2");
    await inputs.nth(2).fill("0");
    await dana.getByRole("button", { name: "Uložit body" }).click();
    await dana.getByText("Rozdali jste víc bodů, než máte.").waitFor();
    await settled(dana);
    await dana.locator("input[name='dots[]']").nth(0).fill("1");
    await dana.locator("input[name='dots[]']").nth(1).fill("2");
    await dana.locator("input[name='dots[]']").nth(2).fill("0");
    await dana.getByRole("button", { name: "Uložit body" }).click();
    await dana.getByText("Vaše body jsou uložené.").waitFor();
    assert.equal(await dana.locator("input[name='dots[]']").nth(1).inputValue(), "2", "the dots stay shown");
    await shot(dana, `poll-${mode}`);
    if (javaScript) await assertAccessible(dana, "the poll page");
    assert.deepEqual(dana.problems, []);
    await dana.context().close();
  });
}
