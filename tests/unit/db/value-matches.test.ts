import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '$lib/db/schema';
import {
	forgetAllMatches,
	forgetMatch,
	listRememberedMatches,
	MAX_REMEMBERED_MATCHES,
	rememberedMatches,
	rememberMatches
} from '$lib/db/value-matches';

const day = (n: number) => new Date(Date.UTC(2026, 0, n));
const owner = {
	key: 'owner-a-johnson',
	column: 'AccountManager' as const,
	written: 'A. Johnson',
	value: 'alice@msp.example'
};
const zone = {
	key: 'zone-pacific-bc',
	column: 'Timezone' as const,
	written: 'Pacific Time',
	value: 'America/Vancouver',
	country: 'CA',
	state: 'CA-BC'
};

beforeEach(async () => {
	await db.settings.clear();
});

describe('remembered value matches', () => {
	it('finds the matches remembered, by key, with their place and when', async () => {
		await rememberMatches([owner, zone], day(3));
		const all = await rememberedMatches();
		expect(all.get('owner-a-johnson')).toEqual({
			column: 'AccountManager',
			written: 'A. Johnson',
			value: 'alice@msp.example',
			savedAt: day(3).toISOString()
		});
		expect(all.get('zone-pacific-bc')).toMatchObject({ value: 'America/Vancouver', country: 'CA', state: 'CA-BC' });
	});

	it('replaces an older match of the same value, and lists them by column then as written', async () => {
		await rememberMatches([zone, owner], day(3));
		await rememberMatches([{ ...owner, value: 'bob@msp.example' }], day(4));
		const listed = await listRememberedMatches();
		expect(listed.map((m) => [m.column, m.written, m.value])).toEqual([
			['AccountManager', 'A. Johnson', 'bob@msp.example'],
			['Timezone', 'Pacific Time', 'America/Vancouver']
		]);
	});

	it('forgets one match, or all of them', async () => {
		await rememberMatches([owner, zone], day(3));
		await forgetMatch('owner-a-johnson');
		expect([...(await rememberedMatches()).keys()]).toEqual(['zone-pacific-bc']);
		await forgetAllMatches();
		expect((await rememberedMatches()).size).toBe(0);
	});

	it('keeps the newest matches past the limit', async () => {
		const many = Array.from({ length: MAX_REMEMBERED_MATCHES }, (_, i) => ({ ...owner, key: `k${i}` }));
		await rememberMatches(many, day(3));
		await rememberMatches([{ ...owner, key: 'newest' }], day(4));
		const all = await rememberedMatches();
		expect(all.size).toBe(MAX_REMEMBERED_MATCHES);
		expect(all.has('newest')).toBe(true);
	});

	it('leaves out an entry whose shape is not a match (an edited backup), keeping the rest', async () => {
		await db.settings.put({
			key: 'valueMatches',
			value: { good: { ...owner, savedAt: day(1).toISOString() }, bad: { column: 'City', written: 1 } }
		});
		expect([...(await rememberedMatches()).keys()]).toEqual(['good']);
	});
});
