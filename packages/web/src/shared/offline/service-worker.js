// vetplan's service worker: the app opens offline once it has been opened online.
// The build (vite.config.ts, serviceWorker plugin) prepends VERSION and SHELL (the
// app shell and the entry page's files) and writes this file as dist/sw.js.
//   pages        network first, the cached shell when offline
//   /assets/*    cache first (file names carry a content hash)
//   API GETs the entry page needs: network first, the last answer when offline
//   anything else: not touched
/* global VERSION, SHELL */

const SHELL_CACHE = `vetplan-shell-${VERSION}`;
/** Cleared by the page at log-out and log-in (offlineCaches.ts, next to this file). */
const DATA_CACHE = 'vetplan-data';
const DATA_PATHS = [/^\/api\/auth\/me$/, /^\/api\/forms$/, /^\/api\/forms\/[^/]+\/entry$/];
const MAX_DATA_ANSWERS = 40;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('vetplan-shell-') && n !== SHELL_CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

// A page that loaded while this worker was activating is not controlled; the entry page asks to be.
self.addEventListener('message', (event) => {
  if (event.data === 'claim') event.waitUntil(self.clients.claim());
});

async function pageNetworkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok && (response.headers.get('content-type') || '').includes('text/html')) {
      const cache = await caches.open(SHELL_CACHE);
      await cache.put('/', response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match('/', { cacheName: SHELL_CACHE });
    if (cached) return cached;
    throw error;
  }
}

async function keepAnswer(request, response) {
  const cache = await caches.open(DATA_CACHE);
  await cache.put(request, response);
  const keys = await cache.keys();
  // Oldest first: keep the answers of the forms, units and periods last opened.
  await Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_DATA_ANSWERS)).map((k) => cache.delete(k)));
}

async function dataNetworkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.status === 200) await keepAnswer(request, response.clone());
    return response;
  } catch (error) {
    const cache = await caches.open(DATA_CACHE);
    const cached = await cache.match(request, { ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

async function assetCacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(SHELL_CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) {
    if (DATA_PATHS.some((p) => p.test(url.pathname))) event.respondWith(dataNetworkFirst(request));
    return;
  }
  if (request.mode === 'navigate') event.respondWith(pageNetworkFirst(request));
  else if (url.pathname.startsWith('/assets/') || SHELL.includes(url.pathname)) event.respondWith(assetCacheFirst(request));
});
