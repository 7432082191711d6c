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
//   --profile              also record CPU profiles of the read and the import (bench/out/*.cpuprofile);
//                          profiling slows the page, so its figures are not the published ones
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { findChromium } from '../tests/e2e/find-chromium.js';
import { CHROMIUM_ARGS } from '../tests/e2e/harness.js';
import { clientFile, OUT_DIR } from './generate.js';
import { measureSize } from './measure-size.js';
import { workbookFile } from './workbook-file.js';
import { loadAverage, machine, machineLine, notes, table } from './report.js';
import { ensureBuild, prepareSite, serveSite } from './site.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const SPREADSHEET_ROWS = 1_048_575;
/** The largest size also read from a workbook by default. */
const WORKBOOK_MAX_ROWS = 100_000;

const { values } = parseArgs({
	options: {
		sizes: { type: 'string', default: `12,2000,10000,100000,${SPREADSHEET_ROWS}` },
		smoke: { type: 'boolean', default: false },
		out: { type: 'string', default: join(HERE, 'results.json') },
		build: { type: 'boolean' },
		profile: { type: 'boolean', default: false },
		xlsx: { type: 'boolean', default: true },
		import: { type: 'boolean', default: true }
	},
	allowNegative: true
});

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
	withImport: values.import,
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

const results = [];
const mode = {
	smoke: values.smoke,
	profile: values.profile,
	editsPerKind: options.editsPerKind,
	thinkMs: options.thinkMs
};
/** Written after every size, so a run stopped midway keeps what it measured. */
function save() {
	mkdirSync(dirname(values.out), { recursive: true });
	writeFileSync(values.out, JSON.stringify({ machine: about, mode, results }, null, '\t') + '\n');
}
try {
	for (const rows of sizes) {
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
	}
} finally {
	await server.close();
}

log('');
log(table(results));
log('');
log(notes(results));
log(`\nWrote ${relative(process.cwd(), values.out)}.`);
process.exitCode = results.some((result) => result.error) ? 1 : 0;
