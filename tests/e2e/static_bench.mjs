// Issue 19's comparison: Spolu's pages against nginx serving the same bytes of `/proposals`, in
// one run on the same machine, with `wrk -t2`. Run with `cargo run -p frontend --bin tasks --
// bench --static` (it builds the release, installs wrk and nginx from Debian's packages if
// missing, and starts this with SPOLU_BIN and SPOLU_SITE_DIR set).
import { spawn, execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { signIn } from "./sign_in.mjs";

const bin = process.env.SPOLU_BIN;
const siteDir = process.env.SPOLU_SITE_DIR;
const SECONDS = Number(process.env.SPOLU_BENCH_SECONDS ?? 10);

const work = mkdtempSync(join(tmpdir(), "spolu-static-bench-"));
// nginx's workers run as `nobody`: they must be able to read the page.
chmodSync(work, 0o755);

const spolu = spawn(bin, ["--demo", "--bind", "127.0.0.1:0", "--data-dir", join(work, "data"), "--site-dir", siteDir], {
  stdio: ["ignore", "pipe", "inherit"],
});
const url = await new Promise((resolve, reject) => {
  let out = "";
  spolu.stdout.on("data", (c) => {
    out += c;
    const m = out.match(/Spolu runs at (http:\/\/\S+)/);
    if (m) resolve(m[1]);
  });
  spolu.on("exit", (code) => reject(new Error(`spolu exited with ${code}`)));
});

// The bytes a visitor gets for /proposals, as nginx will serve them.
const page = await (await fetch(`${url}/proposals`)).text();
mkdirSync(join(work, "www"));
writeFileSync(join(work, "www", "proposals.html"), page);
chmodSync(join(work, "www"), 0o755);

const nginxPort = await freePort();
writeFileSync(
  join(work, "nginx.conf"),
  `daemon off;
worker_processes 2;
pid ${work}/nginx.pid;
error_log ${work}/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${work}/body;
  proxy_temp_path ${work}/proxy;
  fastcgi_temp_path ${work}/fastcgi;
  uwsgi_temp_path ${work}/uwsgi;
  scgi_temp_path ${work}/scgi;
  server {
    listen 127.0.0.1:${nginxPort};
    location = /proposals { default_type "text/html; charset=utf-8"; alias ${work}/www/proposals.html; }
  }
}
`,
);
const nginx = spawn("/usr/sbin/nginx", ["-p", work, "-c", join(work, "nginx.conf"), "-e", join(work, "nginx-error.log")], {
  stdio: ["ignore", "inherit", "inherit"],
});
await waitFor(`http://127.0.0.1:${nginxPort}/proposals`);

// A member of the demo estate, signed in.
const cookie = await signIn(url, "anna");
const firstProposal = page.match(/href="\/proposals\/(\d+)"/)?.[1] ?? "1";
const firstDecision = (await (await fetch(`${url}/decisions`)).text()).match(/href="\/decisions\/(\d+)"/)?.[1];

// Each request at another address (`?try=1`, `?try=2`, …), so no page is ever kept: what making
// a page costs, for comparison with the kept rows.
const everNew = join(work, "ever_new.lua");
writeFileSync(
  everNew,
  `local n = 0
request = function()
  n = n + 1
  return wrk.format(nil, wrk.path .. "?try=" .. n)
end
`,
);

/** `wrk -t2` against `target` with `connections`; req/s and p99 in ms. */
function wrk(target, connections, headers = [], script = null) {
  const args = [
    "-t2",
    `-c${connections}`,
    `-d${SECONDS}s`,
    "--latency",
    ...headers.flatMap((h) => ["-H", h]),
    ...(script ? ["-s", script] : []),
    target,
  ];
  const out = execFileSync("wrk", args, { encoding: "utf8" });
  const perSecond = Number(out.match(/Requests\/sec:\s+([\d.]+)/)[1]);
  const p99 = out.match(/\s99%\s+([\d.]+)(us|ms|s)/);
  const ms = Number(p99[1]) * { us: 0.001, ms: 1, s: 1000 }[p99[2]];
  const errors = out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1];
  if (errors) throw new Error(`${target}: ${errors} failed answers`);
  return { perSecond, ms };
}

const rows = [
  ["nginx serving the same `/proposals` bytes", `http://127.0.0.1:${nginxPort}/proposals`, []],
  ["Spolu `/proposals`, visitor", `${url}/proposals`, []],
  ["Spolu `/proposals`, signed in", `${url}/proposals`, [`Cookie: ${cookie}`]],
  ["Spolu `/proposals`, visitor, made anew each time", `${url}/proposals`, [], everNew],
  ["Spolu `/proposals`, signed in, made anew each time", `${url}/proposals`, [`Cookie: ${cookie}`], everNew],
  ["Spolu proposal page, visitor", `${url}/proposals/${firstProposal}`, []],
  ["Spolu home, visitor", `${url}/`, []],
  ["Spolu outcomes, visitor", `${url}/outcomes`, []],
  ["Spolu decisions, visitor", `${url}/decisions`, []],
  ...(firstDecision ? [["Spolu decision page, visitor", `${url}/decisions/${firstDecision}`, []]] : []),
];
const allocator = process.env.SPOLU_ALLOCATOR ?? "jemalloc";
console.log(`\n${page.length} bytes of /proposals; wrk -t2, ${SECONDS} s each; Spolu on ${allocator}\n`);
console.log("| page | c=16 req/s, p99 | c=200 req/s, p99 |");
console.log("|---|---|---|");
const results = {};
for (const [label, target, headers, script] of rows) {
  wrk(target, 16, headers, script); // warm up
  const few = wrk(target, 16, headers, script);
  const many = wrk(target, 200, headers, script);
  results[label] = { few, many };
  console.log(`| ${label} | ${Math.round(few.perSecond)}, ${few.ms.toFixed(1)} ms | ${Math.round(many.perSecond)}, ${many.ms.toFixed(1)} ms |`);
}
// The share of nginx's rate, taken again in rounds of nginx then Spolu one right after the
// other: this machine's background load moves both alike within a round, less so across the
// table. The median of the rounds is the figure.
const ROUNDS = Number(process.env.SPOLU_BENCH_ROUNDS ?? 3);
const percent = (share) => `${(100 * share).toFixed(0)} %`;
console.log(`\nSpolu visitor /proposals against nginx, ${ROUNDS} rounds (goal: at least 50 %):`);
for (const connections of [16, 200]) {
  const shares = [];
  for (let round = 0; round < ROUNDS; round++) {
    const nginxRate = wrk(rows[0][1], connections).perSecond;
    shares.push(wrk(rows[1][1], connections).perSecond / nginxRate);
  }
  const median = [...shares].sort((a, b) => a - b)[Math.floor(shares.length / 2)];
  console.log(`- c=${connections}: ${shares.map(percent).join(", ")}; median ${percent(median)}`);
}
// The goal is for pages as people ask for them; the "made anew" rows only show what a change costs.
const slow = rows.slice(1).filter(([label, , , script]) => !script && results[label].many.ms >= 50);
console.log(slow.length ? `p99 at c=200 of 50 ms or more: ${slow.map(([l]) => l).join("; ")}` : "every Spolu page: p99 under 50 ms at c=200");

nginx.kill();
spolu.kill();
rmSync(work, { recursive: true, force: true });

async function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(address) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(address)).status === 200) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${address} did not answer`);
}
