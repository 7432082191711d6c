import { beforeEach, describe, expect, it } from 'vitest';
import { GENEROUS } from '../../helpers/generous.js';
import { createBackup, readBackupFile, restoreBackup } from '$lib/db/backup';
import { checkBackup, describeProblem, type Backup } from '$lib/db/backup-check';
import { addCustomField, listCustomFields } from '$lib/db/custom-fields';
import { resetDemo } from '$lib/db/demo';
import { beforesOfImport, commitImport, undoImport } from '$lib/db/import-commit';
import { db } from '$lib/db/schema';
import { getSettings } from '$lib/db/settings';
import { sampleRow } from '$lib/csv/sample-csv';
import { COL } from '$lib/domain/template';

beforeEach(async () => {
	await resetDemo();
});

/** A workspace with two clients (one with an account manager, groups and a custom value) and its backup. */
async function workspaceBackup(): Promise<Backup> {
	const field = await addCustomField({
		name: 'Contract',
		type: 'dropdown',
		required: false,
		options: ['Gold', 'Silver']
	});
	const technicians = await db.technicians.toArray();
	const groups = await db.groups.toArray();
	const first = [...sampleRow([technicians[0].email], [groups[0].name, groups[1].name]), 'gold'];
	const second = [...sampleRow([], [])];
	second[0] = 'Fabrikam Labs';
	second[3] = 'ops@fabrikam.example';
	second[8] = 'it@fabrikam.example';
	await commitImport(
		'clients.csv',
		[
			{ rowNumber: 2, values: first },
			{ rowNumber: 3, values: [...second, ''] }
		],
		0
	);
	expect((await db.clients.toArray()).find((c) => c.name === 'Contoso Dental Group')?.customFields[field.id]).toBe(
		'Gold'
	);
	const backup: Backup = JSON.parse(await createBackup());
	// The stores come out in id order: put Contoso first, so tests can name the clients by place.
	backup.stores.clients.sort((a, b) => a.name.localeCompare(b.name));
	return backup;
}

/** Every problem of a backup, as the panel writes them; and the workspace is left as it was. */
async function problemsOf(backup: Backup): Promise<{ lines: string[]; total: number }> {
	const clientsBefore = await db.clients.count();
	const settingsBefore = await db.settings.toArray();
	const result = await checkBackup(readBackupFile(JSON.stringify(backup)));
	expect(result.checked).toBeNull();
	expect(await db.clients.count()).toBe(clientsBefore);
	expect(await db.settings.toArray()).toEqual(settingsBefore);
	return { lines: result.problems.map(describeProblem), total: result.total };
}

const setting = (backup: Backup, key: string) => backup.stores.settings.find((s) => s.key === key)!;

describe('workspace backup', () => {
	it('restores every store as it was, logos included', async () => {
		const backup = await workspaceBackup();
		const client = (await db.clients.toArray()).find((c) => c.name === 'Contoso Dental Group')!;
		await db.clients.update(client.id, {
			logo: new Blob([new Uint8Array([137, 80, 78, 71, 1, 2, 3])], { type: 'image/png' })
		});
		const before = await db.clients.get(client.id);
		const text = await createBackup();
		expect(backup.stores.clients).toHaveLength(2);

		await resetDemo();
		expect(await db.clients.count()).toBe(0);
		const result = await checkBackup(readBackupFile(text));
		expect(result.problems).toEqual([]);
		await restoreBackup(result.checked!);

		const restored = await db.clients.get(client.id);
		expect({ ...restored, logo: null }).toEqual({ ...before, logo: null });
		expect(restored?.logo?.type).toBe('image/png');
		expect([...new Uint8Array(await restored!.logo!.arrayBuffer())]).toEqual([137, 80, 78, 71, 1, 2, 3]);
		expect(await db.clients.count()).toBe(2);
		expect(await db.imports.count()).toBe(1);
		expect(await db.technicians.count()).toBe(8);
		expect((await listCustomFields()).map((f) => f.name)).toEqual(['Contract']);
	});

	it('carries the import history, with what each import updated held before', async () => {
		await workspaceBackup();
		const client = (await db.clients.toArray()).find((c) => c.name === 'Contoso Dental Group')!;
		const values = [...sampleRow([], [])];
		values[COL.City] = 'Lyon';
		const { importRecord } = await commitImport(
			'update.csv',
			[{ rowNumber: 2, values, updates: client.id }],
			0,
			() => {},
			{
				carried: new Set([COL.City]),
				emptyCells: 'keep'
			}
		);
		const befores = await beforesOfImport(importRecord.id);
		expect(befores.map((u) => u.before.site.city)).toEqual([client.site.city]);
		const text = await createBackup();
		// The file holds them with the import, as backups always have.
		const { stores } = JSON.parse(text) as Backup;
		expect(stores.imports.find((i) => i.id === importRecord.id)?.updates).toEqual(befores);
		await resetDemo();
		const result = await checkBackup(readBackupFile(text));
		expect(result.problems).toEqual([]);
		await restoreBackup(result.checked!);
		expect(await db.imports.get(importRecord.id)).toEqual(importRecord);
		expect(await beforesOfImport(importRecord.id)).toEqual(befores);
		// The restored history undoes as the original would have.
		expect(await undoImport(importRecord.id)).toMatchObject({ undone: true, restored: 1 });
		expect((await db.clients.get(client.id))!.site.city).toBe(client.site.city);
	});

	it('refuses a file that is not a backup, before anything is replaced', async () => {
		expect(() => readBackupFile('not json')).toThrow('This file is not a workspace backup: it is not JSON.');
		expect(() => readBackupFile('{"format":"x"}')).toThrow(/This file is not a valid workspace backup \(format/);
		const broken = await workspaceBackup();
		(broken.stores.technicians[0] as { email: unknown }).email = 42;
		const { lines } = await problemsOf(broken);
		expect(lines).toEqual(['technicians[0] · email: Invalid input: expected string, received number']);
		expect(await db.technicians.count()).toBe(8);
	});

	it('refuses custom fields that are not a list, and reads such a stored value as no fields', async () => {
		const backup = await workspaceBackup();
		setting(backup, 'customFields').value = 'oops';
		const { lines } = await problemsOf(backup);
		expect(lines[0]).toMatch(/^settings\[\d+\] \(customFields\) · customFields: Invalid input: expected array/);
		expect(await listCustomFields()).toHaveLength(1);

		// The same value written straight into IndexedDB: the readers fall back to no fields.
		await db.settings.put({ key: 'customFields', value: 'oops' });
		expect(await listCustomFields()).toEqual([]);
		await db.settings.put({
			key: 'customFields',
			value: [
				{ id: 'a', name: 'A', type: 'text', required: false, options: [] },
				{ id: 'a', name: 'B', type: 'text', required: false, options: [] },
				'x'
			]
		});
		expect((await listCustomFields()).map((f) => f.name)).toEqual(['A']);
	});

	it('refuses custom fields that break the rules of Settings › Custom fields', async () => {
		const backup = await workspaceBackup();
		const fields = setting(backup, 'customFields').value as { name: string }[];
		fields.push({ ...fields[0], id: 'other', name: 'contract' } as never);
		const { lines } = await problemsOf(backup);
		expect(lines).toEqual([
			expect.stringMatching(
				/^settings\[\d+\] \(customFields\) · customFields\.1 \(contract\): A custom field named "Contract" already exists\.$/
			)
		]);
	});

	it('refuses a workspace name that is not text, and reads such a stored name as the default', async () => {
		const backup = await workspaceBackup();
		setting(backup, 'workspaceName').value = { name: 'Acme' };
		const { lines } = await problemsOf(backup);
		expect(lines).toEqual([
			expect.stringMatching(
				/^settings\[\d+\] \(workspaceName\) · workspaceName: Invalid input: expected string, received object$/
			)
		]);
		await db.settings.put({ key: 'workspaceName', value: { name: 'Acme' } });
		await db.settings.put({ key: 'signUpEmail', value: 12 });
		expect(await getSettings()).toEqual({ workspaceName: 'My workspace', signUpEmail: '' });
	});

	// Under a second on an idle machine. The test's own timeout stays above the limit, so the limit is what fails.
	const quickMs = 1_500 * GENEROUS;
	it(
		'refuses a client name of ten million characters, quickly, and says so in a short line',
		async () => {
			const backup = await workspaceBackup();
			backup.stores.clients[0].name = 'A'.repeat(10_485_760);
			const started = performance.now();
			const { lines } = await problemsOf(backup);
			expect(performance.now() - started).toBeLessThan(quickMs);
			expect(lines).toEqual([
				'clients[0] (AAAAAAAAAAAAAAAAAAAAAAAAAAAA… (10,485,720 more characters) …AAAAAAAAAAAA) · Client name: Client name is 10485760 characters long: keep it to 100 or fewer.'
			]);
		},
		2 * quickMs
	);

	it('refuses two clients sharing a name and an email under different stored keys', async () => {
		const backup = await workspaceBackup();
		const [first, second] = backup.stores.clients;
		second.name = `  ${first.name.toUpperCase()} `;
		second.nameKey = 'something else';
		second.primaryContact.email = first.primaryContact.email.toUpperCase();
		second.primaryEmailKey = 'other@example.com';
		const { lines } = await problemsOf(backup);
		expect(lines).toEqual([
			`clients[1] (${first.name.toUpperCase()}) · Client name: A client named "${first.name}" already exists in this workspace: rename this one, or remove the row.`,
			`clients[1] (${first.name.toUpperCase()}) · Primary contact email: Another client already has ${first.primaryContact.email.toUpperCase()} as its primary contact email: use a different email.`
		]);
	});

	it('refuses an unknown country and timezone', async () => {
		const backup = await workspaceBackup();
		const client = backup.stores.clients[0];
		client.site.country = 'ZZ';
		client.site.state = '';
		client.site.timezone = 'Mars/Olympus';
		const { lines, total } = await problemsOf(backup);
		expect(total).toBe(2);
		expect(lines[0]).toBe(
			`clients[0] (${client.name}) · Country: Country "ZZ" is not an ISO 3166 two-letter code: use one such as US, GB or IN.`
		);
		expect(lines[1]).toMatch(/· Timezone: Timezone "Mars\/Olympus" is not a tz database zone/);
	});

	it('refuses duplicate ids, missing references and malformed extras', async () => {
		const backup = await workspaceBackup();
		const [first, second] = backup.stores.clients;
		second.id = first.id;
		first.accountManagerId = 'gone';
		first.groupIds = ['nope'];
		first.customFields = { ...first.customFields, ghost: 'x' };
		first.holidays = [{ date: '2026-13-40', name: 'Bad' }];
		backup.stores.technicians[1].email = backup.stores.technicians[0].email.toUpperCase();
		backup.stores.groups.push({ ...backup.stores.groups[0] });
		const { lines } = await problemsOf(backup);
		expect(lines).toEqual([
			expect.stringMatching(/^technicians\[1\] \(.+\) · Email: technicians\[0\] already has the email /),
			expect.stringMatching(/^groups\[5\] \(.+\) · id: Another group has the id/),
			expect.stringMatching(/^groups\[5\] \(.+\) · Name: A group named ".+" is also groups\[0\]\.$/),
			'clients[0] (Contoso Dental Group) · Account manager: No technician in this backup has the id "gone".',
			'clients[0] (Contoso Dental Group) · Technician groups: No group in this backup has the id "nope".',
			'clients[0] (Contoso Dental Group) · Custom fields: No custom field in this backup has the id "ghost".',
			'clients[0] (Contoso Dental Group) · Holidays: Holiday 1: choose a date.',
			expect.stringMatching(/^clients\[1\] \(Fabrikam Labs\) · id: Another client has the id/)
		]);
	});

	it('keeps settings it does not know, as they are', async () => {
		const backup = await workspaceBackup();
		const mappings = { 'client name': 'ClientName' };
		backup.stores.settings.push({ key: 'columnMappings', value: mappings }, { key: 'constructor', value: 1 });
		const result = await checkBackup(readBackupFile(JSON.stringify(backup)));
		expect(result.total).toBe(0);
		await restoreBackup(result.checked!);
		expect((await db.settings.get('columnMappings'))?.value).toEqual(mappings);
		expect((await db.settings.get('constructor'))?.value).toBe(1);
	});

	it('checks 100,000 clients a slice at a time, giving the page a turn between slices', async () => {
		const backup = await workspaceBackup();
		const template = backup.stores.clients[1];
		backup.stores.clients = Array.from({ length: 100_000 }, (_, i) => ({
			...template,
			id: `c${i}`,
			name: `Client ${i}`,
			primaryContact: { ...template.primaryContact, email: `ops${i}@fabrikam.example` }
		}));
		backup.stores.clients[99_999].site = { ...template.site, country: 'ZZ' };
		let progressCalls = 0;
		let turns = 0;
		const ticker = setInterval(() => turns++, 0);
		const result = await checkBackup(readBackupFile(JSON.stringify(backup)), () => progressCalls++);
		clearInterval(ticker);
		expect(result.total).toBe(1);
		expect(result.problems[0].record).toBe('clients[99999] (Client 99999)');
		expect(progressCalls).toBeGreaterThan(2);
		expect(turns).toBeGreaterThan(2);
	}, 120_000);
});

describe('a backup checked before it is restored', () => {
	it('passes a whole workspace, with a logo, business hours, holidays and properties', async () => {
		const backup = await workspaceBackup();
		Object.assign(backup.stores.clients[0], {
			logo: { type: 'image/png', base64: btoa('\x89PNG') },
			holidays: [{ date: '2026-12-25', name: 'Christmas Day' }],
			properties: [{ name: 'Contract', value: 'Gold' }]
		});
		backup.stores.clients[0].businessHours.days[5] = { day: 'sat', open: true, start: '10:00', end: '14:00' };
		const result = await checkBackup(readBackupFile(JSON.stringify(backup)));
		expect(result.problems).toEqual([]);
		expect(result.total).toBe(0);
		expect(result.checked?.stores.clients.map((c) => c.name)).toEqual(['Contoso Dental Group', 'Fabrikam Labs']);
		expect(result.checked?.stores.clients[0]).toMatchObject({
			logo: { type: 'image/png', base64: btoa('\x89PNG') },
			holidays: [{ date: '2026-12-25', name: 'Christmas Day' }]
		});
	});

	it('refuses a logo that is not base64, not an image the form takes, or over 1 MB', async () => {
		const backup = await workspaceBackup();
		const [first, second] = backup.stores.clients;
		first.logo = { type: 'image/png', base64: 'data:image/png;base64,iVBORw0KGgo=' };
		second.logo = { type: 'image/gif', base64: btoa('GIF89a') };
		const third = structuredClone(second);
		Object.assign(third, { id: 'third', name: 'Northwind', logo: null });
		third.primaryContact.email = 'ops@northwind.example';
		third.secondaryContact = null;
		third.logo = { type: 'image/jpeg', base64: 'A'.repeat(2_097_152) };
		backup.stores.clients.push(third);
		const { lines } = await problemsOf(backup);
		expect(lines).toEqual([
			'clients[0] (Contoso Dental Group) · Logo: The logo is not valid base64.',
			'clients[1] (Fabrikam Labs) · Logo: "logo" is not a PNG, JPEG, WebP or SVG image: choose one of those.',
			'clients[2] (Northwind) · Logo: "logo" is 1.5 MB: a logo may be at most 1 MB.'
		]);
	});

	it('refuses two imports with one id', async () => {
		const backup = await workspaceBackup();
		const [record] = backup.stores.imports;
		backup.stores.imports.push({ ...record, fileName: 'again.csv' });
		const { lines } = await problemsOf(backup);
		expect(lines).toEqual([`imports[1] (again.csv) · id: Another import has the id "${record.id}".`]);
	});

	it('refuses a setting given twice, naming the first', async () => {
		const backup = await workspaceBackup();
		const index = backup.stores.settings.findIndex((s) => s.key === 'workspaceName');
		backup.stores.settings.push({ key: 'workspaceName', value: 'Second name' });
		const { lines } = await problemsOf(backup);
		expect(lines).toEqual([
			`settings[${backup.stores.settings.length - 1}] (workspaceName) · workspaceName: The setting "workspaceName" is also settings[${index}]: keep one.`
		]);
	});

	it('refuses business hours without each weekday once, with times not HH:MM, or closing before opening', async () => {
		const backup = await workspaceBackup();
		const [first, second] = backup.stores.clients;
		const days = first.businessHours.days;
		days[0] = { ...days[0], start: '9:00' };
		days[1] = { ...days[1], start: '18:00', end: '09:00' };
		days[2] = { ...days[2], start: '12:00', end: '12:00' };
		// A closed day's times, and every day's when open around the clock, are not judged.
		days[6] = { ...days[6], open: false, start: 'never', end: '' };
		second.businessHours.days[6] = { ...second.businessHours.days[6], day: 'sat' };
		const third = structuredClone(first);
		Object.assign(third, { id: 'third', name: 'Northwind' });
		third.primaryContact.email = 'ops@northwind.example';
		third.businessHours.alwaysOpen = true;
		backup.stores.clients.push(third);
		const { lines } = await problemsOf(backup);
		expect(lines).toEqual([
			'clients[0] (Contoso Dental Group) · Business hours: Monday: give opening and closing times as HH:MM.',
			'clients[0] (Contoso Dental Group) · Business hours: Tuesday: closing time must be after opening time (18:00).',
			'clients[0] (Contoso Dental Group) · Business hours: Wednesday: closing time must be after opening time (12:00).',
			'clients[1] (Fabrikam Labs) · businessHours.days: Business hours need each weekday once, Monday to Sunday.'
		]);
	});

	it('refuses a day that is not a weekday, by the shape of the record', async () => {
		const backup = await workspaceBackup();
		(backup.stores.clients[0].businessHours.days[6] as { day: string }).day = 'funday';
		const { lines } = await problemsOf(backup);
		expect(lines).toEqual([
			'clients[0] (Contoso Dental Group) · businessHours.days.6.day: Invalid option: expected one of "mon"|"tue"|"wed"|"thu"|"fri"|"sat"|"sun"'
		]);
	});
});
