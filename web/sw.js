// The service worker of 志愿港城: repeat visits and poor networks start from the cache.
// deploy/stage.mjs fills in the build id and the list of files to precache (the page and its
// content-hashed scripts and wasm); a new build is a new sw.js, which the browser installs in
// the background. It waits (no skipWaiting) until every page of the old build is closed, so a
// running session never mixes builds; the next visit runs the new one.
//   the page (navigations)  network first; after 3 s without an answer, or offline, the
//                           precached page of this build
//   hashed files            the precache first (they never change under their names)
//   other files             the precache first, and the network's copy kept for the next visit
//                           (config.js may be edited in place: an edit is seen a visit later)
//   API GETs                network first, the last good answer as the fallback, marked with
//                           X-Zygc-Offline: 1 (the app then shows its offline notice)
//   anything else           the network, untouched (POST, PATCH, DELETE never touch a cache)
// A repeat visit's way to the first frame thus has two round trips, the page's and the first
// API answers' (tests/bench/warm-latency.mjs); config.js was a third.
'use strict';
const BUILD = '__ZYGC_BUILD__';
const PRECACHE = [/* __ZYGC_PRECACHE__ */];
const SHELL = 'zygc-shell-' + BUILD;
const API = 'zygc-api';
const NAV_TIMEOUT_MS = 3000;
const scope = new URL(self.registration.scope);

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((c) => c.addAll(PRECACHE)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('zygc-shell-') && name !== SHELL) await caches.delete(name);
    }
    await self.clients.claim();  // the first visit's own API answers are cached already
  })());
});

// The page: the network's, or this build's when the network is slow or gone.
async function navigation(request) {
  const network = fetch(request);
  let timer;
  const late = new Promise((resolve) => { timer = setTimeout(resolve, NAV_TIMEOUT_MS); });
  try {
    const first = await Promise.race([network, late]);
    if (first) return first;
    const cached = await caches.match(new URL('./', scope).href, { cacheName: SHELL });
    return cached || await network;
  } catch (e) {
    const cached = await caches.match(new URL('./', scope).href, { cacheName: SHELL });
    if (cached) return cached;
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

async function api(request) {
  const cache = await caches.open(API);
  try {
    const res = await fetch(request);
    if (res.status === 200) await cache.put(request.url, res.clone());
    return res;
  } catch (e) {
    const cached = await cache.match(request.url);
    if (!cached) throw e;
    const headers = new Headers(cached.headers);
    headers.set('X-Zygc-Offline', '1');
    headers.delete('ETag');  // a later revalidation must fetch the whole answer
    return new Response(await cached.arrayBuffer(), { status: 200, headers });
  }
}

// Hashed files never change: the precache first. The rest (config.js, the manifest, the
// icon) can change in place: the copy kept is answered at once, and the network's replaces it
// for the next visit (config.js is a script the page waits for).
async function asset(event) {
  const request = event.request;
  const cached = await caches.match(request, { cacheName: SHELL });
  if (/\.[0-9a-f]{16}\.[a-z0-9]+$/.test(new URL(request.url).pathname)) return cached || fetch(request);
  const network = fetch(request).then(async (res) => {
    if (res.status === 200) await (await caches.open(SHELL)).put(request, res.clone());
    return res;
  });
  if (!cached) return network;
  event.waitUntil(network.catch(() => {}));
  return cached;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (request.mode === 'navigate') {
    event.respondWith(navigation(request));
  } else if (/\/api\//.test(url.pathname) && !/\/auth\//.test(url.pathname)) {
    // A conditional GET (If-None-Match) is the app's own revalidation: the network's 304
    // passes through; only whole 200 answers are kept.
    event.respondWith(api(request));
  } else if (url.origin === scope.origin) {
    event.respondWith(asset(event));
  }
});

// {type: 'build'} → {build}: which build this worker serves (diagnostics, tests).
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'build' && event.ports[0]) event.ports[0].postMessage({ build: BUILD });
});
