// Large edits in the built site: a fix-all of 2,500 rows is checked in the helper workers (two 2,000-row
// batches) and taken into the review in two slices; its counts, the draft stored in IndexedDB and its undo are
// read as the admin and the browser have them. And a fix-all whose check cannot be made says so.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openPage, readStore, startApp, TEMPLATE_COLUMNS, waitForReview } from './harness.js';

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

const ROWS = 2_500;
/** Every 400th row has no first name: an error that no fix touches (7 rows). */
const NO_FIRST_NAME = Math.ceil(ROWS / 400);
const COUNTRY = TEMPLATE_COLUMNS.indexOf('Country');

/**
 * 2,500 clients, each with its country written as a name ("India"): one fix-all fixes every row. `groups`: the
 * TechnicianGroups of every row.
 */
function clientsCsv(groups = '') {
	const lines = [TEMPLATE_COLUMNS.join(',')];
	for (let i = 0; i < ROWS; i++) {
		const row = {
			ClientName: `Client ${i}`,
			PrimaryContactFirstName: i % 400 === 0 ? '' : 'Ana',
			PrimaryContactLastName: 'Silva',
			PrimaryContactEmail: `contact.${i}@client${i}.example`,
			SiteName: 'HQ',
			Country: 'India',
			Timezone: 'Asia/Kolkata',
			TechnicianGroups: groups
		};
		lines.push(TEMPLATE_COLUMNS.map((column) => row[column] ?? '').join(','));
	}
	return lines.join('\n');
}

/**
 * Waits until the review shows these counts, no edit is being applied, and the review says it is saved: the
 * draft then holds every row as shown. Returns the counts.
 */
async function settledCounts(page, expected) {
	await page.waitForFunction(
		({ rows, rowsWithErrors, errors, warnings }) => {
			const spans = [...document.querySelectorAll('.summary span')].map((span) => span.textContent.trim());
			const shown = [
				`${rows} rows`,
				`${rowsWithErrors} ${rowsWithErrors === '1' ? 'row with errors' : 'rows with errors'}`,
				`${errors} ${errors === '1' ? 'error' : 'errors'}`,
				`${warnings} ${warnings === '1' ? 'warning' : 'warnings'}`
			].every((text) => spans.includes(text));
			return shown && !document.querySelector('.applying') && spans.includes('Your review is saved in this browser.');
		},
		Object.fromEntries(Object.entries(expected).map(([key, n]) => [key, n.toLocaleString('en')])),
		{ timeout: 30_000 }
	);
}

/** Each stored row's Country, by row number, read from the draft in IndexedDB. */
async function storedCountries(page) {
	const parts = (await readStore(page, 'drafts')).filter((record) => record.id.startsWith('review:rows:'));
	const countries = new Map();
	for (const row of parts.flatMap((part) => part.data)) {
		const values = typeof row.values === 'string' ? row.values.split('\u001f') : row.values;
		countries.set(row.rowNumber, values[COUNTRY]);
	}
	return countries;
}

/** The texts the edit's progress row showed while the page ran, recorded as they appear. */
async function recordProgress(page) {
	await page.evaluate(() => {
		window.progressShown = [];
		new MutationObserver(() => {
			const text = document.querySelector('.applying')?.textContent?.trim();
			if (text && window.progressShown.at(-1) !== text) window.progressShown.push(text);
		}).observe(document.body, { childList: true, subtree: true, characterData: true });
	});
}

const countriesFix = (page) =>
	page
		.getByRole('region', { name: 'Fix in bulk' })
		.getByRole('listitem')
		.filter({ hasText: 'Countries written as names' })
		.getByRole('button', { name: 'Fix 2,500 problems', exact: true });

async function openLargeReview(page, groups) {
	await page
		.locator('input[type=file]')
		.setInputFiles({ name: 'clients.csv', mimeType: 'text/csv', buffer: Buffer.from(clientsCsv(groups)) });
	await waitForReview(page);
}

const BEFORE = { rows: ROWS, rowsWithErrors: ROWS, errors: ROWS + NO_FIRST_NAME, warnings: 0 };

test('a fix-all of 2,500 rows and its undo: the counts shown and the stored draft follow each', async () => {
	const { page, consoleErrors } = await openPage(app, '/import/');
	await openLargeReview(page);
	await settledCounts(page, BEFORE);
	assert.deepEqual([...new Set((await storedCountries(page)).values())], ['India']);

	await recordProgress(page);
	await countriesFix(page).click();
	await settledCounts(page, { rows: ROWS, rowsWithErrors: NO_FIRST_NAME, errors: NO_FIRST_NAME, warnings: 0 });
	assert.deepEqual(await page.evaluate(() => window.progressShown), ['Applying the edit to 2,500 rows']);
	const fixed = await storedCountries(page);
	assert.equal(fixed.size, ROWS);
	assert.deepEqual([...new Set(fixed.values())], ['IN']);

	const undo = page.getByRole('button', { name: 'Undo: Countries written as names', exact: true });
	await recordProgress(page);
	await undo.click();
	await settledCounts(page, BEFORE);
	assert.deepEqual(await page.evaluate(() => window.progressShown), ['Applying the edit to 2,500 rows']);
	const undone = await storedCountries(page);
	assert.equal(undone.size, ROWS);
	assert.deepEqual([...new Set(undone.values())], ['India']);
	assert.deepEqual(consoleErrors, []);
});

test('a fix-all or a match of 2,500 rows whose check cannot be made changes nothing, leaves Undo, and says why', async () => {
	const { page, context, consoleErrors } = await openPage(app, '/');
	// A browser that refuses the check helpers' script (a policy, say): the page can start no helper.
	await context.addInitScript(() => {
		const BrowserWorker = window.Worker;
		window.Worker = class extends BrowserWorker {
			constructor(url, options) {
				if (String(url).includes('check.worker')) {
					throw new DOMException('The browser refused to start a helper.', 'SecurityError');
				}
				super(url, options);
			}
		};
	});
	await page.goto(`${app.url}/import/`);
	// "Svc Desk": a group the Match values panel matches to the demo's Service Desk, in every row.
	await openLargeReview(page, 'Svc Desk');
	const before = { ...BEFORE, errors: BEFORE.errors + ROWS };
	await settledCounts(page, before);

	await countriesFix(page).click();
	const alert = page.getByRole('alert').filter({ hasText: 'could not be checked' });
	await alert.getByText(/^“Countries written as names”/).waitFor();
	assert.equal(
		await alert.innerText(),
		'“Countries written as names” (2,500 rows) could not be checked, so nothing was changed: The browser refused to start a helper. Try again.'
	);
	await settledCounts(page, before);
	assert.equal(await page.getByRole('button', { name: /^Undo/ }).isDisabled(), true);
	assert.equal(
		await page
			.getByRole('status')
			.filter({ hasText: /^Fixed 2,500 problems/ })
			.count(),
		0
	);
	assert.deepEqual([...new Set((await storedCountries(page)).values())], ['India']);

	const match = page.getByRole('region', { name: 'Match values' });
	await match.getByRole('button', { name: 'Apply 1 match', exact: true }).click();
	await alert.getByText(/^“Match 1 value”/).waitFor();
	assert.equal(
		await alert.innerText(),
		'“Match 1 value” (2,500 rows) could not be checked, so nothing was changed: The browser refused to start a helper. Try again.'
	);
	await settledCounts(page, before);
	assert.equal(await page.getByRole('button', { name: /^Undo/ }).isDisabled(), true);
	assert.equal(
		await match
			.getByRole('status')
			.filter({ hasText: /^Matched/ })
			.count(),
		0
	);
	// Helpers that cannot start as the review opens are left to the edit's own check, which said so above.
	assert.deepEqual(consoleErrors, []);
});
