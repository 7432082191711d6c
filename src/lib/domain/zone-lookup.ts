// Which tz zone a cell means when it holds a Windows zone (Eastern Standard Time), a UTC offset (UTC+05:30) or
// an abbreviation (CET), for the row's country and state. Never a silent guess: several fitting zones give choices.
// Windows zones come from CLDR's windowsZones (`windows-iana`); offsets and abbreviations from `@vvo/tzdb`;
// which zones cover a state from `zone-states`; old names are mapped through judgeZone. The maps are built on the
// first call.
import { getTimezone } from 'countries-and-timezones';
import { rawTimeZones } from '@vvo/tzdb';
import { WINDOWS_TO_IANA_MAP } from 'windows-iana';
import { subdivisionFromText } from './subdivision-lookup';
import { CANONICAL_ZONES, UTC_ZONE, judgeZone, zonesForCountry } from './timezones';
import { stateZonesOf, type StateZone } from './zone-states';

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

/**
 * Whether a link is an offset or abbreviation (no area/city: CET, EST, MST link to one city's zone, Brussels,
 * Panama, Phoenix) that means another zone for the row: its target is not a zone of the row's country, or not
 * the one zone the offset gives the row's state (MST in Idaho is America/Boise). False without a country.
 */
export function isAbbreviationElsewhere(link: string, canonical: string, country?: string, state?: string): boolean {
	if (!country || link.includes('/') || canonical === UTC_ZONE) return false;
	const regional = zoneFromOffset(link, country, state);
	if (regional === undefined) return false;
	return !zonesOf(country).has(canonical) || ('zone' in regional && regional.zone !== canonical);
}

// ---- States: the zone tz gives a subdivision ----

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
	const { byState: zonesByState, general } = stateZonesOf(country);
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
