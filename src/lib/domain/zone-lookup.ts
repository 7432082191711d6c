// Which tz zone a cell means when it holds a Windows zone (Eastern Standard Time), a UTC offset (UTC+05:30) or
// an abbreviation (CET), for the row's country. Never a silent guess: several fitting zones give choices.
// Windows zones come from CLDR's windowsZones (`windows-iana`); offsets and abbreviations from `@vvo/tzdb`;
// old names are mapped through judgeZone. The maps are built on the first call.
import { getTimezone } from 'countries-and-timezones';
import { rawTimeZones } from '@vvo/tzdb';
import { WINDOWS_TO_IANA_MAP } from 'windows-iana';
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

/**
 * A Windows time zone id ("Eastern Standard Time", "W. Europe Standard Time") or display name
 * ("(UTC-08:00) Pacific Time (US & Canada)") → the tz zone for the row's country.
 * - With a country: CLDR's zone for that Windows zone and territory, the first of its list (as ICU's
 *   getIDForWindowsID picks it): America/Toronto for CA, America/New_York for US. undefined when CLDR has no
 *   zone of that country for the Windows zone.
 * - Without one: the Windows zone's territory "001" default.
 * - A display name carries no id, only its offset and a description no package maps: its description is read
 *   for the Windows id it names ("Eastern Time" → Eastern Standard Time) or a city of the country's zones,
 *   either checked against the offset; else it is read as its offset alone.
 * undefined when the text is not a Windows zone, or CLDR's zone is not one the template accepts (Etc/GMT+12).
 */
export function zoneFromWindowsName(text: string, country: string | undefined): ZoneGuess {
	const territories = windowsIndex().get(windowsKey(text));
	if (!territories) {
		const display = DISPLAY_NAME.exec(text.trim());
		if (!display) return undefined;
		if (windowsIndex().has(windowsKey(display[2]))) return zoneFromWindowsName(display[2], country);
		const minutes = parseOffset(display[1] ?? '+0') ?? NaN;
		return fromDisplayName(display[2], minutes, country) ?? zonesWithOffset(minutes, country, false);
	}
	const code = country?.trim().toUpperCase();
	if (!code) {
		const zone = canonicalZone(territories.get('001')?.[0] ?? '');
		return zone ? { zone } : undefined;
	}
	const own = zonesOf(code);
	const listed = (territories.get(code) ?? []).map(canonicalZone).filter((z): z is string => !!z && own.has(z));
	if (listed.length === 0) return undefined;
	return { zone: listed[0] };
}

/**
 * What a display name's description says beyond its offset, checked against that offset: "Eastern Time (US &
 * Canada)" is the Windows zone "Eastern Standard Time"; "Amsterdam, Berlin, Bern, Rome" lists cities, one of
 * which may name the row's country's zone. Undefined when neither gives exactly one zone with the offset.
 */
function fromDisplayName(description: string, minutes: number, country: string | undefined): ZoneGuess {
	const hasOffset = (zone: string) => timesIndex().find((t) => t.zone === zone)?.offset === minutes;
	const named = /^(.+?) Time\b/i.exec(description);
	const id = named && `${named[1]} Standard Time`;
	if (id && windowsIndex().has(windowsKey(id))) {
		const found = zoneFromWindowsName(id, country);
		if (found && 'zone' in found && hasOffset(found.zone)) return found;
	}
	const code = country?.trim().toUpperCase();
	if (!code) return undefined;
	const fold = (name: string) => name.replace(/_/g, ' ').trim().toLowerCase();
	const cities = new Set(description.split(/,|\band\b/).map(fold));
	const zones = [...zonesOf(code)].filter((zone) => cities.has(fold(zone.slice(zone.lastIndexOf('/') + 1))));
	return zones.length === 1 && hasOffset(zones[0]) ? { zone: zones[0] } : undefined;
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

function zonesWithOffset(minutes: number, country: string | undefined, utcWithoutCountry: boolean): ZoneGuess {
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
	return guess(
		timesIndex()
			.filter((t) => t.offset === minutes && own.has(t.zone))
			.map((t) => t.zone)
	);
}

/**
 * A UTC offset or abbreviation ("UTC+05:30", "GMT+1", "+0530", "UTC-8", "CET", "EST", "IST", "CEST", "BST") →
 * the country's one zone with that standard offset, or whose standard or summer abbreviation it is ({zone});
 * { choices } when several of the country's zones fit, or when no country is given and several zones do (IST:
 * India, Israel, Ireland); an offset of 0 without a country is Etc/UTC. undefined when the text is not an offset
 * or abbreviation, or no zone of the country fits. A bare offset is a standard one: "UTC+1" is not London.
 */
export function zoneFromOffset(text: string, country: string | undefined): ZoneGuess {
	const code = country?.trim().toUpperCase() || undefined;
	const minutes = parseOffset(text);
	if (minutes !== undefined) return zonesWithOffset(minutes, code, true);
	const abbreviation = text.trim().toUpperCase();
	if (!/^[A-Z]{2,5}$/.test(abbreviation)) return undefined;
	const own = code ? zonesOf(code) : undefined;
	const named = timesIndex().filter((t) => t.abbreviation === abbreviation || t.dstAbbreviation === abbreviation);
	if (named.length === 0) return undefined;
	return guess(named.filter((t) => !own || own.has(t.zone)).map((t) => t.zone));
}
