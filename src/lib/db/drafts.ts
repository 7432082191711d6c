// The review in progress, kept in IndexedDB so a reload, a closed tab or a crash loses nothing. Rows are
// stored in chunks by row number, and only the chunks an edit touched are written again: saving a draft of
// 100,000 rows after one edit costs one small write, not a pause. A chunk of long rows is stored in parts of
// bounded size, since each write copies its value on the main thread: no write is a long task.
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
 * The most characters of values one stored part holds: copying it for IndexedDB takes a few milliseconds.
 * A part holds at least one row (a row is at most 1 MB: the importer's limit).
 */
export const DRAFT_PART_CHARS = 1_000_000;

/** A chunk's rows in parts of at most DRAFT_PART_CHARS characters of values. */
function* partsOf(rows: readonly DraftRow[]): Generator<DraftRow[]> {
	let part: DraftRow[] = [];
	let chars = 0;
	for (const { rowNumber, values, ownIssues } of rows) {
		let size = 0;
		for (const value of values) size += value.length;
		if (part.length > 0 && chars + size > DRAFT_PART_CHARS) {
			yield part;
			part = [];
			chars = 0;
		}
		part.push({ rowNumber, values, ownIssues });
		chars += size;
	}
	if (part.length > 0) yield part;
}

/**
 * Writes the given chunks (each with every row it now holds; an empty one is deleted) and the meta record.
 * Each chunk is its own transaction, and each of its parts its own write, so the main thread gets a turn
 * between them.
 */
export async function saveDraft<Source>(
	source: Source,
	rowCount: number,
	chunks: Iterable<[number, readonly DraftRow[]]>
): Promise<void> {
	for (const [index, rows] of chunks) {
		const prefix = `${CHUNK_PREFIX}${index}:`;
		await db.transaction('rw', db.drafts, async () => {
			await db.drafts.where('id').between(prefix, `${prefix}\uffff`).delete();
			await db.drafts.delete(`${CHUNK_PREFIX}${index}`); // the whole chunk, as drafts were once stored
			let part = 0;
			for (const data of partsOf(rows)) await db.drafts.put({ id: `${prefix}${part++}`, savedAt: '', data });
		});
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
