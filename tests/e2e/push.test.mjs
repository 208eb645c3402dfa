// Phone notifications on a phone: turning them on from /me (Chromium registers /sw.js and the
// server keeps the subscription), the server posting a reply's news to the push service, the
// service worker showing a push delivered through the DevTools protocol, and opening it landing
// on the right page. Without JavaScript: the words say why, and the switches and the device list
// are plain forms.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { startSpolu, launchBrowser, phone, shot, signInAs, assertAccessible } from "./harness.mjs";

let spolu, browser, service, origin;
const posts = [];

before(async () => {
  // A push service on this machine: the server may post only to it (SPOLU_PUSH_SERVICES).
  service = http.createServer((request, response) => {
    let bytes = 0;
    request.on("data", (chunk) => { bytes += chunk.length; });
    request.on("end", () => {
      posts.push({ path: request.url, bytes, vapid: String(request.headers.authorization ?? "") });
      response.writeHead(201).end();
    });
  });
  await new Promise((done) => service.listen(0, "127.0.0.1", done));
  origin = `http://127.0.0.1:${service.address().port}`;
  spolu = await startSpolu({ env: { SPOLU_PUSH_SERVICES: origin, SPOLU_QUIET_HOURS: "0-0" } });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await spolu?.stop();
  service?.close();
});

/** Chromium here cannot reach Google's push service, so `subscribe` answers what a browser's
 * would: this machine's push service, a real P-256 key and a random secret. */
function subscriptionAt(endpoint) {
  return `(() => {
    const endpoint = ${JSON.stringify(endpoint)};
    const base64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)))
      .replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
    PushManager.prototype.subscribe = async function () {
      const pair = await crypto.subtle.generateKey({ name: "ECDH", namedCurve: "P-256" }, true, ["deriveBits"]);
      const p256dh = base64url(await crypto.subtle.exportKey("raw", pair.publicKey));
      const auth = base64url(crypto.getRandomValues(new Uint8Array(16)));
      return { endpoint, toJSON: () => ({ endpoint, keys: { p256dh, auth } }) };
    };
    PushManager.prototype.getSubscription = async () => null;
  })()`;
}

test("a member turns notifications on, hears of a reply, and the notification opens it", async () => {
  const anna = await phone(browser);
  const context = anna.context();
  await context.grantPermissions(["notifications"], { origin: spolu.url });
  await context.addInitScript(subscriptionAt(`${origin}/push/anna`));
  await signInAs(anna, spolu, "anna");
  await anna.goto(`${spolu.url}/me`);
  const turnOn = anna.getByRole("button", { name: "Zapnout oznámení v tomto telefonu" });
  await turnOn.click();
  await anna.getByText("Hotovo. Oznámení budou chodit do tohoto telefonu.").waitFor();
  await anna.locator(".push-devices li", { hasText: "Tento telefon" }).waitFor();
  assert.equal(await anna.locator(".push-needs-script").isVisible(), false);
  assert.equal(await turnOn.isVisible(), false, "the button has done its work");
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
  assert.match(worker.url(), /\/sw\.js$/);
  await anna.locator("#phone-notifications").scrollIntoViewIfNeeded();
  await shot(anna, "push-turned-on-js");
  // The server lists the phone by its name from now on.
  await anna.reload();
  await anna.locator(".push-devices li", { hasText: "Chrome" }).waitFor();
  await assertAccessible(anna, "/me with phone notifications");

  // Anna says something on a proposal; Eva answers her (without JavaScript, as on an old phone).
  await anna.goto(`${spolu.url}/proposals`);
  await anna.locator(".cards a.card-link").first().click();
  await anna.waitForURL(/\/proposals\/\d+$/);
  const proposalUrl = anna.url();
  await anna.fill("#text", "Na schodech chybí světlo.");
  await anna.getByRole("button", { name: "Odeslat" }).first().click();
  const annasComment = anna.locator(".comment", { hasText: "Na schodech chybí světlo." });
  await annasComment.waitFor();
  const eva = await phone(browser, { javaScript: false });
  await signInAs(eva, spolu, "eva");
  await eva.goto(proposalUrl);
  const reply = eva.locator("ol.comments > li", { hasText: "Na schodech chybí světlo." }).locator("details.reply");
  await reply.locator("summary").click();
  await reply.locator("textarea").fill("Nahlásím to správci.");
  await reply.locator("button[type=submit]").click();
  await eva.locator(".comment .plain-text", { hasText: "Nahlásím to správci." }).waitFor();
  await eva.context().close();

  // The server posted the news to Anna's push service, signed with its VAPID key, encrypted.
  for (let i = 0; i < 100 && !posts.some((p) => p.path === "/push/anna"); i++) {
    await new Promise((done) => setTimeout(done, 100));
  }
  const post = posts.find((p) => p.path === "/push/anna");
  assert.ok(post, `a push for Anna: ${JSON.stringify(posts)}`);
  assert.match(post.vapid, /^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]+$/);
  assert.ok(post.bytes > 100, "an encrypted payload");

  // What the service hands the phone: the bell's sentence and its link, delivered to the service
  // worker through the DevTools protocol as a push service would.
  await anna.goto(`${spolu.url}/notifications`);
  const newest = anna.locator("ul.notifications li").first();
  const body = (await newest.locator("p").first().innerText()).trim();
  const link = await newest.locator("a[href$='/open']").first().getAttribute("href");
  assert.match(link, /^\/notifications\/\d+\/open$/);
  const cdp = await context.newCDPSession(anna);
  const registrations = [];
  cdp.on("ServiceWorker.workerRegistrationUpdated", (e) => registrations.push(...e.registrations));
  await cdp.send("ServiceWorker.enable");
  for (let i = 0; i < 50 && !registrations.some((r) => !r.isDeleted); i++) {
    await new Promise((done) => setTimeout(done, 100));
  }
  const registration = registrations.find((r) => !r.isDeleted);
  assert.ok(registration, "the service worker is registered");
  await cdp.send("ServiceWorker.deliverPushMessage", {
    origin: spolu.url,
    registrationId: registration.registrationId,
    data: JSON.stringify({ title: "Spolu", body, url: link, tag: "test" }),
  });
  const shown = await anna.waitForFunction(async () => {
    const ready = await navigator.serviceWorker.ready;
    const list = await ready.getNotifications();
    return list.length ? list.map((n) => ({ title: n.title, body: n.body, url: n.data?.url })) : null;
  });
  assert.deepEqual(await shown.jsonValue(), [{ title: "Spolu", body, url: link }]);

  // Tapping it: the worker opens the link in Anna's window (the tap itself cannot be made in a
  // headless browser; this is the function the tap calls), which lands on the proposal.
  await worker.evaluate((url) => openPage(url), link);
  await anna.waitForURL(proposalUrl);
  await anna.getByText("Nahlásím to správci.").waitFor();
  assert.deepEqual(anna.problems, []);
  await context.close();
});

test("without JavaScript the switches and the devices are plain forms (in English)", async () => {
  const anna = await phone(browser, { javaScript: false, locale: "en-GB" });
  await signInAs(anna, spolu, "anna");
  await anna.goto(`${spolu.url}/me`);
  await anna.getByRole("heading", { name: "Phone notifications" }).waitFor();
  await anna.getByText("Notifications cannot be turned on here", { exact: false }).waitFor();
  assert.equal(await anna.getByRole("button", { name: "Turn on notifications on this phone" }).isVisible(), false);
  // The results of votes: switched off, kept.
  const results = anna.getByLabel("The result of a vote");
  assert.equal(await results.isChecked(), true);
  await results.uncheck();
  await anna.locator("#phone-notifications form.form button[type=submit]").click();
  await anna.waitForURL(/\/me(\?.*)?$/);
  await anna.getByLabel("The result of a vote").waitFor();
  assert.equal(await anna.getByLabel("The result of a vote").isChecked(), false);
  assert.equal(await anna.getByLabel("Someone replied to me").isChecked(), true);
  await anna.locator("#phone-notifications").scrollIntoViewIfNeeded();
  await shot(anna, "push-switches-nojs-en");
  // The phone from the first test is removed from here.
  await anna.locator(".push-devices li", { hasText: "Chrome" }).getByRole("button", { name: "Remove" }).click();
  await anna.waitForURL(/\/me(\?.*)?$/);
  await anna.getByText("Nowhere yet.").waitFor();
  await anna.context().close();
});
