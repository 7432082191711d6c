// Another tool's export end to end: its columns mapped by their names and first values, the confirmed
// mapping applied to the next file with the same header, and forgotten from Settings.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { OTHER_TOOL_HEADER as TEMPLATE_HEADER_OF_OTHER_TOOL } from '../helpers/other-tool-header.js';
import { axeViolations, fixture, openPage, startApp, waitForReview } from './harness.js';

/** The template's columns as another PSA tool names them, and a column of its own. */
const OTHER_TOOL_HEADER = [...TEMPLATE_HEADER_OF_OTHER_TOOL, 'Notes'];
/** The fixture's rows on one line each (a quoted cell's line break would split a row here). */
const ROWS = readFileSync(fixture('clients-valid.csv'), 'utf8')
	.trim()
	.split(/\r?\n/)
	.slice(1)
	.filter((line) => !line.includes('"'));
const clientName = (row) => row.split(',')[0];

/** An export of the fixture's rows `from` to `to` under a header; each row gets a note. */
function otherToolExport(name, header, from, to) {
	const rows = ROWS.slice(from, to).map((row, i) => `${row},note ${from + i}`);
	return { name, mimeType: 'text/csv', buffer: Buffer.from([header.join(','), ...rows].join('\r\n')) };
}

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

async function chooseFile(page, file) {
	await page.locator('input[type=file]').setInputFiles(file);
}

const NOTICE = 'Applied the column mapping you confirmed for this header on';

test("another tool's export is mapped by its column names and values, and its mapping remembered until forgotten", async () => {
	const { page, context, consoleErrors } = await openPage(app, '/import');

	// First file: the mapping screen, every column suggested, the first values beside each.
	await chooseFile(page, otherToolExport('psa-export.csv', OTHER_TOOL_HEADER, 0, 5));
	await page.getByRole('heading', { name: 'Check the columns' }).waitFor();
	assert.equal(await page.getByText(NOTICE).count(), 0, 'nothing remembered yet');
	const companyRow = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Company', exact: true }) });
	assert.deepEqual(
		await companyRow.getByRole('listitem').allInnerTexts(),
		ROWS.slice(0, 3).map(clientName),
		'the first three client names show beside Company'
	);
	const notesRow = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Notes', exact: true }) });
	assert.deepEqual(await notesRow.getByRole('listitem').allInnerTexts(), ['note 0', 'note 1', 'note 2']);
	assert.equal(await page.getByLabel('Template column for file column 3 (Surname)').inputValue(), '2');
	assert.equal(await page.getByLabel('Template column for file column 20 (Notes)').inputValue(), '');
	assert.deepEqual(await axeViolations(page), [], 'the mapping screen with sample values');
	// The admin's own choice, which the suggestions would not make: Owner left out.
	const owner = page.getByLabel('Template column for file column 18 (Owner)');
	assert.equal(await owner.inputValue(), '17');
	await owner.selectOption('');
	const ownerRow = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Owner', exact: true }) });
	await ownerRow.getByText('Your choice').waitFor();
	await page.getByRole('button', { name: 'Continue with these columns' }).click();
	await waitForReview(page);
	assert.equal(await page.getByText(NOTICE).count(), 0, 'no notice for the mapping just confirmed');
	await page.getByRole('button', { name: 'Import 5 clients' }).click();
	await page.getByRole('heading', { name: 'Imported 5 clients', exact: true }).waitFor();
	await page.getByRole('button', { name: /Import another file/ }).click();

	// Second file, the same header written in capitals: straight to the review, with the notice.
	const shouted = OTHER_TOOL_HEADER.map((name) => ` ${name.toUpperCase()}`);
	await chooseFile(page, otherToolExport('psa-export-2.csv', shouted, 5, 10));
	await waitForReview(page);
	await page.getByRole('status').filter({ hasText: NOTICE }).waitFor();
	// An edit made in the review is not thrown away without asking.
	await page.locator('.ag-row[row-id="2"] [col-id="ClientName"]').click();
	await page.keyboard.press('Enter');
	const editor = page.locator('.ag-cell-inline-editing input, .ag-popup-editor textarea');
	await editor.fill('Renamed Client');
	await editor.press('Enter');
	await page.getByRole('button', { name: /^Undo:/ }).waitFor();
	await page.getByRole('button', { name: 'Change the column mapping' }).click();
	await page
		.getByRole('dialog', { name: 'Change the column mapping?' })
		.getByRole('button', { name: 'Change the mapping' })
		.click();
	await page.getByRole('heading', { name: 'Check the columns' }).waitFor();
	await page.getByText(NOTICE).waitFor();
	assert.equal(
		await page.getByLabel('Template column for file column 18 (OWNER)').inputValue(),
		'',
		'the remembered mapping is applied, not the suggestions'
	);
	await page.getByRole('button', { name: 'Continue with these columns' }).click();
	await waitForReview(page);
	await page.getByRole('button', { name: 'Import 5 clients' }).click();
	await page.getByRole('heading', { name: 'Imported 5 clients', exact: true }).waitFor();

	// Settings lists it; forgotten there, the third file asks again.
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
	const panel = page.getByRole('region', { name: 'Remembered column mappings' });
	// As the last file that confirmed it wrote it.
	const listed = 'COMPANY, CONTACT FIRST NAME, SURNAME, E-MAIL, … (20 columns)';
	await panel.getByRole('cell', { name: listed, exact: true }).waitFor();
	assert.deepEqual(await axeViolations(page), [], 'settings with a remembered mapping');
	await panel.getByRole('button', { name: `Forget the mapping for ${listed}` }).click();
	await panel.getByText('No column mapping is remembered.').waitFor();
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
	await page.getByRole('heading', { name: 'Choose a CSV file' }).waitFor();
	await chooseFile(page, otherToolExport('psa-export-3.csv', OTHER_TOOL_HEADER, 10, 12));
	await page.getByRole('heading', { name: 'Check the columns' }).waitFor();
	assert.equal(await page.getByText(NOTICE).count(), 0, 'the forgotten mapping is not applied');
	assert.deepEqual(consoleErrors, []);
	await context.close();
});
