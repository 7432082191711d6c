// The one right answer for a value the rules refuse, where there is one: pure functions that turn a cell into
// what the template wants, or return undefined when they cannot be sure. The rules attach what they return
// to the issue (see `IssueFix`), so the worker, the grid, the fix panel and the form all offer the same fix.
import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { CustomField } from './custom-fields';
import { isDomainName, isEmail } from './field-rules';
import type { FixKind, IssueFix } from './issues';
import { TEMPLATE_COLUMNS } from './template';
import { callingCodeDigits, isRealCallingCode } from './phone';
import { groupKey, personNameKey, type WorkspaceIndex } from './workspace';

/** What the fix panel calls each kind of fix, for a whole file at once. */
export const FIX_LABELS: { readonly [K in FixKind]: string } = {
	country_name: 'Countries written as names → their two-letter codes',
	state_name: 'States and provinces written as names → their ISO 3166-2 codes',
	timezone_old_name: 'Old or mis-cased time-zone names → the current zone',
	timezone_windows: 'Windows time zones → the zone for the row’s country and state',
	timezone_offset: 'UTC offsets and abbreviations → the one zone with that offset for the row’s country and state',
	timezone_from_country: 'Empty time zones → the country’s only zone',
	phone: 'Phone numbers → digits, with the calling code in Code',
	email: 'Email addresses with a name, mailto: or spaces → the bare address',
	domains: 'Email domain lists → domain names separated by commas',
	account_manager: 'Account managers given by name → the technician’s email',
	groups: 'Technician groups → the groups’ own names, separated by commas',
	custom_value: 'Custom field values → the form the field takes (true/false, plain numbers, options)'
};

/**
 * `Name <a@b.com>`, `mailto:a@b.com`, `a @ b.com` → the address; undefined when that is not an email either.
 * Spaces go only where they sit beside `@` or a dot: `maria garcia@x.com` has no one right answer.
 */
export function cleanEmail(value: string): string | undefined {
	let address = value.trim();
	const angled = /<([^<>]*)>/.exec(address);
	if (angled) address = angled[1];
	address = address
		.trim()
		.replace(/^mailto:\s*/i, '')
		.replace(/\s*([@.])\s*/g, '$1')
		.replace(/^["']+|["'.,;]+$/g, '');
	return address !== value.trim() && isEmail(address) ? address : undefined;
}

/** One domain as people write it (`@acme.com`, `https://www.acme.com/`, `ACME.COM`) → `acme.com`. */
function cleanDomain(part: string): string {
	let domain = part.trim().toLowerCase();
	domain = domain.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
	domain = domain.slice(domain.lastIndexOf('@') + 1);
	domain = domain.replace(/[/?#:].*$/, '').replace(/\.$/, '');
	if (domain.startsWith('www.') && isDomainName(domain.slice(4))) domain = domain.slice(4);
	return domain;
}

/**
 * A list of domains separated by `,`, `;`, `|` or spaces, with `@`, `www.`, `https://` or repeats → the comma
 * list the template wants; undefined when any part is still not a domain name.
 */
export function cleanDomainList(value: string): string | undefined {
	const parts = value.split(/[\s,;|]+/).filter((part) => part !== '');
	const domains = [...new Set(parts.map(cleanDomain))];
	if (domains.length === 0 || !domains.every(isDomainName)) return undefined;
	const list = domains.join(', ');
	return list !== value.trim() ? list : undefined;
}

export interface PhoneParts {
	/** The calling code's digits: '' when neither the number, the Code nor the country tells it. */
	code: string;
	/** The national number's digits. */
	phone: string;
}

const PHONE_PUNCTUATION = /[\s\-.()/\u00a0]/g;

/**
 * A phone written with a +CC or 00CC prefix, or with spaces, dashes, dots or brackets → its calling code and
 * national digits; a national number whose country is known keeps its digits (less a trunk prefix, when the
 * number is valid without it). Undefined when the number's own code disagrees with the Code column, or when
 * what is left is not 4 to 15 digits (an extension, letters).
 */
export function splitPhone(codeValue: string, phoneValue: string, country: string | undefined): PhoneParts | undefined {
	const code = callingCodeDigits(codeValue);
	const given = code !== undefined && isRealCallingCode(code) ? code : undefined;
	const written = phoneValue.trim().replace(PHONE_PUNCTUATION, '');
	const international = /^(\+|00)/.test(written);
	const digits = written.replace(/^(\+|00)/, '');
	if (!/^\d+$/.test(digits)) return undefined;

	let parts: PhoneParts;
	if (international) {
		const parsed = parsePhoneNumberFromString(`+${digits}`);
		if (!parsed) return undefined;
		if (given !== undefined && given !== parsed.countryCallingCode) return undefined;
		parts = { code: parsed.countryCallingCode, phone: parsed.nationalNumber };
	} else {
		const known = given ?? callingCodeOf(country);
		parts = { code: known ?? '', phone: digits };
		if (known !== undefined) {
			const parsed = parsePhoneNumberFromString(digits, { defaultCallingCode: known });
			if (parsed?.isValid() && parsed.countryCallingCode === known) parts.phone = parsed.nationalNumber;
		}
	}
	return parts.phone.length >= 4 && parts.phone.length <= 15 ? parts : undefined;
}

/** The calling code of a country (`IN` → `91`), or undefined when libphonenumber does not know it. */
export function callingCodeOf(country: string | undefined): string | undefined {
	if (!country) return undefined;
	try {
		return getCountryCallingCode(country as CountryCode);
	} catch {
		return undefined;
	}
}

export type Choice<T> = { value: T } | { choices: T[] } | undefined;

/**
 * A technician named instead of by email ("Alice Johnson", "Johnson, Alice", "alice johnson") → their email
 * when exactly one technician has that name; the emails to choose from when several do.
 */
export function technicianByName(value: string, workspace: WorkspaceIndex): Choice<string> {
	if (value.includes('@')) return undefined;
	const comma = /^([^,]+),([^,]+)$/.exec(value);
	const name = comma ? `${comma[2]} ${comma[1]}` : value;
	const emails = workspace.technicianEmailsByName.get(personNameKey(name));
	if (!emails || emails.length === 0) return undefined;
	return emails.length === 1 ? { value: emails[0] } : { choices: [...emails] };
}

/** Group names as files write them: separated by commas, semicolons or bars. */
export function splitGroupNames(value: string): string[] {
	return value
		.split(/[,;|]/)
		.map((part) => part.trim())
		.filter((part) => part !== '');
}

/** Every group the cell names exists → their own names, comma-separated, once each; else undefined. */
export function cleanGroupList(value: string, workspace: WorkspaceIndex): string | undefined {
	const groups = splitGroupNames(value).map((name) => workspace.groupByKey.get(groupKey(name)));
	if (groups.length === 0 || groups.some((group) => group === undefined)) return undefined;
	const list = [...new Set(groups.map((group) => group!.name))].join(', ');
	return list !== value.trim() ? list : undefined;
}

const TRUE_SHORT = ['y', 't', '1', 'on'];
const FALSE_SHORT = ['n', 'f', '0', 'off'];

/** A custom field's value in a form its type does not take, but means one thing → that thing. */
export function cleanCustomValue(field: CustomField, value: string): string | undefined {
	const lower = value.trim().toLowerCase();
	switch (field.type) {
		case 'checkbox':
			if (TRUE_SHORT.includes(lower)) return 'true';
			if (FALSE_SHORT.includes(lower)) return 'false';
			return undefined;
		case 'number': {
			// Thousands grouped by commas, spaces or apostrophes, with a dot for decimals: 1,234.5, 12 000, 1'000.
			const match = /^([+-]?)(\d{1,3}(?:([,' \u00a0])\d{3})(?:\3\d{3})*)(\.\d+)?$/.exec(value.trim());
			if (!match) return /^\+\d+(\.\d+)?$/.test(value.trim()) ? value.trim().slice(1) : undefined;
			const sign = match[1] === '-' ? '-' : '';
			return `${sign}${match[2].replace(/[,' \u00a0]/g, '')}${match[4] ?? ''}`;
		}
		case 'date': {
			const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value.trim());
			if (!match) return undefined;
			const iso = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
			const date = new Date(`${iso}T00:00:00Z`);
			return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
		}
		case 'dropdown':
			return field.options.find((option) => option.toLowerCase() === lower);
		default:
			return undefined;
	}
}

/** What a fix writes beside its cell, in words: "Code 1". */
export function alsoText(also: NonNullable<IssueFix['also']>): string {
	return `${TEMPLATE_COLUMNS[also.column] ?? 'and'} ${also.value}`;
}

/** A fix's button, the same in the grid's details and in the form: "Use 301234567 with Code 49", "Use IN". */
export function fixLabel(fix: IssueFix): string {
	return `Use ${fix.value}${fix.also ? ` with ${alsoText(fix.also)}` : ''}`;
}
