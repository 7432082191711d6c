// The parse worker: reads, decodes, parses and checks a file off the main thread, and posts rows in batches.
// Cancelling terminates the worker, which stops it at once.
import { indexWorkspace } from '$lib/domain/workspace';
import type { WorkerRequest, WorkerResponse } from './protocol';
import { FileProblem, inspectFile, readFile } from './read-file';

const post = (message: WorkerResponse) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
	const request = event.data;
	try {
		if (request.type === 'inspect') {
			post({ type: 'inspected', ...(await inspectFile(request.file, request.settings, request.columns)) });
		} else {
			const progress = await readFile(request.file, {
				settings: request.settings,
				mapping: request.mapping,
				workspace: indexWorkspace(request.workspace),
				onRows: (rows, progress) => post({ type: 'rows', rows, progress })
			});
			post({ type: 'done', progress });
		}
	} catch (error) {
		const message =
			error instanceof FileProblem
				? error.message
				: `The file could not be read: ${error instanceof Error ? error.message : String(error)}.`;
		post({ type: 'failed', message });
	}
};
