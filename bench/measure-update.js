// The update phase of one size, in one page of a fresh browser (a new profile): N clean clients imported as new
// ones, then "Import another file" with the same N clients, one in ten with another City. Timed: choosing the
// second file until its review shows "This file names existing clients" with the expected counts (0 new,
// N/10 updated, 9N/10 unchanged), with the longest main-thread task meanwhile, and its import from the click
// to the outcome, `Imported 0 clients, updated N/10`. Then every stored client is read back: N of them, N/10
// written again, each with the City the update file gives it. Counts that differ from the generator's publish no
// figure.
import { join } from 'node:path';
import { peakOver, startProfile, startTrace, stopProfile, stopTrace } from './cdp.js';
import { checkCounts, CountMismatch } from './counts.js';
import { citiesAfterUpdate } from './generate.js';
import { checkStoredClients, importRows, importUpdate, openMeasuredPage } from './page-steps.js';
import { attribute, longTasksBetween, MINUTE, parseSummary, sleep, withTimeout } from './timings.js';

/** The least time an admin spends on the import page before the chosen file arrives (as in measure-size.js). */
const ADMIN_MOMENT_MS = 2000;
/** A review whose counts and summary stay the same this long, without the expected counts, has stopped. */
const STALLED_MS = 3 * MINUTE;
/** Phases whose heap is the update's. */
const UPDATE_PHASES = ['compare', 'update'];

const count = (n) => n.toLocaleString('en');

/**
 * Measures the update of `files.rows` existing clients (`files` from `updateFiles`). `options` = { url,
 * profile, outDir, log, thinkMs }. Never throws: a failure is recorded in `error` with the step it happened in,
 * and the figures measured before it are kept; counts that differ from the generator's (`countsDiffer`) keep
 * none.
 */
export async function measureUpdate(freshBrowser, files, options) {
	const { url, profile, trace, outDir, log, thinkMs } = options;
	const origin = new URL(url).origin;
	const { rows, changed } = files;
	const expected = files.expectedChanges;
	const result = {
		kind: 'update',
		rows,
		fileBytes: files.update.bytes,
		changed,
		changedField: files.changedField,
		expected,
		figures: {},
		details: {},
		error: null
	};
	const { figures, details } = result;
	const { browser, page, cdp, heap, crashed } = await openMeasuredPage(freshBrowser);
	let step = 'open';
	try {
		await page.goto(`${url}/import`);
		await page.locator('input[type=file]').waitFor({ state: 'attached' });
		await page.getByRole('banner').getByText('Northwind IT Services').waitFor();

		step = `import ${count(rows)} new clients`;
		log(`  update: ${step}…`);
		await heap.phase('existing');
		await sleep(ADMIN_MOMENT_MS);
		const existingReview = await chooseAndReview(page, files.existing.path, rows, {});
		checkCounts('the review of the existing clients', existingReview.summary, files.existing.expected);
		await withTimeout(
			page.evaluate(() => window.__bench.until('saved')),
			30 * MINUTE,
			'the first review saved'
		);
		await sleep(thinkMs);
		const existing = await importRows(page, cdp, false);
		checkCounts('the first import', existing, { rows });
		figures.existingImportRowsPerSecond = existing.rows / (existing.ms / 1000);
		details.existingImport = existing;

		step = 'import another file';
		await page.getByRole('button', { name: 'Import another file' }).click();
		await page.locator('input[type=file]').waitFor({ state: 'attached' });
		await sleep(ADMIN_MOMENT_MS);

		step = 'choose the update until the review counts it';
		log(`  update: ${step}…`);
		await heap.phase('compare');
		await startProfile(cdp, profile);
		const review = await chooseAndReview(page, files.update.path, rows, expected);
		details.profileCompare = await stopProfile(cdp, profile, join(outDir, `profile-${rows}-compare.cpuprofile`));
		checkCounts('the review of the update', review.summary, files.update.expected);
		const { chosenAt, marks } = review;
		const at = (name) => (marks[name] ? Math.round(marks[name].seen - chosenAt) : null);
		figures.compareMs = marks.compared.painted - chosenAt;
		details.milestonesMs = {
			reviewShown: at('review'),
			firstScreen: at('firstScreen'),
			allRowsInGrid: at('allRows'),
			existingPanelShown: at('panel'),
			countsAsExpected: at('compared')
		};
		details.counts = review.counts;
		// Performance entries arrive a little after their frame.
		await sleep(500);
		const { longTasks, frames } = await page.evaluate(() => ({
			longTasks: window.__bench.longTasks,
			frames: window.__bench.frames
		}));
		const tasks = longTasksBetween(longTasks, chosenAt, marks.compared.seen);
		figures.compareLongestTaskMs = tasks.longest?.duration ?? 0;
		details.compareLongTasks = {
			count: tasks.count,
			totalMs: Math.round(tasks.totalMs),
			longestAtMs: tasks.longest ? Math.round(tasks.longest.start - chosenAt) : null,
			longest: attribute(tasks.longest, frames, origin),
			// Each long task: when it began (from the choice of the file) and how long it took.
			each: longTasks
				.filter((task) => task.start >= chosenAt - 1 && task.start < marks.compared.seen)
				.map((task) => ({ atMs: Math.round(task.start - chosenAt), ms: task.duration })),
			// From every row in the grid to the counts: the comparison itself, once the file is read.
			afterGrid: summarise(longTasksBetween(longTasks, marks.allRows.seen, marks.compared.seen))
		};

		// The admin reads the counts while the review's first draft is saved, as before any import.
		step = 'the update review saved';
		await withTimeout(
			page.evaluate(() => window.__bench.until('saved')),
			30 * MINUTE,
			step
		);
		await page.evaluate(() => window.__bench.stopWatching());
		await sleep(thinkMs);

		step = 'import the update';
		log(`  update: ${step}…`);
		await heap.phase('update');
		await startTrace(cdp, trace);
		const commit = await importUpdate(page, cdp, profile, join(outDir, `profile-${rows}-update.cpuprofile`), {
			added: expected.new,
			updated: expected.updated
		});
		details.updateTrace = await stopTrace(cdp, trace);
		figures.updateRowsPerSecond = expected.updated / (commit.ms / 1000);
		figures.updateFileRowsPerSecond = rows / (commit.ms / 1000);
		figures.updateLongestTaskMs = commit.longestTaskMs;
		details.update = commit;

		step = 'check the stored clients';
		log(`  update: ${step}…`);
		await heap.phase('check');
		const stored = await checkStoredClients(page, citiesAfterUpdate(rows, files.seed));
		details.stored = stored;
		const problems = [
			stored.stored !== rows && `${count(stored.stored)} clients stored, not ${count(rows)}`,
			stored.updated !== expected.updated && `${count(stored.updated)} written again, not ${count(expected.updated)}`,
			stored.cityMismatches > 0 && `${count(stored.cityMismatches)} with another City (${stored.firstMismatches})`,
			stored.missing > 0 && `${count(stored.missing)} missing`
		].filter(Boolean);
		if (problems.length > 0) throw new CountMismatch(`the stored clients: ${problems.join('; ')}`);
	} catch (error) {
		const message = String(error?.message ?? error).replace(/\s+/g, ' ');
		result.error = `${step}: ${crashed() || message.slice(0, 300)}`;
		result.countsDiffer = error instanceof CountMismatch;
		log(`  ! update: ${result.error}`);
	} finally {
		const peaks = await heap.stop();
		const peak = peakOver(peaks, UPDATE_PHASES);
		figures.peakMainThreadHeapBytes = peak.mainThread;
		figures.peakWorkersHeapBytes = peak.workers;
		details.heapPeaksByPhase = peaks;
		if (result.countsDiffer) result.figures = {};
		await browser.close();
	}
	return result;
}

const summarise = (tasks) => ({
	count: tasks.count,
	totalMs: Math.round(tasks.totalMs),
	longestMs: tasks.longest?.duration ?? 0
});

/**
 * Chooses `file` and waits until its review is ready: every row in the grid and, when `changes` names counts,
 * the panel "This file names existing clients" showing them (`changes` = { new, updated, unchanged }), and the
 * import button shown. Fails when the page stops changing without getting there. The watch stays on, for the
 * draft save.
 */
async function chooseAndReview(page, file, rows, changes) {
	const comparing = changes.updated !== undefined;
	await page.evaluate(
		({ rows, changes }) => {
			// A second file in the same page: the first one's milestones are forgotten.
			window.__bench.stopWatching();
			window.__bench.marks = {};
			window.__bench.waiters = {};
			const gridRows = () =>
				Number(document.querySelector('main [role=grid][aria-rowcount]')?.getAttribute('aria-rowcount'));
			const counts = () => document.querySelector('[aria-labelledby="updates-title"] .counts')?.textContent;
			const number = (text, label) =>
				Number(new RegExp(`([\\d,]+)\\s*${label}`).exec(text)?.[1].replace(/,/g, '') ?? NaN);
			window.__bench.watch({
				review: () => document.querySelector('[role=toolbar][aria-label="Review tools"]') !== null,
				firstScreen: () => document.querySelector('main .ag-row[row-id] .ag-cell[col-id="ClientName"]') !== null,
				allRows: () => document.querySelector('.summary') !== null && gridRows() > rows,
				panel: () =>
					changes.updated === undefined ||
					/This file names existing clients/.test(document.querySelector('#updates-title')?.textContent ?? ''),
				compared: () => {
					if (changes.updated === undefined) return true;
					const text = counts();
					return (
						!!text &&
						number(text, 'new') === changes.new &&
						number(text, 'updated') === changes.updated &&
						number(text, 'unchanged') === changes.unchanged &&
						!/skipped/.test(text)
					);
				},
				importable: () =>
					[...document.querySelectorAll('.commit button.primary')].some((b) => /^\s*Import/.test(b.textContent)),
				saving: () => /Saving/.test(document.querySelector('.summary .saved')?.textContent ?? ''),
				saved: (marks) => marks.saving && /is saved/.test(document.querySelector('.summary .saved')?.textContent ?? '')
			});
		},
		{ rows, changes }
	);
	await page.locator('input[type=file]').setInputFiles(file);
	const ready = page.evaluate(() =>
		Promise.all(['allRows', 'compared', 'importable'].map((name) => window.__bench.until(name)))
	);
	const state = () =>
		page.evaluate(() => ({
			counts: document.querySelector('[aria-labelledby="updates-title"] .counts')?.textContent ?? '',
			summary: document.querySelector('.summary')?.textContent ?? '',
			alert: document.querySelector('[role=alert]')?.textContent ?? ''
		}));
	let last = '';
	let lastChange = Date.now();
	const started = Date.now();
	for (;;) {
		const done = await Promise.race([ready, sleep(2000).then(() => null)]);
		if (done) break;
		const now = await state();
		const seen = JSON.stringify(now);
		if (seen !== last) {
			last = seen;
			lastChange = Date.now();
		}
		const flat = (text) => text.replace(/\s+/g, ' ').trim();
		const where = `the review shows "${flat(now.counts) || 'no counts of existing clients'}", summary "${flat(now.summary)}"${now.alert ? `, alert "${flat(now.alert)}"` : ''}`;
		if (Date.now() - lastChange > STALLED_MS) {
			// Counts of existing clients that stay other than the file's are a mismatch, not a slow review.
			const Stalled = comparing && flat(now.counts) ? CountMismatch : Error;
			throw new Stalled(`stalled: ${where}`);
		}
		if (Date.now() - started > 60 * MINUTE) throw new Error(`over 60 min: ${where}`);
	}
	const probe = await page.evaluate(() => ({
		chosenAt: window.__bench.chosenAt,
		marks: window.__bench.marks,
		summary: document.querySelector('.summary')?.textContent ?? '',
		counts: document.querySelector('[aria-labelledby="updates-title"] .counts')?.textContent ?? ''
	}));
	return {
		chosenAt: probe.chosenAt,
		marks: probe.marks,
		summary: parseSummary(probe.summary.replace(/\s+/g, ' ')),
		counts: comparing ? probe.counts.replace(/\s+/g, ' ').trim() : null
	};
}
