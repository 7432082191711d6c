import { describe, expect, it } from 'vitest';
import { isBlankRow, packRows, storeValues, unpackRows, valueAt, valuesOf } from '$lib/domain/stored-values';

describe('stored values', () => {
	const values = ['Acme', '', 'a@acme.example', 'Zoë, "quoted"\nline', ''];

	it('give back every value, and each by column, as they were', () => {
		const stored = storeValues(values);
		expect(typeof stored).toBe('string');
		expect(valuesOf(stored)).toEqual(values);
		expect(values.map((_, column) => valueAt(stored, column))).toEqual(values);
		expect(valueAt(stored, values.length)).toBe('');
		// No column, as a whole row's issue has (-1): no value, as in an array.
		expect(valueAt(stored, -1)).toBe('');
		expect(valueAt(values, -1)).toBe('');
	});

	it('keep an array for a row whose values hold a separator, and read it the same way', () => {
		for (const odd of ['a\u001fb', 'a\u001eb', '\u001f']) {
			const row = [...values.slice(0, 2), odd, ...values.slice(3)];
			const stored = storeValues(row);
			expect(Array.isArray(stored)).toBe(true);
			expect(valuesOf(stored)).toEqual(row);
			expect(valueAt(stored, 2)).toBe(odd);
		}
	});

	it('copy the values: changing the array given or returned leaves the row as it was', () => {
		const given = [...values];
		const stored = storeValues(given);
		given[0] = 'changed';
		const read = valuesOf(stored);
		read[0] = 'changed too';
		expect(valueAt(stored, 0)).toBe('Acme');
	});

	it('tell a row of empty or blank values from one with a value', () => {
		expect(isBlankRow(storeValues(['', ' ', '\t', '']))).toBe(true);
		expect(isBlankRow(storeValues(['', '', 'x']))).toBe(false);
		expect(isBlankRow(storeValues(['', '\u001f', '']))).toBe(false);
		expect(isBlankRow(storeValues(['']))).toBe(true);
	});
});

describe('packRows and unpackRows', () => {
	it('give back every row exactly, stored or as arrays, whatever its values hold', () => {
		const rows = [
			['', 'a', 'Zoë Ärger', '😀 emoji', 'line\nbreak', 'tab\tand "quotes"', ''],
			['x'.repeat(100_000), '', '', '', '', '', '\u0000'],
			['unit\u001fseparator', 'record\u001eseparator', '', '', '', '', ''],
			['', '', '', '', '', '', '']
		];
		const stored = rows.map(storeValues);
		for (const given of [rows, stored]) {
			const unpacked = unpackRows(structuredClone(packRows(given)), given.length);
			expect(unpacked.map(valuesOf)).toEqual(rows);
		}
	});

	it('pack no rows into nothing, and one row of one empty value into that row', () => {
		expect(unpackRows(packRows([]), 0)).toEqual([]);
		expect(unpackRows(packRows([['']]), 1).map(valuesOf)).toEqual([['']]);
	});
});
