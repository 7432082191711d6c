// What the rules need to know about the workspace: a plain snapshot (sent to the worker as is) and the
// lookup maps built from it once.
import type { CustomField } from './custom-fields';
import { CLIENT_ID_COLUMN } from './extra-columns';
import { COL, TEMPLATE_COLUMNS } from './template';

export interface WorkspaceSnapshot {
	technicians: readonly { id: string; email: string; firstName: string; lastName: string }[];
	groups: readonly { id: string; name: string }[];
	clients: readonly { id: string; name: string; email: string }[];
	signUpEmail: string;
	/** Settings' custom fields, in order: their columns follow the template's own. */
	customFields: readonly CustomField[];
	/** The file's optional columns after the custom fields' (`extra-columns.ts`): Hours, Holidays, properties, ClientId. */
	extraColumns?: readonly string[];
	/**
	 * An import that adds new clients and updates existing ones: a row naming an existing client is that
	 * client's update, not a duplicate of it. Absent or false: every row must be a new client.
	 */
	updateExisting?: boolean;
}

export interface WorkspaceIndex {
	technicianIdByEmail: ReadonlyMap<string, string>;
	/** Technicians' emails by `personNameKey` of "first last": several when two share a name. */
	technicianEmailsByName: ReadonlyMap<string, readonly string[]>;
	groupByKey: ReadonlyMap<string, { id: string; name: string }>;
	/** Existing clients by `clientNameKey`, and by lower-cased primary email. */
	clientByNameKey: ReadonlyMap<string, { id: string; name: string }>;
	clientIdByEmail: ReadonlyMap<string, string>;
	/** Existing clients' names by id, for a message that names the client an email belongs to. */
	clientNameById: ReadonlyMap<string, string>;
	/** See WorkspaceSnapshot.updateExisting. */
	updateExisting: boolean;
	signUpEmail: string;
	customFields: readonly CustomField[];
	/** Every column of a row: the template's, then one per custom field, then the file's extra columns. */
	columns: readonly string[];
	/** Where the extra columns start in a row. */
	firstExtraColumn: number;
	/** The ClientId column's index in a row, or -1 when the file has none. */
	clientIdColumn: number;
}

/** Client names are unique case- and space-insensitively: "Acme  Corp" and "acme corp" are one name. */
export function clientNameKey(name: string): string {
	const trimmed = name.trim();
	// Most names have single spaces only: they skip the replace, which a bulk load feels.
	return (SPACES_TO_FOLD.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed).toLowerCase();
}

/** Whitespace other than a single space: what `clientNameKey` folds into one space. */
const SPACES_TO_FOLD = /[^\S ]| {2}/;

export function emailKey(email: string): string {
	return email.trim().toLowerCase();
}

export function groupKey(name: string): string {
	return name.trim().toLowerCase();
}

/** A person's name as people match it by eye: case, accents, dots and extra spaces do not count. */
export function personNameKey(name: string): string {
	return name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[.\s]+/g, ' ')
		.trim()
		.toLowerCase();
}

function groupEmailsByName(technicians: WorkspaceSnapshot['technicians']): Map<string, string[]> {
	const byName = new Map<string, string[]>();
	for (const { firstName, lastName, email } of technicians) {
		const key = personNameKey(`${firstName} ${lastName}`);
		if (key === '') continue;
		const emails = byName.get(key);
		if (emails) emails.push(email);
		else byName.set(key, [email]);
	}
	return byName;
}

type SnapshotClient = WorkspaceSnapshot['clients'][number];

/**
 * The look-ups of existing clients, built a chunk at a time as the clients are read (`add`), so that 100,000 of
 * them never make one long task: their maps take 0.15–0.5 s to build at once.
 */
export class ClientMaps {
	readonly clientByNameKey = new Map<string, SnapshotClient>();
	readonly clientIdByEmail = new Map<string, string>();
	readonly clientNameById = new Map<string, string>();

	add(clients: Iterable<SnapshotClient>): this {
		for (const client of clients) {
			this.clientByNameKey.set(clientNameKey(client.name), client);
			this.clientIdByEmail.set(emailKey(client.email), client.id);
			this.clientNameById.set(client.id, client.name);
		}
		return this;
	}

	/** Lends these maps to every index of a snapshot whose clients are exactly `clients` (never changed after). */
	lendTo(clients: readonly SnapshotClient[]): void {
		clientMapsOf.set(clients, this);
	}
}

/** Maps built as a snapshot's clients were read, by the snapshot's clients array. */
const clientMapsOf = new WeakMap<readonly SnapshotClient[], ClientMaps>();

export function indexWorkspace(snapshot: WorkspaceSnapshot): WorkspaceIndex {
	const firstExtraColumn = TEMPLATE_COLUMNS.length + snapshot.customFields.length;
	const columns = [...TEMPLATE_COLUMNS, ...snapshot.customFields.map((f) => f.name), ...(snapshot.extraColumns ?? [])];
	return {
		technicianIdByEmail: new Map(snapshot.technicians.map((t) => [emailKey(t.email), t.id])),
		technicianEmailsByName: groupEmailsByName(snapshot.technicians),
		groupByKey: new Map(snapshot.groups.map((g) => [groupKey(g.name), g])),
		...(clientMapsOf.get(snapshot.clients) ?? new ClientMaps().add(snapshot.clients)),
		updateExisting: snapshot.updateExisting === true,
		signUpEmail: emailKey(snapshot.signUpEmail),
		customFields: snapshot.customFields,
		columns,
		firstExtraColumn,
		clientIdColumn: columns.indexOf(CLIENT_ID_COLUMN, firstExtraColumn)
	};
}

/**
 * The existing client a row is about: the one its ClientId names when the file has that column and the id is
 * this workspace's (a name changed in the file then renames the client), else the one its name names. An id
 * of another workspace (an export imported elsewhere) keys nothing: the name does.
 */
export function existingClientOf(
	value: (column: number) => string,
	workspace: WorkspaceIndex
): { id: string; name: string; byId: boolean } | undefined {
	if (workspace.clientIdColumn >= 0) {
		const id = value(workspace.clientIdColumn).trim();
		const name = id === '' ? undefined : workspace.clientNameById.get(id);
		if (name !== undefined) return { id, name, byId: true };
	}
	const name = value(COL.ClientName);
	const byName = name.trim() === '' ? undefined : workspace.clientByNameKey.get(clientNameKey(name));
	return byName && { id: byName.id, name: byName.name, byId: false };
}

export const EMPTY_WORKSPACE: WorkspaceIndex = indexWorkspace({
	technicians: [],
	groups: [],
	clients: [],
	signUpEmail: '',
	customFields: []
});
