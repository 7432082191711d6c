// Two tabs of one browser never mix or lose a review: one tab edits it at a time, a new file in another tab
// asks first, a commit is told to every tab at once, and a damaged draft is named on resume.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { axeViolations, fixture, openPage, openTab, startApp } from './harness.js';

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

const HEADER =
	'ClientName,PrimaryContactFirstName,PrimaryContactLastName,PrimaryContactEmail,Code,PhoneNumber,SecondaryContactFirstName,SecondaryContactLastName,SecondaryContactEmail,SiteName,AddressLine,City,State,Country,PostalCode,Timezone,EmailDomains,AccountManager,TechnicianGroups';

/** A client file of `count` valid rows named `${prefix} n` (n its spreadsheet row), but `blankAt`'s name left empty. */
function clientFile(name, prefix, count, { blankAt } = {}) {
	const lines = [HEADER];
	for (let rowNumber = 2; rowNumber < count + 2; rowNumber++) {
		const client = rowNumber === blankAt ? '' : `${prefix} ${rowNumber}`;
		lines.push(
			`${client},Ann,Lee,ann.${rowNumber}@${prefix.toLowerCase()}${rowNumber}.example,,,,,,HQ,,,,IN,,Asia/Kolkata,,,`
		);
	}
	return { name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n') };
}

const summary = async (page) => (await page.locator('.summary').innerText()).replace(/\s+/g, ' ');
const reviewShown = (page) => page.getByRole('toolbar', { name: 'Review tools' }).waitFor();
const saved = (page) => page.getByText('Your review is saved in this browser.').waitFor();

/** The saved draft as IndexedDB holds it: its meta, and per stored part its review id and client names. */
function readDraft(page) {
	return page.evaluate(
		() =>
			new Promise((resolve, reject) => {
				const open = indexedDB.open('client-import');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const all = open.result.transaction('drafts').objectStore('drafts').getAll();
					all.onsuccess = () => {
						open.result.close();
						const meta = all.result.find((record) => record.id === 'review:meta')?.data;
						const parts = all.result
							.filter((record) => record.id.startsWith('review:rows:'))
							.map((record) => ({
								id: record.id,
								reviewId: record.reviewId,
								// A row's values are stored as one string, joined by U+001F (an array for rare rows).
								names: record.data.map((row) =>
									typeof row.values === 'string' ? row.values.split('\u001f')[0] : row.values[0]
								)
							}));
						resolve({ meta, parts });
					};
				};
			})
	);
}

/** Fixes the one problem of the review (an empty client name) by typing a name into it. */
async function fixFirstProblem(page, rowNumber, name) {
	const details = page.getByRole('complementary', { name: 'Selected cell' });
	await page.getByRole('button', { name: 'Next problem (F8)' }).click();
	await details.getByText(`Row ${rowNumber} · ClientName`).waitFor();
	await page.keyboard.press('Enter');
	await page.locator('.ag-cell-inline-editing input').fill(name);
	await page.keyboard.press('Enter');
	await details.getByText('No problem here.').waitFor();
}

test("a file chosen in another tab never lands in a review's draft: it asks first, and the first tab is told", async () => {
	const { page: a, context, consoleErrors } = await openPage(app, '/import');
	await a.locator('input[type=file]').setInputFiles(clientFile('p6b_A.csv', 'Alpha', 12_000, { blankAt: 11000 }));
	await reviewShown(a);
	await saved(a);
	assert.match(await summary(a), /^12,000 rows 1 row with errors 1 error\b/);

	// Tab B is told that the review is open in tab A, and choosing a file there asks before replacing it.
	const { page: b } = await openTab(app, context, '/import');
	const card = b.getByRole('region', { name: 'This review is open in another tab' });
	await card.getByText('p6b_A.csv (12,000 rows) is being reviewed in another tab').waitFor();
	assert.equal(await b.getByRole('heading', { name: 'Resume your review?' }).count(), 0);
	assert.deepEqual(await axeViolations(b), []);
	await b.locator('input[type=file]').setInputFiles(clientFile('p6b_B.csv', 'Beta', 3));
	const replace = b.getByRole('dialog', { name: 'Replace the review open in another tab?' });
	await replace.getByText('reading p6b_B.csv discards that review').waitFor();
	await replace.getByRole('button', { name: 'Cancel' }).click();

	// Tab A goes on: its fix of row 11000 is saved in its own draft, and nothing of B's file is there.
	await fixFirstProblem(a, 11000, 'Alpha fixed 11000');
	await saved(a);
	let draft = await readDraft(a);
	assert.equal(draft.meta.source.fileName, 'p6b_A.csv');
	assert.equal(draft.meta.rowCount, 12_000);
	assert.ok(draft.parts.every((part) => part.reviewId === draft.meta.reviewId));
	const names = draft.parts.flatMap((part) => part.names);
	assert.equal(names.length, 12_000);
	assert.ok(names.includes('Alpha fixed 11000'));
	assert.ok(!names.some((name) => name.startsWith('Beta')));

	// A new tab takes the review over: it is A's, whole, with the fix.
	const { page: c } = await openTab(app, context, '/import');
	await c.getByRole('button', { name: 'Take over here' }).click();
	await reviewShown(c);
	assert.match(await summary(c), /^12,000 rows 0 rows with errors 0 errors\b/);
	await a.getByRole('alert').getByText('This review moved to another tab.').waitFor();

	// Now B replaces it, confirming: the tabs showing A's review are told it was discarded.
	await b.locator('input[type=file]').setInputFiles(clientFile('p6b_B.csv', 'Beta', 3));
	await replace.getByRole('button', { name: 'Discard it and read this file' }).click();
	await reviewShown(b);
	assert.match(await summary(b), /^3 rows 0 rows with errors/);
	for (const tab of [a, c])
		await tab.getByRole('alert').getByText('This review was discarded in another tab').waitFor();
	await saved(b);
	draft = await readDraft(b);
	assert.equal(draft.meta.source.fileName, 'p6b_B.csv');
	assert.equal(draft.meta.rowCount, 3);
	assert.deepEqual(
		draft.parts.flatMap((part) => part.names),
		['Beta 2', 'Beta 3', 'Beta 4']
	);
	assert.ok(draft.parts.every((part) => part.reviewId === draft.meta.reviewId));

	// A tab that opens now is offered B's review, of three rows, with no mix.
	const { page: d } = await openTab(app, context, '/import');
	await d.getByRole('region', { name: 'This review is open in another tab' }).getByText('p6b_B.csv (3 rows)').waitFor();
	await d.getByRole('button', { name: 'Take over here' }).click();
	await reviewShown(d);
	assert.match(await summary(d), /^3 rows 0 rows with errors/);
	assert.deepEqual(consoleErrors, []);
	await context.close();
});

test('a review taken over in another tab turns read-only in the first, which can take it back with every edit', async () => {
	const { page: a, context, consoleErrors } = await openPage(app, '/import');
	await a.locator('input[type=file]').setInputFiles(fixture('clients-with-errors.csv'));
	await reviewShown(a);
	await saved(a);

	const { page: b, consoleErrors: bErrors } = await openTab(app, context, '/import');
	await b.getByRole('button', { name: 'Take over here' }).click();
	await reviewShown(b);
	assert.match(await summary(b), /^400 rows 18 rows with errors 18 errors\b/);

	// The first tab: a clear notice, nothing editable.
	const notice = a.getByRole('alert').filter({ hasText: 'This review moved to another tab.' });
	await notice.waitFor();
	await a.getByText('Read-only in this tab.').waitFor();
	for (const name of [/^Import valid rows only/, /^Add row$/, /^Undo/, /^Discard this review$/]) {
		assert.equal(await a.getByRole('button', { name }).isDisabled(), true, `${name} is disabled`);
	}
	await a.getByRole('button', { name: 'Next problem (F8)' }).click();
	await a
		.getByRole('complementary', { name: 'Selected cell' })
		.getByText(/^Row \d+ · /)
		.waitFor();
	await a.keyboard.press('Enter');
	await a.keyboard.type('typed in the read-only tab');
	await a.keyboard.press('Enter');
	assert.equal(await a.locator('.ag-cell-inline-editing').count(), 0);
	const fixes = a.getByRole('complementary', { name: 'Selected cell' }).getByRole('button');
	for (const fix of await fixes.all()) assert.equal(await fix.isDisabled(), true);
	assert.match(await summary(a), /^400 rows 18 rows with errors 18 errors\b/);
	await a.screenshot({ path: 'tests/e2e/artifacts/two-tabs-read-only.png' });
	assert.deepEqual(await axeViolations(a), []);

	// The second tab edits (a new, empty row), and the first takes it back at once, before the second tab's
	// pause to save: it opens the review as the second tab left it, and the second turns read-only.
	await b.getByRole('button', { name: 'Add row', exact: true }).click();
	// An empty row is left out until something is typed in it.
	await b
		.getByRole('complementary', { name: 'Selected cell' })
		.getByText(/ · ClientName$/)
		.waitFor();
	await b.keyboard.press('Enter');
	await b.keyboard.type('Added in tab B');
	await b.keyboard.press('Enter');
	await b.waitForFunction(() => /401 rows/.test(document.querySelector('.summary')?.textContent ?? ''));
	assert.match(await summary(b), /^401 rows 19 rows with errors\b/);
	await notice.getByRole('button', { name: 'Take it back' }).click();
	await b.getByRole('alert').getByText('This review moved to another tab.').waitFor();
	await saved(a);
	assert.match(await summary(a), /^401 rows 19 rows with errors\b/);
	assert.equal(await a.getByRole('button', { name: 'Add row', exact: true }).isDisabled(), false);
	assert.equal(await b.getByRole('button', { name: 'Add row', exact: true }).isDisabled(), true);

	// Leaving the import page lets go of the review: the other tab takes it back at once.
	await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
	await a.getByRole('heading', { name: 'Clients', level: 1 }).waitFor();
	await b.waitForFunction(async () => (await navigator.locks.query()).held.length === 0, null, { timeout: 3000 });
	await b.getByRole('button', { name: 'Take it back' }).click();
	await saved(b);
	assert.match(await summary(b), /^401 rows 19 rows with errors\b/);
	assert.deepEqual(consoleErrors, []);
	assert.deepEqual(bErrors, []);
	await context.close();
});

test('a commit in one tab is shown at once in every other tab that shows the review', async () => {
	const { page: a, context } = await openPage(app, '/import');
	await a.locator('input[type=file]').setInputFiles(fixture('clients-valid.csv'));
	await reviewShown(a);
	const { page: b } = await openTab(app, context, '/import');
	await b.getByRole('button', { name: 'Take over here' }).click();
	await reviewShown(b);
	await a.getByRole('alert').getByText('This review moved to another tab.').waitFor();
	const { page: c } = await openTab(app, context, '/import');
	await c.getByRole('heading', { name: 'This review is open in another tab' }).waitFor();

	await b.getByRole('button', { name: 'Import 50 clients' }).click();
	await b.getByRole('heading', { name: 'Imported 50 clients', exact: true }).waitFor();
	for (const tab of [a, c]) {
		const notice = tab.getByRole('region', { name: 'This review was imported in another tab' });
		await notice.getByText(/^50 clients from clients-valid\.csv were imported there\./).waitFor({ timeout: 5000 });
		await notice.getByRole('link', { name: 'See the clients' }).waitFor();
		await tab.getByRole('toolbar', { name: 'Review tools' }).waitFor({ state: 'detached', timeout: 5000 });
	}
	// The committing tab lets go of the review just after it says so: the notice of a review open elsewhere goes then.
	await c.getByRole('heading', { name: 'This review is open in another tab' }).waitFor({ state: 'detached' });
	assert.deepEqual(await axeViolations(a), []);
	await a.getByRole('link', { name: 'See the clients' }).click();
	await a.getByText('Falcon Falcon Motors 33248').first().waitFor();
	await context.close();
});

test("another tab's counts of clients follow an import and its undo, both written in the commit's worker", async () => {
	const { page: home, context } = await openPage(app, '/');
	const counts = (clients) => home.getByText(new RegExp(`^\\s*${clients} clients · `)).waitFor({ timeout: 10_000 });
	const before = Number((await home.getByText(/^\s*\d+ clients · /).innerText()).match(/\d+/)[0]);
	const { page: importer } = await openTab(app, context, '/import');
	await importer.locator('input[type=file]').setInputFiles(fixture('clients-valid.csv'));
	await reviewShown(importer);
	await importer.getByRole('button', { name: 'Import 50 clients' }).click();
	await importer.getByRole('heading', { name: 'Imported 50 clients', exact: true }).waitFor();
	await counts(before + 50);
	await importer.getByRole('button', { name: 'Undo this import' }).click();
	await importer.getByRole('heading', { name: /^Import undone: 50 clients removed/ }).waitFor();
	await counts(before);
	await context.close();
});

test('a closed tab lets go of its review; a resume of a damaged draft says plainly what is missing, and resumes what is there only when asked', async () => {
	const { page: a, context } = await openPage(app, '/import');
	await a.locator('input[type=file]').setInputFiles(clientFile('damaged.csv', 'Gamma', 12_000));
	await reviewShown(a);
	await saved(a);
	const { page: b, consoleErrors } = await openTab(app, context, '/import');
	await b.getByRole('heading', { name: 'This review is open in another tab' }).waitFor();
	// A closed tab lets go of its review by itself: the other tab offers it to resume, without a reload.
	await a.close();
	await b.getByRole('heading', { name: 'Resume your review?' }).waitFor();
	assert.equal(await b.getByRole('heading', { name: 'This review is open in another tab' }).count(), 0);
	// Two of the three chunks go, and a part of another review creeps in.
	await b.evaluate(
		() =>
			new Promise((resolve, reject) => {
				const open = indexedDB.open('client-import');
				open.onsuccess = () => {
					const tx = open.result.transaction('drafts', 'readwrite');
					const store = tx.objectStore('drafts');
					store.delete(IDBKeyRange.bound('review:rows:1:', 'review:rows:2:\uffff'));
					const values = (name) => [name, 'Ann', 'Lee', 'x@y.example'];
					store.put({
						id: 'review:rows:3:0',
						savedAt: '',
						reviewId: 'another-review',
						data: [15000, 15001, 15002].map((n) => ({ rowNumber: n, values: values(`Other ${n}`), ownIssues: [] }))
					});
					tx.oncomplete = () => {
						open.result.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			})
	);
	await b.getByRole('button', { name: 'Resume', exact: true }).click();
	await b
		.getByRole('alert')
		.getByText(
			'The saved review is incomplete: 2 of 3 parts are missing. It also held 3 rows of another review, which are left out. 4,998 of 12,000 rows are there. Discard it or resume what is there.'
		)
		.waitFor();
	assert.equal(await b.getByRole('toolbar', { name: 'Review tools' }).count(), 0);
	assert.deepEqual(await axeViolations(b), []);
	await b.getByRole('button', { name: 'Resume what is there' }).click();
	await reviewShown(b);
	assert.match(await summary(b), /^4,998 rows 0 rows with errors/);
	await saved(b);
	// What is there is saved whole again: a reload resumes it without a word.
	await b.reload();
	await b.getByRole('button', { name: 'Resume', exact: true }).click();
	await reviewShown(b);
	assert.match(await summary(b), /^4,998 rows 0 rows with errors/);
	assert.deepEqual(consoleErrors, []);
	await context.close();
});
