// Made by the guide builder (internal/offline) for this build. Do not edit.
const CACHE = "guide-9786261281bbadd5";
const FILES = ["/","/articles/","/articles/first/","/articles/second/","/css/site.2b64f6b6.css","/manifest.webmanifest","/search.json","/search/0.json","/worksheets/","/worksheets/name-it/"];
const REDIRECTS = {"/old-first":"/articles/first/","/w/name-it":"/worksheets/name-it/"};
// The guide's service worker (internal/offline). The lines above give
// CACHE, named after this build; FILES, the site paths it keeps; and
// REDIRECTS, short link → page.
//
// install:  fetch every file fresh from the site into CACHE, then take over
//           at once, so a new deploy replaces the old copy on the next visit.
// activate: delete every other cache (the last build's) and take charge of
//           the open pages.
// fetch:    a GET of a kept file is answered from CACHE, or from the network
//           when CACHE has no copy; a short link is redirected; anything
//           else is left to the browser. Nothing is stored but at install,
//           so nothing a reader types can reach the cache.
"use strict";

const KEPT = new Set(FILES);

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    try {
      await cache.addAll(FILES.map((url) => new Request(url, { cache: "no-cache" })));
    } catch (err) {
      await caches.delete(CACHE); // no half-filled copy left behind; tried again on the next visit
      throw err;
    }
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.search !== "") return;
  const to = REDIRECTS[url.pathname.replace(/\/$/, "")];
  if (to !== undefined) {
    event.respondWith(Response.redirect(new URL(to, url).href, 301));
    return;
  }
  if (!KEPT.has(url.pathname)) return;
  // match, unlike open, never creates a cache: after "Forget this site",
  // a worker still running falls through to the network.
  event.respondWith(
    caches.match(url.pathname, { cacheName: CACHE, ignoreVary: true })
      .then((copy) => copy || fetch(request))
  );
});
