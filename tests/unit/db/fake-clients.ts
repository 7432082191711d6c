// Many stored clients for list tests: varied names, contacts, countries, zones, managers and dates, built
// from one record the domain made, so every field has its stored shape.
import { toClientRecord, type ClientRecord } from '$lib/domain/client';
import { db } from '$lib/db/schema';
import { clientNameKey } from '$lib/domain/workspace';
import { validRow, WORKSPACE } from '../domain/valid-row';

const WORDS = ['Acme', 'Blue', 'Cedar', 'Delta', 'Evergreen', 'Falcon', 'Granite', 'Harbor', 'Iron', 'Juniper'];
const FIRST = ['Ana', 'Bruno', 'Chloé', 'Dev', 'Elena', 'Farid', 'Grace', 'Hiro'];
const LAST = ['Smith', 'García', 'Chen', 'Müller', 'Patel', 'Tanaka', 'Rossi'];
const SITES: [string, string][] = [
	['US', 'America/New_York'],
	['GB', 'Europe/London'],
	['IN', 'Asia/Kolkata'],
	['DE', 'Europe/Berlin'],
	['', 'Etc/UTC']
];
const MANAGERS = ['tech-priya', 'tech-tom', null];

const base = toClientRecord(validRow(), WORKSPACE, { id: 'base', createdAt: '2026-01-01T00:00:00.000Z' });

/** The i-th fake client: unique name and email; other columns cycle through small lists. */
export function fakeClient(i: number): ClientRecord {
	const name = `${WORDS[i % WORDS.length]} ${WORDS[(i >> 3) % WORDS.length]} Client ${String(i).padStart(6, '0')}`;
	const firstName = FIRST[i % FIRST.length];
	const lastName = LAST[i % LAST.length];
	const email = `${firstName.toLowerCase()}.${i}@client${i}.example`;
	const [country, timezone] = SITES[i % SITES.length];
	// Ten clients share each creation time, as the clients of one import do.
	const createdAt = new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 10) * 60_000).toISOString();
	return {
		...base,
		id: `client-${String(i).padStart(6, '0')}`,
		name,
		nameKey: clientNameKey(name),
		primaryContact: { ...base.primaryContact, firstName, lastName, email },
		primaryEmailKey: email,
		site: { ...base.site, country, state: '', timezone },
		accountManagerId: MANAGERS[i % MANAGERS.length],
		createdAt,
		updatedAt: createdAt
	};
}

export async function storeFakeClients(count: number): Promise<ClientRecord[]> {
	const clients = Array.from({ length: count }, (_, i) => fakeClient(i));
	for (let start = 0; start < count; start += 5000) await db.clients.bulkAdd(clients.slice(start, start + 5000));
	return clients;
}
