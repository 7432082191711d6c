import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { checkRow } from '$lib/domain/rules';
import { COL, TEMPLATE_COLUMNS } from '$lib/domain/template';
import { EMPTY_WORKSPACE, indexWorkspace } from '$lib/domain/workspace';
import { sampleCsv, sampleRow } from '$lib/csv/sample-csv';

const technicians = [
	{ id: 't1', email: 'Priya.Shah@msp.example', firstName: 'Priya', lastName: 'Shah' },
	{ id: 't2', email: 'tom@msp.example', firstName: 'Tom', lastName: 'Berg' }
];
const groups = [
	{ id: 'g1', name: 'Tier 1' },
	{ id: 'g2', name: 'Network Team' },
	{ id: 'g3', name: 'Security' }
];
const workspace = indexWorkspace({
	technicians,
	groups,
	clients: [],
	signUpEmail: 'owner@msp.example',
	customFields: []
});
const emails = technicians.map((t) => t.email);
const names = groups.map((g) => g.name);

function parse(csv: string): string[][] {
	return Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
}

describe('sampleRow', () => {
	it('has one value per template column', () => {
		expect(sampleRow(emails, names)).toHaveLength(TEMPLATE_COLUMNS.length);
	});

	it('passes every rule against the workspace whose technicians and groups it uses', () => {
		expect(checkRow(sampleRow(emails, names), workspace)).toEqual([]);
	});

	it('uses the first technician as account manager and the first two groups', () => {
		const row = sampleRow(emails, names);
		expect(row[COL.AccountManager]).toBe('Priya.Shah@msp.example');
		expect(row[COL.TechnicianGroups]).toBe('Tier 1, Network Team');
	});

	it('uses the only group when the workspace has one', () => {
		expect(sampleRow(emails, ['Tier 1'])[COL.TechnicianGroups]).toBe('Tier 1');
	});

	it('leaves account manager and groups empty for a workspace without any, and still passes', () => {
		const row = sampleRow([], []);
		expect(row[COL.AccountManager]).toBe('');
		expect(row[COL.TechnicianGroups]).toBe('');
		expect(checkRow(row, EMPTY_WORKSPACE)).toEqual([]);
	});

	it('shows the contract’s own formats: calling code, state, country and timezone', () => {
		const row = sampleRow(emails, names);
		expect(row[COL.Code]).toMatch(/^\+?\d{1,3}$/);
		expect(row[COL.PhoneNumber]).toMatch(/^\d{4,15}$/);
		expect(row[COL.Country]).toBe('US');
		expect(row[COL.Timezone]).toBe('America/New_York');
	});
});

describe('sampleCsv', () => {
	it('starts with exactly the template’s header', () => {
		const csv = sampleCsv(emails, names);
		expect(csv.split('\r\n')[0]).toBe(TEMPLATE_COLUMNS.join(','));
		expect(parse(csv)[0]).toEqual([...TEMPLATE_COLUMNS]);
	});

	it('holds the header and one example row, with CRLF line ends', () => {
		const csv = sampleCsv(emails, names);
		expect(csv.endsWith('\r\n')).toBe(true);
		expect(csv.split('\r\n')).toHaveLength(3);
		expect(parse(csv)).toHaveLength(2);
	});

	it('reads back as the sample row, which passes checkRow', () => {
		const [, row] = parse(sampleCsv(emails, names));
		expect(row).toEqual(sampleRow(emails, names));
		expect(checkRow(row, workspace)).toEqual([]);
	});
});
