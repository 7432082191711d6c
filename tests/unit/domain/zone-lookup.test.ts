import { describe, expect, it } from 'vitest';
import { judgeZone, zonesForCountry } from '$lib/domain/timezones';
import { zoneFromOffset, zoneFromWindowsName, type ZoneGuess } from '$lib/domain/zone-lookup';

/** A guess offers choices, and every zone it offers is one the template accepts, and the country's own. */
function expectValidChoices(guess: ZoneGuess, country: string | undefined) {
	const zones = guess && 'choices' in guess ? guess.choices : [];
	expect(zones.length, `choices offered: ${JSON.stringify(guess)}`).toBeGreaterThan(1);
	for (const zone of zones) {
		expect(judgeZone(zone).kind).toBe('valid');
		if (country) expect(zonesForCountry(country)).toContain(zone);
	}
}

describe('zoneFromWindowsName', () => {
	it.each([
		['Eastern Standard Time', 'US', 'America/New_York'],
		['Eastern Standard Time', 'CA', 'America/Toronto'],
		['Eastern Standard Time', undefined, 'America/New_York'],
		['eastern  standard time', 'us', 'America/New_York'],
		['W. Europe Standard Time', 'DE', 'Europe/Berlin'],
		['W. Europe Standard Time', 'NL', 'Europe/Amsterdam'],
		['W. Europe Standard Time', undefined, 'Europe/Berlin'],
		['India Standard Time', 'IN', 'Asia/Kolkata'], // CLDR says Asia/Calcutta
		['Nepal Standard Time', undefined, 'Asia/Kathmandu'], // CLDR says Asia/Katmandu
		['Argentina Standard Time', 'AR', 'America/Argentina/Buenos_Aires'], // CLDR says America/Buenos_Aires
		['UTC', undefined, 'Etc/UTC'],
		['(UTC-08:00) Pacific Time (US & Canada)', 'US', 'America/Los_Angeles'],
		['(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi', 'IN', 'Asia/Kolkata']
	])('%s in %s → %s', (text, country, zone) => {
		expect(zoneFromWindowsName(text, country)).toEqual({ zone });
	});

	it('refuses a Windows zone the country has no zone for', () => {
		expect(zoneFromWindowsName('Eastern Standard Time', 'DE')).toBeUndefined();
		expect(zoneFromWindowsName('Tokyo Standard Time', 'US')).toBeUndefined();
	});

	it('refuses text that is not a Windows zone, and a default the template does not accept', () => {
		expect(zoneFromWindowsName('Eastern Time', 'US')).toBeUndefined();
		expect(zoneFromWindowsName('America/New_York', undefined)).toBeUndefined();
		expect(zoneFromWindowsName('', undefined)).toBeUndefined();
		expect(zoneFromWindowsName('Dateline Standard Time', undefined)).toBeUndefined(); // Etc/GMT+12
	});

	it.each([
		['(UTC-08:00) Pacific Time (US & Canada)', undefined, 'America/Los_Angeles'],
		['(UTC-05:00) Eastern Time (US & Canada)', 'CA', 'America/Toronto'],
		['(UTC-05:00) Eastern Time (US & Canada)', 'US', 'America/New_York'],
		['(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna', 'NL', 'Europe/Amsterdam'],
		['(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna', 'DE', 'Europe/Berlin'],
		['(UTC+00:00) Dublin, Edinburgh, Lisbon, London', 'GB', 'Europe/London']
	])('reads the display name %j in %s by the Windows zone or city it names: %s', (text, country, zone) => {
		expect(zoneFromWindowsName(text, country)).toEqual({ zone });
	});

	it('offers the zones at a display name’s offset when its words name nothing the offset confirms', () => {
		const guess = zoneFromWindowsName('(UTC-08:00) Somewhere Else', undefined);
		expect(guess && 'choices' in guess && guess.choices).toContain('America/Los_Angeles');
		expectValidChoices(guess, undefined);
		expect(zoneFromWindowsName('(UTC+03:00) Eastern Time (US & Canada)', 'US')).toBeUndefined();
	});
});

describe('zoneFromOffset', () => {
	it.each([
		['UTC+05:30', 'IN', 'Asia/Kolkata'],
		['+0530', 'IN', 'Asia/Kolkata'],
		['GMT+5:30', 'IN', 'Asia/Kolkata'],
		['UTC-8', 'US', 'America/Los_Angeles'],
		['CET', 'FR', 'Europe/Paris'],
		['CEST', 'FR', 'Europe/Paris'],
		['BST', 'GB', 'Europe/London'],
		['GMT', 'GB', 'Europe/London'],
		['PST', 'US', 'America/Los_Angeles'],
		['IST', 'IN', 'Asia/Kolkata'],
		['IST', 'IE', 'Europe/Dublin'],
		['IST', 'IL', 'Asia/Jerusalem'],
		['UTC', undefined, 'Etc/UTC'],
		['UTC+00:00', undefined, 'Etc/UTC'],
		['NPT', undefined, 'Asia/Kathmandu']
	])('%s in %s → %s', (text, country, zone) => {
		expect(zoneFromOffset(text, country)).toEqual({ zone });
	});

	it('offers choices when several of the country’s zones fit', () => {
		expect(zoneFromOffset('GMT+1', 'DE')).toEqual({ choices: ['Europe/Berlin', 'Europe/Busingen'] });
		expect(zoneFromOffset('CET', 'DE')).toEqual({ choices: ['Europe/Berlin', 'Europe/Busingen'] });
		const est = zoneFromOffset('EST', 'US');
		expect(est && 'choices' in est && est.choices[0]).toBe('America/New_York');
		expectValidChoices(est, 'US');
	});

	it('offers choices for a shared abbreviation or offset without a country', () => {
		const ist = zoneFromOffset('IST', undefined);
		expect(ist && 'choices' in ist && [...ist.choices].sort()).toEqual(
			expect.arrayContaining(['Asia/Jerusalem', 'Asia/Kolkata', 'Europe/Dublin'])
		);
		expect(zoneFromOffset('UTC+05:30', undefined)).toEqual({ choices: ['Asia/Colombo', 'Asia/Kolkata'] });
		expectValidChoices(zoneFromOffset('EST', undefined), undefined);
	});

	it('refuses an offset or abbreviation no zone of the country has', () => {
		expect(zoneFromOffset('UTC+3', 'FR')).toBeUndefined();
		expect(zoneFromOffset('UTC+1', 'GB')).toBeUndefined(); // a bare offset is a standard one
		expect(zoneFromOffset('PST', 'DE')).toBeUndefined();
		expect(zoneFromOffset('UTC+05:30', 'US')).toBeUndefined();
	});

	it('refuses text that is not an offset or abbreviation', () => {
		for (const text of ['', 'hello world', 'UTC+15', 'UTC+05:75', 'XYZQ', 'Europe/Paris', '0530']) {
			expect(zoneFromOffset(text, undefined)).toBeUndefined();
		}
	});
});

describe('zone lookups with the row’s state', () => {
	it.each([
		['(GMT-08:00) Pacific Time', 'CA', 'BC', 'America/Vancouver'],
		['(GMT-08:00) Pacific Time', 'CA', 'British Columbia', 'America/Vancouver'],
		['Pacific Time', 'CA', 'CA-BC', 'America/Vancouver'],
		['Pacific Standard Time', 'CA', 'bc', 'America/Vancouver'],
		['Eastern Standard Time', 'CA', 'ON', 'America/Toronto'],
		['(GMT-05:00) Eastern Time (US & Canada)', 'CA', 'Ontario', 'America/Toronto'],
		['Eastern Time', 'CA', 'ON', 'America/Toronto'],
		['Mountain Time', 'US', 'AZ', 'America/Phoenix'],
		['(GMT-07:00) Mountain Time (US & Canada)', 'US', 'Arizona', 'America/Phoenix'],
		['Mountain Standard Time', 'US', 'US-AZ', 'America/Phoenix'],
		['(UTC-07:00) Arizona', 'US', 'AZ', 'America/Phoenix'],
		['(GMT-08:00) Pacific Time', 'US', 'CA', 'America/Los_Angeles'],
		['(GMT-08:00) Pacific Time', 'US', '', 'America/Los_Angeles'],
		['Pacific Time', 'US', 'California', 'America/Los_Angeles'],
		['Eastern Time', 'US', 'NY', 'America/New_York'],
		['Eastern Standard Time', 'US', 'MI', 'America/Detroit'],
		['Central Standard Time', 'US', 'MI', 'America/Menominee'],
		['Central Standard Time', 'US', 'WI', 'America/Chicago'],
		['Mountain Standard Time', 'US', 'ID', 'America/Boise'],
		['Pacific Standard Time', 'US', 'OR', 'America/Los_Angeles'],
		['Central Standard Time', 'CA', 'ON', 'America/Winnipeg'],
		['Atlantic Standard Time', 'CA', 'NL', 'America/Goose_Bay'],
		['AUS Eastern Standard Time', 'AU', 'ACT', 'Australia/Sydney'],
		['E. South America Standard Time', 'BR', 'SP', 'America/Sao_Paulo']
	])('reads the Windows zone %j in %s, state %j, as %s', (text, country, state, zone) => {
		expect(zoneFromWindowsName(text, country, state)).toEqual({ zone });
	});

	it('checks a display name’s offset against Windows’ own zone, not the country’s zone, whose offset tz has moved', () => {
		// tz now has British Columbia at -07:00 all year; Windows still writes Pacific Time as (UTC-08:00).
		expect(zoneFromWindowsName('(GMT-08:00) Pacific Time', 'CA')).toEqual({ zone: 'America/Vancouver' });
		expect(zoneFromWindowsName('(GMT+03:00) Pacific Time', 'CA', 'BC')).toBeUndefined();
	});

	it('reads a description without its offset only in a row with a state', () => {
		expect(zoneFromWindowsName('Pacific Time', 'CA')).toBeUndefined();
		expect(zoneFromWindowsName('Pacific Time', 'CA', 'Atlantis')).toBeUndefined();
		expect(zoneFromWindowsName('Somewhere Time', 'CA', 'BC')).toBeUndefined();
	});

	it('offers the state’s zones, the one covering its most areas first, when several fit', () => {
		const indiana = zoneFromWindowsName('Eastern Standard Time', 'US', 'IN');
		expect(indiana && 'choices' in indiana && indiana.choices[0]).toBe('America/Indiana/Indianapolis');
		expectValidChoices(indiana, 'US');
		expect(zoneFromWindowsName('Yukon Standard Time', 'CA', 'YT')).toEqual({
			choices: ['America/Whitehorse', 'America/Dawson']
		});
	});

	it('puts the country’s general zone first for a state that tz names only in part', () => {
		// zone1970.tab names North Dakota only for three counties: the rest of the state is America/Chicago.
		expect(zoneFromWindowsName('Central Standard Time', 'US', 'ND')).toEqual({
			choices: [
				'America/Chicago',
				'America/North_Dakota/Beulah',
				'America/North_Dakota/Center',
				'America/North_Dakota/New_Salem'
			]
		});
		const kentucky = zoneFromWindowsName('Eastern Standard Time', 'US', 'KY');
		expect(kentucky && 'choices' in kentucky && kentucky.choices[0]).toBe('America/New_York');
	});

	it('keeps the country’s answer when tz names no zone for the state, or the state is not one', () => {
		expect(zoneFromWindowsName('Central Standard Time', 'US', 'TX')).toEqual({ zone: 'America/Chicago' });
		expect(zoneFromWindowsName('Eastern Standard Time', 'US', 'Atlantis')).toEqual({ zone: 'America/New_York' });
		expect(zoneFromWindowsName('Eastern Standard Time', 'DE', 'BY')).toBeUndefined();
	});

	it.each([
		['MST', 'US', 'AZ', 'America/Phoenix'],
		['MST', 'US', 'Arizona', 'America/Phoenix'],
		['UTC-7', 'US', 'AZ', 'America/Phoenix'],
		['UTC-7', 'US', 'OR', 'America/Boise'],
		['AEST', 'AU', 'NSW', 'Australia/Sydney'],
		['UTC-4', 'BR', 'AM', 'America/Manaus']
	])('reads the offset or abbreviation %j in %s, state %j, as %s', (text, country, state, zone) => {
		expect(zoneFromOffset(text, country, state)).toEqual({ zone });
	});

	it('offers choices, best first, when the state has several zones with the offset or abbreviation', () => {
		const bc = zoneFromOffset('UTC-7', 'CA', 'BC');
		expect(bc && 'choices' in bc && bc.choices[0]).toBe('America/Vancouver');
		expectValidChoices(bc, 'CA');
		expect(zoneFromOffset('EST', 'CA', 'ON')).toEqual({ choices: ['America/Toronto', 'America/Atikokan'] });
		// tz names no zone for Colorado alone: the country's choices, as without a state.
		expect(zoneFromOffset('MST', 'US', 'CO')).toEqual({
			choices: ['America/Denver', 'America/Phoenix', 'America/Boise']
		});
	});
});
