// Spolu's service worker: it only shows phone notifications and opens the page they are about.
// It caches nothing, so pages are always the server's own. Served at /sw.js (whole-site scope).
"use strict";

// The page that turned notifications on is looked after at once, not from its next load.
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("push", (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    // A message we cannot read still tells the member to look.
  }
  event.waitUntil(
    self.registration.showNotification(message.title || "Spolu", {
      body: message.body || "",
      icon: "/icon-192.png",
      badge: "/icon-192.png",
      tag: message.tag || undefined,
      // A newer message about the same proposal replaces the old one, and still rings.
      renotify: Boolean(message.tag),
      data: { url: message.url || "/notifications" },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(openPage(event.notification.data?.url));
});

/** Opens `url` (a path of this site; anything else opens the bell) in a Spolu window already
 * open, or in a new one. */
async function openPage(url) {
  const wanted = new URL(url || "/notifications", self.location.origin);
  const target = wanted.origin === self.location.origin ? wanted.href : `${self.location.origin}/notifications`;
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (const open of windows) {
    if ("navigate" in open) {
      const navigated = await open.navigate(target).catch(() => null);
      if (navigated) return navigated.focus().catch(() => navigated);
    }
  }
  return self.clients.openWindow(target);
}
