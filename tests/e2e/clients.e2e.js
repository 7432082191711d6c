// The clients pages end to end, on the fixture: the list (pages, search, sort), a client's page,
// delete, and an export that imports back as the same clients.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { axeViolations, downloadText, fixture, openPage, readStores, resetDemoData, startApp } from './harness.js';

const VALID_CSV = fixture('clients-valid.csv');

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

/** Imports a file through the Import page, as an admin would, and waits for the outcome. */
async function importFile(page, file, count) {
	await page.goto(app.url + '/import');
	await page.locator('input[type=file]').setInputFiles(file);
	await page.getByRole('toolbar', { name: 'Review tools' }).waitFor({ timeout: 20_000 });
	await page.getByRole('button', { name: `Import ${count} clients` }).click();
	await page.getByRole('heading', { name: `Imported ${count} clients` }).waitFor();
}

async function openClientsList(page) {
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients', exact: true }).click();
	await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
	await page.getByRole('table', { name: 'Clients' }).waitFor();
}

const nameKey = (name) => name.trim().replace(/\s+/g, ' ').toLowerCase();
const byNameKey = (a, b) => (nameKey(a) < nameKey(b) ? -1 : 1);

const table = (page) => page.getByRole('table', { name: 'Clients' });
const nameCells = (page) => table(page).locator('tbody tr td:first-child');
const pagerText = (page) => page.getByRole('navigation', { name: 'Pages' }).locator('p').innerText();

test('the list shows 50 imported clients over pages, narrows to a search and sorts by a column', async () => {
	const { page, context, consoleErrors } = await openPage(app);
	await importFile(page, VALID_CSV, 50);
	const names = (await readStores(page, 'clients')).clients.map((c) => c.name).sort(byNameKey);
	await openClientsList(page);
	await page.getByText('50 clients in this workspace.', { exact: true }).waitFor();

	// Pages of 25, by name.
	assert.equal(await pagerText(page), 'Showing 1–25 of 50');
	const firstPage = await nameCells(page).allInnerTexts();
	await page.getByRole('button', { name: 'Next' }).click();
	await page.getByText('Showing 26–50 of 50', { exact: true }).waitFor();
	assert.equal(await page.getByRole('button', { name: 'Next' }).isDisabled(), true);
	assert.deepEqual([...firstPage, ...(await nameCells(page).allInnerTexts())], names);
	await page.getByRole('button', { name: 'Previous' }).click();
	await page.getByText('Showing 1–25 of 50', { exact: true }).waitFor();
	await page.getByLabel('Rows per page').selectOption('50');
	await page.getByText('Showing 1–50 of 50', { exact: true }).waitFor();
	assert.equal(await nameCells(page).count(), 50);

	// A search narrows the list: "granite" is in some names.
	const granite = names.filter((name) => /granite/i.test(name));
	await page.getByLabel('Search clients').fill('GRANITE');
	await page.getByText(`${granite.length} of 50 clients match “GRANITE”.`, { exact: true }).waitFor();
	assert.deepEqual(await nameCells(page).allInnerTexts(), granite);
	// An email matches too.
	await page.getByLabel('Search clients').fill('sren.28@');
	await page.getByText('1 of 50 clients match “sren.28@”.', { exact: true }).waitFor();
	assert.deepEqual(await nameCells(page).allInnerTexts(), ['Summit Evergreen Law Group 89572']);
	await page.getByLabel('Search clients').fill('no such client');
	await page.getByText('No client matches “no such client”.').waitFor();
	await page.getByLabel('Search clients').fill('');
	await page.getByText('50 clients in this workspace.', { exact: true }).waitFor();

	// Sorting by name descending changes the first row.
	const nameHeader = table(page).getByRole('columnheader', { name: /Name/ });
	assert.equal(await nameHeader.getAttribute('aria-sort'), 'ascending');
	assert.equal(await nameCells(page).first().innerText(), names[0]);
	await nameHeader.getByRole('button').click();
	await page.waitForFunction(
		(first) => document.querySelector('tbody tr td')?.textContent?.trim() === first,
		names[names.length - 1]
	);
	assert.equal(await nameHeader.getAttribute('aria-sort'), 'descending');

	// Sorting by country: by the name shown, Australia first.
	const countryHeader = table(page).getByRole('columnheader', { name: 'Country' });
	await countryHeader.getByRole('button').click();
	await page.waitForFunction(() => document.querySelector('tbody tr td:nth-child(3)')?.textContent === 'Australia');
	assert.equal(await countryHeader.getAttribute('aria-sort'), 'ascending');
	assert.equal(await nameHeader.getAttribute('aria-sort'), null);
	assert.deepEqual(await axeViolations(page), [], 'the clients list');

	// The list keeps its place when the admin comes back from a client.
	await table(page).getByRole('link').first().click();
	await page.getByRole('heading', { name: 'Client details' }).waitFor();
	await page.goBack();
	await page.getByText('Showing 1–50 of 50', { exact: true }).waitFor();
	assert.equal(await countryHeader.getAttribute('aria-sort'), 'ascending');
	assert.deepEqual(consoleErrors, []);
	await context.close();
});

test("a client's page shows its stored fields in the form's sections", async () => {
	const { page, context, consoleErrors } = await openPage(app);
	await importFile(page, VALID_CSV, 50);
	await openClientsList(page);
	await page.getByLabel('Search clients').fill('Tidal Iron');
	await page.getByRole('link', { name: 'Tidal Iron Studios 15934' }).click();
	await page.getByRole('heading', { level: 1, name: 'Tidal Iron Studios 15934' }).waitFor();
	for (const heading of [
		'Client details',
		'Site and business hours',
		'Client configurations',
		'Additional properties'
	]) {
		await page.getByRole('heading', { level: 2, name: heading }).waitFor();
	}
	const value = (label) =>
		page
			.locator('dt', { hasText: new RegExp(`^${label}$`) })
			.locator('+ dd')
			.innerText();
	assert.equal(await value('Primary contact'), 'Ana Rossi');
	assert.equal(await value('Primary contact email'), 'ana.27@tidalironstudios15934.com');
	assert.equal(await value('Phone'), '+61 291234567');
	assert.equal(await value('Address'), 'Suite 27\nBuilding 6');
	assert.equal(await value('State or region'), 'New South Wales (AU-NSW)');
	assert.equal(await value('Country'), 'Australia');
	assert.equal(await value('Timezone'), 'Australia/Sydney');
	assert.match(await value('Working hours'), /Monday\s+09:00–17:00[\s\S]*Sunday\s+Closed/);
	assert.equal(await value('Email domains'), 'tidalironstudios15934.com, tidalironstudios15934.net');
	assert.equal(await value('Account manager'), 'Not given');
	assert.equal(await page.getByRole('link', { name: 'Edit' }).getAttribute('href'), await editHref(page));
	assert.deepEqual(await axeViolations(page), [], "a client's page");

	// A secondary contact, on another client.
	await page.goto(app.url + '/clients/?q=Granite%20Quartz');
	await page.getByRole('link', { name: 'Granite Quartz Logistics 9240' }).click();
	await page.getByRole('heading', { level: 1, name: 'Granite Quartz Logistics 9240' }).waitFor();
	assert.equal(await value('Secondary contact'), 'Ines Dubois');
	assert.equal(await value('Secondary contact email'), 'second.19@granitequartzlogistics9240.com');
	assert.deepEqual(consoleErrors, []);
	await context.close();
});

/** A client's edit page is its page's address with edit for view (clients/edit/?id=…). */
async function editHref(page) {
	const url = new URL(page.url());
	return url.pathname.replace(/\/view\/$/, '/edit/') + url.search;
}

test('deleting a client asks first, then removes it and returns to the list', async () => {
	const { page, context, consoleErrors } = await openPage(app);
	await importFile(page, VALID_CSV, 50);
	await openClientsList(page);
	await page.getByRole('link', { name: 'Blue Falcon Foods 73829' }).click();
	await page.getByRole('heading', { level: 1, name: 'Blue Falcon Foods 73829' }).waitFor();
	const clientUrl = page.url();

	await page.getByRole('button', { name: 'Delete' }).click();
	const dialog = page.getByRole('dialog', { name: 'Delete this client?' });
	await dialog.getByText('Blue Falcon Foods 73829 and everything stored about it will be deleted.').waitFor();
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await dialog.waitFor({ state: 'hidden' });
	assert.equal((await readStores(page, 'clients')).clients.length, 50);

	await page.getByRole('button', { name: 'Delete' }).click();
	await dialog.getByRole('button', { name: 'Delete client' }).click();
	await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
	await page.getByRole('status').getByText('Deleted “Blue Falcon Foods 73829”.', { exact: true }).waitFor();
	await page.getByText('49 clients in this workspace.', { exact: true }).waitFor();
	assert.equal(await page.getByRole('link', { name: 'Blue Falcon Foods 73829' }).count(), 0);
	const clients = (await readStores(page, 'clients')).clients;
	assert.equal(clients.length, 49);
	assert.equal(
		clients.some((c) => c.name === 'Blue Falcon Foods 73829'),
		false
	);

	assert.deepEqual(consoleErrors, []);

	// The deleted client's own address, typed in again.
	await page.goto(clientUrl);
	await page.getByRole('alert').getByText('This client does not exist (it may have been deleted).').waitFor();
	await page.getByRole('link', { name: 'Back to the clients list' }).click();
	await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
	await context.close();
});

test('a search follows a client deleted in another tab', async () => {
	const { page, context, consoleErrors } = await openPage(app);
	await importFile(page, VALID_CSV, 50);
	await page.goto(app.url + '/clients/?q=granite');
	const granite = (await readStores(page, 'clients')).clients.filter((c) => /granite/i.test(c.name));
	await page.getByText(`${granite.length} of 50 clients match “granite”.`, { exact: true }).waitFor();

	const other = await context.newPage();
	await other.goto(app.url + '/clients/?q=granite');
	await other.getByRole('link', { name: granite[0].name }).click();
	await other.getByRole('button', { name: 'Delete' }).click();
	await other.getByRole('dialog').getByRole('button', { name: 'Delete client' }).click();
	await other.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();

	await page.getByText(`${granite.length - 1} of 49 clients match “granite”.`, { exact: true }).waitFor();
	assert.equal(await page.getByRole('link', { name: granite[0].name }).count(), 0);
	assert.deepEqual(consoleErrors, []);
	await context.close();
});

test('an empty workspace offers Import and New client', async () => {
	const { page, context } = await openPage(app, '/clients');
	await page.getByText('No clients yet.').waitFor();
	await page.getByRole('main').getByRole('link', { name: 'Import from a CSV' }).waitFor();
	await page.getByRole('main').getByRole('link', { name: 'Add a client' }).click();
	await page.getByRole('heading', { level: 1, name: 'New client' }).waitFor();
	await context.close();
});

/** A stored client as the template carries it: ids and dates left out, the manager and groups by name. */
function comparable({ clients, technicians, groups }) {
	const email = new Map(technicians.map((t) => [t.id, t.email]));
	const group = new Map(groups.map((g) => [g.id, g.name]));
	return clients
		.map((client) => {
			const copy = { ...client };
			for (const key of ['id', 'createdAt', 'updatedAt', 'importId', 'accountManagerId', 'groupIds']) delete copy[key];
			copy.accountManager = email.get(client.accountManagerId) ?? null;
			copy.groups = client.groupIds.map((id) => group.get(id));
			return copy;
		})
		.sort((a, b) => (a.nameKey < b.nameKey ? -1 : 1));
}

test('an export imports back, after a reset, as the same clients', async () => {
	const { page, context, consoleErrors } = await openPage(app);
	// The fixture, with an account manager, groups and names a spreadsheet would take for formulas.
	const [header, ...lines] = readFileSync(VALID_CSV, 'utf8').split('\n');
	lines[0] = lines[0].replace(/,,(?=\r?$)/, ',alice.johnson@northwind-it.example,"Service Desk, Field Engineers"');
	lines[1] = lines[1].replace(/^Maple/, '=Maple');
	lines[2] = lines[2].replace(/^Maple/, '-Maple');
	lines[3] = lines[3].replace(/,,(?=\r?$)/, ',chen.wei@northwind-it.example,Security Operations');
	await importFile(
		page,
		{ name: 'clients.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...lines].join('\n')) },
		50
	);
	const before = comparable(await readStores(page, 'clients', 'technicians', 'groups'));
	assert.equal(before.filter((c) => c.accountManager).length, 2);

	await openClientsList(page);
	// With a search, only the matching clients are exported; the label says so.
	await page.getByLabel('Search clients').fill('maple');
	const mapleCount = before.filter((c) => /maple/i.test(c.name)).length;
	const filtered = await downloadText(page, () =>
		page.getByRole('button', { name: `Export CSV: ${mapleCount} matching clients` }).click()
	);
	assert.equal(filtered.text.trim().split('\r\n').length, 1 + mapleCount);
	await page.getByLabel('Search clients').fill('');
	const { name, text } = await downloadText(page, () =>
		page.getByRole('button', { name: 'Export CSV: all clients' }).click()
	);
	assert.equal(name, 'clients-export.csv');
	assert.ok(text.startsWith(`\uFEFF${header.trim()},Hours,Holidays,ClientId\r\n`), 'the template header, then the rest');
	assert.match(text, /\r\n'=Maple Northwind Partners 81650,/);

	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
	await resetDemoData(page);
	await page.getByRole('status').getByText('The demo workspace is back').waitFor();
	assert.equal((await readStores(page, 'clients')).clients.length, 0);

	await importFile(page, { name, mimeType: 'text/csv', buffer: Buffer.from(text) }, 50);
	const afterReimport = comparable(await readStores(page, 'clients', 'technicians', 'groups'));
	assert.deepEqual(afterReimport, before);
	assert.deepEqual(consoleErrors, []);
	await context.close();
});
