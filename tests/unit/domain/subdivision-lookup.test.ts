import { describe, expect, it } from 'vitest';
import { subdivisionFromText } from '$lib/domain/subdivision-lookup';

describe('subdivisionFromText', () => {
	it.each([
		['US', 'California', 'US-CA'],
		['US', 'california', 'US-CA'],
		['US', 'CA', 'US-CA'],
		['us', 'us-ca', 'US-CA'],
		['CA', 'Ontario', 'CA-ON'],
		['AU', 'New South Wales', 'AU-NSW'],
		['DE', 'Bayern', 'DE-BY'],
		['DE', 'nordrhein westfalen', 'DE-NW'],
		['IN', 'Karnataka', 'IN-KA'],
		['US', 'Georgia', 'US-GA'],
		['CH', 'Geneve', 'CH-GE'],
		['IN', 'Puducherry', 'IN-PY']
	])('%s %s → %s', (country, text, code) => {
		expect(subdivisionFromText(country, text)).toBe(code);
	});

	it('refuses a name of another country, a name two subdivisions share, and nothing', () => {
		expect(subdivisionFromText('CA', 'California')).toBeUndefined();
		expect(subdivisionFromText('BG', 'Sofia')).toBeUndefined(); // Sofia (stolitsa) and Sofia
		expect(subdivisionFromText('US', '')).toBeUndefined();
		expect(subdivisionFromText('', 'California')).toBeUndefined();
		expect(subdivisionFromText('US', 'Calif.')).toBeUndefined();
	});

	it('does not know English names iso-3166 does not carry', () => {
		expect(subdivisionFromText('DE', 'Bavaria')).toBeUndefined();
	});
});
