/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Offline after the first visit: the built files, the static files and the prerendered pages are cached at
// install; they are served from the cache, and a page that is not cached falls back to the SPA's 404.html.
import { base, build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `client-import-${version}`;
const FALLBACK = `${base}/404.html`;
const ASSETS = [...build, ...files, ...prerendered, FALLBACK];

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
	event.respondWith(respond(request, url));
});

async function respond(request: Request, url: URL): Promise<Response> {
	const cache = await caches.open(CACHE);
	// Built files never change under the same name: the cache answers.
	if (build.includes(url.pathname) || files.includes(url.pathname)) {
		const cached = await cache.match(url.pathname);
		if (cached) return cached;
	}
	try {
		const response = await fetch(request);
		if (response.ok && (prerendered.includes(url.pathname) || prerendered.includes(`${url.pathname}.html`))) {
			cache.put(request, response.clone());
		}
		return response;
	} catch (error) {
		// Offline: a cached page, else the single-page fallback for navigations.
		const cached =
			(await cache.match(request)) ?? (await cache.match(`${url.pathname}.html`)) ?? (await cache.match(url.pathname));
		if (cached) return cached;
		if (request.mode === 'navigate') {
			const fallback = await cache.match(FALLBACK);
			if (fallback) return fallback;
		}
		throw error;
	}
}
