// The benchmark still works: `npm run bench` at 10,000 rows in its smoke mode, on the built site. It must finish
// and produce every figure; how fast they are is the benchmark's business, not a test's.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIGURES = [
	'papaparseMs',
	'gridReadyMs',
	'longestTaskMs',
	'editMs',
	'uniquenessEditMs',
	'importRowsPerSecond',
	'rawBulkPutRowsPerSecond',
	'peakMainThreadHeapBytes',
	'peakWorkersHeapBytes'
];

test(
	'the benchmark runs at 10,000 rows, from a CSV and an .xlsx, and produces every figure',
	{ timeout: 180_000 },
	async () => {
		const out = join(tmpdir(), `bench-smoke-${process.pid}.json`);
		try {
			const run = promisify(execFile)(
				process.execPath,
				['bench/run.js', '--sizes', '10000', '--smoke', '--no-build', '--out', out],
				{ cwd: ROOT, timeout: 170_000 }
			);
			await run.catch((error) => assert.fail(`the benchmark failed:\n${error.stdout}\n${error.stderr}`));
			const { machine, results } = JSON.parse(readFileSync(out, 'utf8'));
			assert.ok(machine.chromium && machine.cpus && machine.node, 'the machine is described');
			// The CSV's figures, then the same rows read from an .xlsx, timed to the grid.
			assert.equal(results.length, 2);
			const [result, workbook] = results;
			assert.equal(workbook.error, null, 'the workbook of the same rows is read');
			assert.equal(workbook.rows, 10_000);
			assert.equal(result.error, null);
			assert.equal(result.rows, 10_000);
			for (const figure of FIGURES) {
				assert.ok(Number.isFinite(result.figures[figure]) && result.figures[figure] >= 0, `${figure} is measured`);
			}
			assert.deepEqual(result.details.summary, result.expected, 'the summary counts what the generator wrote');
			assert.equal(result.details.import.rows, result.details.rawBulkPut.rows, 'both writes store the same records');
		} finally {
			rmSync(out, { force: true });
		}
	}
);
