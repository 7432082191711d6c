// "Back up workspace" and "Restore from backup": one JSON file with every store (logos as base64), checked
// with zod before anything is replaced, then restored in one transaction.
import { z } from 'zod';
import type { ClientRecord } from '$lib/domain/client';
import { UserFacingError } from './errors';
import { db } from './schema';

const FORMAT = 'client-import-backup';

const contact = z.object({ firstName: z.string(), lastName: z.string(), email: z.string() });
const logo = z.object({ type: z.string(), base64: z.string() }).nullable();
const clientSchema = z.looseObject({
	id: z.string().min(1),
	name: z.string().min(1),
	nameKey: z.string().min(1),
	primaryContact: contact.extend({ phoneCode: z.string(), phone: z.string() }),
	primaryEmailKey: z.string().min(1),
	secondaryContact: contact.nullable(),
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
	createdAt: z.string(),
	updatedAt: z.string(),
	importId: z.string().nullable(),
	logo,
	businessHours: z.object({
		alwaysOpen: z.boolean(),
		days: z.array(z.object({ day: z.string(), open: z.boolean(), start: z.string(), end: z.string() }))
	}),
	holidays: z.array(z.object({ date: z.string(), name: z.string() })),
	properties: z.array(z.object({ name: z.string(), value: z.string() }))
});

const backupSchema = z.object({
	format: z.literal(FORMAT),
	version: z.literal(1),
	createdAt: z.string(),
	stores: z.object({
		clients: z.array(clientSchema),
		technicians: z.array(
			z.object({ id: z.string(), firstName: z.string(), lastName: z.string(), email: z.string(), emailKey: z.string() })
		),
		groups: z.array(z.object({ id: z.string(), name: z.string(), nameKey: z.string(), description: z.string() })),
		settings: z.array(z.object({ key: z.string(), value: z.unknown() })),
		imports: z.array(
			z.object({
				id: z.string(),
				fileName: z.string(),
				createdAt: z.string(),
				imported: z.number(),
				skipped: z.number(),
				clientIds: z.array(z.string()),
				undoneAt: z.string().nullable()
			})
		)
	})
});

export type Backup = z.infer<typeof backupSchema>;

async function toBase64(blob: Blob): Promise<string> {
	const bytes = new Uint8Array(await blob.arrayBuffer());
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
}

function fromBase64(base64: string, type: string): Blob {
	const binary = atob(base64);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return new Blob([bytes], { type });
}

export async function createBackup(): Promise<string> {
	const [clients, technicians, groups, settings, imports] = await db.transaction(
		'r',
		[db.clients, db.technicians, db.groups, db.settings, db.imports],
		() =>
			Promise.all([
				db.clients.toArray(),
				db.technicians.toArray(),
				db.groups.toArray(),
				db.settings.toArray(),
				db.imports.toArray()
			])
	);
	const withLogos = await Promise.all(
		clients.map(async (client) => ({
			...client,
			logo: client.logo ? { type: client.logo.type, base64: await toBase64(client.logo) } : null
		}))
	);
	const backup: Backup = {
		format: FORMAT,
		version: 1,
		createdAt: new Date().toISOString(),
		stores: { clients: withLogos, technicians, groups, settings, imports }
	};
	return JSON.stringify(backup);
}

/** Reads and checks a backup file; throws a UserFacingError saying what is wrong with it. */
export function parseBackup(text: string): Backup {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		throw new UserFacingError('This file is not a workspace backup: it is not JSON.');
	}
	const result = backupSchema.safeParse(json);
	if (!result.success) {
		const first = result.error.issues[0];
		throw new UserFacingError(
			`This file is not a valid workspace backup (${first.path.join('.') || 'the file'}: ${first.message}). Nothing was changed.`
		);
	}
	return result.data;
}

/** Replaces every store with the backup's content, in one transaction. */
export async function restoreBackup(backup: Backup): Promise<void> {
	const clients = backup.stores.clients.map(
		(client) =>
			({ ...client, logo: client.logo ? fromBase64(client.logo.base64, client.logo.type) : null }) as ClientRecord
	);
	await db.transaction('rw', [db.clients, db.technicians, db.groups, db.settings, db.imports, db.drafts], async () => {
		await Promise.all(
			[db.clients, db.technicians, db.groups, db.settings, db.imports, db.drafts].map((t) => t.clear())
		);
		await db.clients.bulkAdd(clients);
		await db.technicians.bulkAdd(backup.stores.technicians);
		await db.groups.bulkAdd(backup.stores.groups);
		await db.settings.bulkAdd(backup.stores.settings);
		await db.imports.bulkAdd(backup.stores.imports);
	});
}
