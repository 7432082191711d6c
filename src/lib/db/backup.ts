// "Back up workspace" and "Restore from backup": one JSON file with every store (logos as base64). A backup
// is read here, checked by the app's rules in backup-check.ts, and only a checked one is restored, in one
// transaction.
import type { ClientRecord } from '$lib/domain/client';
import { BACKUP_FORMAT, envelopeShape, type Backup, type BackupEnvelope, type CheckedBackup } from './backup-check';
import { SEEDED_KEY } from './demo';
import { UserFacingError } from './errors';
import { beforesRecords, db, type UpdatedClient } from './schema';

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
	const [clients, technicians, groups, settings, records, befores] = await db.transaction(
		'r',
		[db.clients, db.technicians, db.groups, db.settings, db.imports, db.importBefores],
		() =>
			Promise.all([
				db.clients.toArray(),
				db.technicians.toArray(),
				db.groups.toArray(),
				db.settings.toArray(),
				db.imports.toArray(),
				db.importBefores.toArray()
			])
	);
	// Each import with what its updated clients held before, in their order (the store's, by import and chunk).
	const updatesByImport = new Map<string, UpdatedClient[]>();
	for (const { importId, updates } of befores) {
		const list = updatesByImport.get(importId);
		if (list) list.push(...updates);
		else updatesByImport.set(importId, [...updates]);
	}
	const imports = records.map((record) => ({ ...record, updates: updatesByImport.get(record.id) ?? [] }));
	const withLogos = await Promise.all(
		clients.map(async (client) => ({
			...client,
			logo: client.logo ? { type: client.logo.type, base64: await toBase64(client.logo) } : null
		}))
	);
	const backup: Backup = {
		format: BACKUP_FORMAT,
		version: 1,
		createdAt: new Date().toISOString(),
		stores: { clients: withLogos, technicians, groups, settings, imports }
	};
	return JSON.stringify(backup);
}

/** Reads a backup file's envelope; throws a UserFacingError when it is not a backup at all. Its records are checked by `checkBackup`. */
export function readBackupFile(text: string): BackupEnvelope {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		throw new UserFacingError('This file is not a workspace backup: it is not JSON.');
	}
	const result = envelopeShape.safeParse(json);
	if (!result.success) {
		const first = result.error.issues[0];
		throw new UserFacingError(
			`This file is not a valid workspace backup (${first.path.join('.') || 'the file'}: ${first.message}). Nothing was changed.`
		);
	}
	return result.data;
}

/** Replaces every store with a checked backup's records, in one transaction. */
export async function restoreBackup(backup: CheckedBackup): Promise<void> {
	const clients = backup.stores.clients.map((client): ClientRecord => ({
		...client,
		logo: client.logo ? fromBase64(client.logo.base64, client.logo.type) : null
	}));
	// A backup without the demo's mark would get the demo technicians added on the next start.
	const settings = backup.stores.settings.some((s) => s.key === SEEDED_KEY)
		? backup.stores.settings
		: [...backup.stores.settings, { key: SEEDED_KEY, value: true }];
	// An import's before-images are stored apart from its record (schema.ts, ImportBefores).
	const imports = backup.stores.imports.map(({ updates, ...record }) => {
		void updates;
		return record;
	});
	const befores = backup.stores.imports.flatMap((record) => beforesRecords(record.id, record.updates ?? []));
	const stores = [db.clients, db.technicians, db.groups, db.settings, db.imports, db.importBefores, db.drafts];
	try {
		await db.transaction('rw', stores, async () => {
			await Promise.all(stores.map((t) => t.clear()));
			await db.clients.bulkAdd(clients);
			await db.technicians.bulkAdd(backup.stores.technicians);
			await db.groups.bulkAdd(backup.stores.groups);
			await db.settings.bulkAdd(settings);
			await db.imports.bulkAdd(imports);
			await db.importBefores.bulkAdd(befores);
		});
	} catch (error) {
		// The check leaves nothing for IndexedDB to refuse; should it still (a full disk), the admin reads why.
		const reason =
			error instanceof Error && error.name === 'QuotaExceededError'
				? 'the browser has no room left'
				: 'the browser refused to write it';
		throw new UserFacingError(`The backup could not be restored: ${reason}.`);
	}
}
