// Workspace settings: a small key/value store.
import { isEmail } from '$lib/domain/field-rules';
import { UserFacingError } from './errors';
import { db } from './schema';

export interface WorkspaceSettings {
	workspaceName: string;
	signUpEmail: string;
}

const DEFAULTS: WorkspaceSettings = { workspaceName: 'My workspace', signUpEmail: '' };

export async function getSettings(): Promise<WorkspaceSettings> {
	const rows = await db.settings.bulkGet(Object.keys(DEFAULTS));
	const settings = { ...DEFAULTS };
	for (const row of rows) if (row) Object.assign(settings, { [row.key]: row.value });
	return settings;
}

export async function saveSettings(changes: Partial<WorkspaceSettings>): Promise<void> {
	if (changes.workspaceName !== undefined && !changes.workspaceName.trim()) {
		throw new UserFacingError('Workspace name is required.');
	}
	if (changes.signUpEmail !== undefined && changes.signUpEmail.trim() && !isEmail(changes.signUpEmail.trim())) {
		throw new UserFacingError(`"${changes.signUpEmail}" is not a valid email address: write it like name@example.com.`);
	}
	await db.settings.bulkPut(Object.entries(changes).map(([key, value]) => ({ key, value: String(value).trim() })));
}
