// The client import template: its columns in order, as the contract names them. A row is an array of
// strings in this order, which keeps 1M-row files compact and lets the worker, grid and form share it.

export const TEMPLATE_COLUMNS = [
	'ClientName',
	'PrimaryContactFirstName',
	'PrimaryContactLastName',
	'PrimaryContactEmail',
	'Code',
	'PhoneNumber',
	'SecondaryContactFirstName',
	'SecondaryContactLastName',
	'SecondaryContactEmail',
	'SiteName',
	'AddressLine',
	'City',
	'State',
	'Country',
	'PostalCode',
	'Timezone',
	'EmailDomains',
	'AccountManager',
	'TechnicianGroups'
] as const;

export type TemplateColumn = (typeof TEMPLATE_COLUMNS)[number];

/** Column index by name: `values[COL.Timezone]`. */
export const COL = Object.fromEntries(TEMPLATE_COLUMNS.map((name, index) => [name, index])) as {
	readonly [K in TemplateColumn]: number;
};

export const REQUIRED_COLUMNS: readonly TemplateColumn[] = [
	'ClientName',
	'PrimaryContactFirstName',
	'PrimaryContactLastName',
	'PrimaryContactEmail',
	'SiteName',
	'Timezone'
];

/** Plain names for messages and form labels. */
export const COLUMN_LABELS: { readonly [K in TemplateColumn]: string } = {
	ClientName: 'Client name',
	PrimaryContactFirstName: 'Primary contact first name',
	PrimaryContactLastName: 'Primary contact last name',
	PrimaryContactEmail: 'Primary contact email',
	Code: 'Calling code',
	PhoneNumber: 'Phone number',
	SecondaryContactFirstName: 'Secondary contact first name',
	SecondaryContactLastName: 'Secondary contact last name',
	SecondaryContactEmail: 'Secondary contact email',
	SiteName: 'Site name',
	AddressLine: 'Address line',
	City: 'City',
	State: 'State',
	Country: 'Country',
	PostalCode: 'Postal code',
	Timezone: 'Timezone',
	EmailDomains: 'Email domains',
	AccountManager: 'Account manager',
	TechnicianGroups: 'Technician groups'
};

/** Splits a comma-separated cell (EmailDomains, TechnicianGroups) into trimmed, non-empty parts. */
export function splitList(value: string): string[] {
	return value
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part !== '');
}
