// What the page and the commit's worker say to each other. The page hands the rows over a chunk at a time, as
// the worker asks for them, so that neither thread holds a second copy of a million rows. The worker also
// undoes imports: it reads and deletes what a million-row import wrote without holding the page.
import type { RowIssue } from '$lib/domain/issues';
import type { UpdatePolicy } from '$lib/domain/client-diff';
import type { PackedRows } from '$lib/domain/stored-values';
import type { ImportRecord } from './schema';
import type { LaterEdits, UndoOutcome } from './import-commit';

/** A chunk of rows as posted: their numbers, their values packed, and the clients some of them update. */
export interface PostedChunk {
	rowNumbers: Uint32Array;
	values: PackedRows;
	/** [index in the chunk, id of the client the row updates]. */
	updates: [number, string][];
}

export type CommitRequest =
	| {
			type: 'start';
			fileName: string;
			/** How many rows in all, and how many were left out. */
			count: number;
			skipped: number;
			/** The clients more than one row updates. */
			namedAgain: string[];
			policy: UpdatePolicy;
			extraColumns: string[];
	  }
	| { type: 'chunk'; chunk: PostedChunk }
	/** Every chunk has been posted. */
	| { type: 'end' }
	| { type: 'undo'; importId: string; laterEdits: LaterEdits };

export type CommitResponse =
	/** Post chunks until this many have been posted in all. */
	| { type: 'want'; upTo: number }
	| { type: 'written'; written: number }
	| { type: 'done'; importRecord: ImportRecord }
	/** Nothing was written: the message for the admin, and the rows the workspace no longer accepts, if that is why. */
	| { type: 'failed'; message: string; conflicts?: { rowNumber: number; issues: RowIssue[] }[] }
	| { type: 'undone'; outcome: UndoOutcome };

/**
 * Chunks posted ahead of the worker's need: it never waits for the page (each is some milliseconds of the
 * worker's time), and it holds no more than these of the file at once.
 */
export const CHUNKS_AHEAD = 4;
