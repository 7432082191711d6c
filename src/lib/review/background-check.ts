// Checking many edited rows at once (a fix-all, its undo) in helper workers, so the page's thread stays free:
// the same check pool the parse worker uses, with every batch sent to a helper and none checked in place.
import { nextTask } from '$lib/components/idle';
import type { RowIssue } from '$lib/domain/issues';
import { indexWorkspace, type WorkspaceSnapshot } from '$lib/domain/workspace';
import { CheckPool } from '../import/check-pool';

export type CheckElsewhere = (rows: string[][], workspace: WorkspaceSnapshot) => Promise<RowIssue[][]>;

const BATCH_ROWS = 2_000;

/** Helpers for one large edit: as many as the browser has cores, up to four; ended when the edit is checked. */
export const checkInWorkers: CheckElsewhere = async (rows, workspace) => {
	const count = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
	const workers = Array.from(
		{ length: count },
		() => new Worker(new URL('../import/check.worker.ts', import.meta.url), { type: 'module' })
	);
	const pool = new CheckPool(indexWorkspace(workspace), workspace, workers, Infinity);
	try {
		// Batches small enough that packing one, or taking in its answer, is a short task on the page.
		const batches: Promise<RowIssue[][]>[] = [];
		for (let start = 0; start < rows.length; start += BATCH_ROWS) {
			if (start > 0) await nextTask();
			batches.push(pool.check(rows.slice(start, start + BATCH_ROWS)));
		}
		return (await Promise.all(batches)).flat();
	} finally {
		pool.close();
	}
};
