// Which tz zone a cell means when it holds a Windows zone (Eastern Standard Time), a UTC offset (UTC+05:30) or
// an abbreviation (CET), for the row's country and state. Never a silent guess: several fitting zones give choices.
// Windows zones come from CLDR's windowsZones (`windows-iana`); offsets and abbreviations from `@vvo/tzdb`;
// which zones cover a state from zone1970.tab's comments (`moment-timezone`'s data file, not moment itself);
// old names are mapped through judgeZone. The maps are built on the first call.
import { getTimezone } from 'countries-and-timezones';
import { rawTimeZones } from '@vvo/tzdb';
import { zones as tzComments } from 'moment-timezone/data/meta/latest.json';
import { WINDOWS_TO_IANA_MAP } from 'windows-iana';
import { normaliseSubdivision, subdivisionsOf } from './countries';
import { subdivisionFromText } from './subdivision-lookup';
import { CANONICAL_ZONES, UTC_ZONE, judgeZone, zonesForCountry } from './timezones';

export type ZoneGuess = { zone: string } | { choices: string[] } | undefined;

/** The canonical zone for a name the tz database knows (Asia/Calcutta → Asia/Kolkata), else undefined. */
function canonicalZone(name: string): string | undefined {
	const verdict = judgeZone(name);
	if (verdict.kind === 'valid') return name;
	if (verdict.kind === 'unknown') return undefined;
	return judgeZone(verdict.canonical).kind === 'valid' ? verdict.canonical : undefined;
}

const countryZones = new Map<string, Set<string>>();

function zonesOf(country: string): Set<string> {
	let zones = countryZones.get(country);
	if (!zones) countryZones.set(country, (zones = new Set(zonesForCountry(country))));
	return zones;
}

function guess(zones: Iterable<string>): ZoneGuess {
	const list = [...new Set(zones)];
	if (list.length === 0) return undefined;
	return list.length === 1 ? { zone: list[0] } : { choices: list };
}

// ---- Windows zones ----

/** Windows zone id, lower-cased → territory (alpha-2, or "001" for the zone's default) → its tz names. */
let windowsZones: Map<string, Map<string, readonly string[]>> | undefined;

function windowsKey(text: string): string {
	return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

function windowsIndex(): Map<string, Map<string, readonly string[]>> {
	if (!windowsZones) {
		windowsZones = new Map();
		for (const { windowsName, territory, iana } of WINDOWS_TO_IANA_MAP) {
			const key = windowsKey(windowsName);
			let territories = windowsZones.get(key);
			if (!territories) windowsZones.set(key, (territories = new Map()));
			territories.set(territory, iana);
		}
	}
	return windowsZones;
}

/** A Windows display name: "(UTC-08:00) Pacific Time (US & Canada)", "(UTC) Coordinated Universal Time". */
const DISPLAY_NAME = /^\(\s*(?:UTC|GMT)\s*([+\-−]\s*\d{1,2}(?::?\d{2})?)?\s*\)\s*(.+)$/i;

/** The Windows zone a description names: "Eastern Time (US & Canada)", "Eastern Time" → Eastern Standard Time. */
function windowsZoneNamed(description: string): Map<string, readonly string[]> | undefined {
	const named = /^(.+?) Time\b/i.exec(description.trim());
	return named ? windowsIndex().get(windowsKey(`${named[1]} Standard Time`)) : undefined;
}

/** The standard offset of a Windows zone's default ("001") zone: the offset Windows writes in its display name. */
function windowsOffset(territories: Map<string, readonly string[]>): number | undefined {
	return offsetOf(canonicalZone(territories.get('001')?.[0] ?? '') ?? '');
}

/**
 * A Windows time zone id ("Eastern Standard Time", "W. Europe Standard Time") or display name
 * ("(UTC-08:00) Pacific Time (US & Canada)") → the tz zone for the row's country and state.
 * - With a country: CLDR's zone for that Windows zone and territory, the first of its list (as ICU's
 *   getIDForWindowsID picks it): America/Toronto for CA, America/New_York for US. undefined when CLDR has no
 *   zone of that country for the Windows zone. With a state (code or name: BC, CA-BC, British Columbia), the
 *   zone tz gives that state (see `byState`): America/Phoenix for Mountain Standard Time in US-AZ.
 * - Without one: the Windows zone's territory "001" default.
 * - A display name carries no id, only its offset and a description no package maps: its description is read
 *   for the Windows id it names ("Eastern Time" → Eastern Standard Time), checked against the offset of that
 *   Windows zone's default zone (Windows' own offset: "(UTC-08:00) Pacific Time" stays right for British
 *   Columbia, whose tz zone has moved to -07:00), or for a city of the country's zones checked against the
 *   city's offset; else it is read as its offset alone. A description without its offset ("Pacific Time") is
 *   read only in a row with a state.
 * undefined when the text is not a Windows zone, or CLDR's zone is not one the template accepts (Etc/GMT+12).
 */
export function zoneFromWindowsName(text: string, country: string | undefined, state?: string): ZoneGuess {
	const code = country?.trim().toUpperCase() || undefined;
	const region = code && state ? subdivisionFromText(code, state) : undefined;
	const territories = windowsIndex().get(windowsKey(text));
	if (territories) return fromWindowsZone(territories, code, region);
	const display = DISPLAY_NAME.exec(text.trim());
	if (!display) {
		const named = region ? windowsZoneNamed(text) : undefined;
		return named && fromWindowsZone(named, code, region);
	}
	const minutes = parseOffset(display[1] ?? '+0') ?? NaN;
	return fromDisplayName(display[2], minutes, code, region) ?? zonesWithOffset(minutes, code, false, region);
}

function fromWindowsZone(
	territories: Map<string, readonly string[]>,
	code: string | undefined,
	region: string | undefined
): ZoneGuess {
	if (!code) {
		const zone = canonicalZone(territories.get('001')?.[0] ?? '');
		return zone ? { zone } : undefined;
	}
	const own = zonesOf(code);
	const listed = (territories.get(code) ?? []).map(canonicalZone).filter((z): z is string => !!z && own.has(z));
	const national = listed.length > 0 ? { zone: listed[0] } : undefined;
	return region ? byState(listed, [windowsOffset(territories)], code, region, national) : national;
}

/**
 * What a display name's description says beyond its offset, checked against that offset: "Eastern Time (US &
 * Canada)" is the Windows zone "Eastern Standard Time"; "Amsterdam, Berlin, Bern, Rome" lists cities, one of
 * which may name the row's country's zone. Undefined when neither gives a zone with the offset.
 */
function fromDisplayName(
	description: string,
	minutes: number,
	code: string | undefined,
	region: string | undefined
): ZoneGuess {
	const id = windowsIndex().get(windowsKey(description));
	if (id) return fromWindowsZone(id, code, region);
	const named = windowsZoneNamed(description);
	if (named) {
		const found = fromWindowsZone(named, code, region);
		const zoneOffset = found && 'zone' in found ? offsetOf(found.zone) : undefined;
		if (found && (windowsOffset(named) === minutes || zoneOffset === minutes)) return found;
	}
	if (!code) return undefined;
	const fold = (name: string) => name.replace(/_/g, ' ').trim().toLowerCase();
	const cities = new Set(description.split(/,|\band\b/).map(fold));
	const zones = [...zonesOf(code)].filter((zone) => cities.has(fold(zone.slice(zone.lastIndexOf('/') + 1))));
	return zones.length === 1 && offsetOf(zones[0]) === minutes ? { zone: zones[0] } : undefined;
}

// ---- Offsets and abbreviations ----

interface ZoneTimes {
	zone: string;
	/** Standard offset in minutes. */
	offset: number;
	abbreviation?: string;
	dstAbbreviation?: string;
	/** The most populated zone of its @vvo/tzdb group: listed first among choices. */
	principal: boolean;
}

let zoneTimes: ZoneTimes[] | undefined;
let offsets: Map<string, number> | undefined;

/**
 * Every canonical zone with its standard offset (countries-and-timezones) and abbreviations (@vvo/tzdb, shared by
 * its group's zones). Where @vvo/tzdb's own standard offset disagrees (it files a few zones, Winnipeg, Havana,
 * Casablanca, at their summer offset) its abbreviations are not trusted and the zone has none.
 */
function timesIndex(): ZoneTimes[] {
	if (!zoneTimes) {
		const byZone = new Map<string, ZoneTimes>();
		for (const zone of CANONICAL_ZONES) {
			const offset = getTimezone(zone)?.utcOffset;
			if (offset !== undefined) byZone.set(zone, { zone, offset, principal: false });
		}
		for (const raw of rawTimeZones) {
			for (const member of raw.group) {
				const times = byZone.get(member);
				if (!times || times.abbreviation || times.offset !== raw.rawOffsetInMinutes) continue;
				times.abbreviation = raw.abbreviation;
				times.dstAbbreviation = raw.dstAbbreviation;
				times.principal = member === raw.name;
			}
		}
		zoneTimes = [...byZone.values()].sort(
			(a, b) => Number(b.principal) - Number(a.principal) || (a.zone < b.zone ? -1 : 1)
		);
	}
	return zoneTimes;
}

/** A canonical zone's standard offset in minutes. */
function offsetOf(zone: string): number | undefined {
	offsets ??= new Map(timesIndex().map((t) => [t.zone, t.offset]));
	return offsets.get(zone);
}

/** "UTC+05:30", "GMT+1", "+0530", "UTC-8", "UTC", "GMT" → minutes east of UTC; undefined for anything else. */
function parseOffset(text: string): number | undefined {
	const match = /^(?:UTC|GMT)?\s*(?:([+\-−])\s*(\d{1,2})(?:[:.]?(\d{2}))?)?$/i.exec(text.trim());
	if (!match || !text.trim()) return undefined;
	if (!match[1]) return /^(UTC|GMT)$/i.test(text.trim()) ? 0 : undefined;
	const hours = Number(match[2]);
	const minutes = Number(match[3] ?? 0);
	if (hours > 14 || minutes >= 60) return undefined;
	return (match[1] === '+' ? 1 : -1) * (hours * 60 + minutes);
}

function zonesWithOffset(
	minutes: number,
	country: string | undefined,
	utcWithoutCountry: boolean,
	region?: string
): ZoneGuess {
	if (Number.isNaN(minutes)) return undefined;
	if (!country) {
		if (minutes === 0 && utcWithoutCountry) return { zone: UTC_ZONE };
		return guess(
			timesIndex()
				.filter((t) => t.offset === minutes)
				.map((t) => t.zone)
		);
	}
	const own = zonesOf(country);
	const fits = timesIndex()
		.filter((t) => t.offset === minutes && own.has(t.zone))
		.map((t) => t.zone);
	return region ? byState(fits, [minutes], country, region, guess(fits)) : guess(fits);
}

/**
 * A UTC offset or abbreviation ("UTC+05:30", "GMT+1", "+0530", "UTC-8", "CET", "EST", "IST", "CEST", "BST") →
 * the country's one zone with that standard offset, or whose standard or summer abbreviation it is ({zone});
 * { choices } when several of the country's zones fit, or when no country is given and several zones do (IST:
 * India, Israel, Ireland); an offset of 0 without a country is Etc/UTC. With a state (code or name), the zone
 * tz gives that state among them (see `byState`): MST in US-AZ is America/Phoenix. undefined when the text is
 * not an offset or abbreviation, or no zone of the country fits. A bare offset is a standard one: "UTC+1" is
 * not London.
 */
export function zoneFromOffset(text: string, country: string | undefined, state?: string): ZoneGuess {
	const code = country?.trim().toUpperCase() || undefined;
	const region = code && state ? subdivisionFromText(code, state) : undefined;
	const minutes = parseOffset(text);
	if (minutes !== undefined) return zonesWithOffset(minutes, code, true, region);
	const abbreviation = text.trim().toUpperCase();
	if (!/^[A-Z]{2,5}$/.test(abbreviation)) return undefined;
	const own = code ? zonesOf(code) : undefined;
	const named = timesIndex().filter((t) => t.abbreviation === abbreviation || t.dstAbbreviation === abbreviation);
	if (named.length === 0) return undefined;
	const fits = named.filter((t) => !own || own.has(t.zone)).map((t) => t.zone);
	if (!code || !region) return guess(fits);
	return byState(
		fits,
		named.map((t) => t.offset),
		code,
		region,
		guess(fits)
	);
}

// ---- States: the zones tz gives a subdivision ----

/** A zone whose zone1970.tab comment names a state: for its most areas ("ON", "BC (most areas)") or a part. */
interface StateZone {
	zone: string;
	most: boolean;
}

interface CountryStates {
	/** Subdivision code (CA-BC) → the country's zones whose comment names it. */
	byState: Map<string, StateZone[]>;
	/** The country's zones whose comment names no subdivision ("Eastern (most areas)", "Pacific"). */
	general: Set<string>;
}

const statesByCountry = new Map<string, CountryStates>();
const tzComment = tzComments as Record<string, { comments?: string } | undefined>;

/**
 * Which of a state's zones fit a text: one of `fits` (the text's zones in the country, best first) → that zone;
 * none → the state's zones with one of the text's standard `offsets` (a Windows zone's: its default zone's):
 * one → that zone; several → choices, the zones covering the state's most areas first. A state tz names only in
 * part ("ND (Oliver)") lies mostly in the country's general zones: among choices, those of the country-level
 * answer come first. The country-level answer (`national`) when the state gives nothing.
 */
function byState(
	fits: readonly string[],
	offsets: readonly (number | undefined)[],
	country: string,
	state: string,
	national: ZoneGuess
): ZoneGuess {
	const { byState: zonesByState, general } = statesOf(country);
	const zones = zonesByState.get(state) ?? [];
	const fit = (zone: string) => fits.includes(zone) || offsets.some((o) => o !== undefined && o === offsetOf(zone));
	const named = zones.filter((z) => fits.includes(z.zone));
	if (named.length === 1) return { zone: named[0].zone };
	const fitting = zones.filter((z) => named.includes(z) || fit(z.zone));
	if (fitting.length <= 1) return fitting.length === 1 ? { zone: fitting[0].zone } : national;
	const rank = (z: StateZone) => Number(!z.most) * 2 + Number(!named.includes(z));
	const ordered = fitting.sort((a, b) => rank(a) - rank(b) || fits.indexOf(a.zone) - fits.indexOf(b.zone));
	const nationalZones = !national ? [] : 'zone' in national ? [national.zone] : national.choices;
	const first = zones.some((z) => z.most) ? [] : nationalZones.filter((zone) => general.has(zone) && fit(zone));
	return guess([...first, ...ordered.map((z) => z.zone)]);
}

function statesOf(country: string): CountryStates {
	let states = statesByCountry.get(country);
	if (!states) {
		states = { byState: new Map(), general: new Set() };
		const names = subdivisionNames(country);
		const escaped = [...names.keys()]
			.sort((a, b) => b.length - a.length)
			.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
		const pattern = new RegExp(escaped.join('|') || '(?!)', 'g');
		for (const zone of zonesOf(country)) {
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
