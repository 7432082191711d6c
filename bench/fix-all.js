// `npm run bench:fix-all`: the fix panel's one-click fix of every row, on a file where every row has one certain
// fix and no other problem (the update phase's clean clients, each country written as its English name, as other
// tools export them): "Fix N problems", timed in headless Chromium from the click until its progress row, once
// shown, is gone and the frame after it painted, with the longest main-thread task meanwhile. The review must count an error on every row before the
// click and none after it; otherwise the run fails and prints no timing. Options:
//   --rows 100000          the file's size (default 100,000; 2,000 at least, for the progress row to show)
//   --build / --no-build   always build first / never build (default: build when build/ is older than src/)
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import Papa from 'papaparse';
import { findChromium } from '../tests/e2e/find-chromium.js';
import { CHROMIUM_ARGS } from '../tests/e2e/harness.js';
import { iso31661 } from 'iso-3166';
import { installProbes } from './browser/probes.js';
import { checkCounts } from './counts.js';
import { updateFiles } from './generate.js';
import { machine, machineLine } from './report.js';
import { ensureBuild, prepareSite, serveSite } from './site.js';
import { MINUTE, parseSummary, withTimeout } from './timings.js';

const { values } = parseArgs({
	options: { rows: { type: 'string', default: '100000' }, build: { type: 'boolean' } },
	allowNegative: true
});
const rows = Number(values.rows.replace(/[_\s]/g, ''));

/** Clean clients (every row valid, every name unique) with each country code written as its name. */
function namedCountriesFile() {
	const source = updateFiles(rows).existing;
	const names = new Map(iso31661.map((country) => [country.alpha2, country.name]));
	const { data } = Papa.parse(readFileSync(source.path, 'utf8'), { skipEmptyLines: true });
	const country = data[0].indexOf('Country');
	for (const row of data.slice(1)) row[country] = names.get(row[country].toUpperCase()) ?? row[country];
	const path = source.path.replace(/\.csv$/, '-country-names.csv');
	writeFileSync(path, Papa.unparse(data, { newline: '\r\n' }));
	return path;
}

const summary = (page) =>
	page.evaluate(() => document.querySelector('.summary')?.textContent ?? '').then((text) => parseSummary(text));

const file = namedCountriesFile();
ensureBuild({ build: values.build });
prepareSite();
const server = await serveSite();
const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
try {
	const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	page.setDefaultTimeout(5 * MINUTE);
	await page.addInitScript(installProbes);
	await page.goto(`${server.url}/import/`);
	await page.locator('input[type=file]').setInputFiles(file);
	// One kind of fix (country names), so the panel offers it as one button rather than "Apply every fix below".
	const fixEvery = page.getByRole('button', { name: `Fix ${rows.toLocaleString('en')} problems`, exact: true });
	await fixEvery.waitFor();
	// Let the review settle (the grid's slices, the first draft) before the click, as an admin reads the panel.
	await page.waitForTimeout(5000);
	const before = await summary(page);
	checkCounts('before the click, the review', before, { rows, rowsWithErrors: rows });
	await page.evaluate(() =>
		window.__bench.watch({
			applying: () => document.querySelector('.applying') !== null,
			applied: (marks) => marks.applying && document.querySelector('.applying') === null
		})
	);
	await fixEvery.click();
	// A large edit shows its progress row at once: one that never shows is not the edit this times.
	await withTimeout(
		page.evaluate(() => window.__bench.until('applying')),
		MINUTE,
		'the progress row "Applying the edit to…" to show'
	);
	const applied = await withTimeout(
		page.evaluate(() => window.__bench.until('applied')),
		5 * MINUTE,
		'the progress row to go'
	);
	const { clickedAt, longTasks } = await page.evaluate(() => ({
		clickedAt: window.__bench.lastClickAt,
		longTasks: window.__bench.longTasks
	}));
	const after = await summary(page);
	checkCounts('once the edit is applied, the review', after, { rows, rowsWithErrors: 0, errors: 0 });
	const longest = Math.max(0, ...longTasks.filter((task) => task.start >= clickedAt).map((task) => task.duration));
	console.log(machineLine(machine(browser.version())));
	console.log(`Fix every row, ${rows.toLocaleString('en')} rows, every country written as a name:`);
	console.log(`  load average meanwhile: ${machine(browser.version()).loadAverage}`);
	console.log(`  errors before: ${before.errors.toLocaleString('en')}, after: ${after.errors.toLocaleString('en')}`);
	console.log(`  click → every row checked again: ${((applied.painted - clickedAt) / 1000).toFixed(2)} s`);
	console.log(`  longest main-thread task meanwhile: ${longest > 0 ? `${Math.round(longest)} ms` : 'none over 50 ms'}`);
} catch (error) {
	console.error(`Fix every row, ${rows.toLocaleString('en')} rows: ${error.message}`);
	process.exitCode = 1;
} finally {
	await browser.close();
	await server.close();
}
