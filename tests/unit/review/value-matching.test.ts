import { describe, expect, it } from 'vitest';
import { COL, TEMPLATE_COLUMNS, type TemplateColumn } from '$lib/domain/template';
import { matchKey } from '$lib/domain/value-match';
import type { WorkspaceSnapshot } from '$lib/domain/workspace';
import {
	gatherRefusedValues,
	gatherRefusedValuesInSlices,
	matchChanges,
	rememberedChanges,
	rowsToMatch
} from '$lib/review/value-matching';

const MSP: WorkspaceSnapshot = {
	technicians: [
		{ id: 'tech-alice', email: 'alice.johnson@msp.example', firstName: 'Alice', lastName: 'Johnson' },
		{ id: 'tech-bob', email: 'bsmith@msp.example', firstName: 'Bob', lastName: 'Smith' },
		{ id: 'tech-carol', email: 'carol.diaz@msp.example', firstName: 'Carol', lastName: 'Díaz' },
		{ id: 'tech-dan', email: 'dan.jl@msp.example', firstName: 'Dan', lastName: 'Johnson-Lee' }
	],
	groups: ['Service Desk', 'Network Operations', 'Security Operations', 'Managed Services', 'Projects', 'Helpdesk'].map(
		(name, i) => ({ id: `group-${i}`, name })
	),
	clients: [],
	signUpEmail: 'owner@msp.example',
	customFields: []
};

type Cells = Partial<Record<TemplateColumn, string>>;

/** A row whose five matched columns (and Country, State) hold only what is given, valid by default. */
function row(rowNumber: number, cells: Cells = {}) {
	const values = TEMPLATE_COLUMNS.map(() => '');
	const given: Cells = { ClientName: `Client ${rowNumber}`, Country: 'US', Timezone: 'America/New_York', ...cells };
	for (const [column, value] of Object.entries(given)) values[COL[column as TemplateColumn]] = value ?? '';
	return { rowNumber, values };
}

function summary(rows: ReturnType<typeof row>[]) {
	return gatherRefusedValues(rows, MSP).map((r) => [r.column, r.written, r.rowNumbers]);
}

describe('gatherRefusedValues', () => {
	it('finds nothing in valid rows, case aside', () => {
		const rows = [
			row(2, { AccountManager: 'Alice.Johnson@MSP.example', TechnicianGroups: 'service desk, Projects' }),
			row(3, { Country: 'ca', State: 'bc', Timezone: 'America/Vancouver' }),
			row(4, { Country: '', Timezone: 'Etc/UTC' })
		];
		expect(gatherRefusedValues(rows, MSP)).toEqual([]);
	});

	it('lists a refused account manager once with every row carrying it, case and spaces aside', () => {
		const found = gatherRefusedValues(
			[row(2, { AccountManager: 'A. Johnson' }), row(3), row(4, { AccountManager: ' a.  johnson ' })],
			MSP
		);
		expect(found).toEqual([
			{
				key: matchKey('AccountManager', 'A. Johnson', {}),
				column: 'AccountManager',
				columnIndex: COL.AccountManager,
				written: 'A. Johnson',
				rowNumbers: [2, 4],
				candidates: [
					{
						value: 'alice.johnson@msp.example',
						label: 'Alice Johnson · alice.johnson@msp.example',
						reason: 'initial and last name',
						score: 85,
						certain: true
					}
				]
			}
		]);
	});

	it('lists each refused group of a list apart, not the groups that exist', () => {
		const rows = [
			row(2, { TechnicianGroups: 'Service Desk, Svc Desk; SecOps' }),
			row(3, { TechnicianGroups: 'secops | Projects' })
		];
		expect(summary(rows)).toEqual([
			['TechnicianGroups', 'SecOps', [2, 3]],
			['TechnicianGroups', 'Svc Desk', [2]]
		]);
		expect(gatherRefusedValues(rows, MSP)[0].candidates[0]).toMatchObject({
			value: 'Security Operations',
			certain: true
		});
	});

	it('counts a row once when its list names one refused group twice', () => {
		expect(summary([row(2, { TechnicianGroups: 'Svc Desk, svc desk' })])).toEqual([
			['TechnicianGroups', 'Svc Desk', [2]]
		]);
	});

	it('lists a country written by name, and judges its State and Timezone by the code the name gives', () => {
		const found = gatherRefusedValues(
			[row(2, { Country: 'Canada', State: 'Brit Col', Timezone: 'Pacific Standard Time' })],
			MSP
		);
		expect(found.map((r) => [r.column, r.country, r.state, r.candidates[0]?.value])).toEqual([
			['State', 'CA', undefined, 'BC'],
			['Country', undefined, undefined, 'CA'],
			['Timezone', 'CA', undefined, 'America/Vancouver']
		]);
	});

	it('gives a Timezone the row’s state, as a whole code, when written by code or by name', () => {
		const found = gatherRefusedValues(
			[
				row(2, { Country: 'CA', State: 'BC', Timezone: 'Pacific Standard Time' }),
				row(3, { Country: 'CA', State: 'British Columbia', Timezone: 'Pacific Standard Time' })
			],
			MSP
		);
		const zones = found.filter((r) => r.column === 'Timezone');
		expect(zones).toHaveLength(1);
		expect(zones[0]).toMatchObject({ country: 'CA', state: 'CA-BC', rowNumbers: [2, 3] });
		expect(zones[0].candidates[0]).toMatchObject({
			value: 'America/Vancouver',
			reason: 'Windows zone for Canada, British Columbia'
		});
	});

	it('keys a State by its row’s country: one name in two countries is two values', () => {
		const found = gatherRefusedValues(
			[row(2, { Country: 'US', State: 'Georgia' }), row(3, { Country: 'GE', State: 'Georgia' })],
			MSP
		);
		expect(found.filter((r) => r.column === 'State').map((r) => [r.country, r.rowNumbers])).toEqual([
			['US', [2]],
			['GE', [3]]
		]);
	});

	it('leaves a State alone when the row’s country is unknown, and lists the country', () => {
		expect(summary([row(2, { Country: 'Atlantis', State: 'Nowhere' }), row(3, { Country: '', State: 'ZZ' })])).toEqual([
			['Country', 'Atlantis', [2]]
		]);
	});

	it('refuses old and wrongly cased zone names, with the canonical zone certain', () => {
		const found = gatherRefusedValues(
			[row(2, { Timezone: 'US/Eastern' }), row(3, { Timezone: 'america/new_york' })],
			MSP
		);
		expect(found.map((r) => [r.written, r.country, r.candidates[0].value, r.candidates[0].certain])).toEqual([
			['america/new_york', 'US', 'America/New_York', true],
			['US/Eastern', 'US', 'America/New_York', true]
		]);
	});

	it('keeps a value as first written, and orders values by rows, then column, then name', () => {
		const rows = [
			row(2, { Country: 'germany', Timezone: 'Europe/Berlin' }),
			row(3, { Country: 'Germany', Timezone: 'Europe/Berlin' }),
			row(4, { AccountManager: 'smith' }),
			row(5, { AccountManager: 'smith' }),
			row(6, { AccountManager: 'carol' }),
			row(7, { TechnicianGroups: 'Helpdsk' })
		];
		expect(summary(rows)).toEqual([
			['Country', 'germany', [2, 3]],
			['AccountManager', 'smith', [4, 5]],
			['AccountManager', 'carol', [6]],
			['TechnicianGroups', 'Helpdsk', [7]]
		]);
	});

	it('lists a value with no near match, with no candidates', () => {
		const [found] = gatherRefusedValues([row(2, { AccountManager: 'nobody@elsewhere.example' })], MSP);
		expect(found).toMatchObject({ written: 'nobody@elsewhere.example', candidates: [] });
	});
});

describe('matchChanges', () => {
	const accept = (entries: [string, string][]) => new Map(entries);

	it('replaces an accepted value on every row carrying it, and no other', () => {
		const rows = [
			row(2, { AccountManager: 'A. Johnson' }),
			row(3, { AccountManager: 'a. johnson' }),
			row(4, { AccountManager: 'smith' })
		];
		const changes = matchChanges(
			rows,
			accept([[matchKey('AccountManager', 'A. Johnson', {}), 'alice.johnson@msp.example']]),
			MSP
		);
		expect(changes).toEqual([
			{ rowNumber: 2, column: COL.AccountManager, value: 'alice.johnson@msp.example' },
			{ rowNumber: 3, column: COL.AccountManager, value: 'alice.johnson@msp.example' }
		]);
	});

	it('replaces only the refused item of a group list, keeps the others, joins with ", "', () => {
		const rows = [row(2, { TechnicianGroups: 'Projects; Svc Desk|helpdesk' })];
		const changes = matchChanges(rows, accept([[matchKey('TechnicianGroups', 'svc desk', {}), 'Service Desk']]), MSP);
		expect(changes).toEqual([
			{ rowNumber: 2, column: COL.TechnicianGroups, value: 'Projects, Service Desk, helpdesk' }
		]);
	});

	it('keeps a group once when the accepted value is already in the list', () => {
		const rows = [row(2, { TechnicianGroups: 'Service Desk, Svc Desk, SecOps' })];
		const changes = matchChanges(rows, accept([[matchKey('TechnicianGroups', 'Svc Desk', {}), 'Service Desk']]), MSP);
		expect(changes).toEqual([{ rowNumber: 2, column: COL.TechnicianGroups, value: 'Service Desk, SecOps' }]);
	});

	it('drops a group item whose accepted value is empty', () => {
		const rows = [row(2, { TechnicianGroups: 'Projects, Finance' })];
		const changes = matchChanges(rows, accept([[matchKey('TechnicianGroups', 'Finance', {}), '']]), MSP);
		expect(changes).toEqual([{ rowNumber: 2, column: COL.TechnicianGroups, value: 'Projects' }]);
	});

	it('applies a State only in the country it was accepted for, and the Country beside it', () => {
		const rows = [
			row(2, { Country: 'Canada', State: 'Brit Col', Timezone: 'America/Vancouver' }),
			row(3, { Country: 'CA', State: 'Brit Col', Timezone: 'America/Vancouver' }),
			row(4, { Country: 'US', State: 'Brit Col' })
		];
		const changes = matchChanges(
			rows,
			accept([
				[matchKey('State', 'Brit Col', { country: 'CA' }), 'BC'],
				[matchKey('Country', 'Canada', {}), 'CA']
			]),
			MSP
		);
		expect(changes).toEqual([
			{ rowNumber: 2, column: COL.State, value: 'BC' },
			{ rowNumber: 2, column: COL.Country, value: 'CA' },
			{ rowNumber: 3, column: COL.State, value: 'BC' }
		]);
	});

	it('applies a Timezone by the key gatherRefusedValues gave it', () => {
		const rows = [
			row(2, { Country: 'CA', State: 'BC', Timezone: 'Pacific Standard Time' }),
			row(3, { Country: 'CA', State: 'ON', Timezone: 'Pacific Standard Time' })
		];
		const [bc] = gatherRefusedValues(rows.slice(0, 1), MSP);
		const changes = matchChanges(rows, accept([[bc.key, 'America/Vancouver']]), MSP);
		expect(changes).toEqual([{ rowNumber: 2, column: COL.Timezone, value: 'America/Vancouver' }]);
	});

	it('changes nothing without accepted values', () => {
		expect(matchChanges([row(2, { AccountManager: 'smith' })], new Map(), MSP)).toEqual([]);
	});
});

describe('at scale', () => {
	const BAD: Cells[] = [
		{ AccountManager: 'A. Johnson' },
		{ AccountManager: 'smith' },
		{ AccountManager: 'alice.johnson@oldmsp.com' },
		{ TechnicianGroups: 'Svc Desk, Projects' },
		{ TechnicianGroups: 'SecOps; NetOps' },
		{ Country: 'Germany', Timezone: 'CET' },
		{ Country: 'United Kingdom', Timezone: 'Europe/London' },
		{ Country: 'CA', State: 'British Columbia', Timezone: 'Pacific Standard Time' },
		{ Country: 'US', State: 'Calif', Timezone: 'US/Pacific' },
		{ Country: 'IN', Timezone: 'UTC+05:30' }
	];

	/** 10,000 rows: most valid, a tenth with a few common refused values, one in fifty with a value of its own. */
	function generated(count: number) {
		return Array.from({ length: count }, (_, i) => {
			const rowNumber = i + 2;
			if (i % 50 === 0) return row(rowNumber, { AccountManager: `tech${i}@old.example`, Timezone: `Zone ${i}` });
			if (i % 10 === 0) return row(rowNumber, BAD[(i / 10) % BAD.length]);
			return row(rowNumber, { AccountManager: 'bsmith@msp.example', TechnicianGroups: 'Helpdesk' });
		});
	}

	it('gathers 10,000 rows’ refused values once per distinct value, and their changes', () => {
		const rows = generated(10_000);
		const start = performance.now();
		const refused = gatherRefusedValues(rows, MSP);
		const gathered = performance.now();
		const accepted = new Map(
			refused.filter((r) => r.candidates[0]?.certain).map((r) => [r.key, r.candidates[0].value])
		);
		const changes = matchChanges(rows, accepted, MSP);
		const end = performance.now();
		console.log(
			`10,000 rows: gathered ${refused.length} refused values in ${(gathered - start).toFixed(0)} ms; ` +
				`${changes.length} changes in ${(end - gathered).toFixed(0)} ms`
		);
		expect(refused.filter((r) => r.rowNumbers.length > 1).length).toBeGreaterThanOrEqual(BAD.length);
		expect(refused.reduce((sum, r) => sum + r.rowNumbers.length, 0)).toBeGreaterThan(1_000);
		expect(changes.length).toBeGreaterThan(800);
	});
});

describe('rememberedChanges', () => {
	/** A review row: the rows with a problem in the matched columns are the ones looked at. */
	const reviewRow = (rowNumber: number, cells: Cells, codes: string[] = ['technician_unknown']) => ({
		...row(rowNumber, cells),
		issues: codes.map((code) => ({
			column: 0,
			severity: 'error' as const,
			code: code as 'technician_unknown',
			message: ''
		})),
		leftOut: false
	});

	it('puts each remembered match on every row carrying its value, and counts values and rows', () => {
		const rows = [
			reviewRow(2, { AccountManager: 'A. Johnson' }),
			reviewRow(3, { AccountManager: 'a.  johnson', TechnicianGroups: 'Svc Desk; Projects' }, [
				'technician_unknown',
				'group_unknown'
			]),
			reviewRow(4, { TechnicianGroups: 'Network Ops' }, ['group_unknown'])
		];
		const remembered = new Map([
			[matchKey('AccountManager', 'A. Johnson', {}), { value: 'alice.johnson@msp.example' }],
			[matchKey('TechnicianGroups', 'Svc Desk', {}), { value: 'Service Desk' }]
		]);
		const { changes, values, rows: touched } = rememberedChanges(rows, remembered, MSP);
		expect(changes).toEqual([
			{ rowNumber: 2, column: COL.AccountManager, value: 'alice.johnson@msp.example' },
			{ rowNumber: 3, column: COL.AccountManager, value: 'alice.johnson@msp.example' },
			{ rowNumber: 3, column: COL.TechnicianGroups, value: 'Service Desk, Projects' }
		]);
		expect([values, touched]).toEqual([2, 2]);
	});

	it('passes over rows without a problem in those columns, and rows left out', () => {
		const remembered = new Map([
			[matchKey('AccountManager', 'A. Johnson', {}), { value: 'alice.johnson@msp.example' }]
		]);
		const rows = [
			reviewRow(2, { AccountManager: 'A. Johnson' }, []),
			{ ...reviewRow(3, { AccountManager: 'A. Johnson' }), leftOut: true }
		];
		expect(rememberedChanges(rows, remembered, MSP).changes).toEqual([]);
	});
});

describe('rowsToMatch', () => {
	it('leaves to the fix panel a value the rules fix with certainty, and lists the rest', () => {
		const issue = (column: number, fix?: string) => ({
			column,
			severity: 'error' as const,
			code: 'technician_unknown' as const,
			message: '',
			...(fix && { fix: { kind: 'account_manager' as const, value: fix } })
		});
		const rows = [
			{
				...row(2, { AccountManager: 'Alice Johnson' }),
				issues: [issue(COL.AccountManager, 'alice.johnson@msp.example')],
				leftOut: false
			},
			{ ...row(3, { AccountManager: 'A. Johnson' }), issues: [issue(COL.AccountManager)], leftOut: false }
		];
		expect(gatherRefusedValues(rowsToMatch(rows), MSP).map((value) => value.written)).toEqual(['A. Johnson']);
	});
});

describe('gatherRefusedValuesInSlices', () => {
	const reviewRows = Array.from({ length: 25 }, (_, i) => ({
		...row(i + 2, { AccountManager: i % 2 ? 'A. Johnson' : 'Bob Smyth', TechnicianGroups: i % 3 ? 'Svc Desk' : '' }),
		issues: [
			{ column: COL.AccountManager, severity: 'error' as const, code: 'technician_unknown' as const, message: '' }
		],
		leftOut: false
	}));

	it('finds over slices what one pass finds', async () => {
		const sliced = await gatherRefusedValuesInSlices(reviewRows, MSP, () => false, 4);
		expect(sliced).toEqual(gatherRefusedValues(rowsToMatch(reviewRows), MSP));
		expect(sliced!.map((value) => [value.written, value.rowNumbers.length])).toEqual([
			['Svc Desk', 16],
			['Bob Smyth', 13],
			['A. Johnson', 12]
		]);
	});

	it('gives nothing once a newer gathering replaces it', async () => {
		let calls = 0;
		expect(await gatherRefusedValuesInSlices(reviewRows, MSP, () => ++calls > 2, 4)).toBeUndefined();
	});
});
