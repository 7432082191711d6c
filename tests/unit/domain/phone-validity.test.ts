import { describe, expect, it } from 'vitest';
import { getCountries, getCountryCallingCode, isValidPhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js';
import metadataJson from 'libphonenumber-js/min/metadata';
import { isValidInternational } from '$lib/domain/phone-validity';
import { phoneCorpus } from './phone-corpus';

// PHONE_CORPUS_SIZE=2000000 npx vitest run tests/unit/domain/phone-validity.test.ts for the long run;
// PHONE_CORPUS_SEED=<n> for another corpus.
const SIZE = Number(process.env.PHONE_CORPUS_SIZE ?? 250_000);
const SEED = process.env.PHONE_CORPUS_SEED ? Number(process.env.PHONE_CORPUS_SEED) : undefined;
const codes = [...new Set(getCountries().map((country) => getCountryCallingCode(country)))];

describe('isValidInternational', () => {
	const corpus = phoneCorpus(SIZE, SEED);

	it(`answers as isValidPhoneNumber on ${SIZE.toLocaleString('en')} numbers of every calling code`, () => {
		const disagreements: string[] = [];
		let valid = 0;
		for (const { code, number } of corpus) {
			const expected = isValidPhoneNumber(`+${code}${number}`);
			if (expected) valid++;
			if (isValidInternational(code, number) !== expected && disagreements.length < 20) {
				disagreements.push(`+${code} ${number}: isValidPhoneNumber says ${expected}`);
			}
		}
		expect(disagreements).toEqual([]);
		// A corpus of only valid or only invalid numbers would prove little.
		expect(valid / corpus.length).toBeGreaterThan(0.2);
		expect(valid / corpus.length).toBeLessThan(0.8);
	}, 120_000);

	it('meets every calling code, and numbers whose national prefix libphonenumber-js strips or rewrites', () => {
		expect(new Set(corpus.map((input) => input.code))).toEqual(new Set(codes));
		const rewritten = corpus
			.slice(0, 20_000)
			.filter(({ code, number }) => {
				const parsed = parsePhoneNumberFromString(`+${code}${number}`);
				return parsed !== undefined && parsed.nationalNumber !== number;
			})
			.map(({ code }) => code);
		expect(rewritten.length).toBeGreaterThan(1000);
		expect(new Set(rewritten).size).toBeGreaterThan(50);
	});

	it.each([
		['1', '2125550188', true],
		['1', '12125550188', true], // the US trunk prefix 1, which libphonenumber-js forgives
		['1', '2684601234', true], // Antigua, under +1
		['44', '7400123456', true],
		['44', '07400123456', true],
		['54', '91123456789', true], // Argentina's mobile form
		['7', '9123456789', true],
		['7', '7012345678', true], // Kazakhstan, under +7
		['1', '1234', false],
		['44', '12345', false],
		['1', '123456789012345', false]
	])('+%s %s: %s', (code, number, valid) => {
		expect(isValidInternational(code, number)).toBe(valid);
		expect(isValidPhoneNumber(`+${code}${number}`)).toBe(valid);
	});

	it('rests on calling codes being prefix-free, as libphonenumber-js reads the first code the digits start with', () => {
		const metadata = metadataJson as unknown as {
			country_calling_codes: Record<string, string[]>;
			nonGeographic?: Record<string, unknown>;
		};
		const all = new Set([...Object.keys(metadata.country_calling_codes), ...Object.keys(metadata.nonGeographic ?? {})]);
		const shadowed = codes.filter((code) =>
			[1, 2].some((length) => length < code.length && all.has(code.slice(0, length)))
		);
		expect(shadowed).toEqual([]);
	});
});
