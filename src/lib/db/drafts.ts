// The review in progress, kept in IndexedDB so a reload, a closed tab or a crash loses nothing. Rows are
// stored in chunks by row number, and only the chunks an edit touched are written again: saving a draft of
// 100,000 rows after one edit costs one small write, not a pause. A chunk of long rows is stored in parts of
// bounded size, since each write copies its value on the main thread: no write is a long task.
// Every part carries its review's id and the meta lists each chunk's rows and parts, written in the same
// transaction as the chunk: a draft is checked whole before it is resumed, and a tab whose review was
// replaced or taken over by another tab can no longer write into it.
import type { RowIssue } from '$lib/domain/issues';
import { UserFacingError } from './errors';
import { db } from './schema';
import type { StoredValues } from '$lib/domain/stored-values';
import { formatCount, plural } from '$lib/wording';

export interface DraftRow {
	rowNumber: number;
	/** As the review keeps them: one string (an array in drafts saved before, and for rare rows). */
	values: StoredValues;
	ownIssues: RowIssue[];
}

/** What a saved chunk holds: its rows, in so many stored parts (0 until it is first written). */
export interface DraftChunkInfo {
	rows: number;
	parts: number;
}

export interface DraftMeta<Source = unknown> {
	reviewId: string;
	/** The tab allowed to write the draft (the one editing the review). */
	writer: string;
	source: Source;
	savedAt: string;
	/** The rows of every chunk, summed. */
	rowCount: number;
	chunks: Record<number, DraftChunkInfo>;
}

/** Who writes: the review, and the tab editing it. */
export interface DraftKey {
	reviewId: string;
	writer: string;
}

/** The draft is no longer this tab's: another review replaced it, or another tab took this one over. */
export class DraftTaken extends UserFacingError {
	constructor(readonly reason: 'replaced' | 'taken over') {
		super(
			reason === 'replaced'
				? 'This review was replaced by another one, started in another tab.'
				: 'This review is being edited in another tab.'
		);
	}
}

interface DraftPart {
	id: string;
	savedAt: string;
	reviewId?: string;
	data: unknown;
}

const META_KEY = 'review:meta';
const CHUNK_PREFIX = 'review:rows:';
export const DRAFT_CHUNK_ROWS = 5000;

/** The chunk a row is stored in. */
export function draftChunkOf(rowNumber: number): number {
	return Math.floor(rowNumber / DRAFT_CHUNK_ROWS);
}

/** How many rows of the review each chunk holds. */
export function chunkRowCounts(rowNumbers: Iterable<number>): Map<number, number> {
	const counts = new Map<number, number>();
	for (const n of rowNumbers) counts.set(draftChunkOf(n), (counts.get(draftChunkOf(n)) ?? 0) + 1);
	return counts;
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
		const size = typeof values === 'string' ? values.length : values.reduce((sum, value) => sum + value.length, 0);
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

async function readMeta<Source>(): Promise<DraftMeta<Source> | undefined> {
	return (await db.drafts.get(META_KEY))?.data as DraftMeta<Source> | undefined;
}

function putMeta(meta: DraftMeta<unknown>) {
	return db.drafts.put({ id: META_KEY, savedAt: meta.savedAt, data: meta });
}

/** Refuses a write by a tab whose review is no longer the draft's, or no longer edited there. */
async function mustBeWriter(key: DraftKey): Promise<DraftMeta> {
	const meta = await readMeta();
	if (!meta || meta.reviewId !== key.reviewId) throw new DraftTaken('replaced');
	if (meta.writer !== key.writer) throw new DraftTaken('taken over');
	return meta;
}

/**
 * Starts the draft of a review: whatever draft there was is gone, and the meta lists the chunks to come (each
 * counted missing until its first save). From now on only this review, written by this tab, is accepted.
 */
export async function claimDraft<Source>(
	key: DraftKey,
	source: Source,
	chunkRows: ReadonlyMap<number, number>
): Promise<void> {
	const chunks: Record<number, DraftChunkInfo> = {};
	let rowCount = 0;
	for (const [index, rows] of chunkRows) {
		chunks[index] = { rows, parts: 0 };
		rowCount += rows;
	}
	const meta: DraftMeta<Source> = { ...key, source, savedAt: new Date().toISOString(), rowCount, chunks };
	await db.transaction('rw', db.drafts, async () => {
		await db.drafts.clear();
		await putMeta(meta);
	});
}

/**
 * Writes the given chunks (each with every row it now holds; an empty one is deleted). Each chunk is its own
 * transaction, with the meta's entry for it, and each of its parts its own write, so the main thread gets a
 * turn between them. Throws DraftTaken, writing nothing more, once the draft is no longer this tab's.
 */
export async function saveDraft<Source>(
	key: DraftKey,
	source: Source,
	chunks: Iterable<[number, readonly DraftRow[]]>
): Promise<void> {
	for (const [index, rows] of chunks) {
		const prefix = `${CHUNK_PREFIX}${index}:`;
		await db.transaction('rw', db.drafts, async () => {
			const meta = await mustBeWriter(key);
			await db.drafts.where('id').between(prefix, `${prefix}\uffff`).delete();
			await db.drafts.delete(`${CHUNK_PREFIX}${index}`); // the whole chunk, as drafts were once stored
			let parts = 0;
			for (const data of partsOf(rows)) {
				await db.drafts.put({ id: `${prefix}${parts++}`, savedAt: '', reviewId: key.reviewId, data } as DraftPart);
			}
			if (rows.length > 0) meta.chunks[index] = { rows: rows.length, parts };
			else delete meta.chunks[index];
			meta.rowCount = Object.values(meta.chunks).reduce((sum, chunk) => sum + chunk.rows, 0);
			meta.savedAt = new Date().toISOString();
			meta.source = source;
			await putMeta(meta);
		});
	}
}

export async function loadDraftMeta<Source>(): Promise<DraftMeta<Source> | undefined> {
	return readMeta<Source>();
}

/** What is wrong with a saved draft: chunks missing or cut short, and rows of another review found in it. */
export interface DraftDamage {
	missingChunks: number;
	totalChunks: number;
	expectedRows: number;
	rowsFound: number;
	foreignRows: number;
}

export interface LoadedDraft<Source> {
	meta: DraftMeta<Source>;
	/** The review's own rows, in row order (a damaged draft's: those that are there). */
	rows: DraftRow[];
	damage: DraftDamage | null;
}

/**
 * Reads the draft and checks it whole: every chunk the meta lists is there in all its parts, every part
 * carries the review's id, and the rows match the meta's counts. Rows of another review are left out.
 * The tab that loads it becomes its writer: a tab that edited it before can no longer save into it.
 */
export async function loadDraft<Source>(writer: string): Promise<LoadedDraft<Source> | undefined> {
	return db.transaction('rw', db.drafts, async () => {
		const meta = await readMeta<Source>();
		if (!meta) return undefined;
		meta.writer = writer;
		await putMeta(meta);
		const parts = (await db.drafts.where('id').startsWith(CHUNK_PREFIX).toArray()) as DraftPart[];
		const rows: DraftRow[] = [];
		const found = new Map<number, { rows: number; parts: number }>();
		let foreignRows = 0;
		for (const part of parts) {
			const partRows = part.data as DraftRow[];
			if (part.reviewId !== meta.reviewId) {
				foreignRows += partRows.length;
				continue;
			}
			const index = Number(part.id.slice(CHUNK_PREFIX.length).split(':')[0]);
			const seen = found.get(index) ?? { rows: 0, parts: 0 };
			found.set(index, { rows: seen.rows + partRows.length, parts: seen.parts + 1 });
			rows.push(...partRows);
		}
		rows.sort((a, b) => a.rowNumber - b.rowNumber);
		// A draft saved before chunks were listed (an earlier version of the app) is checked by its row count alone.
		const listed = Object.entries(meta.chunks ?? {});
		const missingChunks = listed.filter(([index, info]) => {
			const seen = found.get(Number(index));
			return !seen || info.parts === 0 || seen.parts !== info.parts || seen.rows !== info.rows;
		}).length;
		const unlisted = meta.chunks ? [...found.keys()].filter((index) => !(index in meta.chunks)).length : 0;
		const whole = missingChunks === 0 && unlisted === 0 && foreignRows === 0 && rows.length === meta.rowCount;
		const damage = whole
			? null
			: {
					missingChunks,
					totalChunks: listed.length,
					expectedRows: meta.rowCount,
					rowsFound: rows.length,
					foreignRows
				};
		return { meta, rows, damage };
	});
}

/** What a damaged draft's notice says, plainly. */
export function describeDamage(damage: DraftDamage): string {
	const sentences: string[] = [];
	if (damage.missingChunks > 0) {
		sentences.push(
			`The saved review is incomplete: ${formatCount(damage.missingChunks)} of ${formatCount(damage.totalChunks)} ${damage.totalChunks === 1 ? 'part is' : 'parts are'} missing.`
		);
	} else if (damage.rowsFound !== damage.expectedRows) {
		sentences.push(
			`The saved review does not add up: it should hold ${formatCount(damage.expectedRows)} rows but holds ${formatCount(damage.rowsFound)}.`
		);
	} else if (damage.foreignRows === 0) {
		sentences.push('The saved review holds parts that its record does not list.');
	}
	if (damage.foreignRows > 0) {
		sentences.push(
			`${sentences.length > 0 ? 'It also held' : 'The saved review held'} ${plural(damage.foreignRows, 'row')} of another review, which are left out.`
		);
	}
	if (damage.missingChunks > 0 || damage.rowsFound !== damage.expectedRows) {
		sentences.push(`${formatCount(damage.rowsFound)} of ${formatCount(damage.expectedRows)} rows are there.`);
	}
	sentences.push('Discard it or resume what is there.');
	return sentences.join(' ');
}

/** Removes the draft; with a review id, only if the draft is still that review's. */
export async function discardDraft(reviewId?: string): Promise<void> {
	await db.transaction('rw', db.drafts, async () => {
		if (reviewId !== undefined && (await readMeta())?.reviewId !== reviewId) return;
		await db.drafts.clear();
	});
}
