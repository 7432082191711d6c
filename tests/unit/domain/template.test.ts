import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COL, COLUMN_LABELS, REQUIRED_COLUMNS, TEMPLATE_COLUMNS, splitList } from '$lib/domain/template';

describe('the template', () => {
	it('has the contract’s 19 columns, in the order its example file heads them', () => {
		const contractHeader = readFileSync(new URL('../../fixtures/clients-valid.csv', import.meta.url), 'utf8').split(
			/\r?\n/
		)[0];
		expect(TEMPLATE_COLUMNS.join(',')).toBe(contractHeader);
		expect(TEMPLATE_COLUMNS).toHaveLength(19);
	});

	it('indexes each column by its place in the contract’s header', () => {
		expect(COL).toEqual({
			ClientName: 0,
			PrimaryContactFirstName: 1,
			PrimaryContactLastName: 2,
			PrimaryContactEmail: 3,
			Code: 4,
			PhoneNumber: 5,
			SecondaryContactFirstName: 6,
			SecondaryContactLastName: 7,
			SecondaryContactEmail: 8,
			SiteName: 9,
			AddressLine: 10,
			City: 11,
			State: 12,
			Country: 13,
			PostalCode: 14,
			Timezone: 15,
			EmailDomains: 16,
			AccountManager: 17,
			TechnicianGroups: 18
		});
	});

	it('requires the columns the contract marks “yes”, and no other', () => {
		expect([...REQUIRED_COLUMNS].sort()).toEqual(
			[
				'ClientName',
				'PrimaryContactEmail',
				'PrimaryContactFirstName',
				'PrimaryContactLastName',
				'SiteName',
				'Timezone'
			].sort()
		);
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
