// The foundation's transfer budget, measured in Chromium on the release build:
// a first visit of the home page at most 200 KB compressed, a repeat visit at most 30 KB; and
// the same limit for a first visit of a proposal's page, whose audio players load nothing
// until pressed.
// Run with `cargo run -p frontend --bin tasks -- budget` (it builds the release first).
import { startSpolu, launchBrowser, PHONE, visit } from "./harness.mjs";

const FIRST_VISIT_LIMIT = 200 * 1024;
const REPEAT_VISIT_LIMIT = 30 * 1024;

function report(title, requests, limit) {
  const total = requests.reduce((sum, r) => sum + r.bytes, 0);
  console.log(`\n${title}: ${(total / 1024).toFixed(1)} KB transferred (limit ${limit / 1024} KB)`);
  for (const r of requests) {
    const name = new URL(r.url).pathname;
    console.log(`  ${String(r.status).padStart(3)} ${(r.bytes / 1024).toFixed(1).padStart(7)} KB  ${r.fromCache ? "(cache) " : ""}${name}`);
  }
  return total <= limit;
}

const spolu = await startSpolu();
const browser = await launchBrowser();
let ok = false;
try {
  const context = await browser.newContext({ viewport: PHONE, locale: "cs-CZ" });
  const page = await context.newPage();
  const first = await visit(page, `${spolu.url}/`);
  const second = await visit(page, `${spolu.url}/`);
  const firstOk = report("First visit of /", first, FIRST_VISIT_LIMIT);
  const secondOk = report("Repeat visit of /", second, REPEAT_VISIT_LIMIT);
  // A proposal's page, first visit in a fresh browser: its "Listen" players fetch nothing.
  const list = await (await fetch(`${spolu.url}/proposals`)).text();
  const href = list.match(/class="card-link" href="(\/proposals\/\d+)"/)?.[1]
    ?? list.match(/href="(\/proposals\/\d+)"/)[1];
  const fresh = await browser.newContext({ viewport: PHONE, locale: "cs-CZ" });
  const proposal = await fresh.newPage();
  const proposalRequests = await visit(proposal, `${spolu.url}${href}`);
  const proposalOk = report(`First visit of ${href}`, proposalRequests, FIRST_VISIT_LIMIT)
    && !proposalRequests.some((r) => /\/(listen|voice)/.test(r.url));
  ok = firstOk && secondOk && proposalOk;
} finally {
  await browser.close();
  await spolu.stop();
}
console.log(ok ? "\nWithin budget." : "\nOver budget.");
process.exit(ok ? 0 : 1);
