// Which time-zone names the template accepts, and which zone to use instead of an old one.
// The contract: a zone that the tz database lists for a country (zone.tab / zone1970.tab) or Etc/UTC.
// `countries-and-timezones` gives zone1970's canonical zones and every backward link, but it also marks the
// 2022-merged country zones (Europe/Amsterdam → Europe/Brussels) as links; `@vvo/tzdb` names each
// country's own zone (Europe/Amsterdam stays its own entry) and groups old names under it
// (Asia/Calcutta under Asia/Kolkata). Together they give zone.tab ∪ zone1970.tab and a fix for each link.
import { getAllTimezones, type Timezone } from 'countries-and-timezones';
import { getTimeZones } from '@vvo/tzdb';

export const UTC_ZONE = 'Etc/UTC';

const tzdbZones = getTimeZones({ includeUtc: true });
const allZones: Record<string, Timezone | undefined> = getAllTimezones({ deprecated: true });

/** Canonical zones: what the template accepts, sorted by name. */
export const CANONICAL_ZONES: readonly string[] = (() => {
	const names = new Set<string>([UTC_ZONE]);
	for (const zone of Object.values(allZones)) {
		if (zone && !zone.aliasOf && zone.countries.length > 0) names.add(zone.name);
	}
	for (const zone of tzdbZones) names.add(zone.name);
	return [...names].sort();
})();

const canonicalSet = new Set(CANONICAL_ZONES);
const canonicalByLowerName = new Map(CANONICAL_ZONES.map((name) => [name.toLowerCase(), name]));

/** Old name → the zone @vvo/tzdb groups it under (the country's own zone, e.g. Asia/Calcutta → Asia/Kolkata). */
const tzdbGroupOf = new Map<string, string>();
for (const zone of tzdbZones) {
	for (const member of zone.group) if (!canonicalSet.has(member)) tzdbGroupOf.set(member, zone.name);
}

function resolveLink(name: string): string | undefined {
	const grouped = tzdbGroupOf.get(name);
	if (grouped) return grouped;
	let target: string | null | undefined = allZones[name]?.aliasOf;
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

/** The country's own zones, for suggesting a zone from a country (form) and for the select editor. */
export function zonesForCountry(countryCode: string): string[] {
	const code = countryCode.toUpperCase();
	const zones = new Set<string>();
	for (const zone of tzdbZones) if (zone.countryCode === code) zones.add(zone.name);
	for (const zone of Object.values(allZones)) {
		if (zone && !zone.aliasOf && (zone.countries as readonly string[]).includes(code)) zones.add(zone.name);
	}
	return [...zones].sort();
}
