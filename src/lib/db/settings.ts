// Workspace settings: a small key/value store. Values are read through their shapes, so a malformed stored
// value (a tampered database) reads as its default instead of breaking a page.
import {
	readWorkspaceSettings,
	signUpEmailProblem,
	workspaceNameProblem,
	type WorkspaceSettings
} from '$lib/domain/settings-shape';
import { UserFacingError } from './errors';
import { db } from './schema';

export async function getSettings(): Promise<WorkspaceSettings> {
	const rows = await db.settings.bulkGet(['workspaceName', 'signUpEmail']);
	const stored = Object.fromEntries(rows.flatMap((row) => (row ? [[row.key, row.value]] : [])));
	return readWorkspaceSettings(stored);
}

export async function saveSettings(changes: Partial<WorkspaceSettings>): Promise<void> {
	const problem =
		(changes.workspaceName !== undefined ? workspaceNameProblem(changes.workspaceName) : undefined) ??
		(changes.signUpEmail !== undefined ? signUpEmailProblem(changes.signUpEmail) : undefined);
	if (problem) throw new UserFacingError(problem);
	await db.settings.bulkPut(Object.entries(changes).map(([key, value]) => ({ key, value: String(value).trim() })));
}
