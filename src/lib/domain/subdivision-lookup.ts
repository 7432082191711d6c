// Which ISO 3166-2 subdivision a cell means when it is written by name (California, Bayern) rather than code.
// Names are iso-3166's, which are in the subdivision's own language (Bayern, Wien, Genève): no maintained
// package at hand carries English exonyms (Bavaria, Vienna), so those are not recognised.
import { subdivisionsOf, normaliseSubdivision } from './countries';
import { foldText } from './option-search';

/** Per country: folded name → the codes that carry it; built on the country's first look-up. */
const namesByCountry = new Map<string, Map<string, Set<string>>>();

/**
 * The names a subdivision is found by: its whole name, the name without a bracketed note ("Sofia (stolitsa)",
 * "Diekirch (de, lb)"), and each half of a name written "A / B" or "A/B".
 */
function namesOf(name: string): string[] {
	const bare = name.replace(/\s*\([^)]*\)/g, '');
	return [name, bare, ...bare.split('/')];
}

function namesIn(country: string): Map<string, Set<string>> {
	let names = namesByCountry.get(country);
	if (!names) {
		names = new Map();
		for (const sub of subdivisionsOf(country)) {
			for (const name of namesOf(sub.name)) {
				const key = foldText(name);
				if (!key) continue;
				let codes = names.get(key);
				if (!codes) names.set(key, (codes = new Set()));
				codes.add(sub.code);
			}
		}
		namesByCountry.set(country, names);
	}
	return names;
}

/**
 * The whole ISO 3166-2 code (US-CA) of a subdivision of `country` (alpha-2) written by code (CA, US-CA, ca) or by
 * name (California, Ontario, New South Wales, Bayern, Karnataka). Case and accents do not matter. undefined
 * when none or several match.
 */
export function subdivisionFromText(country: string, text: string): string | undefined {
	const code = country.trim().toUpperCase();
	if (!text.trim() || !code) return undefined;
	const byCode = normaliseSubdivision(text, code);
	if (byCode) return byCode;
	const codes = namesIn(code).get(foldText(text));
	return codes?.size === 1 ? [...codes][0] : undefined;
}
