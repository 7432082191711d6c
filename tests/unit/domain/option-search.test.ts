import { describe, expect, it } from 'vitest';
import { foldText, rankOptions } from '$lib/domain/option-search';

const options = [
	{ value: 'US-CA', label: 'California', aliases: ['CA'] },
	{ value: 'US-CO', label: 'Colorado', aliases: ['CO'] },
	{ value: 'US-NC', label: 'North Carolina', aliases: ['NC'] },
	{ value: 'US-SC', label: 'South Carolina', aliases: ['SC'] },
	{ value: 'X-1', label: 'Arca', aliases: [] }
];
const values = (query: string) => rankOptions(query, options).map((o) => o.value);

describe('rankOptions', () => {
	it('puts an exact code first, then the exact name, then an alias', () => {
		expect(values('us-ca')[0]).toBe('US-CA');
		expect(values('colorado')).toEqual(['US-CO']);
		expect(values('ca')[0]).toBe('US-CA');
	});

	it('ranks a name prefix, then a word prefix, then a substring', () => {
		expect(values('car')).toEqual(['US-NC', 'US-SC']);
		expect(values('ca')).toEqual(['US-CA', 'US-NC', 'US-SC', 'X-1']);
	});

	it('finds every word of a query anywhere, last', () => {
		expect(values('carolina north')).toEqual(['US-NC']);
	});

	it('ignores case, accents and dots, and keeps the list for an empty query', () => {
		expect(rankOptions('CÁLIFORNIA', options)[0].value).toBe('US-CA');
		expect(values('  ')).toEqual(options.map((o) => o.value));
		expect(values('zz')).toEqual([]);
	});

	it('finds a zone by its city', () => {
		const zones = ['America/New_York', 'America/Los_Angeles', 'Europe/London'].map((z) => ({ value: z, label: z }));
		expect(rankOptions('new york', zones).map((z) => z.value)).toEqual(['America/New_York']);
		expect(rankOptions('london', zones).map((z) => z.value)).toEqual(['Europe/London']);
	});
});

describe('foldText', () => {
	it('folds case, accents, dots and punctuation', () => {
		expect(foldText(' U.S.A. ')).toBe('usa');
		expect(foldText('Côte d’Ivoire')).toBe('cote d ivoire');
		expect(foldText('America/New_York')).toBe('america new york');
	});
});
