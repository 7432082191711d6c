import { beforeEach, describe, expect, it } from 'vitest';
import { discardDraft, draftChunkOf, loadDraftMeta, loadDraftRows, saveDraft, type DraftRow } from '$lib/db/drafts';

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
