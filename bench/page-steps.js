// The steps an admin takes on the review and after it, driven and timed in the page: fixing problem cells
// found with "Next problem", the import, and the raw Dexie bulkPut the import is compared with.
import { startProfile, stopProfile } from './cdp.js';
import { BENCH_PATH } from './site.js';
import { longTasksBetween, MINUTE, sleep, withTimeout } from './timings.js';

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
	await page.evaluate(() =>
		window.__bench.watch({
			imported: () => /^\s*Imported /.test(document.querySelector('#outcome-title')?.textContent ?? ''),
			failed: () => /Nothing was imported/.test(document.querySelector('[role=alert]')?.textContent ?? '')
		})
	);
	await startProfile(cdp, profile);
	await confirm.click();
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
	const rows = Number(/Imported ([\d,]+)/.exec(heading)?.[1].replace(/,/g, '') ?? NaN);
	const tasks = longTasksBetween(longTasks, clickedAt, done.seen);
	return {
		rows,
		ms: done.painted - clickedAt,
		heading,
		longestTaskMs: tasks.longest?.duration ?? 0,
		...(profileSummary && { profile: profileSummary })
	};
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
		// Read back, they come sorted by key; written so, they would go in far faster than the app's did, in
		// the order of its rows (random ids). They are put back in that order, from the import's record of
		// its client ids; failing that, in a fixed shuffle.
		const imports = app.objectStoreNames.contains('imports')
			? await request(app.transaction('imports').objectStore('imports').getAll())
			: [];
		const imported = imports.find((record) => record.clientIds?.length === records.length)?.clientIds;
		let order = 'as imported';
		if (imported) {
			const byKey = new Map(records.map((record) => [record[keyPath], record]));
			imported.forEach((key, i) => (records[i] = byKey.get(key)));
		} else {
			order = 'shuffled';
			let seed = 5;
			const random = () => ((seed = Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
			for (let i = records.length - 1; i > 0; i--) {
				const j = Math.floor(random() * (i + 1));
				[records[i], records[j]] = [records[j], records[i]];
			}
		}
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
