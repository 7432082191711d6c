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
 * Helpers started and free: started in an idle moment once a review is open, since a helper takes longer to
 * start than a fix-all's checks take, and kept while the import page is open. A check takes them for itself
 * while it runs (another review's large edit meanwhile starts its own) and hands them back after.
 */
let idle: CheckHelper[] = [];
/** Whether the import page is open: helpers handed back after it closed are ended. */
let wanted = false;

function startHelpers(): CheckHelper[] {
	const count = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
	return Array.from(
		{ length: count },
		() => new Worker(new URL('../import/check.worker.ts', import.meta.url), { type: 'module' })
	);
}

/** Keeps a helper for the next check; one that fails meanwhile (its script did not load) is ended and dropped. */
function park(helper: CheckHelper): CheckHelper {
	helper.onmessage = null;
	helper.onerror = (event) => {
		event.preventDefault?.();
		helper.terminate();
		idle = idle.filter((other) => other !== helper);
	};
	return helper;
}

/** A review is open: helpers start when the page is idle. Returns the function that calls that off. */
export function prepareCheckHelpers(): () => void {
	wanted = true;
	return whenIdle(() => {
		if (!wanted || idle.length > 0) return;
		try {
			idle = startHelpers().map(park);
		} catch {
			// The browser would not start them (it refused the script): a large edit tries again, and says so if it fails.
		}
	});
}

/**
 * The import page is closed: the free helpers end, and those of a check under way end once it is done (the
 * edit it checks is then taken in, and saved in the draft, as the admin left it).
 */
export function releaseCheckHelpers(): void {
	wanted = false;
	for (const helper of idle) helper.terminate();
	idle = [];
}

export const checkInWorkers: CheckElsewhere = async (rows, workspace) => {
	const mine = idle.length > 0 ? idle : startHelpers();
	idle = [];
	const pool = new CheckPool(indexWorkspace(workspace), workspace, mine, Infinity);
	try {
		// Batches small enough that packing one, or taking in its answer, is a short task on the page.
		const batches: Promise<RowIssue[][]>[] = [];
		for (let start = 0; start < rows.length; start += BATCH_ROWS) {
			if (start > 0) await nextTask();
			batches.push(pool.check(rows.slice(start, start + BATCH_ROWS)));
		}
		return (await Promise.all(batches)).flat();
	} finally {
		const released = pool.release();
		if (wanted && idle.length === 0) idle = released.map(park);
		else for (const helper of released) helper.terminate();
	}
};
