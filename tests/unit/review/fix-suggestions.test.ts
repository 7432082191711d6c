import { describe, expect, it } from 'vitest';
import { checkRow } from '$lib/domain/rules';
import { COL } from '$lib/domain/template';
import {
	findAndReplace,
	fixSuggestions,
	fixSuggestionsInSlices,
	missingRecords,
	nameFromEmail,
	type ReplaceOptions
} from '$lib/review/fix-suggestions';
import { ReviewSession } from '$lib/review/review-session.svelte';
import { SNAPSHOT, validRow, WORKSPACE, type RowOverrides } from '../domain/valid-row';

function checked(rowNumber: number, overrides: RowOverrides = {}) {
	const values = validRow({ ClientName: `Client ${rowNumber}`, ...overrides });
	return { rowNumber, values, issues: checkRow(values, WORKSPACE) };
}

function suggestion(rows: ReturnType<typeof checked>[], id: string) {
	return fixSuggestions(rows).find((s) => s.id === id);
}

describe('fixSuggestions', () => {
	it('suggests nothing for valid rows', () => {
		expect(fixSuggestions([checked(2), checked(3)])).toEqual([]);
	});

	it('counts each kind of fix apart, in the template’s order, tidy-ups last', () => {
		const rows = [
			checked(2, { Timezone: 'Asia/Calcutta', Country: 'us', PhoneNumber: '212 555 0188' }),
			checked(3, { Timezone: 'US/Eastern', PhoneNumber: '212-555-0188' }),
			checked(4, { Timezone: 'america/new_york', Country: 'us', PhoneNumber: '(212) 555.0188' }),
			checked(5, { City: ' New York ' }),
			checked(6, { AddressLine: '350  Fifth Avenue' }),
			checked(7)
		];
		expect(fixSuggestions(rows).map((s) => [s.id, s.count, s.changes.length])).toEqual([
			['phone', 3, 3],
			['timezone_old_name', 3, 3],
			['country_case', 2, 2],
			['whitespace', 2, 2]
		]);
	});

	it('replaces old and wrongly cased zone names with the canonical zone', () => {
		const rows = [
			checked(2, { Timezone: 'Asia/Calcutta' }),
			checked(3, { Timezone: 'Europe/Kiev' }),
			checked(4, { Timezone: 'america/new_york' }),
			checked(5, { Timezone: 'Nowhere/Town' })
		];
		expect(suggestion(rows, 'timezone_old_name')!.changes).toEqual([
			{ rowNumber: 2, column: COL.Timezone, value: 'Asia/Kolkata' },
			{ rowNumber: 3, column: COL.Timezone, value: 'Europe/Kyiv' },
			{ rowNumber: 4, column: COL.Timezone, value: 'America/New_York' }
		]);
	});

	it('shows up to three distinct examples of what a fix does', () => {
		const rows = [
			checked(2, { Timezone: 'Asia/Calcutta' }),
			checked(3, { Timezone: 'Asia/Calcutta' }),
			checked(4, { Timezone: 'Europe/Kiev' }),
			checked(5, { Timezone: 'US/Eastern' }),
			checked(6, { Timezone: 'US/Pacific' })
		];
		expect(suggestion(rows, 'timezone_old_name')!.examples).toEqual([
			{ before: 'Asia/Calcutta', after: 'Asia/Kolkata' },
			{ before: 'Europe/Kiev', after: 'Europe/Kyiv' },
			{ before: 'US/Eastern', after: 'America/New_York' }
		]);
	});

	it('upper-cases lower-case country codes, and leaves codes that are not two letters alone', () => {
		const rows = [
			checked(2, { Country: 'us' }),
			checked(3, { Country: 'Us' }),
			checked(4, { Country: 'usa', State: '' }),
			checked(5),
			checked(6, { Country: 'uS' }),
			checked(7, { Country: ' de ', State: '', PhoneNumber: '30 123456' }),
			checked(8, { Country: 'DE ', State: '', PhoneNumber: '30 123456' })
		];
		const countryCase = suggestion(rows, 'country_case')!;
		expect(countryCase.changes).toEqual([
			{ rowNumber: 2, column: COL.Country, value: 'US' },
			{ rowNumber: 3, column: COL.Country, value: 'US' },
			{ rowNumber: 6, column: COL.Country, value: 'US' },
			{ rowNumber: 7, column: COL.Country, value: 'DE' }
		]);
		expect(countryCase.examples).toEqual([
			{ before: 'us', after: 'US' },
			{ before: 'Us', after: 'US' },
			{ before: 'uS', after: 'US' }
		]);
	});

	it('keeps only the digits of phone numbers written with spaces, dashes, dots or brackets', () => {
		const rows = [
			checked(2, { PhoneNumber: '212 555 0188' }),
			checked(3, { PhoneNumber: '212-555-0188' }),
			checked(4, { PhoneNumber: '(212) 555.0188' }),
			checked(5, { PhoneNumber: 'call 2125550188' })
		];
		expect(suggestion(rows, 'phone')!.changes).toEqual([
			{ rowNumber: 2, column: COL.PhoneNumber, value: '2125550188' },
			{ rowNumber: 3, column: COL.PhoneNumber, value: '2125550188' },
			{ rowNumber: 4, column: COL.PhoneNumber, value: '2125550188' }
		]);
	});

	it('writes a phone’s calling code into Code once, though two problems carry it', () => {
		const rows = [checked(2, { Code: '', PhoneNumber: '+1 (415) 555-0100' })];
		const phone = suggestion(rows, 'phone')!;
		expect(phone.count).toBe(2);
		expect(phone.changes).toEqual([
			{ rowNumber: 2, column: COL.Code, value: '1' },
			{ rowNumber: 2, column: COL.PhoneNumber, value: '4155550100' }
		]);
		expect(phone.examples).toEqual([{ before: '+1 (415) 555-0100', after: '4155550100 (Code 1)' }]);
	});

	it('trims spaces around values and collapses runs of spaces inside them, in any column', () => {
		const rows = [checked(2, { City: '  New York ', SiteName: 'Head  Office' }), checked(3, { PostalCode: '10118\t' })];
		expect(suggestion(rows, 'whitespace')!.changes).toEqual([
			{ rowNumber: 2, column: COL.SiteName, value: 'Head Office' },
			{ rowNumber: 2, column: COL.City, value: 'New York' },
			{ rowNumber: 3, column: COL.PostalCode, value: '10118' }
		]);
	});

	it('gives the same suggestions in slices as at once', async () => {
		const rows = [
			checked(2, { Timezone: 'Asia/Calcutta', Country: 'us' }),
			checked(3, { Timezone: 'US/Eastern', PhoneNumber: '212-555-0188' }),
			checked(4, { Timezone: 'Europe/Kiev', City: ' York' }),
			checked(5, { Code: '', PhoneNumber: '+1 415 555 0100' })
		];
		expect(await fixSuggestionsInSlices(rows, () => false, 1)).toEqual(fixSuggestions(rows));
	});

	it('shows an example once although rows of several slices have it', async () => {
		const rows = [2, 3, 4, 5].map((n) => checked(n, { Timezone: 'Asia/Calcutta' }));
		const [zones] = (await fixSuggestionsInSlices(rows, () => false, 1))!;
		expect(zones.count).toBe(4);
		expect(zones.examples).toEqual([{ before: 'Asia/Calcutta', after: 'Asia/Kolkata' }]);
	});

	it('labels each suggestion for the admin', () => {
		const rows = [checked(2, { Timezone: 'US/Eastern', Country: 'us', PhoneNumber: '212 5550188' })];
		for (const s of fixSuggestions(rows)) expect(s.label).not.toBe('');
	});
});

describe('missingRecords', () => {
	it('counts the rows naming each group the workspace lacks, once per row, as the file first writes it', () => {
		const rows = [
			checked(2, { TechnicianGroups: 'Managed Print; tier 1' }),
			checked(3, { TechnicianGroups: 'managed print, Backups, MANAGED PRINT' }),
			checked(4, { TechnicianGroups: 'Tier 1' })
		];
		expect(missingRecords(rows, WORKSPACE).groups).toEqual([
			{ name: 'Managed Print', rows: 2 },
			{ name: 'Backups', rows: 1 }
		]);
	});

	it('names a group the file writes only in lower case in title case', () => {
		const rows = [
			checked(2, { TechnicianGroups: 'managed print' }),
			checked(3, { TechnicianGroups: 'cloud & backups' })
		];
		expect(missingRecords(rows, WORKSPACE).groups.map((g) => g.name)).toEqual(['Cloud & Backups', 'Managed Print']);
	});

	it('offers to add a technician for an unknown email, not for a name', () => {
		const rows = [
			checked(2, { AccountManager: 'alice.johnson@msp.example' }),
			checked(3, { AccountManager: 'Alice.Johnson@msp.example' }),
			checked(4, { AccountManager: 'Alice Johnson' }),
			checked(5, { AccountManager: 'Priya Shah' })
		];
		expect(missingRecords(rows, WORKSPACE).technicians).toEqual([{ name: 'alice.johnson@msp.example', rows: 2 }]);
	});

	it('leaves a group or email near one the workspace has to Match values, never offering only to create it', () => {
		const rows = [
			checked(2, { TechnicianGroups: 'Svc Desk, Managed Print', AccountManager: 'new.tech@msp.example' }),
			checked(3, { AccountManager: 'alice.j@msp.example' })
		];
		const near = (column: string, name: string) => ['Svc Desk', 'alice.j@msp.example'].includes(name) && !!column;
		const missing = missingRecords(rows, WORKSPACE, near);
		expect(missing.groups.map((g) => g.name)).toEqual(['Managed Print']);
		expect(missing.technicians.map((t) => t.name)).toEqual(['new.tech@msp.example']);
	});

	it('guesses a technician’s name from their email for the admin to check', () => {
		expect(nameFromEmail('alice.johnson@msp.example')).toEqual({ firstName: 'Alice', lastName: 'Johnson' });
		expect(nameFromEmail('ops@msp.example')).toEqual({ firstName: 'Ops', lastName: '' });
	});
});

describe('findAndReplace', () => {
	const rows = [
		{ rowNumber: 2, values: validRow({ City: 'New York' }), issues: [] },
		{ rowNumber: 3, values: validRow({ City: 'NEW YORK' }), issues: [] },
		{ rowNumber: 4, values: validRow({ City: 'York' }), issues: [] },
		{ rowNumber: 5, values: validRow({ City: 'Boston' }), issues: [] }
	];
	const options = (overrides: Partial<ReplaceOptions>): ReplaceOptions => ({
		column: COL.City,
		find: 'York',
		replace: 'Jersey',
		matchCase: false,
		wholeCell: false,
		...overrides
	});

	it('replaces the text within cells of the column, ignoring case, and lists only the cells it changes', () => {
		expect(findAndReplace(rows, options({}))).toEqual([
			{ rowNumber: 2, column: COL.City, value: 'New Jersey' },
			{ rowNumber: 3, column: COL.City, value: 'NEW Jersey' },
			{ rowNumber: 4, column: COL.City, value: 'Jersey' }
		]);
	});

	it('replaces only text of the same case when matching case', () => {
		expect(findAndReplace(rows, options({ matchCase: true })).map((c) => c.rowNumber)).toEqual([2, 4]);
	});

	it('replaces only cells that are the text as a whole when matching whole cells', () => {
		expect(findAndReplace(rows, options({ wholeCell: true }))).toEqual([
			{ rowNumber: 4, column: COL.City, value: 'Jersey' }
		]);
		expect(findAndReplace(rows, options({ find: 'new york', wholeCell: true })).map((c) => c.rowNumber)).toEqual([
			2, 3
		]);
		expect(findAndReplace(rows, options({ find: 'new york', wholeCell: true, matchCase: true }))).toEqual([]);
	});

	it('replaces every occurrence within a cell', () => {
		const cells = [{ rowNumber: 2, values: validRow({ SiteName: 'HQ / HQ annex' }), issues: [] }];
		expect(findAndReplace(cells, options({ column: COL.SiteName, find: 'hq', replace: 'Main' }))[0].value).toBe(
			'Main / Main annex'
		);
	});

	it('searches only the chosen column', () => {
		expect(findAndReplace(rows, options({ column: COL.ClientName }))).toEqual([]);
	});

	it.each([
		['.', 'a.b.c', '', 'abc'],
		['a.c', 'abc a.c', 'X', 'abc X'],
		['(1)', 'Tier (1)', '[one]', 'Tier [one]'],
		['$', 'US$ 5', '', 'US 5'],
		['\\d', 'C:\\dir', '/', 'C:/ir'],
		['*+?^{}|[]', 'x*+?^{}|[]y', '-', 'x-y']
	])('takes the regex characters of %j literally', (find, value, replace, expected) => {
		const cells = [{ rowNumber: 2, values: validRow({ AddressLine: value }), issues: [] }];
		expect(findAndReplace(cells, options({ column: COL.AddressLine, find, replace }))).toEqual([
			{ rowNumber: 2, column: COL.AddressLine, value: expected }
		]);
	});

	it('does not match a regex pattern against text it would only match as a pattern', () => {
		const cells = [{ rowNumber: 2, values: validRow({ AddressLine: 'abc' }), issues: [] }];
		expect(findAndReplace(cells, options({ column: COL.AddressLine, find: 'a.c' }))).toEqual([]);
		expect(findAndReplace(cells, options({ column: COL.AddressLine, find: '.*', wholeCell: true }))).toEqual([]);
	});

	it('writes the replacement literally, $& and $1 included', () => {
		const cells = [{ rowNumber: 2, values: validRow({ City: 'York' }), issues: [] }];
		expect(findAndReplace(cells, options({ replace: '$& $1 $$' }))[0].value).toBe('$& $1 $$');
	});

	it('fills the empty cells of the column when the search text is empty, and changes nothing with no replacement', () => {
		const cells = [
			{ rowNumber: 2, values: validRow({ SiteName: '' }), issues: [] },
			{ rowNumber: 3, values: validRow({ SiteName: 'Branch' }), issues: [] },
			{ rowNumber: 4, values: validRow({ SiteName: '  ' }), issues: [] }
		];
		expect(findAndReplace(cells, options({ column: COL.SiteName, find: '', replace: 'Head Office' }))).toEqual([
			{ rowNumber: 2, column: COL.SiteName, value: 'Head Office' },
			{ rowNumber: 4, column: COL.SiteName, value: 'Head Office' }
		]);
		expect(findAndReplace(cells, options({ column: COL.SiteName, find: '', replace: ' ' }))).toEqual([]);
	});

	it('can clear whole cells', () => {
		expect(findAndReplace(rows, options({ find: 'boston', replace: '', wholeCell: true }))).toEqual([
			{ rowNumber: 5, column: COL.City, value: '' }
		]);
	});
});

describe('fixSuggestions over the review’s rows', () => {
	it('finds in rows kept as one string what it finds in their values, passing over rows with nothing to fix', () => {
		const variants: RowOverrides[] = [
			{},
			{ City: ' Boston' },
			{ City: 'Boston ' },
			{ City: 'New  York' },
			{ City: 'New\t\tYork' },
			{ PostalCode: '\u000010118' },
			{ SiteName: '' },
			{ Country: 'us', State: 'ny' },
			{ Country: ' De ' },
			{ Country: '\u00a0gb\u00a0' },
			{ Country: 'u s' },
			{ Country: 'usa' },
			{ Country: 'United States' },
			{ Timezone: 'Asia/Calcutta' },
			{ Code: '', PhoneNumber: '+44 20 7946 0958' }
		];
		const plain = variants.map((overrides, i) => checked(i + 2, overrides));
		const review = new ReviewSession(
			{ fileName: 'f.csv', settings: { encoding: 'utf-8', delimiter: ',' }, header: [], mapping: [] },
			SNAPSHOT
		);
		review.addParsed(plain.map(({ rowNumber, values, issues }) => ({ rowNumber, values, issues })));
		expect(review.rows.every((row) => typeof row.stored === 'string')).toBe(true);
		const found = fixSuggestions(plain);
		expect(found.map((s) => s.id)).toEqual(expect.arrayContaining(['whitespace', 'country_case', 'timezone_old_name']));
		expect(fixSuggestions(review.rows)).toEqual(found);
	});
});
