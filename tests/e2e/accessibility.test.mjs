// axe-core on every page that exists, in Czech and English, signed out and as staff.
import { test, before, after } from "node:test";
import { startSpolu, launchBrowser, phone, assertAccessible, shot, signInAs } from "./harness.mjs";

let spolu, browser;
before(async () => {
  spolu = await startSpolu();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await spolu?.stop();
});

const publicPages = ["/", "/proposals", "/decisions", "/join", "/login", "/no-such-page"];

for (const locale of ["cs-CZ", "en-GB"]) {
  test(`public pages have no axe violations (${locale})`, async () => {
    const page = await phone(browser, { locale });
    for (const path of publicPages) {
      await page.goto(`${spolu.url}${path}`);
      await assertAccessible(page, `${path} (${locale})`);
      await shot(page, `page${path.replaceAll("/", "_") || "_home"}-${locale}`);
    }
    await page.context().close();
  });

  test(`member and staff pages have no axe violations (${locale})`, async () => {
    const page = await phone(browser, { locale });
    await signInAs(page, spolu, "cyril");
    for (const path of ["/", "/me", "/staff/invites"]) {
      await page.goto(`${spolu.url}${path}`);
      await assertAccessible(page, `${path} as staff (${locale})`);
    }
    await page.goto(`${spolu.url}/staff/invites`);
    await page.click("form.form button[type=submit]");
    await page.locator(".invite-code").first().waitFor();
    await assertAccessible(page, `/staff/invites with codes (${locale})`);
    await shot(page, `staff-invites-${locale}`);
    await page.context().close();
  });
}
