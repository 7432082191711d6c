// The settings this app writes, with their rules and zod shapes: what a reader accepts from storage (anything
// else falls back to a safe default) and what a restore checks. Keys written elsewhere are not described here.
import { z } from 'zod';
import { CUSTOM_FIELD_TYPES, type CustomField } from './custom-fields';
import { isEmail, lengthOf } from './field-rules';

export interface WorkspaceSettings {
	workspaceName: string;
	signUpEmail: string;
}

export const DEFAULT_SETTINGS: WorkspaceSettings = { workspaceName: 'My workspace', signUpEmail: '' };

export const WORKSPACE_NAME_MAX = 100;

export function workspaceNameProblem(name: string): string | undefined {
	const trimmed = name.trim();
	if (!trimmed) return 'Workspace name is required.';
	const length = lengthOf(trimmed);
	if (length > WORKSPACE_NAME_MAX) {
		return `Workspace name is ${length} characters long: keep it to ${WORKSPACE_NAME_MAX} or fewer.`;
	}
	return undefined;
}

export function signUpEmailProblem(email: string): string | undefined {
	const trimmed = email.trim();
	return trimmed && !isEmail(trimmed)
		? `"${email}" is not a valid email address: write it like name@example.com.`
		: undefined;
}

/** A string that passes one of the rules above: the rule's own message when it does not. */
function stringWithRule(problem: (value: string) => string | undefined) {
	return z.string().superRefine((value, context) => {
		const message = problem(value);
		if (message) context.addIssue({ code: 'custom', message });
	});
}

export const customFieldShape = z.object({
	id: z.string().min(1),
	name: z.string().min(1),
	type: z.enum(CUSTOM_FIELD_TYPES.map((t) => t.value) as [CustomField['type'], ...CustomField['type'][]]),
	required: z.boolean(),
	options: z.array(z.string())
});

/** Each setting this app writes, by key, with its shape. */
export const SETTING_SHAPES: Readonly<Record<string, z.ZodType>> = {
	workspaceName: stringWithRule(workspaceNameProblem),
	signUpEmail: stringWithRule(signUpEmailProblem),
	customFields: z.array(customFieldShape),
	demoSeeded: z.boolean()
};

/**
 * What a reader accepts: text, the name not blank. Looser than the rules above, so a name saved before a rule
 * was added still reads as itself (pages clip what they show).
 */
const READ_SHAPES: Readonly<Record<keyof WorkspaceSettings, z.ZodType<string>>> = {
	workspaceName: z.string().refine((name) => name.trim() !== ''),
	signUpEmail: z.string()
};

/** The workspace settings from their stored values: a missing or malformed one is its default. */
export function readWorkspaceSettings(stored: Partial<Record<keyof WorkspaceSettings, unknown>>): WorkspaceSettings {
	const settings = { ...DEFAULT_SETTINGS };
	for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof WorkspaceSettings)[]) {
		const parsed = READ_SHAPES[key].safeParse(stored[key]);
		if (parsed.success) settings[key] = parsed.data;
	}
	return settings;
}

/**
 * The custom fields from their stored value: not a list reads as none, and an entry that is malformed or
 * repeats an earlier id or name is left out, so pages keyed by field id always render.
 */
export function readCustomFields(stored: unknown): CustomField[] {
	if (!Array.isArray(stored)) return [];
	const ids = new Set<string>();
	const names = new Set<string>();
	const fields: CustomField[] = [];
	for (const entry of stored) {
		const parsed = customFieldShape.safeParse(entry);
		if (!parsed.success) continue;
		const name = parsed.data.name.toLowerCase();
		if (ids.has(parsed.data.id) || names.has(name)) continue;
		ids.add(parsed.data.id);
		names.add(name);
		fields.push(parsed.data);
	}
	return fields;
}
