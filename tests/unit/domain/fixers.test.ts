import { describe, expect, it } from 'vitest';
import type { CustomField } from '$lib/domain/custom-fields';
import {
	cleanCustomValue,
	cleanDomainList,
	cleanEmail,
	cleanGroupList,
	splitGroupNames,
	splitPhone,
	technicianByName
} from '$lib/domain/fixers';
import { indexWorkspace } from '$lib/domain/workspace';
import { SNAPSHOT, WORKSPACE } from './valid-row';

describe('cleanEmail', () => {
	it.each([
		['Maria Garcia <maria@contoso.example>', 'maria@contoso.example'],
		['"Garcia, Maria" <maria@contoso.example>', 'maria@contoso.example'],
		['mailto:maria@contoso.example', 'maria@contoso.example'],
		['MAILTO: maria@contoso.example', 'maria@contoso.example'],
		['maria @ contoso.example', 'maria@contoso.example'],
		['maria@contoso .example', 'maria@contoso.example'],
		['maria@contoso.example;', 'maria@contoso.example'],
		['<maria@contoso.example>', 'maria@contoso.example']
	])('turns %j into %j', (value, address) => {
		expect(cleanEmail(value)).toBe(address);
	});

	it.each([
		'maria garcia@contoso.example',
		'maria',
		'maria@contoso',
		'Maria <not an email>',
		'maria@contoso.example',
		'a@b.com, c@d.com'
	])('refuses %j: no one right address, or nothing to change', (value) => {
		expect(cleanEmail(value)).toBeUndefined();
	});
});

describe('cleanDomainList', () => {
	it.each([
		['@acme.com; acme.net', 'acme.com, acme.net'],
		['acme.com|acme.net', 'acme.com, acme.net'],
		['https://www.acme.com/about', 'acme.com'],
		['http://acme.com:8080', 'acme.com'],
		['ACME.COM, acme.com', 'acme.com'],
		['it@acme.com', 'acme.com'],
		['acme.com acme.co.uk', 'acme.com, acme.co.uk'],
		['www.acme.com', 'acme.com']
	])('turns %j into %j', (value, list) => {
		expect(cleanDomainList(value)).toBe(list);
	});

	it.each(['acme', 'acme.com, bad_name.com', 'acme.123', '', ';', 'acme.com, acme.net'])(
		'refuses %j: a part is still no domain, or nothing changes',
		(value) => {
			expect(cleanDomainList(value)).toBeUndefined();
		}
	);

	it('keeps www. when what follows is no domain of its own', () => {
		expect(cleanDomainList('www.com;')).toBe('www.com');
	});
});

describe('splitPhone', () => {
	it.each([
		['', '+1 (415) 555-0100', undefined, { code: '1', phone: '4155550100' }],
		['', '+44 20 7946 0000', undefined, { code: '44', phone: '2079460000' }],
		['', '0044 20 7946 0000', undefined, { code: '44', phone: '2079460000' }],
		['44', '+44 20 7946 0000', 'GB', { code: '44', phone: '2079460000' }],
		['', '+91 98765 43210', 'US', { code: '91', phone: '9876543210' }],
		['1', '415.555.0100', 'US', { code: '1', phone: '4155550100' }],
		['', '(415) 555-0100', 'US', { code: '1', phone: '4155550100' }],
		['', '020 7946 0000', 'GB', { code: '44', phone: '2079460000' }],
		['', '030 1234567', 'DE', { code: '49', phone: '301234567' }],
		['', '98765 43210', 'IN', { code: '91', phone: '9876543210' }],
		['', '555-0100', undefined, { code: '', phone: '5550100' }]
	])('reads Code %j, phone %j in %s as %j', (code, phone, country, parts) => {
		expect(splitPhone(code, phone, country)).toEqual(parts);
	});

	it.each([
		['1', '+44 20 7946 0000', 'a +CC that disagrees with the Code column'],
		['', '415 555 0100 ext. 12', 'an extension'],
		['', 'call 4155550100', 'words'],
		['', '12 3', 'too few digits'],
		['', '+1 (415) 555-0100-0100-0100', 'too many digits'],
		['', '+999 1234', 'no such calling code']
	])('refuses Code %j, phone %j (%s)', (code, phone) => {
		expect(splitPhone(code, phone, 'US')).toBeUndefined();
	});

	it('keeps a trunk-prefixed number whole when it is not valid without the prefix', () => {
		expect(splitPhone('', '0123', 'GB')).toEqual({ code: '44', phone: '0123' });
	});
});

describe('technicianByName', () => {
	it.each(['Priya Shah', 'priya shah', 'Shah, Priya', 'PRIYA   SHAH', 'Priya Shah.'])('finds %j', (name) => {
		expect(technicianByName(name, WORKSPACE)).toEqual({ value: 'Priya.Shah@msp.example' });
	});

	it('ignores accents, as people do when they type names', () => {
		const workspace = indexWorkspace({
			...SNAPSHOT,
			technicians: [{ id: 't', email: 'jose@msp.example', firstName: 'José', lastName: 'Núñez' }]
		});
		expect(technicianByName('Jose Nunez', workspace)).toEqual({ value: 'jose@msp.example' });
	});

	it('offers every technician of a shared name, choosing none', () => {
		const workspace = indexWorkspace({
			...SNAPSHOT,
			technicians: [
				{ id: 'a', email: 'tom@msp.example', firstName: 'Tom', lastName: 'Berg' },
				{ id: 'b', email: 'thomas@msp.example', firstName: 'Tom', lastName: 'Berg' }
			]
		});
		expect(technicianByName('Tom Berg', workspace)).toEqual({ choices: ['tom@msp.example', 'thomas@msp.example'] });
	});

	it.each(['Alice Johnson', 'Priya', 'priya.shah@msp.example', 'Shah, Priya, Ms'])('refuses %j', (name) => {
		expect(technicianByName(name, WORKSPACE)).toBeUndefined();
	});
});

describe('group lists', () => {
	it('splits on commas, semicolons and bars', () => {
		expect(splitGroupNames(' Tier 1; Security|Network Team, ,')).toEqual(['Tier 1', 'Security', 'Network Team']);
	});

	it.each([
		['tier 1; security', 'Tier 1, Security'],
		['SECURITY|security', 'Security'],
		['network team;', 'Network Team']
	])('writes %j as %j', (value, list) => {
		expect(cleanGroupList(value, WORKSPACE)).toBe(list);
	});

	it.each(['Tier 1; Managed Print', 'Tier 1, Security', ''])('refuses %j', (value) => {
		expect(cleanGroupList(value, WORKSPACE)).toBeUndefined();
	});
});

describe('cleanCustomValue', () => {
	const field = (type: CustomField['type'], options: string[] = []): CustomField => ({
		id: 'f',
		name: 'Field',
		type,
		required: false,
		options
	});

	it.each([
		['Y', 'true'],
		['n', 'false'],
		['1', 'true'],
		['0', 'false'],
		['On', 'true'],
		['off', 'false']
	])('reads the checkbox value %j as %s', (value, stored) => {
		expect(cleanCustomValue(field('checkbox'), value)).toBe(stored);
	});

	it.each(['maybe', '2', 'yes please'])('refuses the checkbox value %j', (value) => {
		expect(cleanCustomValue(field('checkbox'), value)).toBeUndefined();
	});

	it.each([
		['1,234', '1234'],
		['1,234,567.50', '1234567.50'],
		['-12 000', '-12000'],
		["1'000", '1000'],
		['+42', '42']
	])('reads the number %j as %s', (value, stored) => {
		expect(cleanCustomValue(field('number'), value)).toBe(stored);
	});

	it.each(['1,23', '1.234,5', '12,3456', 'twelve', '1,234 567', '1.5k'])('refuses the number %j', (value) => {
		expect(cleanCustomValue(field('number'), value)).toBeUndefined();
	});

	it.each([
		['2026/3/1', '2026-03-01'],
		['2026.12.31', '2026-12-31']
	])('reads the date %j as %s', (value, stored) => {
		expect(cleanCustomValue(field('date'), value)).toBe(stored);
	});

	it.each(['31/12/2026', '03/04/2026', '2026-02-30'])('refuses the date %j, which has no one reading', (value) => {
		expect(cleanCustomValue(field('date'), value)).toBeUndefined();
	});

	it('writes a dropdown option as the field does, and refuses what is no option', () => {
		expect(cleanCustomValue(field('dropdown', ['Gold', 'Silver']), 'GOLD')).toBe('Gold');
		expect(cleanCustomValue(field('dropdown', ['Gold', 'Silver']), 'Bronze')).toBeUndefined();
	});
});
