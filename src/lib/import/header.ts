// The header check: which file column feeds which template column. An exact header maps itself; otherwise
// near-misses (`client name`, `Client_Name`), other tools' names (`Company`, `Surname`, `Zip Code`) and
// small typos are suggested for the admin to confirm, and missing, unknown and duplicated columns are named.
import { STANDARD_SHAPE, type TemplateShape } from '$lib/domain/custom-fields';
import { TEMPLATE_COLUMNS } from '$lib/domain/template';
import type { TemplateColumn } from '$lib/domain/template';

/** Per file column: the template column index it feeds, or null when ignored. */
export type ColumnMapping = (number | null)[];

export type ColumnVerdict = 'exact' | 'near-miss' | 'duplicate' | 'unknown' | 'empty';

export interface HeaderCheck {
	exact: boolean;
	/** One per file column. */
	columns: { name: string; target: number | null; verdict: ColumnVerdict }[];
	mapping: ColumnMapping;
}

const SECONDARY = ['Secondary', 'Second', 'Alternate', 'Alternative', 'Alt', 'Billing', 'Other'];
const secondary = (...endings: string[]) =>
	SECONDARY.flatMap((who) => endings.flatMap((ending) => [`${who} ${ending}`, `${who} Contact ${ending}`]));

/**
 * What other PSA tools, CRMs and spreadsheets call the template's columns. Compared with case, spaces,
 * punctuation and underscores ignored, and a trailing plural `s` dropped.
 */
const SYNONYMS: Record<TemplateColumn, string[]> = {
	ClientName: [
		'Client',
		'Company',
		'Company Name',
		'Organization',
		'Organisation',
		'Organization Name',
		'Organisation Name',
		'Org',
		'Org Name',
		'Account',
		'Account Name',
		'Customer',
		'Customer Name',
		'Business',
		'Business Name',
		'Name'
	],
	PrimaryContactFirstName: [
		'First Name',
		'Firstname',
		'First',
		'Given Name',
		'Forename',
		'Contact First Name',
		'Contact Given Name',
		'Main Contact First Name',
		'Primary First Name'
	],
	PrimaryContactLastName: [
		'Last Name',
		'Lastname',
		'Last',
		'Surname',
		'Family Name',
		'Contact Last Name',
		'Contact Surname',
		'Main Contact Last Name',
		'Primary Last Name'
	],
	PrimaryContactEmail: [
		'Email',
		'E-mail',
		'Email Address',
		'E-mail Address',
		'Contact Email',
		'Contact E-mail',
		'Contact Email Address',
		'Main Email',
		'Main Contact Email',
		'Primary Email'
	],
	Code: [
		'Country Code',
		'Calling Code',
		'Country Calling Code',
		'Dial Code',
		'Dialing Code',
		'Dialling Code',
		'Phone Code',
		'International Code'
	],
	PhoneNumber: [
		'Phone',
		'Phone No',
		'Main Phone',
		'Telephone',
		'Telephone Number',
		'Tel',
		'Office Phone',
		'Work Phone',
		'Business Phone',
		'Company Phone',
		'Contact Phone'
	],
	SecondaryContactFirstName: secondary('First Name', 'Given Name'),
	SecondaryContactLastName: secondary('Last Name', 'Surname', 'Family Name'),
	SecondaryContactEmail: secondary('Email', 'E-mail', 'Email Address'),
	SiteName: ['Site', 'Location', 'Location Name', 'Office', 'Office Name', 'Branch'],
	AddressLine: [
		'Address',
		'Address 1',
		'Address Line 1',
		'Street',
		'Street 1',
		'Street Address',
		'Street Address 1',
		'Addr'
	],
	City: ['Town', 'Town/City', 'City/Town', 'Locality'],
	State: ['Province', 'Region', 'County', 'State/Province', 'Province/State', 'State/Region', 'State or Province'],
	Country: ['Country/Region', 'Country Name', 'Nation'],
	PostalCode: ['Zip', 'Zip Code', 'Postcode', 'Post Code', 'ZIP/Postal Code', 'Postal/Zip Code', 'Postal'],
	Timezone: ['Time Zone', 'TZ', 'Timezone Name', 'Time Zone Name', 'IANA Time Zone'],
	EmailDomains: ['Domains', 'Domain', 'Email Domain', 'Website', 'Web Site', 'Web Domain'],
	AccountManager: [
		'Account Manager',
		'Account Manager Email',
		'Account Owner',
		'Account Owner Email',
		'Owner Email',
		'Technician Email',
		'Manager',
		'Owner',
		'Technician',
		'Primary Technician',
		'Assigned Technician',
		'Lead Technician'
	],
	TechnicianGroups: ['Groups', 'Group', 'Technician Group', 'Team', 'Teams', 'Support Team']
};

function normalise(name: string): string {
	return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const SYNONYM_INDEX = new Map<string, number>(
	TEMPLATE_COLUMNS.flatMap((column, index) =>
		SYNONYMS[column].map((name): [string, number] => [normalise(name), index])
	)
);

/** Edit distance where swapping two neighbouring letters counts once (`ClientNmae` is one edit away). */
function editDistance(a: string, b: string): number {
	const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
	for (let j = 1; j <= b.length; j++) d[0][j] = j;
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
				d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
		}
	}
	return d[a.length][b.length];
}

const normalisedTemplate = TEMPLATE_COLUMNS.map(normalise);

/**
 * Names a typo may be close to, with the edits allowed: the template's (one per six letters, two at most),
 * and the synonyms long enough that one wrong letter still says which column is meant (`Compnay Name`, not
 * `Tel` for `Tea`), one edit each. More would take a full name for a first or last one: `Billing Contact
 * Name` is three edits from `Billing Contact Surname`, `Secondary Contact Name` four from the template's.
 */
const TYPO_CANDIDATES: { name: string; index: number; allowed: number; digits: string }[] = [
	...normalisedTemplate.map((name, index) => ({
		name,
		index,
		allowed: Math.min(2, Math.max(1, Math.floor(name.length / 6)))
	})),
	...[...SYNONYM_INDEX].filter(([name]) => name.length >= 8).map(([name, index]) => ({ name, index, allowed: 1 }))
].map((candidate) => ({ ...candidate, digits: candidate.name.replace(/\D/g, '') }));

/** The template column a header cell names in another tool's words, or undefined. */
function synonymColumn(key: string): number | undefined {
	return SYNONYM_INDEX.get(key) ?? SYNONYM_INDEX.get(key.replace(/s$/, ''));
}

/** The template column a header cell names with a small typo, or undefined. */
function typoColumn(key: string): number | undefined {
	const digits = key.replace(/\D/g, '');
	let best: { index: number; distance: number } | undefined;
	for (const candidate of TYPO_CANDIDATES) {
		const { allowed } = candidate;
		// A different number is another column (`Address 2` is not `Address 1`), not a typo.
		if (candidate.digits !== digits || Math.abs(candidate.name.length - key.length) > allowed) continue;
		const distance = editDistance(key, candidate.name);
		if (distance <= allowed && (!best || distance < best.distance)) best = { index: candidate.index, distance };
	}
	return best?.index;
}

/** The template or custom column a header cell names, case, spaces and punctuation aside. */
function sameColumn(key: string, columns: readonly string[]): number | undefined {
	const index = columns.findIndex((column) => normalise(column) === key);
	return index < 0 ? undefined : index;
}

export function checkHeader(
	header: readonly string[],
	templateColumns: readonly string[] = TEMPLATE_COLUMNS
): HeaderCheck {
	const trimmed = header.map((name) => name.trim());
	const keys = trimmed.map(normalise);
	const exact = trimmed.length === templateColumns.length && trimmed.every((name, i) => name === templateColumns[i]);
	/** Template column → the file column that feeds it. */
	const takenBy = new Map<number, number>();
	const columns: HeaderCheck['columns'] = trimmed.map((name) => ({
		name,
		target: null,
		verdict: name === '' ? 'empty' : 'unknown'
	}));
	const settled = new Set<number>();
	// Stronger matches first, each pass in file order: `ClientName` wins over an earlier `client name`, which
	// wins over an earlier `Company`; of two synonyms of one column the first wins and the other is left
	// for the admin.
	const passes: ((i: number) => number | undefined)[] = [
		(i) => {
			const index = templateColumns.indexOf(trimmed[i]);
			return index < 0 ? undefined : index;
		},
		(i) => sameColumn(keys[i], templateColumns),
		(i) => synonymColumn(keys[i]),
		(i) => typoColumn(keys[i])
	];
	passes.forEach((match, pass) => {
		trimmed.forEach((name, i) => {
			if (settled.has(i) || name === '') return;
			const index = match(i);
			if (index === undefined) return;
			settled.add(i);
			const holder = takenBy.get(index);
			if (holder === undefined) {
				takenBy.set(index, i);
				columns[i] = { name, target: index, verdict: pass === 0 ? 'exact' : 'near-miss' };
			} else if (keys[holder] === keys[i]) {
				columns[i] = { name, target: null, verdict: 'duplicate' };
			}
			// Otherwise another name for a column already fed: left unknown, for the admin to map if it is
			// the better one.
		});
	});
	return { exact, columns, mapping: columns.map((c) => c.target) };
}

/** Whether a mapping can be read: every required column fed, none fed twice. */
export function mappingComplete(mapping: ColumnMapping, shape: TemplateShape = STANDARD_SHAPE): boolean {
	return missingColumns(mapping, shape).required.length === 0 && doublyMapped(mapping, shape.columns).length === 0;
}

/** Template columns no file column feeds: required ones first. */
export function missingColumns(
	mapping: ColumnMapping,
	shape: TemplateShape = STANDARD_SHAPE
): { required: string[]; optional: string[] } {
	const fed = new Set(mapping.filter((target): target is number => target !== null));
	const missing = shape.columns.filter((_, index) => !fed.has(index));
	return {
		required: missing.filter((c) => shape.required.includes(c)),
		optional: missing.filter((c) => !shape.required.includes(c))
	};
}

/** Template columns that two file columns feed (after the admin changed the mapping). */
export function doublyMapped(mapping: ColumnMapping, columns: readonly string[] = TEMPLATE_COLUMNS): string[] {
	const seen = new Set<number>();
	const twice = new Set<number>();
	for (const target of mapping) {
		if (target === null) continue;
		if (seen.has(target)) twice.add(target);
		seen.add(target);
	}
	return [...twice].map((index) => columns[index]);
}

/** A file record in template order, per the mapping. */
export function toTemplateRow(
	record: readonly string[],
	mapping: ColumnMapping,
	width: number = TEMPLATE_COLUMNS.length
): string[] {
	// Plain loops: this runs once per row of a million-row file.
	const row = new Array<string>(width).fill('');
	const fields = Math.min(mapping.length, record.length);
	for (let i = 0; i < fields; i++) {
		const target = mapping[i];
		if (target !== null) row[target] = record[i];
	}
	return row;
}

/** A mapping by template column name, as it is remembered: names stay put when custom fields change. */
export function mappingByName(mapping: ColumnMapping, columns: readonly string[]): (string | null)[] {
	return mapping.map((target) => (target === null ? null : (columns[target] ?? null)));
}

/** A remembered mapping back to indexes; a column no longer in the template is left unmapped. */
export function mappingFromNames(names: readonly (string | null)[], columns: readonly string[]): ColumnMapping {
	return names.map((name) => {
		const index = name === null ? -1 : columns.indexOf(name);
		return index < 0 ? null : index;
	});
}
