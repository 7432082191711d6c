import { describe, expect, it } from 'vitest';
import { commonCountryName, countryFromText, searchCountries } from '$lib/domain/country-lookup';

describe('countryFromText', () => {
	it.each([
		['us', 'US'],
		['DE', 'DE'],
		['FRA', 'FR'],
		['gbr', 'GB'],
		['India', 'IN'],
		['  united   states ', 'US'],
		['United States of America', 'US'],
		['USA', 'US'],
		['U.S.A.', 'US'],
		['US of A', 'US'],
		['UK', 'GB'],
		['U.K.', 'GB'],
		['Great Britain', 'GB'],
		['England', 'GB'],
		['Scotland', 'GB'],
		['South Korea', 'KR'],
		['Russia', 'RU'],
		['Vietnam', 'VN'],
		['Czechia', 'CZ'],
		['Holland', 'NL'],
		['the Netherlands', 'NL'],
		['Georgia', 'GE'],
		['Ivory Coast', 'CI'],
		['cote d’ivoire', 'CI'],
		['Deutschland', 'DE'],
		['Allemagne', 'DE'],
		['España', 'ES'],
		['espana', 'ES'],
		['Österreich', 'AT'],
		['Schweiz', 'CH'],
		['Suisse', 'CH'],
		['Nederland', 'NL'],
		['Italia', 'IT'],
		['Sverige', 'SE'],
		['México', 'MX']
	])('%s → %s', (text, code) => {
		expect(countryFromText(text)).toBe(code);
	});

	it.each(['Congo', 'Kongo', 'Korea', '', '   ', 'Atlantis', 'XX', 'Ger'])('refuses %j', (text) => {
		expect(countryFromText(text)).toBeUndefined();
	});
});

describe('commonCountryName', () => {
	it.each([
		['GB', 'United Kingdom'],
		['US', 'United States'],
		['KR', 'South Korea'],
		['RU', 'Russia'],
		['IR', 'Iran'],
		['CG', 'Republic of the Congo'],
		['CD', 'Democratic Republic of the Congo'],
		['de', 'Germany']
	])('%s is %s', (code, name) => {
		expect(commonCountryName(code)).toBe(name);
	});

	it('gives back a code it does not know', () => {
		expect(commonCountryName('XX')).toBe('XX');
	});
});

describe('searchCountries', () => {
	const first = (query: string) => searchCountries(query)[0]?.code;

	it('puts the exact code first, then the exact name, then an alias', () => {
		expect(first('in')).toBe('IN');
		expect(first('de')).toBe('DE');
		expect(first('India')).toBe('IN');
		expect(first('United States')).toBe('US');
		expect(first('USA')).toBe('US');
		expect(first('UK')).toBe('GB');
		expect(first('Deutschland')).toBe('DE');
	});

	it('ranks a name that starts with the query before one that only contains it', () => {
		expect(searchCountries('germ').map((c) => c.code)).toEqual(['DE']);
		const ind = searchCountries('ind').map((c) => c.code);
		expect(ind.slice(0, 2)).toEqual(['IN', 'ID']);
		expect(ind).toContain('IO');
	});

	it('lists both Koreas by their common names', () => {
		expect(searchCountries('korea')).toEqual([
			{ code: 'KP', name: 'North Korea' },
			{ code: 'KR', name: 'South Korea' }
		]);
	});

	it('lists every country, by name, for an empty query, and none for nonsense', () => {
		const all = searchCountries('');
		expect(all.length).toBeGreaterThan(240);
		expect(all[0].name <= all[1].name).toBe(true);
		expect(searchCountries('zzzz')).toEqual([]);
	});
});
