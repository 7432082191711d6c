// Saving a client from the form: the workspace rules are checked against the database in the same
// transaction as the write, so a name or email taken meanwhile (another tab) is refused, not duplicated.
import type { ClientExtras } from '$lib/domain/client-extras';
import { toClientRecord, type ClientRecord } from '$lib/domain/client';
import type { RowIssue } from '$lib/domain/issues';
import { checkRowAgainstWorkspace } from '$lib/domain/rules';
import { COL } from '$lib/domain/template';
import { clientNameKey, emailKey, indexWorkspace } from '$lib/domain/workspace';
import { UserFacingError } from './errors';
import { newId } from './ids';
import { db } from './schema';
import { loadWorkspaceSnapshot } from './snapshot';

/** The workspace rules for the form's values, existing clients looked up by index. */
export async function checkAgainstDatabase(values: readonly string[], selfId: string | null): Promise<RowIssue[]> {
	const name = values[COL.ClientName]?.trim() ?? '';
	const email = values[COL.PrimaryContactEmail]?.trim() ?? '';
	const [snapshot, byName, byEmail] = await Promise.all([
		loadWorkspaceSnapshot({ withClients: false }),
		name ? db.clients.where('nameKey').equals(clientNameKey(name)).first() : undefined,
		email ? db.clients.where('primaryEmailKey').equals(emailKey(email)).first() : undefined
	]);
	const clients = [byName, byEmail]
		.filter((c): c is ClientRecord => c !== undefined)
		.map((c) => ({ id: c.id, name: c.name, email: c.primaryContact.email }));
	return checkRowAgainstWorkspace(values, indexWorkspace({ ...snapshot, clients }), {
		selfClientId: selfId ?? undefined
	});
}

export class ClientRejected extends UserFacingError {
	constructor(readonly issues: RowIssue[]) {
		super(issues.map((i) => i.message).join(' '));
	}
}

/** Adds a new client (no id) or updates one; returns its id. */
export async function saveClient(values: readonly string[], extras: ClientExtras, id: string | null): Promise<string> {
	return db.transaction('rw', [db.clients, db.technicians, db.groups, db.settings], async () => {
		const problems = (await checkAgainstDatabase(values, id)).filter((i) => i.severity === 'error');
		if (problems.length > 0) throw new ClientRejected(problems);
		const now = new Date().toISOString();
		const existing = id ? await db.clients.get(id) : undefined;
		if (id && !existing) throw new UserFacingError('This client was deleted meanwhile (perhaps in another tab).');
		const workspace = indexWorkspace(await loadWorkspaceSnapshot({ withClients: false }));
		const record: ClientRecord = {
			...toClientRecord(values, workspace, {
				id: existing?.id ?? newId(),
				createdAt: existing?.createdAt ?? now,
				importId: existing?.importId ?? null
			}),
			...extras,
			updatedAt: now
		};
		await db.clients.put(record);
		return record.id;
	});
}
