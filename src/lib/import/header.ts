// The header check: which file column feeds which template column. An exact header maps itself; otherwise
// near-misses (`client name`, `Client_Name`, `Primary Contact Email`, common synonyms, small typos) are
// suggested for the admin to confirm, and missing, unknown and duplicated columns are named.
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

const SYNONYMS: Record<string, TemplateColumn> = {
	client: 'ClientName',
	company: 'ClientName',
	companyname: 'ClientName',
	customer: 'ClientName',
	customername: 'ClientName',
	name: 'ClientName',
	firstname: 'PrimaryContactFirstName',
	contactfirstname: 'PrimaryContactFirstName',
	lastname: 'PrimaryContactLastName',
	contactlastname: 'PrimaryContactLastName',
	email: 'PrimaryContactEmail',
	contactemail: 'PrimaryContactEmail',
	primaryemail: 'PrimaryContactEmail',
	callingcode: 'Code',
	countrycode: 'Code',
	phonecode: 'Code',
	dialcode: 'Code',
	phone: 'PhoneNumber',
	telephone: 'PhoneNumber',
	site: 'SiteName',
	address: 'AddressLine',
	street: 'AddressLine',
	town: 'City',
	province: 'State',
	region: 'State',
	stateprovince: 'State',
	zip: 'PostalCode',
	zipcode: 'PostalCode',
	postcode: 'PostalCode',
	tz: 'Timezone',
	timezonename: 'Timezone',
	domains: 'EmailDomains',
	domain: 'EmailDomains',
	accountmanageremail: 'AccountManager',
	manager: 'AccountManager',
	groups: 'TechnicianGroups',
	techniciangroup: 'TechnicianGroups'
};

function normalise(name: string): string {
	return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

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

/** The template column a header cell most likely means, or undefined. */
function likelyColumn(name: string): number | undefined {
	const key = normalise(name);
	if (key === '') return undefined;
	const same = normalisedTemplate.indexOf(key);
	if (same >= 0) return same;
	const synonym = SYNONYMS[key] ?? SYNONYMS[key.replace(/s$/, '')];
	if (synonym) return TEMPLATE_COLUMNS.indexOf(synonym);
	let best: { index: number; distance: number } | undefined;
	normalisedTemplate.forEach((candidate, index) => {
		const distance = editDistance(key, candidate);
		if (distance <= Math.max(1, Math.floor(candidate.length / 6)) && (!best || distance < best.distance)) {
			best = { index, distance };
		}
	});
	return best?.index;
}

/** A custom column written another way (`contract end` for `Contract End`). */
function likelyCustomColumn(name: string, columns: readonly string[]): number | undefined {
	const key = normalise(name);
	const index = columns.findIndex((column, i) => i >= TEMPLATE_COLUMNS.length && normalise(column) === key);
	return index < 0 ? undefined : index;
}

export function checkHeader(
	header: readonly string[],
	templateColumns: readonly string[] = TEMPLATE_COLUMNS
): HeaderCheck {
	const trimmed = header.map((name) => name.trim());
	const exact = trimmed.length === templateColumns.length && trimmed.every((name, i) => name === templateColumns[i]);
	const taken = new Set<number>();
	const columns: HeaderCheck['columns'] = trimmed.map(() => ({ name: '', target: null, verdict: 'unknown' }));
	// Exact names first, so that `ClientName` wins over an earlier `client name`.
	trimmed.forEach((name, i) => {
		const index = templateColumns.indexOf(name);
		if (index < 0) return;
		columns[i] = taken.has(index)
			? { name, target: null, verdict: 'duplicate' }
			: { name, target: index, verdict: 'exact' };
		taken.add(index);
	});
	trimmed.forEach((name, i) => {
		if (columns[i].verdict !== 'unknown') return;
		if (name === '') {
			columns[i] = { name, target: null, verdict: 'empty' };
			return;
		}
		const index = likelyColumn(name) ?? likelyCustomColumn(name, templateColumns);
		if (index === undefined) columns[i] = { name, target: null, verdict: 'unknown' };
		else if (taken.has(index)) columns[i] = { name, target: null, verdict: 'duplicate' };
		else {
			columns[i] = { name, target: index, verdict: 'near-miss' };
			taken.add(index);
		}
	});
	return { exact, columns, mapping: columns.map((c) => c.target) };
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
