// "Listen": a proposal read aloud by the server, in a plain audio player — on a phone, with and
// without JavaScript. Nothing is fetched before play; the audio loads and has a length.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSpolu, launchBrowser, phone, shot, audioSeconds } from "./harness.mjs";

let spolu, browser;
before(async () => {
  spolu = await startSpolu();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await spolu?.stop();
});

/** The first demo proposal's address, as a visitor finds it in the list. */
async function firstProposal(page) {
  await page.goto(`${spolu.url}/proposals`);
  const href = await page.locator(".cards a.card-link").first().getAttribute("href");
  return `${spolu.url}${href}`;
}

for (const javaScript of [true, false]) {
  const mode = javaScript ? "js" : "nojs";

  test(`a visitor listens to a proposal read aloud (${mode})`, async () => {
    const page = await phone(browser, { javaScript });
    const address = await firstProposal(page);
    const audioRequests = [];
    page.on("request", (r) => { if (r.url().includes("/listen")) audioRequests.push(r.url()); });
    await page.goto(address);
    // The proposal's own player (each comment has a smaller one of its own).
    const player = page.locator("figure.listen:not(.compact) audio");
    await player.waitFor();
    await page.getByText("Poslechnout").waitFor();
    assert.equal(await player.getAttribute("preload"), "none");
    assert.deepEqual(audioRequests, [], "nothing is downloaded before play");
    await player.scrollIntoViewIfNeeded();
    await shot(page, `listen-${mode}`);
    const src = await player.getAttribute("src");
    assert.match(src, /^\/proposals\/\d+\/listen\?lang=cs$/);
    if (javaScript) {
      // What pressing play starts: the browser loads the audio and learns how long it is.
      const seconds = await audioSeconds(player);
      assert.ok(Number.isFinite(seconds) && seconds > 1, `duration ${seconds}`);
    } else {
      // Without JavaScript the phone's own player fetches the same address.
      const response = await page.request.get(`${spolu.url}${src}`);
      assert.equal(response.status(), 200);
      assert.equal(response.headers()["content-type"], "audio/ogg");
      assert.ok((await response.body()).subarray(0, 4).equals(Buffer.from("OggS")));
    }
    await page.context().close();
  });
}

test("an English page reads in English", async () => {
  const page = await phone(browser, { locale: "en-GB" });
  await page.goto(await firstProposal(page));
  await page.getByText("Listen", { exact: true }).waitFor();
  assert.match(await page.locator("figure.listen:not(.compact) audio").getAttribute("src"), /lang=en$/);
  await page.context().close();
});

test("a decision is read aloud where its page says the rule, and the audio has a length", async () => {
  const page = await phone(browser);
  await page.goto(`${spolu.url}/decisions`);
  await page.goto(`${spolu.url}${await page.locator("main a[href^='/decisions/']").first().getAttribute("href")}`);
  const player = page.locator("article.decision figure.listen audio");
  await player.waitFor();
  assert.match(await player.getAttribute("src"), /^\/decisions\/\d+\/listen\?lang=cs$/);
  const seconds = await audioSeconds(player);
  assert.ok(Number.isFinite(seconds) && seconds > 2, `duration ${seconds}`);
  await shot(page, "listen-decision");
  await page.context().close();
});
