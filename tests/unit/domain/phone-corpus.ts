// A seeded corpus of (calling code, digits) inputs for comparing phone-validity.ts with isValidPhoneNumber: for every
// country of every calling code, its example number (libphonenumber-js ships mobile examples only), with digits
// changed, cut or padded to every length from 4 to 15, behind national prefixes and carrier codes, behind zeros,
// and random digits. The same seed gives the same corpus (phone-validity.test.ts, bench/phone-check.js).
import examplesJson from 'libphonenumber-js/examples.mobile.json';
import metadataJson from 'libphonenumber-js/min/metadata';
import { getCountries, getCountryCallingCode } from 'libphonenumber-js';
import { mulberry32 } from '../../helpers/seeded-random.js';

export interface PhoneInput {
	code: string;
	number: string;
}

const metadata = metadataJson as unknown as { countries: Record<string, unknown[]> };
const examples = examplesJson as Record<string, string>;

interface CountryCase {
	code: string;
	example: string;
	/** What the country's numbers are written behind: its national prefix, what its prefix-for-parsing matches. */
	prefixes: string[];
}

export function phoneCorpus(size: number, seed = 20250513): PhoneInput[] {
	const random = mulberry32(seed);
	const below = (n: number) => Math.floor(random() * n);
	const between = (low: number, high: number) => low + below(high - low + 1);
	const pick = <T>(list: readonly T[]): T => list[below(list.length)];
	const digits = (count: number) => {
		let text = '';
		for (let i = 0; i < count; i++) text += below(10);
		return text;
	};

	const cases: CountryCase[] = getCountries().map((country) => {
		const plan = metadata.countries[country];
		const nationalPrefix = typeof plan[5] === 'string' ? plan[5] : undefined;
		const forParsing = typeof plan[7] === 'string' ? plan[7] : nationalPrefix;
		const prefixes = new Set(['0', '1', '8', '00', '15', ...(nationalPrefix ? [nationalPrefix] : [])]);
		// What the prefix-for-parsing pattern takes from the start of random numbers: carrier codes, area codes
		// of transform rules, all that random digits seldom write.
		if (forParsing) {
			const start = new RegExp(`^(?:${forParsing})`);
			for (let i = 0; i < 4000 && prefixes.size < 40; i++) {
				const match = start.exec(`${pick(['', '0', '1', '8', '9', '90'])}${digits(15)}`);
				if (match && match[0] !== '') prefixes.add(match[0].slice(0, 12));
			}
		}
		return {
			code: getCountryCallingCode(country),
			example: examples[country] ?? digits(between(6, 10)),
			prefixes: [...prefixes]
		};
	});

	const mutate = (number: string, changes: number) => {
		const chars = number.split('');
		for (let i = 0; i < changes; i++) chars[below(chars.length)] = String(below(10));
		return chars.join('');
	};
	const toLength = (number: string, length: number) =>
		number.length >= length ? number.slice(0, length) : number + digits(length - number.length);

	const corpus: PhoneInput[] = [];
	while (corpus.length < size) {
		const { code, example, prefixes } = pick(cases);
		const kind = random();
		let number: string;
		if (kind < 0.1) number = example;
		else if (kind < 0.3) number = mutate(example, between(1, 3));
		else if (kind < 0.45) number = toLength(example, between(4, 15));
		else if (kind < 0.6) number = toLength(example.slice(0, between(1, example.length)), between(4, 15));
		else if (kind < 0.8) number = pick(prefixes) + (random() < 0.5 ? example : mutate(example, 1));
		else if (kind < 0.85) number = '0'.repeat(between(1, 3)) + example.slice(random() < 0.5 ? 0 : 1);
		else number = digits(between(4, 15));
		if (number.length < 4) number = toLength(number, 4);
		corpus.push({ code, number: number.slice(0, 15) });
	}
	return corpus;
}
