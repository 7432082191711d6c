// The page's side of the parse worker: one worker per job, terminated on cancel or when done.
import type { WorkspaceSnapshot } from '$lib/domain/workspace';
import type { ColumnMapping } from './header';
import {
	unpackBatch,
	type FileSettings,
	type ParsedRow,
	type Progress,
	type ReadAs,
	type WorkerRequest,
	type WorkerResponse
} from './protocol';

type Inspected = Extract<WorkerResponse, { type: 'inspected' }>;

export interface ParseJob {
	done: Promise<Progress>;
	cancel: () => void;
}

/** The worker's refusal of a file, with how it read the file when it got that far. */
export class ReadFailure extends Error {
	constructor(
		message: string,
		readonly readAs?: ReadAs
	) {
		super(message);
	}
}

function startWorker(): Worker {
	return new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
}

export function inspect(file: File, settings: Partial<FileSettings>, columns: string[]): Promise<Inspected> {
	const worker = startWorker();
	return new Promise<Inspected>((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
			const message = event.data;
			if (message.type === 'inspected') resolve(message);
			else if (message.type === 'failed') reject(new ReadFailure(message.message, message.readAs));
		};
		worker.onerror = (event) => reject(new Error(`The file reader stopped: ${event.message || 'unknown error'}.`));
		worker.postMessage({ type: 'inspect', file, settings, columns } satisfies WorkerRequest);
	}).finally(() => worker.terminate());
}

export function parse(
	file: File,
	settings: FileSettings,
	mapping: ColumnMapping,
	workspace: WorkspaceSnapshot,
	onRows: (rows: ParsedRow[], progress: Progress) => void
): ParseJob {
	const worker = startWorker();
	let cancel: () => void = () => {};
	const done = new Promise<Progress>((resolve, reject) => {
		cancel = () => {
			worker.terminate();
			reject(new DOMException('Cancelled', 'AbortError'));
		};
		worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
			const message = event.data;
			if (message.type === 'rows') onRows(unpackBatch(message.batch), message.progress);
			else if (message.type === 'done') resolve(message.progress);
			else if (message.type === 'failed') reject(new ReadFailure(message.message, message.readAs));
		};
		worker.onerror = (event) => reject(new Error(`The file reader stopped: ${event.message || 'unknown error'}.`));
		worker.postMessage({ type: 'parse', file, settings, mapping, workspace } satisfies WorkerRequest);
	}).finally(() => worker.terminate());
	return { done, cancel };
}
