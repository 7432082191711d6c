// Clients: one by id, delete, count, and the list's pages (sorted, searched, paged). A workspace may hold
// 100,000 clients: unfiltered pages by name or date walk an index; a search, or a sort by another column,
// works on the in-memory projections (client-projections.ts) and reads only the page's records.
import type { ClientRecord } from '$lib/domain/client';
import { commonCountryName } from '$lib/domain/country-lookup';
import { clientProjections, eachChunkByName, type ClientProjection } from './client-projections';
import { db } from './schema';

export const CLIENT_SORTS = ['name', 'contact', 'country', 'timezone', 'accountManager', 'createdAt'] as const;
export type ClientSort = (typeof CLIENT_SORTS)[number];

export interface ClientQuery {
	/** Case-insensitive substring of the name, the primary contact's name or their email; '' for all. */
	search: string;
	sort: ClientSort;
	descending: boolean;
	offset: number;
	limit: number;
}

export interface ClientPage {
	clients: ClientRecord[];
	/** Where the page starts: the query's offset, moved back to the last page when it went past the end. */
	offset: number;
	/** The clients that match the search: all of them without one. */
	matches: number;
	total: number;
}

export function getClient(id: string): Promise<ClientRecord | undefined> {
	return db.clients.get(id);
}

/** Every client, whole: what an import's rows that name existing clients are compared with. */
/**
 * Every client by id, read and put in the map a chunk at a time, so that no one task takes them all over (see
 * `eachChunkByName`).
 */
export async function clientsById(): Promise<Map<string, ClientRecord>> {
	const clients = new Map<string, ClientRecord>();
	await db.transaction('r', db.clients, () =>
		eachChunkByName((chunk) => {
			for (const client of chunk) clients.set(client.id, client);
		})
	);
	return clients;
}

export function deleteClient(id: string): Promise<void> {
	return db.clients.delete(id);
}

export function countClients(): Promise<number> {
	return db.clients.count();
}

/** The search as the list applies it: trimmed, spaces collapsed, lower-cased. */
export function searchNeedle(search: string): string {
	return search.trim().replace(/\s+/g, ' ').toLowerCase();
}

function matches(client: ClientProjection, needle: string): boolean {
	return client.nameKey.includes(needle) || client.emailKey.includes(needle) || client.contact.includes(needle);
}

async function matchingProjections(needle: string): Promise<ClientProjection[]> {
	const all = [...(await clientProjections()).values()];
	return needle ? all.filter((p) => matches(p, needle)) : all;
}

const EXPORT_CHUNK = 2000;

/** The clients matching a search (all without one), in name order, a chunk at a time: for the export. */
export async function eachMatchingChunk(search: string, visit: (chunk: ClientRecord[]) => void): Promise<void> {
	const needle = searchNeedle(search);
	if (!needle) return db.transaction('r', db.clients, () => eachChunkByName(visit));
	const ids = (await matchingProjections(needle)).sort((a, b) => compare(a.nameKey, b.nameKey)).map((p) => p.id);
	for (let start = 0; start < ids.length; start += EXPORT_CHUNK) {
		const chunk = await db.clients.bulkGet(ids.slice(start, start + EXPORT_CHUNK));
		visit(chunk.filter((c): c is ClientRecord => c !== undefined));
	}
}

function clampOffset(offset: number, count: number, limit: number): number {
	const last = count === 0 ? 0 : Math.floor((count - 1) / limit) * limit;
	return Math.max(0, Math.min(Math.floor(offset), last));
}

/** Strings compare as IndexedDB compares them (by code unit), so a sort agrees with the indexes' order. */
function compare(x: string, y: string): number {
	return x < y ? -1 : x > y ? 1 : 0;
}

/** A client's sort value for a column: what the list shows there, lower-cased; '' when it shows nothing. */
function sortValue(
	sort: ClientSort,
	technicianNames: ReadonlyMap<string, string>
): (client: ClientProjection) => string {
	switch (sort) {
		case 'name':
			return (c) => c.nameKey;
		case 'contact':
			return (c) => c.contact;
		case 'country':
			return (c) => (c.country ? commonCountryName(c.country).toLowerCase() : '');
		case 'timezone':
			return (c) => c.timezone.toLowerCase();
		case 'accountManager':
			return (c) => (c.accountManagerId ? (technicianNames.get(c.accountManagerId) ?? '') : '');
		case 'createdAt':
			return (c) => c.createdAt;
	}
}

interface SortEntry {
	id: string;
	value: string;
	/** Orders equal values: the name, except for the date, where it is the id, as in the `createdAt` index. */
	tie: string;
}

function compareEntries(descending: boolean): (a: SortEntry, b: SortEntry) => number {
	const direction = descending ? -1 : 1;
	return (a, b) => {
		if (a.value === b.value) return direction * compare(a.tie, b.tie);
		// Empty values go last whichever way the column is sorted: they are not what anyone looks for.
		if (a.value === '') return 1;
		if (b.value === '') return -1;
		return direction * compare(a.value, b.value);
	};
}

/** A page by name or date without a search: straight from the index. */
function indexedPage(query: ClientQuery): Promise<ClientPage> {
	return db.transaction('r', db.clients, async () => {
		const total = await db.clients.count();
		const offset = clampOffset(query.offset, total, query.limit);
		let collection = db.clients.orderBy(query.sort === 'name' ? 'nameKey' : 'createdAt');
		if (query.descending) collection = collection.reverse();
		const clients = await collection.offset(offset).limit(query.limit).toArray();
		return { clients, offset, matches: total, total };
	});
}

/** A page with a search or by another column: from the projections, sorted in memory. */
async function projectedPage(query: ClientQuery, needle: string): Promise<ClientPage> {
	// Counting reads the whole store's range, which also makes a live query re-run on any client's change.
	const [matching, technicians, total] = await Promise.all([
		matchingProjections(needle),
		db.technicians.toArray(),
		db.clients.count()
	]);
	const technicianNames = new Map(technicians.map((t) => [t.id, `${t.firstName} ${t.lastName}`.toLowerCase()]));
	const valueOf = sortValue(query.sort, technicianNames);
	const byId = query.sort === 'createdAt';
	const entries: SortEntry[] = matching.map((p) => ({ id: p.id, value: valueOf(p), tie: byId ? p.id : p.nameKey }));
	entries.sort(compareEntries(query.descending));
	const offset = clampOffset(query.offset, entries.length, query.limit);
	const ids = entries.slice(offset, offset + query.limit).map((e) => e.id);
	const clients = (await db.clients.bulkGet(ids)).filter((c): c is ClientRecord => c !== undefined);
	return { clients, offset, matches: entries.length, total };
}

/** One page of the clients list. */
export function listClientsPage(query: ClientQuery): Promise<ClientPage> {
	const needle = searchNeedle(query.search);
	return !needle && (query.sort === 'name' || query.sort === 'createdAt')
		? indexedPage(query)
		: projectedPage(query, needle);
}
