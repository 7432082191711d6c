// The page's side of the commit: a worker of its own per commit (see commit.worker.ts), fed the rows a chunk at a
// time as it asks for them. The page only walks its rows and packs each chunk: a chunk of 500 rows is one string,
// a fraction of a millisecond to post. Closing the page stops the worker, and its transaction writes nothing.
import type { UpdatePolicy } from '$lib/domain/client-diff';
import { packRows, type StoredValues } from '$lib/domain/stored-values';
import type { CommitRequest, CommitResponse, PostedChunk } from './commit-protocol';
import { UserFacingError } from './errors';
import { eachInSlices, whenIdle } from '$lib/components/idle';
import {
	chunksOf,
	ClientsUpdated,
	CommitConflict,
	type CommitOutcome,
	type LaterEdits,
	type UndoOutcome
} from './import-commit';

/** A row as the page keeps it: its values stored (see StoredValues). */
export interface StoredRow {
	readonly rowNumber: number;
	readonly stored: StoredValues;
}

export interface CommitInWorker<T extends StoredRow> {
	fileName: string;
	rows: readonly T[];
	/** The id of the existing client a row updates; undefined for a new client. */
	updatesOf: (row: T) => string | undefined;
	skipped: number;
	onProgress?: (written: number) => void;
	policy: UpdatePolicy;
	/** The file's extra columns (Hours, Holidays, properties, ClientId), after the custom fields' in each row. */
	extraColumns?: readonly string[];
}

function postedChunk<T extends StoredRow>(rows: readonly T[], updatesOf: (row: T) => string | undefined): PostedChunk {
	const updates: [number, string][] = [];
	rows.forEach((row, i) => {
		const clientId = updatesOf(row);
		if (clientId !== undefined) updates.push([i, clientId]);
	});
	return {
		rowNumbers: Uint32Array.from(rows, (row) => row.rowNumber),
		values: packRows(rows.map((row) => row.stored)),
		updates
	};
}

const newWorker = () => new Worker(new URL('./commit.worker.ts', import.meta.url), { type: 'module' });

/**
 * A worker started ahead, while a review is open: loading its script (the rules, Dexie) took some 80 ms, most of
 * a small import's time. Each commit or undo takes a worker of its own (its state is the one commit's).
 */
let spare: Worker | null = null;
let starting: (() => void) | null = null;

/** Starts a worker for the import to come, once the page is idle. */
export function prepareCommitWorker(): void {
	if (spare || starting) return;
	starting = whenIdle(() => {
		starting = null;
		// Not where there is no module worker (Node, in tests that did not ask for one).
		if (typeof Worker === 'function') spare ??= newWorker();
	});
}

/** Ends the worker started ahead: the review closed without an import. */
export function dropCommitWorker(): void {
	starting?.();
	starting = null;
	spare?.terminate();
	spare = null;
}

function startWorker(): Worker {
	const worker = spare ?? newWorker();
	spare = null;
	return worker;
}

/** Undoes an import in a worker (undoImport there), the page free meanwhile. */
export function undoInWorker(importId: string, laterEdits: LaterEdits = 'ask'): Promise<UndoOutcome> {
	const worker = startWorker();
	return new Promise<UndoOutcome>((resolve) => {
		worker.onmessage = ({ data: response }: MessageEvent<CommitResponse>) => {
			if (response.type !== 'undone') return;
			worker.terminate();
			resolve(response.outcome);
		};
		worker.onerror = (event) => {
			event.preventDefault();
			worker.terminate();
			resolve({
				undone: false,
				problem: `Nothing was undone: the undo stopped (${event.message || 'unknown error'}).`
			});
		};
		worker.postMessage({ type: 'undo', importId, laterEdits } satisfies CommitRequest);
	});
}

/** Commits the rows in a worker (commitImport there); rejects as commitImport does, with the same errors. */
export async function commitInWorker<T extends StoredRow>({
	fileName,
	rows,
	updatesOf,
	skipped,
	onProgress = () => {},
	policy,
	extraColumns = []
}: CommitInWorker<T>): Promise<CommitOutcome> {
	const worker = startWorker();
	// Walked in slices while the worker starts: a million rows in one task would hold the page for tens of ms.
	const updated = new ClientsUpdated();
	await eachInSlices(rows, (row) => updated.note(updatesOf(row)));
	const send = (request: CommitRequest, transfer: Transferable[] = []) => worker.postMessage(request, { transfer });
	const chunks = chunksOf(rows, updatesOf);
	let posted = 0;
	let ended = false;
	/** Posts chunks until `upTo` have been, and the end after the last. */
	function postUpTo(upTo: number) {
		while (!ended && posted < upTo) {
			const next = chunks.next();
			if (next.done) {
				ended = true;
				send({ type: 'end' });
			} else {
				const chunk = postedChunk(next.value, updatesOf);
				send({ type: 'chunk', chunk }, [chunk.rowNumbers.buffer]);
				posted++;
			}
		}
	}
	return new Promise<CommitOutcome>((resolve, reject) => {
		const finish = (settle: () => void) => {
			worker.terminate();
			settle();
		};
		worker.onmessage = ({ data: response }: MessageEvent<CommitResponse>) => {
			if (response.type === 'want') postUpTo(response.upTo);
			else if (response.type === 'written') onProgress(response.written);
			else if (response.type === 'done') finish(() => resolve({ importRecord: response.importRecord }));
			else if (response.type === 'failed')
				finish(() =>
					reject(response.conflicts ? new CommitConflict(response.conflicts) : new UserFacingError(response.message))
				);
		};
		worker.onerror = (event) => {
			event.preventDefault();
			finish(() =>
				reject(new UserFacingError(`Nothing was imported: the import stopped (${event.message || 'unknown error'}).`))
			);
		};
		send({
			type: 'start',
			fileName,
			count: rows.length,
			skipped,
			namedAgain: [...updated.twice],
			// A plain set: the page's may be reactive state, which cannot be posted.
			policy: { carried: new Set(policy.carried), emptyCells: policy.emptyCells },
			extraColumns: [...extraColumns]
		});
	});
}
