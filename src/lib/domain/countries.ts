// ISO 3166-1 countries and ISO 3166-2 subdivisions, from the `iso-3166` package.
import { iso31661, iso31662 } from 'iso-3166';

export interface Country {
	code: string;
	name: string;
}
export interface Subdivision {
	/** The whole ISO 3166-2 code, e.g. `US-CA`. */
	code: string;
	name: string;
}

export const COUNTRIES: readonly Country[] = iso31661
	.map((c) => ({ code: c.alpha2, name: c.name }))
	.sort((a, b) => a.name.localeCompare(b.name));

const countryCodes = new Set(COUNTRIES.map((c) => c.code));

const subdivisionsByCountry = new Map<string, Subdivision[]>();
for (const sub of iso31662) {
	// A subdivision's parent may itself be a subdivision (FR-75 under FR-IDF): the country is the prefix.
	const country = sub.code.split('-')[0];
	let list = subdivisionsByCountry.get(country);
	if (!list) subdivisionsByCountry.set(country, (list = []));
	list.push({ code: sub.code, name: sub.name });
}
for (const list of subdivisionsByCountry.values()) list.sort((a, b) => a.name.localeCompare(b.name));

/** Upper-cased alpha-2 code if it names a country, else undefined. `us` → `US`; `UK`, `USA` → undefined. */
export function normaliseCountry(value: string): string | undefined {
	const code = value.trim().toUpperCase();
	return countryCodes.has(code) ? code : undefined;
}

export function subdivisionsOf(countryCode: string): readonly Subdivision[] {
	return subdivisionsByCountry.get(countryCode.toUpperCase()) ?? [];
}

/** The whole subdivision code (`US-CA`) for `CA` or `US-CA` within a country, else undefined. */
export function normaliseSubdivision(value: string, countryCode: string): string | undefined {
	const country = countryCode.toUpperCase();
	const upper = value.trim().toUpperCase();
	const code = upper.startsWith(`${country}-`) ? upper : `${country}-${upper}`;
	return subdivisionsOf(country).some((s) => s.code === code) ? code : undefined;
}
