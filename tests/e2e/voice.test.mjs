// Speaking instead of writing, on a phone: a proposal sent as a recording from the phone's
// own recorder without JavaScript; a comment recorded with the record button (Chromium's fake
// microphone); staff listen and write the words, and then everyone hears it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chromium } from "playwright-core";
import { startSpolu, launchBrowser, phone, signInAs, shot, settled, assertAccessible, audioSeconds } from "./harness.mjs";

let spolu, browser, withMicrophone;
before(async () => {
  spolu = await startSpolu();
  browser = await launchBrowser();
  // A microphone that plays a beep, allowed without asking.
  withMicrophone = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--use-fake-device-for-media-stream",
      "--use-fake-ui-for-media-stream",
    ],
  });
});
after(async () => {
  await browser?.close();
  await withMicrophone?.close();
  await spolu?.stop();
});

/** What an Android phone's recorder makes: AAC in MP4, here a Czech sentence by eSpeak NG. */
function phoneRecording() {
  const wav = execFileSync("espeak-ng", ["-v", "cs", "--stdout", "Chtěla bych u vchodu novou lavičku."]);
  return execFileSync(
    "ffmpeg",
    ["-loglevel", "error", "-i", "pipe:0", "-c:a", "aac", "-b:a", "48k",
      "-movflags", "frag_keyframe+empty_moov", "-f", "mp4", "pipe:1"],
    { input: wav },
  );
}

test("a proposal said into the phone's recorder waits for staff, who write it down (no JavaScript)", async () => {
  const anna = await phone(browser, { javaScript: false });
  await signInAs(anna, spolu, "anna");
  await anna.goto(`${spolu.url}/proposals/new`);
  const field = anna.locator("input[type=file][name=voice]");
  assert.equal(await field.getAttribute("accept"), "audio/*");
  assert.notEqual(await field.getAttribute("capture"), null, "opens the phone's recorder");
  // Without JavaScript the record button never shows.
  assert.equal(await anna.locator(".voice-recorder").isVisible(), false);
  await field.setInputFiles({ name: "Nahrávka.m4a", mimeType: "audio/mp4", buffer: phoneRecording() });
  await shot(anna, "voice-proposal-form-nojs");
  await anna.locator("main form button[type=submit]").last().click();
  await anna.waitForURL(/\/proposals\/\d+/);
  const address = anna.url().split("?")[0];
  await anna.getByText("až ho pracovníci centra schválí").waitFor();
  const mine = anna.locator("figure.voice audio");
  assert.match(await mine.getAttribute("src"), /^\/proposals\/\d+\/voice$/);
  await shot(anna, "voice-proposal-sent-nojs");

  // Nobody else hears it yet.
  const visitor = await phone(browser);
  const response = await visitor.request.get(`${spolu.url}${await mine.getAttribute("src")}`);
  assert.equal(response.status(), 404);

  const cyril = await phone(browser);
  await signInAs(cyril, spolu, "cyril");
  await cyril.goto(`${spolu.url}/staff`);
  const card = cyril.locator(".queue-card", { has: cyril.locator("figure.voice") }).first();
  await card.getByText("Poslechněte si zprávu").waitFor();
  // Staff listen: the recording loads and has a length.
  const seconds = await audioSeconds(card.locator("figure.voice audio"));
  assert.ok(Number.isFinite(seconds) && seconds > 1, `duration ${seconds}`);
  await assertAccessible(cyril, "/staff with a voice message");
  await shot(cyril, "voice-staff-queue");
  await card.locator("input[name=title]").fill("Nová lavička u vchodu");
  await card.locator("textarea[name=text]").fill("Chtěla bych u vchodu novou lavičku.");
  await card.locator("details.edit").getByRole("button", { name: "Uložit" }).click();
  await settled(cyril);
  const written = cyril.locator(".queue-card", { hasText: "Nová lavička u vchodu" });
  await written.getByRole("button", { name: "Schválit" }).click();
  // Approved, it leaves the queue; only then may a visitor find it.
  await written.waitFor({ state: "detached", timeout: 30000 });

  await visitor.goto(address);
  await visitor.getByText("Chtěla bych u vchodu novou lavičku.").waitFor();
  assert.equal(await visitor.locator("figure.voice audio").count(), 1, "the voice plays for everyone");
  await shot(visitor, "voice-proposal-public");
  for (const page of [anna, visitor, cyril]) await page.context().close();
});

test("a comment recorded with the record button is sent with the form (JavaScript, fake microphone)", async () => {
  const eva = await phone(withMicrophone);
  await signInAs(eva, spolu, "eva");
  await eva.goto(`${spolu.url}/proposals`);
  await eva.goto(`${spolu.url}${await eva.locator(".cards a.card-link").first().getAttribute("href")}`);
  await eva.locator("details.voice-comment summary").click();
  const record = eva.getByRole("button", { name: "Nahrát hlas" });
  // The button appears once the island has hydrated and found MediaRecorder.
  await record.waitFor({ state: "visible", timeout: 30000 });
  await record.click();
  await eva.getByText(/Nahrávám… 0:0[1-9]/).waitFor({ timeout: 10000 });
  await shot(eva, "voice-recording-js");
  await eva.getByRole("button", { name: "Zastavit" }).click();
  await eva.getByText(/Nahráno: 0:0\d/).waitFor();
  const files = await eva.locator("#comment-voice").evaluate((input) => input.files.length);
  assert.equal(files, 1, "the recording is in the form's own file field");
  await shot(eva, "voice-recorded-js");
  await eva.getByRole("button", { name: "Poslat hlasovou zprávu" }).click();
  // The page comes again with the comment, held for staff but shown to its author.
  const comment = eva.locator("article.comment", { has: eva.locator("figure.voice") }).last();
  await comment.waitFor({ timeout: 30000 });
  assert.match(await comment.innerText(), /čeká|schvál/i, "held for staff");
  await comment.scrollIntoViewIfNeeded();
  await shot(eva, "voice-comment-sent-js");
  assert.deepEqual(eva.problems.filter((p) => !p.includes("favicon")), []);
  await eva.context().close();
});

test("staff read an open decision aloud in their own voice, which then plays instead of the machine's", async () => {
  const cyril = await phone(browser, { javaScript: false });
  await signInAs(cyril, spolu, "cyril");
  await cyril.goto(`${spolu.url}/decisions`);
  const links = await cyril.locator("main a[href^='/decisions/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  let address = null;
  for (const href of links) {
    await cyril.goto(`${spolu.url}${href}`);
    if (await cyril.locator("details.reading").count()) { address = cyril.url(); break; }
  }
  assert.ok(address, "an open decision staff may read");
  await cyril.locator("details.reading summary").click();
  await cyril.locator("details.reading input[name=voice]").setInputFiles({ name: "cteni.m4a", mimeType: "audio/mp4", buffer: phoneRecording() });
  await shot(cyril, "voice-reading-form-nojs");
  await cyril.getByRole("button", { name: "Uložit nahrávku" }).click();
  await cyril.waitForURL(address);

  const visitor = await phone(browser);
  await visitor.goto(address);
  const player = visitor.locator("article.decision figure.listen audio");
  const seconds = await audioSeconds(player);
  // The staff's one sentence, not the machine's question, rule and dates.
  assert.ok(seconds > 1 && seconds < 5, `duration ${seconds}`);
  for (const page of [cyril, visitor]) await page.context().close();
});
