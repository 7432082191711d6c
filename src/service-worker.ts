/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Offline after the first visit: the built files, the static files and every page (each a folder's index.html)
// are cached at install, and the cache answers them from then on. A new version installs a new worker, which
// takes over and drops the old cache, so a page and the files it loads always come from the same version.
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `client-import-${version}`;
const ASSETS = [...build, ...files, ...prerendered];
const CACHED = new Set(ASSETS);
const PAGES = new Set(prerendered);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll(ASSETS))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
			.then(() => sw.clients.claim())
	);
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (request.mode === 'navigate') event.respondWith(openPage(request, url));
	else if (CACHED.has(url.pathname)) event.respondWith(fromCache(url.pathname, request));
});

/**
 * A page by its path alone: the query string only tells the page what to show (a client's page is
 * clients/view/?id=…), so every visit and reload of it, online or not, gets the one cached copy.
 */
async function openPage(request: Request, url: URL): Promise<Response> {
	// What the host would answer too, but offline: /clients is the folder /clients/.
	if (!PAGES.has(url.pathname) && PAGES.has(`${url.pathname}/`)) {
		return Response.redirect(`${url.origin}${url.pathname}/${url.search}`, 301);
	}
	if (!PAGES.has(url.pathname)) return fetch(request);
	const cached = await fromCache(url.pathname, request);
	// A page the host reached by a redirect when it was cached would be refused as the answer to a navigation.
	return cached.redirected ? new Response(cached.body, cached) : cached;
}

/** The cached copy, else (the cache was cleared under the worker) the network's. */
async function fromCache(key: string, request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	return (await cache.match(key)) ?? fetch(request);
}
