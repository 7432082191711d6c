// The stored client record, and how a valid row of the template becomes one.
import type { ClientExtras } from './client-extras';
import { normaliseCountry, normaliseSubdivision } from './countries';
import { normaliseCustomValue } from './custom-fields';
import { extrasOfRow, extraValue } from './extra-columns';
import { callingCodeDigits } from './phone';
import { COL, splitList, TEMPLATE_COLUMNS } from './template';
import { clientNameKey, emailKey, groupKey } from './workspace';
import type { WorkspaceIndex } from './workspace';
import type { CustomField } from './custom-fields';
import type { TemplateColumn } from './template';

export interface Contact {
	firstName: string;
	lastName: string;
	email: string;
}

export interface ClientRecord extends ClientExtras {
	id: string;
	name: string;
	/** `clientNameKey(name)`: indexed, for uniqueness. */
	nameKey: string;
	primaryContact: Contact & { phoneCode: string; phone: string };
	/** Lower-cased primary email: indexed, for uniqueness. */
	primaryEmailKey: string;
	secondaryContact: Contact | null;
	site: {
		name: string;
		addressLine: string;
		city: string;
		/** The whole ISO 3166-2 code (`US-CA`), or ''. */
		state: string;
		/** ISO 3166-1 alpha-2, upper case, or ''. */
		country: string;
		postalCode: string;
		timezone: string;
	};
	emailDomains: string[];
	accountManagerId: string | null;
	groupIds: string[];
	customFields: Record<string, string>;
	createdAt: string;
	updatedAt: string;
	/** The import that created it, if any (for "Undo this import"). */
	importId: string | null;
}

export interface RecordMeta {
	id: string;
	createdAt: string;
	importId?: string | null;
}

/** Turns a row without errors into the stored record: codes normalised, domains lower-cased, group ids. */
export function toClientRecord(values: readonly string[], workspace: WorkspaceIndex, meta: RecordMeta): ClientRecord {
	const v = (column: number) => (values[column] ?? '').trim();
	const country = normaliseCountry(v(COL.Country)) ?? '';
	const state = v(COL.State) && country ? (normaliseSubdivision(v(COL.State), country) ?? '') : '';
	const secondary = {
		firstName: v(COL.SecondaryContactFirstName),
		lastName: v(COL.SecondaryContactLastName),
		email: v(COL.SecondaryContactEmail)
	};
	const groupIds = splitList(v(COL.TechnicianGroups))
		.map((name) => workspace.groupByKey.get(groupKey(name))?.id)
		.filter((id): id is string => id !== undefined);
	const name = v(COL.ClientName);
	return {
		id: meta.id,
		name,
		nameKey: clientNameKey(name),
		primaryContact: {
			firstName: v(COL.PrimaryContactFirstName),
			lastName: v(COL.PrimaryContactLastName),
			email: v(COL.PrimaryContactEmail),
			phoneCode: callingCodeDigits(v(COL.Code)) ?? '',
			phone: v(COL.PhoneNumber)
		},
		primaryEmailKey: emailKey(v(COL.PrimaryContactEmail)),
		secondaryContact: secondary.firstName || secondary.lastName || secondary.email ? secondary : null,
		site: {
			name: v(COL.SiteName),
			addressLine: v(COL.AddressLine),
			city: v(COL.City),
			state,
			country,
			postalCode: v(COL.PostalCode),
			timezone: v(COL.Timezone)
		},
		emailDomains: [...new Set(splitList(v(COL.EmailDomains)).map((d) => d.toLowerCase()))],
		accountManagerId: v(COL.AccountManager)
			? (workspace.technicianIdByEmail.get(emailKey(v(COL.AccountManager))) ?? null)
			: null,
		groupIds: [...new Set(groupIds)],
		customFields: Object.fromEntries(
			workspace.customFields.map((field, i) => [field.id, normaliseCustomValue(field, v(TEMPLATE_COLUMNS.length + i))])
		),
		...extrasOfRow(v, workspace.columns, workspace.firstExtraColumn),
		createdAt: meta.createdAt,
		updatedAt: meta.createdAt,
		importId: meta.importId ?? null
	};
}

export interface RecordLookups {
	technicianEmailById: ReadonlyMap<string, string>;
	groupNameById: ReadonlyMap<string, string>;
	customFields: readonly CustomField[];
	/** The extra columns to write after the custom fields' (`extra-columns.ts`); none when absent. */
	extraColumns?: readonly string[];
}

/** A stored client as a row of the template (its custom columns, then any extra ones): what the export writes. */
export function toTemplateValues(client: ClientRecord, lookups: RecordLookups): string[] {
	const values: Record<TemplateColumn, string> = {
		ClientName: client.name,
		PrimaryContactFirstName: client.primaryContact.firstName,
		PrimaryContactLastName: client.primaryContact.lastName,
		PrimaryContactEmail: client.primaryContact.email,
		Code: client.primaryContact.phoneCode,
		PhoneNumber: client.primaryContact.phone,
		SecondaryContactFirstName: client.secondaryContact?.firstName ?? '',
		SecondaryContactLastName: client.secondaryContact?.lastName ?? '',
		SecondaryContactEmail: client.secondaryContact?.email ?? '',
		SiteName: client.site.name,
		AddressLine: client.site.addressLine,
		City: client.site.city,
		State: client.site.state,
		Country: client.site.country,
		PostalCode: client.site.postalCode,
		Timezone: client.site.timezone,
		EmailDomains: client.emailDomains.join(', '),
		AccountManager: client.accountManagerId ? (lookups.technicianEmailById.get(client.accountManagerId) ?? '') : '',
		TechnicianGroups: client.groupIds
			.map((id) => lookups.groupNameById.get(id))
			.filter((name): name is string => name !== undefined)
			.join(', ')
	};
	return [
		...TEMPLATE_COLUMNS.map((column) => values[column]),
		...lookups.customFields.map((field) => client.customFields[field.id] ?? ''),
		...(lookups.extraColumns ?? []).map((name) => extraValue(client, name))
	];
}
