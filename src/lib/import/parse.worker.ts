// The parse worker: reads, decodes, parses and checks a file off the main thread, and posts rows in batches.
// The page keeps one for as long as the import page is open, for file after file; cancelling terminates it,
// which stops it (and its helpers) at once.
import { messageOf } from '$lib/wording';
import { indexWorkspace } from '$lib/domain/workspace';
import { CheckPool } from './check-pool';
import { batchTransfer, packBatch, type WorkerRequest, type WorkerResponse } from './protocol';
import { FileProblem, inspectFile, readFile } from './read-file';
import { warmUpReader } from './reader-warm-up';

const post = (message: WorkerResponse) => self.postMessage(message);

/**
 * Files from this size have their rows checked on the other cores too (some 20,000 rows, half a second of
 * checks on one core). A helper takes longer to start than the checks of a smaller file take here.
 */
const HELPERS_FROM_BYTES = 4 * 1024 * 1024;

/** Helpers started for the file at hand, or none: started as its header is inspected, ended after its read. */
let helpers: Worker[] = [];

/** Helpers for the other cores, for a big file; this worker's own core parses and checks what they cannot take. */
function helpersFor(file: Blob): Worker[] {
	if (helpers.length > 0 || file.size < HELPERS_FROM_BYTES) return helpers;
	const cores = self.navigator.hardwareConcurrency || 1;
	helpers = Array.from(
		{ length: Math.min(3, cores - 1) },
		() => new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module' })
	);
	return helpers;
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
	const request = event.data;
	const { id } = request;
	try {
		if (request.type === 'inspect') {
			// The helpers start while the page looks at the header: they are ready sooner for the read to come.
			helpersFor(request.file);
			post({ id, type: 'inspected', ...(await inspectFile(request.file, request.settings, request.columns)) });
		} else {
			const workspace = indexWorkspace(request.workspace);
			const pool = new CheckPool(workspace, request.workspace, helpersFor(request.file));
			helpers = [];
			try {
				const progress = await readFile(request.file, {
					settings: request.settings,
					mapping: request.mapping,
					shaping: request.shaping,
					workspace,
					onRows: (rows, progress) => {
						const batch = packBatch(rows);
						self.postMessage({ id, type: 'rows', batch, progress } satisfies WorkerResponse, {
							transfer: batchTransfer(batch)
						});
					},
					check: (rows) => pool.check(rows)
				});
				post({ id, type: 'done', progress });
			} finally {
				pool.close();
			}
		}
	} catch (error) {
		const message = error instanceof FileProblem ? error.message : `The file could not be read: ${messageOf(error)}.`;
		post({ id, type: 'failed', message, readAs: error instanceof FileProblem ? error.readAs : undefined });
	}
};

// The page starts this worker ahead of the first file: it reads a small file of its own meanwhile. A warm-up
// that fails costs nothing but the speed of the first file.
warmUpReader().catch(() => {});
