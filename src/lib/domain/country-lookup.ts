// Which country a cell means when it is not a code (United Kingdom, USA, Deutschland), the country's common
// English name, and countries ranked for a picker. Names come from `i18n-iso-countries` (official names with
// aliases, in the languages below) and `iso-3166`; the maps are built on the first call.
import { iso31661, iso31662 } from 'iso-3166';
import da from 'i18n-iso-countries/langs/da.json';
import de from 'i18n-iso-countries/langs/de.json';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import fi from 'i18n-iso-countries/langs/fi.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import it from 'i18n-iso-countries/langs/it.json';
import nb from 'i18n-iso-countries/langs/nb.json';
import nl from 'i18n-iso-countries/langs/nl.json';
import pl from 'i18n-iso-countries/langs/pl.json';
import pt from 'i18n-iso-countries/langs/pt.json';
import sv from 'i18n-iso-countries/langs/sv.json';
import { foldText, rankOptions, type SearchOption } from './option-search';

type NamesByCode = Record<string, string | string[]>;

/** English plus the major European languages: each locale costs about 2 kB gzipped in every bundle that looks up. */
const OTHER_LOCALES: NamesByCode[] = [de, fr, es, it, nl, pt, pl, sv, da, nb, fi].map((l) => l.countries);

/**
 * Names the package does not carry. The UK's nations are ISO 3166-2 subdivisions of GB (their names are read
 * from iso-3166): exports write "England" or "Scotland" for the country. "US of A" is the one alias written out.
 */
const UK_NATIONS = ['GB-ENG', 'GB-SCT', 'GB-WLS', 'GB-NIR'];
const EXTRA_ALIASES: [string, string][] = [['US of A', 'US']];

interface CountryIndex {
	alpha2: Set<string>;
	alpha3: Map<string, string>;
	/** Folded English name or alias → the codes it names (two for "Congo"). */
	english: Map<string, Set<string>>;
	/** Folded name in another language → the codes it names. */
	other: Map<string, Set<string>>;
	common: Map<string, string>;
	options: (SearchOption & { code: string })[];
}

let index: CountryIndex | undefined;

function namesOf(names: string | string[] | undefined): string[] {
	return names === undefined ? [] : Array.isArray(names) ? names : [names];
}

function add(map: Map<string, Set<string>>, name: string, code: string) {
	const key = foldText(name);
	if (!key) return;
	let codes = map.get(key);
	if (!codes) map.set(key, (codes = new Set()));
	codes.add(code);
}

/**
 * The name people use: the package's official English name, or a shorter form of it that it also lists and
 * that names no other country ("United States" in "United States of America", "Russia" in "Russian
 * Federation", "Iran"); "United Kingdom", "South Korea" and "Republic of the Congo" stay. Falls back to iso-3166's.
 */
function commonNameOf(code: string, english: Map<string, Set<string>>, isoName: string): string {
	const names = namesOf((en.countries as NamesByCode)[code]);
	const official = names[0] ?? isoName;
	const short = names.find(
		(name) =>
			name !== official &&
			/\p{Ll}/u.test(name) &&
			foldText(official).includes(foldText(name)) &&
			english.get(foldText(name))?.size === 1
	);
	return short ?? official;
}

function build(): CountryIndex {
	const english = new Map<string, Set<string>>();
	const other = new Map<string, Set<string>>();
	const alpha3 = new Map<string, string>();
	for (const c of iso31661) {
		alpha3.set(c.alpha3, c.alpha2);
		add(english, c.name, c.alpha2);
		for (const name of namesOf((en.countries as NamesByCode)[c.alpha2])) add(english, name, c.alpha2);
		for (const locale of OTHER_LOCALES) for (const name of namesOf(locale[c.alpha2])) add(other, name, c.alpha2);
	}
	for (const sub of iso31662) if (UK_NATIONS.includes(sub.code)) add(english, sub.name, 'GB');
	for (const [name, code] of EXTRA_ALIASES) add(english, name, code);

	const common = new Map<string, string>();
	const aliases = new Map<string, Set<string>>();
	for (const map of [english, other]) {
		for (const [name, codes] of map) {
			for (const code of codes) {
				let set = aliases.get(code);
				if (!set) aliases.set(code, (set = new Set()));
				set.add(name);
			}
		}
	}
	const options = iso31661.map((c) => {
		const name = commonNameOf(c.alpha2, english, c.name);
		common.set(c.alpha2, name);
		return { code: c.alpha2, value: c.alpha2, label: name, aliases: [c.alpha3, ...(aliases.get(c.alpha2) ?? [])] };
	});
	options.sort((a, b) => a.label.localeCompare(b.label));
	return { alpha2: new Set(iso31661.map((c) => c.alpha2)), alpha3, english, other, common, options };
}

function countryIndex(): CountryIndex {
	return (index ??= build());
}

function only(codes: Set<string> | undefined): string | undefined {
	return codes?.size === 1 ? [...codes][0] : undefined;
}

/**
 * The ISO 3166-1 alpha-2 code a cell means: a code in any case, an alpha-3 code, an English name or alias (USA,
 * U.S.A., UK, Great Britain, England, South Korea, Russia, Czechia), or a name in another registered language
 * (Deutschland, Allemagne, España, Österreich, Schweiz, Suisse, Nederland, Holland, Italia, Sverige, México).
 * Case, accents, dots and extra spaces do not matter. English names win over other languages' names;
 * undefined when nothing, or more than one country (Congo), matches.
 */
export function countryFromText(text: string): string | undefined {
	const { alpha2, alpha3, english, other } = countryIndex();
	const upper = text.trim().toUpperCase();
	if (alpha2.has(upper)) return upper;
	if (alpha3.has(upper)) return alpha3.get(upper);
	const key = foldText(text);
	if (!key) return undefined;
	for (const name of key.startsWith('the ') ? [key, key.slice(4)] : [key]) {
		const named = english.get(name);
		if (named) return only(named);
		const foreign = other.get(name);
		if (foreign) return only(foreign);
	}
	return undefined;
}

/** Countries ranked for what a person types: exact code first, then exact name, alias, prefix, substring last. */
export function searchCountries(query: string): { code: string; name: string }[] {
	return rankOptions(query, countryIndex().options).map((o) => ({ code: o.code, name: o.label }));
}

/** Every country as a picker option (value: the code, label: the common name, aliases: its other names), by name. */
export function countryOptions(): readonly (SearchOption & { code: string })[] {
	return countryIndex().options;
}

/** The common English name (United Kingdom, United States, South Korea, Russia) shown beside a code. */
export function commonCountryName(code: string): string {
	return countryIndex().common.get(code.toUpperCase()) ?? code;
}
