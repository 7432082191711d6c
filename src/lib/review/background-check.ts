// Checking many edited rows at once (a fix-all, its undo) in helper workers, so the page's thread stays free:
// the same check pool the parse worker uses, with every batch sent to a helper and none checked in place.
import { nextTask, whenIdle } from '$lib/components/idle';
import type { RowIssue } from '$lib/domain/issues';
import type { StoredValues } from '$lib/domain/stored-values';
import { indexWorkspace, type WorkspaceSnapshot } from '$lib/domain/workspace';
import { CheckPool, type CheckHelper } from '../import/check-pool';

export type CheckElsewhere = (rows: readonly StoredValues[], workspace: WorkspaceSnapshot) => Promise<RowIssue[][]>;

const BATCH_ROWS = 2_000;

/**
 * The helpers of the open review's large edits: started in an idle moment once the review is open, since a
 * helper takes longer to start than a fix-all's checks take, and kept until the import page closes.
 */
let helpers: CheckHelper[] = [];

function startHelpers(): CheckHelper[] {
	if (helpers.length > 0) return helpers;
	const count = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
	helpers = Array.from(
		{ length: count },
		() => new Worker(new URL('../import/check.worker.ts', import.meta.url), { type: 'module' })
	);
	return helpers;
}

/** A review is open: its helpers start when the page is idle. Returns the function that calls that off. */
export function prepareCheckHelpers(): () => void {
	return whenIdle(startHelpers);
}

/** The import page is closed: the helpers end. */
export function releaseCheckHelpers(): void {
	for (const helper of helpers) helper.terminate();
	helpers = [];
}

export const checkInWorkers: CheckElsewhere = async (rows, workspace) => {
	const pool = new CheckPool(indexWorkspace(workspace), workspace, startHelpers(), Infinity);
	try {
		// Batches small enough that packing one, or taking in its answer, is a short task on the page.
		const batches: Promise<RowIssue[][]>[] = [];
		for (let start = 0; start < rows.length; start += BATCH_ROWS) {
			if (start > 0) await nextTask();
			batches.push(pool.check(rows.slice(start, start + BATCH_ROWS)));
		}
		return (await Promise.all(batches)).flat();
	} finally {
		helpers = pool.release();
	}
};
