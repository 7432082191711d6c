// The workspace as the rules see it, read in one transaction so it is consistent.
import type { WorkspaceSnapshot } from '$lib/domain/workspace';
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
			withClients ? db.clients.toArray() : [],
			getSettings(),
			listCustomFields()
		]);
		return {
			technicians: technicians.map(({ id, email, firstName, lastName }) => ({ id, email, firstName, lastName })),
			groups: groups.map(({ id, name }) => ({ id, name })),
			clients: clients.map((c) => ({ id: c.id, name: c.name, email: c.primaryContact.email })),
			signUpEmail: settings.signUpEmail,
			customFields
		};
	});
}
