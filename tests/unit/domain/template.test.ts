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
