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

/** Workers whose script failed (to load, or later), with what the error said; and who waits to hear of it. */
const failures = new WeakMap<Worker, string>();
const failureListeners = new WeakMap<Worker, (message: string) => void>();

function newWorker(): Worker {
	const worker = new Worker(new URL('./commit.worker.ts', import.meta.url), { type: 'module' });
	// Kept for whoever takes the worker: a spare's script may fail to load before a commit listens (a tab opened
	// before the site was updated no longer finds its old worker file).
	worker.onerror = (event) => {
		event.preventDefault();
		const message = event.message || 'unknown error';
		failures.set(worker, message);
		failureListeners.get(worker)?.(message);
	};
	return worker;
}

/** Calls `fail` with the worker's error: at once if it failed already, else when it does. */
function onFailure(worker: Worker, fail: (message: string) => void): void {
	const known = failures.get(worker);
	if (known !== undefined) fail(known);
	else failureListeners.set(worker, fail);
}

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

/** The spare worker, unless it failed; else a new one. */
function startWorker(): Worker {
	starting?.();
	starting = null;
	const ready = spare && !failures.has(spare) ? spare : null;
	if (spare && !ready) spare.terminate();
	spare = null;
	return ready ?? newWorker();
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
		onFailure(worker, (message) => {
			worker.terminate();
			resolve({ undone: false, problem: `Nothing was undone: the undo stopped (${message}).` });
		});
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
	let settled = false;
	// Listening before the walk below, so that a worker failing meanwhile is heard.
	const outcome = new Promise<CommitOutcome>((resolve, reject) => {
		const finish = (settle: () => void) => {
			settled = true;
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
		onFailure(worker, (message) =>
			finish(() => reject(new UserFacingError(`Nothing was imported: the import stopped (${message}).`)))
		);
	});
	// Rejected before it is returned (the worker failed during the walk): not an unhandled rejection meanwhile.
	outcome.catch(() => {});
	// Walked in slices while the worker starts: a million rows in one task would hold the page for tens of ms.
	const updated = new ClientsUpdated();
	await eachInSlices(rows, (row) => updated.note(updatesOf(row)));
	if (!settled) {
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
	}
	return outcome;
}
