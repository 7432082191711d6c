import { describe, expect, it } from 'vitest';
import { COUNTRIES, normaliseCountry, normaliseSubdivision, subdivisionsOf } from '$lib/domain/countries';

describe('COUNTRIES', () => {
	it('lists every country once, by its upper-case alpha-2 code', () => {
		const codes = COUNTRIES.map((c) => c.code);
		expect(new Set(codes).size).toBe(codes.length);
		expect(codes.every((code) => /^[A-Z]{2}$/.test(code))).toBe(true);
		expect(codes).toEqual(expect.arrayContaining(['US', 'GB', 'IN', 'JP', 'NL', 'DE']));
		expect(codes.length).toBeGreaterThanOrEqual(249);
	});

	it('is sorted by country name', () => {
		const names = COUNTRIES.map((c) => c.name);
		expect([...names].sort((a, b) => a.localeCompare(b))).toEqual(names);
	});

	it('does not list UK or any three-letter code', () => {
		const codes = COUNTRIES.map((c) => c.code);
		expect(codes).not.toContain('UK');
		expect(codes).not.toContain('USA');
	});
});

describe('normaliseCountry', () => {
	it.each([
		['US', 'US'],
		['us', 'US'],
		[' gb ', 'GB'],
		['In', 'IN'],
		['jp', 'JP']
	])('normalises %j to %s', (value, code) => {
		expect(normaliseCountry(value)).toBe(code);
	});

	it.each(['UK', 'USA', 'usa', 'GBR', 'XX', '', 'United States', 'U'])('rejects %j', (value) => {
		expect(normaliseCountry(value)).toBeUndefined();
	});
});

describe('subdivisionsOf', () => {
	it('lists a country’s subdivisions by whole code and name', () => {
		expect(subdivisionsOf('US')).toEqual(
			expect.arrayContaining([
				{ code: 'US-CA', name: 'California' },
				{ code: 'US-NY', name: 'New York' }
			])
		);
		expect(subdivisionsOf('GB')).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'GB-ENG' })]));
		expect(subdivisionsOf('JP')).toEqual(expect.arrayContaining([{ code: 'JP-13', name: expect.any(String) }]));
	});

	it('accepts a lower-case country code', () => {
		expect(subdivisionsOf('us')).toEqual(subdivisionsOf('US'));
	});

	it('sorts subdivisions by name', () => {
		const names = subdivisionsOf('US').map((s) => s.name);
		expect([...names].sort((a, b) => a.localeCompare(b))).toEqual(names);
	});

	it('keeps only the country’s own subdivisions', () => {
		expect(subdivisionsOf('US').every((s) => s.code.startsWith('US-'))).toBe(true);
	});

	it('files a subdivision whose parent is another subdivision under its country (FR-75C under FR)', () => {
		expect(subdivisionsOf('FR')).toEqual(expect.arrayContaining([{ code: 'FR-75C', name: 'Paris' }]));
		expect(subdivisionsOf('FR-IDF')).toEqual([]);
	});

	it('lists nothing for an unknown country', () => {
		expect(subdivisionsOf('XX')).toEqual([]);
	});
});

describe('normaliseSubdivision', () => {
	it.each([
		['CA', 'US', 'US-CA'],
		['US-CA', 'US', 'US-CA'],
		['ca', 'us', 'US-CA'],
		[' us-ca ', 'US', 'US-CA'],
		['GB-ENG', 'GB', 'GB-ENG'],
		['ENG', 'GB', 'GB-ENG'],
		['JP-13', 'JP', 'JP-13'],
		['13', 'JP', 'JP-13'],
		['75C', 'FR', 'FR-75C']
	])('normalises %j in %s to %s', (value, country, code) => {
		expect(normaliseSubdivision(value, country)).toBe(code);
	});

	it.each([
		['ENG', 'US'],
		['GB-ENG', 'US'],
		['US-CA', 'GB'],
		['CA', 'GB'],
		['California', 'US'],
		['US-', 'US'],
		['', 'US'],
		['CA', 'XX']
	])('rejects %j as a subdivision of %s', (value, country) => {
		expect(normaliseSubdivision(value, country)).toBeUndefined();
	});
});
