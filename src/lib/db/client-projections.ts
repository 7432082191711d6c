// A small projection of every client (the strings the list searches and sorts on), kept in memory so that a
// search, or a sort by a column without an index, does not read 100,000 full records each time. It is read
// once, then kept current from Dexie's `storagemutated` events, which report this tab's writes and other
// tabs' alike: the clients a write names are read again; a wider write (an import, a reset) rebuilds it.
import Dexie, { type IntervalTree } from 'dexie';
import type { ClientRecord } from '$lib/domain/client';
import { db } from './schema';

export interface ClientProjection {
	id: string;
	nameKey: string;
	emailKey: string;
	/** The primary contact's "first last", lower-cased. */
	contact: string;
	country: string;
	timezone: string;
	accountManagerId: string | null;
	createdAt: string;
}

function project(client: ClientRecord): ClientProjection {
	const { firstName, lastName } = client.primaryContact;
	return {
		id: client.id,
		nameKey: client.nameKey,
		emailKey: client.primaryEmailKey,
		contact: `${firstName} ${lastName}`.toLowerCase(),
		country: client.site.country,
		timezone: client.site.timezone,
		accountManagerId: client.accountManagerId,
		createdAt: client.createdAt
	};
}

const CHUNK = 2000;

/** Visits every client in name order, a chunk at a time (IndexedDB getAll), so that memory stays flat. */
export async function eachChunkByName(visit: (chunk: ClientRecord[]) => void): Promise<void> {
	let chunk = await db.clients.orderBy('nameKey').limit(CHUNK).toArray();
	while (chunk.length > 0) {
		visit(chunk);
		if (chunk.length < CHUNK) return;
		chunk = await db.clients
			.where('nameKey')
			.above(chunk[chunk.length - 1].nameKey)
			.limit(CHUNK)
			.toArray();
	}
}

let projections = new Map<string, ClientProjection>();
/** What changed since the projections were read: some clients by id, or too much to name. */
let stale: Set<string> | 'all' = 'all';

/** The ids a mutation names, or 'all' when it names a range (a bulk write, a clear). */
function changedIds(tree: IntervalTree): string[] | 'all' {
	const ids: string[] = [];
	const nodes = [tree];
	for (let node = nodes.pop(); node; node = nodes.pop()) {
		if (!('from' in node)) continue;
		if (typeof node.from !== 'string' || node.from !== node.to) return 'all';
		ids.push(node.from);
		if (node.l) nodes.push(node.l);
		if (node.r) nodes.push(node.r);
	}
	return ids;
}

Dexie.on('storagemutated', (parts) => {
	const tree = (parts as { all?: boolean }).all ? undefined : parts[`idb://${db.name}/clients/`];
	if ((parts as { all?: boolean }).all) stale = 'all';
	if (!tree || stale === 'all') return;
	const ids = changedIds(tree);
	if (ids === 'all') stale = 'all';
	else for (const id of ids) stale.add(id);
});

async function refresh(): Promise<ReadonlyMap<string, ClientProjection>> {
	const changed = stale;
	stale = new Set();
	try {
		if (changed === 'all') {
			const next = new Map<string, ClientProjection>();
			await db.transaction('r', db.clients, () =>
				eachChunkByName((chunk) => {
					for (const client of chunk) next.set(client.id, project(client));
				})
			);
			projections = next;
		} else if (changed.size > 0) {
			const ids = [...changed];
			const clients = await db.clients.bulkGet(ids);
			ids.forEach((id, i) => {
				const client = clients[i];
				if (client) projections.set(id, project(client));
				else projections.delete(id);
			});
		}
	} catch (error) {
		stale = 'all';
		throw error;
	}
	return projections;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Every client's projection, current as of the call: each call refreshes after the calls before it, so a
 * query started after a write always sees it. Runs outside any caller's transaction.
 */
export function clientProjections(): Promise<ReadonlyMap<string, ClientProjection>> {
	const run = queue.then(() => Dexie.ignoreTransaction(refresh));
	queue = run.catch(() => undefined);
	return run;
}
