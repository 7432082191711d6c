// The near matches of a country, state or time zone: the lists searched by name, code, city or a typo, and a
// zone written as a Windows name, offset, abbreviation or old name, for the row's country and state.
import { commonCountryName, countryFromText, countryOptions } from './country-lookup';
import { subdivisionsOf } from './countries';
import { editDistance } from './edit-distance';
import { typoReason, typosAllowed, typoScore, type AddMatch } from './match-scoring';
import { foldText, rankOptions, type SearchOption } from './option-search';
import { subdivisionFromText } from './subdivision-lookup';
import { CANONICAL_ZONES, judgeZone, zonesForCountry } from './timezones';
import { isAbbreviationElsewhere, zoneFromOffset, zoneFromWindowsName, type ZoneGuess } from './zone-lookup';

/** How many results of an option search are kept: enough to fill a list after duplicates go. */
const SEARCH_DEPTH = 8;

/** What a search's reasons call an option's name, and its name when found exactly. */
interface NameWords {
	same: string;
	noun: string;
}

/** Every name an option is found by, folded once. */
const foldedNames = new WeakMap<SearchOption, string[]>();

function namesOf(option: SearchOption): string[] {
	let names = foldedNames.get(option);
	if (!names) foldedNames.set(option, (names = [option.label, ...(option.aliases ?? [])].map(foldText)));
	return names;
}

/** An options list's names by length, with their letters' masks: what a typo search reads, made once per list. */
type NamesByLength = Map<number, { name: string; mask: number; option: SearchOption }[]>;

const namesByLength = new WeakMap<readonly SearchOption[], NamesByLength>();

function typoIndex(options: readonly SearchOption[]): NamesByLength {
	let index = namesByLength.get(options);
	if (!index) {
		index = new Map();
		for (const option of options) {
			for (const name of namesOf(option)) {
				let names = index.get(name.length);
				if (!names) index.set(name.length, (names = []));
				names.push({ name, mask: letterMask(name), option });
			}
		}
		namesByLength.set(options, index);
	}
	return index;
}

/** Which letters a text has, hashed into 31 bits: each typo changes at most two of them. */
function letterMask(text: string): number {
	let mask = 0;
	for (let i = 0; i < text.length; i++) mask |= 1 << (text.charCodeAt(i) % 31);
	return mask;
}

function bitCount(mask: number): number {
	let count = 0;
	for (let m = mask; m !== 0; m &= m - 1) count++;
	return count;
}

/**
 * Why a search found an option, in words, or undefined for a short query found inside a word (`uk` in
 * Luxembourg): the checks `rankOptions` ranks by, told apart coarsely.
 */
function searchReason(query: string, names: string[], words: NameWords): string | undefined {
	if (names.includes(query)) return words.same;
	if (names.some((name) => name.startsWith(query))) return `start of the ${words.noun}`;
	if (names.some((name) => name.includes(` ${query}`))) return `start of a word of the ${words.noun}`;
	const parts = query.split(' ');
	if (parts.length > 1 && names.some((name) => parts.every((part) => ` ${name}`.includes(` ${part}`)))) {
		return `start of each word of the ${words.noun}`;
	}
	return query.length >= 4 ? `part of the ${words.noun}` : undefined;
}

/** An option search's results, ranked by their place in it, and the names a typo away from what was written. */
function searchMatches(
	text: string,
	options: readonly SearchOption[],
	words: NameWords,
	add: AddMatch,
	labelOf: Labeler
) {
	const query = foldText(text);
	if (query.length < 2) return;
	rankOptions(text, options)
		.slice(0, SEARCH_DEPTH)
		.forEach((o, i) => {
			const reason = searchReason(query, namesOf(o), words);
			if (reason) add('search', 60 - i / 100, o.value, labelOf(o), reason);
		});
	// Only names of a length within three of the query's, and with nearly its letters, are compared.
	const mask = letterMask(query);
	const least = new Map<SearchOption, number>();
	const index = typoIndex(options);
	for (let length = Math.max(1, query.length - 3); length <= query.length + 3; length++) {
		for (const { name, mask: letters, option } of index.get(length) ?? []) {
			const max = typosAllowed(Math.min(query.length, length));
			if (Math.abs(query.length - length) > max || bitCount(mask ^ letters) > 2 * max) continue;
			const d = editDistance(query, name, max);
			if (d > 0 && d <= max && d < (least.get(option) ?? Infinity)) least.set(option, d);
		}
	}
	for (const option of options) {
		const d = least.get(option);
		if (d !== undefined) add('typo', typoScore(d), option.value, labelOf(option), typoReason(d));
	}
}

type Labeler = (option: SearchOption) => string;
export const codeLabel: Labeler = (o) => `${o.value} · ${o.label}`;
const zoneLabel: Labeler = (o) => o.value;

const COUNTRY_WORDS: NameWords = { same: 'country name', noun: 'name' };
const STATE_WORDS: NameWords = { same: 'state or province name', noun: 'name' };
const ZONE_WORDS: NameWords = { same: 'city name', noun: 'zone name' };

/** The countries a written value may mean: by code or name, found in the list, or a typo away. */
export function countryMatches(text: string, add: AddMatch) {
	const code = countryFromText(text);
	if (code) {
		const reason = /^[a-z]{3}$/i.test(text) ? 'three-letter code' : 'country name';
		add('name', 95, code, `${code} · ${commonCountryName(code)}`, reason);
	}
	searchMatches(text, countryOptions(), COUNTRY_WORDS, add, codeLabel);
}

const stateLists = new Map<string, SearchOption[]>();

/** A country's subdivisions as options: the code after the hyphen, the name, the whole code as an alias. */
export function stateOptions(country: string): SearchOption[] {
	let options = stateLists.get(country);
	if (!options) {
		options = subdivisionsOf(country).map((s) => ({ value: shortCode(s.code), label: s.name, aliases: [s.code] }));
		stateLists.set(country, options);
	}
	return options;
}

const shortCode = (code: string) => code.slice(code.indexOf('-') + 1);

/** A subdivision's name by its whole code (CA-BC → British Columbia). */
const subdivisionName = (country: string, code: string) => subdivisionsOf(country).find((s) => s.code === code)?.name;

/** The country's states a written value may mean: by code or name, found in the list, or a typo away. */
export function stateMatches(text: string, country: string | undefined, add: AddMatch) {
	if (!country) return;
	const code = subdivisionFromText(country, text);
	const name = code && subdivisionName(country, code);
	if (code && name) add('name', 95, shortCode(code), `${shortCode(code)} · ${name}`, 'state or province name');
	searchMatches(text, stateOptions(country), STATE_WORDS, add, codeLabel);
}

const zoneLists = new Map<string, SearchOption[]>();

/** A country's zones (every zone without one) as options, found by their city's name too. */
export function zoneOptions(country: string | undefined): SearchOption[] {
	const key = country ?? '';
	let options = zoneLists.get(key);
	if (!options) {
		const zones = country ? zonesForCountry(country) : CANONICAL_ZONES;
		options = zones.map((zone) => ({ value: zone, label: zone, aliases: [zone.slice(zone.lastIndexOf('/') + 1)] }));
		zoneLists.set(key, options);
	}
	return options;
}

/**
 * The zones a written value may mean for the row's country and state: its own zone under another case or an
 * old name, a Windows zone, an offset or abbreviation, a zone or city found in the list, or a typo away.
 */
export function zoneMatches(text: string, country: string | undefined, stateText: string | undefined, add: AddMatch) {
	const state = country && stateText ? subdivisionFromText(country, stateText) : undefined;
	const stateName = state && subdivisionName(country!, state);
	const where = country ? ` for ${[commonCountryName(country), stateName].filter(Boolean).join(', ')}` : '';
	const verdict = judgeZone(text);
	if (verdict.kind === 'wrong-case') add('name', 100, verdict.canonical, verdict.canonical, 'same zone, other case');
	if (verdict.kind === 'link' && !isAbbreviationElsewhere(text, verdict.canonical, country, state)) {
		add('name', 100, verdict.canonical, verdict.canonical, 'old name of this zone');
	}
	const guesses: [ZoneGuess, string, number][] = [
		[zoneFromWindowsName(text, country, state), `Windows zone${where}`, 95],
		[zoneFromOffset(text, country, state), `${/^[a-z]{2,5}$/i.test(text) ? 'abbreviation' : 'UTC offset'}${where}`, 90]
	];
	for (const [guess, reason, score] of guesses) {
		if (guess && 'zone' in guess) add(reason, score, guess.zone, guess.zone, reason);
		// Several zones fit: each offered a little lower, in the lookup's order (the principal zone first).
		else
			guess?.choices.forEach((z, i) =>
				add(reason, score - 25 - i / 100, z, z, `${reason}, one of ${guess.choices.length}`)
			);
	}
	searchMatches(text, zoneOptions(country), ZONE_WORDS, add, zoneLabel);
}
