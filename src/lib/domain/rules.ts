// The rules of one row: every column's rule, the rules across fields and the rules against the workspace.
// Uniqueness within a file lives in `uniqueness.ts`, since it needs the other rows.
import { iso31661Alpha3ToAlpha2 } from 'iso-3166';
import { checkCustomValue } from './custom-fields';
import { countryName, normaliseCountry, normaliseSubdivision, subdivisionsOf } from './countries';
import { isDomainName, isEmail, lengthOf } from './field-rules';
import type { IssueCode, RowIssue, Severity } from './issues';
import { callingCodeDigits, fitsCountry, isRealCallingCode } from './phone';
import { COL, COLUMN_LABELS, REQUIRED_COLUMNS, TEMPLATE_COLUMNS, splitList } from './template';
import type { TemplateColumn } from './template';
import { judgeZone, zonesForCountry } from './timezones';
import { clientNameKey, emailKey, groupKey } from './workspace';
import type { WorkspaceIndex } from './workspace';

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

export interface CheckOptions {
	/** When editing a stored client, its own name and email are not duplicates of itself. */
	selfClientId?: string;
}

type Report = (column: TemplateColumn, code: IssueCode, message: string, fix?: string, severity?: Severity) => void;
type Read = (column: TemplateColumn) => string;

function collector(values: readonly string[]): { issues: RowIssue[]; report: Report; v: Read } {
	const issues: RowIssue[] = [];
	const report: Report = (column, code, message, fix, severity = 'error') =>
		issues.push({ column: COL[column], severity, code, message, ...(fix !== undefined && { fix }) });
	return { issues, report, v: (column) => (values[COL[column]] ?? '').trim() };
}

/** Checks one row (values in template order) against every rule that needs no other row of the file. */
export function checkRow(values: readonly string[], workspace: WorkspaceIndex, options: CheckOptions = {}): RowIssue[] {
	const { issues, report, v } = collector(values);
	for (const column of REQUIRED_COLUMNS) {
		if (v(column) === '') report(column, 'required', `${COLUMN_LABELS[column]} is required: fill it in.`);
	}
	for (const column of TEMPLATE_COLUMNS) {
		const max = MAX_LENGTH[column];
		const length = lengthOf(v(column));
		if (max !== undefined && length > max) {
			report(column, 'too_long', `${COLUMN_LABELS[column]} is ${length} characters long: keep it to ${max} or fewer.`);
		}
	}
	const email = v('PrimaryContactEmail');
	if (email !== '' && !isEmail(email)) {
		report(
			'PrimaryContactEmail',
			'email_invalid',
			`"${email}" is not a valid email address: write it like name@example.com.`
		);
	}
	checkPhone(v('Code'), v('PhoneNumber'), report);
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

	const country = checkCountry(v('Country'), v('State'), report);
	checkTimezone(v('Timezone'), country, report);
	checkDomains(v('EmailDomains'), report);
	checkWorkspaceRules(v, workspace, options, report);
	workspace.customFields.forEach((field, i) => {
		const column = TEMPLATE_COLUMNS.length + i;
		const issue = checkCustomValue(field, (values[column] ?? '').trim(), column);
		if (issue) issues.push(issue);
	});
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
	checkWorkspaceRules(v, workspace, options, report);
	return issues;
}

function checkWorkspaceRules(v: Read, workspace: WorkspaceIndex, options: CheckOptions, report: Report) {
	const name = v('ClientName');
	const existing = name === '' ? undefined : workspace.clientByNameKey.get(clientNameKey(name));
	if (existing && existing.id !== options.selfClientId) {
		report(
			'ClientName',
			'name_exists',
			`A client named "${existing.name}" already exists in this workspace: rename this one, or remove the row.`
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
		if (owner !== undefined && owner !== options.selfClientId) {
			report(
				'PrimaryContactEmail',
				'email_exists',
				`Another client already has ${email} as its primary contact email: use a different email.`
			);
		}
	}
	const manager = v('AccountManager');
	if (manager !== '' && !workspace.technicianIdByEmail.has(emailKey(manager))) {
		report(
			'AccountManager',
			'technician_unknown',
			`No technician in this workspace has the email "${manager}": use one of theirs, or add the technician first.`
		);
	}
	const unknownGroups = splitList(v('TechnicianGroups')).filter((g) => !workspace.groupByKey.has(groupKey(g)));
	if (unknownGroups.length > 0) {
		const names = unknownGroups.map((g) => `"${g}"`).join(', ');
		const what = unknownGroups.length === 1 ? `No group named ${names} exists` : `No groups named ${names} exist`;
		report(
			'TechnicianGroups',
			'group_unknown',
			`${what} in this workspace: use existing group names, or create the group first.`
		);
	}
}

function checkPhone(code: string, phone: string, report: Report) {
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
	if (code === '')
		report('Code', 'code_required', 'Calling code is needed with a phone number: add it (e.g. 1, +44, 91).');
	if (!/^\d+$/.test(phone)) {
		const digits = phone.replace(/\D/g, '');
		const canFix = /^[\d\s\-.()]+$/.test(phone) && digits.length >= 4 && digits.length <= 15;
		report(
			'PhoneNumber',
			'phone_format',
			`Phone number "${phone}" may only contain digits: remove spaces, dashes, dots and brackets${canFix ? ` (${digits})` : ''}.`,
			canFix ? digits : undefined
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
			undefined,
			'warning'
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
		report(
			'SecondaryContactEmail',
			'email_invalid',
			`"${email}" is not a valid email address: write it like name@example.com.`
		);
	} else if (emailKey(email) === emailKey(values[COL.PrimaryContactEmail] ?? '')) {
		report(
			'SecondaryContactEmail',
			'secondary_email_same',
			"Secondary contact email is the same as the primary's: use another person's email, or leave the secondary contact empty."
		);
	}
}

/** Checks Country and State; returns the normalised country code when valid. */
function checkCountry(countryValue: string, state: string, report: Report): string | undefined {
	let country: string | undefined;
	if (countryValue !== '') {
		country = normaliseCountry(countryValue);
		if (country === undefined) {
			const upper = countryValue.toUpperCase();
			const alpha2 = upper === 'UK' ? 'GB' : iso31661Alpha3ToAlpha2[upper];
			report(
				'Country',
				'country_invalid',
				alpha2
					? `Country "${countryValue}" is not an ISO 3166 two-letter code: use ${alpha2}.`
					: `Country "${countryValue}" is not an ISO 3166 two-letter code: use one such as US, GB or IN.`,
				alpha2
			);
		}
	} else if (state !== '') {
		report('Country', 'country_required', 'Country is needed with a State: add the two-letter country code (e.g. US).');
	}
	if (state !== '' && country !== undefined && normaliseSubdivision(state, country) === undefined) {
		const example = subdivisionsOf(country)[0];
		const hint = example ? `, e.g. ${example.code.split('-')[1]} or ${example.code} for ${example.name}` : '';
		report(
			'State',
			'state_invalid',
			`State "${state}" is not a subdivision of ${countryName(country)}: use its ISO 3166-2 code${hint}.`
		);
	}
	return country;
}

function checkTimezone(zone: string, country: string | undefined, report: Report) {
	if (zone === '') return;
	const verdict = judgeZone(zone);
	if (verdict.kind === 'link') {
		report(
			'Timezone',
			'timezone_link',
			`Timezone "${zone}" is an old name: use ${verdict.canonical}.`,
			verdict.canonical
		);
	} else if (verdict.kind === 'wrong-case') {
		report(
			'Timezone',
			'timezone_case',
			`Timezone "${zone}" is not written as the tz database writes it: use ${verdict.canonical}.`,
			verdict.canonical
		);
	} else if (verdict.kind === 'unknown') {
		const local = country ? zonesForCountry(country).slice(0, 3) : [];
		const examples =
			local.length > 0
				? `for ${countryName(country!)}: ${local.join(', ')}`
				: 'such as America/New_York, Europe/London or Etc/UTC';
		report('Timezone', 'timezone_unknown', `Timezone "${zone}" is not a tz database zone: use one ${examples}.`);
	}
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
	if (problem) report('EmailDomains', 'domain_invalid', problem);
}
