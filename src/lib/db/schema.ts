// The workspace database (`client-import`): its stores and indexes, declared once and versioned.
// Unique indexes on the lower-cased keys make IndexedDB itself refuse a duplicate client, technician or
// group, so a commit that races another tab fails whole instead of writing a duplicate.
import Dexie, { type EntityTable } from 'dexie';
import type { ClientRecord } from '$lib/domain/client';

export interface Technician {
	id: string;
	firstName: string;
	lastName: string;
	email: string;
	/** Lower-cased email: unique index. */
	emailKey: string;
}

export interface Group {
	id: string;
	name: string;
	/** Lower-cased name: unique index. */
	nameKey: string;
	description: string;
}

export interface Setting {
	key: string;
	value: unknown;
}

export interface ImportRecord {
	id: string;
	fileName: string;
	createdAt: string;
	/** Clients added. */
	imported: number;
	skipped: number;
	/**
	 * The clients added, in records written before this version: since, the clients an import added are found
	 * by their `importId` (a million ids in one record were one long copy as the import ended).
	 */
	clientIds?: string[];
	/** Existing clients updated (absent in imports recorded before updates were possible). */
	updated?: number;
	undoneAt: string | null;
}

export interface UpdatedClient {
	before: Omit<ClientRecord, 'logo'>;
	/** The client's updatedAt as the import left it: a later one means it was edited since. */
	updatedAt: string;
}

/**
 * What some of the clients an import updated held before (less their logo, which an import never changes), for
 * its undo: at most BEFORES_PER_RECORD of them a record, written with their chunk of the commit. One record
 * holding them all would be copied in one main-thread task as it is put: 200 ms and more for 10,000 updates.
 */
export interface ImportBefores {
	importId: string;
	/** The record's place among the import's, in the order of its updates. */
	chunk: number;
	updates: UpdatedClient[];
}

/** As many as a commit chunk holds at most: the commit writes one record per chunk that updates clients. */
export const BEFORES_PER_RECORD = 500;

/** An import's before-images as records of BEFORES_PER_RECORD at most, in their order. */
export function beforesRecords(importId: string, updates: readonly UpdatedClient[]): ImportBefores[] {
	const records: ImportBefores[] = [];
	for (let start = 0; start < updates.length; start += BEFORES_PER_RECORD) {
		records.push({ importId, chunk: records.length, updates: updates.slice(start, start + BEFORES_PER_RECORD) });
	}
	return records;
}

export interface DraftRecord {
	id: string;
	savedAt: string;
	data: unknown;
}

export const DATABASE_NAME = 'client-import';

export class WorkspaceDatabase extends Dexie {
	clients!: EntityTable<ClientRecord, 'id'>;
	technicians!: EntityTable<Technician, 'id'>;
	groups!: EntityTable<Group, 'id'>;
	settings!: EntityTable<Setting, 'key'>;
	imports!: EntityTable<ImportRecord, 'id'>;
	importBefores!: Dexie.Table<ImportBefores, [string, number]>;
	drafts!: EntityTable<DraftRecord, 'id'>;

	constructor(name = DATABASE_NAME) {
		super(name);
		this.version(1).stores({
			clients: 'id, &nameKey, &primaryEmailKey, accountManagerId, *groupIds, importId, createdAt',
			technicians: 'id, &emailKey, lastName',
			groups: 'id, &nameKey',
			settings: 'key',
			imports: 'id, createdAt',
			drafts: 'id'
		});
		// An import's before-images move from its record to records of their own (ImportBefores).
		this.version(2)
			.stores({ importBefores: '[importId+chunk]' })
			.upgrade(async (tx) => {
				const imports = tx.table<ImportRecord & { updates?: UpdatedClient[] }, string>('imports');
				for (const { updates, ...record } of await imports.toArray()) {
					if (updates === undefined) continue;
					await tx.table<ImportBefores>('importBefores').bulkAdd(beforesRecords(record.id, updates));
					await imports.put(record);
				}
			});
	}
}

export const db = new WorkspaceDatabase();
