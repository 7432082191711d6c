// Large edits checked in the real check worker (src/lib/import/check.worker.ts), several 2,000-row batches at a
// time. Node has no Worker and Vitest's browser mode is not set up: tests/helpers/module-worker.ts runs the real
// worker module in this thread, with structured clones and later tasks, as a browser would.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkRow } from '$lib/domain/rules';
import { COL, TEMPLATE_COLUMNS } from '$lib/domain/template';
import { checkRows } from '$lib/import/check-pool';
import { checkInWorkers, prepareCheckHelpers, releaseCheckHelpers } from '$lib/review/background-check';
import { ReviewSession, type ReviewSource } from '$lib/review/review-session.svelte';
import { ModuleWorker } from '../../helpers/module-worker';
import { SNAPSHOT, validRow, WORKSPACE } from '../domain/valid-row';

const SOURCE: ReviewSource = {
	fileName: 'clients.csv',
	settings: { encoding: 'utf-8', delimiter: ',' },
	header: [...TEMPLATE_COLUMNS],
	mapping: TEMPLATE_COLUMNS.map((_, index) => index)
};

/** Three batches of the pool's 2,000 rows, the last one short. */
const ROWS = 4_500;

/** Row i (0-based): an old zone name (fixable) in every row; a bad email in every 7th; no first name in every 250th. */
function fileRow(i: number): string[] {
	return validRow({
		ClientName: `Client ${i}`,
		PrimaryContactEmail: i % 7 === 0 ? `client ${i} at example` : `contact.${i}@client.example`,
		PrimaryContactFirstName: i % 250 === 0 ? '' : 'Ana',
		Timezone: 'US/Eastern'
	});
}

const BAD_EMAILS = Math.ceil(ROWS / 7);
const NO_FIRST_NAME = Math.ceil(ROWS / 250);

function review(): ReviewSession {
	const session = new ReviewSession(SOURCE, SNAPSHOT, checkInWorkers);
	session.addParsed(
		Array.from({ length: ROWS }, (_, i) => {
			const values = fileRow(i);
			return { rowNumber: i + 2, values, issues: checkRow(values, WORKSPACE) };
		})
	);
	return session;
}

const fixZones = (session: ReviewSession) =>
	session.rows.map((row) => ({ rowNumber: row.rowNumber, column: COL.Timezone, value: 'America/New_York' }));

/** The batches the helpers were sent to check. */
const batchesChecked = () =>
	ModuleWorker.all.reduce((sum, worker) => sum + worker.received.filter((type) => type === 'check').length, 0);
const helpersIdle = () => new Promise((resolve) => setTimeout(resolve, 250));

beforeEach(() => {
	ModuleWorker.all = [];
	vi.stubGlobal('Worker', ModuleWorker);
	vi.stubGlobal('navigator', { hardwareConcurrency: 2 });
});

afterEach(() => {
	releaseCheckHelpers();
	vi.unstubAllGlobals();
});

describe('large edits in the check worker', () => {
	it('checks 4,500 rows in three batches shared by the helpers, each row answered in its place', async () => {
		const rows = Array.from({ length: ROWS }, (_, i) => fileRow(i));
		const issues = await checkInWorkers(rows, SNAPSHOT);
		expect(issues).toEqual(checkRows(rows, WORKSPACE));
		expect(issues.filter((row) => row.length === 3)).toHaveLength(Math.ceil(ROWS / (7 * 250)));
		expect(batchesChecked()).toBe(3);
		expect(ModuleWorker.all.map((worker) => worker.received.includes('check'))).toEqual([true, true]);
	});

	it('takes in a fix-all of 4,500 rows and its undo, counted as the rules say', async () => {
		const session = review();
		const before = { rows: ROWS, rowsWithErrors: ROWS, errors: ROWS + BAD_EMAILS + NO_FIRST_NAME, warnings: 0 };
		expect(session.counts).toEqual(before);

		session.edit(fixZones(session), 'Fix time zones');
		await session.settled();
		const fixedErrors = BAD_EMAILS + NO_FIRST_NAME;
		expect(session.counts).toEqual({
			rows: ROWS,
			rowsWithErrors: fixedErrors - Math.ceil(ROWS / (7 * 250)),
			errors: fixedErrors,
			warnings: 0
		});
		expect([2, 2002, 4002, ROWS + 1].map((n) => session.row(n)!.value(COL.Timezone))).toEqual(
			Array(4).fill('America/New_York')
		);
		expect(session.row(ROWS + 1)!.issues).toEqual([]);
		expect(batchesChecked()).toBe(3);

		session.undo();
		await session.settled();
		expect(session.counts).toEqual(before);
		expect([2, 2002, 4002, ROWS + 1].map((n) => session.row(n)!.value(COL.Timezone))).toEqual(
			Array(4).fill('US/Eastern')
		);
		expect(session.row(ROWS + 1)!.issues.map((issue) => issue.code)).toEqual(['timezone_link']);
		expect(batchesChecked()).toBe(6);
	});

	it('checks in place the batches of a helper that breaks, and takes the whole edit in', async () => {
		prepareCheckHelpers();
		await helpersIdle();
		expect(ModuleWorker.all).toHaveLength(2);
		ModuleWorker.all[0].breaksOnCheck = true;
		const session = review();
		session.edit(fixZones(session), 'Fix time zones');
		await session.settled();
		expect(session.counts.errors).toBe(BAD_EMAILS + NO_FIRST_NAME);
		expect(session.row(ROWS + 1)!.value(COL.Timezone)).toBe('America/New_York');
		expect(ModuleWorker.all[0].terminated).toBe(true);
		expect(session.checkFailure).toBeNull();
	});

	it('leaves out a large edit whose helpers cannot start, takes it off Undo, and says why', async () => {
		vi.stubGlobal(
			'Worker',
			class {
				constructor() {
					throw new Error("Failed to construct 'Worker': the script was refused.");
				}
			}
		);
		const session = review();
		const before = session.counts;
		session.edit(fixZones(session), 'Fix time zones');
		expect(session.undoLabel).toBe('Fix time zones');
		await session.settled();
		expect(session.counts).toEqual(before);
		expect(session.row(ROWS + 1)!.value(COL.Timezone)).toBe('US/Eastern');
		expect(session.canUndo).toBe(false);
		expect(session.checkFailure).toBe(
			"“Fix time zones” (4,500 rows) could not be checked, so nothing was changed: Failed to construct 'Worker': the script was refused. Try again."
		);

		session.edit([{ rowNumber: 2, column: COL.Timezone, value: 'America/New_York' }], 'Fix row 2');
		expect(session.checkFailure).toBeNull();
	});
});
