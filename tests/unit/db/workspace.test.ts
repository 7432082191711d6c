import { beforeEach, describe, expect, it } from 'vitest';
import { resetDemo, seedDemoIfNew } from '$lib/db/demo';
import { addGroup, countClientsInGroup, deleteGroup, listGroups, updateGroup } from '$lib/db/groups';
import { db } from '$lib/db/schema';
import { getSettings, saveSettings } from '$lib/db/settings';
import { countWorkspace, loadWorkspaceSnapshot } from '$lib/db/snapshot';
import {
	addTechnician,
	countClientsManagedBy,
	deleteTechnician,
	listTechnicians,
	updateTechnician
} from '$lib/db/technicians';
import { toClientRecord } from '$lib/domain/client';
import { sampleRow } from '$lib/csv/sample-csv';
import { indexWorkspace } from '$lib/domain/workspace';

beforeEach(async () => {
	await resetDemo();
});

async function storeSampleClient() {
	const snapshot = await loadWorkspaceSnapshot();
	const technicians = await listTechnicians();
	const groups = await listGroups();
	const row = sampleRow(
		technicians.map((t) => t.email),
		groups.map((g) => g.name)
	);
	const client = toClientRecord(row, indexWorkspace(snapshot), { id: 'c1', createdAt: '2026-01-01T00:00:00Z' });
	await db.clients.add(client);
	return { client, technician: technicians[0], groups: groups.slice(0, 2) };
}

describe('the demo workspace', () => {
	it('has a name, a sign-up email, 8 technicians and 5 groups', async () => {
		expect(await getSettings()).toEqual({
			workspaceName: 'Northwind IT Services',
			signUpEmail: 'owner@northwind-it.example'
		});
		expect(await db.technicians.count()).toBe(8);
		expect(await db.groups.count()).toBe(5);
	});

	it('is seeded only once, even when the admin deleted everything since', async () => {
		await db.technicians.clear();
		await seedDemoIfNew();
		expect(await db.technicians.count()).toBe(0);
	});

	it('counts its clients, technicians and groups', async () => {
		expect(await countWorkspace()).toEqual({ clients: 0, technicians: 8, groups: 5 });
		await storeSampleClient();
		expect(await countWorkspace()).toEqual({ clients: 1, technicians: 8, groups: 5 });
	});

	it('reset removes clients and restores the demo lists', async () => {
		await storeSampleClient();
		await addTechnician({ firstName: 'Extra', lastName: 'Person', email: 'extra@example.com' });
		await resetDemo();
		expect(await db.clients.count()).toBe(0);
		expect(await db.technicians.count()).toBe(8);
	});
});

describe('technicians', () => {
	it('refuses a second technician with the same email in another case', async () => {
		await addTechnician({ firstName: 'Zoe', lastName: 'Quinn', email: 'zoe@example.com' });
		await expect(addTechnician({ firstName: 'Z', lastName: 'Q', email: ' ZOE@Example.com ' })).rejects.toThrow(
			'Zoe Quinn already has the email zoe@example.com.'
		);
	});

	it('lets a technician keep their own email when edited', async () => {
		const zoe = await addTechnician({ firstName: 'Zoe', lastName: 'Quinn', email: 'zoe@example.com' });
		await updateTechnician(zoe.id, { firstName: 'Zoë', lastName: 'Quinn', email: 'Zoe@example.com' });
		expect((await db.technicians.get(zoe.id))?.firstName).toBe('Zoë');
	});

	it('refuses an invalid email and a missing name', async () => {
		await expect(addTechnician({ firstName: 'A', lastName: 'B', email: 'nope' })).rejects.toThrow('not a valid email');
		await expect(addTechnician({ firstName: ' ', lastName: 'B', email: 'a@b.com' })).rejects.toThrow('required');
	});

	it('counts the clients a technician manages, and deleting leaves them without a manager', async () => {
		const { client, technician } = await storeSampleClient();
		expect(await countClientsManagedBy(technician.id)).toBe(1);
		await deleteTechnician(technician.id);
		expect((await db.clients.get(client.id))?.accountManagerId).toBeNull();
		expect(await db.technicians.get(technician.id)).toBeUndefined();
	});
});

describe('groups', () => {
	it('refuses a duplicate name in another case, and a name with a comma', async () => {
		await expect(addGroup({ name: 'service DESK', description: '' })).rejects.toThrow(
			'A group named "Service Desk" already exists.'
		);
		await expect(addGroup({ name: 'A, B', description: '' })).rejects.toThrow('cannot contain a comma');
	});

	it('renames a group', async () => {
		const group = await addGroup({ name: 'Backup', description: '' });
		await updateGroup(group.id, { name: 'Backup & Recovery', description: 'Nightly' });
		expect(await db.groups.get(group.id)).toMatchObject({ name: 'Backup & Recovery', nameKey: 'backup & recovery' });
	});

	it('counts the clients in a group, and deleting takes it off them', async () => {
		const { client, groups } = await storeSampleClient();
		expect(await countClientsInGroup(groups[0].id)).toBe(1);
		await deleteGroup(groups[0].id);
		expect((await db.clients.get(client.id))?.groupIds).toEqual([groups[1].id]);
	});
});

describe('settings', () => {
	it('stores the sign-up email, trimmed, and refuses an invalid one', async () => {
		await saveSettings({ signUpEmail: ' admin@msp.example ' });
		expect((await getSettings()).signUpEmail).toBe('admin@msp.example');
		await expect(saveSettings({ signUpEmail: 'admin' })).rejects.toThrow('not a valid email');
	});
});

describe('the database', () => {
	it('refuses a second client with the same name key or primary email (unique indexes)', async () => {
		const { client } = await storeSampleClient();
		await expect(db.clients.add({ ...client, id: 'c2' })).rejects.toThrow();
		expect(await db.clients.count()).toBe(1);
	});

	it('gives the rules a snapshot of technicians, groups, clients and the sign-up email', async () => {
		const { client } = await storeSampleClient();
		const snapshot = await loadWorkspaceSnapshot();
		expect(snapshot.technicians).toHaveLength(8);
		expect(snapshot.groups).toHaveLength(5);
		expect(snapshot.clients).toEqual([{ id: client.id, name: client.name, email: client.primaryContact.email }]);
		expect(snapshot.signUpEmail).toBe('owner@northwind-it.example');
	});
});
