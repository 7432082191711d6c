// The header check: which file column feeds which template column. An exact header maps itself; otherwise
// near-misses (`client name`, `Client_Name`), other tools' names (`Company`, `Surname`, `Zip Code`) and
// small typos are suggested for the admin to confirm, and missing, unknown and duplicated columns are named.
import { editDistance } from '$lib/domain/edit-distance';
import { extraColumnOf, extraColumnsIn } from '$lib/domain/extra-columns';
import { COL, TEMPLATE_COLUMNS } from '$lib/domain/template';
import type { TemplateColumn } from '$lib/domain/template';
import { filledBy, sameTarget, SPLIT_PARTS, type ColumnMapping, type ColumnTarget, type Contact } from './column-plan';

export type ColumnVerdict = 'exact' | 'near-miss' | 'duplicate' | 'unknown' | 'empty';

export interface HeaderCheck {
	exact: boolean;
	/** One per file column. */
	columns: { name: string; target: ColumnTarget; verdict: ColumnVerdict }[];
	mapping: ColumnMapping;
	/** The extra columns the header carries (`extra-columns.ts`): the mapping's targets count them after `known`. */
	extraColumns: string[];
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
		'Client Company',
		'Customer Account',
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
		'Primary First Name',
		'Person First Name'
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
		'Primary Last Name',
		'Person Last Name'
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
		'Primary Email',
		'Primary Email Address',
		'Work Email',
		'Business Email',
		'Person Email'
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
		'Contact Phone',
		'Mobile',
		'Mobile Phone',
		'Mobile Phone Number',
		'Mobile Number',
		'Cell',
		'Cell Phone',
		'Work Phone Number',
		'Office Phone Number',
		'Direct Phone',
		'Direct Phone Number',
		'Primary Phone',
		'Person Phone'
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
		'Addr',
		'Billing Street',
		'Billing Address',
		'Mailing Street',
		'Mailing Address',
		'Organization Address',
		'Address 1: Street 1'
	],
	City: ['Town', 'Town/City', 'City/Town', 'Locality', 'Billing City', 'Mailing City', 'Address 1: City'],
	State: [
		'Province',
		'Region',
		'County',
		'State/Province',
		'Province/State',
		'State/Region',
		'State or Province',
		'State/Province/Region',
		'Billing State',
		'Billing State/Province',
		'Mailing State',
		'Mailing State/Province',
		'Address 1: State/Province'
	],
	Country: [
		'Country/Region',
		'Country Name',
		'Nation',
		'Country/Territory',
		'Billing Country',
		'Mailing Country',
		'Address 1: Country/Region'
	],
	PostalCode: [
		'Zip',
		'Zip Code',
		'Postcode',
		'Post Code',
		'ZIP/Postal Code',
		'Postal/Zip Code',
		'Postal',
		'Billing Zip/Postal Code',
		'Billing Postal Code',
		'Billing Code',
		'Mailing Zip/Postal Code',
		'Address 1: ZIP/Postal Code'
	],
	Timezone: ['Time Zone', 'TZ', 'Timezone Name', 'Time Zone Name', 'IANA Time Zone', 'Local Time Zone'],
	EmailDomains: [
		'Domains',
		'Domain',
		'Email Domain',
		'Website',
		'Web Site',
		'Web Domain',
		'Website URL',
		'Domain Name',
		'Company Domain Name'
	],
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
		'Lead Technician',
		'Company Owner',
		'Contact Owner',
		'Record Owner',
		'Owner Name',
		'Account Owner Name',
		'Account Manager Name',
		'Organization Owner',
		'Relationship Manager',
		'Sales Rep',
		'Salesperson',
		'Assigned To',
		'Primary Resource'
	],
	TechnicianGroups: [
		'Groups',
		'Group',
		'Technician Group',
		'Team',
		'Teams',
		'Support Team',
		'Support Group',
		'Service Team',
		'Assigned Team'
	]
};

/** A contact's full name in one column, as other tools head it: split into the template's first and last name. */
const FULL_NAME_SYNONYMS: Record<Contact, string[]> = {
	primary: [
		'Contact',
		'Contact Name',
		'Contact Full Name',
		'Contact Person',
		'Full Name',
		'Primary Contact',
		'Primary Contact Name',
		'Primary Contact Full Name',
		'Main Contact',
		'Main Contact Name',
		'Person Name',
		'Person'
	],
	secondary: [...secondary('Name', 'Full Name'), ...SECONDARY.map((who) => `${who} Contact`)]
};

/**
 * The second line of an address, as other tools head it: it joins AddressLine after the first line ("100
 * Market St, Suite 400") instead of being left out.
 */
const ADDRESS_LINE_2 = [
	'Address 2',
	'Address Line 2',
	'Address Line 3',
	'Street 2',
	'Street Address 2',
	'Street Address 3',
	'Billing Street 2',
	'Mailing Street 2',
	'Address 1: Street 2',
	'Suite',
	'Apt/Suite'
];

function normalise(name: string): string {
	return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const SYNONYM_INDEX = new Map<string, number>(
	TEMPLATE_COLUMNS.flatMap((column, index) =>
		SYNONYMS[column].map((name): [string, number] => [normalise(name), index])
	)
);

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
		const distance = editDistance(key, candidate.name, allowed);
		if (distance <= allowed && (!best || distance < best.distance)) best = { index: candidate.index, distance };
	}
	return best?.index;
}

/** The template or custom column a header cell names, case, spaces and punctuation aside. */
function sameColumn(key: string, columns: readonly string[]): number | undefined {
	const index = columns.findIndex((column) => normalise(column) === key);
	return index < 0 ? undefined : index;
}

/** A contact's full name, headed in another tool's words: which contact, or undefined. */
const FULL_NAME_INDEX = new Map<string, Contact>(
	(['primary', 'secondary'] as const).flatMap((contact) =>
		FULL_NAME_SYNONYMS[contact].map((name): [string, Contact] => [normalise(name), contact])
	)
);

const ADDRESS_LINE_2_KEYS = new Set(ADDRESS_LINE_2.map(normalise));

/** What a pass says of a header cell: its target, and whether it may join a column another cell fills. */
interface PassMatch {
	target: ColumnTarget;
	joins?: boolean;
}

/**
 * Maps a file's header onto `known` (the template's columns and the custom fields'), and onto the extra columns
 * the header carries (Hours, Holidays, properties, ClientId), which follow them in the row.
 */
export function checkHeader(header: readonly string[], known: readonly string[] = TEMPLATE_COLUMNS): HeaderCheck {
	const extraColumns = extraColumnsIn(header, known);
	const templateColumns = [...known, ...extraColumns];
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
	/** File columns taken as a second address line: the first line still joins them. */
	const joinParts = new Set<number>();
	const asColumn = (index: number | undefined): PassMatch | undefined =>
		index === undefined || index < 0 ? undefined : { target: index };
	// Stronger matches first, each pass in file order: `ClientName` wins over an earlier `client name`, which
	// wins over an earlier `Company`; of two synonyms of one column the first wins and the other is left
	// for the admin. A second address line joins the first; a full name splits into first and last.
	// A contact whose first or last name has a column of its own gets no split of a full name.
	const named = new Set(keys.map((key) => sameColumn(key, templateColumns) ?? synonymColumn(key)));
	const passes: ((i: number) => PassMatch | undefined)[] = [
		(i) => asColumn(templateColumns.indexOf(trimmed[i])),
		(i) => asColumn(sameColumn(keys[i], templateColumns)),
		(i) => {
			const extra = extraColumns.indexOf(extraColumnOf(trimmed[i]) ?? '');
			return extra < 0 ? undefined : { target: known.length + extra };
		},
		(i) => {
			const contact = FULL_NAME_INDEX.get(keys[i]);
			if (contact && !SPLIT_PARTS[contact].some((column) => named.has(column))) return { target: { split: contact } };
			if (contact) return undefined;
			if (ADDRESS_LINE_2_KEYS.has(keys[i])) return { target: COL.AddressLine, joins: true };
			return asColumn(synonymColumn(keys[i]));
		},
		(i) => asColumn(typoColumn(keys[i]))
	];
	passes.forEach((match, pass) => {
		trimmed.forEach((name, i) => {
			if (settled.has(i) || name === '') return;
			const found = match(i);
			if (found === undefined) return;
			settled.add(i);
			const fills = filledBy(found.target);
			const holders = fills.map((column) => takenBy.get(column)).filter((holder) => holder !== undefined);
			if (holders.length === 0 || found.joins || holders.every((holder) => joinParts.has(holder))) {
				if (found.joins) joinParts.add(i);
				for (const column of fills)
					if (!takenBy.has(column) || joinParts.has(takenBy.get(column)!)) takenBy.set(column, i);
				columns[i] = { name, target: found.target, verdict: pass === 0 ? 'exact' : 'near-miss' };
			} else if (
				holders.some((holder) => keys[holder] === keys[i] && sameTarget(columns[holder].target, found.target))
			) {
				columns[i] = { name, target: null, verdict: 'duplicate' };
			}
			// Otherwise another name for a column already fed: left unknown, for the admin to map if it is
			// the better one.
		});
	});
	return { exact, columns, mapping: columns.map((c) => c.target), extraColumns };
}
