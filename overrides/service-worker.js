// Offline reading after one visit. The build puts this file at the site's root (a worker
// controls only the addresses below its own) and writes above it: VERSION (a digest of the
// site's files, so any change to the site installs a new worker), SHARED (the theme's files) and
// LANGUAGES (each language's folder). A language's pages are the pages of its search index.
//
// Only this site's own GET requests are answered; another site's requests pass untouched.
// Pages and search indexes come from the network first (an online reader always gets the
// newest text) and from the cache when the network fails; the theme's files from the cache.
"use strict";

const CACHE = `reading-${VERSION}`;
const ROOT = new URL("./", self.location.href).pathname;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHARED)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith("reading-") && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

// A page asks to keep its language ({keep: "es/"}); the worker answers {kept: "es/"} when done.
self.addEventListener("message", (event) => {
  const folder = event.data && event.data.keep;
  if (!LANGUAGES.includes(folder)) return;
  event.waitUntil(
    keepLanguage(folder).then(() => event.source && event.source.postMessage({ kept: folder })),
  );
});

// The language's search index lists its pages: keep the index, its manifest and every page,
// each asked of the server afresh ("no-cache"), so what is kept is the current text.
function keepLanguage(folder) {
  const index = `${folder}search/search_index.json`;
  return fetch(index, { cache: "no-cache" })
    .then((response) => response.json())
    .then((data) => {
      const pages = new Set(data.docs.map((doc) => folder + doc.location.split("#")[0]));
      const addresses = [index, `${folder}manifest.webmanifest`, ...[...pages].map((page) => page || "./")];
      return caches.open(CACHE).then((cache) => cache.addAll(addresses.map((address) => new Request(address, { cache: "no-cache" }))));
    });
}

// "no-cache": the browser asks the server whether its copy is current (a small answer when it is),
// so a page rebuilt a minute ago is not served from the browser's own cache.
function fromNetworkFirst(request) {
  return fetch(request, { cache: "no-cache" })
    .then((response) => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(request, copy));
      }
      return response;
    })
    .catch(() => caches.match(request, { ignoreSearch: true }).then((kept) => kept || Response.error()));
}

function fromCacheFirst(request) {
  return caches.match(request).then((kept) => kept || fetch(request));
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const address = new URL(request.url);
  if (request.method !== "GET" || address.origin !== self.location.origin || !address.pathname.startsWith(ROOT)) return;
  const changing = request.mode === "navigate" || address.pathname.endsWith("/") || address.pathname.endsWith(".json");
  event.respondWith(changing ? fromNetworkFirst(request) : fromCacheFirst(request));
});
