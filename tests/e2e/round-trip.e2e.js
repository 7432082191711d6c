// Export every field: clients with secondary contacts, custom fields, business hours, holidays and properties
// (commas, quotes and line breaks among them) are exported, imported into a fresh browser, and come back
// equal but for ids and timestamps. Back in the first browser, the same export with a name changed renames the
// client its ClientId names, instead of adding one.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import Papa from 'papaparse';
import {
	axeViolations,
	downloadText,
	openPage,
	readStores,
	startApp,
	TEMPLATE_COLUMNS,
	waitForReview
} from './harness.js';

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

const EXTRA = ['Contract tier', 'Seats', 'Hours', 'Holidays', 'Property: Door code', 'Property: Notes, misc'];

const client = (name, email, cells = {}) => ({
	ClientName: name,
	PrimaryContactFirstName: 'Maria',
	PrimaryContactLastName: 'Garcia',
	PrimaryContactEmail: email,
	Code: '1',
	PhoneNumber: '2125550188',
	SiteName: 'Headquarters',
	AddressLine: '350 Fifth Avenue',
	City: 'New York',
	State: 'US-NY',
	Country: 'US',
	PostalCode: '10118',
	Timezone: 'America/New_York',
	AccountManager: 'alice.johnson@northwind-it.example',
	TechnicianGroups: 'Service Desk',
	...cells
});

const CLIENTS = [
	client('Contoso Dental Group', 'maria@contoso-dental.example', {
		SecondaryContactFirstName: 'Lee',
		SecondaryContactLastName: 'Wong',
		SecondaryContactEmail: 'lee@contoso-dental.example',
		EmailDomains: 'contoso-dental.example, contoso.example',
		'Contract tier': 'Gold',
		Seats: '12',
		Hours: 'Mon–Fri 08:30–17:30; Sat 10:00–14:00',
		Holidays: "2026-12-25 Christmas Day; 2027-01-01 New Year's Day",
		'Property: Door code': '4711',
		'Property: Notes, misc': 'Park at the back, "gate B",\nthen ring twice'
	}),
	client('Fabrikam Labs', 'anna@fabrikam.example', {
		Hours: '24/7',
		Holidays: '2026-07-04 Independence Day',
		'Property: Notes, misc': 'Alarm: call "Sam", not the desk'
	}),
	client('Northwind Traders', 'ops@northwind.example', {
		'Contract tier': 'Silver',
		Hours: 'Closed',
		'Property: Door code': '=1+2'
	}),
	client('Tailspin Toys', 'hello@tailspin.example')
];

async function addCustomFields(page) {
	await page.goto(app.url + '/settings');
	for (const [name, type, options] of [
		['Contract tier', 'dropdown', 'Bronze\nSilver\nGold'],
		['Seats', 'number', '']
	]) {
		await page.getByLabel('Field name').fill(name);
		await page.getByLabel('Type').selectOption(type);
		if (options) await page.getByLabel('Options, one per line').fill(options);
		await page.getByRole('button', { name: 'Add field' }).click();
		await page.getByRole('cell', { name, exact: true }).waitFor();
	}
}

async function importFile(page, name, csv, button) {
	await page.goto(app.url + '/import');
	await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await waitForReview(page);
	await page
		.locator('.summary')
		.getByText(/^0\s+errors$/)
		.waitFor();
	await page.getByRole('button', { name: button, exact: true }).click();
	await page.getByRole('heading', { name: /^Imported / }).waitFor();
}

/** The stored clients with ids made into names (technicians, groups and custom fields differ by browser). */
async function storedClients(page) {
	const { clients, technicians, groups, settings } = await readStores(page, 'clients', 'technicians', 'groups', 'settings');
	const fields = settings.find((s) => s.key === 'customFields')?.value ?? [];
	const technician = new Map(technicians.map((t) => [t.id, t.email]));
	const group = new Map(groups.map((g) => [g.id, g.name]));
	const field = new Map(fields.map((f) => [f.id, f.name]));
	return clients
		.map((c) => {
			const { id, createdAt, updatedAt, importId, accountManagerId, groupIds, customFields, ...rest } = c;
			void [id, createdAt, updatedAt, importId];
			return {
				...rest,
				accountManager: technician.get(accountManagerId),
				groups: groupIds.map((g) => group.get(g)).sort(),
				customFields: Object.fromEntries(Object.entries(customFields).map(([k, v]) => [field.get(k), v]))
			};
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}

test('an export carries every field but the logo: a fresh browser imports the same clients', async () => {
	const first = await openPage(app, '/settings');
	await addCustomFields(first.page);
	const source = Papa.unparse(CLIENTS, { columns: [...TEMPLATE_COLUMNS, ...EXTRA] });
	await importFile(first.page, 'clients.csv', source, 'Import 4 clients');
	const before = await storedClients(first.page);
	// What the file said is what was stored: the extra columns were read, not dropped.
	const contoso = before.find((c) => c.name === 'Contoso Dental Group');
	assert.deepEqual(contoso.holidays, [
		{ date: '2026-12-25', name: 'Christmas Day' },
		{ date: '2027-01-01', name: "New Year's Day" }
	]);
	assert.deepEqual(contoso.properties, [
		{ name: 'Door code', value: '4711' },
		{ name: 'Notes, misc', value: 'Park at the back, "gate B",\nthen ring twice' }
	]);
	assert.equal(before.find((c) => c.name === 'Fabrikam Labs').businessHours.alwaysOpen, true);

	await first.page.goto(app.url + '/clients');
	const { text } = await downloadText(first.page, () =>
		first.page.getByRole('button', { name: 'Export CSV: all clients' }).click()
	);
	const exported = Papa.parse(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
	assert.deepEqual(exported.meta.fields, [
		...TEMPLATE_COLUMNS,
		'Contract tier',
		'Seats',
		'Hours',
		'Holidays',
		'Property: Door code',
		'Property: Notes, misc',
		'ClientId'
	]);
	const row = (name) => exported.data.find((r) => r.ClientName === name);
	assert.equal(row('Fabrikam Labs').Hours, '24/7');
	assert.equal(row('Contoso Dental Group').Hours, 'Mon–Fri 08:30–17:30; Sat 10:00–14:00');
	assert.equal(row('Tailspin Toys').Hours, 'Mon–Fri 09:00–17:00');
	// Guarded against formulas in the file, read back as written.
	assert.equal(row('Northwind Traders')['Property: Door code'], "'=1+2");

	// A fresh browser, the same custom fields: the export goes straight to a clean review.
	const fresh = await openPage(app, '/settings');
	await addCustomFields(fresh.page);
	await importFile(fresh.page, 'clients-export.csv', text, 'Import 4 clients');
	assert.deepEqual(await storedClients(fresh.page), before);
	assert.deepEqual(fresh.consoleErrors, []);
	await fresh.context.close();

	// Back in the first browser: a name changed in the export renames the client its ClientId names.
	const renamed = Papa.unparse(
		exported.data.map((r) => (r.ClientName === 'Tailspin Toys' ? { ...r, ClientName: 'Tailspin Toys & Games' } : r)),
		{ columns: exported.meta.fields }
	);
	const { page } = first;
	await page.goto(app.url + '/import');
	await page.locator('input[type=file]').setInputFiles({
		name: 'clients-renamed.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(renamed)
	});
	await waitForReview(page);
	await page
		.getByRole('region', { name: 'This file names existing clients' })
		.getByRole('status')
		.filter({ hasText: /^\s*0\s+new\s+·\s+1\s+updated\s+·\s+3\s+unchanged\s*$/ })
		.waitFor();
	assert.deepEqual(await axeViolations(page), []);
	await page.getByRole('button', { name: 'Import: add 0, update 1', exact: true }).click();
	await page.getByRole('heading', { name: /^Imported / }).waitFor();
	const after = await storedClients(page);
	assert.deepEqual(
		after.map((c) => c.name),
		['Contoso Dental Group', 'Fabrikam Labs', 'Northwind Traders', 'Tailspin Toys & Games']
	);
	const ids = (await readStores(page, 'clients')).clients.map((c) => c.id).sort();
	assert.deepEqual(ids, exported.data.map((r) => r.ClientId).sort(), 'the same clients, no new one');
	assert.deepEqual(first.consoleErrors, []);
	await first.context.close();
});
