import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDemo } from '$lib/db/demo';
import { beforesOfImport, COMMIT_CHUNK, CommitConflict, commitImport, undoImport } from '$lib/db/import-commit';
import { db, type ImportRecord } from '$lib/db/schema';
import { COL } from '$lib/domain/template';
import { sampleRow } from '$lib/csv/sample-csv';

/** The ids of the clients an import added (they carry its id), in the order it added them (ids sort by time). */
const addedBy = (record: ImportRecord) => db.clients.where('importId').equals(record.id).primaryKeys();

function rows(count: number) {
	return Array.from({ length: count }, (_, i) => {
		const values = sampleRow([], []);
		values[COL.ClientName] = `Client ${i}`;
		values[COL.PrimaryContactEmail] = `contact.${i}@client${i}.example`;
		values[COL.SecondaryContactEmail] = `second.${i}@client${i}.example`;
		return { rowNumber: i + 2, values };
	});
}

/** Imports `count` new clients (the `first` import), then gives them back with a file's rows updating each, moved to Lyon. */
async function importedThenMovedToLyon(count: number) {
	const { importRecord } = await commitImport('first.csv', rows(count), 0);
	const clients = await db.clients.bulkGet(await addedBy(importRecord));
	const update = rows(count).map((row, i) => ({
		...row,
		values: row.values.with(COL.City, 'Lyon'),
		updates: clients[i]!.id
	}));
	return { first: importRecord, clients, update };
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
		expect(await undoImport(importRecord.id)).toEqual({ undone: true, removed: 2500, restored: 0, kept: 0 });
		expect(await db.clients.count()).toBe(0);
	});

	it('writes nothing when the transaction fails half-way, and says why', async () => {
		const realBulkAdd = db.clients.bulkAdd.bind(db.clients);
		let calls = 0;
		vi.spyOn(db.clients, 'bulkAdd').mockImplementation(((records: never[]) => {
			calls++;
			// The first chunk is written; the second fails on a constraint, as on its first record.
			if (calls === 2)
				return Promise.reject(Object.assign(new Error('Key already exists'), { name: 'ConstraintError' }));
			return realBulkAdd(records);
		}) as never);
		await expect(commitImport('clients.csv', rows(2500), 0)).rejects.toThrow(
			'Nothing was imported: a client with the same name or primary email was saved meanwhile'
		);
		// The chunk after it may have been started as the second was written; none of them stays.
		expect(calls).toBeGreaterThanOrEqual(2);
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

	it('finds a client edited since among thousands the import added, and keeps it when asked to', async () => {
		const { importRecord } = await commitImport('clients.csv', rows(2500), 0);
		// In the third of the chunks the undo reads the added clients in.
		const edited = (await db.clients.where('importId').equals(importRecord.id).offset(2100).first())!;
		await db.clients.update(edited.id, { updatedAt: new Date(Date.now() + 1000).toISOString() });
		expect(await undoImport(importRecord.id)).toEqual({ undone: false, editedNames: [edited.name] });
		expect(await undoImport(importRecord.id, 'keep')).toEqual({ undone: true, removed: 2499, restored: 0, kept: 1 });
		expect((await db.clients.toArray()).map((client) => client.id)).toEqual([edited.id]);
	});
});

describe('an import that updates existing clients', () => {
	const policy = {
		carried: new Set([COL.ClientName, COL.PrimaryContactEmail, COL.City, COL.PhoneNumber]),
		emptyCells: 'keep' as const
	};

	/** Imports three new clients, then gives back what the first of them is now. */
	async function firstImport() {
		const { importRecord } = await commitImport('first.csv', rows(3), 0);
		const [first] = await db.clients.bulkGet(await addedBy(importRecord));
		return first!;
	}

	it('updates only the carried columns that change, keeps id, createdAt and extras, and adds the new rows', async () => {
		const before = await firstImport();
		await db.clients.update(before.id, { holidays: [{ date: '2026-12-25', name: 'Christmas Day' }] });
		const withHoliday = (await db.clients.get(before.id))!;
		const [first, second] = rows(3);
		const changed = {
			...first,
			values: first.values.with(COL.City, 'Lyon').with(COL.PostalCode, '69001'),
			updates: before.id
		};
		const unchanged = { ...second, updates: (await db.clients.where('nameKey').equals('client 1').first())!.id };
		const fresh = rows(5)[4];
		const { importRecord } = await commitImport('second.csv', [changed, unchanged, fresh], 0, () => {}, policy);
		expect(importRecord).toMatchObject({ imported: 1, updated: 1 });
		expect(await addedBy(importRecord)).toHaveLength(1);
		const after = (await db.clients.get(before.id))!;
		expect(after.site.city).toBe('Lyon');
		// PostalCode is not carried: the file's value is not taken.
		expect(after.site.postalCode).toBe(before.site.postalCode);
		expect(after).toMatchObject({ id: before.id, createdAt: before.createdAt, holidays: withHoliday.holidays });
		expect(after.updatedAt).toBe(importRecord.createdAt);
		// What it held before, less its logo (an import never changes it).
		const { logo, ...held } = withHoliday;
		expect(logo).toBeNull();
		expect(await beforesOfImport(importRecord.id)).toEqual([{ before: held, updatedAt: importRecord.createdAt }]);
		expect(await db.clients.count()).toBe(4);
	});

	it('undo puts back what the updated clients held and removes the added ones', async () => {
		const before = await firstImport();
		const [first] = rows(1);
		const { importRecord } = await commitImport(
			'second.csv',
			[{ ...first, values: first.values.with(COL.City, 'Lyon'), updates: before.id }, rows(6)[5]],
			0,
			() => {},
			policy
		);
		expect(await undoImport(importRecord.id)).toEqual({ undone: true, removed: 1, restored: 1, kept: 0 });
		expect(await db.clients.get(before.id)).toEqual(before);
		expect(await db.clients.count()).toBe(3);
	});

	it('asks before undoing a client edited after the import, then keeps the later edit or restores the old values', async () => {
		const before = await firstImport();
		const [first] = rows(1);
		const update = { ...first, values: first.values.with(COL.City, 'Lyon'), updates: before.id };
		const { importRecord } = await commitImport('second.csv', [update], 0, () => {}, policy);
		await db.clients.update(before.id, {
			site: { ...before.site, city: 'Paris' },
			updatedAt: '2030-01-01T00:00:00.000Z'
		});
		expect(await undoImport(importRecord.id)).toEqual({ undone: false, editedNames: [before.name] });
		expect((await db.imports.get(importRecord.id))!.undoneAt).toBeNull();
		expect(await undoImport(importRecord.id, 'keep')).toEqual({ undone: true, removed: 0, restored: 0, kept: 1 });
		expect((await db.clients.get(before.id))!.site.city).toBe('Paris');
	});

	it('names the client edited since, not the first one the import updated', async () => {
		const { clients, update } = await importedThenMovedToLyon(3);
		const { importRecord } = await commitImport('second.csv', update, 0, () => {}, policy);
		await db.clients.update(clients[2]!.id, { updatedAt: '2030-01-01T00:00:00.000Z' });
		expect(await undoImport(importRecord.id)).toEqual({ undone: false, editedNames: [clients[2]!.name] });
	});

	it('restores the old values over a later edit when the admin says so', async () => {
		const before = await firstImport();
		const [first] = rows(1);
		const update = { ...first, values: first.values.with(COL.City, 'Lyon'), updates: before.id };
		const { importRecord } = await commitImport('second.csv', [update], 0, () => {}, policy);
		await db.clients.update(before.id, {
			site: { ...before.site, city: 'Paris' },
			updatedAt: '2030-01-01T00:00:00.000Z'
		});
		expect(await undoImport(importRecord.id, 'restore')).toEqual({ undone: true, removed: 0, restored: 1, kept: 0 });
		expect(await db.clients.get(before.id)).toEqual(before);
	});

	it('says why nothing was undone when an email the undo would put back belongs to another client now', async () => {
		const before = await firstImport();
		const [first] = rows(1);
		const update = {
			...first,
			values: first.values.with(COL.PrimaryContactEmail, 'new@client0.example'),
			updates: before.id
		};
		const emailPolicy = { ...policy, carried: new Set([...policy.carried, COL.PrimaryContactEmail]) };
		const { importRecord } = await commitImport('second.csv', [update], 0, () => {}, emailPolicy);
		const { importRecord: third } = await commitImport('third.csv', rows(9).slice(8), 0);
		await db.clients.update((await addedBy(third))[0], {
			primaryContact: {
				...(await db.clients.get((await addedBy(third))[0]))!.primaryContact,
				email: before.primaryContact.email
			},
			primaryEmailKey: before.primaryEmailKey
		});
		const outcome = await undoImport(importRecord.id, 'restore');
		expect(outcome).toMatchObject({
			undone: false,
			problem: expect.stringMatching(/^Nothing was undone: a client the import changed/)
		});
		expect((await db.clients.get(before.id))!.primaryContact.email).toBe('new@client0.example');
		expect((await db.imports.get(importRecord.id))!.undoneAt).toBeNull();
	});

	it('refuses an update whose client was deleted meanwhile, writing nothing', async () => {
		const before = await firstImport();
		await db.clients.delete(before.id);
		const [first] = rows(1);
		await expect(
			commitImport('second.csv', [{ ...first, updates: before.id }, rows(7)[6]], 0, () => {}, policy)
		).rejects.toBeInstanceOf(CommitConflict);
		expect(await db.clients.count()).toBe(2);
	});
});

describe('a commit of several chunks', () => {
	it('writes nothing when a row of a later chunk no longer fits, though an earlier chunk was written', async () => {
		// A client saved after the review began (perhaps in another tab), named as row 2,302 names one: a row of
		// a chunk after the first.
		expect(2300).toBeGreaterThan(COMMIT_CHUNK);
		const all = rows(2500);
		const { importRecord: meanwhile } = await commitImport('other-tab.csv', [all[2300]], 0);
		const firstChunkWritten = vi.fn();
		const realBulkAdd = db.clients.bulkAdd.bind(db.clients);
		vi.spyOn(db.clients, 'bulkAdd').mockImplementation(((records: never[]) =>
			realBulkAdd(records).then((keys) => {
				firstChunkWritten(records.length);
				return keys;
			})) as never);
		const error = await commitImport('clients.csv', all, 0).catch((e: unknown) => e);
		expect(firstChunkWritten).toHaveBeenCalledWith(COMMIT_CHUNK);
		expect(error).toBeInstanceOf(CommitConflict);
		expect((error as Error).message).toMatch(/^Nothing was imported: row 2302 no longer fits the workspace/);
		// The transaction took back the first chunk: only the client saved meanwhile is there, and no record.
		expect(await db.clients.count()).toBe(1);
		expect((await db.clients.toArray())[0].importId).toBe(meanwhile.id);
		expect(await db.imports.count()).toBe(1);
	});

	it('writes nothing when a client a later chunk updates was deleted meanwhile', async () => {
		const { importRecord: earlier } = await commitImport('earlier.csv', rows(1), 0);
		const [gone] = await addedBy(earlier);
		await db.clients.delete(gone);
		const update = { ...rows(1)[0], rowNumber: 2600, updates: gone };
		const all = [...rows(2500).slice(1), update];
		await expect(commitImport('clients.csv', all, 0)).rejects.toThrow(
			/^Nothing was imported: row 2600 no longer fits the workspace/
		);
		expect(await db.clients.count()).toBe(0);
		expect(await db.imports.count()).toBe(1);
	});

	it('reports the rows written after each chunk, rising to the total', async () => {
		const progress: number[] = [];
		await commitImport('clients.csv', rows(4500), 0, (written) => progress.push(written));
		const chunks = Math.ceil(4500 / COMMIT_CHUNK);
		expect(chunks).toBeGreaterThan(2);
		expect(progress).toEqual(Array.from({ length: chunks }, (_, i) => Math.min(4500, (i + 1) * COMMIT_CHUNK)));
		expect(await db.clients.count()).toBe(4500);
	});
});

describe('undoing an import', () => {
	it('says there was nothing left to undo for an import it does not know, and touches no client', async () => {
		await commitImport('clients.csv', rows(3), 0);
		expect(await undoImport('no-such-import')).toEqual({ undone: true, removed: 0, restored: 0, kept: 0 });
		expect(await db.clients.count()).toBe(3);
		expect(await db.imports.count()).toBe(1);
	});

	it('undoes an import once: a second undo changes nothing, not even a client edited since', async () => {
		const { importRecord: first } = await commitImport('first.csv', rows(2), 0);
		const [clientId] = await addedBy(first);
		const before = (await db.clients.get(clientId))!;
		const update = { ...rows(1)[0], values: rows(1)[0].values.with(COL.City, 'Lyon'), updates: clientId };
		const { importRecord } = await commitImport('second.csv', [update], 0, () => {}, {
			carried: new Set([COL.ClientName, COL.City]),
			emptyCells: 'keep'
		});
		expect(await undoImport(importRecord.id)).toEqual({ undone: true, removed: 0, restored: 1, kept: 0 });
		const { undoneAt } = (await db.imports.get(importRecord.id))!;
		expect(undoneAt).not.toBeNull();
		// Edited after the undo: a second undo must not put the import's before back over it.
		await db.clients.update(clientId, {
			site: { ...before.site, city: 'Paris' },
			updatedAt: '2030-01-01T00:00:00.000Z'
		});
		expect(await undoImport(importRecord.id)).toEqual({ undone: true, removed: 0, restored: 0, kept: 0 });
		expect(await undoImport(importRecord.id, 'restore')).toEqual({ undone: true, removed: 0, restored: 0, kept: 0 });
		expect((await db.clients.get(clientId))!.site.city).toBe('Paris');
		expect((await db.imports.get(importRecord.id))!.undoneAt).toBe(undoneAt);
	});

	it('puts back every field of each updated client, a cleared one too, and keeps the logo as it is now', async () => {
		const { importRecord: first } = await commitImport('first.csv', rows(2), 0);
		const logo = new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' });
		await db.clients.update((await addedBy(first))[1], { logo });
		const before = await db.clients.bulkGet(await addedBy(first));
		const [a, b] = rows(2);
		const changes = [
			{ ...a, values: a.values.with(COL.City, 'Lyon').with(COL.PhoneNumber, ''), updates: (await addedBy(first))[0] },
			{
				...b,
				values: b.values.with(COL.ClientName, 'CLIENT 1').with(COL.City, 'Oslo'),
				updates: (await addedBy(first))[1]
			}
		];
		const { importRecord } = await commitImport('second.csv', changes, 0, () => {}, {
			carried: new Set([COL.ClientName, COL.City, COL.PhoneNumber]),
			emptyCells: 'clear'
		});
		const updated = await db.clients.bulkGet(await addedBy(first));
		expect(updated.map((c) => [c!.name, c!.site.city, c!.primaryContact.phone])).toEqual([
			['Client 0', 'Lyon', ''],
			['CLIENT 1', 'Oslo', before[1]!.primaryContact.phone]
		]);
		expect(await undoImport(importRecord.id)).toEqual({ undone: true, removed: 0, restored: 2, kept: 0 });
		const restored = await db.clients.bulkGet(await addedBy(first));
		expect(restored.map((c) => ({ ...c, logo: null }))).toEqual(before.map((c) => ({ ...c, logo: null })));
		expect(restored[0]!.logo).toBeNull();
		expect(restored[1]!.logo?.type).toBe('image/png');
	});
});

describe('an update of several chunks', () => {
	const cityPolicy = { carried: new Set([COL.ClientName, COL.City, COL.PhoneNumber]), emptyCells: 'keep' as const };

	it('undoes every client it updated, and names one edited since though its before is in a later chunk', async () => {
		const count = 700;
		const { importRecord: first } = await commitImport('first.csv', rows(count), 0);
		const before = await db.clients.bulkGet(await addedBy(first));
		const update = rows(count).map((row, i) => ({
			...row,
			values: row.values.with(COL.City, `City ${i}`),
			updates: before[i]!.id
		}));
		const { importRecord } = await commitImport('update.csv', update, 0, () => {}, cityPolicy);
		expect(await db.imports.get(importRecord.id)).toEqual(importRecord);
		expect(importRecord).toMatchObject({ imported: 0, updated: count });
		expect(importRecord).not.toHaveProperty('updates');
		// What the clients held before is stored a chunk at a time, not in the import's one record.
		expect(await db.importBefores.where({ importId: importRecord.id }).count()).toBeGreaterThan(1);
		const befores = await beforesOfImport(importRecord.id);
		expect(befores.map((u) => u.before.id)).toEqual(await addedBy(first));

		const edited = before[count - 10]!;
		await db.clients.update(edited.id, { updatedAt: '2030-01-01T00:00:00.000Z' });
		expect(await undoImport(importRecord.id)).toEqual({ undone: false, editedNames: [edited.name] });
		expect(await undoImport(importRecord.id, 'keep')).toEqual({
			undone: true,
			removed: 0,
			restored: count - 1,
			kept: 1
		});
		const after = await db.clients.bulkGet(await addedBy(first));
		expect(after.filter((c) => c!.id !== edited.id)).toEqual(before.filter((c) => c!.id !== edited.id));
		expect(after[count - 10]!.site.city).toBe(`City ${count - 10}`);
	});

	it.each([
		['its clients read whole', false],
		['the clients its chunks name looked up (a workspace of many)', true]
	])(
		"refuses, writing nothing, an update of a later chunk that gives a client another client's email, %s",
		async (_, lookUp) => {
			const { first, clients: before, update } = await importedThenMovedToLyon(700);
			// Row 692 gives client 690 the email of client 3, whom no row of its chunk names.
			update[690] = {
				...update[690],
				values: update[690].values.with(COL.PrimaryContactEmail, 'Contact.3@client3.example')
			};
			if (lookUp) vi.spyOn(db.clients, 'count').mockResolvedValueOnce(1_000_000);
			const error = await commitImport('update.csv', update, 0, () => {}, {
				...cityPolicy,
				carried: new Set([...cityPolicy.carried, COL.PrimaryContactEmail])
			}).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(CommitConflict);
			expect((error as CommitConflict).conflicts).toEqual([
				{ rowNumber: 692, issues: [expect.objectContaining({ code: 'email_exists' })] }
			]);
			expect(await db.clients.bulkGet(await addedBy(first))).toEqual(before);
			expect(await db.imports.count()).toBe(1);
		}
	);

	it('gives a client two rows update, in different chunks, what both change', async () => {
		const { importRecord: first } = await commitImport('first.csv', rows(700), 0);
		const before = await db.clients.bulkGet(await addedBy(first));
		const update = rows(700).map((row, i) => ({ ...row, updates: before[i]!.id }));
		// Row 2 moves client 0 to Lyon; row 702, in a later chunk, gives it another phone (its empty City kept).
		update[0] = { ...update[0], values: update[0].values.with(COL.City, 'Lyon') };
		update.push({
			...update[0],
			rowNumber: 702,
			values: rows(1)[0].values.with(COL.City, '').with(COL.PhoneNumber, '2025550199')
		});
		const { importRecord } = await commitImport('update.csv', update, 0, () => {}, cityPolicy);
		expect(importRecord.updated).toBe(2);
		const client = (await db.clients.get(before[0]!.id))!;
		expect([client.site.city, client.primaryContact.phone]).toEqual(['Lyon', '2025550199']);
		// Undo puts back what the client held before the import, not what the first of its two rows made of it.
		expect(await undoImport(importRecord.id)).toEqual({ undone: true, removed: 0, restored: 1, kept: 0 });
		expect(await db.clients.get(before[0]!.id)).toEqual(before[0]);
	});
});

describe('a commit into a workspace of many clients', () => {
	/** The commit then looks up, chunk by chunk, the clients a chunk's names and emails could clash with. */
	const manyClients = () => vi.spyOn(db.clients, 'count').mockResolvedValueOnce(1_000_000);

	it('finds a client saved meanwhile under the name of a row of a later chunk, and writes nothing', async () => {
		const all = rows(1200);
		await commitImport('other-tab.csv', [all[1100]], 0);
		manyClients();
		const error = await commitImport('clients.csv', all, 0).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(CommitConflict);
		expect((error as CommitConflict).conflicts).toEqual([
			{
				rowNumber: 1102,
				issues: [expect.objectContaining({ code: 'name_exists' }), expect.objectContaining({ code: 'email_exists' })]
			}
		]);
		expect(await db.clients.count()).toBe(1);
	});

	it('adds new clients that clash with none', async () => {
		manyClients();
		const { importRecord } = await commitImport('clients.csv', rows(600), 0);
		expect(importRecord.imported).toBe(600);
		expect(await addedBy(importRecord)).toHaveLength(600);
	});
});
