// The benchmark's outputs for people: the machine it ran on, and one Markdown table (console and README).
import { execFileSync } from 'node:child_process';
import { arch, cpus, loadavg, release, totalmem, type } from 'node:os';

function git(...args) {
	try {
		return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
	} catch {
		return '';
	}
}

/** The 1-minute load average: other work on the machine slows every figure. */
export const loadAverage = () => Number(loadavg()[0].toFixed(2));

export function machine(browserVersion) {
	const cpu = cpus();
	return {
		os: `${type()} ${release()} (${arch()})`,
		cpus: `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown'}`,
		memory: `${Math.round(totalmem() / 1024 ** 3)} GB`,
		node: process.version,
		chromium: browserVersion,
		date: new Date().toISOString(),
		loadAverage: loadAverage(),
		commit: `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', 'src') ? ' (src/ with uncommitted changes)' : ''}`
	};
}

const count = (n) => Math.round(n).toLocaleString('en');
const mb = (bytes) =>
	bytes >= 1024 ** 3
		? `${(bytes / 1024 ** 3).toFixed(1)} GB`
		: `${(bytes / 1024 ** 2).toFixed(bytes < 10 * 1024 ** 2 ? 1 : 0)} MB`;
const time = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 1)} s` : `${Math.round(ms)} ms`);
const has = (value) => value !== undefined && value !== null && !Number.isNaN(value);

/** The peaks of the used JS heap: the page's main thread, and its workers together (see bench/cdp.js). */
const HEAP_COLUMNS = [
	['Peak JS heap, main thread', (r) => has(r.figures.peakMainThreadHeapBytes) && mb(r.figures.peakMainThreadHeapBytes)],
	['Peak JS heap, workers', (r) => has(r.figures.peakWorkersHeapBytes) && mb(r.figures.peakWorkersHeapBytes)]
];

const COLUMNS = [
	['Rows', (r) => count(r.rows)],
	['File', (r) => `${mb(r.fileBytes)}${r.format === 'xlsx' ? ' .xlsx' : ''}`],
	['papaparse alone', (r) => has(r.figures.papaparseMs) && time(r.figures.papaparseMs)],
	['File → first rows on screen', (r) => has(r.figures.firstScreenMs) && time(r.figures.firstScreenMs)],
	[
		'File → grid with every mark',
		(r) =>
			has(r.figures.gridReadyMs) &&
			`${time(r.figures.gridReadyMs)}${has(r.figures.papaparseMs) ? ` (${(r.figures.gridReadyMs / r.figures.papaparseMs).toFixed(1)}×)` : ''}`
	],
	['Longest task meanwhile', (r) => has(r.figures.longestTaskMs) && time(r.figures.longestTaskMs)],
	['Edit, median', (r) => has(r.figures.editMs) && time(r.figures.editMs)],
	['Edit of a duplicate, median', (r) => has(r.figures.uniquenessEditMs) && time(r.figures.uniquenessEditMs)],
	['Import', (r) => has(r.figures.importRowsPerSecond) && `${count(r.figures.importRowsPerSecond)} rows/s`],
	[
		'Raw Dexie bulkPut',
		(r) => has(r.figures.rawBulkPutRowsPerSecond) && `${count(r.figures.rawBulkPutRowsPerSecond)} rows/s`
	],
	...HEAP_COLUMNS
];

/** The update phase's table: existing clients, a file naming them all, one in ten changed. */
const UPDATE_COLUMNS = [
	['Existing clients', (r) => count(r.rows)],
	['Changed', (r) => `${count(r.changed)} (${r.changedField})`],
	['File', (r) => mb(r.fileBytes)],
	['File → counts of existing clients', (r) => has(r.figures.compareMs) && time(r.figures.compareMs)],
	['Longest task meanwhile', (r) => has(r.figures.compareLongestTaskMs) && time(r.figures.compareLongestTaskMs)],
	[
		'Import as new (same rows)',
		(r) => has(r.figures.existingImportRowsPerSecond) && `${count(r.figures.existingImportRowsPerSecond)} rows/s`
	],
	[
		'Update: clients written',
		(r) =>
			has(r.figures.updateRowsPerSecond) &&
			`${count(r.figures.updateRowsPerSecond)} rows/s (${time(r.details.update.ms)})`
	],
	[
		'Update: rows of the file',
		(r) => has(r.figures.updateFileRowsPerSecond) && `${count(r.figures.updateFileRowsPerSecond)} rows/s`
	],
	['Longest task in the update', (r) => has(r.figures.updateLongestTaskMs) && time(r.figures.updateLongestTaskMs)],
	...HEAP_COLUMNS
];

const isUpdate = (r) => r.kind === 'update';

function markdown(columns, results) {
	const lines = [
		`| ${columns.map(([title]) => title).join(' | ')} |`,
		`| ${columns.map((_, i) => (i === 0 ? '---:' : '---')).join(' | ')} |`
	];
	for (const result of results) {
		const cells = columns.map(([, cell]) => cell(result) || (result.error ? '—' : ''));
		lines.push(`| ${cells.join(' | ')} |`);
	}
	return lines;
}

/**
 * Markdown tables: a row per size; then, when the update was measured, a row per size of it. A failed size
 * shows where it stopped; one whose counts differ from the generator's has no row.
 */
export function table(results) {
	const published = results.filter((r) => !r.countsDiffer);
	const imports = published.filter((r) => !isUpdate(r));
	const updates = published.filter(isUpdate);
	const lines = imports.length > 0 ? markdown(COLUMNS, imports) : [];
	if (updates.length > 0) {
		if (lines.length > 0) lines.push('');
		lines.push('Update of existing clients (a file naming them all, one in ten with one changed value):', '');
		lines.push(...markdown(UPDATE_COLUMNS, updates));
	}
	const failures = results
		.filter((r) => r.error)
		.map(
			(r) =>
				`${count(r.rows)} rows${isUpdate(r) ? ', update' : ''}${r.format === 'xlsx' ? ', .xlsx' : ''}: ${r.countsDiffer ? "not published, its counts differ from the generator's, at" : 'stopped at'} ${r.error}`
		);
	return [...lines, ...failures.map((f) => `\n${f}`)].join('\n');
}

export function machineLine(m) {
	return `${m.cpus}, ${m.memory}, ${m.os}; Node ${m.node}; Chromium ${m.chromium} (headless); ${m.date.slice(0, 10)}, commit ${m.commit}.`;
}

/** A few lines per size on where the time goes, for the console. */
export function notes(results) {
	return results
		.map((r) => {
			if (isUpdate(r)) return updateNotes(r);
			const d = r.details;
			const lines = [`${count(r.rows)} rows${r.format === 'xlsx' ? ', from a workbook' : ''}:`];
			if (d.milestonesMs) {
				lines.push(
					`  reading shown ${time(d.milestonesMs.readingShown)}, first rows on screen ${time(d.milestonesMs.firstScreen)}, review shown ${time(d.milestonesMs.reviewShown)}, first grid rows ${time(d.milestonesMs.firstRowsShown)}, all rows in the grid ${time(d.milestonesMs.allRowsInGrid)}`
				);
			}
			if (d.longTasks) {
				lines.push(
					`  long tasks until the grid: ${d.longTasks.count}, ${time(d.longTasks.totalMs)} in all; the longest at ${time(d.longTasks.longestAtMs ?? 0)}`
				);
				for (const s of d.longTasks.longest?.scripts ?? [])
					lines.push(`    ${time(s.durationMs)} ${s.invoker} → ${s.source}`);
			}
			if (has(d.firstDraftSaveMs)) {
				lines.push(`  first draft save ${time(d.firstDraftSaveMs)} (longest task ${time(d.draftLongestTaskMs)})`);
				for (const s of d.draftLongestTask?.scripts ?? []) lines.push(`    ${time(s.durationMs)} ${s.invoker} → ${s.source}`);
			}
			if (d.edits) {
				const all = [...d.edits.plain, ...d.edits.uniqueness];
				lines.push(
					`  edits: ${all.length}, of which ${d.edits.gridRebuilt} rebuilt the whole grid; longest task while editing ${time(d.edits.longestTaskMs)}`
				);
				for (const s of d.edits.longestTask?.scripts ?? []) lines.push(`    ${time(s.durationMs)} ${s.invoker} → ${s.source}`);
			}
			if (d.import) {
				lines.push(
					`  import of ${count(d.import.rows)} rows: ${time(d.import.ms)}, longest task ${time(d.import.longestTaskMs)}`
				);
			}
			if (d.rawBulkPut) lines.push(`  raw bulkPut of ${count(d.rawBulkPut.rows)} rows: ${time(d.rawBulkPut.ms)}`);
			if (d.undo) {
				lines.push(
					`  undo of the import (${count(d.undo.rows)} clients removed): ${time(d.undo.ms)}, longest task ${time(d.undo.longestTaskMs)}`
				);
			}
			if (d.heapPeaksByPhase) lines.push(heapNotes(d.heapPeaksByPhase));
			for (const [phase, profile] of [
				['read', d.profileRead],
				['import', d.import?.profile]
			]) {
				if (!profile) continue;
				lines.push(`  profile of ${phase} (main thread busy ${time(profile.busyMs)}):`);
				for (const entry of profile.top)
					lines.push(`    ${time(entry.ms).padStart(7)} ${entry.share.padStart(7)}  ${entry.fn}`);
			}
			return lines.join('\n');
		})
		.join('\n');
}

/** Where the update's time goes, for the console. */
function updateNotes(r) {
	const d = r.details;
	const lines = [`${count(r.rows)} existing clients, updated by a file changing ${count(r.changed)}:`];
	if (d.existingImport) {
		lines.push(
			`  first, imported as new: ${time(d.existingImport.ms)}, longest task ${time(d.existingImport.longestTaskMs)}`
		);
	}
	const m = d.milestonesMs;
	if (m) {
		lines.push(
			`  the update file: review shown ${time(m.reviewShown)}, all rows in the grid ${time(m.allRowsInGrid)}, panel of existing clients ${time(m.existingPanelShown)}, counts as expected ${time(m.countsAsExpected)} ("${d.counts}")`
		);
	}
	if (d.compareLongTasks) {
		const t = d.compareLongTasks;
		lines.push(
			`  long tasks until the counts: ${t.count}, ${time(t.totalMs)} in all; the longest at ${time(t.longestAtMs ?? 0)}; from the full grid to the counts: ${t.afterGrid.count}, ${time(t.afterGrid.totalMs)} in all, longest ${time(t.afterGrid.longestMs)}`
		);
		if (t.each?.length)
			lines.push(`    each (at: length): ${t.each.map((task) => `${time(task.atMs)}: ${time(task.ms)}`).join(', ')}`);
		for (const s of t.longest?.scripts ?? []) lines.push(`    ${time(s.durationMs)} ${s.invoker} → ${s.source}`);
	}
	if (d.update) {
		lines.push(
			`  "${d.update.label}": ${time(d.update.ms)} to "${d.update.heading}", long tasks ${d.update.longTasks.count}, ${time(d.update.longTasks.totalMs)} in all, the longest ${time(d.update.longestTaskMs)}`
		);
		const trace = d.updateTrace;
		if (trace)
			lines.push(
				`    traced: longest ${time(trace.longestWallMs)} of wall time, ${time(trace.longestThreadMs)} of thread time; over 50 ms (at: wall/thread, of it collector): ${trace.over50.map((t) => `${time(t.atMs)}: ${t.wallMs}/${t.threadMs}${t.gcMs ? `, gc ${t.gcMs}` : ''}`).join('; ') || 'none'}`
			);
		const each = d.update.longTasks.each;
		if (each?.length)
			lines.push(`    each (at: length): ${each.map((task) => `${time(task.atMs)}: ${time(task.ms)}`).join(', ')}`);
	}
	if (d.stored) {
		lines.push(
			`  stored: ${count(d.stored.stored)} clients, ${count(d.stored.updated)} written again, ${count(d.stored.cityMismatches)} with another City than the file's`
		);
	}
	if (d.heapPeaksByPhase) lines.push(heapNotes(d.heapPeaksByPhase));
	for (const [phase, profile] of [
		['compare', d.profileCompare],
		['update', d.update?.profile]
	]) {
		if (!profile) continue;
		lines.push(`  profile of ${phase} (main thread busy ${time(profile.busyMs)}):`);
		for (const entry of profile.top)
			lines.push(`    ${time(entry.ms).padStart(7)} ${entry.share.padStart(7)}  ${entry.fn}`);
	}
	return lines.join('\n');
}

/** Each phase's heap peaks, the main thread's and the workers'. */
function heapNotes(peaks) {
	const phases = Object.entries(peaks).map(([phase, peak]) => `${phase} ${mb(peak.mainThread)} + ${mb(peak.workers)}`);
	return `  heap peaks (main thread + workers): ${phases.join(', ')}`;
}
