// Bad input gets a clear message, never a blank screen or a frozen tab.
import assert from 'node:assert/strict';
import { closeSync, ftruncateSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { FROZEN_MS, GENEROUS } from '../helpers/generous.js';
import { axeViolations, openPage, startApp, fixture } from './harness.js';

const [HEADER, ROW, ROW2] = readFileSync(fixture('clients-valid.csv'), 'utf8').split(/\r?\n/);

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

const file = (name, content) => ({
	name,
	mimeType: 'text/csv',
	buffer: Buffer.isBuffer(content) ? content : Buffer.from(content)
});

async function choose(page, input) {
	await page.locator('input[type=file]').setInputFiles(input);
}

const alert = (page, text) => page.getByRole('alert').getByText(text).waitFor();
const review = (page) => page.getByRole('toolbar', { name: 'Review tools' }).waitFor({ timeout: 30_000 });

test('an empty file, a header only and a file of blank lines are explained', async () => {
	const { page, context } = await openPage(app, '/import');
	await choose(page, file('empty.csv', ''));
	await alert(page, 'This file is empty: it has no header row and no clients.');
	await choose(page, file('header.csv', `${HEADER}\n`));
	await alert(page, 'This file has a header row but no clients under it');
	await choose(page, file('blank.csv', '\n\n  \n'));
	await alert(page, 'This file holds only blank lines');
	await context.close();
});

test('a PNG renamed .csv and a file with NUL bytes are refused as not text', async () => {
	const { page, context } = await openPage(app, '/import');
	await choose(
		page,
		file('logo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72]))
	);
	await alert(page, 'This file is a PNG image, not a CSV.');
	await choose(page, file('nul.csv', Buffer.concat([Buffer.from(`${HEADER}\n${ROW}`), Buffer.from([0, 0, 0])])));
	await alert(page, 'This file contains 3 NUL bytes, which a CSV never has');
	await context.close();
});

test('an unclosed quote at the end is an error of its row, with its row number', async () => {
	const { page, context } = await openPage(app, '/import');
	await choose(page, file('quote.csv', `${HEADER}\n${ROW}\n"Unclosed Co,Ann,Lee,ann@x.example\n`));
	await review(page);
	await page.getByRole('button', { name: 'Next problem (F8)' }).click();
	const details = page.getByRole('complementary', { name: 'Selected cell' });
	await details.getByText('Row 3 · Whole row').waitFor();
	await details.getByText(/A quoted cell is never closed/).waitFor();
	await context.close();
});

test('rows with too many or too few fields are problems of those rows', async () => {
	const { page, context } = await openPage(app, '/import');
	await choose(page, file('ragged.csv', `${HEADER}\n${ROW},extra value\n${ROW2.split(',').slice(0, 17).join(',')}\n`));
	await review(page);
	const summary = page.locator('.summary');
	await summary.getByText('2 warnings', { exact: true }).waitFor();
	await page.getByRole('button', { name: 'Next problem (F8)' }).click();
	const details = page.getByRole('complementary', { name: 'Selected cell' });
	await details.getByText('Row 2 · Whole row').waitFor();
	await details
		.getByText(/This row has 20 fields but the header has 19: the extra value "extra value" was left out/)
		.waitFor();
	await page.getByRole('button', { name: 'Next problem (F8)' }).click();
	await details.getByText('Row 3 · Whole row').waitFor();
	await details.getByText(/This row has 17 fields but the header has 19/).waitFor();
	await context.close();
});

test('the same header twenty times, and 1,000 columns, go to the column check', async () => {
	const { page, context } = await openPage(app, '/import');
	await choose(
		page,
		file('twenty.csv', `${Array(20).fill('ClientName').join(',')}\n${Array(20).fill('Acme').join(',')}\n`)
	);
	await page.getByRole('heading', { name: 'Check the columns' }).waitFor();
	await page.getByText('19 duplicated columns: ClientName (only the first is used)', { exact: true }).waitFor();
	await page.getByText(/^Required columns with no file column: PrimaryContactFirstName/).waitFor();

	await page.getByRole('button', { name: 'Choose another file' }).click();
	const wide = Array.from({ length: 1000 }, (_, i) => (i < 19 ? HEADER.split(',')[i] : `Extra${i}`));
	await choose(page, file('wide.csv', `${wide.join(',')}\n${ROW}${','.repeat(981)}\n`));
	await page.getByRole('heading', { name: 'Check the columns' }).waitFor();
	await page.getByText('981 file columns ignored (map them to use their values)', { exact: true }).waitFor();
	await page.getByText('…and 800 more columns, not shown; they are ignored.').waitFor();
	await page.getByRole('button', { name: 'Continue with these columns' }).click();
	await review(page);
	await page.locator('.summary').getByText('0 errors', { exact: true }).waitFor();
	await context.close();
});

test('a cell of 100,000 characters, the most a cell may hold, is read and marked too long', async () => {
	const { page, context } = await openPage(app, '/import');
	const long = ROW.replace(/,\d+ Main Street,/, `,${'x'.repeat(100_000)},`);
	await choose(page, file('long-cell.csv', `${HEADER}\n${long}\n`));
	await review(page);
	await page.getByRole('button', { name: 'Next problem (F8)' }).click();
	await page
		.getByRole('complementary', { name: 'Selected cell' })
		.getByText('Address line is 100000 characters long: keep it to 200 or fewer.')
		.waitFor();
	await context.close();
});

/** A file of this content written to disk: files of tens of MB go to the page by path, not as a buffer. */
function bigFile(name, ...parts) {
	const path = join(mkdtempSync(join(tmpdir(), 'hostile-')), name);
	writeFileSync(path, Buffer.concat(parts.map((part) => (Buffer.isBuffer(part) ? part : Buffer.from(part)))));
	return path;
}

/**
 * Waits for the alert while asking the page for a trivial answer again and again: the longest wait for one
 * is how long the tab froze at worst. The benchmark times; this only catches a freeze.
 */
async function alertWhileAnswering(page, text) {
	await whileAnswering(page, alert(page, text));
}

/** Waits for `shown` while asking the page for a trivial answer again and again (see alertWhileAnswering). */
async function whileAnswering(page, shown) {
	let done = false;
	let longest = 0;
	void shown.finally(() => (done = true));
	while (!done) {
		const asked = Date.now();
		await page.evaluate(() => 1);
		longest = Math.max(longest, Date.now() - asked);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	await shown;
	const limit = FROZEN_MS * GENEROUS;
	assert.ok(longest < limit, `the page answered within ${limit} ms throughout (longest wait ${longest} ms)`);
}

test('hostile sizes are refused with the limit named, and the tab keeps answering', async () => {
	const { page, context, consoleErrors } = await openPage(app, '/import');
	const x = (n) => 'x'.repeat(n);

	await choose(page, file('big-cell.csv', `${HEADER}\n${ROW.replace(/,\d+ Main Street,/, `,${x(200_000)},`)}\n`));
	await alertWhileAnswering(
		page,
		'Row 2 has a cell of 200,000 characters (column "AddressLine"): a cell may hold at most 100,000 characters.'
	);
	await page.getByLabel('Encoding').waitFor(); // the error screen keeps the pickers

	const columns = Array.from({ length: 200_000 }, (_, i) => `c${i % 100}`).join(',');
	await choose(page, bigFile('wide.csv', `${columns}\n${ROW}\n`));
	await alertWhileAnswering(page, 'The header has 200,000 columns: the importer takes at most 1,000.');

	await choose(page, bigFile('one-line.csv', x(30 * 1024 * 1024)));
	await alertWhileAnswering(page, /^Row 1, the header, runs on for more than 1 MB, the most a row may hold/);

	await choose(page, bigFile('long-line.csv', `${HEADER}\n${ROW}\nAcme,`, x(30 * 1024 * 1024), '\n'));
	await alertWhileAnswering(
		page,
		/^Row 3 runs on for more than 1 MB, the most a row may hold \(a cell may hold at most 100,000 characters\)/
	);
	assert.deepEqual(consoleErrors, []);
	await context.close();
});

test('a 300 MB file is refused before any work starts, with the limit stated', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'big-'));
	const path = join(dir, 'huge.csv');
	const fd = openSync(path, 'w');
	ftruncateSync(fd, 300 * 1024 * 1024);
	closeSync(fd);
	const { page, context } = await openPage(app, '/import');
	await choose(page, path);
	await alert(page, 'This file is 300 MB, more than the 250 MB the importer takes. Split it into smaller files');
	await context.close();
});

test('a file in neither UTF-8 nor Windows-1252 can be read with the encoding the admin picks', async () => {
	const { page, context } = await openPage(app, '/import');
	const tokyo = Buffer.from([0x93, 0x8c, 0x8b, 0x9e]); // 東京 in Shift_JIS
	const row = Buffer.from(ROW.replace(/^[^,]+/, ' Dental'));
	await choose(page, file('sjis.csv', Buffer.concat([Buffer.from(`${HEADER}\n`), tokyo, row, Buffer.from('\n')])));
	await review(page);
	await page.getByText('Read as Windows-1252').waitFor();
	await page.getByLabel('Encoding').selectOption('shift_jis');
	await review(page);
	await page.getByText('Read as Shift_JIS').waitFor();
	await page.getByRole('gridcell', { name: '東京 Dental' }).waitFor();
	await context.close();
});

test('UTF-16LE without a byte order mark is read as such; an error screen keeps the pickers and recovers', async () => {
	const { page, context, consoleErrors } = await openPage(app, '/import');
	const row = ROW.replace(/^[^,]+/, 'Zürich Zahnärzte');
	await choose(page, file('unicode.csv', Buffer.from(`${HEADER}\r\n${row}\r\n`, 'utf16le')));
	await review(page);
	await page.getByText('Read as UTF-16LE').waitFor();
	await page.getByRole('gridcell', { name: 'Zürich Zahnärzte' }).waitFor();

	// Read the wrong way on purpose: the error says what to choose, and the pickers are there to choose it.
	await page.getByLabel('Encoding').selectOption('utf-8');
	await alert(page, /NUL bytes, which a CSV never has.*choose UTF-16LE as the encoding/);
	await page.getByRole('group', { name: 'How the file is read' }).getByText('unicode.csv').waitFor();
	assert.equal(await page.getByLabel('Encoding').inputValue(), 'utf-8');
	assert.deepEqual(await axeViolations(page), [], 'the error screen with its pickers');
	await page.getByLabel('Encoding').selectOption('utf-16le');
	await review(page);
	await page.getByRole('gridcell', { name: 'Zürich Zahnärzte' }).waitFor();
	assert.equal(await page.getByRole('alert').count(), 0);
	assert.deepEqual(consoleErrors, []);
	await context.close();
});

test('100,000 rows that share one email (a placeholder) are all marked, without freezing the tab', async () => {
	const { page, context, consoleErrors } = await openPage(app, '/import');
	const rows = Array.from({ length: 100_000 }, (_, i) => ROW.replace(/^[^,]+/, `Client ${i}`));
	await choose(page, bigFile('one-email.csv', [HEADER, ...rows].join('\n')));
	await whileAnswering(page, review(page));
	assert.match(
		(await page.locator('.summary').innerText()).replace(/\s+/g, ' '),
		/^100,000 rows 100,000 rows with errors 100,000 errors /
	);
	await page.locator('main .ag-row[row-id="2"] .ag-cell[col-id="PrimaryContactEmail"]').click();
	await page.getByText(/is also in rows 3, 4, 5, 6, 7 and more than 100 others/).waitFor();
	assert.deepEqual(consoleErrors, []);
	await context.close();
});
