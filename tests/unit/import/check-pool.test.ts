import { describe, expect, it } from 'vitest';
import type { RowIssue } from '$lib/domain/issues';
import { CheckPool, checkRows, type CheckHelper, type CheckRequest, type CheckResponse } from '$lib/import/check-pool';
import { batchTransfer, packBatch, unpackBatch, type ParsedRow } from '$lib/import/protocol';
import { writeCsv } from '$lib/csv/csv-writer';
import { readFile } from '$lib/import/read-file';
import { unpackRows, valuesOf } from '$lib/domain/stored-values';
import { TEMPLATE_COLUMNS as COLUMNS } from '$lib/domain/template';
import { indexWorkspace } from '$lib/domain/workspace';
import { SNAPSHOT, validRow, WORKSPACE } from '../domain/valid-row';

/** A helper worker in the same thread: answers after `delay(id)` ms, as the real one would. */
class FakeHelper implements CheckHelper {
	onmessage: ((event: MessageEvent<CheckResponse>) => void) | null = null;
	onerror: ((event: ErrorEvent) => void) | null = null;
	checked = 0;
	terminated = false;
	private workspace = WORKSPACE;

	/** `startMs`: how long it takes to start, as a worker compiles its code before it answers. */
	constructor(
		private readonly delay: (id: number) => number = () => 0,
		private readonly startMs = 0
	) {}

	postMessage(message: CheckRequest) {
		if (message.type === 'workspace') {
			this.workspace = indexWorkspace(message.workspace);
			setTimeout(() => this.onmessage?.({ data: { type: 'ready' } } as MessageEvent<CheckResponse>), this.startMs);
			return;
		}
		const issues = checkRows(unpackRows(message.rows, message.count), this.workspace);
		this.checked++;
		setTimeout(
			() => this.onmessage?.({ data: { type: 'checked', id: message.id, issues } } as MessageEvent<CheckResponse>),
			this.delay(message.id)
		);
	}

	terminate() {
		this.terminated = true;
	}
}

function someRows(count: number, offset = 0): string[][] {
	return Array.from({ length: count }, (_, i) => {
		const n = i + offset;
		// Every third row has a problem or two.
		return validRow({
			ClientName: `Client ${n}`,
			PrimaryContactEmail: n % 3 === 0 ? `not an email ${n}` : `contact${n}@example.com`,
			Timezone: n % 5 === 0 ? 'Asia/Calcutta' : 'Europe/London'
		});
	});
}

const inPlace = (rows: string[][]) => checkRows(rows, WORKSPACE);
/** The fake helpers have said they are ready. */
const started = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('CheckPool', () => {
	it('checks each batch exactly as checkRow does, in the batch order, whether a helper or itself checks it', async () => {
		const helper = new FakeHelper((id) => (id % 2 === 0 ? 15 : 1));
		const pool = new CheckPool(WORKSPACE, SNAPSHOT, [helper]);
		await started();
		const batches = Array.from({ length: 10 }, (_, b) => someRows(50, b * 50));
		const results = await Promise.all(batches.map((batch) => pool.check(batch)));
		expect(results).toEqual(batches.map(inPlace));
		expect(results.flat().some((issues) => issues.length > 0)).toBe(true);
		// The helper took some batches and left the rest to the pool while it was busy.
		expect(helper.checked).toBeGreaterThan(0);
		expect(helper.checked).toBeLessThan(10);
		pool.close();
		expect(helper.terminated).toBe(true);
	});

	it('gives each helper the workspace, so its rules see the same technicians and clients', async () => {
		const helper = new FakeHelper();
		const pool = new CheckPool(WORKSPACE, SNAPSHOT, [helper]);
		await started();
		const [issues] = await pool.check([validRow({ ClientName: 'ACME corp' })]);
		expect(issues.map((issue) => issue.code)).toEqual(['name_exists']);
		expect(helper.checked).toBe(1);
	});

	it('checks in place while its helpers are still starting, rather than wait for them', async () => {
		const helper = new FakeHelper(() => 0, 50);
		const pool = new CheckPool(WORKSPACE, SNAPSHOT, [helper]);
		const rows = someRows(30);
		expect(await pool.check(rows)).toEqual(inPlace(rows));
		expect(helper.checked).toBe(0);
		await new Promise((resolve) => setTimeout(resolve, 60));
		expect(await pool.check(rows)).toEqual(inPlace(rows));
		expect(helper.checked).toBe(1);
	});

	it('waits for its helpers when it may not check in place (the page)', async () => {
		const helper = new FakeHelper(() => 0, 50);
		const pool = new CheckPool(WORKSPACE, SNAPSHOT, [helper], Infinity);
		const rows = someRows(30);
		expect(await pool.check(rows)).toEqual(inPlace(rows));
		expect(helper.checked).toBe(1);
	});

	it('hands its helpers on, unended, to the next pool, which checks against its own workspace', async () => {
		const helper = new FakeHelper();
		const first = new CheckPool(WORKSPACE, SNAPSHOT, [helper], Infinity);
		await first.check(someRows(3));
		const kept = first.release();
		expect(kept).toEqual([helper]);
		expect(helper.terminated).toBe(false);
		const withoutClients = { ...SNAPSHOT, clients: [] };
		const second = new CheckPool(indexWorkspace(withoutClients), withoutClients, kept, Infinity);
		const [issues] = await second.check([validRow({ ClientName: 'ACME corp' })]);
		expect(issues).toEqual([]);
		expect(helper.checked).toBe(2);
	});

	it('ends a helper released with a check unanswered: its answer must not reach the next pool', async () => {
		const helper = new FakeHelper(() => 20);
		const pool = new CheckPool(WORKSPACE, SNAPSHOT, [helper], Infinity);
		void pool.check(someRows(3));
		expect(pool.release()).toEqual([]);
		expect(helper.terminated).toBe(true);
	});

	it('checks in place when there is no helper', async () => {
		const pool = new CheckPool(WORKSPACE, SNAPSHOT, []);
		const rows = someRows(30);
		expect(await pool.check(rows)).toEqual(inPlace(rows));
	});

	it('checks the batches of a helper that fails in place, and sends it no more', async () => {
		const helper = new FakeHelper(() => 1000);
		const pool = new CheckPool(WORKSPACE, SNAPSHOT, [helper]);
		await started();
		const rows = someRows(20);
		const pending = pool.check(rows);
		helper.onerror?.({ message: 'boom', preventDefault: () => {} } as ErrorEvent);
		expect(await pending).toEqual(inPlace(rows));
		expect(helper.terminated).toBe(true);
		await pool.check(someRows(5));
		expect(helper.checked).toBe(1);
	});
});

describe('readFile with checks elsewhere', () => {
	const csv = (rows: string[][]) => writeCsv([COLUMNS, ...rows]);

	it('hands batches over in file order even when their checks finish in another order', async () => {
		const rows = someRows(95);
		const file = new Blob([csv(rows)]);
		const read = async (check?: (rows: string[][]) => Promise<RowIssue[][]> | RowIssue[][]) => {
			const got: ParsedRow[] = [];
			await readFile(file, {
				settings: { encoding: 'utf-8', delimiter: ',' },
				mapping: COLUMNS.map((_, i) => i),
				workspace: WORKSPACE,
				batchSize: 10,
				onRows: (batch) => got.push(...batch),
				check
			});
			return got;
		};
		let calls = 0;
		// The first batches take longest.
		const slowFirst = (batch: string[][]) => {
			const delay = 30 - calls++ * 3;
			return new Promise<RowIssue[][]>((resolve) => setTimeout(() => resolve(inPlace(batch)), Math.max(0, delay)));
		};
		const elsewhere = await read(slowFirst);
		expect(calls).toBe(10);
		expect(elsewhere.map((row) => row.rowNumber)).toEqual(rows.map((_, i) => i + 2));
		expect(elsewhere).toEqual(await read());
	});

	it("keeps the file's remark on a ragged row before the rules' issues", async () => {
		const row = validRow({ PrimaryContactEmail: 'nope' });
		const file = new Blob([writeCsv([COLUMNS, [...row, 'extra']])]);
		const got: ParsedRow[] = [];
		await readFile(file, {
			settings: { encoding: 'utf-8', delimiter: ',' },
			mapping: COLUMNS.map((_, i) => i),
			workspace: WORKSPACE,
			onRows: (batch) => got.push(...batch),
			check: async (batch) => inPlace(batch)
		});
		expect(got[0].issues.map((issue) => issue.code)).toEqual(['row_too_many_fields', 'email_invalid']);
	});
});

describe('packBatch and unpackBatch', () => {
	it('carry rows across as they were: numbers, values and issues, with none for rows without', () => {
		const rows: ParsedRow[] = [
			{ rowNumber: 2, values: validRow(), issues: [] },
			{
				rowNumber: 7,
				values: validRow({ ClientName: 'Zoë, "quoted"\nand broken' }),
				issues: [{ column: -1, severity: 'warning', code: 'row_too_few_fields', message: 'short' }]
			},
			// Values holding the characters that join values and rows travel apart, unchanged.
			{
				rowNumber: 8,
				values: validRow({ ClientName: 'Unit\u001fseparated', City: 'Record\u001eseparated' }),
				issues: []
			},
			{ rowNumber: 9, values: COLUMNS.map(() => ''), issues: [] },
			{ rowNumber: 1_048_576, values: validRow({ City: '' }), issues: [] }
		];
		const batch = packBatch(rows);
		expect(batch.issues).toHaveLength(1);
		expect(batchTransfer(batch)).toHaveLength(1);
		const received = unpackBatch(structuredClone(batch));
		expect(received.map((row) => ({ ...row, values: valuesOf(row.values) }))).toEqual(rows);
	});

	it('carry an empty batch as no rows', () => {
		expect(unpackBatch(structuredClone(packBatch([])))).toEqual([]);
	});
});
