import { beforeEach, describe, expect, it } from 'vitest';
import {
	findRememberedMapping,
	forgetAllMappings,
	forgetMapping,
	headerKey,
	listRememberedMappings,
	MAX_REMEMBERED_MAPPINGS,
	rememberMapping
} from '$lib/db/column-mappings';
import { db } from '$lib/db/schema';
import { getSettings } from '$lib/db/settings';

const HEADER = ['Company', 'Surname', 'E-mail'];
const MAPPING = ['ClientName', 'PrimaryContactLastName', 'PrimaryContactEmail'];
const day = (n: number) => new Date(Date.UTC(2026, 0, n));

beforeEach(async () => {
	await db.settings.clear();
});

describe('remembered column mappings', () => {
	it('finds nothing for a header never confirmed', async () => {
		expect(await findRememberedMapping(HEADER)).toBeUndefined();
	});

	it('remembers a split name, joins and values for every row with the mapping', async () => {
		const shaping = {
			joins: { AddressLine: { order: [3, 2], separator: ' / ' } },
			fixed: { SiteName: 'Head Office' }
		};
		const header = ['Company name', 'Contact name', 'Street Address', 'Street Address 2'];
		await rememberMapping(header, ['ClientName', { split: 'primary' }, 'AddressLine', 'AddressLine'], shaping, day(3));
		expect(await findRememberedMapping(header)).toEqual({
			header,
			mapping: ['ClientName', { split: 'primary' }, 'AddressLine', 'AddressLine'],
			shaping,
			savedAt: day(3).toISOString()
		});
	});

	it('finds a confirmed mapping again for the same header, with when it was confirmed', async () => {
		await rememberMapping(HEADER, MAPPING, undefined, day(3));
		expect(await findRememberedMapping(HEADER)).toEqual({
			header: HEADER,
			mapping: MAPPING,
			savedAt: day(3).toISOString()
		});
	});

	it('finds it for the same names in another case or with spaces around them', async () => {
		await rememberMapping(HEADER, MAPPING, undefined, day(3));
		expect((await findRememberedMapping([' COMPANY', 'surname ', 'e-mail']))?.mapping).toEqual(MAPPING);
	});

	it('does not find it for the same names in another order, or one column more or less', async () => {
		await rememberMapping(HEADER, MAPPING, undefined, day(3));
		expect(await findRememberedMapping(['Surname', 'Company', 'E-mail'])).toBeUndefined();
		expect(await findRememberedMapping(['Company', 'Surname'])).toBeUndefined();
		expect(await findRememberedMapping([...HEADER, 'Notes'])).toBeUndefined();
		expect(await findRememberedMapping(['Company', 'Sur name', 'E-mail'])).toBeUndefined();
	});

	it('tells apart headers whose joined names would look alike', async () => {
		expect(headerKey(['a,b', 'c'])).not.toBe(headerKey(['a', 'b,c']));
	});

	it('replaces the mapping of a header confirmed again', async () => {
		await rememberMapping(HEADER, MAPPING, undefined, day(3));
		await rememberMapping(HEADER, ['ClientName', null, 'PrimaryContactEmail'], undefined, day(4));
		expect(await listRememberedMappings()).toEqual([
			{
				key: headerKey(HEADER),
				header: HEADER,
				mapping: ['ClientName', null, 'PrimaryContactEmail'],
				savedAt: day(4).toISOString()
			}
		]);
	});

	it('keeps the newest 50, dropping the oldest', async () => {
		for (let n = 1; n <= MAX_REMEMBERED_MAPPINGS + 2; n++)
			await rememberMapping([`Column ${n}`], ['ClientName'], undefined, day(n));
		const listed = await listRememberedMappings();
		expect(listed).toHaveLength(50);
		expect(listed[0].header).toEqual(['Column 52']);
		expect(listed.at(-1)?.header).toEqual(['Column 3']);
		expect(await findRememberedMapping(['Column 1'])).toBeUndefined();
		expect(await findRememberedMapping(['Column 2'])).toBeUndefined();
	});

	it('keeps a mapping confirmed again among the newest', async () => {
		for (let n = 1; n <= MAX_REMEMBERED_MAPPINGS; n++)
			await rememberMapping([`Column ${n}`], ['ClientName'], undefined, day(n));
		await rememberMapping(['Column 1'], ['City'], undefined, day(60));
		await rememberMapping(['New'], ['City'], undefined, day(61));
		expect((await findRememberedMapping(['Column 1']))?.mapping).toEqual(['City']);
		expect(await findRememberedMapping(['Column 2'])).toBeUndefined();
	});

	it('forgets one mapping, keeping the others', async () => {
		await rememberMapping(HEADER, MAPPING, undefined, day(3));
		await rememberMapping(['Client'], ['ClientName'], undefined, day(4));
		await forgetMapping(headerKey(HEADER));
		expect(await findRememberedMapping(HEADER)).toBeUndefined();
		expect((await listRememberedMappings()).map((m) => m.header)).toEqual([['Client']]);
	});

	it('forgets them all', async () => {
		await rememberMapping(HEADER, MAPPING, undefined, day(3));
		await rememberMapping(['Client'], ['ClientName'], undefined, day(4));
		await forgetAllMappings();
		expect(await listRememberedMappings()).toEqual([]);
	});

	it('lives in the settings store under columnMappings, beside the workspace settings', async () => {
		await db.settings.put({ key: 'workspaceName', value: 'Contoso IT' });
		await rememberMapping(HEADER, MAPPING, undefined, day(3));
		const stored = await db.settings.get('columnMappings');
		expect(stored?.value).toEqual({
			[headerKey(HEADER)]: { header: HEADER, mapping: MAPPING, savedAt: day(3).toISOString() }
		});
		expect((await getSettings()).workspaceName).toBe('Contoso IT');
	});

	it('leaves out stored entries without the expected shape (say, from an edited backup)', async () => {
		await db.settings.put({
			key: 'columnMappings',
			value: {
				[headerKey(HEADER)]: { header: HEADER, mapping: MAPPING, savedAt: day(3).toISOString() },
				broken: { header: 'Company', mapping: 3 },
				short: { header: ['A', 'B'], mapping: ['ClientName'], savedAt: day(2).toISOString() }
			}
		});
		expect((await listRememberedMappings()).map((m) => m.key)).toEqual([headerKey(HEADER)]);
		await db.settings.put({ key: 'columnMappings', value: 'nonsense' });
		expect(await listRememberedMappings()).toEqual([]);
		await rememberMapping(HEADER, MAPPING, undefined, day(4));
		expect(await findRememberedMapping(HEADER)).toEqual({
			header: HEADER,
			mapping: MAPPING,
			savedAt: day(4).toISOString()
		});
	});
});
