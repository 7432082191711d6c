// The rules of one row: every column's rule, the rules across fields and the rules against the workspace.
// Uniqueness within a file lives in `uniqueness.ts`, since it needs the other rows.
import { commonCountryName, countryFromText } from './country-lookup';
import { checkCustomValue } from './custom-fields';
import { normaliseCountry, normaliseSubdivision, subdivisionsOf } from './countries';
import { isDomainName, isEmail, lengthOf } from './field-rules';
import { cleanDomainList, cleanEmail, cleanGroupList, splitGroupNames, splitPhone, technicianByName } from './fixers';
import type { IssueCode, IssueFix, RowIssue, Severity } from './issues';
import { callingCodeDigits, fitsCountry, isRealCallingCode } from './phone';
import { subdivisionFromText } from './subdivision-lookup';
import { COL, COLUMN_LABELS, REQUIRED_COLUMNS, TEMPLATE_COLUMNS, splitList } from './template';
import type { TemplateColumn } from './template';
import { judgeZone, zonesForCountry } from './timezones';
import { checkExtraValue } from './extra-columns';
import { clientNameKey, emailKey, existingClientOf, groupKey } from './workspace';
import type { WorkspaceIndex } from './workspace';
import { isAbbreviationElsewhere, zoneFromOffset, zoneFromWindowsName, type ZoneGuess } from './zone-lookup';

const MAX_LENGTH: Partial<Record<TemplateColumn, number>> = {
	ClientName: 100,
	PrimaryContactFirstName: 50,
	PrimaryContactLastName: 50,
	SecondaryContactFirstName: 50,
	SecondaryContactLastName: 50,
	SiteName: 100,
	AddressLine: 200,
	City: 100,
	PostalCode: 20
};
/** The limits in template order, as the row's issues are listed. */
const LENGTH_LIMITS = TEMPLATE_COLUMNS.flatMap((column): [TemplateColumn, number][] => {
	const max = MAX_LENGTH[column];
	return max === undefined ? [] : [[column, max]];
});

export interface CheckOptions {
	/** When editing a stored client, its own name and email are not duplicates of itself. */
	selfClientId?: string;
}

/** What a problem may carry besides its message: its one fix, or the values to choose from, and a severity. */
interface ReportExtra {
	fix?: IssueFix;
	choices?: string[];
	severity?: Severity;
}

/** Template column → its index, for the rules' many look-ups by name (faster than COL's keyed reads). */
const COLUMN_INDEX = new Map(TEMPLATE_COLUMNS.map((column, index) => [column, index]));

type Report = (column: TemplateColumn, code: IssueCode, message: string, extra?: ReportExtra) => void;
type Read = (column: TemplateColumn) => string;

function collector(values: readonly string[]): { issues: RowIssue[]; report: Report; v: Read } {
	const issues: RowIssue[] = [];
	const report: Report = (column, code, message, { fix, choices, severity = 'error' } = {}) =>
		issues.push({
			column: COL[column],
			severity,
			code,
			message,
			...(fix !== undefined && { fix }),
			...(choices !== undefined && choices.length > 0 && { choices })
		});
	const trimmed = TEMPLATE_COLUMNS.map((_, i) => (values[i] ?? '').trim());
	return { issues, report, v: (column) => trimmed[COLUMN_INDEX.get(column)!] };
}

/** "a, b or c", for messages that offer choices. */
function orList(values: readonly string[]): string {
	return values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

/** Checks one row (values in template order) against every rule that needs no other row of the file. */
export function checkRow(values: readonly string[], workspace: WorkspaceIndex, options: CheckOptions = {}): RowIssue[] {
	const { issues, report, v } = collector(values);
	for (const column of REQUIRED_COLUMNS) {
		// An empty Timezone is judged with the row's country, which may give its one zone.
		if (v(column) === '' && column !== 'Timezone') {
			report(column, 'required', `${COLUMN_LABELS[column]} is required: fill it in.`);
		}
	}
	for (const [column, max] of LENGTH_LIMITS) {
		// A value no longer than its limit in UTF-16 units is no longer in characters: most need no count.
		const value = v(column);
		if (value.length <= max) continue;
		const length = lengthOf(value);
		if (length > max) {
			report(column, 'too_long', `${COLUMN_LABELS[column]} is ${length} characters long: keep it to ${max} or fewer.`);
		}
	}
	const email = v('PrimaryContactEmail');
	if (email !== '' && !isEmail(email)) reportBadEmail('PrimaryContactEmail', email, report);
	const country = checkCountry(v('Country'), v('State'), report);
	checkPhone(v('Code'), v('PhoneNumber'), country, report);
	checkSecondaryContact(values, report);

	const site = v('SiteName');
	if (/[\r\n]/.test(site)) report('SiteName', 'one_line', 'Site name must be on one line: remove the line break.');
	else if (/[,;]/.test(site)) {
		report(
			'SiteName',
			'site_list',
			`Site name "${site}" looks like a list: a client has one site here (its HQ), so keep one name.`
		);
	}

	checkTimezone(v('Timezone'), country, v('State'), report);
	checkDomains(v('EmailDomains'), report);
	checkWorkspaceRules(values, v, workspace, options, report);
	workspace.customFields.forEach((field, i) => {
		const column = TEMPLATE_COLUMNS.length + i;
		const issue = checkCustomValue(field, (values[column] ?? '').trim(), column);
		if (issue) issues.push(issue);
	});
	for (let column = workspace.firstExtraColumn; column < workspace.columns.length; column++) {
		const issue = checkExtraValue(workspace.columns[column], (values[column] ?? '').trim(), column);
		if (issue) issues.push(issue);
	}
	return issues;
}

/**
 * The rules against the workspace alone (existing clients, sign-up email, technicians, groups): cheap
 * look-ups, re-run at commit time against the database as it is then.
 */
export function checkRowAgainstWorkspace(
	values: readonly string[],
	workspace: WorkspaceIndex,
	options: CheckOptions = {}
): RowIssue[] {
	const { issues, report, v } = collector(values);
	checkWorkspaceRules(values, v, workspace, options, report);
	return issues;
}

function checkWorkspaceRules(
	values: readonly string[],
	v: Read,
	workspace: WorkspaceIndex,
	options: CheckOptions,
	report: Report
) {
	const name = v('ClientName');
	const named = name === '' ? undefined : workspace.clientByNameKey.get(clientNameKey(name));
	// In an import that updates existing clients, a row naming one (by its ClientId, or else by its name) is that
	// client's update: its own name and email are not duplicates of itself.
	const existing = workspace.updateExisting ? existingClientOf((column) => values[column] ?? '', workspace) : undefined;
	const self = options.selfClientId ?? existing?.id;
	if (named && named.id !== self) {
		report(
			'ClientName',
			'name_exists',
			existing?.byId && existing.id === self
				? `This row updates "${existing.name}" (its ClientId), but another client is named "${named.name}": choose another name, or clear the ClientId to add a new client.`
				: `A client named "${named.name}" already exists in this workspace: rename this one, or remove the row.`
		);
	}
	const email = v('PrimaryContactEmail');
	if (email !== '' && isEmail(email)) {
		const key = emailKey(email);
		if (workspace.signUpEmail !== '' && key === workspace.signUpEmail) {
			report(
				'PrimaryContactEmail',
				'email_is_signup',
				`${email} is this workspace's sign-up email, so it can't be a client's contact: use the client's own address.`
			);
		}
		const owner = workspace.clientIdByEmail.get(key);
		if (owner !== undefined && owner !== self) {
			const ownerName = workspace.clientNameById.get(owner);
			report(
				'PrimaryContactEmail',
				'email_exists',
				self !== undefined && existing && ownerName !== undefined
					? `This row updates "${existing.name}", but ${email} is the primary contact email of another client, "${ownerName}": use that client's name, or another email.`
					: `Another client already has ${email} as its primary contact email: use a different email.`
			);
		}
	}
	const manager = v('AccountManager');
	if (manager !== '' && !workspace.technicianIdByEmail.has(emailKey(manager))) {
		checkManagerName(manager, workspace, report);
	}
	checkGroups(v('TechnicianGroups'), workspace, report);
}

function checkManagerName(manager: string, workspace: WorkspaceIndex, report: Report) {
	const byName = technicianByName(manager, workspace);
	if (byName && 'value' in byName) {
		report(
			'AccountManager',
			'technician_unknown',
			`Account manager is a technician's email: "${manager}" is ${byName.value}, so use that.`,
			{ fix: { kind: 'account_manager', value: byName.value } }
		);
	} else if (byName) {
		report(
			'AccountManager',
			'technician_unknown',
			`${byName.choices.length} technicians are named "${manager}": choose one's email (${orList(byName.choices)}).`,
			{ choices: byName.choices }
		);
	} else {
		report(
			'AccountManager',
			'technician_unknown',
			`No technician in this workspace has the email "${manager}": use one of theirs, or add the technician first.`
		);
	}
}

function checkGroups(value: string, workspace: WorkspaceIndex, report: Report) {
	if (value === '') return;
	// Files from other tools separate groups with semicolons or bars: judge the names they mean.
	const unknown = splitGroupNames(value).filter((name) => !workspace.groupByKey.has(groupKey(name)));
	if (unknown.length > 0) {
		const names = unknown.map((g) => `"${g}"`).join(', ');
		const what = unknown.length === 1 ? `No group named ${names} exists` : `No groups named ${names} exist`;
		report(
			'TechnicianGroups',
			'group_unknown',
			`${what} in this workspace: use existing group names, or create the group first.`
		);
		return;
	}
	if (splitList(value).every((name) => workspace.groupByKey.has(groupKey(name)))) return;
	const list = cleanGroupList(value, workspace);
	report(
		'TechnicianGroups',
		'group_list',
		`Technician groups are separated by commas${list ? `: use "${list}"` : ''}.`,
		list ? { fix: { kind: 'groups', value: list } } : {}
	);
}

function reportBadEmail(column: 'PrimaryContactEmail' | 'SecondaryContactEmail', email: string, report: Report) {
	const clean = cleanEmail(email);
	report(
		column,
		'email_invalid',
		clean
			? `"${email}" is not a bare email address: use ${clean}.`
			: `"${email}" is not a valid email address: write it like name@example.com.`,
		clean ? { fix: { kind: 'email', value: clean } } : {}
	);
}

function checkPhone(code: string, phone: string, country: string | undefined, report: Report) {
	let codeDigits: string | undefined;
	if (code !== '') {
		codeDigits = callingCodeDigits(code);
		if (codeDigits === undefined) {
			report(
				'Code',
				'code_format',
				`Calling code "${code}" should be 1 to 3 digits with an optional + (e.g. 1, +44, 91).`
			);
		} else if (!isRealCallingCode(codeDigits)) {
			report(
				'Code',
				'code_unknown',
				`+${codeDigits} is not a country calling code: check it (e.g. 1 for the US, 44 for the UK).`
			);
			codeDigits = undefined;
		}
	}
	if (phone === '') return;
	const digitsOnly = /^\d+$/.test(phone);
	// What the phone means, when it is written with a +CC, punctuation, or without its Code.
	const parts = !digitsOnly || code === '' ? splitPhone(code, phone, country) : undefined;
	const phoneFix = (column: 'Code' | 'PhoneNumber'): ReportExtra => {
		if (!parts) return {};
		const fillCode = code === '' && parts.code !== '';
		if (column === 'Code') {
			if (!fillCode) return {};
			const also = parts.phone !== phone ? { column: COL.PhoneNumber, value: parts.phone } : undefined;
			return { fix: { kind: 'phone', value: parts.code, ...(also && { also }) } };
		}
		const also = fillCode ? { column: COL.Code, value: parts.code } : undefined;
		return { fix: { kind: 'phone', value: parts.phone, ...(also && { also }) } };
	};
	if (code === '') {
		const use = parts && parts.code !== '' ? `: use ${parts.code}` : ' (e.g. 1, +44, 91)';
		report('Code', 'code_required', `Calling code is needed with a phone number${use}.`, phoneFix('Code'));
	}
	if (!digitsOnly) {
		const use = parts
			? `: use ${parts.phone}${code === '' && parts.code !== '' ? ` and Code ${parts.code}` : ''}`
			: ', with the calling code in Code';
		report(
			'PhoneNumber',
			'phone_format',
			`Phone number "${phone}" may only contain digits${use}.`,
			phoneFix('PhoneNumber')
		);
		return;
	}
	if (phone.length < 4 || phone.length > 15) {
		report('PhoneNumber', 'phone_length', `Phone number has ${phone.length} digits: it needs 4 to 15.`);
		return;
	}
	if (codeDigits !== undefined && !fitsCountry(codeDigits, phone)) {
		report(
			'PhoneNumber',
			'phone_not_for_country',
			`${phone} does not look like a valid number for +${codeDigits}: check it.`,
			{ severity: 'warning' }
		);
	}
}

function checkSecondaryContact(values: readonly string[], report: Report) {
	const first = (values[COL.SecondaryContactFirstName] ?? '').trim();
	const last = (values[COL.SecondaryContactLastName] ?? '').trim();
	const email = (values[COL.SecondaryContactEmail] ?? '').trim();
	if (email === '') {
		if (first !== '' || last !== '') {
			report(
				'SecondaryContactEmail',
				'secondary_email_required',
				"Secondary contact email is needed with a secondary contact: add it, or clear the secondary contact's name."
			);
		}
		return;
	}
	if (!isEmail(email)) {
		reportBadEmail('SecondaryContactEmail', email, report);
	} else if (emailKey(email) === emailKey(values[COL.PrimaryContactEmail] ?? '')) {
		report(
			'SecondaryContactEmail',
			'secondary_email_same',
			"Secondary contact email is the same as the primary's: use another person's email, or leave the secondary contact empty."
		);
	}
}

/**
 * Checks Country and State; returns the country the row means: its code when valid, or the code its fix gives
 * (so a State or Timezone is judged, and fixed, for "United States" as for US).
 */
function checkCountry(countryValue: string, state: string, report: Report): string | undefined {
	let country: string | undefined;
	if (countryValue !== '') {
		country = normaliseCountry(countryValue);
		if (country === undefined) {
			country = countryFromText(countryValue);
			report(
				'Country',
				'country_invalid',
				country
					? `Country "${countryValue}" is not an ISO 3166 two-letter code: use ${country} (${commonCountryName(country)}).`
					: `Country "${countryValue}" is not an ISO 3166 two-letter code: use one such as US, GB or IN.`,
				country ? { fix: { kind: 'country_name', value: country } } : {}
			);
		}
	} else if (state !== '') {
		report('Country', 'country_required', 'Country is needed with a State: add the two-letter country code (e.g. US).');
	}
	if (state !== '' && country !== undefined && normaliseSubdivision(state, country) === undefined) {
		const byName = subdivisionFromText(country, state);
		if (byName) {
			const short = byName.slice(byName.indexOf('-') + 1);
			report(
				'State',
				'state_invalid',
				`State "${state}" is written as a name: use its ISO 3166-2 code ${short} (${byName}).`,
				{ fix: { kind: 'state_name', value: short } }
			);
		} else {
			const example = subdivisionsOf(country)[0];
			const hint = example ? `, e.g. ${example.code.split('-')[1]} or ${example.code} for ${example.name}` : '';
			report(
				'State',
				'state_invalid',
				`State "${state}" is not a subdivision of ${commonCountryName(country)}: use its ISO 3166-2 code${hint}.`
			);
		}
	}
	return country;
}

/** Checks Timezone for the row's country and its State as written (code or name: BC, CA-BC, British Columbia). */
function checkTimezone(zone: string, country: string | undefined, state: string, report: Report) {
	if (zone === '') {
		const zones = country ? zonesForCountry(country) : [];
		const one = zones.length === 1 ? zones[0] : undefined;
		report(
			'Timezone',
			'required',
			one
				? `Timezone is required: ${commonCountryName(country!)} has one zone, ${one}.`
				: 'Timezone is required: fill it in.',
			one ? { fix: { kind: 'timezone_from_country', value: one } } : { choices: zones.length <= 10 ? zones : undefined }
		);
		return;
	}
	const verdict = judgeZone(zone);
	if (verdict.kind === 'link' && isAbbreviationElsewhere(zone, verdict.canonical, country, state)) {
		// CET, EST, MST are links to one city's zone (Brussels, Panama, Phoenix): for a row of another country,
		// or of a state tz gives another zone (MST in Idaho), they mean that region's zone with the same offset.
		reportUnknownZone(zone, country, state, report);
	} else if (verdict.kind === 'link') {
		report('Timezone', 'timezone_link', `Timezone "${zone}" is an old name: use ${verdict.canonical}.`, {
			fix: { kind: 'timezone_old_name', value: verdict.canonical }
		});
	} else if (verdict.kind === 'wrong-case') {
		report(
			'Timezone',
			'timezone_case',
			`Timezone "${zone}" is not written as the tz database writes it: use ${verdict.canonical}.`,
			{ fix: { kind: 'timezone_old_name', value: verdict.canonical } }
		);
	} else if (verdict.kind === 'unknown') {
		reportUnknownZone(zone, country, state, report);
	}
}

function reportUnknownZone(zone: string, country: string | undefined, state: string, report: Report) {
	const where = country ? ` in ${commonCountryName(country)}` : '';
	const guesses: [ZoneGuess, 'timezone_windows' | 'timezone_offset', string][] = [
		[zoneFromWindowsName(zone, country, state), 'timezone_windows', 'a Windows time-zone name'],
		[zoneFromOffset(zone, country, state), 'timezone_offset', 'an offset or abbreviation, not a zone']
	];
	for (const [guess, kind, what] of guesses) {
		if (!guess) continue;
		if ('zone' in guess) {
			report('Timezone', 'timezone_unknown', `Timezone "${zone}" is ${what}: use ${guess.zone}.`, {
				fix: { kind, value: guess.zone }
			});
		} else {
			report(
				'Timezone',
				'timezone_unknown',
				`Timezone "${zone}" is ${what}, and several zones${where} fit it: choose ${orList(guess.choices)}.`,
				{ choices: guess.choices }
			);
		}
		return;
	}
	const local = country ? zonesForCountry(country).slice(0, 3) : [];
	const examples =
		local.length > 0
			? `for ${commonCountryName(country!)}: ${local.join(', ')}`
			: 'such as America/New_York, Europe/London or Etc/UTC';
	report('Timezone', 'timezone_unknown', `Timezone "${zone}" is not a tz database zone: use one ${examples}.`);
}

/** The message for a list of domains with bad ones in it, or undefined when every one is a domain name. */
export function domainsProblem(domains: readonly string[]): string | undefined {
	const bad = domains.filter((domain) => !isDomainName(domain));
	if (bad.length === 0) return undefined;
	const first = bad[0];
	const atFix = first.includes('@') ? first.slice(first.lastIndexOf('@') + 1) : undefined;
	const how =
		atFix && isDomainName(atFix)
			? `write the domain without @ (${atFix})`
			: 'write each like acme.com, separated by commas';
	return `${bad.map((d) => `"${d}"`).join(', ')} ${bad.length === 1 ? 'is not a domain name' : 'are not domain names'}: ${how}.`;
}

function checkDomains(value: string, report: Report) {
	const problem = domainsProblem(splitList(value));
	if (!problem) return;
	const list = cleanDomainList(value);
	if (list) {
		report('EmailDomains', 'domain_invalid', `Email domains are domain names separated by commas: use "${list}".`, {
			fix: { kind: 'domains', value: list }
		});
	} else report('EmailDomains', 'domain_invalid', problem);
}
