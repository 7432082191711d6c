// Any static host as it comes: the built site, at the root and built for a sub-path, on python's http.server and
// on nginx with Debian's default site. Every page loads when visited directly and on reload, a client's pages
// too, with no fallback page or rewrite rule; after the first visit every page also loads offline.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { findChromium } from './find-chromium.js';
import { CHROMIUM_ARGS, downloadText, openPage } from './harness.js';

const BASE = '/tools/clients';
// The sub-path build goes to <served>/tools/clients/, and the host serves <served> as its root.
const served = mkdtempSync(join(tmpdir(), 'client-import-hosting-'));

/** The pages of the app and each one's heading; `/clients` is as a user types it, the host adds the slash. */
const PAGES = [
	['/', 'Your clients, in one place'],
	['/clients/', 'Clients'],
	['/clients', 'Clients'],
	['/import/', 'Import clients'],
	['/settings/', 'Settings'],
	['/technicians/', 'Technicians'],
	['/groups/', 'Technician groups'],
	['/clients/new/', 'New client']
];

const MOUNTS = [
	{ name: 'at the root', root: resolve('build'), base: '' },
	{ name: `under ${BASE}`, root: served, base: BASE }
];

/** An executable on PATH (or in /usr/sbin, where Debian puts nginx), else undefined. */
function findProgram(name) {
	const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin'];
	for (const dir of dirs.filter(Boolean)) {
		try {
			accessSync(join(dir, name), constants.X_OK);
			return join(dir, name);
		} catch {
			// not in this folder
		}
	}
	return undefined;
}

const PYTHON = findProgram('python3');
const NGINX = findProgram('nginx');

const HOSTS = [
	{
		name: 'python3 -m http.server',
		missing: PYTHON ? false : 'python3 was not found: install it to run the hosting tests on http.server',
		start: startPython
	},
	{
		name: "nginx with Debian's default site",
		missing: NGINX
			? false
			: 'nginx was not found: install it (apt-get install nginx) to run the hosting tests on nginx',
		start: startNginx
	}
];

/** `python3 -m http.server` on a port it picks, serving `root`. */
async function startPython(root) {
	const child = spawn(PYTHON, ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', root], {
		stdio: ['ignore', 'pipe', 'ignore']
	});
	const port = await new Promise((done, fail) => {
		let output = '';
		child.stdout.on('data', (chunk) => {
			output += chunk;
			const found = /port (\d+)/.exec(output);
			if (found) done(Number(found[1]));
		});
		child.once('exit', (code) => fail(new Error(`python3 -m http.server exited (${code}): ${output}`)));
	});
	return { origin: `http://127.0.0.1:${port}`, close: () => stop(child) };
}

/**
 * nginx in the foreground on a free loopback port, its config, logs and pid in a folder of its own: Debian's
 * default server block (sites-available/default) with `root` as its root. One process (master_process off):
 * no worker switches to a user that could not read the test's private temp folders.
 */
async function startNginx(root) {
	const port = await freePort();
	const dir = mkdtempSync(join(tmpdir(), 'client-import-nginx-'));
	const temp = (name) => `${name}_temp_path ${join(dir, name)};`;
	writeFileSync(
		join(dir, 'nginx.conf'),
		`daemon off;
master_process off;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')};
events {
	worker_connections 64;
}
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	access_log off;
	${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n\t')}
	server {
		listen 127.0.0.1:${port};
		root ${root};
		index index.html index.htm index.nginx-debian.html;
		server_name _;
		location / {
			try_files $uri $uri/ =404;
		}
	}
}
`
	);
	const child = spawn(NGINX, ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')], {
		stdio: 'ignore'
	});
	const origin = `http://127.0.0.1:${port}`;
	await untilAnswering(origin, child, join(dir, 'error.log'));
	return {
		origin,
		close: async () => {
			await stop(child);
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

function freePort() {
	return new Promise((done, fail) => {
		const probe = createServer().once('error', fail);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address();
			probe.close(() => done(port));
		});
	});
}

async function untilAnswering(origin, child, log) {
	for (let tries = 0; tries < 100; tries++) {
		if (child.exitCode !== null) {
			const errors = spawnSync('cat', [log], { encoding: 'utf8' }).stdout;
			throw new Error(`nginx exited (${child.exitCode}): ${errors}`);
		}
		try {
			await fetch(origin + '/', { redirect: 'manual' });
			return;
		} catch {
			await new Promise((wait) => setTimeout(wait, 100));
		}
	}
	throw new Error(`nothing answered at ${origin}`);
}

function stop(child) {
	if (child.exitCode !== null) return Promise.resolve();
	return new Promise((done) => {
		child.once('exit', done);
		child.kill('SIGTERM');
	});
}

let browser;
before(async () => {
	const built = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
		env: { ...process.env, BASE_PATH: BASE, BUILD_DIR: join(served, BASE) },
		encoding: 'utf8'
	});
	assert.equal(built.status, 0, built.stderr);
	browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
});
after(async () => {
	await browser?.close();
	rmSync(served, { recursive: true, force: true });
});

/** Imports the example file's three valid rows; resolves with the first client's name and page (its path). */
async function importExampleClients(page, app) {
	await page.getByRole('heading', { level: 1, name: 'Import clients' }).waitFor();
	await page.getByRole('button', { name: 'Try with an example file' }).click();
	await page.getByRole('toolbar', { name: 'Review tools' }).waitFor();
	await page.getByRole('button', { name: 'Import valid rows only (3)' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Import 3 clients' }).click();
	await page.getByRole('link', { name: 'Go to the clients list' }).click();
	await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
	const link = page.getByRole('table').getByRole('link').first();
	const name = (await link.textContent())?.trim() ?? '';
	await link.click();
	await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
	const view = page.url().slice(app.url.length);
	const edit = await page.getByRole('link', { name: 'Edit', exact: true }).evaluate((a) => a.href);
	return { name, view, edit: edit.slice(app.url.length) };
}

/**
 * Opens `path` (typed into the address bar), then reloads it; the page's own heading shows both times.
 * Resolves with the page's URL and the URL the host redirected from, if it did.
 */
async function visitAndReload(page, app, path, heading) {
	const response = await page.goto(app.url + path);
	assert.ok(response, path);
	assert.equal(response.status(), 200, `${path}: ${response.status()}`);
	await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
	const url = new URL(page.url());
	assert.ok(url.pathname.endsWith('/'), `${path} ends at ${page.url()}`);
	await page.reload();
	await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
	assert.equal(page.url(), url.href, `${path} after a reload`);
	return { url, redirectedFrom: response.request().redirectedFrom()?.url() };
}

/** Set by CI (`.ci/run`): nothing may skip there, so a host that is not installed fails its tests. */
const NOTHING_MAY_SKIP = process.env.CI_NO_SKIP === '1';

/** A test on `host`: skipped, saying why, where the host is not installed, unless nothing may skip. */
function hostTest(host, name, body) {
	test(name, { skip: NOTHING_MAY_SKIP ? false : host.missing }, async () => {
		if (host.missing) assert.fail(`${host.missing} (CI_NO_SKIP=1: CI runs every hosting test)`);
		await body();
	});
}

test('the service worker caches every script, style and worker of the built site, those a worker loads too', () => {
	const cached = readFileSync(resolve('build/service-worker.js'), 'utf8');
	const built = readdirSync(resolve('build/_app/immutable'), { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name).slice(resolve('build').length));
	assert.ok(built.some((path) => path.includes('/workers/')), 'the build has workers');
	// Offline, a file missing from the list fails to load: a workbook read by a worker whose reader was a chunk of
	// its own did.
	assert.deepEqual(
		built.filter((path) => !cached.includes(`${path}\``)),
		[]
	);
});

for (const host of HOSTS) {
	for (const mount of MOUNTS) {
		hostTest(host, `${host.name}, ${mount.name}: every page loads when visited directly and on reload`, async () => {
			const server = await host.start(mount.root);
			try {
				const app = { url: server.origin + mount.base, browser };
				// No service worker: every visit goes to the host.
				const { page, context, consoleErrors, foreignRequests } = await openPage(app, '/import/', {
					serviceWorkers: 'block'
				});
				const client = await importExampleClients(page, app);
				assert.match(client.view, /^\/clients\/view\/\?id=[^&]+$/);
				assert.equal(client.edit, client.view.replace('/view/', '/edit/'));
				for (const [path, heading] of [...PAGES, [client.view, client.name], [client.edit, 'Edit client']]) {
					const { url, redirectedFrom } = await visitAndReload(page, app, path, heading);
					assert.equal(url.href, app.url + (path === '/clients' ? '/clients/' : path));
					if (path === '/clients') assert.equal(redirectedFrom, app.url + path, 'the host adds the slash');
				}
				assert.equal(await page.getByLabel(/^Client name/).inputValue(), client.name);

				await page.goto(`${app.url}/clients/view/?id=no-such-client`);
				await page.getByRole('alert').getByText('This client does not exist (it may have been deleted).').waitFor();
				await page.goto(`${app.url}/import/`);
				const sample = await downloadText(page, () =>
					page.getByRole('button', { name: 'Download sample CSV' }).click()
				);
				assert.match(sample.text, /^\uFEFFClientName,/);
				assert.deepEqual(consoleErrors, []);
				assert.deepEqual(foreignRequests, []);
				await context.close();
			} finally {
				await server.close();
			}
		});

		hostTest(host, `${host.name}, ${mount.name}: after the first visit every page loads offline`, async () => {
			const server = await host.start(mount.root);
			try {
				const app = { url: server.origin + mount.base, browser };
				const { page, context, consoleErrors } = await openPage(app, '/import/');
				await page.evaluate(async () => {
					await navigator.serviceWorker.ready;
					if (!navigator.serviceWorker.controller) {
						await new Promise((done) =>
							navigator.serviceWorker.addEventListener('controllerchange', done, { once: true })
						);
					}
				});
				const client = await importExampleClients(page, app);
				await context.setOffline(true);
				for (const [path, heading] of [...PAGES, [client.view, client.name], [client.edit, 'Edit client']]) {
					await visitAndReload(page, app, path, heading);
				}
				await page.goto(`${app.url}/import/`);
				await page.getByRole('button', { name: 'Try with an example file' }).click();
				await page.getByRole('toolbar', { name: 'Review tools' }).waitFor();
				assert.deepEqual(consoleErrors, []);
				await context.close();
			} finally {
				await server.close();
			}
		});
	}
}
