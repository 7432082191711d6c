import { valueAt } from '$lib/domain/stored-values';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import {
	chunkRowCounts,
	claimDraft,
	discardDraft,
	loadDraft,
	loadDraftMeta,
	saveDraft,
	type DraftRow
} from '$lib/db/drafts';
import { COL, TEMPLATE_COLUMNS } from '$lib/domain/template';
import { ReviewSession, type ReviewSource } from '$lib/review/review-session.svelte';
import { DRAFT_DELAY_MS, DraftAutosave, type AutosaveEvents } from '$lib/wizard/draft-autosave.svelte';
import { SNAPSHOT, validRow } from '../domain/valid-row';

// Which chunks each save writes: the cost of a save, which the stored draft alone does not show.
const writes: number[][] = [];
vi.mock('$lib/db/drafts', async (importOriginal) => {
	const actual = await importOriginal<typeof import('$lib/db/drafts')>();
	return {
		...actual,
		saveDraft: async (...[key, source, chunks]: Parameters<typeof actual.saveDraft>) => {
			const list = [...chunks];
			writes.push(list.map(([index]) => index));
			return actual.saveDraft(key, source, list);
		}
	};
});

const SOURCE: ReviewSource = {
	fileName: 'clients.csv',
	settings: { encoding: 'utf-8', delimiter: ',' },
	header: [...TEMPLATE_COLUMNS],
	mapping: TEMPLATE_COLUMNS.map((_, index) => index)
};

/** Rows 2 and 3 are in the draft's first chunk, 5000 and 5001 in the second. */
const ROW_NUMBERS = [2, 3, 5000, 5001];

function review(): ReviewSession {
	const session = new ReviewSession(SOURCE, SNAPSHOT);
	session.addParsed(
		ROW_NUMBERS.map((rowNumber) => ({
			rowNumber,
			values: validRow({ ClientName: `Client ${rowNumber}`, PrimaryContactEmail: `c${rowNumber}@client.example` }),
			issues: []
		}))
	);
	return session;
}

function rename(session: ReviewSession, rowNumber: number, name: string) {
	session.edit([{ rowNumber, column: COL.ClientName, value: name }], 'Edit');
}

/** The client names in the stored draft, by row number, read as a tab resuming it would. */
async function storedNames() {
	const loaded = await loadDraft<ReviewSource>('reader');
	return {
		damage: loaded?.damage ?? null,
		names: Object.fromEntries((loaded?.rows ?? []).map((row) => [row.rowNumber, valueAt(row.values, COL.ClientName)]))
	};
}

const ORIGINAL_NAMES = { 2: 'Client 2', 3: 'Client 3', 5000: 'Client 5000', 5001: 'Client 5001' };

let events: { [K in keyof AutosaveEvents]: Mock<AutosaveEvents[K]> };
let autosave: DraftAutosave;

/** Waits until every edit is in the saved draft (the page's "saving" indicator is off). */
const saved = () => vi.waitFor(() => expect(autosave.pending).toBe(false));

/** A new review, its draft claimed and saved whole. */
async function savedReview(): Promise<ReviewSession> {
	const session = review();
	await autosave.start(session, 'review-a', { claim: true });
	await vi.advanceTimersByTimeAsync(0);
	await saved();
	writes.length = 0;
	return session;
}

beforeEach(async () => {
	// Only the page's timers: IndexedDB (fake-indexeddb) schedules its work with setImmediate.
	vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
	await discardDraft();
	writes.length = 0;
	events = { onTaken: vi.fn<AutosaveEvents['onTaken']>(), onFailed: vi.fn<AutosaveEvents['onFailed']>() };
	autosave = new DraftAutosave(events);
});

afterEach(() => {
	autosave.stop();
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

describe('the draft autosave', () => {
	it('saves a new review whole, every row of it', async () => {
		await savedReview();
		expect(await storedNames()).toEqual({ damage: null, names: ORIGINAL_NAMES });
		expect(events.onFailed).not.toHaveBeenCalled();
	});

	it('writes again only the chunk an edit touched, once the admin pauses', async () => {
		const session = await savedReview();
		rename(session, 5001, 'Renamed');
		expect(autosave.pending).toBe(true);
		await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS - 1);
		expect(writes).toEqual([]);
		await vi.advanceTimersByTimeAsync(1);
		await saved();
		expect(writes).toEqual([[1]]);
		expect(await storedNames()).toEqual({ damage: null, names: { ...ORIGINAL_NAMES, 5001: 'Renamed' } });
	});

	it('saves several quick edits in one save', async () => {
		const session = await savedReview();
		rename(session, 2, 'First');
		await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS / 2);
		rename(session, 3, 'Second');
		await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS / 2);
		rename(session, 5000, 'Third');
		await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS);
		await saved();
		expect(writes).toHaveLength(1);
		expect(new Set(writes[0])).toEqual(new Set([0, 1]));
		expect((await storedNames()).names).toEqual({ 2: 'First', 3: 'Second', 5000: 'Third', 5001: 'Client 5001' });
	});

	it('goes on saving a resumed draft, writing only what is edited from then on', async () => {
		const rows = review().rows;
		await claimDraft({ reviewId: 'review-a', writer: 'earlier-tab' }, SOURCE, chunkRowCounts(ROW_NUMBERS));
		await saveDraft({ reviewId: 'review-a', writer: 'earlier-tab' }, SOURCE, [
			[0, rows.slice(0, 2) as DraftRow[]],
			[1, rows.slice(2) as DraftRow[]]
		]);
		writes.length = 0;
		const loaded = await loadDraft<ReviewSource>(autosave.writer);
		const session = new ReviewSession(loaded!.meta.source, SNAPSHOT);
		session.addParsed(loaded!.rows.map((row) => ({ ...row, issues: row.ownIssues })));
		await autosave.start(session, 'review-a');
		await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS * 2);
		expect(writes).toEqual([]);
		rename(session, 3, 'Resumed');
		await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS);
		await saved();
		expect(writes).toEqual([[0]]);
		expect(await storedNames()).toEqual({ damage: null, names: { ...ORIGINAL_NAMES, 3: 'Resumed' } });
	});

	it('saves at once on flush, without waiting for the pause', async () => {
		const session = await savedReview();
		rename(session, 2, 'Flushed');
		await autosave.flush();
		expect(autosave.pending).toBe(false);
		expect((await storedNames()).names[2]).toBe('Flushed');
	});

	it('drops a save still waiting when stopped, and saves nothing more', async () => {
		const session = await savedReview();
		rename(session, 2, 'Unsaved');
		autosave.stop();
		expect(autosave.pending).toBe(false);
		rename(session, 3, 'Also unsaved');
		await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS * 2);
		await autosave.flush();
		expect(writes).toEqual([]);
		expect(await storedNames()).toEqual({ damage: null, names: ORIGINAL_NAMES });
	});

	it('refuses to save into a draft another review replaced, and says so once', async () => {
		const session = await savedReview();
		const other = { reviewId: 'review-b', writer: 'other-tab' };
		await claimDraft(other, SOURCE, chunkRowCounts([7]));
		await saveDraft(other, SOURCE, [[0, [{ rowNumber: 7, values: ['Other review'], ownIssues: [] }]]]);
		rename(session, 2, 'Too late');
		await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS);
		await vi.waitFor(() => expect(events.onTaken).toHaveBeenCalledWith('discarded'));
		expect(autosave.pending).toBe(false);
		// Edits after it are not saved either.
		rename(session, 3, 'Later still');
		await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS);
		await autosave.flush();
		expect(events.onTaken).toHaveBeenCalledTimes(1);
		expect((await loadDraftMeta())?.reviewId).toBe('review-b');
		expect(await storedNames()).toEqual({ damage: null, names: { 7: 'Other review' } });
	});

	it('refuses to save into a draft another tab took over', async () => {
		const session = await savedReview();
		await loadDraft('other-tab');
		rename(session, 2, 'Too late');
		await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS);
		await vi.waitFor(() => expect(events.onTaken).toHaveBeenCalledWith('moved'));
		expect(await storedNames()).toEqual({ damage: null, names: ORIGINAL_NAMES });
	});

	it('saves a new file’s rows first when the page is idle', async () => {
		let idle: (() => void) | undefined;
		vi.stubGlobal('requestIdleCallback', (callback: () => void) => {
			idle = callback;
			return 1;
		});
		await autosave.start(review(), 'review-a', { claim: true, whenIdle: true });
		await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS * 2);
		// Claimed, but no row written yet: a tab resuming it now would find it incomplete.
		expect(autosave.pending).toBe(true);
		expect(writes).toEqual([]);
		expect(Object.values((await loadDraftMeta())?.chunks ?? {})).toEqual([
			{ rows: 2, parts: 0 },
			{ rows: 2, parts: 0 }
		]);
		idle?.();
		await saved();
		expect(await storedNames()).toEqual({ damage: null, names: ORIGINAL_NAMES });
	});
});
