// Technician groups: list, add, rename, delete. Names are unique, case-insensitively.
import { groupKey } from '$lib/domain/workspace';
import { UserFacingError } from './errors';
import { newId } from './ids';
import { db, type Group } from './schema';

export type GroupInput = Pick<Group, 'name' | 'description'>;

export function listGroups(): Promise<Group[]> {
	return db.groups.toArray().then((groups) => groups.sort((a, b) => a.name.localeCompare(b.name)));
}

/** A group as it is stored, checked on its own; throws a UserFacingError saying what is wrong. */
export function groupFields(input: GroupInput): Omit<Group, 'id'> {
	const name = input.name.trim();
	if (!name) throw new UserFacingError('Group name is required.');
	if (name.includes(','))
		throw new UserFacingError('A group name cannot contain a comma: the import separates groups with commas.');
	return { name, nameKey: groupKey(name), description: input.description.trim() };
}

async function validate(input: GroupInput, selfId?: string): Promise<Omit<Group, 'id'>> {
	const fields = groupFields(input);
	const existing = await db.groups.where('nameKey').equals(fields.nameKey).first();
	if (existing && existing.id !== selfId) throw new UserFacingError(`A group named "${existing.name}" already exists.`);
	return fields;
}

export async function addGroup(input: GroupInput): Promise<Group> {
	const group = { id: newId(), ...(await validate(input)) };
	await db.groups.add(group);
	return group;
}

export async function updateGroup(id: string, input: GroupInput): Promise<void> {
	await db.groups.update(id, await validate(input, id));
}

export function countClientsInGroup(id: string): Promise<number> {
	return db.clients.where('groupIds').equals(id).count();
}

/** Deletes a group and takes it off every client that used it. */
export async function deleteGroup(id: string): Promise<void> {
	await db.transaction('rw', db.groups, db.clients, async () => {
		await db.clients
			.where('groupIds')
			.equals(id)
			.modify((client) => {
				client.groupIds = client.groupIds.filter((groupId) => groupId !== id);
			});
		await db.groups.delete(id);
	});
}
