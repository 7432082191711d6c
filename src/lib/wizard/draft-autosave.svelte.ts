// The review's draft, saved as the admin edits: after a pause in the typing, only the chunks an edit touched,
// one save after another, and never into a draft that another review or another tab now owns.
/* eslint-disable svelte/prefer-svelte-reactivity -- the dirty chunks are bookkeeping, deliberately not reactive */
import { messageOf } from '$lib/wording';
import {
	chunkRowCounts,
	claimDraft,
	DRAFT_CHUNK_ROWS,
	draftChunkOf,
	DraftTaken,
	saveDraft,
	type DraftKey,
	type DraftRow
} from '$lib/db/drafts';
import { newId } from '$lib/db/ids';
import type { ReviewSession } from '../review/review-session.svelte';

/** How long a pause in the editing is before the draft is saved. */
export const DRAFT_DELAY_MS = 500;
/** How long the first save of a new review may wait for the page to be idle. */
export const FIRST_DRAFT_WAIT_MS = 10_000;

export interface AutosaveEvents {
	/** The draft is no longer this tab's: another review replaced it ('discarded'), or another tab took it over ('moved'). */
	onTaken: (reason: 'moved' | 'discarded') => void;
	/** A save failed (the browser's storage refused it): what to tell the admin. */
	onFailed: (message: string) => void;
}

interface StartOptions {
	/** Claims the draft for this review (whatever was saved is replaced) and writes every row of it. */
	claim?: boolean;
	/** The first save waits for the page to be idle (at most FIRST_DRAFT_WAIT_MS). */
	whenIdle?: boolean;
}

/** The draft chunks that hold the review's rows. */
function chunksOf(session: ReviewSession): Set<number> {
	const indexes = new Set<number>();
	for (const row of session.rows) indexes.add(draftChunkOf(row.rowNumber));
	return indexes;
}

export class DraftAutosave {
	/** Edits not yet in the saved draft (their save is waiting for a pause, or running). */
	pending = $state(false);
	/** This tab, as the draft's writer. */
	readonly writer = newId();

	private session: ReviewSession | null = null;
	private reviewId = '';
	private timer: ReturnType<typeof setTimeout> | undefined;
	/** Draft chunks to write again. */
	private dirty: Set<number> | 'all' = new Set();
	private stopSync: (() => void) | undefined;
	/** Saves, one after another. */
	private saving: Promise<void> = Promise.resolve();

	constructor(private readonly events: AutosaveEvents) {}

	private get key(): DraftKey {
		return { reviewId: this.reviewId, writer: this.writer };
	}

	/**
	 * Saves the review's draft, as `reviewId`, from now on. With `claim` (a new review, or a draft that must be
	 * written again whole) every row is saved at once; else (a resumed draft) only the chunks edited from now on.
	 */
	async start(session: ReviewSession, reviewId: string, { claim = false, whenIdle = false }: StartOptions = {}) {
		this.stop();
		this.reviewId = reviewId;
		if (claim) await claimDraft(this.key, session.source, chunkRowCounts(session.rows.map((row) => row.rowNumber)));
		this.session = session;
		this.dirty = claim ? 'all' : new Set();
		this.stopSync = session.onRowsChanged(({ updated, added, removed }) => {
			if (this.dirty !== 'all') {
				for (const row of [...updated, ...added, ...removed]) this.dirty.add(draftChunkOf(row.rowNumber));
			}
			this.saveSoon(DRAFT_DELAY_MS);
		});
		// The first save of a file's rows may wait for the grid to have taken them all: the file is still at hand.
		if (claim) this.saveSoon(0, whenIdle);
	}

	/** Saves now what is not saved yet (a save waiting for a pause goes at once), after any save still running. */
	flush(): Promise<void> {
		clearTimeout(this.timer);
		return this.saveNow();
	}

	/** Nothing more is saved: a save waiting for a pause is dropped, and edits from now on are not listened to. */
	stop(): void {
		clearTimeout(this.timer);
		this.stopSync?.();
		this.stopSync = undefined;
		this.session = null;
		this.dirty = new Set();
		this.pending = false;
	}

	/** Saves the review after a pause in the admin's typing, never in the way of it. */
	private saveSoon(delay: number, whenIdle = false) {
		clearTimeout(this.timer);
		this.pending = true;
		this.timer = setTimeout(async () => {
			if (whenIdle && typeof requestIdleCallback === 'function') {
				await new Promise((resolve) => requestIdleCallback(resolve, { timeout: FIRST_DRAFT_WAIT_MS }));
			}
			await this.saveNow();
		}, delay);
	}

	private saveNow(): Promise<void> {
		this.saving = this.saving.then(() => this.write());
		return this.saving;
	}

	private async write() {
		const session = this.session;
		if (!session) return;
		try {
			await saveDraft(this.key, session.source, this.takeDirtyChunks(session));
		} catch (error) {
			// Another tab took this review over, or replaced it: nothing more is written here.
			if (error instanceof DraftTaken) {
				this.stop();
				return this.events.onTaken(error.reason === 'replaced' ? 'discarded' : 'moved');
			}
			this.events.onFailed(
				`Your review could not be saved in this browser (${messageOf(error)}). Keep this tab open until you import.`
			);
		} finally {
			// Edits made while this save ran have their own save scheduled.
			this.pending = this.session !== null && (this.dirty === 'all' || this.dirty.size > 0);
		}
	}

	/**
	 * The rows of every chunk edited since the last save (of all chunks after a claim), one chunk at a time
	 * as the save asks for it: a million rows are never gathered in one go.
	 */
	private *takeDirtyChunks(session: ReviewSession): Generator<[number, DraftRow[]]> {
		const indexes = this.dirty === 'all' ? chunksOf(session) : this.dirty;
		this.dirty = new Set();
		for (const index of indexes) {
			const rows: DraftRow[] = [];
			for (let n = index * DRAFT_CHUNK_ROWS; n < (index + 1) * DRAFT_CHUNK_ROWS; n++) {
				const row = session.row(n);
				// The values as kept: a draft saves them without unpacking a million rows into arrays.
				if (row) rows.push({ rowNumber: row.rowNumber, values: row.stored, ownIssues: row.ownIssues });
			}
			yield [index, rows];
		}
	}
}
