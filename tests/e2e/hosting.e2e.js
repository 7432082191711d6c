// Any static host: the site built for a sub-path works there (pages, deep links, the worker, downloads), and
// after the first visit it works offline.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { downloadText, openPage, startApp } from './harness.js';

const BASE = '/tools/clients';
const root = mkdtempSync(join(tmpdir(), 'client-import-base-'));

let app;
before(async () => {
	const built = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
		env: { ...process.env, BASE_PATH: BASE, BUILD_DIR: root },
		encoding: 'utf8'
	});
	assert.equal(built.status, 0, built.stderr);
	app = await startApp({ basePath: BASE, root });
});
after(async () => {
	await app?.close();
	rmSync(root, { recursive: true, force: true });
});

test('under a sub-path every page, deep-link reload, the worker and downloads work', async () => {
	const { page, context, consoleErrors, foreignRequests } = await openPage(app, '/');
	const nav = page.getByRole('navigation', { name: 'Main' });
	for (const [link, heading] of [
		['Clients', 'Clients'],
		['Technicians', 'Technicians'],
		['Groups', 'Technician groups'],
		['Settings', 'Settings'],
		['New client', 'New client'],
		['Import', 'Import clients']
	]) {
		await nav.getByRole('link', { name: link, exact: true }).click();
		await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
		assert.ok(new URL(page.url()).pathname.startsWith(`${BASE}/`), page.url());
		await page.reload();
		await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
	}
	const sample = await downloadText(page, () => page.getByRole('button', { name: 'Download sample CSV' }).click());
	assert.match(sample.text, /^\uFEFFClientName,/);
	await page.getByRole('button', { name: 'Try with an example file' }).click();
	await page.getByRole('toolbar', { name: 'Review tools' }).waitFor();
	await page.getByRole('button', { name: 'Import valid rows only (3)' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Import 3 clients' }).click();
	await page.getByRole('link', { name: 'Go to the clients list' }).click();
	await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
	assert.deepEqual(consoleErrors, []);
	// A page no file holds comes from the host's 404.html (the SPA fallback, answered with status 404).
	await page.goto(`${app.url}/clients/no-such-id/edit`);
	await page.getByText('This client does not exist (it may have been deleted).').waitFor();
	assert.deepEqual(foreignRequests, []);
	await context.close();
});

test('after the first visit the app loads and imports a file offline', async () => {
	const { page, context } = await openPage(app, '/import');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((resolve) =>
				navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true })
			);
		}
	});
	await context.setOffline(true);
	await page.reload();
	await page.getByRole('heading', { level: 1, name: 'Import clients' }).waitFor();
	await page.getByRole('button', { name: 'Try with an example file' }).click();
	await page.getByRole('toolbar', { name: 'Review tools' }).waitFor();
	await page.goto(`${app.url}/technicians`);
	await page.getByRole('heading', { level: 1, name: 'Technicians' }).waitFor();
	await context.close();
});
