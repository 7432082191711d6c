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
	clientIds: string[];
	/** Existing clients updated (absent in imports recorded before updates were possible). */
	updated?: number;
	/** What each updated client held before (less its logo, which an import never changes), for the undo. */
	updates?: UpdatedClient[];
	undoneAt: string | null;
}

export interface UpdatedClient {
	before: Omit<ClientRecord, 'logo'>;
	/** The client's updatedAt as the import left it: a later one means it was edited since. */
	updatedAt: string;
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
	}
}

export const db = new WorkspaceDatabase();
