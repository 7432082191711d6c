// Column mappings the admin confirmed, remembered per file header, so that the next export from the same
// tool maps itself. All of them live in the settings store under one key, the newest 50 kept.
import { z } from 'zod';
import type { ColumnShaping, RememberedTarget } from '$lib/import/column-plan';
import { db } from './schema';

const SETTINGS_KEY = 'columnMappings';
export const MAX_REMEMBERED_MAPPINGS = 50;

const rememberedSchema = z.object({
	/** The header as the file wrote it. */
	header: z.array(z.string()),
	/**
	 * Per file column, the template column it fills, by name (indexes would shift with custom fields), a contact
	 * whose full name it holds, or null.
	 */
	mapping: z.array(z.union([z.string(), z.object({ split: z.enum(['primary', 'secondary']) }), z.null()])),
	/** Joins (their order and separator) and values for every row, by template column name. */
	shaping: z
		.object({
			joins: z.record(z.string(), z.object({ order: z.array(z.number().int().min(0)), separator: z.string() })),
			fixed: z.record(z.string(), z.string())
		})
		.optional(),
	savedAt: z.string()
});

export type RememberedMapping = z.infer<typeof rememberedSchema>;

/** Two headers are the same when they have the same names in the same order, case and outer spaces aside. */
export function headerKey(header: readonly string[]): string {
	return JSON.stringify(header.map((name) => name.trim().toLowerCase()));
}

/** Every remembered mapping by header key; one that does not have the expected shape (an old or edited backup) is left out. */
async function readAll(): Promise<Record<string, RememberedMapping>> {
	const value = (await db.settings.get(SETTINGS_KEY))?.value;
	if (typeof value !== 'object' || value === null) return {};
	const all: Record<string, RememberedMapping> = {};
	for (const [key, entry] of Object.entries(value)) {
		const parsed = rememberedSchema.safeParse(entry);
		if (parsed.success && parsed.data.header.length === parsed.data.mapping.length) all[key] = parsed.data;
	}
	return all;
}

/** The mapping confirmed for this header, if there is one. */
export async function findRememberedMapping(header: readonly string[]): Promise<RememberedMapping | undefined> {
	return (await readAll())[headerKey(header)];
}

/** Remembers a confirmed mapping for its header, replacing an older one; past 50, the oldest is dropped. */
export async function rememberMapping(
	header: readonly string[],
	mapping: readonly RememberedTarget[],
	shaping?: ColumnShaping,
	now: Date = new Date()
): Promise<void> {
	await db.transaction('rw', db.settings, async () => {
		const all = await readAll();
		all[headerKey(header)] = {
			header: [...header],
			mapping: [...mapping],
			...(shaping && { shaping }),
			savedAt: now.toISOString()
		};
		const newestFirst = Object.entries(all).sort(([, a], [, b]) => b.savedAt.localeCompare(a.savedAt));
		await db.settings.put({
			key: SETTINGS_KEY,
			value: Object.fromEntries(newestFirst.slice(0, MAX_REMEMBERED_MAPPINGS))
		});
	});
}

/** The remembered mappings, newest first, each with the key that forgets it. */
export async function listRememberedMappings(): Promise<(RememberedMapping & { key: string })[]> {
	return Object.entries(await readAll())
		.map(([key, entry]) => ({ key, ...entry }))
		.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

export async function forgetMapping(key: string): Promise<void> {
	await db.transaction('rw', db.settings, async () => {
		const all = await readAll();
		delete all[key];
		await db.settings.put({ key: SETTINGS_KEY, value: all });
	});
}

export async function forgetAllMappings(): Promise<void> {
	await db.settings.delete(SETTINGS_KEY);
}
