// The list comes back: a file naming clients already imported updates them in place (only what changes),
// adds the new ones and leaves the rest untouched; the import history, reached after leaving the page, undoes it.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import Papa from 'papaparse';
import { axeViolations, fixture, openPage, readStore, startApp, waitForReview } from './harness.js';

const ARTIFACTS = 'tests/e2e/artifacts';
const { data: CLIENTS, meta } = Papa.parse(readFileSync(fixture('clients-valid.csv'), 'utf8').trim(), { header: true });
const MANAGER = 'alice.johnson@northwind-it.example';

let app;
before(async () => {
	mkdirSync(ARTIFACTS, { recursive: true });
	app = await startApp();
});
after(async () => app?.close());

const csvFile = (name, rows) => ({
	name,
	mimeType: 'text/csv',
	buffer: Buffer.from(Papa.unparse(rows, { columns: meta.fields }))
});

const byName = (clients) => new Map(clients.map((client) => [client.name, client]));

test('a file of 22 unchanged, 5 changed and 3 new clients updates 5 in place, adds 3, and the history undoes it', async () => {
	const { page, consoleErrors } = await openPage(app, '/import/', { viewport: { width: 1440, height: 1000 } });
	const choose = (file) => page.locator('input[type=file]').setInputFiles(file);

	// First: 30 clients.
	await choose(csvFile('clients.csv', CLIENTS.slice(0, 30)));
	await waitForReview(page);
	await page.getByRole('button', { name: 'Import 30 clients' }).click();
	await page.getByRole('heading', { name: 'Imported 30 clients', exact: true }).waitFor();
	const first = await readStore(page, 'clients');
	assert.equal(first.length, 30);

	// Then the list comes back: 22 as they were, 5 changed (phone, city, account manager), 3 new, 3 left out.
	const changed = CLIENTS.slice(22, 27).map((client, i) => ({
		...client,
		...[{ PhoneNumber: '2125550199' }, { City: 'Lyon' }, { AccountManager: MANAGER }][i % 3]
	}));
	const second = [...CLIENTS.slice(0, 22), ...changed, ...CLIENTS.slice(30, 33)];
	await page.getByRole('button', { name: /Import another file/ }).click();
	await choose(csvFile('clients-again.csv', second));
	await waitForReview(page);
	const updates = page.getByRole('region', { name: 'This file names existing clients' });
	await updates
		.getByRole('status')
		.filter({ hasText: /^\s*3\s+new\s+·\s+5\s+updated\s+·\s+22\s+unchanged\s*$/ })
		.waitFor();
	assert.equal(await updates.getByRole('radio', { name: /Updates it/ }).isChecked(), true, 'update is the default');
	await page
		.locator('.summary')
		.getByText(/^0\s+errors$/)
		.waitFor();

	// Each row says what it does; a changed cell shows the client's current value beside the file's.
	assert.equal(await page.locator('main .ag-row[row-id="2"] [col-id="change"]').innerText(), 'No change');
	// A changed cell shows the client's current value beside the file's.
	await updates.getByRole('checkbox', { name: 'Show only rows that change something' }).check();
	await page.waitForFunction(
		() =>
			new Set([...document.querySelectorAll('main .ag-row[row-id]')].map((row) => row.getAttribute('row-id'))).size ===
			8
	);
	// Row 25 is below the rows drawn until the others are filtered out.
	assert.equal(await page.locator('main .ag-row[row-id="25"] [col-id="change"]').innerText(), 'Update · 1 field');
	assert.equal(await page.locator('main .ag-row[row-id="31"] [col-id="change"]').innerText(), 'New');
	// The grid draws only the columns in view: scrolled to City first.
	await page.locator('main .ag-body-horizontal-scroll-viewport').evaluate(async (viewport) => {
		const shown = () => document.querySelector('main .ag-row[row-id="25"] [col-id="City"]');
		for (let x = 0; !shown() && x <= viewport.scrollWidth; x += 150) {
			viewport.scrollLeft = x;
			await new Promise(requestAnimationFrame);
		}
	});
	await page.locator(`main .ag-row[row-id="25"] [col-id="City"]`).click();
	const details = page.getByRole('complementary', { name: 'Selected cell' });
	await details.getByText(`Updates the existing client “${CLIENTS[23].ClientName}”: 1 field changes.`).waitFor();
	await details.getByText(`Now: ${CLIENTS[23].City}`).waitFor();
	assert.deepEqual(await axeViolations(page), [], 'the review of an update');
	await page.screenshot({ path: `${ARTIFACTS}/update-review.png`, fullPage: true });

	await page.getByRole('button', { name: 'Import: add 3, update 5' }).click();
	await page.getByRole('heading', { name: 'Imported 3 clients, updated 5', exact: true }).waitFor();

	const after = byName(await readStore(page, 'clients'));
	assert.equal(after.size, 33);
	for (const client of first) {
		const now = after.get(client.name);
		const index = CLIENTS.findIndex((c) => c.ClientName === client.name);
		if (index < 22 || index >= 27) {
			assert.deepEqual(now, client, `${client.name} is untouched`);
			continue;
		}
		assert.equal(now.id, client.id, `${client.name} keeps its id`);
		assert.equal(now.createdAt, client.createdAt, `${client.name} keeps its createdAt`);
		assert.notEqual(now.updatedAt, client.updatedAt);
		const expected = structuredClone(client);
		const change = changed[index - 22];
		if (change.PhoneNumber !== CLIENTS[index].PhoneNumber) expected.primaryContact.phone = change.PhoneNumber;
		if (change.City !== CLIENTS[index].City) expected.site.city = change.City;
		if (change.AccountManager === MANAGER) {
			const technicians = await readStore(page, 'technicians');
			expected.accountManagerId = technicians.find((t) => t.email === MANAGER).id;
		}
		assert.deepEqual({ ...now, updatedAt: '' }, { ...expected, updatedAt: '' }, `${client.name}: only its change`);
	}
	for (const client of CLIENTS.slice(30, 33)) assert.ok(after.has(client.ClientName), `${client.ClientName} is added`);

	// Away from the import, then the history: undo puts back the 30 as they were.
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
	await page.getByRole('heading', { name: 'Import history' }).waitFor();
	const latest = page.getByRole('row').filter({ hasText: 'clients-again.csv' });
	assert.deepEqual((await latest.getByRole('cell').allInnerTexts()).slice(1, 5), ['clients-again.csv', '3', '5', '0']);
	assert.deepEqual(await axeViolations(page), [], 'the import history');
	await page.screenshot({ path: `${ARTIFACTS}/import-history.png`, fullPage: true });
	await latest.getByRole('button', { name: /^Undo the import of clients-again\.csv/ }).click();
	await page
		.getByRole('status')
		.getByText('The import was undone: 3 clients removed, 5 clients put back as they were.')
		.waitFor();
	await latest.getByText(/^Undone /).waitFor();
	const undone = await readStore(page, 'clients');
	assert.deepEqual(
		[...byName(undone).values()].sort((a, b) => a.name.localeCompare(b.name)),
		[...first].sort((a, b) => a.name.localeCompare(b.name))
	);
	assert.deepEqual(consoleErrors, []);
});
