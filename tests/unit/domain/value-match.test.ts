import { describe, expect, it } from 'vitest';
import { countryOptions } from '$lib/domain/country-lookup';
import { CANONICAL_ZONES, judgeZone, zonesForCountry } from '$lib/domain/timezones';
import { allowedValues, matchKey, nearMatches, type MatchColumn, type MatchContext } from '$lib/domain/value-match';
import type { WorkspaceSnapshot } from '$lib/domain/workspace';

const MSP: WorkspaceSnapshot = {
	technicians: [
		{ id: 'tech-alice', email: 'alice.johnson@msp.example', firstName: 'Alice', lastName: 'Johnson' },
		{ id: 'tech-bob', email: 'bsmith@msp.example', firstName: 'Bob', lastName: 'Smith' },
		{ id: 'tech-carol', email: 'carol.diaz@msp.example', firstName: 'Carol', lastName: 'Díaz' },
		{ id: 'tech-dan', email: 'dan.jl@msp.example', firstName: 'Dan', lastName: 'Johnson-Lee' }
	],
	groups: ['Service Desk', 'Network Operations', 'Security Operations', 'Managed Services', 'Projects', 'Helpdesk'].map(
		(name, i) => ({ id: `group-${i}`, name })
	),
	clients: [],
	signUpEmail: 'owner@msp.example',
	customFields: []
};

const ALICE = 'alice.johnson@msp.example';
const DAN = 'dan.jl@msp.example';

function matches(column: MatchColumn, written: string, context: Partial<MatchContext> = {}) {
	return nearMatches(column, written, { workspace: MSP, ...context });
}

/** The first candidate, as value, reason and certainty. */
function best(column: MatchColumn, written: string, context: Partial<MatchContext> = {}) {
	const [first] = matches(column, written, context);
	return first && { value: first.value, reason: first.reason, certain: first.certain ?? false };
}

function withTechnician(firstName: string, lastName: string, email: string): WorkspaceSnapshot {
	return { ...MSP, technicians: [...MSP.technicians, { id: `tech-${email}`, email, firstName, lastName }] };
}

describe('nearMatches: account managers', () => {
	it.each(['Alice Johnson', 'alice johnson', 'ALICE  JOHNSON', 'Álice Jöhnson', 'Johnson, Alice', 'AliceJohnson'])(
		'offers Alice Johnson for %j by full name, certain',
		(written) => {
			expect(best('AccountManager', written)).toEqual({ value: ALICE, reason: 'full name', certain: true });
		}
	);

	it.each(['A. Johnson', 'A Johnson', 'AJohnson', 'ajohnson', 'Johnson A.'])(
		'offers Alice Johnson for %j by initial and last name',
		(written) => {
			expect(best('AccountManager', written)).toEqual({ value: ALICE, reason: 'initial and last name', certain: true });
		}
	);

	it('offers the technician whose email begins with the written name: "alice.johnson", "bsmith"', () => {
		expect(best('AccountManager', 'alice.johnson')).toEqual({ value: ALICE, reason: 'email name', certain: true });
		expect(best('AccountManager', 'bsmith')).toEqual({
			value: 'bsmith@msp.example',
			reason: 'email name',
			certain: true
		});
	});

	it('offers Alice Johnson for "ajohnson" by email name when that is her address', () => {
		const workspace = { ...MSP, technicians: [{ ...MSP.technicians[0], email: 'ajohnson@msp.example' }] };
		expect(best('AccountManager', 'ajohnson', { workspace })).toEqual({
			value: 'ajohnson@msp.example',
			reason: 'email name',
			certain: true
		});
	});

	it('offers Alice Johnson for an email at another domain with the same name before @', () => {
		expect(best('AccountManager', 'alice.johnson@oldmsp.com')).toEqual({
			value: ALICE,
			reason: 'same name before @',
			certain: true
		});
		expect(best('AccountManager', 'ALICE.JOHNSON@OLDMSP.COM')?.value).toBe(ALICE);
	});

	it('offers the technician whose email is inside a name and angle brackets', () => {
		expect(best('AccountManager', 'Bob Smith <bsmith@msp.example>')).toEqual({
			value: 'bsmith@msp.example',
			reason: 'the email in it',
			certain: true
		});
	});

	it('offers Alice Johnson for an email whose name before @ has a typo', () => {
		expect(best('AccountManager', 'alice.jonhson@msp.example')).toEqual({
			value: ALICE,
			reason: '1 letter differs before @',
			certain: true
		});
	});

	it('offers Bob Smith for "smith", the only Smith, with a label naming him and his email', () => {
		expect(matches('AccountManager', 'smith')).toEqual([
			{
				value: 'bsmith@msp.example',
				label: 'Bob Smith · bsmith@msp.example',
				reason: 'last name (the only Smith)',
				score: 70,
				certain: true
			}
		]);
		expect(best('AccountManager', 'diaz')).toEqual({
			value: 'carol.diaz@msp.example',
			reason: 'last name (the only Díaz)',
			certain: true
		});
	});

	it('offers both Johnsons for "johnson", lower and neither certain, the whole last name first', () => {
		const found = matches('AccountManager', 'johnson');
		expect(found.map((c) => c.value)).toEqual([ALICE, DAN]);
		expect(found.every((c) => !c.certain && c.score < 70)).toBe(true);
		expect(found[0].reason).toBe('last name, shared by 2 technicians');
	});

	it('offers two technicians of the same last name for it, neither certain', () => {
		const workspace = withTechnician('Erin', 'Smith', 'erin.smith@msp.example');
		const found = nearMatches('AccountManager', 'Smith', { workspace });
		expect(found.map((c) => c.value).sort()).toEqual(['bsmith@msp.example', 'erin.smith@msp.example']);
		expect(found.some((c) => c.certain)).toBe(false);
	});

	it('offers Alice Johnson for "Alice", the only Alice, below a unique last name', () => {
		const alice = matches('AccountManager', 'Alice')[0];
		expect(alice).toMatchObject({ value: ALICE, reason: 'first name (the only Alice)', certain: true });
		expect(alice.score).toBeLessThan(matches('AccountManager', 'smith')[0].score);
	});

	it('offers a first name shared by two technicians to both, lower still', () => {
		const workspace = withTechnician('Alice', 'Wong', 'alice.wong@msp.example');
		const found = nearMatches('AccountManager', 'alice', { workspace });
		expect(found.map((c) => c.value)).toEqual([ALICE, 'alice.wong@msp.example']);
		expect(found.map((c) => c.reason)).toEqual([
			'first name, shared by 2 technicians',
			'first name, shared by 2 technicians'
		]);
		expect(found.some((c) => c.certain)).toBe(false);
	});

	it('offers Alice Johnson for "Alise Jonson" by a small edit distance, and says how many letters differ', () => {
		expect(best('AccountManager', 'Alise Jonson')).toEqual({ value: ALICE, reason: '2 letters differ', certain: true });
	});

	it('offers the technician of a first name and initial: "Alice J."', () => {
		expect(best('AccountManager', 'Alice J.')).toMatchObject({ value: ALICE, reason: 'first name and initial' });
	});

	it('finds a technician by a part of a double last name', () => {
		expect(best('AccountManager', 'Lee')).toEqual({ value: DAN, reason: 'last name (the only Lee)', certain: true });
		expect(best('AccountManager', 'Dan Johnson Lee')).toMatchObject({ value: DAN, reason: 'full name' });
	});

	it('offers both technicians of one full name, neither certain', () => {
		const workspace = withTechnician('Alice', 'Johnson', 'alice.j2@msp.example');
		const found = nearMatches('AccountManager', 'Alice Johnson', { workspace });
		expect(found.map((c) => c.value)).toEqual([ALICE, 'alice.j2@msp.example']);
		expect(found.some((c) => c.certain)).toBe(false);
	});

	it('offers nobody for a name like no technician’s', () => {
		expect(matches('AccountManager', 'Zed Quinn')).toEqual([]);
		expect(matches('AccountManager', 'helpdesk@client.example')).toEqual([]);
		expect(matches('AccountManager', '  ')).toEqual([]);
	});
});

describe('nearMatches: technician groups', () => {
	it.each([
		['Svc Desk', 'Service Desk', 'abbreviated words'],
		['Network Ops', 'Network Operations', 'abbreviated words'],
		['SecOps', 'Security Operations', 'abbreviated words'],
		['secops', 'Security Operations', 'abbreviated words'],
		['Managed Svc', 'Managed Services', 'abbreviated words'],
		['Mgd Svcs', 'Managed Services', 'abbreviated words'],
		['Net Ops', 'Network Operations', 'abbreviated words'],
		['Sec Oper', 'Security Operations', 'word prefixes'],
		['Proj', 'Projects', 'start of the name'],
		['MS', 'Managed Services', 'initials of the words'],
		['SD', 'Service Desk', 'initials of the words'],
		['Helpdsk', 'Helpdesk', '1 letter differs'],
		['Servce Desk', 'Service Desk', '1 letter differs']
	])('offers %j → %s (%s), certain', (written, group, reason) => {
		expect(best('TechnicianGroups', written)).toEqual({ value: group, reason, certain: true });
	});

	it('offers "NOC" as the initials of Network Operations Center', () => {
		const workspace = { ...MSP, groups: [...MSP.groups, { id: 'group-noc', name: 'Network Operations Center' }] };
		expect(nearMatches('TechnicianGroups', 'NOC', { workspace })[0]).toMatchObject({
			value: 'Network Operations Center',
			label: 'Network Operations Center',
			reason: 'initials of the words',
			certain: true
		});
	});

	it('offers the group by its own name when only case or spacing differ', () => {
		expect(best('TechnicianGroups', 'service-desk')).toEqual({
			value: 'Service Desk',
			reason: 'same name',
			certain: true
		});
		expect(best('TechnicianGroups', 'HelpDesk')).toEqual({ value: 'Helpdesk', reason: 'same name', certain: true });
	});

	it('offers every group a written word is part of, none certain', () => {
		const found = matches('TechnicianGroups', 'Operations');
		expect(found.map((c) => c.value)).toEqual(['Network Operations', 'Security Operations']);
		expect(found.some((c) => c.certain)).toBe(false);
	});

	it('ranks word prefixes above abbreviations above initials above typos', () => {
		const scores = ['Sec Oper', 'SecOps', 'MS', 'Helpdsk'].map((w) => matches('TechnicianGroups', w)[0].score);
		expect([...scores].sort((a, b) => b - a)).toEqual(scores);
	});

	it.each(['Finance', 'Sales', 'Desk Ops', 'Opsec', 'X', 'Servers', 'Network Security'])(
		'offers no group for %j, which resembles none',
		(written) => {
			expect(matches('TechnicianGroups', written)).toEqual([]);
		}
	);
});

describe('nearMatches: countries', () => {
	it.each([
		['Germany', 'DE', 'country name'],
		['Deutschland', 'DE', 'country name'],
		['United Kingdom', 'GB', 'country name'],
		['UK', 'GB', 'country name'],
		['U.S.A.', 'US', 'country name'],
		['USA', 'US', 'three-letter code'],
		['deu', 'DE', 'three-letter code']
	])('offers %j → %s (%s), certain', (written, code, reason) => {
		expect(best('Country', written)).toEqual({ value: code, reason, certain: true });
	});

	it('labels a country with its code and common name', () => {
		expect(matches('Country', 'Germany')[0].label).toBe('DE · Germany');
	});

	it('offers Germany for the start of its name, "Ger", and leaves out names that only contain it', () => {
		expect(matches('Country', 'Ger')).toEqual([
			{ value: 'DE', label: 'DE · Germany', reason: 'start of the name', score: 60, certain: true }
		]);
		expect(matches('Country', 'UK').map((c) => c.value)).not.toContain('LU');
	});

	it('offers a country a letter or two away: "Germny", "Untied States"', () => {
		expect(best('Country', 'Germny')).toEqual({ value: 'DE', reason: '1 letter differs', certain: true });
		expect(best('Country', 'Untied States')).toEqual({ value: 'US', reason: '1 letter differs', certain: true });
	});

	it('offers both Congos for "Congo", neither certain', () => {
		const found = matches('Country', 'Congo');
		expect(found.map((c) => c.value).sort()).toEqual(['CD', 'CG']);
		expect(found.some((c) => c.certain)).toBe(false);
	});

	it('offers nothing for a code no country has', () => {
		expect(matches('Country', 'XX')).toEqual([]);
	});
});

describe('nearMatches: states', () => {
	it('offers the code after the hyphen for a state written by name, certain', () => {
		expect(matches('State', 'British Columbia', { country: 'CA' })[0]).toEqual({
			value: 'BC',
			label: 'BC · British Columbia',
			reason: 'state or province name',
			score: 95,
			certain: true
		});
		expect(best('State', 'california', { country: 'us' })).toEqual({
			value: 'CA',
			reason: 'state or province name',
			certain: true
		});
	});

	it('searches the country’s subdivisions by the start of their names and words', () => {
		expect(best('State', 'Calif', { country: 'US' })).toEqual({
			value: 'CA',
			reason: 'start of the name',
			certain: true
		});
		expect(best('State', 'Brit Col', { country: 'CA' })).toEqual({
			value: 'BC',
			reason: 'start of each word of the name',
			certain: true
		});
		const news = matches('State', 'New', { country: 'US' }).map((c) => c.value);
		expect(news).toEqual(expect.arrayContaining(['NH', 'NJ', 'NM', 'NY']));
	});

	it('offers a subdivision a letter away: "Ontaro"', () => {
		expect(best('State', 'Ontaro', { country: 'CA' })).toEqual({
			value: 'ON',
			reason: '1 letter differs',
			certain: true
		});
	});

	it('offers only the row country’s subdivisions, and nothing without a country', () => {
		expect(matches('State', 'Ontario', { country: 'US' })).toEqual([]);
		expect(matches('State', 'Ontario')).toEqual([]);
	});
});

describe('nearMatches: time zones', () => {
	it('offers the current zone for an old name or a wrong case, certain', () => {
		expect(matches('Timezone', 'Asia/Calcutta')[0]).toEqual({
			value: 'Asia/Kolkata',
			label: 'Asia/Kolkata',
			reason: 'old name of this zone',
			score: 100,
			certain: true
		});
		expect(best('Timezone', 'america/new_york', { country: 'US' })).toEqual({
			value: 'America/New_York',
			reason: 'same zone, other case',
			certain: true
		});
		expect(best('Timezone', 'US/Eastern', { country: 'US' })?.value).toBe('America/New_York');
	});

	it('offers the Windows zone’s zone for the row’s country and state, saying where', () => {
		expect(best('Timezone', 'Pacific Standard Time', { country: 'CA', state: 'BC' })).toEqual({
			value: 'America/Vancouver',
			reason: 'Windows zone for Canada, British Columbia',
			certain: true
		});
		expect(best('Timezone', 'Eastern Standard Time', { country: 'US' })).toEqual({
			value: 'America/New_York',
			reason: 'Windows zone for United States',
			certain: true
		});
	});

	it('offers the country’s zone for an offset or an abbreviation', () => {
		expect(best('Timezone', 'UTC+05:30', { country: 'IN' })).toEqual({
			value: 'Asia/Kolkata',
			reason: 'UTC offset for India',
			certain: true
		});
		expect(best('Timezone', 'IST', { country: 'IE' })).toEqual({
			value: 'Europe/Dublin',
			reason: 'abbreviation for Ireland',
			certain: true
		});
	});

	it('offers the row country’s zones for an abbreviation that is a link to another country’s zone', () => {
		const found = matches('Timezone', 'EST', { country: 'US' });
		expect(found[0].value).toBe('America/New_York');
		expect(found.map((c) => c.value)).not.toContain('America/Panama');
		expect(found.some((c) => c.certain)).toBe(false);
	});

	it('offers the state’s zone for an abbreviation tz links to another state’s zone: MST in Idaho', () => {
		expect(best('Timezone', 'MST', { country: 'US', state: 'ID' })).toEqual({
			value: 'America/Boise',
			reason: 'abbreviation for United States, Idaho',
			certain: true
		});
		expect(best('Timezone', 'MST', { country: 'US', state: 'AZ' })).toEqual({
			value: 'America/Phoenix',
			reason: 'old name of this zone',
			certain: true
		});
	});

	it('reads the row’s state by code, whole code or name', () => {
		for (const state of ['BC', 'CA-BC', 'British Columbia']) {
			expect(best('Timezone', 'Pacific Time', { country: 'CA', state })).toEqual({
				value: 'America/Vancouver',
				reason: 'Windows zone for Canada, British Columbia',
				certain: true
			});
		}
	});

	it('offers a zone by its city: "Vancouver", "New York", and a city a letter away', () => {
		expect(best('Timezone', 'Vancouver', { country: 'CA' })).toEqual({
			value: 'America/Vancouver',
			reason: 'city name',
			certain: true
		});
		expect(best('Timezone', 'New York', { country: 'US' })?.value).toBe('America/New_York');
		expect(best('Timezone', 'new york')?.value).toBe('America/New_York');
		expect(best('Timezone', 'Vancover', { country: 'CA' })).toEqual({
			value: 'America/Vancouver',
			reason: '1 letter differs',
			certain: true
		});
	});

	it('offers only zones the template accepts, and the row country’s own', () => {
		for (const written of ['EST', 'UTC-5', 'Central', 'Pacific Standard Time', 'Toronto']) {
			for (const candidate of matches('Timezone', written, { country: 'CA' })) {
				expect(judgeZone(candidate.value).kind).toBe('valid');
				expect(zonesForCountry('CA')).toContain(candidate.value);
			}
		}
	});
});

describe('nearMatches: ranking', () => {
	it('keeps each value once, at its best score, sorted, at most `limit`', () => {
		const found = matches('Country', 'New', {});
		expect(found.length).toBeLessThanOrEqual(5);
		expect(new Set(found.map((c) => c.value)).size).toBe(found.length);
		expect(found.map((c) => c.score)).toEqual([...found.map((c) => c.score)].sort((a, b) => b - a));
		expect(nearMatches('Country', 'New', { workspace: MSP }, 2)).toEqual(found.slice(0, 2));
	});

	it('marks at most the first candidate certain', () => {
		for (const [column, written] of [
			['AccountManager', 'alice.johnson@oldmsp.com'],
			['Country', 'UK'],
			['Timezone', 'CET']
		] as const) {
			const found = matches(column, written);
			expect(found[0].certain).toBe(true);
			expect(found.slice(1).some((c) => c.certain)).toBe(false);
		}
	});
});

describe('allowedValues', () => {
	it('lists technicians by name, labelled with their email', () => {
		expect(allowedValues('AccountManager', { workspace: MSP })).toEqual([
			{ value: ALICE, label: 'Alice Johnson · alice.johnson@msp.example' },
			{ value: 'bsmith@msp.example', label: 'Bob Smith · bsmith@msp.example' },
			{ value: 'carol.diaz@msp.example', label: 'Carol Díaz · carol.diaz@msp.example' },
			{ value: DAN, label: 'Dan Johnson-Lee · dan.jl@msp.example' }
		]);
	});

	it('lists groups by name', () => {
		expect(allowedValues('TechnicianGroups', { workspace: MSP }).map((g) => g.value)).toEqual([
			'Helpdesk',
			'Managed Services',
			'Network Operations',
			'Projects',
			'Security Operations',
			'Service Desk'
		]);
	});

	it('lists every country as code and name', () => {
		const countries = allowedValues('Country', { workspace: MSP });
		expect(countries).toHaveLength(countryOptions().length);
		expect(countries).toContainEqual({ value: 'DE', label: 'DE · Germany' });
	});

	it('lists the country’s states, and none without a country', () => {
		expect(allowedValues('State', { workspace: MSP, country: 'ca' })).toContainEqual({
			value: 'BC',
			label: 'BC · British Columbia'
		});
		expect(allowedValues('State', { workspace: MSP })).toEqual([]);
	});

	it('lists the country’s zones, or every zone without a country', () => {
		const canadian = allowedValues('Timezone', { workspace: MSP, country: 'CA' }).map((z) => z.value);
		expect(canadian).toEqual(zonesForCountry('CA'));
		expect(allowedValues('Timezone', { workspace: MSP })).toHaveLength(CANONICAL_ZONES.length);
	});
});

describe('matchKey', () => {
	it('folds case, accents and spaces of the written value', () => {
		expect(matchKey('AccountManager', '  Álice   JOHNSON ', {})).toBe(matchKey('AccountManager', 'alice johnson', {}));
		expect(matchKey('TechnicianGroups', 'Svc Desk', {})).not.toBe(matchKey('TechnicianGroups', 'Svc-Desk', {}));
	});

	it('tells columns apart', () => {
		expect(matchKey('Country', 'CA', {})).not.toBe(matchKey('State', 'CA', {}));
	});

	it('keys a State by its country, and ignores the country elsewhere', () => {
		expect(matchKey('State', 'Ontaro', { country: 'CA' })).not.toBe(matchKey('State', 'Ontaro', { country: 'US' }));
		expect(matchKey('State', 'Ontaro', { country: 'ca' })).toBe(matchKey('State', 'Ontaro', { country: 'CA' }));
		expect(matchKey('Country', 'Germny', { country: 'DE' })).toBe(matchKey('Country', 'Germny', {}));
	});

	it('keys a Timezone by country and state, the state by code alone or whole', () => {
		const bc = matchKey('Timezone', 'Pacific', { country: 'CA', state: 'BC' });
		expect(matchKey('Timezone', 'Pacific', { country: 'CA', state: 'CA-BC' })).toBe(bc);
		expect(matchKey('Timezone', 'Pacific', { country: 'CA', state: 'ON' })).not.toBe(bc);
		expect(matchKey('Timezone', 'Pacific', { country: 'US' })).not.toBe(bc);
	});
});
