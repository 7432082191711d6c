import { defaultBusinessHours } from '$lib/domain/client-extras';
import { describe, expect, it } from 'vitest';
import { toClientRecord } from '$lib/domain/client';
import { checkRow } from '$lib/domain/rules';
import { WORKSPACE, validRow } from './valid-row';
import type { RowOverrides } from './valid-row';

const meta = { id: 'client-new', createdAt: '2025-03-01T10:00:00.000Z' };

function recordOf(overrides: RowOverrides = {}) {
	return toClientRecord(validRow(overrides), WORKSPACE, meta);
}

describe('toClientRecord', () => {
	it('turns the valid sample row into the stored record', () => {
		expect(checkRow(validRow(), WORKSPACE)).toEqual([]);
		expect(recordOf()).toEqual({
			id: 'client-new',
			name: 'Contoso Dental Group',
			nameKey: 'contoso dental group',
			primaryContact: {
				firstName: 'Maria',
				lastName: 'Garcia',
				email: 'maria.garcia@contoso-dental.example',
				phoneCode: '1',
				phone: '2125550188'
			},
			primaryEmailKey: 'maria.garcia@contoso-dental.example',
			secondaryContact: { firstName: 'James', lastName: 'Lee', email: 'james.lee@contoso-dental.example' },
			site: {
				name: 'Headquarters',
				addressLine: '350 Fifth Avenue',
				city: 'New York',
				state: 'US-NY',
				country: 'US',
				postalCode: '10118',
				timezone: 'America/New_York'
			},
			emailDomains: ['contoso-dental.example', 'contosodental.example'],
			accountManagerId: 'tech-priya',
			groupIds: ['group-tier1', 'group-network'],
			customFields: {},
			logo: null,
			businessHours: defaultBusinessHours(),
			holidays: [],
			properties: [],
			createdAt: '2025-03-01T10:00:00.000Z',
			updatedAt: '2025-03-01T10:00:00.000Z',
			importId: null
		});
	});

	it('trims every value it stores', () => {
		const record = recordOf({
			ClientName: '  Initech  ',
			PrimaryContactFirstName: ' Bill ',
			City: ' Austin ',
			Timezone: ' America/Chicago '
		});
		expect(record.name).toBe('Initech');
		expect(record.primaryContact.firstName).toBe('Bill');
		expect(record.site.city).toBe('Austin');
		expect(record.site.timezone).toBe('America/Chicago');
	});

	it('keys the name case- and space-insensitively and the email lower-cased, keeping both as written', () => {
		const record = recordOf({ ClientName: '  Initech   GROUP ', PrimaryContactEmail: ' Bill@Initech.Example ' });
		expect(record.name).toBe('Initech   GROUP');
		expect(record.nameKey).toBe('initech group');
		expect(record.primaryContact.email).toBe('Bill@Initech.Example');
		expect(record.primaryEmailKey).toBe('bill@initech.example');
	});

	it.each(['us', 'Us', ' US '])('stores the country %j upper-case', (country) => {
		expect(recordOf({ Country: country }).site.country).toBe('US');
	});

	it.each([
		['CA', 'US', 'US-CA'],
		['US-CA', 'us', 'US-CA'],
		['ca', 'us', 'US-CA'],
		['ENG', 'GB', 'GB-ENG'],
		['13', 'JP', 'JP-13']
	])('stores the state %j of %s as the whole code %s', (state, country, code) => {
		expect(recordOf({ State: state, Country: country }).site.state).toBe(code);
	});

	it('stores no state and no country when both are empty', () => {
		const record = recordOf({ State: '', Country: '' });
		expect(record.site.state).toBe('');
		expect(record.site.country).toBe('');
	});

	it.each([
		['1', '1'],
		['+44', '44'],
		[' +91 ', '91']
	])('stores the calling code %j as digits %s', (code, digits) => {
		expect(recordOf({ Code: code }).primaryContact.phoneCode).toBe(digits);
	});

	it('stores no calling code or phone when they are empty', () => {
		const record = recordOf({ Code: '', PhoneNumber: '' });
		expect(record.primaryContact.phoneCode).toBe('');
		expect(record.primaryContact.phone).toBe('');
	});

	it('lower-cases email domains and drops duplicates, keeping first-seen order', () => {
		expect(recordOf({ EmailDomains: 'Acme.com, ACME.co.uk, acme.COM ,acme.co.uk,' }).emailDomains).toEqual([
			'acme.com',
			'acme.co.uk'
		]);
	});

	it('stores no domains for an empty cell', () => {
		expect(recordOf({ EmailDomains: '' }).emailDomains).toEqual([]);
	});

	it('stores group names as the groups’ ids, case-insensitively and without duplicates', () => {
		expect(recordOf({ TechnicianGroups: 'security, TIER 1 , Security' }).groupIds).toEqual([
			'group-security',
			'group-tier1'
		]);
		expect(recordOf({ TechnicianGroups: '' }).groupIds).toEqual([]);
	});

	it('stores the account manager’s email as the technician’s id, case-insensitively', () => {
		expect(recordOf({ AccountManager: 'TOM.BERG@msp.example' }).accountManagerId).toBe('tech-tom');
		expect(recordOf({ AccountManager: '' }).accountManagerId).toBeNull();
	});

	it('stores no secondary contact when all its fields are empty', () => {
		const record = recordOf({
			SecondaryContactFirstName: '',
			SecondaryContactLastName: ' ',
			SecondaryContactEmail: ''
		});
		expect(record.secondaryContact).toBeNull();
	});

	it('stores a secondary contact given by email only', () => {
		expect(recordOf({ SecondaryContactFirstName: '', SecondaryContactLastName: '' }).secondaryContact).toEqual({
			firstName: '',
			lastName: '',
			email: 'james.lee@contoso-dental.example'
		});
	});

	it('records the import it came from', () => {
		expect(toClientRecord(validRow(), WORKSPACE, { ...meta, importId: 'import-7' }).importId).toBe('import-7');
	});
});
