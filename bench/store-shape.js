// `npm run bench:stores`: what the shape of the database costs the commit, in headless Chromium with a profile on
// disk: the same client records written in chunks of 500 in one transaction (as the import writes them) into
// the clients store with the app's six indexes, with only those the app cannot do without (the two unique keys,
// and the import's id that undo finds its clients by), and with none; and with six indexes again, the database
// also holding a saved review of every row (the draft the import page keeps in the same database). Options:
//   --rows 100000          how many clients (default 100,000)
//   --build / --no-build   always build first / never build (default: build when build/ is older than src/)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { findChromium } from '../tests/e2e/find-chromium.js';
import { CHROMIUM_ARGS } from '../tests/e2e/harness.js';
import { machine, machineLine } from './report.js';
import { BENCH_PATH, ensureBuild, prepareSite, serveSite } from './site.js';

const { values } = parseArgs({
	options: { rows: { type: 'string', default: '100000' }, build: { type: 'boolean' } },
	allowNegative: true
});
const rows = Number(values.rows.replace(/[_\s]/g, ''));

const SHAPES = [
	{
		name: 'six indexes (the app)',
		clients: 'id, &nameKey, &primaryEmailKey, accountManagerId, *groupIds, importId, createdAt'
	},
	{ name: 'three: the unique keys and importId', clients: 'id, &nameKey, &primaryEmailKey, importId' },
	{ name: 'none', clients: 'id' },
	{
		name: 'six indexes, and a saved review of every row',
		clients: 'id, &nameKey, &primaryEmailKey, accountManagerId, *groupIds, importId, createdAt',
		withDraft: true
	}
];

/** In the page: writes `rows` made-up clients into a fresh database of `shape`; resolves with the milliseconds. */
function writeClients({ shape, rows, db: dbName }) {
	const Dexie = window.Dexie;
	const db = new Dexie(dbName);
	// As the commit's worker writes: without Dexie's tracking of every key written (commit.worker.ts).
	db.unuse({ stack: 'dbcore', name: 'Observability' });
	db.version(1).stores({ clients: shape.clients, drafts: 'id' });
	const at = new Date().toISOString();
	const hex = (n, width) => n.toString(16).padStart(width, '0');
	const client = (i) => {
		const name = `Client ${i} Holdings`;
		const email = `contact.${i}@client${i}.example`;
		return {
			// Time-ordered, as the app's ids are (UUID version 7).
			id: `${hex(Date.now(), 12)}-7${hex(i, 3).slice(-3)}-8${hex(i, 15)}`,
			name,
			nameKey: name.toLowerCase(),
			primaryContact: { firstName: 'Ann', lastName: `Lee ${i}`, email, phoneCode: '1', phone: '2025550143' },
			primaryEmailKey: email,
			secondaryContact: null,
			site: {
				name: 'HQ',
				addressLine: `${i} Main Street`,
				city: 'Springfield',
				state: 'US-IL',
				country: 'US',
				postalCode: '62701',
				timezone: 'America/Chicago'
			},
			emailDomains: [`client${i}.example`],
			accountManagerId: i % 3 === 0 ? null : `tech-${i % 7}`,
			groupIds: i % 2 === 0 ? ['group-a'] : ['group-a', 'group-b'],
			customFields: {},
			createdAt: at,
			updatedAt: at,
			importId: 'import-1'
		};
	};
	return (async () => {
		if (shape.withDraft) {
			// The draft as the app saves it: the rows' values joined, in parts of about a million characters.
			const row = (i) =>
				[
					`Client ${i} Holdings`,
					'Ann',
					`Lee ${i}`,
					`contact.${i}@client${i}.example`,
					'1',
					'2025550143',
					'',
					'',
					'',
					'HQ',
					`${i} Main Street`,
					'Springfield',
					'IL',
					'US',
					'62701',
					'America/Chicago',
					`client${i}.example`,
					'',
					'Group A'
				].join('\u001f');
			const parts = [];
			for (let start = 0; start < rows; start += 5000) {
				parts.push({
					id: `review:rows:${parts.length}`,
					data: Array.from({ length: Math.min(5000, rows - start) }, (_, k) => ({
						rowNumber: start + k + 2,
						values: row(start + k)
					}))
				});
			}
			await db.drafts.bulkPut(parts);
		}
		const started = performance.now();
		await db.transaction('rw', db.clients, async () => {
			for (let start = 0; start < rows; start += 500) {
				await db.clients.bulkAdd(Array.from({ length: Math.min(500, rows - start) }, (_, k) => client(start + k)));
			}
		});
		const ms = performance.now() - started;
		const stored = await db.clients.count();
		db.close();
		return { ms, stored };
	})();
}

ensureBuild({ build: values.build });
prepareSite();
const server = await serveSite();
console.log(`${rows.toLocaleString('en')} clients, written in chunks of 500 in one transaction:`);
try {
	for (const shape of SHAPES) {
		// A fresh profile on disk for each, as an admin's browser keeps IndexedDB.
		const profile = mkdtempSync(join(tmpdir(), 'bench-stores-'));
		const context = await chromium.launchPersistentContext(profile, {
			executablePath: findChromium(),
			headless: true,
			args: CHROMIUM_ARGS
		});
		try {
			if (shape === SHAPES[0]) console.log(machineLine(machine(context.browser()?.version() ?? 'unknown')));
			const page = context.pages()[0] ?? (await context.newPage());
			await page.goto(`${server.url}/`);
			await page.addScriptTag({ url: `${server.url}${BENCH_PATH}/dexie.min.js` });
			const { ms, stored } = await page.evaluate(writeClients, { shape, rows, db: 'bench-stores' });
			if (stored !== rows) throw new Error(`${shape.name}: ${stored} clients stored, not ${rows}`);
			console.log(
				`  ${shape.name.padEnd(46)} ${Math.round(rows / (ms / 1000))
					.toLocaleString('en')
					.padStart(7)} rows/s (${(ms / 1000).toFixed(1)} s)`
			);
		} finally {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		}
	}
} finally {
	await server.close();
}
