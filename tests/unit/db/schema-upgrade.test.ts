import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { resetDemo } from '$lib/db/demo';
import { beforesOfImport, commitImport, undoImport } from '$lib/db/import-commit';
import { BEFORES_PER_RECORD, DATABASE_NAME, db, type ImportRecord, type UpdatedClient } from '$lib/db/schema';
import { COL } from '$lib/domain/template';
import { sampleRow } from '$lib/csv/sample-csv';

/** The ids of the clients an import added (they carry its id), in the order it added them (ids sort by time). */
const addedBy = (record: ImportRecord) => db.clients.where('importId').equals(record.id).primaryKeys();

/** The stores as version 1 declared them, when an import's record held what its updated clients were before. */
const VERSION_1 = {
	clients: 'id, &nameKey, &primaryEmailKey, accountManagerId, *groupIds, importId, createdAt',
	technicians: 'id, &emailKey, lastName',
	groups: 'id, &nameKey',
	settings: 'key',
	imports: 'id, createdAt',
	drafts: 'id'
};

function row(i: number, city: string, updates?: string) {
	const values = sampleRow([], []);
	values[COL.ClientName] = `Client ${i}`;
	values[COL.PrimaryContactEmail] = `contact.${i}@client${i}.example`;
	values[COL.SecondaryContactEmail] = `second.${i}@client${i}.example`;
	values[COL.City] = city;
	return { rowNumber: i + 2, values, updates };
}

afterEach(async () => {
	db.close();
	await Dexie.delete(DATABASE_NAME);
	await db.open();
});

describe('a workspace saved by version 1', () => {
	it('keeps its import history: an update recorded then is undone after the upgrade', async () => {
		// The workspace as version 1 left it: two clients, and an import that moved them to Lyon, its record
		// holding what they were before.
		await resetDemo();
		const { importRecord: first } = await commitImport('first.csv', [row(0, 'Boston'), row(1, 'Boston')], 0);
		const before = await db.clients.bulkGet(await addedBy(first));
		const { importRecord: update } = await commitImport(
			'update.csv',
			(await addedBy(first)).map((id, i) => row(i, 'Lyon', id)),
			0,
			() => {},
			{ carried: new Set([COL.ClientName, COL.City]), emptyCells: 'keep' }
		);
		const updates = await beforesOfImport(update.id);
		const stores = new Map<string, unknown[]>();
		for (const name of Object.keys(VERSION_1)) stores.set(name, await db.table(name).toArray());
		// A record from before updates were possible has no `updates` at all; one with many is split.
		const many: UpdatedClient[] = Array.from({ length: BEFORES_PER_RECORD * 2 + 1 }, () => updates[0]);
		const oldImports = [
			first,
			{ ...update, updates },
			{ ...first, id: 'older', clientIds: [] },
			{ ...update, id: 'large', undoneAt: '2026-01-01T00:00:00.000Z', updates: many }
		];
		db.close();
		await Dexie.delete(DATABASE_NAME);
		const old = new Dexie(DATABASE_NAME);
		old.version(1).stores(VERSION_1);
		await old.open();
		for (const [name, records] of stores) {
			await old.table(name).bulkAdd(name === 'imports' ? oldImports : records);
		}
		old.close();

		await db.open();
		expect(db.verno).toBe(2);
		expect(await db.imports.get(update.id)).toEqual(update);
		expect(await db.imports.get('older')).toEqual({ ...first, id: 'older', clientIds: [] });
		expect(await beforesOfImport(update.id)).toEqual(updates);
		const large = await db.importBefores.where({ importId: 'large' }).toArray();
		expect(large.map((r) => r.updates.length)).toEqual([BEFORES_PER_RECORD, BEFORES_PER_RECORD, 1]);
		expect(await undoImport(update.id)).toEqual({ undone: true, removed: 0, restored: 2, kept: 0 });
		expect(await db.clients.bulkGet(await addedBy(first))).toEqual(before);
	});
});
