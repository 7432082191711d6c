// The parse worker: reads, decodes, parses and checks a file off the main thread, and posts rows in batches.
// Cancelling terminates the worker, which stops it at once.
import { messageOf } from '$lib/wording';
import { indexWorkspace } from '$lib/domain/workspace';
import { CheckPool } from './check-pool';
import { batchTransfer, packBatch, type WorkerRequest, type WorkerResponse } from './protocol';
import { FileProblem, inspectFile, readFile } from './read-file';

const post = (message: WorkerResponse) => self.postMessage(message);

/** Helpers for the other cores; this worker's own core parses and checks what they cannot take. */
function startHelpers(): Worker[] {
	const cores = self.navigator.hardwareConcurrency || 1;
	return Array.from(
		{ length: Math.min(3, cores - 1) },
		() => new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module' })
	);
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
	const request = event.data;
	try {
		if (request.type === 'inspect') {
			post({ type: 'inspected', ...(await inspectFile(request.file, request.settings, request.columns)) });
		} else {
			const workspace = indexWorkspace(request.workspace);
			const pool = new CheckPool(workspace, request.workspace, startHelpers());
			try {
				const progress = await readFile(request.file, {
					settings: request.settings,
					mapping: request.mapping,
					workspace,
					onRows: (rows, progress) => {
						const batch = packBatch(rows, workspace.columns.length);
						self.postMessage({ type: 'rows', batch, progress } satisfies WorkerResponse, {
							transfer: batchTransfer(batch)
						});
					},
					check: (rows) => pool.check(rows)
				});
				post({ type: 'done', progress });
			} finally {
				pool.close();
			}
		}
	} catch (error) {
		const message = error instanceof FileProblem ? error.message : `The file could not be read: ${messageOf(error)}.`;
		post({ type: 'failed', message, readAs: error instanceof FileProblem ? error.readAs : undefined });
	}
};
