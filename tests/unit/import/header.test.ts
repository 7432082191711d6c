import { describe, expect, it } from 'vitest';
import { OTHER_TOOL_HEADER } from '../../helpers/other-tool-header.js';
import { GENEROUS } from '../../helpers/generous.js';
import { COL, REQUIRED_COLUMNS, TEMPLATE_COLUMNS } from '$lib/domain/template';
import { checkHeader } from '$lib/import/header';
import {
	conflictingColumns,
	joinedColumns,
	mappingByName,
	mappingFillsRequired,
	mappingFromNames,
	missingColumns,
	NO_SHAPING,
	toTemplateRow
} from '$lib/import/column-plan';

const IDENTITY = TEMPLATE_COLUMNS.map((_, index) => index);

/** The exact header with one column renamed. */
function headerWith(column: keyof typeof COL, name: string): string[] {
	return TEMPLATE_COLUMNS.map((c) => (c === column ? name : c));
}

describe('checkHeader', () => {
	it('calls the template header exact and maps every column to itself', () => {
		const check = checkHeader(TEMPLATE_COLUMNS);
		expect(check.exact).toBe(true);
		expect(check.mapping).toEqual(IDENTITY);
		expect(check.columns.every((c) => c.verdict === 'exact')).toBe(true);
	});

	it('calls a header exact when its names only have spaces around them', () => {
		expect(checkHeader(TEMPLATE_COLUMNS.map((c) => ` ${c} `)).exact).toBe(true);
	});

	it('does not call a header exact when its columns are in another order', () => {
		const reordered = [...TEMPLATE_COLUMNS].reverse();
		const check = checkHeader(reordered);
		expect(check.exact).toBe(false);
		expect(check.columns.every((c) => c.verdict === 'exact')).toBe(true);
		expect(check.mapping).toEqual([...IDENTITY].reverse());
	});

	it('does not call a header exact when a column is missing or added', () => {
		expect(checkHeader(TEMPLATE_COLUMNS.slice(1)).exact).toBe(false);
		expect(checkHeader([...TEMPLATE_COLUMNS, 'Notes']).exact).toBe(false);
	});

	it.each([
		['client name', 'ClientName'],
		['Client_Name', 'ClientName'],
		['CLIENT-NAME', 'ClientName'],
		['Company', 'ClientName'],
		['Primary Contact Email', 'PrimaryContactEmail'],
		['Phone', 'PhoneNumber'],
		['Zip', 'PostalCode'],
		['Time zone', 'Timezone'],
		['Postal Code', 'PostalCode'],
		['Groups', 'TechnicianGroups'],
		['Country Code', 'Code'],
		['PrimaryContactEmial', 'PrimaryContactEmail'],
		['Timezon', 'Timezone']
	] as const)('maps the near-miss %j to %s for the admin to confirm', (name, column) => {
		const check = checkHeader(headerWith(column, name));
		expect(check.exact).toBe(false);
		expect(check.columns[COL[column]]).toEqual({ name, target: COL[column], verdict: 'near-miss' });
		expect(check.mapping).toEqual(IDENTITY);
	});

	// A swap of two neighbouring letters counts as one edit.
	it('maps the typo "ClientNmae" to ClientName', () => {
		expect(checkHeader(headerWith('ClientName', 'ClientNmae')).columns[0]).toEqual({
			name: 'ClientNmae',
			target: COL.ClientName,
			verdict: 'near-miss'
		});
	});

	it('maps near-misses alone, without the exact header around them', () => {
		const check = checkHeader(['client name', 'Primary Contact Email', 'Phone', 'Zip', 'Time zone']);
		expect(check.mapping).toEqual([
			COL.ClientName,
			COL.PrimaryContactEmail,
			COL.PhoneNumber,
			COL.PostalCode,
			COL.Timezone
		]);
		expect(check.columns.map((c) => c.verdict)).toEqual(Array(5).fill('near-miss'));
	});

	it('names unknown columns and ignores them', () => {
		const check = checkHeader([...TEMPLATE_COLUMNS, 'Notes', 'Favourite colour', 'Internal ID']);
		expect(check.columns.slice(-3)).toEqual([
			{ name: 'Notes', target: null, verdict: 'unknown' },
			{ name: 'Favourite colour', target: null, verdict: 'unknown' },
			{ name: 'Internal ID', target: null, verdict: 'unknown' }
		]);
		expect(check.mapping.slice(-3)).toEqual([null, null, null]);
		expect(check.mapping.slice(0, -3)).toEqual(IDENTITY);
	});

	it('names an empty header cell as empty', () => {
		expect(checkHeader([...TEMPLATE_COLUMNS, '  ']).columns.at(-1)).toEqual({
			name: '',
			target: null,
			verdict: 'empty'
		});
	});

	it('maps the first of 20 identical columns and calls the other 19 duplicates', () => {
		const check = checkHeader(Array(20).fill('ClientName'));
		expect(check.columns[0]).toEqual({ name: 'ClientName', target: COL.ClientName, verdict: 'exact' });
		expect(check.columns.slice(1).map((c) => c.verdict)).toEqual(Array(19).fill('duplicate'));
		expect(check.mapping).toEqual([COL.ClientName, ...Array(19).fill(null)]);
		expect(check.exact).toBe(false);
	});

	it('prefers an exact column over an earlier near-miss of it, which becomes the duplicate', () => {
		const check = checkHeader(['client name', 'ClientName']);
		expect(check.columns).toEqual([
			{ name: 'client name', target: null, verdict: 'duplicate' },
			{ name: 'ClientName', target: COL.ClientName, verdict: 'exact' }
		]);
	});

	it('checks a header of 5,000 columns quickly', () => {
		const header = [
			...TEMPLATE_COLUMNS,
			...Array.from({ length: 5000 - TEMPLATE_COLUMNS.length }, (_, i) => `Custom field number ${i}`)
		];
		const started = performance.now();
		const check = checkHeader(header);
		// About 100 ms on an idle machine; comparing every column with every other would take minutes.
		expect(performance.now() - started).toBeLessThan(300 * GENEROUS);
		expect(check.columns).toHaveLength(5000);
		expect(check.mapping.slice(0, TEMPLATE_COLUMNS.length)).toEqual(IDENTITY);
		expect(check.columns.slice(TEMPLATE_COLUMNS.length).every((c) => c.verdict === 'unknown')).toBe(true);
	});
});

/** Other tools' names for each template column, as the admins' exports write them. */
const OTHER_TOOLS: [string, keyof typeof COL][] = [
	...(['Company', 'Company Name', 'Organization', 'Organisation', 'Account', 'Account Name', 'Customer'] as const).map(
		(name): [string, keyof typeof COL] => [name, 'ClientName']
	),
	['Contact First Name', 'PrimaryContactFirstName'],
	['First Name', 'PrimaryContactFirstName'],
	['Given Name', 'PrimaryContactFirstName'],
	['Last Name', 'PrimaryContactLastName'],
	['Surname', 'PrimaryContactLastName'],
	['Family Name', 'PrimaryContactLastName'],
	['Email', 'PrimaryContactEmail'],
	['E-mail', 'PrimaryContactEmail'],
	['Contact Email', 'PrimaryContactEmail'],
	['Main Email', 'PrimaryContactEmail'],
	['Phone', 'PhoneNumber'],
	['Main Phone', 'PhoneNumber'],
	['Phone Number', 'PhoneNumber'],
	['Telephone', 'PhoneNumber'],
	['Tel', 'PhoneNumber'],
	['Office Phone', 'PhoneNumber'],
	['Country Code', 'Code'],
	['Calling Code', 'Code'],
	['Dial Code', 'Code'],
	['Site', 'SiteName'],
	['Location', 'SiteName'],
	['Site Name', 'SiteName'],
	['Office', 'SiteName'],
	['Address', 'AddressLine'],
	['Address 1', 'AddressLine'],
	['Address Line 1', 'AddressLine'],
	['Street', 'AddressLine'],
	['Street Address', 'AddressLine'],
	['Town', 'City'],
	['City', 'City'],
	['State', 'State'],
	['Province', 'State'],
	['Region', 'State'],
	['County', 'State'],
	['State/Province', 'State'],
	['Country', 'Country'],
	['Country/Region', 'Country'],
	['Zip', 'PostalCode'],
	['Zip Code', 'PostalCode'],
	['Postcode', 'PostalCode'],
	['Post Code', 'PostalCode'],
	['Postal Code', 'PostalCode'],
	['Time Zone', 'Timezone'],
	['TZ', 'Timezone'],
	['Timezone', 'Timezone'],
	['Domains', 'EmailDomains'],
	['Email Domains', 'EmailDomains'],
	['Domain', 'EmailDomains'],
	['Website', 'EmailDomains'],
	['Account Manager', 'AccountManager'],
	['Owner', 'AccountManager'],
	['Technician', 'AccountManager'],
	['Primary Technician', 'AccountManager'],
	['Groups', 'TechnicianGroups'],
	['Technician Groups', 'TechnicianGroups'],
	['Team', 'TechnicianGroups'],
	['Teams', 'TechnicianGroups'],
	...(['Secondary', 'Alternate', 'Billing'] as const).flatMap((who): [string, keyof typeof COL][] => [
		[`${who} Contact First Name`, 'SecondaryContactFirstName'],
		[`${who} First Name`, 'SecondaryContactFirstName'],
		[`${who} Contact Last Name`, 'SecondaryContactLastName'],
		[`${who} Last Name`, 'SecondaryContactLastName'],
		[`${who} Contact Email`, 'SecondaryContactEmail'],
		[`${who} Email`, 'SecondaryContactEmail']
	])
];

describe("other tools' column names", () => {
	it.each(OTHER_TOOLS)('maps %j to %s', (name, column) => {
		const check = checkHeader([name]);
		expect(check.mapping).toEqual([COL[column]]);
		expect(check.columns[0].verdict).toBe(name === column ? 'exact' : 'near-miss');
	});

	it.each([
		['company_name', 'ClientName'],
		['COMPANY NAME', 'ClientName'],
		['  e_mail ', 'PrimaryContactEmail'],
		['Zip-Code', 'PostalCode'],
		['state / province', 'State'],
		['Time-Zone', 'Timezone'],
		['Sites', 'SiteName'],
		['Compnay Name', 'ClientName'],
		['Primary Techincian', 'AccountManager']
	] as const)('ignores case, spaces, punctuation, a plural and a small typo: %j is %s', (name, column) => {
		expect(checkHeader([name]).mapping).toEqual([COL[column]]);
	});

	it('maps a whole export from another tool, every column where it belongs', () => {
		const check = checkHeader(OTHER_TOOL_HEADER);
		expect(check.mapping).toEqual(IDENTITY);
		expect(check.exact).toBe(false);
		expect(mappingFillsRequired(check.mapping)).toBe(true);
	});

	it('maps the first of two names for one column and leaves the other for the admin', () => {
		const check = checkHeader(['Company', 'Account Name', 'Email', 'Contact Email']);
		expect(check.mapping).toEqual([COL.ClientName, null, COL.PrimaryContactEmail, null]);
		expect(check.columns.map((c) => c.verdict)).toEqual(['near-miss', 'unknown', 'near-miss', 'unknown']);
		expect(joinedColumns(check.mapping, NO_SHAPING)).toEqual([]);
		expect(conflictingColumns(check.mapping)).toEqual([]);
	});

	it('prefers the template name written another way over an earlier synonym', () => {
		const check = checkHeader(['Company', 'client name']);
		expect(check.mapping).toEqual([null, COL.ClientName]);
	});

	it('joins a second address line to the first, and does not take a numbered email for the first', () => {
		const check = checkHeader(['Address 1', 'Address 2', 'Email', 'Email 2', 'AddressLine2']);
		expect(check.mapping).toEqual([COL.AddressLine, COL.AddressLine, COL.PrimaryContactEmail, null, COL.AddressLine]);
		expect(joinedColumns(check.mapping, NO_SHAPING)).toEqual([
			{ column: COL.AddressLine, name: 'AddressLine', parts: [0, 1, 4], separator: ', ' }
		]);
	});

	it('leaves names that mean none of the columns unknown', () => {
		const names = ['Notes', 'ID', 'Status', 'Contract End', 'Customer ID', 'Created', 'Industry'];
		expect(checkHeader(names).mapping).toEqual(names.map(() => null));
	});

	it('takes a full name for a contact whose name is split, not for a first or last name', () => {
		const names = ['Billing Contact Name', 'Secondary Contact Name', 'Primary Contact Name', 'Contact Name'];
		expect(checkHeader(names).mapping).toEqual([{ split: 'secondary' }, null, { split: 'primary' }, null]);
	});

	it('does not split a full name when the file has the first or last name already', () => {
		const check = checkHeader(['First Name', 'Last Name', 'Contact Name']);
		expect(check.mapping).toEqual([COL.PrimaryContactFirstName, COL.PrimaryContactLastName, null]);
	});

	it('still maps a custom field written another way', () => {
		const columns = [...TEMPLATE_COLUMNS, 'Contract End'];
		expect(checkHeader(['contract_end'], columns).mapping).toEqual([TEMPLATE_COLUMNS.length]);
	});
});

describe('a mapping by column name, as it is remembered', () => {
	it('round-trips through names', () => {
		const mapping = [COL.City, null, COL.ClientName];
		const names = mappingByName(mapping, TEMPLATE_COLUMNS);
		expect(names).toEqual(['City', null, 'ClientName']);
		expect(mappingFromNames(names, TEMPLATE_COLUMNS)).toEqual(mapping);
	});

	it('follows a custom field that moved and leaves one that was deleted unmapped', () => {
		const names = mappingByName(
			[TEMPLATE_COLUMNS.length, TEMPLATE_COLUMNS.length + 1],
			[...TEMPLATE_COLUMNS, 'Contract End', 'Tier']
		);
		expect(mappingFromNames(names, [...TEMPLATE_COLUMNS, 'Tier'])).toEqual([null, TEMPLATE_COLUMNS.length]);
	});
});

describe('missingColumns', () => {
	it('finds nothing missing from the template header', () => {
		expect(missingColumns(IDENTITY)).toEqual({ required: [], optional: [] });
	});

	it('lists the required columns apart from the optional ones, each in template order', () => {
		const mapping = checkHeader(['Code', 'PrimaryContactEmail', 'City']).mapping;
		const missing = missingColumns(mapping);
		expect(missing.required).toEqual([
			'ClientName',
			'PrimaryContactFirstName',
			'PrimaryContactLastName',
			'SiteName',
			'Timezone'
		]);
		expect(missing.optional).toEqual(
			TEMPLATE_COLUMNS.filter((c) => !REQUIRED_COLUMNS.includes(c) && !['Code', 'City'].includes(c))
		);
	});

	it('counts a column the admin chose to ignore as missing', () => {
		const mapping: (number | null)[] = [...IDENTITY];
		mapping[COL.Timezone] = null;
		expect(missingColumns(mapping)).toEqual({ required: ['Timezone'], optional: [] });
	});

	it('lists every column as missing when nothing is mapped', () => {
		const missing = missingColumns([null, null]);
		expect(missing.required).toEqual(REQUIRED_COLUMNS);
		expect([...missing.required, ...missing.optional]).toHaveLength(TEMPLATE_COLUMNS.length);
	});
});

describe('joined and conflicting columns', () => {
	it('finds no join and no conflict in the template header', () => {
		expect(joinedColumns(IDENTITY, NO_SHAPING)).toEqual([]);
		expect(conflictingColumns(IDENTITY)).toEqual([]);
	});

	it('joins each template column that two or more file columns fill, once, in file order', () => {
		const joins = joinedColumns([COL.ClientName, COL.City, COL.ClientName, null, COL.City, COL.ClientName], NO_SHAPING);
		expect(joins.map((join) => [join.name, join.parts, join.separator])).toEqual([
			['ClientName', [0, 2, 5], ' '],
			['City', [1, 4], ' ']
		]);
	});

	it('takes the order and separator the admin chose', () => {
		const shaping = { joins: { AddressLine: { order: [2, 0], separator: ' / ' } }, fixed: {} };
		expect(joinedColumns([COL.AddressLine, null, COL.AddressLine], shaping)[0]).toMatchObject({
			parts: [2, 0],
			separator: ' / '
		});
	});

	it('calls a split name and a first-name column filling one cell a conflict, not a join', () => {
		const mapping = [{ split: 'primary' as const }, COL.PrimaryContactFirstName];
		expect(conflictingColumns(mapping)).toEqual(['PrimaryContactFirstName']);
		expect(joinedColumns(mapping, NO_SHAPING)).toEqual([]);
		expect(mappingFillsRequired(mapping)).toBe(false);
	});

	it('does not count ignored columns', () => {
		expect(joinedColumns([null, null, COL.City], NO_SHAPING)).toEqual([]);
	});
});

describe('toTemplateRow', () => {
	it('puts the values of a reordered header back in template order', () => {
		const header = ['Timezone', 'Client Name', 'Notes', 'Primary Contact Email'];
		const { mapping } = checkHeader(header);
		const row = toTemplateRow(['Europe/Paris', 'Acme', 'ignored', 'ceo@acme.example'], mapping);
		expect(row).toHaveLength(TEMPLATE_COLUMNS.length);
		expect(row[COL.Timezone]).toBe('Europe/Paris');
		expect(row[COL.ClientName]).toBe('Acme');
		expect(row[COL.PrimaryContactEmail]).toBe('ceo@acme.example');
		expect(row.filter((v) => v !== '')).toHaveLength(3);
		expect(row).not.toContain('ignored');
	});

	it('leaves the cells of a short record empty', () => {
		const row = toTemplateRow(['Acme', 'Maria'], IDENTITY);
		expect(row).toEqual(['Acme', 'Maria', ...Array(TEMPLATE_COLUMNS.length - 2).fill('')]);
	});

	it('leaves out the values of a long record beyond the header', () => {
		const values = TEMPLATE_COLUMNS.map((c) => `${c} value`);
		expect(toTemplateRow([...values, 'extra', 'more'], IDENTITY)).toEqual(values);
	});

	it('gives an empty template row for an empty record', () => {
		expect(toTemplateRow([], IDENTITY)).toEqual(TEMPLATE_COLUMNS.map(() => ''));
	});
});
