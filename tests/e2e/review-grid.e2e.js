// The review grid's rows as the admin orders, selects and filters them: the Row column sorts both ways and
// "Next problem" follows that order; selected rows are deleted and come back with an undo, no longer selected;
// "Show only rows with problems" keeps a fixed row until it is applied again; an error count goes to its first row.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { axeViolations, fixture, openPage, startApp, waitForReview } from './harness.js';

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

const HEADER = readFileSync(fixture('clients-valid.csv'), 'utf8').split(/\r?\n/)[0];
const row = (name, country) => `${name},Ana,Silva,ana@${name.toLowerCase()}.example,,,,,,HQ,,,,${country},,Etc/UTC,,,`;

/** Waits until the grid shows these row numbers, top to bottom. */
async function shows(page, rowNumbers) {
	await page.waitForFunction((wanted) => {
		const rows = [...document.querySelectorAll('main .ag-row[row-id]')]
			.sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
			.map((r) => r.getAttribute('row-id'));
		return JSON.stringify(rows) === JSON.stringify(wanted);
	}, rowNumbers.map(String));
}

test('rows sort by row number both ways, are deleted when selected and come back with an undo', async () => {
	const { page, consoleErrors, context } = await openPage(app, '/import/');
	const csv = [HEADER, row('Alpha', 'US'), row('Beta', 'XX'), row('Gamma', 'US'), row('Delta', 'YY'), row('Eta', 'US')];
	await page
		.locator('input[type=file]')
		.setInputFiles({ name: 'clients.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.join('\n')) });
	await waitForReview(page);
	await shows(page, [2, 3, 4, 5, 6]);

	// The Row column's header sorts up, then down; "Next problem" goes in the order shown.
	const rowHeader = page.locator('main .ag-header-cell[col-id="row"] .ag-header-cell-label');
	await rowHeader.click();
	await rowHeader.click();
	await shows(page, [6, 5, 4, 3, 2]);
	const details = page.getByRole('complementary', { name: 'Selected cell' });
	await page.getByRole('button', { name: 'Next problem (F8)' }).click();
	await details.getByText('Row 5 · Country').waitFor();
	await page.keyboard.press('F8');
	await details.getByText('Row 3 · Country').waitFor();

	// Two rows ticked are deleted; the undo brings them back in their places, not selected any more.
	await page.locator('main .ag-row[row-id="3"] .ag-selection-checkbox input').check();
	await page.locator('main .ag-row[row-id="5"] .ag-selection-checkbox input').check();
	await page.getByRole('button', { name: 'Delete selected rows (2)' }).click();
	await shows(page, [6, 4, 2]);
	assert.match(await page.locator('.summary').innerText(), /^3\s*rows\s*0\s*rows with errors\b/);
	await page.getByRole('button', { name: 'Undo: Delete 2 rows' }).click();
	await shows(page, [6, 5, 4, 3, 2]);
	await page.getByRole('button', { name: 'Delete selected rows', exact: true }).waitFor();
	assert.equal(await page.locator('main .ag-row-selected').count(), 0);

	// Only the rows with problems: a fixed one stays in view until the filter is applied again.
	await page.getByLabel('Show only rows with problems').check();
	await shows(page, [5, 3]);
	// The column's header counts its errors, and counts again once one is fixed.
	const countryErrors = page.locator('main .ag-header-cell[col-id="Country"] .header-error-count');
	await countryErrors.filter({ hasText: /^ \(2 errors\)$/ }).waitFor();
	await page.locator('main .ag-row[row-id="3"] [col-id="Country"]').dblclick();
	await page.locator('.option-editor input').fill('United States');
	await page.keyboard.press('Enter');
	await page.waitForFunction(
		() => document.querySelector('main .ag-row[row-id="3"] [col-id="Country"]')?.textContent === 'US'
	);
	await countryErrors.filter({ hasText: /^ \(1 error\)$/ }).waitFor();
	await shows(page, [5, 3]);
	await page.getByLabel('Show only rows with problems').uncheck();
	await page.getByLabel('Show only rows with problems').check();
	await shows(page, [5]);

	// An error count pressed shows its column's rows and moves to the first of them, wherever focus was.
	await page.getByLabel('Show only rows with problems').uncheck();
	await shows(page, [6, 5, 4, 3, 2]);
	await page.locator('main .ag-row[row-id="6"] [col-id="row"]').click();
	await details.getByText(/^Row 6 · /).waitFor();
	await page
		.getByRole('group', { name: 'Errors by column:' })
		.getByRole('button', { name: 'Country: 1', exact: true })
		.click();
	await details.getByText('Row 5 · Country').waitFor();
	await shows(page, [5]);
	assert.deepEqual(await axeViolations(page), []);
	assert.deepEqual(consoleErrors, []);
	await context.close();
});
