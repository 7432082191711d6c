// Shared set-up of the end-to-end tests: the built site on a local static host, real Chromium through
// playwright-core, a fresh profile (so a fresh IndexedDB) per test, and every console error collected.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { findChromium } from './find-chromium.js';
import { serveStatic } from './static-server.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** A fixture file's path: the fixtures live in the repository, in tests/fixtures/. */
export const fixture = (name) => new URL(`../fixtures/${name}`, import.meta.url).pathname;

/** The template's columns, in order, as the fixtures' header writes them. */
export const TEMPLATE_COLUMNS = readFileSync(fixture('clients-valid.csv'), 'utf8').split(/\r?\n/)[0].split(',');

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export async function startApp({ basePath = process.env.BASE_PATH ?? '', root = 'build' } = {}) {
	const server = await serveStatic({ basePath, root });
	const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
	return {
		url: server.url,
		browser,
		async close() {
			await browser.close();
			await server.close();
		}
	};
}

/**
 * A page in a new, empty browser profile. `consoleErrors` collects errors, uncaught exceptions and CSP
 * violations (Chromium logs them as errors); `foreignRequests` every request that left the app's origin.
 * `contextOptions` go to Playwright's newContext (for example `{ serviceWorkers: 'block' }`).
 */
export async function openPage(app, path = '/', contextOptions = {}) {
	const context = await app.browser.newContext({
		acceptDownloads: true,
		viewport: { width: 1280, height: 900 },
		...contextOptions
	});
	context.setDefaultTimeout(10_000);
	const origin = new URL(app.url).origin;
	const foreignRequests = [];
	context.on('request', (request) => {
		const url = request.url();
		if (!url.startsWith(origin + '/') && !/^(blob|data):/.test(url)) foreignRequests.push(url);
	});
	const page = await context.newPage();
	const consoleErrors = watchConsole(page);
	await page.goto(app.url + path);
	await page.getByRole('banner').waitFor();
	return { page, context, consoleErrors, foreignRequests };
}

/**
 * Another tab in the same browser profile as `context`'s pages (same origin, so the same IndexedDB, Web Locks
 * and BroadcastChannel), opened at `path`, with its console errors collected.
 */
export async function openTab(app, context, path = '/') {
	const page = await context.newPage();
	const consoleErrors = watchConsole(page);
	await page.goto(app.url + path);
	await page.getByRole('banner').waitFor();
	return { page, consoleErrors };
}

/** Collects a page's console errors and uncaught exceptions. */
export function watchConsole(page) {
	const errors = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(String(error)));
	return errors;
}

/** Runs axe-core on the page and returns its violations (id and the nodes' selectors). */
export async function axeViolations(page) {
	// Evaluated through the DevTools protocol: a <script> tag would be (rightly) refused by the app's CSP.
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
	return page.evaluate(async () => {
		// @ts-expect-error axe is injected above
		// WCAG 2.2 AA's rules too (target size among them), which axe leaves out unless asked.
		const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
		const result = await window.axe.run(document, {
			resultTypes: ['violations'],
			runOnly: { type: 'tag', values: tags }
		});
		return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	});
}

/** Text of a downloaded file, from the action that triggers the download. */
export async function downloadText(page, trigger) {
	const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
	const stream = await download.createReadStream();
	const chunks = [];
	for await (const chunk of stream) chunks.push(chunk);
	return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

/** Every record of some of the app's stores, read straight from the page's IndexedDB: `{ clients: […], … }`. */
export function readStores(page, ...names) {
	return page.evaluate(
		(stores) =>
			new Promise((resolve, reject) => {
				const request = indexedDB.open('client-import');
				request.onerror = () => reject(request.error);
				request.onsuccess = () => {
					const transaction = request.result.transaction(stores);
					const result = {};
					for (const name of stores) {
						const all = transaction.objectStore(name).getAll();
						all.onsuccess = () => (result[name] = all.result);
					}
					transaction.oncomplete = () => {
						request.result.close();
						resolve(result);
					};
				};
			}),
		names
	);
}

/** Every record of one of the app's stores. */
export async function readStore(page, name) {
	return (await readStores(page, name))[name];
}

/** Settings › Reset demo data, confirmed, as an admin does it (the page must be Settings). */
export async function resetDemoData(page) {
	await page.getByRole('button', { name: 'Reset demo data' }).click();
	await page
		.getByRole('dialog', { name: 'Reset demo data?' })
		.getByRole('button', { name: 'Reset everything' })
		.click();
}

/** Waits for the review screen, as its toolbar shows it (a large file takes a while to read). */
export async function waitForReview(page) {
	await page.getByRole('toolbar', { name: 'Review tools' }).waitFor({ timeout: 20_000 });
}
