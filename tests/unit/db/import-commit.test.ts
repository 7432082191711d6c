import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDemo } from '$lib/db/demo';
import { CommitConflict, commitImport, undoImport } from '$lib/db/import-commit';
import { db } from '$lib/db/schema';
import { COL } from '$lib/domain/template';
import { sampleRow } from '$lib/csv/sample-csv';

function rows(count: number) {
	return Array.from({ length: count }, (_, i) => {
		const values = sampleRow([], []);
		values[COL.ClientName] = `Client ${i}`;
		values[COL.PrimaryContactEmail] = `contact.${i}@client${i}.example`;
		values[COL.SecondaryContactEmail] = `second.${i}@client${i}.example`;
		return { rowNumber: i + 2, values };
	});
}

beforeEach(async () => {
	await resetDemo();
});
afterEach(() => {
	vi.restoreAllMocks();
});

describe('committing an import', () => {
	it('writes every row and the import record, then undo removes exactly those clients', async () => {
		const { importRecord } = await commitImport('clients.csv', rows(2500), 3);
		expect(await db.clients.count()).toBe(2500);
		expect(await db.imports.get(importRecord.id)).toMatchObject({
			imported: 2500,
			skipped: 3,
			fileName: 'clients.csv'
		});
		expect(await undoImport(importRecord.id)).toEqual({ undone: true, removed: 2500 });
		expect(await db.clients.count()).toBe(0);
	});

	it('writes nothing when the transaction fails half-way, and says why', async () => {
		const realBulkAdd = db.clients.bulkAdd.bind(db.clients);
		let calls = 0;
		vi.spyOn(db.clients, 'bulkAdd').mockImplementation(((records: never[]) => {
			calls++;
			// The first chunk (2,000 rows) is written; the second fails on a constraint, as on the 2,001st record.
			if (calls === 2)
				return Promise.reject(Object.assign(new Error('Key already exists'), { name: 'ConstraintError' }));
			return realBulkAdd(records);
		}) as never);
		await expect(commitImport('clients.csv', rows(2500), 0)).rejects.toThrow(
			'Nothing was imported: a client with the same name or primary email was saved meanwhile'
		);
		expect(calls).toBe(2);
		expect(await db.clients.count()).toBe(0);
		expect(await db.imports.count()).toBe(0);
	});

	it('tells the admin when storage is full, and writes nothing', async () => {
		vi.spyOn(db.clients, 'bulkAdd').mockRejectedValue(new DOMException('Quota exceeded', 'QuotaExceededError'));
		await expect(commitImport('clients.csv', rows(10), 0)).rejects.toThrow(
			"this browser's storage for the site is full"
		);
		expect(await db.clients.count()).toBe(0);
	});

	it('notices a client added since the review began (another tab) and writes none of the rows', async () => {
		const [first, ...rest] = rows(5);
		await commitImport('other-tab.csv', [first], 0);
		await expect(commitImport('clients.csv', [first, ...rest], 0)).rejects.toBeInstanceOf(CommitConflict);
		await expect(commitImport('clients.csv', [first, ...rest], 0)).rejects.toThrow(/row 2 no longer fits/);
		expect(await db.clients.count()).toBe(1);
	});

	it('will not undo an import whose clients were edited since, and names them', async () => {
		const { importRecord } = await commitImport('clients.csv', rows(3), 0);
		const edited = (await db.clients.toArray())[0];
		await db.clients.update(edited.id, { updatedAt: new Date(Date.now() + 1000).toISOString() });
		expect(await undoImport(importRecord.id)).toEqual({ undone: false, editedNames: [edited.name] });
		expect(await db.clients.count()).toBe(3);
	});
});
