import { describe, expect, it } from 'vitest';
import { CUSTOM_FIELD_TYPES } from '$lib/domain/custom-fields';
import { ENCODINGS } from '$lib/import/decode';
import { formatCount, labelOf, messageOf, plural } from '$lib/wording';

describe('wording', () => {
	it('gives an Error its own message and anything else thrown as text', () => {
		expect(messageOf(new Error('Disk full'))).toBe('Disk full');
		expect(messageOf('quota')).toBe('quota');
		expect(messageOf(undefined)).toBe('undefined');
	});

	it('writes counts with thousands separators, whatever the browser locale', () => {
		expect(formatCount(0)).toBe('0');
		expect(formatCount(1_048_575)).toBe('1,048,575');
	});

	it('puts the noun in the plural unless the count is one', () => {
		expect(plural(1, 'row')).toBe('1 row');
		expect(plural(0, 'row')).toBe('0 rows');
		expect(plural(2_000, 'row')).toBe('2,000 rows');
		expect(plural(3, 'entry', 'entries')).toBe('3 entries');
	});

	it('names an option by its label, and an unknown value by itself', () => {
		expect(labelOf(ENCODINGS, 'utf-16le')).toBe('UTF-16LE (Excel "Unicode text")');
		expect(labelOf(CUSTOM_FIELD_TYPES, 'dropdown')).toBe('Dropdown');
		expect(labelOf(CUSTOM_FIELD_TYPES, 'colour')).toBe('colour');
	});
});
