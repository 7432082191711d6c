// `npm run bench:fix-all`: "Apply every fix" on a file where every row has a certain fix (each country written
// as its English name, as other tools export them), timed in headless Chromium from the click until every row
// is checked again, with the longest main-thread task meanwhile. Options:
//   --rows 100000          the file's size (default 100,000)
//   --build / --no-build   always build first / never build (default: build when build/ is older than src/)
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import Papa from 'papaparse';
import { findChromium } from '../tests/e2e/find-chromium.js';
import { CHROMIUM_ARGS } from '../tests/e2e/harness.js';
import { iso31661 } from 'iso-3166';
import { clientFile } from './generate.js';
import { machine, machineLine } from './report.js';
import { ensureBuild, prepareSite, serveSite } from './site.js';
import { MINUTE, parseSummary } from './timings.js';

const { values } = parseArgs({
	options: { rows: { type: 'string', default: '100000' }, build: { type: 'boolean' } },
	allowNegative: true
});
const rows = Number(values.rows.replace(/[_\s]/g, ''));

/** The benchmark's file with each country code written as its name: one fix per row. */
function namedCountriesFile() {
	const source = clientFile(rows);
	const names = new Map(iso31661.map((country) => [country.alpha2, country.name]));
	const { data } = Papa.parse(readFileSync(source.path, 'utf8'), { skipEmptyLines: true });
	const country = data[0].indexOf('Country');
	for (const row of data.slice(1)) row[country] = names.get(row[country].toUpperCase()) ?? row[country];
	const path = source.path.replace(/\.csv$/, '-country-names.csv');
	writeFileSync(path, Papa.unparse(data, { newline: '\r\n' }));
	return path;
}

const file = namedCountriesFile();
ensureBuild({ build: values.build });
prepareSite();
const server = await serveSite();
const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
try {
	const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	page.setDefaultTimeout(5 * MINUTE);
	await page.goto(`${server.url}/import/`);
	await page.locator('input[type=file]').setInputFiles(file);
	const applyEvery = page.getByRole('button', { name: /^Apply every fix below/ });
	await applyEvery.waitFor();
	// Let the review settle (the grid's slices, the first draft) before the click, as an admin reads the panel.
	await page.waitForTimeout(5000);
	const before = parseSummary(await page.locator('.summary').innerText());
	await page.evaluate(() => {
		window.__longTasks = [];
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
		}).observe({ type: 'longtask' });
	});
	const started = Date.now();
	await applyEvery.click();
	await page.locator('.applying').waitFor({ state: 'detached' });
	const tookMs = Date.now() - started;
	const longest = await page.evaluate(() => Math.max(0, ...window.__longTasks));
	const after = parseSummary(await page.locator('.summary').innerText());
	console.log(machineLine(machine(browser.version())));
	console.log(`Apply every fix, ${rows.toLocaleString('en')} rows, every country written as a name:`);
	console.log(`  load average meanwhile: ${machine(browser.version()).loadAverage}`);
	console.log(`  errors before: ${before.errors.toLocaleString('en')}, after: ${after.errors.toLocaleString('en')}`);
	console.log(`  click → every row checked again: ${(tookMs / 1000).toFixed(2)} s`);
	console.log(`  longest main-thread task meanwhile: ${longest > 0 ? `${Math.round(longest)} ms` : 'none over 50 ms'}`);
} finally {
	await browser.close();
	await server.close();
}
