// Staff tools at the centre: printing invitation slips, and a new password for someone standing
// at the desk. On a phone, with and without JavaScript; the print page also as printed (A4).
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
  test(`staff make a batch of invites and print it (${mode})`, async () => {
    const note = `pro paní K. (${mode})`;
    const cyril = await phone(browser, { javaScript });
    await signInAs(cyril, spolu, "cyril");
    await cyril.goto(`${spolu.url}/staff/invites`);
    await settled(cyril);
    await cyril.fill("#count", "3");
    await cyril.fill("#note", note);
    await cyril.getByRole("button", { name: "Vytvořit kódy" }).click();
    const batch = cyril.locator(".queue-card", { hasText: note });
    await batch.waitFor();
    assert.equal(await batch.locator(".invite-code").count(), 3);
    if (javaScript) await assertAccessible(cyril, "/staff/invites with a batch");
    await shot(cyril, `invites-batch-${mode}`);
    await settled(cyril);
    await batch.getByRole("link", { name: "Vytisknout nepoužité (3)" }).click();
    await cyril.locator(".slip").first().waitFor();
    assert.equal(await cyril.locator(".slip svg").count(), 3, "a QR code on every slip");
    if (javaScript) await assertAccessible(cyril, "/staff/invites/print");
    await shot(cyril, `invites-print-${mode}`);
    assert.deepEqual(cyril.problems, []);
    await cyril.context().close();
  });
}

test("the slips print on A4 without the site's header and navigation", async () => {
  const cyril = await phone(browser, { size: { width: 794, height: 1123 } });
  await signInAs(cyril, spolu, "cyril");
  await cyril.goto(`${spolu.url}/staff/invites`);
  await cyril.locator(".queue-card a.button").first().click();
  await cyril.locator(".slip").first().waitFor();
  await cyril.emulateMedia({ media: "print" });
  assert.equal(await cyril.locator(".bottom-nav").isVisible(), false);
  assert.equal(await cyril.locator(".site-header").isVisible(), false);
  assert.equal(await cyril.getByRole("heading", { name: "Tisk pozvánek" }).isVisible(), false);
  const columns = await cyril.locator(".slips").evaluate((el) => getComputedStyle(el).gridTemplateColumns.split(" ").length);
  assert.equal(columns, 2, "two slips across");
  await shot(cyril, "invites-print-a4");
  await cyril.context().close();
});

for (const javaScript of [true, false]) {
  const mode = javaScript ? "js" : "nojs";
  test(`a member who forgot the password gets a code at the desk and sets a new one (${mode})`, async () => {
    const username = javaScript ? "filip" : "anna";
    const name = javaScript ? "Filip" : "Anna";
    const cyril = await phone(browser, { javaScript });
    await signInAs(cyril, spolu, "cyril");
    await cyril.goto(`${spolu.url}/staff/members?q=${name}`);
    const card = cyril.locator(".queue-card", { hasText: name });
    await card.waitFor();
    await settled(cyril);
    await card.getByRole("button", { name: "Kód pro nové heslo" }).click();
    const codeText = card.locator(".reset-code .invite-code");
    await codeText.waitFor();
    const code = (await codeText.textContent()).trim();
    if (javaScript) await assertAccessible(cyril, "/staff/members with a reset code");
    await shot(cyril, `members-reset-code-${mode}`);
    await cyril.context().close();

    const member = await phone(browser, { javaScript });
    await member.goto(`${spolu.url}/login`);
    await member.getByRole("link", { name: "Máte kód pro nové heslo?" }).click();
    await member.getByRole("heading", { name: "Nové heslo" }).waitFor();
    if (javaScript) await assertAccessible(member, "/reset");
    await settled(member);
    await member.fill("#code", code);
    await member.fill("#password", "moje-nove-heslo");
    await member.getByRole("button", { name: "Uložit heslo a přihlásit se" }).click();
    await member.waitForURL(`${spolu.url}/`);
    await member.locator(".header-member", { hasText: name }).waitFor();
    assert.deepEqual(member.problems, []);
    await member.context().close();
  });
}

for (const javaScript of [true, false]) {
  const mode = javaScript ? "js" : "nojs";
  test(`staff write a comment for a member who asks at the desk (${mode})`, async () => {
    const words = `Anna říká: lavička by se hodila (${mode})`;
    const cyril = await phone(browser, { javaScript });
    await signInAs(cyril, spolu, "cyril");
    await cyril.goto(`${spolu.url}/staff/members?q=Eva`);
    const card = cyril.locator(".queue-card", { hasText: "Eva" });
    await settled(cyril);
    await card.getByRole("link", { name: "Napsat za člena" }).click();
    await cyril.getByRole("heading", { name: "Napsat za člena" }).waitFor();
    await cyril.getByText("Píšete za: Eva Lakatošová").waitFor();
    if (javaScript) await assertAccessible(cyril, "/staff/assist");
    await settled(cyril);
    await cyril.fill("#proposal", "1");
    await cyril.fill("#text", words);
    await cyril.getByRole("button", { name: "Odeslat" }).click();
    const comment = cyril.locator("article.comment", { hasText: words });
    await comment.waitFor();
    await comment.getByText("Napsáno s pomocí: Cyril Novák").waitFor();
    await comment.getByText("Eva Lakatošová").waitFor();
    await shot(cyril, `assisted-comment-${mode}`);
    assert.deepEqual(cyril.problems, []);
    await cyril.context().close();
  });
}
