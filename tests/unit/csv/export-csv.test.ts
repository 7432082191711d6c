import { describe, expect, it } from 'vitest';
import { toClientRecord, type ClientRecord } from '$lib/domain/client';
import type { CustomField } from '$lib/domain/custom-fields';
import { hasError } from '$lib/domain/issues';
import { checkRow } from '$lib/domain/rules';
import { COL, TEMPLATE_COLUMNS } from '$lib/domain/template';
import { indexWorkspace, type WorkspaceIndex, type WorkspaceSnapshot } from '$lib/domain/workspace';
import { defaultBusinessHours } from '$lib/domain/client-extras';
import { ExportColumns } from '$lib/domain/extra-columns';
import { normaliseHours } from '$lib/domain/extras-text';
import { parseCsv } from '../../helpers/parse-csv';
import { clientsCsv, exportLookups } from '$lib/csv/export-csv';
import type { ParsedRow } from '$lib/import/protocol';
import { inspectFile, readFile } from '$lib/import/read-file';
import { SNAPSHOT, validRow, type RowOverrides } from '../domain/valid-row';

const CUSTOM_FIELDS: CustomField[] = [
	{ id: 'cf-notes', name: 'Notes', type: 'text', required: false, options: [] },
	{ id: 'cf-seats', name: 'Seats', type: 'number', required: false, options: [] },
	{ id: 'cf-renewal', name: 'Renewal date', type: 'date', required: false, options: [] },
	{ id: 'cf-tier', name: 'Contract tier', type: 'dropdown', required: false, options: ['Bronze', 'Silver', 'Gold'] },
	{ id: 'cf-onsite', name: 'On-site support', type: 'checkbox', required: false, options: [] }
];

const SNAPSHOT_WITH_FIELDS: WorkspaceSnapshot = { ...SNAPSHOT, clients: [], customFields: CUSTOM_FIELDS };
/** The workspace the clients were made in, and the one the export is read back into (the same one, emptied). */
const WORKSPACE = indexWorkspace(SNAPSHOT_WITH_FIELDS);
const LOOKUPS = exportLookups(SNAPSHOT.technicians, SNAPSHOT.groups, CUSTOM_FIELDS);

let nextId = 0;
function client(overrides: RowOverrides, custom: string[] = []): ClientRecord {
	const values = [...validRow(overrides), ...custom];
	expect(checkRow(values, WORKSPACE).filter((issue) => issue.severity === 'error')).toEqual([]);
	return toClientRecord(values, WORKSPACE, {
		id: `client-${++nextId}`,
		createdAt: '2026-02-01T09:00:00.000Z',
		importId: 'import-1'
	});
}

const CLIENTS: ClientRecord[] = [
	client({}, ['Prefers email', '12.5', '2026-03-31', 'Silver', 'yes']),
	client(
		{
			ClientName: '-Minus Corp',
			PrimaryContactEmail: 'ops@minus.example',
			Code: '+44',
			PhoneNumber: '2079460958',
			SecondaryContactFirstName: '',
			SecondaryContactLastName: '',
			SecondaryContactEmail: '',
			State: 'ENG',
			Country: 'gb',
			Timezone: 'Europe/London',
			EmailDomains: '',
			AccountManager: '',
			TechnicianGroups: ''
		},
		['', '-5', '', '', 'no']
	),
	client(
		{
			ClientName: '=Equals & Sons, "Ltd"',
			PrimaryContactFirstName: 'Zoë',
			PrimaryContactLastName: 'Ångström',
			PrimaryContactEmail: 'zoe@equals.example',
			SecondaryContactFirstName: 'Søren',
			SecondaryContactLastName: "O'Brien",
			SecondaryContactEmail: 'soren@equals.example',
			AddressLine: 'Suite 4\nBuilding 2, rear',
			PostalCode: '02134',
			EmailDomains: 'EQUALS.example, equals.example, equals.co.uk',
			AccountManager: 'TOM.BERG@msp.example',
			TechnicianGroups: 'security, tier 1'
		},
		['@mention them', '', '', 'Gold', '']
	),
	client({ ClientName: '+Plus Clinic', PrimaryContactEmail: 'desk@plus.example', Code: '', PhoneNumber: '' }, [
		'=1+1',
		'',
		'',
		'',
		''
	]),
	client({ ClientName: '@At Studio', PrimaryContactEmail: 'hello@at.example', Country: '', State: '' }, [
		'',
		'',
		'',
		'',
		''
	])
];

/** What the template does not carry: ids, dates, the import, and the form's extras. */
const NOT_EXPORTED = [
	'id',
	'createdAt',
	'updatedAt',
	'importId',
	'logo',
	'businessHours',
	'holidays',
	'properties'
] as const;

/** A client as the export carries it. */
function exported(record: ClientRecord): Partial<ClientRecord> {
	const copy: Partial<ClientRecord> = { ...record };
	for (const key of NOT_EXPORTED) delete copy[key];
	return copy;
}

/** The export read as the importer reads it: its rows, and the workspace with the extra columns its header carries. */
async function readBack(csv: string): Promise<{ rows: ParsedRow[]; workspace: WorkspaceIndex }> {
	// As downloadText saves it: with a UTF-8 byte order mark.
	const file = new File(['\uFEFF' + csv], 'clients-export.csv', { type: 'text/csv' });
	const inspection = await inspectFile(file, {}, WORKSPACE.columns);
	expect(inspection.headerCheck.exact).toBe(true);
	const workspace = indexWorkspace({ ...SNAPSHOT_WITH_FIELDS, extraColumns: inspection.headerCheck.extraColumns });
	const rows: ParsedRow[] = [];
	await readFile(file, {
		settings: inspection.settings,
		mapping: inspection.headerCheck.mapping,
		workspace,
		onRows: (batch) => rows.push(...batch)
	});
	return { rows, workspace };
}

describe('clientsCsv', () => {
	it("heads the file with the template's columns, then each custom field's name", () => {
		const [header] = parseCsv(clientsCsv([], LOOKUPS), ',');
		expect(header).toEqual([...TEMPLATE_COLUMNS, 'Notes', 'Seats', 'Renewal date', 'Contract tier', 'On-site support']);
	});

	it('writes one row per client, names in place of ids', () => {
		const [, ...rows] = parseCsv(clientsCsv(CLIENTS, LOOKUPS), ',');
		expect(rows).toHaveLength(CLIENTS.length);
		const equals = rows[2];
		expect(equals[COL.AccountManager]).toBe('tom.berg@msp.example');
		expect(equals[COL.TechnicianGroups]).toBe('Security, Tier 1');
		expect(equals[COL.EmailDomains]).toBe('equals.example, equals.co.uk');
		expect(equals[COL.State]).toBe('US-NY');
		expect(equals.slice(TEMPLATE_COLUMNS.length)).toEqual(["'@mention them", '', '', 'Gold', '']);
		expect(rows[1][COL.Code]).toBe('44');
	});

	it('guards cells a spreadsheet would run as formulas', () => {
		const [, ...rows] = parseCsv(clientsCsv(CLIENTS, LOOKUPS), ',');
		expect(rows.map((row) => row[COL.ClientName])).toEqual([
			'Contoso Dental Group',
			"'-Minus Corp",
			'\'=Equals & Sons, "Ltd"',
			"'+Plus Clinic",
			"'@At Studio"
		]);
		expect(rows[1][TEMPLATE_COLUMNS.length + 1]).toBe("'-5");
	});

	it('leaves out a group or manager that no longer exists', () => {
		const lookups = exportLookups(SNAPSHOT.technicians.slice(0, 1), SNAPSHOT.groups.slice(1), []);
		const [, row] = parseCsv(clientsCsv([CLIENTS[2]], lookups), ',');
		expect(row[COL.AccountManager]).toBe('');
		expect(row[COL.TechnicianGroups]).toBe('Security');
	});

	it('writes the rows alone when asked, so chunks can be joined', () => {
		expect(clientsCsv([], LOOKUPS, { header: false })).toBe('');
		const joined = clientsCsv([], LOOKUPS) + clientsCsv(CLIENTS, LOOKUPS, { header: false });
		expect(joined).toBe(clientsCsv(CLIENTS, LOOKUPS));
	});
});

describe('an export read back by the importer', () => {
	it('gives the same clients without extra columns: every row valid, every record equal', async () => {
		const { rows } = await readBack(clientsCsv(CLIENTS, LOOKUPS));
		expect(rows.map((row) => row.rowNumber)).toEqual([2, 3, 4, 5, 6]);
		for (const row of rows) expect(hasError(row.issues), JSON.stringify(row.issues)).toBe(false);
		const records = rows.map((row, i) => toClientRecord(row.values, WORKSPACE, { id: 'new', createdAt: `t${i}` }));
		expect(records.map(exported)).toEqual(CLIENTS.map(exported));
	});

	it('carries every field but the logo: hours, holidays and properties come back equal', async () => {
		const withExtras: ClientRecord[] = CLIENTS.map((c, i) => ({
			...c,
			logo: i === 0 ? new Blob(['png'], { type: 'image/png' }) : null,
			businessHours:
				i === 1
					? { ...defaultBusinessHours(), alwaysOpen: true }
					: normaliseHours({
							alwaysOpen: false,
							days: [
								{ day: 'mon', open: true, start: '08:30', end: '17:30' },
								{ day: 'sat', open: i === 2, start: '10:00', end: '14:00' }
							]
						}),
			holidays:
				i === 3
					? []
					: [
							{ date: '2026-12-25', name: 'Christmas Day' },
							{ date: '2027-01-01', name: 'New Year; "the first", eve\nand day' }
						],
			properties:
				i === 4
					? []
					: [
							{ name: 'Door code', value: '=4711' },
							{ name: 'Wi-Fi, guest', value: 'say "hello",\nthen wait' }
						]
		}));
		const extra = new ExportColumns();
		extra.add(withExtras);
		const lookups = exportLookups(SNAPSHOT.technicians, SNAPSHOT.groups, CUSTOM_FIELDS, extra.columns);
		const { rows, workspace } = await readBack(clientsCsv(withExtras, lookups));
		for (const row of rows) expect(hasError(row.issues), JSON.stringify(row.issues)).toBe(false);
		const records = rows.map((row, i) =>
			toClientRecord(row.values, workspace, { id: withExtras[i].id, createdAt: withExtras[i].createdAt, importId: 'import-1' })
		);
		expect(records).toEqual(withExtras.map((c) => ({ ...c, logo: null })));
	});
});
