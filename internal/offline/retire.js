// The service worker of "guide serve" (internal/offline). Pages change with
// every save there, so they never register a worker. If a built site served
// at this address before left one in the browser, the browser finds this
// file in its place: it deletes that worker's caches, unregisters, and loads
// the open pages again, from the server.
"use strict";

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) await caches.delete(name);
    await self.registration.unregister();
    for (const client of await self.clients.matchAll({ type: "window" })) client.navigate(client.url);
  })());
});
