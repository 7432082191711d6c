import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NO_SHAPING } from '$lib/import/column-plan';
import { inspect, parse, prepareReader, ReadFailure, releaseReader } from '$lib/import/parse-client';
import type { WorkerRequest, WorkerResponse } from '$lib/import/protocol';
import { SNAPSHOT } from '../domain/valid-row';

/** The parse worker as the page sees it: it records what it is sent, and the test answers for it. */
class FakeWorker {
	static started: FakeWorker[] = [];
	onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null = null;
	onerror: ((event: ErrorEvent) => void) | null = null;
	received: WorkerRequest[] = [];
	terminated = false;
	constructor() {
		FakeWorker.started.push(this);
	}
	postMessage(request: WorkerRequest) {
		this.received.push(request);
	}
	answer(message: WorkerResponse) {
		this.onmessage?.({ data: message } as MessageEvent<WorkerResponse>);
	}
	terminate() {
		this.terminated = true;
	}
}

const file = new File(['a,b\n1,2\n'], 'clients.csv');
const settings = { encoding: 'utf-8', delimiter: ',' } as const;
const inspected = (id: number): WorkerResponse => ({
	id,
	type: 'inspected',
	settings,
	detected: settings,
	header: ['a', 'b'],
	headerCheck: { exact: false, columns: [], mapping: [], extraColumns: [] },
	hasRows: true,
	samples: [],
	firstRows: []
});

beforeEach(() => {
	vi.useFakeTimers();
	FakeWorker.started = [];
	vi.stubGlobal('Worker', FakeWorker);
});

afterEach(() => {
	releaseReader();
	vi.unstubAllGlobals();
	vi.useRealTimers();
});

describe('the file reader of the import page', () => {
	it('starts its worker ahead of the first file, and uses that one worker for file after file', async () => {
		prepareReader();
		expect(FakeWorker.started).toHaveLength(0);
		await vi.runAllTimersAsync();
		expect(FakeWorker.started).toHaveLength(1);
		const [worker] = FakeWorker.started;
		const first = inspect(file, {}, ['a', 'b']);
		worker.answer(inspected(worker.received[0].id));
		await expect(first).resolves.toMatchObject({ header: ['a', 'b'] });
		const second = inspect(file, {}, ['a', 'b']);
		worker.answer({ id: worker.received[1].id, type: 'failed', message: 'Not a CSV.' });
		await expect(second).rejects.toBeInstanceOf(ReadFailure);
		expect(FakeWorker.started).toHaveLength(1);
		expect(worker.terminated).toBe(false);
	});

	it('gives each request only its own answers', async () => {
		const rows: number[] = [];
		const job = parse(file, settings, [0, 1], NO_SHAPING, SNAPSHOT, (batch) => rows.push(batch.length));
		const looking = inspect(file, {}, ['a', 'b']);
		const [worker] = FakeWorker.started;
		const [parseId, inspectId] = worker.received.map((request) => request.id);
		worker.answer(inspected(inspectId));
		worker.answer({ id: parseId, type: 'done', progress: { bytesRead: 8, totalBytes: 8, rowsRead: 0 } });
		await expect(looking).resolves.toMatchObject({ type: 'inspected' });
		await expect(job.done).resolves.toMatchObject({ bytesRead: 8 });
		expect(rows).toEqual([]);
	});

	it('stops a read at once on Cancel, and starts another worker for the next file', async () => {
		prepareReader();
		const job = parse(file, settings, [0, 1], NO_SHAPING, SNAPSHOT, () => {});
		const [first] = FakeWorker.started;
		job.cancel();
		expect(first.terminated).toBe(true);
		await expect(job.done).rejects.toMatchObject({ name: 'AbortError' });
		// The next one is ready before the next file, started when the page is idle.
		await vi.runAllTimersAsync();
		expect(FakeWorker.started).toHaveLength(2);
		const next = inspect(file, {}, ['a', 'b']);
		FakeWorker.started[1].answer(inspected(FakeWorker.started[1].received[0].id));
		await expect(next).resolves.toMatchObject({ type: 'inspected' });
	});

	it('ends its worker, and a read still running, when the admin leaves the page', async () => {
		prepareReader();
		const job = parse(file, settings, [0, 1], NO_SHAPING, SNAPSHOT, () => {});
		releaseReader();
		await expect(job.done).rejects.toMatchObject({ name: 'AbortError' });
		expect(FakeWorker.started[0].terminated).toBe(true);
		await vi.runAllTimersAsync();
		expect(FakeWorker.started).toHaveLength(1);
	});

	it('fails the requests of a worker that stops, and starts no other until one is needed', async () => {
		prepareReader();
		const looking = inspect(file, {}, ['a', 'b']);
		FakeWorker.started[0].onerror?.({ message: 'boom', preventDefault: () => {} } as ErrorEvent);
		await expect(looking).rejects.toThrow('The file reader stopped: boom.');
		await vi.runAllTimersAsync();
		expect(FakeWorker.started).toHaveLength(1);
		// Left unanswered until the admin leaves the page, which cancels it.
		const next = inspect(file, {}, ['a', 'b']).catch((error: Error) => error.name);
		expect(FakeWorker.started).toHaveLength(2);
		releaseReader();
		expect(await next).toBe('AbortError');
	});
});
