// Runs the end-to-end tests (tests/e2e/*.e2e.js) with Node's test runner, one file at a time, against the
// built site (run `npm run build` first). Chromium is found, or installed, before any test starts.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { findChromium } from './find-chromium.js';

if (!existsSync('build/index.html')) {
	console.error('No build/ found: run `npm run build` first.');
	process.exit(1);
}
process.env.CHROMIUM_PATH = findChromium();
const files = process.argv.slice(2).length
	? process.argv.slice(2)
	: readdirSync('tests/e2e')
			.filter((name) => name.endsWith('.e2e.js'))
			.map((name) => `tests/e2e/${name}`);
// The timeout bounds each file as a whole too: the hosting file builds a second site and starts two servers.
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-timeout=600000', ...files], {
	stdio: 'inherit'
});
process.exit(result.status ?? 1);
