// The clients list with 100,000 clients, timed: `CLIENTS_SCALE=100000 npx vitest run tests/unit/db/clients-scale`.
// Skipped otherwise (filling fake-indexeddb takes a while). fake-indexeddb is far slower than a browser's
// IndexedDB at reading records, so the store-reading figures are upper bounds; the in-memory ones are not.
import { describe, expect, it } from 'vitest';
import { listClientsPage, type ClientQuery } from '$lib/db/clients';
import { exportClientsCsv } from '$lib/clients/export-clients';
import { resetDemo } from '$lib/db/demo';
import { db } from '$lib/db/schema';
import { fakeClient, storeFakeClients } from './fake-clients';

const SCALE = Number(process.env.CLIENTS_SCALE ?? 0);

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
	const start = performance.now();
	const result = await run();
	console.log(`${label.padEnd(58)} ${Math.round(performance.now() - start)} ms`);
	return result;
}

const query = (overrides: Partial<ClientQuery>): ClientQuery => ({
	search: '',
	sort: 'name',
	descending: false,
	offset: 0,
	limit: 50,
	...overrides
});

describe.skipIf(!SCALE)(`the clients list with ${SCALE} clients`, () => {
	it('pages, searches, sorts and exports', { timeout: 600_000 }, async () => {
		await resetDemo();
		await timed(`store ${SCALE} clients`, () => storeFakeClients(SCALE));
		const page = (label: string, overrides: Partial<ClientQuery>) =>
			timed(label, () => listClientsPage(query(overrides)));

		expect((await page('first page by name (index)', {})).total).toBe(SCALE);
		await page('first page by name, descending (index)', { descending: true });
		await page('middle page by date, descending (index, offset)', { sort: 'createdAt', offset: SCALE / 2 });
		await page('first search: reads the projections', { search: 'chen' });
		await page('search "chen" again', { search: 'chen' });
		await page('search for one client', { search: 'client 000123' });
		await page('search "a", page 100, sort by account manager', { search: 'a', sort: 'accountManager', offset: 4950 });
		await page('sort by country', { sort: 'country' });
		await page('sort by contact, descending', { sort: 'contact', descending: true });
		await page('sort by timezone, last page', { sort: 'timezone', offset: SCALE });
		await db.clients.delete(fakeClient(7).id);
		await db.clients.add(fakeClient(SCALE + 1));
		await page('search after a delete and an add (re-reads 2)', { search: 'client' });
		await timed('export the clients matching "müller"', () => exportClientsCsv('müller'));
		const { count } = await timed('export every client', () => exportClientsCsv(''));
		expect(count).toBe(SCALE);
	});
});
