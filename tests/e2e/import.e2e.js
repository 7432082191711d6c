// The import wizard end to end, on the fixtures: report, fixes in the grid, commit, resume, mapping,
// encodings.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { axeViolations, downloadText, fixture, openPage, readStore, startApp, waitForReview } from './harness.js';

const TEMPLATE_HEADER = readFileSync(fixture('clients-valid.csv'), 'utf8').split(/\r?\n/)[0];

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

async function chooseFile(page, file) {
	await page.locator('input[type=file]').setInputFiles(file);
}

const cell = (page, rowNumber, column) => page.locator(`.ag-row[row-id="${rowNumber}"] [col-id="${column}"]`);

async function summary(page) {
	return (await page.locator('.summary').innerText()).replace(/\s+/g, ' ');
}

/** Moves to a problem cell as an admin would, with "Next problem", until the details panel shows it. */
async function goToProblem(page, rowNumber, column) {
	const where = page.getByRole('complementary', { name: 'Selected cell' }).locator('.where');
	for (let i = 0; i < 40; i++) {
		const before = (await where.count()) > 0 ? await where.innerText() : '';
		await page.getByRole('button', { name: 'Next problem (F8)' }).click();
		// Wait for this move to show before the next one, or a slow machine would overshoot the target.
		await page.waitForFunction(
			(previous) => document.querySelector('[aria-labelledby="details-title"] .where')?.textContent !== previous,
			before
		);
		if ((await where.innerText()) === `Row ${rowNumber} · ${column}`) return;
	}
	throw new Error(`Next problem never reached row ${rowNumber}, ${column}`);
}

/** Edits the focused cell by typing, as with Enter, text, Enter. */
async function typeIntoFocused(page, text) {
	await page.keyboard.press('Enter');
	const editor = page.locator('.ag-cell-inline-editing input, .ag-popup-editor textarea');
	await editor.fill(text);
	await editor.press('Enter');
}

test('the error report lists exactly the expected errors of clients-with-errors.csv', async () => {
	const { page, context, consoleErrors } = await openPage(app, '/import');
	await chooseFile(page, fixture('clients-with-errors.csv'));
	await waitForReview(page);
	assert.match(await summary(page), /^400 rows 18 rows with errors 18 errors\b/);
	// Once read, the keyboard is at the review: its heading.
	await page.waitForFunction(() => document.activeElement?.textContent === 'Review of clients-with-errors.csv');
	const { text } = await downloadText(page, () => page.getByRole('button', { name: 'Download error report' }).click());
	const lines = text
		.replace(/^\uFEFF/, '')
		.trim()
		.split('\r\n');
	assert.equal(lines[0], 'Row,Column,Value,Error,Severity');
	const errorPairs = lines
		.slice(1)
		.filter((line) => line.endsWith(',error'))
		.map((line) => line.split(',').slice(0, 2).join(','));
	const expected = readFileSync(fixture('clients-with-errors.expected.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
	assert.deepEqual(errorPairs, expected);
	assert.deepEqual(consoleErrors, []);
	await context.close();
});

test('fixing problems in the grid clears their marks; valid rows import; a reload resumes the edits', async () => {
	const { page, context, consoleErrors } = await openPage(app, '/import');
	await chooseFile(page, fixture('clients-with-errors.csv'));
	await waitForReview(page);

	// By typing.
	await goToProblem(page, 25, 'PrimaryContactEmail');
	assert.match(await cell(page, 25, 'PrimaryContactEmail').getAttribute('class'), /cell-error/);
	await typeIntoFocused(page, 'maria@keystonecedarsystems74155.com');
	assert.doesNotMatch(await cell(page, 25, 'PrimaryContactEmail').getAttribute('class'), /cell-error/);
	assert.match(await summary(page), /^400 rows 17 rows with errors 17 errors\b/);

	// By the details panel's one-click fix for a tz link, among the rows with problems only.
	await page.getByLabel('Show only rows with problems').check();
	await goToProblem(page, 71, 'Timezone');
	const details = page.getByRole('complementary', { name: 'Selected cell' });
	await details.getByText('Timezone "Asia/Calcutta" is an old name: use Asia/Kolkata.').waitFor();
	await details.getByRole('button', { name: 'Use Asia/Kolkata' }).click();
	await details.getByText('No problem here.').waitFor();
	assert.equal(await cell(page, 71, 'Timezone').innerText(), 'Asia/Kolkata');

	// By a select editor: the account manager must be one of the workspace's technicians.
	await goToProblem(page, 209, 'AccountManager');
	await page.keyboard.press('Enter');
	await page.getByRole('option', { name: 'alice.johnson@northwind-it.example', exact: true }).click();
	await details.getByText('No problem here.').waitFor();
	assert.doesNotMatch(await cell(page, 209, 'AccountManager').getAttribute('class'), /cell-error/);
	assert.match(await summary(page), /^400 rows 15 rows with errors 15 errors /);

	// The review survives a reload, with the edits, once the page says they are saved.
	await page.locator('.summary').getByText('Your review is saved in this browser.', { exact: true }).waitFor();
	await page.reload();
	await page.getByRole('heading', { name: 'Resume your review?' }).waitFor();
	await page.getByRole('button', { name: 'Resume' }).click();
	await waitForReview(page);
	assert.match(await summary(page), /^400 rows 15 rows with errors 15 errors /);

	// Import the valid rows only, after the confirmation.
	await page.getByRole('button', { name: 'Import valid rows only (385)' }).click();
	const dialog = page.getByRole('dialog', { name: 'Import valid rows only?' });
	await dialog.getByText('15 rows with errors will be skipped', { exact: true }).waitFor();
	const skipped = await downloadText(page, () =>
		dialog.getByRole('button', { name: 'Download the skipped rows' }).click()
	);
	const skippedLines = skipped.text
		.replace(/^\uFEFF/, '')
		.trim()
		.split('\r\n');
	assert.equal(skippedLines[0], `${TEMPLATE_HEADER},Errors`);
	await dialog.getByRole('button', { name: 'Import 385 clients' }).click();
	await page.getByRole('heading', { name: 'Imported 385 clients (15 skipped)', exact: true }).waitFor();
	const clients = await readStore(page, 'clients');
	assert.equal(clients.length, 385);
	const fixed = clients.find((c) => c.name === 'Delta Orbit Motors 31404');
	assert.equal(fixed.site.timezone, 'Asia/Kolkata');
	assert.equal(fixed.site.country, 'GB');
	assert.equal(fixed.site.state, 'GB-ENG');
	const typed = clients.find((c) => c.name === 'Keystone Cedar Systems 74155');
	assert.equal(typed.primaryContact.email, 'maria@keystonecedarsystems74155.com');
	const managed = clients.find((c) => c.name === 'Pioneer Cedar Clinic 92580');
	const alice = await page.evaluate(
		() =>
			new Promise((resolve) => {
				const request = indexedDB.open('client-import');
				request.onsuccess = () => {
					const get = request.result
						.transaction('technicians')
						.objectStore('technicians')
						.index('emailKey')
						.get('alice.johnson@northwind-it.example');
					get.onsuccess = () => resolve(get.result);
				};
			})
	);
	assert.equal(managed.accountManagerId, alice.id);
	assert.deepEqual(consoleErrors, []);
	await context.close();
});

test('a select cell is edited by searching: a name, a code, Escape to cancel', async () => {
	const { page, context, consoleErrors } = await openPage(app, '/import');
	await chooseFile(page, fixture('clients-with-errors.csv'));
	await waitForReview(page);
	await goToProblem(page, 117, 'Country');
	const country = cell(page, 117, 'Country');
	const before = await country.innerText();

	// Typing on the cell starts the search; the best match is highlighted and Enter keeps it.
	await page.keyboard.type('germ');
	const search = page.getByRole('combobox', { name: 'Find Country' });
	await search.waitFor();
	assert.equal(await search.inputValue(), 'germ');
	const list = page.getByRole('listbox', { name: 'Country' });
	assert.equal(await list.getByRole('option').first().innerText(), 'DE · Germany');
	assert.equal(await list.getByRole('option', { selected: true }).innerText(), 'DE · Germany');
	assert.deepEqual(await axeViolations(page), [], 'the open editor');
	if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/grid-editor.png` });
	await search.press('Enter');
	await search.waitFor({ state: 'detached' });
	assert.equal(await country.innerText(), 'DE');
	assert.notEqual(before, 'DE');

	// A code typed exactly wins over names that start with it; arrows move the highlight; Escape cancels.
	await country.click();
	await page.keyboard.press('Enter');
	await search.fill('us');
	assert.equal(await list.getByRole('option', { selected: true }).innerText(), 'US · United States');
	await search.press('ArrowDown');
	assert.notEqual(await list.getByRole('option', { selected: true }).innerText(), 'US · United States');
	await search.press('Escape');
	await search.waitFor({ state: 'detached' });
	assert.equal(await country.innerText(), 'DE');

	// Tab takes the highlighted match, as Enter does.
	await country.click();
	await page.keyboard.press('Enter');
	await search.fill('UK');
	await search.press('Tab');
	await search.waitFor({ state: 'detached' });
	assert.equal(await country.innerText(), 'GB');
	assert.deepEqual(consoleErrors, []);
	await context.close();
});

test('clients-valid.csv imports with no problem, and the import can be undone', async () => {
	const { page, context, consoleErrors } = await openPage(app, '/import');
	await chooseFile(page, fixture('clients-valid.csv'));
	await waitForReview(page);
	assert.match(await summary(page), /^50 rows 0 rows with errors 0 errors\b/);
	// The keyboard follows the work: to the review, then to what happened.
	const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim());
	await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Review of clients-valid.csv');
	await page.getByRole('button', { name: 'Import 50 clients' }).click();
	await page.getByRole('heading', { name: 'Imported 50 clients', exact: true }).waitFor();
	assert.equal(await focused(), 'Imported 50 clients');
	assert.equal((await readStore(page, 'clients')).length, 50);
	await page.getByRole('button', { name: 'Undo this import' }).click();
	await page.getByRole('status').getByText('The import was undone: 50 clients removed.').waitFor();
	await page.getByRole('heading', { name: 'Import undone: 50 clients removed', exact: true }).waitFor();
	assert.equal(await focused(), 'Import undone: 50 clients removed');
	assert.equal((await readStore(page, 'clients')).length, 0);
	assert.deepEqual(consoleErrors, []);
	await context.close();
});

test('a file that takes a while shows its first rows as it is read, read-only, then its whole review', async () => {
	const { page, context, consoleErrors } = await openPage(app, '/import');
	const [header, row] = readFileSync(fixture('clients-valid.csv'), 'utf8').split(/\r?\n/);
	// Each client its own name and email, so that the file has no problem to mark.
	const rows = Array.from({ length: 400_000 }, (_, i) =>
		row.replace(/^[^,]+,([^,]+,[^,]+),[^,]+/, `Client ${i},$1,contact.${i}@client${i}.example`)
	);
	const dir = mkdtempSync(join(tmpdir(), 'import-e2e-'));
	const file = join(dir, 'filling.csv');
	writeFileSync(file, [header, ...rows].join('\n'));
	await chooseFile(page, file);
	// Rows on screen while the file is still read: its progress and Cancel above them, no tools to edit with yet.
	const firstCell = page.locator('main .ag-row[row-id="2"] .ag-cell[col-id="ClientName"]');
	await firstCell.waitFor({ timeout: 60_000 });
	// One look at the page, so that the read cannot end between its parts.
	const shown = await page.evaluate(() => ({
		reading: [...document.querySelectorAll('h2')].some((h) => h.textContent === 'Reading and checking the file…'),
		tools: document.querySelector('[role=toolbar][aria-label="Review tools"]') !== null,
		importButton: [...document.querySelectorAll('main button')].some(
			(b) => b.checkVisibility() && /^Import/.test(b.textContent?.trim() ?? '')
		),
		summary: document.querySelector('.summary')?.textContent ?? ''
	}));
	assert.ok(shown.reading, 'the first rows show while the file is still read');
	assert.deepEqual([shown.tools, shown.importButton], [false, false]);
	assert.match(shown.summary, /Reading the file/);
	await page.getByRole('toolbar', { name: 'Review tools' }).waitFor({ timeout: 120_000 });
	assert.equal(await page.getByRole('heading', { name: 'Reading and checking the file…' }).count(), 0);
	assert.match(await summary(page), /^400,000 rows 0 rows with errors 0 errors /);
	assert.equal(await firstCell.innerText(), 'Client 0');
	// Once read, the review is edited as any other.
	await firstCell.dblclick();
	await page.keyboard.press('Control+a');
	await page.keyboard.type('Renamed client');
	await page.keyboard.press('Enter');
	await page.getByRole('button', { name: 'Undo: Edit ClientName in row 2' }).waitFor();
	assert.deepEqual(consoleErrors, []);
	await context.close();
	rmSync(dir, { recursive: true, force: true });
});

test('one file reader serves file after file: Cancel stops a read, the next file and another delimiter read', async () => {
	const { page, context, consoleErrors } = await openPage(app, '/import');
	const [header, row] = readFileSync(fixture('clients-valid.csv'), 'utf8').split(/\r?\n/);
	// Large enough to be still reading when its first rows show (a fast machine reads 150,000 rows in a second).
	const rows = Array.from({ length: 600_000 }, (_, i) => row.replace(/^[^,]+/, `Client ${i}`));
	// On disk: the browser reads a path at once, where 120 MB sent as a buffer would take long.
	const big = join(mkdtempSync(join(tmpdir(), 'import-e2e-')), 'big.csv');
	writeFileSync(big, [header, ...rows].join('\n'));
	await chooseFile(page, big);
	await page.getByRole('heading', { name: 'Reading and checking the file…' }).waitFor();
	// Its first rows show while it is read; Cancel stays above them.
	await page.locator('main .ag-row[row-id] .ag-cell[col-id="ClientName"]').first().waitFor({ timeout: 60_000 });
	// The page takes in rows as they come: on a busy machine the button may not keep still for Playwright's checks.
	await page.getByRole('button', { name: 'Cancel' }).click({ force: true, timeout: 60_000 });
	await page.getByRole('alert').getByText('Reading was cancelled: nothing was imported.').waitFor();
	await chooseFile(page, fixture('clients-valid.csv'));
	await waitForReview(page);
	assert.match(await summary(page), /^50 rows 0 rows with errors 0 errors\b/);
	// Another delimiter reads the file again: one column, which is not the template's.
	const bar = page.getByRole('group', { name: 'How the file is read' });
	await bar.getByLabel('Delimiter').selectOption(';');
	await page.getByRole('heading', { name: 'Check the columns' }).waitFor();
	await bar.getByLabel('Delimiter').selectOption(',');
	await waitForReview(page);
	assert.match(await summary(page), /^50 rows 0 rows with errors 0 errors\b/);
	assert.deepEqual(consoleErrors, []);
	await context.close();
	rmSync(dirname(big), { recursive: true, force: true });
});

test('a near-miss header goes through the mapping step', async () => {
	const { page, context } = await openPage(app, '/import');
	const [header, ...rows] = readFileSync(fixture('clients-valid.csv'), 'utf8').split(/\r?\n/);
	const nearMiss = header
		.replace('ClientName', 'Client Name')
		.replace('PrimaryContactEmail', 'Primary Contact Email')
		.replace('Timezone', 'time_zone');
	await chooseFile(page, {
		name: 'near-miss.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from([nearMiss, ...rows].join('\n'))
	});
	await page.getByRole('heading', { name: 'Check the columns' }).waitFor();
	assert.equal(
		await page.getByLabel('Template column for file column 1 (Client Name)').inputValue(),
		'0',
		'"Client Name" is suggested for ClientName'
	);
	await page.getByLabel('Template column for file column 1 (Client Name)').selectOption('');
	// A missing required column is said, and left to fill here or in the review: it does not block.
	await page.getByText(/^Required column with no file column: ClientName\./).waitFor();
	assert.equal(await page.getByRole('button', { name: 'Continue with these columns' }).isDisabled(), false);
	await page.getByLabel('Template column for file column 1 (Client Name)').selectOption('0');
	await page.getByRole('button', { name: 'Continue with these columns' }).click();
	await waitForReview(page);
	assert.match(await summary(page), /^50 rows 0 rows with errors 0 errors\b/);
	await context.close();
});

test('a Windows-1252 file with accented names is read as such and stored correctly', async () => {
	const { page, context } = await openPage(app, '/import');
	const [header, ...rows] = readFileSync(fixture('clients-valid.csv'), 'utf8').trim().split(/\r?\n/);
	const accented = rows
		.slice(0, 3)
		.map((row, i) => row.replace(/^[^,]+/, ['Café Zürich', 'Société Générale Clinique', 'Müller & Søn'][i]));
	await chooseFile(page, {
		name: 'latin.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from([header, ...accented].join('\r\n'), 'latin1')
	});
	await waitForReview(page);
	await page.getByText('Read as Windows-1252').waitFor();
	await page.getByRole('button', { name: 'Import 3 clients' }).click();
	await page.getByRole('heading', { name: 'Imported 3 clients', exact: true }).waitFor();
	const names = (await readStore(page, 'clients')).map((c) => c.name).sort();
	assert.deepEqual(names, ['Café Zürich', 'Müller & Søn', 'Société Générale Clinique']);
	await context.close();
});

test('an empty file and an image get a clear message, not a blank screen', async () => {
	const { page, context } = await openPage(app, '/import');
	await chooseFile(page, { name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
	await page.getByRole('alert').getByText('This file is empty').waitFor();
	const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
	await chooseFile(page, { name: 'photo.csv', mimeType: 'text/csv', buffer: png });
	await page.getByRole('alert').getByText('This file is a PNG image, not a CSV.').waitFor();
	await page.getByRole('button', { name: 'Choose a file…' }).or(page.getByText('Choose a file…')).first().waitFor();
	await context.close();
});

test('the import stages have no accessibility violation that axe-core finds', async () => {
	const { page, context } = await openPage(app, '/import');
	await page.getByRole('heading', { name: 'Choose a CSV file' }).waitFor();
	assert.deepEqual(await axeViolations(page), [], 'choose a file');
	const [header, ...rows] = readFileSync(fixture('clients-valid.csv'), 'utf8').split(/\r?\n/);
	await chooseFile(page, {
		name: 'near-miss.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from([header.replace('ClientName', 'Client Name'), ...rows].join('\n'))
	});
	await page.getByRole('heading', { name: 'Check the columns' }).waitFor();
	assert.deepEqual(await axeViolations(page), [], 'header mapping');
	await page.getByRole('button', { name: 'Choose another file' }).click();
	await chooseFile(page, fixture('clients-with-errors.csv'));
	await waitForReview(page);
	await page.getByRole('button', { name: 'Next problem (F8)' }).click();
	assert.deepEqual(await axeViolations(page), [], 'review');
	await page.getByRole('button', { name: /Import valid rows only/ }).click();
	await page.getByRole('dialog', { name: 'Import valid rows only?' }).waitFor();
	assert.deepEqual(await axeViolations(page), [], 'confirmation dialog');
	await context.close();
});
