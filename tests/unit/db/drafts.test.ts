import { beforeEach, describe, expect, it } from 'vitest';
import {
	discardDraft,
	DRAFT_PART_CHARS,
	draftChunkOf,
	loadDraftMeta,
	loadDraftRows,
	saveDraft,
	type DraftRow
} from '$lib/db/drafts';

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

beforeEach(async () => {
	await discardDraft();
});

describe('the review draft', () => {
	it('reads back every row, in row order, with its source', async () => {
		const rows = [2, 3, 4999, 5000, 12001].map((n) => row(n));
		await saveDraft({ fileName: 'clients.csv' }, rows.length, byChunk(rows));
		expect(await loadDraftMeta()).toMatchObject({ source: { fileName: 'clients.csv' }, rowCount: 5 });
		expect((await loadDraftRows()).map((r) => r.rowNumber)).toEqual([2, 3, 4999, 5000, 12001]);
	});

	it('rewrites only the chunks given, keeping the others as they were', async () => {
		const rows = [2, 5000, 10000].map((n) => row(n));
		await saveDraft({}, 3, byChunk(rows));
		await saveDraft({}, 3, new Map([[draftChunkOf(5000), [row(5000, 'Edited')]]]));
		expect((await loadDraftRows()).map((r) => r.values[0])).toEqual(['Client 2', 'Edited', 'Client 10000']);
	});

	it('drops a chunk whose rows were all deleted', async () => {
		await saveDraft({}, 2, byChunk([row(2), row(5000)]));
		await saveDraft({}, 1, new Map([[draftChunkOf(5000), []]]));
		expect((await loadDraftRows()).map((r) => r.rowNumber)).toEqual([2]);
	});

	it('is gone once discarded', async () => {
		await saveDraft({}, 1, byChunk([row(2)]));
		await discardDraft();
		expect(await loadDraftMeta()).toBeUndefined();
		expect(await loadDraftRows()).toEqual([]);
	});
});

describe('a draft of long rows', () => {
	const long = (rowNumber: number, chars: number): DraftRow => ({
		rowNumber,
		values: ['x'.repeat(chars)],
		ownIssues: []
	});

	it('is stored in parts of bounded size, and read back whole, in row order', async () => {
		const { db } = await import('$lib/db/schema');
		const rows = Array.from({ length: 30 }, (_, i) => long(i + 2, 99_000));
		await saveDraft({}, rows.length, byChunk(rows));
		const parts = (await db.drafts.where('id').startsWith('review:rows:').toArray()).map((part) =>
			(part.data as DraftRow[]).reduce((n, row) => n + row.values[0].length, 0)
		);
		expect(parts.length).toBeGreaterThanOrEqual(3);
		expect(Math.max(...parts)).toBeLessThanOrEqual(DRAFT_PART_CHARS);
		expect(await loadDraftRows()).toEqual(rows);
	});

	it('keeps no part of the chunk as it was before an edit made it shorter', async () => {
		await saveDraft({}, 30, byChunk(Array.from({ length: 30 }, (_, i) => long(i + 2, 99_000))));
		await saveDraft({}, 1, new Map([[0, [row(2, 'Short now')]]]));
		expect(await loadDraftRows()).toEqual([row(2, 'Short now')]);
	});

	it('replaces a chunk stored whole, as drafts were before parts', async () => {
		const { db } = await import('$lib/db/schema');
		await db.drafts.put({ id: 'review:rows:0', savedAt: '', data: [row(2, 'Old')] });
		await saveDraft({}, 1, new Map([[0, [row(2, 'New')]]]));
		expect(await loadDraftRows()).toEqual([row(2, 'New')]);
	});
});
