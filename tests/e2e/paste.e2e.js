// Paste from a spreadsheet and typing clients in: cells pasted on the import page, a block pasted into the
// review grid (with undo), a cell copied, and an empty table filled in by hand, each through to the commit.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { axeViolations, fixture, openPage, startApp, TEMPLATE_COLUMNS, waitForReview } from './harness.js';

/** A client as a spreadsheet row: the template's columns, the address on two lines. */
function client(name, email, address = '') {
	const values = Object.fromEntries(TEMPLATE_COLUMNS.map((c) => [c, '']));
	Object.assign(values, {
		ClientName: name,
		PrimaryContactFirstName: 'Ada',
		PrimaryContactLastName: 'Byron',
		PrimaryContactEmail: email,
		SiteName: 'Headquarters',
		AddressLine: address,
		Country: 'GB',
		Timezone: 'Europe/London'
	});
	return TEMPLATE_COLUMNS.map((c) => values[c]);
}

/** Rows as Excel puts them on the clipboard: tabs, CRLF after every row, a cell with a line break quoted. */
const excelText = (rows) =>
	rows
		.map((row) => row.map((v) => (/[\n"]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join('\t') + '\r\n')
		.join('');

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

async function summary(page) {
	return (await page.locator('.summary').innerText()).replace(/\s+/g, ' ');
}

const cell = (page, rowNumber, column) => page.locator(`.ag-row[row-id="${rowNumber}"] [col-id="${column}"]`);

/** A paste as the browser delivers it: a paste event whose clipboard holds text/plain, at the focused element. */
async function dispatchPaste(page, text) {
	await page.evaluate((text) => {
		const data = new DataTransfer();
		data.setData('text/plain', text);
		const target = document.activeElement ?? document.body;
		target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
	}, text);
}

async function clientNames(page) {
	await page.goto(`${app.url}/clients`);
	const table = page.getByRole('table', { name: 'Clients' });
	await table.waitFor();
	return table.locator('tbody tr').allInnerTexts();
}

test('cells pasted on the import page go through the review to the clients list', async () => {
	const { page, context, consoleErrors } = await openPage(app, '/import');
	await page.getByRole('heading', { name: 'No file at hand?' }).waitFor();
	assert.deepEqual(await axeViolations(page), []);

	const text = excelText([
		TEMPLATE_COLUMNS,
		client('Pasted Alpha Ltd', 'ada@alpha.example', '1 High Street\nUnit 2'),
		client('Pasted Beta "Group"', 'ada@beta.example')
	]);
	await dispatchPaste(page, text);
	await waitForReview(page);
	await page.getByText('Pasted cells', { exact: true }).waitFor();
	assert.equal(await page.getByLabel('Delimiter').inputValue(), '\t');
	assert.match(await summary(page), /^2 rows 0 rows with errors 0 errors\b/);
	assert.equal(await cell(page, 3, 'ClientName').innerText(), 'Pasted Beta "Group"');

	await page.getByRole('button', { name: 'Import 2 clients' }).click();
	await page.getByRole('heading', { name: 'Imported 2 clients', exact: true }).waitFor();
	const rows = await clientNames(page);
	assert.ok(rows.some((r) => r.includes('Pasted Alpha Ltd')));
	assert.ok(rows.some((r) => r.includes('Pasted Beta "Group"')));
	assert.deepEqual(consoleErrors, []);
	await context.close();
});

test("pasted rows without a header are offered the template's columns in order, from the labelled box", async () => {
	const { page, context, consoleErrors } = await openPage(app, '/import', {
		permissions: ['clipboard-read', 'clipboard-write']
	});
	// Only the first four columns, as an admin might copy them: the rest are left empty, then filled in review.
	const text = excelText([client('Headless One', 'one@headless.example').slice(0, 4)]);
	await page.evaluate((text) => navigator.clipboard.writeText(text), text);
	await page.getByLabel('Paste cells').focus();
	await page.keyboard.press('Control+V');
	await page.getByRole('heading', { name: 'The first pasted row is not a header' }).waitFor();
	assert.deepEqual(await axeViolations(page), []);
	await page.getByRole('button', { name: "Use the template's columns in order" }).click();
	await waitForReview(page);
	assert.equal(await cell(page, 2, 'ClientName').innerText(), 'Headless One');
	assert.equal(await cell(page, 2, 'PrimaryContactEmail').innerText(), 'one@headless.example');
	// SiteName and Timezone are required and were not pasted.
	assert.match(await summary(page), /^1 row 1 row with errors 2 errors 0 warnings\b/);
	assert.deepEqual(consoleErrors, []);
	await context.close();
});

test('a block pasted into the grid fills cells and adds a row, in one step of undo; Ctrl+C copies a cell', async () => {
	const { page, context, consoleErrors } = await openPage(app, '/import', {
		permissions: ['clipboard-read', 'clipboard-write']
	});
	await page.locator('input[type=file]').setInputFiles(fixture('clients-valid.csv'));
	await waitForReview(page);
	assert.match(await summary(page), /^50 rows 0 rows with errors\b/);
	// Rows 50 and 51, the last, into view (the grid draws the rows in view only).
	await cell(page, 2, 'ClientName').waitFor();
	await cell(page, 2, 'ClientName').hover();
	await page.mouse.wheel(0, 5000);
	const before = await cell(page, 51, 'PrimaryContactFirstName').innerText();

	// Copy a cell with Ctrl+C, as a spreadsheet would take it.
	await cell(page, 50, 'PrimaryContactEmail').click();
	await page.keyboard.press('Control+C');
	assert.equal(
		await page.evaluate(() => navigator.clipboard.readText()),
		await cell(page, 50, 'PrimaryContactEmail').innerText()
	);

	// A 3 × 2 block at row 51 (the last): the second row of the block needs a new row, 52.
	await cell(page, 51, 'ClientName').click();
	await page.evaluate(() => navigator.clipboard.writeText('Block Name A\tAnn\tLee\r\nBlock Name B\tBob\t\r\n'));
	await page.keyboard.press('Control+V');
	await cell(page, 52, 'ClientName').waitFor();
	assert.equal(await cell(page, 51, 'ClientName').innerText(), 'Block Name A');
	assert.equal(await cell(page, 51, 'PrimaryContactLastName').innerText(), 'Lee');
	assert.equal(await cell(page, 52, 'PrimaryContactFirstName').innerText(), 'Bob');
	assert.doesNotMatch(await cell(page, 51, 'ClientName').getAttribute('class'), /cell-error/);
	assert.doesNotMatch(await cell(page, 52, 'ClientName').getAttribute('class'), /cell-error/);
	// The new row's other required cells are empty: marked.
	for (const column of ['PrimaryContactLastName', 'PrimaryContactEmail']) {
		assert.match(await cell(page, 52, column).getAttribute('class'), /cell-error/, column);
	}
	assert.match(await summary(page), /^51 rows 1 row with errors 4 errors\b/);
	await page.getByRole('status').getByText('1 row was added for the paste.', { exact: true }).waitFor();
	await page.getByRole('button', { name: 'Undo: Paste 2 × 3 cells at row 51' }).waitFor();

	// One undo takes the whole paste back: the new row and the cells.
	await page.keyboard.press('Control+Z');
	await page.waitForFunction(() => !document.querySelector('.ag-row[row-id="52"]'));
	assert.equal(await cell(page, 51, 'PrimaryContactFirstName').innerText(), before);
	assert.match(await summary(page), /^50 rows 0 rows with errors\b/);
	// And redo brings it all back.
	await page.keyboard.press('Control+Y');
	await cell(page, 52, 'ClientName').waitFor();
	assert.equal(await cell(page, 52, 'ClientName').innerText(), 'Block Name B');
	// Past the last column: dropped, with a note.
	await page.keyboard.press('End');
	await cell(page, 51, 'TechnicianGroups').click();
	await dispatchPaste(page, 'x\ty\tz');
	await page
		.getByRole('status')
		.getByText(/^2 pasted columns run past the last column/)
		.waitFor();
	assert.equal(await cell(page, 51, 'TechnicianGroups').innerText(), 'x');

	assert.deepEqual(consoleErrors, []);
	await context.close();
});

/** Edits the focused cell by typing, as with Enter, text, Enter. */
async function typeIntoFocused(page, text) {
	await page.keyboard.press('Enter');
	const editor = page.locator('.ag-cell-inline-editing input, .ag-popup-editor textarea, .option-editor input');
	await editor.fill(text);
	await editor.press('Enter');
	await editor.waitFor({ state: 'detached' });
}

test('clients typed into an empty table are imported; its empty rows are left out', async () => {
	const { page, context, consoleErrors } = await openPage(app, '/import');
	await page.getByRole('button', { name: 'Enter clients by hand' }).click();
	await waitForReview(page);
	await page.getByText('Entered by hand', { exact: true }).waitFor();
	await cell(page, 6, 'ClientName').waitFor();
	assert.match(await summary(page), /^0 rows 0 rows with errors 0 errors\b/);
	assert.deepEqual(await axeViolations(page), []);

	// The required columns of three clients, by column.
	const typed = [
		{ ClientName: 'Typed One', PrimaryContactFirstName: 'Ann', PrimaryContactLastName: 'One' },
		{ ClientName: 'Typed Two', PrimaryContactFirstName: 'Ben', PrimaryContactLastName: 'Two' },
		{ ClientName: 'Typed Three', PrimaryContactFirstName: 'Cy', PrimaryContactLastName: 'Three' }
	].map((client, i) => ({
		...client,
		PrimaryContactEmail: `${client.PrimaryContactFirstName.toLowerCase()}@${client.PrimaryContactLastName.toLowerCase()}.example`,
		SiteName: 'Main office',
		Timezone: ['Etc/UTC', 'Europe/London', 'Asia/Kolkata'][i]
	}));
	// By keyboard, as an admin types: the arrows move between cells and bring them into view.
	await cell(page, 2, 'ClientName').click();
	for (const client of typed) {
		let at = 0;
		for (const [column, value] of Object.entries(client)) {
			const to = TEMPLATE_COLUMNS.indexOf(column);
			for (; at < to; at++) await page.keyboard.press('ArrowRight');
			await typeIntoFocused(page, value);
		}
		for (; at > 0; at--) await page.keyboard.press('ArrowLeft');
		await page.keyboard.press('ArrowDown');
	}
	assert.match(await summary(page), /^3 rows 0 rows with errors 0 errors\b/);
	await page.getByRole('button', { name: 'Add row' }).click();
	assert.match(await summary(page), /^3 rows 0 rows with errors 0 errors\b/);

	await page.getByRole('button', { name: 'Import 3 clients' }).click();
	await page.getByRole('heading', { name: 'Imported 3 clients', exact: true }).waitFor();
	await page.getByText('From Entered by hand').waitFor();
	const rows = await clientNames(page);
	for (const { ClientName: name } of typed)
		assert.ok(
			rows.some((r) => r.includes(name)),
			name
		);
	assert.deepEqual(consoleErrors, []);
	await context.close();
});
