// Excel workbooks end to end: a sheet picked among two, a title row above the header, the clients stored as the
// cells show them; each bad workbook explained; a sheet of 1,048,576 rows read without freezing the tab.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { FROZEN_MS, GENEROUS } from '../helpers/generous.js';
import { buildXlsx, compoundFile, declareUnpackedSize } from '../helpers/workbook-builder.js';
import { axeViolations, openPage, readStore, startApp, TEMPLATE_COLUMNS } from './harness.js';

const ZIP = { value: 2134, format: '00000' };
/** Three clients of one Boston street as a spreadsheet holds them: phones and codes as numbers, a postal code
 * formatted "00000". */
const BOSTON = { Code: 1, City: 'Boston', State: 'MA', Country: 'US', PostalCode: ZIP, Timezone: 'America/New_York' };
const CLIENTS = [
	{
		ClientName: 'Harbor Dental',
		PrimaryContactFirstName: 'Ann',
		PrimaryContactLastName: 'Lee',
		PrimaryContactEmail: 'ann@harbordental.example',
		PhoneNumber: 6175550101,
		SiteName: 'Main office',
		AddressLine: '1 Harbor St',
		EmailDomains: 'harbordental.example'
	},
	{
		ClientName: 'Beacon Law',
		PrimaryContactFirstName: 'Raj',
		PrimaryContactLastName: 'Patel',
		PrimaryContactEmail: 'raj@beaconlaw.example',
		PhoneNumber: 6175550102,
		SecondaryContactFirstName: 'Mia',
		SecondaryContactLastName: 'Chen',
		SecondaryContactEmail: 'mia@beaconlaw.example',
		SiteName: 'HQ',
		AddressLine: '9 Beacon St'
	},
	{
		ClientName: 'Cove Bakery',
		PrimaryContactFirstName: 'Sam',
		PrimaryContactLastName: 'Ortiz',
		PrimaryContactEmail: 'sam@covebakery.example',
		PhoneNumber: 6175550103,
		SiteName: 'Shop'
	}
].map((client) => TEMPLATE_COLUMNS.map((column) => ({ ...BOSTON, ...client })[column] ?? ''));

let app;
let dir;
before(async () => {
	app = await startApp();
	dir = mkdtempSync(join(tmpdir(), 'workbooks-'));
});
after(async () => {
	await app?.close();
	rmSync(dir, { recursive: true, force: true });
});

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const upload = (name, bytes) => ({ name, mimeType: XLSX_TYPE, buffer: Buffer.from(bytes) });

async function choose(page, input) {
	await page.locator('input[type=file]').setInputFiles(input);
}

test('a workbook of two sheets: the second, under its title row, is picked and imported exactly', async () => {
	const { page, context, consoleErrors, foreignRequests } = await openPage(app, '/import');
	const workbook = buildXlsx([
		{ name: 'Read me', rows: [['Client list exported from the old PSA'], ['Ask Dana before importing']] },
		{ name: 'Clients', rows: [['Clients — March 2026'], TEMPLATE_COLUMNS, ...CLIENTS] }
	]);
	await choose(page, upload('clients.xlsx', workbook));

	// The first sheet with data is read first: its "header" names no column, so the mapping screen shows.
	await page.getByRole('heading', { name: 'Check the columns' }).waitFor();
	const settings = page.getByRole('group', { name: 'How the file is read' });
	const sheet = settings.getByLabel('Sheet');
	assert.deepEqual(await sheet.locator('option').allInnerTexts(), ['Read me', 'Clients']);
	assert.equal(await settings.getByLabel('Encoding').count(), 0);
	await sheet.selectOption({ label: 'Clients' });

	// The header is found in row 2, under the title: the template's own, so the review opens at once.
	await page.getByRole('toolbar', { name: 'Review tools' }).waitFor({ timeout: 20_000 });
	assert.equal(await settings.getByLabel('Header is row').inputValue(), '2');
	const summary = (await page.locator('.summary').innerText()).replace(/\s+/g, ' ');
	assert.match(summary, /3 rows 0 rows with errors 0 errors/);
	// Rows keep the sheet's numbers: the first client is row 3 in Excel too.
	const cell = (row, column) => page.locator(`.ag-row[row-id="${row}"] [col-id="${column}"]`);
	assert.equal(await cell(3, 'ClientName').innerText(), 'Harbor Dental');
	assert.equal(await cell(5, 'ClientName').innerText(), 'Cove Bakery');
	assert.deepEqual(await axeViolations(page), []);
	await page.screenshot({ path: join(dir, 'workbook-review.png') });
	if (process.env.SCREENSHOT_DIR)
		await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, 'workbook-review.png') });

	await page.getByRole('button', { name: 'Import 3 clients' }).click();
	await page.getByRole('heading', { name: 'Imported 3 clients', exact: true }).waitFor();
	const stored = (await readStore(page, 'clients')).sort((a, b) => a.name.localeCompare(b.name));
	assert.deepEqual(
		stored.map((c) => [
			c.name,
			c.primaryContact.email,
			c.primaryContact.phoneCode,
			c.primaryContact.phone,
			c.site.postalCode,
			c.site.timezone
		]),
		[
			['Beacon Law', 'raj@beaconlaw.example', '1', '6175550102', '02134', 'America/New_York'],
			['Cove Bakery', 'sam@covebakery.example', '1', '6175550103', '02134', 'America/New_York'],
			['Harbor Dental', 'ann@harbordental.example', '1', '6175550101', '02134', 'America/New_York']
		]
	);
	assert.deepEqual(stored.find((c) => c.name === 'Beacon Law').secondaryContact, {
		firstName: 'Mia',
		lastName: 'Chen',
		email: 'mia@beaconlaw.example'
	});
	assert.deepEqual(consoleErrors, []);
	assert.deepEqual(foreignRequests, []);
	await context.close();
});

test('the header row can be set by hand', async () => {
	const { page, context } = await openPage(app, '/import');
	await choose(
		page,
		upload('clients.xlsx', buildXlsx([{ name: 'Clients', rows: [['Clients'], TEMPLATE_COLUMNS, ...CLIENTS] }]))
	);
	await page.getByRole('toolbar', { name: 'Review tools' }).waitFor({ timeout: 20_000 });
	const headerRow = page.getByRole('group', { name: 'How the file is read' }).getByLabel('Header is row');
	await headerRow.fill('1');
	await headerRow.press('Enter');
	// Row 1 names no template column: the mapping screen asks, and says where the header seemed to be.
	await page.getByRole('heading', { name: 'Check the columns' }).waitFor();
	await page.getByText('(the header looks like row 2)').waitFor();
	await context.close();
});

test('each bad workbook gets its message, and a CSV named .xlsx is read as a CSV', async () => {
	const { page, context, consoleErrors } = await openPage(app, '/import');
	const alert = (text) => page.getByRole('alert').getByText(text).waitFor();

	await choose(page, upload('protected.xlsx', compoundFile('EncryptedPackage')));
	await alert(
		'This workbook is protected with a password: open it in Excel, remove the password (File › Info › Protect Workbook), save and choose it again.'
	);
	await choose(page, upload('old.xls', compoundFile('Workbook')));
	await alert(/Excel 97–2003 workbook \(\.xls\), which the importer does not read/);
	const bomb = declareUnpackedSize(buildXlsx([{ name: 'Clients', rows: [TEMPLATE_COLUMNS, CLIENTS[0]] }]), 0xfff00000);
	await choose(page, upload('bomb.xlsx', bomb));
	await alert(/This workbook unpacks to [\d,]+ MB, more than the 1,024 MB the importer reads/);
	await choose(page, upload('empty.xlsx', buildXlsx([{ name: 'Sheet1', rows: [] }])));
	await alert('This workbook has no rows: its sheet is empty.');
	await choose(page, upload('header-only.xlsx', buildXlsx([{ name: 'Sheet1', rows: [TEMPLATE_COLUMNS] }])));
	await alert('This file has a header row but no clients under it');
	await choose(
		page,
		upload('cut.xlsx', buildXlsx([{ name: 'Clients', rows: [TEMPLATE_COLUMNS, CLIENTS[0]] }]).slice(0, 900))
	);
	await alert(/This workbook is damaged/);

	const csv = [TEMPLATE_COLUMNS.join(','), CLIENTS[0].map((v) => (typeof v === 'object' ? '02134' : v)).join(',')].join(
		'\n'
	);
	await choose(page, { name: 'renamed.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(csv) });
	await page.getByRole('toolbar', { name: 'Review tools' }).waitFor({ timeout: 20_000 });
	assert.match((await page.locator('.summary').innerText()).replace(/\s+/g, ' '), /1 row 0 rows with errors/);
	assert.deepEqual(consoleErrors, []);
	await context.close();
});

/** A sheet of Excel's maximum, 1,048,576 rows: a header and 1,048,575 clients. */
function* maximumSheet() {
	yield TEMPLATE_COLUMNS;
	// The required columns only, the unique values as inline strings, so that the file is quick to make.
	const empty = (n) => Array(n).fill(null);
	for (let n = 1; n < 1_048_576; n++) {
		const [name, email] = [{ inline: `Client ${n}` }, { inline: `ann@c${n}.example` }];
		yield [name, 'Ann', 'Lee', email, ...empty(5), 'HQ', ...empty(5), 'America/New_York'];
	}
}

test('a sheet of 1,048,576 rows is read in the worker with progress and Cancel, and the tab stays responsive', async () => {
	const path = join(dir, 'maximum.xlsx');
	writeFileSync(path, buildXlsx([{ name: 'Clients', rows: maximumSheet() }], { level: 1 }));
	const { page, context, consoleErrors } = await openPage(app, '/import');
	await choose(page, path);
	await page.getByRole('heading', { name: 'Reading and checking the file…' }).waitFor({ timeout: 60_000 });
	const status = page.getByRole('status').filter({ hasText: 'rows read' });
	// Rows arrive while the page answers at once: the reading never holds the main thread.
	await page.waitForFunction(
		() => /[1-9][\d,]* rows read/.test(document.querySelector('#reading-progress + p')?.textContent ?? ''),
		null,
		{ timeout: 120_000 }
	);
	// Five frames drawn while the file is still read, none of them late: a tab whose thread did the reading would
	// draw none until the end, and then without the progress bar.
	for (let i = 0; i < 5; i++) {
		const started = Date.now();
		const drawnWhileReading = await page.evaluate(
			() =>
				new Promise((resolve) => requestAnimationFrame(() => resolve(!!document.querySelector('#reading-progress'))))
		);
		const waited = Date.now() - started;
		assert.ok(drawnWhileReading, `frame ${i + 1} was drawn while the file was read`);
		assert.ok(waited < FROZEN_MS * GENEROUS, `frame ${i + 1} took ${waited} ms`);
	}
	const progress = Number(await page.locator('#reading-progress').getAttribute('value'));
	assert.ok(progress >= 0 && progress < 100, `progress ${progress}`);
	assert.match(await status.innerText(), /rows read/);
	await page.getByRole('button', { name: 'Cancel' }).click();
	await page.getByRole('alert').getByText('Reading was cancelled: nothing was imported.').waitFor();
	assert.deepEqual(consoleErrors, []);
	await context.close();
});
