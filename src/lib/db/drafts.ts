// The review in progress, kept in IndexedDB so a reload, a closed tab or a crash loses nothing. Rows are
// stored in chunks by row number, and only the chunks an edit touched are written again: saving a draft of
// 100,000 rows after one edit costs one small write, not a pause.
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
}

const META_KEY = 'review:meta';
const CHUNK_PREFIX = 'review:rows:';
export const DRAFT_CHUNK_ROWS = 5000;

/** The chunk a row is stored in. */
export function draftChunkOf(rowNumber: number): number {
	return Math.floor(rowNumber / DRAFT_CHUNK_ROWS);
}

/**
 * Writes the given chunks (each with every row it now holds; an empty one is deleted) and the meta record.
 * Each chunk is its own transaction, so the main thread gets a turn between them.
 */
export async function saveDraft<Source>(
	source: Source,
	rowCount: number,
	chunks: Iterable<[number, readonly DraftRow[]]>
): Promise<void> {
	for (const [index, rows] of chunks) {
		const id = `${CHUNK_PREFIX}${index}`;
		if (rows.length === 0) await db.drafts.delete(id);
		else {
			const data = rows.map(({ rowNumber, values, ownIssues }) => ({ rowNumber, values, ownIssues }));
			await db.drafts.put({ id, savedAt: '', data });
		}
	}
	const meta: DraftMeta<Source> = { source, savedAt: new Date().toISOString(), rowCount };
	await db.drafts.put({ id: META_KEY, savedAt: meta.savedAt, data: meta });
}

export async function loadDraftMeta<Source>(): Promise<DraftMeta<Source> | undefined> {
	return (await db.drafts.get(META_KEY))?.data as DraftMeta<Source> | undefined;
}

export async function loadDraftRows(): Promise<DraftRow[]> {
	const chunks = await db.drafts.where('id').startsWith(CHUNK_PREFIX).toArray();
	return chunks.flatMap((chunk) => chunk.data as DraftRow[]).sort((a, b) => a.rowNumber - b.rowNumber);
}

export async function discardDraft(): Promise<void> {
	await db.drafts.clear();
}
