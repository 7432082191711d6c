// The workspace read in one transaction so it is consistent: as the rules see it, and its counts.
import { ClientMaps, type WorkspaceSnapshot } from '$lib/domain/workspace';
import { eachChunkByName } from './client-projections';
import { db } from './schema';
import { listCustomFields } from './custom-fields';
import { getSettings } from './settings';

/**
 * `withClients: false` leaves existing clients out (the form asks the indexes about its one name and email
 * instead of loading every client).
 */
export async function loadWorkspaceSnapshot({ withClients = true } = {}): Promise<WorkspaceSnapshot> {
	return db.transaction('r', db.technicians, db.groups, db.clients, db.settings, async () => {
		const [technicians, groups, clients, settings, customFields] = await Promise.all([
			db.technicians.toArray(),
			db.groups.toArray(),
			withClients ? clientKeys() : [],
			getSettings(),
			listCustomFields()
		]);
		return {
			technicians: technicians.map(({ id, email, firstName, lastName }) => ({ id, email, firstName, lastName })),
			groups: groups.map(({ id, name }) => ({ id, name })),
			clients,
			signUpEmail: settings.signUpEmail,
			customFields
		};
	});
}

/**
 * What the rules need of every client, read a chunk at a time: 100,000 full records read at once are one
 * main-thread task of a second or more (IndexedDB hands them over in one event), and all held at once.
 */
async function clientKeys(): Promise<WorkspaceSnapshot['clients'][number][]> {
	const keys: WorkspaceSnapshot['clients'][number][] = [];
	// The rules' look-ups are built as the chunks come, a task each, and lent to every index of this snapshot.
	const maps = new ClientMaps();
	await eachChunkByName((chunk) => {
		const start = keys.length;
		for (const c of chunk) keys.push({ id: c.id, name: c.name, email: c.primaryContact.email });
		maps.add(keys.slice(start));
	});
	maps.lendTo(keys);
	return keys;
}

export interface WorkspaceCounts {
	clients: number;
	technicians: number;
	groups: number;
}

/** How many clients, technicians and groups the workspace holds (the home page's line). */
export function countWorkspace(): Promise<WorkspaceCounts> {
	return db.transaction('r', db.clients, db.technicians, db.groups, async () => {
		const [clients, technicians, groups] = await Promise.all([
			db.clients.count(),
			db.technicians.count(),
			db.groups.count()
		]);
		return { clients, technicians, groups };
	});
}
