// `npm run bench`: the import at the sizes that matter, up to a spreadsheet's 1,048,575 rows, in headless
// Chromium. Builds the site when it is stale, serves it, measures each size in a fresh browser context, prints
// one table and writes bench/results.json. Options:
//   --sizes 12,2000        sizes to run (default: 12, 2000, 10000, 100000, 1048575)
//   --smoke                a quick run (3 edits of each kind, short pauses): checks the benchmark still works
//   --out <file>           where to write the results (default: bench/results.json)
//   --build / --no-build   always build first / never build (default: build when build/ is older than src/)
//   --no-xlsx              leave out the workbooks: by default each size up to 100,000 rows is also read from
//                          an .xlsx of the same rows, timed to the grid
//   --no-import            stop after the edits: no import and no raw bulkPut (at 1,048,575 rows these two take
//                          half an hour, and what limits them is IndexedDB's, not the app's)
//   --no-raw               import, but leave out the raw bulkPut after it (at 1,048,575 rows it takes as long
//                          as the import: `--sizes 1048575 --no-xlsx --no-update --no-raw` times the import alone)
//   --no-update            leave out the update phase: by default, at 2,000 and 100,000 rows (when among the
//                          sizes), the size's clients are imported as new, then a file of the same clients, one
//                          in ten with another City, is imported as their update (bench/measure-update.js)
//   --update-only          only the update phase, at each of --sizes (default then: 2,000 and 100,000); its
//                          figures replace those of the same sizes in --out, and the rest of it is kept
//                          (`npm run bench -- --sizes 2000 --update-only` takes under a minute)
//   --trace                also trace the update's import (Chromium's timeline): each long task's thread time,
//                          which leaves out what other processes took of a shared machine
//   --profile              also record CPU profiles of the read and the import (bench/out/*.cpuprofile), and of
//                          the update's comparison and import; profiling slows the page, so its figures are not
//                          the published ones
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { findChromium } from '../tests/e2e/find-chromium.js';
import { CHROMIUM_ARGS } from '../tests/e2e/harness.js';
import { clientFile, OUT_DIR, updateFiles } from './generate.js';
import { measureSize } from './measure-size.js';
import { measureUpdate } from './measure-update.js';
import { workbookFile } from './workbook-file.js';
import { loadAverage, machine, machineLine, notes, table } from './report.js';
import { ensureBuild, prepareSite, serveSite } from './site.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const SPREADSHEET_ROWS = 1_048_575;
/** The largest size also read from a workbook by default. */
const WORKBOOK_MAX_ROWS = 100_000;
/** The sizes whose update is measured by default: a quick check, and the 100,000 existing clients. */
const UPDATE_SIZES = [2000, 100_000];

const { values } = parseArgs({
	options: {
		sizes: { type: 'string' },
		smoke: { type: 'boolean', default: false },
		out: { type: 'string', default: join(HERE, 'results.json') },
		build: { type: 'boolean' },
		profile: { type: 'boolean', default: false },
		trace: { type: 'boolean', default: false },
		xlsx: { type: 'boolean', default: true },
		import: { type: 'boolean', default: true },
		raw: { type: 'boolean', default: true },
		update: { type: 'boolean', default: true },
		'update-only': { type: 'boolean', default: false }
	},
	allowNegative: true
});

const updateOnly = values['update-only'];
values.sizes ??= updateOnly ? UPDATE_SIZES.join(',') : `12,2000,10000,100000,${SPREADSHEET_ROWS}`;
const sizes = values.sizes.split(',').map((size) => Number(size.replace(/[_\s]/g, '')));
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
	console.error(`--sizes takes row counts separated by commas, not "${values.sizes}".`);
	process.exit(2);
}
const options = {
	editsPerKind: values.smoke ? 3 : 20,
	// A pause between edits, as an admin reads the next problem; background work (draft save, bulk-fix scan)
	// may then run, and an edit that meets it is slower, as it would be for the admin.
	thinkMs: values.smoke ? 100 : 1000,
	profile: values.profile,
	trace: values.trace,
	withImport: values.import,
	withRaw: values.raw,
	outDir: OUT_DIR,
	log: (line) => console.log(line)
};

const log = (line) => console.log(line);
mkdirSync(OUT_DIR, { recursive: true });
ensureBuild({ build: values.build });
prepareSite();
const server = await serveSite();
const launchOptions = {
	executablePath: findChromium(),
	headless: true,
	args: [...CHROMIUM_ARGS, '--enable-precise-memory-info']
};
/**
 * A fresh browser with its own new profile on disk, as an admin's browser keeps IndexedDB (not in memory, as
 * an off-the-record context would, with its smaller quota).
 */
async function freshBrowser() {
	const dir = mkdtempSync(join(tmpdir(), 'bench-profile-'));
	const context = await chromium.launchPersistentContext(dir, {
		...launchOptions,
		viewport: { width: 1280, height: 900 }
	});
	return {
		context,
		async close() {
			await context.close().catch(() => {});
			// Chromium may still be writing as it goes: a profile left behind in the temp folder is no failure.
			try {
				rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 500 });
			} catch (error) {
				log(`  (could not remove ${dir}: ${error.code ?? error})`);
			}
		}
	};
}
const versionProbe = await chromium.launch(launchOptions);
const about = machine(versionProbe.version());
await versionProbe.close();
log(`Benchmark on ${machineLine(about)}`);

/**
 * With --update-only, the figures already in --out are kept (the full run's, say), less the update figures
 * of the sizes measured now; each update figure says on which machine and commit it was measured.
 */
const kept = updateOnly && existsSync(values.out) ? JSON.parse(readFileSync(values.out, 'utf8')) : null;
const results = (kept?.results ?? []).filter((result) => !(result.kind === 'update' && sizes.includes(result.rows)));
const mode = {
	smoke: values.smoke,
	profile: values.profile,
	trace: values.trace,
	editsPerKind: options.editsPerKind,
	thinkMs: options.thinkMs
};
/** Written after every size, so a run stopped midway keeps what it measured. */
function save() {
	mkdirSync(dirname(values.out), { recursive: true });
	const run = kept ? { machine: kept.machine, mode: kept.mode } : { machine: about, mode };
	writeFileSync(values.out, JSON.stringify({ ...run, results }, null, '\t') + '\n');
}
/** The update phase at one size: its files, written once, then measured in a fresh browser. */
async function update(rows) {
	const started = Date.now();
	log(`${rows.toLocaleString('en')} existing clients, updated: writing the files…`);
	const files = updateFiles(rows);
	log(
		`  ${relative(process.cwd(), files.existing.path)} and ${relative(process.cwd(), files.update.path)}: ${(files.update.bytes / 1024 ** 2).toFixed(1)} MB each, ${files.changed.toLocaleString('en')} clients changed`
	);
	const load = loadAverage();
	const result = await measureUpdate(freshBrowser, files, { ...options, url: server.url });
	const measured = kept ? { machine: { ...about, loadAverage: load } } : {};
	results.push({ ...result, ...measured, loadAverage: { before: load, after: loadAverage() } });
	save();
	log(`  done in ${Math.round((Date.now() - started) / 1000)} s`);
}
try {
	for (const rows of sizes) {
		if (updateOnly) {
			await update(rows);
			continue;
		}
		const started = Date.now();
		log(`${rows.toLocaleString('en')} rows: writing the file…`);
		const file = clientFile(rows);
		log(
			`  ${relative(process.cwd(), file.path)}: ${(file.bytes / 1024 ** 2).toFixed(1)} MB, ${file.expected.rowsWithErrors} rows with errors`
		);
		const load = loadAverage();
		const result = await measureSize(freshBrowser, file.path, file, { ...options, url: server.url });
		results.push({ ...result, loadAverage: { before: load, after: loadAverage() } });
		save();
		log(`  done in ${Math.round((Date.now() - started) / 1000)} s`);
		if (values.xlsx && rows <= WORKBOOK_MAX_ROWS) {
			const workbook = workbookFile(file);
			log(
				`  the same rows as ${relative(process.cwd(), workbook.path)}: ${(workbook.bytes / 1024 ** 2).toFixed(1)} MB`
			);
			const load = loadAverage();
			const read = await measureSize(freshBrowser, workbook.path, workbook, {
				...options,
				url: server.url,
				gridOnly: true,
				baselineFile: file.path
			});
			results.push({ ...read, format: 'xlsx', loadAverage: { before: load, after: loadAverage() } });
			save();
		}
		if (values.update && values.import && UPDATE_SIZES.includes(rows)) await update(rows);
	}
} finally {
	await server.close();
}

// With --update-only, the update figures measured now (the file's other figures are kept, not shown).
const shown = updateOnly
	? results.filter((result) => result.kind === 'update' && sizes.includes(result.rows))
	: results;
log('');
log(table(shown));
log('');
log(notes(shown));
log(`\nWrote ${relative(process.cwd(), values.out)}.`);
process.exitCode = shown.some((result) => result.error) ? 1 : 0;
