// Signing in over HTTP, for the benchmarks (no browser: `harness.mjs` would load playwright).

/** Signs `username` of the demo estate in at `url`; the `cookie` header that carries the session. */
export async function signIn(url, username) {
  const answer = await fetch(`${url}/api/sign_in`, {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
    body: `username=${encodeURIComponent(username)}&password=spolu-demo`,
  });
  if (answer.status !== 200) throw new Error(`sign in as ${username}: ${answer.status}`);
  return answer.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}
