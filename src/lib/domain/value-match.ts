// The near matches of a value the rules refuse in a column whose values come from a set (technicians, groups,
// countries, states, zones), best first, each with why it is offered, and every value a picker may offer.
// Pure: it runs on the page and in a worker.
import { commonCountryName, countryFromText, countryOptions } from './country-lookup';
import { subdivisionsOf } from './countries';
import { cleanEmail } from './fixers';
import { foldText, rankOptions, type SearchOption } from './option-search';
import { subdivisionFromText } from './subdivision-lookup';
import { CANONICAL_ZONES, judgeZone, UTC_ZONE, zonesForCountry } from './timezones';
import type { WorkspaceSnapshot } from './workspace';
import { zoneFromOffset, zoneFromWindowsName, type ZoneGuess } from './zone-lookup';

export type MatchColumn = 'AccountManager' | 'TechnicianGroups' | 'Country' | 'State' | 'Timezone';

export interface MatchCandidate {
	/** What the cell (or, for groups, the list item) becomes: an email, a group's name, a code, a zone. */
	value: string;
	/** How a picker shows it: `Alice Johnson · alice@msp.example`, `DE · Germany`, `BC · British Columbia`. */
	label: string;
	/** Why it is offered, in plain words: `initial and last name`, `word prefixes`, `2 letters differ`. */
	reason: string;
	/** Higher ranks first. */
	score: number;
	/** The one right answer: the single candidate of the strongest rule that matched (the admin still confirms). */
	certain?: boolean;
}

export interface MatchContext {
	workspace: WorkspaceSnapshot;
	/** The row's country code (normalised) and state (`BC`, `CA-BC`, or by name), for State and Timezone. */
	country?: string;
	state?: string;
}

/** A candidate and the rule that found it: certainty is decided per rule. */
type Found = MatchCandidate & { rule: string };
type Add = (rule: string, score: number, value: string, label: string, reason: string) => void;

/** How many results of an option search are kept: enough to fill a list after duplicates go. */
const SEARCH_DEPTH = 8;

export function nearMatches(column: MatchColumn, written: string, context: MatchContext, limit = 5): MatchCandidate[] {
	const found: Found[] = [];
	const add: Add = (rule, score, value, label, reason) => found.push({ rule, score, value, label, reason });
	const text = written.trim();
	if (text === '') return [];
	if (column === 'AccountManager') technicianMatches(text, technicianEntries(context.workspace), add);
	else if (column === 'TechnicianGroups') groupMatches(text, groupEntries(context.workspace), add);
	else if (column === 'Country') countryMatches(text, add);
	else if (column === 'State') stateMatches(text, upper(context.country), add);
	else zoneMatches(text, upper(context.country), context.state, add);
	return ranked(found, limit);
}

/** Best first, each value once (at its best score); the top one certain when no rival shares its rule or score. */
function ranked(found: Found[], limit: number): MatchCandidate[] {
	const sorted = found.map((f, i) => ({ f, i })).sort((a, b) => b.f.score - a.f.score || a.i - b.i);
	if (sorted.length === 0) return [];
	const top = sorted[0].f;
	const seen = new Set<string>();
	const result: MatchCandidate[] = [];
	for (const { f } of sorted) {
		if (seen.has(f.value)) continue;
		seen.add(f.value);
		if (result.length < limit) result.push({ value: f.value, label: f.label, reason: f.reason, score: f.score });
	}
	const rivalled = found.some((f) => f.value !== top.value && (f.rule === top.rule || f.score >= top.score));
	if (!rivalled && result.length > 0) result[0].certain = true;
	return result;
}

function upper(code: string | undefined): string | undefined {
	return code?.trim().toUpperCase() || undefined;
}

/** The words of a name, case and accents aside, split at spaces, dots, punctuation and camel case (SecOps). */
function wordsOf(text: string): string[] {
	const split = text.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2');
	return foldText(split.replace(/\./g, ' '))
		.split(' ')
		.filter((word) => word !== '');
}

/** Three rows of the edit-distance table, reused: a typo search compares thousands of names. */
let tableRows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Letters that differ between two texts (one added, dropped, changed, or two neighbours swapped), or
 * `max + 1` once more than `max` do: a bound keeps a search of every zone or country name cheap.
 */
function editDistance(a: string, b: string, max: number): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	if (a === b) return 0;
	// What both start and end with costs nothing: zone names share their area (`america `).
	let start = 0;
	while (start < a.length && start < b.length && a[start] === b[start]) start++;
	let end = 0;
	while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
	if (start > 0 || end > 0) return editDistance(a.slice(start, a.length - end), b.slice(start, b.length - end), max);
	if (tableRows[0].length <= b.length) tableRows = tableRows.map(() => new Int32Array(2 * b.length + 2));
	let [before, previous, current] = tableRows;
	for (let j = 0; j <= b.length; j++) previous[j] = j;
	for (let i = 1; i <= a.length; i++) {
		current[0] = i;
		let least = i;
		for (let j = 1; j <= b.length; j++) {
			let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
			current[j] = d;
			if (d < least) least = d;
		}
		if (least > max) return max + 1;
		[before, previous, current] = [previous, current, before];
	}
	return previous[b.length];
}

/** The typos a name of that length may carry and still be recognised: none in three letters, three in ten. */
function typosAllowed(length: number): number {
	return length <= 3 ? 0 : length <= 5 ? 1 : length <= 9 ? 2 : 3;
}

/** The edit distance of two names when small enough for their length, else undefined. */
function typos(written: string, name: string): number | undefined {
	const max = typosAllowed(Math.min(written.length, name.length));
	const d = editDistance(written, name, max);
	return d > 0 && d <= max ? d : undefined;
}

const TYPO_SCORE = 40;
const typoScore = (d: number) => TYPO_SCORE - 5 * d;
const typoReason = (d: number) => (d === 1 ? '1 letter differs' : `${d} letters differ`);

const titleCase = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

// ---- Technicians ----

interface TechnicianEntry {
	email: string;
	label: string;
	first: string;
	last: string;
	lastWords: string[];
	/** First and last name's words, space-separated, in both orders. */
	full: string;
	reversed: string;
	/** The email before `@`, as written (lower case) and as letters only. */
	local: string;
	localLetters: string;
	lastName: string;
}

const technicianCache = new WeakMap<WorkspaceSnapshot['technicians'], TechnicianEntry[]>();

function technicianEntries(workspace: WorkspaceSnapshot): TechnicianEntry[] {
	let entries = technicianCache.get(workspace.technicians);
	if (!entries) {
		entries = workspace.technicians.map((t) => {
			const firstWords = wordsOf(t.firstName);
			const lastWords = wordsOf(t.lastName);
			const local = t.email.slice(0, t.email.lastIndexOf('@')).toLowerCase();
			return {
				email: t.email,
				label: technicianLabel(t),
				first: firstWords.join(''),
				last: lastWords.join(''),
				lastWords,
				full: [...firstWords, ...lastWords].join(' '),
				reversed: [...lastWords, ...firstWords].join(' '),
				local,
				localLetters: wordsOf(local).join(''),
				lastName: t.lastName.trim()
			};
		});
		technicianCache.set(workspace.technicians, entries);
	}
	return entries;
}

function technicianLabel(t: WorkspaceSnapshot['technicians'][number]): string {
	const name = `${t.firstName} ${t.lastName}`.trim();
	return name ? `${name} · ${t.email}` : t.email;
}

function technicianMatches(text: string, technicians: TechnicianEntry[], add: Add) {
	const address = (cleanEmail(text) ?? text).toLowerCase();
	const at = address.lastIndexOf('@');
	if (at < 0) return nameMatches(text, technicians, add);
	const local = address.slice(0, at);
	for (const t of technicians) {
		const reason = address === t.email.toLowerCase() ? 'the email in it' : undefined;
		if (reason) add('email', 100, t.email, t.label, reason);
		else if (local === t.local) add('email', 96, t.email, t.label, 'same name before @');
		else {
			const d = typos(local, t.local);
			if (d !== undefined) add('typo', typoScore(d), t.email, t.label, `${typoReason(d)} before @`);
		}
	}
	nameMatches(local, technicians, add);
}

/** A technician written by name, by initial and name, by the email's name, or by a name alone. */
function nameMatches(text: string, technicians: TechnicianEntry[], add: Add) {
	// "Johnson, Alice" is Alice Johnson.
	const comma = /^([^,]+),([^,]+)$/.exec(text);
	const words = wordsOf(comma ? `${comma[2]} ${comma[1]}` : text);
	const letters = words.join('');
	if (letters === '') return;
	const lower = text.toLowerCase();
	for (const t of technicians) {
		if (letters === t.first + t.last || letters === t.last + t.first) add('full', 95, t.email, t.label, 'full name');
		if (lower === t.local) add('local', 96, t.email, t.label, 'email name');
		else if (letters === t.localLetters) add('local', 90, t.email, t.label, 'email name');
		const initial = t.first.charAt(0);
		if (initial && t.last && (letters === initial + t.last || letters === t.last + initial)) {
			add('initial', 85, t.email, t.label, 'initial and last name');
		}
		if (t.first && t.last && letters === t.first + t.last.charAt(0)) {
			add('initial', 80, t.email, t.label, 'first name and initial');
		}
		const d = typos(words.join(' '), t.full) ?? typos(words.join(' '), t.reversed);
		if (d !== undefined) add('typo', typoScore(d), t.email, t.label, typoReason(d));
	}
	// A name alone: certain only when one technician carries it (a part of a double name counts).
	const byLast = technicians.filter(
		(t) => t.last === letters || (t.lastWords.length > 1 && t.lastWords.includes(letters))
	);
	const whole = byLast.find((t) => t.last === letters);
	for (const t of byLast) {
		const name = whole?.lastName ?? titleCase(letters);
		if (byLast.length === 1) add('last', 70, t.email, t.label, `last name (the only ${name})`);
		else add('last', t === whole ? 50 : 45, t.email, t.label, `last name, shared by ${byLast.length} technicians`);
	}
	const byFirst = technicians.filter((t) => t.first === letters);
	for (const t of byFirst) {
		if (byFirst.length === 1) add('first', 60, t.email, t.label, `first name (the only ${titleCase(letters)})`);
		else add('first', 40, t.email, t.label, `first name, shared by ${byFirst.length} technicians`);
	}
}

// ---- Groups ----

interface GroupEntry {
	name: string;
	lower: string;
	words: string[];
	letters: string;
}

const groupCache = new WeakMap<WorkspaceSnapshot['groups'], GroupEntry[]>();

function groupEntries(workspace: WorkspaceSnapshot): GroupEntry[] {
	let entries = groupCache.get(workspace.groups);
	if (!entries) {
		entries = workspace.groups.map((g) => {
			const words = wordsOf(g.name);
			return { name: g.name, lower: g.name.trim().toLowerCase(), words, letters: words.join('') };
		});
		groupCache.set(workspace.groups, entries);
	}
	return entries;
}

type Shortening = 'prefixes' | 'abbreviation' | 'initials';

const SHORTENINGS: Record<Shortening, { score: number; reason: string }> = {
	prefixes: { score: 85, reason: 'word prefixes' },
	abbreviation: { score: 80, reason: 'abbreviated words' },
	initials: { score: 75, reason: 'initials of the words' }
};

/** `sv` in `service`: the same first letter, the others in order. */
function abbreviates(part: string, word: string): boolean {
	if (part.charAt(0) !== word.charAt(0)) return false;
	let at = 1;
	for (let i = 1; i < part.length; i++) {
		at = word.indexOf(part[i], at) + 1;
		if (at === 0) return false;
	}
	return true;
}

/**
 * How the written words shorten a group's words, each in turn: `Svc Desk`, `Network Ops`, `SecOps`, `secops`
 * (its letters split where they fit), `NOC`. Every group word must be shortened from its first letter, as
 * a prefix or an abbreviation (its letters in order, two or more left out); a written word break falls
 * between group words. Undefined when they do not.
 */
function shortening(words: string[], group: string[]): Shortening | undefined {
	const letters = words.join('');
	// Where a written word ends: a part of the letters never runs across it.
	const breaks = new Set<number>();
	let end = 0;
	for (const word of words) breaks.add((end += word.length));
	if (letters.length < (group.length === 1 ? 3 : 2)) return undefined;
	if (group.length > 1 && letters.length === group.length && group.every((w, j) => w.charAt(0) === letters[j])) {
		return 'initials';
	}
	// Best fit of letters[i..] to group[j..]: 2 when every part is a prefix, 1 when some is an abbreviation.
	const memo = new Map<number, number>();
	const fit = (i: number, j: number): number => {
		if (j === group.length) return i === letters.length ? 2 : 0;
		const key = i * (group.length + 1) + j;
		const known = memo.get(key);
		if (known !== undefined) return known;
		let best = 0;
		for (let k = i + 1; k <= letters.length; k++) {
			const part = letters.slice(i, k);
			const prefix = group[j].startsWith(part);
			// An abbreviation leaves out two letters at least: one left out is a typo (Helpdsk).
			if (!prefix && (part.length > group[j].length - 2 || !abbreviates(part, group[j]))) break;
			const rest = fit(k, j + 1);
			if (rest > 0) best = Math.max(best, Math.min(rest, prefix ? 2 : 1));
			if (breaks.has(k)) break;
		}
		memo.set(key, best);
		return best;
	};
	const best = fit(0, 0);
	return best === 2 ? 'prefixes' : best === 1 ? 'abbreviation' : undefined;
}

function groupMatches(text: string, groups: GroupEntry[], add: Add) {
	const words = wordsOf(text);
	const letters = words.join('');
	if (letters === '') return;
	const lower = text.toLowerCase();
	for (const g of groups) {
		if (g.lower === lower || g.letters === letters) {
			add('same', 100, g.name, g.name, 'same name');
			continue;
		}
		const kind = shortening(words, g.words);
		if (kind) {
			const { score, reason } = SHORTENINGS[kind];
			add(
				'shortened',
				score,
				g.name,
				g.name,
				g.words.length === 1 && kind === 'prefixes' ? 'start of the name' : reason
			);
		}
		// "Operations" is part of two groups' names: both are offered, neither certain.
		if (words.length < g.words.length && words.every((w) => w.length >= 3 && g.words.includes(w))) {
			add('part', 55, g.name, g.name, 'part of the name');
		}
		const d = typos(words.join(' '), g.words.join(' '));
		if (d !== undefined) add('typo', typoScore(d), g.name, g.name, typoReason(d));
	}
}

// ---- Countries, states and zones: lists searched by name ----

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
function searchMatches(text: string, options: readonly SearchOption[], words: NameWords, add: Add, labelOf: Labeler) {
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
const codeLabel: Labeler = (o) => `${o.value} · ${o.label}`;
const zoneLabel: Labeler = (o) => o.value;

const COUNTRY_WORDS: NameWords = { same: 'country name', noun: 'name' };
const STATE_WORDS: NameWords = { same: 'state or province name', noun: 'name' };
const ZONE_WORDS: NameWords = { same: 'city name', noun: 'zone name' };

function countryMatches(text: string, add: Add) {
	const code = countryFromText(text);
	if (code) {
		const reason = /^[a-z]{3}$/i.test(text) ? 'three-letter code' : 'country name';
		add('name', 95, code, `${code} · ${commonCountryName(code)}`, reason);
	}
	searchMatches(text, countryOptions(), COUNTRY_WORDS, add, codeLabel);
}

const stateLists = new Map<string, SearchOption[]>();

/** A country's subdivisions as options: the code after the hyphen, the name, the whole code as an alias. */
function stateOptions(country: string): SearchOption[] {
	let options = stateLists.get(country);
	if (!options) {
		options = subdivisionsOf(country).map((s) => ({ value: shortCode(s.code), label: s.name, aliases: [s.code] }));
		stateLists.set(country, options);
	}
	return options;
}

const shortCode = (code: string) => code.slice(code.indexOf('-') + 1);

function stateMatches(text: string, country: string | undefined, add: Add) {
	if (!country) return;
	const code = subdivisionFromText(country, text);
	const name = code && subdivisionsOf(country).find((s) => s.code === code)?.name;
	if (code && name) add('name', 95, shortCode(code), `${shortCode(code)} · ${name}`, 'state or province name');
	searchMatches(text, stateOptions(country), STATE_WORDS, add, codeLabel);
}

const zoneLists = new Map<string, SearchOption[]>();

/** A country's zones (every zone without one) as options, found by their city's name too. */
function zoneOptions(country: string | undefined): SearchOption[] {
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
 * CET, EST, MST: links to one city's zone (Brussels, Panama, Phoenix) that, for a row of another country or of
 * a state tz gives another zone (MST in Idaho), mean that region's zone with the same offset, as the rules judge.
 */
function isAbbreviationElsewhere(text: string, canonical: string, country?: string, state?: string): boolean {
	if (!country || text.includes('/') || canonical === UTC_ZONE) return false;
	const regional = zoneFromOffset(text, country, state);
	if (regional === undefined) return false;
	return !zonesForCountry(country).includes(canonical) || ('zone' in regional && regional.zone !== canonical);
}

function zoneMatches(text: string, country: string | undefined, stateText: string | undefined, add: Add) {
	const state = country && stateText ? subdivisionFromText(country, stateText) : undefined;
	const stateName = state && subdivisionsOf(country!).find((s) => s.code === state)?.name;
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

// ---- Pickers and keys ----

/** Every allowed value, for a picker: technicians by name, groups, countries, the country's states, its zones or all zones. */
export function allowedValues(column: MatchColumn, context: MatchContext): { value: string; label: string }[] {
	const country = upper(context.country);
	switch (column) {
		case 'AccountManager':
			return [...context.workspace.technicians]
				.sort((a, b) => `${a.firstName} ${a.lastName}`.localeCompare(`${b.firstName} ${b.lastName}`))
				.map((t) => ({ value: t.email, label: technicianLabel(t) }));
		case 'TechnicianGroups':
			return [...context.workspace.groups]
				.sort((a, b) => a.name.localeCompare(b.name))
				.map((g) => ({ value: g.name, label: g.name }));
		case 'Country':
			return countryOptions().map((o) => ({ value: o.value, label: codeLabel(o) }));
		case 'State':
			return country ? stateOptions(country).map((o) => ({ value: o.value, label: codeLabel(o) })) : [];
		case 'Timezone': {
			const zones = country ? zoneOptions(country) : [];
			return (zones.length > 0 ? zones : zoneOptions(undefined)).map((o) => ({ value: o.value, label: o.value }));
		}
	}
}

/** Case, accents and runs of spaces aside: `São  Paulo` and `sao paulo` are remembered as one. */
function keyText(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The key a match is remembered under: the column and the written value folded; for State the row's country,
 * for Timezone its country and state (whole code: `BC` and `CA-BC` are one).
 */
export function matchKey(
	column: MatchColumn,
	written: string,
	context: Pick<MatchContext, 'country' | 'state'>
): string {
	const parts: string[] = [column, keyText(written)];
	const country = upper(context.country) ?? '';
	if (column === 'State' || column === 'Timezone') parts.push(country);
	if (column === 'Timezone') {
		const state = upper(context.state) ?? '';
		parts.push(state === '' || state.startsWith(`${country}-`) ? state : `${country}-${state}`);
	}
	return JSON.stringify(parts);
}
