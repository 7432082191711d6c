// A tampered backup is refused by the app's own rules before anything is replaced, and a tampered database
// cannot leave a page unable to render.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { FROZEN_MS, GENEROUS } from '../helpers/generous.js';
import { axeViolations, downloadText, fixture, openPage, readStores, startApp } from './harness.js';

const ARTIFACTS = 'tests/e2e/artifacts';

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

/**
 * A page of its own, in a workspace of 50 imported clients, and that workspace's backup, parsed: each test
 * starts from it, whatever the others did.
 */
async function backedUpWorkspace() {
	const opened = await openPage(app, '/import');
	const { page } = opened;
	await page.locator('input[type=file]').setInputFiles(fixture('clients-valid.csv'));
	await page.getByRole('button', { name: 'Import 50 clients' }).click();
	await page.getByRole('heading', { name: 'Imported 50 clients', exact: true }).waitFor();
	await page.goto(app.url + '/settings');
	const file = await downloadText(page, () => page.getByRole('button', { name: 'Back up workspace' }).click());
	return { ...opened, backup: JSON.parse(file.text) };
}

/** What a restore could replace, read straight from IndexedDB. */
const storedWorkspace = (page) => readStores(page, 'clients', 'technicians', 'groups', 'settings', 'imports');

/** `backup` changed by `tamper`, chosen in Settings › Storage; returns the refusal's text. */
async function restoreTampered(page, backup, name, tamper) {
	const copy = structuredClone(backup);
	tamper(copy);
	await page.goto(app.url + '/settings');
	await page
		.getByLabel('Restore from backup…')
		.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(copy)) });
	const refusal = page.getByRole('alert').filter({ hasText: `${name} was not restored` });
	await refusal.waitFor();
	assert.equal(await page.getByRole('dialog', { name: 'Restore from backup?' }).isVisible(), false);
	return (await refusal.innerText()).replace(/[ \t]+/g, ' ');
}

/** The workspace is as it was stored before (`before`, from storedWorkspace), and the page shows it so. */
async function assertUnchanged(page, before) {
	assert.deepEqual(await storedWorkspace(page), before);
	await page.goto(app.url + '/');
	await page.getByText('50 clients · 8 technicians · 5 groups', { exact: true }).waitFor();
	assert.equal(await page.locator('header .workspace').innerText(), 'Northwind IT Services');
}

const byName = (copy) => [...copy.stores.clients].sort((a, b) => a.name.localeCompare(b.name));

test('custom fields that are not a list: refused, with the setting named', async () => {
	const { page, context, backup } = await backedUpWorkspace();
	const before = await storedWorkspace(page);
	const text = await restoreTampered(page, backup, 'custom-fields-oops.json', (copy) => {
		copy.stores.settings = copy.stores.settings.filter((s) => s.key !== 'customFields');
		copy.stores.settings.push({ key: 'customFields', value: 'oops' });
	});
	assert.match(text, /was not restored: 1 problem\b/);
	assert.match(text, /settings\[\d+\] \(customFields\) · customFields: Invalid input: expected array, received string/);
	assert.match(text, /Nothing was changed/);
	assert.deepEqual(await axeViolations(page), []);
	await page.screenshot({ path: `${ARTIFACTS}/backup-refused.png`, fullPage: true });
	await assertUnchanged(page, before);
	await context.close();
});

test('a workspace name that is not text: refused', async () => {
	const { page, context, backup } = await backedUpWorkspace();
	const before = await storedWorkspace(page);
	const text = await restoreTampered(page, backup, 'object-name.json', (copy) => {
		copy.stores.settings.find((s) => s.key === 'workspaceName').value = { name: 'Acme' };
	});
	assert.match(
		text,
		/settings\[\d+\] \(workspaceName\) · workspaceName: Invalid input: expected string, received object/
	);
	await assertUnchanged(page, before);
	await context.close();
});

test('two clients with one name and one email under different keys: refused, with both fields', async () => {
	const { page, context, backup } = await backedUpWorkspace();
	const before = await storedWorkspace(page);
	let reported;
	let kept;
	const text = await restoreTampered(page, backup, 'duplicates.json', (copy) => {
		const [first, second] = byName(copy);
		second.name = first.name.toUpperCase();
		second.nameKey = 'not the real key';
		second.primaryContact.email = first.primaryContact.email;
		second.primaryEmailKey = 'not-the-real-key@example.com';
		// The one later in the file is reported, naming the one before it.
		const [earlier, later] = [first, second].sort(
			(a, b) => copy.stores.clients.indexOf(a) - copy.stores.clients.indexOf(b)
		);
		reported = `clients[${copy.stores.clients.indexOf(later)}] (${later.name})`;
		kept = earlier;
	});
	assert.match(text, /was not restored: 2 problems/);
	assert.ok(text.includes(`${reported} · Client name: A client named "${kept.name}" already exists`), text);
	assert.ok(
		text.includes(`${reported} · Primary contact email: Another client already has ${kept.primaryContact.email}`),
		text
	);
	await assertUnchanged(page, before);
	await context.close();
});

test('a client in country ZZ and timezone Mars/Olympus: refused, the client named', async () => {
	const { page, context, backup } = await backedUpWorkspace();
	const before = await storedWorkspace(page);
	let tampered;
	const text = await restoreTampered(page, backup, 'zz-mars.json', (copy) => {
		tampered = byName(copy)[0];
		tampered.site.country = 'ZZ';
		tampered.site.state = '';
		tampered.site.timezone = 'Mars/Olympus';
	});
	const index = backup.stores.clients.findIndex((c) => c.id === tampered.id);
	assert.ok(
		text.includes(`clients[${index}] (${tampered.name}) · Country: Country "ZZ" is not an ISO 3166 two-letter code`),
		text
	);
	assert.ok(
		text.includes(`clients[${index}] (${tampered.name}) · Timezone: Timezone "Mars/Olympus" is not a tz database zone`),
		text
	);
	await assertUnchanged(page, before);
	await context.close();
});

test('the untampered backup is offered for restore and puts back what it holds, with nothing logged as an error', async () => {
	const { page, context, consoleErrors, backup } = await backedUpWorkspace();
	// Changed after the backup: the restore must put the backed-up workspace back, not keep this.
	await page.getByLabel('Workspace name').fill('Renamed since the backup');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await page.getByRole('banner').getByText('Renamed since the backup', { exact: true }).waitFor();
	await page.getByLabel('Restore from backup…').setInputFiles({
		name: 'good.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(backup))
	});
	const dialog = page.getByRole('dialog', { name: 'Restore from backup?' });
	await dialog.getByText(/:\s+50 clients, 8 technicians and\s+5 groups\./).waitFor();
	await dialog.getByRole('button', { name: 'Replace everything' }).click();
	await page.getByRole('status').getByText('Restored the workspace from good.json.', { exact: true }).waitFor();
	const stored = await storedWorkspace(page);
	const byId = (records) => [...records].sort((a, b) => a.id.localeCompare(b.id));
	assert.deepEqual(byId(stored.clients), byId(backup.stores.clients));
	assert.equal(stored.settings.find((s) => s.key === 'workspaceName').value, 'Northwind IT Services');
	await page.goto(app.url + '/');
	await page.getByText('50 clients · 8 technicians · 5 groups', { exact: true }).waitFor();
	assert.equal(await page.locator('header .workspace').innerText(), 'Northwind IT Services');
	assert.deepEqual(consoleErrors, []);
	await context.close();
});

test('a backup of 100,000 clients is checked with a progress note, the page answering meanwhile', async () => {
	const { page, context, backup } = await backedUpWorkspace();
	const before = await storedWorkspace(page);
	const copy = structuredClone(backup);
	const template = copy.stores.clients[0];
	copy.stores.clients = Array.from({ length: 100_000 }, (_, i) => ({
		...template,
		id: `big-${i}`,
		name: `Client ${i}`,
		nameKey: `client ${i}`,
		primaryContact: { ...template.primaryContact, email: `ops${i}@big.example` },
		primaryEmailKey: `ops${i}@big.example`
	}));
	copy.stores.imports = [];
	// Over playwright's 50 MB limit for a buffer: handed over as a file.
	const folder = mkdtempSync(join(tmpdir(), 'backup-e2e-'));
	const path = join(folder, 'big.json');
	writeFileSync(path, JSON.stringify(copy));
	try {
		await page.goto(app.url + '/settings');
		await page.getByLabel('Restore from backup…').setInputFiles(path);
		const note = /^Checking the backup… ([\d,]+) of 100,000 clients$/;
		await page.getByRole('status').getByText(note).waitFor({ timeout: 60_000 });
		// The page draws the note again with a count part-way, and answers while it does: a check that held the
		// page's thread would go from the note straight to the dialog.
		await page.waitForFunction(
			(source) =>
				[...document.querySelectorAll('[role=status]')].some((status) => {
					const count = new RegExp(source).exec(status.textContent?.trim().replace(/\s+/g, ' ') ?? '')?.[1];
					return count !== undefined && count !== '0' && count !== '100,000';
				}),
			note.source,
			{ timeout: 60_000 }
		);
		for (let i = 0; i < 5; i++) {
			const waited = await page.evaluate(() => {
				const asked = performance.now();
				return new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now() - asked)));
			});
			assert.ok(waited < FROZEN_MS * GENEROUS, `frame ${i + 1} waited ${Math.round(waited)} ms`);
		}
		const dialog = page.getByRole('dialog', { name: 'Restore from backup?' });
		await dialog.getByText(/:\s+100000 clients, 8 technicians and\s+5 groups\./).waitFor({ timeout: 120_000 });
		await dialog.getByRole('button', { name: 'Cancel' }).click();
		await assertUnchanged(page, before);
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
	await context.close();
});

test('malformed settings written straight into the database: every page still renders', async () => {
	const { page: tab, context: own, consoleErrors: errors } = await openPage(app, '/settings');
	await tab.getByRole('button', { name: 'Back up workspace' }).waitFor();
	await tab.evaluate(
		() =>
			new Promise((resolve, reject) => {
				const request = indexedDB.open('client-import');
				request.onsuccess = () => {
					const transaction = request.result.transaction('settings', 'readwrite');
					const store = transaction.objectStore('settings');
					store.put({ key: 'customFields', value: 'oops' });
					store.put({ key: 'workspaceName', value: { name: 'Acme' } });
					transaction.oncomplete = () => resolve(undefined);
					transaction.onerror = () => reject(transaction.error);
				};
				request.onerror = () => reject(request.error);
			})
	);
	await tab.goto(app.url + '/clients/new');
	await tab.getByLabel('Client name').waitFor();
	assert.equal(await tab.locator('header .workspace').innerText(), 'My workspace');
	await tab.goto(app.url + '/import');
	const sample = await downloadText(tab, () => tab.getByRole('button', { name: 'Download sample CSV' }).click());
	assert.match(sample.text, /^\uFEFF?ClientName,/);
	await tab.goto(app.url + '/settings');
	await tab.getByRole('heading', { name: 'Custom fields' }).waitFor();
	assert.deepEqual(errors, []);
	await own.close();
});
