import { beforeEach, describe, expect, it } from 'vitest';
import {
	chunkRowCounts,
	claimDraft,
	describeDamage,
	discardDraft,
	DRAFT_PART_CHARS,
	draftChunkOf,
	DraftTaken,
	loadDraft,
	loadDraftMeta,
	saveDraft,
	type DraftKey,
	type DraftRow
} from '$lib/db/drafts';
import { db } from '$lib/db/schema';

const row = (rowNumber: number, name = `Client ${rowNumber}`): DraftRow => ({
	rowNumber,
	values: [name],
	ownIssues: []
});

function byChunk(rows: DraftRow[]): Map<number, DraftRow[]> {
	const chunks = new Map<number, DraftRow[]>();
	for (const r of rows) chunks.set(draftChunkOf(r.rowNumber), [...(chunks.get(draftChunkOf(r.rowNumber)) ?? []), r]);
	return chunks;
}

const tabA: DraftKey = { reviewId: 'review-a', writer: 'tab-a' };
const tabB: DraftKey = { reviewId: 'review-b', writer: 'tab-b' };

/** Starts a review's draft and saves all its rows, as a tab does after reading a file. */
async function startReview(key: DraftKey, rows: DraftRow[], source: object = {}) {
	await claimDraft(key, source, chunkRowCounts(rows.map((r) => r.rowNumber)));
	await saveDraft(key, source, byChunk(rows));
}

const rowNumbers = async (writer = 'reader') => (await loadDraft(writer))?.rows.map((r) => r.rowNumber);

beforeEach(async () => {
	await discardDraft();
});

describe('the review draft', () => {
	it('reads back every row, in row order, with its source, whole', async () => {
		const rows = [2, 3, 4999, 5000, 12001].map((n) => row(n));
		await startReview(tabA, rows, { fileName: 'clients.csv' });
		expect(await loadDraftMeta()).toMatchObject({
			reviewId: 'review-a',
			source: { fileName: 'clients.csv' },
			rowCount: 5
		});
		const loaded = await loadDraft('reader');
		expect(loaded?.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4999, 5000, 12001]);
		expect(loaded?.damage).toBeNull();
	});

	it('rewrites only the chunks given, keeping the others as they were', async () => {
		await startReview(
			tabA,
			[2, 5000, 10000].map((n) => row(n))
		);
		await saveDraft(tabA, {}, new Map([[draftChunkOf(5000), [row(5000, 'Edited')]]]));
		expect((await loadDraft('tab-a'))?.rows.map((r) => r.values[0])).toEqual(['Client 2', 'Edited', 'Client 10000']);
	});

	it('drops a chunk whose rows were all deleted, and counts the rows left', async () => {
		await startReview(tabA, [row(2), row(5000)]);
		await saveDraft(tabA, {}, new Map([[draftChunkOf(5000), []]]));
		expect(await rowNumbers()).toEqual([2]);
		expect((await loadDraft('reader'))?.damage).toBeNull();
		expect((await loadDraftMeta())?.rowCount).toBe(1);
	});

	it('is gone once discarded', async () => {
		await startReview(tabA, [row(2)]);
		await discardDraft();
		expect(await loadDraftMeta()).toBeUndefined();
		expect(await loadDraft('reader')).toBeUndefined();
	});

	it('is discarded for a review only while it is still that review', async () => {
		await startReview(tabB, [row(2)]);
		await discardDraft('review-a');
		expect(await rowNumbers()).toEqual([2]);
		await discardDraft('review-b');
		expect(await loadDraftMeta()).toBeUndefined();
	});
});

describe('two tabs and one draft', () => {
	it("never takes another review's rows: a tab whose review was replaced can no longer save", async () => {
		// Tab A reviews 12,000 rows; tab B starts a review of a 3-row file; tab A then fixes row 11000.
		const aRows = Array.from({ length: 12_000 }, (_, i) => row(i + 2));
		await startReview(tabA, aRows, { fileName: 'a.csv' });
		await startReview(
			tabB,
			[2, 3, 4].map((n) => row(n, `B ${n}`)),
			{ fileName: 'b.csv' }
		);
		const edit = aRows.filter((r) => draftChunkOf(r.rowNumber) === draftChunkOf(11000));
		await expect(saveDraft(tabA, { fileName: 'a.csv' }, new Map([[draftChunkOf(11000), edit]]))).rejects.toEqual(
			new DraftTaken('replaced')
		);
		const loaded = await loadDraft('tab-c');
		expect(loaded?.meta.source).toEqual({ fileName: 'b.csv' });
		expect(loaded?.rows.map((r) => r.values[0])).toEqual(['B 2', 'B 3', 'B 4']);
		expect(loaded?.damage).toBeNull();
	});

	it('stops the tab that edited a review once another tab has taken it over', async () => {
		await startReview(tabA, [row(2), row(3)]);
		const loaded = await loadDraft('tab-c');
		expect(loaded?.meta.writer).toBe('tab-c');
		await expect(saveDraft(tabA, {}, new Map([[0, [row(2, 'Late edit'), row(3)]]]))).rejects.toEqual(
			new DraftTaken('taken over')
		);
		await saveDraft({ reviewId: 'review-a', writer: 'tab-c' }, {}, new Map([[0, [row(2, 'Edit'), row(3)]]]));
		expect((await loadDraft('tab-c'))?.rows.map((r) => r.values[0])).toEqual(['Edit', 'Client 3']);
	});
});

describe('a damaged draft', () => {
	const rows = Array.from({ length: 12_000 }, (_, i) => row(i + 2));

	it('says which of its parts are missing, and gives back what is there', async () => {
		await startReview(tabA, rows);
		await db.drafts.where('id').startsWith('review:rows:1:').delete();
		await db.drafts.where('id').startsWith('review:rows:2:').delete();
		const loaded = await loadDraft('reader');
		expect(loaded?.damage).toMatchObject({ missingChunks: 2, totalChunks: 3, rowsFound: 4998, expectedRows: 12_000 });
		expect(describeDamage(loaded!.damage!)).toBe(
			'The saved review is incomplete: 2 of 3 parts are missing. 4,998 of 12,000 rows are there. Discard it or resume what is there.'
		);
		expect(loaded?.rows).toEqual(rows.slice(0, 4998));
	});

	it('counts a chunk not saved yet (the tab closed before its first save) as missing', async () => {
		await claimDraft(tabA, {}, chunkRowCounts(rows.map((r) => r.rowNumber)));
		await saveDraft(tabA, {}, [[0, rows.slice(0, 4998)]]);
		expect((await loadDraft('reader'))?.damage).toMatchObject({ missingChunks: 2, totalChunks: 3 });
	});

	it('leaves out, and names, rows stored by another review', async () => {
		await startReview(tabA, [row(2), row(3)]);
		await db.drafts.put({ id: 'review:rows:2:0', savedAt: '', reviewId: 'review-b', data: [row(10000)] } as never);
		await db.drafts.put({ id: 'review:rows:3:0', savedAt: '', data: [row(15000)] });
		const loaded = await loadDraft('reader');
		expect(loaded?.rows.map((r) => r.rowNumber)).toEqual([2, 3]);
		expect(loaded?.damage).toMatchObject({ missingChunks: 0, foreignRows: 2 });
		expect(describeDamage(loaded!.damage!)).toBe(
			'The saved review held 2 rows of another review, which are left out. Discard it or resume what is there.'
		);
	});

	it('is found when a chunk holds fewer rows than the meta counts', async () => {
		await startReview(tabA, [row(2), row(3), row(4)]);
		await db.drafts.put({ id: 'review:rows:0:0', savedAt: '', reviewId: 'review-a', data: [row(2)] } as never);
		expect(describeDamage((await loadDraft('reader'))!.damage!)).toBe(
			'The saved review is incomplete: 1 of 1 part is missing. 1 of 3 rows are there. Discard it or resume what is there.'
		);
	});
});

describe('a draft of long rows', () => {
	const long = (rowNumber: number, chars: number): DraftRow => ({
		rowNumber,
		values: ['x'.repeat(chars)],
		ownIssues: []
	});

	it('is stored in parts of bounded size, and read back whole, in row order', async () => {
		const rows = Array.from({ length: 30 }, (_, i) => long(i + 2, 99_000));
		await startReview(tabA, rows);
		const parts = (await db.drafts.where('id').startsWith('review:rows:').toArray()).map((part) =>
			(part.data as DraftRow[]).reduce((n, row) => n + row.values[0].length, 0)
		);
		expect(parts.length).toBeGreaterThanOrEqual(3);
		expect(Math.max(...parts)).toBeLessThanOrEqual(DRAFT_PART_CHARS);
		const loaded = await loadDraft('reader');
		expect(loaded?.rows).toEqual(rows);
		expect(loaded?.damage).toBeNull();
	});

	it('keeps no part of the chunk as it was before an edit made it shorter', async () => {
		await startReview(
			tabA,
			Array.from({ length: 30 }, (_, i) => long(i + 2, 99_000))
		);
		await saveDraft(tabA, {}, new Map([[0, [row(2, 'Short now')]]]));
		const loaded = await loadDraft('reader');
		expect(loaded?.rows).toEqual([row(2, 'Short now')]);
		expect(loaded?.damage).toBeNull();
	});

	it('replaces a chunk stored whole, as drafts were before parts', async () => {
		await startReview(tabA, [row(2)]);
		await db.drafts.put({ id: 'review:rows:0', savedAt: '', data: [row(2, 'Old')] });
		await saveDraft(tabA, {}, new Map([[0, [row(2, 'New')]]]));
		expect((await loadDraft('tab-a'))?.rows).toEqual([row(2, 'New')]);
	});

	it('reads a draft saved by an earlier version, which listed no chunks, by its row count', async () => {
		await db.drafts.put({ id: 'review:meta', savedAt: '', data: { source: {}, savedAt: '', rowCount: 2 } });
		await db.drafts.put({ id: 'review:rows:0:0', savedAt: '', data: [row(2), row(3)] });
		const loaded = await loadDraft('reader');
		expect(loaded?.rows.map((r) => r.rowNumber)).toEqual([2, 3]);
		expect(loaded?.damage).toBeNull();
	});
});
