// The offline copy of the app: a service worker on the app's own origin (no library).
// tools/service-worker.mjs writes this file into each build with BUILD filled in: the
// release's version and every file the app needs, each with its SHA-256.
//
// - One cache per release, named by its version (and the app's folder, so two copies of
//   the app under different paths of one site never touch each other's cache). Installing
//   downloads every file of the release and checks each hash: a half-deployed server fails
//   the install (retried at the next check) instead of mixing two releases.
// - A new release waits until the page says the user agreed (public/boot.js, the notice in
//   src/ui/update.rs); then it replaces the old release's cache and the page reloads.
// - The app's files are served from the cache of the running release only. Other files of
//   the app's folder (a provider's bank from ?bank=, branding) go to the network first and
//   are kept in a data cache for offline use.
'use strict';

const BUILD = null; // BUILD: replaced by tools/service-worker.mjs

const SCOPE = self.registration.scope;
const PREFIX = `soc-readiness ${SCOPE} `;
const CACHE = BUILD ? PREFIX + BUILD.version : null;
const DATA = `${PREFIX}data`;
// Trunk's file names carry a content hash: the HTTP cache may serve them. Any other file is
// revalidated, so an old copy never enters a new release's cache.
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

const hex = (buf) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
const fileUrl = (path) => new URL(path, SCOPE).href;

// Only what a browser needs to use the body again: the type (application/wasm matters).
function keep(response, body) {
  const headers = { 'content-type': response.headers.get('content-type') || 'application/octet-stream' };
  return new Response(body, { status: 200, headers });
}

async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(Object.entries(BUILD.files).map(async ([path, sha256]) => {
    const response = await fetch(fileUrl(path), { cache: HASHED.test(path) ? 'default' : 'no-cache' });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    const body = await response.arrayBuffer();
    if (hex(await crypto.subtle.digest('SHA-256', body)) !== sha256) {
      throw new Error(`${path} is not the file of release ${BUILD.version}`);
    }
    await cache.put(fileUrl(path), keep(response, body));
  }));
}

// The provider banks the open pages use (?bank=), so they work offline from the next visit.
async function cacheBanksInUse() {
  const pages = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  await Promise.all(pages.map(async (page) => {
    try {
      const bank = new URL(page.url).searchParams.get('bank');
      if (!bank) return;
      const url = new URL(bank, page.url);
      if (url.href.startsWith(SCOPE)) await fromNetwork(new Request(url.href));
    } catch { /* offline or gone: the page's own download is cached next time */ }
  }));
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    if (!BUILD) throw new Error('sw.js was not written by tools/service-worker.mjs');
    try {
      await precache();
    } catch (e) {
      await caches.delete(CACHE);
      throw e;
    }
    await cacheBanksInUse();
  })());
});

// The page asks for this only when the user agreed to use the new release. It also names
// the question-bank files it downloaded before this worker controlled it (the first visit):
// they are kept for offline use like those it downloads under the worker, and with a
// language's questions (banks/default.en.jsonl) that language's guidance too, so that the
// guidance opens offline in the language the visitor uses (never the other language's).
self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'soc-readiness:use-new-version') self.skipWaiting();
  if (data.type === 'soc-readiness:keep' && Array.isArray(data.urls)) {
    const urls = data.urls.filter((u) => typeof u === 'string' && u.startsWith(`${SCOPE}banks/`));
    for (const u of [...urls]) {
      const pack = u.match(/^(.*\/banks\/default\.(en|zh))\.jsonl$/);
      if (pack) urls.push(`${pack[1]}.guide.jsonl`);
    }
    event.waitUntil(Promise.all([...new Set(urls)]
      .map(async (u) => {
        if (await (await caches.open(DATA)).match(u)) return;
        try { await fromNetwork(new Request(u)); } catch { /* offline: kept at the next use */ }
      })));
  }
});

// The old release's cache goes as soon as the new one is in use: never two releases.
self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(
    keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE && k !== DATA).map((k) => caches.delete(k)),
  )));
});

async function fromRelease(path, request) {
  const hit = await (await caches.open(CACHE)).match(fileUrl(path));
  return hit || fetch(request);
}

async function fromNetwork(request) {
  const data = await caches.open(DATA);
  try {
    const response = await fetch(request);
    if (response.ok) await data.put(request.url, keep(response, await response.clone().arrayBuffer()));
    return response;
  } catch (e) {
    const hit = await data.match(request.url);
    if (hit) return hit;
    throw e;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (!BUILD || request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  const url = new URL(request.url);
  const path = decodeURIComponent(url.pathname.slice(new URL(SCOPE).pathname.length));
  if (request.mode === 'navigate') {
    // The app's page, whatever its query (?step=, ?bank=, ?lang=…); other pages (the demo)
    // are not the app's.
    if (path === '' || path === 'index.html') event.respondWith(fromRelease('index.html', request));
  } else if (!url.search && Object.hasOwn(BUILD.files, path)) {
    event.respondWith(fromRelease(path, request));
  } else {
    event.respondWith(fromNetwork(request));
  }
});
