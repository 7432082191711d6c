import { describe, expect, it } from 'vitest';
import { isBlankRow, storeValues, valueAt, valuesOf } from '$lib/domain/stored-values';

describe('stored values', () => {
	const values = ['Acme', '', 'a@acme.example', 'Zoë, "quoted"\nline', ''];

	it('give back every value, and each by column, as they were', () => {
		const stored = storeValues(values);
		expect(typeof stored).toBe('string');
		expect(valuesOf(stored)).toEqual(values);
		expect(values.map((_, column) => valueAt(stored, column))).toEqual(values);
		expect(valueAt(stored, values.length)).toBe('');
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
