import { describe, expect, it } from 'vitest';
import { COL, COLUMN_LABELS, REQUIRED_COLUMNS, TEMPLATE_COLUMNS, splitList } from '$lib/domain/template';

describe('the template', () => {
	it('has the contract’s 19 columns, in order', () => {
		expect(TEMPLATE_COLUMNS).toEqual([
			'ClientName',
			'PrimaryContactFirstName',
			'PrimaryContactLastName',
			'PrimaryContactEmail',
			'Code',
			'PhoneNumber',
			'SecondaryContactFirstName',
			'SecondaryContactLastName',
			'SecondaryContactEmail',
			'SiteName',
			'AddressLine',
			'City',
			'State',
			'Country',
			'PostalCode',
			'Timezone',
			'EmailDomains',
			'AccountManager',
			'TechnicianGroups'
		]);
	});

	it('indexes each column by name', () => {
		TEMPLATE_COLUMNS.forEach((column, index) => expect(COL[column]).toBe(index));
		expect(COL.ClientName).toBe(0);
		expect(COL.TechnicianGroups).toBe(18);
	});

	it('requires only template columns', () => {
		expect(REQUIRED_COLUMNS.every((column) => TEMPLATE_COLUMNS.includes(column))).toBe(true);
	});

	it('labels every column in plain words', () => {
		expect(Object.keys(COLUMN_LABELS).sort()).toEqual([...TEMPLATE_COLUMNS].sort());
		expect(COLUMN_LABELS.PrimaryContactEmail).toBe('Primary contact email');
		expect(COLUMN_LABELS.Code).toBe('Calling code');
	});
});

describe('splitList', () => {
	it.each([
		['acme.com, acme.co.uk', ['acme.com', 'acme.co.uk']],
		['  Tier 1 ,Network Team  ', ['Tier 1', 'Network Team']],
		['a,,b, ,', ['a', 'b']],
		['', []],
		['single', ['single']]
	])('splits %j into %j', (value, parts) => {
		expect(splitList(value)).toEqual(parts);
	});

	it('does not split on semicolons', () => {
		expect(splitList('a;b')).toEqual(['a;b']);
	});
});
