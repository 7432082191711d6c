// What a file row would change in an existing client ("Add new and update existing"), and the client the update
// leaves. Values are compared as stored, so a value written differently but stored the same is no change, and
// the update changes exactly what the diff shows: nothing else of the client is touched.
import { toClientRecord, toTemplateValues } from './client';
import type { ClientRecord, Contact, RecordLookups } from './client';
import { normaliseCountry } from './countries';
import { COL, TEMPLATE_COLUMNS } from './template';
import type { TemplateColumn } from './template';
import { findProperty, HOLIDAYS_COLUMN, HOURS_COLUMN } from './extra-columns';
import { formatHolidays, formatHours, propertyName } from './extras-text';
import { emailKey } from './workspace';
import type { WorkspaceIndex } from './workspace';

/** How an update treats the file: which columns it carries, and what an empty cell in one of them means. */
export interface UpdatePolicy {
	/** Row columns (template indexes, then custom fields' `TEMPLATE_COLUMNS.length + i`) that the file carries (the mapping fills them). Columns the file does not carry are never changed. */
	carried: ReadonlySet<number>;
	/** An empty cell in a carried column: keep the client's current value (default for the app), or clear it. */
	emptyCells: 'keep' | 'clear';
}

export interface FieldChange {
	column: number;
	/** The client's current value and the file's, as the template writes them (toTemplateValues' form: `US-CA`, a technician's email, group names joined by ", "). */
	from: string;
	to: string;
}

/** Lookups per workspace index: built once, as the diff runs for every row naming a client. */
const lookupsByIndex = new WeakMap<WorkspaceIndex, RecordLookups>();

/** The lookups `toTemplateValues` needs, from the workspace index alone. */
export function workspaceLookups(workspace: WorkspaceIndex): RecordLookups {
	let lookups = lookupsByIndex.get(workspace);
	if (!lookups) lookupsByIndex.set(workspace, (lookups = buildLookups(workspace)));
	return lookups;
}

function buildLookups(workspace: WorkspaceIndex): RecordLookups {
	const technicianEmailById = new Map<string, string>();
	for (const [key, id] of workspace.technicianIdByEmail) technicianEmailById.set(id, key);
	// The index keys emails lower-cased; its lists by name keep them as the technician wrote them.
	for (const emails of workspace.technicianEmailsByName.values()) {
		for (const email of emails) {
			const id = workspace.technicianIdByEmail.get(emailKey(email));
			if (id !== undefined) technicianEmailById.set(id, email);
		}
	}
	return {
		technicianEmailById,
		groupNameById: new Map([...workspace.groupByKey.values()].map((group) => [group.id, group.name])),
		customFields: workspace.customFields,
		extraColumns: workspace.columns.slice(workspace.firstExtraColumn)
	};
}

/** One template column of a record: its value as compared, and how the update copies it. */
interface ColumnPart {
	stored(record: ClientRecord, lookups: RecordLookups): string;
	copy(target: ClientRecord, next: ClientRecord): void;
}

const SECONDARY_COLUMNS: readonly number[] = [
	COL.SecondaryContactFirstName,
	COL.SecondaryContactLastName,
	COL.SecondaryContactEmail
];

const NO_CONTACT: Contact = { firstName: '', lastName: '', email: '' };

/** Domains and groups are sets: their order and repeats are no change. */
function setForm(values: readonly string[]): string {
	return [...new Set(values)].sort().join('\n');
}

function primaryPart(field: 'firstName' | 'lastName' | 'phoneCode' | 'phone'): ColumnPart {
	return {
		stored: (record) => record.primaryContact[field],
		copy: (target, next) => (target.primaryContact[field] = next.primaryContact[field])
	};
}

function secondaryPart(field: keyof Contact): ColumnPart {
	return {
		stored: (record) => {
			const value = (record.secondaryContact ?? NO_CONTACT)[field];
			return field === 'email' ? emailKey(value) : value;
		},
		copy: (target, next) =>
			(target.secondaryContact = {
				...(target.secondaryContact ?? NO_CONTACT),
				[field]: (next.secondaryContact ?? NO_CONTACT)[field]
			})
	};
}

function sitePart(field: keyof ClientRecord['site']): ColumnPart {
	return { stored: (record) => record.site[field], copy: (target, next) => (target.site[field] = next.site[field]) };
}

const PARTS: { readonly [K in TemplateColumn]: ColumnPart } = {
	// A name changed only in case or inner spaces is a change: the admin sees the name as written.
	ClientName: {
		stored: (record) => record.name,
		copy: (target, next) => {
			target.name = next.name;
			target.nameKey = next.nameKey;
		}
	},
	PrimaryContactFirstName: primaryPart('firstName'),
	PrimaryContactLastName: primaryPart('lastName'),
	// An email's case means nothing: changed only in case, it is no change and stays as the client has it.
	PrimaryContactEmail: {
		stored: (record) => emailKey(record.primaryContact.email),
		copy: (target, next) => {
			target.primaryContact.email = next.primaryContact.email;
			target.primaryEmailKey = next.primaryEmailKey;
		}
	},
	Code: primaryPart('phoneCode'),
	PhoneNumber: primaryPart('phone'),
	SecondaryContactFirstName: secondaryPart('firstName'),
	SecondaryContactLastName: secondaryPart('lastName'),
	SecondaryContactEmail: secondaryPart('email'),
	SiteName: sitePart('name'),
	AddressLine: sitePart('addressLine'),
	City: sitePart('city'),
	State: sitePart('state'),
	Country: sitePart('country'),
	PostalCode: sitePart('postalCode'),
	Timezone: sitePart('timezone'),
	EmailDomains: {
		stored: (record) => setForm(record.emailDomains.map((domain) => domain.toLowerCase())),
		copy: (target, next) => (target.emailDomains = [...next.emailDomains])
	},
	// An account manager or group since deleted is what the template writes: nothing. Its id stays until the
	// file sets another value, so the update never changes what the diff does not show.
	AccountManager: {
		stored: ({ accountManagerId: id }, lookups) => (id !== null && lookups.technicianEmailById.has(id) ? id : ''),
		copy: (target, next) => (target.accountManagerId = next.accountManagerId)
	},
	TechnicianGroups: {
		stored: (record, lookups) => setForm(record.groupIds.filter((id) => lookups.groupNameById.has(id))),
		copy: (target, next) => (target.groupIds = [...next.groupIds])
	}
};

/** Hours and holidays compare as the export writes them, so that the same hours written otherwise are no change. */
const HOURS_PART: ColumnPart = {
	stored: (record) => formatHours(record.businessHours),
	copy: (target, next) => (target.businessHours = structuredClone(next.businessHours))
};

const HOLIDAYS_PART: ColumnPart = {
	stored: (record) => formatHolidays(record.holidays),
	copy: (target, next) => (target.holidays = next.holidays.map((holiday) => ({ ...holiday })))
};

/** One property: set, added after the client's others, or (emptied) removed; the client's others untouched. */
function propertyPart(name: string): ColumnPart {
	return {
		stored: (record) => findProperty(record.properties, name)?.value ?? '',
		copy: (target, next) => {
			const value = findProperty(next.properties, name)?.value ?? '';
			const current = findProperty(target.properties, name);
			if (value === '') target.properties = target.properties.filter((property) => property !== current);
			else if (current) current.value = value;
			else target.properties.push({ name, value });
		}
	};
}

function partOf(column: number, lookups: RecordLookups): ColumnPart | undefined {
	const templateColumn = TEMPLATE_COLUMNS[column];
	if (templateColumn !== undefined) return PARTS[templateColumn];
	const field = lookups.customFields[column - TEMPLATE_COLUMNS.length];
	if (field !== undefined) {
		return {
			stored: (record) => record.customFields[field.id] ?? '',
			copy: (target, next) => (target.customFields[field.id] = next.customFields[field.id] ?? '')
		};
	}
	const extra = lookups.extraColumns?.[column - TEMPLATE_COLUMNS.length - lookups.customFields.length];
	if (extra === HOURS_COLUMN) return HOURS_PART;
	if (extra === HOLIDAYS_COLUMN) return HOLIDAYS_PART;
	// The ClientId is the key of the update, never a change of it.
	const property = extra === undefined ? undefined : propertyName(extra);
	return property === undefined ? undefined : propertyPart(property);
}

interface UpdatePlan {
	changes: FieldChange[];
	/** The row merged into the client's values (template form): what the rules judge for an update. */
	merged: string[];
	/** The row merged into the client, as `toClientRecord` stores it: where changed parts are copied from. */
	next: ClientRecord;
	lookups: RecordLookups;
}

function planUpdate(
	values: readonly string[],
	existing: ClientRecord,
	policy: UpdatePolicy,
	workspace: WorkspaceIndex
): UpdatePlan {
	const lookups = workspaceLookups(workspace);
	const current = toTemplateValues(existing, lookups);
	const cell = (column: number) => values[column] ?? '';
	const takesFile = (column: number) =>
		policy.carried.has(column) && !(policy.emptyCells === 'keep' && cell(column).trim() === '');
	const merged = current.map((value, column) => (takesFile(column) ? cell(column) : value));
	// A State belongs to its Country: a new country without a state of the file's clears the old state.
	const countryChanged =
		takesFile(COL.Country) &&
		(normaliseCountry(cell(COL.Country)) ?? cell(COL.Country).trim()) !== existing.site.country;
	if (countryChanged && !takesFile(COL.State)) merged[COL.State] = '';
	// Most rows of a list that comes back say what the client holds, as the export writes it: no change, and no
	// record to build to learn so (a value written otherwise, `us` for `US`, takes the long way below).
	let asWritten = !countryChanged;
	for (let column = 0; asWritten && column < current.length; column++) {
		if (takesFile(column) && cell(column).trim() !== current[column]) asWritten = false;
	}
	if (asWritten) return { changes: [], merged, next: existing, lookups };
	const follows = (column: number) => takesFile(column) || (column === COL.State && countryChanged);
	const next = toClientRecord(merged, workspace, {
		id: existing.id,
		createdAt: existing.createdAt,
		importId: existing.importId
	});
	const written = toTemplateValues(next, lookups);
	const changes: FieldChange[] = [];
	current.forEach((from, column) => {
		const part = partOf(column, lookups);
		if (!part || !follows(column)) return;
		if (part.stored(existing, lookups) !== part.stored(next, lookups))
			changes.push({ column, from, to: written[column] });
	});
	return { changes, merged, next, lookups };
}

/**
 * What a row does to an existing client, for the review: the fields it changes, and the row merged into the
 * client (kept values where the file is silent), which is what the rules judge for an update.
 */
export function compareWithClient(
	values: readonly string[],
	existing: ClientRecord,
	policy: UpdatePolicy,
	workspace: WorkspaceIndex
): { changes: FieldChange[]; merged: string[] } {
	const { changes, merged } = planUpdate(values, existing, policy, workspace);
	return { changes, merged };
}

/** What a row would change in an existing client: the fields that differ, in column order; [] when unchanged. Values are compared as stored (codes normalised, case of emails/domains, group names by id…): "us" vs "US", "ca" vs "US-CA", "acme.com, ACME.com" vs "acme.com" are no change. */
export function diffClient(
	values: readonly string[],
	existing: ClientRecord,
	policy: UpdatePolicy,
	workspace: WorkspaceIndex
): FieldChange[] {
	return planUpdate(values, existing, policy, workspace).changes;
}

/**
 * All a commit needs of a row naming an existing client, worked out once: the row merged into the client (what
 * the rules judge), its changes, and the client as the update leaves it (null when nothing changes).
 */
export function updateOf(
	values: readonly string[],
	existing: ClientRecord,
	policy: UpdatePolicy,
	workspace: WorkspaceIndex,
	now: string
): { merged: string[]; changes: FieldChange[]; updated: ClientRecord | null } {
	const plan = planUpdate(values, existing, policy, workspace);
	return {
		merged: plan.merged,
		changes: plan.changes,
		updated: plan.changes.length === 0 ? null : applyPlan(plan, existing, now)
	};
}

/** The client as the update leaves it: the same id, createdAt, importId and logo, and business hours, holidays and properties unless the file carries them; every field the diff changes set from the row (a secondary contact, site, phone as a whole consistent object), every other field exactly as it was (including custom fields of fields since deleted and an account manager id whose technician is gone); updatedAt = now. */
export function updatedRecord(
	values: readonly string[],
	existing: ClientRecord,
	policy: UpdatePolicy,
	workspace: WorkspaceIndex,
	now: string
): ClientRecord {
	return applyPlan(planUpdate(values, existing, policy, workspace), existing, now);
}

function applyPlan({ changes, next, lookups }: UpdatePlan, existing: ClientRecord, now: string): ClientRecord {
	// A Blob is immutable: the logo is shared, not copied.
	const { logo, ...rest } = existing;
	const updated: ClientRecord = { ...structuredClone(rest), logo, updatedAt: now };
	for (const { column } of changes) partOf(column, lookups)?.copy(updated, next);
	// A secondary contact whose three fields the row empties is no contact at all, as `toClientRecord` stores it.
	const secondary = updated.secondaryContact;
	if (secondary && !secondary.firstName && !secondary.lastName && !secondary.email) {
		if (changes.some(({ column }) => SECONDARY_COLUMNS.includes(column))) updated.secondaryContact = null;
	}
	return updated;
}
