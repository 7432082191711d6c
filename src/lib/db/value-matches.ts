// Value matches the admin accepted in a review ("A. Johnson" → alice.johnson@msp.example, "Managed Svc" →
// Managed Services), remembered per workspace so that the next file from the same tool needs no clicks. All
// of them live in the settings store under one key, keyed by `matchKey` (column, value folded, and for State
// and Timezone the row's country and state); the newest are kept.
import { z } from 'zod';
import type { MatchColumn } from '$lib/domain/value-match';
import { db } from './schema';

const SETTINGS_KEY = 'valueMatches';
export const MAX_REMEMBERED_MATCHES = 2_000;

const MATCH_COLUMNS = [
	'AccountManager',
	'TechnicianGroups',
	'Country',
	'State',
	'Timezone'
] as const satisfies readonly MatchColumn[];

const rememberedSchema = z.object({
	column: z.enum(MATCH_COLUMNS),
	/** The value as the file wrote it (first seen). */
	written: z.string(),
	/** What it became. */
	value: z.string(),
	/** The row's country and state, for a State or Timezone. */
	country: z.string().optional(),
	state: z.string().optional(),
	savedAt: z.string()
});

export type RememberedMatch = z.infer<typeof rememberedSchema>;

async function readAll(): Promise<Record<string, RememberedMatch>> {
	const value = (await db.settings.get(SETTINGS_KEY))?.value;
	if (typeof value !== 'object' || value === null) return {};
	const all: Record<string, RememberedMatch> = {};
	for (const [key, entry] of Object.entries(value)) {
		const parsed = rememberedSchema.safeParse(entry);
		if (parsed.success) all[key] = parsed.data;
	}
	return all;
}

/** Every remembered match by its key. */
export async function rememberedMatches(): Promise<ReadonlyMap<string, RememberedMatch>> {
	return new Map(Object.entries(await readAll()));
}

/** Remembers accepted matches (replacing older ones of the same keys); past the limit, the oldest go. */
export async function rememberMatches(
	matches: readonly (Omit<RememberedMatch, 'savedAt'> & { key: string })[],
	now: Date = new Date()
): Promise<void> {
	if (matches.length === 0) return;
	await db.transaction('rw', db.settings, async () => {
		const all = await readAll();
		for (const { key, ...match } of matches) all[key] = { ...match, savedAt: now.toISOString() };
		const newestFirst = Object.entries(all).sort(([, a], [, b]) => b.savedAt.localeCompare(a.savedAt));
		await db.settings.put({
			key: SETTINGS_KEY,
			value: Object.fromEntries(newestFirst.slice(0, MAX_REMEMBERED_MATCHES))
		});
	});
}

/** The remembered matches, by column then as written, each with the key that forgets it. */
export async function listRememberedMatches(): Promise<(RememberedMatch & { key: string })[]> {
	return Object.entries(await readAll())
		.map(([key, entry]) => ({ key, ...entry }))
		.sort(
			(a, b) =>
				MATCH_COLUMNS.indexOf(a.column) - MATCH_COLUMNS.indexOf(b.column) ||
				a.written.localeCompare(b.written, undefined, { sensitivity: 'base' })
		);
}

export async function forgetMatch(key: string): Promise<void> {
	await db.transaction('rw', db.settings, async () => {
		const all = await readAll();
		delete all[key];
		await db.settings.put({ key: SETTINGS_KEY, value: all });
	});
}

export async function forgetAllMatches(): Promise<void> {
	await db.settings.delete(SETTINGS_KEY);
}
