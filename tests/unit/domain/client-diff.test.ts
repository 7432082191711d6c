import { describe, expect, it } from 'vitest';
import { toClientRecord, toTemplateValues } from '$lib/domain/client';
import type { ClientRecord } from '$lib/domain/client';
import { compareWithClient, diffClient, updatedRecord, workspaceLookups } from '$lib/domain/client-diff';
import type { UpdatePolicy } from '$lib/domain/client-diff';
import type { CustomField } from '$lib/domain/custom-fields';
import { COL, TEMPLATE_COLUMNS } from '$lib/domain/template';
import { clientNameKey, indexWorkspace } from '$lib/domain/workspace';
import { SNAPSHOT, validRow } from './valid-row';
import type { RowOverrides } from './valid-row';

const FIELDS: CustomField[] = [
	{ id: 'cf-plan', name: 'Plan', type: 'dropdown', required: false, options: ['Gold', 'Silver'] },
	{ id: 'cf-onsite', name: 'Onsite', type: 'checkbox', required: false, options: [] }
];
const WORKSPACE = indexWorkspace({ ...SNAPSHOT, customFields: FIELDS });
const PLAN = TEMPLATE_COLUMNS.length;
const ONSITE = TEMPLATE_COLUMNS.length + 1;

const EVERY_COLUMN = new Set(WORKSPACE.columns.map((_, column) => column));
const KEEP: UpdatePolicy = { carried: EVERY_COLUMN, emptyCells: 'keep' };
const CLEAR: UpdatePolicy = { carried: EVERY_COLUMN, emptyCells: 'clear' };
const NOW = '2026-02-01T12:00:00.000Z';

function rowOf(overrides: RowOverrides = {}, custom: Partial<Record<'Plan' | 'Onsite', string>> = {}): string[] {
	return [...validRow(overrides), custom.Plan ?? 'Gold', custom.Onsite ?? 'yes'];
}

/** The sample row's client, created by an import, later given a logo, hours, holidays and properties in the form. */
function existingClient(changes: Partial<ClientRecord> = {}): ClientRecord {
	const created = toClientRecord(rowOf(), WORKSPACE, {
		id: 'client-contoso',
		createdAt: '2025-01-10T09:00:00.000Z',
		importId: 'import-7'
	});
	return {
		...created,
		customFields: { ...created.customFields, 'cf-deleted': 'kept from a field since deleted' },
		logo: new Blob(['<svg/>'], { type: 'image/svg+xml' }),
		businessHours: { alwaysOpen: true, days: [] },
		holidays: [{ date: '2025-12-25', name: 'Christmas' }],
		properties: [{ name: 'Wi-Fi', value: 'guest-net' }],
		updatedAt: '2025-06-01T09:00:00.000Z',
		...changes
	};
}

function without(column: number): UpdatePolicy {
	return { carried: new Set([...EVERY_COLUMN].filter((c) => c !== column)), emptyCells: 'keep' };
}

describe('diffClient', () => {
	it('finds no change in the row the client was made from', () => {
		expect(diffClient(rowOf(), existingClient(), KEEP, WORKSPACE)).toEqual([]);
		expect(diffClient(rowOf(), existingClient(), CLEAR, WORKSPACE)).toEqual([]);
	});

	it('finds no change in the client as the template writes it', () => {
		const client = existingClient();
		const written = toTemplateValues(client, workspaceLookups(WORKSPACE));
		expect(diffClient(written, client, CLEAR, WORKSPACE)).toEqual([]);
	});

	it('finds no change in values that differ only in outer spaces', () => {
		const row = rowOf({ ClientName: '  Contoso Dental Group ', City: ' New York  ' }, { Plan: ' Gold ' });
		expect(diffClient(row, existingClient(), KEEP, WORKSPACE)).toEqual([]);
	});

	it('lists exactly the changed phone and city, with the current and the new value', () => {
		const row = rowOf({ PhoneNumber: '2125550199', City: 'Brooklyn' });
		expect(diffClient(row, existingClient(), KEEP, WORKSPACE)).toEqual([
			{ column: COL.PhoneNumber, from: '2125550188', to: '2125550199' },
			{ column: COL.City, from: 'New York', to: 'Brooklyn' }
		]);
	});

	it('lists the changes in column order', () => {
		const row = rowOf({ TechnicianGroups: 'Security', ClientName: 'Contoso Dental' }, { Plan: 'Silver' });
		expect(diffClient(row, existingClient(), KEEP, WORKSPACE).map((change) => change.column)).toEqual([
			COL.ClientName,
			COL.TechnicianGroups,
			PLAN
		]);
	});

	it.each([
		['us', 'NY'],
		['US', 'ny'],
		['us', 'US-NY'],
		[' Us ', 'us-ny']
	])('finds no change in Country %j and State %j, stored as US and US-NY', (country, state) => {
		expect(diffClient(rowOf({ Country: country, State: state }), existingClient(), KEEP, WORKSPACE)).toEqual([]);
	});

	it('writes a new state and country as their codes', () => {
		const row = rowOf({ Country: 'ca', State: 'on', Timezone: 'America/Toronto' });
		expect(diffClient(row, existingClient(), KEEP, WORKSPACE)).toEqual([
			{ column: COL.State, from: 'US-NY', to: 'CA-ON' },
			{ column: COL.Country, from: 'US', to: 'CA' },
			{ column: COL.Timezone, from: 'America/New_York', to: 'America/Toronto' }
		]);
	});

	it('finds no change in a calling code written with a plus', () => {
		expect(diffClient(rowOf({ Code: '+1' }), existingClient(), KEEP, WORKSPACE)).toEqual([]);
	});

	it('writes a new calling code as its digits', () => {
		expect(diffClient(rowOf({ Code: '+44' }), existingClient(), KEEP, WORKSPACE)).toEqual([
			{ column: COL.Code, from: '1', to: '44' }
		]);
	});

	it("finds no change in the account manager's email written in another case", () => {
		const row = rowOf({ AccountManager: 'PRIYA.SHAH@MSP.EXAMPLE' });
		expect(diffClient(row, existingClient(), KEEP, WORKSPACE)).toEqual([]);
	});

	it("writes another account manager as the technician's own email", () => {
		const row = rowOf({ AccountManager: 'Tom.Berg@MSP.example' });
		expect(diffClient(row, existingClient(), KEEP, WORKSPACE)).toEqual([
			{ column: COL.AccountManager, from: 'Priya.Shah@msp.example', to: 'tom.berg@msp.example' }
		]);
	});

	it.each(['Network Team, Tier 1', 'tier 1, NETWORK TEAM', 'Tier 1, Network Team, tier 1'])(
		'treats groups as a set: %j is no change',
		(groups) => {
			expect(diffClient(rowOf({ TechnicianGroups: groups }), existingClient(), KEEP, WORKSPACE)).toEqual([]);
		}
	);

	it("writes new groups with the groups' own names, in the file's order", () => {
		const row = rowOf({ TechnicianGroups: 'security, tier 1' });
		expect(diffClient(row, existingClient(), KEEP, WORKSPACE)).toEqual([
			{ column: COL.TechnicianGroups, from: 'Tier 1, Network Team', to: 'Security, Tier 1' }
		]);
	});

	it.each([
		'contoso-dental.example, CONTOSO-DENTAL.example, contosodental.example',
		'ContosoDental.example, contoso-dental.example'
	])('treats email domains as a set of lower-cased names: %j is no change', (domains) => {
		expect(diffClient(rowOf({ EmailDomains: domains }), existingClient(), KEEP, WORKSPACE)).toEqual([]);
	});

	it('writes new email domains lower-cased, without repeats', () => {
		const row = rowOf({ EmailDomains: 'Contoso.example, contoso.example' });
		expect(diffClient(row, existingClient(), KEEP, WORKSPACE)).toEqual([
			{
				column: COL.EmailDomains,
				from: 'contoso-dental.example, contosodental.example',
				to: 'contoso.example'
			}
		]);
	});

	it("finds no change in contacts' emails written in another case", () => {
		const row = rowOf({
			PrimaryContactEmail: 'Maria.Garcia@Contoso-Dental.example',
			SecondaryContactEmail: 'JAMES.LEE@contoso-dental.example'
		});
		expect(diffClient(row, existingClient(), KEEP, WORKSPACE)).toEqual([]);
	});

	it("lists a new primary contact's email", () => {
		const row = rowOf({ PrimaryContactEmail: 'm.garcia@contoso-dental.example' });
		expect(diffClient(row, existingClient(), KEEP, WORKSPACE)).toEqual([
			{
				column: COL.PrimaryContactEmail,
				from: 'maria.garcia@contoso-dental.example',
				to: 'm.garcia@contoso-dental.example'
			}
		]);
	});

	it('lists a name changed only in case as a change of ClientName, under the same name key', () => {
		const row = rowOf({ ClientName: 'contoso dental group' });
		expect(diffClient(row, existingClient(), KEEP, WORKSPACE)).toEqual([
			{ column: COL.ClientName, from: 'Contoso Dental Group', to: 'contoso dental group' }
		]);
		expect(clientNameKey('contoso dental group')).toBe(existingClient().nameKey);
	});

	it("keeps the client's value for an empty cell when empty cells keep", () => {
		const row = rowOf({ City: '', PostalCode: '  ', AccountManager: '', TechnicianGroups: '' }, { Plan: '' });
		expect(diffClient(row, existingClient(), KEEP, WORKSPACE)).toEqual([]);
	});

	it('clears the value for an empty cell when empty cells clear', () => {
		const row = rowOf({ City: '', PostalCode: '  ', AccountManager: '', TechnicianGroups: '' }, { Plan: '' });
		expect(diffClient(row, existingClient(), CLEAR, WORKSPACE)).toEqual([
			{ column: COL.City, from: 'New York', to: '' },
			{ column: COL.PostalCode, from: '10118', to: '' },
			{ column: COL.AccountManager, from: 'Priya.Shah@msp.example', to: '' },
			{ column: COL.TechnicianGroups, from: 'Tier 1, Network Team', to: '' },
			{ column: PLAN, from: 'Gold', to: '' }
		]);
	});

	it('finds no change in a cleared cell the client has empty already', () => {
		const client = existingClient({ site: { ...existingClient().site, postalCode: '' } });
		expect(diffClient(rowOf({ PostalCode: '' }), client, CLEAR, WORKSPACE)).toEqual([]);
	});

	it('never changes a column the file does not carry, whatever the row holds there', () => {
		const row = rowOf({ City: 'Boston', PhoneNumber: '2125550199' });
		expect(diffClient(row, existingClient(), without(COL.City), WORKSPACE)).toEqual([
			{ column: COL.PhoneNumber, from: '2125550188', to: '2125550199' }
		]);
		const onlyName: UpdatePolicy = { carried: new Set([COL.ClientName]), emptyCells: 'clear' };
		expect(diffClient(rowOf({ City: '' }, { Plan: '' }), existingClient(), onlyName, WORKSPACE)).toEqual([]);
	});

	it('reads a cell missing from the row as empty', () => {
		const row = validRow();
		expect(diffClient(row, existingClient(), KEEP, WORKSPACE)).toEqual([]);
		expect(diffClient(row, existingClient(), CLEAR, WORKSPACE)).toEqual([
			{ column: PLAN, from: 'Gold', to: '' },
			{ column: ONSITE, from: 'true', to: '' }
		]);
	});

	it('lists a changed custom field with its stored form', () => {
		expect(diffClient(rowOf({}, { Plan: 'silver', Onsite: 'No' }), existingClient(), KEEP, WORKSPACE)).toEqual([
			{ column: PLAN, from: 'Gold', to: 'Silver' },
			{ column: ONSITE, from: 'true', to: 'false' }
		]);
	});

	it('finds no change in a custom value written differently but stored the same', () => {
		expect(diffClient(rowOf({}, { Plan: 'GOLD', Onsite: 'TRUE' }), existingClient(), KEEP, WORKSPACE)).toEqual([]);
	});

	it('lists a secondary contact added to a client without one', () => {
		const client = existingClient({ secondaryContact: null });
		expect(diffClient(rowOf(), client, KEEP, WORKSPACE)).toEqual([
			{ column: COL.SecondaryContactFirstName, from: '', to: 'James' },
			{ column: COL.SecondaryContactLastName, from: '', to: 'Lee' },
			{ column: COL.SecondaryContactEmail, from: '', to: 'james.lee@contoso-dental.example' }
		]);
	});

	it('finds no change in an account manager whose technician was deleted and the file leaves empty', () => {
		const client = existingClient({ accountManagerId: 'tech-gone' });
		expect(diffClient(rowOf({ AccountManager: '' }), client, KEEP, WORKSPACE)).toEqual([]);
		expect(diffClient(rowOf({ AccountManager: '' }), client, CLEAR, WORKSPACE)).toEqual([]);
	});

	it('lists a technician set in place of one since deleted as a change from nothing', () => {
		const client = existingClient({ accountManagerId: 'tech-gone' });
		expect(diffClient(rowOf({ AccountManager: 'tom.berg@msp.example' }), client, KEEP, WORKSPACE)).toEqual([
			{ column: COL.AccountManager, from: '', to: 'tom.berg@msp.example' }
		]);
	});

	it('finds no change in groups the client keeps beside a group since deleted', () => {
		const client = existingClient({ groupIds: ['group-tier1', 'group-gone', 'group-network'] });
		expect(diffClient(rowOf(), client, KEEP, WORKSPACE)).toEqual([]);
	});
});

describe('updatedRecord', () => {
	it('keeps the id, dates, import and form-only extras, and sets updatedAt', () => {
		const client = existingClient();
		const updated = updatedRecord(rowOf({ City: 'Brooklyn' }), client, KEEP, WORKSPACE, NOW);
		expect(updated.id).toBe('client-contoso');
		expect(updated.createdAt).toBe('2025-01-10T09:00:00.000Z');
		expect(updated.importId).toBe('import-7');
		expect(updated.updatedAt).toBe(NOW);
		expect(updated.logo).toBe(client.logo);
		expect(updated.businessHours).toEqual({ alwaysOpen: true, days: [] });
		expect(updated.holidays).toEqual([{ date: '2025-12-25', name: 'Christmas' }]);
		expect(updated.properties).toEqual([{ name: 'Wi-Fi', value: 'guest-net' }]);
	});

	it('changes the changed fields and leaves every other field deep-equal', () => {
		const client = existingClient();
		const updated = updatedRecord(rowOf({ PhoneNumber: '2125550199', City: 'Brooklyn' }), client, KEEP, WORKSPACE, NOW);
		expect(updated).toEqual({
			...client,
			primaryContact: { ...client.primaryContact, phone: '2125550199' },
			site: { ...client.site, city: 'Brooklyn' },
			updatedAt: NOW
		});
	});

	it('leaves an unchanged client as it was but for updatedAt', () => {
		const client = existingClient();
		expect(updatedRecord(rowOf(), client, CLEAR, WORKSPACE, NOW)).toEqual({ ...client, updatedAt: NOW });
	});

	it('does not touch the client it is given', () => {
		const client = existingClient();
		const before = structuredClone({ ...client, logo: null });
		const row = rowOf({ City: 'Brooklyn', TechnicianGroups: 'Security', SecondaryContactFirstName: 'Jim' });
		updatedRecord(row, client, KEEP, WORKSPACE, NOW);
		expect({ ...client, logo: null }).toEqual(before);
	});

	it('keeps a value written differently but stored the same exactly as the client has it', () => {
		const client = existingClient({ emailDomains: ['contosodental.example', 'contoso-dental.example'] });
		const row = rowOf({
			PrimaryContactEmail: 'MARIA.GARCIA@contoso-dental.example',
			TechnicianGroups: 'network team, tier 1',
			EmailDomains: 'CONTOSO-DENTAL.example, contosodental.example'
		});
		expect(updatedRecord(row, client, KEEP, WORKSPACE, NOW)).toEqual({ ...client, updatedAt: NOW });
	});

	it('sets the name and its key together', () => {
		const updated = updatedRecord(rowOf({ ClientName: 'Contoso  Dental' }), existingClient(), KEEP, WORKSPACE, NOW);
		expect(updated.name).toBe('Contoso  Dental');
		expect(updated.nameKey).toBe('contoso dental');
	});

	it("sets the primary contact's email and its key together", () => {
		const row = rowOf({ PrimaryContactEmail: 'M.Garcia@Contoso-Dental.example' });
		const updated = updatedRecord(row, existingClient(), KEEP, WORKSPACE, NOW);
		expect(updated.primaryContact.email).toBe('M.Garcia@Contoso-Dental.example');
		expect(updated.primaryEmailKey).toBe('m.garcia@contoso-dental.example');
	});

	it('stores codes, the account manager and groups as toClientRecord does', () => {
		const row = rowOf({
			Code: '+44',
			Country: 'gb',
			State: 'ENG',
			Timezone: 'Europe/London',
			AccountManager: 'TOM.BERG@msp.example',
			TechnicianGroups: 'security, Tier 1, SECURITY'
		});
		const updated = updatedRecord(row, existingClient(), KEEP, WORKSPACE, NOW);
		expect(updated.primaryContact.phoneCode).toBe('44');
		expect(updated.site).toEqual({
			...existingClient().site,
			state: 'GB-ENG',
			country: 'GB',
			timezone: 'Europe/London'
		});
		expect(updated.accountManagerId).toBe('tech-tom');
		expect(updated.groupIds).toEqual(['group-security', 'group-tier1']);
	});

	it('adds a secondary contact to a client without one', () => {
		const updated = updatedRecord(rowOf(), existingClient({ secondaryContact: null }), KEEP, WORKSPACE, NOW);
		expect(updated.secondaryContact).toEqual({
			firstName: 'James',
			lastName: 'Lee',
			email: 'james.lee@contoso-dental.example'
		});
	});

	it('changes one part of a secondary contact and keeps the others as the client has them', () => {
		const client = existingClient({
			secondaryContact: { firstName: 'James', lastName: 'Lee', email: 'James.Lee@contoso-dental.example' }
		});
		const row = rowOf({ SecondaryContactFirstName: 'Jim' });
		expect(diffClient(row, client, KEEP, WORKSPACE)).toEqual([
			{ column: COL.SecondaryContactFirstName, from: 'James', to: 'Jim' }
		]);
		expect(updatedRecord(row, client, KEEP, WORKSPACE, NOW).secondaryContact).toEqual({
			firstName: 'Jim',
			lastName: 'Lee',
			email: 'James.Lee@contoso-dental.example'
		});
	});

	it('removes the secondary contact when empty cells clear all three of its fields', () => {
		const row = rowOf({ SecondaryContactFirstName: '', SecondaryContactLastName: '', SecondaryContactEmail: '' });
		expect(diffClient(row, existingClient(), CLEAR, WORKSPACE).map((change) => change.to)).toEqual(['', '', '']);
		expect(updatedRecord(row, existingClient(), CLEAR, WORKSPACE, NOW).secondaryContact).toBeNull();
	});

	it('keeps the secondary contact when empty cells keep', () => {
		const row = rowOf({ SecondaryContactFirstName: '', SecondaryContactLastName: '', SecondaryContactEmail: '' });
		expect(updatedRecord(row, existingClient(), KEEP, WORKSPACE, NOW).secondaryContact).toEqual(
			existingClient().secondaryContact
		);
	});

	it('keeps a secondary contact with one field left after the others are cleared', () => {
		const row = rowOf({ SecondaryContactFirstName: '', SecondaryContactLastName: '' });
		expect(updatedRecord(row, existingClient(), CLEAR, WORKSPACE, NOW).secondaryContact).toEqual({
			firstName: '',
			lastName: '',
			email: 'james.lee@contoso-dental.example'
		});
	});

	it('leaves a secondary contact stored with three empty fields as it is while its columns do not change', () => {
		const client = existingClient({ secondaryContact: { firstName: '', lastName: '', email: '' } });
		const row = rowOf({ SecondaryContactFirstName: '', SecondaryContactLastName: '', SecondaryContactEmail: '' });
		expect(updatedRecord(row, client, CLEAR, WORKSPACE, NOW)).toEqual({ ...client, updatedAt: NOW });
	});

	it('keeps an account manager whose technician was deleted when the file does not carry AccountManager', () => {
		const client = existingClient({ accountManagerId: 'tech-gone' });
		const row = rowOf({ AccountManager: 'tom.berg@msp.example', City: 'Brooklyn' });
		const updated = updatedRecord(row, client, without(COL.AccountManager), WORKSPACE, NOW);
		expect(updated.accountManagerId).toBe('tech-gone');
		expect(updated.site.city).toBe('Brooklyn');
	});

	it('keeps an account manager whose technician was deleted when the cell is empty, even when empty cells clear', () => {
		const client = existingClient({ accountManagerId: 'tech-gone' });
		expect(updatedRecord(rowOf({ AccountManager: '' }), client, CLEAR, WORKSPACE, NOW).accountManagerId).toBe(
			'tech-gone'
		);
	});

	it('replaces an account manager whose technician was deleted with the technician the file names', () => {
		const client = existingClient({ accountManagerId: 'tech-gone' });
		const row = rowOf({ AccountManager: 'tom.berg@msp.example' });
		expect(updatedRecord(row, client, KEEP, WORKSPACE, NOW).accountManagerId).toBe('tech-tom');
	});

	it("keeps a deleted group's id while the groups do not change, and sets the file's groups when they do", () => {
		const client = existingClient({ groupIds: ['group-tier1', 'group-gone', 'group-network'] });
		expect(updatedRecord(rowOf(), client, KEEP, WORKSPACE, NOW).groupIds).toEqual(client.groupIds);
		const row = rowOf({ TechnicianGroups: 'Tier 1, Network Team, Security' });
		expect(updatedRecord(row, client, KEEP, WORKSPACE, NOW).groupIds).toEqual([
			'group-tier1',
			'group-network',
			'group-security'
		]);
	});

	it('updates a custom field and keeps the values of fields since deleted', () => {
		const updated = updatedRecord(rowOf({}, { Plan: 'Silver' }), existingClient(), KEEP, WORKSPACE, NOW);
		expect(updated.customFields).toEqual({
			'cf-plan': 'Silver',
			'cf-onsite': 'true',
			'cf-deleted': 'kept from a field since deleted'
		});
	});

	it('clears a custom field when empty cells clear', () => {
		const updated = updatedRecord(rowOf({}, { Plan: '' }), existingClient(), CLEAR, WORKSPACE, NOW);
		expect(updated.customFields['cf-plan']).toBe('');
	});

	it('clears a State the file does not carry when Country changes: a state belongs to its country', () => {
		const row = rowOf({ Country: 'CA', State: '' });
		expect(diffClient(row, existingClient(), without(COL.State), WORKSPACE)).toEqual([
			{ column: COL.State, from: 'US-NY', to: '' },
			{ column: COL.Country, from: 'US', to: 'CA' }
		]);
		const updated = updatedRecord(row, existingClient(), without(COL.State), WORKSPACE, NOW);
		expect(updated.site.country).toBe('CA');
		expect(updated.site.state).toBe('');
	});

	it('leaves a State the file does not carry as it was when Country stays', () => {
		const row = rowOf({ Country: 'us', State: '' });
		expect(updatedRecord(row, existingClient(), without(COL.State), WORKSPACE, NOW).site.state).toBe('US-NY');
	});

	it('gives the rules the row merged into the client: kept values where the file is silent', () => {
		const row = rowOf({ PrimaryContactFirstName: '', City: 'Lyon' });
		const { merged } = compareWithClient(row, existingClient(), KEEP, WORKSPACE);
		expect(merged[COL.PrimaryContactFirstName]).toBe(existingClient().primaryContact.firstName);
		expect(merged[COL.City]).toBe('Lyon');
	});

	it('clears a State no longer in the new Country when the file carries State', () => {
		const row = rowOf({ Country: 'CA', State: 'NY' });
		expect(diffClient(row, existingClient(), KEEP, WORKSPACE)).toEqual([
			{ column: COL.State, from: 'US-NY', to: '' },
			{ column: COL.Country, from: 'US', to: 'CA' }
		]);
		expect(updatedRecord(row, existingClient(), KEEP, WORKSPACE, NOW).site.state).toBe('');
	});
});

describe('workspaceLookups', () => {
	it("finds technicians' emails as written and groups' names by id", () => {
		const lookups = workspaceLookups(WORKSPACE);
		expect(lookups.technicianEmailById.get('tech-priya')).toBe('Priya.Shah@msp.example');
		expect(lookups.groupNameById.get('group-network')).toBe('Network Team');
		expect(lookups.customFields).toBe(FIELDS);
	});

	it('falls back to the lower-cased email for a technician without a name', () => {
		const workspace = indexWorkspace({
			...SNAPSHOT,
			technicians: [{ id: 'tech-x', email: 'X@msp.example', firstName: '', lastName: '' }]
		});
		expect(workspaceLookups(workspace).technicianEmailById.get('tech-x')).toBe('x@msp.example');
	});
});
