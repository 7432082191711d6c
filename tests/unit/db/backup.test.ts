import { beforeEach, describe, expect, it } from 'vitest';
import { createBackup, parseBackup, restoreBackup } from '$lib/db/backup';
import { resetDemo } from '$lib/db/demo';
import { commitImport } from '$lib/db/import-commit';
import { db } from '$lib/db/schema';
import { sampleRow } from '$lib/import/sample-csv';

beforeEach(async () => {
	await resetDemo();
});

describe('workspace backup', () => {
	it('restores every store, logos included', async () => {
		await commitImport('clients.csv', [{ rowNumber: 2, values: sampleRow([], []) }], 0);
		const client = (await db.clients.toArray())[0];
		await db.clients.update(client.id, {
			logo: new Blob([new Uint8Array([137, 80, 78, 71, 1, 2, 3])], { type: 'image/png' })
		});
		const text = await createBackup();

		await resetDemo();
		expect(await db.clients.count()).toBe(0);
		await restoreBackup(parseBackup(text));

		const restored = await db.clients.get(client.id);
		expect(restored?.name).toBe('Contoso Dental Group');
		expect(restored?.logo?.type).toBe('image/png');
		expect([...new Uint8Array(await restored!.logo!.arrayBuffer())]).toEqual([137, 80, 78, 71, 1, 2, 3]);
		expect(await db.imports.count()).toBe(1);
		expect(await db.technicians.count()).toBe(8);
	});

	it('refuses a file that is not a backup, before anything is replaced', async () => {
		expect(() => parseBackup('not json')).toThrow('This file is not a workspace backup: it is not JSON.');
		const broken = JSON.parse(await createBackup());
		broken.stores.technicians[0].email = 42;
		expect(() => parseBackup(JSON.stringify(broken))).toThrow(/stores\.technicians\.0\.email/);
		expect(await db.technicians.count()).toBe(8);
	});
});
