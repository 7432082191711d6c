import { describe, expect, it } from 'vitest';
import { toClientRecord, type ClientRecord } from '$lib/domain/client';
import { diffClient, updatedRecord, type UpdatePolicy } from '$lib/domain/client-diff';
import { defaultBusinessHours } from '$lib/domain/client-extras';
import type { CustomField } from '$lib/domain/custom-fields';
import { ExportColumns, extraColumnsIn, extraValue } from '$lib/domain/extra-columns';
import { checkRow } from '$lib/domain/rules';
import { COL, TEMPLATE_COLUMNS } from '$lib/domain/template';
import { existingClientOf, indexWorkspace } from '$lib/domain/workspace';
import { checkHeader } from '$lib/import/header';
import { SNAPSHOT, validRow } from './valid-row';

const EXTRA = ['Hours', 'Holidays', 'Property: Contract', 'Property: Wi-Fi', 'ClientId'];
const FIELDS: CustomField[] = [{ id: 'cf-plan', name: 'Plan', type: 'text', required: false, options: [] }];
const WORKSPACE = indexWorkspace({ ...SNAPSHOT, customFields: FIELDS, extraColumns: EXTRA, updateExisting: true });
const FIRST = TEMPLATE_COLUMNS.length + FIELDS.length;
const [HOURS, HOLIDAYS, CONTRACT, WIFI, CLIENT_ID] = EXTRA.map((_, i) => FIRST + i);

type Extra = Partial<Record<'Hours' | 'Holidays' | 'Contract' | 'Wi-Fi' | 'ClientId', string>>;

/** The sample row, its Plan, then the extra columns' cells. */
function rowOf(extra: Extra = {}, overrides: Parameters<typeof validRow>[0] = {}): string[] {
	return [
		...validRow(overrides),
		'Gold',
		extra.Hours ?? '',
		extra.Holidays ?? '',
		extra.Contract ?? '',
		extra['Wi-Fi'] ?? '',
		extra.ClientId ?? ''
	];
}

const META = { id: 'client-new', createdAt: '2026-01-01T00:00:00.000Z' };

describe('extraColumnsIn', () => {
	it('finds the columns the export writes after the template and the custom fields, in header order', () => {
		const header = [...TEMPLATE_COLUMNS, 'Plan', 'Holidays', 'Hours', 'Property: Contract', 'ClientId'];
		expect(extraColumnsIn(header, [...TEMPLATE_COLUMNS, 'Plan'])).toEqual([
			'Holidays',
			'Hours',
			'Property: Contract',
			'ClientId'
		]);
	});

	it('reads other spellings as the export names them', () => {
		expect(extraColumnsIn(['Business Hours', 'public holidays', 'client id', 'property:Wi-Fi '], [])).toEqual([
			'Hours',
			'Holidays',
			'ClientId',
			'Property: Wi-Fi'
		]);
	});

	it('leaves a custom field named like an extra column to the custom field', () => {
		expect(extraColumnsIn(['Hours', 'Holidays'], [...TEMPLATE_COLUMNS, 'Hours'])).toEqual(['Holidays']);
	});

	it('takes a property once, whatever its case, and no property without a name', () => {
		expect(extraColumnsIn(['Property: Contract', 'property: CONTRACT', 'Property:', 'Notes'], [])).toEqual([
			'Property: Contract'
		]);
	});
});

describe('checkHeader with extra columns', () => {
	it("takes the export's own header as exact, the extra columns after the known ones", () => {
		const known = [...TEMPLATE_COLUMNS, 'Plan'];
		const check = checkHeader([...known, ...EXTRA], known);
		expect(check.exact).toBe(true);
		expect(check.extraColumns).toEqual(EXTRA);
		expect(check.mapping.slice(FIRST)).toEqual([HOURS, HOLIDAYS, CONTRACT, WIFI, CLIENT_ID]);
	});

	it('maps another spelling of Hours to Hours, for the admin to confirm', () => {
		const check = checkHeader(['ClientName', 'Opening hours'], TEMPLATE_COLUMNS);
		expect(check.exact).toBe(false);
		expect(check.columns[1]).toEqual({ name: 'Opening hours', target: TEMPLATE_COLUMNS.length, verdict: 'near-miss' });
	});
});

describe('the rules of the extra columns', () => {
	it('accepts hours, holidays and properties as the export writes them, and empty cells', () => {
		const row = rowOf({
			Hours: 'Mon–Fri 09:00–17:00; Sat 10:00–14:00',
			Holidays: "2026-12-25 Christmas Day; 2027-01-01 New Year's Day",
			Contract: 'Gold, "premium"\nrenewed yearly'
		});
		expect(checkRow(row, WORKSPACE)).toEqual([]);
		expect(checkRow(rowOf(), WORKSPACE)).toEqual([]);
	});

	it('refuses hours it cannot read, saying how to write them', () => {
		const [issue] = checkRow(rowOf({ Hours: 'Mon-Fri 9-5' }), WORKSPACE);
		expect(issue).toMatchObject({ column: HOURS, code: 'hours_invalid', severity: 'error' });
		expect(issue.message).toBe('Hours "Mon-Fri 9-5" has a time without minutes: write times as 09:00.');
	});

	it('refuses a holiday without a real date', () => {
		const [issue] = checkRow(rowOf({ Holidays: '2026-02-30 Leap' }), WORKSPACE);
		expect(issue).toMatchObject({ column: HOLIDAYS, code: 'holidays_invalid' });
		expect(issue.message).toBe(
			'Holiday 1 ("2026-02-30 Leap"): 2026-02-30 is not a real date: write dates as YYYY-MM-DD, as in 2026-12-25 Christmas Day.'
		);
	});
});

describe('toClientRecord with extra columns', () => {
	it('stores hours, holidays and each property with a value', () => {
		const record = toClientRecord(
			rowOf({ Hours: '24/7', Holidays: '2026-12-25 Christmas Day', 'Wi-Fi': ' guest-net ' }),
			WORKSPACE,
			META
		);
		expect(record.businessHours.alwaysOpen).toBe(true);
		expect(record.holidays).toEqual([{ date: '2026-12-25', name: 'Christmas Day' }]);
		expect(record.properties).toEqual([{ name: 'Wi-Fi', value: 'guest-net' }]);
		expect(record.id).toBe('client-new');
	});

	it('gives the form’s defaults where the cells are empty', () => {
		const record = toClientRecord(rowOf(), WORKSPACE, META);
		expect(record.businessHours).toEqual(defaultBusinessHours());
		expect(record.holidays).toEqual([]);
		expect(record.properties).toEqual([]);
	});
});

describe('the ClientId as the key of an update', () => {
	const acme = rowOf({ ClientId: 'client-acme' }, { ClientName: 'Acme Corporation', PrimaryContactEmail: 'ceo@acme.example' });

	it('names the client by its id, whatever the row calls it', () => {
		expect(existingClientOf((c) => acme[c], WORKSPACE)).toEqual({ id: 'client-acme', name: 'Acme Corp', byId: true });
	});

	it('falls back to the name when the id is another workspace’s', () => {
		const row = rowOf({ ClientId: 'id-from-elsewhere' }, { ClientName: 'globex' });
		expect(existingClientOf((c) => row[c], WORKSPACE)).toEqual({ id: 'client-globex', name: 'Globex', byId: false });
		const fresh = rowOf({ ClientId: 'id-from-elsewhere' });
		expect(existingClientOf((c) => fresh[c], WORKSPACE)).toBeUndefined();
	});

	it('lets a row rename the client its id names: its own email is no duplicate', () => {
		expect(checkRow(acme, WORKSPACE)).toEqual([]);
	});

	it('refuses a rename to the name of another client, naming both', () => {
		const row = rowOf({ ClientId: 'client-acme' }, { ClientName: 'Globex', PrimaryContactEmail: 'ceo@acme.example' });
		const issues = checkRow(row, WORKSPACE);
		expect(issues).toEqual([
			expect.objectContaining({
				column: COL.ClientName,
				code: 'name_exists',
				message:
					'This row updates "Acme Corp" (its ClientId), but another client is named "Globex": choose another name, or clear the ClientId to add a new client.'
			})
		]);
	});
});

describe('an update of the extra columns', () => {
	const EVERY = new Set(WORKSPACE.columns.map((_, column) => column));
	const KEEP: UpdatePolicy = { carried: EVERY, emptyCells: 'keep' };
	const CLEAR: UpdatePolicy = { carried: EVERY, emptyCells: 'clear' };
	const NOW = '2026-02-01T12:00:00.000Z';

	function existing(): ClientRecord {
		return {
			...toClientRecord(rowOf({ ClientId: 'client-x' }), WORKSPACE, { id: 'client-x', createdAt: '2025-01-01T00:00:00.000Z' }),
			businessHours: { alwaysOpen: true, days: [] },
			holidays: [{ date: '2025-12-25', name: 'Christmas' }],
			properties: [
				{ name: 'Wi-Fi', value: 'guest-net' },
				{ name: 'Alarm code', value: '1234' }
			]
		};
	}

	it('finds no change in hours written another way, or in the client as exported', () => {
		const client = existing();
		const exported = rowOf({
			Hours: extraValue(client, 'Hours'),
			Holidays: extraValue(client, 'Holidays'),
			'Wi-Fi': extraValue(client, 'Property: Wi-Fi'),
			ClientId: client.id
		});
		expect(diffClient(exported, client, CLEAR, WORKSPACE)).toEqual([]);
		expect(diffClient(rowOf({ Hours: 'open 24 x 7' }), client, KEEP, WORKSPACE)).toEqual([]);
	});

	it('shows a change of hours, holidays and a property as the export writes them', () => {
		const row = rowOf({ Hours: 'Mon-Fri 8am-6pm', Holidays: '2026-12-25 Christmas Day', 'Wi-Fi': 'staff-net' });
		expect(diffClient(row, existing(), KEEP, WORKSPACE)).toEqual([
			{ column: HOURS, from: '24/7', to: 'Mon–Fri 08:00–18:00' },
			{ column: HOLIDAYS, from: '2025-12-25 Christmas', to: '2026-12-25 Christmas Day' },
			{ column: WIFI, from: 'guest-net', to: 'staff-net' }
		]);
	});

	it('sets a property in place, adds a new one after the others, and keeps those the file does not carry', () => {
		const row = rowOf({ 'Wi-Fi': 'staff-net', Contract: 'Gold' });
		const updated = updatedRecord(row, existing(), KEEP, WORKSPACE, NOW);
		expect(updated.properties).toEqual([
			{ name: 'Wi-Fi', value: 'staff-net' },
			{ name: 'Alarm code', value: '1234' },
			{ name: 'Contract', value: 'Gold' }
		]);
		expect(updated.businessHours).toEqual({ alwaysOpen: true, days: [] });
		expect(updated.holidays).toEqual([{ date: '2025-12-25', name: 'Christmas' }]);
	});

	it('keeps a property for an empty cell, or removes it when the admin chose to clear', () => {
		expect(updatedRecord(rowOf(), existing(), KEEP, WORKSPACE, NOW).properties).toHaveLength(2);
		const cleared = updatedRecord(rowOf(), existing(), CLEAR, WORKSPACE, NOW);
		expect(cleared.properties).toEqual([{ name: 'Alarm code', value: '1234' }]);
		expect(cleared.businessHours).toEqual(defaultBusinessHours());
		expect(cleared.holidays).toEqual([]);
	});
});

describe('ExportColumns', () => {
	it('writes Hours, Holidays, a column per property (first spelling, case aside) and ClientId last', () => {
		const columns = new ExportColumns();
		columns.add([{ properties: [{ name: 'Wi-Fi', value: 'a' }] }, { properties: [] }]);
		columns.add([{ properties: [{ name: 'wi-fi', value: 'b' }, { name: ' Contract ', value: 'c' }] }]);
		expect(columns.columns).toEqual(['Hours', 'Holidays', 'Property: Wi-Fi', 'Property: Contract', 'ClientId']);
	});
});
