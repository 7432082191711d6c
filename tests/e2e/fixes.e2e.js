// One-click fixes end to end: an export from another tool goes from its first error count to none in a few
// clicks and imports exactly as the template wants; a fix-all and its undo; a cell's own fix and choices;
// an error count that filters the grid.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import Papa from 'papaparse';
import { axeViolations, downloadText, fixture, openPage, startApp } from './harness.js';

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

const reviewTools = (page) => page.getByRole('toolbar', { name: 'Review tools' });
/** The review's count of errors, as its summary shows it. */
const errorCount = (page) =>
	page.evaluate(() => {
		const span = [...document.querySelectorAll('.summary span')].find((s) =>
			/^[\d,]+ errors?$/.test(s.textContent ?? '')
		);
		return Number(span?.querySelector('strong')?.textContent?.replace(/,/g, ''));
	});
const fixesPanel = (page) => page.getByRole('region', { name: 'Fix in bulk' });

/** Clicks, and counts the click: the export must be clean in at most ten. */
function clicker(page) {
	let clicks = 0;
	return {
		async click(locator) {
			await locator.click();
			clicks++;
		},
		get clicks() {
			return clicks;
		},
		page
	};
}

/** Waits for the review to offer importing every row: no error is left. */
const importable = (page, rows) =>
	page.getByRole('button', { name: `Import ${rows} clients`, exact: true }).waitFor({ timeout: 20_000 });

/** A cell's text, once the grid is scrolled to show its column (the grid draws only the columns in view). */
async function cellText(page, rowNumber, column) {
	await page.locator('main .ag-body-horizontal-scroll-viewport').evaluate((viewport, colId) => {
		const header = document.querySelector(`main .ag-header-cell[col-id="${colId}"]`);
		if (!header) viewport.scrollLeft = viewport.scrollWidth;
	}, column);
	// Just after an edit the grid may briefly hold the cell's old element beside its new one: wait for one.
	const selector = `main .ag-row[row-id="${rowNumber}"] [col-id="${column}"]`;
	await page.waitForFunction((cells) => document.querySelectorAll(cells).length === 1, selector);
	return page.locator(selector).innerText();
}

/** The row numbers the grid shows, in its order. */
const shownRows = (page) =>
	page.evaluate(() => [...document.querySelectorAll('main .ag-row[row-id]')].map((row) => row.getAttribute('row-id')));

/** A CSV's rows sorted by name, each with `columns` only (all of its own by default), and its header. */
function sortedRows(csv, columns) {
	const { data, meta } = Papa.parse(csv.trim(), { header: true });
	const kept = columns ?? meta.fields;
	return data
		.map((row) => Object.fromEntries(kept.map((column) => [column, row[column]])))
		.sort((a, b) => a.ClientName.localeCompare(b.ClientName));
}

const headerOf = (csv) => Papa.parse(csv.trim(), { header: true, preview: 1 }).meta.fields;

test('an export from another tool is clean in at most ten clicks, and stores what the template wants', async () => {
	const { page, consoleErrors } = await openPage(app, '/import/');
	const admin = clicker(page);
	await page.locator('input[type=file]').setInputFiles(fixture('clients-other-tool.csv'));

	// Its own header names: the mapping screen suggests every column, with sample values to check it by.
	await page.getByRole('heading', { name: 'Check the columns' }).waitFor();
	await page.getByText('maria@acme-dental.example', { exact: false }).first().waitFor();
	await admin.click(page.getByRole('button', { name: /^Continue/ }));
	await reviewTools(page).waitFor({ timeout: 20_000 });
	const first = await errorCount(page);
	assert.ok(first >= 100, `the export starts with many errors (${first})`);

	await admin.click(fixesPanel(page).getByRole('button', { name: /^Apply every fix below/ }));
	await page.waitForFunction((before) => {
		const span = [...document.querySelectorAll('.summary span')].find((s) =>
			/^[\d,]+ errors?$/.test(s.textContent ?? '')
		);
		return Number(span?.querySelector('strong')?.textContent?.replace(/,/g, '')) < before;
	}, first);

	// A group the file names that the workspace lacks: created with one confirmation.
	await admin.click(fixesPanel(page).getByRole('button', { name: /Create group “Managed Print” \(5 rows\)/ }));
	const dialog = page.getByRole('dialog', { name: 'Create group “Managed Print”?' });
	assert.deepEqual(await axeViolations(page), []);
	await admin.click(dialog.getByRole('button', { name: 'Create group' }));

	// The rows that also named another group with a semicolon now have a certain fix of their own.
	await admin.click(fixesPanel(page).getByRole('button', { name: /^Fix \d+ problems?$/ }));
	await importable(page, 24);
	assert.equal(await errorCount(page), 0);
	assert.ok(admin.clicks <= 10, `${admin.clicks} clicks`);

	await admin.click(page.getByRole('button', { name: 'Import 24 clients' }));
	await page.getByRole('heading', { name: /Imported/ }).waitFor({ timeout: 20_000 });

	// Exported back as the template: exactly the values the template wants, for every row.
	await page.goto(`${app.url}/clients/`);
	const exported = await downloadText(page, () => page.getByRole('button', { name: /^Export CSV/ }).click());
	const expected = readFileSync(fixture('clients-other-tool.fixed.csv'), 'utf8');
	// Then the columns that carry the rest of a client: its hours and holidays (it has no properties), its id.
	assert.deepEqual(headerOf(exported.text), [...headerOf(expected), 'Hours', 'Holidays', 'ClientId']);
	assert.deepEqual(sortedRows(exported.text, headerOf(expected)), sortedRows(expected));
	assert.deepEqual(consoleErrors, []);
});

async function openReview(page, csv) {
	await page
		.locator('input[type=file]')
		.setInputFiles({ name: 'clients.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await reviewTools(page).waitFor({ timeout: 20_000 });
}

const HEADER = readFileSync(fixture('clients-valid.csv'), 'utf8').split(/\r?\n/)[0];
const row = (name, country, timezone) =>
	`${name},Ana,Silva,ana@${name.toLowerCase()}.example,,,,,,HQ,,,,${country},,${timezone},,,`;

test('a fix-all is one step: its undo brings every value and mark back', async () => {
	const { page } = await openPage(app, '/import/');
	await openReview(
		page,
		[
			HEADER,
			row('Alpha', 'India', 'Asia/Kolkata'),
			row('Beta', 'UK', 'Europe/London'),
			row('Gamma', 'Deutschland', 'Europe/Berlin')
		].join('\n')
	);
	assert.equal(await errorCount(page), 3);
	const countries = fixesPanel(page).getByRole('listitem').filter({ hasText: 'Countries written as names' });
	assert.match(await countries.innerText(), /India → IN/);
	await countries.getByRole('button', { name: 'Fix 3 problems' }).click();
	await importable(page, 3);
	assert.equal(await cellText(page, 3, 'Country'), 'GB');

	await page.getByRole('button', { name: /^Undo/ }).click();
	await page.getByRole('button', { name: 'Import valid rows only (0)' }).waitFor();
	assert.equal(await errorCount(page), 3);
	assert.equal(await cellText(page, 4, 'Country'), 'Deutschland');
	await page.getByRole('button', { name: /^Redo/ }).click();
	await importable(page, 3);
});

test('a cell offers its own fix, taken with Alt+Enter, and its choices when several values fit', async () => {
	const { page } = await openPage(app, '/import/');
	await openReview(page, [HEADER, row('Alpha', 'India', 'UTC+05:30'), row('Beta', 'DE', 'CET')].join('\n'));
	const details = page.getByRole('complementary', { name: 'Selected cell' });
	const byColumn = page.getByRole('group', { name: 'Errors by column:' });

	// The error count moves to the first problem of its column; the details offer that cell's fix.
	await byColumn.getByRole('button', { name: 'Country: 1', exact: true }).click();
	await details.getByText('Row 2 · Country').waitFor();
	await details.getByRole('button', { name: 'Use IN' }).waitFor();
	await page.locator('main .ag-row[row-id="2"] [col-id="Country"]').press('Alt+Enter');
	await page.waitForFunction(
		() => document.querySelector('main .ag-row[row-id="2"] [col-id="Country"]')?.textContent === 'IN'
	);

	await byColumn.getByRole('button', { name: 'Timezone: 2', exact: true }).click();
	await details.getByText('Row 2 · Timezone').waitFor();
	await details.getByRole('button', { name: 'Use Asia/Kolkata' }).click();
	await page.waitForFunction(
		() => document.querySelector('main .ag-row[row-id="2"] [col-id="Timezone"]')?.textContent === 'Asia/Kolkata'
	);

	// CET in Germany fits Berlin and Busingen: both offered, neither taken unasked.
	await page.keyboard.press('F8');
	await details.getByText('Row 3 · Timezone').waitFor();
	const choices = details.getByRole('group', { name: 'Choose a value' });
	assert.deepEqual(await choices.getByRole('button').allInnerTexts(), ['Use Europe/Berlin', 'Use Europe/Busingen']);
	assert.equal(await fixesPanel(page).getByText('UTC offsets and abbreviations').count(), 0);
	await choices.getByRole('button', { name: 'Use Europe/Berlin' }).click();
	await importable(page, 2);
	assert.equal(await cellText(page, 3, 'Timezone'), 'Europe/Berlin');
});

test('an error count by column shows only that column’s problem rows, at the first of them', async () => {
	const { page } = await openPage(app, '/import/');
	const rows = [
		row('Alpha', 'US', 'America/New_York'),
		row('Beta', 'XX', 'America/New_York'),
		row('Gamma', 'US', 'Mars/Base'),
		row('Delta', 'YY', 'Europe/Paris')
	];
	await openReview(page, [HEADER, ...rows].join('\n'));
	const byColumn = page.getByRole('group', { name: 'Errors by column:' });
	const country = byColumn.getByRole('button', { name: 'Country: 2', exact: true });
	await country.click();
	assert.equal(await country.getAttribute('aria-pressed'), 'true');
	await page.getByRole('complementary', { name: 'Selected cell' }).getByText('Row 3 · Country').waitFor();
	await page.waitForFunction(() => document.querySelectorAll('main .ag-row[row-id]').length === 2);
	assert.deepEqual(await shownRows(page), ['3', '5']);
	await country.click();
	await page.waitForFunction(() => document.querySelectorAll('main .ag-row[row-id]').length === 4);
	assert.deepEqual(await axeViolations(page), []);

	// Its last error fixed, the chip goes, and with it its filter: every row shows again.
	await country.click();
	const details = page.getByRole('complementary', { name: 'Selected cell' });
	// The keyboard is in the grid's Country cell again before anything is typed (the details still show it).
	await page.waitForFunction(() => document.activeElement?.getAttribute('col-id') === 'Country');
	await details.getByText('Row 3 · Country').waitFor();
	await page.keyboard.type('united states');
	await page.keyboard.press('Enter');
	await byColumn.getByRole('button', { name: 'Country: 1', exact: true }).waitFor();
	await page.keyboard.press('F8');
	await details.getByText('Row 5 · Country').waitFor();
	await page.keyboard.type('france');
	await page.keyboard.press('Enter');
	await byColumn.getByRole('button', { name: /^Country:/ }).waitFor({ state: 'detached' });
	await page.waitForFunction(() => document.querySelectorAll('main .ag-row[row-id]').length === 4);
});
