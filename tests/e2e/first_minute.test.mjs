// The first minute of a resident (issue 14): proposing with a photo works the same before, during
// and after the wasm arrives (and if it never does), the photo is shrunk on the phone with
// progress shown, links open a page at its top, and only the current bottom tab is marked.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSpolu, launchBrowser, phone, shot, settled, signInAs, cameraPhoto } from "./harness.mjs";

let spolu, browser, photo;
before(async () => {
  spolu = await startSpolu({ extraArgs: ["--proposals-per-day", "100"] });
  browser = await launchBrowser();
  photo = await cameraPhoto(browser);
});
after(async () => {
  await browser?.close();
  await spolu?.stop();
});

/** The bytes of the first photo on the proposal page now shown, as the server stored them. */
async function storedPhotoBytes(page) {
  const img = page.locator(".photos img").first();
  await img.scrollIntoViewIfNeeded();
  const src = await img.getAttribute("src");
  const response = await page.request.get(new URL(src, spolu.url).href);
  assert.equal(response.status(), 200);
  return (await response.body()).length;
}

/** Proposes with only a photo and one sentence, as a first-time resident would. */
async function proposeWithPhoto(page, sentence) {
  await page.setInputFiles('input[name="photos"][capture]', photo);
  await page.fill("#body", sentence);
  await page.click("main button[type=submit]");
  await page.getByRole("heading", { name: sentence, level: 1 }).waitFor({ timeout: 60_000 });
  assert.match(new URL(page.url()).pathname, /^\/proposals\/\d+$/);
  await page.getByText("Odesláno. Děkujeme! Sousedé teď váš návrh uvidí.").waitFor();
  // The category was not chosen: it is "Jiné", not a reason to refuse.
  await page.locator(".proposal-meta").getByText("Jiné").waitFor();
}

const wasm = /\/pkg\/.*\.wasm$/;

for (const [label, setUp] of [
  // The wasm never arrives (a dead line, or a bundle gone after a deploy): the page's own script
  // still sends the photo small; the islands router must not take the form over.
  ["the wasm never arrives", async (page) => page.route(wasm, (route) => route.abort())],
  // On a slow line the wasm arrives seconds after the page: the resident submits in between.
  ["the wasm is still loading", async (page) => page.route(wasm, async (route) => {
    await new Promise((done) => setTimeout(done, 20_000));
    await route.continue().catch(() => {});
  })],
  // Neither the wasm nor the helper script arrive: the browser posts the form itself.
  ["no script but the page's arrives", async (page) => page.route(/\/pkg\/.*\.(wasm|js)$/, (route) => route.abort())],
]) {
  test(`a photo proposal works when ${label}`, async () => {
    const page = await phone(browser, { javaScript: true });
    await signInAs(page, spolu, "anna");
    await setUp(page);
    await page.goto(`${spolu.url}/proposals/new`);
    // Photo first, then say it or write one sentence; title and category follow.
    const order = await page.locator("main form .field, main form fieldset").evaluateAll((fields) =>
      fields.map((f) => f.querySelector("input, textarea, select")?.name));
    assert.deepEqual(order.slice(0, 4), ["photos", "voice", "body", "title"], `the form's order: ${order}`);
    const sentence = `Chybí lavička u bloku 5 (${label}).`;
    await proposeWithPhoto(page, sentence);
    const stored = await storedPhotoBytes(page);
    assert.ok(stored < photo.buffer.length / 4, `the photo was stored small (${stored} bytes)`);
    await page.context().close();
  });
}

test("with JavaScript the photo is shrunk before it leaves the phone, with progress shown", async () => {
  const page = await phone(browser, { javaScript: true });
  await signInAs(page, spolu, "anna");
  await page.goto(`${spolu.url}/proposals/new`);
  await settled(page);
  // What leaves the phone: the size of the form's parts as the page hands them to the network.
  await page.evaluate(() => {
    const send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.send = function (body) {
      if (body instanceof FormData) {
        window.sentBytes = [...body.values()].reduce((n, v) => n + (v.size ?? String(v).length), 0);
      }
      return send.call(this, body);
    };
  });
  // A slow upload, so the progress can be seen.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false, latency: 300, downloadThroughput: (1600 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  await page.setInputFiles('input[name="photos"][capture]', photo);
  await page.fill("#body", "Rozbitá lampa u hřiště.");
  await page.click("main button[type=submit]");
  await page.locator(".send-progress").getByText(/Posílám: \d+ %|Zmenšuji fotky/).waitFor();
  await shot(page, "propose-sending");
  const sent = await (await page.waitForFunction(() => window.sentBytes)).jsonValue();
  await page.getByRole("heading", { name: "Rozbitá lampa u hřiště.", level: 1 }).waitFor({ timeout: 60_000 });
  assert.ok(sent > 0 && sent < 700 * 1024, `sent ${sent} bytes for a ${photo.buffer.length}-byte photo`);
  await shot(page, "propose-done");
  assert.deepEqual(page.problems.filter((p) => !p.includes("ERR_")), []);
  await page.context().close();
});

test("without JavaScript the photo goes as it is and the proposal is made", async () => {
  const page = await phone(browser, { javaScript: false });
  await signInAs(page, spolu, "anna");
  await page.goto(`${spolu.url}/proposals/new`);
  await shot(page, "propose-form-nojs");
  await proposeWithPhoto(page, "Chybí koš u zastávky.");
  await page.context().close();
});

test("the sixth proposal of the day is refused once, at the top, in words", async () => {
  const limited = await startSpolu({ extraArgs: ["--proposals-per-day", "1"] });
  try {
    const page = await phone(browser, { javaScript: true });
    await signInAs(page, limited, "filip");
    await page.goto(`${limited.url}/proposals/new`);
    await page.fill("#body", "Jeden návrh.");
    await page.click("main button[type=submit]");
    await page.waitForURL(/\/proposals\/\d+\?sent$/);
    await page.goto(`${limited.url}/proposals/new`);
    await page.fill("#body", "Druhý návrh.");
    await page.click("main button[type=submit]");
    const message = page.locator("main .form-error", { hasText: "Dnes jste už poslali 1 návrh. Další můžete zítra." });
    await message.waitFor();
    assert.equal(await page.locator(".field-error").count(), 0, "not under a field");
    assert.equal(await page.inputValue("#body"), "Druhý návrh.", "what was typed stays");
    await shot(page, "propose-limit");
    await page.context().close();
  } finally {
    await limited.stop();
  }
});

test("following a link opens the page at its top, and one bottom tab is marked", async () => {
  const page = await phone(browser, { javaScript: true });
  await signInAs(page, spolu, "anna");
  await page.goto(`${spolu.url}/proposals`);
  await settled(page);
  // Hydrated: the islands router now swaps pages in place.
  await page.evaluate(() => { window.spoluMarker = "kept"; });
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  assert.ok(await page.evaluate(() => window.scrollY) > 100, "the list is long enough to scroll");
  await page.locator(".cards a").last().click();
  await page.waitForURL(/\/proposals\/\d+$/);
  await page.locator("h1").waitFor();
  await settled(page);
  assert.equal(await page.evaluate(() => window.spoluMarker), "kept", "no full reload");
  assert.equal(await page.evaluate(() => window.scrollY), 0, "the proposal opens at its top");

  await page.locator("nav.bottom-nav a[href='/decisions']").click();
  await page.waitForURL(`${spolu.url}/decisions`);
  await settled(page);
  const marked = await page.locator("nav.bottom-nav a[aria-current='page']").allInnerTexts();
  assert.deepEqual(marked.map((t) => t.trim()), ["Hlasování"]);
  await page.context().close();
});

/** Every control in `main` that is visible: what it says, its height, whether it has an icon. */
async function controls(page) {
  return page.locator("main summary, main button, main a.button, main .action-link").evaluateAll((elements) =>
    elements
      .filter((e) => e.offsetParent !== null && !e.closest(".language-switch") && !e.classList.contains("show-password"))
      .map((e) => ({
        text: e.innerText.trim().split("\n")[0],
        height: e.getBoundingClientRect().height,
        icon: e.querySelector("svg.icon") !== null,
      })));
}

test("controls look tappable: an icon and a word, at least 44 px high", async () => {
  const member = await phone(browser, { javaScript: true });
  await signInAs(member, spolu, "anna");
  const visitor = await phone(browser, { javaScript: true });
  const decided = (await (await member.request.get(`${spolu.url}/decisions`)).text()).match(/href="(\/decisions\/\d+)"/)[1];
  for (const [page, path] of [
    [member, "/me"],
    [member, "/proposals/1"],
    [member, decided],
    [member, "/notifications"],
    [member, "/proposals/new"],
    [visitor, "/login"],
    [visitor, "/join"],
  ]) {
    await page.goto(`${spolu.url}${path}`);
    await settled(page);
    const found = await controls(page);
    assert.ok(found.length > 0, `controls on ${path}`);
    for (const control of found) {
      assert.ok(control.icon, `"${control.text}" on ${path} has an icon`);
      assert.ok(control.height >= 44, `"${control.text}" on ${path} is ${control.height} px high`);
    }
  }
  await member.goto(`${spolu.url}/me`);
  await shot(member, "me-controls");
  const labelSize = await member.locator("nav.bottom-nav a span").first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(labelSize >= 14, `bottom bar labels are ${labelSize} px`);
  await member.context().close();
  await visitor.context().close();
});

test("icons come from one sprite the browser keeps, and are drawn, with and without JavaScript", async () => {
  for (const javaScript of [false, true]) {
    const visitor = await phone(browser, { javaScript });
    const sprite = visitor.waitForResponse((r) => new URL(r.url()).pathname === "/icons.svg");
    await visitor.goto(`${spolu.url}/proposals`);
    const answer = await sprite;
    assert.equal(answer.status(), 200);
    assert.equal(answer.headers()["content-type"], "image/svg+xml");
    assert.match(answer.headers()["cache-control"], /immutable/);
    await settled(visitor);
    // No drawing is repeated in the page; each icon names its symbol and is drawn from it.
    const page = await visitor.content();
    assert.ok(!page.includes("<path"), "no inline drawings");
    const drawn = await visitor.locator("main svg.icon use").first().evaluate((use) => use.getBBox().width);
    assert.ok(drawn > 0, `an icon is drawn (${drawn})`);
    await shot(visitor, `icons-sprite-${javaScript ? "js" : "nojs"}`);
    await visitor.context().close();
  }
});
