// Checking batches of rows on every core the browser offers: batches go to helper workers while they have
// little queued, and are checked in place otherwise, so the parse worker's own core shares the checking when
// the helpers are busy (or still starting) and parses when they are not. Results come back in the order
// batches went in.
import type { RowIssue } from '$lib/domain/issues';
import { checkRow } from '$lib/domain/rules';
import type { WorkspaceIndex, WorkspaceSnapshot } from '$lib/domain/workspace';
import { packRows, valuesOf, type PackedRows, type StoredValues } from '$lib/domain/stored-values';

export type CheckRequest =
	{ type: 'workspace'; workspace: WorkspaceSnapshot } | { type: 'check'; id: number; rows: PackedRows; count: number };

/** `ready` answers the workspace: the helper has started and checks from now on. */
export type CheckResponse = { type: 'ready' } | { type: 'checked'; id: number; issues: RowIssue[][] };

/** The parts of a Worker the pool uses (a fake in unit tests). */
export interface CheckHelper {
	postMessage(message: CheckRequest, transfer?: Transferable[]): void;
	onmessage: ((event: MessageEvent<CheckResponse>) => void) | null;
	onerror: ((event: ErrorEvent) => void) | null;
	terminate(): void;
}

/** Each row's own issues (its rules and the workspace's), in the batch's order. */
export function checkRows(rows: readonly StoredValues[], workspace: WorkspaceIndex): RowIssue[][] {
	return rows.map((values) => checkRow(typeof values === 'string' ? valuesOf(values) : values, workspace));
}

/** Batches a helper may have queued before the next is checked in place. */
const HELPER_QUEUE = 4;

interface Pending {
	rows: readonly StoredValues[];
	resolve: (issues: RowIssue[][]) => void;
}

export class CheckPool {
	private nextId = 0;
	private readonly helpers: { worker: CheckHelper; pending: Map<number, Pending>; ready: boolean }[];

	/**
	 * `queueLimit`: batches a helper may hold before the next is checked in place; a batch is checked in place
	 * too while no helper has started yet (a helper takes a few hundred milliseconds to start, more than a small
	 * file's checks). The page passes Infinity, so that it never checks in place, and waits for its helpers:
	 * its thread is the one that must stay free.
	 */
	constructor(
		private readonly workspace: WorkspaceIndex,
		snapshot: WorkspaceSnapshot,
		workers: readonly CheckHelper[],
		private readonly queueLimit = HELPER_QUEUE
	) {
		this.helpers = workers.map((worker) => {
			const helper = { worker, pending: new Map<number, Pending>(), ready: false };
			worker.onmessage = ({ data }) => {
				if (data.type === 'ready') {
					helper.ready = true;
					return;
				}
				helper.pending.get(data.id)?.resolve(data.issues);
				helper.pending.delete(data.id);
			};
			// A helper that fails hands its batches back: they are checked in place, and it gets no more.
			worker.onerror = (event) => {
				event.preventDefault?.();
				this.helpers.splice(this.helpers.indexOf(helper), 1);
				worker.terminate();
				for (const batch of helper.pending.values()) batch.resolve(checkRows(batch.rows, this.workspace));
				helper.pending.clear();
			};
			worker.postMessage({ type: 'workspace', workspace: snapshot });
			return helper;
		});
	}

	/** The issues of each row of the batch, in its order. */
	check(rows: readonly StoredValues[]): Promise<RowIssue[][]> {
		const helper = this.helpers
			.filter((h) => (h.ready || this.queueLimit === Infinity) && h.pending.size < this.queueLimit)
			.sort((a, b) => a.pending.size - b.pending.size)[0];
		if (!helper || rows.length === 0) return Promise.resolve(checkRows(rows, this.workspace));
		const id = this.nextId++;
		const packed = packRows(rows);
		return new Promise((resolve) => {
			helper.pending.set(id, { rows, resolve });
			helper.worker.postMessage({ type: 'check', id, rows: packed, count: rows.length });
		});
	}

	close(): void {
		for (const helper of this.helpers) helper.worker.terminate();
		this.helpers.length = 0;
	}

	/**
	 * Lets go of the helpers without ending them, for their owner to use in another pool; returns those still
	 * working. A helper that failed was ended, and so is one with a check unanswered: its answer would reach
	 * the next pool.
	 */
	release(): CheckHelper[] {
		const working: CheckHelper[] = [];
		for (const { worker, pending } of this.helpers) {
			worker.onmessage = worker.onerror = null;
			if (pending.size === 0) working.push(worker);
			else worker.terminate();
		}
		this.helpers.length = 0;
		return working;
	}
}
