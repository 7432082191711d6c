import { describe, expect, it } from 'vitest';
import { hasError } from '$lib/domain/issues';
import type { RowIssue } from '$lib/domain/issues';
import { checkRow } from '$lib/domain/rules';
import type { CheckOptions } from '$lib/domain/rules';
import { COL, COLUMN_LABELS, REQUIRED_COLUMNS, TEMPLATE_COLUMNS } from '$lib/domain/template';
import type { TemplateColumn } from '$lib/domain/template';
import { EMPTY_WORKSPACE, indexWorkspace } from '$lib/domain/workspace';
import { SNAPSHOT, WORKSPACE, validRow } from './valid-row';
import type { RowOverrides } from './valid-row';

function check(overrides: RowOverrides = {}, options?: CheckOptions): RowIssue[] {
	return checkRow(validRow(overrides), WORKSPACE, options);
}

/** The one issue a row has; fails if it has none or several. */
function onlyIssue(overrides: RowOverrides, options?: CheckOptions): RowIssue {
	const issues = check(overrides, options);
	expect(issues).toHaveLength(1);
	return issues[0];
}

function issue(column: TemplateColumn, code: RowIssue['code'], severity: RowIssue['severity'] = 'error') {
	return expect.objectContaining({ column: COL[column], code, severity });
}

describe('checkRow: the valid row', () => {
	it('accepts the sample row against the workspace it was built from', () => {
		expect(check()).toEqual([]);
	});

	it('accepts a row with only the required columns filled in', () => {
		const row = TEMPLATE_COLUMNS.map(() => '');
		row[COL.ClientName] = 'Initech';
		row[COL.PrimaryContactFirstName] = 'Bill';
		row[COL.PrimaryContactLastName] = 'Lumbergh';
		row[COL.PrimaryContactEmail] = 'bill@initech.example';
		row[COL.SiteName] = 'Main office';
		row[COL.Timezone] = 'America/Chicago';
		expect(checkRow(row, EMPTY_WORKSPACE)).toEqual([]);
	});

	it('treats missing trailing cells as empty', () => {
		const row = validRow().slice(0, COL.Timezone + 1);
		expect(checkRow(row, WORKSPACE)).toEqual([]);
	});

	it('trims every value before judging it', () => {
		const padded = validRow().map((value) => (value === '' ? value : `  ${value}\t`));
		expect(checkRow(padded, WORKSPACE)).toEqual([]);
	});

	it('reports every problem of a row, not only the first', () => {
		const issues = check({ ClientName: '', Code: 'abc', SiteName: 'HQ; Annex', Timezone: 'Mars/Olympus_Mons' });
		expect(issues.map((i) => i.code).sort()).toEqual(['code_format', 'required', 'site_list', 'timezone_unknown']);
	});
});

describe('checkRow: required columns', () => {
	it('requires exactly the contract’s six columns', () => {
		expect(REQUIRED_COLUMNS.join(' ')).toBe(
			'ClientName PrimaryContactFirstName PrimaryContactLastName PrimaryContactEmail SiteName Timezone'
		);
	});

	it.each(REQUIRED_COLUMNS)('rejects an empty %s as required', (column) => {
		expect(onlyIssue({ [column]: '' })).toEqual({
			column: COL[column],
			severity: 'error',
			code: 'required',
			message: `${COLUMN_LABELS[column]} is required: fill it in.`
		});
	});

	it.each(REQUIRED_COLUMNS)('rejects a whitespace-only %s as required', (column) => {
		expect(onlyIssue({ [column]: '  \t ' })).toEqual(issue(column, 'required'));
	});

	it.each(TEMPLATE_COLUMNS.filter((column) => !REQUIRED_COLUMNS.includes(column)))(
		'accepts an empty optional %s',
		(column) => {
			// Code and Country are required only with PhoneNumber and State: clear those too.
			const overrides: RowOverrides = { [column]: '' };
			if (column === 'Code') overrides.PhoneNumber = '';
			if (column === 'Country') overrides.State = '';
			if (column === 'SecondaryContactEmail') {
				overrides.SecondaryContactFirstName = '';
				overrides.SecondaryContactLastName = '';
			}
			expect(check(overrides)).toEqual([]);
		}
	);
});

describe('checkRow: length limits', () => {
	const limits: [TemplateColumn, number][] = [
		['ClientName', 100],
		['PrimaryContactFirstName', 50],
		['PrimaryContactLastName', 50],
		['SecondaryContactFirstName', 50],
		['SecondaryContactLastName', 50],
		['SiteName', 100],
		['AddressLine', 200],
		['City', 100],
		['PostalCode', 20]
	];

	it.each(limits)('accepts %s at exactly %i characters', (column, max) => {
		expect(check({ [column]: 'a'.repeat(max) })).toEqual([]);
	});

	it.each(limits)('rejects %s one character over its limit of %i', (column, max) => {
		expect(onlyIssue({ [column]: 'a'.repeat(max + 1) })).toEqual({
			column: COL[column],
			severity: 'error',
			code: 'too_long',
			message: `${COLUMN_LABELS[column]} is ${max + 1} characters long: keep it to ${max} or fewer.`
		});
	});

	it.each(limits)('counts %s after trimming (%i characters plus spaces is fine)', (column, max) => {
		expect(check({ [column]: `   ${'a'.repeat(max)}   ` })).toEqual([]);
	});

	it('counts an emoji as one character, not two UTF-16 units', () => {
		expect(check({ PostalCode: '😀'.repeat(20) })).toEqual([]);
		expect(onlyIssue({ PostalCode: '😀'.repeat(21) }).code).toBe('too_long');
	});

	it('keeps counting inner spaces', () => {
		expect(onlyIssue({ PostalCode: `${'1'.repeat(10)} ${'2'.repeat(10)}` }).code).toBe('too_long');
	});
});

describe('checkRow: ClientName against existing clients', () => {
	it('rejects the name of an existing client, naming it', () => {
		expect(onlyIssue({ ClientName: 'Acme Corp' })).toEqual({
			column: COL.ClientName,
			severity: 'error',
			code: 'name_exists',
			message: 'A client named "Acme Corp" already exists in this workspace: rename this one, or remove the row.'
		});
	});

	it.each(['  ACME   corp ', 'acme corp', 'ACME\tCORP', 'Acme  Corp'])(
		'matches existing names case- and space-insensitively (%j is "Acme Corp")',
		(name) => {
			expect(onlyIssue({ ClientName: name })).toEqual(issue('ClientName', 'name_exists'));
		}
	);

	it('does not treat a name that only contains an existing one as a duplicate', () => {
		expect(check({ ClientName: 'Acme Corporation' })).toEqual([]);
		expect(check({ ClientName: 'AcmeCorp' })).toEqual([]);
	});

	it('does not flag a stored client’s own name when editing that client (selfClientId)', () => {
		expect(check({ ClientName: 'acme corp' }, { selfClientId: 'client-acme' })).toEqual([]);
	});

	it('still flags another client’s name when editing a client', () => {
		expect(onlyIssue({ ClientName: 'Acme Corp' }, { selfClientId: 'client-globex' }).code).toBe('name_exists');
	});
});

describe('checkRow: an import that updates existing clients', () => {
	const UPDATING = indexWorkspace({ ...SNAPSHOT, updateExisting: true });
	const checkUpdating = (overrides: RowOverrides) => checkRow(validRow(overrides), UPDATING);
	const acme = SNAPSHOT.clients.find((c) => c.name === 'Acme Corp')!;

	it('takes a row naming an existing client as its update, not a duplicate, whatever the case', () => {
		expect(checkUpdating({ ClientName: 'acme  CORP' })).toEqual([]);
	});

	it('takes the existing client’s own email as no duplicate', () => {
		expect(checkUpdating({ ClientName: 'Acme Corp', PrimaryContactEmail: acme.email.toUpperCase() })).toEqual([]);
	});

	it('names both clients when the row updates one but its email belongs to another', () => {
		const other = SNAPSHOT.clients.find((c) => c.id !== acme.id)!;
		expect(checkUpdating({ ClientName: 'Acme Corp', PrimaryContactEmail: other.email })).toEqual([
			{
				column: COL.PrimaryContactEmail,
				severity: 'error',
				code: 'email_exists',
				message: `This row updates "Acme Corp", but ${other.email} is the primary contact email of another client, "${other.name}": use that client's name, or another email.`
			}
		]);
	});

	it('still refuses a new client’s email that an existing client has', () => {
		expect(checkUpdating({ ClientName: 'Brand New Ltd', PrimaryContactEmail: acme.email }).map((i) => i.code)).toEqual([
			'email_exists'
		]);
	});
});

describe('checkRow: PrimaryContactEmail', () => {
	it.each(['maria', 'maria@', '@contoso.example', 'maria@contoso', 'maria garcia@contoso.example', 'maria@@x.com'])(
		'rejects %j as not a valid email',
		(email) => {
			expect(onlyIssue({ PrimaryContactEmail: email })).toEqual({
				column: COL.PrimaryContactEmail,
				severity: 'error',
				code: 'email_invalid',
				message: `"${email}" is not a valid email address: write it like name@example.com.`
			});
		}
	);

	it.each(['maria@contoso.example', 'maria.garcia+it@mail.contoso.co.uk', '  maria@contoso.example  '])(
		'accepts %j',
		(email) => {
			expect(check({ PrimaryContactEmail: email })).toEqual([]);
		}
	);

	it.each(['Owner@MSP.example', 'owner@msp.example', 'OWNER@MSP.EXAMPLE', ' owner@msp.example '])(
		'rejects the workspace’s sign-up email, whatever its case (%j)',
		(email) => {
			const found = onlyIssue({ PrimaryContactEmail: email });
			expect(found).toEqual(issue('PrimaryContactEmail', 'email_is_signup'));
			expect(found.message).toContain("this workspace's sign-up email");
		}
	);

	it('does not compare with a sign-up email when the workspace has none', () => {
		const row = validRow({ PrimaryContactEmail: 'owner@msp.example', AccountManager: '', TechnicianGroups: '' });
		expect(checkRow(row, EMPTY_WORKSPACE)).toEqual([]);
	});

	it.each(['ceo@acme.example', 'CEO@ACME.EXAMPLE', ' Ceo@Acme.example '])(
		'rejects an existing client’s primary email, case-insensitively (%j)',
		(email) => {
			const found = onlyIssue({ PrimaryContactEmail: email });
			expect(found).toEqual(issue('PrimaryContactEmail', 'email_exists'));
			expect(found.message).toBe(
				`Another client already has ${email.trim()} as its primary contact email: use a different email.`
			);
		}
	);

	it('does not flag a stored client’s own email when editing that client (selfClientId)', () => {
		expect(check({ PrimaryContactEmail: 'ceo@acme.example' }, { selfClientId: 'client-acme' })).toEqual([]);
	});

	it('does not look up an invalid email among existing clients', () => {
		expect(check({ PrimaryContactEmail: 'ceo@acme' }).map((i) => i.code)).toEqual(['email_invalid']);
	});
});

describe('checkRow: Code', () => {
	it.each([
		['1', '2125550188'],
		['+44', '2071234567'],
		['91', '9876543210'],
		[' +1 ', '2125550188']
	])('accepts calling code %j (with phone %s)', (code, phone) => {
		expect(check({ Code: code, PhoneNumber: phone })).toEqual([]);
	});

	it('accepts a calling code without a phone number', () => {
		expect(check({ Code: '44', PhoneNumber: '' })).toEqual([]);
	});

	it.each(['abc', '+1234', '++1', '1234', '+', '4 4', '1-2', '+-1'])(
		'rejects the malformed calling code %j',
		(code) => {
			expect(onlyIssue({ Code: code })).toEqual({
				column: COL.Code,
				severity: 'error',
				code: 'code_format',
				message: `Calling code "${code}" should be 1 to 3 digits with an optional + (e.g. 1, +44, 91).`
			});
		}
	);

	it.each([
		['999', '999'],
		['+0', '0'],
		['+999', '999']
	])('rejects %j, which is no country’s calling code', (code, digits) => {
		expect(onlyIssue({ Code: code })).toEqual({
			column: COL.Code,
			severity: 'error',
			code: 'code_unknown',
			message: `+${digits} is not a country calling code: check it (e.g. 1 for the US, 44 for the UK).`
		});
	});

	it('requires Code when PhoneNumber is given, offering the row’s country’s calling code', () => {
		expect(onlyIssue({ Code: '', PhoneNumber: '2125550188' })).toEqual({
			column: COL.Code,
			severity: 'error',
			code: 'code_required',
			message: 'Calling code is needed with a phone number: use 1.',
			fix: { kind: 'phone', value: '1' }
		});
	});

	it('requires Code without a fix when the row has no country to tell it', () => {
		expect(onlyIssue({ Code: '', PhoneNumber: '2125550188', Country: '', State: '' })).toEqual({
			column: COL.Code,
			severity: 'error',
			code: 'code_required',
			message: 'Calling code is needed with a phone number (e.g. 1, +44, 91).'
		});
	});

	it('requires Code when it is only whitespace', () => {
		expect(onlyIssue({ Code: '   ', PhoneNumber: '2125550188' }).code).toBe('code_required');
	});
});

describe('checkRow: PhoneNumber', () => {
	it.each(['212 555 0188', '212-555-0188', '212.555.0188', '(212) 555-0188', '(212)5550188', '+1 212 555 0188'])(
		'rejects %j for its separators and offers the digits as the fix',
		(phone) => {
			expect(onlyIssue({ PhoneNumber: phone })).toEqual({
				column: COL.PhoneNumber,
				severity: 'error',
				code: 'phone_format',
				message: `Phone number "${phone}" may only contain digits: use 2125550188.`,
				fix: { kind: 'phone', value: '2125550188' }
			});
		}
	);

	it.each(['call me', '212-555-CALL', '12 3', '212 555 0188 x12', '+44 20 7946 0000'])(
		'rejects %j without offering a fix that would not be certain',
		(phone) => {
			const found = onlyIssue({ PhoneNumber: phone });
			expect(found).toEqual(issue('PhoneNumber', 'phone_format'));
			expect(found).not.toHaveProperty('fix');
			expect(found.message).toBe(`Phone number "${phone}" may only contain digits, with the calling code in Code.`);
		}
	);

	it('moves a +CC prefix into an empty Code, in both problems’ fixes', () => {
		const issues = check({ Code: '', PhoneNumber: '+44 (20) 7946-0000', Country: 'GB', State: '' });
		expect(issues).toEqual([
			{
				column: COL.Code,
				severity: 'error',
				code: 'code_required',
				message: 'Calling code is needed with a phone number: use 44.',
				fix: { kind: 'phone', value: '44', also: { column: COL.PhoneNumber, value: '2079460000' } }
			},
			{
				column: COL.PhoneNumber,
				severity: 'error',
				code: 'phone_format',
				message: 'Phone number "+44 (20) 7946-0000" may only contain digits: use 2079460000 and Code 44.',
				fix: { kind: 'phone', value: '2079460000', also: { column: COL.Code, value: '44' } }
			}
		]);
	});

	it('drops a national trunk prefix when the number is valid without it', () => {
		const found = check({ Code: '', PhoneNumber: '020 7946 0000', Country: 'GB', State: '' });
		expect(found.map((i) => i.fix)).toEqual([
			{ kind: 'phone', value: '44', also: { column: COL.PhoneNumber, value: '2079460000' } },
			{ kind: 'phone', value: '2079460000', also: { column: COL.Code, value: '44' } }
		]);
	});

	it.each(['1', '123', '1234567890123456', '12345678901234567890'])('rejects %j for its number of digits', (phone) => {
		expect(onlyIssue({ PhoneNumber: phone })).toEqual({
			column: COL.PhoneNumber,
			severity: 'error',
			code: 'phone_length',
			message: `Phone number has ${phone.length} digits: it needs 4 to 15.`
		});
	});

	it.each(['1234', '123456789012345'])('accepts %j, at the edge of 4–15 digits, without an error', (phone) => {
		expect(hasError(check({ PhoneNumber: phone }))).toBe(false);
	});

	it.each([
		['1', '1234'],
		['+44', '12345'],
		['1', '123456789012345']
	])('warns, without an error, when a number does not fit its country (+%s %s)', (code, phone) => {
		const found = onlyIssue({ Code: code, PhoneNumber: phone });
		expect(found).toEqual({
			column: COL.PhoneNumber,
			severity: 'warning',
			code: 'phone_not_for_country',
			message: `${phone} does not look like a valid number for +${code.replace('+', '')}: check it.`
		});
		expect(hasError([found])).toBe(false);
	});

	it('does not warn about the country when the calling code itself is wrong', () => {
		expect(check({ Code: '999', PhoneNumber: '1234' }).map((i) => i.code)).toEqual(['code_unknown']);
		expect(check({ Code: 'abc', PhoneNumber: '1234' }).map((i) => i.code)).toEqual(['code_format']);
	});

	it('does not warn about the country when there is no calling code', () => {
		expect(check({ Code: '', PhoneNumber: '1234', Country: '', State: '' }).map((i) => i.code)).toEqual([
			'code_required'
		]);
	});

	it('reports both a missing Code and a malformed PhoneNumber', () => {
		expect(check({ Code: '', PhoneNumber: '212-555-0188' }).map((i) => i.code)).toEqual([
			'code_required',
			'phone_format'
		]);
	});
});

describe('checkRow: secondary contact', () => {
	it('accepts a row without any secondary contact', () => {
		expect(check({ SecondaryContactFirstName: '', SecondaryContactLastName: '', SecondaryContactEmail: '' })).toEqual(
			[]
		);
	});

	it.each<RowOverrides>([
		{ SecondaryContactFirstName: 'James', SecondaryContactLastName: '' },
		{ SecondaryContactFirstName: '', SecondaryContactLastName: 'Lee' },
		{ SecondaryContactFirstName: 'James', SecondaryContactLastName: 'Lee' }
	])('requires the secondary email when a secondary name is given (%j)', (names) => {
		expect(onlyIssue({ ...names, SecondaryContactEmail: '  ' })).toEqual({
			column: COL.SecondaryContactEmail,
			severity: 'error',
			code: 'secondary_email_required',
			message:
				"Secondary contact email is needed with a secondary contact: add it, or clear the secondary contact's name."
		});
	});

	it('accepts a secondary email without a secondary name', () => {
		expect(check({ SecondaryContactFirstName: '', SecondaryContactLastName: '' })).toEqual([]);
	});

	it('rejects an invalid secondary email in its own column', () => {
		expect(onlyIssue({ SecondaryContactEmail: 'james.lee@' })).toEqual({
			column: COL.SecondaryContactEmail,
			severity: 'error',
			code: 'email_invalid',
			message: '"james.lee@" is not a valid email address: write it like name@example.com.'
		});
	});

	it.each([
		'maria.garcia@contoso-dental.example',
		'Maria.Garcia@Contoso-Dental.example',
		'  MARIA.GARCIA@contoso-dental.example '
	])('rejects a secondary email equal to the primary one, case-insensitively (%j)', (email) => {
		expect(onlyIssue({ SecondaryContactEmail: email })).toEqual(issue('SecondaryContactEmail', 'secondary_email_same'));
	});

	it('does not match the secondary email against existing clients or the sign-up email', () => {
		expect(check({ SecondaryContactEmail: 'ceo@acme.example' })).toEqual([]);
		expect(check({ SecondaryContactEmail: 'owner@msp.example' })).toEqual([]);
	});
});

describe('checkRow: SiteName', () => {
	it.each(['Headquarters', 'HQ - Building 2', 'Smith & Sons HQ', "O'Brien House"])(
		'accepts one site name (%j)',
		(site) => {
			expect(check({ SiteName: site })).toEqual([]);
		}
	);

	it.each(['HQ, Annex', 'HQ;Annex', 'HQ,'])('rejects %j as a list of sites', (site) => {
		expect(onlyIssue({ SiteName: site })).toEqual({
			column: COL.SiteName,
			severity: 'error',
			code: 'site_list',
			message: `Site name "${site}" looks like a list: a client has one site here (its HQ), so keep one name.`
		});
	});

	it.each(['HQ\nAnnex', 'HQ\r\nAnnex', 'HQ\rAnnex', 'HQ,\nAnnex'])('rejects %j for its line break', (site) => {
		expect(onlyIssue({ SiteName: site })).toEqual({
			column: COL.SiteName,
			severity: 'error',
			code: 'one_line',
			message: 'Site name must be on one line: remove the line break.'
		});
	});

	it('ignores a line break that trimming removes', () => {
		expect(check({ SiteName: 'Headquarters\r\n' })).toEqual([]);
	});
});

describe('checkRow: Country and State', () => {
	it.each(['US', 'us', ' Us ', 'GB', 'IN', 'jp'])('accepts the country code %j', (country) => {
		expect(check({ Country: country, State: '' })).toEqual([]);
	});

	it('accepts lower-case us with its state', () => {
		expect(check({ Country: 'us', State: 'ny' })).toEqual([]);
	});

	it.each([
		['UK', 'GB'],
		['uk', 'GB'],
		['USA', 'US'],
		['usa', 'US'],
		['GBR', 'GB'],
		['IND', 'IN'],
		['India', 'IN'],
		['United States', 'US'],
		['Germany', 'DE']
	])('rejects %j and offers %s as the fix', (country, code) => {
		expect(onlyIssue({ Country: country, State: '', Timezone: 'Etc/UTC' })).toEqual({
			column: COL.Country,
			severity: 'error',
			code: 'country_invalid',
			message: expect.stringMatching(
				new RegExp(`^Country "${country}" is not an ISO 3166 two-letter code: use ${code} \\(.+\\)\\.$`)
			),
			fix: { kind: 'country_name', value: code }
		});
	});

	it.each(['XX', 'Narnia', 'Congo'])('rejects %j without a fix', (country) => {
		const found = onlyIssue({ Country: country, State: '' });
		expect(found).toEqual({
			column: COL.Country,
			severity: 'error',
			code: 'country_invalid',
			message: `Country "${country}" is not an ISO 3166 two-letter code: use one such as US, GB or IN.`
		});
	});

	it('requires Country when State is given', () => {
		expect(onlyIssue({ Country: '', State: 'CA' })).toEqual({
			column: COL.Country,
			severity: 'error',
			code: 'country_required',
			message: 'Country is needed with a State: add the two-letter country code (e.g. US).'
		});
	});

	it.each([
		['US', 'CA'],
		['US', 'US-CA'],
		['US', 'us-ca'],
		['us', 'ca'],
		['GB', 'GB-ENG'],
		['GB', 'ENG'],
		['GB', 'eng'],
		['JP', 'JP-13'],
		['JP', '13'],
		['IN', 'KA'],
		['FR', '75C']
	])('accepts the %s subdivision %j', (country, state) => {
		expect(check({ Country: country, State: state, Timezone: 'Etc/UTC' })).toEqual([]);
	});

	it.each([
		['US', 'ENG'],
		['US', 'GB-ENG'],
		['GB', 'CA'],
		['GB', 'US-CA'],
		['JP', '99'],
		['US', 'US-']
	])('rejects a State that is not a subdivision of %s (%j)', (country, state) => {
		const found = onlyIssue({ Country: country, State: state, Timezone: 'Etc/UTC' });
		expect(found).toEqual(issue('State', 'state_invalid'));
		expect(found.message).toMatch(
			new RegExp(`^State "${state}" is not a subdivision of .+: use its ISO 3166-2 code, e\\.g\\. `)
		);
	});

	it('names the country and an example subdivision in the state message', () => {
		expect(onlyIssue({ Country: 'US', State: 'ENG' }).message).toBe(
			'State "ENG" is not a subdivision of United States: use its ISO 3166-2 code, e.g. AL or US-AL for Alabama.'
		);
	});

	it('does not judge State when Country is invalid and means no country', () => {
		expect(check({ Country: 'XX', State: 'ZZ' }).map((i) => i.code)).toEqual(['country_invalid']);
	});

	it('judges State for the country a name means (USA with CA is fine, with ZZ is not)', () => {
		expect(check({ Country: 'USA', State: 'CA' }).map((i) => i.code)).toEqual(['country_invalid']);
		expect(check({ Country: 'USA', State: 'ZZ' }).map((i) => i.code)).toEqual(['country_invalid', 'state_invalid']);
	});

	it('rejects a State written as a name, offering its code', () => {
		expect(onlyIssue({ Country: 'US', State: 'California', Timezone: 'Etc/UTC' })).toEqual({
			column: COL.State,
			severity: 'error',
			code: 'state_invalid',
			message: 'State "California" is written as a name: use its ISO 3166-2 code CA (US-CA).',
			fix: { kind: 'state_name', value: 'CA' }
		});
	});
});

describe('checkRow: Timezone', () => {
	it.each([
		'America/New_York',
		'Asia/Kolkata',
		'Europe/Amsterdam',
		'Europe/Copenhagen',
		'Europe/Oslo',
		'Europe/Stockholm',
		'Europe/Brussels',
		'America/Detroit',
		'Etc/UTC',
		'Europe/Kyiv'
	])('accepts %s', (zone) => {
		expect(check({ Timezone: zone })).toEqual([]);
	});

	it('accepts a country’s own zone whatever the row’s country (Europe/Amsterdam in a US row)', () => {
		expect(check({ Timezone: 'Europe/Amsterdam' })).toEqual([]);
	});

	it('rejects Asia/Calcutta, naming Asia/Kolkata and offering it as the fix', () => {
		expect(onlyIssue({ Timezone: 'Asia/Calcutta' })).toEqual({
			column: COL.Timezone,
			severity: 'error',
			code: 'timezone_link',
			message: 'Timezone "Asia/Calcutta" is an old name: use Asia/Kolkata.',
			fix: { kind: 'timezone_old_name', value: 'Asia/Kolkata' }
		});
		expect(onlyIssue({ Timezone: 'Asia/Calcutta' }).message).toContain(
			'Timezone "Asia/Calcutta" is an old name: use Asia/Kolkata'
		);
	});

	it.each([
		['US/Eastern', 'America/New_York'],
		['UTC', 'Etc/UTC'],
		['GMT', 'Etc/UTC'],
		['Europe/Kiev', 'Europe/Kyiv'],
		['Asia/Saigon', 'Asia/Ho_Chi_Minh'],
		['us/eastern', 'America/New_York']
	])('rejects the old name %s and offers %s', (zone, canonical) => {
		expect(onlyIssue({ Timezone: zone })).toEqual({
			column: COL.Timezone,
			severity: 'error',
			code: 'timezone_link',
			message: `Timezone "${zone}" is an old name: use ${canonical}.`,
			fix: { kind: 'timezone_old_name', value: canonical }
		});
	});

	it.each([
		['asia/kolkata', 'Asia/Kolkata'],
		['AMERICA/NEW_YORK', 'America/New_York'],
		['etc/utc', 'Etc/UTC']
	])('rejects the wrongly cased %s and offers %s', (zone, canonical) => {
		expect(onlyIssue({ Timezone: zone })).toEqual({
			column: COL.Timezone,
			severity: 'error',
			code: 'timezone_case',
			message: `Timezone "${zone}" is not written as the tz database writes it: use ${canonical}.`,
			fix: { kind: 'timezone_old_name', value: canonical }
		});
	});

	it('rejects an unknown zone with examples from the row’s country, and no fix', () => {
		expect(onlyIssue({ Timezone: 'Mars/Olympus_Mons', Country: 'IN', State: '' })).toEqual({
			column: COL.Timezone,
			severity: 'error',
			code: 'timezone_unknown',
			message: 'Timezone "Mars/Olympus_Mons" is not a tz database zone: use one for India: Asia/Kolkata.'
		});
	});

	it('rejects an unknown zone with general examples when the row has no valid country', () => {
		const message =
			'Timezone "Mars/Olympus_Mons" is not a tz database zone: use one such as America/New_York, Europe/London or Etc/UTC.';
		expect(onlyIssue({ Timezone: 'Mars/Olympus_Mons', Country: '', State: '' }).message).toBe(message);
		const issues = check({ Timezone: 'Mars/Olympus_Mons', Country: 'XX', State: '' });
		expect(issues.find((i) => i.code === 'timezone_unknown')?.message).toBe(message);
	});

	it.each([
		['CET', 'FR', 'Europe/Paris'],
		['EET', 'FI', 'Europe/Helsinki']
	])(
		'reads the abbreviation %s in a %s row as that country’s zone, not the city tz links it to',
		(zone, country, fix) => {
			const found = check({ Timezone: zone, Country: country, State: '' }).find((i) => i.column === COL.Timezone);
			expect(found?.fix).toEqual({ kind: 'timezone_offset', value: fix });
		}
	);

	it('offers the country’s zones, and takes none, when an abbreviation fits several (CET in Germany)', () => {
		const found = onlyIssue({ Timezone: 'CET', Country: 'DE', State: '' });
		expect(found).not.toHaveProperty('fix');
		expect(found.choices).toEqual(['Europe/Berlin', 'Europe/Busingen']);
		expect(found.message).toBe(
			'Timezone "CET" is an offset or abbreviation, not a zone, and several zones in Germany fit it: choose Europe/Berlin or Europe/Busingen.'
		);
	});

	it.each([
		['Pacific Standard Time', 'US', 'America/Los_Angeles'],
		['Eastern Standard Time', 'US', 'America/New_York'],
		['Eastern Standard Time', 'CA', 'America/Toronto'],
		['W. Europe Standard Time', 'DE', 'Europe/Berlin'],
		['W. Europe Standard Time', 'NL', 'Europe/Amsterdam'],
		['India Standard Time', 'IN', 'Asia/Kolkata'],
		['(UTC-08:00) Pacific Time (US & Canada)', 'US', 'America/Los_Angeles']
	])('reads the Windows zone %j in a %s row as %s', (zone, country, fix) => {
		expect(onlyIssue({ Timezone: zone, Country: country, State: '' })).toEqual({
			column: COL.Timezone,
			severity: 'error',
			code: 'timezone_unknown',
			message: `Timezone "${zone}" is a Windows time-zone name: use ${fix}.`,
			fix: { kind: 'timezone_windows', value: fix }
		});
	});

	it.each([
		['UTC+05:30', 'IN', 'Asia/Kolkata'],
		['GMT+9', 'JP', 'Asia/Tokyo']
	])('reads the offset %j in a %s row as its one zone %s', (zone, country, fix) => {
		expect(onlyIssue({ Timezone: zone, Country: country, State: '' }).fix).toEqual({
			kind: 'timezone_offset',
			value: fix
		});
	});

	it('fills an empty Timezone with the country’s only zone, and offers a few when it has several', () => {
		expect(onlyIssue({ Timezone: '', Country: 'JP', State: '' })).toEqual({
			column: COL.Timezone,
			severity: 'error',
			code: 'required',
			message: 'Timezone is required: Japan has one zone, Asia/Tokyo.',
			fix: { kind: 'timezone_from_country', value: 'Asia/Tokyo' }
		});
		expect(onlyIssue({ Timezone: '', Country: 'NZ', State: '' }).choices).toEqual([
			'Pacific/Auckland',
			'Pacific/Chatham'
		]);
		expect(onlyIssue({ Timezone: '', Country: 'US', State: '' })).not.toHaveProperty('choices');
	});

	it('keeps the contract’s reading of UTC and GMT as Etc/UTC, whatever the country', () => {
		expect(onlyIssue({ Timezone: 'GMT', Country: 'GB', State: '' }).fix).toEqual({
			kind: 'timezone_old_name',
			value: 'Etc/UTC'
		});
	});

	it.each(['Etc/GMT+5', 'EST5', 'Factory', 'America/New York'])('rejects %j, which no country uses', (zone) => {
		expect(onlyIssue({ Timezone: zone })).toEqual(issue('Timezone', 'timezone_unknown'));
	});
});

describe('checkRow: Timezone by country and state', () => {
	/** The Timezone issue of a row, whatever the row's State or Country issues. */
	function timezoneIssue(overrides: RowOverrides): RowIssue | undefined {
		const issues = check(overrides).filter((i) => i.column === COL.Timezone);
		expect(issues.length).toBeLessThanOrEqual(1);
		return issues[0];
	}

	it.each([
		['CA', 'BC', '(GMT-08:00) Pacific Time', 'America/Vancouver'],
		['CA', 'British Columbia', 'Pacific Time', 'America/Vancouver'],
		['CA', 'CA-BC', 'Pacific Standard Time', 'America/Vancouver'],
		['Canada', 'BC', '(GMT-08:00) Pacific Time', 'America/Vancouver'],
		['CA', 'ON', 'Eastern Standard Time', 'America/Toronto'],
		['CA', 'Ontario', '(GMT-05:00) Eastern Time (US & Canada)', 'America/Toronto'],
		['CA', 'ON', 'Eastern Time', 'America/Toronto'],
		['US', 'AZ', 'Mountain Time', 'America/Phoenix'],
		['US', 'Arizona', '(GMT-07:00) Mountain Time (US & Canada)', 'America/Phoenix'],
		['United States', 'AZ', 'Mountain Standard Time', 'America/Phoenix'],
		['US', 'CA', '(GMT-08:00) Pacific Time', 'America/Los_Angeles'],
		['US', '', '(GMT-08:00) Pacific Time', 'America/Los_Angeles']
	])('reads a Windows zone for its country and state: %s, %j, %j → %s', (country, state, zone, fix) => {
		expect(timezoneIssue({ Country: country, State: state, Timezone: zone })).toEqual({
			column: COL.Timezone,
			severity: 'error',
			code: 'timezone_unknown',
			message: `Timezone "${zone}" is a Windows time-zone name: use ${fix}.`,
			fix: { kind: 'timezone_windows', value: fix }
		});
	});

	it('reads MST in Arizona as America/Phoenix, and in Idaho as America/Boise, not the city tz links it to', () => {
		expect(onlyIssue({ Country: 'US', State: 'AZ', Timezone: 'MST' }).fix).toEqual({
			kind: 'timezone_old_name',
			value: 'America/Phoenix'
		});
		expect(onlyIssue({ Country: 'US', State: 'ID', Timezone: 'MST' })).toEqual({
			column: COL.Timezone,
			severity: 'error',
			code: 'timezone_unknown',
			message: 'Timezone "MST" is an offset or abbreviation, not a zone: use America/Boise.',
			fix: { kind: 'timezone_offset', value: 'America/Boise' }
		});
	});

	it('offers the state’s zones, and takes none, when several fit', () => {
		const found = onlyIssue({ Country: 'CA', State: 'BC', Timezone: 'UTC-7' });
		expect(found).not.toHaveProperty('fix');
		expect(found.choices?.[0]).toBe('America/Vancouver');
		expect(found.message).toMatch(
			/^Timezone "UTC-7" is an offset or abbreviation, not a zone, and several zones in Canada fit it: choose America\/Vancouver, /
		);
		const indiana = onlyIssue({ Country: 'US', State: 'IN', Timezone: 'Eastern Standard Time' });
		expect(indiana).not.toHaveProperty('fix');
		expect(indiana.choices?.[0]).toBe('America/Indiana/Indianapolis');
	});

	it('refuses a description without its offset in a row without a state', () => {
		expect(onlyIssue({ Country: 'US', State: '', Timezone: 'Pacific Time' })).not.toHaveProperty('fix');
	});
});

describe('checkRow: EmailDomains', () => {
	it.each(['acme.com', 'acme.com, acme.co.uk', 'ACME.COM,acme.com', 'mail.acme.co.uk ,  acme.io', 'acme.com,'])(
		'accepts %j',
		(domains) => {
			expect(check({ EmailDomains: domains })).toEqual([]);
		}
	);

	it.each([
		['@acme.com', 'acme.com'],
		['it@acme.com', 'acme.com'],
		['@acme.com; acme.net', 'acme.com, acme.net'],
		['acme.com | www.acme.net', 'acme.com, acme.net'],
		['https://www.acme.com/, ACME.com', 'acme.com'],
		['acme.com acme.org', 'acme.com, acme.org']
	])('rejects %j and offers the comma list %j', (domains, list) => {
		expect(onlyIssue({ EmailDomains: domains })).toEqual({
			column: COL.EmailDomains,
			severity: 'error',
			code: 'domain_invalid',
			message: `Email domains are domain names separated by commas: use "${list}".`,
			fix: { kind: 'domains', value: list }
		});
	});

	it('rejects a name without a top-level domain (acme)', () => {
		expect(onlyIssue({ EmailDomains: 'acme' })).toEqual({
			column: COL.EmailDomains,
			severity: 'error',
			code: 'domain_invalid',
			message: '"acme" is not a domain name: write each like acme.com, separated by commas.'
		});
	});

	it('names every invalid domain and only those', () => {
		expect(onlyIssue({ EmailDomains: 'acme.com, acme, acme.co.uk, bad_name.com' }).message).toBe(
			'"acme", "bad_name.com" are not domain names: write each like acme.com, separated by commas.'
		);
	});

	it.each(['acme.com; acme.co.uk', 'acme .com', 'http://acme.com', 'acme.123', '-acme.com'])(
		'rejects %j',
		(domains) => {
			expect(onlyIssue({ EmailDomains: domains })).toEqual(issue('EmailDomains', 'domain_invalid'));
		}
	);
});

describe('checkRow: AccountManager', () => {
	it.each(['Priya.Shah@msp.example', 'priya.shah@msp.example', 'PRIYA.SHAH@MSP.EXAMPLE', ' tom.berg@msp.example '])(
		'accepts a technician’s email, case-insensitively (%j)',
		(email) => {
			expect(check({ AccountManager: email })).toEqual([]);
		}
	);

	it('rejects an email that is no technician’s, naming it', () => {
		expect(onlyIssue({ AccountManager: 'ceo@acme.example' })).toEqual({
			column: COL.AccountManager,
			severity: 'error',
			code: 'technician_unknown',
			message:
				'No technician in this workspace has the email "ceo@acme.example": use one of theirs, or add the technician first.'
		});
	});

	it.each(['Priya Shah', 'priya shah', 'Shah, Priya', ' PRIYA  SHAH '])(
		'rejects a technician’s name (%j) and offers their email',
		(name) => {
			expect(onlyIssue({ AccountManager: name })).toEqual({
				column: COL.AccountManager,
				severity: 'error',
				code: 'technician_unknown',
				message: `Account manager is a technician's email: "${name.trim()}" is Priya.Shah@msp.example, so use that.`,
				fix: { kind: 'account_manager', value: 'Priya.Shah@msp.example' }
			});
		}
	);

	it('offers a choice, and takes none, when two technicians share the name', () => {
		const workspace = indexWorkspace({
			...SNAPSHOT,
			technicians: [
				...SNAPSHOT.technicians,
				{ id: 'tech-tom-2', email: 'thomas.berg@msp.example', firstName: 'Tom', lastName: 'Berg' }
			]
		});
		const issues = checkRow(validRow({ AccountManager: 'Tom Berg' }), workspace);
		expect(issues).toEqual([
			{
				column: COL.AccountManager,
				severity: 'error',
				code: 'technician_unknown',
				message:
					'2 technicians are named "Tom Berg": choose one\'s email (tom.berg@msp.example or thomas.berg@msp.example).',
				choices: ['tom.berg@msp.example', 'thomas.berg@msp.example']
			}
		]);
	});

	it('offers nothing for a name no technician has', () => {
		expect(onlyIssue({ AccountManager: 'Alice Johnson' })).not.toHaveProperty('fix');
	});
});

describe('checkRow: TechnicianGroups', () => {
	it.each(['Tier 1', 'tier 1', 'TIER 1, network team', ' Security ,Tier 1 ', 'Tier 1, Tier 1'])(
		'accepts existing group names, case-insensitively (%j)',
		(groups) => {
			expect(check({ TechnicianGroups: groups })).toEqual([]);
		}
	);

	it('rejects one unknown group, naming it', () => {
		expect(onlyIssue({ TechnicianGroups: 'Tier 1, Helpdesk' })).toEqual({
			column: COL.TechnicianGroups,
			severity: 'error',
			code: 'group_unknown',
			message:
				'No group named "Helpdesk" exists in this workspace: use existing group names, or create the group first.'
		});
	});

	it('rejects several unknown groups, naming each and no known one', () => {
		const found = onlyIssue({ TechnicianGroups: 'Helpdesk, Tier 1, Tier 2' });
		expect(found.message).toBe(
			'No groups named "Helpdesk", "Tier 2" exist in this workspace: use existing group names, or create the group first.'
		);
		expect(found.message).not.toContain('"Tier 1"');
	});

	it.each([
		['tier 1; security', 'Tier 1, Security'],
		['Tier 1|Network team', 'Tier 1, Network Team'],
		['security; SECURITY', 'Security']
	])('rejects groups separated by other marks (%j) and offers the comma list', (groups, list) => {
		expect(onlyIssue({ TechnicianGroups: groups })).toEqual({
			column: COL.TechnicianGroups,
			severity: 'error',
			code: 'group_list',
			message: `Technician groups are separated by commas: use "${list}".`,
			fix: { kind: 'groups', value: list }
		});
	});

	it('names the unknown group among semicolon-separated ones, not the whole cell', () => {
		expect(onlyIssue({ TechnicianGroups: 'Tier 1; Managed Print' }).message).toBe(
			'No group named "Managed Print" exists in this workspace: use existing group names, or create the group first.'
		);
	});

	it('does not accept a group name with different inner spacing', () => {
		expect(onlyIssue({ TechnicianGroups: 'Tier1' }).code).toBe('group_unknown');
	});
});
