// A backup checked by the app's own rules before anything is replaced: each record's shape (zod), then the
// rules the form and the import apply (checkRow, names and emails unique, references, custom fields, settings).
// Clients are checked a slice at a time, yielding between slices, so 100,000 of them do not freeze the page.
import { messageOf } from '$lib/wording';
import { z } from 'zod';
import { checkExtras, checkLogo, WEEKDAYS } from '$lib/domain/client-extras';
import { toClientRecord, toTemplateValues, type ClientRecord } from '$lib/domain/client';
import type { CustomField } from '$lib/domain/custom-fields';
import { clipText } from '$lib/domain/display-text';
import { checkRow } from '$lib/domain/rules';
import { SETTING_SHAPES } from '$lib/domain/settings-shape';
import { COLUMN_LABELS, TEMPLATE_COLUMNS } from '$lib/domain/template';
import { clientNameKey, emailKey, indexWorkspace, type WorkspaceIndex } from '$lib/domain/workspace';
import { validateCustomField } from './custom-fields';
import { groupFields } from './groups';
import type { Group, ImportRecord, Setting, Technician, UpdatedClient } from './schema';
import { technicianFields } from './technicians';

export const BACKUP_FORMAT = 'client-import-backup';

const contactShape = z.object({ firstName: z.string(), lastName: z.string(), email: z.string() });
const weekdayKeys = WEEKDAYS.map((d) => d.value);

const clientShape = z.object({
	id: z.string().min(1),
	name: z.string(),
	nameKey: z.string(),
	primaryContact: contactShape.extend({ phoneCode: z.string(), phone: z.string() }),
	primaryEmailKey: z.string(),
	secondaryContact: contactShape.nullable(),
	site: z.object({
		name: z.string(),
		addressLine: z.string(),
		city: z.string(),
		state: z.string(),
		country: z.string(),
		postalCode: z.string(),
		timezone: z.string()
	}),
	emailDomains: z.array(z.string()),
	accountManagerId: z.string().nullable(),
	groupIds: z.array(z.string()),
	customFields: z.record(z.string(), z.string()),
	createdAt: z.iso.datetime(),
	updatedAt: z.iso.datetime(),
	importId: z.string().nullable(),
	logo: z.object({ type: z.string(), base64: z.string() }).nullable(),
	businessHours: z.object({
		alwaysOpen: z.boolean(),
		days: z
			.array(z.object({ day: z.enum(weekdayKeys), open: z.boolean(), start: z.string(), end: z.string() }))
			.refine((days) => days.length === 7 && weekdayKeys.every((key) => days.some((d) => d.day === key)), {
				message: 'Business hours need each weekday once, Monday to Sunday.'
			})
	}),
	holidays: z.array(z.object({ date: z.string(), name: z.string() })),
	properties: z.array(z.object({ name: z.string(), value: z.string() }))
});

/** A client as a backup holds it: its logo as base64. */
export type BackupClient = z.infer<typeof clientShape>;

const technicianShape = z.object({
	id: z.string().min(1),
	firstName: z.string(),
	lastName: z.string(),
	email: z.string(),
	emailKey: z.string()
});
const groupShape = z.object({ id: z.string().min(1), name: z.string(), nameKey: z.string(), description: z.string() });
const settingShape = z.object({ key: z.string().min(1), value: z.unknown() });
const importShape = z.object({
	id: z.string().min(1),
	fileName: z.string(),
	createdAt: z.string(),
	imported: z.number(),
	skipped: z.number(),
	/** In backups of records written before imports stopped listing the clients they added. */
	clientIds: z.array(z.string()).optional(),
	updated: z.number().optional(),
	/** What each client the import updated held before, for its undo. */
	updates: z.array(z.object({ before: clientShape.omit({ logo: true }), updatedAt: z.string() })).optional(),
	undoneAt: z.string().nullable()
});

/** The file around the records: checked at once, the records one by one afterwards. */
export const envelopeShape = z.object({
	format: z.literal(BACKUP_FORMAT),
	version: z.literal(1),
	createdAt: z.iso.datetime(),
	stores: z.object({
		clients: z.array(z.unknown()),
		technicians: z.array(z.unknown()),
		groups: z.array(z.unknown()),
		settings: z.array(z.unknown()),
		imports: z.array(z.unknown())
	})
});

export type BackupEnvelope = z.infer<typeof envelopeShape>;

/** An import as a backup holds it: with what each client it updated held before (`importBefores`, joined). */
export type BackupImport = ImportRecord & { updates?: UpdatedClient[] };

export interface BackupStores {
	clients: BackupClient[];
	technicians: Technician[];
	groups: Group[];
	settings: Setting[];
	imports: BackupImport[];
}

/** What `createBackup` writes. */
export interface Backup {
	format: typeof BACKUP_FORMAT;
	version: 1;
	createdAt: string;
	stores: BackupStores;
}

/** A backup that passed every check, its records as they will be written: only this can be restored. */
export class CheckedBackup {
	readonly #checked = true;
	constructor(
		readonly createdAt: string,
		readonly stores: BackupStores
	) {}
	get checked() {
		return this.#checked;
	}
}

/** One problem of one record: `clients[3] (Acme)`, `Country`, and the rule's message. */
export interface BackupProblem {
	record: string;
	field: string;
	message: string;
}

export interface BackupCheck {
	/** The first problems, in the file's order. */
	problems: BackupProblem[];
	/** Every problem, counted. */
	total: number;
	/** The backup ready to restore, when it has no problem. */
	checked: CheckedBackup | null;
}

/** How many problems are kept to show; the rest are counted. */
const KEPT_PROBLEMS = 100;
/** How long a slice of clients may run before the page gets a turn. */
const SLICE_MS = 25;

class Problems {
	readonly list: BackupProblem[] = [];
	total = 0;

	add(record: string, field: string, message: string) {
		this.total++;
		if (this.list.length < KEPT_PROBLEMS) this.list.push({ record, field, message });
	}

	addZod(record: string, error: z.ZodError) {
		for (const issue of error.issues) this.add(record, issue.path.map(String).join('.'), issue.message);
	}
}

/** `clients[3] (Acme)`: where a record is in the file, and what it is called when it has a name. */
function recordLabel(store: string, index: number, raw: unknown, nameKey: string): string {
	const name = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[nameKey] : undefined;
	return typeof name === 'string' && name.trim()
		? `${store}[${index}] (${clipText(name.trim(), 40)})`
		: `${store}[${index}]`;
}

const pageTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Checks every record of a backup; reports progress as clients are checked. Nothing is written: restore
 * the `checked` backup it returns, if any.
 */
export async function checkBackup(
	backup: BackupEnvelope,
	onProgress?: (checkedClients: number, clients: number) => void
): Promise<BackupCheck> {
	const problems = new Problems();
	const { stores } = backup;
	const settings = checkSettings(stores.settings, problems);
	const technicians = checkTechnicians(stores.technicians, problems);
	const groups = checkGroups(stores.groups, problems);
	// A record refused above is reported once, not again by every client referring to it.
	const ids = { technicians: idsOf(stores.technicians), groups: idsOf(stores.groups) };
	const clients = await checkClients(stores.clients, { settings, technicians, groups, ids }, problems, onProgress);
	const imports = checkImports(stores.imports, problems);
	return {
		problems: problems.list,
		total: problems.total,
		checked:
			problems.total === 0
				? new CheckedBackup(backup.createdAt, {
						clients,
						technicians,
						groups,
						settings: settings.rows,
						imports
					})
				: null
	};
}

function idsOf(rows: unknown[]): Set<string> {
	const ids = new Set<string>();
	for (const row of rows) {
		const id = row && typeof row === 'object' ? (row as Record<string, unknown>).id : undefined;
		if (typeof id === 'string') ids.add(id);
	}
	return ids;
}

interface CheckedSettings {
	rows: Setting[];
	signUpEmail: string;
	/** Null when the stored custom fields are malformed: client values are then not checked against them. */
	customFields: CustomField[] | null;
}

function checkSettings(rows: unknown[], problems: Problems): CheckedSettings {
	const result: CheckedSettings = { rows: [], signUpEmail: '', customFields: [] };
	const indexByKey = new Map<string, number>();
	rows.forEach((raw, i) => {
		const record = recordLabel('settings', i, raw, 'key');
		const parsed = settingShape.safeParse(raw);
		if (!parsed.success) return problems.addZod(record, parsed.error);
		const { key, value } = parsed.data;
		const first = indexByKey.get(key);
		if (first !== undefined) {
			return problems.add(record, key, `The setting "${key}" is also settings[${first}]: keep one.`);
		}
		indexByKey.set(key, i);
		// A key this module does not know was written by another part of the app: it is kept as it is.
		if (Object.hasOwn(SETTING_SHAPES, key) && !checkKnownSetting(key, value, record, problems, result)) return;
		result.rows.push({ key, value });
	});
	return result;
}

/** A setting this app writes, by its shape and rules; notes what the clients' checks need from it. */
function checkKnownSetting(
	key: string,
	value: unknown,
	record: string,
	problems: Problems,
	result: CheckedSettings
): boolean {
	const known = SETTING_SHAPES[key].safeParse(value);
	if (!known.success) {
		if (key === 'customFields') result.customFields = null;
		for (const issue of known.error.issues) {
			problems.add(record, [key, ...issue.path.map(String)].join('.'), issue.message);
		}
		return false;
	}
	if (key === 'signUpEmail') result.signUpEmail = known.data as string;
	if (key === 'customFields') {
		const fields = known.data as CustomField[];
		const valid = checkCustomFields(fields, record, problems);
		result.customFields = valid ? fields : null;
		return valid;
	}
	return true;
}

/** The custom fields by the rules of Settings › Custom fields; false when any breaks them. */
function checkCustomFields(fields: CustomField[], record: string, problems: Problems): boolean {
	const before = problems.total;
	const ids = new Set<string>();
	fields.forEach((field, i) => {
		const where = `customFields.${i} (${clipText(field.name, 40)})`;
		if (ids.has(field.id)) problems.add(record, where, `Another custom field has the id "${clipText(field.id, 40)}".`);
		ids.add(field.id);
		const problem = userFacingProblem(() => validateCustomField(field, fields.slice(0, i)));
		if (problem) problems.add(record, where, problem);
	});
	return problems.total === before;
}

/** The message of a rule that throws it (the db modules' validators), or undefined when it passes. */
function userFacingProblem(rule: () => unknown): string | undefined {
	try {
		rule();
		return undefined;
	} catch (error) {
		return messageOf(error);
	}
}

function checkTechnicians(rows: unknown[], problems: Problems): Technician[] {
	const checked: Technician[] = [];
	const ids = new Set<string>();
	const byEmail = new Map<string, number>();
	rows.forEach((raw, i) => {
		const record = recordLabel('technicians', i, raw, 'email');
		const parsed = technicianShape.safeParse(raw);
		if (!parsed.success) return problems.addZod(record, parsed.error);
		const technician = parsed.data;
		if (ids.has(technician.id)) problems.add(record, 'id', `Another technician has the id "${technician.id}".`);
		ids.add(technician.id);
		let fields: Omit<Technician, 'id'> | undefined;
		const problem = userFacingProblem(() => (fields = technicianFields(technician)));
		if (problem || !fields) return problems.add(record, 'Technician', problem ?? '');
		const other = byEmail.get(fields.emailKey);
		if (other !== undefined) {
			return problems.add(
				record,
				'Email',
				`technicians[${other}] already has the email ${clipText(fields.email, 80)}.`
			);
		}
		byEmail.set(fields.emailKey, i);
		checked.push({ id: technician.id, ...fields });
	});
	return checked;
}

function checkGroups(rows: unknown[], problems: Problems): Group[] {
	const checked: Group[] = [];
	const ids = new Set<string>();
	const byName = new Map<string, number>();
	rows.forEach((raw, i) => {
		const record = recordLabel('groups', i, raw, 'name');
		const parsed = groupShape.safeParse(raw);
		if (!parsed.success) return problems.addZod(record, parsed.error);
		const group = parsed.data;
		if (ids.has(group.id)) problems.add(record, 'id', `Another group has the id "${group.id}".`);
		ids.add(group.id);
		let fields: Omit<Group, 'id'> | undefined;
		const problem = userFacingProblem(() => (fields = groupFields(group)));
		if (problem || !fields) return problems.add(record, 'Group', problem ?? '');
		const other = byName.get(fields.nameKey);
		if (other !== undefined) {
			return problems.add(record, 'Name', `A group named "${clipText(fields.name, 80)}" is also groups[${other}].`);
		}
		byName.set(fields.nameKey, i);
		checked.push({ id: group.id, ...fields });
	});
	return checked;
}

interface Lookups {
	settings: CheckedSettings;
	technicians: Technician[];
	groups: Group[];
	/** Every id the backup's technicians and groups have, refused records included. */
	ids: { technicians: Set<string>; groups: Set<string> };
}

/** The form's field of a `checkExtras` problem, from its id there (`hours-mon-start`, `holiday-0-date`). */
function extrasField(formField: string): string {
	if (formField.startsWith('hours-')) return 'Business hours';
	if (formField.startsWith('holiday-')) return 'Holidays';
	return 'Properties';
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function logoProblem(logo: NonNullable<BackupClient['logo']>): string | undefined {
	if (logo.base64.length % 4 !== 0 || !BASE64.test(logo.base64)) return 'The logo is not valid base64.';
	const padding = logo.base64.endsWith('==') ? 2 : logo.base64.endsWith('=') ? 1 : 0;
	return checkLogo({ type: logo.type, size: (logo.base64.length / 4) * 3 - padding, name: 'logo' });
}

async function checkClients(
	rows: unknown[],
	{ settings, technicians, groups, ids: known }: Lookups,
	problems: Problems,
	onProgress?: (checked: number, total: number) => void
): Promise<BackupClient[]> {
	const customFields = settings.customFields ?? [];
	const fieldIds = new Set(customFields.map((f) => f.id));
	// Earlier clients of the backup play the workspace's existing clients: a later duplicate is reported.
	const clientByNameKey = new Map<string, { id: string; name: string }>();
	const clientIdByEmail = new Map<string, string>();
	const workspace: WorkspaceIndex = {
		...indexWorkspace({
			technicians,
			groups,
			clients: [],
			signUpEmail: settings.signUpEmail,
			customFields
		}),
		clientByNameKey,
		clientIdByEmail
	};
	const lookups = {
		technicianEmailById: new Map(technicians.map((t) => [t.id, t.email])),
		groupNameById: new Map(groups.map((g) => [g.id, g.name])),
		customFields
	};
	const columnLabel = (column: number) =>
		column < TEMPLATE_COLUMNS.length
			? COLUMN_LABELS[TEMPLATE_COLUMNS[column]]
			: (customFields[column - TEMPLATE_COLUMNS.length]?.name ?? `Column ${column + 1}`);

	const checked: BackupClient[] = [];
	const ids = new Set<string>();
	let sliceStart = performance.now();
	for (let i = 0; i < rows.length; i++) {
		if (performance.now() - sliceStart > SLICE_MS) {
			onProgress?.(i, rows.length);
			await pageTurn();
			sliceStart = performance.now();
		}
		const raw = rows[i];
		const record = recordLabel('clients', i, raw, 'name');
		const parsed = clientShape.safeParse(raw);
		if (!parsed.success) {
			problems.addZod(record, parsed.error);
			continue;
		}
		const client = parsed.data;
		if (ids.has(client.id)) problems.add(record, 'id', `Another client has the id "${clipText(client.id, 40)}".`);
		ids.add(client.id);

		if (client.accountManagerId !== null && !known.technicians.has(client.accountManagerId)) {
			problems.add(
				record,
				'Account manager',
				`No technician in this backup has the id "${clipText(client.accountManagerId, 40)}".`
			);
		}
		const unknownGroups = client.groupIds.filter((id) => !known.groups.has(id));
		if (unknownGroups.length > 0) {
			const listed = unknownGroups.map((id) => `"${clipText(id, 40)}"`).join(', ');
			problems.add(record, 'Technician groups', `No group in this backup has the id ${listed}.`);
		}
		if (settings.customFields) {
			for (const id of Object.keys(client.customFields).filter((id) => !fieldIds.has(id))) {
				problems.add(record, 'Custom fields', `No custom field in this backup has the id "${clipText(id, 40)}".`);
			}
		}

		// The stored record without its logo (checked on its own below) is what the domain's rules take.
		const stored: ClientRecord = { ...client, logo: null };
		const values = toTemplateValues(stored, lookups);
		for (const issue of checkRow(values, workspace)) {
			if (issue.severity === 'error') problems.add(record, columnLabel(issue.column), issue.message);
		}
		for (const problem of checkExtras(stored)) problems.add(record, extrasField(problem.field), problem.message);
		const logo = client.logo && logoProblem(client.logo);
		if (logo) problems.add(record, 'Logo', logo);

		const nameKey = clientNameKey(client.name);
		if (nameKey && !clientByNameKey.has(nameKey)) clientByNameKey.set(nameKey, { id: client.id, name: client.name });
		const email = emailKey(client.primaryContact.email);
		if (email && !clientIdByEmail.has(email)) clientIdByEmail.set(email, client.id);

		// Written as the import writes the same values (keys, codes and lists normalised), with the form's extras.
		if (problems.total === 0) {
			checked.push({
				...toClientRecord(values, workspace, { id: client.id, createdAt: client.createdAt, importId: client.importId }),
				logo: client.logo,
				businessHours: client.businessHours,
				holidays: client.holidays,
				properties: client.properties,
				updatedAt: client.updatedAt
			});
		}
	}
	onProgress?.(rows.length, rows.length);
	return checked;
}

function checkImports(rows: unknown[], problems: Problems): BackupImport[] {
	const checked: BackupImport[] = [];
	const ids = new Set<string>();
	rows.forEach((raw, i) => {
		const record = recordLabel('imports', i, raw, 'fileName');
		const parsed = importShape.safeParse(raw);
		if (!parsed.success) return problems.addZod(record, parsed.error);
		if (ids.has(parsed.data.id)) return problems.add(record, 'id', `Another import has the id "${parsed.data.id}".`);
		ids.add(parsed.data.id);
		checked.push(parsed.data);
	});
	return checked;
}

/** One problem as a line: `clients[3] (Acme) · Country: Country "ZZ" is not …`, long values clipped. */
export function describeProblem(problem: BackupProblem): string {
	const where = problem.field ? `${problem.record} · ${clipText(problem.field, 80)}` : problem.record;
	return `${where}: ${clipText(problem.message, 300)}`;
}
