// Checking many edited rows at once (a fix-all, its undo) in helper workers, so the page's thread stays free:
// the same check pool the parse worker uses, with every batch sent to a helper and none checked in place.
import type { RowIssue } from '$lib/domain/issues';
import { indexWorkspace, type WorkspaceSnapshot } from '$lib/domain/workspace';
import { CheckPool } from './check-pool';

export type CheckElsewhere = (rows: string[][], workspace: WorkspaceSnapshot) => Promise<RowIssue[][]>;

/** Helpers for one large edit: as many as the browser has cores, up to four; ended when the edit is checked. */
export const checkInWorkers: CheckElsewhere = async (rows, workspace) => {
	const count = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
	const workers = Array.from(
		{ length: count },
		() => new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module' })
	);
	const pool = new CheckPool(indexWorkspace(workspace), workspace, workers, Infinity);
	try {
		const size = Math.ceil(rows.length / (count * 4));
		const batches: Promise<RowIssue[][]>[] = [];
		for (let start = 0; start < rows.length; start += size) batches.push(pool.check(rows.slice(start, start + size)));
		return (await Promise.all(batches)).flat();
	} finally {
		pool.close();
	}
};
