// The commit run in its worker: the real worker module, in this thread (ModuleWorker), fed by the page's side.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	commitInWorker,
	dropCommitWorker,
	prepareCommitWorker,
	undoInWorker,
	type StoredRow
} from '$lib/db/commit-client';
import { resetDemo } from '$lib/db/demo';
import { CommitConflict, commitImport } from '$lib/db/import-commit';
import { db } from '$lib/db/schema';
import { UserFacingError } from '$lib/db/errors';
import { sampleRow } from '$lib/csv/sample-csv';
import { storeValues } from '$lib/domain/stored-values';
import { COL } from '$lib/domain/template';
import { ModuleWorker } from '../../helpers/module-worker';

interface PageRow extends StoredRow {
	updates?: string;
}

function rows(count: number, from = 0): PageRow[] {
	return Array.from({ length: count }, (_, i) => {
		const values = sampleRow([], []);
		values[COL.ClientName] = `Client ${from + i}`;
		values[COL.PrimaryContactEmail] = `contact.${from + i}@client${from + i}.example`;
		return { rowNumber: from + i + 2, stored: storeValues(values) };
	});
}

const NO_POLICY = { carried: new Set<number>(), emptyCells: 'keep' as const };

function commit(pageRows: PageRow[], onProgress?: (written: number) => void) {
	return commitInWorker({
		fileName: 'clients.csv',
		rows: pageRows,
		updatesOf: (row) => row.updates,
		skipped: 1,
		onProgress,
		policy: NO_POLICY
	});
}

beforeEach(async () => {
	await resetDemo();
	ModuleWorker.all = [];
	vi.stubGlobal('Worker', ModuleWorker);
});
afterEach(() => {
	vi.restoreAllMocks();
	vi.unstubAllGlobals();
});

describe('the commit in its worker', () => {
	it('writes every row with the import record, counts what it wrote, and ends its worker', async () => {
		const before = await db.clients.count();
		const written: number[] = [];
		const { importRecord } = await commit(rows(2600), (count) => written.push(count));
		expect(importRecord).toMatchObject({ fileName: 'clients.csv', imported: 2600, skipped: 1, updated: 0 });
		expect(await db.clients.count()).toBe(before + 2600);
		expect(await db.imports.get(importRecord.id)).toMatchObject({ imported: 2600 });
		expect(written).toEqual([500, 1000, 1500, 2000, 2500, 2600]);
		const added = await db.clients.where('importId').equals(importRecord.id).toArray();
		expect(added.map((client) => client.name).sort()).toEqual(
			Array.from({ length: 2600 }, (_, i) => `Client ${i}`).sort()
		);
		expect(ModuleWorker.all.map((worker) => worker.terminated)).toEqual([true]);
	});

	it('carries a value that holds the separator the page packs rows with, and the row that updates a client', async () => {
		const { importRecord: first } = await commit(rows(1));
		const [client] = await db.clients.where('importId').equals(first.id).toArray();
		const [update] = rows(1);
		const values = sampleRow([], []);
		values[COL.ClientName] = 'Client 0';
		values[COL.PrimaryContactEmail] = 'contact.0@client0.example';
		values[COL.City] = 'Lyon\u001fEst';
		const { importRecord } = await commitInWorker({
			fileName: 'update.csv',
			rows: [{ ...update, stored: storeValues(values), updates: client.id }],
			updatesOf: (row) => row.updates,
			skipped: 0,
			policy: { carried: new Set([COL.City]), emptyCells: 'keep' }
		});
		expect(importRecord).toMatchObject({ imported: 0, updated: 1 });
		expect((await db.clients.get(client.id))?.site.city).toBe('Lyon\u001fEst');
	});

	it('keeps its transaction open while the page is slow to hand over the rows, and writes them all at once', async () => {
		// Each chunk reaches the worker 30 ms after the one before: the database has nothing to do meanwhile.
		const post = ModuleWorker.prototype.postMessage;
		let last = Promise.resolve();
		vi.spyOn(ModuleWorker.prototype, 'postMessage').mockImplementation(function (this: ModuleWorker, message) {
			last = last.then(() => new Promise((resolve) => setTimeout(resolve, 30))).then(() => post.call(this, message));
		});
		const before = await db.clients.count();
		const { importRecord } = await commit(rows(2100));
		expect(importRecord.imported).toBe(2100);
		expect(await db.clients.count()).toBe(before + 2100);
	});

	it('writes nothing and names the rows when the workspace no longer accepts some', async () => {
		await commitImport('other-tab.csv', [{ rowNumber: 2, values: sampleRowNamed('Client 1201') }], 0);
		const before = await db.clients.count();
		const failure = commit(rows(2500));
		await expect(failure).rejects.toBeInstanceOf(CommitConflict);
		await expect(failure).rejects.toThrow(/row 1203 no longer fits/);
		expect(((await failure.catch((error) => error)) as CommitConflict).conflicts[0].issues[0]).toMatchObject({
			column: COL.ClientName,
			severity: 'error'
		});
		expect(await db.clients.count()).toBe(before);
		expect(await db.imports.count()).toBe(1);
	});

	it('undoes an import in a worker of its own, and ends it', async () => {
		const before = await db.clients.count();
		const { importRecord } = await commit(rows(1200));
		expect(await undoInWorker(importRecord.id)).toEqual({ undone: true, removed: 1200, restored: 0, kept: 0 });
		expect(await db.clients.count()).toBe(before);
		expect((await db.imports.get(importRecord.id))?.undoneAt).not.toBeNull();
		expect(ModuleWorker.all.map((worker) => worker.terminated)).toEqual([true, true]);
	});

	it('undoes nothing and says so when the undo\'s worker breaks', async () => {
		const { importRecord } = await commit(rows(3));
		vi.spyOn(ModuleWorker.prototype, 'postMessage').mockImplementation(function (this: ModuleWorker) {
			this.onerror?.({ message: 'out of memory', preventDefault() {} } as ErrorEvent);
		});
		expect(await undoInWorker(importRecord.id)).toEqual({
			undone: false,
			problem: 'Nothing was undone: the undo stopped (out of memory).'
		});
		expect(await db.clients.where('importId').equals(importRecord.id).count()).toBe(3);
	});

	it('takes the worker started ahead, or a new one when that one failed to load', async () => {
		prepareCommitWorker();
		await vi.waitFor(() => expect(ModuleWorker.all).toHaveLength(1));
		await commit(rows(3));
		expect(ModuleWorker.all).toHaveLength(1);
		prepareCommitWorker();
		await vi.waitFor(() => expect(ModuleWorker.all).toHaveLength(2));
		// Its script is gone (the site was updated since the tab opened): the commit starts another.
		ModuleWorker.all[1].onerror?.({ message: 'not found', preventDefault() {} } as ErrorEvent);
		const { importRecord } = await commit(rows(3, 10));
		expect(importRecord.imported).toBe(3);
		expect(ModuleWorker.all.map((worker) => worker.terminated)).toEqual([true, true, true]);
		dropCommitWorker();
	});

	it('writes nothing and says so when its worker breaks', async () => {
		vi.spyOn(ModuleWorker.prototype, 'postMessage').mockImplementation(function (this: ModuleWorker) {
			this.onerror?.({ message: 'out of memory', preventDefault() {} } as ErrorEvent);
		});
		const failure = commit(rows(3));
		await expect(failure).rejects.toBeInstanceOf(UserFacingError);
		await expect(failure).rejects.toThrow('Nothing was imported: the import stopped (out of memory).');
		expect(ModuleWorker.all[0].terminated).toBe(true);
	});
});

function sampleRowNamed(name: string) {
	const values = sampleRow([], []);
	values[COL.ClientName] = name;
	values[COL.PrimaryContactEmail] = 'someone.else@elsewhere.example';
	return values;
}
