// The demo workspace a newcomer finds on first run, so every feature works at once.
import { emailKey, groupKey } from '$lib/domain/workspace';
import { newId } from './ids';
import { db } from './schema';

const DEMO_SETTINGS = { workspaceName: 'Northwind IT Services', signUpEmail: 'owner@northwind-it.example' };

const DEMO_TECHNICIANS: [string, string][] = [
	['Alice', 'Johnson'],
	['Bruno', 'Costa'],
	['Chen', 'Wei'],
	['Dana', 'Okafor'],
	['Elif', 'Yilmaz'],
	['Farah', 'Haddad'],
	['Gustav', 'Lindqvist'],
	['Hana', 'Sato']
];

const DEMO_GROUPS: [string, string][] = [
	['Service Desk', 'First-line support, tickets and phone'],
	['Network Operations', 'Firewalls, switches, Wi-Fi and VPN'],
	['Cloud & Microsoft 365', 'Tenants, licences, Azure and backups'],
	['Security Operations', 'EDR alerts, patching and audits'],
	['Field Engineers', 'On-site visits and hardware']
];

function demoRecords() {
	const technicians = DEMO_TECHNICIANS.map(([firstName, lastName]) => {
		const email = `${firstName}.${lastName}@northwind-it.example`.toLowerCase();
		return { id: newId(), firstName, lastName, email, emailKey: emailKey(email) };
	});
	const groups = DEMO_GROUPS.map(([name, description]) => ({
		id: newId(),
		name,
		nameKey: groupKey(name),
		description
	}));
	return { technicians, groups };
}

/** Set once the demo workspace was put in (or a backup restored): the demo is then never added again. */
export const SEEDED_KEY = 'demoSeeded';

/** Fills an untouched database with the demo workspace; does nothing once it has been seeded. */
export async function seedDemoIfNew(): Promise<void> {
	await db.transaction('rw', db.settings, db.technicians, db.groups, async () => {
		if (await db.settings.get(SEEDED_KEY)) return;
		const { technicians, groups } = demoRecords();
		await db.technicians.bulkAdd(technicians);
		await db.groups.bulkAdd(groups);
		await db.settings.bulkPut([
			{ key: SEEDED_KEY, value: true },
			...Object.entries(DEMO_SETTINGS).map(([key, value]) => ({ key, value }))
		]);
	});
}

/** Empties every store and puts the demo workspace back. */
export async function resetDemo(): Promise<void> {
	await db.transaction('rw', db.tables, async () => {
		await Promise.all(db.tables.map((table) => table.clear()));
	});
	await seedDemoIfNew();
}
