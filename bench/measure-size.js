// One file size, measured in one page of a fresh browser (a new profile), step by step as an admin goes: the
// papaparse baseline, choosing the file until the grid shows every mark, the longest main-thread task meanwhile,
// edits, the import, then a raw Dexie bulkPut of the same records; the JS heap of the page and its workers is
// sampled throughout. Every count on the way is checked against the generator's: a size whose counts differ
// publishes no figure.
import { join } from 'node:path';
import { peakOver, startProfile, stopProfile } from './cdp.js';
import { checkCounts, CountMismatch } from './counts.js';
import { edit, importRows, openMeasuredPage, rawBulkPut, undoNewestImport } from './page-steps.js';
import { BENCH_PATH } from './site.js';
import { attribute, longTasksBetween, median, MINUTE, parseSummary, sleep, withTimeout } from './timings.js';

/** The least time an admin spends on the import page before the chosen file arrives. */
const ADMIN_MOMENT_MS = 2000;
/** Phases whose heap is the app's own (the baselines' records are the benchmark's). */
const APP_PHASES = ['read', 'draft', 'edits', 'commit', 'undo'];

/**
 * Measures one size in a browser from `freshBrowser()`. `file` is the CSV's path, `meta` its generator
 * counts; `options` = { url, smoke,
 * editsPerKind, thinkMs, profile, outDir, log, gridOnly, baselineFile, withImport, withRaw } (withImport: false stops
 * after the edits; withRaw: false stops after the import; gridOnly: timed to the grid alone;
 * baselineFile: what papaparse reads when `file` is a workbook, the CSV of its rows). Never throws: a failure
 * (a crash, a timeout) is recorded in `error` with the step it happened in, and the figures measured before
 * it are kept; counts that differ from the generator's (`countsDiffer`) keep none.
 */
export async function measureSize(freshBrowser, file, meta, options) {
	const {
		url,
		editsPerKind,
		thinkMs,
		profile,
		outDir,
		log,
		gridOnly = false,
		baselineFile = file,
		withImport = true,
		withRaw = true
	} = options;
	const origin = new URL(url).origin;
	const result = {
		rows: meta.rows,
		fileBytes: meta.bytes,
		expected: meta.expected,
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
		// The first visit seeds the demo workspace: let it finish so it does not share the measured time.
		await page.getByRole('banner').getByText('Northwind IT Services').waitFor();
		// An admin spends a moment on the import page before a file is chosen (the system's file dialog alone
		// takes seconds): the page uses it to start its file reader and draw its grid once, as it would for them.
		// The baseline comes after it, so the page's own start does not share the baseline's time.
		await sleep(ADMIN_MOMENT_MS);

		step = 'papaparse baseline';
		log(`  ${step}…`);
		await heap.phase('baseline-parse');
		await page.evaluate(() => {
			const input = Object.assign(document.createElement('input'), { type: 'file', id: '__bench-file', hidden: true });
			document.body.append(input);
		});
		await page.setInputFiles('#__bench-file', baselineFile);
		const baseline = await withTimeout(
			page.evaluate(async (workerUrl) => {
				const input = document.getElementById('__bench-file');
				const chosen = input.files[0];
				input.remove();
				const worker = new Worker(workerUrl);
				const ask = (message) =>
					new Promise((resolve) => {
						worker.onmessage = (event) => resolve(event.data);
						worker.onerror = (event) => resolve({ error: event.message });
						worker.postMessage(message);
					});
				// Warm, as the app's parse worker is by the time a file is chosen: started, and a small file read.
				const warmUp = await ask({ warmUp: true });
				if (warmUp.error) return warmUp;
				const started = performance.now();
				const answer = await ask({ file: chosen });
				worker.terminate();
				return { ...answer, pageMs: performance.now() - started };
			}, `${url}${BENCH_PATH}/baseline-worker.js`),
			30 * MINUTE,
			step
		);
		if (baseline.error) throw new Error(`papaparse: ${baseline.error}`);
		// The header, every row, and the empty record papaparse reads after the file's last line break.
		checkCounts('papaparse alone', baseline, { records: meta.rows + 2 });
		figures.papaparseMs = baseline.pageMs;
		details.papaparse = { records: baseline.records, inWorkerMs: baseline.ms };

		step = 'choose the file until the grid shows';
		log(`  ${step}…`);
		await heap.phase('read');
		await page.evaluate((rows) => {
			// The grid may show its first rows before it holds them all: every mark is in it once it counts them all.
			const gridRows = () =>
				Number(document.querySelector('main [role=grid][aria-rowcount]')?.getAttribute('aria-rowcount'));
			window.__bench.watch({
				reading: () => document.querySelector('#reading-progress') !== null,
				review: () => document.querySelector('[role=toolbar][aria-label="Review tools"]') !== null,
				// The file's first rows on screen, while it is still being read or once it is.
				firstScreen: () => document.querySelector('main .ag-row[row-id] .ag-cell[col-id="ClientName"]') !== null,
				ready: () =>
					document.querySelector('.summary') !== null &&
					document.querySelector('[role=toolbar][aria-label="Review tools"]') !== null &&
					document.querySelector('main .ag-row[row-id] .ag-cell[col-id="ClientName"]') !== null,
				allRows: (marks) => marks.ready && gridRows() > rows,
				saving: () => /Saving/.test(document.querySelector('.summary .saved')?.textContent ?? ''),
				saved: (marks) => marks.saving && /is saved/.test(document.querySelector('.summary .saved')?.textContent ?? '')
			});
		}, meta.rows);
		await startProfile(cdp, profile);
		await page.locator('input[type=file]:not(#__bench-file)').setInputFiles(file);
		const gridFull = await withTimeout(
			page.evaluate(() => window.__bench.until('allRows')),
			60 * MINUTE,
			step
		);
		details.profileRead = await stopProfile(cdp, profile, join(outDir, `profile-${meta.rows}-read.cpuprofile`));
		const probe = await page.evaluate(() => ({
			chosenAt: window.__bench.chosenAt,
			marks: window.__bench.marks,
			summary: document.querySelector('.summary')?.textContent ?? ''
		}));
		const at = (name) => (probe.marks[name] ? Math.round(probe.marks[name].seen - probe.chosenAt) : null);
		figures.gridReadyMs = gridFull.painted - probe.chosenAt;
		figures.firstScreenMs = at('firstScreen');
		details.milestonesMs = {
			readingShown: at('reading'),
			reviewShown: at('review'),
			firstScreen: at('firstScreen'),
			firstRowsShown: at('ready'),
			allRowsInGrid: at('allRows')
		};
		details.summary = parseSummary(probe.summary.replace(/\s+/g, ' '));
		checkCounts("the review's summary", details.summary, meta.expected);

		if (gridOnly) {
			await sleep(500);
			const longTasks = await page.evaluate(() => window.__bench.longTasks);
			figures.longestTaskMs = longTasksBetween(longTasks, probe.chosenAt, gridFull.seen).longest?.duration ?? 0;
			return result;
		}

		step = 'first draft save';
		log(`  ${step}…`);
		await heap.phase('draft');
		await startProfile(cdp, profile);
		const saved = await withTimeout(
			page.evaluate(() => window.__bench.until('saved')),
			60 * MINUTE,
			step
		);
		details.profileDraft = await stopProfile(cdp, profile, join(outDir, `profile-${meta.rows}-draft.cpuprofile`));
		await page.evaluate(() => window.__bench.stopWatching());
		const savingFrom = (await page.evaluate(() => window.__bench.marks.saving.seen)) ?? saved.seen;
		details.firstDraftSaveMs = Math.round(saved.seen - savingFrom);
		const draftProblem = await page.evaluate(() => document.querySelector('[role=alert]')?.textContent ?? '');
		if (/could not be saved/.test(draftProblem)) details.draftSaveError = draftProblem.trim();
		// Performance entries arrive a little after their frame: the long tasks are read once they are in.
		await sleep(500);
		const { longTasks, frames } = await page.evaluate(() => ({
			longTasks: window.__bench.longTasks,
			frames: window.__bench.frames
		}));
		const tasks = longTasksBetween(longTasks, probe.chosenAt, gridFull.seen);
		figures.longestTaskMs = tasks.longest?.duration ?? 0;
		details.longTasks = {
			count: tasks.count,
			totalMs: Math.round(tasks.totalMs),
			longestAtMs: tasks.longest ? Math.round(tasks.longest.start - probe.chosenAt) : null,
			longest: attribute(tasks.longest, frames, origin)
		};
		const draftTasks = longTasksBetween(longTasks, savingFrom, saved.seen);
		details.draftLongestTaskMs = draftTasks.longest?.duration ?? 0;
		details.draftLongestTask = attribute(draftTasks.longest, frames, origin);

		step = 'edits';
		log(`  ${step}…`);
		await heap.phase('edits');
		await startProfile(cdp, profile);
		const samples = await edit(page, editsPerKind, thinkMs);
		details.profileEdits = await stopProfile(cdp, profile, join(outDir, `profile-${meta.rows}-edits.cpuprofile`));
		const beforeEdits = saved.seen;
		const afterEdits = await page.evaluate(() => ({
			longTasks: window.__bench.longTasks,
			frames: window.__bench.frames
		}));
		const editTasks = longTasksBetween(afterEdits.longTasks, beforeEdits, Infinity);
		figures.editMs = median(samples.plain.map((s) => s.painted));
		figures.uniquenessEditMs = median(samples.uniqueness.map((s) => s.painted));
		details.edits = {
			plain: samples.plain,
			uniqueness: samples.uniqueness,
			skippedProblemCells: samples.skipped,
			gridRebuilt: [...samples.plain, ...samples.uniqueness].filter((s) => s.gridRebuilt).length,
			longestTaskMs: editTasks.longest?.duration ?? 0,
			longestTask: attribute(editTasks.longest, afterEdits.frames, origin)
		};

		if (!withImport) return result;

		step = 'import';
		log(`  ${step}…`);
		await heap.phase('commit');
		// The edits fixed some rows: the import takes the rows left without errors, and skips the others.
		const beforeImport = parseSummary(
			(await page.evaluate(() => document.querySelector('.summary')?.textContent ?? '')).replace(/\s+/g, ' ')
		);
		checkCounts("the review's summary before the import", beforeImport, { rows: meta.rows });
		const commit = await importRows(page, cdp, profile, join(outDir, `profile-${meta.rows}-commit.cpuprofile`));
		checkCounts('the import', commit, { rows: meta.rows - beforeImport.rowsWithErrors });
		figures.importRowsPerSecond = commit.rows / (commit.ms / 1000);
		details.import = commit;

		if (withRaw) {
			step = 'raw Dexie bulkPut';
			log(`  ${step}…`);
			await heap.phase('raw-bulkput');
			const raw = await withTimeout(rawBulkPut(page, url), 60 * MINUTE, step);
			checkCounts('the raw bulkPut', raw, { rows: commit.rows, stored: commit.rows });
			figures.rawBulkPutRowsPerSecond = raw.rows / (raw.ms / 1000);
			details.rawBulkPut = raw;
		}

		step = 'undo';
		log(`  ${step}…`);
		// The raw bulkPut's records (a million, on the page) are not the undo's: collected before its phase starts.
		await page.goto(`${url}/imports/`);
		await cdp.send('HeapProfiler.collectGarbage');
		await heap.phase('undo');
		const undo = await undoNewestImport(page, commit.rows);
		figures.undoRowsPerSecond = undo.rows / (undo.ms / 1000);
		details.undo = undo;
	} catch (error) {
		const message = String(error?.message ?? error).replace(/\s+/g, ' ');
		result.error = `${step}: ${crashed() || message.slice(0, 300)}`;
		result.countsDiffer = error instanceof CountMismatch;
		log(`  ! ${result.error}`);
	} finally {
		const peaks = await heap.stop();
		const peak = peakOver(peaks, APP_PHASES);
		figures.peakMainThreadHeapBytes = peak.mainThread;
		figures.peakWorkersHeapBytes = peak.workers;
		details.heapPeaksByPhase = peaks;
		if (result.countsDiffer) result.figures = {};
		await browser.close();
	}
	return result;
}
