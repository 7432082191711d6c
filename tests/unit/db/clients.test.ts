import { beforeEach, describe, expect, it } from 'vitest';
import {
	countClients,
	deleteClient,
	eachMatchingChunk,
	getClient,
	listClientsPage,
	type ClientQuery
} from '$lib/db/clients';
import { resetDemo } from '$lib/db/demo';
import { db } from '$lib/db/schema';
import type { ClientRecord } from '$lib/domain/client';
import { fakeClient, storeFakeClients } from './fake-clients';

const COUNT = 120;
let clients: ClientRecord[];

beforeEach(async () => {
	await resetDemo();
	await db.technicians.bulkAdd([
		{
			id: 'tech-priya',
			firstName: 'Priya',
			lastName: 'Shah',
			email: 'priya@msp.example',
			emailKey: 'priya@msp.example'
		},
		{ id: 'tech-tom', firstName: 'Tom', lastName: 'Berg', email: 'tom@msp.example', emailKey: 'tom@msp.example' }
	]);
	clients = await storeFakeClients(COUNT);
});

const query = (overrides: Partial<ClientQuery> = {}): ClientQuery => ({
	search: '',
	sort: 'name',
	descending: false,
	offset: 0,
	limit: 25,
	...overrides
});

/** Every page of a query, one after the other: the whole list as the admin pages through it. */
async function allPages(overrides: Partial<ClientQuery>): Promise<string[]> {
	const names: string[] = [];
	for (let offset = 0; ; offset += 25) {
		const page = await listClientsPage(query({ ...overrides, offset }));
		names.push(...page.clients.map((c) => c.name));
		if (offset + 25 >= page.matches) return names;
	}
}

const byNameKey = (a: ClientRecord, b: ClientRecord) => (a.nameKey < b.nameKey ? -1 : 1);

describe('one client', () => {
	it('is read by id; an unknown id reads as undefined', async () => {
		expect(await getClient(clients[3].id)).toEqual(clients[3]);
		expect(await getClient('no-such-id')).toBeUndefined();
	});

	it('is deleted, and the count follows', async () => {
		expect(await countClients()).toBe(COUNT);
		await deleteClient(clients[3].id);
		expect(await getClient(clients[3].id)).toBeUndefined();
		expect(await countClients()).toBe(COUNT - 1);
	});
});

describe('the list without a search', () => {
	it('pages through every client by name, each once, and counts them all', async () => {
		const first = await listClientsPage(query());
		expect(first).toMatchObject({ offset: 0, matches: COUNT, total: COUNT });
		expect(first.clients).toHaveLength(25);
		expect(await allPages({})).toEqual([...clients].sort(byNameKey).map((c) => c.name));
	});

	it('sorts by name descending', async () => {
		expect(await allPages({ descending: true })).toEqual(
			[...clients]
				.sort(byNameKey)
				.reverse()
				.map((c) => c.name)
		);
	});

	it('sorts by creation date both ways, clients created together in the order of their ids', async () => {
		const ascending = [...clients].sort((a, b) =>
			a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1
		);
		expect(await allPages({ sort: 'createdAt' })).toEqual(ascending.map((c) => c.name));
		expect(await allPages({ sort: 'createdAt', descending: true })).toEqual(ascending.reverse().map((c) => c.name));
	});

	it('moves a page past the end back to the last page', async () => {
		const page = await listClientsPage(query({ offset: 1000 }));
		expect(page.offset).toBe(100);
		expect(page.clients).toHaveLength(20);
	});

	it('reads an empty workspace as an empty first page', async () => {
		await db.clients.clear();
		expect(await listClientsPage(query({ offset: 50 }))).toEqual({ clients: [], offset: 0, matches: 0, total: 0 });
	});
});

describe('the search', () => {
	const expected = (test: (c: ClientRecord) => boolean) => clients.filter(test).sort(byNameKey);

	it('matches part of the name, whatever its case and spacing', async () => {
		const page = await listClientsPage(query({ search: '  GRANITE   harbor ', limit: 100 }));
		const names = expected((c) => c.nameKey.includes('granite harbor')).map((c) => c.name);
		expect(names.length).toBeGreaterThan(0);
		expect(page.clients.map((c) => c.name)).toEqual(names);
		expect(page).toMatchObject({ matches: names.length, total: COUNT });
	});

	it('matches the primary contact first name, last name, both, and the email', async () => {
		const contact = (c: ClientRecord) => `${c.primaryContact.firstName} ${c.primaryContact.lastName}`.toLowerCase();
		for (const [search, test] of [
			['chloé', (c: ClientRecord) => contact(c).includes('chloé')],
			['MÜLLER', (c: ClientRecord) => contact(c).includes('müller')],
			['ana smith', (c: ClientRecord) => contact(c) === 'ana smith'],
			['@client7.example', (c: ClientRecord) => c.primaryContact.email.endsWith('@client7.example')]
		] as const) {
			const page = await listClientsPage(query({ search, limit: 100 }));
			const names = expected(test).map((c) => c.name);
			expect(names.length, search).toBeGreaterThan(0);
			expect(
				page.clients.map((c) => c.name),
				search
			).toEqual(names);
		}
	});

	it('finds nothing for a string no client holds', async () => {
		expect(await listClientsPage(query({ search: 'zzz-none' }))).toEqual({
			clients: [],
			offset: 0,
			matches: 0,
			total: COUNT
		});
	});

	it('pages through the matches in the chosen order', async () => {
		// "ana" is Ana's first name and part of Tanaka.
		const names = expected((c) => /ana/i.test(`${c.primaryContact.firstName} ${c.primaryContact.lastName}`))
			.reverse()
			.map((c) => c.name);
		expect(names.length).toBeGreaterThan(25);
		expect(await allPages({ search: 'ana', descending: true })).toEqual(names);
	});
});

describe('sorting by other columns', () => {
	it('sorts by contact name, then by client name', async () => {
		const contact = (c: ClientRecord) => `${c.primaryContact.firstName} ${c.primaryContact.lastName}`.toLowerCase();
		const sorted = [...clients].sort((a, b) =>
			contact(a) === contact(b) ? byNameKey(a, b) : contact(a) < contact(b) ? -1 : 1
		);
		expect(await allPages({ sort: 'contact' })).toEqual(sorted.map((c) => c.name));
	});

	it("sorts by the country's name, not its code, with clients without a country last both ways", async () => {
		const countries = async (descending: boolean) =>
			(await allPages({ sort: 'country', descending })).map(
				(name) => clients.find((c) => c.name === name)?.site.country
			);
		const order = (list: (string | undefined)[]) => list.filter((c, i) => c !== list[i - 1]);
		expect(order(await countries(false))).toEqual(['DE', 'IN', 'GB', 'US', '']);
		expect(order(await countries(true))).toEqual(['US', 'GB', 'IN', 'DE', '']);
	});

	it('sorts by timezone', async () => {
		const zones = (await listClientsPage(query({ sort: 'timezone', limit: 100 }))).clients.map((c) => c.site.timezone);
		expect(zones).toEqual([...zones].sort());
		expect(zones[0]).toBe('America/New_York');
	});

	it("sorts by the account manager's name, clients without one last", async () => {
		const managers = (await allPages({ sort: 'accountManager' })).map(
			(name) => clients.find((c) => c.name === name)?.accountManagerId
		);
		expect(managers.filter((m, i) => m !== managers[i - 1])).toEqual(['tech-priya', 'tech-tom', null]);
	});
});

describe('the list follows the database', () => {
	const search = (text: string) => listClientsPage(query({ search: text, limit: 100 }));

	it('after a search, sees clients added, edited and deleted since', async () => {
		expect((await search('client 000')).matches).toBe(COUNT);
		await db.clients.add(fakeClient(5000));
		await db.clients.update(clients[0].id, { name: 'Renamed', nameKey: 'renamed' });
		await db.clients.delete(clients[1].id);
		expect((await search('client 0')).matches).toBe(COUNT - 2 + 1);
		expect((await search('renamed')).clients.map((c) => c.id)).toEqual([clients[0].id]);
	});

	it('after a search, sees a bulk write and a clear', async () => {
		expect((await search('client')).matches).toBe(COUNT);
		await db.clients.bulkAdd(Array.from({ length: 80 }, (_, i) => fakeClient(COUNT + i)));
		expect((await search('client')).matches).toBe(COUNT + 80);
		await db.clients.clear();
		expect((await search('client')).matches).toBe(0);
	});

	it('sorts by an account manager under the name the technician has now', async () => {
		await db.technicians.update('tech-tom', { firstName: 'Abe' });
		const first = (await listClientsPage(query({ sort: 'accountManager' }))).clients[0];
		expect(first.accountManagerId).toBe('tech-tom');
	});
});

describe('the export reading', () => {
	async function chunks(text: string): Promise<ClientRecord[][]> {
		const seen: ClientRecord[][] = [];
		await eachMatchingChunk(text, (chunk) => seen.push(chunk));
		return seen;
	}

	it('visits every client in name order without a search', async () => {
		expect((await chunks('')).flat().map((c) => c.id)).toEqual([...clients].sort(byNameKey).map((c) => c.id));
	});

	it('visits only the matching clients with one', async () => {
		const ids = clients
			.filter((c) => c.primaryContact.lastName === 'Tanaka')
			.sort(byNameKey)
			.map((c) => c.id);
		expect((await chunks('tanaka')).flat().map((c) => c.id)).toEqual(ids);
	});
});
