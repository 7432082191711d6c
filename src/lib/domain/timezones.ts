// Which time-zone names the template accepts, and which zone to use instead of an old one.
// The contract: a zone that the tz database lists for a country (zone.tab / zone1970.tab) or Etc/UTC.
// `countries-and-timezones` gives zone1970's canonical zones and every backward link with its target, but
// it also files the 2022-merged country zones (Europe/Amsterdam → Europe/Brussels) as links; `@vvo/tzdb`
// names each country's own zone (Europe/Amsterdam stays an entry) and groups old names under it
// (Asia/Calcutta under Asia/Kolkata). Together they give zone.tab ∪ zone1970.tab, less the few below.
import { getAllTimezones, type Timezone } from 'countries-and-timezones';
import { getTimeZones } from '@vvo/tzdb';

export const UTC_ZONE = 'Etc/UTC';

/** zone.tab entries that both packages file as links of another country's zone (checked against tzdata 2025b). */
const ZONE_TAB_ONLY = ['Europe/Busingen', 'America/Creston', 'Pacific/Pohnpei'];
/** Backward links whose own target is one of those. */
const LINKS_TO_ZONE_TAB_ONLY: Record<string, string> = { 'Pacific/Ponape': 'Pacific/Pohnpei' };

const tzdbZones = getTimeZones({ includeUtc: true });
const tzdbByName = new Map(tzdbZones.map((zone) => [zone.name, zone]));
const allZones: Record<string, Timezone | undefined> = getAllTimezones({ deprecated: true });

/** Canonical zones: what the template accepts, sorted by name. */
export const CANONICAL_ZONES: readonly string[] = (() => {
	const names = new Set<string>([UTC_ZONE, ...ZONE_TAB_ONLY]);
	for (const zone of Object.values(allZones)) {
		if (zone && !zone.aliasOf && zone.countries.length > 0) names.add(zone.name);
	}
	for (const zone of tzdbZones) names.add(zone.name);
	return [...names].sort();
})();

const canonicalSet = new Set(CANONICAL_ZONES);
const canonicalByLowerName = new Map(CANONICAL_ZONES.map((name) => [name.toLowerCase(), name]));

/** The country a zone belongs to: its own for a country's zone, the principal one for a shared zone1970 zone. */
function countryOf(zone: string): string | undefined {
	return tzdbByName.get(zone)?.countryCode || allZones[zone]?.countries[0];
}

/** Old name → the zone @vvo/tzdb groups it under (Asia/Calcutta → Asia/Kolkata, GMT → Etc/UTC). */
const tzdbGroupOf = new Map<string, string>();
for (const zone of tzdbZones) {
	for (const member of zone.group) if (!canonicalSet.has(member)) tzdbGroupOf.set(member, zone.name);
}

/**
 * The zone to use for an old name: the link's own target when it is a zone of the same country (US/Michigan →
 * America/Detroit), else the country's zone that @vvo/tzdb groups it under (Africa/Asmera → Africa/Asmara,
 * not Nairobi), else wherever the link chain ends.
 */
function resolveLink(name: string): string | undefined {
	if (LINKS_TO_ZONE_TAB_ONLY[name]) return LINKS_TO_ZONE_TAB_ONLY[name];
	const link = allZones[name];
	const direct = link?.aliasOf;
	if (direct && canonicalSet.has(direct) && (!link.countries[0] || countryOf(direct) === link.countries[0])) {
		return direct;
	}
	const grouped = tzdbGroupOf.get(name);
	if (grouped) return grouped;
	let target: string | null | undefined = direct;
	for (let hops = 0; target && hops < 5; hops++) {
		if (canonicalSet.has(target)) return target;
		target = allZones[target]?.aliasOf;
	}
	return undefined;
}

/** Lower-cased old name → its canonical zone. */
const linkByLowerName = new Map<string, string>();
for (const name of [...Object.keys(allZones), ...tzdbGroupOf.keys()]) {
	if (canonicalSet.has(name)) continue;
	const target = resolveLink(name);
	if (target) linkByLowerName.set(name.toLowerCase(), target);
}

export type ZoneVerdict =
	| { kind: 'valid' }
	| { kind: 'link'; canonical: string }
	| { kind: 'wrong-case'; canonical: string }
	| { kind: 'unknown' };

/** Judges a trimmed, non-empty zone name. */
export function judgeZone(name: string): ZoneVerdict {
	if (canonicalSet.has(name)) return { kind: 'valid' };
	const lower = name.toLowerCase();
	const sameZone = canonicalByLowerName.get(lower);
	if (sameZone) return { kind: 'wrong-case', canonical: sameZone };
	const linked = linkByLowerName.get(lower);
	if (linked) return { kind: 'link', canonical: linked };
	return { kind: 'unknown' };
}

/** A country's own zones (never a neighbour's: a Dutch client is not told about Brussels). */
export function zonesForCountry(countryCode: string): string[] {
	const code = countryCode.toUpperCase();
	return CANONICAL_ZONES.filter((zone) => countryOf(zone) === code);
}
