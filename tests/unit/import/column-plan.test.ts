import { describe, expect, it } from 'vitest';
import type { RowIssue } from '$lib/domain/issues';
import { COL, TEMPLATE_COLUMNS } from '$lib/domain/template';
import { unprotectFormula } from '$lib/csv/csv-writer';
import { checkHeader } from '$lib/import/header';
import {
	mappingByName,
	mappingFillsRequired,
	mappingFromNames,
	missingColumns,
	NO_SHAPING,
	rowBuilder,
	shapingFor,
	type ColumnMapping,
	type ColumnShaping
} from '$lib/import/column-plan';

/** A CRM export's header, as HubSpot writes it. */
const CRM_HEADER = [
	'Company name',
	'Contact name',
	'Email',
	'Phone Number',
	'Street Address',
	'Street Address 2',
	'City',
	'State/Region',
	'Postal Code',
	'Country/Region',
	'Time Zone',
	'Company owner',
	'Groups'
];

function build(mapping: ColumnMapping, shaping: ColumnShaping, record: string[]) {
	const remarks: RowIssue[] = [];
	const values = rowBuilder(mapping, shaping, TEMPLATE_COLUMNS)(record, remarks);
	return { values, remarks };
}

describe("a CRM export's header", () => {
	const { mapping } = checkHeader(CRM_HEADER);

	it('maps every column: the name split, the two address lines joined, the owner as account manager', () => {
		expect(mapping).toEqual([
			COL.ClientName,
			{ split: 'primary' },
			COL.PrimaryContactEmail,
			COL.PhoneNumber,
			COL.AddressLine,
			COL.AddressLine,
			COL.City,
			COL.State,
			COL.PostalCode,
			COL.Country,
			COL.Timezone,
			COL.AccountManager,
			COL.TechnicianGroups
		]);
	});

	it('lacks only the site name among the required columns, and a fixed value fills it', () => {
		expect(missingColumns(mapping).required).toEqual(['SiteName']);
		expect(mappingFillsRequired(mapping)).toBe(false);
		expect(mappingFillsRequired(mapping, undefined, { joins: {}, fixed: { SiteName: 'Head Office' } })).toBe(true);
		expect(mappingFillsRequired(mapping, undefined, { joins: {}, fixed: { SiteName: '   ' } })).toBe(false);
	});
});

describe('more names from real exports', () => {
	it.each([
		['Company owner', 'AccountManager'],
		['Contact Owner', 'AccountManager'],
		['Account Owner Name', 'AccountManager'],
		['Sales Rep', 'AccountManager'],
		['Primary Resource', 'AccountManager'],
		['Mobile Phone Number', 'PhoneNumber'],
		['Mobile', 'PhoneNumber'],
		['Cell Phone', 'PhoneNumber'],
		['Direct Phone Number', 'PhoneNumber'],
		['Country/Region', 'Country'],
		['Billing Country', 'Country'],
		['State/Region', 'State'],
		['Billing State/Province', 'State'],
		['Billing Street', 'AddressLine'],
		['Billing City', 'City'],
		['Billing Zip/Postal Code', 'PostalCode'],
		['Billing Code', 'PostalCode'],
		['Company Domain Name', 'EmailDomains'],
		['Website URL', 'EmailDomains'],
		['Support Group', 'TechnicianGroups'],
		['Work Email', 'PrimaryContactEmail'],
		['Person - Email', 'PrimaryContactEmail'],
		['Organization - Name', 'ClientName'],
		['Organization - Owner', 'AccountManager'],
		['Local Time Zone', 'Timezone']
	] as const)('maps %j to %s', (name, column) => {
		expect(checkHeader([name]).mapping).toEqual([COL[column]]);
	});

	it.each([
		['Contact name', 'primary'],
		['Full Name', 'primary'],
		['Contact', 'primary'],
		['Primary Contact', 'primary'],
		['Person - Name', 'primary'],
		['Secondary Contact Name', 'secondary'],
		['Alternate Contact', 'secondary'],
		['Billing Contact Full Name', 'secondary']
	] as const)('splits %j into the %s contact’s first and last name', (name, contact) => {
		expect(checkHeader([name]).mapping).toEqual([{ split: contact }]);
	});

	it('splits no full name when the file has the contact’s first or last name in a column of its own', () => {
		expect(checkHeader(['Company', 'Full Name', 'First Name', 'Last Name', 'Email']).mapping).toEqual([
			COL.ClientName,
			null,
			COL.PrimaryContactFirstName,
			COL.PrimaryContactLastName,
			COL.PrimaryContactEmail
		]);
		expect(checkHeader(['Contact name', 'Surname']).mapping).toEqual([null, COL.PrimaryContactLastName]);
	});

	it('joins the first address line after a second line that comes before it in the file', () => {
		expect(checkHeader(['Address 2', 'Address']).mapping).toEqual([COL.AddressLine, COL.AddressLine]);
	});

	it.each(['Street Address 2', 'Address Line 2', 'Address 2', 'Street 2', 'Suite'])(
		'joins %j to the address line the file already fills',
		(name) => {
			expect(checkHeader(['Street Address', name]).mapping).toEqual([COL.AddressLine, COL.AddressLine]);
		}
	);
});

describe('rowBuilder', () => {
	const crm = checkHeader(CRM_HEADER).mapping;
	const record = [
		'Northwind Traders',
		'Maria Garcia',
		'maria@northwind.example',
		'+1 604 555 0101',
		'100 Market St',
		'Suite 400',
		'Vancouver',
		'British Columbia',
		'V6B 1A1',
		'Canada',
		'(GMT-08:00) Pacific Time',
		'A. Johnson',
		'Managed Svc'
	];

	it('splits the full name, joins the address lines and leaves the rest where the mapping puts it', () => {
		const { values, remarks } = build(crm, NO_SHAPING, record);
		expect(values[COL.PrimaryContactFirstName]).toBe('Maria');
		expect(values[COL.PrimaryContactLastName]).toBe('Garcia');
		expect(values[COL.AddressLine]).toBe('100 Market St, Suite 400');
		expect(values[COL.ClientName]).toBe('Northwind Traders');
		expect(values[COL.Timezone]).toBe('(GMT-08:00) Pacific Time');
		expect(values[COL.SiteName]).toBe('');
		expect(remarks).toEqual([]);
	});

	it('skips an empty part of a join, and uses the order and separator chosen', () => {
		expect(build(crm, NO_SHAPING, record.with(5, '  ')).values[COL.AddressLine]).toBe('100 Market St');
		expect(build(crm, NO_SHAPING, record.with(4, '')).values[COL.AddressLine]).toBe('Suite 400');
		const shaping = { joins: { AddressLine: { order: [5, 4], separator: ' - ' } }, fixed: {} };
		expect(build(crm, shaping, record).values[COL.AddressLine]).toBe('Suite 400 - 100 Market St');
	});

	it('gives every row the fixed value of a column the file lacks, trimmed, and never overrides the file', () => {
		const shaping = { joins: {}, fixed: { SiteName: ' Head Office ', City: 'Ignored' } };
		const { values } = build(crm, shaping, record);
		expect(values[COL.SiteName]).toBe('Head Office');
		expect(values[COL.City]).toBe('Vancouver');
	});

	it('keeps a name it cannot split whole in the first name, the last name empty, with a remark on that cell', () => {
		const { values, remarks } = build(crm, NO_SHAPING, record.with(1, 'Cher'));
		expect(values[COL.PrimaryContactFirstName]).toBe('Cher');
		expect(values[COL.PrimaryContactLastName]).toBe('');
		expect(remarks).toHaveLength(1);
		expect(remarks[0]).toMatchObject({
			column: COL.PrimaryContactFirstName,
			code: 'name_unsplit',
			severity: 'error'
		});
		expect(remarks[0].message).toContain('"Cher"');
	});

	it('splits a secondary contact’s name into the secondary columns', () => {
		const mapping: ColumnMapping = [COL.ClientName, { split: 'secondary' }];
		const { values } = build(mapping, NO_SHAPING, ['Acme', 'Garcia, Maria']);
		expect(values[COL.SecondaryContactFirstName]).toBe('Maria');
		expect(values[COL.SecondaryContactLastName]).toBe('Garcia');
		expect(values[COL.PrimaryContactFirstName]).toBe('');
	});

	it('takes off the formula guard of each part before joining or splitting', () => {
		const remarks: RowIssue[] = [];
		const values = rowBuilder(
			crm,
			NO_SHAPING,
			TEMPLATE_COLUMNS,
			unprotectFormula
		)(record.with(4, "'=1 Main St").with(1, "'@Maria Garcia"), remarks);
		expect(values[COL.AddressLine]).toBe('=1 Main St, Suite 400');
		expect(remarks[0]?.message).toContain('@Maria Garcia');
	});
});

describe('a shaped mapping, as it is remembered', () => {
	it('round-trips a split through names', () => {
		const mapping: ColumnMapping = [COL.City, { split: 'primary' }, null];
		const names = mappingByName(mapping, TEMPLATE_COLUMNS);
		expect(names).toEqual(['City', { split: 'primary' }, null]);
		expect(mappingFromNames(names, TEMPLATE_COLUMNS)).toEqual(mapping);
	});

	it('keeps only the joins and fixed values that still apply', () => {
		const mapping: ColumnMapping = [COL.AddressLine, COL.AddressLine, COL.City];
		const shaping: ColumnShaping = {
			joins: { AddressLine: { order: [1, 0], separator: ' ' }, City: { order: [2], separator: ',' } },
			fixed: { SiteName: 'Head Office', City: 'Paris', Country: '  ' }
		};
		expect(shapingFor(mapping, shaping, TEMPLATE_COLUMNS)).toEqual({
			joins: { AddressLine: { order: [1, 0], separator: ' ' } },
			fixed: { SiteName: 'Head Office' }
		});
	});
});
