// Custom fields: kept in settings, in the order the admin gave them. Names are unique (case-insensitively)
// and never a template column's, since both head columns of the same CSV.
import type { CustomField, CustomFieldType } from '$lib/domain/custom-fields';
import { readCustomFields } from '$lib/domain/settings-shape';
import { TEMPLATE_COLUMNS } from '$lib/domain/template';
import { UserFacingError } from './errors';
import { newId } from './ids';
import { db } from './schema';

const KEY = 'customFields';

export async function listCustomFields(): Promise<CustomField[]> {
	return readCustomFields((await db.settings.get(KEY))?.value);
}

async function store(fields: CustomField[]): Promise<void> {
	await db.settings.put({ key: KEY, value: fields });
}

export interface CustomFieldInput {
	name: string;
	type: CustomFieldType;
	required: boolean;
	options: string[];
}

/** A field as it is stored, checked against the other fields; throws a UserFacingError saying what is wrong. */
export function validateCustomField(input: CustomFieldInput, others: readonly CustomField[]): Omit<CustomField, 'id'> {
	const name = input.name.trim();
	if (!name) throw new UserFacingError('Field name is required.');
	if (/^[=+\-@']/.test(name)) {
		throw new UserFacingError(
			"A field name cannot start with =, +, -, @ or ': spreadsheets would read it as a formula."
		);
	}
	if (/[,\r\n"]/.test(name))
		throw new UserFacingError('A field name cannot contain a comma, a quote or a line break: it heads a CSV column.');
	if ((TEMPLATE_COLUMNS as readonly string[]).some((c) => c.toLowerCase() === name.toLowerCase())) {
		throw new UserFacingError(`"${name}" is already a column of the template: choose another name.`);
	}
	const clash = others.find((f) => f.name.toLowerCase() === name.toLowerCase());
	if (clash) throw new UserFacingError(`A custom field named "${clash.name}" already exists.`);
	const options = [...new Set(input.options.map((o) => o.trim()).filter((o) => o !== ''))];
	if (input.type === 'dropdown' && options.length === 0)
		throw new UserFacingError('A dropdown needs at least one option.');
	return { name, type: input.type, required: input.required, options: input.type === 'dropdown' ? options : [] };
}

export async function addCustomField(input: CustomFieldInput): Promise<CustomField> {
	return db.transaction('rw', db.settings, async () => {
		const fields = await listCustomFields();
		const field = { id: newId(), ...validateCustomField(input, fields) };
		await store([...fields, field]);
		return field;
	});
}

export async function updateCustomField(id: string, input: CustomFieldInput): Promise<void> {
	await db.transaction('rw', db.settings, async () => {
		const fields = await listCustomFields();
		const next = validateCustomField(
			input,
			fields.filter((f) => f.id !== id)
		);
		await store(fields.map((f) => (f.id === id ? { ...f, ...next } : f)));
	});
}

/** Moves a field one place up (-1) or down (+1). */
export async function moveCustomField(id: string, direction: -1 | 1): Promise<void> {
	await db.transaction('rw', db.settings, async () => {
		const fields = await listCustomFields();
		const from = fields.findIndex((f) => f.id === id);
		const to = from + direction;
		if (from < 0 || to < 0 || to >= fields.length) return;
		[fields[from], fields[to]] = [fields[to], fields[from]];
		await store(fields);
	});
}

export async function countClientsUsingField(id: string): Promise<number> {
	return db.clients.filter((client) => (client.customFields[id] ?? '') !== '').count();
}

/** Deletes a field and its values from every client. */
export async function deleteCustomField(id: string): Promise<void> {
	await db.transaction('rw', db.settings, db.clients, async () => {
		await store((await listCustomFields()).filter((f) => f.id !== id));
		await db.clients
			.filter((client) => id in client.customFields)
			.modify((client) => {
				delete client.customFields[id];
			});
	});
}
