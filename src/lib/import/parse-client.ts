// The page's side of the parse worker: one worker for the import page, started while the page is idle (so a
// file chosen finds it compiled and running) and reused for every inspect and read after it. Cancelling a
// read terminates it, which stops it at once; the next request, or the next idle moment, starts another.
import { whenIdle } from '$lib/components/idle';
import type { WorkspaceSnapshot } from '$lib/domain/workspace';
import type { ColumnMapping, ColumnShaping } from './column-plan';
import {
	unpackBatch,
	type FileSettings,
	type ReceivedRow,
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

interface Request {
	onmessage: (message: WorkerResponse) => void;
	reject: (error: Error) => void;
}

let worker: Worker | null = null;
let nextId = 0;
/** The requests the worker has not finished, by id. */
const requests = new Map<number, Request>();
/** Whether the import page is open: a worker stopped meanwhile is started again when the page is idle. */
let wanted = false;
let idleStart: ReturnType<typeof whenIdle> | undefined;

function theWorker(): Worker {
	if (worker) return worker;
	idleStart?.();
	idleStart = undefined;
	const started = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
	started.onmessage = (event: MessageEvent<WorkerResponse>) => requests.get(event.data.id)?.onmessage(event.data);
	// A worker that fails is not started again before it is needed: it might fail again, idle after idle.
	started.onerror = (event) => {
		event.preventDefault();
		stop(new Error(`The file reader stopped: ${event.message || 'unknown error'}.`), { restart: false });
	};
	worker = started;
	return started;
}

/** Terminates the worker; its unfinished requests fail with `reason`. Another starts when the page is idle. */
function stop(reason: Error, { restart = true } = {}) {
	worker?.terminate();
	worker = null;
	const unfinished = [...requests.values()];
	requests.clear();
	for (const request of unfinished) request.reject(reason);
	if (wanted && restart) warmLater();
}

function warmLater() {
	idleStart?.();
	idleStart = whenIdle(() => {
		idleStart = undefined;
		if (wanted) theWorker();
	});
}

/** The import page is open: the worker starts at the page's first idle moment, ahead of the file. */
export function prepareReader(): void {
	wanted = true;
	if (!worker) warmLater();
}

/** The import page is closed: the worker ends, and with it any read still running. */
export function releaseReader(): void {
	wanted = false;
	idleStart?.();
	idleStart = undefined;
	stop(new DOMException('Cancelled', 'AbortError'));
}

/** Sends a request; `onmessage` gets the worker's answers to it, `reject` a stop of the worker. */
function send(request: WorkerRequest, onmessage: (message: WorkerResponse) => void, reject: (error: Error) => void) {
	requests.set(request.id, { onmessage, reject });
	theWorker().postMessage(request);
}

export function inspect(file: File, settings: Partial<FileSettings>, columns: string[]): Promise<Inspected> {
	const id = nextId++;
	return new Promise<Inspected>((resolve, reject) => {
		send(
			{ id, type: 'inspect', file, settings, columns },
			(message) => {
				if (message.type === 'inspected') resolve(message);
				else if (message.type === 'failed') reject(new ReadFailure(message.message, message.readAs));
			},
			reject
		);
	}).finally(() => requests.delete(id));
}

export function parse(
	file: File,
	settings: FileSettings,
	mapping: ColumnMapping,
	shaping: ColumnShaping,
	workspace: WorkspaceSnapshot,
	onRows: (rows: ReceivedRow[], progress: Progress) => void
): ParseJob {
	const id = nextId++;
	const done = new Promise<Progress>((resolve, reject) => {
		send(
			{ id, type: 'parse', file, settings, mapping, shaping, workspace },
			(message) => {
				if (message.type === 'rows') onRows(unpackBatch(message.batch), message.progress);
				else if (message.type === 'done') resolve(message.progress);
				else if (message.type === 'failed') reject(new ReadFailure(message.message, message.readAs));
			},
			reject
		);
	}).finally(() => requests.delete(id));
	const cancel = () => {
		// Terminating is the one way to stop a read at once: a message would wait behind the rows being read.
		if (requests.has(id)) stop(new DOMException('Cancelled', 'AbortError'));
	};
	return { done, cancel };
}
