// The steps an admin takes on the review and after it, driven and timed in the page: fixing problem cells
// found with "Next problem", the import (of new clients, or adding and updating), what it stored, and the raw
// Dexie bulkPut the import is compared with.
import { installProbes } from './browser/probes.js';
import { sampleHeap, startProfile, stopProfile } from './cdp.js';
import { CountMismatch } from './counts.js';
import { BENCH_PATH } from './site.js';
import { longTasksBetween, MINUTE, sleep, withTimeout } from './timings.js';

/**
 * A page in a browser from `freshBrowser()`, ready to measure: the probes installed, its heap sampled, and what
 * went wrong with it if it crashed (`crashed()`: '' while it has not).
 */
export async function openMeasuredPage(freshBrowser) {
	const browser = await freshBrowser();
	const { context } = browser;
	context.setDefaultTimeout(2 * MINUTE);
	await context.addInitScript(installProbes);
	const page = context.pages()[0] ?? (await context.newPage());
	let crashed = '';
	page.on('crash', () => (crashed = 'the page crashed'));
	context.on('close', () => (crashed ||= 'the browser closed by itself (a crash?)'));
	const cdp = await context.newCDPSession(page);
	return { browser, page, cdp, heap: sampleHeap(cdp), crashed: () => crashed };
}

/** Fix to type into a problem cell, by column; undefined for cells fixed otherwise (select editors). */
const FIXES = {
	PrimaryContactEmail: { kind: 'plain', value: (row) => `fixed.${row}@bench-fixes.example` },
	PhoneNumber: { kind: 'plain', value: (row, current) => current.replace(/\D/g, '') },
	ClientName: { kind: 'uniqueness', value: (row, current) => `${current.trim()} (row ${row})` }
};

/** Edits problem cells found with "Next problem" (F8): typed fixes, and fixes of duplicate names. */
export async function edit(page, perKind, thinkMs) {
	const samples = { plain: [], uniqueness: [], skipped: 0 };
	while (samples.plain.length < perKind || samples.uniqueness.length < perKind) {
		const columns = Object.keys(FIXES).filter((col) => samples[FIXES[col].kind].length < perKind);
		const cell = await withTimeout(
			page.evaluate((wanted) => window.__bench.nextProblem(wanted), columns),
			5 * MINUTE,
			'finding the next problem'
		);
		samples.skipped += cell.skipped;
		if (cell.end) break;
		const fix = FIXES[cell.col];
		await page.keyboard.press('Enter');
		const editor = page.locator('.ag-cell-inline-editing input');
		await editor.fill(fix.value(cell.row, cell.value));
		await page.evaluate(([row, col]) => window.__bench.armEdit(row, col), [cell.row, cell.col]);
		await page.keyboard.press('Enter');
		const latency = await withTimeout(
			page.evaluate(() => window.__bench.edit),
			5 * MINUTE,
			'an edit'
		);
		samples[fix.kind].push({ row: Number(cell.row), column: cell.col, ...latency });
		await sleep(thinkMs);
	}
	return samples;
}

/** Clicks the import (confirming "valid rows only" when rows still have errors) and times it to the outcome. */
export async function importRows(page, cdp, profile, profileFile) {
	const button = page.getByRole('button', { name: /^Import (valid rows only \(|[\d,]+ clients?$)/ });
	const label = await button.innerText();
	let confirm = button;
	if (/valid rows only/.test(label)) {
		await button.click();
		confirm = page.getByRole('dialog').getByRole('button', { name: /^Import \d+ clients?$/ });
	}
	const outcome = await clickToOutcome(page, cdp, profile, profileFile, confirm);
	const rows = Number(/Imported ([\d,]+)/.exec(outcome.heading)?.[1].replace(/,/g, '') ?? NaN);
	return { rows, ...outcome };
}

/**
 * The import of a file naming existing clients: its button must read `Import: add <added>, update <updated>`,
 * and the outcome `Imported <added> clients, updated <updated>`; timed from the click to the outcome.
 */
export async function importUpdate(page, cdp, profile, profileFile, { added, updated }) {
	const button = page.getByRole('button', { name: /^Import: add [\d,]+, update [\d,]+$/ });
	const label = (await button.innerText()).replace(/\s+/g, ' ').trim();
	const wanted = `Import: add ${count(added)}, update ${count(updated)}`;
	if (label !== wanted) throw new CountMismatch(`the import button reads "${label}", not "${wanted}"`);
	const outcome = await clickToOutcome(page, cdp, profile, profileFile, button);
	const heading = `Imported ${count(added)} client${added === 1 ? '' : 's'}, updated ${count(updated)}`;
	if (outcome.heading !== heading) throw new CountMismatch(`the outcome reads "${outcome.heading}", not "${heading}"`);
	return { added, updated, label, ...outcome };
}

const count = (n) => n.toLocaleString('en');

/** Clicks `button` and waits for the import's outcome (or its failure), timed from the click to its frame. */
async function clickToOutcome(page, cdp, profile, profileFile, button) {
	await page.evaluate(() => {
		// A second import in the same page: the first one's outcome is forgotten.
		delete window.__bench.marks.imported;
		delete window.__bench.marks.failed;
		window.__bench.watch({
			imported: () => /^\s*Imported /.test(document.querySelector('#outcome-title')?.textContent ?? ''),
			failed: () => /Nothing was imported/.test(document.querySelector('[role=alert]')?.textContent ?? '')
		});
	});
	await startProfile(cdp, profile);
	await button.click();
	const done = await withTimeout(
		page.evaluate(() =>
			Promise.race(['imported', 'failed'].map((name) => window.__bench.until(name).then((m) => ({ name, ...m }))))
		),
		60 * MINUTE,
		'the import'
	);
	if (done.name === 'failed') {
		const alert = await page.locator('[role=alert]').first().innerText();
		throw new Error(`the app did not import: ${alert}`);
	}
	const profileSummary = await stopProfile(cdp, profile, profileFile);
	const { clickedAt, heading, longTasks } = await page.evaluate(() => ({
		clickedAt: window.__bench.lastClickAt,
		heading: document.querySelector('#outcome-title')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
		longTasks: window.__bench.longTasks
	}));
	const tasks = longTasksBetween(longTasks, clickedAt, done.seen);
	return {
		ms: done.painted - clickedAt,
		heading,
		longestTaskMs: tasks.longest?.duration ?? 0,
		longTasks: {
			count: tasks.count,
			totalMs: Math.round(tasks.totalMs),
			// Each long task: when it began (from the click) and how long it took.
			each: longTasks
				.filter((task) => task.start >= clickedAt - 1 && task.start < done.seen)
				.map((task) => ({ atMs: Math.round(task.start - clickedAt), ms: task.duration }))
		},
		...(profileSummary && { profile: profileSummary })
	};
}

/**
 * The app's stored clients, read from its database in the page: how many, how many were written again after
 * they were created (an update sets `updatedAt`), and whether each of `cities` ([name, City] pairs) holds its
 * City. Read in pages, as one getAll of many records is more than one message may carry.
 */
export function checkStoredClients(page, cities) {
	return page.evaluate(async (cities) => {
		const request = (r) =>
			new Promise((resolve, reject) => {
				r.onsuccess = () => resolve(r.result);
				r.onerror = () => reject(r.error);
			});
		const app = await request(indexedDB.open('client-import'));
		const wanted = new Map(cities);
		let stored = 0;
		let updated = 0;
		let cityMismatches = 0;
		let unknown = 0;
		const firstMismatches = [];
		let after;
		for (;;) {
			const store = app.transaction('clients').objectStore('clients');
			const page = await request(store.getAll(after, 50_000));
			if (page.length === 0) break;
			for (const client of page) {
				stored++;
				if (client.updatedAt !== client.createdAt) updated++;
				if (!wanted.has(client.name)) unknown++;
				else if (wanted.get(client.name) !== client.site.city) {
					cityMismatches++;
					if (firstMismatches.length < 5) firstMismatches.push(`${client.name}: ${client.site.city}`);
				}
				wanted.delete(client.name);
			}
			after = IDBKeyRange.lowerBound(page.at(-1).id, true);
		}
		app.close();
		return { stored, updated, cityMismatches, firstMismatches, unknown, missing: wanted.size };
	}, cities);
}

/**
 * The floor for the import: the records the app just stored, read back and written with one raw Dexie
 * `bulkPut` in one transaction, into a database of the same schema. The tab loads the app's home page first,
 * so the review's memory is gone; the records are read before the clock starts.
 */
export async function rawBulkPut(page, url) {
	await page.goto(`${url}/`);
	await page.addScriptTag({ url: `${url}${BENCH_PATH}/dexie.min.js` });
	return page.evaluate(async () => {
		const request = (r) =>
			new Promise((resolve, reject) => {
				r.onsuccess = () => resolve(r.result);
				r.onerror = () => reject(r.error);
			});
		const app = await request(indexedDB.open('client-import'));
		// The same schema as the app's clients store, read from it: primary key and every index.
		const keyOf = (path) => (Array.isArray(path) ? `[${path.join('+')}]` : path);
		const store = () => app.transaction('clients').objectStore('clients');
		const indexes = [...store().indexNames].map((name) => {
			const index = store().index(name);
			return `${index.unique ? '&' : ''}${index.multiEntry ? '*' : ''}${keyOf(index.keyPath)}`;
		});
		const { keyPath } = store();
		const schema = [keyOf(keyPath), ...indexes].join(', ');
		// Read in pages: one getAll of a million records is more than one message may carry.
		const records = [];
		for (;;) {
			const after = records.length ? IDBKeyRange.lowerBound(records.at(-1)[keyPath], true) : undefined;
			const page = await request(store().getAll(after, 50_000));
			if (page.length === 0) break;
			for (const record of page) records.push(record);
		}
		// Read back, they come sorted by key: the order the import wrote them in, its ids being time-ordered.
		const order = 'as imported';
		app.close();
		const raw = new window.Dexie('bench-raw-bulkput');
		raw.version(1).stores({ clients: schema });
		await raw.open();
		await raw.table('clients').clear();
		const started = performance.now();
		await raw.transaction('rw', 'clients', () => raw.table('clients').bulkPut(records));
		const ms = performance.now() - started;
		const stored = await raw.table('clients').count();
		await raw.delete();
		return { rows: records.length, ms, stored, order, schema };
	});
}

/**
 * Undoes the newest import from the import history page (open), timed from the click to the notice that it was
 * undone; the notice must say it removed `removed` clients.
 */
export async function undoNewestImport(page, removed) {
	const button = page.getByRole('button', { name: /^Undo the import of / }).first();
	await page.evaluate(() => {
		window.__bench.watch({
			undone: () => /The import was undone|Nothing was undone/.test(document.body.textContent ?? '')
		});
	});
	await button.click();
	const done = await withTimeout(
		page.evaluate(() => window.__bench.until('undone')),
		60 * MINUTE,
		'the undo'
	);
	const { clickedAt, notice, longTasks } = await page.evaluate(() => ({
		clickedAt: window.__bench.lastClickAt,
		notice: document.querySelector('[role=status], [role=alert]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
		longTasks: window.__bench.longTasks
	}));
	const wanted = `The import was undone: ${count(removed)} client${removed === 1 ? '' : 's'} removed.`;
	if (notice !== wanted) throw new CountMismatch(`the undo says "${notice}", not "${wanted}"`);
	const tasks = longTasksBetween(longTasks, clickedAt, done.seen);
	return { rows: removed, ms: done.painted - clickedAt, longestTaskMs: tasks.longest?.duration ?? 0, notice };
}
