// The review in progress, kept in IndexedDB so a reload, a closed tab or a crash loses nothing. Rows are
// stored in chunks, so a large review is written in small pieces rather than one huge record.
import type { RowIssue } from '$lib/domain/issues';
import { db } from './schema';

export interface DraftRow {
	rowNumber: number;
	values: string[];
	ownIssues: RowIssue[];
}

export interface DraftMeta<Source = unknown> {
	source: Source;
	savedAt: string;
	rowCount: number;
	chunkCount: number;
}

const META_KEY = 'review:meta';
const CHUNK_ROWS = 5000;
const chunkKey = (index: number) => `review:rows:${index}`;

export async function saveDraft<Source>(source: Source, rows: readonly DraftRow[]): Promise<void> {
	const chunkCount = Math.ceil(rows.length / CHUNK_ROWS);
	const previous = (await db.drafts.get(META_KEY))?.data as DraftMeta | undefined;
	await db.transaction('rw', db.drafts, async () => {
		for (let i = 0; i < chunkCount; i++) {
			const slice = rows.slice(i * CHUNK_ROWS, (i + 1) * CHUNK_ROWS).map(({ rowNumber, values, ownIssues }) => ({
				rowNumber,
				values,
				ownIssues
			}));
			await db.drafts.put({ id: chunkKey(i), savedAt: '', data: slice });
		}
		for (let i = chunkCount; i < (previous?.chunkCount ?? 0); i++) await db.drafts.delete(chunkKey(i));
		const meta: DraftMeta<Source> = { source, savedAt: new Date().toISOString(), rowCount: rows.length, chunkCount };
		await db.drafts.put({ id: META_KEY, savedAt: meta.savedAt, data: meta });
	});
}

export async function loadDraftMeta<Source>(): Promise<DraftMeta<Source> | undefined> {
	return (await db.drafts.get(META_KEY))?.data as DraftMeta<Source> | undefined;
}

export async function loadDraftRows(meta: DraftMeta): Promise<DraftRow[]> {
	const chunks = await db.drafts.bulkGet(Array.from({ length: meta.chunkCount }, (_, i) => chunkKey(i)));
	return chunks.flatMap((chunk) => (chunk?.data as DraftRow[] | undefined) ?? []);
}

export async function discardDraft(): Promise<void> {
	await db.drafts.clear();
}
