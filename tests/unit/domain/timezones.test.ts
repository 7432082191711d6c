import { describe, expect, it } from 'vitest';
import { CANONICAL_ZONES, UTC_ZONE, judgeZone, zonesForCountry } from '$lib/domain/timezones';

/** Backward links of the tz database (renamed or obsolete names) and the zone each should become. */
const LINKS: [string, string][] = [
	['Asia/Calcutta', 'Asia/Kolkata'],
	['US/Eastern', 'America/New_York'],
	['US/Pacific', 'America/Los_Angeles'],
	['UTC', 'Etc/UTC'],
	['GMT', 'Etc/UTC'],
	['Etc/UCT', 'Etc/UTC'],
	['Zulu', 'Etc/UTC'],
	['Universal', 'Etc/UTC'],
	['Europe/Kiev', 'Europe/Kyiv'],
	['Europe/Uzhgorod', 'Europe/Kyiv'],
	['Asia/Saigon', 'Asia/Ho_Chi_Minh'],
	['Asia/Katmandu', 'Asia/Kathmandu'],
	['Asia/Rangoon', 'Asia/Yangon'],
	['Asia/Istanbul', 'Europe/Istanbul'],
	['America/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
	['America/Godthab', 'America/Nuuk'],
	['America/Montreal', 'America/Toronto'],
	['Canada/Eastern', 'America/Toronto'],
	['Europe/Belfast', 'Europe/London'],
	['GB', 'Europe/London'],
	['Australia/ACT', 'Australia/Sydney'],
	['Pacific/Samoa', 'Pacific/Pago_Pago'],
	['Pacific/Enderbury', 'Pacific/Kanton'],
	['Navajo', 'America/Denver'],
	['Japan', 'Asia/Tokyo']
];

/** Zones the tz database lists for a country, including the 2022-merged ones that are links there now. */
const COUNTRY_ZONES = [
	'America/New_York',
	'America/Detroit',
	'America/Indiana/Indianapolis',
	'America/Argentina/Buenos_Aires',
	'Asia/Kolkata',
	'Europe/London',
	'Europe/Kyiv',
	'Europe/Amsterdam',
	'Europe/Brussels',
	'Europe/Copenhagen',
	'Europe/Oslo',
	'Europe/Stockholm',
	'Europe/Luxembourg',
	'Europe/Zagreb',
	'Atlantic/Reykjavik',
	'Asia/Kuala_Lumpur',
	'Arctic/Longyearbyen',
	'Pacific/Kanton',
	'America/Nuuk'
];

describe('judgeZone', () => {
	it.each([...COUNTRY_ZONES, UTC_ZONE])('accepts %s as valid', (zone) => {
		expect(judgeZone(zone)).toEqual({ kind: 'valid' });
	});

	it('uses Etc/UTC as the one zone without a country', () => {
		expect(UTC_ZONE).toBe('Etc/UTC');
	});

	it.each(['Europe/Amsterdam', 'Europe/Copenhagen', 'Europe/Oslo', 'Europe/Stockholm', 'Europe/Luxembourg'])(
		'keeps %s valid although the tz database merged it in 2022',
		(zone) => {
			expect(judgeZone(zone)).toEqual({ kind: 'valid' });
		}
	);

	it.each(LINKS)('judges %s a link to %s', (name, canonical) => {
		expect(judgeZone(name)).toEqual({ kind: 'link', canonical });
	});

	it.each([
		['asia/calcutta', 'Asia/Kolkata'],
		['US/EASTERN', 'America/New_York'],
		['utc', 'Etc/UTC']
	])('judges a wrongly cased link %s a link to %s', (name, canonical) => {
		expect(judgeZone(name)).toEqual({ kind: 'link', canonical });
	});

	it.each([
		['asia/kolkata', 'Asia/Kolkata'],
		['ASIA/KOLKATA', 'Asia/Kolkata'],
		['america/new_york', 'America/New_York'],
		['Europe/amsterdam', 'Europe/Amsterdam'],
		['etc/utc', 'Etc/UTC'],
		['ETC/UTC', 'Etc/UTC']
	])('judges %s the wrong case of %s', (name, canonical) => {
		expect(judgeZone(name)).toEqual({ kind: 'wrong-case', canonical });
	});

	it.each(['Mars/Olympus_Mons', 'America/New York', 'Etc/GMT+5', 'Factory', 'localtime', 'posixrules', 'Asia'])(
		'judges %j unknown',
		(name) => {
			expect(judgeZone(name)).toEqual({ kind: 'unknown' });
		}
	);

	it('resolves every link to a zone it accepts', () => {
		for (const [name] of LINKS) {
			const verdict = judgeZone(name);
			expect(verdict.kind).toBe('link');
			if (verdict.kind === 'link') expect(judgeZone(verdict.canonical)).toEqual({ kind: 'valid' });
		}
	});

	// zone.tab lists these for a country (DE, CA, FM), though both packages file them as links.
	it.each(['Europe/Busingen', 'America/Creston', 'Pacific/Pohnpei'])(
		'accepts %s, which zone.tab lists for its country',
		(zone) => {
			expect(judgeZone(zone)).toEqual({ kind: 'valid' });
		}
	);

	// The fix is the tz database's own link target when it is a zone of the same country, not a zone that
	// merely shares today's offset (US/Michigan → America/Detroit, not America/New_York).
	it.each([
		['US/Michigan', 'America/Detroit'],
		['America/Indianapolis', 'America/Indiana/Indianapolis'],
		['America/Louisville', 'America/Kentucky/Louisville'],
		['America/Knox_IN', 'America/Indiana/Knox'],
		['America/Cordoba', 'America/Argentina/Cordoba'],
		['America/Pangnirtung', 'America/Iqaluit'],
		['Australia/Tasmania', 'Australia/Hobart'],
		['Australia/Victoria', 'Australia/Melbourne'],
		['Mexico/BajaSur', 'America/Mazatlan'],
		['Kwajalein', 'Pacific/Kwajalein'],
		['Pacific/Ponape', 'Pacific/Pohnpei']
	])('judges %s a link to the tz database’s own target %s', (name, canonical) => {
		expect(judgeZone(name)).toEqual({ kind: 'link', canonical });
	});
});

describe('CANONICAL_ZONES', () => {
	it('is sorted by name, without duplicates', () => {
		expect([...CANONICAL_ZONES].sort()).toEqual(CANONICAL_ZONES);
		expect(new Set(CANONICAL_ZONES).size).toBe(CANONICAL_ZONES.length);
	});

	it('holds about as many zones as zone.tab and zone1970.tab together', () => {
		expect(CANONICAL_ZONES.length).toBeGreaterThan(400);
		expect(CANONICAL_ZONES.length).toBeLessThan(450);
	});

	it('contains Etc/UTC and the countries’ own zones, 2022-merged ones included', () => {
		expect(CANONICAL_ZONES).toEqual(expect.arrayContaining([UTC_ZONE, ...COUNTRY_ZONES]));
	});

	it.each(LINKS.map(([name]) => name))('does not contain the link %s', (name) => {
		expect(CANONICAL_ZONES).not.toContain(name);
	});

	it('contains no zone without a region other than Etc/UTC', () => {
		expect(CANONICAL_ZONES.filter((zone) => !zone.includes('/') || zone.startsWith('Etc/'))).toEqual([UTC_ZONE]);
	});

	it('contains only zones that judgeZone accepts', () => {
		expect(CANONICAL_ZONES.filter((zone) => judgeZone(zone).kind !== 'valid')).toEqual([]);
	});
});

describe('zonesForCountry', () => {
	it('lists India’s one zone', () => {
		expect(zonesForCountry('IN')).toEqual(['Asia/Kolkata']);
	});

	it('lists the United Kingdom’s one zone', () => {
		expect(zonesForCountry('GB')).toEqual(['Europe/London']);
	});

	it('accepts a lower-case country code', () => {
		expect(zonesForCountry('us')).toEqual(zonesForCountry('US'));
	});

	it('lists the zones of the United States, sorted, with no link among them', () => {
		const zones = zonesForCountry('US');
		expect(zones).toEqual(
			expect.arrayContaining(['America/New_York', 'America/Detroit', 'America/Chicago', 'America/Los_Angeles'])
		);
		expect([...zones].sort()).toEqual(zones);
		expect(zones).not.toContain('US/Eastern');
		expect(zones.every((zone) => judgeZone(zone).kind === 'valid')).toBe(true);
	});

	it('lists a 2022-merged country’s own zone', () => {
		expect(zonesForCountry('NL')).toContain('Europe/Amsterdam');
		expect(zonesForCountry('NO')).toContain('Europe/Oslo');
	});

	it('lists nothing for an unknown country', () => {
		expect(zonesForCountry('XX')).toEqual([]);
	});

	// zone1970.tab's shared zones stay out: a Dutch client is never offered Brussels, nor a Danish one Berlin.
	it.each([
		['NL', 'Europe/Brussels'],
		['DK', 'Europe/Berlin']
	])('lists only %s’s own zones, not %s', (country, foreign) => {
		expect(zonesForCountry(country)).not.toContain(foreign);
	});
});
