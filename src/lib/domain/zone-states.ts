// Which zones cover which ISO 3166-2 subdivisions of a country, for its most areas or a part, read from
// zone1970.tab's comments (`moment-timezone`'s data file, not moment itself). Built per country on its first call.
import { zones as tzComments } from 'moment-timezone/data/meta/latest.json';
import { normaliseSubdivision, subdivisionsOf } from './countries';
import { zonesForCountry } from './timezones';

/** A zone whose zone1970.tab comment names a state: for its most areas ("ON", "BC (most areas)") or a part. */
export interface StateZone {
	zone: string;
	most: boolean;
}

export interface CountryStates {
	/** Subdivision code (CA-BC) → the country's zones whose comment names it. */
	byState: Map<string, StateZone[]>;
	/** The country's zones whose comment names no subdivision ("Eastern (most areas)", "Pacific"). */
	general: Set<string>;
}

const statesByCountry = new Map<string, CountryStates>();
const tzComment = tzComments as Record<string, { comments?: string } | undefined>;

/** A country's (alpha-2, upper case) zones by the subdivisions their comments name, and those naming none. */
export function stateZonesOf(country: string): CountryStates {
	let states = statesByCountry.get(country);
	if (!states) {
		states = { byState: new Map(), general: new Set() };
		const names = subdivisionNames(country);
		const escaped = [...names.keys()]
			.sort((a, b) => b.length - a.length)
			.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
		const pattern = new RegExp(escaped.join('|') || '(?!)', 'g');
		for (const zone of zonesForCountry(country)) {
			const found = statesIn(plain(tzComment[zone]?.comments ?? ''), country, names, pattern);
			if (found.size === 0) states.general.add(zone);
			for (const [state, most] of found) {
				let list = states.byState.get(state);
				if (!list) states.byState.set(state, (list = []));
				list.push({ zone, most });
			}
		}
		statesByCountry.set(country, states);
	}
	return states;
}

/** Without accents: "Pará" in a comment meets iso-3166's "Pará" or "Para" alike (Latin's combining marks). */
function plain(text: string): string {
	return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * A country's subdivision names as a comment may write them, lower-cased → code: the whole name, the name
 * without a bracketed note, each half of "A / B" or "A and B" ("Newfoundland", "Labrador"). A name two
 * subdivisions share is left out.
 */
function subdivisionNames(country: string): Map<string, string> {
	const codes = new Map<string, string | null>();
	for (const { code, name } of subdivisionsOf(country)) {
		const bare = plain(name).replace(/\s*\([^)]*\)/g, '');
		for (const variant of [plain(name), bare, ...bare.split(/\s*\/\s*|\s+and\s+/)]) {
			const key = variant.trim().toLowerCase();
			if (key.length >= 3) codes.set(key, codes.has(key) && codes.get(key) !== code ? null : code);
		}
	}
	return new Map([...codes].filter((entry): entry is [string, string] => entry[1] !== null));
}

/** A letter (of any script with case: tz comments are Latin) or digit. */
function isWordChar(char: string | undefined): boolean {
	return char !== undefined && (/\d/.test(char) || char.toLowerCase() !== char.toUpperCase());
}

/** Between the places a comment lists: `,` `;` `:` `&` `/`, a bracket, or a spaced dash. */
const SEPARATOR = /[,;:&/()]|\s-\s/g;

/** Whether a state's bracket covers it whole: "(most areas)", or tz's own codes for it ("Salta (SA, LP, NQ)"). */
function coversMost(note: string): boolean {
	const codes = note.trim().split(/,\s*/);
	const compass = codes.every((c) => /^[NSEW]{1,3}$/.test(c));
	return /^most areas$/i.test(note.trim()) || (!compass && codes.every((c) => /^[A-Z]{2,3}$/.test(c)));
}

/**
 * The subdivisions a zone's comment names, by name or 2–3 letter code, each with whether the zone covers the
 * state's most areas: "Eastern - ON & QC (most areas)", "EST - Manitoba" do; "ON (northwest)", "BC(E)",
 * "Creston BC", "Alaska - Juneau area" name a part. A state's bracket is not read for other states: "MI
 * (Wisconsin border)" says nothing of Wisconsin.
 */
function statesIn(comment: string, country: string, names: Map<string, string>, pattern: RegExp): Map<string, boolean> {
	const found: { start: number; end: number; code: string }[] = [];
	// Names are matched in lower case, their word bounds checked here: a Unicode-aware pattern (case-insensitive,
	// \p{L}) costs more to compile on the first call than the whole look-up.
	const lower = comment.toLowerCase();
	for (const m of lower.matchAll(pattern)) {
		const end = m.index + m[0].length;
		if (!isWordChar(lower[m.index - 1]) && !isWordChar(lower[end])) {
			found.push({ start: m.index, end, code: names.get(m[0])! });
		}
	}
	for (const m of comment.matchAll(/\b[A-Z]{2,3}\b/g)) {
		const code = normaliseSubdivision(m[0], country);
		const end = m.index + m[0].length;
		if (code && !found.some((f) => f.start < end && m.index < f.end)) found.push({ start: m.index, end, code });
	}
	found.sort((a, b) => a.start - b.start);
	const states = new Map<string, boolean>();
	let noteEnd = -1;
	for (const { start, end, code } of found) {
		if (start < noteEnd) continue;
		const before = comment.slice(0, start);
		const itemStart = Math.max(0, ...[...before.matchAll(SEPARATOR)].map((s) => s.index + s[0].length));
		const note = /^\s*\(([^)]*)\)/.exec(comment.slice(end));
		if (note) noteEnd = end + note[0].length;
		const alone =
			before.slice(itemStart).trim() === '' && /^\s*(?:[,;:&/)]|$)/.test(comment.slice(Math.max(end, noteEnd)));
		states.set(code, states.get(code) || (alone && (!note || coversMost(note[1]))));
	}
	return states;
}
